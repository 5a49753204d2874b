"""Every CLI command and every setting is documented (sqlite-utils' test_commands_are_documented)."""

from pathlib import Path

import pytest

from veille.cli import cli
from veille.pipeline import STAGES
from veille.settings import describe

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_commands_are_documented(command):
    assert f"## `veille {command}`" in CLI_DOC
    assert "Example:" in (cli.commands[command].help or "")


@pytest.mark.parametrize("name", [name for name, _d, _h in describe()])
def test_settings_are_documented(name):
    assert f"| `{name}` |" in CLI_DOC


@pytest.mark.parametrize("stage", ["ingest", *(s.name for s in STAGES), "store"])
def test_architecture_has_a_paragraph_per_stage(stage):
    assert f"**{stage}**" in (ROOT / "docs" / "architecture.md").read_text()


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = "bash scripts/test.sh"
    assert command in readme and command in ci
    script = (ROOT / "scripts" / "test.sh").read_text()
    assert ".venv/bin/python -m pytest" in script
