"""language: the language of each line and of the article.

Each line of a few words gets its own language (the clean stage removes lines
in another language than the article's). The article's language is the one
that covers most characters among those lines, so an English caption inside a
French article does not change it.
"""

from __future__ import annotations

from collections import Counter

from ..errors import Rejected
from ..langid import LanguageIdentifier
from ..model import Article
from ..textnorm import letter_words

#: Lines shorter than this are not identified on their own: too few words to tell.
MIN_LINE_WORDS = 3


class Language:
    name = "language"

    def __init__(self, identifier: LanguageIdentifier):
        self.identifier = identifier

    def __call__(self, article: Article) -> Article:
        weights: Counter[str] = Counter()
        for line in article.lines:
            if len(letter_words(line.text)) < MIN_LINE_WORDS:
                continue
            code, confidence = self.identifier.identify(line.text)
            line.language = code
            if code and confidence >= 0.5:
                weights[code] += len(line.text)
        if weights:
            code, weight = weights.most_common(1)[0]
            article.language = code
            article.language_confidence = round(weight / sum(weights.values()), 3)
        else:
            code, confidence = self.identifier.identify(article.raw_text)
            if code is None:
                raise Rejected(
                    "language: none could be identified (no letters, or too little text); "
                    f"candidates were {', '.join(self.identifier.codes)}"
                )
            article.language, article.language_confidence = code, round(confidence, 3)
        return article
