"""One settings table. Every setting has a default, an environment variable NEWSLOOM_<NAME>, and
a line of documentation; `Settings.from_env()` validates them all at start and the result is
passed down explicitly (nothing reads the environment deep inside the code)."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from newsloom.errors import ConfigError


def _setting(default: Any, doc: str) -> Any:
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class Settings:
    database_url: str = _setting(
        "sqlite:///newsloom.db",
        "SQLAlchemy URL of the database: SQLite (the default, a file in the working directory) "
        "or postgresql+psycopg://user@host/db.",
    )
    host: str = _setting("127.0.0.1", "Address `newsloom serve` listens on.")
    port: int = _setting(8000, "Port `newsloom serve` listens on.")
    poll_interval: int = _setting(900, "Seconds between two polls of one feed when it is healthy.")
    max_backoff: int = _setting(86400, "Longest wait in seconds after repeated feed errors.")
    fetch_timeout: float = _setting(15.0, "Seconds before one HTTP request is abandoned.")
    max_body_bytes: int = _setting(
        8_000_000, "Largest response body read, in bytes; bigger bodies fail clearly."
    )
    max_redirects: int = _setting(5, "Most redirects followed by one request.")
    user_agent: str = _setting(
        "newsloom/0.1 (+https://github.com/newsloom)", "User-Agent sent with every request."
    )
    allow_private_addresses: bool = _setting(
        True,
        "Whether feeds and pages may live on private or loopback addresses. Turn off on a "
        "public multi-user server so nobody can make it fetch internal services.",
    )
    fetch_concurrency: int = _setting(8, "Article pages fetched at once during a poll.")
    per_host_concurrency: int = _setting(2, "Requests to one host at once.")
    poll_lease_seconds: int = _setting(
        600, "How long a poller may hold a feed before another may take it over."
    )
    scheduler_tick: float = _setting(5.0, "Seconds between two looks at which feeds are due.")
    poll_in_background: bool = _setting(True, "Whether `newsloom serve` polls feeds itself.")
    page_size: int = _setting(
        30, "Articles per page on listings (stories per page on the home and hashtag pages)."
    )
    story_half_life_hours: float = _setting(
        6.0,
        "How fast a story sinks on the home page, in hours: stories are ranked by their number "
        "of outlets, halved for every this many hours since their latest article.",
    )
    comment_max_chars: int = _setting(5000, "Longest comment accepted, in characters.")
    name_max_chars: int = _setting(60, "Longest display name accepted for a comment.")
    min_extraction_score: float = _setting(
        0.35,
        "Below this extractor confidence the feed's own content is kept and the article marked.",
    )

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: Any
    ) -> Settings:
        """Read NEWSLOOM_* variables over the defaults, then explicit overrides; validate."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"NEWSLOOM_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f.name, raw, type(f.default))
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)
        settings.validate()
        return settings

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def validate(self) -> None:
        scheme = self.database_url.partition("://")[0].partition("+")[0].lower()
        if "://" not in self.database_url or scheme not in {"sqlite", "postgresql", "postgres"}:
            raise ConfigError(
                f"NEWSLOOM_DATABASE_URL must be a sqlite:// or postgresql:// URL, "
                f"not {self.database_url!r}"
            )
        for name in ("port", "poll_interval", "max_backoff", "max_body_bytes", "page_size",
                     "fetch_concurrency", "per_host_concurrency", "comment_max_chars",
                     "name_max_chars", "poll_lease_seconds"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"NEWSLOOM_{name.upper()} must be a positive number")
        if self.port > 65535:
            raise ConfigError("NEWSLOOM_PORT must be a port number from 1 to 65535")
        if self.max_redirects < 0:
            raise ConfigError("NEWSLOOM_MAX_REDIRECTS must be zero or more")
        for name in ("fetch_timeout", "scheduler_tick"):
            if not 0 < getattr(self, name) < math.inf:
                raise ConfigError(
                    f"NEWSLOOM_{name.upper()} must be a positive number of seconds"
                )
        if not 0 < self.story_half_life_hours < math.inf:
            raise ConfigError("NEWSLOOM_STORY_HALF_LIFE_HOURS must be a positive number of hours")
        if not 0 <= self.min_extraction_score <= 1:
            raise ConfigError("NEWSLOOM_MIN_EXTRACTION_SCORE must be between 0 and 1")

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def documented_settings() -> list[tuple[str, object, str]]:
    """(environment variable, default, documentation) for every setting."""
    return [
        (f"NEWSLOOM_{f.name.upper()}", f.default, str(f.metadata["doc"])) for f in fields(Settings)
    ]


def _parse(name: str, raw: str, kind: type) -> Any:
    env_name = f"NEWSLOOM_{name.upper()}"
    try:
        if kind is bool:
            lowered = raw.strip().lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if kind is int:
            return int(raw)
        if kind is float:
            return float(raw)
        return raw
    except ValueError:
        raise ConfigError(f"{env_name}={raw!r} is not a valid {kind.__name__}") from None
