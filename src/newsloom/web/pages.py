"""The server-rendered pages. Every form works as a plain post followed by a redirect; htmx,
when present, only spares the reload (posting a comment swaps the comments section)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from newsloom.bootstrap import App
from newsloom.errors import InvalidInput, NewsloomError, NotFound
from newsloom.services.sources import ImportReport
from newsloom.web.deps import MAX_ID, ArticleId, Ctx, SourceId, summary_or_none
from newsloom.web.formatting import body_parts, group_by_story
from newsloom.web.story_chart import chart_view
from newsloom.web.views import article_path, render

router = APIRouter(include_in_schema=False)

PageNumber = Annotated[int, Query(ge=1, le=100_000)]
StoryId = Annotated[int, Path(ge=1, le=MAX_ID)]
MAX_OPML_BYTES = 2_000_000


def _is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


# -- home, listings -------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request, ctx: Ctx, page: PageNumber = 1) -> Response:
    listing = ctx.stories.home(page)
    sources = ctx.sources.list()
    return render(request, "home.html", {
        "listing": listing,
        "trending": ctx.articles.trending_hashtags(),
        "half_life": f"{ctx.settings.story_half_life_hours:g}",
        "source_count": len(sources),
        "failing": [x for x in sources if x.error_count > 0],
    })  # fmt: skip


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, ctx: Ctx, story_id: StoryId) -> Response:
    page = ctx.stories.story(story_id)
    return render(request, "story.html", {
        "title": page.headline, "story": page, "chart": chart_view(page.chart),
    })  # fmt: skip


@router.get("/outlets/{slug}", response_class=HTMLResponse)
def outlet(request: Request, ctx: Ctx, slug: str, page: PageNumber = 1) -> Response:
    source, listing = ctx.articles.outlet(slug, page)
    return render(request, "outlet.html", {
        "title": source.name, "source": source, "listing": listing,
        "groups": group_by_story(listing.cards),
    })  # fmt: skip


@router.get("/hashtag/{tag}", response_class=HTMLResponse)
def hashtag(request: Request, ctx: Ctx, tag: str, page: PageNumber = 1) -> Response:
    display, listing = ctx.stories.hashtag(tag.lstrip("#"), page)
    return render(request, "hashtag.html", {
        "title": f"#{display}", "tag": display, "listing": listing,
    })  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, ctx: Ctx, q: str = "", page: PageNumber = 1) -> Response:
    values: dict[str, Any] = {"title": "Search", "q": q, "listing": None, "error": None}
    if q.strip():
        try:
            values["listing"] = ctx.articles.search(q, page)
            values["title"] = f"Search: {q.strip()}"
        except InvalidInput as exc:
            values["error"] = exc.message
    return render(request, "search.html", values)


# -- the article page -----------------------------------------------------------------------


def _article_values(ctx: App, article_id: int) -> dict[str, Any]:
    page = ctx.articles.page(article_id)
    parts = body_parts(page.article.blocks)
    lead_caption = None
    if page.article.lead_image and parts and parts[0].kind == "caption":
        lead_caption, parts = parts[0], parts[1:]  # the photo's caption goes under the photo
    return {
        "title": page.article.title,
        "page": page,
        "article": page.article,
        "parts": parts,
        "lead_caption": lead_caption,
        "summary": summary_or_none(ctx, article_id),
        "provider": ctx.ai.provider,
        "comments": page.comments,
        "form": {"author_name": "", "body": ""},
        "form_errors": {},
        "max_comment": ctx.settings.comment_max_chars,
        "max_name": ctx.settings.name_max_chars,
    }


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, ctx: Ctx, article_id: ArticleId) -> Response:
    return render(request, "article.html", _article_values(ctx, article_id))


@router.get("/articles/{article_id}/{slug}", response_class=HTMLResponse)
def article_with_slug(request: Request, ctx: Ctx, article_id: ArticleId, slug: str) -> Response:
    """Any slug works (titles change, links get cut); the page names the right one as
    canonical."""
    return render(request, "article.html", _article_values(ctx, article_id))


@router.post("/articles/{article_id}/comments", response_class=HTMLResponse)
def post_comment(
    request: Request,
    ctx: Ctx,
    article_id: ArticleId,
    author_name: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
) -> Response:
    try:
        comment = ctx.comments.post(article_id, author_name, body)
    except InvalidInput as exc:
        field = str(exc.detail.get("field", "body"))
        values = _article_values(ctx, article_id)
        values["form"] = {"author_name": author_name, "body": body}
        values["form_errors"] = {field: exc.message}
        name = "_comments.html" if _is_htmx(request) else "article.html"
        return render(request, name, values, status_code=422)
    if _is_htmx(request):
        values = _article_values(ctx, article_id)
        values["form"] = {"author_name": comment.author_name, "body": ""}
        values["posted"] = comment.id
        return render(request, "_comments.html", values, status_code=200)
    a = ctx.articles.get(article_id)
    return RedirectResponse(f"{article_path(a.id, a.slug)}#c{comment.id}", status_code=303)


# -- sources --------------------------------------------------------------------------------


def _sources_page(
    request: Request,
    ctx: Ctx,
    *,
    status_code: int = 200,
    notice: str | None = None,
    add_error: str | None = None,
    add_url: str = "",
    import_error: str | None = None,
    report: ImportReport | None = None,
) -> Response:
    sources = ctx.sources.list()
    return render(request, "sources.html", {
        "title": "Sources",
        "sources": sources,
        "failing": [x for x in sources if x.error_count > 0],
        "notice": notice,
        "add_error": add_error,
        "add_url": add_url,
        "import_error": import_error,
        "report": report,
    }, status_code=status_code)  # fmt: skip


@router.get("/sources", response_class=HTMLResponse)
def sources(
    request: Request,
    ctx: Ctx,
    added: int | None = None,
    removed: str | None = None,
) -> Response:
    notice = None
    if added is not None:
        try:
            source = ctx.sources.get(added)
            notice = f"Added {source.name}. Its articles appear after its first poll."
        except NotFound:
            notice = None
    elif removed is not None:
        notice = f"Removed {removed[:300]}."
    return _sources_page(request, ctx, notice=notice)


@router.post("/sources", response_class=HTMLResponse)
def add_source(request: Request, ctx: Ctx, url: Annotated[str, Form()] = "") -> Response:
    if not url.strip():
        return _sources_page(request, ctx, status_code=422,
                             add_error="Please give the address of a feed or of a site.")
    try:
        source = ctx.sources.add(url)
    except NewsloomError as exc:
        return _sources_page(request, ctx, status_code=exc.http_status, add_error=exc.message,
                             add_url=url)
    return RedirectResponse(f"/sources?added={source.id}", status_code=303)


@router.post("/sources/{source_id}/remove", response_class=HTMLResponse)
def remove_source(request: Request, ctx: Ctx, source_id: SourceId) -> Response:
    source = ctx.sources.remove(str(source_id))
    return RedirectResponse("/sources?" + urlencode({"removed": source.name}), status_code=303)


@router.post("/sources/import", response_class=HTMLResponse)
def import_opml(
    request: Request,
    ctx: Ctx,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    if file is None or not file.filename:
        return _sources_page(request, ctx, status_code=422,
                             import_error="Please choose an OPML file to import.")
    body = file.file.read(MAX_OPML_BYTES + 1)
    if len(body) > MAX_OPML_BYTES:
        return _sources_page(request, ctx, status_code=413,
                             import_error="That file is too large for an OPML list (2 MB at most).")
    if not body.strip():
        return _sources_page(request, ctx, status_code=422, import_error="That file is empty.")
    try:
        report = ctx.sources.import_opml(body)
    except NewsloomError as exc:
        return _sources_page(request, ctx, status_code=exc.http_status, import_error=exc.message)
    return _sources_page(request, ctx, report=report)


@router.get("/sources.opml")
def export_opml(ctx: Ctx) -> Response:
    return PlainTextResponse(
        ctx.sources.export_opml(),
        media_type="text/x-opml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="newsloom-sources.opml"'},
    )
