"""The web application: pages, the JSON API, static files and error handling, around one
`App` context built by `newsloom.bootstrap.build`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsloom import __version__
from newsloom.bootstrap import App
from newsloom.jobs.scheduler import Scheduler
from newsloom.web import api, docs, pages
from newsloom.web.errors import install_error_handlers
from newsloom.web.head import HeadAsGet
from newsloom.web.limits import BodyLimit
from newsloom.web.security import SecurityHeaders
from newsloom.web.views import STATIC_DIR

DESCRIPTION = (
    "newsloom's JSON API. Every page of the site has an endpoint here. "
    "Every error, whatever its status, has the body "
    '`{"error": {"code": "...", "message": "plain words", "detail": {...}}}`.'
)


def create_app(ctx: App, *, scheduler: Scheduler | None = None) -> FastAPI:
    """Build the ASGI app. With a scheduler, polling starts with the app and stops with it."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if scheduler is not None:
            scheduler.start()
        try:
            yield
        finally:
            if scheduler is not None:
                scheduler.stop()

    app = FastAPI(
        title="newsloom",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.ctx = ctx
    app.state.scheduler = scheduler
    install_error_handlers(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    return app
