"""actors: who the article names, resolved to registry actors or to actors of its own.

The rules live in :mod:`veille.actors`; this stage runs them on the cleaned text
of each article with its spaCy parse and its publication date (for offices named
without a name: "le président russe" on 2016-12-18 is Vladimir Poutine), and
keeps the mentions on the article for the stages that code events.
"""

from __future__ import annotations

from ..actors import ActorResolver
from ..model import Article
from ..registry import Registry


class Actors:
    name = "actors"

    def __init__(self, registry: Registry):
        self.resolver = ActorResolver(registry)

    def __call__(self, article: Article) -> Article:
        outlet = (article.outlet.name, *article.outlet.aliases) if article.outlet else ()
        reading = self.resolver.read(
            article.text, day=article.published, doc=article.doc, outlet=outlet
        )
        article.actors = list(reading.actors.values())
        article.actor_mentions = reading.mentions
        return article
