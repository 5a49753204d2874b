"""``http://`` and ``https://`` inputs: a page becomes one article, a feed one article per entry."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from ..errors import Rejected
from ..model import Article
from .articles import rejected
from .feeds import parse_feed, read_feed
from .fetch import fetch, page_article

__all__ = ["SCHEMES", "read_url"]

SCHEMES = ("http://", "https://")


def read_url(url: str, *, timeout: float, follow_feeds: bool = True) -> Iterator[Article]:
    """The page at ``url`` as one article, or, for an RSS/Atom feed, its entries.

    ``follow_feeds=False`` reads a feed's entries from their content or summary
    without fetching their links.
    """
    get = functools.partial(fetch, timeout=timeout)
    try:
        page = get(url)
        feed = parse_feed(page)
    except Rejected as e:
        yield rejected(url, url, e.reason, url=url)
        return
    if feed is not None:
        yield from read_feed(feed, origin=url, fetch=get if follow_feeds else None)
    else:
        yield page_article(page, name=url)
