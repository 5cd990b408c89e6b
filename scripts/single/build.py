#!/usr/bin/env python3
"""`make single`: the built app (dist/, from `make build`) as one self-contained HTML file,
dist-single/diplomap.html, that works opened from file:// with no server.

The styles become <style> elements and the favicon a data: URL. The wasm binary, the
wasm-bindgen module, boot.js, worker.js and share.js go in as gzipped base64 data blocks
(<script type="application/gzip">, which a browser never runs), and one small inline
module (loader.js) turns them into blob: URLs and starts boot.js from them, as the hosted
page starts it from files: the analysis worker starts from a blob: URL too. The
Content-Security-Policy stays strict: the inline script and styles are allowed by their
hashes, scripts and workers otherwise only from the page's own blob: URLs, and nothing
from anywhere else (no 'unsafe-inline', no 'unsafe-eval' beyond 'wasm-unsafe-eval').
There is no service worker and no manifest: file:// has neither.

Every file of dist/ must be carried into the single file or named in HOSTED_ONLY: a
file the app fetches at run time (a data file, say) that this script does not carry
would be missing from file://, so the build fails and says which.

    python3 scripts/single/build.py [DIST] [OUT]
"""

from __future__ import annotations

import base64
import fnmatch
import gzip
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOADER = Path(__file__).with_name("loader.js")

# The hosted app's files that a file:// page has no use for: the service worker, its
# update notice, the manifest and the install icons; and the gazetteer's second tier,
# 1.6 MB gzipped, which would triple the file (without it the single file analyses with
# the first download's tables, as the hosted app does before the tier arrives).
HOSTED_ONLY = ["sw.js", "updates.js", "manifest.webmanifest", "icon-*.png", "tier-*.bin"]

POLICY = ("default-src 'none'; script-src {scripts} blob: 'wasm-unsafe-eval'; worker-src blob:; "
          "style-src {styles}; img-src blob: data:; connect-src blob:; base-uri 'none'; "
          "form-action 'none'; object-src 'none'")


def fail(message: str) -> None:
    sys.exit(f"make single: {message}")


def attributes(tag: str) -> dict[str, str]:
    """The attributes of one tag of trunk's minified HTML (quoted or not)."""
    found = {}
    for name, double, single, bare in re.findall(r'([\w-]+)(?:=(?:"([^"]*)"|\'([^\']*)\'|([^\s>]+)))?', tag[1:]):
        found[name] = double or single or bare
    return found


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def data_block(name: str, mime: str, body: bytes) -> str:
    packed = base64.b64encode(gzip.compress(body, compresslevel=9, mtime=0)).decode()
    return f'<script type="application/gzip" data-file="{name}" data-type="{mime}">{packed}</script>'


# `export` or `import` as a keyword: not part of a longer name nor a property. The glue
# may be minified (scripts/trunk/post_build.py), so statements need not start lines.
KEYWORD = r"(?<![\w$.])"


def classic_glue(module: str) -> str:
    """wasm-bindgen's glue (an ES module) as a classic script that sets
    `self.diplomapGlue` to its exports: the single file's worker is a classic script,
    since Chromium lets no worker started from a file:// page import a module."""
    body = re.sub(KEYWORD + r"export (?=(?:async )?function |class |const |let )", "", module)
    exported = re.search(KEYWORD + r"export ?\{([^}]*)\};?\s*\Z", body)
    if not exported:
        fail("the wasm-bindgen glue does not end with an `export { ... }` list")
    names = re.findall(KEYWORD + r"export (?:async )?function ([\w$]+)|" + KEYWORD + r"export class ([\w$]+)", module)
    fields = [a or b for a, b in names]
    for item in exported.group(1).split(","):
        name, _, alias = (part.strip() for part in item.partition(" as "))
        fields.append(f"{alias}: {name}" if alias else name)
    body = body[:exported.start()] + body[exported.end():]
    body = body.replace("import.meta.url", "self.location.href")
    if re.search(KEYWORD + r"(import|export)\b(?![.(])", body):
        fail("the wasm-bindgen glue has an import or export the single file cannot turn into a classic script")
    return f"self.diplomapGlue = (() => {{\n{body}\nreturn {{ {', '.join(fields)} }};\n}})();\n"


