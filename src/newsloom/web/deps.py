"""What routes receive: the application context, and helpers both pages and the API share."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Depends, Path, Request

from newsloom.bootstrap import App
from newsloom.domain.models import SummarySentence
from newsloom.web.views import context_of

log = logging.getLogger(__name__)


def get_ctx(request: Request) -> App:
    return context_of(request)


Ctx = Annotated[App, Depends(get_ctx)]

MAX_ID = 2**63 - 1
"""Ids are 64-bit database integers; a bigger number in an address names nothing."""
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="The article's id.")]
SourceId = Annotated[int, Path(ge=1, le=MAX_ID, description="The source's id.")]


def summary_or_none(ctx: App, article_id: int) -> list[SummarySentence] | None:
    """The article's summary; None (logged) if it could not be made, so the article itself
    still shows."""
    try:
        return ctx.ai.summary(article_id)
    except Exception:
        log.exception("the summary of article %s could not be made", article_id)
        return None

