"""Finding a site's feeds from its home page, and the cheap "is this a feed?" check."""

from __future__ import annotations

import pytest

from newsloom.pipeline.discover import feed_links, looks_like_feed

HOME = """<!DOCTYPE html><html><head>
<title>The Quayside Herald</title>
<link rel="stylesheet" href="/style.css" type="text/css">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" title="All news" href="/rss.xml">
<link rel="Alternate home" type="Application/Atom+XML; charset=utf-8" href=" atom.xml ">
<link rel="alternate" type="application/rss+xml" href="https://quayside.example/rss.xml">
<link rel="alternate" type="application/feed+json" href="https://cdn.quayside.example/f.json">
<link rel="alternate" type="application/rss+xml">
<link rel="icon" type="image/png" href="/favicon.png">
</head><body><h1>The Quayside Herald</h1><a href="/rss-help.html">About our feeds</a>
</body></html>"""


def test_feed_links_in_document_order_resolved_and_deduplicated() -> None:
    assert feed_links(HOME, "https://quayside.example/news/") == [
        "https://quayside.example/rss.xml",
        "https://quayside.example/news/atom.xml",
        "https://cdn.quayside.example/f.json",
    ]


def test_feed_links_accepts_bytes_with_odd_encoding() -> None:
    body = HOME.replace("All news", "Toutes les nouvelles \xe9").encode("latin-1")
    assert feed_links(body, "https://quayside.example/")[0] == "https://quayside.example/rss.xml"


def test_a_page_without_feed_links_gives_nothing() -> None:
    page = "<html><head><title>Garden Centre</title></head><body><p>Bulbs.</p></body></html>"
    assert feed_links(page, "https://garden.example/") == []
    assert feed_links(b"", "https://garden.example/") == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', None),
        (b'  <rss version="2.0"><channel/></rss>', "text/plain"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', None),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"/>', None),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', None),
        (b"", "application/rss+xml"),
        (b"", "application/atom+xml; charset=utf-8"),
        (b"", "application/feed+json"),
    ],
)
def test_looks_like_feed(body: bytes, content_type: str | None) -> None:
    assert looks_like_feed(body, content_type)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<!DOCTYPE html><html><head><title>x</title></head></html>", "text/html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
         None),
        (b'{"data": [1, 2, 3]}', "application/json"),
        (b"plain words", "text/plain"),
    ],
)
def test_does_not_look_like_feed(body: bytes, content_type: str | None) -> None:
    assert not looks_like_feed(body, content_type)


def test_feed_links_respect_the_base_element() -> None:
    page = ('<html><head><base href="https://static.quayside.example/site/">'
            '<link rel="alternate" type="application/rss+xml" href="rss.xml"></head></html>')
    assert feed_links(page, "https://quayside.example/") == [
        "https://static.quayside.example/site/rss.xml"
    ]


def test_feed_links_skip_non_http_targets() -> None:
    page = ('<html><head>'
            '<link rel="alternate" type="application/rss+xml" href="javascript:void(0)">'
            '<link rel="alternate" type="application/rss+xml" href="feed://quayside.example/x">'
            '<link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>')
    assert feed_links(page, "https://quayside.example/") == ["https://quayside.example/atom.xml"]
