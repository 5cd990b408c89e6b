#!/usr/bin/env bash
# `make pkg`: the extraction core as an npm package in pkg/ (see crates/js). The wasm
# is built with the app's size profile, through wasm-bindgen --target web and wasm-opt
# -Oz, as trunk does for the app; the package's own modules, its types (generated from
# the core's, see crates/js/tests/typescript.rs), the JSON Schema of the results and the
# data attributions are copied beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

target_dir=${CARGO_TARGET_DIR:-target}
cargo build --target wasm32-unknown-unknown --profile wasm-release -p diplomap-js --lib
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name diplomap \
  "$target_dir/wasm32-unknown-unknown/wasm-release/diplomap_js.wasm"
wasm-opt -Oz pkg/diplomap_bg.wasm -o pkg/diplomap_bg.wasm
cp crates/js/npm/* pkg/
cp docs/schema.json pkg/schema.json
cp crates/extract/data/ATTRIBUTION.md pkg/ATTRIBUTION.md
echo "pkg: $(du -sk pkg | cut -f1) KiB in pkg/ ($(stat -c %s pkg/diplomap_bg.wasm) bytes of wasm)"
