import json

import pytest
from sqlalchemy import select

from veille.errors import StoreError
from veille.model import Article, Outlet, Rejection
from veille.store import open_store
from veille.store.schema import MIGRATIONS, articles, migrations_table


def article(i: int, **fields) -> Article:
    a = Article(id=f"a{i}", name=f"doc{i}.txt", raw="x", pipeline_version="v1", **fields)
    a.text = f"texte {i}"
    return a


def dump(store):
    with store.engine.connect() as connection:
        rows = connection.execute(select(articles).order_by(articles.c.id)).all()
        names = connection.scalars(select(migrations_table.c.name).order_by("name"))
        return rows, list(names)


def test_save_is_an_upsert_by_id(db):
    with open_store(db) as store:
        rejected = Rejection("nlp", "language 'en' is not supported")
        store.save([article(1, language="fr"), article(2, rejection=rejected)])
        before = dump(store)
        store.save([article(1, language="fr"), article(2, rejection=rejected)])
        assert dump(store) == before
        assert store.counts() == {"ok": 1, "rejected": 1}
        outlet = Outlet(name="SANA", country="SYR", affiliation="state-affiliated")
        store.save([article(1, language="fr", outlet=outlet)])
        assert store.counts() == {"ok": 1, "rejected": 1}
        [record] = store.records(status="ok")
        assert record["outlet"] == "SANA"
        assert record["outlet_info"]["affiliation"] == "state-affiliated"
        [rejected] = store.records(status="rejected")
        assert rejected["rejected"] == {"stage": "nlp", "reason": "language 'en' is not supported"}


def test_reopening_does_not_migrate_twice(db):
    with open_store(db) as store:
        assert store.migrate() == []
    with open_store(db) as store:
        assert store.stored_versions(["a1"]) == {}
        _rows, names = dump(store)
    assert names == [name for name, _migration in MIGRATIONS]
    assert names[:3] == ["0001_articles", "0002_search", "0003_events"]


def test_stored_versions(db):
    with open_store(db) as store:
        store.save([article(1), article(2)])
        assert store.stored_versions(["a1", "a3"]) == {"a1": "v1"}
        assert store.stored_versions([]) == {}


def test_records_are_the_output_shape(db):
    with open_store(db) as store:
        store.save([article(1, language="fr", title="Un titre")])
        [record] = store.records()
    fields = {"doc", "language", "outlet", "title", "published", "boilerplate", "actors", "places",
              "events", "quotes", "text"}
    assert fields <= set(record)
    assert json.loads(json.dumps(record)) == record


def test_backend_and_address(db):
    with open_store(db) as store:
        assert store.backend == ("sqlite" if "://" not in db else "postgresql")
        assert store.address.startswith("sqlite:///" if "://" not in db else "postgresql+psycopg://")


@pytest.mark.parametrize("db, message", [
    ("mysql://h/x", "unsupported store 'mysql://...': valid choices are a SQLite file path"),
    ("postgresql+psycopg2://u@h/x", "unsupported store"),
    ("/nonexistent/dir/v.db", "cannot open store '/nonexistent/dir/v.db': OperationalError"),
    ("postgresql://u:p@h:port/x", "cannot read the store URL 'postgresql://...': invalid literal"),
])
def test_bad_store_errors(db, message):
    with pytest.raises(StoreError, match=message):
        open_store(db)


@pytest.mark.postgres
@pytest.mark.parametrize("scheme", ["postgresql", "postgresql+psycopg", "postgres"])
def test_postgres_schemes_are_the_same(postgres_server, scheme):
    postgres_server.execute("CREATE DATABASE veille_schemes")
    try:
        url = postgres_server.url("veille_schemes").replace("postgresql", scheme, 1)
        with open_store(url) as store:
            assert store.backend == "postgresql" and store.migrate() == []
    finally:
        postgres_server.execute("DROP DATABASE veille_schemes WITH (FORCE)")


def _tcp(server, *, user, password, database, port=None):
    if server.tcp_port is None:
        pytest.skip("the server from VEILLE_TEST_POSTGRES has no password user for this test")
    return f"postgresql://{user}:{password}@127.0.0.1:{port or server.tcp_port}/{database}"


@pytest.mark.postgres
@pytest.mark.parametrize("case, message", [
    ("wrong-password", "authentication failed for user 'veille_pw': check the user name"),
    ("missing-database", r"database 'nowhere' does not exist on 127.0.0.1:\d+: create it"),
    ("server-down", r"no PostgreSQL server answers at 127.0.0.1:\d+: is it running"),
], ids=["wrong-password", "missing-database", "server-down"])
def test_postgres_errors_are_clear_and_hide_the_password(postgres_server, case, message):
    user, password = postgres_server.password_user
    if case == "wrong-password":
        url = _tcp(postgres_server, user=user, password="not-" + password, database="postgres")
    elif case == "missing-database":
        url = _tcp(postgres_server, user=user, password=password, database="nowhere")
    else:
        import socket

        with socket.socket() as s:  # a port nobody listens on
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        url = _tcp(postgres_server, user=user, password=password, database="postgres", port=port)
    with pytest.raises(StoreError, match=message) as error:
        open_store(url)
    text = str(error.value)
    assert password not in text and "not-" + password not in text
    assert f"postgresql+psycopg://{user}:***@127.0.0.1" in text


@pytest.mark.postgres
def test_the_address_hides_the_password(postgres_server):
    user, password = postgres_server.password_user
    url = _tcp(postgres_server, user=user, password=password, database="postgres")
    postgres_server.execute(f"CREATE DATABASE veille_pw_db OWNER {user}")
    try:
        with open_store(url.replace("/postgres", "/veille_pw_db")) as store:
            assert store.address == (
                f"postgresql+psycopg://{user}:***@127.0.0.1:{postgres_server.tcp_port}/veille_pw_db"
            )
            assert store.counts() == {}
    finally:
        postgres_server.execute("DROP DATABASE veille_pw_db WITH (FORCE)")
