"""Posting reader comments: validated, stored as plain text (shown escaped)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from newsloom.config import Settings
from newsloom.domain.records import Comment
from newsloom.errors import InvalidInput
from newsloom.services.clock import Clock

if TYPE_CHECKING:
    from newsloom.storage.store import Store


class CommentService:
    def __init__(self, store: Store, settings: Settings, clock: Clock) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock

    def post(self, article_id: int, author_name: str, body: str) -> Comment:
        self._store.articles.get(article_id)  # NotFound for a missing article
        name = _clean_line(author_name)
        text = _clean_text(body)
        if not name:
            raise InvalidInput("Please give a display name.", detail={"field": "author_name"})
        if len(name) > self._settings.name_max_chars:
            raise InvalidInput(
                f"The display name is too long ({self._settings.name_max_chars} characters "
                "at most).", detail={"field": "author_name"},
            )
        if not text:
            raise InvalidInput("The comment is empty.", detail={"field": "body"})
        if len(text) > self._settings.comment_max_chars:
            raise InvalidInput(
                f"The comment is too long: {len(text):,} characters, "
                f"{self._settings.comment_max_chars:,} at most.", detail={"field": "body"},
            )
        return self._store.comments.add(article_id, name, text, self._clock())

    def for_article(self, article_id: int) -> list[Comment]:
        return self._store.comments.for_article(article_id)


def _strip_controls(text: str) -> str:
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )


def _clean_line(text: str) -> str:
    return " ".join(_strip_controls(text or "").split())


def _clean_text(text: str) -> str:
    lines = [" ".join(line.split()) for line in _strip_controls(text or "").splitlines()]
    return "\n".join(lines).strip()
