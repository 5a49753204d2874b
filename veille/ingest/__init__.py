"""Ingestion: every input becomes ``Article`` objects, and nothing raises for a bad one.

An input is ``-`` (standard input), an ``http(s)://`` URL of a page or an
RSS/Atom feed, a folder (read recursively), a glob pattern, or a file: plain
text, HTML, JSON Lines or WARC. Whatever cannot be read becomes an article
rejected by stage ``ingest`` with the reason, keeping an id, a name and an
origin, so the runner stores and counts it.

::

    for article in read(["corpus/", "https://example.org/feed.xml", "-"]):
        print(article.name, article.rejection or article.format)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..model import Article
from .articles import os_reason, rejected
from .files import EXTENSIONS, read_bytes, read_folder, read_glob, read_path
from .web import SCHEMES, read_url

__all__ = ["EXTENSIONS", "read"]

#: The input that names standard input.
STDIN = "-"
_GLOB = frozenset("*?[")
_OTHER_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]+://")
_CHOICES = (
    "give a file, a folder, a glob pattern, an http:// or https:// URL, or - for standard input"
)


def read(
    inputs: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    timeout: float = 20.0,
    follow_feeds: bool = True,
) -> Iterator[Article]:
    """The articles of each input, in order.

    ``stdin`` is the stream ``-`` reads (``sys.stdin.buffer`` by default);
    ``timeout`` is in seconds per HTTP request; ``follow_feeds=False`` reads
    a feed's entries from their summaries without fetching their pages.
    """
    for item in inputs:
        if not item.strip():
            yield rejected(item, item, f"empty input name: {_CHOICES}")
        elif item == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer)
        elif item.lower().startswith(SCHEMES):
            yield from read_url(item, timeout=timeout, follow_feeds=follow_feeds)
        elif _OTHER_URL.match(item):
            scheme = item.split(":", 1)[0]
            yield rejected(item, item, f"unsupported URL scheme {scheme}: {_CHOICES}")
        elif Path(item).is_dir():
            yield from read_folder(Path(item))
        elif _GLOB.intersection(item) and not Path(item).exists():
            yield from read_glob(item)
        else:
            yield from read_path(Path(item))


def _read_stdin(stream: BinaryIO) -> Iterator[Article]:
    try:
        data = stream.read()
    except OSError as e:
        yield rejected("<stdin>", "<stdin>", f"cannot read standard input: {os_reason(e)}")
        return
    yield from read_bytes(data, name="<stdin>", origin="<stdin>")
