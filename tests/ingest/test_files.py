"""Files, folders and glob patterns."""

import gzip
import io
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.ingest.files import kind_of, read_folder, read_glob, read_path

TEXTE = "Trêve à Alep\nLe cœur de l’accord : l’évacuation des blessés.\n"
PAGE = "<!doctype html><html><head><title>Trêve</title></head><body><p>Le cœur de l’accord.</p></body></html>"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


def one(path):
    [article] = list(read_path(Path(path)))
    return article


def reason(article):
    assert article.rejection is not None, f"{article.name} was not rejected"
    assert article.rejection.stage == "ingest"
    return article.rejection.reason


@pytest.mark.parametrize(
    "name, data, text, format",
    [
        ("a.txt", TEXTE.encode("utf-8"), TEXTE, "text"),
        ("a.txt", TEXTE.encode("cp1252"), TEXTE, "text"),
        ("a.txt", TEXTE.encode("utf-16"), TEXTE, "text"),
        ("a.TEXT", TEXTE.replace("\n", "\r\n").encode("utf-8-sig"), TEXTE, "text"),
        ("page.html", PAGE.encode("utf-8"), PAGE, "html"),
        ("page.htm", PAGE.encode("cp1252"), PAGE, "html"),
        ("page.xhtml", PAGE.encode("utf-8"), PAGE, "html"),
        ("page.html", TEXTE.encode("utf-8"), TEXTE, "html"),  # the extension says HTML
        ("saved.txt", PAGE.encode("utf-8"), PAGE, "html"),  # the content says HTML
        ("notes.md", TEXTE.encode("utf-8"), TEXTE, "text"),  # unknown extension: sniffed
        ("page.asp", PAGE.encode("utf-8"), PAGE, "html"),
    ],
)
def test_text_and_html_files(tmp_path, name, data, text, format):
    path = tmp_path / name
    path.write_bytes(data)
    article = one(path)
    assert article.rejection is None
    assert (article.name, article.origin, article.raw, article.format) == (name, str(path), text, format)
    assert article.url is None and article.hints == {}


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "empty file"),
        (b"\n \t\r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file: no text encoding detected (looks like image/png)"),
    ],
)
def test_empty_and_binary_files_are_rejected(tmp_path, data, expected):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    article = one(path)
    assert reason(article) == expected
    assert (article.name, article.origin) == ("bad.txt", str(path))
    assert article.id.startswith("x") and article.raw == ""


def test_missing_path(tmp_path):
    article = one(tmp_path / "absent.txt")
    assert reason(article) == f"no such file or directory: {tmp_path / 'absent.txt'}"
    assert article.name == "absent.txt" and article.id


def test_broken_symlink_is_missing(tmp_path):
    (tmp_path / "lien.txt").symlink_to(tmp_path / "disparu.txt")
    assert reason(one(tmp_path / "lien.txt")) == f"no such file or directory: {tmp_path / 'lien.txt'}"


def test_file_without_read_permission(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(TEXTE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        assert reason(one(path)) == f"cannot read {path}: [Errno 13] Permission denied"
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_file_that_fails_to_read(tmp_path):
    # reading /proc/self/mem at offset 0 fails with EIO, for root too
    (tmp_path / "memoire.txt").symlink_to("/proc/self/mem")
    path = tmp_path / "memoire.txt"
    assert reason(one(path)) == f"cannot read {path}: [Errno 5] Input/output error"


@pytest.mark.parametrize("make, what", [(os.mkfifo, "a named pipe"), (os.mkdir, "a folder")])
def test_special_files_are_rejected_without_blocking(tmp_path, make, what):
    path = tmp_path / "tube.txt"
    make(path)
    assert reason(one(path)) == f"cannot read {path}: not a regular file ({what})"


@pytest.mark.parametrize(
    "name, kind",
    [
        ("a.txt", "text"), ("A.TXT", "text"), ("a.text", "text"),
        ("a.html", "html"), ("a.htm", "html"), ("a.xhtml", "html"),
        ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"),
        ("a.warc", "warc"), ("a.warc.gz", "warc"), ("a.arc", "warc"), ("a.ARC.GZ", "warc"),
        ("a.png", None), ("a.gz", None), ("a.json", None), ("txt", None), (".txt", None),
    ],
)
def test_kind_of(name, kind):
    assert kind_of(name) == kind


def _warc(path):
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://exemple.fr/treve", "response", payload=io.BytesIO(PAGE.encode()), http_headers=headers
        )
        writer.write_record(record)


def _tree(root):
    """A folder with every kind of file, others to skip, and hidden ones."""
    (root / "b" / "c").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "a.txt").write_text(TEXTE, encoding="cp1252")
    (root / "b" / "page.HTML").write_text(PAGE)
    (root / "b" / "c" / "lot.jsonl").write_text('{"text": "un"}\n{"text": "deux"}\n')
    _warc(root / "b" / "crawl.warc.gz")
    (root / "b-notes.txt").write_text("Après b/ dans l'ordre des chemins.\n")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "data.json").write_text('{"text": "pas du JSON Lines"}')
    (root / ".brouillon.txt").write_text(TEXTE)
    (root / ".cache" / "copie.txt").write_text(TEXTE)
    (root / "vide.txt").write_text("")
    return root


