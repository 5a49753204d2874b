"""The scorer itself, on small hand-made gold and system records."""

import json

import pytest

from veille.errors import InputError, VeilleError
from veille.evaluate import check_floors, load_jsonl, match, normalise, score

from conftest import shared_path

SYRIA = {"id": "syr", "name": "Syrie", "aliases": ["Damas"], "kind": "state", "country": "SYR"}
RUSSIA = {"id": "rus", "name": "Russie", "aliases": ["Moscou", "le Kremlin"], "kind": "state", "country": "RUS"}
NAJIB = {"id": "najib", "name": "Karim Najib", "aliases": ["Najib"], "kind": "person", "country": "SYR"}


def article(**fields):
    base = {"doc": "a.txt", "language": "fr", "outlet": None, "title": None, "published": None,
            "boilerplate": [], "actors": [], "places": [], "events": [], "quotes": []}
    return base | fields


@pytest.mark.parametrize(
    "a, b", [("Alep-Est", "alep est"), ("l’Iran", "l'Iran"), ("ÉTATS-UNIS", "Etats Unis"), ("Hayat Tahrir al-Sham", "Hayat Tahrir-al-Sham")]
)
def test_normalise_ignores_case_accents_punctuation(a, b):
    assert normalise(a) == normalise(b)


def test_matching_is_one_to_one_and_maximal():
    # gold 0 fits system 0 and 1, gold 1 only system 0: the maximum matching pairs both
    pairs = match(["x", "y"], ["x|y", "x"], lambda g, s: g in s.split("|"))
    assert pairs == [(0, 1), (1, 0)]


def test_actors_by_alias_and_by_state_country():
    gold = [article(actors=[SYRIA, RUSSIA, NAJIB])]
    system = [article(actors=[
        {"id": "1", "name": "Damas", "kind": "organization"},  # alias
        {"id": "2", "name": "Fédération de Russie", "kind": "state", "country": "RUS"},  # country
        {"id": "3", "name": "Najib", "kind": "person"},
        {"id": "4", "name": "Najib", "kind": "person"},  # the same gold actor cannot count twice
    ])]
    f = score(gold, system).figures["actors"]
    assert (f.tp, f.fp, f.fn) == (3, 1, 0)


def test_boilerplate_counts_lines_as_a_multiset():
    gold = [article(boilerplate=["Partager", "0", "0"])]
    system = [article(boilerplate=["Partager ", "0", "Chat"])]
    f = score(gold, system).figures["boilerplate"]
    assert (f.tp, f.fp, f.fn) == (2, 1, 1)


def event(type, source, target, **fields):
    return {"type": type, "source": source, "target": target, "modality": "asserted", "according_to": None} | fields


@pytest.mark.parametrize(
    "gold_event, system_event, matched",
    [
        (event("ACCUSE", ["syr"], ["rus"]), event("ACCUSE", ["s"], ["r"]), True),
        (event("ACCUSE", ["syr"], ["rus"]), event("ACCUSE", ["r"], ["s"]), False),  # direction counts
        (event("CONSULT", ["syr"], ["rus"]), event("CONSULT", ["r"], ["s"]), True),  # not for CONSULT
        (event("ACCUSE", ["syr"], []), event("ACCUSE", ["s"], ["r"]), True),  # empty gold target
        (event("ACCUSE", ["syr"], ["rus"]), event("REJECT", ["s"], ["r"]), False),
    ],
)
def test_event_dyads(gold_event, system_event, matched):
    gold = [article(actors=[SYRIA, RUSSIA], events=[gold_event])]
    system = [article(actors=[{"id": "s", "name": "Damas"}, {"id": "r", "name": "Moscou"}], events=[system_event])]
    assert score(gold, system).figures["events_dyad"].tp == int(matched)


def test_historical_gold_events_are_not_scored_either_way():
    gold = [article(actors=[SYRIA, RUSSIA], events=[event("ASSAULT", ["rus"], ["syr"], modality="historical")])]
    system = [article(actors=[{"id": "s", "name": "Syrie"}, {"id": "r", "name": "Russie"}], events=[event("ASSAULT", ["r"], ["s"])])]
    f = score(gold, system).figures["events_dyad"]
    assert (f.tp, f.fp, f.fn) == (0, 0, 0)


