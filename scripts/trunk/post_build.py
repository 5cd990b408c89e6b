#!/usr/bin/env python3
"""trunk's post-build hook (Trunk.toml), run on the build folder before it becomes dist/
(or on the folder given as an argument):

1. The app's own scripts copied from public/ lose their whole-line comments: the first
   visit downloads boot.js and worker.js, and their bytes count against the budget
   (trunk's minifier leaves copied files alone).
2. The service worker, sw.js, is written from public/sw.js with `FILES`, the build's
   files to keep offline, and `VERSION`, a hash of all of them: a build that changes any
   file is a new service worker, which the page offers to reload into.

`FILES` is every file of the build whose path matches one of PRECACHE's patterns. A file
added to dist/ later (a data file the worker fetches after the first highlight, say)
needs no change here when it matches one: `*.bin`, `*.json`, `*.tsv`, `*.txt`, `*.gz`, or
anything under `data/`. A file matching none is left out with a warning at build time,
except the manifest and its icons (LEFT_OUT): the browser fetches them when it installs
or updates the app, online, and keeping 50 KB of pictures would only lengthen the first
visit. The page itself
is kept as `./`, which any static server answers with index.html, so the app works
offline under any sub-path.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = ROOT / "public"
SERVICE_WORKER = "sw.js"
PRECACHE = [
    # the app: page, scripts, wasm, styles, favicon
    "*.html", "*.js", "*.wasm", "*.css", "*.svg",
    # data files fetched at run time
    "*.bin", "*.json", "*.tsv", "*.txt", "*.gz", "data/*",
]
# The second tier is kept by the analysis worker itself (its own cache, src/analyser):
# precaching it too would download its 1.6 MB twice on a first visit.
LEFT_OUT = ["manifest.webmanifest", "icon-*.png", "tier-*.bin"]


def without_comment_lines(source: str) -> str:
    """The script without its lines that hold only a `//` comment. Safe for the app's own
    scripts, which never start a line of a string or template literal with `//`."""
    return "".join(line for line in source.splitlines(keepends=True) if not line.lstrip().startswith("//"))


def strip_public_scripts(build: Path) -> None:
    for script in PUBLIC.glob("*.js"):
        built = build / script.name
        if built.is_file():
            built.write_text(without_comment_lines(built.read_text(encoding="utf-8")), encoding="utf-8")


def lighter_glue(source: str) -> str:
    """wasm-bindgen's module without its comments and indentation (trunk's minifier
    cannot parse it; this saves 1.8 KB gzipped of the first download). Whole-line `//`
    comments, one-line `/* ... */` comments and the doc blocks (`/**` alone on its line
    to the line ending `*/`) go; a module with a template literal over several lines (a
    line with an odd number of backticks) is left as it is."""
    lines = source.splitlines(keepends=True)
    if any(line.count("`") % 2 for line in lines):
        return source
    kept, in_block = [], False
    for line in lines:
        text = line.strip()
        if in_block:
            in_block = not text.endswith("*/")
        elif text in ("/*", "/**"):
            in_block = True
        elif not text.startswith("//") and not (text.startswith("/*") and text.endswith("*/")):
            kept.append(line.lstrip())
    return "".join(kept)


def lighten_glue(build: Path) -> None:
    page = (build / "index.html").read_text(encoding="utf-8")
    for name in re.findall(r'data-js="?\./([^"\s>]+)', page):
        glue = build / name
        glue.write_text(lighter_glue(glue.read_text(encoding="utf-8")), encoding="utf-8")


def precached(build: Path) -> list[str]:
    """The build's files to keep offline, relative to the build folder."""
    files = []
    for path in sorted(p for p in build.rglob("*") if p.is_file()):
        relative = path.relative_to(build).as_posix()
        if relative == SERVICE_WORKER or any(fnmatch.fnmatchcase(relative, p) for p in LEFT_OUT):
            continue
        if any(fnmatch.fnmatchcase(relative, pattern) for pattern in PRECACHE):
            files.append(relative)
        else:
            print(f"post_build: {relative} matches no pattern of PRECACHE in scripts/trunk/post_build.py: "
                  "not kept offline", file=sys.stderr)
    return files


def version(build: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for relative in files:
        digest.update(relative.encode() + b"\0" + (build / relative).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def service_worker(files: list[str], build_version: str) -> str:
    """public/sw.js with its placeholders filled."""
    source = (PUBLIC / SERVICE_WORKER).read_text(encoding="utf-8")
    for placeholder in ('"%VERSION%"', '"%FILES%"'):
        if source.count(placeholder) != 1:
            sys.exit(f"post_build: public/{SERVICE_WORKER} must hold {placeholder} once")
    urls = ["./" if name == "index.html" else name for name in files]
    source = source.replace('"%VERSION%"', json.dumps(build_version))
    return source.replace('"%FILES%"', json.dumps(urls, separators=(",", ":")))


def main() -> None:
    build = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    if not (build / "index.html").is_file():
        sys.exit(f"post_build: no index.html in {build}")
    strip_public_scripts(build)
    lighten_glue(build)
    files = precached(build)
    build_version = version(build, files)
    (build / SERVICE_WORKER).write_text(without_comment_lines(service_worker(files, build_version)), encoding="utf-8")
    print(f"post_build: {SERVICE_WORKER} version {build_version} keeps {len(files)} files offline")


if __name__ == "__main__":
    main()
