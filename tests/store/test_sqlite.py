import json
import sqlite3

import pytest

from veille.errors import StoreError
from veille.model import Article, Outlet, Rejection
from veille.store import open_store


def article(i: int, **fields) -> Article:
    a = Article(id=f"a{i}", name=f"doc{i}.txt", raw="x", pipeline_version="v1", **fields)
    a.text = f"texte {i}"
    return a


def dump(path):
    with sqlite3.connect(path) as db:
        return db.execute("select * from articles order by id").fetchall(), db.execute("select * from migrations").fetchall()


def test_save_is_an_upsert_by_id(tmp_path):
    path = tmp_path / "v.db"
    with open_store(str(path)) as store:
        store.save([article(1, language="fr"), article(2, rejection=Rejection("nlp", "language 'en' is not supported"))])
        before = dump(path)
        store.save([article(1, language="fr"), article(2, rejection=Rejection("nlp", "language 'en' is not supported"))])
        assert dump(path) == before
        assert store.counts() == {"ok": 1, "rejected": 1}
        changed = article(1, language="fr", outlet=Outlet(name="SANA", country="SYR", affiliation="state-affiliated"))
        store.save([changed])
        assert store.counts() == {"ok": 1, "rejected": 1}
        [record] = store.records(status="ok")
        assert record["outlet"] == "SANA"
        assert record["outlet_info"]["affiliation"] == "state-affiliated"
        [rejected] = store.records(status="rejected")
        assert rejected["rejected"] == {"stage": "nlp", "reason": "language 'en' is not supported"}


def test_reopening_does_not_migrate_twice(tmp_path):
    path = str(tmp_path / "v.db")
    with open_store(path) as store:
        assert store.migrate() == []
    with open_store(path) as store:
        assert store.stored_versions(["a1"]) == {}
    _rows, migrations = dump(path)
    assert [m[0] for m in migrations] == ["0001_articles"]


def test_stored_versions(tmp_path):
    with open_store(str(tmp_path / "v.db")) as store:
        store.save([article(1), article(2)])
        assert store.stored_versions(["a1", "a3"]) == {"a1": "v1"}


def test_records_are_the_output_shape(tmp_path):
    with open_store(str(tmp_path / "v.db")) as store:
        store.save([article(1, language="fr", title="Un titre")])
        [record] = store.records()
    assert {"doc", "language", "outlet", "title", "published", "boilerplate", "actors", "places", "events", "quotes"} <= set(record)
    assert json.loads(json.dumps(record)) == record


@pytest.mark.parametrize("db, message", [("mysql://h/x", "unsupported store"), ("/nonexistent/dir/v.db", "cannot open store")])
def test_bad_store_errors(db, message):
    with pytest.raises(StoreError, match=message):
        open_store(db)
