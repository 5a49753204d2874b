"""The events tables: replaced on re-save, emptied for a rejected article, back-filled."""

import pytest
from sqlalchemy import func, select

import veille.store
from veille.model import Rejection
from veille.store import open_store
from veille.store.schema import MIGRATIONS, event_actors, events

from .conftest import articles


def counts(store):
    with store.engine.connect() as connection:
        return tuple(
            connection.execute(select(func.count()).select_from(table)).scalar()
            for table in (events, event_actors)
        )


def test_saving_again_replaces_the_rows(store):
    assert counts(store) == (4, 8)
    store.save(articles())
    store.save(articles()[:1])
    assert counts(store) == (4, 8)


def test_an_article_rejected_on_a_rerun_loses_its_events(store):
    first = articles()[0]
    first.rejection = Rejection("events", "boom")
    store.save([first])
    assert counts(store) == (2, 4)


def test_the_migration_fills_the_tables_from_stored_records(db, monkeypatch):
    monkeypatch.setattr(veille.store, "MIGRATIONS", MIGRATIONS[:2])
    with open_store(db) as store:
        store.save(articles())
        with store.engine.connect() as connection:
            assert not veille.store.events.inspect(connection).has_table("events")
    monkeypatch.undo()
    with open_store(db) as store:
        assert "0003_events" not in store.migrate()  # done on opening
        assert counts(store) == (4, 8)
        with store.engine.connect() as connection:
            found = veille.store.events.find(
                connection, veille.store.events.EventFilter(q="civils")
            )
        assert [e["id"] for e in found["events"]] == ["e22"]


@pytest.mark.parametrize(
    "day, after",
    [
        ("2018", "2019"),
        ("2018-04", "2018-05"),
        ("2018-12", "2019-01"),
        ("2018-04-30", "2018-04-30!"),
    ],
)
def test_the_end_of_a_date_range(day, after):
    assert veille.store.events._after(day) == after
