"""A small invented news ecosystem on a real HTTP server (127.0.0.1, stdlib), made for the
copies and related-coverage tests: one agency text (Nordwire) published by the Fenwick Gazette,
republished with one paragraph rewritten by the Ostmark Herald and word for word by the Valley
Courier; the Tallow Tribune's own report of the same event; days later a follow-up (an inquiry
into the same quarry, the same people); and an unrelated recent article. Every name, place and
sentence is invented."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import cast

WIRE = [
    "BRENNHOLT (Nordwire) — A rockfall at the Brennholt limestone quarry trapped nine workers "
    "for almost six hours on Tuesday before rescue teams reached them through a ventilation "
    "shaft, the regional fire service said.",
    "Quarry manager Ilse Varkonyi said the collapse began shortly after the morning blast on "
    "the lower terrace, when a section of the eastern wall gave way and buried the access "
    "ramp under several hundred tonnes of rock.",
    "Fire service commander Teodor Raskin said two of the workers were taken to hospital in "
    "Fenwick with broken bones and the others were treated at the scene for dust inhalation "
    "and shock. None of the injuries is thought to be life-threatening.",
    "The quarry, which supplies crushed stone for the new coastal road, employs about sixty "
    "people. Operations were suspended for the rest of the week while engineers inspect the "
    "remaining walls with drones and ground radar.",
    "Residents of Brennholt have complained for years about vibrations from blasting, and a "
    "petition signed by more than four hundred people asked the council last spring to limit "
    "the size of charges used near the village.",
    "The regional labour inspectorate said it had opened a review of the quarry's safety "
    "records and would interview the blasting crew later this week.",
]
EDITED_PARAGRAPH = (
    "Fire service commander Teodor Raskin told the Herald that two workers, both from "
    "Ostmark, had been flown to hospital with fractures, while the remaining seven were "
    "checked by paramedics beside the quarry gate and sent home by the evening."
)
OWN_REPORT = [
    "Families waited at the gates of the Brennholt quarry for most of Tuesday as rescuers dug "
    "towards nine workers cut off by a rockfall on the lower terrace.",
    "By early afternoon fire crews led by commander Teodor Raskin had opened a route through "
    "an old ventilation shaft, and the first of the trapped workers was brought out to "
    "applause from neighbours who had gathered with flasks of coffee.",
    "Quarry manager Ilse Varkonyi thanked the rescuers and said the company would cooperate "
    "with any investigation into why the eastern wall collapsed after the morning blast.",
    "Villagers in Brennholt said they had warned for years that the blasting was too close to "
    "homes. The quarry will stay closed for the rest of the week while engineers check the "
    "walls.",
]
FOLLOW_UP = [
    "An inquiry into the rockfall that trapped nine workers at the Brennholt limestone quarry "
    "opened on Monday, with quarry manager Ilse Varkonyi telling investigators that cracks in "
    "the eastern wall had been logged two weeks before the collapse.",
    "The labour inspectorate's panel heard that the blasting crew used larger charges than "
    "the quarry's permit allowed on the morning of the rockfall, a claim the operator "
    "disputes.",
    "Fire service commander Teodor Raskin described how his teams reached the trapped "
    "workers through a ventilation shaft after almost six hours, and urged quarries to keep "
    "such shafts clear.",
    "Residents of Brennholt who petitioned the council over blasting near the village said "
    "they would give evidence. The quarry has not reopened since the collapse.",
]
UNRELATED = [
    "The public library in Tallow Bay will stay open until ten in the evening on weekdays from "
    "next month, after volunteers offered to staff the reading rooms.",
    "The head librarian, Maren Oduya, said evening visits had doubled since a pilot scheme in "
    "the spring, with students and shift workers filling the tables by eight o'clock.",
    "A new lending shelf of board games and musical instruments will open in the children's "
    "wing at the same time, paid for by a bequest from a former teacher.",
    "The town council approved the longer hours without a vote, and the library's café will "
    "keep its shorter opening times for now.",
]


@dataclass(frozen=True)
class Page:
    outlet: str
    path: str
    title: str
    author: str
    paragraphs: tuple[str, ...]
    hours_ago: float


OUTLETS = {
    "gazette": "The Fenwick Gazette",
    "herald": "The Ostmark Herald",
    "courier": "The Valley Courier",
    "tribune": "The Tallow Tribune",
}

PAGES = [
    Page("gazette", "/gazette/news/brennholt-quarry-rockfall.html",
         "Nine workers freed after rockfall at Brennholt quarry", "Nordwire", tuple(WIRE),
         8 * 24),
    Page("herald", "/herald/region/quarry-rescue-brennholt.html",
         "Rescuers reach nine trapped in Brennholt quarry collapse", "Nordwire",
         tuple(EDITED_PARAGRAPH if i == 2 else p for i, p in enumerate(WIRE)), 8 * 24 - 1),
    Page("courier", "/courier/story/brennholt-rockfall.html",
         "Brennholt quarry rockfall: nine trapped workers rescued", "Nordwire", tuple(WIRE),
         8 * 24 - 2),
    Page("tribune", "/tribune/local/brennholt-families-wait.html",
         "Families wait at Brennholt quarry gates as rescuers dig", "Anja Holmqvist",
         tuple(OWN_REPORT), 8 * 24 - 3),
    Page("tribune", "/tribune/local/brennholt-quarry-inquiry.html",
         "Brennholt quarry inquiry told of wall cracks before rockfall", "Anja Holmqvist",
         tuple(FOLLOW_UP), 2 * 24),
    Page("courier", "/courier/story/tallow-bay-library-hours.html",
         "Tallow Bay library to open until 10pm on weekdays", "Pieter Lindqvist",
         tuple(UNRELATED), 1),
]


def _article_html(page: Page, url: str, published: datetime) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in page.paragraphs)
    name = OUTLETS[page.outlet]
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(page.title)} — {escape(name)}</title>
<link rel="canonical" href="{escape(url)}">
<meta property="article:published_time" content="{published.isoformat()}">
</head><body>
<header><a href="/{page.outlet}/">{escape(name)}</a><nav><a href="/{page.outlet}/">Home</a>
<a href="/{page.outlet}/region/">Region</a><a href="/{page.outlet}/sport/">Sport</a></nav></header>
<main><article>
<h1>{escape(page.title)}</h1>
<p class="byline">By {escape(page.author)}</p>
<time datetime="{published.isoformat()}">{published:%d %B %Y}</time>
{body}
</article></main>
<footer><p>© {escape(name)}. All rights reserved.</p></footer>
</body></html>"""


