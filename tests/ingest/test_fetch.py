"""HTTP fetches from a local server: pages, failures with their reasons, and the page's article."""

import gzip
import socket

import pytest

from veille.errors import Rejected
from veille.ingest.fetch import USER_AGENT, Page, fetch, page_article

PAGE = "<!doctype html><html><body><p>Trêve à Alep : l’accord tient.</p></body></html>"


def test_fetch_a_page(site):
    url = site.add("/treve.html", PAGE, headers={"Date": "Sun, 18 Dec 2016 09:30:00 GMT"})
    page = fetch(url, timeout=5)
    assert (page.url, page.data, page.media_type, page.date) == (url, PAGE.encode(), "text/html", "2016-12-18")
    path, headers = site.requests[-1]
    assert path == "/treve.html" and headers["User-Agent"] == USER_AGENT and "veille" in USER_AGENT


def test_redirects_are_followed_and_the_final_url_kept(site):
    target = site.add("/2016/12/treve.html", PAGE)
    url = site.add("/t", status=301, headers={"Location": "/2016/12/treve.html"})
    assert fetch(url, timeout=5).url == target


def test_gzip_bodies_are_decompressed(site):
    url = site.add("/gz", gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"})
    assert fetch(url, timeout=5).data == PAGE.encode()
    assert site.requests[-1][1]["Accept-Encoding"] == "gzip"


def test_non_ascii_urls_are_encoded(site):
    site.add("/actualit%C3%A9/tr%C3%AAve", PAGE)
    assert fetch(site.url("/actualité/trêve"), timeout=5).data == PAGE.encode()


def _closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    "path, route, reason",
    [
        ("/absent", None, "HTTP 404 Not Found"),
        ("/erreur", {"status": 500}, "HTTP 500 Internal Server Error"),
        ("/interdit", {"status": 403}, "HTTP 403 Forbidden"),
        ("/lent", {"delay": 1.0}, "timed out after 0.2 s"),
        ("/gz-faux", {"body": b"pas du gzip", "headers": {"Content-Encoding": "gzip"}}, "Not a gzipped file (b'pa')"),
    ],
)
def test_failures_name_the_url_and_the_cause(site, path, route, reason):
    if route is not None:
        site.add(path, **route)
    with pytest.raises(Rejected) as caught:
        fetch(site.url(path), timeout=0.2)
    assert caught.value.reason == f"cannot fetch {site.url(path)}: {reason}"


def test_refused_connection():
    url = f"http://127.0.0.1:{_closed_port()}/page"
    with pytest.raises(Rejected) as caught:
        fetch(url, timeout=2)
    assert caught.value.reason == f"cannot fetch {url}: [Errno 111] Connection refused"


@pytest.mark.parametrize("url", ["http://", "http://exa mple.fr/"])
def test_malformed_urls(url):
    with pytest.raises(Rejected) as caught:
        fetch(url, timeout=2)
    assert caught.value.reason.startswith(f"cannot fetch {url}: ")


@pytest.mark.parametrize(
    "content_type, data, format, raw",
    [
        ("text/html; charset=utf-8", PAGE.encode(), "html", PAGE),
        ("text/html; charset=windows-1252", PAGE.encode("cp1252"), "html", PAGE),
        ("text/html; charset=ISO-8859-1", PAGE.encode("utf-8"), "html", PAGE),  # stale header, UTF-8 body
        ("application/xhtml+xml", PAGE.encode(), "html", PAGE),
        ("text/plain", "Trêve à Alep.\r\n".encode("cp1252"), "text", "Trêve à Alep.\n"),
        ("text/plain", PAGE.encode(), "html", PAGE),  # a page served as text still sniffs as HTML
        ("", PAGE.encode(), "html", PAGE),
    ],
)
def test_page_article(content_type, data, format, raw):
    page = Page(url="https://exemple.fr/treve", data=data, content_type=content_type, date="2016-12-18")
    article = page_article(page, name="https://exemple.fr/t", hints={"title": "Trêve"})
    assert (article.format, article.raw, article.url, article.name) == (
        format, raw, "https://exemple.fr/treve", "https://exemple.fr/t"
    )
    assert article.hints == {"title": "Trêve", "crawled": "2016-12-18"}


@pytest.mark.parametrize(
    "content_type, data, reason",
    [
        ("image/png", b"\x89PNG\r\n\x1a\n", "not a text page: https://exemple.fr/x is image/png"),
        ("application/pdf", b"%PDF-1.4", "not a text page: https://exemple.fr/x is application/pdf"),
        ("text/html", b"", "empty page"),
        ("application/octet-stream", b"\x00\x01\x02\x03", "binary page: no text encoding detected"),
    ],
)
def test_pages_that_are_not_articles(content_type, data, reason):
    article = page_article(Page(url="https://exemple.fr/x", data=data, content_type=content_type), name="x")
    assert article.rejection.reason == reason and article.url == "https://exemple.fr/x"
