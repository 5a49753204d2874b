"""GET /api/actors, /api/places, /api/network, /api/stats and /api/stories."""

from sqlalchemy import text


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
    assert [p["name"] for p in client.get("/api/places", params={"country": "RU"}).json()["places"]] == ["Moscou"]


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


def test_stories_before_they_exist(client):
    body = client.get("/api/stories").json()
    assert body["stories"] == [] and "no stories" in body["note"]


def test_stories_once_a_table_holds_them(store, client):
    with store.engine.begin() as connection:
        connection.execute(text("CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT)"))
        connection.execute(text("INSERT INTO stories VALUES ('s1', 'Frappes'), ('s2', 'Douma')"))
    body = client.get("/api/stories", params={"limit": 1}).json()
    assert body["stories"] == [{"id": "s1", "title": "Frappes"}] and "note" not in body
