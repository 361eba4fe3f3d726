"""AI features, every sentence traceable to its source. The offline provider (extractive) works
everywhere; results are cached per article."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from newsloom.domain.models import SummarySentence
from newsloom.pipeline.summarize import summarize
from newsloom.services.clock import Clock

if TYPE_CHECKING:
    from newsloom.storage.store import Store

PROVIDER = "offline-extractive-1"


class AiService:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    @property
    def provider(self) -> str:
        return PROVIDER

    def summary(self, article_id: int) -> list[SummarySentence]:
        cached = self._store.ai_results.get(article_id, "summary", PROVIDER)
        if cached is not None:
            return [SummarySentence(**item) for item in json.loads(cached)]
        article = self._store.articles.get(article_id)
        sentences = summarize(article.blocks)
        payload = json.dumps([asdict(s) for s in sentences], ensure_ascii=False)
        self._store.ai_results.put(article_id, "summary", PROVIDER, payload, self._clock())
        return sentences
