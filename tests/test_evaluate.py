"""The scorer, on small hand-made gold and system records, and on the seeds' gold against itself."""

import copy
import json
from pathlib import Path

import pytest

from veille.errors import InputError, VeilleError
from veille.evaluate import METRICS, Figure, check_floors, load_jsonl, match, normalise, score

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.jsonl"

SYRIA = {"id": "syr", "name": "Syrie", "aliases": ["Damas"], "kind": "state", "country": "SYR"}
RUSSIA = {"id": "rus", "name": "Russie", "aliases": ["Moscou", "le Kremlin"], "kind": "state",
          "country": "RUS"}  # fmt: skip
NAJIB = {"id": "najib", "name": "Karim Najib", "aliases": ["Najib"], "kind": "person",
         "country": "SYR"}  # fmt: skip
ALEP = {"name": "Alep", "aliases": ["Aleppo"], "lat": 36.20, "lon": 37.16, "country": "SY",
        "kind": "city"}  # fmt: skip
# system actors: their own ids, named the way a system might
S_SYRIA = {"id": "s", "name": "Damas"}
S_RUSSIA = {"id": "r", "name": "Moscou"}
S_NAJIB = {"id": "n", "name": "Najib", "kind": "person"}


def article(**fields):
    base = {"doc": "a.txt", "language": "fr", "outlet": None, "title": None, "published": None,
            "boilerplate": [], "actors": [], "places": [], "events": [], "quotes": []}  # fmt: skip
    return base | fields


def event(type, source, target, **fields):
    base = {"type": type, "source": source, "target": target, "modality": "asserted",
            "according_to": None}  # fmt: skip
    return base | fields


def counts(report, metric):
    f = report.figures[metric]
    return (f.tp, f.fp, f.fn) if f.kind == "prf" else (f.correct, f.total)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Alep-Est", "alepest"), ("alep est", "alepest"), ("AlepEst", "alepest"),
        ("l’Iran", "liran"), ("l'Iran", "liran"), ("lʼIran", "liran"),
        ("ÉTATS-UNIS", "etatsunis"), ("Hayat Tahrir al-Cham", "hayattahriralcham"),
        ("  Deir ez-Zor. ", "deirezzor"), ("Straße", "strasse"), ("", ""), ("« — »", ""),
    ],
)  # fmt: skip
def test_normalise_ignores_case_accents_punctuation_apostrophes_hyphens_spaces(name, expected):
    assert normalise(name) == expected


def test_normalise_keeps_letters_that_differ():
    assert normalise("Alep") != normalise("Alepo")


def test_matching_is_one_to_one_and_maximum():
    # greedy would give system 0 to gold 0 and leave gold 1 unmatched
    pairs = match(["x", "y"], ["x|y", "x"], lambda g, s: g in s.split("|"))
    assert pairs == [(0, 1), (1, 0)]


@pytest.mark.parametrize(
    "system_actor, matched",
    [
        ({"id": "1", "name": "Damas", "kind": "organization"}, True),  # an alias of the gold actor
        ({"id": "1", "name": "Gouvernement", "aliases": ["DAMAS"]}, True),  # alias against alias
        ({"id": "1", "name": "République arabe", "kind": "state", "country": "syr"}, True),
        ({"id": "1", "name": "République arabe", "kind": "organization", "country": "SYR"}, False),
        ({"id": "1", "name": "Mystère", "kind": "state", "country": None}, False),
        ({"id": "1", "name": "Alep"}, False),
    ],
)
def test_actor_matching_by_name_alias_or_state_country(system_actor, matched):
    report = score([article(actors=[SYRIA])], [article(actors=[system_actor])])
    assert counts(report, "actors") == ((1, 0, 0) if matched else (0, 1, 1))


def test_states_without_a_country_do_not_match_by_country():
    gold = [article(actors=[{"id": "x", "name": "Royaume", "kind": "state", "country": None}])]
    system = [article(actors=[{"id": "y", "name": "Empire", "kind": "state", "country": None}])]
    assert counts(score(gold, system), "actors") == (0, 1, 1)


def test_one_system_actor_cannot_match_two_gold_actors():
    samir = {"id": "samir", "name": "Samir Najib", "aliases": ["Najib"], "kind": "person"}
    report = score([article(actors=[NAJIB, samir])], [article(actors=[S_NAJIB])])
    assert counts(report, "actors") == (1, 0, 1)
    # and one gold actor cannot be matched by two system actors
    report = score([article(actors=[NAJIB])], [article(actors=[S_NAJIB, S_NAJIB | {"id": "n2"}])])
    assert counts(report, "actors") == (1, 1, 0)


