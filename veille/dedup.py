"""Near-duplicate articles: MinHash signatures over word shingles, banded into LSH buckets.

Two articles are copies of one another when the estimated Jaccard similarity of
their word 5-shingles (cleaned body only, so boilerplate never counts) reaches
:data:`THRESHOLD`. Candidates come from LSH buckets — never from all pairs —
and are then checked on their signatures. Of a group of copies the earliest
(by publication date, then by the order articles were given) is the original;
the others' ``duplicate_of`` is its ``doc``.

The banding is explicit (:func:`band_keys`) rather than hidden in
``datasketch.MinHashLSH`` because the store keeps the same keys in a table:
an article added later is compared with stored ones through an indexed lookup
of its keys, without loading or recomputing anything else.

Why 0.5: on ``tests/fixtures/stories`` a wire item carried under two
boilerplates scores 1.0, a lightly edited copy (a new lead, two paragraphs cut,
a word changed) 0.63, and different articles about the same war — same town,
same stock phrases, a translation of the wire — at most 0.03
(``tests/test_dedup.py`` checks all three with margins). With 32 bands of 4
rows a pair at 0.5 is a candidate 87% of the time, at 0.6 99%, at 0.1 0.3%.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

__all__ = [
    "THRESHOLD",
    "Copy",
    "DuplicateIndex",
    "band_keys",
    "find_duplicates",
    "shingles",
    "signature",
    "similarity",
]

SHINGLE = 5  # words per shingle
NUM_PERM = 128
BANDS, ROWS = 32, 4  # BANDS * ROWS == NUM_PERM
THRESHOLD = 0.5  # estimated Jaccard at or above which two bodies are copies
MIN_WORDS = 8  # shorter bodies (a caption, a headline) are never called copies
SEED = 1  # fixed, so stored signatures stay comparable across runs

_WORD = re.compile(r"\w+")
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)  # its permutations are reused for every text


def _fold(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WORD.findall(text)


def shingles(text: str, *, size: int = SHINGLE) -> set[bytes]:
    """The word ``size``-grams of ``text`` (case, accents and punctuation ignored)."""
    words = _fold(text)
    if len(words) < MIN_WORDS:
        return set()
    if len(words) < size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (``NUM_PERM`` uint32 values) of ``text``, or None when too short."""
    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme
    )
    minhash.update_batch(list(grams))
    return minhash.hashvalues.astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: np.ndarray) -> list[str]:
    """The LSH bucket keys of a signature: one per band, the band number and a hash of its rows."""
    raw = sig.astype("<u4").tobytes()
    width = ROWS * 4
    return [f"{band:02d}{_digest(raw[band * width : (band + 1) * width])}" for band in range(BANDS)]


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=8).hexdigest()


@dataclass
class Copy:
    """One article as the duplicate finder sees it."""

    key: str  # the article's id
    doc: str
    published: str | None  # ISO date
    order: int  # input order, for ties and undated articles
    sig: np.ndarray | None
    duplicate_of: str | None = None  # the key of the original

    @property
    def rank(self) -> tuple:
        return (self.published is None, self.published or "", self.order, self.key)


class DuplicateIndex:
    """LSH buckets over signatures, in memory; ``add`` links a copy to its earliest match."""

    def __init__(self) -> None:
        self.buckets: dict[str, list[str]] = defaultdict(list)
        self.items: dict[str, Copy] = {}

    def candidates(self, sig: np.ndarray) -> set[str]:
        found: set[str] = set()
        for key in band_keys(sig):
            found.update(self.buckets.get(key, ()))
        return found

    def add(self, item: Copy) -> None:
        self.items[item.key] = item
        if item.sig is None:
            return
        for key in band_keys(item.sig):
            self.buckets[key].append(item.key)


def link(items: Sequence[Copy], known: Iterable[Copy] = ()) -> list[Copy]:
    """Set ``duplicate_of`` on ``items`` (and on ``known`` ones a new earlier copy displaces).

    Copies form groups (connected by similarity ≥ THRESHOLD); in each group the
    earliest is the original and every other member points to it. Returns the
    ``known`` items whose ``duplicate_of`` changed (the new ones are all to be saved).
    """
    index = DuplicateIndex()
    for item in known:
        index.add(item)
    before = {key: item.duplicate_of for key, item in index.items.items()}  # known ones only
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for item in items:
        if item.sig is not None:
            for other in sorted(index.candidates(item.sig)):
                found = index.items[other]
                if found.sig is not None and similarity(item.sig, found.sig) >= THRESHOLD:
                    a, b = root(item.key), root(other)
                    if a != b:
                        parent[a] = b
        index.add(item)
    # Known copies pointing to an original join that original's group.
    for item in index.items.values():
        if item.duplicate_of and item.duplicate_of in index.items:
            a, b = root(item.key), root(item.duplicate_of)
            if a != b:
                parent[a] = b
    groups: dict[str, list[Copy]] = defaultdict(list)
    for item in index.items.values():
        groups[root(item.key)].append(item)
    for members in groups.values():
        original = min(members, key=lambda c: c.rank)
        for member in members:
            member.duplicate_of = None if member is original else original.key
    return [index.items[key] for key, was in before.items() if index.items[key].duplicate_of != was]


def find_duplicates(records: Sequence[dict]) -> dict[str, str | None]:
    """``{id: id of the original or None}`` for output records, earliest first.

    Example: ``find_duplicates([a.to_record() for a in articles])``.
    """
    items = [
        Copy(r["id"], r["doc"], r.get("published"), n, signature(r.get("text") or ""))
        for n, r in enumerate(records)
    ]
    link(items)
    return {c.key: c.duplicate_of for c in items}
