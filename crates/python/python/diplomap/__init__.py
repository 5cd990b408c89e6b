"""Diplomap for Python: entities, their countries and the relations between countries in
English news text — the same Rust core as the `diplomap` command, with the same results.

    >>> import diplomap
    >>> result = diplomap.analyze("Putin met Erdogan in Ankara.")
    >>> [(r["a"], r["b"], r["types"]) for r in result["relations"]]
    [('RU', 'TR', ['diplomacy'])]

A result is a dict in the format of docs/schema.md ("diplomap/1"), equal to what
`diplomap extract` prints for the same text; `aggregate` and `merge` give corpora
("diplomap/1-corpus"), equal to what `diplomap aggregate` prints. Offsets count code
points, as Python's string indices do.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from . import _native

__all__ = [
    "SCHEMA", "CORPUS_SCHEMA", "analyze", "analyze_many", "aggregate", "merge",
    "Tables", "table_rows", "to_dataframe", "ENTITY_COLUMNS", "RELATION_COLUMNS",
]

SCHEMA: str = _native.SCHEMA
CORPUS_SCHEMA: str = _native.CORPUS_SCHEMA

Result = dict[str, Any]
"""One document's result ("diplomap/1")."""
Corpus = dict[str, Any]
"""The relations of many documents ("diplomap/1-corpus")."""


def _id_json(id: Any) -> str | None:
    return None if id is None else json.dumps(id, ensure_ascii=False, allow_nan=False)


def analyze(text: str, id: Any = None) -> Result:
    """The entities, sentences and relations of one text, as `diplomap extract` gives
    them. `id` (any JSON value; None for none) is copied into the result as "id"."""
    return json.loads(_native.analyze_json(text, _id_json(id)))


def analyze_many(texts: Iterable[str], jobs: int = 1, ids: Sequence[Any] | None = None) -> list[Result]:
    """The results of many texts, in their order, analysed on `jobs` threads with the GIL
    released (other Python threads go on meanwhile). `ids`, when given, holds one id per
    text. Like `diplomap extract --jsonl --jobs N`."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs takes a whole number of threads, 1 or more, not {jobs!r}")
    ids_json = None if ids is None else [_id_json(id) for id in ids]
    return [json.loads(result) for result in _native.analyze_many_json(texts, ids_json, jobs)]


# The fields of a record that aggregation reads (the entities are left out of the trip).
_RECORD_FIELDS = ("schema", "id", "error", "documents", "relations")


def _record_json(record: Any, place: str) -> str:
    if not isinstance(record, Mapping):
        raise TypeError(f"{place}: not an extraction result (a dict) but {type(record).__name__}")
    fields = {key: record[key] for key in _RECORD_FIELDS if key in record}
    return json.dumps(fields, ensure_ascii=False, allow_nan=False)


def aggregate(results: Iterable[Mapping[str, Any]]) -> Corpus:
    """One map of relations across documents, as `diplomap aggregate` gives it: each pair
    with what every document said. `results` are what `analyze` returns, or corpora
    (partial aggregates), mixed as they come; an error record ({"id", "error"}) is
    skipped with a warning. A result without an id is named by its position among the
    results."""
    records = [_record_json(result, f"results[{index}]") for index, result in enumerate(results)]
    corpus, skipped = _native.aggregate_json(records)
    for index, id in skipped:
        warnings.warn(f"results[{index}]: skipped the error record of {id}", stacklevel=2)
    return json.loads(corpus)


def merge(*aggregates: Mapping[str, Any]) -> Corpus:
    """The corpus of all the documents of `aggregates`: `merge(aggregate(A),
    aggregate(B)) == aggregate(A + B)` for any split of documents with ids, in any
    order."""
    corpora = [_record_json(corpus, f"aggregates[{index}]") for index, corpus in enumerate(aggregates)]
    return json.loads(_native.merge_json(corpora))


# ------------------------------------------------------------------------------ tables

ENTITY_COLUMNS = ("document", "start", "end", "text", "label", "country", "canonical",
                  "value", "currency", "iso")
"""One row per entity mention; `document` is the result's id, or its position."""
RELATION_COLUMNS = ("document", "a", "b", "types", "source", "target", "weight",
                    "evidence", "amounts", "confidence", "cues")
"""One row per pair of countries in a document; `types` is a list of strings,
`evidence` a list of {"start", "end"}, `amounts` a list of {"text", "value",
"currency"}, `confidence` a number from 0 to 1 and `cues` a list of {"type", "start",
"end", "text"} (the words that typed the relation)."""


class Tables(NamedTuple):
    """Entities and relations of many documents: lists of rows (`table_rows`) or pandas
    DataFrames (`to_dataframe`), with the columns ENTITY_COLUMNS and RELATION_COLUMNS."""
    entities: Any
    relations: Any


def table_rows(results: Iterable[Mapping[str, Any]]) -> Tables:
    """The entities and relations of `results` as rows (tuples in the order of
    ENTITY_COLUMNS and RELATION_COLUMNS). Error records are left out; a result without
    an id is named by its position among the results, as `aggregate` does."""
    entities: list[tuple] = []
    relations: list[tuple] = []
    position = 0
    for result in results:
        if "error" in result:
            continue
        document = result.get("id", position)
        position += 1
        entities.extend((document, *(entity.get(column) for column in ENTITY_COLUMNS[1:]))
                        for entity in result["entities"])
        relations.extend(
            (document, *(relation.get(column, [] if column in ("amounts", "cues") else None)
                         for column in RELATION_COLUMNS[1:]))
            for relation in result["relations"])
    return Tables(entities, relations)


def to_dataframe(results: Iterable[Mapping[str, Any]]) -> Tables:
    """The entities and relations of `results` as two pandas DataFrames, one row per
    entity mention and one per pair of countries in a document (see `table_rows`).
    Needs pandas."""
    try:
        import pandas
    except ImportError as missing:
        raise ImportError(
            "diplomap.to_dataframe needs pandas, which is not installed: "
            "pip install pandas (or pip install 'diplomap[pandas]')") from missing
    entities, relations = table_rows(results)
    return Tables(pandas.DataFrame.from_records(entities, columns=list(ENTITY_COLUMNS)),
                  pandas.DataFrame.from_records(relations, columns=list(RELATION_COLUMNS)))
