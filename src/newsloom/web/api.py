"""The JSON API under /api/v1: one endpoint for every page, plus health. Errors all come back
in one shape (see web/errors.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from newsloom.errors import InvalidInput
from newsloom.web import schemas as s
from newsloom.web.deps import MAX_ID, ArticleId, Ctx, SourceId, summary_or_none

_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": s.ErrorOut, "description": "Not found"},
    422: {"model": s.ErrorOut, "description": "Invalid input"},
    500: {"model": s.ErrorOut, "description": "Unexpected error"},
}

router = APIRouter(prefix="/api/v1", responses=_ERRORS)

PageNumber = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
StoryId = Annotated[int, Path(ge=1, le=MAX_ID, description="The story's id.")]


@router.get("/articles", response_model=s.ListingOut, tags=["articles"],
            summary="Latest articles across outlets, at most four per outlet")
def list_articles(ctx: Ctx, page: PageNumber = 1) -> s.ListingOut:
    return s.listing_out(ctx.articles.home(page))


@router.get("/articles/{article_id}", response_model=s.ArticleOut, tags=["articles"],
            summary="One article: body blocks, hashtags, summary, comments, related")
def get_article(ctx: Ctx, article_id: ArticleId) -> s.ArticleOut:
    page = ctx.articles.page(article_id)
    summary = s.summary_out(ctx.ai.provider, summary_or_none(ctx, article_id))
    return s.article_out(page, summary)


@router.get("/articles/{article_id}/comments", response_model=list[s.CommentOut],
            tags=["comments"], summary="An article's comments, newest first")
def list_comments(ctx: Ctx, article_id: ArticleId) -> list[s.CommentOut]:
    ctx.articles.get(article_id)
    return [s.comment_out(c) for c in ctx.comments.for_article(article_id)]


@router.post("/articles/{article_id}/comments", response_model=s.CommentOut, status_code=201,
             tags=["comments"], summary="Post a comment on an article")
def post_comment(ctx: Ctx, article_id: ArticleId, comment: s.CommentIn) -> s.CommentOut:
    return s.comment_out(ctx.comments.post(article_id, comment.author_name, comment.body))


@router.get("/outlets/{slug}", response_model=s.OutletOut, tags=["outlets"],
            summary="An outlet, its health and its articles")
def get_outlet(ctx: Ctx, slug: str, page: PageNumber = 1) -> s.OutletOut:
    source, listing = ctx.articles.outlet(slug, page)
    return s.OutletOut(outlet=s.source_out(source), articles=s.listing_out(listing))


@router.get("/stories", response_model=s.StoryListingOut, tags=["stories"],
            summary="Stories ranked by outlets and recency (the home page)",
            description="A story's weight is its number of distinct outlets (at most 32), "
                        "halved for every NEWSLOOM_STORY_HALF_LIFE_HOURS since its latest "
                        "article. Stories only one outlet tells count against that outlet: its "
                        "newest four appear. Articles that no story holds appear as stories of "
                        "one article.")
def list_stories(ctx: Ctx, page: PageNumber = 1) -> s.StoryListingOut:
    return s.story_listing_out(ctx.stories.home(page))


@router.get("/stories/{story_id}", response_model=s.StoryOut, tags=["stories"],
            summary="One story: first and latest report, articles by outlet, coverage over time")
def get_story(ctx: Ctx, story_id: StoryId) -> s.StoryOut:
    return s.story_out(ctx.stories.story(story_id))


@router.get("/hashtags/trending", response_model=list[s.TrendingTagOut], tags=["hashtags"],
            summary="Hashtags rising against their usual rate",
            description="Tags used by at least two articles in the last 24 hours and more "
                        "than their daily average over the 14 days before, highest score "
                        "first: (count - usual) / sqrt(usual + 1).")
def trending(ctx: Ctx, limit: Annotated[int, Query(ge=1, le=100)] = 12) -> list[s.TrendingTagOut]:
    return [s.trending_out(t) for t in ctx.articles.trending_hashtags(limit)]


@router.get("/hashtags/{tag}", response_model=s.HashtagPageOut, tags=["hashtags"],
            summary="Stories and articles with a hashtag (case-insensitive)")
def get_hashtag(ctx: Ctx, tag: str, page: PageNumber = 1) -> s.HashtagPageOut:
    display, stories = ctx.stories.hashtag(tag.lstrip("#"), page)
    _, listing = ctx.articles.hashtag(tag.lstrip("#"), page)
    return s.HashtagPageOut(tag=display, stories=s.story_listing_out(stories),
                            articles=s.listing_out(listing))


@router.get("/search", response_model=s.SearchOut, tags=["search"],
            summary="Search titles and text")
def search(ctx: Ctx, q: Annotated[str, Query(description="Words to look for.")] = "",
           page: PageNumber = 1) -> s.SearchOut:
    return s.SearchOut(query=q, results=s.listing_out(ctx.articles.search(q, page)))


@router.get("/sources", response_model=list[s.SourceOut], tags=["sources"],
            summary="Every source with its health")
def list_sources(ctx: Ctx) -> list[s.SourceOut]:
    return [s.source_out(x) for x in ctx.sources.list()]


@router.post("/sources", response_model=s.SourceOut, status_code=201, tags=["sources"],
             summary="Add a feed (or a site whose home page names its feed)",
             responses={409: {"model": s.ErrorOut, "description": "Already a source"},
                        502: {"model": s.ErrorOut, "description": "Could not be fetched"}})
def add_source(ctx: Ctx, source: s.SourceIn) -> s.SourceOut:
    return s.source_out(ctx.sources.add(source.url))


@router.get("/sources/opml", tags=["sources"], summary="Every source as an OPML list",
            response_class=Response,
            responses={200: {"content": {"text/x-opml": {}}, "description": "OPML 2.0"}})
def export_opml(ctx: Ctx) -> Response:
    return Response(ctx.sources.export_opml(), media_type="text/x-opml; charset=utf-8")


@router.post("/sources/opml", response_model=s.ImportOut, tags=["sources"],
             summary="Import an OPML list (the request body is the OPML file)",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "text/x-opml": {"schema": {"type": "string"}}}}})
async def import_opml(ctx: Ctx, request: Request) -> s.ImportOut:
    body = await request.body()
    if not body.strip():
        raise InvalidInput("The request body is empty; send the OPML file itself.")
    return s.import_out(await run_in_threadpool(ctx.sources.import_opml, body))


@router.delete("/sources/{source_id}", status_code=204, tags=["sources"],
               summary="Remove a source and its articles")
def remove_source(ctx: Ctx, source_id: SourceId) -> Response:
    ctx.sources.remove(str(source_id))
    return Response(status_code=204)


@router.get("/health", response_model=s.HealthOut, tags=["health"],
            summary="Whether the service and its feeds are working")
def health(ctx: Ctx) -> s.HealthOut:
    sources = ctx.sources.list()
    failing = sum(1 for x in sources if x.error_count > 0)
    return s.HealthOut(
        status="degraded" if failing else "ok",
        sources=len(sources),
        sources_failing=failing,
        articles=ctx.articles.count(),
        summary_provider=ctx.ai.provider,
    )
