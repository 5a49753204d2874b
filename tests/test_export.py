"""Exports: PLOVER JSON Lines, ACLED CSV and GeoJSON from records written by hand."""

import csv
import io
import json

from click.testing import CliRunner

from veille.cli import cli
from veille.export import ACLED_COLUMNS, acled_types, to_acled, to_geojson, to_plover

RECORD = {
    "doc": "a.txt",
    "id": "a1",
    "url": "https://example.org/a",
    "language": "fr",
    "outlet": "SANA",
    "outlet_info": {"country": "SYR", "affiliation": "state-affiliated", "source": "test"},
    "published": "2017-11-09",
    "actors": [
        {"id": "rus", "name": "forces aérospatiales russes", "kind": "organization", "country": "RUS", "sector": "MIL"},
        {"id": "isis", "name": "Daech", "kind": "armed_group", "country": None, "sector": "REB"},
        {"id": "civ", "name": "civils", "kind": "organization", "country": None, "sector": "CVL"},
        {"id": "mod", "name": "ministère russe de la Défense", "kind": "organization", "country": "RUS", "sector": "GOV"},
        {"id": "lavrov", "name": "Sergueï Lavrov", "kind": "person", "country": "RUS", "sector": "GOV"},
    ],
    "places": [{"name": "Boukamal", "aliases": [], "lat": 34.452, "lon": 40.919, "country": "SY", "kind": "city"}],
    "events": [
        {"id": "e1", "type": "ASSAULT", "mode": "aerial", "source": ["rus"], "target": ["isis"],
         "place": "Boukamal", "date": "2017-11-08", "according_to": "mod", "modality": "asserted",
         "fatalities": 12, "sentence": "Les avions russes ont frappé Daech.", "start": 0, "end": 34},
        {"id": "e2", "type": "ASSAULT", "mode": None, "source": ["isis"], "target": ["civ"],
         "place": "Boukamal", "date": "2017-11", "according_to": "outlet", "modality": "asserted",
         "fatalities": None, "sentence": "Daech a attaqué des civils.", "start": 35, "end": 62},
        {"id": "e3", "type": "ACCUSE", "mode": None, "source": ["lavrov"], "target": ["isis"],
         "place": None, "date": None, "according_to": "outlet", "modality": "asserted",
         "fatalities": None, "sentence": "Lavrov a accusé Daech.", "start": 63, "end": 85},
        {"id": "e4", "type": "ASSAULT", "mode": "aerial", "source": ["rus"], "target": ["isis"],
         "place": "Boukamal", "date": None, "according_to": "outlet", "modality": "negated",
         "fatalities": None, "sentence": "Les avions n'ont pas frappé.", "start": 86, "end": 110},
    ],
    "quotes": [],
}


def test_acled_csv_has_acleds_columns_and_mapped_types():
    text, skipped = to_acled([RECORD])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert skipped == 2  # a verbal event and a negated strike
    strike, attack = rows
    assert (strike["event_type"], strike["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert strike["inter1"] == "8" and strike["inter2"] == "2"  # foreign forces on a rebel group
    assert strike["interaction"] == "28"
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == ("34.452", "40.919", "1")
    assert strike["fatalities"] == "12" and strike["time_precision"] == "1"
    assert strike["notes"].startswith("According to ministère russe de la Défense:")
    assert (attack["event_type"], attack["civilian_targeting"]) == ("Violence against civilians", "Civilian targeting")
    assert attack["time_precision"] == "2"


def test_verbal_events_are_not_acled_events():
    assert acled_types(RECORD["events"][2], RECORD) is None


def test_plover_objects_carry_roles_place_text_and_source():
    items = list(to_plover([RECORD]))
    assert len(items) == 4
    first = items[0]
    assert first["event"] == "ASSAULT" and first["mode"] == "aerial"
    assert first["actor"][0]["name"] == "forces aérospatiales russes"
    assert first["recipient"][0]["sector"] == "REB"
    assert first["event_loc"]["lat"] == 34.452
    assert first["text"] == {"sentence": "Les avions russes ont frappé Daech.", "start": 0, "end": 34}
    assert first["source"]["affiliation"] == "state-affiliated"
    assert first["according_to"] == "mod"


def test_geojson_is_a_feature_collection_of_points_in_lon_lat_order():
    collection = to_geojson([RECORD])
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 3  # the verbal event has no place
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"] == {"type": "Point", "coordinates": [40.919, 34.452]}
    json.dumps(collection)


def test_rejected_articles_export_nothing():
    rejected = {**RECORD, "rejected": {"stage": "nlp", "reason": "no model"}}
    assert list(to_plover([rejected])) == []


def test_export_command_reads_extract_output(tmp_path):
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(cli, ["export", "--from", str(source), "--format", "acled", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 events left out" in result.output
    assert out.read_text(encoding="utf-8").startswith("event_id_cnty,event_date,year,")
