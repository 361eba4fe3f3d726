"""The JSON API mirrors the pages; every error has one shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_support import BROKEN_FEED_NAME, Ingested

from newsloom.bootstrap import App
from newsloom.demo.model import DemoArticle
from newsloom.domain.records import Article
from newsloom.errors import NewsloomError
from newsloom.web.app import create_app

pytestmark = pytest.mark.integration


def assert_error(body: Any, code: str) -> dict[str, Any]:
    """The one error shape: {"error": {"code", "message", "detail"}} and nothing else."""
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "detail"}
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"].strip()
    assert "Traceback" not in error["message"]
    assert isinstance(error["detail"], dict)
    return dict(error)


# -- reading --------------------------------------------------------------------------------


def test_articles_listing_mirrors_home(client: TestClient, ctx: App) -> None:
    r = client.get("/api/v1/articles")
    assert r.status_code == 200
    body = r.json()
    home = ctx.articles.home()
    assert [i["id"] for i in body["items"]] == [c.id for c in home.cards]
    assert body["page"] == 1 and body["has_next"] is home.has_next
    first = body["items"][0]
    assert first["page"] == f"/articles/{first['id']}/{first['slug']}"
    assert first["outlet"]["page"] == f"/outlets/{first['outlet']['slug']}"
    assert first["published_at"].endswith("Z")
    assert client.get("/api/v1/articles", params={"page": 2}).json()["items"] == []


def test_article_has_blocks_hashtags_summary_comments_related(
    client: TestClient, feature_article: tuple[DemoArticle, Article]
) -> None:
    demo, article = feature_article
    body = client.get(f"/api/v1/articles/{article.id}").json()
    assert body["title"] == demo.title
    assert body["outlet"]["name"] == article.source_name
    assert body["url"] == article.url
    texts = [b["text"] for b in body["blocks"]]
    assert [b["index"] for b in body["blocks"]] == list(range(len(texts)))
    for paragraph in demo.paragraphs:
        assert " ".join(paragraph.split()) in [" ".join(t.split()) for t in texts]
    assert [h["tag"] for h in body["hashtags"]] == [t.tag for t in article.hashtags]
    assert all(h["page"] == f"/hashtag/{h['tag']}" for h in body["hashtags"])
    summary = body["summary"]
    assert summary["kind"] == "extractive" and summary["provider"]
    for sentence in summary["sentences"]:
        assert sentence["anchor"] == f"#b{sentence['block_index']}"
        block = texts[sentence["block_index"]]
        assert block[sentence["start"]:sentence["end"]] == sentence["text"]
    assert body["comments"] == []
    assert body["related"]
    for item in body["related"]:
        assert item["reason"] and item["kind"]
        assert item["article"]["title"] and item["article"]["snippet"]


def test_outlet_hashtag_trending_search_sources_health(
    client: TestClient, ctx: App, feature_article: tuple[DemoArticle, Article]
) -> None:
    _, article = feature_article
    outlet = client.get(f"/api/v1/outlets/{article.source_slug}").json()
    assert outlet["outlet"]["name"] == article.source_name
    assert article.id in [i["id"] for i in outlet["articles"]["items"]]

    tag = article.hashtags[0].tag
    by_tag = client.get(f"/api/v1/hashtags/{tag.lower()}").json()
    assert by_tag["tag"] == tag
    assert article.id in [i["id"] for i in by_tag["articles"]["items"]]
    assert article.story_id in [i["story_id"] for i in by_tag["stories"]["items"]]

    trending = client.get("/api/v1/hashtags/trending").json()
    assert [t["tag"] for t in trending] == [t.tag for t in ctx.articles.trending_hashtags()]
    assert all(t["count"] >= 2 for t in trending)

    sources = client.get("/api/v1/sources").json()
    assert {s["name"] for s in sources} == {s.name for s in ctx.sources.list()}
    broken = next(s for s in sources if s["name"] == BROKEN_FEED_NAME)
    assert broken["error_count"] == 1 and "malformed" in broken["last_error"]

    health = client.get("/api/v1/health").json()
    assert health == {
        "status": "degraded",
        "sources": len(sources),
        "sources_failing": 1,
        "articles": ctx.articles.count(),
        "summary_provider": ctx.ai.provider,
    }


def test_search(client: TestClient, ctx: App, ingested: Ingested) -> None:
    r = client.get("/api/v1/search", params={"q": "Lindqvay"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["query"] == "Lindqvay"
    assert body["results"]["items"]
    empty = client.get("/api/v1/search").json()
    assert empty["results"]["items"] == []


# -- writing --------------------------------------------------------------------------------


def test_post_comment(rw_client: TestClient, fresh_ctx: App,
                      feature_article: tuple[DemoArticle, Article]) -> None:
    _, article = feature_article
    url = f"/api/v1/articles/{article.id}/comments"
    r = rw_client.post(url, json={"author_name": "Ines", "body": "<b>Good</b> piece"})
    assert r.status_code == 201
    posted = r.json()
    assert posted["author_name"] == "Ines" and posted["body"] == "<b>Good</b> piece"
    assert rw_client.get(url).json() == [posted]
    assert rw_client.get(f"/api/v1/articles/{article.id}").json()["comments"] == [posted]

    for bad, field in (({"author_name": "Ines", "body": ""}, "body"),
                       ({"author_name": "Ines", "body": "x" * 100_000}, "body"),
                       ({"author_name": " ", "body": "fine"}, "author_name")):
        rejected = rw_client.post(url, json=bad)
        assert rejected.status_code == 422
        error = assert_error(rejected.json(), "invalid_input")
        assert error["detail"] == {"field": field}
    assert len(fresh_ctx.comments.for_article(article.id)) == 1


def test_add_and_remove_sources(rw_client: TestClient, fresh_ctx: App,
                                ingested: Ingested) -> None:
    not_a_feed = rw_client.post("/api/v1/sources",
                                json={"url": ingested.site.bad_urls["not_a_feed"]})
    assert not_a_feed.status_code == 422
    assert "not a feed" in assert_error(not_a_feed.json(), "not_a_feed")["message"]

    again = rw_client.post("/api/v1/sources", json={"url": ingested.site.feed_urls[0]})
    assert again.status_code == 409
    assert_error(again.json(), "conflict")

    broken = next(s for s in fresh_ctx.sources.list() if s.name == BROKEN_FEED_NAME)
    assert rw_client.delete(f"/api/v1/sources/{broken.id}").status_code == 204
    gone = rw_client.delete(f"/api/v1/sources/{broken.id}")
    assert gone.status_code == 404
    assert_error(gone.json(), "not_found")

    malformed = ingested.site.bad_urls["malformed_feed"]
    rejected = rw_client.post("/api/v1/sources", json={"url": malformed})
    assert rejected.status_code == 422
    assert_error(rejected.json(), "not_a_feed")


# -- the error shape, for every kind of error -------------------------------------------------


@pytest.fixture
def boom_client(ctx: App) -> Iterator[TestClient]:
    """An app with two extra routes that fail: a bug, and a deliberate newsloom error."""
    app = create_app(ctx)

    @app.get("/api/v1/test-bug")
    def bug() -> None:
        raise RuntimeError("secret internals: /etc/passwd")

    @app.get("/api/v1/test-unavailable")
    def unavailable() -> None:
        class Unavailable(NewsloomError):
            code = "unavailable"
            http_status = 503

        raise Unavailable("the database is being upgraded", detail={"retry_after": 30})

    @app.get("/test-bug-page")
    def bug_page() -> None:
        raise RuntimeError("secret internals: /etc/passwd")

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_error_shape_unknown_route(client: TestClient) -> None:
    r = client.get("/api/v1/no-such-thing")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/json"
    assert_error(r.json(), "not_found")
    assert_error(client.get("/api/nothing").json(), "not_found")


def test_error_shape_missing_record(client: TestClient) -> None:
    for path in ("/api/v1/articles/999999", "/api/v1/outlets/no-such-outlet",
                 "/api/v1/hashtags/NoSuchTagAnywhere"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert_error(r.json(), "not_found")


def test_error_shape_validation(client: TestClient) -> None:
    r = client.get("/api/v1/articles/not-a-number")
    assert r.status_code == 422
    error = assert_error(r.json(), "invalid_input")
    assert error["detail"]["errors"][0]["loc"] == ["path", "article_id"]
    assert "article_id" in error["message"]

    too_big = client.get("/api/v1/articles/99999999999999999999999")
    assert too_big.status_code == 422
    assert_error(too_big.json(), "invalid_input")

    bad_page = client.get("/api/v1/articles", params={"page": 0})
    assert bad_page.status_code == 422
    assert_error(bad_page.json(), "invalid_input")

    missing_field = client.post("/api/v1/articles/1/comments", json={"author_name": "A"})
    assert missing_field.status_code == 422
    assert "body" in assert_error(missing_field.json(), "invalid_input")["message"]

    not_json = client.post("/api/v1/sources", content=b"{not json",
                           headers={"content-type": "application/json"})
    assert not_json.status_code == 422
    assert_error(not_json.json(), "invalid_input")


def test_error_shape_method_not_allowed(client: TestClient) -> None:
    r = client.delete("/api/v1/articles")
    assert r.status_code == 405
    assert_error(r.json(), "method_not_allowed")
    assert "GET" in r.headers["allow"]


def test_error_shape_unexpected_error(boom_client: TestClient,
                                      caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("ERROR", logger="newsloom.web.errors"):
        r = boom_client.get("/api/v1/test-bug")
    assert r.status_code == 500
    error = assert_error(r.json(), "internal_error")
    assert "secret" not in r.text and "RuntimeError" not in r.text
    assert error["detail"] == {}
    assert any("test-bug" in rec.getMessage() for rec in caplog.records)  # logged

    page = boom_client.get("/test-bug-page")
    assert page.status_code == 500
    assert "Something went wrong" in page.text and "secret" not in page.text


def test_error_shape_newsloom_error(boom_client: TestClient) -> None:
    r = boom_client.get("/api/v1/test-unavailable")
    assert r.status_code == 503
    error = assert_error(r.json(), "unavailable")
    assert error["detail"] == {"retry_after": 30}


def test_openapi_document_and_docs_page(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/v1/articles", "/api/v1/articles/{article_id}",
                 "/api/v1/articles/{article_id}/comments", "/api/v1/outlets/{slug}",
                 "/api/v1/hashtags/{tag}", "/api/v1/hashtags/trending", "/api/v1/search",
                 "/api/v1/sources", "/api/v1/sources/{source_id}", "/api/v1/health",
                 "/api/v1/stories", "/api/v1/stories/{story_id}"):
        assert path in paths, path
    assert not any(not p.startswith("/api/") for p in paths), "pages stay out of the API doc"
    article = paths["/api/v1/articles/{article_id}"]["get"]["responses"]
    assert article["200"]["content"]["application/json"]["schema"]["$ref"].endswith("ArticleOut")
    assert article["404"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorOut")
    assert article["422"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorOut")
    assert "HTTPValidationError" not in spec["components"]["schemas"]

    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/v1/articles/{article_id}/comments" in docs.text
    assert "cdn" not in docs.text.lower()


def test_huge_bodies_are_refused_plainly(client: TestClient,
                                         feature_article: tuple[DemoArticle, Article]) -> None:
    _, article = feature_article
    huge = "x" * 5_000_000
    api = client.post(f"/api/v1/articles/{article.id}/comments",
                      json={"author_name": "A", "body": huge})
    assert api.status_code == 413
    assert "too large" in assert_error(api.json(), "too_large")["message"]
    page = client.post(f"/articles/{article.id}/comments", data={"author_name": "A", "body": huge})
    assert page.status_code == 413
    assert "too large" in page.text and page.headers["content-type"].startswith("text/html")

    def chunks() -> Iterator[bytes]:
        for _ in range(50):
            yield b"x" * 100_000

    chunked = client.post("/api/v1/sources", content=chunks(),
                          headers={"content-type": "application/json"})
    assert chunked.status_code == 413
    assert_error(chunked.json(), "too_large")


def test_opml_export_and_import(rw_client: TestClient, fresh_ctx: App) -> None:
    exported = rw_client.get("/api/v1/sources/opml")
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/x-opml")
    for source in fresh_ctx.sources.list():
        assert source.feed_url in exported.text
    opml = (b'<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
            b'<outline text="New One" xmlUrl="https://new.example/feed.xml"/>'
            b'<outline text="Not http" xmlUrl="ftp://old.example/feed"/>'
            b"</body></opml>")
    r = rw_client.post("/api/v1/sources/opml", content=opml,
                       headers={"content-type": "text/x-opml"})
    assert r.status_code == 200
    body = r.json()
    assert [a["name"] for a in body["added"]] == ["New One"]
    again = rw_client.post("/api/v1/sources/opml", content=exported.content).json()
    assert again["added"] == []
    assert len(again["already_present"]) == len(fresh_ctx.sources.list()) - 1
    empty = rw_client.post("/api/v1/sources/opml", content=b"")
    assert empty.status_code == 422
    assert_error(empty.json(), "invalid_input")
    junk = rw_client.post("/api/v1/sources/opml", content=b"<html>no</html>")
    assert junk.status_code == 422
    assert "OPML" in assert_error(junk.json(), "invalid_input")["message"]
