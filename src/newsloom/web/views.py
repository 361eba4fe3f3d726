"""The Jinja2 environment (autoescaping on, always) and one `render` helper every page uses, so
each template gets the same helpers: relative times, article links, the current search."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, cast

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newsloom.bootstrap import App
from newsloom.domain.text import plural, relative_time
from newsloom.web.formatting import exact_time, iso_time

WEB_DIR = Path(__file__).parent
TEMPLATE_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


def article_path(article_id: int, slug: str | None) -> str:
    """The canonical page address of an article: ``/articles/12/the-slug``."""
    return f"/articles/{article_id}/{slug}" if slug else f"/articles/{article_id}"


def hashtag_path(tag: str) -> str:
    return f"/hashtag/{tag}"


@jinja2.pass_context
def _ago(context: jinja2.runtime.Context, moment: datetime) -> str:
    return relative_time(moment, cast(datetime, context["now"]))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["ago"] = _ago
    env.filters["exact"] = exact_time
    env.filters["iso"] = iso_time
    env.globals["article_path"] = article_path
    env.globals["hashtag_path"] = hashtag_path
    env.globals["plural"] = plural
    return env


templates = Jinja2Templates(env=_environment())


def context_of(request: Request) -> App:
    return cast(App, request.app.state.ctx)


def render(
    request: Request,
    name: str,
    values: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a page template with the values every page needs."""
    ctx = context_of(request)
    base: dict[str, Any] = {
        "now": ctx.clock(),
        "q": "",
        "title": None,
    }
    base.update(values or {})
    return templates.TemplateResponse(request, name, base, status_code=status_code)
