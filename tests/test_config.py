"""Settings from the environment: parsed, validated with the variable's name, and documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsloom.config import Settings, documented_settings
from newsloom.errors import ConfigError

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_defaults_without_environment() -> None:
    s = Settings.from_env({})
    assert s.database_url == "sqlite:///newsloom.db"
    assert s.port == 8000
    assert s.fetch_timeout == 15.0
    assert s.allow_private_addresses is True
    assert s.is_sqlite


def test_environment_values_are_parsed_to_their_types() -> None:
    s = Settings.from_env(
        {
            "NEWSLOOM_PORT": "8081",
            "NEWSLOOM_FETCH_TIMEOUT": "2.5",
            "NEWSLOOM_MIN_EXTRACTION_SCORE": "0.5",
            "NEWSLOOM_ALLOW_PRIVATE_ADDRESSES": "false",
            "NEWSLOOM_POLL_IN_BACKGROUND": "0",
            "NEWSLOOM_USER_AGENT": "reader-test/1.0",
            "NEWSLOOM_DATABASE_URL": "postgresql+psycopg://news@db.internal/loom",
            "UNRELATED": "ignored",
        }
    )
    assert s.port == 8081 and isinstance(s.port, int)
    assert s.fetch_timeout == 2.5 and isinstance(s.fetch_timeout, float)
    assert s.min_extraction_score == 0.5
    assert s.allow_private_addresses is False
    assert s.poll_in_background is False
    assert s.user_agent == "reader-test/1.0"
    assert not s.is_sqlite


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("TRUE", True), ("yes", True), (" On ", True),
     ("0", False), ("False", False), ("no", False), ("off", False)],
)
def test_boolean_spellings(raw: str, expected: bool) -> None:
    assert Settings.from_env({"NEWSLOOM_POLL_IN_BACKGROUND": raw}).poll_in_background is expected


def test_an_int_setting_accepts_a_float_string_only_for_floats() -> None:
    assert Settings.from_env({"NEWSLOOM_SCHEDULER_TICK": "3"}).scheduler_tick == 3.0
    with pytest.raises(ConfigError, match="NEWSLOOM_PAGE_SIZE"):
        Settings.from_env({"NEWSLOOM_PAGE_SIZE": "2.5"})


@pytest.mark.parametrize(
    ("variable", "raw"),
    [
        ("NEWSLOOM_PORT", "eighty"),
        ("NEWSLOOM_FETCH_TIMEOUT", "soon"),
        ("NEWSLOOM_ALLOW_PRIVATE_ADDRESSES", "maybe"),
        ("NEWSLOOM_POLL_IN_BACKGROUND", ""),
        ("NEWSLOOM_MAX_BODY_BYTES", "8MB"),
    ],
)
def test_unparsable_value_names_the_variable_and_value(variable: str, raw: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({variable: raw})
    assert variable in caught.value.message
    assert repr(raw) in caught.value.message


@pytest.mark.parametrize(
    ("variable", "raw"),
    [
        ("NEWSLOOM_PORT", "0"),
        ("NEWSLOOM_PORT", "70000"),
        ("NEWSLOOM_POLL_INTERVAL", "-60"),
        ("NEWSLOOM_FETCH_TIMEOUT", "0"),
        ("NEWSLOOM_FETCH_TIMEOUT", "nan"),
        ("NEWSLOOM_FETCH_TIMEOUT", "inf"),
        ("NEWSLOOM_SCHEDULER_TICK", "0"),
        ("NEWSLOOM_MAX_REDIRECTS", "-1"),
        ("NEWSLOOM_NAME_MAX_CHARS", "0"),
        ("NEWSLOOM_POLL_LEASE_SECONDS", "-5"),
        ("NEWSLOOM_MIN_EXTRACTION_SCORE", "1.5"),
        ("NEWSLOOM_PER_HOST_CONCURRENCY", "0"),
    ],
)
def test_out_of_range_value_names_the_variable(variable: str, raw: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        Settings.from_env({variable: raw})


def test_zero_redirects_is_allowed() -> None:
    assert Settings.from_env({"NEWSLOOM_MAX_REDIRECTS": "0"}).max_redirects == 0


@pytest.mark.parametrize(
    "url",
    ["mysql://news@db/loom", "sqlitefoo:///x.db", "postgresql-ish://db/x", "sqlite",
     "newsloom.db", ""],
)
def test_unknown_database_scheme_is_rejected(url: str) -> None:
    with pytest.raises(ConfigError, match="NEWSLOOM_DATABASE_URL"):
        Settings.from_env({"NEWSLOOM_DATABASE_URL": url})


@pytest.mark.parametrize(
    "url",
    ["sqlite:///tmp/x.db", "sqlite://", "postgresql://u@h/db", "postgresql+psycopg://u@h/db",
     "postgres://u@h/db"],
)
def test_supported_database_urls_are_accepted(url: str) -> None:
    assert Settings.from_env({"NEWSLOOM_DATABASE_URL": url}).database_url == url


def test_overrides_win_over_environment_and_none_means_unset() -> None:
    env = {"NEWSLOOM_PORT": "9000", "NEWSLOOM_HOST": "0.0.0.0"}
    s = Settings.from_env(env, port=9100, host=None)
    assert s.port == 9100
    assert s.host == "0.0.0.0"


def test_overrides_are_validated_too() -> None:
    with pytest.raises(ConfigError, match="NEWSLOOM_FETCH_TIMEOUT"):
        Settings.from_env({}, fetch_timeout=-1.0)


def test_with_returns_a_changed_copy() -> None:
    s = Settings.from_env({})
    t = s.with_(page_size=5)
    assert (s.page_size, t.page_size) == (30, 5)


def _documented_rows() -> dict[str, tuple[str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*`(NEWSLOOM_[A-Z_]+)`\s*\|\s*`([^`]*)`\s*\|(.+)\|\s*$", line)
        if match:
            rows[match.group(1)] = (match.group(2), match.group(3).strip())
    return rows


def test_every_setting_is_documented_with_its_default() -> None:
    rows = _documented_rows()
    settings = documented_settings()
    assert settings, "documented_settings() lists nothing"
    for variable, default, doc in settings:
        assert doc.strip(), f"{variable} has no documentation line in config.py"
        assert variable in rows, f"{variable} is missing from docs/configuration.md"
        shown, meaning = rows[variable]
        expected = str(default).lower() if isinstance(default, bool) else str(default)
        assert shown == expected, f"{variable}: docs say default {shown!r}, code has {default!r}"
        assert meaning, f"{variable} has no meaning in docs/configuration.md"


def test_docs_list_no_setting_that_does_not_exist() -> None:
    assert set(_documented_rows()) == {name for name, _, _ in documented_settings()}
