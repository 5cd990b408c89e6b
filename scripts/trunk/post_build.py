#!/usr/bin/env python3
"""trunk's post-build hook (Trunk.toml), run on the build folder before it becomes dist/
(or on the folder given as an argument):

1. Every script of the build is minified by terser (npm, installed by scripts/setup.sh):
   the first visit downloads them, and their bytes count against its budget; trunk's
   minifier leaves the scripts copied from public/ alone and cannot parse wasm-bindgen's
   module. Minified, they weigh 2.4 KB gzipped less.
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
import subprocess
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


TERSER = ROOT / "node_modules" / ".bin" / "terser"
# The scripts the page loads as ES modules, whose top-level names terser may shorten too.
# The analysis worker is a classic script in the single-file build (scripts/single), and
# the service worker is one everywhere: their top-level names stay.
MODULES = {"boot.js", "share.js", "updates.js"}


def minify(script: Path, module: bool) -> None:
    """terser over `script`, in place: comments, spaces and local names go."""
    if not TERSER.is_file():
        sys.exit(f"post_build: {TERSER} is missing: run scripts/setup.sh (npm ci)")
    command = [str(TERSER), str(script), "--compress", "--mangle", "--output", str(script)]
    if module:
        command.append("--module")
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"post_build: terser failed on {script.name}: {done.stderr.strip()[-400:]}")


def minify_scripts(build: Path) -> None:
    """The scripts copied from public/ and wasm-bindgen's module (the page's data-js);
    the service worker is written, then minified, after them."""
    for script in PUBLIC.glob("*.js"):
        built = build / script.name
        if built.is_file() and script.name != SERVICE_WORKER:
            minify(built, script.name in MODULES)
    page = (build / "index.html").read_text(encoding="utf-8")
    for name in re.findall(r'data-js="?\./([^"\s>]+)', page):
        minify(build / name, module=True)


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
    minify_scripts(build)
    files = precached(build)
    build_version = version(build, files)
    (build / SERVICE_WORKER).write_text(service_worker(files, build_version), encoding="utf-8")
    minify(build / SERVICE_WORKER, module=False)
    print(f"post_build: {SERVICE_WORKER} version {build_version} keeps {len(files)} files offline")


if __name__ == "__main__":
    main()
