"""diplomap.table_rows and to_dataframe: entities and relations as tidy tables."""

import sys

import pytest

import diplomap


TEXTS = ["Berlin has granted $40 million to Kyiv for power stations.",
         "German and Ukrainian ministers signed a grain deal in Kyiv on March 3, 2021."]


def test_rows_hold_every_entity_and_relation_with_its_document():
    results = diplomap.analyze_many(TEXTS, ids=["one", "two"])
    entities, relations = diplomap.table_rows([results[0], {"id": "x", "error": "bad"}, results[1]])
    assert len(entities) == sum(len(r["entities"]) for r in results)
    assert all(len(row) == len(diplomap.ENTITY_COLUMNS) for row in entities)
    money = [dict(zip(diplomap.ENTITY_COLUMNS, row)) for row in entities if row[4] == "MONEY"]
    assert money == [{"document": "one", "start": 19, "end": 30, "text": "$40 million", "label": "MONEY",
                      "country": None, "canonical": None, "value": 40e6, "currency": "USD", "iso": None}]
    pairs = [dict(zip(diplomap.RELATION_COLUMNS, row)) for row in relations]
    assert [(p["document"], p["a"], p["b"]) for p in pairs] == [("one", "DE", "UA"), ("two", "DE", "UA")]
    assert pairs[0]["amounts"][0]["value"] == 40e6 and pairs[1]["amounts"] == []
    assert pairs[0]["evidence"] == [{"start": 0, "end": 58}]


def test_results_without_ids_are_numbered_like_aggregate_numbers_them():
    results = diplomap.analyze_many(TEXTS)
    _, relations = diplomap.table_rows(results)
    sources = diplomap.aggregate(results)["relations"][0]["sources"]
    assert [row[0] for row in relations] == [s["document"] for s in sources] == [0, 1]


def test_to_dataframe_gives_two_frames():
    pandas = pytest.importorskip("pandas")
    entities, relations = diplomap.to_dataframe(diplomap.analyze_many(TEXTS, ids=["one", "two"]))
    assert isinstance(entities, pandas.DataFrame) and isinstance(relations, pandas.DataFrame)
    assert list(entities.columns) == list(diplomap.ENTITY_COLUMNS)
    assert list(relations.columns) == list(diplomap.RELATION_COLUMNS)
    assert entities.loc[entities.label == "GPE", "country"].tolist() == ["DE", "UA", "UA"]
    assert relations.groupby(["a", "b"]).weight.sum().to_dict() == {("DE", "UA"): 2.0}


def test_without_pandas_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"needs pandas, which is not installed: pip install pandas"):
        diplomap.to_dataframe([diplomap.analyze(TEXTS[0])])
