"""Shared fixtures: the project's sample texts, and the `diplomap` command to compare
with (DIPLOMAP_CLI, else target/release/diplomap, which `make test-python` builds)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
import samples  # noqa: E402  (scripts/samples.py)


def compact(value) -> str:
    """JSON as the CLI writes it: no spaces, non-ASCII as is."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


@pytest.fixture(scope="session")
def sample_texts() -> list[str]:
    texts = samples.texts()
    assert len(texts) > 20, "the sample texts are read from the Rust sources"
    return texts


@pytest.fixture(scope="session")
def cli():
    """Runs `diplomap ARGS` on `stdin` (bytes) and returns its standard output lines."""
    binary = Path(os.environ.get("DIPLOMAP_CLI", ROOT / "target" / "release" / "diplomap"))
    if not binary.is_file():
        pytest.fail(f"no diplomap command at {binary}: build it with `make cli` (or set DIPLOMAP_CLI)")

    def run(args: list[str], stdin: bytes) -> list[str]:
        done = subprocess.run([str(binary), *args], input=stdin, capture_output=True, check=True)
        return done.stdout.decode("utf-8").splitlines()

    return run


def jsonl(records) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode("utf-8")
