"""URL rules: the canonical form two links to one article share, slugs, and the http(s) check."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsloom.domain.urls import canonicalize, host_of, is_http_url, slugify


@pytest.mark.parametrize(
    "tracking",
    [
        "utm_source=newsletter",
        "utm_medium=email",
        "utm_campaign=spring",
        "UTM_Content=banner",
        "fbclid=IwAR0abc",
        "gclid=EAIaIQ",
        "msclkid=77",
        "mc_eid=abc",
        "igshid=xyz",
        "ref=homepage",
    ],
)
def test_tracking_parameters_are_removed(tracking: str) -> None:
    assert canonicalize(f"https://example.org/story?{tracking}") == "https://example.org/story"


def test_other_parameters_are_kept_and_sorted() -> None:
    url = "https://example.org/story?page=2&utm_source=x&id=41&fbclid=y&lang=en"
    assert canonicalize(url) == "https://example.org/story?id=41&lang=en&page=2"


def test_links_differing_only_by_tracking_and_parameter_order_agree() -> None:
    a = canonicalize("https://example.org/a?b=2&a=1&utm_medium=social")
    b = canonicalize("https://example.org/a?a=1&gclid=zz&b=2#comments")
    assert a == b == "https://example.org/a?a=1&b=2"


def test_a_parameter_merely_containing_a_tracking_name_is_kept() -> None:
    assert canonicalize("https://example.org/a?reference=7") == "https://example.org/a?reference=7"


def test_blank_parameter_values_are_kept() -> None:
    assert canonicalize("https://example.org/s?q=&x=1") == "https://example.org/s?q=&x=1"


def test_fragment_is_dropped() -> None:
    assert canonicalize("https://example.org/a/b#section-3") == "https://example.org/a/b"


def test_scheme_and_host_are_lower_cased_but_path_is_not() -> None:
    assert canonicalize("HTTPS://News.Example.ORG/World/Item") == "https://news.example.org/World/Item"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org:443/a", "https://example.org/a"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("https://example.org:80/a", "https://example.org:80/a"),
    ],
)
def test_default_port_is_dropped_other_ports_kept(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


def test_empty_path_becomes_slash_and_double_slashes_collapse() -> None:
    assert canonicalize("https://example.org") == "https://example.org/"
    assert canonicalize("https://example.org//a//b") == "https://example.org/a/b"


def test_user_info_is_dropped() -> None:
    assert canonicalize("https://reader:secret@example.org/a") == "https://example.org/a"


def test_ipv6_host_keeps_its_brackets() -> None:
    assert canonicalize("http://[::1]:8080/feed.xml") == "http://[::1]:8080/feed.xml"
    assert canonicalize("https://[2001:DB8::1]/a") == "https://[2001:db8::1]/a"


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("/world/item-7?utm_source=rss", "https://example.org/world/item-7"),
        ("item-8.html#top", "https://example.org/news/item-8.html"),
        ("../sport/match.html", "https://example.org/sport/match.html"),
        ("//cdn.example.net/x?b=1&a=2", "https://cdn.example.net/x?a=2&b=1"),
        ("https://other.example.com/abs", "https://other.example.com/abs"),
    ],
)
def test_relative_url_is_resolved_against_base(relative: str, expected: str) -> None:
    assert canonicalize(relative, base="https://example.org/news/index.html") == expected


def test_host_of() -> None:
    assert host_of("https://WWW.Example.org:8443/a") == "www.example.org"
    assert host_of("not a url") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ça va, Zürich!", "ca-va-zurich"),
        ("Élection à Montréal : résultats", "election-a-montreal-resultats"),
        ("Harbour talks -- day 3 (live)", "harbour-talks-day-3-live"),
        ("  Leading and trailing  ", "leading-and-trailing"),
        ("It's 50% off?!", "it-s-50-off"),
        ("Straße in Ærø", "strasse-in-aero"),
        ("Łódź", "lodz"),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_slugify_of_nothing_usable_is_item() -> None:
    assert slugify("") == "item"
    assert slugify("!!! ???") == "item"
    assert slugify("東京") == "item"


def test_slugify_respects_length_without_trailing_hyphen() -> None:
    slug = slugify("word " * 40, max_length=12)
    assert len(slug) <= 12
    assert slug == "word-word-wo"
    assert not slugify("abcde fghij", max_length=6).endswith("-")
    assert len(slugify("x" * 200)) == 80


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("http://example.org/feed", True),
        ("https://example.org", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("ftp://example.org/feed", False),
        ("javascript:alert(1)", False),
        ("mailto:desk@example.org", False),
        ("/relative/path", False),
        ("http://", False),
        ("example.org/feed", False),
        ("", False),
        ("http://example.org:99999/feed", False),
        ("http://example.org:port/feed", False),
        ("http://[not-closed/feed", False),
    ],
)
def test_is_http_url(url: str, ok: bool) -> None:
    assert is_http_url(url) is ok


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.org/caf\u00e9/menu", "https://example.org/caf%C3%A9/menu"),
        ("https://example.org/a b", "https://example.org/a%20b"),
    ],
)
def test_unescaped_and_escaped_paths_agree(a: str, b: str) -> None:
    assert canonicalize(a) == canonicalize(b) == b


_PIECE = st.text(alphabet=list("abcXYZ09-._~%/?&=#+ \u00e9;:@"), max_size=12)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["http", "https", "HTTPS"]),
    st.sampled_from(["Example.org", "example.org:80", "example.org:443", "example.org:8080",
                     "[::1]", "news.example.co.uk."]),
    _PIECE, _PIECE, _PIECE,
)
def test_canonical_form_is_stable(scheme: str, host: str, path: str, query: str,
                                  fragment: str) -> None:
    once = canonicalize(f"{scheme}://{host}/{path}?{query}#{fragment}")
    assert canonicalize(once) == once
    assert is_http_url(once)
    assert "#" not in once


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_slugs_are_always_safe(text: str) -> None:
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
    assert len(slug) <= 80
