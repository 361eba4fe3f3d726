"""Helpers shared by the web tests (importable: pytest puts this folder on sys.path)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from newsloom.demo.site import DemoSite

BROKEN_FEED_NAME = "Broken Feed"


@dataclass(frozen=True)
class Ingested:
    """The session's ingested database and the sample site it came from."""

    path: Path
    site: DemoSite


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)
