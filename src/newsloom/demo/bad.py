"""Misbehaving endpoints for tests. Static ones are rendered once; slow, huge and redirect
responses are produced by the handler from :data:`SLOW_PATH`, :data:`HUGE_PATH` and
:data:`REDIRECTS`.

=========================  ===================================================================
key in ``DemoSite.bad_urls``  behaviour
=========================  ===================================================================
malformed_feed             RSS cut off mid-item (not well-formed XML), 200, rss content type
not_a_feed                 an ordinary HTML page with no feed and no feed ``<link>``, 200
missing_article            404 (an HTML "page not found")
feed_with_missing_article  a valid RSS feed whose one item links to ``missing_article``
empty_article              200 HTML page with full site chrome but no article text at all
slow                       a valid RSS feed sent only after ``DemoSite.slow_seconds``
huge                       200 RSS-looking body streamed without Content-Length, ``huge_bytes``
                           bytes or more
redirect_to_feed           301 -> 302 -> 307 -> the Harbour Courier RSS feed
=========================  ===================================================================
"""

from __future__ import annotations

from email.utils import format_datetime

from newsloom.demo.catalog import Catalog

MALFORMED_PATH = "/bad/malformed-feed.xml"
NOT_A_FEED_PATH = "/bad/not-a-feed.html"
MISSING_ARTICLE_PATH = "/bad/missing/article-that-vanished.html"
FEED_WITH_MISSING_PATH = "/bad/missing/feed.xml"
EMPTY_ARTICLE_PATH = "/bad/empty-article.html"
SLOW_PATH = "/bad/slow.xml"
HUGE_PATH = "/bad/huge.xml"
REDIRECT_START = "/bad/redirect/1"
REDIRECTS: dict[str, tuple[int, str]] = {
    "/bad/redirect/1": (301, "/bad/redirect/2"),
    "/bad/redirect/2": (302, "/bad/redirect/3"),
    "/bad/redirect/3": (307, "/harbour/rss.xml"),
}

BAD_PATHS: dict[str, str] = {
    "malformed_feed": MALFORMED_PATH,
    "not_a_feed": NOT_A_FEED_PATH,
    "missing_article": MISSING_ARTICLE_PATH,
    "feed_with_missing_article": FEED_WITH_MISSING_PATH,
    "empty_article": EMPTY_ARTICLE_PATH,
    "slow": SLOW_PATH,
    "huge": HUGE_PATH,
    "redirect_to_feed": REDIRECT_START,
}


def malformed_feed(catalog: Catalog) -> str:
    date = format_datetime(catalog.started)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Broken Wire Digest</title>
<link>{catalog.base_url}/bad/</link>
<description>This feed stops halfway through an item.</description>
<item>
<title>Markets steady as harbour talks resume</title>
<link>{catalog.base_url}/harbour/</link>
<pubDate>{date}</pubDate>
<description>Negotiators returned to the table on
"""


def not_a_feed() -> str:
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Grandview Garden Centre</title></head>
<body><h1>Grandview Garden Centre</h1>
<p>Seasonal bulbs, compost and friendly advice. Open every day except Tuesdays.</p>
<p>Find us behind the old railway station, next to the bakery.</p></body></html>
"""


def missing_page() -> str:
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>
<body><h1>404</h1><p>Sorry, the page you were looking for has moved or never existed.</p>
</body></html>
"""


def feed_with_missing_article(catalog: Catalog) -> str:
    link = catalog.base_url + MISSING_ARTICLE_PATH
    date = format_datetime(catalog.started)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Vanishing Gazette</title>
<link>{catalog.base_url}/bad/missing/</link>
<description>A feed whose only article has been deleted.</description>
<item>
<title>Council retracts statement on bridge repairs</title>
<link>{link}</link>
<guid isPermaLink="true">{link}</guid>
<pubDate>{date}</pubDate>
<description>This article was removed after publication.</description>
</item>
</channel>
</rss>
"""


def empty_article() -> str:
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Live: updates will appear here</title>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/harbour/">World</a></li></ul></nav>
<div class="cookie">We use cookies. Accept all or manage preferences.</div>
<article class="story"><h1>Live: updates will appear here</h1><div class="story-body"></div>
</article>
<footer><p>All rights reserved.</p></footer>
</body></html>
"""


def slow_feed(catalog: Catalog) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tortoise Times</title><link>{catalog.base_url}/</link>
<description>Worth the wait, eventually.</description></channel></rss>
"""


HUGE_HEAD = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Endless Bulletin</title><link>http://127.0.0.1/</link>
<description>Never stops.</description>
"""
HUGE_CHUNK = (
    b"<item><title>Filler item</title><description>"
    + b"Lorem harbour ipsum tide and crane. " * 100
    + b"</description></item>\n"
)
