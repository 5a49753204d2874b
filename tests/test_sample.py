"""The bundled sample, as the README's main command runs it."""

import pytest
from click.testing import CliRunner

from veille.cli import cli
from veille.store import open_store

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_readme_main_job_on_the_sample(tmp_path):
    db = str(tmp_path / "veille.db")
    result = CliRunner().invoke(cli, ["run", str(ROOT / "sample"), "--db", db])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        records = list(store.records())
    assert records, "the sample is empty"
    for record in records:
        rejected = record["rejected"]
        assert rejected is None, (record["doc"], rejected)
        assert record["text"], record["doc"]
        # French is coded; other languages are cleaned, attributed and marked not coded yet
        assert record["events_coded"] is (record["language"] == "fr"), record["doc"]
