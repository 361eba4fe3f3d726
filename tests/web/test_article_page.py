"""The article page, as a reader sees it: real articles ingested from the sample news site."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from web_support import Ingested, parse

from newsloom.bootstrap import App
from newsloom.demo.model import DemoArticle
from newsloom.domain.records import Article

pytestmark = pytest.mark.integration

EXACT_TIME = re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$")
RELATIVE = re.compile(r"^(just now|\d+ minutes? ago|\d+ hours? ago|yesterday|\d+ days ago)$")


def _text(node_html: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", node_html)).split())


def test_article_page_shows_outlet_time_headline_byline_and_body(
    client: TestClient, feature_article: tuple[DemoArticle, Article]
) -> None:
    demo, article = feature_article
    r = client.get(f"/articles/{article.id}/{article.slug}")
    assert r.status_code == 200
    doc = parse(r.text)

    outlet = doc.css_first(".story-head .outlet")
    assert outlet is not None and outlet.text() == article.source_name
    assert outlet.attributes["href"] == article.url
    assert doc.css_first("h1#headline").text() == demo.title
    byline = doc.css_first(".byline")
    assert byline is not None and demo.author in byline.text()

    time = doc.css_first(".story-head time")
    assert time is not None
    assert RELATIVE.match(time.text()), time.text()
    assert EXACT_TIME.match(time.attributes["title"] or ""), time.attributes
    assert (time.attributes["datetime"] or "").endswith("Z")

    lead = doc.css_first("figure.lead img")
    assert lead is not None and lead.attributes["src"]

    body = doc.css_first(".body")
    assert body is not None
    paragraphs = [" ".join(p.text().split()) for p in body.css("p")]
    for expected in demo.paragraphs:
        assert " ".join(expected.split()) in paragraphs
    # every block has its anchor, in order (a photo's caption stands under the photo)
    ids = [n.attributes["id"] for n in doc.css("figure.lead figcaption, .body [id]")]
    assert ids == [f"b{i}" for i in range(len(article.blocks))]


def test_hashtags_link_to_hashtag_pages(
    client: TestClient, feature_article: tuple[DemoArticle, Article]
) -> None:
    _, article = feature_article
    assert article.hashtags
    doc = parse(client.get(f"/articles/{article.id}").text)
    links = {a.text(): a.attributes["href"] for a in doc.css(".story-head .tags a")}
    for tag in article.hashtags:
        assert links[f"#{tag.tag}"] == f"/hashtag/{tag.tag}"


def test_summary_sentences_link_to_their_blocks(
    client: TestClient, feature_article: tuple[DemoArticle, Article]
) -> None:
    _, article = feature_article
    doc = parse(client.get(f"/articles/{article.id}").text)
    sentences = doc.css(".ai .summary a")
    assert sentences
    for link in sentences:
        target = (link.attributes["href"] or "").lstrip("#")
        assert re.fullmatch(r"b\d+", target)
        block = doc.css_first(f"#{target}")
        assert block is not None
        assert " ".join(link.text().split()) in " ".join(block.text().split())
    assert "extractive" in doc.css_first(".ai").text().lower()
    assert "offline" in doc.css_first(".ai").text().lower()


def test_wrong_or_missing_slug_still_works_with_canonical_link(
    client: TestClient, feature_article: tuple[DemoArticle, Article]
) -> None:
    _, article = feature_article
    canonical = f"/articles/{article.id}/{article.slug}"
    for path in (f"/articles/{article.id}", f"/articles/{article.id}/not-the-slug", canonical):
        r = client.get(path)
        assert r.status_code == 200
        link = parse(r.text).css_first('link[rel="canonical"]')
        assert link is not None and link.attributes["href"] == canonical


def test_no_comments_yet(client: TestClient, feature_article: tuple[DemoArticle, Article]
                         ) -> None:
    _, article = feature_article
    doc = parse(client.get(f"/articles/{article.id}").text)
    assert "No comments yet" in doc.css_first("#comments").text()
    assert doc.css_first('label[for="author_name"]') is not None
    assert doc.css_first('label[for="body"]') is not None


def test_related_articles_show_outlet_time_title_snippet_and_reason(
    client: TestClient, feature_article: tuple[DemoArticle, Article], ctx: App
) -> None:
    _, article = feature_article
    related = ctx.articles.related(article)
    assert related, "the sample story has coverage from other outlets"
    doc = parse(client.get(f"/articles/{article.id}").text)
    items = doc.css(".related .cards > li")
    assert len(items) == len(related)
    for item, expected in zip(items, related, strict=True):
        assert item.css_first(".outlet").text() == expected.card.source_name
        assert item.css_first("time") is not None
        title = item.css_first(".card-title a")
        assert title.text() == expected.card.title
        assert title.attributes["href"] == f"/articles/{expected.card.id}/{expected.card.slug}"
        snippet = item.css_first(".snippet")
        assert snippet is not None and snippet.text().strip()
        assert expected.reason.lower() in item.css_first(".reason").text().lower()


def test_no_junk_in_any_body_or_snippet(
    client: TestClient, stored: list[Article], ingested: Ingested
) -> None:
    junk = {j for demo in ingested.site.articles for j in demo.junk}
    assert junk
    home = parse(client.get("/").text)
    texts = [("home snippet", s.text()) for s in home.css(".snippet")]
    for article in stored:
        doc = parse(client.get(f"/articles/{article.id}").text)
        texts.append((f"body of {article.title!r}", doc.css_first(".body").text()))
        texts.extend((f"related snippet on {article.title!r}", s.text())
                     for s in doc.css(".related .snippet"))
    leaks = [
        f"{where}: {phrase!r}"
        for where, text in texts
        for phrase in junk
        if phrase in " ".join(text.split())
    ]
    assert not leaks, "junk reached the page:\n" + "\n".join(leaks)


def test_feed_content_article_says_so(client: TestClient, stored: list[Article]) -> None:
    from_feed = [a for a in stored if a.status == "feed_content"]
    assert from_feed, "the vanished article keeps its feed text"
    doc = parse(client.get(f"/articles/{from_feed[0].id}").text)
    notes = " ".join(n.text() for n in doc.css(".story-head .note"))
    assert from_feed[0].status_note and from_feed[0].status_note in notes


def test_missing_article_is_a_friendly_404(client: TestClient) -> None:
    for path in ("/articles/999999", "/articles/999999/some-slug", "/articles/not-a-number",
                 "/articles/0", "/articles/99999999999999999999999"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("text/html")
        assert "Traceback" not in r.text
        assert parse(r.text).css_first("h1").text() == "Page not found"


# -- comments ---------------------------------------------------------------------------------


def _comment_count(ctx: App, article_id: int) -> int:
    return len(ctx.comments.for_article(article_id))


def test_posting_a_comment_redirects_and_shows_it(
    rw_client: TestClient, fresh_ctx: App, find_article: Callable[[DemoArticle], Article],
    feature_article: tuple[DemoArticle, Article],
) -> None:
    _, article = feature_article
    r = rw_client.post(f"/articles/{article.id}/comments",
                       data={"author_name": "Ines", "body": "A clear account.\nThank you."},
                       follow_redirects=False)
    assert r.status_code == 303
    location = r.headers["location"]
    assert location.startswith(f"/articles/{article.id}/{article.slug}#c")
    page = parse(rw_client.get(location.split("#")[0]).text)
    first = page.css_first(".comment-list li")
    assert first is not None
    assert "Ines" in first.text() and "A clear account." in first.text()
    assert first.css_first("time") is not None
    assert "No comments yet" not in page.css_first("#comments").text()


def test_comments_are_listed_newest_first(
    rw_client: TestClient, feature_article: tuple[DemoArticle, Article]
) -> None:
    _, article = feature_article
    for n in (1, 2, 3):
        rw_client.post(f"/articles/{article.id}/comments",
                       data={"author_name": f"Reader {n}", "body": f"Comment number {n}"})
    page = parse(rw_client.get(f"/articles/{article.id}").text)
    bodies = [li.css_first(".comment-body").text().strip() for li in page.css(".comment-list li")]
    assert bodies == ["Comment number 3", "Comment number 2", "Comment number 1"]


@pytest.mark.parametrize(
    ("author", "body", "message"),
    [
        ("Ines", "", "The comment is empty."),
        ("Ines", "   \n  ", "The comment is empty."),
        ("Ines", "x" * 100_000, "The comment is too long"),
        ("", "A fine comment", "Please give a display name."),
    ],
    ids=["empty", "blank", "100KB", "no-name"],
)
def test_invalid_comment_gets_a_plain_message_and_stores_nothing(
    rw_client: TestClient, fresh_ctx: App, feature_article: tuple[DemoArticle, Article],
    author: str, body: str, message: str,
) -> None:
    _, article = feature_article
    r = rw_client.post(f"/articles/{article.id}/comments",
                       data={"author_name": author, "body": body}, follow_redirects=False)
    assert r.status_code == 422
    assert "Traceback" not in r.text
    doc = parse(r.text)
    error = doc.css_first("#comment-form .error")
    assert error is not None and message in error.text()
    # the page is still the whole article, with what was typed kept (short enough to keep)
    assert doc.css_first("h1#headline") is not None
    if len(body) < 1000:
        assert doc.css_first("#author_name").attributes["value"] == author
    assert _comment_count(fresh_ctx, article.id) == 0


def test_comment_with_markup_is_shown_escaped(
    rw_client: TestClient, feature_article: tuple[DemoArticle, Article]
) -> None:
    _, article = feature_article
    evil = '<script>alert("x")</script><b>bold</b>'
    rw_client.post(f"/articles/{article.id}/comments",
                   data={"author_name": "<i>Mallory</i>", "body": evil})
    text = rw_client.get(f"/articles/{article.id}").text
    assert "<script>alert" not in text
    assert "<b>bold</b>" not in text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in text
    assert "&lt;i&gt;Mallory&lt;/i&gt;" in text


def test_htmx_comment_post_returns_the_comments_section(
    rw_client: TestClient, feature_article: tuple[DemoArticle, Article]
) -> None:
    _, article = feature_article
    headers = {"HX-Request": "true"}
    r = rw_client.post(f"/articles/{article.id}/comments", headers=headers,
                       data={"author_name": "Ines", "body": "Posted without a reload"})
    assert r.status_code == 200
    assert r.text.lstrip().startswith('<section class="comments" id="comments"')
    doc = parse(r.text)
    assert "Posted without a reload" in doc.css_first(".comment-list li.new").text()
    # the name is kept for the next comment, the text box emptied
    assert doc.css_first("#author_name").attributes["value"] == "Ines"
    assert doc.css_first("#body").text() == ""

    bad = rw_client.post(f"/articles/{article.id}/comments", headers=headers,
                         data={"author_name": "Ines", "body": ""})
    assert bad.status_code == 422
    assert "<html" not in bad.text
    assert "The comment is empty." in parse(bad.text).css_first(".error").text()


def test_comment_on_missing_article_is_404(rw_client: TestClient) -> None:
    r = rw_client.post("/articles/999999/comments", data={"author_name": "A", "body": "B"})
    assert r.status_code == 404
    assert "Page not found" in r.text


def test_copy_and_wire_credit_notes(
    rw_client: TestClient, fresh_ctx: App, stored: list[Article],
    feature_article: tuple[DemoArticle, Article],
) -> None:
    _, first = feature_article
    copy = next(a for a in stored if a.id != first.id and a.source_id != first.source_id
                and a.duplicate_of is None and not fresh_ctx.store.duplicates.copies_of(a.id))
    fresh_ctx.store.articles.mark_duplicate(copy.id, first.id, "edited")
    with fresh_ctx.store.engine.begin() as conn:
        conn.execute(text("UPDATE articles SET originator = 'Wirepoint' WHERE id = :id"),
                     {"id": copy.id})
    doc = parse(rw_client.get(f"/articles/{copy.id}").text)
    head = doc.css_first(".story-head")
    assert head.css_first(".credit").text().strip() == f"Wirepoint via {copy.source_name}"
    note = head.css_first(".republished")
    assert _text(note.html).startswith(f"Edited republication from {first.source_name}: ")
    link = note.css_first("a")
    assert link.attributes["href"] == f"/articles/{first.id}/{first.slug}"
    assert first.title in link.text()

    original = parse(rw_client.get(f"/articles/{first.id}").text)
    also = original.css_first(".story-head .also-published")
    assert also is not None and f"{copy.source_name} (edited)" in _text(also.html)
    assert copy.title not in [a.text() for a in original.css(".related .card-title a")]


def test_wire_copies_of_the_sample_site_are_linked_to_the_first(
    client: TestClient, stored: list[Article], ingested: Ingested
) -> None:
    wire_titles = {d.title for d in ingested.site.articles if d.wire}
    wire = sorted((a for a in stored if a.title in wire_titles), key=lambda a: a.published_at)
    first, copies = wire[0], wire[1:]
    assert copies and all(c.duplicate_of == first.id for c in copies)
    doc = parse(client.get(f"/articles/{first.id}").text)
    also = _text(doc.css_first(".story-head .also-published").html)
    for c in copies:
        assert c.source_name in also
    assert _text(doc.css_first(".story-head .credit").html) == f"Wirepoint via {first.source_name}"
    for c in copies:
        page = parse(client.get(f"/articles/{c.id}").text)
        note = _text(page.css_first(".story-head .republished").html)
        assert note.startswith(f"Edited republication from {first.source_name}")


def test_related_items_carry_their_kind_label(
    client: TestClient, stored: list[Article], ctx: App
) -> None:
    seen: set[str] = set()
    for article in stored:
        related = ctx.articles.related(article)
        if not related:
            continue
        doc = parse(client.get(f"/articles/{article.id}").text)
        labels = [li.css_first(".kind").text().strip() for li in doc.css(".related .cards > li")]
        assert labels == [r.label for r in related]
        seen.update(labels)
    # the sample site has coverage of each kind: several outlets on one story, a follow-up
    # story about the same people, an opinion piece on a story, and foreign-language background
    assert seen == {"Same story", "Follow-up", "Opinion", "Background"}
