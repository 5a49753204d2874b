"""WARC archives (warcio): each HTML or text response becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import Article


def read_warc(path: Path) -> Iterator[Article]:
    from . import _from_bytes, rejected

    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                http = record.http_headers
                if http is not None and http.get_statuscode() != "200":
                    continue
                ctype = (http.get_header("Content-Type") if http else "") or ""
                if not ctype.startswith(("text/html", "application/xhtml", "text/plain")):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or str(path)
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10]
                charset = ctype.split("charset=")[-1].strip() if "charset=" in ctype else None
                data = record.content_stream().read()
                yield from _from_bytes(
                    data, name=uri, origin=f"{path}#{uri}", html="html" in ctype, url=uri,
                    hints={"crawled": date} if date else {}, charset=charset,
                )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        yield rejected(path.name, str(path), f"corrupt WARC {path.name}: {e}")
