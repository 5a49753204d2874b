"""A store filled with articles built by hand, and the API over it, on SQLite and PostgreSQL.

The ``db`` fixture (and the throwaway PostgreSQL cluster behind it) is the store
tests' own: every API test runs on both backends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from store.conftest import db, postgres_server  # noqa: F401  (fixtures)

from veille.api import create_app
from veille.model import Actor, Article, Event, Outlet, Place, Quote, Rejection
from veille.store import Store, open_store

DAMAS = Place("Damas", aliases=["Damascus"], lat=33.51, lon=36.29, country="SY", kind="city")
DOUMA = Place("Douma", lat=33.57, lon=36.40, country="SY", kind="city")
MOSCOU = Place("Moscou", lat=55.75, lon=37.62, country="RU", kind="city")

USA = Actor("usa", "États-Unis", ["Washington"], "state", "USA", "GOV", "Q30")
SYR = Actor("syr_gov", "gouvernement syrien", ["Damas"], "state", "SYR", "GOV")
SYR_MIL = Actor("syr_mil", "armée syrienne", [], "organization", "SYR", "MIL")
LAVROV = Actor("lavrov", "Sergueï Lavrov", ["Lavrov"], "person", "RUS", "GOV", "Q39148")
CIVILIANS = Actor("civilians", "civils", [], "organization", None, "CVL")


def _article(id: str, text: str, **fields) -> Article:
    article = Article(id=id, name=f"{id}.txt", raw=text, text=text, pipeline_version="test")
    for name, value in fields.items():
        setattr(article, name, value)
    return article


def _sentence(text: str, words: str) -> tuple[str, int, int]:
    start = text.index(words)
    return words, start, start + len(words)


def articles() -> list[Article]:
    """Four articles: two French with events, one English without, one rejected."""
    t1 = (
        "Frappes occidentales en Syrie.\n"
        "Les États-Unis ont bombardé un centre de recherche près de Damas samedi. "
        "Le gouvernement syrien accuse Washington d'agression. "
        "« Cette attaque viole le droit international », a déclaré Damas."
    )
    s1, a1, b1 = _sentence(
        t1, "Les États-Unis ont bombardé un centre de recherche près de Damas samedi."
    )
    s2, a2, b2 = _sentence(t1, "Le gouvernement syrien accuse Washington d'agression.")
    q1 = t1.index("Cette attaque")
    first = _article(
        "a1", t1, language="fr", title="Frappes occidentales en Syrie",
        outlet=Outlet("Le Monde", "FRA", "private"), published=dt.date(2018, 4, 14),
        boilerplate=["Abonnez-vous", "Lire aussi"], actors=[USA, SYR], places=[DAMAS],
        events=[
            Event("e11", "ASSAULT", s1, a1, b1, mode="aerial", source=["usa"], target=["syr_gov"],
                  place=DAMAS, date="2018-04-14", according_to=None, trigger="bombardé"),
            Event("e12", "ACCUSE", s2, a2, b2, source=["syr_gov"], target=["usa"],
                  date="2018-04-14", according_to="syr_gov", trigger="accuse"),
        ],
        quotes=[Quote("syr_gov", True, "Cette attaque viole le droit international", q1, q1 + 42)],
        events_coded=True,
    )  # fmt: skip
    t2 = (
        "Moscou dément.\n"
        "Sergueï Lavrov a accusé les États-Unis de mensonge à Moscou lundi. "
        "Selon Lavrov, l'armée syrienne n'a pas tué douze civils à Douma en avril.\n"
        "<script>alert(1)</script> <img src=x onerror=alert(2)>"
    )
    s3, a3, b3 = _sentence(t2, "Sergueï Lavrov a accusé les États-Unis de mensonge à Moscou lundi.")
    s4, a4, b4 = _sentence(
        t2, "Selon Lavrov, l'armée syrienne n'a pas tué douze civils à Douma en avril."
    )
    second = _article(
        "a2", t2, language="fr", title="Moscou dément",
        outlet=Outlet("RT France", "RUS", "state-affiliated"), published=dt.date(2018, 4, 16),
        actors=[LAVROV, USA, SYR_MIL, CIVILIANS], places=[MOSCOU, DOUMA],
        events=[
            Event("e21", "ACCUSE", s3, a3, b3, source=["lavrov"], target=["usa"], place="Moscou",
                  date="2018-04-16", according_to="outlet", trigger="accusé"),
            Event("e22", "ASSAULT", s4, a4, b4, source=["syr_mil"], target=["civilians"],
                  place=DOUMA, date="2018-04-07", according_to="lavrov", modality="negated",
                  fatalities=12, trigger="tué"),
        ],
        events_coded=True,
    )  # fmt: skip
    t3 = (
        "Russia says the strikes were illegal.\n"
        "Moscow called for a meeting of the Security Council."
    )
    third = _article(
        "a3", t3, language="en", title="Russia condemns strikes",
        outlet=Outlet("Reuters", "GBR", "private"), published=dt.date(2018, 4, 15),
        quotes=[Quote(None, False, "the strikes were illegal", 11, 36)], events_coded=False,
    )  # fmt: skip
    fourth = _article(
        "a4", "Привет мир", language="ru", rejection=Rejection("nlp", "no model for ru")
    )
    return [first, second, third, fourth]


@pytest.fixture
def store(db) -> Iterator[Store]:  # noqa: F811
    with open_store(db) as store:
        store.save(articles())
        yield store


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store))
