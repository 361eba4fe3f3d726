"""Feed parsing: RSS 2.0, Atom and JSON Feed entries as the feed states them; errors in plain
words. Every document here is invented."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsloom.domain.models import Entry, ParsedFeed
from newsloom.errors import FeedError
from newsloom.pipeline.feeds import entry_key, parse_feed

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Quayside Herald</title>
  <link>https://quayside.example/</link>
  <description>News from the   quay</description>
  <language>en-gb</language>
  <item>
    <title>  Ferry   timetable changes  </title>
    <link>https://quayside.example/news/ferry-timetable</link>
    <guid isPermaLink="false">quay-1001</guid>
    <dc:creator>Ada Penhallow</dc:creator>
    <pubDate>Tue, 03 Mar 2026 14:05:00 +0200</pubDate>
    <description>The winter timetable ends early.</description>
    <content:encoded><![CDATA[<p>The winter timetable ends early this year.</p>
      <p>Crossings double from April.</p>]]></content:encoded>
    <media:content url="https://quayside.example/img/ferry.jpg" medium="image" />
  </item>
  <item>
    <title>A notice without any link</title>
    <description>Nothing to follow here.</description>
  </item>
  <item>
    <title>Lighthouse repainted</title>
    <link>https://quayside.example/news/lighthouse</link>
    <enclosure url="https://quayside.example/img/lighthouse.png" type="image/png" length="10"/>
  </item>
</channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Lantern Weekly</title>
  <link href="https://lantern.example/" rel="alternate"/>
  <id>urn:uuid:60a76c80-0000-4000-8000-000000000001</id>
  <updated>2026-03-02T08:00:00Z</updated>
  <entry>
    <title>Night market opens on the square</title>
    <id>tag:lantern.example,2026:42</id>
    <link rel="alternate" href="https://lantern.example/a/night-market"/>
    <link rel="enclosure" type="image/jpeg" href="https://lantern.example/i/market.jpg"/>
    <author><name>Bo Tregarthen</name></author>
    <published>2026-03-01T09:30:00-05:00</published>
    <updated>2026-03-02T00:00:00Z</updated>
    <summary>Stalls and lanterns.</summary>
    <content type="html">&lt;p&gt;Stalls and lanterns fill the square.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Only an update date</title>
    <id>https://lantern.example/a/only-updated</id>
    <updated>2026-03-02T08:00:00Z</updated>
  </entry>
</feed>
"""

JSON_FEED = b"""{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Ledger Daily",
  "home_page_url": "https://ledger.example/",
  "description": "Figures, plainly.",
  "language": "en",
  "items": [
    {"id": "L-1", "url": "https://ledger.example/s/rates-hold", "title": "Rates hold",
     "authors": [{"name": "Cy Mabe"}, {"name": "Di Rowe"}],
     "date_published": "2026-03-04T08:00:00+01:00",
     "summary": "The bank held rates.", "content_html": "<p>The bank held rates again.</p>",
     "image": "https://ledger.example/i/rates.jpg"},
    {"id": "L-2", "title": "An item with no url at all"},
    {"id": 3, "external_url": "https://elsewhere.example/x", "title": "Linked elsewhere",
     "date_published": "2026-03-04T08:00:00"}
  ]
}"""


def _by_url(feed: ParsedFeed) -> dict[str, Entry]:
    return {e.url: e for e in feed.entries}


def test_rss_feed_info() -> None:
    info = parse_feed(RSS, "https://quayside.example/rss.xml").info
    assert info.title == "The Quayside Herald"
    assert info.site_url == "https://quayside.example/"
    assert info.description == "News from the quay"
    assert info.language == "en-gb"


