"""GET /api/actors, /api/places, /api/network, /api/stats and /api/stories."""

import json

from fastapi.testclient import TestClient
from sqlalchemy import text

import veille.store
from veille.api import create_app
from veille.store import open_store
from veille.store.schema import MIGRATIONS

from .conftest import articles


def test_actors_with_counts_by_role(client):
    actors = {a["id"]: a for a in client.get("/api/actors").json()["actors"]}
    assert actors["usa"] == {
        "id": "usa", "name": "États-Unis", "kind": "state", "country": "USA", "sector": "GOV",
        "events": 3, "as_source": 1, "as_target": 2,
    }  # fmt: skip
    assert actors["civilians"]["as_target"] == 1 and actors["civilians"]["country"] is None
    first = client.get("/api/actors", params={"limit": 1}).json()["actors"]
    assert [a["id"] for a in first] == ["usa"]


def test_actors_of_a_selection(client):
    found = client.get("/api/actors", params={"type": "ASSAULT", "country": "SY"}).json()["actors"]
    assert sorted(a["id"] for a in found) == ["civilians", "syr_gov", "syr_mil", "usa"]
    found = client.get("/api/actors", params={"outlet": "RT France", "role": "source",
                                               "actor": "lavrov"}).json()["actors"]  # fmt: skip
    assert sorted(a["id"] for a in found) == ["lavrov", "usa"]


def test_places_with_coordinates_and_fatalities(client):
    places = client.get("/api/places").json()["places"]
    assert {p["name"] for p in places} == {"Damas", "Douma", "Moscou"}
    douma = next(p for p in places if p["name"] == "Douma")
    assert douma == {"name": "Douma", "country": "SY", "lat": 33.57, "lon": 36.4,
                     "events": 1, "fatalities": 12}  # fmt: skip
    assert [
        p["name"] for p in client.get("/api/places", params={"country": "RU"}).json()["places"]
    ] == ["Moscou"]


def test_network(client):
    edges = client.get("/api/network").json()["edges"]
    triples = sorted((e["source"], e["target"], e["type"], e["events"]) for e in edges)
    assert triples == [
        ("lavrov", "usa", "ACCUSE", 1), ("syr_gov", "usa", "ACCUSE", 1),
        ("syr_mil", "civilians", "ASSAULT", 1), ("usa", "syr_gov", "ASSAULT", 1),
    ]  # fmt: skip
    assert edges[0]["source_name"] and edges[0]["target_name"]
    only = client.get("/api/network", params={"type": "ASSAULT", "modality": "negated"}).json()
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("syr_mil", "civilians")]


def test_stats(client):
    stats = client.get("/api/stats").json()
    assert stats["total"] == 4
    assert stats["by_day"] == [
        {"day": "2018-04-07", "events": 1}, {"day": "2018-04-14", "events": 2},
        {"day": "2018-04-16", "events": 1},
    ]  # fmt: skip
    assert stats["by_type"] == [{"type": "ACCUSE", "events": 2}, {"type": "ASSAULT", "events": 2}]
    assert stats["by_actor"][0] == {"id": "usa", "name": "États-Unis", "events": 3}
    assert {p["name"] for p in stats["by_place"]} == {"Damas", "Douma", "Moscou"}
    narrow = client.get("/api/stats", params={"from": "2018-04-10", "top": 1}).json()
    assert narrow["total"] == 3 and len(narrow["by_actor"]) == 1


def test_stories_empty_without_their_tables(db, monkeypatch):
    monkeypatch.setattr(veille.store, "MIGRATIONS", MIGRATIONS[:3])
    with open_store(db) as store:
        store.save(articles())
        client = TestClient(create_app(store))
        body = client.get("/api/stories").json()
        assert body["stories"] == [] and body["total"] == 0 and "0004_stories" in body["note"]
        assert [
            e["id"] for e in client.get("/api/events", params={"story": "s1"}).json()["events"]
        ] == []


def link(store, *reports):
    """Store canonical events and stories by hand: (event id, article id, canonical, story, day)."""
    with store.engine.begin() as connection:
        for event_id, article_id, canonical, story, day in reports:
            connection.execute(
                text(
                    "INSERT INTO story_reports (event_id, article_id, canonical, record) "
                    "VALUES (:e, :a, :c, '{}')"
                ),
                {"e": event_id, "a": article_id, "c": canonical},
            )
            connection.execute(text(
                "INSERT INTO story_events (id, story, day, record) VALUES (:c, :s, :d, :r) "
                "ON CONFLICT (id) DO NOTHING"),
                {"c": canonical, "s": story, "d": day,
                 "r": json.dumps({"id": canonical, "story": story,
                                  "versions": [event_id]})})  # fmt: skip


def test_stories_with_their_canonical_events(store, client):
    assert client.get("/api/stories").json()["stories"] == []
    link(store, ("e11", "a1", "c1", "s1", "2018-04-14"), ("e21", "a2", "c2", "s1", "2018-04-16"),
         ("e22", "a2", "c3", "s2", "2018-04-07"))  # fmt: skip
    body = client.get("/api/stories").json()
    assert body["total"] == 2
    [first, second] = body["stories"]
    assert (first["id"], first["first_day"], first["last_day"]) == (
        "s1",
        "2018-04-14",
        "2018-04-16",
    )
    assert [e["id"] for e in first["events"]] == ["c1", "c2"] and second["id"] == "s2"
    assert [
        s["id"] for s in client.get("/api/stories", params={"offset": 1}).json()["stories"]
    ] == ["s2"]
    events = client.get("/api/events", params={"story": "s1"}).json()["events"]
    assert [(e["id"], e["canonical"], e["story"]) for e in events] == [
        ("e21", "c2", "s1"), ("e11", "c1", "s1")
    ]  # fmt: skip
    assert [
        e["id"] for e in client.get("/api/events", params={"story": "c3"}).json()["events"]
    ] == ["e22"]


def test_stories_built_by_the_stories_step(store, client):
    store.add_to_stories(store.records(status="ok"))
    body = client.get("/api/stories").json()
    assert body["total"] >= 1
    assert all(story["events"] and "versions" in story["events"][0] for story in body["stories"])
