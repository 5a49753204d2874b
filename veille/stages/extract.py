"""extract: the page's text, split into lines.

HTML goes through trafilatura, which drops menus, footers and comment sections
and gives the title and site name; htmldate finds the publication date in the
page's metadata. Plain text is taken as it is. Either way the result is split
into lines (``article.lines``) for the language and clean stages.
"""

from __future__ import annotations

import htmldate
import trafilatura

from ..errors import Rejected
from ..model import Article
from ..textnorm import split_lines


class Extract:
    name = "extract"

    def __call__(self, article: Article) -> Article:
        if article.format == "html":
            self._from_html(article)
        else:
            article.raw_text = article.raw.replace("\r\n", "\n").replace("\r", "\n")
        article.lines = split_lines(article.raw_text)
        if not article.lines:
            raise Rejected("no text: the input holds no readable line")
        return article

    def _from_html(self, article: Article) -> None:
        result = trafilatura.bare_extraction(
            article.raw,
            url=article.url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
        if result is None or not (result.text or "").strip():
            raise Rejected("no article text found in the HTML page (trafilatura extracted nothing)")
        article.raw_text = result.text
        found = {"title": result.title, "sitename": result.sitename}
        date = htmldate.find_date(article.raw, url=article.url, original_date=True)
        if date:
            found["html_date"] = date
        for key, value in found.items():
            if value and key not in article.hints:
                article.hints[key] = value
