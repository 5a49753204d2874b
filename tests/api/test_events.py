"""GET /api/events: every filter, paging, order and the errors of bad parameters."""

import pytest

import veille.store.events

from .conftest import articles


def ids(client, **params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def test_all_events_newest_first(client):
    body = client.get("/api/events").json()
    assert body["total"] == 4
    assert [e["id"] for e in body["events"]] == ["e21", "e12", "e11", "e22"]
    assert body["next_offset"] is None


def test_an_event_has_its_actors_place_and_source(client):
    [event] = client.get("/api/events", params={"type": "ASSAULT", "mode": "aerial"}).json()[
        "events"
    ]
    assert event["article_id"] == "a1" and event["outlet"] == "Le Monde"
    assert event["outlet_affiliation"] == "private" and event["language"] == "fr"
    assert event["source"] == [
        {"id": "usa", "name": "États-Unis", "kind": "state", "country": "USA", "sector": "GOV"}
    ]
    assert [a["id"] for a in event["target"]] == ["syr_gov"]
    assert event["place"] == {"name": "Damas", "lat": 33.51, "lon": 36.29, "country": "SY"}
    assert event["according_to"] == "outlet" and event["modality"] == "asserted"
    assert event["sentence"].startswith("Les États-Unis ont bombardé")
    assert (event["start"], event["end"]) == (31, 31 + len(event["sentence"]))


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"from": "2018-04-14"}, ["e21", "e12", "e11"]),
        ({"to": "2018-04-14"}, ["e12", "e11", "e22"]),
        ({"from": "2018-04-08", "to": "2018-04-15"}, ["e12", "e11"]),
        ({"from": "2018-04", "to": "2018-04"}, ["e21", "e12", "e11", "e22"]),
        ({"to": "2017"}, []),
        ({"type": "ASSAULT"}, ["e11", "e22"]),
        ({"type": "ACCUSE,ASSAULT"}, ["e21", "e12", "e11", "e22"]),
        ({"mode": "aerial"}, ["e11"]),
        ({"actor": "usa"}, ["e21", "e12", "e11"]),
        ({"actor": "sergueï lavrov"}, ["e21"]),
        ({"actor": "usa", "role": "source"}, ["e11"]),
        ({"actor": "usa", "role": "target"}, ["e21", "e12"]),
        ({"country": "RUS"}, ["e21"]),
        ({"country": "syr"}, ["e12", "e11", "e22"]),
        ({"country": "SY"}, ["e11", "e22"]),
        ({"country": "RU"}, ["e21"]),
        ({"place": "douma"}, ["e22"]),
        ({"place": "Moscou"}, ["e21"]),
        ({"bbox": "36,33,37,34"}, ["e11", "e22"]),
        ({"bbox": "36.35,33.5,37,34"}, ["e22"]),
        ({"outlet": "RT France"}, ["e21", "e22"]),
        ({"affiliation": "state-affiliated"}, ["e21", "e22"]),
        ({"affiliation": "private"}, ["e12", "e11"]),
        ({"claimant": "lavrov"}, ["e22"]),
        ({"claimant": "Sergueï Lavrov"}, ["e22"]),
        ({"claimant": "outlet"}, ["e21", "e11"]),
        ({"claimant": "syr_gov"}, ["e12"]),
        ({"modality": "negated"}, ["e22"]),
        ({"modality": "asserted"}, ["e21", "e12", "e11"]),
        ({"language": "fr"}, ["e21", "e12", "e11", "e22"]),
        ({"language": "en"}, []),
        ({"article": "a2"}, ["e21", "e22"]),
        ({"q": "bombardé"}, ["e11"]),
        ({"q": "BOMBARDE Damas"}, ["e11"]),
        ({"q": "civils"}, ["e22"]),
        ({"q": "rien de tel"}, []),
        ({"type": "ASSAULT", "country": "SY", "from": "2018-04-10"}, ["e11"]),
    ],
)
@pytest.mark.parametrize("many", [False, True], ids=["few", "many"])
def test_filters(client, params, expected, many, monkeypatch):
    if many:  # every probe finds "many": SQLite walks the date order and checks each event
        monkeypatch.setattr(veille.store.events, "PROBE", 0)
    assert ids(client, **params) == expected


def test_story_filter(store, client):
    assert ids(client, story="s1") == []
    first = next(a for a in articles() if a.id == "a1")
    first.events[0].story = "s1"  # as the story step may set it
    store.save([first])
    assert ids(client, story="s1") == ["e11"]


def test_pages_are_stable_and_say_where_the_next_starts(client):
    first = client.get("/api/events", params={"limit": 3}).json()
    assert first["next_offset"] == 3 and first["total"] == 4
    second = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert [e["id"] for e in first["events"] + second["events"]] == ["e21", "e12", "e11", "e22"]
    assert second["next_offset"] is None
    no_total = client.get("/api/events", params={"limit": 2, "total": "false"}).json()
    assert no_total["total"] is None and no_total["next_offset"] == 2


@pytest.mark.parametrize(
    "params, message",
    [
        ({"limit": 501}, "limit: Input should be less than or equal to 500"),
        ({"limit": 0}, "limit: Input should be greater than or equal to 1"),
        ({"offset": -1}, "offset: Input should be greater than or equal to 0"),
        ({"from": "14/04/2018"}, "from must be a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"bbox": "1,2,3"}, "bbox must be four numbers"),
        ({"bbox": "10,5,0,6"}, "bbox must be min_lon,min_lat,max_lon,max_lat"),
        ({"country": "Syria"}, "country must be an ISO 3166 code"),
        ({"role": "source"}, "role needs an actor"),
        ({"actor": "usa", "role": "victim"}, "role must be one of source, target"),
        ({"q": "!!"}, "q has no word to search for"),
    ],
)
def test_bad_parameters_are_a_clear_422(client, params, message):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == 422 and message in body["error"]


def test_totals_are_counted_up_to_a_cap(client, monkeypatch):
    assert client.get("/api/events").json()["total_exact"] is True
    monkeypatch.setattr(veille.store.events, "COUNT_CAP", 2)
    body = client.get("/api/events", params={"limit": 3}).json()
    assert (body["total"], body["total_exact"], body["next_offset"]) == (2, False, 3)
    assert client.get("/api/stats").json()["total"] == 4  # exact
