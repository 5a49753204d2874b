"""URLs end to end against a local server: a page is one article, a feed one per entry."""

import pytest

from veille.ingest.web import read_url

PAGE = "<!doctype html><html><body><p>Trêve à Alep : l’accord tient.</p></body></html>"
RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fil</title>
<item><title>Trêve</title><link>{base}/treve.html</link><pubDate>Sun, 18 Dec 2016 09:30:00 GMT</pubDate></item>
<item><title>Retirée</title><link>{base}/retiree.html</link>
  <description>&lt;p&gt;Résumé de la dépêche retirée.&lt;/p&gt;</description></item>
<item><title>Perdue</title><link>{base}/perdue.html</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Fil</title><id>urn:fil</id><updated>2016-12-19T10:00:00Z</updated>
<entry><title>Trêve</title><link href="{base}/treve.html"/><id>urn:1</id><updated>2016-12-19T10:00:00Z</updated></entry>
</feed>"""


def test_a_page_is_one_article(site):
    url = site.add("/treve.html", PAGE.encode("cp1252"), content_type="text/html; charset=windows-1252")
    [article] = read_url(url, timeout=5)
    assert (article.name, article.origin, article.url, article.format, article.raw) == (url, url, url, "html", PAGE)
    assert set(article.hints) == {"crawled"}


def test_a_failed_url_is_a_rejected_article(site):
    url = site.url("/absent.html")
    [article] = read_url(url, timeout=5)
    assert (article.name, article.origin, article.url) == (url, url, url)
    assert article.rejection.stage == "ingest"
    assert article.rejection.reason == f"cannot fetch {url}: HTTP 404 Not Found"


@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/xml", "text/plain"])
def test_rss_feed_entries_are_fetched(site, content_type):
    site.add("/treve.html", PAGE)
    feed = site.add("/rss", RSS, content_type=content_type)
    page, summary, lost = read_url(feed, timeout=5)
    assert (page.url, page.raw, page.hints["title"], page.hints["published"]) == (
        site.url("/treve.html"), PAGE, "Trêve", "2016-12-18")
    assert summary.rejection is None and summary.raw == "<p>Résumé de la dépêche retirée.</p>"
    assert summary.url == site.url("/retiree.html") and summary.format == "html"
    assert lost.rejection.reason == f"cannot fetch {site.url('/perdue.html')}: HTTP 404 Not Found"


def test_atom_feed(site):
    site.add("/treve.html", PAGE)
    [entry] = read_url(site.add("/atom", ATOM, content_type="application/atom+xml"), timeout=5)
    assert (entry.raw, entry.hints["published"], entry.hints["title"]) == (PAGE, "2016-12-19", "Trêve")


def test_feed_without_following(site):
    site.add("/treve.html", PAGE)
    articles = list(read_url(site.add("/rss", RSS, content_type="application/rss+xml"), timeout=5, follow_feeds=False))
    assert [a.rejected for a in articles] == [True, False, True]
    assert [path for path, _ in site.requests] == ["/rss"]


def test_an_unreadable_declared_feed(site):
    url = site.add("/rss", "<p>Maintenance</p>", content_type="application/rss+xml")
    [article] = read_url(url, timeout=5)
    assert article.rejection.reason.startswith(f"unreadable feed: {url}: ")
