#!/usr/bin/env python3
"""Times the CLI on hostile inputs of 0.5 MB and 1 MB and prints the ratio: about 2 is
linear, much more is not. A report, not a test (timings are never asserted).

    python3 bench/hostile.py [path/to/diplomap]
"""
import subprocess
import sys
import tempfile
import time

PATTERNS = {
    "one letter": "a",
    "'A. ' repeated": "A. ",
    "capitalised names": "Putin Moscow Russian Kremlin Astana ",
    "names joined by 'and'": "Bank and World Bank and ",
    "surnames after titles": "Mr. Smith said Smith ",
    "company short forms": "Sony Corp. Sony ",
    "given names": "John Smith met Jane Doe and ",
    "date ranges": "last year between 1990 and ",
    "money ranges": "about $5 billion to $6 billion or ",
    "open brackets": "( ( ( Russia ",
    "one long list": "Russia, ",
    "'both countries'": "both countries the republic ",
    "a bloc's leader": "Moscow-led EAEU membership ",
    "line breaks": "Russia\n",
    "quote marks": '"',
    "emoji": "\U0001F1F7\U0001F1FA ",
    "combining marks": "e\u0301",
    "right to left": "\u05e9\u05dc\u05d5\u05dd ",
    "carriage returns": "\r",
    "titles": "President Prime Minister Foreign ",
    "counties": "Monroe County ",
    "Chinese names": "Wang Yi Li Qiang ",
}


def seconds(binary, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        started = time.perf_counter()
        subprocess.run([binary, "extract", f.name], stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - started


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/diplomap"
    print(f"{'input':24s} {'0.5 MB':>8s} {'1 MB':>8s}  ratio")
    for name, unit in PATTERNS.items():
        half, full = ((unit * (size // len(unit) + 1))[:size] for size in (500_000, 1_000_000))
        a, b = seconds(binary, half), seconds(binary, full)
        print(f"{name:24s} {a * 1000:6.0f} ms {b * 1000:6.0f} ms  {b / a:5.2f}")


if __name__ == "__main__":
    main()