def test_events_full_checks_date_precision_and_place_distance():
    places = [{"name": "Alep", "aliases": ["Aleppo"], "lat": 36.20, "lon": 37.16, "country": "SY", "kind": "city"}]
    gold = [article(actors=[SYRIA], places=places, events=[event("ASSAULT", ["syr"], [], place="Alep", date="2016-12")])]
    near = {"name": "Alep-Est", "lat": 36.21, "lon": 37.20}
    ok = [article(actors=[{"id": "s", "name": "Syrie"}], events=[event("ASSAULT", ["s"], [], place=near, date="2016-12-10")])]
    wrong_month = [article(actors=[{"id": "s", "name": "Syrie"}], events=[event("ASSAULT", ["s"], [], place="Aleppo", date="2016-11-30")])]
    assert score(gold, ok).figures["events_full"].tp == 1
    assert score(gold, wrong_month).figures["events_full"].tp == 0
    assert score(gold, wrong_month).figures["events_dyad"].tp == 1


def test_according_to_null_is_outlet_and_actors_match_by_alias():
    gold = [article(actors=[SYRIA, NAJIB], events=[event("ACCUSE", ["syr"], [], according_to="najib"), event("AID", ["syr"], [], according_to="outlet")])]
    system = [article(actors=[{"id": "s", "name": "Syrie"}, {"id": "n", "name": "Najib"}],
                      events=[event("ACCUSE", ["s"], [], according_to="n"), event("AID", ["s"], [], according_to=None)])]
    f = score(gold, system).figures["according_to"]
    assert (f.correct, f.total) == (2, 2)


def test_quotes_need_speaker_and_anchor_with_apostrophes_normalised():
    gold = [article(actors=[NAJIB], quotes=[{"speaker": "najib", "direct": True, "anchor": "L’armée n’a jamais"}])]
    system = [article(actors=[{"id": "k", "name": "Karim Najib"}], quotes=[{"speaker": "k", "direct": True, "text": "« L'armée  n'a jamais reculé »"}])]
    assert score(gold, system).figures["quotes"].tp == 1
    system[0]["quotes"][0]["speaker"] = None
    assert score(gold, system).figures["quotes"].tp == 0


def test_unavailable_metrics_are_not_zero_and_floors_flag_them():
    report = score([article()], [article()], available={"language", "boilerplate"})
    assert report.value("language") == 1.0
    assert report.value("events_dyad") is None
    assert check_floors(report, {"language": 1.0}) == []
    assert check_floors(report, {"events_dyad": 0.5}) == ["events_dyad is not available (floor 0.5)"]
    with pytest.raises(VeilleError, match="unknown metric 'nope'; valid metrics"):
        check_floors(report, {"nope": 1})


def test_metadata_accuracy_and_doc_pairing_by_base_name():
    gold = [article(doc="x.txt", outlet="Press TV", published="2016-12-18"), article(doc="y.txt", outlet=None)]
    system = [article(doc="x", outlet="PRESS-TV", published="2016-12-19"), article(doc="y.txt", outlet=None)]
    report = score(gold, system)
    assert report.figures["outlet"].correct == 2
    assert report.figures["published"].correct == 1


def test_load_jsonl_errors_name_file_and_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"doc": "a"}\n{oops\n')
    with pytest.raises(InputError, match=r"g.jsonl:2: invalid JSON"):
        load_jsonl([path])
    with pytest.raises(InputError, match="no such file"):
        load_jsonl([tmp_path / "missing.jsonl"])


def test_gold_scored_against_itself_is_perfect():
    gold = load_jsonl([shared_path("gold", "seeds.jsonl")])
    system = json.loads(json.dumps(gold))
    for record in system:
        ids = {a["id"]: f"sys-{a['id']}" for a in record["actors"]}
        for a in record["actors"]:
            a["id"] = ids[a["id"]]
        for e in record["events"]:
            e["source"] = [ids[i] for i in e["source"]]
            e["target"] = [ids[i] for i in e["target"]]
            if e.get("according_to") in ids:
                e["according_to"] = ids[e["according_to"]]
            e["sentence"] = "Préambule. " + e.pop("anchor") + " et la suite."
        for q in record["quotes"]:
            q["speaker"] = ids.get(q["speaker"])
            q["text"] = "« " + q.pop("anchor") + " … »"
    report = score(gold, system)
    for metric in ("actors", "places", "events_dyad", "events_type", "events_full", "quotes", "boilerplate", "modality", "according_to", "geocoding_25km"):
        assert report.value(metric) == 1.0, metric
