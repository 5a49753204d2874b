"""The app as a whole: the page at /, the OpenAPI document, and `veille serve`."""

from click.testing import CliRunner

from veille.cli import cli

ENDPOINTS = [
    "/api/events", "/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/places",
    "/api/network", "/api/stats", "/api/stories", "/api/export",
]  # fmt: skip


def test_home_is_the_page_with_its_assets(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert 'src="/static/app.js"' in response.text and 'href="/docs"' in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    for asset, kind in [("app.js", "javascript"), ("style.css", "text/css")]:
        served = client.get(f"/static/{asset}")
        assert served.status_code == 200 and kind in served.headers["content-type"]
    missing = client.get("/static/nothing.js")
    assert missing.status_code == 404 and missing.json()["status"] == 404


def test_openapi_lists_every_endpoint(client):
    document = client.get("/openapi.json").json()
    assert sorted(document["paths"]) == sorted(ENDPOINTS)
    parameters = {p["name"] for p in document["paths"]["/api/events"]["get"]["parameters"]}
    assert {"from", "to", "type", "mode", "actor", "country", "place", "bbox", "outlet",
            "affiliation", "claimant", "modality", "language", "story", "q", "limit",
            "offset"} <= parameters  # fmt: skip
    assert client.get("/docs").status_code == 200


def test_unknown_paths_are_json_errors(client):
    response = client.get("/api/nothing")
    assert response.status_code == 404 and response.json() == {"error": "Not Found", "status": 404}


def test_serve_opens_the_store_and_runs_the_app(tmp_path, monkeypatch):
    calls = {}

    def fake_run(app, *, host, port, log_level):
        calls.update(host=host, port=port, paths={r.path for r in app.routes})

    monkeypatch.setattr("uvicorn.run", fake_run)
    monkeypatch.setenv("VEILLE_API_TOKEN", "secret")
    db = tmp_path / "v.db"
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8123
    assert "/api/events" in calls["paths"] and db.exists()
    assert "http://127.0.0.1:8123/" in result.output


def test_serve_reports_a_bad_store_cleanly(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", "mysql://x/y"])
    assert result.exit_code == 1 and "Error: unsupported store 'mysql://...'" in result.output


def test_a_store_failure_is_a_json_503(store):
    from fastapi.testclient import TestClient

    from veille.api import create_app

    client = TestClient(create_app(store), raise_server_exceptions=False)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE event_actors")
    response = client.get("/api/actors")
    assert response.status_code == 503
    assert response.json()["error"].startswith("the store could not answer:")
