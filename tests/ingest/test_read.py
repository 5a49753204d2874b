"""Ingestion of every input kind; anything unreadable becomes a rejected article with its reason."""

import functools
import http.server
import io
import threading

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.ingest import read

FRENCH = "Reprise des pourparlers à Astana\nLes délégations se sont retrouvées à Astana sous l'égide des garants.\n"
PAGE = "<!doctype html><html><head><title>Astana</title></head><body><p>" + FRENCH + "</p></body></html>"


def one(items, **kwargs):
    [article] = list(read(items, **kwargs))
    return article


@pytest.mark.parametrize(
    "data, expected",
    [
        (FRENCH.encode("utf-8"), FRENCH),
        (FRENCH.encode("cp1252"), FRENCH),
        (FRENCH.encode("utf-16"), FRENCH),
        ("\ufeff".encode() + FRENCH.encode(), FRENCH),
        (FRENCH.replace("\n", "\r\n").encode(), FRENCH),
    ],
)
def test_encodings_are_detected(tmp_path, data, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = one([str(path)])
    assert article.rejection is None
    assert article.raw == expected
    assert (article.name, article.format, article.origin) == ("a.txt", "text", str(path))


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "binary file: no text encoding detected (looks like image/png)"),
    ],
)
def test_empty_and_binary_files_are_rejected_with_the_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    article = one([str(path)])
    assert (article.rejection.stage, article.rejection.reason) == ("ingest", reason)
    assert article.id and article.name == "bad.txt"


def test_missing_path_and_empty_glob(tmp_path):
    assert one([str(tmp_path / "nope.txt")]).rejection.reason == f"no such file or directory: {tmp_path / 'nope.txt'}"
    assert one([str(tmp_path / "*.txt")]).rejection.reason == f"no file matches {tmp_path / '*.txt'}"


def test_unreadable_path_is_rejected(tmp_path):
    folder = tmp_path / "dir.txt"  # a folder named like a file cannot be read as one
    folder.mkdir()
    from veille.ingest import read_path

    [article] = list(read_path(folder))
    assert article.rejection.reason.startswith(f"cannot read {folder}")


def test_folder_is_read_recursively_in_order_skipping_other_and_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.html").write_text(PAGE)
    (tmp_path / "1.txt").write_text(FRENCH)
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text(FRENCH)
    articles = list(read([str(tmp_path)]))
    assert [(a.name, a.format) for a in articles] == [("1.txt", "text"), ("2.html", "html")]
    assert [a.name for a in read([str(tmp_path / "**" / "*.html")])] == ["2.html"]


def test_same_content_from_two_paths_has_one_id(tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH)
    (tmp_path / "b.txt").write_text(FRENCH)
    a, b = read([str(tmp_path)])
    assert a.id == b.id


def test_jsonl_lines_with_hints_bad_lines_and_default_names(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"doc": "one", "text": "Texte un.", "url": "https://sana.sy/fr/?p=1", "title": "Un", "published": "2017-11-10", "outlet": "SANA"}\n'
        "\n"
        '{"html": "<p>Texte deux.</p>"}\n'
        "{not json}\n"
        '{"title": "sans texte"}\n'
        '{"text": "   "}\n'
    )
    articles = list(read([str(path)]))
    assert [a.name for a in articles] == ["one", "batch.jsonl:3", "batch.jsonl:4", "batch.jsonl:5", "batch.jsonl:6"]
    first, second, bad, no_text, empty = articles
    assert first.hints == {"title": "Un", "published": "2017-11-10", "outlet": "SANA"}
    assert first.url == "https://sana.sy/fr/?p=1" and first.format == "text"
    assert second.format == "html"
    assert bad.rejection.reason.startswith("line 4: invalid JSON")
    assert no_text.rejection.reason == "line 5: no 'text' or 'html' field (fields: title)"
    assert empty.rejection.reason == "line 6: empty text"


def test_stdin_is_sniffed():
    assert one(["-"], stdin=io.BytesIO(PAGE.encode())).format == "html"
    assert one(["-"], stdin=io.BytesIO(FRENCH.encode())).name == "<stdin>"
    assert [a.raw for a in read(["-"], stdin=io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n'))] == ["a", "b"]


def _warc(path, records):
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for uri, ctype, body, rec_type in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            extra = {"http_headers": headers} if rec_type == "response" else {"warc_content_type": "text/plain"}
            record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), **extra)
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_responses_become_articles(tmp_path, name):
    path = tmp_path / name
    _warc(path, [
        ("https://sana.sy/fr/?p=1", "text/html; charset=utf-8", PAGE.encode(), "response"),
        ("https://sana.sy/logo.png", "image/png", b"\x89PNG", "response"),
        ("https://sana.sy/fr/?p=2", "text/html", b"crawler note", "metadata"),
    ])
    [article] = list(read([str(path)]))
    assert (article.name, article.url, article.format) == ("https://sana.sy/fr/?p=1", "https://sana.sy/fr/?p=1", "html")
    assert "Astana" in article.raw and len(article.hints["crawled"]) == 10


def test_corrupt_warc_is_rejected(tmp_path):
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    [article] = list(read([str(path)]))
    assert article.rejection.reason.startswith("corrupt WARC broken.warc.gz")


@pytest.fixture
def server(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Astana</title><link>{base}/page.html</link><pubDate>Tue, 24 Jan 2017 10:00:00 GMT</pubDate></item>"
        "<item><title>Perdu</title><link>{base}/gone.html</link><description>&lt;p&gt;Résumé de la dépêche.&lt;/p&gt;</description></item>"
        "<item><title>Perdu sans résumé</title><link>{base}/gone2.html</link></item>"
        "</channel></rss>"
    )
    (tmp_path / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        '<entry><title>Astana</title><link href="{base}/page.html"/><updated>2017-01-25T10:00:00Z</updated></entry></feed>'
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    for name in ("feed.xml", "atom.xml"):
        path = tmp_path / name
        path.write_text(path.read_text().replace("{base}", base))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()


def test_url_page(server):
    article = one([f"{server}/page.html"])
    assert (article.url, article.format) == (f"{server}/page.html", "html")


def test_unreachable_url_is_rejected(server):
    article = one([f"{server}/missing.html"])
    assert article.rejection.reason.startswith(f"cannot fetch {server}/missing.html")


def test_rss_entries_are_fetched_with_summary_fallback(server):
    page, fallback, lost = read([f"{server}/feed.xml"])
    assert page.url == f"{server}/page.html" and page.hints == {"title": "Astana", "published": "2017-01-24"}
    assert "Résumé de la dépêche" in fallback.raw and fallback.format == "html"
    assert lost.rejection.reason.startswith(f"cannot fetch {server}/gone2.html")


def test_atom_feed(server):
    [entry] = list(read([f"{server}/atom.xml"]))
    assert entry.hints["published"] == "2017-01-25" and "Astana" in entry.raw
