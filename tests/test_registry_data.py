"""Invariants of the actor registry data: ``states.csv`` and ``actors.csv``, read as plain CSV."""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parent.parent / "veille" / "resources"

KINDS = {"person", "organization", "state", "armed_group"}
SECTORS = {"GOV", "MIL", "REB", "IGO", "MED", "CVL", "OPP", "UNK", "BUS", "CRM", "JUD", "LEG", "PTY"}
ROLES = {
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "interior_minister", "foreign_ministry_spokesperson", "government_spokesperson",
    "head_of_state_spokesperson", "un_envoy", "envoy", "chief_of_staff",
    "security_council_secretary", "un_ambassador", "deputy_foreign_minister", "leader",
    "spokesperson", "military_commander", "secretary_general",
}  # fmt: skip
# Offices the core list has no word for (documented in veille/resources/README.md).
EXTRA_ROLES = {
    "vice_president", "crown_prince", "minister", "deputy_defence_minister", "adviser",
    "national_security_adviser", "ambassador", "deputy_un_ambassador", "deputy_un_envoy",
    "parliament_speaker",
}  # fmt: skip
# Names that two actors legitimately share (none today); add pairs here, with a reason.
AMBIGUOUS: dict[str, set[str]] = {}
COLUMNS = ["id", "name", "kind", "country", "sector", "wikidata", "aliases", "role", "start", "end",
           "offices", "parent", "note"]  # fmt: skip
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID = re.compile(r"^Q[1-9]\d*$")
MAIN = "SYR RUS IRN TUR USA FRA GBR ISR SAU QAT ARE IRQ LBN JOR EGY KAZ DEU CHN".split()


