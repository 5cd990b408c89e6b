#!/usr/bin/env python3
"""Fails when a Rust, npm or Python dependency has a licence outside the allowed list.

Reads `cargo metadata` (offline, from Cargo.lock and the local crate cache), the npm
lock file, and the metadata of every package installed in the project's Python
environments (target/python-venv for the Python package's build and tests,
target/spark-venv for the Spark job's; each is checked once its make target has made
it), so it needs no network and no extra tool. Every licence expression must be
satisfiable with allowed licences: "MIT OR Apache-2.0" passes if either is allowed,
"MIT AND BSD-3-Clause" only if both are.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON_VENVS = [ROOT / "target" / "python-venv", ROOT / "target" / "spark-venv"]

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


# Trove classifiers of licences, as SPDX identifiers ("BSD License" names no clause
# count; every BSD variant is allowed).
CLASSIFIERS = {
    "MIT License": "MIT", "Apache Software License": "Apache-2.0", "BSD License": "BSD-3-Clause",
    "ISC License (ISCL)": "ISC", "Python Software Foundation License": "Python-2.0",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0", "The Unlicense (Unlicense)": "Unlicense",
}

# Each installed distribution's name, version, License-Expression, License (first line)
# and licence classifiers, as JSON; run by the environment's own Python.
DISTRIBUTIONS = """
import importlib.metadata as md, json
print(json.dumps([[d.metadata["Name"], d.version, d.metadata.get("License-Expression") or "",
                   ((d.metadata.get("License") or "").strip().splitlines() or [""])[0],
                   [c.split(" :: ")[-1] for c in d.metadata.get_all("Classifier") or [] if c.startswith("License ::")]]
                  for d in md.distributions()]))
"""


def python_licence(expression, license_field, classifiers):
    """The SPDX expression of a Python distribution: its License-Expression, else its
    License field when that is an allowed expression, else its classifiers (dual: OR)."""
    if expression:
        return expression
    if license_field and satisfiable(license_field):
        return license_field
    known = [CLASSIFIERS[c] for c in classifiers if c in CLASSIFIERS]
    return " OR ".join(known) or license_field


def python_packages():
    for venv in PYTHON_VENVS:
        python = venv / "bin" / "python"
        if not python.exists():
            print(f"licences: {venv.relative_to(ROOT)} not made yet, its Python packages not checked")
            continue
        found = json.loads(subprocess.run([str(python), "-c", DISTRIBUTIONS], check=True,
                                          capture_output=True, text=True).stdout)
        for name, version, expression, license_field, classifiers in found:
            yield (f"python {name} {version} ({venv.name})",
                   python_licence(expression, license_field, classifiers))


def main():
    packages = [*cargo_packages(), *npm_packages(), *python_packages()]
    bad = [(name, lic) for name, lic in packages if not lic or not satisfiable(lic)]
    checked = len(packages)
    for name, lic in bad:
        print(f"licence not allowed: {name}: {lic or 'none declared'}", file=sys.stderr)
    print(f"licences: {checked} dependencies checked, {len(bad)} not allowed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
