"""Plain data of the domain: how an extracted page's byline reads, and the key a hashtag is
stored and looked up by."""

from __future__ import annotations

import pytest

from newsloom.domain.models import Extracted, HashtagKind, hashtag_key


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


@pytest.mark.parametrize(
    ("tags", "kind"),
    [
        (("Flood", "Floods", "FLOODS"), HashtagKind.TOPIC),
        (("City", "Cities"), HashtagKind.TOPIC),
        (("Casualty", "Casualties"), HashtagKind.TOPIC),
        (("Movie", "Movies"), HashtagKind.TOPIC),
        (("Tax", "Taxes"), HashtagKind.TOPIC),
        (("InterestRate", "InterestRates"), HashtagKind.TOPIC),
    ],
)
def test_a_topic_and_its_plural_share_one_key(tags: tuple[str, ...], kind: HashtagKind) -> None:
    assert len({hashtag_key(t, kind) for t in tags}) == 1


def test_names_and_words_ending_in_s_keep_their_key() -> None:
    assert hashtag_key("Williams", HashtagKind.ORG) != hashtag_key("William", HashtagKind.PERSON)
    assert hashtag_key("Congress") == "congress"
    assert hashtag_key("Virus") == "virus"
    assert hashtag_key("Series") == "series"
