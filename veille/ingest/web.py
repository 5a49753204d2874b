"""URLs and RSS/Atom feeds, fetched with the standard library (no network: a clear rejection)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import feedparser

from .. import __version__
from ..model import Article

USER_AGENT = f"veille/{__version__} (+news event coding)"
_FEED_TYPES = ("application/rss", "application/atom", "application/xml", "text/xml", "application/feed")


def fetch(url: str, *, timeout: float) -> tuple[bytes, str]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read(), response.headers.get("Content-Type", "")


def read_url(url: str, *, timeout: float, follow_feeds: bool = True) -> Iterator[Article]:
    from . import _from_bytes, rejected

    try:
        data, ctype = fetch(url, timeout=timeout)
    except (urllib.error.URLError, OSError, ValueError) as e:
        yield rejected(url, url, f"cannot fetch {url}: {getattr(e, 'reason', e)}")
        return
    charset = ctype.split("charset=")[-1].strip() if "charset=" in ctype else None
    head = data[:512].lstrip().lower()
    is_feed = ctype.startswith(_FEED_TYPES) or head.startswith(b"<?xml") and (b"<rss" in data[:2048] or b"<feed" in data[:2048])
    if follow_feeds and is_feed:
        yield from read_feed(data, url=url, timeout=timeout)
        return
    yield from _from_bytes(data, name=url, origin=url, html="html" in ctype, sniff=True, url=url, charset=charset)


def read_feed(data: bytes, *, url: str, timeout: float) -> Iterator[Article]:
    from . import _from_bytes, make_article, rejected

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield rejected(url, url, f"invalid feed {url}: {feed.bozo_exception}")
        return
    for entry in feed.entries:
        link = entry.get("link")
        hints = {}
        if entry.get("title"):
            hints["title"] = entry["title"]
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            hints["published"] = time.strftime("%Y-%m-%d", stamp)
        summary = (entry.get("content") or [{}])[0].get("value") or entry.get("summary")
        if not link:
            if summary:
                yield make_article(summary, name=url, origin=url, html=True, hints=hints)
            continue
        try:
            page, ctype = fetch(link, timeout=timeout)
        except (urllib.error.URLError, OSError, ValueError) as e:
            if summary:
                yield make_article(summary, name=link, origin=link, html=True, url=link, hints=hints)
            else:
                yield rejected(link, link, f"cannot fetch {link}: {getattr(e, 'reason', e)}")
            continue
        charset = ctype.split("charset=")[-1].strip() if "charset=" in ctype else None
        yield from _from_bytes(page, name=link, origin=link, html=True, url=link, hints=hints, charset=charset)
