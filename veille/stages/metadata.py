"""metadata: the outlet, the headline and the publication date.

What the input states wins over what is inferred: a JSON Lines field, then the
page's URL and HTML metadata, then cues in the text. The text's cues are read
in order of trust, and only in the shapes that name a publisher: a source line
("Source : X"), an agency dateline ("Homs-SANA/", "Damas (SANA) -"), a credit
at the end of a headline or caption ("— RT World News", "- Sputnik Afrique"), a
promotion of the outlet's own channels ("Suivez X sur Telegram"), a copyright
line. An outlet merely mentioned in a sentence ("a déclaré à SANA") is not one.

The publication date is the latest explicit date of the body (or, without one,
of the captions set aside), moved forward to the weekday the text calls "this"
day ("ce samedi"); a date alone fixes the day only when it stands in a
dateline, a caption or the first lines.
"""

from __future__ import annotations

import re

from ..dates import date_from_url, find_dates, is_stamp, next_weekday, parse_iso, weekday_cue
from ..model import Article, Line, Outlet
from ..outlets import OutletRegistry

_SOURCE_LINE = re.compile(r"^\s*(?:sources?|lien source|via|المصدر|источник|quelle|fuente)\s*[:\-–]", re.I)
_PROMO = re.compile(r"\b(?:suivez|follow|rejoignez|abonnez-vous à|subscribe to)\b", re.I)
_DATE_LINES = ("caption", "credits", "language", "header")
#: A publication stamp is looked for in this many first lines.
STAMP_LINES = 6


class Metadata:
    name = "metadata"

    def __init__(self, *, outlets: OutletRegistry):
        self.outlets = outlets

    def __call__(self, article: Article) -> Article:
        hints = article.hints
        if hints.get("title"):
            article.title = self.outlets.split_credit(str(hints["title"]).strip())[0]
        article.outlet = self.find_outlet(article)
        self._date(article)
        return article

    # -- outlet -----------------------------------------------------------------------

    def find_outlet(self, article: Article) -> Outlet | None:
        hints = article.hints
        for value in (hints.get("outlet"),):
            if value:
                return self.outlets.get(str(value)) or Outlet(name=str(value).strip())
        if article.url:
            outlet = self.outlets.by_url(article.url)
            if outlet:
                return outlet
        if hints.get("sitename"):
            outlet = self.outlets.get(str(hints["sitename"]))
            return outlet or Outlet(name=str(hints["sitename"]).strip())
        best: tuple[int, int, Outlet] | None = None  # (rank, line order, outlet)
        for order, line in enumerate(article.lines):
            for outlet, match in self.outlets.mentions(line.text):
                rank = _cue_rank(line, match)
                if rank is not None and (best is None or (rank, order) < best[:2]):
                    best = (rank, order, outlet)
        return best[2] if best else None

    # -- date -------------------------------------------------------------------------

    def _date(self, article: Article) -> None:
        hints = article.hints
        for key in ("published", "html_date"):
            date = parse_iso(hints.get(key))
            if date:
                article.published, article.published_from = date, key
                return
        date = date_from_url(article.url)
        if date:
            article.published, article.published_from = date, "url"
            return
        self._date_from_text(article)

    def _date_from_text(self, article: Article) -> None:
        body = [ln for ln in article.lines if ln.boilerplate is None]
        aside = [ln for ln in article.lines if ln.boilerplate in _DATE_LINES]
        crawled = parse_iso(article.hints.get("crawled"))
        # a publication stamp near the top ("29 Nov, 2024 17:42", "Publié le 08/01/2018") says it all
        for line in article.lines[:STAMP_LINES]:
            for found in find_dates(line.text, languages=_languages(line, article)):
                stamped = line.boilerplate == "stamp" or is_stamp(line.text, found, article.language)
                if stamped and (crawled is None or found.date <= crawled):
                    article.published, article.published_from = found.date, "stamp"
                    return
                break  # only a line's first date is its publication date
        anchor = None
        for group in (body, aside):
            found = [
                (d.date, line)
                for line in group
                for d in find_dates(line.text, languages=_languages(line, article))
                if crawled is None or d.date <= crawled
            ]
            if found:
                anchor = max(found, key=lambda pair: pair[0])
                break
        if anchor is None:
            return
        date, line = anchor
        body_text = "\n".join(ln.text for ln in body)
        cue = weekday_cue(body_text, article.language)
        if cue:
            article.published = next_weekday(date, cue[0])
            article.published_from = f"{date.isoformat()} + {cue[1]!r}"
        elif line.boilerplate in _DATE_LINES or line in body[:3]:
            article.published, article.published_from = date, "dateline"


def _languages(line: Line, article: Article) -> list[str] | None:
    codes = [c for c in dict.fromkeys((line.language, article.language)) if c]
    return codes or None


_COPYRIGHT = re.compile(r"(?:^|\s)(?:©|\(c\)|copyright)\s*(?:\d{4})?", re.I)
_RIGHTS = re.compile(r"droits réservés|rights reserved|права защищены|الحقوق محفوظة|derechos reservados", re.I)


def _cue_rank(line: Line, match: re.Match[str]) -> int | None:
    """How surely this mention names the publisher (lower is surer), or None if it doesn't."""
    text = line.text
    before = text[: match.start()]
    after = text[match.end() :]
    if _SOURCE_LINE.match(text) and len(text) < 80:
        return 0
    # the site's own copyright footer: "© 2017 Al-Manar TV – Tous droits réservés"
    if _COPYRIGHT.search(text) and (_RIGHTS.search(text) or re.search(r"\d{4}", text)) and len(text) < 120:
        return 1
    # agency dateline: "Homs-SANA/...", "Damas (SANA) -", "MOSCOU, 3 mars (Sputnik) -", "AA - Ankara -"
    if match.start() < 40 and re.search(r"(?:^|[\w.)])\s*[-–(/]\s*$", before) and re.match(
        r"\s*\)?\s*[/\-–—:]", after
    ):
        return 2
    if not before.strip() and re.match(r"\s*[-–—/]\s*[A-ZÀ-Ý]", after) and len(text) < 60:
        return 2
    # credit closing a headline or caption: "... — RT World News", "... - Sputnik Afrique"
    if re.search(r"[-–—|]\s*$", before) and not after.strip(" .)"):
        return 3
    # the outlet promoting its own channels
    if line.boilerplate == "follow" or (_PROMO.search(before[-40:]) and len(before) < 60):
        return 4
    if "©" in before[-5:] and line.boilerplate is not None:
        return 5
    return None
