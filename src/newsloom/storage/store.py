"""The storage facade services receive: one object holding the engine and the repositories."""

from __future__ import annotations

from sqlalchemy import Engine

from newsloom.storage.articles import ArticleRepository
from newsloom.storage.comments import CommentRepository
from newsloom.storage.db import create_db_engine, migrate
from newsloom.storage.duplicates import DuplicateRepository
from newsloom.storage.extras import AiResultRepository
from newsloom.storage.related import RelatedRepository
from newsloom.storage.site_pages import SitePageRepository
from newsloom.storage.sources import SourceRepository
from newsloom.storage.stories import StoryRepository


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sources = SourceRepository(engine)
        self.articles = ArticleRepository(engine)
        self.comments = CommentRepository(engine)
        self.ai_results = AiResultRepository(engine)
        self.site_pages = SitePageRepository(engine)
        self.stories = StoryRepository(engine)
        self.duplicates = DuplicateRepository(engine)
        self.related = RelatedRepository(engine)

    @classmethod
    def open(cls, database_url: str, *, run_migrations: bool = True) -> Store:
        engine = create_db_engine(database_url)
        if run_migrations:
            migrate(engine)
        return cls(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()
