"""The shipped list of real outlets (data/default_sources.json): well-formed, no network."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import pytest

FIELDS = {"name", "feed_url", "site_url", "language", "region"}


@pytest.fixture(scope="module")
def sources() -> list[dict[str, Any]]:
    text = resources.files("newsloom.data").joinpath("default_sources.json").read_text("utf-8")
    data = json.loads(text)
    assert isinstance(data, list)
    return data


def test_enough_entries_with_every_field(sources: list[dict[str, Any]]) -> None:
    assert len(sources) >= 25
    for entry in sources:
        assert set(entry) == FIELDS, entry
        assert all(isinstance(entry[f], str) and entry[f].strip() for f in FIELDS), entry


def test_urls_are_valid_and_unique(sources: list[dict[str, Any]]) -> None:
    feeds = [e["feed_url"] for e in sources]
    assert len(set(feeds)) == len(feeds)
    assert len({e["name"] for e in sources}) == len(sources)
    for entry in sources:
        for key in ("feed_url", "site_url"):
            parts = urlsplit(entry[key])
            assert parts.scheme in {"http", "https"} and "." in parts.netloc, entry[key]
            assert " " not in entry[key]


def test_several_languages_and_regions(sources: list[dict[str, Any]]) -> None:
    languages = {e["language"] for e in sources}
    regions = {e["region"] for e in sources}
    assert len(languages) >= 5 and "en" in languages
    assert len(regions) >= 5
    assert all(len(lang) == 2 and lang.islower() for lang in languages)
