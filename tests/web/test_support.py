"""The browser test's policy when no browser is installed: skip locally, fail in CI."""

from __future__ import annotations

import pytest
from web_support import browser_unavailable


def test_missing_browser_skips_on_a_developer_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        browser_unavailable("no chromium")


def test_missing_browser_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must run in CI"):
        browser_unavailable("no chromium")
