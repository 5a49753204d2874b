"""Migrations upgrade a store made by an earlier version of the code."""

import pytest

import veille.store
from veille.model import Article
from veille.store import open_store
from veille.store.schema import MIGRATIONS


def test_search_migration_indexes_rows_stored_before_it(db, monkeypatch):
    monkeypatch.setattr(veille.store, "MIGRATIONS", MIGRATIONS[:1])
    with open_store(db) as store:
        old = Article(id="a1", name="old.txt", raw="x", pipeline_version="v0")
        old.title = "Frappe sur Idleb"
        old.text = "Des avions ont bombardé la ville d'Idleb dans la nuit."
        store.save([old])
    monkeypatch.undo()
    with open_store(db) as store:
        assert store.migrate() == []
        [hit] = store.search("bombardé")
        assert hit["id"] == "a1" and hit["title"] == "Frappe sur Idleb"
        assert "[bombardé]" in hit["snippet"]
        assert [h["id"] for h in store.search("idleb")] == ["a1"]
        new = Article(id="a2", name="new.txt", raw="y", pipeline_version="v1", title="Autre")
        new.text = "Une frappe à Idleb."
        store.save([new])
        assert sorted(h["id"] for h in store.search("Idleb")) == ["a1", "a2"]


@pytest.mark.parametrize("name", [name for name, _m in MIGRATIONS])
def test_migrations_have_ordered_names(name):
    number, _, title = name.partition("_")
    assert number.isdigit() and len(number) == 4 and title
    assert [n for n, _m in MIGRATIONS].index(name) == int(number) - 1
