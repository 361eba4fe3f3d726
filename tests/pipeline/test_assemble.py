"""From a feed entry and its page to the stored article: feed-content fallback, canonical URL,
publication date and opinion marking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsloom.domain.models import Block, BlockKind, Entry, Extracted
from newsloom.domain.records import NewArticle
from newsloom.pipeline.assemble import (
    STATUS_FEED_CONTENT,
    STATUS_OK,
    PageOutcome,
    assemble,
    canonical_url_of,
    is_opinion,
)

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
PAGE_BLOCKS = (
    Block(BlockKind.PARAGRAPH, "The harbour board voted on Tuesday to raise mooring fees."),
    Block(BlockKind.PARAGRAPH, "Fishing crews said small boats would pay the most."),
)
ENTRY = Entry(
    guid="quay-1001",
    url="https://quay.example/news/mooring-fees?utm_source=rss",
    title="Harbour board raises mooring fees",
    author="Ada Penhallow",
    published=NOW - timedelta(hours=3),
    summary="<p>The board raised fees.</p>",
    content_html="<p>Feed text: the board raised mooring fees.</p><p>More from the feed.</p>",
    image="https://quay.example/img/feed.jpg",
)


def _extracted(score: float = 0.9, **changes: object) -> Extracted:
    values: dict[str, object] = {
        "blocks": PAGE_BLOCKS, "title": "Page title", "authors": ("Page Author",),
        "published": NOW - timedelta(hours=5), "lead_image": "https://quay.example/img/lead.jpg",
        "canonical_url": None, "language": "en", "description": "Fees rise.", "score": score,
    }
    values.update(changes)
    return Extracted(**values)  # type: ignore[arg-type]


def _assemble(
    entry: Entry = ENTRY, page: PageOutcome | None = None, min_score: float = 0.35
) -> NewArticle | None:
    page = page if page is not None else PageOutcome(entry.url, _extracted())
    return assemble(source_id=7, entry=entry, page=page, now=NOW, min_score=min_score)


def test_confident_extraction_is_used() -> None:
    article = _assemble()
    assert article is not None
    assert article.status == STATUS_OK
    assert article.status_note is None
    assert article.blocks == PAGE_BLOCKS
    assert article.title == "Harbour board raises mooring fees"
    assert article.slug == "harbour-board-raises-mooring-fees"
    assert article.author == "Ada Penhallow"
    assert article.lead_image == "https://quay.example/img/lead.jpg"
    assert article.language == "en"
    assert article.extraction_score == 0.9
    assert article.source_id == 7 and article.guid == "quay-1001"
    assert article.url == ENTRY.url
    assert article.fetched_at == NOW


def test_low_score_falls_back_to_feed_content_with_a_note() -> None:
    article = _assemble(page=PageOutcome(ENTRY.url, _extracted(score=0.1)))
    assert article is not None
    assert article.status == STATUS_FEED_CONTENT
    assert [b.text for b in article.blocks] == [
        "Feed text: the board raised mooring fees.", "More from the feed."
    ]
    assert article.status_note == (
        "The page's article text was not found with confidence; showing the feed's text."
    )


def test_page_problem_falls_back_to_feed_content_and_says_why() -> None:
    article = _assemble(page=PageOutcome(problem="HTTP 404 Not Found"))
    assert article is not None
    assert article.status == STATUS_FEED_CONTENT
    assert article.status_note == (
        "The page could not be read (HTTP 404 Not Found); showing the feed's text."
    )
    assert article.blocks[0].text == "Feed text: the board raised mooring fees."
    assert article.author == "Ada Penhallow"
    assert article.lead_image == "https://quay.example/img/feed.jpg"
    assert article.extraction_score == 0.0
    assert article.canonical_url == "https://quay.example/news/mooring-fees"


def test_summary_is_used_when_the_feed_has_no_content() -> None:
    entry = Entry(guid="g", url="https://quay.example/a", title="T", summary="Only a summary.")
    article = _assemble(entry=entry, page=PageOutcome(problem="timeout"))
    assert article is not None
    assert [b.text for b in article.blocks] == ["Only a summary."]


def test_low_confidence_page_text_is_kept_when_the_feed_has_none() -> None:
    entry = Entry(guid="g", url="https://quay.example/a", title="T")
    article = _assemble(entry=entry, page=PageOutcome(entry.url, _extracted(score=0.1)))
    assert article is not None
    assert article.blocks == PAGE_BLOCKS
    assert article.status_note == "The article text was found with low confidence."


def test_no_text_anywhere_gives_no_article() -> None:
    entry = Entry(guid="g", url="https://quay.example/a", title="T")
    assert _assemble(entry=entry, page=PageOutcome(problem="HTTP 500")) is None


def test_page_title_is_used_when_the_feed_has_none_and_no_title_gives_no_article() -> None:
    entry = Entry(guid="g", url="https://quay.example/a", content_html="<p>Words.</p>")
    article = _assemble(entry=entry)
    assert article is not None and article.title == "Page title"
    assert _assemble(entry=entry, page=PageOutcome(problem="HTTP 500")) is None


def test_page_author_is_used_when_the_feed_names_none() -> None:
    entry = Entry(guid="g", url="https://quay.example/a", title="T")
    article = _assemble(entry=entry)
    assert article is not None and article.author == "Page Author"


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        (None, "https://www.quay.example/news/fees"),
        ("https://quay.example/news/mooring-fees", "https://quay.example/news/mooring-fees"),
        ("/news/fees-2026?utm_campaign=x", "https://www.quay.example/news/fees-2026"),
        ("https://m.quay.example/news/fees", "https://m.quay.example/news/fees"),
        ("https://aggregator.example/news/fees", "https://www.quay.example/news/fees"),
        ("https://www.quay.example/", "https://www.quay.example/news/fees"),
        ("https://quay.example/?page=1", "https://www.quay.example/news/fees"),
        ("ftp://quay.example/news/fees", "https://www.quay.example/news/fees"),
        ("https://quay.example:99999/news/fees", "https://www.quay.example/news/fees"),
        ("", "https://www.quay.example/news/fees"),
    ],
)
def test_canonical_url_rules(declared: str | None, expected: str) -> None:
    final = "https://www.quay.example/news/fees?utm_source=rss&fbclid=abc#top"
    extracted = Extracted(canonical_url=declared)
    assert canonical_url_of("https://feeds.example/r/1", final, extracted) == expected


def test_canonical_on_another_site_under_a_shared_suffix_is_ignored() -> None:
    final = "https://news.harbour.co.uk/story-1"
    assert canonical_url_of(final, final, Extracted(canonical_url="https://other.co.uk/s")) == (
        final
    )
    assert canonical_url_of(
        final, final, Extracted(canonical_url="https://www.harbour.co.uk/story-1")
    ) == "https://www.harbour.co.uk/story-1"


def test_canonical_on_another_ip_address_is_ignored() -> None:
    final = "http://10.0.0.1:8000/a/story"
    assert canonical_url_of(final, final, Extracted(canonical_url="http://10.0.0.2/a/story")) == (
        final
    )


def test_canonical_url_follows_the_final_url_after_redirects() -> None:
    article = _assemble(page=PageOutcome("https://quay.example/2026/03/fees?gclid=1", _extracted()))
    assert article is not None
    assert article.canonical_url == "https://quay.example/2026/03/fees"
    assert article.url == ENTRY.url


def test_published_comes_from_the_feed() -> None:
    article = _assemble()
    assert article is not None and article.published_at == NOW - timedelta(hours=3)


def test_published_in_the_future_is_not_believed() -> None:
    future = Entry(guid="g", url="https://quay.example/a", title="T", content_html="<p>x</p>",
                   published=NOW + timedelta(days=2))
    article = _assemble(entry=future)
    assert article is not None and article.published_at == NOW - timedelta(hours=5)
    page_future = PageOutcome(future.url, _extracted(published=NOW + timedelta(hours=1)))
    article = _assemble(entry=future, page=page_future)
    assert article is not None and article.published_at == NOW


def test_published_defaults_to_now() -> None:
    entry = Entry(guid="g", url="https://quay.example/a", title="T", content_html="<p>x</p>")
    article = _assemble(entry=entry, page=PageOutcome(problem="timeout"))
    assert article is not None and article.published_at == NOW


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Opinion: the harbour needs a new wall", "https://x.example/a", True),
        ("OPINION | Fees are fair", "https://x.example/a", True),
        ("Editorial — A costly vote", "https://x.example/a", True),
        ("Commentary: small boats pay", "https://x.example/a", True),
        ("Op-Ed: wall repairs", "https://x.example/a", True),
        ("Fees rise", "https://x.example/opinion/fees-rise", True),
        ("Fees rise", "https://x.example/columns/harbour/fees", True),
        ("Fees rise", "https://x.example/commentisfree/2026/fees", True),
        ("Opinionated crews protest fees", "https://x.example/news/a", False),
        ("Public opinion: a poll shows support", "https://x.example/news/a", False),
        ("Fees rise", "https://x.example/opinionated/a", False),
        ("Fees rise", "https://x.example/news/opinion-poll-fees", False),
    ],
)
def test_opinion_detection(title: str, url: str, expected: bool) -> None:
    assert is_opinion(title, url) is expected


def test_opinion_flag_is_set_on_the_article() -> None:
    entry = Entry(guid="g", url="https://quay.example/opinion/fees", title="Fees are too high",
                  content_html="<p>x</p>")
    article = _assemble(entry=entry)
    assert article is not None and article.is_opinion
