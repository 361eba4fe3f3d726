"""DemoSite: the invented news ecosystem, served over real HTTP on 127.0.0.1.

with DemoSite() as site:
    site.feed_urls, site.articles, site.bad_urls, site.requests.count(path, 200)
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from types import TracebackType

from newsloom.demo.bad import BAD_PATHS
from newsloom.demo.catalog import Catalog, build_catalog
from newsloom.demo.handler import DemoHTTPServer
from newsloom.demo.model import DemoArticle, DemoOutlet, RequestCounter
from newsloom.demo.resources import build_resources


class DemoSite:
    """Serve the demo site from a background thread.

    ``port=0`` picks a free port. Publication times are relative to ``now`` (default: the
    moment :meth:`start` runs, to the second). ``slow_seconds`` is how long the ``slow`` bad
    endpoint waits before answering; ``huge_bytes`` how much the ``huge`` one streams.
    """

    def __init__(
        self,
        port: int = 0,
        *,
        host: str = "127.0.0.1",
        now: datetime | None = None,
        slow_seconds: float = 2.0,
        huge_bytes: int = 5 * 1024 * 1024,
    ) -> None:
        self.host = host
        self.port = port
        self.slow_seconds = slow_seconds
        self.huge_bytes = huge_bytes
        self.requests = RequestCounter()
        self._now = now
        self._server: DemoHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._catalog: Catalog | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> DemoSite:
        if self._server is not None:
            return self
        server = DemoHTTPServer((self.host, self.port), self.requests)
        server.slow_seconds = self.slow_seconds
        server.huge_bytes = self.huge_bytes
        bound_port = int(server.server_address[1])
        base_url = f"http://{self.host}:{bound_port}"
        started = (self._now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        try:
            self._catalog = build_catalog(base_url, started)
            server.resources = build_resources(self._catalog)
        except BaseException:
            server.server_close()
            raise
        self._server = server
        self.port = bound_port
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.1},
            name=f"newsloom-demo-{bound_port}", daemon=True,
        )  # fmt: skip
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        server.stopping.set()
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)
        self._server = self._thread = None

    def serve_forever(self) -> None:
        """Block until interrupted (for ``newsloom demo``); the site must be started."""
        thread = self._thread
        if thread is None:
            raise RuntimeError("DemoSite is not running; call start() first")
        try:
            while thread.is_alive():
                thread.join(timeout=0.5)
        finally:
            self.stop()

    def __enter__(self) -> DemoSite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    # -- what is served --------------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            raise RuntimeError("DemoSite is not started")
        return self._catalog

    @property
    def base_url(self) -> str:
        return self.catalog.base_url

    @property
    def started_at(self) -> datetime:
        """The instant publication times are relative to."""
        return self.catalog.started

    @property
    def outlets(self) -> list[DemoOutlet]:
        return list(self.catalog.outlets)

    @property
    def feed_urls(self) -> list[str]:
        """One URL per outlet: the feed, or the home page for the outlet whose feed must be
        discovered through ``<link rel="alternate">``."""
        return [o.home_url if o.discovered else o.feed_url for o in self.catalog.outlets]

    @property
    def articles(self) -> list[DemoArticle]:
        """Every article, newest first."""
        return [i.article for i in self.catalog.items]

    def articles_of(self, outlet_slug: str) -> list[DemoArticle]:
        return [a for a in self.articles if a.outlet_slug == outlet_slug]

    def story(self, key: str) -> list[DemoArticle]:
        """The articles sharing story key ``key``."""
        return [a for a in self.articles if a.story == key]

    @property
    def bad_urls(self) -> dict[str, str]:
        return {key: self.base_url + path for key, path in BAD_PATHS.items()}

    @property
    def opml_url(self) -> str:
        return self.base_url + "/opml.xml"

    def url(self, path: str) -> str:
        return self.base_url + path