@pytest.mark.parametrize(
    "gold_lines, system_lines, expected",
    [
        (["Partager", "0", "0"], ["Partager ", "0", "Chat"], (2, 1, 1)),  # multiset, stripped
        (["0", "0"], ["0", "0", "0"], (2, 1, 0)),
        (["Menu"], [], (0, 0, 1)),
        ([], ["Menu", "  "], (0, 1, 0)),  # blank lines are not counted
    ],
)
def test_boilerplate_counts_lines_as_a_multiset(gold_lines, system_lines, expected):
    report = score([article(boilerplate=gold_lines)], [article(boilerplate=system_lines)])
    assert counts(report, "boilerplate") == expected


@pytest.mark.parametrize(
    "gold_event, system_event, matched",
    [
        (event("ACCUSE", ["syr"], ["rus"]), event("ACCUSE", ["s"], ["r"]), True),
        # direction counts
        (event("ACCUSE", ["syr"], ["rus"]), event("ACCUSE", ["r"], ["s"]), False),
        # the gold target is missed
        (event("ACCUSE", ["syr"], ["rus"]), event("ACCUSE", ["s"], []), False),
        (event("ACCUSE", ["syr"], ["rus"]), event("REJECT", ["s"], ["r"]), False),
        # an id unknown to the article matches nothing, even one that looks like a name
        (event("ACCUSE", ["syr"], ["rus"]), event("ACCUSE", ["Damas"], ["r"]), False),
        # an empty gold target takes any system target; one gold source is enough
        (event("ACCUSE", ["syr"], []), event("ACCUSE", ["s"], ["r"]), True),
        (event("ACCUSE", ["syr", "rus"], []), event("ACCUSE", ["r"], []), True),
        # CONSULT: no direction, participants pooled on both sides
        (event("CONSULT", ["syr"], ["rus"]), event("CONSULT", ["s"], ["r"]), True),
        (event("CONSULT", ["syr"], ["rus"]), event("CONSULT", ["r"], ["s"]), True),
        (event("CONSULT", ["syr"], ["rus"]), event("CONSULT", ["r", "s"], []), True),
        (event("CONSULT", ["syr", "rus"], []), event("CONSULT", ["r"], ["s"]), True),
        (event("CONSULT", ["syr"], ["rus"]), event("CONSULT", ["r"], []), False),
    ],
)
def test_event_dyads(gold_event, system_event, matched):
    gold = [article(actors=[SYRIA, RUSSIA], events=[gold_event])]
    system = [article(actors=[S_SYRIA, S_RUSSIA], events=[system_event])]
    assert counts(score(gold, system), "events_dyad") == ((1, 0, 0) if matched else (0, 1, 1))


def test_one_system_event_per_gold_event():
    gold = [article(actors=[SYRIA, RUSSIA], events=[event("ASSAULT", ["rus"], [])] * 2)]
    system = [article(actors=[S_SYRIA, S_RUSSIA], events=[event("ASSAULT", ["r"], [])])]
    assert counts(score(gold, system), "events_dyad") == (1, 0, 1)


HISTORICAL = event("ASSAULT", ["rus"], ["syr"], modality="historical")


@pytest.mark.parametrize(
    "system_events, expected",
    [
        # codes the historical gold event: neither tp nor fp
        ([event("ASSAULT", ["r"], ["s"])], (0, 0, 0)),
        ([event("ASSAULT", ["r"], ["s"], modality="historical")], (0, 0, 0)),
        # one system event per historical one
        ([event("ASSAULT", ["r"], ["s"])] * 2, (0, 1, 0)),
        # not the historical event: wrong, unless the system calls it background itself
        ([event("ASSAULT", ["s"], ["r"])], (0, 1, 0)),
        ([event("ASSAULT", ["s"], ["r"], modality="historical")], (0, 0, 0)),
    ],
)
def test_historical_gold_events_are_not_scored_either_way(system_events, expected):
    gold = [article(actors=[SYRIA, RUSSIA], events=[HISTORICAL])]
    system = [article(actors=[S_SYRIA, S_RUSSIA], events=system_events)]
    assert counts(score(gold, system), "events_dyad") == expected


