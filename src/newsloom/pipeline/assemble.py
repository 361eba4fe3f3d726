"""From a feed entry and what the extractor found on its page to the article newsloom stores.

Where the extractor is unsure (a low score, no text) or the page could not be fetched, the
feed's own content is kept and the article is marked, so nothing the feed said is lost."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from newsloom.domain.models import Block, Entry, Extracted, Hashtag
from newsloom.domain.records import NewArticle
from newsloom.domain.urls import canonicalize, host_of, is_http_url, slugify
from newsloom.pipeline.feed_content import feed_html_to_blocks

STATUS_OK = "ok"
STATUS_FEED_CONTENT = "feed_content"

# The one opinion rule (pipeline.stories.related uses it too). A title label, "Opinion: ..."
_OPINION = re.compile(
    r"^\s*(?:opinion|op-?ed|editorial|commentary|comment|viewpoint|view|column|analysis)"
    r"\s*[:|–—-]", re.I)
# a whole path segment ("/opinion/", "/columns/"), or a slug made from a labelled title
# ("/opinion-the-port-must-wait"), but not an opinion poll ("/opinion-poll-shows")
_OPINION_PATH = re.compile(
    r"/(?:(?:opinion|opinions|comment|commentisfree|commentary|editorial|editorials|op-?ed|"
    r"columns?|columnists?|viewpoints?)(?:/|$)|(?:opinion|op-?ed|editorial)-(?!polls?\b))",
    re.I)
# a section name: "Opinion", "Comment is free", "Letters to the editor", "Leader"
_OPINION_SECTION = re.compile(
    r"\b(?:opinions?|op-?ed|comment(?:ary)?|analysis|editorials?|columns?|columnists?|viewpoints?|"
    r"letters?|leaders?|essays?)\b", re.I)


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What happened to the entry's page: the final URL and extraction, or why there is none."""

    final_url: str | None = None
    extracted: Extracted | None = None
    problem: str | None = None


def assemble(
    *,
    source_id: int,
    entry: Entry,
    page: PageOutcome,
    now: datetime,
    min_score: float,
    hashtags: tuple[Hashtag, ...] = (),
    content_hash: str | None = None,
    fingerprint: str | None = None,
    originator: str | None = None,
) -> NewArticle | None:
    """The article to store, or None when neither the page nor the feed gives any text."""
    extracted = page.extracted
    blocks: tuple[Block, ...] = ()
    status, note = STATUS_OK, None
    if extracted is not None and extracted.blocks and extracted.score >= min_score:
        blocks = extracted.blocks
    else:
        blocks = feed_html_to_blocks(entry.content_html) or feed_html_to_blocks(entry.summary)
        status = STATUS_FEED_CONTENT
        if page.problem:
            note = f"The page could not be read ({page.problem}); showing the feed's text."
        else:
            note = "The page's article text was not found with confidence; showing the feed's text."
        if not blocks and extracted is not None and extracted.blocks:
            blocks, note = extracted.blocks, "The article text was found with low confidence."
    title = (entry.title or (extracted.title if extracted else None) or "").strip()
    if not title or not blocks:
        return None
    url = page.final_url or entry.url
    return NewArticle(
        source_id=source_id,
        guid=entry.guid,
        url=entry.url,
        canonical_url=canonical_url_of(entry.url, url, extracted),
        title=title,
        slug=slugify(title),
        author=entry.author or (extracted.author if extracted else None),
        published_at=_published(entry, extracted, now),
        updated_at=extracted.updated if extracted else None,
        fetched_at=now,
        blocks=blocks,
        lead_image=(extracted.lead_image if extracted else None) or entry.image,
        language=extracted.language if extracted else None,
        description=(extracted.description if extracted else None) or None,
        extraction_score=extracted.score if extracted else 0.0,
        status=status,
        status_note=note,
        content_hash=content_hash,
        fingerprint=fingerprint,
        originator=originator,
        is_opinion=is_opinion(title, url),
        hashtags=hashtags,
    )


def canonical_url_of(entry_url: str, final_url: str, extracted: Extracted | None) -> str:
    """The page's own canonical link when it stays on the same site and names an article (not a
    home page); else the final URL after redirects; tracking parameters removed either way."""
    base = final_url or entry_url
    if extracted is not None and extracted.canonical_url and is_http_url(
        urljoin(base, extracted.canonical_url)
    ):
        declared = canonicalize(extracted.canonical_url, base=base)
        same_site = _site(host_of(declared)) == _site(host_of(base))
        if same_site and urlsplit(declared).path.strip("/"):
            return declared
    return canonicalize(final_url or entry_url)


_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"})


def _site(host: str) -> str:
    """The registrable part of a host: news.example.org -> example.org, a.example.co.uk ->
    example.co.uk; an IP address is its own site."""
    if _is_ip(host):
        return host
    parts = host.removeprefix("www.").split(".")
    size = 3 if len(parts) > 2 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL else 2
    return ".".join(parts[-size:])


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _published(entry: Entry, extracted: Extracted | None, now: datetime) -> datetime:
    for candidate in (entry.published, extracted.published if extracted else None):
        if candidate is not None and candidate <= now:
            return candidate
    return now


def is_opinion(title: str, url: str, section: str = "") -> bool:
    """An opinion piece: a title label ("Opinion: ...", "Analysis | ..."), an opinion section
    of the outlet's site in the URL path ("/opinion/", "/columns/"), or a section name."""
    path = urlsplit(url).path if "://" in url else url
    return bool(_OPINION.search(title) or _OPINION_PATH.search(path)
                or (section and _OPINION_SECTION.search(section)))
