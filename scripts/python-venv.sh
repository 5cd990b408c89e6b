#!/usr/bin/env bash
# Makes a Python virtual environment (if missing), installs the pinned requirements
# that are missing from it, then builds and installs the diplomap package into it
# (cargo rebuilds only what changed):
#   scripts/python-venv.sh VENV REQUIREMENTS...
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$1
shift
say() { printf '\033[1mpython:\033[0m %s\n' "$*"; }

if [ ! -x "$venv/bin/python" ]; then
  say "making a virtual environment in $venv"
  python3 -m venv "$venv"
fi
export PATH="$(cd "$venv/bin" && pwd):$PATH"  # the build backend runs `maturin` from PATH
pip=("$venv/bin/python" -m pip --disable-pip-version-check --quiet)
for requirements in "$@"; do
  # Already satisfied requirements need no network: pip only reads the venv.
  "${pip[@]}" install -r "$requirements"
done
say "building and installing crates/python (maturin, release)"
# No build isolation: maturin comes from the venv, so nothing is fetched per build.
"${pip[@]}" install --no-build-isolation --no-deps --force-reinstall ./crates/python