def test_a_scored_gold_event_comes_before_a_historical_one():
    # both system events fit the scored gold event; only the first fits the historical one
    gold = [article(actors=[SYRIA, RUSSIA], events=[event("ASSAULT", ["rus"], []), HISTORICAL])]
    system_events = [event("ASSAULT", ["r"], ["s"]), event("ASSAULT", ["r"], [])]
    system = [article(actors=[S_SYRIA, S_RUSSIA], events=system_events)]
    assert counts(score(gold, system), "events_dyad") == (1, 0, 0)


@pytest.mark.parametrize(
    "sentence, type, matched",
    [
        ("Hier soir, l'aviation  a frappé\nle quartier nord.", "ASSAULT", True),
        ("Hier soir, L’AVIATION a frappé le quartier nord.", "ASSAULT", True),
        ("Hier soir, l’aviation a frappé le quartier nord.", "AID", False),
        ("Hier soir, l’aviation a bombardé le quartier nord.", "ASSAULT", False),
    ],
)
def test_events_type_needs_the_anchor_in_the_sentence(sentence, type, matched):
    gold_event = event("ASSAULT", ["syr"], [], anchor="l’aviation a frappé le quartier")
    gold = [article(actors=[SYRIA], events=[gold_event])]
    system = [article(events=[event(type, [], [], sentence=sentence)])]  # actors do not count here
    assert counts(score(gold, system), "events_type")[0] == int(matched)


ALEP_EST = {"name": "Alep-Est", "lat": 36.21, "lon": 37.20}  # 4 km from Alep
IDLIB = {"name": "Idlib", "lat": 35.93, "lon": 36.63}  # 56 km from Alep
HOMS = {"name": "Homs", "lat": 34.73, "lon": 36.71}


@pytest.mark.parametrize(
    "gold_place, gold_date, system_place, system_date, matched",
    [
        ("Alep", "2016-12", "Aleppo", "2016-12-10", True),  # month precision
        ("Alep", "2016-12", "Alep", "2016-11-30", False),
        ("Alep", "2016", "Alep", "2016-03", True),
        ("Alep", "2016-12-18", "Alep", "2016-12", False),  # less precise than the gold
        ("Alep", "2016-12-18", "Alep", "2016-12-18", True),
        ("Alep", "2016-12-01", "Alep", "2016-12-18", False),
        ("Alep", "2016-12-18", "Alep", None, False),
        ("Alep", None, "Alep", "2020-01-01", True),  # null gold date: anything
        ("Alep", None, ALEP_EST, None, True),
        ("Alep", None, IDLIB, None, False),
        ("Alep", None, "Alep-Est", None, True),  # a name, placed by the system's own places
        ("Alep", None, "Homs", None, False),
        ("Alep", None, None, None, False),
        (None, None, "Homs", None, True),  # null gold place: anything
    ],
)
def test_events_full_checks_place_and_date_at_the_gold_precision(
    gold_place, gold_date, system_place, system_date, matched
):
    gold_event = event("ASSAULT", ["syr"], [], place=gold_place, date=gold_date)
    gold = [article(actors=[SYRIA], places=[ALEP], events=[gold_event])]
    system_event = event("ASSAULT", ["s"], [], place=system_place, date=system_date)
    system = [article(actors=[S_SYRIA], places=[ALEP_EST, HOMS], events=[system_event])]
    report = score(gold, system)
    assert counts(report, "events_full")[0] == int(matched)
    assert counts(report, "events_dyad")[0] == 1


@pytest.mark.parametrize(
    "gold_claimant, system_claimant, agree",
    [
        (None, "outlet", True), ("outlet", None, True), (None, None, True),
        ("najib", "n", True), ("najib", None, False), (None, "n", False),
        ("najib", "s", False), ("najib", "x", False),
    ],
)  # fmt: skip
def test_according_to_null_is_outlet_and_claimants_match_as_actors(
    gold_claimant, system_claimant, agree
):
    gold_event = event("AID", ["syr"], [], according_to=gold_claimant)
    system_event = event("AID", ["s"], [], according_to=system_claimant)
    gold = [article(actors=[SYRIA, NAJIB], events=[gold_event])]
    system = [article(actors=[S_SYRIA, S_NAJIB], events=[system_event])]
    assert counts(score(gold, system), "according_to") == (int(agree), 1)


def test_modality_is_judged_on_matched_pairs_only():
    gold_events = [event("AID", ["syr"], [], modality="future"), event("AGREE", ["rus"], [])]
    gold = [article(actors=[SYRIA, RUSSIA], events=gold_events)]
    system = [article(actors=[S_SYRIA], events=[event("AID", ["s"], [], modality="asserted")])]
    assert counts(score(gold, system), "modality") == (0, 1)