def test_folder_is_read_recursively_in_path_order(tmp_path):
    articles = list(read_folder(_tree(tmp_path)))
    assert [(a.name, a.format, a.rejected) for a in articles] == [
        ("a.txt", "text", False),
        ("lot.jsonl:1", "text", False),  # b/c/lot.jsonl: the folder b/c sorts before b/crawl.warc.gz
        ("lot.jsonl:2", "text", False),
        ("https://exemple.fr/treve", "html", False),
        ("page.HTML", "html", False),
        ("b-notes.txt", "text", False),
        ("vide.txt", "text", True),
    ]
    assert articles[0].raw == TEXTE
    assert reason(articles[-1]) == "empty file"


def test_unreadable_subfolder_is_rejected_and_the_rest_read(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTE)
    locked = tmp_path / "verrou"
    locked.mkdir()
    (locked / "b.txt").write_text(TEXTE)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        first, second = read_folder(tmp_path)
        assert first.name == "a.txt" and first.rejection is None
        assert reason(second) == f"cannot read folder {locked}: [Errno 13] Permission denied"
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize(
    "pattern, names",
    [
        ("*.txt", ["a.txt", "b-notes.txt", "vide.txt"]),
        ("**/*.HTML", ["page.HTML"]),
        ("b*", ["lot.jsonl:1", "lot.jsonl:2", "https://exemple.fr/treve", "page.HTML", "b-notes.txt"]),
        # every file, known extension or not, but hidden ones still skipped
        ("**", ["a.txt", "lot.jsonl:1", "lot.jsonl:2", "https://exemple.fr/treve", "page.HTML",
                "b-notes.txt", "data.json:1", "image.png", "vide.txt"]),
    ],
)
def test_glob_patterns(tmp_path, pattern, names):
    _tree(tmp_path)
    articles = list(read_glob(str(tmp_path / pattern)))
    assert [a.name for a in articles] == names


@pytest.mark.parametrize("pattern", ["b/*", "b/**", "b/**/*"])
def test_glob_matching_a_folder_reads_it_and_each_file_once(tmp_path, pattern):
    _tree(tmp_path)
    names = [a.name for a in read_glob(str(tmp_path / pattern))]
    assert names == ["lot.jsonl:1", "lot.jsonl:2", "https://exemple.fr/treve", "page.HTML"]


def test_glob_matching_nothing(tmp_path):
    pattern = str(tmp_path / "*.txt")
    [article] = list(read_glob(pattern))
    assert reason(article) == f"no file matches {pattern}"
    assert (article.name, article.origin) == (pattern, pattern)


def test_explicitly_named_files_are_read_whatever_their_extension(tmp_path):
    _tree(tmp_path)
    assert reason(one(tmp_path / "image.png")) == "binary file: no text encoding detected (looks like image/png)"
    assert [(a.name, a.raw) for a in read_path(tmp_path / "data.json")] == [("data.json:1", "pas du JSON Lines")]
    assert one(tmp_path / ".brouillon.txt").raw == TEXTE


@pytest.mark.parametrize("compress", [False, True])
def test_unknown_extension_sniffed_as_warc_or_jsonl(tmp_path, compress):
    _warc(tmp_path / "crawl.warc.gz")
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    (tmp_path / "crawl.bin").write_bytes(data if compress else gzip.decompress(data))
    assert [a.url for a in read_path(tmp_path / "crawl.bin")] == ["https://exemple.fr/treve"]
    (tmp_path / "export.log").write_text('{"doc": "d1", "text": "un"}\n{"text": "deux"}\n')
    assert [a.name for a in read_path(tmp_path / "export.log")] == ["d1", "export.log:2"]


def test_same_content_from_two_paths_has_one_id(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTE, encoding="utf-8")
    (tmp_path / "sous").mkdir()
    (tmp_path / "sous" / "copie.txt").write_text(TEXTE, encoding="cp1252")
    (tmp_path / "autre.txt").write_text(TEXTE + "Un paragraphe de plus.\n")
    a, b, other = one(tmp_path / "a.txt"), one(tmp_path / "sous" / "copie.txt"), one(tmp_path / "autre.txt")
    assert a.id == b.id and a.name != b.name
    assert other.id != a.id


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed corpus is not here")
def test_seed_corpus_is_read_as_plain_text():
    articles = list(read_folder(SEEDS))
    assert [a.name for a in articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(a.rejection is None and a.format == "text" and "\r" not in a.raw for a in articles)
    assert len({a.id for a in articles}) == len(articles)


def test_folder_that_cannot_be_listed(tmp_path):
    path = tmp_path / "fichier.txt"
    path.write_text(TEXTE)
    [article] = list(read_folder(path))
    assert reason(article) == f"cannot read folder {path}: [Errno 20] Not a directory"


def test_permission_errors_as_root_too(tmp_path, monkeypatch):
    # root reads through chmod 000: the errors the kernel would give a user are raised by hand
    (tmp_path / "a.txt").write_text(TEXTE)
    (tmp_path / "verrou").mkdir()
    (tmp_path / "verrou" / "b.txt").write_text(TEXTE)
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "verrou":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def read_bytes(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    first, second = read_folder(tmp_path)
    assert reason(first) == f"cannot read {tmp_path / 'a.txt'}: [Errno 13] Permission denied"
    assert reason(second) == f"cannot read folder {tmp_path / 'verrou'}: [Errno 13] Permission denied"
