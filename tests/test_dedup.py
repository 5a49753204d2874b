"""Near-duplicate articles on the stories fixtures: copies found, the earliest kept, the rest
apart."""

import json
from itertools import combinations
from pathlib import Path

import pytest

from veille.dedup import THRESHOLD, Copy, band_keys, find_duplicates, link, signature, similarity

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
CORPUS = json.loads((FIXTURES / "corpus.json").read_text())["articles"]


def body(doc: str) -> str:
    """The article's cleaned body as the clean stage gives it: after the date stamp, without
    the furniture lines the manifest lists."""
    lines = (FIXTURES / doc).read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line[:2].isdigit() and "/" in line) + 1
    furniture = set(CORPUS[doc]["boilerplate"])
    return "\n".join(line for line in lines[start:] if line.strip() and line not in furniture)


def record(doc: str) -> dict:
    return {
        "id": doc.split("_")[0],
        "doc": doc,
        "published": CORPUS[doc]["published"],
        "text": body(doc),
    }


SIG = {doc: signature(body(doc)) for doc in CORPUS}


def test_wire_copy_under_two_boilerplates_is_identical():
    assert similarity(SIG["a1_wire_levant.txt"], SIG["a2_wire_orient.txt"]) == 1.0


def test_lightly_edited_copy_is_above_the_threshold_with_a_margin():
    score = similarity(SIG["a1_wire_levant.txt"], SIG["a3_edited_copy.txt"])
    assert THRESHOLD + 0.1 <= score < 1.0


@pytest.mark.parametrize(
    "a,b",
    [
        (a, b)
        for a, b in combinations(sorted(CORPUS), 2)
        if not ({a, b} <= {"a1_wire_levant.txt", "a2_wire_orient.txt", "a3_edited_copy.txt"})
    ],
)
def test_different_articles_of_the_same_war_are_far_below(a, b):
    # same war, same places, same stock phrases, a translation: never copies
    assert similarity(SIG[a], SIG[b]) <= THRESHOLD - 0.3


def test_find_duplicates_keeps_the_earliest_as_original():
    records = [record(doc) for doc in sorted(CORPUS, reverse=True)]  # the copies come first
    found = find_duplicates(records)
    docs = {r["id"]: r["doc"] for r in records}
    got = {docs[k]: docs[v] if v else None for k, v in found.items()}
    assert got == {doc: entry["duplicate_of"] for doc, entry in CORPUS.items()}


def test_same_day_ties_go_to_input_order():
    a, b = record("a1_wire_levant.txt"), record("a2_wire_orient.txt")
    b["published"] = a["published"]
    assert find_duplicates([b, a]) == {b["id"]: None, a["id"]: b["id"]}
    assert find_duplicates([a, b]) == {a["id"]: None, b["id"]: a["id"]}


def test_undated_copy_is_never_the_original():
    a, b = record("a1_wire_levant.txt"), record("a2_wire_orient.txt")
    a["published"] = None
    assert find_duplicates([a, b]) == {a["id"]: b["id"], b["id"]: None}


@pytest.mark.parametrize("text", ["", "Partager", "Trop court pour une comparaison utile ici"])
def test_short_bodies_have_no_signature(text):
    assert signature(text) is None


def test_a_new_earlier_copy_displaces_the_stored_original():
    stored_original = Copy("a2", "a2", "2019-07-23", 0, SIG["a2_wire_orient.txt"])
    stored_copy = Copy("a3", "a3", "2019-07-23", 1, SIG["a3_edited_copy.txt"], duplicate_of="a2")
    new = Copy("a1", "a1", "2019-07-22", 2, SIG["a1_wire_levant.txt"])
    changed = link([new], known=[stored_original, stored_copy])
    assert new.duplicate_of is None
    assert {c.key: c.duplicate_of for c in changed} == {"a2": "a1", "a3": "a1"}


def test_band_keys_are_stable_and_one_per_band():
    keys = band_keys(SIG["a1_wire_levant.txt"])
    assert len(keys) == 32 and len(set(keys)) == 32
    assert keys == band_keys(signature(body("a1_wire_levant.txt")))
    assert keys == band_keys(SIG["a2_wire_orient.txt"])
