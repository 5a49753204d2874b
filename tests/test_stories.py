"""Canonical events, stories and conflicting versions, on articles built by hand.

The articles are those of ``tests/fixtures/stories`` (corpus.json says which event each
reports), coded here as the events stage would code them, plus traps: same day and
type elsewhere, another meeting of the same minister, two events of one article.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from veille.model import Actor, Article, Event, Outlet, Place
from veille.reports import Report, reports, same_event
from veille.store import open_store
from veille.stories import assign, cluster, story_list

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
CORPUS = json.loads((FIXTURES / "corpus.json").read_text())

ARIHA = Place("Ariha", ["Arīḥā"], 35.813, 36.609, "SY", "city")
DOUMA = Place("Douma", ["Duma"], 33.572, 36.402, "SY", "city")
ALEP_EST = Place("Alep-Est", ["East Aleppo", "Alep"], 36.21, 37.17, "SY", "district")
ASTANA = Place("Noursoultan", ["Nur-Sultan", "Astana"], 51.18, 71.45, "KZ", "city")
ACTORS = {
    "sohr": Actor(
        "sohr",
        "Observatoire syrien des droits de l'homme",
        ["OSDH", "SOHR", "Syrian Observatory for Human Rights"],
        "organization",
        "GBR",
        "OPP",
    ),
    "civilians": Actor("civilians", "civils", ["civilians"], "organization", None, "CVL"),
    "local_governor": Actor("local_governor", "gouverneur d'Idleb", [], "person", "SYR", "GOV"),
    "rus_mil": Actor(
        "rus_mil", "forces armées russes", ["aviation russe"], "organization", "RUS", "MIL"
    ),
    "rus_gov": Actor("rus_gov", "Russie", ["Moscou", "Russia"], "state", "RUS", "GOV"),
    "irn_gov": Actor("irn_gov", "Iran", ["Téhéran"], "state", "IRN", "GOV"),
    "tur_gov": Actor("tur_gov", "Turquie", ["Ankara", "Turkey"], "state", "TUR", "GOV"),
    "usa_gov": Actor("usa_gov", "États-Unis", ["Washington"], "state", "USA", "GOV"),
    "lavrov": Actor("lavrov", "Sergueï Lavrov", ["Lavrov"], "person", "RUS", "GOV"),
    "zarif": Actor("zarif", "Mohammad Javad Zarif", ["Zarif"], "person", "IRN", "GOV"),
    "kerry": Actor("kerry", "John Kerry", ["Kerry"], "person", "USA", "GOV"),
    "local_rcr": Actor(
        "local_rcr", "Centre russe pour la réconciliation", [], "organization", "RUS", "MIL"
    ),
    "icrc": Actor(
        "icrc",
        "Comité international de la Croix-Rouge",
        ["CICR", "ICRC"],
        "organization",
        None,
        "IGO",
    ),
}
STATE = Outlet("Agence d'État", "SYR", "state-affiliated")
PRIVATE = Outlet("Le Journal du Levant", "FRA", "private")


def event(
    eid,
    type,
    sentence,
    *,
    source=(),
    target=(),
    place=None,
    date=None,
    according_to=None,
    fatalities=None,
    modality="asserted",
):
    return Event(
        eid,
        type,
        sentence,
        0,
        len(sentence),
        source=list(source),
        target=list(target),
        place=place,
        date=date,
        according_to=according_to,
        modality=modality,
        fatalities=fatalities,
    )


def article(doc, events, *, outlet=None, language="fr", text=None):
    entry = CORPUS["articles"].get(doc, {})
    used = {a for e in events for a in [*e.source, *e.target, e.according_to] if a in ACTORS}
    published = entry.get("published")
    return Article(
        id=doc.split("_")[0],
        name=doc,
        language=language or entry.get("language"),
        outlet=outlet,
        published=dt.date.fromisoformat(published) if published else None,
        text=text if text is not None else _body(doc),
        events=events,
        actors=[ACTORS[a] for a in sorted(used)],
        places=[e.place for e in events if isinstance(e.place, Place)],
    )


def _body(doc):
    if not (FIXTURES / doc).exists():
        return ""
    lines = (FIXTURES / doc).read_text().splitlines()
    junk = set(CORPUS["articles"][doc]["boilerplate"])
    return "\n".join(line for line in lines[2:] if line not in junk)


STRIKE = "Des frappes aériennes ont tué au moins 42 civils lundi 22 juillet sur un marché d'Ariha"


def corpus():
    """The fixture articles, coded by hand; ``(articles, {event id: real-world event})``."""
    arts = [
        article(
            "a1_wire_levant.txt",
            [
                event(
                    "a1e1",
                    "ASSAULT",
                    STRIKE,
                    target=["civilians"],
                    place=ARIHA,
                    date="2019-07-22",
                    according_to="sohr",
                    fatalities=42,
                )
            ],
            outlet=PRIVATE,
        ),
        article(
            "a2_wire_orient.txt",
            [
                event(
                    "a2e1",
                    "ASSAULT",
                    STRIKE,
                    target=["civilians"],
                    place=ARIHA,
                    date="2019-07-22",
                    according_to="sohr",
                    fatalities=42,
                )
            ],
        ),
        article(
            "a3_edited_copy.txt",
            [
                event(
                    "a3e1",
                    "ASSAULT",
                    STRIKE,
                    target=["civilians"],
                    place=ARIHA,
                    date="2019-07-22",
                    according_to="sohr",
                    fatalities=42,
                )
            ],
        ),
        article(
            "a4_governor_toll.txt",
            [
                event(
                    "a4e1",
                    "ASSAULT",
                    "Le gouverneur a affirmé lundi que 32 personnes avaient été tuées "
                    "le 22 juillet dans le bombardement du marché d'Ariha",
                    source=["rus_mil"],
                    target=["civilians"],
                    place=ARIHA,
                    date="2019-07-22",
                    according_to="local_governor",
                    fatalities=32,
                ),
                event(
                    "a4e2",
                    "ACCUSE",
                    "le gouverneur a imputé l'attaque à l'aviation russe",
                    source=["local_governor"],
                    target=["rus_mil"],
                    date="2019-07-22",
                ),
            ],
            outlet=STATE,
        ),
        article(
            "a5_english_wire.txt",
            [
                event(
                    "a5e1",
                    "ASSAULT",
                    "Air strikes killed at least 42 "
                    "civilians on Monday July 22 at a busy market in the town of Ariha",
                    target=["civilians"],
                    place=ARIHA,
                    date="2019-07-22",
                    according_to="sohr",
                    fatalities=42,
                )
            ],
            language="en",
        ),
        article(
            "a6_ariha_later.txt",
            [
                event(
                    "a6e1",
                    "ASSAULT",
                    "Des frappes aériennes ont tué douze "
                    "civils jeudi 25 juillet dans un quartier résidentiel d'Ariha",
                    target=["civilians"],
                    place=ARIHA,
                    date="2019-07-25",
                    according_to="sohr",
                    fatalities=12,
                )
            ],
        ),
        article(
            "a7_talks_day1.txt",
            [
                event(
                    "a7e1",
                    "CONSULT",
                    "Les délégations de la Russie, de l'Iran "
                    "et de la Turquie se sont réunies jeudi 1er août à Noursoultan",
                    source=["rus_gov", "irn_gov", "tur_gov"],
                    place=ASTANA,
                    date="2019-08-01",
                )
            ],
        ),
        article(
            "a8_talks_day2_en.txt",
            [
                event(
                    "a8e1",
                    "AGREE",
                    "Russia, Iran and Turkey agreed on "
                    "Friday August 2 to a ceasefire in Syria's Idlib region",
                    source=["rus_gov", "irn_gov", "tur_gov"],
                    place=ASTANA,
                    date="2019-08-02",
                )
            ],
            language="en",
        ),
        article(
            "a9_aleppo_evac_ru.txt",
            [
                event(
                    "a9e1",
                    "RETREAT",
                    "Selon le Centre russe pour la "
                    "réconciliation des parties, 8 079 personnes ont été évacuées "
                    "jeudi 22 décembre des "
                    "quartiers est d'Alep",
                    place=ALEP_EST,
                    date="2016-12-22",
                    according_to="local_rcr",
                )
            ],
            outlet=STATE,
        ),
        article(
            "a10_aleppo_evac_icrc.txt",
            [
                event(
                    "a10e1",
                    "RETREAT",
                    "Le Comité international de la "
                    "Croix-Rouge a indiqué que 6 462 personnes avaient été évacuées "
                    "d'Alep-Est le 22 "
                    "décembre",
                    place=ALEP_EST,
                    date="2016-12-22",
                    according_to="icrc",
                )
            ],
            outlet=PRIVATE,
        ),
        article(
            "a11_aleppo_evac_next_day.txt",
            [
                event(
                    "a11e1",
                    "RETREAT",
                    "Selon le centre, 4 000 personnes ont été évacuées vendredi 23 décembre",
                    place=ALEP_EST,
                    date="2016-12-23",
                    according_to="local_rcr",
                )
            ],
        ),
    ]
    truth = {"a4e2": "ariha_accuse"}
    for a in arts:
        for e in a.events:
            truth.setdefault(e.id, CORPUS["articles"][a.name]["events"][0])
    return arts, truth


def pairs(groups):
    return {(a, b) for g in groups for a in g for b in g if a < b}


def test_every_same_event_pair_found_and_none_else():
    arts, truth = corpus()
    records = [a.to_record() for a in arts]
    assign(records)
    got: dict[str, list[str]] = {}
    for r in records:
        for e in r["events"]:
            got.setdefault(e["canonical"], []).append(e["id"])
    want: dict[str, list[str]] = {}
    for eid, key in truth.items():
        want.setdefault(key, []).append(eid)
    assert pairs(got.values()) == pairs(want.values())


def test_stories_group_the_days_of_one_evacuation_and_one_round_of_talks():
    arts, truth = corpus()
    records = [a.to_record() for a in arts]
    assign(records)
    story_of = {truth[e["id"]]: e["story"] for r in records for e in r["events"]}
    for together in CORPUS["stories"]:
        assert len({story_of[k] for k in together}) == 1, together
    assert len({story_of[g[0]] for g in CORPUS["stories"]}) == 3


def test_copies_point_to_the_original_doc():
    arts, _ = corpus()
    records = [a.to_record() for a in arts]
    assign(records)
    assert {r["doc"]: r["duplicate_of"] for r in records} == {
        doc: entry["duplicate_of"] for doc, entry in CORPUS["articles"].items()
    }


def test_conflicting_tolls_are_kept_with_claimant_outlet_and_affiliation():
    arts, _ = corpus()
    events = assign([a.to_record() for a in arts])
    strike = next(e for e in events if "a4e1" in {v["event"] for v in e["versions"]})
    assert strike["conflict"] is True
    assert {"field": "fatalities", "values": [32, 42]} in strike["conflicts"]
    versions = {v["event"]: v for v in strike["versions"]}
    assert len(versions) == 5  # every report stays attached
    assert (versions["a4e1"]["fatalities"], versions["a4e1"]["claimant"]) == (
        32,
        "gouverneur d'Idleb",
    )
    assert versions["a4e1"]["outlet"] == "Agence d'État"
    assert versions["a4e1"]["affiliation"] == "state-affiliated"
    assert (versions["a1e1"]["fatalities"], versions["a1e1"]["affiliation"]) == (42, "private")
    assert versions["a1e1"]["claimant"] == "Observatoire syrien des droits de l'homme"
    assert strike["languages"] == ["en", "fr"]


def test_conflicting_counts_of_evacuees():
    arts, _ = corpus()
    events = assign([a.to_record() for a in arts])
    evac = next(e for e in events if "a9e1" in {v["event"] for v in e["versions"]})
    assert {"field": "quantity", "unit": "perso", "values": [6462, 8079]} in evac["conflicts"]
    claimants = {v["claimant"]: v["quantities"] for v in evac["versions"]}
    assert claimants == {
        "Centre russe pour la réconciliation": [[8079, "perso"]],
        "Comité international de la Croix-Rouge": [[6462, "perso"]],
    }


def test_agreeing_reports_are_no_conflict():
    arts, _ = corpus()
    events = assign([a.to_record() for a in arts])
    talks = next(e for e in events if e["type"] == "CONSULT")
    assert talks["conflict"] is False and talks["conflicts"] == []


def _reports(*arts):
    return [r for n, a in enumerate(arts) for r in reports(a.to_record(), order=n)]


def _pair(a_event, b_event, *, a_kw=None, b_kw=None):
    a = article("x1", [a_event], **(a_kw or {}))
    b = article("x2", [b_event], **(b_kw or {}))
    a.published = b.published = dt.date(2019, 7, 22)
    return _reports(a, b)


@pytest.mark.parametrize(
    "a,b,same",
    [
        # same day and type, another town 200 km away: two strikes
        (
            event("e1", "ASSAULT", STRIKE, target=["civilians"], place=ARIHA, date="2019-07-22"),
            event(
                "e2",
                "ASSAULT",
                "Frappes sur Douma le 22 juillet",
                target=["civilians"],
                place=DOUMA,
                date="2019-07-22",
            ),
            False,
        ),
        # the same minister meets someone else the same day
        (
            event(
                "e1",
                "CONSULT",
                "Lavrov a reçu Zarif le 22 juillet",
                source=["zarif"],
                target=["lavrov"],
                date="2019-07-22",
            ),
            event(
                "e2",
                "CONSULT",
                "Lavrov s'est entretenu avec Kerry le 22 juillet",
                source=["lavrov", "kerry"],
                date="2019-07-22",
            ),
            False,
        ),
        # the same meeting, told the other way round
        (
            event(
                "e1",
                "CONSULT",
                "Lavrov a reçu Zarif le 22 juillet",
                source=["zarif"],
                target=["lavrov"],
                date="2019-07-22",
            ),
            event(
                "e2",
                "CONSULT",
                "Zarif et Lavrov se sont rencontrés le 22 juillet",
                source=["lavrov", "zarif"],
                date="2019-07-22",
            ),
            True,
        ),
        # two spelled-out days apart: different days of one war, even with the same words
        (
            event("e1", "ASSAULT", STRIKE, target=["civilians"], place=ARIHA, date="2019-07-22"),
            event(
                "e2",
                "ASSAULT",
                STRIKE.replace("22", "23"),
                target=["civilians"],
                place=ARIHA,
                date="2019-07-23",
            ),
            False,
        ),
        # a weekday estimate one day off ('lundi' resolved against the publication) is allowed
        (
            event("e1", "ASSAULT", STRIKE, source=["rus_mil"], place=ARIHA, date="2019-07-22"),
            event(
                "e2",
                "ASSAULT",
                "L'aviation russe a frappé Ariha lundi",
                source=["rus_mil"],
                place=ARIHA,
                date="2019-07-23",
            ),
            True,
        ),
        # another author of the attack
        (
            event("e1", "ASSAULT", STRIKE, source=["rus_mil"], place=ARIHA, date="2019-07-22"),
            event("e2", "ASSAULT", STRIKE, source=["usa_gov"], place=ARIHA, date="2019-07-22"),
            False,
        ),
        # another type
        (
            event("e1", "ASSAULT", STRIKE, source=["rus_mil"], place=ARIHA, date="2019-07-22"),
            event("e2", "MOBILIZE", STRIKE, source=["rus_mil"], place=ARIHA, date="2019-07-22"),
            False,
        ),
        # planned versus done
        (
            event(
                "e1",
                "CONSULT",
                "Lavrov rencontre Zarif",
                source=["lavrov", "zarif"],
                date="2019-07-22",
            ),
            event(
                "e2",
                "CONSULT",
                "Lavrov rencontrera Zarif",
                source=["lavrov", "zarif"],
                date="2019-07-22",
                modality="future",
            ),
            False,
        ),
        # a claim and its denial are versions of one event
        (
            event("e1", "ASSAULT", STRIKE, source=["rus_mil"], place=ARIHA, date="2019-07-22"),
            event(
                "e2",
                "ASSAULT",
                "Moscou dément avoir frappé Ariha",
                source=["rus_mil"],
                place=ARIHA,
                date="2019-07-22",
                modality="negated",
            ),
            True,
        ),
        # undated: only with the same type, actors and place
        (
            event(
                "e1",
                "ASSAULT",
                STRIKE,
                source=["rus_mil"],
                target=["civilians"],
                place=ARIHA,
                date="2019-07-22",
            ),
            event(
                "e2",
                "ASSAULT",
                "L'aviation russe a frappé des civils à Ariha",
                source=["rus_mil"],
                target=["civilians"],
                place=ARIHA,
            ),
            True,
        ),
        (
            event(
                "e1",
                "ASSAULT",
                STRIKE,
                source=["rus_mil"],
                target=["civilians"],
                place=ARIHA,
                date="2019-07-22",
            ),
            event(
                "e2",
                "ASSAULT",
                "L'aviation russe a frappé des civils",
                source=["rus_mil"],
                target=["civilians"],
            ),
            False,
        ),
        # undated headline with group nouns only: the same place and toll the next day
        (
            event(
                "e1",
                "ASSAULT",
                STRIKE,
                target=["civilians"],
                place=ARIHA,
                date="2019-07-22",
                fatalities=42,
            ),
            event(
                "e2",
                "ASSAULT",
                "42 civils tués à Ariha",
                target=["civilians"],
                place=ARIHA,
                fatalities=42,
            ),
            True,
        ),
        (
            event(
                "e1",
                "ASSAULT",
                STRIKE,
                target=["civilians"],
                place=ARIHA,
                date="2019-07-22",
                fatalities=42,
            ),
            event(
                "e2",
                "ASSAULT",
                "12 civils tués à Ariha",
                target=["civilians"],
                place=ARIHA,
                fatalities=12,
            ),
            False,
        ),
        # no actors, no place: the same words do not make the same event
        (
            event("e1", "ASSAULT", STRIKE, date="2019-07-22"),
            event("e2", "ASSAULT", STRIKE, date="2019-07-22"),
            False,
        ),
        # group nouns only: the place settles it
        (
            event("e1", "ASSAULT", STRIKE, target=["civilians"], place=ARIHA, date="2019-07-22"),
            event(
                "e2",
                "ASSAULT",
                "Bombardement à Ariha",
                target=["civilians"],
                place=ARIHA,
                date="2019-07-22",
            ),
            True,
        ),
    ],
)
def test_same_event(a, b, same):
    ra, rb = _pair(a, b)
    assert same_event(ra, rb) is same
    assert same_event(rb, ra) is same


def test_two_events_of_one_article_are_never_merged():
    one = article(
        "x1",
        [
            event("e1", "ASSAULT", STRIKE, source=["rus_mil"], place=ARIHA, date="2019-07-22"),
            event(
                "e2",
                "ASSAULT",
                "Une autre frappe sur Ariha le 22 juillet",
                source=["rus_mil"],
                place=ARIHA,
                date="2019-07-22",
            ),
        ],
    )
    other = article(
        "x2", [event("e3", "ASSAULT", STRIKE, source=["rus_mil"], place=ARIHA, date="2019-07-22")]
    )
    groups = cluster(_reports(one, other))
    assert sorted(len(g) for g in groups.values()) == [1, 2]
    assert all(len({r.article_id for r in g}) == len(g) for g in groups.values())


def test_historical_background_is_not_a_report():
    a = article(
        "x1",
        [
            event(
                "e1",
                "ASSAULT",
                "La Russie est intervenue en 2015",
                source=["rus_mil"],
                date="2015",
                modality="historical",
            )
        ],
    )
    assert reports(a.to_record()) == []


def test_report_round_trips_as_json():
    arts, _ = corpus()
    for r in _reports(*arts):
        assert Report.from_json(json.loads(json.dumps(r.to_json()))) == r


def test_story_list_counts_outlets_languages_and_conflicts():
    arts, _ = corpus()
    stories = story_list(assign([a.to_record() for a in arts]))
    ariha = next(s for s in stories if any(e["type"] == "ASSAULT" for e in s["events"]))
    assert ariha["languages"] == ["en", "fr"]
    assert ariha["outlets"] == ["Agence d'État", "Le Journal du Levant"]
    assert ariha["conflicts"] == 1
    assert (ariha["first"], ariha["last"]) == ("2019-07-22", "2019-07-25")


# -- the store, incrementally --------------------------------------------------------------------


def _partition(events):
    return {frozenset(v["event"] for v in e["versions"]) for e in events}


def _story_partition(events):
    by: dict[str, set] = {}
    for e in events:
        by.setdefault(e["story"], set()).update(v["event"] for v in e["versions"])
    return {frozenset(v) for v in by.values()}


@pytest.mark.parametrize("split", [1, 4, 7, 10])
def test_adding_articles_in_two_runs_gives_the_clusters_of_one(tmp_path, split):
    arts, _ = corpus()
    records = [a.to_record() for a in arts]
    once = assign([dict(r, events=[dict(e) for e in r["events"]]) for r in records])
    with open_store(str(tmp_path / "s.db")) as store:
        first = store.add_to_stories(records[:split])
        second = store.add_to_stories(records[split:])
        stored = store.canonical_events()
    assert _partition(stored) == _partition(once)
    assert _story_partition(stored) == _story_partition(once)
    dups = first["duplicate_of"] | second["duplicate_of"]
    assert dups["a2"] == "a1_wire_levant.txt" and dups["a3"] == "a1_wire_levant.txt"


def test_a_later_run_keeps_canonical_ids_and_joins_them(tmp_path):
    arts, _ = corpus()
    records = [a.to_record() for a in arts]
    with open_store(str(tmp_path / "s.db")) as store:
        first = store.add_to_stories(records[:2])
        second = store.add_to_stories(records[2:])
        again = store.add_to_stories(records[3:4])  # the same article once more: nothing changes
        stored = store.canonical_events()
    assert second["canonical"]["a4e1"] == first["canonical"]["a1e1"]
    assert again["canonical"]["a4e1"] == first["canonical"]["a1e1"]
    strike = next(e for e in stored if e["id"] == first["canonical"]["a1e1"])
    assert strike["reports"] == 5 and strike["conflict"] is True


def test_an_earlier_copy_stored_later_becomes_the_original(tmp_path):
    arts, _ = corpus()
    records = {a.name: a.to_record() for a in arts}
    with open_store(str(tmp_path / "s.db")) as store:
        store.add_to_stories([records["a2_wire_orient.txt"], records["a3_edited_copy.txt"]])
        result = store.add_to_stories([records["a1_wire_levant.txt"]])
        from veille.store.stories import duplicates

        with store.engine.connect() as connection:
            copies = duplicates(connection)
    assert result["duplicate_of"] == {"a1": None}
    assert copies == {
        "a2_wire_orient.txt": "a1_wire_levant.txt",
        "a3_edited_copy.txt": "a1_wire_levant.txt",
    }


# -- the command and the real pipeline ---------------------------------------------------------


def test_cli_stories_from_extract_output(tmp_path):
    from click.testing import CliRunner

    from veille.cli import cli

    arts, _ = corpus()
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(a.to_record(), ensure_ascii=False) + "\n" for a in arts))
    result = CliRunner().invoke(cli, ["stories", "--from", str(path), "--min-articles", "2"])
    assert result.exit_code == 0, result.output
    assert "CONFLICT" in result.output and "differs: fatalities [32, 42]" in result.output
    assert "according to gouverneur d'Idleb: 32 dead" in result.output
    as_json = CliRunner().invoke(cli, ["stories", "--from", str(path), "--json"])
    stories = [json.loads(line) for line in as_json.output.splitlines() if line.startswith("{")]
    assert sum(len(s["events"]) for s in stories) == 7


def test_cli_stories_reads_the_store(tmp_path):
    from click.testing import CliRunner

    from veille.cli import cli

    arts, _ = corpus()
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        store.add_to_stories([a.to_record() for a in arts])
    result = CliRunner().invoke(cli, ["stories", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.output.count("story s") == 4


ORDER = sorted(CORPUS["articles"], key=lambda doc: int(doc.split("_")[0][1:]))


@pytest.mark.slow
def test_extract_links_copies_and_reports_across_inputs():
    from veille.runner import extract_records

    records = {r["doc"]: r for r in extract_records([str(FIXTURES / doc) for doc in ORDER])}
    assert records["a2_wire_orient.txt"]["duplicate_of"] == "a1_wire_levant.txt"
    assert records["a3_edited_copy.txt"]["duplicate_of"] == "a1_wire_levant.txt"
    assert all(records[d]["duplicate_of"] is None for d in ORDER if d[:3] not in ("a2_", "a3_"))
    events = [e for r in records.values() for e in r["events"]]
    assert events and all(e["canonical"] and e["story"] for e in events)
    # the wire copy's events are the original's events
    a1, a2 = ({e["canonical"] for e in records[d]["events"]} for d in ORDER[:2])
    assert a1 and a1 == a2
    # the strike with 42 dead: a headline in the original, a body sentence in the rewrite
    strike = {
        e["canonical"] for d in ORDER[:3] for e in records[d]["events"] if e["fatalities"] == 42
    }
    assert len(strike) == 1
    # three days later at the same town: another strike
    later = {e["canonical"] for e in records["a6_ariha_later.txt"]["events"]}
    assert later and not later & strike


@pytest.mark.slow
def test_run_keeps_stories_in_the_store(tmp_path):
    from veille.runner import run

    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        run([str(FIXTURES / doc) for doc in ORDER[:2]], store=store)
        run([str(FIXTURES / doc) for doc in ORDER[2:4]], store=store)
        stored = {r["doc"]: r for r in store.records(status="ok")}
        canonical = store.canonical_events()
    assert stored["a2_wire_orient.txt"]["duplicate_of"] == "a1_wire_levant.txt"
    assert stored["a3_edited_copy.txt"]["duplicate_of"] == "a1_wire_levant.txt"
    events = [e for r in stored.values() for e in r["events"]]
    assert all(e["canonical"] for e in events)
    assert {e["canonical"] for e in events} == {c["id"] for c in canonical}


def test_the_same_article_given_twice_counts_once():
    arts, _ = corpus()
    records = [a.to_record() for a in arts[:2]] + [arts[0].to_record()]
    events = assign(records)
    assert [r["duplicate_of"] for r in records] == [
        None,
        "a1_wire_levant.txt",
        "a1_wire_levant.txt",
    ]
    assert records[0]["events"][0]["canonical"] == records[2]["events"][0]["canonical"]
    assert [e["reports"] for e in events] == [2]
