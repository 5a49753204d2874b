"""clean: keep the article body, set aside every line of page furniture.

Crawled text keeps what the page wrapped around the article: share and follow
prompts, teasers of other articles, captions of unrelated photos, credits,
comment widgets, strings of the page's interface in another script. This stage
decides line by line, with general cues only:

1. the line alone: its script or language against the article's, per-language
   patterns of widgets (``resources/boilerplate.toml``), editor initials, the
   shape of navigation (``A | B | C``, ``Accueil > Monde``), a credit (``©``),
   a line of one or two words;
2. the line in its place: the headline is the first line shaped as one, and
   short lines above it are the page's header; a caption (a credit, a photo
   marker, a trailing ``- Outlet``) stays only if it is a sentence in the
   article's language that shares its words with the body; headlines after a
   "read also" marker or right after a removed caption are teasers of other
   articles; short non-sentences after the last paragraph are the page's footer.

Removed lines are kept: on ``article.boilerplate`` and, with the rule that
removed each, on ``article.lines``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from ..dates import find_dates
from ..errors import Rejected
from ..langid import script_of
from ..model import Article, Line
from ..outlets import OutletRegistry
from ..textnorm import (
    content_words,
    ends_sentence,
    is_headline,
    letter_words,
    overlap,
    straighten,
    words,
)

_INITIALS = re.compile(r"^(?:[A-ZÀ-Ý]{1,3}\.){1,4}(?:\s*[/,\-–]\s*(?:[A-ZÀ-Ý]{1,3}\.){1,4})*$")
_NAV_SEPARATORS = re.compile(r"\s[|>›»/]\s")
_PHOTO_MARKER = re.compile(
    r"©|\((?:[^()]{0,30}\b(?:photo|photos|file|archives?|illustration|capture|image)\b[^()]{0,20})\)"
    r"|^(?:photo|image|capture)\b|\bphoto (?:afp|reuters|ap|d'archives?)\b"
    r"|архивное фото|фото:|صورة أرشيفية|foto de archivo",
    re.IGNORECASE,
)
_MEDIA_TEASER = re.compile(r"\((?:vid[ée]o|photos?|infographie|direct|live|video)\)\s*$", re.I)
_ELLIPSIS = re.compile(r"(…|\.\.\.)\s*$")
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: A line of at most this many words holding a full date, and no sentence, is a date stamp.
STAMP_WORDS = 5

#: A caption is kept as body when this share of its words also occur in the body.
CAPTION_OVERLAP = 0.25
#: A line in another language is removed only when it has at least this many words.
FOREIGN_MIN_WORDS = 5
#: Lines of at most this many words that do not end a sentence are page furniture.
SHORT_WORDS = 2


@dataclass
class Patterns:
    """Per-language widget patterns, compiled, by category."""

    by_category: dict[str, list[re.Pattern[str]]]

    @classmethod
    def load(cls) -> Patterns:
        text = resources.files("veille.resources").joinpath("boilerplate.toml").read_text("utf-8")
        data = tomllib.loads(text)
        by_category: dict[str, list[re.Pattern[str]]] = {}
        for language, categories in data.items():
            for category, patterns in categories.items():
                compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
                by_category.setdefault(category, []).extend(compiled)
        return cls(by_category)

    def category(self, line: str) -> str | None:
        line = " ".join(straighten(line).split())
        for category, patterns in self.by_category.items():
            if any(p.match(line) for p in patterns):
                return category
        return None


class Clean:
    name = "clean"

    def __init__(self, *, outlets: OutletRegistry, patterns: Patterns | None = None):
        self.outlets = outlets
        self.patterns = patterns or Patterns.load()

    def __call__(self, article: Article) -> Article:
        lines = article.lines
        script = _main_script(lines)
        for line in lines:
            line.boilerplate = self._line_rule(line, article.language, script)
        title_at = self._find_title(lines)
        if title_at is not None:
            article.title = self.outlets.split_credit(lines[title_at].text)[0]
            for line in lines[:title_at]:
                if line.boilerplate is None and len(words(line.text)) < 8:
                    line.boilerplate = "header"
        captions = self._captions(lines, article.language)
        self._teasers(lines, start=(title_at or 0) + 1, captions=captions)
        self._footer(lines)
        body = [line.text for line in lines if line.boilerplate is None]
        if not body:
            raise Rejected("clean: every line looks like page furniture; no article body left")
        article.text = "\n".join(body)
        article.boilerplate = [line.text for line in lines if line.boilerplate is not None]
        return article

    def _line_rule(self, line: Line, language: str | None, script: str | None) -> str | None:
        text = line.text
        n_words = len(words(text))
        line_script = script_of(text)
        if line_script and script and line_script != script and n_words >= 1:
            return "script"
        category = self.patterns.category(text)
        if category:
            return category
        if _INITIALS.match(text):
            return "initials"
        if _is_stamp(text, line.language or language):
            return "stamp"
        if text.startswith(("©", "(c)", "(C)")):
            return "credits"
        if _is_navigation(text):
            return "navigation"
        if (
            line.language
            and language
            and line.language != language
            and len(letter_words(text)) >= FOREIGN_MIN_WORDS
        ):
            return "language"
        if n_words <= SHORT_WORDS and not ends_sentence(text):
            return "short"
        return None

    @staticmethod
    def _find_title(lines: list[Line]) -> int | None:
        """The first line left, when it is shaped as a headline (a question may end one).

        A label of a few words right above a longer headline is the page's section
        name ("Monde", "Arab world news"), not the title."""
        candidates = [i for i, line in enumerate(lines) if line.boilerplate is None][:2]
        shaped = [i for i in candidates if _headline_shaped(lines[i].text)]
        if not shaped or shaped[0] != candidates[0]:
            return None
        first = shaped[0]
        if len(shaped) == 2 and len(words(lines[first].text)) <= 4 < len(words(lines[shaped[1]].text)):
            lines[first].boilerplate = "header"
            return shaped[1]
        return first

    def _is_caption(self, text: str) -> bool:
        if _PHOTO_MARKER.search(text):
            return True
        return self.outlets.split_credit(text)[1] is not None

    def _captions(self, lines: list[Line], language: str | None) -> list[Line]:
        """Decide the captions; returns them all (kept ones included)."""
        candidates = [ln for ln in lines if ln.boilerplate is None and self._is_caption(ln.text)]
        if not candidates:
            return []
        body_words = content_words(
            " ".join(ln.text for ln in lines if ln.boilerplate is None and ln not in candidates)
        )
        for line in candidates:
            sentence_like = len(words(line.text)) >= 6
            same_language = line.language in (None, language)
            if not (sentence_like and same_language and overlap(line.text, body_words) >= CAPTION_OVERLAP):
                line.boilerplate = "caption"
        return candidates

    def _teasers(self, lines: list[Line], *, start: int, captions: list[Line]) -> None:
        in_related = False
        previous: Line | None = None
        for i, line in enumerate(lines):
            if line.boilerplate == "related":
                in_related = True
            elif line.boilerplate is None and line not in captions:
                teaser_shape = is_headline(line.text) or bool(_ELLIPSIS.search(line.text))
                after_caption = previous is not None and previous.boilerplate in (
                    "caption", "credits", "language", "script",
                )  # fmt: skip
                if in_related and (teaser_shape or _headline_shaped(line.text)):
                    line.boilerplate = "teaser"
                elif i >= start and is_headline(line.text) and (
                    after_caption or _MEDIA_TEASER.search(line.text)
                ):
                    line.boilerplate = "teaser"
                else:
                    in_related = False
            previous = line

    @staticmethod
    def _footer(lines: list[Line]) -> None:
        """After the last paragraph of prose, only page furniture remains."""
        last_prose = None
        for i, line in enumerate(lines):
            if line.boilerplate is None and len(words(line.text)) >= 12 and ends_sentence(line.text):
                last_prose = i
        if last_prose is None:
            return
        for line in lines[last_prose + 1 :]:
            if line.boilerplate is None and (
                len(words(line.text)) <= 3 or not ends_sentence(line.text)
            ):
                line.boilerplate = "footer"


def _is_stamp(text: str, language: str | None) -> bool:
    """A dateline or publication stamp: a short line with a full date and no sentence."""
    if not _HAS_YEAR.search(text) or len(letter_words(text)) > STAMP_WORDS or ends_sentence(text):
        return False
    return bool(find_dates(text, languages=[language] if language else None))


def _headline_shaped(text: str) -> bool:
    text = text.rstrip()
    return 3 <= len(words(text)) <= 30 and not text.endswith((".", ":", "…", ";", ","))


def _main_script(lines: list[Line]) -> str | None:
    weights: dict[str, int] = {}
    for line in lines:
        script = script_of(line.text)
        if script:
            weights[script] = weights.get(script, 0) + len(line.text)
    return max(weights, key=weights.__getitem__) if weights else None


def _is_navigation(text: str) -> bool:
    """``Dernières nouvelles | Monde | Sport`` or ``Accueil > Monde``: short segments, no prose."""
    parts = _NAV_SEPARATORS.split(text)
    if len(parts) < 2 or ends_sentence(text):
        return False
    return all(len(words(part)) <= 4 for part in parts)