@cache
def states() -> list[dict[str, str]]:
    with (RESOURCES / "states.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def actors() -> list[dict[str, str]]:
    with (RESOURCES / "actors.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def key(name: str) -> str:
    """Case, accents, hyphens, apostrophes and dots ignored (as the registry compares names)."""
    name = unicodedata.normalize("NFKD", name.replace("’", "'"))
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[-'.,‐–—]", " ", name).split())


def day(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    return dt.date.fromisoformat(value + {4: "-01-01", 7: "-01"}.get(len(value), ""))


def offices(row: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(role, country, start, end) of the row's role and of its ``offices`` column."""
    out = [(row["role"], row["country"], row["start"], row["end"])] if row["role"] else []
    for item in split(row["offices"]):
        role, country, start, end = (item.split(":") + ["", "", ""])[:4]
        out.append((role, country or row["country"], start, end))
    return out


def holders(role: str, country: str, on: dt.date) -> list[str]:
    found = []
    for row in actors():
        for r, c, start, end in offices(row):
            begin, finish = day(start), day(end)
            if (r, c) == (role, country) and (begin is None or begin <= on) and (finish is None or on <= finish):
                found.append(row["id"])
    return sorted(set(found))


def names_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for row in actors():
        for name in [row["name"], *split(row["aliases"])]:
            index[key(name)].add(row["id"])
    return index


# --- states.csv ----------------------------------------------------------------------------


def test_states_has_the_193_un_members_and_four_others():
    rows = states()
    assert len({r["iso3"] for r in rows}) == len(rows)
    assert sum(r["status"] == "un_member" for r in rows) == 193
    assert {r["iso3"] for r in rows if r["status"] != "un_member"} == {"PSE", "VAT", "XKX", "TWN"}


def test_every_state_has_its_names_capital_and_demonyms():
    for r in states():
        assert re.fullmatch(r"[A-Z]{3}", r["iso3"]) and re.fullmatch(r"[A-Z]{2}", r["iso2"]), r
        for column in ("name_fr", "name_en", "name_ar", "name_ru", "official_fr", "official_en",
                       "capital_fr", "capital_en", "demonyms_fr", "demonyms_en"):  # fmt: skip
            assert r[column].strip(), (r["iso3"], column)
            assert "," not in r[column], (r["iso3"], column, r[column])
        assert r["capital_metonym"] in {"0", "1"}
        assert len(split(r["demonyms_fr"])) >= 2, r["iso3"]  # at least singular and plural
        assert not r["wikidata"] or QID.match(r["wikidata"]), r["iso3"]


@pytest.mark.parametrize(
    "iso3, name_fr, capital_fr",
    [("RUS", "Russie", "Moscou"), ("IRN", "Iran", "Téhéran"), ("SYR", "Syrie", "Damas"),
     ("USA", "États-Unis", "Washington"), ("GBR", "Royaume-Uni", "Londres"),
     ("TUR", "Turquie", "Ankara"), ("SAU", "Arabie saoudite", "Riyad"), ("KOR", "Corée du Sud", "Séoul"),
     ("PRK", "Corée du Nord", "Pyongyang"), ("CHN", "Chine", "Pékin"), ("KAZ", "Kazakhstan", "Astana")],
)  # fmt: skip
def test_common_french_names_and_capitals(iso3, name_fr, capital_fr):
    row = next(r for r in states() if r["iso3"] == iso3)
    assert row["name_fr"] == name_fr
    assert split(row["capital_fr"])[0] == capital_fr
    assert row["capital_metonym"] == "1"


@pytest.mark.parametrize("iso3", ["LBY", "BEL", "ISR", "AUT", "YEM"])
def test_ambiguous_capitals_are_not_metonyms(iso3):
    """Tripoli is also in Lebanon, Bruxelles stands for the EU, Vienne for talks, Sanaa for the Houthis."""
    assert next(r for r in states() if r["iso3"] == iso3)["capital_metonym"] == "0"


@pytest.mark.parametrize(
    "word, iso3",
    [("russe", "RUS"), ("russes", "RUS"), ("iranien", "IRN"), ("iranienne", "IRN"),
     ("iraniens", "IRN"), ("iraniennes", "IRN"), ("turc", "TUR"), ("turques", "TUR"),
     ("américain", "USA"), ("américaines", "USA"), ("états-unien", "USA"), ("britannique", "GBR"),
     ("syrienne", "SYR"), ("saoudiens", "SAU"), ("israéliens", "ISR"), ("émiratie", "ARE"),
     ("qatari", "QAT"), ("irakiens", "IRQ"), ("libanaise", "LBN"), ("jordanien", "JOR"),
     ("égyptiennes", "EGY"), ("kazakh", "KAZ"), ("allemands", "DEU"), ("chinoise", "CHN"),
     ("français", "FRA"), ("grecs", "GRC"), ("palestiniens", "PSE")],
)  # fmt: skip
def test_french_demonyms_in_every_form(word, iso3):
    found = {r["iso3"] for r in states() if key(word) in {key(d) for d in split(r["demonyms_fr"])}}
    assert found == {iso3}


def test_french_demonyms_name_one_state_except_the_two_congos():
    seen: dict[str, set[str]] = defaultdict(set)
    for r in states():
        for word in split(r["demonyms_fr"]):
            seen[key(word)].add(r["iso3"])
    shared = {w: c for w, c in seen.items() if len(c) > 1}
    assert set(shared) <= {"congolais", "congolaise", "congolaises"}, shared


@pytest.mark.parametrize("iso3, metonym", [("RUS", "Kremlin"), ("USA", "Maison Blanche"), ("USA", "White House"),
                                           ("FRA", "Élysée"), ("GBR", "Downing Street")])  # fmt: skip
def test_government_metonyms(iso3, metonym):
    assert metonym in split(next(r for r in states() if r["iso3"] == iso3)["metonyms"])


def test_state_wikidata_ids_agree_with_the_actor_rows():
    by_iso = {r["iso3"]: r["wikidata"] for r in states()}
    for row in actors():
        if row["kind"] == "state" and row["wikidata"] and by_iso.get(row["country"]):
            assert by_iso[row["country"]] == row["wikidata"], row["id"]


# --- actors.csv ----------------------------------------------------------------------------


def test_actor_columns_and_unique_ids():
    with (RESOURCES / "actors.csv").open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == COLUMNS
    ids = [r["id"] for r in actors()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)


def test_actor_kinds_sectors_countries_and_wikidata():
    iso3 = {r["iso3"] for r in states()}
    for r in actors():
        assert r["name"].strip(), r["id"]
        assert r["kind"] in KINDS, (r["id"], r["kind"])
        assert r["sector"] in SECTORS, (r["id"], r["sector"])
        assert not r["country"] or r["country"] in iso3, (r["id"], r["country"])
        assert not r["wikidata"] or QID.match(r["wikidata"]), (r["id"], r["wikidata"])
        if r["kind"] == "state":
            assert r["id"] == f"{r['country'].lower()}_gov", r["id"]


def test_wikidata_ids_are_not_shared():
    qids = [r["wikidata"] for r in actors() if r["wikidata"]]
    assert len(qids) == len(set(qids))


def test_parents_exist():
    ids = {r["id"] for r in actors()}
    for r in actors():
        assert not r["parent"] or r["parent"] in ids, (r["id"], r["parent"])
        assert r["parent"] != r["id"]


def test_roles_use_the_vocabulary_and_dates_are_ordered():
    for r in actors():
        if r["kind"] != "person":
            assert not r["role"] and not r["offices"], r["id"]
        for role, country, start, end in offices(r):
            assert role in ROLES | EXTRA_ROLES, (r["id"], role)
            assert not country or re.fullmatch(r"[A-Z]{3}", country), (r["id"], country)
            for value in (start, end):
                assert not value or DATE.match(value), (r["id"], value)
            if start and end:
                assert day(start) <= day(end), (r["id"], role, start, end)


def test_no_name_points_to_two_actors():
    shared = {k: ids for k, ids in names_index().items() if len(ids) > 1}
    assert shared == {k: v for k, v in AMBIGUOUS.items() if k in shared}, shared


@pytest.mark.parametrize(
    "name, actor",
    [("le Kremlin", "rus_gov"), ("Kremlin", "rus_gov"), ("Moscou", "rus_gov"), ("Damas", "syr_gov"),
     ("Washington", "usa_gov"), ("la Maison Blanche", "usa_gov"), ("Maison-Blanche", "usa_gov"),
     ("le Pentagone", "usa_mod"), ("le Quai d'Orsay", "fra_mfa"), ("Téhéran", "irn_gov"),
     ("Ankara", "tur_gov"), ("Riyad", "sau_gov"), ("Tel-Aviv", "isr_gov"), ("Bagdad", "irq_gov"),
     ("Beyrouth", "lbn_gov"), ("Amman", "jor_gov"), ("Le Caire", "egy_gov"), ("Doha", "qat_gov"),
     ("Abou Dhabi", "are_gov"), ("Pékin", "chn_gov"), ("Berlin", "deu_gov"), ("Paris", "fra_gov"),
     ("l'Élysée", "fra_gov"), ("Londres", "gbr_gov"), ("Downing Street", "gbr_gov"),
     ("Astana", "kaz_gov"), ("Nour-Soultan", "kaz_gov"),
     ("HTS", "hts"), ("Hayat Tahrir al-Cham", "hts"), ("al-Nosra", "nusra"), ("Front al-Nosra", "nusra"),
     ("Fatah al-Cham", "nusra"), ("Daech", "isis"), ("EI", "isis"), ("État islamique", "isis"),
     ("ISIS", "isis"), ("ISIL", "isis"), ("EIIL", "isis"), ("ASL", "fsa"), ("Armée syrienne libre", "fsa"),
     ("FSA", "fsa"), ("FDS", "sdf"), ("SDF", "sdf"), ("YPG", "ypg"), ("Hezbollah", "hezbollah"),
     ("Jaish al-Islam", "jaish_islam"), ("Jaych al-Islam", "jaish_islam"), ("Ahrar al-Cham", "ahrar"),
     ("la coalition internationale", "intl_coalition"), ("coalition internationale", "intl_coalition")],
)  # fmt: skip
def test_press_names_resolve(name, actor):
    assert names_index().get(key(name)) == {actor}


@pytest.mark.parametrize("name", ["terroristes", "les terroristes", "groupes terroristes", "groupes armés", "rebelles"])
def test_generic_words_are_no_actor(name):
    assert key(name) not in names_index()


@pytest.mark.parametrize(
    "country, role, on, actor",
    [("RUS", "head_of_state", "2016-12-18", "putin"), ("RUS", "head_of_state", "2010-06-01", "medvedev"),
     ("RUS", "head_of_government", "2010-06-01", "putin"), ("IRN", "head_of_state", "2016-06-01", "rouhani"),
     ("IRN", "head_of_state", "2024-09-01", "pezeshkian"), ("SYR", "head_of_state", "2016-12-18", "assad_bashar"),
     ("SYR", "head_of_state", "2025-06-01", "charaa"), ("USA", "foreign_minister", "2016-12-18", "kerry"),
     ("USA", "head_of_state", "2018-04-14", "trump"), ("USA", "head_of_state", "2022-01-01", "biden"),
     ("USA", "head_of_state", "2025-06-01", "trump"), ("USA", "defence_minister", "2016-12-18", "carter_ash"),
     ("TUR", "head_of_state", "2016-12-18", "erdogan"), ("TUR", "head_of_government", "2012-01-01", "erdogan"),
     ("TUR", "foreign_minister", "2016-12-18", "cavusoglu"), ("TUR", "foreign_minister", "2015-01-01", "cavusoglu"),
     ("FRA", "head_of_state", "2016-12-18", "hollande"), ("FRA", "foreign_minister", "2016-12-18", "ayrault"),
     ("FRA", "defence_minister", "2016-12-18", "le_drian"), ("GBR", "head_of_government", "2016-12-18", "may"),
     ("GBR", "foreign_minister", "2016-12-18", "johnson"), ("GBR", "head_of_state", "2016-12-18", "elizabeth2"),
     ("ISR", "head_of_government", "2016-12-18", "netanyahu"), ("ISR", "head_of_government", "2024-01-01", "netanyahu"),
     ("ISR", "foreign_minister", "2016-12-18", "netanyahu"), ("SAU", "head_of_state", "2016-12-18", "salman"),
     ("SAU", "defence_minister", "2016-12-18", "mbs"), ("QAT", "head_of_state", "2016-12-18", "tamim"),
     ("CHN", "foreign_minister", "2016-12-18", "wang_yi"), ("CHN", "foreign_minister", "2024-01-01", "wang_yi"),
     ("LBN", "head_of_government", "2012-01-01", "mikati"), ("LBN", "head_of_government", "2018-01-01", "hariri"),
     ("DEU", "head_of_government", "2016-12-18", "merkel"), ("DEU", "foreign_minister", "2016-12-18", "steinmeier"),
     ("EGY", "head_of_state", "2016-12-18", "sisi"), ("KAZ", "head_of_state", "2017-01-23", "nazarbayev"),
     ("IRQ", "head_of_government", "2016-12-18", "abadi"), ("JOR", "head_of_state", "2016-12-18", "abdullah2"),
     ("ARE", "head_of_state", "2016-12-18", "khalifa_zayed"), ("FRA", "interior_minister", "2016-01-01", "cazeneuve"),
     ("RUS", "interior_minister", "2016-01-01", "kolokoltsev"), ("IRN", "interior_minister", "2016-01-01", "rahmani_fazli"),
     ("LBN", "interior_minister", "2016-01-01", "machnouk"), ("SYR", "interior_minister", "2016-01-01", "shaar"),
     ("RUS", "head_of_state_spokesperson", "2016-12-18", "peskov"),
     ("RUS", "foreign_ministry_spokesperson", "2016-12-18", "zakharova"),
     ("RUS", "security_council_secretary", "2016-12-18", "patrushev"),
     ("RUS", "security_council_secretary", "2025-01-01", "shoigu")],
)  # fmt: skip
def test_office_holder_on_a_day(country, role, on, actor):
    assert holders(role, country, dt.date.fromisoformat(on)) == [actor]


@pytest.mark.parametrize("year", range(2011, 2027))
def test_lavrov_is_russias_foreign_minister_throughout(year):
    assert holders("foreign_minister", "RUS", dt.date(year, 6, 1)) == ["lavrov"]


@pytest.mark.parametrize(
    "on, actor",
    [("2012-06-01", "annan"), ("2013-06-01", "brahimi"), ("2016-06-01", "de_mistura"), ("2020-06-01", "pedersen")],
)
def test_un_envoys_for_syria(on, actor):
    assert holders("un_envoy", "", dt.date.fromisoformat(on)) == [actor]


# Days without a holder that are facts: vacancies, abolished offices, unknown stretches.
GAPS = {
    ("LBN", "head_of_state"): {2014, 2015, 2016, 2023, 2024},  # presidential vacancies
    ("TUR", "head_of_government"): set(range(2019, 2027)),  # office abolished in 2018
    ("SYR", "head_of_government"): {2025, 2026},  # presidential system since 2025-03-29
    ("IRQ", "defence_minister"): {2011},  # vacant until August 2011
    ("QAT", "defence_minister"): set(range(2011, 2016)) | {2025, 2026},  # holders not recorded
    ("JOR", "defence_minister"): {2011, 2012},  # held by the prime minister: not recorded before Ensour
}


@pytest.mark.parametrize("country", MAIN)
@pytest.mark.parametrize("role", ["head_of_state", "head_of_government", "foreign_minister", "defence_minister"])
def test_main_offices_are_filled_each_year(country, role):
    if role == "head_of_government" and country in {"IRN", "USA"}:
        return  # the president heads the government
    empty = {
        year
        for year in range(2011, 2027)
        if not holders(role, country, dt.date(year, 7, 1) if year < 2026 else dt.date(2026, 1, 1))
    }
    assert empty == GAPS.get((country, role), set())


def test_state_names_are_not_aliases_of_other_actors():
    """A state's names, capital (when a metonym) and seats of power name only that state."""
    index = names_index()
    for r in states():
        names = [r[c] for c in ("name_fr", "name_en", "name_ar", "name_ru", "official_fr", "official_en")]
        names += split(r["metonyms"])
        if r["capital_metonym"] == "1":
            names += split(r["capital_fr"]) + split(r["capital_en"])
        for name in names:
            others = index.get(key(name), set()) - {f"{r['iso3'].lower()}_gov"}
            assert not others or key(name) in AMBIGUOUS, (r["iso3"], name, others)


def test_states_csv_is_what_the_script_builds():
    import importlib.util

    path = RESOURCES.parent.parent / "scripts" / "build_states.py"
    spec = importlib.util.spec_from_file_location("build_states", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == states()
