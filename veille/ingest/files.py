"""Files, folders and glob patterns: which files to read, and each file by its kind.

A file's kind comes from its extension (:data:`EXTENSIONS`); a file with
another extension, named on its own, is sniffed (WARC, JSON Lines, HTML,
else plain text). A folder is read recursively in sorted path order, taking
only files with a known extension and skipping hidden files and folders.
"""

from __future__ import annotations

import glob
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import Rejected
from ..model import Article
from .articles import make_article, os_reason, read_article, rejected
from .decode import decode
from .jsonl import read_jsonl_file, read_jsonl_text
from .sniff import looks_like_html, looks_like_jsonl, looks_like_warc
from .warc import read_warc

__all__ = ["EXTENSIONS", "kind_of", "read_bytes", "read_folder", "read_glob", "read_path"]

#: Known extensions and the kind of file each names.
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc": "warc",
    ".arc.gz": "warc",
}
_LONGEST_FIRST = sorted(EXTENSIONS, key=len, reverse=True)


def kind_of(path: str | Path) -> str | None:
    """``text``, ``html``, ``jsonl`` or ``warc`` from the file name; None for other extensions."""
    name = os.path.basename(path).lower()
    return next((EXTENSIONS[e] for e in _LONGEST_FIRST if name.endswith(e) and name != e), None)


def read_glob(pattern: str) -> Iterator[Article]:
    """Every file the pattern matches (``**`` crosses folders), in sorted order.

    A matching folder is read as a folder; a file matched twice is read once.
    """
    found: dict[Path, OSError | None] = {}
    for match in sorted(Path(p) for p in glob.glob(pattern, recursive=True)):
        if match.is_dir():
            for path, error in _listing(match):
                found.setdefault(path, error)
        else:
            found.setdefault(match, None)
    if not found:
        yield rejected(pattern, pattern, f"no file matches {pattern}")
    yield from _read_all(sorted(found.items(), key=lambda item: item[0]))


def read_folder(folder: Path) -> Iterator[Article]:
    """Files below ``folder`` with a known extension, sorted by path; hidden entries skipped."""
    yield from _read_all(sorted(_listing(folder), key=lambda item: item[0]))


def _listing(folder: Path) -> list[tuple[Path, OSError | None]]:
    """The files to read below ``folder``, and the folders that could not be listed."""
    found: list[tuple[Path, OSError | None]] = []

    def unreadable(error: OSError) -> None:
        found.append((Path(error.filename or folder), error))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend((Path(root, n), None) for n in names if not n.startswith(".") and kind_of(n))
    return found


def _read_all(entries: list[tuple[Path, OSError | None]]) -> Iterator[Article]:
    for path, error in entries:
        if error is None:
            yield from read_path(path)
        else:
            yield rejected(path.name, str(path), f"cannot read folder {path}: {os_reason(error)}")


def read_path(path: Path) -> Iterator[Article]:
    """The articles of one file: by its extension, or sniffed for an unknown one."""
    name, origin = path.name, str(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        yield rejected(name, origin, f"no such file or directory: {path}")
        return
    except OSError as e:
        yield rejected(name, origin, f"cannot read {path}: {os_reason(e)}")
        return
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else _special(mode)
        yield rejected(name, origin, f"cannot read {path}: not a regular file ({what})")
        return
    kind = kind_of(path)
    try:
        if kind == "jsonl":
            yield from read_jsonl_file(path)
        elif kind == "warc":
            with path.open("rb") as stream:
                yield from read_warc(stream, name=name, origin=origin)
        else:
            data = path.read_bytes()
            if kind is None:
                yield from read_bytes(data, name=name, origin=origin)
            else:
                format = "html" if kind == "html" else None  # text is sniffed: saved pages
                yield read_article(data, name=name, origin=origin, format=format)
    except OSError as e:
        yield rejected(name, origin, f"cannot read {path}: {os_reason(e)}")


def read_bytes(data: bytes, *, name: str, origin: str) -> Iterator[Article]:
    """Articles from bytes of unknown kind (standard input, an unknown extension): sniffed."""
    if looks_like_warc(data):
        yield from read_warc(io.BytesIO(data), name=name, origin=origin)
        return
    try:
        text = decode(data)
    except Rejected as e:
        yield rejected(name, origin, e.reason)
        return
    if looks_like_jsonl(text):
        yield from read_jsonl_text(text, name=name, origin=origin)
    else:
        format = "html" if looks_like_html(text) else "text"
        yield make_article(text, name=name, origin=origin, format=format)


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
