"""nlp: the spaCy analysis of the cleaned text, one model per language.

Each language with a model in ``Settings.models`` is parsed by that model,
loaded once, batched through ``nlp.pipe``. An article in another language has
been cleaned, dated and given its outlet by the earlier stages; it goes on with
no parse: the later stages find its actors and places by name and its quoted
words, and mark its events as not coded yet (``events_coded: false``).

Two things make the parse of crawled news usable: typographic apostrophes are
straightened before spaCy sees the text (they break French tokenisation; the
replacement keeps every offset), and every line break starts a sentence, so a
headline without a full stop does not merge into the paragraph below it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping

import numpy
import spacy
from spacy.attrs import IDX
from spacy.language import Language as SpacyLanguage

from ..errors import ConfigError
from ..model import Article
from ..textnorm import straighten


#: A line that starts like this continues the sentence of the line above.
_CONTINUES = re.compile(r"[ \t]*(?:[,;)\]]|[a-zà-ÿ])")


@SpacyLanguage.component("veille_line_breaks")
def _line_breaks(doc):
    """Start a sentence after every newline (before the parser, which respects it)."""
    text = doc.text
    if "\n" not in text:
        return doc
    starts = doc.to_array([IDX])
    for newline in re.finditer(r"\n+", text):
        if _CONTINUES.match(text, newline.end()):
            continue  # ", a souligné ..." on its own line goes on the sentence above
        i = int(numpy.searchsorted(starts, newline.end()))
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


class NLP:
    name = "nlp"

    def __init__(self, models: Mapping[str, str], *, n_process: int = 1):
        self.model_names = dict(models)
        self.n_process = n_process
        self._loaded: dict[str, spacy.language.Language] = {}

    def model(self, language: str) -> spacy.language.Language:
        """The spaCy pipeline for ``language``, loaded on first use and kept."""
        if language not in self._loaded:
            name = self.model_names[language]
            try:
                nlp = spacy.load(name)
            except OSError as e:
                raise ConfigError(
                    f"spaCy model {name!r} for {language!r} is not installed "
                    f"(pip install {name.replace('_', '-')}): {e}"
                ) from None
            before = "parser" if "parser" in nlp.pipe_names else None
            if before:
                nlp.add_pipe("veille_line_breaks", before=before)
            self._loaded[language] = nlp
        return self._loaded[language]

    def accepts(self, article: Article) -> None:
        """Every article passes: one in a language without a model keeps ``doc`` None
        and goes on, so its actors, places and quotes are still read by name."""

    def parses(self, article: Article) -> bool:
        return article.language in self.model_names

    def __call__(self, article: Article) -> Article:
        if self.parses(article):
            article.doc = self.model(article.language)(straighten(article.text))
        return article

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[Article]:
        """Parse many articles (all ``accepts``-ed by the runner), batched per language.

        The context passed through ``nlp.pipe`` is the article's position, not the
        article: with ``n_process > 1`` contexts are pickled to the workers and back.
        """
        by_language: dict[str, list[Article]] = {}
        for article in articles:
            if not self.parses(article):
                yield article  # no model for its language: not parsed, not rejected
                continue
            by_language.setdefault(article.language, []).append(article)
        for language, group in by_language.items():
            nlp = self.model(language)
            pairs = ((straighten(a.text), i) for i, a in enumerate(group))
            if self.n_process > 1:
                # spaCy hands each worker whole batches: split the group so every worker gets some
                batch_size = max(1, min(batch_size, math.ceil(len(group) / (2 * self.n_process))))
            for doc, i in nlp.pipe(
                pairs, as_tuples=True, batch_size=batch_size, n_process=self.n_process
            ):
                group[i].doc = doc
                yield group[i]
