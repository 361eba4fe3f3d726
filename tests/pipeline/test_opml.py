"""OPML import and export: nested folders, duplicates, entity declarations refused, round trip."""

from __future__ import annotations

import pytest

from newsloom.errors import InvalidInput
from newsloom.pipeline.opml import OpmlFeed, parse_opml, render_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My reading</title></head>
  <body>
    <outline text="News">
      <outline text="Tide &amp; Time" type="rss" xmlUrl="https://tide.example/rss"
               htmlUrl="https://tide.example/"/>
      <outline text="Deep folder">
        <outline title="Deeper Gazette" text="ignored when title is set"
                 xmlUrl="https://deep.example/feed"/>
      </outline>
    </outline>
    <outline text="Tide again" xmlUrl="https://tide.example/rss"/>
    <outline text="Not http" xmlUrl="ftp://files.example/feed"/>
    <outline text="A folder with no feed"/>
    <outline text="  Spaced name  " xmlurl=" https://spaced.example/f "/>
    <outline xmlUrl="https://untitled.example/f"/>
  </body>
</opml>"""


def test_nested_outlines_are_all_read_in_order() -> None:
    assert parse_opml(NESTED) == [
        OpmlFeed("https://tide.example/rss", "Tide & Time", "https://tide.example/"),
        OpmlFeed("https://deep.example/feed", "Deeper Gazette", None),
        OpmlFeed("https://spaced.example/f", "Spaced name", None),
        OpmlFeed("https://untitled.example/f", None, None),
    ]


def test_duplicate_feed_urls_are_kept_once() -> None:
    urls = [f.feed_url for f in parse_opml(NESTED)]
    assert urls.count("https://tide.example/rss") == 1


def test_empty_body_gives_no_feeds() -> None:
    assert parse_opml(b'<opml version="2.0"><head/><body/></opml>') == []


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY lol "lol">]>'
        b'<opml><body><outline text="&lol;" xmlUrl="https://a.example/f"/></body></opml>',
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
        b'<opml><body><outline text="&ext;" xmlUrl="https://a.example/f"/></body></opml>',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE opml [<!ENTITY a "aaaa">]>'
        '<opml><body><outline text="&a;" xmlUrl="https://a.example/f"/></body></opml>'
        .encode("utf-16"),
    ],
)
def test_entity_declarations_are_refused(body: bytes) -> None:
    with pytest.raises(InvalidInput, match="declares XML entities"):
        parse_opml(body)


def test_utf16_opml_without_entities_is_read() -> None:
    body = ('<?xml version="1.0" encoding="UTF-16"?><opml><body>'
            '<outline text="Zürich Zeitung" xmlUrl="https://zz.example/f"/></body></opml>')
    assert parse_opml(body.encode("utf-16")) == [
        OpmlFeed("https://zz.example/f", "Zürich Zeitung")
    ]


def test_not_xml_is_refused_in_plain_words() -> None:
    with pytest.raises(InvalidInput, match="not a readable OPML file"):
        parse_opml(b"feeds: https://a.example/f")
    with pytest.raises(InvalidInput, match="not a readable OPML file"):
        parse_opml(b'<opml><body><outline xmlUrl="https://a.example/f"/>')


def test_other_xml_is_not_opml() -> None:
    with pytest.raises(InvalidInput, match="root element is not <opml>"):
        parse_opml(b'<rss version="2.0"><channel/></rss>')


def test_render_then_parse_round_trip_with_special_characters() -> None:
    feeds = [
        OpmlFeed("https://a.example/rss?x=1&y=2", 'Tom & Jerry\'s "Daily" <News>',
                 "https://a.example/?a=1&b=2"),
        OpmlFeed("https://b.example/feed.json", "Ça & là", None),
        OpmlFeed("https://c.example/atom.xml", "Plain", "https://c.example/"),
    ]
    text = render_opml(feeds, title="Mine & yours <3")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<title>Mine &amp; yours &lt;3</title>" in text
    assert parse_opml(text.encode("utf-8")) == feeds


def test_render_without_title_uses_the_url_as_text() -> None:
    text = render_opml([OpmlFeed("https://b.example/f")])
    assert 'text="https://b.example/f"' in text
    assert [f.feed_url for f in parse_opml(text.encode())] == ["https://b.example/f"]


def test_render_of_nothing_is_a_valid_empty_opml() -> None:
    assert parse_opml(render_opml([]).encode()) == []


def test_site_urls_that_are_not_http_are_dropped_and_titles_flattened() -> None:
    body = b"""<opml version="2.0"><body>
      <outline text="Tide
          Times" xmlUrl="https://tide.example/rss" htmlUrl="javascript:alert(1)"/>
      <outline text="Quay" xmlUrl="https://quay.example/rss" htmlUrl=" https://quay.example/ "/>
    </body></opml>"""
    assert parse_opml(body) == [
        OpmlFeed("https://tide.example/rss", "Tide Times", None),
        OpmlFeed("https://quay.example/rss", "Quay", "https://quay.example/"),
    ]
