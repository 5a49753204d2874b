"""``veille.ingest.read``: every kind of input, in order, and nothing raises for a bad one."""

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.ingest import read

TEXTE = "Trêve à Alep\nLes délégations se sont retrouvées à Astana sous l’égide des garants.\n"
PAGE = "<!doctype html><html><head><title>Trêve</title></head><body><p>Le cœur de l’accord.</p></body></html>"


def _warc():
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://exemple.fr/treve", "response", payload=io.BytesIO(PAGE.encode()), http_headers=http
    ))
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, expected",
    [
        (TEXTE.encode("utf-8"), [("<stdin>", "text", TEXTE)]),
        (TEXTE.replace("\n", "\r\n").encode("cp1252"), [("<stdin>", "text", TEXTE)]),
        (TEXTE.encode("utf-16"), [("<stdin>", "text", TEXTE)]),
        (PAGE.encode(), [("<stdin>", "html", PAGE)]),
        (b'{"text": "un"}\n\n{"doc": "d2", "html": "<p>deux</p>"}\n',
         [("<stdin>:1", "text", "un"), ("d2", "html", "<p>deux</p>")]),
        (_warc(), [("https://exemple.fr/treve", "html", PAGE)]),
        (gzip.decompress(_warc()), [("https://exemple.fr/treve", "html", PAGE)]),
    ],
    ids=["text", "cp1252 CRLF", "utf-16", "html", "jsonl", "warc.gz", "warc"],
)
def test_standard_input_is_sniffed(data, expected):
    articles = list(read(["-"], stdin=io.BytesIO(data)))
    assert [(a.name, a.format, a.raw) for a in articles] == expected
    assert not any(a.rejected for a in articles)


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file: no text encoding detected (looks like image/png)")],
)
def test_bad_standard_input(data, reason):
    [article] = read(["-"], stdin=io.BytesIO(data))
    assert (article.name, article.origin, article.rejection.reason) == ("<stdin>", "<stdin>", reason)


def test_standard_input_defaults_to_sys_stdin(monkeypatch):
    class Stdin:
        buffer = io.BytesIO(TEXTE.encode())

    monkeypatch.setattr("sys.stdin", Stdin)
    [article] = read(["-"])
    assert article.raw == TEXTE


def test_every_kind_of_input_in_the_order_given(tmp_path, site):
    (tmp_path / "dossier").mkdir()
    (tmp_path / "dossier" / "b.txt").write_text(TEXTE)
    (tmp_path / "dossier" / "a.html").write_text(PAGE)
    (tmp_path / "lot.jsonl").write_text('{"text": "un"}\n')
    (tmp_path / "x1.txt").write_text("Premier.")
    (tmp_path / "x2.txt").write_text("Second.")
    url = site.add("/page", PAGE)
    inputs = [
        str(tmp_path / "lot.jsonl"),
        url,
        str(tmp_path / "dossier"),
        "-",
        str(tmp_path / "x*.txt"),
        str(tmp_path / "absent.txt"),
        str(tmp_path / "*.xml"),
        site.url("/absent"),
    ]
    articles = list(read(inputs, stdin=io.BytesIO(b"Depuis l'entree standard.")))
    assert [a.name for a in articles] == [
        "lot.jsonl:1", url, "a.html", "b.txt", "<stdin>", "x1.txt", "x2.txt", "absent.txt",
        str(tmp_path / "*.xml"), site.url("/absent"),
    ]
    assert [a.rejection.reason for a in articles if a.rejected] == [
        f"no such file or directory: {tmp_path / 'absent.txt'}",
        f"no file matches {tmp_path / '*.xml'}",
        f"cannot fetch {site.url('/absent')}: HTTP 404 Not Found",
    ]
    assert all(a.id and a.name and a.origin for a in articles)
    assert all(a.rejection.stage == "ingest" for a in articles if a.rejected)


def test_a_file_name_with_glob_characters_is_read_as_a_file(tmp_path):
    path = tmp_path / "dépêche [1].txt"
    path.write_text(TEXTE)
    [article] = read([str(path)])
    assert (article.name, article.raw) == ("dépêche [1].txt", TEXTE)


def test_ids_depend_on_content_and_url_not_on_the_path(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXTE, encoding="utf-16")
    (tmp_path / "lot.jsonl").write_text(
        '{"text": "%s"}\n{"text": "%s", "url": "https://exemple.fr/1"}\n' % ((TEXTE.replace("\n", "\\n"),) * 2)
    )
    a, b, line, with_url = read([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "lot.jsonl")])
    assert a.id == b.id == line.id
    assert with_url.id != a.id
    again = list(read([str(tmp_path)]))
    assert [x.id for x in again] == [a.id, b.id, line.id, with_url.id]


def test_reading_is_lazy(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTE)
    articles = read([str(tmp_path / "a.txt"), "-"], stdin=None)
    assert next(articles).name == "a.txt"  # standard input is not touched yet


@pytest.mark.parametrize(
    "item, reason",
    [
        ("", "empty input name: give a file, a folder, a glob pattern, an http:// or https:// URL, or - for standard input"),
        ("ftp://exemple.fr/depeches/", "unsupported URL scheme ftp: give a file, a folder, a glob pattern, "
                                       "an http:// or https:// URL, or - for standard input"),
    ],
)
def test_inputs_that_are_none_of_the_known_kinds(item, reason):
    [article] = read([item])
    assert (article.name, article.rejection.reason) == (item, reason)


def test_a_standard_input_that_fails():
    class Broken(io.BytesIO):
        def read(self, *args):
            raise OSError(5, "Input/output error")

    [article] = read(["-"], stdin=Broken())
    assert article.rejection.reason == "cannot read standard input: [Errno 5] Input/output error"
