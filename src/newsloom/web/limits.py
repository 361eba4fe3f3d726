"""A cap on request bodies: a comment or an OPML list is a few kilobytes, so a body of many
megabytes is refused with a plain 413 (in the usual error shape) instead of filling memory."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsloom.web.errors import respond

MAX_BODY_BYTES = 4_000_000


class BodyLimit:
    """Pure ASGI middleware: a declared Content-Length over the cap is refused before anything
    is read; an undeclared (chunked) body is cut off once it passes the cap."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    @property
    def message(self) -> str:
        return f"What was sent is too large ({self.max_bytes / 1_000_000:g} MB at most)."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            response = respond(Request(scope), 413, "too_large", self.message)
            await response(scope, receive, send)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise HTTPException(413, self.message)
            return message

        await self.app(scope, counting_receive, send)
