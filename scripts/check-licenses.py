#!/usr/bin/env python3
"""Fails when a Rust or npm dependency has a licence outside the allowed list.

Reads `cargo metadata` (offline, from Cargo.lock and the local crate cache) and the npm
lock file, so it needs no network and no extra tool. Every licence expression must be
satisfiable with allowed licences: "MIT OR Apache-2.0" passes if either is allowed,
"MIT AND BSD-3-Clause" only if both are.
"""
import json
import re
import subprocess
import sys

ALLOWED = {
    "MIT", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-2-Clause", "BSD-3-Clause",
    "ISC", "Zlib", "Unicode-3.0", "Unicode-DFS-2016", "CC0-1.0", "0BSD", "MPL-2.0",
    "BSL-1.0", "Unlicense", "CDLA-Permissive-2.0", "Python-2.0", "BlueOak-1.0.0",
}

# Packages whose licence the lock file does not carry, checked by hand.
REVIEWED = {
    "spacetime-holiday": "MIT",  # its package.json spells the field "licence"
}


def satisfiable(expression):
    """True if the SPDX expression can be met with allowed licences."""
    expression = expression.replace("/", " OR ").strip()
    # Keep "X WITH Y" together as one licence.
    expression = re.sub(r"(\S+) WITH (\S+)", lambda m: f"{m.group(1)}_WITH_{m.group(2)}", expression)
    tokens = re.findall(r"\(|\)|AND|OR|[^\s()]+", expression)

    def parse_or(i):
        value, i = parse_and(i)
        while i < len(tokens) and tokens[i] == "OR":
            right, i = parse_and(i + 1)
            value = value or right
        return value, i

    def parse_and(i):
        value, i = parse_atom(i)
        while i < len(tokens) and tokens[i] == "AND":
            right, i = parse_atom(i + 1)
            value = value and right
        return value, i

    def parse_atom(i):
        if tokens[i] == "(":
            value, i = parse_or(i + 1)
            return value, i + 1
        return tokens[i].replace("_WITH_", " WITH ") in ALLOWED, i + 1

    value, _ = parse_or(0)
    return value


def cargo_packages():
    metadata = json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--offline"],
        check=True, capture_output=True, text=True).stdout)
    for package in metadata["packages"]:
        if package.get("source") is None:  # the project's own crates
            continue
        yield f"crate {package['name']} {package['version']}", package.get("license") or ""


def npm_packages():
    with open("package-lock.json", encoding="utf-8") as f:
        lock = json.load(f)
    for path, package in lock.get("packages", {}).items():
        if path:
            name = path.removeprefix("node_modules/")
            yield f"npm {name} {package.get('version', '')}", package.get("license") or REVIEWED.get(name, "")


def main():
    bad = [(name, lic) for name, lic in [*cargo_packages(), *npm_packages()] if not lic or not satisfiable(lic)]
    checked = sum(1 for _ in cargo_packages()) + sum(1 for _ in npm_packages())
    for name, lic in bad:
        print(f"licence not allowed: {name}: {lic or 'none declared'}", file=sys.stderr)
    print(f"licences: {checked} dependencies checked, {len(bad)} not allowed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
