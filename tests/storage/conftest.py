"""A store on a fresh database of each backend, for the storage tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsloom.storage.store import Store


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    s = Store.open(database_url)
    yield s
    s.close()
