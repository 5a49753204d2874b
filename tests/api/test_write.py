"""POST /api/articles: absent without a token, guarded by it, and ingesting when allowed."""

import pytest
from fastapi.testclient import TestClient

from veille.api import create_app
from veille.model import Event

TOKEN = "t0ken-for-tests"
ARTICLE = {"doc": "posted.txt", "text": "Des frappes ont visé Idleb.", "outlet": "Le Monde"}


def fake_pipeline(batch):
    """Stands for the pipeline (no spaCy model needed): one event per article."""
    for article in batch:
        article.pipeline_version = "test"
        if article.rejected:
            continue
        article.text = article.raw
        article.language = "fr"
        article.events = [Event(f"e_{article.id}", "ASSAULT", article.text, 0, len(article.text))]


@pytest.fixture
def writer(store):
    return TestClient(create_app(store, token=TOKEN, process=fake_pipeline))


def test_read_only_without_a_token(client):
    response = client.post("/api/articles", json=[ARTICLE])
    assert response.status_code == 405
    assert response.json()["error"] == "Method Not Allowed"
    assert "post" not in client.get("/openapi.json").json()["paths"]["/api/articles"]


@pytest.mark.parametrize(
    "headers, status, message",
    [
        ({}, 401, "this endpoint needs Authorization: Bearer <token>"),
        ({"Authorization": "Bearer wrong"}, 403, "the token is not the one"),
        ({"Authorization": f"Basic {TOKEN}"}, 403, "the token is not the one"),
    ],
)
def test_a_token_is_required(writer, headers, status, message):
    response = writer.post("/api/articles", json=[ARTICLE], headers=headers)
    assert response.status_code == status and message in response.json()["error"]
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"
    assert writer.get("/api/articles").json()["total"] == 4  # nothing stored


def test_posted_articles_are_processed_and_stored(writer):
    bad = {"doc": "empty.txt", "title": "no body"}
    response = writer.post("/api/articles", json=[ARTICLE, bad],
                           headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert response.status_code == 200, response.text
    done = response.json()["articles"]
    assert [(a["doc"], a["status"], a["events"]) for a in done] == [
        ("posted.txt", "ok", 1), ("empty.txt", "rejected", 0)
    ]  # fmt: skip
    assert "no 'text' or 'html' field" in done[1]["rejected"]["reason"]
    stored = writer.get(f"/api/articles/{done[0]['id']}").json()
    assert stored["text"] == ARTICLE["text"]
    assert [e["id"] for e in writer.get("/api/events", params={"q": "Idleb"}).json()["events"]] == [
        f"e_{done[0]['id']}"
    ]


def test_posting_nothing_is_refused(writer):
    response = writer.post("/api/articles", json=[], headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422 and "at least one article" in response.json()["error"]
