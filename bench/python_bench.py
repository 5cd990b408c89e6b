"""The Python package's throughput (bench/run runs it in target/python-venv):
`diplomap.analyze_many` over a JSON Lines corpus ({"id", "text"}), repeated until at least
--min-bytes of text were analysed, in batches of --batch documents whose results are
dropped after each batch (as a job streaming a big corpus would). Prints one JSON line.
"""

import argparse
import json
import time

import diplomap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--min-bytes", type=int, default=20_000_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    sizes = [len(r["text"].encode()) for r in records]
    diplomap.analyze("Warm-up: the gazetteer loads once, before the clock starts.")
    done_bytes = done_docs = 0
    started = time.perf_counter()
    while done_bytes < args.min_bytes:
        for first in range(0, len(records), args.batch):
            batch = records[first:first + args.batch]
            diplomap.analyze_many([r["text"] for r in batch], jobs=args.jobs, ids=[r["id"] for r in batch])
            done_bytes += sum(sizes[first:first + args.batch])
            done_docs += len(batch)
    seconds = time.perf_counter() - started
    print(json.dumps({"jobs": args.jobs, "bytes": done_bytes, "docs": done_docs, "seconds": seconds,
                      "mb_per_s": done_bytes / 1e6 / seconds}))


if __name__ == "__main__":
    main()
