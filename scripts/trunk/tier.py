#!/usr/bin/env python3
"""Writes the app's second tier: the one file the analysis worker fetches after the first
highlight (public/worker.js), with the tables the first download leaves out
(`Tables::first_download` in crates/extract/src/gazetteer.rs) and the towns and counties
of data/places2.bin. trunk runs it after each build (Trunk.toml's post_build hook) on its
staging directory; `crates/app-core/tests/tier.rs` runs it on a directory of its own.

    scripts/trunk/tier.py DIR

writes DIR/tier-<hash>.bin (the name changes with the content, so the worker's cache
never holds a stale tier) and, when DIR/index.html exists, names the file in the
data-tier attribute of the script tag that starts the app (public/boot.js reads it).

The format (read by crates/app-core/src/tier.rs; integers little-endian):
    "DMPT"  version: u32  checksum: u64 (FNV-1a of every byte after it)
    count: u32, then per section: name length: u8, name (ASCII), length: u32, bytes
"""

import hashlib
import re
import struct
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "crates" / "extract" / "data"
VERSION = 1
# Section name -> file: the tables the first download leaves out or cuts, whole, by
# their field of `Tables`, the second tier's towns and counties, and the learned name
# model, which the app's build leaves out of its first download (feature names-deferred).
SECTIONS = {
    "places": "places.tsv",
    "companies": "companies.tsv",
    "people": "people.tsv",
    "given_names": "given_names.txt",
    "places2": "places2.bin",
    "names": "names.bin",
}


def fnv1a(data: bytes) -> int:
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def tier_bytes() -> bytes:
    body = bytearray(struct.pack("<I", len(SECTIONS)))
    for name, file in SECTIONS.items():
        content = (DATA / file).read_bytes()
        body += struct.pack("<B", len(name)) + name.encode("ascii")
        body += struct.pack("<I", len(content)) + content
    return b"DMPT" + struct.pack("<IQ", VERSION, fnv1a(bytes(body))) + bytes(body)


def name_in_page(page: Path, name: str) -> None:
    html = page.read_text(encoding="utf-8")
    # trunk's minifier may drop the quotes around attribute values.
    tagged, count = re.subn(r"(<script\b[^>]*?)\s(data-wasm=)", rf'\1 data-tier="{name}" \2', html, count=1)
    if count != 1:
        sys.exit(f"tier.py: no script tag with data-wasm in {page}")
    page.write_text(tagged, encoding="utf-8")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: tier.py DIR")
    out = Path(sys.argv[1])
    data = tier_bytes()
    name = f"tier-{hashlib.sha256(data).hexdigest()[:16]}.bin"
    (out / name).write_bytes(data)
    if (out / "index.html").exists():
        name_in_page(out / "index.html", name)
    print(name)


if __name__ == "__main__":
    main()
