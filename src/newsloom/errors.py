"""One exception tree. Every error a user can see carries a plain-words message and a code;
the web layer maps it to one JSON shape and the CLI prints the message without a traceback."""

from __future__ import annotations


class NewsloomError(Exception):
    """Base of every error newsloom raises on purpose."""

    code = "error"
    http_status = 500

    def __init__(self, message: str, *, detail: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class InvalidInput(NewsloomError):
    """The caller sent something we cannot accept (an empty comment, a bad URL...)."""

    code = "invalid_input"
    http_status = 422


class NotFound(NewsloomError):
    code = "not_found"
    http_status = 404


class Conflict(NewsloomError):
    code = "conflict"
    http_status = 409


class FetchError(NewsloomError):
    """A remote page or feed could not be fetched (unreachable, timeout, HTTP error, too big)."""

    code = "fetch_failed"
    http_status = 502


class FeedError(NewsloomError):
    """What was fetched is not a feed we can read, or no feed was found on a page."""

    code = "not_a_feed"
    http_status = 422


class ExtractionError(NewsloomError):
    """A page could not be turned into an article (binary bytes, no text at all...)."""

    code = "extraction_failed"
    http_status = 422


class ConfigError(NewsloomError):
    code = "bad_config"
    http_status = 500
