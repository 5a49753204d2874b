"""GET /api/articles (listing and search) and GET /api/articles/{id}."""

import pytest


def test_an_article_is_its_record_with_offsets(client):
    response = client.get("/api/articles/a1")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    record = response.json()
    assert record["status"] == "ok" and record["outlet"] == "Le Monde"
    assert record["outlet_info"] == {"country": "FRA", "affiliation": "private", "source": None}
    assert record["boilerplate"] == ["Abonnez-vous", "Lire aussi"]
    text = record["text"]
    for event in record["events"]:
        assert text[event["start"] : event["end"]] == event["sentence"]
    [quote] = record["quotes"]
    assert text[quote["start"] : quote["end"]] == quote["text"] and quote["speaker"] == "syr_gov"
    actors = {a["id"]: a for a in record["actors"]}
    assert [text[s:e] for s, e in actors["usa"]["spans"]] == ["États-Unis", "Washington"]
    # string matches of the name and aliases, not the pipeline's mentions: the place counts too
    spans = [text[s:e] for s, e in actors["syr_gov"]["spans"]]
    assert spans == ["Damas", "gouvernement syrien", "Damas"]
    [damas] = record["places"]
    assert [text[s:e] for s, e in damas["spans"]] == ["Damas", "Damas"]


def test_article_text_is_data_not_markup(client):
    response = client.get("/api/articles/a2")
    assert response.headers["content-type"].startswith("application/json")
    assert "<script>alert(1)</script> <img src=x onerror=alert(2)>" in response.json()["text"]


def test_a_rejected_article_says_why(client):
    record = client.get("/api/articles/a4").json()
    assert record["status"] == "rejected"
    assert record["rejected"] == {"stage": "nlp", "reason": "no model for ru"}


def test_an_unknown_article_is_a_json_404(client):
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert response.json() == {"error": "no article with id 'nope'", "status": 404}


def test_listing_newest_first_with_status(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 4
    assert [a["id"] for a in body["articles"]] == ["a2", "a3", "a1", "a4"]
    assert body["articles"][0]["outlet_affiliation"] == "state-affiliated"
    rejected = client.get("/api/articles", params={"status": "rejected"}).json()
    assert [a["id"] for a in rejected["articles"]] == ["a4"]
    page = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert [a["id"] for a in page["articles"]] == ["a3"]


@pytest.mark.parametrize(
    "q, expected", [("bombardé", ["a1"]), ("Security Council", ["a3"]), ("Lavrov", ["a2"])]
)
def test_search(client, q, expected):
    body = client.get("/api/articles", params={"q": q}).json()
    assert [hit["id"] for hit in body["articles"]] == expected
    assert "[" in body["articles"][0]["snippet"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"status": "maybe"}, "status: String should match pattern"),
        ({"limit": 1000}, "limit: Input should be less than or equal to 500"),
        ({"q": "Lavrov", "offset": 5}, "offset is not supported with q"),
    ],
)
def test_bad_listing_parameters(client, params, message):
    response = client.get("/api/articles", params=params)
    assert response.status_code == 422 and message in response.json()["error"]
