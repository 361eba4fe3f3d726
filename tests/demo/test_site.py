"""The demo news site: feeds parse in their formats, pages carry their text, HTTP caching
works, and the bad endpoints misbehave as documented."""

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime

import pytest

from newsloom.demo.site import DemoSite

pytestmark = pytest.mark.integration

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site() -> Iterator[DemoSite]:
    with DemoSite(slow_seconds=1.0, huge_bytes=300_000) as running:
        yield running


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def page_text(headers: Message, body: bytes) -> str:
    charset = headers.get_content_charset() or "utf-8"
    return html.unescape(body.decode(charset))


def feed_entries(fmt: str, body: bytes) -> list[tuple[str, str, datetime]]:
    """(guid, link, published) of every item, parsed strictly for the format."""
    if fmt == "json":
        doc = json.loads(body)
        assert doc["version"] == "https://jsonfeed.org/version/1.1"
        return [
            (i["id"], i["url"], datetime.fromisoformat(i["date_published"])) for i in doc["items"]
        ]
    root = ET.fromstring(body)
    if fmt == "atom":
        assert root.tag == f"{ATOM}feed"
        return [
            (
                e.findtext(f"{ATOM}id") or "",
                e.find(f"{ATOM}link[@rel='alternate']").get("href", ""),  # type: ignore[union-attr]
                datetime.fromisoformat(e.findtext(f"{ATOM}published") or ""),
            )
            for e in root.iter(f"{ATOM}entry")
        ]
    assert root.tag == "rss" and root.get("version") == "2.0"
    if fmt == "rss-content":
        for item in root.iter("item"):
            assert item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    return [
        (
            i.findtext("guid") or "",
            i.findtext("link") or "",
            parsedate_to_datetime(i.findtext("pubDate") or ""),
        )
        for i in root.iter("item")
    ]


def test_site_shape(site: DemoSite) -> None:
    assert site.base_url.startswith("http://127.0.0.1:")
    assert len(site.outlets) >= 5
    assert len(site.feed_urls) == len(site.outlets)
    assert {o.feed_format for o in site.outlets} >= {"rss", "atom", "json", "rss-content"}
    assert any(o.discovered for o in site.outlets)
    assert len(site.articles) >= 10
    assert len({a.canonical_url for a in site.articles}) == len(site.articles)
    for article in site.articles:
        assert article.published.tzinfo is not None
        assert article.published <= site.started_at
        assert 4 <= len(article.paragraphs) <= 9
        assert article.junk


def test_each_feed_is_valid_and_agrees_with_pages(site: DemoSite) -> None:
    for outlet in site.outlets:
        status, headers, body = fetch(outlet.feed_url)
        assert status == 200
        assert headers.get_content_charset() == "utf-8"
        entries = feed_entries(outlet.feed_format, body)
        expected = {a.url: a for a in site.articles_of(outlet.slug)}
        assert {link for _, link, _ in entries} == set(expected)
        for guid, link, published in entries:
            assert guid
            assert published == expected[link].published


def test_tracking_params_and_guids(site: DemoSite) -> None:
    tracked = [a for a in site.articles if "utm_source=rss" in a.url]
    assert tracked and all("utm_" not in a.canonical_url for a in tracked)
    atom = next(o for o in site.outlets if o.feed_format == "atom")
    _, _, body = fetch(atom.feed_url)
    assert all(guid != link for guid, link, _ in feed_entries("atom", body))


def test_feed_discovery_from_home_page(site: DemoSite) -> None:
    outlet = next(o for o in site.outlets if o.discovered)
    assert outlet.home_url in site.feed_urls
    status, headers, body = fetch(outlet.home_url)
    assert status == 200
    links = re.findall(r'<link rel="alternate" type="application/rss\+xml"[^>]*href="([^"]+)"',
                       page_text(headers, body))  # fmt: skip
    assert links == [outlet.feed_url]