@pytest.mark.parametrize(
    "text, speaker, matched",
    [
        ("« L'armée n'a jamais  reculé », a-t-il dit.", "n", True),
        ("Il a dit que “l’armée n’a jamais reculé”.", "n", True),
        ("« L'armée n'a jamais reculé »", "s", False),  # another speaker
        ("« L'armée n'a jamais reculé »", None, False),
        ("« L'armée a reculé »", "n", False),
    ],
)
def test_quotes_need_the_speaker_and_the_anchor_with_quotes_straightened(text, speaker, matched):
    gold_quote = {"speaker": "najib", "direct": True, "anchor": "L’armée n’a jamais reculé"}
    gold = [article(actors=[NAJIB], quotes=[gold_quote])]
    system_quote = {"speaker": speaker, "direct": True, "text": text}
    system = [article(actors=[S_NAJIB, S_SYRIA], quotes=[system_quote])]
    assert counts(score(gold, system), "quotes") == ((1, 0, 0) if matched else (0, 1, 1))


@pytest.mark.parametrize(
    "system_place, in_25, in_161",
    [
        ({"lat": 36.30, "lon": 37.20}, 1, 1),  # 12 km
        ({"lat": 35.93, "lon": 36.63}, 0, 1),  # 56 km
        ({"lat": 33.51, "lon": 36.29}, 0, 0),  # 309 km
    ],
)
def test_geocoding_on_matched_places(system_place, in_25, in_161):
    report = score([article(places=[ALEP])], [article(places=[{"name": "ALEP"} | system_place])])
    assert counts(report, "geocoding_25km") == (in_25, 1)
    assert counts(report, "geocoding_161km") == (in_161, 1)


def test_geocoding_is_na_without_a_matched_pair_with_coordinates():
    report = score([article(places=[ALEP])], [article(places=[{"name": "Alep"}])])
    assert counts(report, "places") == (1, 0, 0)
    assert report.value("geocoding_25km") is None
    assert check_floors(report, {"geocoding_25km": 0.5}) == [
        "geocoding_25km accuracy n/a (nothing to judge), floor 0.50"
    ]


@pytest.mark.parametrize(
    "figure, expected",
    [
        (Figure("actors", "prf", tp=3, fp=1, fn=1), (0.75, 0.75, 0.75)),
        (Figure("actors", "prf", fn=2), (0.0, 0.0, 0.0)),  # nothing found, something to find
        (Figure("actors", "prf", fp=2), (0.0, 0.0, 0.0)),
        (Figure("actors", "prf"), (1.0, 1.0, 1.0)),  # nothing to find, nothing found
        (Figure("actors", "prf", available=False), (None, None, None)),
    ],
)
def test_figures_with_zero_denominators(figure, expected):
    assert (figure.precision, figure.recall, figure.f1) == expected


def test_unavailable_fields_are_na_not_zero_and_floors_flag_them():
    gold = [article(boilerplate=["Menu"], actors=[SYRIA], events=[event("AID", ["syr"], [])])]
    system = [article(boilerplate=["Menu", "Chat"])]
    report = score(gold, system, available={"language", "boilerplate"})
    assert report.value("language") == 1.0
    assert [m for m in METRICS if report.value(m) is None] == [
        "outlet", "title", "published", "actors", "places", "geocoding_25km", "geocoding_161km",
        "events_type", "events_dyad", "events_full", "modality", "according_to", "quotes",
    ]  # fmt: skip
    assert report.to_dict()["events_dyad"] == {
        "kind": "prf", "available": False, "precision": None, "recall": None, "f1": None,
        "tp": None, "fp": None, "fn": None,
    }  # fmt: skip
    row = next(line for line in report.format().splitlines() if line.startswith("events_dyad"))
    assert "n/a" in row
    assert check_floors(report, {"language": 1.0, "boilerplate": 0.6}) == []
    assert check_floors(report, {"boilerplate": 0.9, "events_dyad": 0.5}) == [
        "boilerplate f1 0.67 < floor 0.90",
        "events_dyad f1 n/a (the system does not produce 'events'), floor 0.50",
    ]


@pytest.mark.parametrize(
    "floors, message",
    [
        ({"nope": 1.0}, "unknown metric 'nope'; valid metrics: language, outlet"),
        ({"boilerplate": 90}, "floor for boilerplate must be a number from 0 to 1, got 90"),
    ],
)
def test_check_floors_rejects_unknown_metrics_and_bad_floors(floors, message):
    with pytest.raises(VeilleError, match=message):
        check_floors(score([article()], [article()]), floors)