def test_rss_entry_fields() -> None:
    feed = parse_feed(RSS, "https://quayside.example/rss.xml")
    entry = _by_url(feed)["https://quayside.example/news/ferry-timetable"]
    assert entry.guid == "quay-1001"
    assert entry.title == "Ferry timetable changes"
    assert entry.author == "Ada Penhallow"
    assert entry.published == datetime(2026, 3, 3, 12, 5, tzinfo=UTC)
    assert entry.published is not None and entry.published.utcoffset() == timedelta(0)
    assert entry.summary == "The winter timetable ends early."
    assert entry.content_html is not None
    assert "<p>Crossings double from April.</p>" in entry.content_html
    assert entry.image == "https://quayside.example/img/ferry.jpg"


def test_rss_item_without_link_is_skipped_and_order_kept() -> None:
    feed = parse_feed(RSS, "https://quayside.example/rss.xml")
    assert [e.title for e in feed.entries] == ["Ferry timetable changes", "Lighthouse repainted"]


def test_rss_guid_defaults_to_link_and_enclosure_image_is_used() -> None:
    entry = _by_url(parse_feed(RSS, "https://quayside.example/rss.xml"))[
        "https://quayside.example/news/lighthouse"
    ]
    assert entry.guid == "https://quayside.example/news/lighthouse"
    assert entry.image == "https://quayside.example/img/lighthouse.png"
    assert entry.published is None
    assert entry.author is None


def test_atom_entry_fields() -> None:
    feed = parse_feed(ATOM, "https://lantern.example/atom.xml")
    assert feed.info.title == "Lantern Weekly"
    assert feed.info.site_url == "https://lantern.example/"
    entry = _by_url(feed)["https://lantern.example/a/night-market"]
    assert entry.guid == "tag:lantern.example,2026:42"
    assert entry.title == "Night market opens on the square"
    assert entry.author == "Bo Tregarthen"
    assert entry.published == datetime(2026, 3, 1, 14, 30, tzinfo=UTC)
    assert entry.summary == "Stalls and lanterns."
    assert entry.content_html == "<p>Stalls and lanterns fill the square.</p>"
    assert entry.image == "https://lantern.example/i/market.jpg"


def test_atom_entry_link_from_id_and_date_from_updated() -> None:
    entry = _by_url(parse_feed(ATOM, "https://lantern.example/atom.xml"))[
        "https://lantern.example/a/only-updated"
    ]
    assert entry.published == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert entry.content_html is None


def test_json_feed_entry_fields() -> None:
    feed = parse_feed(JSON_FEED, "https://ledger.example/feed.json")
    assert feed.info.title == "Ledger Daily"
    assert feed.info.site_url == "https://ledger.example/"
    assert feed.info.description == "Figures, plainly."
    assert feed.info.language == "en"
    entry = _by_url(feed)["https://ledger.example/s/rates-hold"]
    assert entry.guid == "L-1"
    assert entry.title == "Rates hold"
    assert entry.author == "Cy Mabe, Di Rowe"
    assert entry.published == datetime(2026, 3, 4, 7, 0, tzinfo=UTC)
    assert entry.published is not None and entry.published.utcoffset() == timedelta(0)
    assert entry.summary == "The bank held rates."
    assert entry.content_html == "<p>The bank held rates again.</p>"
    assert entry.image == "https://ledger.example/i/rates.jpg"


def test_json_feed_skips_items_without_url_and_uses_external_url() -> None:
    feed = parse_feed(JSON_FEED, "https://ledger.example/feed.json")
    assert [e.url for e in feed.entries] == [
        "https://ledger.example/s/rates-hold", "https://elsewhere.example/x"
    ]
    other = feed.entries[1]
    assert other.guid == "3"
    assert other.published == datetime(2026, 3, 4, 8, 0, tzinfo=UTC)


def test_json_feed_version_1_and_byte_order_mark() -> None:
    body = (b'\xef\xbb\xbf{"version": "https://jsonfeed.org/version/1", "title": "Old Style",'
            b' "items": [{"id": "a", "url": "https://old.example/a", "author": {"name": "Ed"}}]}')
    feed = parse_feed(body, "https://old.example/feed.json")
    assert feed.info.title == "Old Style"
    assert [(e.url, e.author) for e in feed.entries] == [("https://old.example/a", "Ed")]


