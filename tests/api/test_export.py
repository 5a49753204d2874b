"""GET /api/export: the formats of veille/export.py and Parquet, of a filtered selection."""

import csv
import io
import json

import pyarrow.parquet as pq
import pytest


def test_plover_of_a_selection(client):
    response = client.get("/api/export", params={"format": "plover", "outlet": "Le Monde"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert 'filename="events.jsonl"' in response.headers["content-disposition"]
    items = [json.loads(line) for line in response.text.splitlines()]
    assert [i["id"] for i in items] == ["e12", "e11"]
    assert items[1]["event"] == "ASSAULT" and items[1]["actor"][0]["wikidata"] == "Q30"
    assert items[1]["source"]["outlet"] == "Le Monde"


def test_acled_leaves_out_verbal_and_negated_events(client):
    response = client.get("/api/export", params={"format": "acled"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["event_id_cnty"] for r in rows] == ["e11"]
    assert rows[0]["sub_event_type"] == "Air/drone strike" and rows[0]["location"] == "Damas"
    assert response.headers["x-veille-left-out"] == "3"


def test_geojson_has_the_events_with_a_place(client):
    body = client.get("/api/export", params={"format": "geojson", "type": "ASSAULT"}).json()
    assert body["type"] == "FeatureCollection"
    assert [(f["properties"]["id"], f["geometry"]["coordinates"]) for f in body["features"]] == [
        ("e11", [36.29, 33.51]), ("e22", [36.4, 33.57])
    ]  # fmt: skip


def test_parquet(client):
    response = client.get("/api/export", params={"format": "parquet", "limit": 3})
    table = pq.read_table(io.BytesIO(response.content))
    assert table.num_rows == 3
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == ["e21", "e12", "e11"]
    assert rows[0]["actor_names"] == ["Sergueï Lavrov"] and rows[0]["place"] == "Moscou"
    assert rows[2]["latitude"] == 33.51 and rows[2]["affiliation"] == "private"


def test_parquet_is_a_file_of_the_filtered_events(client):
    """What the page's Parquet link downloads: a named file of the filtered events."""
    response = client.get("/api/export", params={"format": "parquet", "type": "ASSAULT"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    assert 'filename="events.parquet"' in response.headers["content-disposition"]
    rows = pq.read_table(io.BytesIO(response.content)).to_pylist()
    assert [(r["id"], r["modality"]) for r in rows] == [("e11", "asserted"), ("e22", "negated")]
    assert response.headers["x-veille-left-out"] == "0"


@pytest.mark.parametrize(
    "params, message",
    [
        (
            {"format": "xlsx"},
            "unknown export format 'xlsx'; valid: plover, acled, geojson, parquet",
        ),
        ({}, "format: Field required"),
        (
            {"format": "acled", "limit": 100_001},
            "limit: Input should be less than or equal to 100000",
        ),
    ],
)
def test_bad_export_parameters(client, params, message):
    response = client.get("/api/export", params=params)
    assert response.status_code == 422 and message in response.json()["error"]
