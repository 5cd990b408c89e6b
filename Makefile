# Diplomap: the two commands of the README are `make serve` and `make test`.
# Each first installs what is missing (scripts/setup.sh, idempotent).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# The browser tests' runner gives up on a test after 20 s by default; a loaded two-core
# machine can take longer than that to start one (the whole suite takes ~12 s when idle).
export WASM_BINDGEN_TEST_TIMEOUT ?= 120
PORT ?= 8080

.PHONY: setup build serve test test-native test-python test-spark test-wasm test-e2e cli single pkg bench licenses fuzz \
	fuzz-storage train-relations eval-relations check-relations ner-corpus train-ner

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

## single: the app as one self-contained HTML file, dist-single/diplomap.html, that
## works opened from file:// with no server (scripts/single/build.py)
single: build
	python3 scripts/single/build.py

## pkg: the core as an npm package in pkg/ (crates/js through wasm-bindgen --target web,
## wasm-opt -Oz, and the package's own modules in crates/js/npm)
pkg: setup
	scripts/pkg/build.sh

## cli: the `diplomap` command in target/release/
cli:
	cargo build --release -p diplomap-cli

## test: every test — native core and CLI, the Python package, components in headless
## Chromium, end to end, and the dependencies' licences (the Python ones once test-python
## has made its venv). The Spark job's test is `make test-spark` (CI runs it with CI_SPARK=1).
test:
	scripts/setup.sh --browser
	$(MAKE) test-native test-python licenses test-wasm test-e2e

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

## ner-corpus: the training corpus of the learned name classifier in target/ner-corpus/
## (needs GUM, UNER_EWT, UNER_PUD and WIKIGOLD: see scripts/ner/build-corpus.sh)
ner-corpus:
	scripts/ner/build-corpus.sh

## train-ner: retrain crates/extract/data/names.bin from that corpus (deterministic)
train-ner:
	cargo run --release -p diplomap-extract --example train_names -- \
		--corpus $(or $(CORPUS),target/ner-corpus/silver.jsonl) --out crates/extract/data/names.bin

## licenses: every Rust and npm dependency has an allowed licence (offline)
licenses:
	python3 scripts/check-licenses.py

## train-relations: retrain the relation model from annotated documents
## (GOLD=path, default ../shared/dev/relations-dev.jsonl beside the repository) into
## crates/extract/data/relation_weights.tsv; rebuild to ship it
train-relations:
	cargo run --release -p diplomap-extract --example train_relations -- $(GOLD)

## eval-relations: the relation model cross-validated, five folds by document
eval-relations:
	cargo run --release -p diplomap-extract --example eval_relations -- $(GOLD)

## check-relations: retraining reproduces the committed weights byte for byte
## (needs the annotated documents, so it is not part of make test)
check-relations:
	cargo run --release -p diplomap-extract --example train_relations -- $(GOLD) \
		--out target/relation_weights.tsv
	cmp target/relation_weights.tsv crates/extract/data/relation_weights.tsv

## test-native: the Rust tests, then the linearity test, which needs the step counter
## (crates/extract/src/steps.rs) and so its own build of the core, and the tier file as the
## app reads it, with the name model left out of the core (feature names-deferred)
test-native:
	cargo test
	cargo test -p diplomap-extract --features count-steps --test linearity
	cargo test -p diplomap-app-core --features names-deferred --test tier

PYTHON_VENV := target/python-venv
SPARK_VENV := target/spark-venv

## test-python: the Python package (crates/python) built into a venv under target/
## (installing only what is missing), and its pytest tests, which compare it with the CLI
test-python: cli
	scripts/python-venv.sh $(PYTHON_VENV) crates/python/requirements-test.txt
	$(PYTHON_VENV)/bin/python -m pytest -q crates/python/tests

## test-spark: the Spark job (examples/spark) in local mode against the CLI, in its own
## venv (pyspark; Java from Debian when missing). Slow, so not part of `make test`.
test-spark: cli
	scripts/setup.sh --java
	scripts/python-venv.sh $(SPARK_VENV) examples/spark/requirements.txt
	$(SPARK_VENV)/bin/python -m pytest -q examples/spark

test-wasm:
	cargo test --target wasm32-unknown-unknown -p diplomap-app

test-e2e: build pkg single
	node --test e2e/

## bench: one table of speed, size and memory (bench/run; CORPUS=path for another corpus)
bench: build
	bench/run $(if $(CORPUS),--corpus "$(CORPUS)")