def test_conditional_get(site: DemoSite) -> None:
    url = site.outlets[0].feed_url
    path = url.removeprefix(site.base_url)
    before_200, before_304 = site.requests.count(path, 200), site.requests.count(path, 304)
    status, headers, _ = fetch(url)
    assert status == 200
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert etag and modified
    assert fetch(url, {"If-None-Match": etag})[0] == 304
    assert fetch(url, {"If-Modified-Since": modified})[0] == 304
    assert fetch(url, {"If-None-Match": '"stale"'})[0] == 200
    assert fetch(url, {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200
    assert site.requests.count(path, 200) == before_200 + 3
    assert site.requests.count(path, 304) == before_304 + 2
    assert site.requests.count(url, 304) == before_304 + 2


def test_every_article_page_has_its_text_and_its_junk(site: DemoSite) -> None:
    for article in site.articles:
        status, headers, body = fetch(article.url)
        assert status == 200, article.url
        text = page_text(headers, body)
        assert f'<link rel="canonical" href="{article.canonical_url}">' in text
        assert article.title in text
        for paragraph in article.paragraphs:
            assert paragraph in text, (article.url, paragraph[:40])
        body_text = " ".join(article.paragraphs)
        for phrase in article.junk:
            assert phrase in text, (article.url, phrase)
            assert phrase not in body_text


def test_lead_images_are_served(site: DemoSite) -> None:
    with_image = [a for a in site.articles if a.lead_image]
    assert with_image
    for article in with_image:
        assert article.lead_image is not None
        status, headers, body = fetch(article.lead_image)
        assert status == 200
        assert headers.get_content_type() in {"image/png", "image/svg+xml"}
        assert body[:4] in {b"\x89PNG", b"<svg"}


def test_windows_1252_outlet(site: DemoSite) -> None:
    outlet = next(o for o in site.outlets if o.language == "fr")
    article = site.articles_of(outlet.slug)[0]
    _, headers, body = fetch(article.url)
    assert headers.get_content_charset() == "windows-1252"
    assert 'charset=windows-1252"' in body.decode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "é" in body.decode("cp1252")
    pages = "".join(fetch(a.url)[2].decode("cp1252") for a in site.articles_of(outlet.slug))
    assert {"€", "“", "”", "«"} <= set(pages)


def test_opml_and_index(site: DemoSite) -> None:
    status, _, body = fetch(site.base_url + "/opml.xml")
    assert status == 200
    urls = [o.get("xmlUrl") for o in ET.fromstring(body).iter("outline") if o.get("xmlUrl")]
    assert urls == [o.feed_url for o in site.outlets]
    status, headers, body = fetch(site.base_url + "/")
    assert status == 200
    assert all(o.name in page_text(headers, body) for o in site.outlets)


def test_unknown_path_is_404(site: DemoSite) -> None:
    assert fetch(site.base_url + "/no/such/page")[0] == 404
    assert site.requests.count("/no/such/page", 404) == 1


def test_bad_malformed_and_not_a_feed(site: DemoSite) -> None:
    status, _, body = fetch(site.bad_urls["malformed_feed"])
    assert status == 200
    with pytest.raises(ET.ParseError):
        ET.fromstring(body)
    status, headers, body = fetch(site.bad_urls["not_a_feed"])
    assert status == 200 and headers.get_content_type() == "text/html"
    assert b"alternate" not in body and b"<rss" not in body


def test_bad_missing_article(site: DemoSite) -> None:
    assert fetch(site.bad_urls["missing_article"])[0] == 404
    status, _, body = fetch(site.bad_urls["feed_with_missing_article"])
    assert status == 200
    links = [link for _, link, _ in feed_entries("rss", body)]
    assert links == [site.bad_urls["missing_article"]]


def test_bad_empty_article(site: DemoSite) -> None:
    status, _, body = fetch(site.bad_urls["empty_article"])
    assert status == 200
    assert re.search(rb'<div class="story-body">\s*</div>', body)


def test_bad_slow(site: DemoSite) -> None:
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        urllib.request.urlopen(site.bad_urls["slow"], timeout=0.3).read()


def test_bad_huge_streams_past_the_limit(site: DemoSite) -> None:
    with urllib.request.urlopen(site.bad_urls["huge"], timeout=10) as response:
        assert response.headers["Content-Length"] is None
        size = 0
        while chunk := response.read(65536):
            size += len(chunk)
    assert size >= 300_000


def test_bad_redirect_chain(site: DemoSite) -> None:
    with urllib.request.urlopen(site.bad_urls["redirect_to_feed"], timeout=10) as response:
        assert response.url == site.outlets[0].feed_url
        assert ET.fromstring(response.read()).tag == "rss"
    assert site.requests.count("/bad/redirect/1", 301) >= 1
    assert site.requests.count("/bad/redirect/3", 307) >= 1


def test_fixed_port_and_restart() -> None:
    probe = DemoSite().start()
    port = probe.port
    probe.stop()
    site = DemoSite(port=port)
    site.start()
    try:
        assert site.base_url == f"http://127.0.0.1:{port}"
        assert fetch(site.base_url + "/")[0] == 200
    finally:
        site.stop()
    assert not site.running
