"""events: PLOVER events and quotes of French articles.

Quotes come first (:mod:`veille.quotes`), since an event inside a quotation is
its speaker's claim; then the event coder (:mod:`veille.events`) reads every
sentence. Articles in other languages keep their quotations in quotation marks
and are marked as not coded yet (``events_coded`` false), never silently empty.
"""

from __future__ import annotations

from ..events import EventCoder
from ..lexicon import Triggers
from ..model import Article
from ..quotes import QuoteFinder
from ..registry import Registry

#: Languages the event lexicon covers.
CODED = ("fr",)


class Events:
    name = "events"

    def __init__(self, triggers: Triggers, registry: Registry):
        self.coder = EventCoder(triggers, registry)
        self.quotes = QuoteFinder()

    def __call__(self, article: Article) -> Article:
        article.quotes = self.quotes.find(article)
        if article.language not in CODED:
            article.events = []
            article.events_coded = False
            return article
        spans = [(q.start, q.end, q.speaker) for q in article.quotes if q.direct]
        article.events = self.coder.code(article, spans)
        article.events_coded = True
        return article
