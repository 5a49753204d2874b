"""HTTP with the standard library: a page fetched, or ``Rejected`` with a reason one can act on."""

from __future__ import annotations

import email.utils
import gzip
import http.client
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..errors import Rejected
from ..model import Article
from .articles import os_reason, read_article, rejected
from .decode import charset_of

__all__ = ["MAX_BYTES", "USER_AGENT", "Page", "fetch", "page_article"]

USER_AGENT = f"veille/{__version__} (news event dataset builder; Python urllib)"
#: A page larger than this is refused rather than held in memory.
MAX_BYTES = 50 * 1024 * 1024
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_NOT_TEXT = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
             "application/gzip", "application/msword", "application/vnd.")


@dataclass(frozen=True)
class Page:
    """A fetched response: the URL after redirects, its bytes and headers that matter."""

    url: str
    data: bytes
    content_type: str = ""
    date: str | None = None  # the HTTP Date header, as an ISO date

    @property
    def media_type(self) -> str:
        return self.content_type.split(";")[0].strip().lower()


def fetch(url: str, *, timeout: float) -> Page:
    """GET ``url``; raises ``Rejected("cannot fetch URL: why")`` on any failure."""
    try:
        request = urllib.request.Request(
            _as_uri(url),
            headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "gzip"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            headers = response.headers
            final = response.geturl()
        if len(data) > MAX_BYTES:
            raise Rejected(f"cannot fetch {url}: larger than {MAX_BYTES // 2**20} MB")
        if (headers.get("Content-Encoding") or "").strip().lower() == "gzip":
            data = gzip.decompress(data)
    except urllib.error.HTTPError as e:
        raise Rejected(f"cannot fetch {url}: HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        raise Rejected(f"cannot fetch {url}: {_why(e.reason, timeout)}") from None
    except (http.client.HTTPException, OSError, EOFError, zlib.error, ValueError) as e:
        raise Rejected(f"cannot fetch {url}: {_why(e, timeout)}") from None
    return Page(
        url=final,
        data=data,
        content_type=headers.get("Content-Type") or "",
        date=_iso_date(headers.get("Date")),
    )


def page_article(page: Page, *, name: str, hints: dict[str, Any] | None = None) -> Article:
    """The article of a fetched page; ``hints["crawled"]`` is the day the server served it."""
    hints = dict(hints or {})
    if page.date:
        hints.setdefault("crawled", page.date)
    if page.media_type.startswith(_NOT_TEXT):
        reason = f"not a text page: {page.url} is {page.media_type}"
        return rejected(name, name, reason, url=page.url)
    return read_article(
        page.data,
        name=name,
        origin=name,
        format="html" if page.media_type in _HTML_TYPES else None,
        url=page.url,
        hints=hints,
        charset=charset_of(page.content_type),
        noun="page",
    )


def _why(error: object, timeout: float) -> str:
    if isinstance(error, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(error, http.client.IncompleteRead):
        return f"the connection closed after {len(error.partial)} bytes"
    if isinstance(error, OSError) and error.errno:
        return os_reason(error)
    if isinstance(error, BaseException):
        return str(error) or type(error).__name__
    return str(error)


def _iso_date(header: str | None) -> str | None:
    if not header:
        return None
    try:
        return email.utils.parsedate_to_datetime(header).date().isoformat()
    except (TypeError, ValueError):
        return None


def _as_uri(url: str) -> str:
    """``url`` with non-ASCII characters percent-encoded (and the host in IDNA), as HTTP wants."""
    if url.isascii():
        return url
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if parts.hostname and not parts.hostname.isascii():
        host = parts.hostname.encode("idna").decode("ascii")
        netloc = netloc.lower().replace(parts.hostname, host)
    path, query, fragment = (_quote(p) for p in (parts.path, parts.query, parts.fragment))
    return urllib.parse.urlunsplit((parts.scheme, netloc, path, query, fragment))


def _quote(part: str) -> str:
    return urllib.parse.quote(part, safe="/%:@!$&'()*+,;=?~")
