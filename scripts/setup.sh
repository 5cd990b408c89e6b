#!/usr/bin/env bash
# Installs what building and testing Diplomap needs, skipping whatever is already there.
# Safe to run again and again; `make serve` and `make test` call it first.
#   - the wasm32 Rust target
#   - trunk 0.21.14 (newer trunk needs a newer rustc)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - npm packages: binaryen (wasm-opt for release builds), terser (the build's scripts),
#     playwright-core (e2e tests)
#   - with `--browser`: Debian's chromium and chromium-driver, when no Chrome is found,
#     and firefox-esr (the single file's test opens it in Firefox too)
#   - with `--java`: Debian's openjdk-17-jre-headless, when no java is found (Spark)
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
want_java=false
for flag in "$@"; do
  case $flag in
    --browser) want_browser=true ;;
    --java) want_java=true ;;
  esac
done

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (about 8 minutes on 2 cores)"
  cargo install trunk --version 0.21.14 --locked
fi

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "setup: cannot find wasm-bindgen's version in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 4 minutes)"
  # Not --locked: its lock file names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "=$bindgen_version"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen, terser, playwright-core)"
  npm ci --no-audit --no-fund
fi

# trunk builds offline (Trunk.toml), so every crate must be in cargo's cache first.
if ! cargo fetch --locked --quiet 2>/dev/null; then
  say "fetching crates"
  cargo fetch --locked
fi

find_chrome() {
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

# Installs Debian packages as root, or through sudo; otherwise says what to install.
apt_install() {
  local needs=$1
  shift
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo apt-get install -y -qq "$@"
  else
    echo "setup: $needs, and installing it needs root." >&2
    echo "       Install the Debian packages $*, then run this again." >&2
    exit 1
  fi
}

if $want_browser && { ! find_chrome || ! command -v chromedriver >/dev/null 2>&1; }; then
  say "installing Debian's chromium and chromium-driver (headless browser tests)"
  apt_install "the browser tests need Chromium and ChromeDriver" chromium chromium-driver
fi

if $want_java && ! command -v java >/dev/null 2>&1; then
  say "installing Debian's openjdk-17-jre-headless (Spark runs on Java)"
  apt_install "Spark needs Java 17" openjdk-17-jre-headless
fi

if $want_browser && ! command -v firefox-esr >/dev/null 2>&1; then
  say "installing Debian's firefox-esr (the single file's test in Firefox)"
  apt_install "the single file's test opens it in Firefox" firefox-esr
fi
say "ready"
