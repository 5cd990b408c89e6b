#!/usr/bin/env python3
"""Writes crates/extract/data/places_first.tsv, the places of the app's first download
(`Tables::first_download`): the rows of places.tsv that international news reads, which
are the cities and capitals of the world. Left for the second tier, which the app's
worker fetches after its first highlight (with places.tsv whole): the places of the six
countries whose local news the tables cover (US, CA, GB, AU, NZ, IE), the readings used
only when a document names their country (London, Ontario) and the regions.

    scripts/gazetteer/first_download.py

Run it after places.tsv changes (`cargo test -p diplomap-extract` says when it is
stale). The rows keep their order and format; only the front coding of the names is
redone (see scripts/names/build.py)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "extract" / "data"
LOCAL_NEWS = {"US", "CA", "GB", "AU", "NZ", "IE"}
# places.tsv's columns: name aliases code kind population context area.
CODE, KIND, CONTEXT = 2, 3, 5


def names_module():
    spec = importlib.util.spec_from_file_location("names_build", ROOT / "scripts" / "names" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def decoded(lines):
    """The rows with their whole names (the file's names are front-coded)."""
    previous = ""
    for line in lines:
        cells = line.split("\t")
        coded = cells[0]
        name = previous[: int(coded[0])] + coded[1:] if coded[:1].isdigit() else coded
        previous = cells[0] = name
        yield cells


def in_first_download(cells):
    cell = lambda i: cells[i] if i < len(cells) else ""
    return cell(CODE) not in LOCAL_NEWS and cell(CONTEXT) != "1" and cell(KIND) != "region"


def main():
    header, *lines = (DATA / "places.tsv").read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("#") for line in lines), "places.tsv has no comments"
    kept = [cells for cells in decoded(lines) if in_first_download(cells)]
    names = names_module().front_code([cells[0] for cells in kept])
    out = [header] + ["\t".join([name] + cells[1:]) for name, cells in zip(names, kept)]
    (DATA / "places_first.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"places_first.tsv: {len(kept)} of {len(lines)} places")


if __name__ == "__main__":
    main()
