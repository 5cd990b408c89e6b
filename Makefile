# Diplomap: the two commands of the README are `make serve` and `make test`.
# Each first installs what is missing (scripts/setup.sh, idempotent).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: setup build serve test test-native test-wasm test-e2e cli bench licenses fuzz fuzz-storage

setup:
	scripts/setup.sh

# trunk runs cargo through scripts/trunk/cargo, which selects the app's package.
TRUNK := PATH="$(CURDIR)/scripts/trunk:$$PATH" trunk

## build: the static site in dist/ (any static file server can host it)
build: setup
	$(TRUNK) build --release

## serve: build, then serve dist/ on http://127.0.0.1:$(PORT)
serve: build
	@echo "Diplomap: http://127.0.0.1:$(PORT)/  (Ctrl+C stops)"
	cd dist && exec python3 -m http.server --bind 127.0.0.1 $(PORT)

## cli: the `diplomap` command in target/release/
cli:
	cargo build --release -p diplomap-cli

## test: every test — native core and CLI, components in headless Chromium, end to end,
## and the dependencies' licences
test:
	scripts/setup.sh --browser
	$(MAKE) licenses test-native test-wasm test-e2e

## fuzz: a million random and news-like texts through the core, invariants checked
fuzz:
	cargo run --release -p diplomap-extract --example fuzz -- $(or $(CASES),1000000)

## fuzz-storage: saved workspaces damaged at random (truncation, byte flips, wrong types,
## huge values, bad keys), restored natively (app-core, CASES of them) and in the built app
## in headless Chromium (SEEDS of them); `make test` runs a short version of both
fuzz-storage: build
	cargo run --release -p diplomap-app-core --example fuzz_storage -- $(or $(CASES),200000)
	scripts/setup.sh --browser
	FUZZ_SEEDS=$(or $(SEEDS),60) node --test e2e/storage-fuzz.test.mjs

## licenses: every Rust and npm dependency has an allowed licence (offline)
licenses:
	python3 scripts/check-licenses.py

## test-native: the Rust tests, then the linearity test, which needs the step counter
## (crates/extract/src/steps.rs) and so its own build of the core
test-native:
	cargo test
	cargo test -p diplomap-extract --features count-steps --test linearity

test-wasm:
	cargo test --target wasm32-unknown-unknown -p diplomap-app

test-e2e: build
	node --test e2e/

## bench: one table of speed, size and memory (bench/run; CORPUS=path for another corpus)
bench: build
	bench/run $(if $(CORPUS),--corpus "$(CORPUS)")
