"""Feeds: entries followed to their pages, with the entry's hints and its summary as a fallback."""

import pytest

from veille.errors import Rejected
from veille.ingest.feeds import parse_feed, read_feed
from veille.ingest.fetch import Page

PAGE = "<!doctype html><html><body><p>Trêve à Alep : l’accord tient.</p></body></html>"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Dépêches</title><link>https://exemple.fr/</link>
<item><title>Trêve à Alep</title><link>https://exemple.fr/treve</link>
  <pubDate>Sun, 18 Dec 2016 09:30:00 +0100</pubDate></item>
<item><title>Évacuations</title><link>https://exemple.fr/disparu</link>
  <description>&lt;p&gt;Les blessés ont été évacués.&lt;/p&gt;</description></item>
<item><title>Perdu</title><link>https://exemple.fr/perdu</link></item>
<item><title>Relatif</title><link>/2016/relatif</link></item>
<item><title>Sans lien</title><description>Un résumé sans lien.</description><guid isPermaLink="false">id-5</guid></item>
<item><title>Vide</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fil</title><id>urn:fil</id><updated>2016-12-19T10:00:00Z</updated>
<entry><title type="html">Trêve &amp;amp; &lt;em&gt;accord&lt;/em&gt;</title><link href="https://exemple.fr/treve"/><id>urn:1</id>
  <published>2016-12-18T23:30:00-02:00</published><updated>2016-12-19T10:00:00Z</updated></entry>
<entry><title>Contenu complet</title><link href="https://exemple.fr/disparu"/><id>urn:2</id>
  <updated>2016-12-17T08:00:00Z</updated>
  <summary>Résumé court.</summary>
  <content type="html">&lt;p&gt;Le texte complet de la dépêche, plus long que le résumé.&lt;/p&gt;</content></entry>
</feed>"""


def feed_page(body, content_type="application/rss+xml", url="https://exemple.fr/rss"):
    return Page(url=url, data=body.encode("utf-8"), content_type=content_type)


class Fetcher:
    """A stand-in for HTTP: known URLs give PAGE, others a 404."""

    def __init__(self, pages):
        self.pages, self.asked = pages, []

    def __call__(self, url):
        self.asked.append(url)
        if url not in self.pages:
            raise Rejected(f"cannot fetch {url}: HTTP 404 Not Found")
        return Page(url=url, data=self.pages[url].encode(), content_type="text/html", date="2016-12-20")


def entries(body, fetch, **kwargs):
    return list(read_feed(parse_feed(feed_page(body, **kwargs)), origin="https://exemple.fr/rss", fetch=fetch))


def test_rss_entries_are_followed_with_fallbacks():
    fetch = Fetcher({"https://exemple.fr/treve": PAGE, "https://exemple.fr/2016/relatif": PAGE})
    page, summary, lost, relative, linkless, empty = entries(RSS, fetch)
    assert fetch.asked == ["https://exemple.fr/treve", "https://exemple.fr/disparu", "https://exemple.fr/perdu",
                           "https://exemple.fr/2016/relatif"]
    assert (page.name, page.url, page.format, page.raw) == ("https://exemple.fr/treve", "https://exemple.fr/treve", "html", PAGE)
    assert page.hints == {"title": "Trêve à Alep", "published": "2016-12-18", "crawled": "2016-12-20"}
    # the page is gone: the entry's summary stands in for it
    assert (summary.name, summary.url, summary.format, summary.rejected) == (
        "https://exemple.fr/disparu", "https://exemple.fr/disparu", "html", False)
    assert "Les blessés ont été évacués." in summary.raw and summary.hints == {"title": "Évacuations"}
    # gone and nothing to stand in: rejected with the HTTP error
    assert lost.rejection.reason == "cannot fetch https://exemple.fr/perdu: HTTP 404 Not Found"
    assert (lost.name, lost.url) == ("https://exemple.fr/perdu", "https://exemple.fr/perdu")
    assert relative.url == "https://exemple.fr/2016/relatif"  # resolved against the feed's address
    assert (linkless.name, linkless.raw, linkless.format, linkless.url) == ("id-5", "Un résumé sans lien.", "html", None)
    assert empty.rejection.reason == "feed entry with no link and no content: entry 6 of https://exemple.fr/rss"
    assert empty.name == "https://exemple.fr/rss#6"


def test_atom_entries():
    first, second = entries(ATOM, Fetcher({"https://exemple.fr/treve": PAGE}), content_type="application/atom+xml")
    assert first.hints["title"] == "Trêve & accord"  # an HTML title as plain text and first.raw == PAGE
    assert first.hints["published"] == "2016-12-19"  # 23:30 at UTC-2 is the 19th in UTC
    assert second.hints == {"title": "Contenu complet", "published": "2016-12-17"}  # from <updated>
    assert second.raw == "<p>Le texte complet de la dépêche, plus long que le résumé.</p>"


def test_without_following_entries_are_read_from_their_summaries():
    articles = entries(RSS, None)
    assert [(a.name, a.rejected) for a in articles] == [
        ("https://exemple.fr/treve", True),
        ("https://exemple.fr/disparu", False),
        ("https://exemple.fr/perdu", True),
        ("https://exemple.fr/2016/relatif", True),
        ("id-5", False),
        ("https://exemple.fr/rss#6", True),
    ]
    assert articles[0].rejection.reason == (
        "feed entry with no content, and links are not followed: entry 1 of https://exemple.fr/rss"
    )


def test_an_unreadable_page_falls_back_to_the_summary_too():
    fetch = Fetcher({"https://exemple.fr/disparu": ""})  # an empty page
    summary = entries(RSS, fetch)[1]
    assert summary.rejection is None and "évacués" in summary.raw


@pytest.mark.parametrize(
    "body, content_type",
    [
        (RSS, "application/rss+xml"),
        (RSS, "text/xml"),
        (RSS, "text/html"),  # a misconfigured server: the content says it is a feed
        (ATOM, "application/xml"),
        ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
         'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>t</title></channel>'
         '<item rdf:about="https://exemple.fr/a"><title>A</title><link>https://exemple.fr/a</link></item></rdf:RDF>',
         "application/rdf+xml"),
    ],
)
def test_feeds_are_recognised(body, content_type):
    feed = parse_feed(feed_page(body, content_type))
    assert feed is not None and feed.entries


@pytest.mark.parametrize(
    "body, content_type",
    [
        (PAGE, "text/html"),
        ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', "application/xml"),
        ("Texte brut", "text/plain"),
    ],
)
def test_pages_are_not_feeds(body, content_type):
    assert parse_feed(feed_page(body, content_type)) is None


def test_a_declared_feed_that_cannot_be_read():
    with pytest.raises(Rejected) as caught:
        parse_feed(feed_page("<html><p>Pas un flux</p></html>", "application/rss+xml"))
    assert caught.value.reason.startswith("unreadable feed: https://exemple.fr/rss: ")


def test_a_feed_without_entries():
    feed = parse_feed(feed_page('<rss version="2.0"><channel><title>Vide</title></channel></rss>'))
    [article] = read_feed(feed, origin="https://exemple.fr/rss", fetch=None)
    assert article.rejection.reason == "feed has no entries: https://exemple.fr/rss"
