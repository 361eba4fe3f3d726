"""Every error, one way: under /api a JSON body ``{"error": {"code", "message", "detail"}}``,
elsewhere a friendly HTML page. Never a traceback in a response; unexpected errors are logged."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsloom.errors import NewsloomError
from newsloom.web.views import render

log = logging.getLogger(__name__)

API_PREFIX = "/api/"

_HTTP_CODES = {
    400: ("bad_request", "The request could not be understood."),
    401: ("unauthorized", "You need to sign in for this."),
    403: ("forbidden", "This is not allowed."),
    404: ("not_found", "There is nothing at this address."),
    405: ("method_not_allowed", "This address does not accept that kind of request."),
    406: ("not_acceptable", "This address cannot answer in the format asked for."),
    409: ("conflict", "That conflicts with something already there."),
    413: ("too_large", "What was sent is too large."),
    415: ("unsupported_media_type", "What was sent is in a format this address does not take."),
    422: ("invalid_input", "Some of what was sent is not valid."),
    429: ("too_many_requests", "Too many requests; please wait a moment."),
    500: ("internal_error", "Something went wrong on our side. It has been logged."),
    502: ("bad_gateway", "A remote site did not answer properly."),
    503: ("unavailable", "The service is not available right now."),
}

_PAGE_TITLES = {
    400: "That request did not work",
    404: "Page not found",
    405: "Not allowed here",
    409: "Already there",
    422: "That did not work",
    500: "Something went wrong",
    502: "A remote site did not answer",
    503: "Not available right now",
}


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX) or request.url.path == "/api"


def error_body(code: str, message: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
    """The one JSON error shape."""
    return {"error": {"code": code, "message": message, "detail": jsonable_encoder(detail or {})}}


def respond(
    request: Request,
    status: int,
    code: str,
    message: str,
    detail: dict[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    if is_api(request):
        return JSONResponse(error_body(code, message, detail), status_code=status, headers=headers)
    title = _PAGE_TITLES.get(status, "That did not work")
    response = render(
        request, "error.html",
        {"title": title, "status": status, "message": message},
        status_code=status,
    )  # fmt: skip
    if headers:
        response.headers.update(headers)
    return response


def _plain_validation_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for err in errors[:5]:
        loc = [str(p) for p in err.get("loc", ())]
        if loc and loc[0] in ("body", "query", "path", "header", "cookie"):
            loc = loc[1:]  # where it was sent; the field's own name follows
        where = ".".join(loc) or "the request"
        parts.append(f"{where}: {str(err.get('msg', 'is not valid')).rstrip('.')}")
    return "Some of what was sent is not valid: " + "; ".join(parts) + "."


async def _newsloom_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NewsloomError)
    return respond(request, exc.http_status, exc.code, exc.message, exc.detail)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code, default_message = _HTTP_CODES.get(exc.status_code, ("http_error", "That did not work."))
    message = default_message
    if isinstance(exc.detail, str) and exc.detail and exc.detail not in (
        "Not Found", "Method Not Allowed",
    ):  # fmt: skip
        message = exc.detail
    return respond(request, exc.status_code, code, message, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(err.get("loc", ())), "msg": str(err.get("msg", "")),
         "type": str(err.get("type", ""))}
        for err in exc.errors()
    ]  # fmt: skip
    if is_api(request):
        return respond(request, 422, "invalid_input", _plain_validation_message(errors),
                        {"errors": errors})
    # a page address with a malformed part (/articles/abc) simply does not exist
    if any(e["loc"] and e["loc"][0] == "path" for e in errors):
        return respond(request, 404, "not_found", _HTTP_CODES[404][1])
    return respond(request, 400, "bad_request", _plain_validation_message(errors))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    code, message = _HTTP_CODES[500]
    try:
        return respond(request, 500, code, message)
    except Exception:  # even the error page failed: answer in plain text, still no traceback
        log.exception("the error page itself failed")
        return Response(message, status_code=500, media_type="text/plain")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(NewsloomError, _newsloom_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)
