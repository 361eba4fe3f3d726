"""Per-article enrichment around storage: extraction, hashtags, duplicate fingerprints, and what
happens once an article has its id (exact copies linked to the first one stored)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from newsloom.domain.models import Extracted
from newsloom.domain.records import NewArticle
from newsloom.pipeline import dedup
from newsloom.pipeline.extract import extract
from newsloom.pipeline.hashtags import extract_hashtags

if TYPE_CHECKING:
    from newsloom.storage.store import Store

MAX_HASHTAGS = 8


class Enricher:
    def __init__(self, store: Store) -> None:
        self._store = store

    def extract(self, body: bytes, url: str) -> Extracted:
        return extract(body, url)

    def enrich(self, article: NewArticle) -> NewArticle:
        text = article.text
        tags = extract_hashtags(article.title, text, language=article.language,
                                limit=MAX_HASHTAGS)
        print_ = dedup.fingerprint(article.title, text)
        return dataclasses.replace(
            article,
            hashtags=tuple(tags),
            content_hash=print_.content_hash,
            fingerprint=f"{print_.simhash & 0xFFFFFFFFFFFFFFFF:016x}",
            originator=dedup.detect_originator(text, article.author),
        )

    def after_insert(self, article_id: int, article: NewArticle) -> None:
        if article.content_hash:
            earlier = self._store.articles.ids_with_hash(article.content_hash, exclude=article_id)
            if earlier:
                self._store.articles.mark_duplicate(article_id, earlier[0])
