"""Shared fixtures: the services the stages need, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.langid import LanguageIdentifier
from veille.model import Article
from veille.outlets import OutletRegistry
from veille.settings import DEFAULT_LANGUAGES
from veille.stages.clean import Clean
from veille.stages.extract import Extract
from veille.stages.language import Language
from veille.stages.metadata import Metadata

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier(DEFAULT_LANGUAGES)


@pytest.fixture(scope="session")
def outlets() -> OutletRegistry:
    import os
    return OutletRegistry.load(os.environ.get("VEILLE_TEST_OUTLETS"))


@pytest.fixture(scope="session")
def prepare(identifier, outlets):
    """Run extract → language → clean → metadata on a text, as the pipeline does."""
    stages = [Extract(), Language(identifier), Clean(outlets=outlets), Metadata(outlets=outlets)]

    def run(text: str, *, format: str = "text", url: str | None = None, **hints) -> Article:
        article = Article(id="t", name="test.txt", raw=text, format=format, url=url, hints=hints)
        for stage in stages:
            stage(article)
        return article

    return run


def shared_path(*parts: str) -> Path:
    """A path in ../shared (the seeds and gold), skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not there (../shared sits beside the clone in CI)")
    return path


@pytest.fixture(scope="session")
def french():
    """The French spaCy model as the nlp stage runs it: ``french(text) -> Doc``."""
    from veille.stages.nlp import NLP
    from veille.textnorm import straighten

    model = NLP({"fr": "fr_core_news_md"}).model("fr")
    return lambda text: model(straighten(text))
