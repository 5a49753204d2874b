"""RSS and Atom feeds (feedparser): each entry's page becomes an article, the feed giving hints.

Each entry's link is fetched in turn. Its title and its publication date
(``published``, else ``updated``, as an ISO date) become hints. When the
page cannot be fetched or read, the entry's own content or summary stands in
for it; an entry with neither is rejected with the page's failure. Without a
``fetch`` (``follow_feeds=False``) every entry is read from its content or
summary alone.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from ..errors import Rejected
from ..model import Article
from .articles import make_article, rejected
from .decode import normalise
from .fetch import Page, page_article
from .sniff import looks_like_feed

__all__ = ["FEED_TYPES", "parse_feed", "read_feed"]

#: Content types that announce a feed (``application/xml`` and ``text/xml`` are sniffed too).
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/x-rss+xml", "application/feed+xml")
_XML_TYPES = ("application/xml", "text/xml")
_TAG = re.compile(r"<[^>]*>")


def parse_feed(page: Page) -> Any | None:
    """The parsed feed, or None when the page is not a feed.

    Raises ``Rejected`` when the server says it is a feed that feedparser cannot read.
    """
    declared = page.media_type in FEED_TYPES
    if not (declared or looks_like_feed(page.data)):
        return None
    feed = feedparser.parse(  # a stream: a str or bytes could be taken for a URL or a file name
        io.BytesIO(page.data),
        response_headers={"content-type": page.content_type, "content-location": page.url},
    )
    if feed.get("version") or feed.entries:
        return feed
    if declared or page.media_type in _XML_TYPES:
        problem = feed.get("bozo_exception") or "no RSS or Atom root element"
        raise Rejected(f"unreadable feed: {page.url}: {problem}")
    return None


def read_feed(
    feed: Any, *, origin: str, fetch: Callable[[str], Page] | None
) -> Iterator[Article]:
    """One article per entry of a parsed feed, in the feed's order."""
    if not feed.entries:
        yield rejected(origin, origin, f"feed has no entries: {origin}")
        return
    for number, entry in enumerate(feed.entries, start=1):
        yield _entry_article(entry, number, origin=origin, fetch=fetch)


def _entry_article(
    entry: Any, number: int, *, origin: str, fetch: Callable[[str], Page] | None
) -> Article:
    hints = _hints(entry)
    link = entry.get("link") or None
    name = link or entry.get("id") or f"{origin}#{number}"
    content = _content(entry)
    if link and fetch is not None:
        try:
            article = page_article(fetch(link), name=link, hints=hints)
        except Rejected as e:
            failure = e.reason
        else:
            if not article.rejected or content is None:
                return article
            failure = article.rejection.reason
        if content is None:
            return rejected(link, link, failure, url=link)
    if content is None:
        why = "no link and no content" if not link else "no content, and links are not followed"
        reason = f"feed entry with {why}: entry {number} of {origin}"
        return rejected(name, link or origin, reason, url=link)
    text, format = content
    return make_article(
        text, name=name, origin=link or origin, format=format, url=link, hints=hints
    )


def _content(entry: Any) -> tuple[str, str] | None:
    """The entry's longest content, else its summary, with its format; None if empty."""
    details = list(entry.get("content") or [])
    if not details and entry.get("summary_detail"):
        details = [entry["summary_detail"]]
    elif not details and entry.get("summary"):
        details = [{"value": entry["summary"], "type": "text/html"}]
    details = [d for d in details if (d.get("value") or "").strip()]
    if not details:
        return None
    best = max(details, key=lambda d: len(d["value"]))
    return normalise(best["value"]), "html" if "html" in (best.get("type") or "") else "text"


def _hints(entry: Any) -> dict[str, str]:
    hints: dict[str, str] = {}
    title = entry.get("title") or ""
    if "html" in (entry.get("title_detail") or {}).get("type", ""):
        title = html.unescape(_TAG.sub("", title))
    title = " ".join(title.split())
    if title:
        hints["title"] = title
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        hints["published"] = dt.date(*stamp[:3]).isoformat()
    return hints