def test_json_feed_with_unreadable_values_keeps_what_it_can() -> None:
    body = (b'{"version": "https://jsonfeed.org/version/1.1", "items": ['
            b'{"url": "https://x.example/1", "date_published": "yesterday",'
            b' "image": "javascript:alert(1)"}, "not an object"]}')
    (entry,) = parse_feed(body, "https://x.example/feed.json").entries
    assert entry.published is None
    assert entry.image is None
    assert entry.guid == "https://x.example/1"


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Wire</title>'
        b"<link>https://quiet.example/</link><description>Nothing yet</description>"
        b"</channel></rss>",
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet Wire'
        b"</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated></feed>",
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "Quiet Wire", "items": []}',
    ],
)
def test_feed_with_zero_items_parses(body: bytes) -> None:
    feed = parse_feed(body, "https://quiet.example/feed")
    assert feed.info.title == "Quiet Wire"
    assert feed.entries == ()


def test_rss_1_0_is_read() -> None:
    body = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://rdf.example/"><title>Old Format Gazette</title></channel>
<item rdf:about="https://rdf.example/r1"><title>Rdf item</title><link>https://rdf.example/r1</link>
</item></rdf:RDF>"""
    feed = parse_feed(body, "https://rdf.example/index.rdf")
    assert [e.url for e in feed.entries] == ["https://rdf.example/r1"]


def test_relative_item_link_is_resolved_against_the_feed() -> None:
    body = (b'<rss version="2.0"><channel><title>T</title><item><title>Rel</title>'
            b"<link>/news/relative-item</link></item></channel></rss>")
    (entry,) = parse_feed(body, "https://rel.example/feeds/main.xml").entries
    assert entry.url == "https://rel.example/news/relative-item"


def test_items_with_non_http_links_are_skipped() -> None:
    body = (b'<rss version="2.0"><channel><title>T</title>'
            b"<item><title>Mail</title><link>mailto:desk@x.example</link></item>"
            b"<item><title>Bad port</title><link>http://x.example:99999/a</link></item>"
            b"<item><title>Good</title><link>https://x.example/good</link></item>"
            b"</channel></rss>")
    feed = parse_feed(body, "https://x.example/rss")
    assert [e.title for e in feed.entries] == ["Good"]


def test_truncated_feed_is_a_malformed_feed_in_plain_words() -> None:
    truncated = RSS[: RSS.index(b"<content:encoded>")]
    with pytest.raises(FeedError) as caught:
        parse_feed(truncated, "https://quayside.example/rss.xml")
    message = caught.value.message
    assert "https://quayside.example/rss.xml is a malformed feed" in message
    assert "ends before its last element" in message
    assert "Traceback" not in message and "\n" not in message
    assert caught.value.detail == {"url": "https://quayside.example/rss.xml"}


def test_truncated_atom_is_malformed() -> None:
    with pytest.raises(FeedError, match="malformed feed"):
        parse_feed(ATOM[:-200], "https://lantern.example/atom.xml")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<!DOCTYPE html><html><head><title>Garden Centre</title></head>"
         b"<body><p>Bulbs and compost.</p></body></html>", "text/html; charset=utf-8"),
        (b"<!DOCTYPE html><html><head><title>Garden Centre</title></head>"
         b"<body><p>Bulbs and compost, open daily", None),
        (b"<html><body><p>Server error page</p></body></html>", "application/json"),
        (b"Just some plain words, nothing else.", "text/plain"),
        (b"", None),
        (b'<?xml version="1.0"?><note><to>Tove</to><body>Hi</body></note>', "application/xml"),
    ],
)
def test_a_page_that_is_not_a_feed_says_so(body: bytes, content_type: str | None) -> None:
    with pytest.raises(FeedError, match=r"^https://garden\.example/ is not a feed"):
        parse_feed(body, "https://garden.example/", content_type)


@pytest.mark.parametrize(
    "body",
    [b'{"title": "Some API", "data": [1, 2]}',
     b'{"version": "https://example.org/version/1.1", "items": []}',
     b'{"version": 2, "items": []}'],
)
def test_json_that_is_not_a_json_feed(body: bytes) -> None:
    with pytest.raises(FeedError, match="is JSON but not a JSON Feed"):
        parse_feed(body, "https://api.example/v1", "application/json")


def test_broken_json_is_a_malformed_json_feed() -> None:
    with pytest.raises(FeedError, match="malformed JSON feed"):
        parse_feed(JSON_FEED[:120], "https://ledger.example/feed.json")


def test_entry_key_is_stable_and_distinct() -> None:
    a = Entry(guid="g-1", url="https://x.example/a")
    b = Entry(guid="g-2", url="https://x.example/a")
    assert entry_key("https://x.example/rss", a) == entry_key("https://x.example/rss", a)
    assert entry_key("https://x.example/rss", a) != entry_key("https://x.example/rss", b)
    assert entry_key("https://x.example/rss", a) != entry_key("https://y.example/rss", a)
    assert len(entry_key("https://x.example/rss", a)) == 32


def _one_item(inner: str, feed_url: str = "https://t.example/feeds/rss") -> Entry:
    body = ('<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>'
            f"<title>T</title><item><link>https://t.example/a</link>{inner}</item>"
            "</channel></rss>").encode()
    (entry,) = parse_feed(body, feed_url).entries
    return entry


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("desk@tide.example (Jo Marsh)", "Jo Marsh"),
        ("desk@tide.example", None),
        ("Jo Marsh", "Jo Marsh"),
        ("Jo Marsh, Ed Vane", "Jo Marsh, Ed Vane"),
    ],
)
def test_rss_author_email_is_not_shown_as_a_name(author: str, expected: str | None) -> None:
    assert _one_item(f"<title>x</title><author>{author}</author>").author == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("<![CDATA[Caf\u00e9 &amp; bar reopens]]>", "Caf\u00e9 & bar reopens"),
        ("Tide &amp;amp; time", "Tide & time"),
        ("Quay &#8216;reopens&#8217;", "Quay \u2018reopens\u2019"),
    ],
)
def test_titles_escaped_twice_read_as_intended(title: str, expected: str) -> None:
    assert _one_item(f"<title>{title}</title>").title == expected


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ('<media:thumbnail url="/img/thumb.jpg"/>', "https://t.example/img/thumb.jpg"),
        ('<enclosure url="pics/p.png" type="image/png" length="1"/>',
         "https://t.example/feeds/pics/p.png"),
        ('<media:content url="https://t.example/v.mp4" type="video/mp4"/>'
         '<media:content url="https://t.example/p.jpg" type="image/jpeg"/>',
         "https://t.example/p.jpg"),
        ('<media:content url="data:image/png;base64,AAAA" medium="image"/>', None),
    ],
)
def test_entry_images_are_absolute_http_urls(inner: str, expected: str | None) -> None:
    assert _one_item(f"<title>x</title>{inner}").image == expected


def test_json_feed_whose_items_are_not_a_list_is_malformed() -> None:
    body = b'{"version": "https://jsonfeed.org/version/1.1", "title": "Odd", "items": 5}'
    with pytest.raises(FeedError, match=r"malformed JSON feed \(its items are not a list\)"):
        parse_feed(body, "https://odd.example/feed.json")


def test_json_feed_values_of_the_wrong_type_are_ignored() -> None:
    body = (b'{"version": "https://jsonfeed.org/version/1.1", "items": [{'
            b'"url": "/s/relative", "authors": true, "content_html": 5, "title": 7,'
            b' "image": "img/1.jpg"},'
            b' {"url": "https://odd.example/b", "authors": {"name": "Vi"}}]}')
    first, second = parse_feed(body, "https://odd.example/feeds/main.json").entries
    assert first.url == "https://odd.example/s/relative"
    assert (first.author, first.content_html, first.title) == (None, None, None)
    assert first.image == "https://odd.example/feeds/img/1.jpg"
    assert second.author == "Vi"
