import re

import pytest

from veille.errors import ConfigError
from veille.settings import Settings, describe, load_settings


def test_defaults_file_environment_and_overrides_in_that_order(tmp_path):
    config = tmp_path / "veille.toml"
    config.write_text('batch_size = 8\nn_process = 2\ndb = "from-file.db"\n')
    settings = load_settings(config, environ={"VEILLE_BATCH_SIZE": "16"}, db="flag.db")
    assert settings.n_process == 2  # file
    assert settings.batch_size == 16  # environment over file
    assert settings.db == "flag.db"  # override over all
    assert load_settings(config, environ={}, db=None).db == "from-file.db"  # unset flag ignored


def test_a_veille_table_is_read_too(tmp_path):
    config = tmp_path / "x.toml"
    config.write_text('[veille]\nlanguages = ["fr", "en"]\nmodels = {fr = "fr_core_news_md"}\n')
    settings = load_settings(config, environ={})
    assert settings.languages == ("fr", "en")
    assert settings.models == {"fr": "fr_core_news_md"}


@pytest.mark.parametrize(
    "values, message",
    [
        ({"colour": "blue"}, "unknown setting(s) ['colour']; valid settings"),
        ({"on_error": "ignore"}, "on_error must be 'record' or 'raise'"),
        ({"batch_size": "many"}, "invalid number"),
        ({"n_process": 0}, "at least 1"),
        ({"models": "fr"}, "models must look like"),
        ({"languages": "en,de"}, "models given for ['fr']"),
    ],
)
def test_bad_settings_say_what_is_valid(values, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_settings(None, environ={}, **values)


def test_environment_strings_are_parsed():
    settings = load_settings(None, environ={"VEILLE_MODELS": "fr=fr_core_news_md", "VEILLE_LANGUAGES": "fr,en,ar"})
    assert settings.languages == ("fr", "en", "ar")


def test_missing_or_broken_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml", environ={})
    bad = tmp_path / "bad.toml"
    bad.write_text("batch_size = \n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_settings(bad, environ={})


def test_every_setting_has_help():
    names = [name for name, _default, help_text in describe() if help_text]
    assert names == [f for f in Settings.__dataclass_fields__]
