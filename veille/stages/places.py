"""places: the places an article names, geocoded with the offline gazetteer.

The rules live in :mod:`veille.places`. The article's focus is the countries of
its actors (ISO3 in the registry, turned to ISO2 here) and of its outlet's
home, and the spans the actors stage read as governments are left out.
"""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..model import Article
from ..places import PlaceResolver


class Places:
    name = "places"

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.resolver = PlaceResolver(gazetteer)

    def __call__(self, article: Article) -> Article:
        states = {a.id for a in article.actors if a.kind == "state"}
        taken = [(m.start, m.end) for m in article.actor_mentions if m.actor in states]
        focus = set()
        for code in {a.country for a in article.actors if a.country}:
            entry = self.gazetteer.country(code)
            if entry is not None and entry.country:
                focus.add(entry.country)
        article.places, article.place_mentions = self.resolver.read(
            article.text, doc=article.doc, focus=focus, taken=taken
        )
        return article


__all__ = ["Places"]
