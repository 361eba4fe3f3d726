"""Adding feeds over real HTTP: feeds of every format, discovery, and bad URLs in plain words."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest

from newsloom.bootstrap import App
from newsloom.demo.site import DemoSite
from newsloom.errors import Conflict, FeedError, FetchError, InvalidInput

pytestmark = pytest.mark.integration


def test_every_demo_feed_format_can_be_added(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    added = [app.sources.add(url) for url in demo_site.feed_urls]
    names = {s.name for s in added}
    assert {o.name for o in demo_site.outlets} <= names | {s.name for s in app.sources.list()}
    assert len(app.sources.list()) == len(demo_site.outlets)


def test_a_home_page_is_followed_to_its_feed(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    outlet = next(o for o in demo_site.outlets if o.discovered)
    source = app.sources.add(outlet.home_url)
    assert source.feed_url == outlet.feed_url
    assert source.name == outlet.name
    with pytest.raises(Conflict):
        app.sources.add(source.feed_url)


def test_unreachable_url_says_so(make_app: Callable[..., App]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="could not connect"):
        make_app().sources.add(f"http://127.0.0.1:{port}/feed.xml")


@pytest.mark.parametrize(
    ("bad", "error", "words"),
    [
        ("not_a_feed", FeedError, "not a feed"),
        ("malformed_feed", FeedError, "feed"),
        ("missing_article", FetchError, "404"),
    ],
)
def test_bad_urls_fail_with_plain_words(
    make_app: Callable[..., App], demo_site: DemoSite, bad: str, error: type[Exception],
    words: str,
) -> None:
    app = make_app()
    with pytest.raises(error, match=words):
        app.sources.add(demo_site.bad_urls[bad])
    assert app.sources.list() == []


def test_not_a_url(make_app: Callable[..., App]) -> None:
    with pytest.raises(InvalidInput, match="http"):
        make_app().sources.add("ftp://example.org/feed")


def test_opml_round_trip(make_app: Callable[..., App], demo_site: DemoSite) -> None:
    first = make_app()
    for url in demo_site.feed_urls:
        first.sources.add(url)
    opml = first.sources.export_opml()
    for source in first.sources.list():
        first.sources.remove(str(source.id))

    report = first.sources.import_opml(opml.encode())

    assert len(report.added) == len(demo_site.outlets)
    again = first.sources.import_opml(opml.encode())
    assert len(again.already_present) == len(demo_site.outlets) and not again.added


def test_default_outlets_are_subscribed_once(make_app: Callable[..., App]) -> None:
    app = make_app()
    first = app.sources.add_defaults()
    second = app.sources.add_defaults()
    assert len(first.added) >= 25
    assert not second.added and len(second.already_present) == len(first.added)
