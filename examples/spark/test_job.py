"""`make test-spark`: the Spark job in local mode on a corpus made of the project's
sample texts, read as JSON Lines and as Parquet, gives what the CLI gives on the same
corpus: the same corpus object, byte for byte, and the same entity and relation rows."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

import diplomap

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "scripts")]
import diplomap_job  # noqa: E402
import samples  # noqa: E402

CLI = ROOT / "target" / "release" / "diplomap"
COPIES = 3  # each sample text three times, under different ids: 200-odd documents


@pytest.fixture(scope="module")
def spark():
    # The workers run this venv's Python, where the package is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("diplomap-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
               .getOrCreate())
    # The workers unpickle the job's functions by module name (spark-submit ships the
    # script itself).
    session.sparkContext.addPyFile(str(HERE / "diplomap_job.py"))
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The documents as JSON Lines, and the CLI's results and corpus for them."""
    folder = tmp_path_factory.mktemp("corpus")
    documents = [{"id": f"doc-{copy}-{i:03}", "text": text}
                 for copy in range(COPIES) for i, text in enumerate(samples.texts())]
    path = folder / "documents.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    assert CLI.is_file(), f"no {CLI}: build it with `make cli`"
    extracted = subprocess.run([str(CLI), "extract", "--jsonl", str(path)], check=True, capture_output=True)
    aggregated = subprocess.run([str(CLI), "aggregate"], input=extracted.stdout, check=True, capture_output=True)
    results = [json.loads(line) for line in extracted.stdout.decode().splitlines()]
    return {"path": path, "documents": documents, "results": results,
            "corpus": aggregated.stdout.decode().strip()}


def rows_of(frame) -> list[str]:
    return sorted(json.dumps(row.asDict(recursive=True), sort_keys=True) for row in frame.collect())


def expected_rows(rows, columns) -> list[str]:
    return sorted(json.dumps(dict(zip(columns, row)), sort_keys=True) for row in rows)


def check_output(spark, output: Path, corpus):
    written = (output / "corpus").glob("part-*")
    lines = [line for part in sorted(written) for line in part.read_text(encoding="utf-8").splitlines()]
    assert lines == [corpus["corpus"]], "the job's corpus differs from `diplomap aggregate`'s"
    entities, relations = diplomap.table_rows(corpus["results"])
    assert len(relations) > 50
    assert rows_of(spark.read.parquet(str(output / "entities"))) == expected_rows(entities, diplomap.ENTITY_COLUMNS)
    assert rows_of(spark.read.parquet(str(output / "relations"))) == expected_rows(relations, diplomap.RELATION_COLUMNS)


def test_the_job_on_json_lines_gives_the_cli_results(spark, corpus, tmp_path):
    documents = str(corpus["path"])
    # Many small partitions, so the corpus is merged from many partial aggregates.
    repartitioned = tmp_path / "input.jsonl"
    spark.read.json(documents).repartition(7).write.json(str(repartitioned))
    returned = diplomap_job.run(spark, str(repartitioned / "*.json"), str(tmp_path / "out"), "jsonl")
    assert returned["documents"] == len(corpus["documents"])
    check_output(spark, tmp_path / "out", corpus)


def test_the_job_on_parquet_through_its_command_line_gives_the_cli_results(spark, corpus, tmp_path):
    parquet = tmp_path / "documents.parquet"
    spark.read.json(str(corpus["path"])).repartition(3).write.parquet(str(parquet))
    assert diplomap_job.main([str(parquet), str(tmp_path / "out")]) == 0
    check_output(spark, tmp_path / "out", corpus)
    # Run again into the same folder: the output is replaced, not added to.
    assert diplomap_job.main([str(parquet), str(tmp_path / "out"), "--format", "parquet"]) == 0
    check_output(spark, tmp_path / "out", corpus)


def test_documents_without_an_id_are_refused_with_a_message(spark, tmp_path):
    path = tmp_path / "no-ids.jsonl"
    path.write_text(json.dumps({"text": "Hanoi and Seoul signed a deal."}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing: id"):
        diplomap_job.run(spark, str(path), str(tmp_path / "out"))
