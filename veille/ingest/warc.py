"""WARC and ARC archives: each successful HTML or plain-text response becomes an article.

Records are read with warcio's ``ArchiveIterator``. A response is kept when
its HTTP status is 200 and its content type is HTML, XHTML or plain text; the
article is named by its ``WARC-Target-URI``, which is also its ``url``, and
``hints["crawled"]`` is the date of its ``WARC-Date``. Requests, metadata,
revisits, images and redirects are skipped without a word.

A damaged archive does not lose what came before: the records read up to the
damage are kept, and one rejected article says where reading stopped.
Gzip-compressed archives are decompressed here rather than by warcio, which
ends quietly on a truncated gzip member and refuses an archive compressed as
one gzip stream instead of one member per record.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from ..model import Article
from .articles import read_article, rejected
from .decode import charset_of

__all__ = ["CONTENT_TYPES", "read_warc"]

#: Response content types read as articles, with the format each gives.
CONTENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_BLOCK = 1 << 16
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DamagedArchive(Exception):
    """The archive's bytes end or break in the middle of a record."""


def read_warc(stream: BinaryIO, *, name: str, origin: str) -> Iterator[Article]:
    """The articles of the archive in ``stream`` (seekable; plain or gzip-compressed)."""
    start = stream.tell()
    gzipped = stream.read(2) == b"\x1f\x8b"
    stream.seek(start)
    records = ArchiveIterator(_Gunzip(stream) if gzipped else stream, arc2warc=True)
    done = 0
    try:
        for record in _whole(records):
            article = _article(_checked(record), origin=origin)
            _read_to_end(record)
            if article is not None:
                yield article
            done += 1
        # warcio ends quietly when the archive stops inside a record header: then
        # the next record's start, where it stopped, is short of the bytes read
        if records.offset < records.fh.tell():
            raise DamagedArchive("the archive ends inside a record header")
        if not done and not records.fh.tell():
            yield rejected(name, origin, "empty file")
    except (
        DamagedArchive,
        ArchiveLoadFailed,
        StatusAndHeadersParserException,
        EOFError,
        ValueError,
    ) as e:
        detail = " ".join(str(e).split()) or type(e).__name__
        yield rejected(name, origin, f"corrupt WARC: {detail[:300]} (at record {done + 1})")


def _whole(records: ArchiveIterator) -> Iterator[ArcWarcRecord]:
    """warcio's records, with its failure on some cut headers given a name."""
    iterator = iter(records)
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            return
        except AttributeError as e:  # warcio 1.8: 'NoneType' object has no attribute 'startswith'
            raise DamagedArchive("a record header is cut short or malformed") from e
        yield record


def _checked(record: ArcWarcRecord) -> ArcWarcRecord:
    """The record, if its header is whole: a type and a numeric length (ARC's are converted)."""
    if not record.rec_type:
        raise DamagedArchive("a record header has no WARC-Type (cut short?)")
    length = record.rec_headers.get_header("Content-Length")
    if not (length or "").strip().isdigit():
        raise DamagedArchive(f"a record header has no valid Content-Length ({length!r})")
    return record


def _read_to_end(record: ArcWarcRecord) -> None:
    """Consume what is left of the record; raise if the archive ends before its length."""
    stream = record.raw_stream
    while stream.read(_BLOCK):
        pass
    if isinstance(stream, LimitReader) and stream.limit > 0:
        uri = record.rec_headers.get_header("WARC-Target-URI")
        raise DamagedArchive(f"the archive ends inside a record{f' ({uri})' if uri else ''}")


def _article(record: ArcWarcRecord, *, origin: str) -> Article | None:
    http = record.http_headers
    if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
        return None
    ctype = http.get_header("Content-Type") or ""
    format = CONTENT_TYPES.get(ctype.split(";")[0].strip().lower())
    if format is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    name = uri or origin
    try:
        body = record.content_stream().read()
    except (ChunkedDataException, zlib.error) as e:
        reason = f"cannot decode the response body of {name}: {e}"
        return rejected(name, origin, reason, url=uri or None)
    date = _DATE.match(record.rec_headers.get_header("WARC-Date") or "")
    return read_article(
        body,
        name=name,
        origin=origin,
        format=format,
        url=uri or None,
        hints={"crawled": date.group()} if date else {},
        charset=charset_of(ctype),
        noun="response",
    )


class _Gunzip:
    """Multi-member gzip, decompressed as one stream; damage raises ``DamagedArchive``."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.pending = b""  # compressed bytes not yet given to a decompressor
        self.inflate = None  # the decompressor of the current member, between members None
        self.out = b""

    def read(self, size: int = -1) -> bytes:
        while not self.out:
            if not self._step():
                return b""
        if size is None or size < 0:
            size = len(self.out)
        data, self.out = self.out[:size], self.out[size:]
        return data

    def _step(self) -> bool:
        """Decompress one more block; False at a clean end of the stream."""
        if self.inflate is not None and self.inflate.eof:
            self.pending = self.inflate.unused_data + self.pending
            self.inflate = None
        data, self.pending = self.pending or self.stream.read(_BLOCK), b""
        if self.inflate is None:
            data = data.lstrip(b"\x00")  # some writers pad between members
            if not data:
                self.pending = self.stream.read(_BLOCK)
                return bool(self.pending)
            self.inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif not data:
            raise DamagedArchive("the compressed data is cut short")
        try:
            self.out += self.inflate.decompress(data)
        except zlib.error as e:
            raise DamagedArchive(f"bad compressed data: {e}") from e
        return True