def _feed(outlet: str, base: str, pages: list[tuple[Page, datetime]]) -> str:
    items = "".join(
        f"<item><title>{escape(p.title)}</title><link>{escape(base + p.path)}</link>"
        f"<guid>{escape(base + p.path)}</guid><pubDate>{format_datetime(when)}</pubDate>"
        f"<author>{escape(p.author)}</author></item>"
        for p, when in pages
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(OUTLETS[outlet])}</title><link>{base}/{outlet}/</link>"
            f"<description>News</description>{items}</channel></rss>")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        resources = cast("CopiesSite", self.server.site).resources  # type: ignore[attr-defined]
        found = resources.get(self.path.split("?", 1)[0])
        if found is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        content_type, body = found
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class CopiesSite:
    """Serve the pages above; publication times are ``now`` minus each page's hours."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = (now or datetime.now(UTC)).replace(microsecond=0)
        self.resources: dict[str, tuple[str, str]] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.base_url = ""

    def __enter__(self) -> CopiesSite:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.site = self  # type: ignore[attr-defined]
        self.base_url = f"http://127.0.0.1:{server.server_address[1]}"
        by_outlet: dict[str, list[tuple[Page, datetime]]] = {o: [] for o in OUTLETS}
        for page in PAGES:
            when = self.now - timedelta(hours=page.hours_ago)
            by_outlet[page.outlet].append((page, when))
            self.resources[page.path] = ("text/html; charset=utf-8",
                                         _article_html(page, self.url(page), when))
        for outlet, pages in by_outlet.items():
            self.resources[f"/{outlet}/rss.xml"] = ("application/rss+xml; charset=utf-8",
                                                    _feed(outlet, self.base_url, pages))
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def feed_url(self, outlet: str) -> str:
        return f"{self.base_url}/{outlet}/rss.xml"

    def url(self, page: Page) -> str:
        return self.base_url + page.path

    def page(self, path_part: str) -> Page:
        return next(p for p in PAGES if path_part in p.path)