def test_unknown_available_field_names_the_valid_ones():
    with pytest.raises(VeilleError, match="unknown output field.*'event'; valid fields: language"):
        score([article()], [article()], available={"language", "event"})


@pytest.mark.parametrize(
    "gold, floor, message",
    [
        (["a"] * 89 + ["b"] * 22, 0.9, "boilerplate f1 0.89 < floor 0.90"),
        # enough digits never to print "0.90 < floor 0.90"
        (["a"] * 4499 + ["b"] * 1000, 0.9, "boilerplate f1 0.89998 < floor 0.90"),
        (["a"] * 4499 + ["b"] * 1000, 0.99995, "boilerplate f1 0.90 < floor 0.99995"),
    ],
)
def test_check_floors_shows_enough_digits(gold, floor, message):
    system = [line for line in gold if line == "a"]
    report = score([article(boilerplate=gold)], [article(boilerplate=system)])
    assert check_floors(report, {"boilerplate": floor}) == [message]


@pytest.mark.parametrize(
    "field, gold_value, system_value, correct",
    [
        ("language", "fr", "fr", True), ("language", "fr", "en", False),
        ("outlet", "Press TV", "PRESS-TV", True), ("outlet", None, None, True),
        ("outlet", None, "SANA", False), ("outlet", "SANA", None, False),
        ("title", "Alep : la trêve", "ALEP — la trêve", True),
        ("published", "2016-12-18", "2016-12-18", True),
        ("published", "2016-12-18", "2016-12-19", False),
        ("published", None, None, True), ("published", None, "2016-12-18", False),
    ],
)  # fmt: skip
def test_metadata_accuracy(field, gold_value, system_value, correct):
    report = score([article(**{field: gold_value})], [article(**{field: system_value})])
    assert counts(report, field) == (int(correct), 1)


@pytest.mark.parametrize("system_doc", ["x.txt", "x", "out/x.txt", "x.html"])
def test_articles_pair_by_doc_or_base_name(system_doc):
    report = score([article(doc="x.txt", outlet="SANA")], [article(doc=system_doc, outlet="SANA")])
    assert counts(report, "outlet") == (1, 1)
    assert report.missing == []


def test_a_missing_system_article_is_empty_and_extra_ones_are_ignored():
    gold = [article(doc="x.txt", boilerplate=["Menu"], actors=[SYRIA]),
            article(doc="y.txt", boilerplate=["Menu"])]  # fmt: skip
    system = [article(doc="y.txt", boilerplate=["Menu"]),
              article(doc="z.txt", boilerplate=["Chat"], actors=[S_SYRIA])]  # fmt: skip
    report = score(gold, system)
    assert report.missing == ["x.txt"]
    assert counts(report, "boilerplate") == (1, 0, 1)
    assert counts(report, "actors") == (0, 0, 1)
    assert report.to_dict()["articles"] == 2
    assert "no system output for 1: x.txt" in report.format()


@pytest.mark.parametrize(
    "lines, message",
    [
        (['{"doc": "a.txt"}', "", "{oops"], r"g\.jsonl:3: invalid JSON: Expecting property name"),
        (['{"doc": "a.txt"}', "[1, 2]"], r"g\.jsonl:2: expected an object with a 'doc' string"),
        (['{"language": "fr"}'], r"g\.jsonl:1: expected an object with a 'doc' string"),
    ],
)
def test_load_jsonl_errors_name_file_and_line(tmp_path, lines, message):
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_jsonl([path])


def test_load_jsonl_reads_several_files_and_names_a_missing_one(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"doc": "a.txt"}\n\n{"doc": "b.txt"}\n', encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"doc": "c.txt"}', encoding="utf-8")
    records = load_jsonl([tmp_path / "a.jsonl", str(tmp_path / "c.jsonl")])
    assert [r["doc"] for r in records] == ["a.txt", "b.txt", "c.txt"]
    with pytest.raises(InputError, match="no such file: .*missing.jsonl"):
        load_jsonl([tmp_path / "a.jsonl", tmp_path / "missing.jsonl"])


def test_a_field_left_out_of_a_gold_record_is_not_scored():
    gold = article(boilerplate=["Menu"])
    del gold["events"], gold["outlet"]
    system = [article(outlet="SANA", actors=[S_SYRIA], events=[event("AID", ["s"], [])])]
    report = score([gold], system)
    assert counts(report, "events_dyad") == (0, 0, 0)
    assert counts(report, "outlet") == (0, 0)
    assert counts(report, "boilerplate") == (0, 0, 1)


