"""Learned per-site boilerplate (SiteProfile)."""

from __future__ import annotations

import pytest

from newsloom.errors import ExtractionError
from newsloom.pipeline.extract import SiteProfile, extract

STORIES = [
    (
        "Ferry timetable changes for winter",
        [
            "The island ferry will sail twice a day from November, down from four sailings, the "
            "operator said on Monday after a review of passenger numbers.",
            "Commuters said the later morning sailing would make it hard to reach work on time, "
            "and the council has asked the operator to think again.",
        ],
    ),
    (
        "School fete raises record sum",
        [
            "Pupils and parents at Eastgate primary raised more than four thousand pounds at the "
            "summer fete, a record for the school, which will spend it on library books.",
            "The headteacher thanked the bakers, who sold out of cakes within an hour of opening.",
        ],
    ),
    (
        "Coastal path reopens after storm",
        [
            "The coastal path between Wenlow and Eastgate reopened on Friday after repairs to a "
            "section washed away in the February storm.",
            "Walkers are asked to keep to the marked route while the new fencing settles in.",
        ],
    ),
    (
        "Lifeboat crew rescues two kayakers",
        [
            "Two kayakers were brought ashore by the Wenlow lifeboat on Sunday after they were "
            "caught by the tide near the harbour mouth.",
            "The crew reminded visitors to check tide times before setting out on the water.",
        ],
    ),
]

# Repeats on every page of the site, inside the article container.
PROMO = (
    "Support local journalism: become a member of the Gazette today for less than the price "
    "of a coffee a week, and get our weekend edition delivered to your door."
)
CAROUSEL = "Top stories Swipe. Select. Stay informed with the Gazette app for your phone."


def site_page(title: str, paragraphs: list[str], extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title></head><body><div class='content'><h1>{title}</h1>"
        f"<div>{body}<p>{PROMO}</p><p>{CAROUSEL}</p>{extra}</div></div></body></html>"
    )


def pages() -> list[str]:
    return [site_page(t, ps) for t, ps in STORIES]


def test_without_profile_the_repeated_blocks_are_kept() -> None:
    assert PROMO in extract(pages()[0]).text


def test_learned_profile_removes_repeated_blocks() -> None:
    extracted = [extract(p) for p in pages()]
    profile = SiteProfile.learn(extracted[1:])
    result = extract(pages()[0], profile=profile)
    assert PROMO not in result.text
    assert CAROUSEL not in result.text
    assert result.text == "\n\n".join(STORIES[0][1])


def test_similar_but_different_text_is_kept() -> None:
    profile = SiteProfile.learn([extract(p) for p in pages()[1:]])
    near_copy = PROMO.replace("less than the price", "about the price")
    html = site_page(*STORIES[0]).replace(
        "</div></div></body>", f"<p>{near_copy}</p></div></div></body>"
    )
    result = extract(html, profile=profile)
    assert near_copy in result.text
    assert PROMO not in result.text


def test_text_seen_on_one_page_only_is_not_learned() -> None:
    extracted = [extract(p) for p in pages()]
    profile = SiteProfile.learn(extracted)
    for _, paragraphs in STORIES:
        for p in paragraphs:
            assert not profile.is_boilerplate(p)
    assert profile.is_boilerplate(PROMO)


def test_fingerprints_do_not_depend_on_the_profile() -> None:
    extracted = [extract(p) for p in pages()]
    profile = SiteProfile.learn(extracted)
    assert extract(pages()[0], profile=profile).fingerprints == extracted[0].fingerprints


def test_learn_from_stored_fingerprint_lists_and_json_round_trip() -> None:
    stored = [list(extract(p).fingerprints) for p in pages()]
    profile = SiteProfile.learn(stored)
    again = SiteProfile.from_json(profile.to_json())
    assert again == profile
    assert again.pages == 4
    assert again.is_boilerplate(CAROUSEL)


def test_one_page_learns_nothing() -> None:
    assert SiteProfile.learn([extract(pages()[0])]).boilerplate == frozenset()


@pytest.mark.parametrize("bad", ["", "[]", '{"version": 99}', '{"version": 1, "boilerplate": [1]}'])
def test_bad_profile_json(bad: str) -> None:
    with pytest.raises(ExtractionError, match="site profile"):
        SiteProfile.from_json(bad)
