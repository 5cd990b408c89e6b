"""Diplomap on Apache Spark: entities, relations and the map of a corpus too big for one
machine.

    spark-submit examples/spark/diplomap_job.py INPUT OUTPUT [--format jsonl|parquet]

INPUT is JSON Lines or Parquet of documents {"id", "text"} — a path, a folder or a glob;
every document needs an id, unique across the corpus. Each partition is analysed by the
`diplomap` Python package (crates/python, which every executor needs installed: see
"Large corpora" in the README), and the job writes under OUTPUT:

    entities/   Parquet, one row per entity mention (diplomap.ENTITY_COLUMNS)
    relations/  Parquet, one row per pair of countries in a document (RELATION_COLUMNS)
    corpus/     one JSON text file: the relations of the whole corpus ("diplomap/1-corpus"),
                merged from one partial aggregate per partition by a tree reduction —
                the same object `diplomap aggregate` prints for the whole corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import types as T

import diplomap

# Documents analysed per call into the package: bounds the memory a partition needs.
BATCH = 256


def read_documents(spark: SparkSession, path: str, input_format: str | None = None) -> DataFrame:
    """The {id, text} documents at `path` (JSON Lines or Parquet, by `input_format` or by
    the path's ending)."""
    input_format = input_format or ("parquet" if path.rstrip("/*").endswith(".parquet") else "jsonl")
    frame = spark.read.parquet(path) if input_format == "parquet" else spark.read.json(path)
    missing = {"id", "text"} - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: the documents need the columns id and text; "
                         f"missing: {', '.join(sorted(missing))}")
    return frame.select("id", "text")


def analyze_partition(rows: Iterable) -> Iterator[dict]:
    """The results of a partition's documents, analysed a batch at a time. The analyzer
    (the core's gazetteer) is built once per Python worker process, on the first text,
    and serves every partition that worker runs after."""
    batch: list = []
    for row in rows:
        if row.id is None:
            raise ValueError("a document has no id: every document needs one, unique across "
                             "the corpus (the corpus is merged from partitions)")
        batch.append(row)
        if len(batch) == BATCH:
            yield from analyze_batch(batch)
            batch = []
    yield from analyze_batch(batch)


def analyze_batch(rows: list) -> list[dict]:
    texts = ["" if row.text is None else row.text for row in rows]
    results = diplomap.analyze_many(texts, ids=[row.id for row in rows])
    # Sentences are not needed further on: leave them out of what Spark keeps.
    return [{key: result[key] for key in ("id", "entities", "relations")} for result in results]


def entity_schema(id_type: T.DataType) -> T.StructType:
    return T.StructType([
        T.StructField("document", id_type, False),
        T.StructField("start", T.LongType(), False),
        T.StructField("end", T.LongType(), False),
        T.StructField("text", T.StringType(), False),
        T.StructField("label", T.StringType(), False),
        T.StructField("country", T.StringType()),
        T.StructField("canonical", T.StringType()),
        T.StructField("value", T.DoubleType()),
        T.StructField("currency", T.StringType()),
        T.StructField("iso", T.StringType()),
    ])


def relation_schema(id_type: T.DataType) -> T.StructType:
    span = T.StructType([T.StructField("start", T.LongType(), False), T.StructField("end", T.LongType(), False)])
    amount = T.StructType([T.StructField("text", T.StringType(), False),
                           T.StructField("value", T.DoubleType(), False),
                           T.StructField("currency", T.StringType(), False)])
    cue = T.StructType([T.StructField("type", T.StringType(), False),
                        T.StructField("start", T.LongType(), False),
                        T.StructField("end", T.LongType(), False),
                        T.StructField("text", T.StringType(), False)])
    return T.StructType([
        T.StructField("document", id_type, False),
        T.StructField("a", T.StringType(), False),
        T.StructField("b", T.StringType(), False),
        T.StructField("types", T.ArrayType(T.StringType(), False), False),
        T.StructField("source", T.StringType()),
        T.StructField("target", T.StringType()),
        T.StructField("weight", T.DoubleType(), False),
        T.StructField("evidence", T.ArrayType(span, False), False),
        T.StructField("amounts", T.ArrayType(amount, False), False),
        T.StructField("confidence", T.DoubleType()),
        T.StructField("cues", T.ArrayType(cue, False), False),
    ])


def partial_aggregate(results: Iterable[dict]) -> Iterator[dict]:
    """One corpus per partition (an empty one for an empty partition)."""
    yield diplomap.aggregate(results)


def run(spark: SparkSession, input_path: str, output: str, input_format: str | None = None) -> dict:
    """Analyses the documents at `input_path`, writes the tables and the corpus under
    `output` (replacing what was there), and returns the corpus."""
    documents = read_documents(spark, input_path, input_format)
    id_type = documents.schema["id"].dataType
    results = documents.rdd.mapPartitions(analyze_partition).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for name, schema, column in (("entities", entity_schema(id_type), 0),
                                     ("relations", relation_schema(id_type), 1)):
            rows = results.flatMap(lambda result, column=column: diplomap.table_rows([result])[column])
            # The rows follow the schema by construction (the package's results, the
            # input's id type): checking every value again in Python would cost about
            # a third of the table's time.
            frame = spark.createDataFrame(rows, schema, verifySchema=False)
            frame.write.mode("overwrite").parquet(f"{output}/{name}")
        corpus = results.mapPartitions(partial_aggregate).treeReduce(diplomap.merge)
    finally:
        results.unpersist()
    text = json.dumps(corpus, separators=(",", ":"), ensure_ascii=False)
    # Written through Spark, so OUTPUT may be on any file system the cluster reads.
    spark.createDataFrame([(text,)], "value string").coalesce(1).write.mode("overwrite").text(f"{output}/corpus")
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines or Parquet of {id, text}: a path, folder or glob")
    parser.add_argument("output", help="folder for entities/, relations/ and corpus/ (replaced)")
    parser.add_argument("--format", choices=("jsonl", "parquet"),
                        help="the input's format (default: parquet for a path ending in .parquet)")
    args = parser.parse_args(argv)
    spark = SparkSession.builder.appName("diplomap").getOrCreate()
    corpus = run(spark, args.input, args.output, args.format)
    print(f"diplomap: {corpus['documents']} documents, {len(corpus['relations'])} pairs of countries "
          f"-> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