def inline_style(css: str) -> str:
    if "</style" in css.lower():
        fail("a stylesheet holds '</style'")
    return f"<style>{css}</style>"


def build(dist: Path) -> str:
    html = (dist / "index.html").read_text(encoding="utf-8")
    styles: list[str] = []
    blocks: list[str] = []
    carried = {"index.html"}

    def replace_link(match: re.Match) -> str:
        link = attributes(match.group(0))
        rel, href = link.get("rel", ""), link.get("href", "")
        carried.add(href.removeprefix("./"))
        if rel == "stylesheet":
            styles.append((dist / href).read_text(encoding="utf-8"))
            return inline_style(styles[-1])
        if rel == "icon":
            svg = base64.b64encode((dist / href).read_bytes()).decode()
            return f'<link rel="icon" href="data:image/svg+xml;base64,{svg}">'
        if rel in ("manifest", "modulepreload", "preload"):
            return ""
        fail(f"index.html has a link the single file cannot hold: {match.group(0)}")
        return ""

    def replace_boot(match: re.Match) -> str:
        boot = attributes(match.group(0))
        carried.update(boot[key].removeprefix("./")
                       for key in ("data-js", "data-wasm", "data-worker", "data-share", "src"))
        glue = (dist / boot["data-js"]).read_text(encoding="utf-8")
        worker = classic_glue(glue) + (dist / boot["data-worker"]).read_text(encoding="utf-8")
        for name, mime, body in (("glue", "text/javascript", glue.encode()),
                                 ("wasm", "application/wasm", (dist / boot["data-wasm"]).read_bytes()),
                                 ("worker", "text/javascript", worker.encode()),
                                 ("share", "text/javascript", (dist / boot["data-share"]).read_bytes()),
                                 ("boot", "text/javascript", (dist / boot["src"]).read_bytes())):
            blocks.append(data_block(name, mime, body))
        return ""

    html = re.sub(r"<link\b[^>]*>", replace_link, html)
    html, boots = re.subn(r"<script\b[^>]*\bdata-wasm=[^>]*></script>", replace_boot, html)
    if boots != 1:
        fail(f"index.html should start the app with one script tag, found {boots}")
    if "<script" in html:
        fail("index.html has another script the single file does not know")

    left = [path.relative_to(dist).as_posix() for path in sorted(dist.rglob("*")) if path.is_file()]
    left = [name for name in left
            if name not in carried and not any(fnmatch.fnmatchcase(name, pattern) for pattern in HOSTED_ONLY)]
    if left:
        fail(f"{', '.join(left)} in {dist} would be missing from the single file: carry it in "
             "scripts/single/build.py, or name it in HOSTED_ONLY if file:// has no use for it")

    loader = LOADER.read_text(encoding="utf-8")
    policy = POLICY.format(scripts=csp_hash(loader), styles=" ".join(csp_hash(css) for css in styles))
    html, policies = re.subn(r'<meta content="[^"]*" http-equiv=Content-Security-Policy>',
                             lambda _: f'<meta http-equiv="Content-Security-Policy" content="{policy}">', html)
    if policies != 1:
        fail("index.html should have one Content-Security-Policy")
    return html.replace("</body>", "".join(blocks) + f'<script type="module">{loader}</script></body>')


def main() -> None:
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "dist-single" / "diplomap.html"
    if not (dist / "index.html").is_file():
        fail(f"no {dist}/index.html: run `make build` first")
    html = build(dist)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    raw = len(html.encode())
    print(f"make single: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
          f"{raw / 1000:,.1f} KB ({len(gzip.compress(html.encode(), 9, mtime=0)) / 1000:,.1f} KB gzipped)")


if __name__ == "__main__":
    main()
