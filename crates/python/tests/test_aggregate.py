"""diplomap.aggregate and merge: the CLI's corpus, and merges that give the whole."""

import random

import pytest

import diplomap
from conftest import compact, jsonl


@pytest.fixture(scope="module")
def results(sample_texts):
    return diplomap.analyze_many(sample_texts, jobs=2, ids=[f"s{i:03}" for i in range(len(sample_texts))])


def test_aggregate_is_the_cli_aggregate_byte_for_byte(results, cli):
    expected = cli(["aggregate"], jsonl(results))
    assert [compact(diplomap.aggregate(results))] == expected


def test_partial_aggregates_merge_into_the_whole_for_any_split_and_order(results):
    whole = compact(diplomap.aggregate(results))
    assert len(diplomap.aggregate(results)["relations"]) > 10
    for seed in range(20):
        chance = random.Random(seed)
        shuffled = chance.sample(results, len(results))
        cuts = sorted(chance.sample(range(len(shuffled) + 1), chance.randint(0, 4)))
        parts = [shuffled[a:b] for a, b in zip([0, *cuts], [*cuts, len(shuffled)])]
        partials = [diplomap.aggregate(part) for part in parts]
        chance.shuffle(partials)
        assert compact(diplomap.merge(*partials)) == whole, f"seed {seed}"
        # Merged two at a time, as a tree reduction does.
        while len(partials) > 1:
            first = partials.pop(chance.randrange(len(partials)))
            second = partials.pop(chance.randrange(len(partials)))
            partials.append(diplomap.merge(first, second))
        assert compact(partials[0]) == whole, f"seed {seed}"


def test_aggregate_takes_partial_corpora_mixed_with_results(results):
    mixed = [diplomap.aggregate(results[:10]), *results[10:30], diplomap.aggregate(results[30:])]
    assert diplomap.aggregate(mixed) == diplomap.aggregate(results)


def test_merging_nothing_gives_an_empty_corpus():
    assert diplomap.merge() == {"schema": diplomap.CORPUS_SCHEMA, "documents": 0, "relations": []}


def test_documents_without_ids_are_named_by_position():
    unnamed = [diplomap.analyze("Hanoi and Seoul signed a trade agreement.")] * 2
    sources = diplomap.aggregate(unnamed)["relations"][0]["sources"]
    assert [source["document"] for source in sources] == [0, 1]


def test_error_records_are_skipped_with_a_warning(results):
    with pytest.warns(UserWarning, match=r'results\[1\]: skipped the error record of "broken"'):
        corpus = diplomap.aggregate([results[0], {"id": "broken", "error": 'no "text" field'}])
    assert corpus["documents"] == 1


def test_bad_records_raise_with_the_cli_messages(results):
    with pytest.raises(ValueError, match=r'results\[0\]: not an extraction result \(no "relations"\)'):
        diplomap.aggregate([{"id": 1}])
    with pytest.raises(ValueError, match=r'results\[0\]: not an extraction result: "relations"'):
        diplomap.aggregate([{"relations": [{"a": "DE"}]}])
    with pytest.raises(TypeError, match=r"results\[0\]: not an extraction result \(a dict\) but str"):
        diplomap.aggregate(["a string"])
    with pytest.raises(ValueError, match=r'aggregates\[1\]: not a corpus'):
        diplomap.merge(diplomap.aggregate(results), results[0])
    broken = {"schema": diplomap.CORPUS_SCHEMA, "documents": 1, "relations": [{"a": "DE"}]}
    with pytest.raises(ValueError, match=r"aggregates\[0\]: not a valid corpus \(diplomap/1-corpus\)"):
        diplomap.merge(broken)
