"""WARC archives: successful HTML and text responses become articles, the rest is skipped."""

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.ingest.warc import read_warc

PAGE = "<!doctype html><html><body><p>Trêve à Alep : l’accord tient.</p></body></html>"
DATE = "2016-12-18T09:30:00Z"


def record(writer, uri, kind="response", body=b"", ctype="text/html; charset=utf-8", status="200 OK"):
    """One WARC record: a response with HTTP headers, or any other kind with a plain block."""
    if kind in ("response", "request"):
        first = "GET / HTTP/1.1" if kind == "request" else status
        headers = StatusAndHeaders(first, [("Content-Type", ctype)] if ctype else [],
                                   protocol="" if kind == "request" else "HTTP/1.1", is_http_request=kind == "request")
        extra = {"http_headers": headers}
    else:
        extra = {"warc_content_type": ctype}
    return writer.create_warc_record(
        uri, kind, payload=io.BytesIO(body), warc_headers_dict={"WARC-Date": DATE}, **extra
    )


def archive(records, *, gzipped=False):
    """The bytes of a WARC holding ``records`` (tuples of ``record``'s arguments)."""
    return archive_and_ends(records, gzipped=gzipped)[0]


def archive_and_ends(records, *, gzipped=False):
    """The archive and where each record ends in it (records carry the time they are
    written, so two archives of the same records may differ by a byte once gzipped)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    ends = []
    for args in records:
        writer.write_record(record(writer, *args))
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


MIXED = [
    ("https://exemple.fr/treve", "response", PAGE.encode("utf-8")),
    ("https://exemple.fr/logo.png", "response", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
    ("https://exemple.fr/treve", "request", b""),
    ("https://exemple.fr/absent", "response", b"<p>introuvable</p>", "text/html", "404 Not Found"),
    ("https://exemple.fr/ancien", "response", b"", "text/html", "301 Moved Permanently"),
    ("https://exemple.fr/treve", "metadata", b"outlinks: 3", "application/warc-fields"),
    ("https://exemple.fr/depeche.txt", "response", "Dépêche en texte brut.\n".encode("cp1252"),
     "text/plain; charset=windows-1252"),
    ("https://exemple.fr/vide", "response", b"  \n", "text/html"),
    ("https://exemple.fr/xhtml", "response", PAGE.encode("utf-8"), "application/xhtml+xml"),
]


def read(data, name="crawl.warc"):
    return list(read_warc(io.BytesIO(data), name=name, origin=f"/data/{name}"))


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip per record"])
def test_responses_become_articles_and_other_records_are_skipped(gzipped):
    articles = read(archive(MIXED, gzipped=gzipped))
    assert [(a.name, a.format, a.rejected) for a in articles] == [
        ("https://exemple.fr/treve", "html", False),
        ("https://exemple.fr/depeche.txt", "text", False),
        ("https://exemple.fr/vide", "text", True),
        ("https://exemple.fr/xhtml", "html", False),
    ]
    page, text, empty, _ = articles
    assert (page.url, page.raw, page.origin) == ("https://exemple.fr/treve", PAGE, "/data/crawl.warc")
    assert page.hints == {"crawled": "2016-12-18"}
    assert text.raw == "Dépêche en texte brut.\n"  # the HTTP header's charset
    assert empty.rejection.reason == "empty response" and empty.url == "https://exemple.fr/vide"


def test_whole_file_gzip_is_read_too():
    # warcio refuses a WARC compressed as one gzip stream instead of one member per record
    data = gzip.compress(archive(MIXED))
    assert [a.name for a in read(data, "crawl.warc.gz")][:2] == [
        "https://exemple.fr/treve", "https://exemple.fr/depeche.txt"
    ]


def test_the_same_page_in_two_archives_has_one_id():
    first = read(archive(MIXED[:1]))
    second = read(archive(MIXED[:1], gzipped=True), "autre.warc.gz")
    assert first[0].id == second[0].id


THREE = [(f"https://exemple.fr/{n}", "response", PAGE.encode() * 5) for n in (1, 2, 3)]


@pytest.mark.parametrize(
    "data, kept, reason",
    [
        (archive(THREE)[:-200], 2, "the archive ends inside a record (https://exemple.fr/3)"),
        (archive(THREE)[: len(archive(THREE)) // 2], 1, "the archive ends inside a record (https://exemple.fr/2)"),
        (archive(THREE)[:40], 0, "a record header has no WARC-Type (cut short?)"),
        (archive(THREE)[:300], 0, "the archive ends inside a record header"),
        (archive(THREE)[:4], 0, "Unknown archive format, first line: ['WARC']"),
        (archive(THREE, gzipped=True)[:-150], 2, "the compressed data is cut short"),
        (archive(THREE, gzipped=True)[:-5], 3, "the compressed data is cut short"),  # only the checksum is lost
        (archive(THREE, gzipped=True) + b"\x1f\x8b\x08\x00\x00", 3, "the compressed data is cut short"),
        (b"\x1f\x8b\x08\x00garbage" * 10, 0, "bad compressed data: Error -3 while decompressing data: "),
        (b"Ceci n'est pas une archive.\n", 0, "a record header has no valid Content-Length ('archive.')"),
        (b"Ce texte non plus\n", 0, "Unknown archive format, first line: ['Ce', 'texte', 'non', 'plus']"),
    ],
    ids=["plain cut in the last body", "plain cut in the second body", "plain cut in a header",
         "plain cut in the first header", "plain cut in the first line", "gzip cut in a member", "gzip cut in a trailer",
         "gzip with a cut member after", "gzip garbage", "five words: an ARC header", "not an archive"],
)
def test_a_damaged_archive_keeps_what_was_read_and_says_where_it_stopped(data, kept, reason):
    articles = read(data)
    assert [a.url for a in articles[:-1]] == [f"https://exemple.fr/{n}" for n in (1, 2, 3)][:kept]
    assert all(a.raw == PAGE * 5 for a in articles[:-1])
    last = articles[-1]
    assert (last.name, last.origin, last.rejection.stage) == ("crawl.warc", "/data/crawl.warc", "ingest")
    assert last.rejection.reason.startswith(f"corrupt WARC: {reason}")
    assert last.rejection.reason.endswith(f" (at record {kept + 1})")


def test_a_skipped_record_cut_short_is_damage_too():
    data = archive([THREE[0], ("https://exemple.fr/logo.png", "response", bytes(500), "image/png")])
    articles = read(data[:-100])
    assert [a.url for a in articles] == ["https://exemple.fr/1", None]
    assert articles[1].rejection.reason == (
        "corrupt WARC: the archive ends inside a record (https://exemple.fr/logo.png) (at record 2)"
    )


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_no_cut_goes_unnoticed(gzipped):
    data, ends = archive_and_ends(THREE, gzipped=gzipped)
    for cut in range(1, len(data), 3):
        articles = read(data[:cut])
        complete = sum(1 for end in ends if end <= cut)
        kept = [a for a in articles if not a.rejected]
        # a record whose body is whole is kept even when its last newlines or gzip checksum are cut
        assert complete <= len(kept) <= complete + 1, cut
        assert [a.url for a in kept] == [f"https://exemple.fr/{n}" for n in (1, 2, 3)][: len(kept)]
        assert all(a.raw == PAGE * 5 for a in kept)
        if not any(end - 4 <= cut <= end for end in ends):  # losing only the closing newlines loses nothing
            assert articles[-1].rejection.reason.startswith("corrupt WARC: "), cut


def test_empty_archive():
    [article] = read(b"")
    assert article.rejection.reason == "empty file"


@pytest.mark.parametrize(
    "headers, body",
    [
        ([("Content-Encoding", "gzip")], gzip.compress(PAGE.encode())),
        ([("Transfer-Encoding", "chunked")], b"%x\r\n%s\r\n0\r\n\r\n" % (len(PAGE.encode()), PAGE.encode())),
    ],
    ids=["content-encoding gzip", "chunked"],
)
def test_response_bodies_are_decoded(headers, body):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://exemple.fr/treve", "response", payload=io.BytesIO(body), http_headers=http
    ))
    [article] = read(buffer.getvalue())
    assert article.raw == PAGE
