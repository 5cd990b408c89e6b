"""The project's own sample texts, read from the Rust sources that hold them: the app's
sample article and the articles and sentences written for the core's tests. Corpora for
the benchmark, the Python package's tests and the Spark job's check are made of these,
so none of them needs material from outside the project. Standard library only.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Files whose `const NAME: &str = "..."` literals are articles of our own.
ARTICLE_SOURCES = [ROOT / "crates" / "app-core" / "src" / "sample.rs", ROOT / "crates" / "extract" / "tests" / "country_links.rs"]
# Files whose `let text = "...";` literals are test sentences of our own.
SENTENCE_SOURCES = [ROOT / "crates" / "extract" / "tests" / name
                    for name in ("relations.rs", "country_links.rs", "entity_rules.rs")]

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "'": "'", "\\": "\\", "0": "\0"}


def _unescape(raw: str) -> str:
    raw = re.sub(r"\\\n\s*", "", raw)  # a line continuation drops the newline and indent
    return re.sub(r"\\u\{([0-9a-fA-F]+)\}|\\(.)",
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else _ESCAPES.get(m.group(2), m.group(2)),
                  raw)


def _literals(pattern: str, sources: list[Path]) -> list[str]:
    found = []
    for source in sources:
        if source.is_file():
            text = source.read_text(encoding="utf-8")
            found += [_unescape(m.group(1)) for m in re.finditer(pattern, text, re.S)]
    return found


def articles() -> list[str]:
    """The long articles (over 300 characters)."""
    constants = _literals(r'const [A-Z_]+: &str = "((?:[^"\\]|\\.)*)";', ARTICLE_SOURCES)
    return [text for text in constants if len(text) > 300]


def texts() -> list[str]:
    """Every sample text: the articles, each of their paragraphs, and the test sentences;
    each once, in a fixed order."""
    paragraphs = [p.strip() for article in articles() for p in article.split("\n\n") if p.strip()]
    sentences = _literals(r'let text = "((?:[^"\\]|\\.)*)";', SENTENCE_SOURCES)
    return list(dict.fromkeys(articles() + paragraphs + sentences))