# --- the seeds' gold against itself, rewritten the way a system would write it --------------


@pytest.fixture(scope="module")
def seeds():
    if not SEEDS.exists():
        pytest.skip(f"no seeds' gold at {SEEDS} (it lives in ../shared, outside the repository)")
    return load_jsonl([SEEDS])


def as_system(gold):
    """The gold as a system would write it: its own ids, lists in another order, sentences
    and quote texts around the anchors (straight apostrophes, doubled spaces), event places
    as objects a few km off, dates more precise, CONSULT the other way round, documents
    without extension, and historical events kept but called asserted."""
    system = []
    for g in copy.deepcopy(gold):
        ids = {a["id"]: f"A{n}" for n, a in enumerate(g["actors"])}
        for a in g["actors"]:
            a["id"] = ids[a["id"]]
            if a["aliases"]:
                a["name"], a["aliases"] = a["aliases"][0], [a["name"], *a["aliases"][1:]]
        places = {p["name"]: p for p in g["places"]}
        for p in g["places"]:
            p["lat"], p["lon"] = p["lat"] + 0.05, p["lon"] - 0.05
        for e in g["events"]:
            source, target = [ids[i] for i in e["source"]], [ids[i] for i in e["target"]]
            if e["type"] == "CONSULT" and target:
                source, target = target, source
            e["source"], e["target"] = source, target
            e["according_to"] = ids.get(e["according_to"], e["according_to"])
            anchor = e.pop("anchor").replace("’", "'").replace(" ", "  ")
            e["sentence"] = f"Selon nos informations, {anchor} hier."
            if e["place"]:
                p = places[e["place"]]
                name = (p["aliases"] or [p["name"]])[0]
                e["place"] = {"name": name, "lat": p["lat"], "lon": p["lon"]}
            if e["date"] and len(e["date"]) < 10:
                e["date"] = (e["date"] + "-06-15")[:10]
            e["was_historical"] = e["modality"] == "historical"  # extra fields are allowed
            e["modality"] = "asserted" if e["was_historical"] else e["modality"]
        for q in g["quotes"]:
            q["speaker"] = ids[q["speaker"]]
            q["text"] = "« " + q.pop("anchor").replace("’", "'") + ", a-t-il ajouté »"
        for key in ("actors", "places", "events", "quotes", "boilerplate"):
            g[key].reverse()
        g["doc"] = g["doc"].rsplit(".", 1)[0]
        system.append(g)
    return system


def test_gold_scored_against_itself_is_perfect(seeds):
    report = score(seeds, as_system(seeds))
    assert {m: report.value(m) for m in METRICS} == {m: 1.0 for m in METRICS}
    scored = sum(e["modality"] != "historical" for g in seeds for e in g["events"])
    assert counts(report, "events_dyad") == counts(report, "events_full") == (scored, 0, 0)
    assert counts(report, "quotes") == (sum(len(g["quotes"]) for g in seeds), 0, 0)
    assert counts(report, "actors") == (sum(len(g["actors"]) for g in seeds), 0, 0)
    json.dumps(report.to_dict())


def test_gold_against_a_damaged_copy_loses_what_was_damaged(seeds):
    system = as_system(seeds)
    for s in system:  # one scored event and one quote's speaker lost per article
        s["events"].remove(next(e for e in s["events"] if not e["was_historical"]))
        s["quotes"][0]["speaker"] = "nobody"
    report = score(seeds, system)
    n, scored = len(seeds), sum(e["modality"] != "historical" for g in seeds for e in g["events"])
    quotes = sum(len(g["quotes"]) for g in seeds)
    assert counts(report, "events_dyad") == (scored - n, 0, n)
    assert counts(report, "quotes") == (quotes - n, n, n)
    assert report.value("modality") == 1.0


def test_fields_no_gold_record_annotates_are_not_available():
    gold = [{"doc": "a.txt", "language": "fr", "outlet": None, "title": None, "published": None,
             "boilerplate": []}]
    system = [{"doc": "a.txt", "language": "fr", "actors": [{"id": "x", "name": "X", "aliases": []}]}]
    report = score(gold, system)
    assert report.value("actors") is None
    assert "gold does not annotate" in report.figure("actors").why_na
    assert report.value("boilerplate") == 1.0
