"""Plain data of the domain: how an extracted page's byline reads."""

from __future__ import annotations

from newsloom.domain.models import Extracted


def test_authors_read_as_a_byline() -> None:
    names = ("Jonas Feld", "Ada Brennan", "Ola Sand")
    assert Extracted(authors=names).author == "Jonas Feld, Ada Brennan and Ola Sand"
    assert Extracted(authors=names[:2]).author == "Jonas Feld and Ada Brennan"
    assert Extracted(authors=names[:1]).author == "Jonas Feld"
    assert Extracted().author is None


def test_the_page_s_own_byline_is_kept_as_written() -> None:
    names = ("Jonas Feld", "Ada Brennan")
    assert Extracted(authors=names, byline="Jonas Feld & Ada Brennan").author == (
        "Jonas Feld & Ada Brennan"
    )
