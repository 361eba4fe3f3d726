"""The HTTP side: a threading server holding the rendered resources, and its request handler
(conditional GET, redirects, the slow and huge endpoints, request counting)."""

from __future__ import annotations

import threading
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import cast

from newsloom.demo import bad
from newsloom.demo.model import RequestCounter
from newsloom.demo.resources import Resource

NOT_FOUND = (
    b"<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>404</h1></body></html>"
)


class DemoHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], counter: RequestCounter) -> None:
        super().__init__(address, DemoHandler)
        self.resources: dict[str, Resource] = {}
        self.counter = counter
        self.slow_seconds = 2.0
        self.huge_bytes = 5 * 1024 * 1024
        self.stopping = threading.Event()


class DemoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # keep-alive clients otherwise stall ~40 ms per response
    server_version = "NewsloomDemo/1.0"

    @property
    def demo(self) -> DemoHTTPServer:
        return cast(DemoHTTPServer, self.server)

    @property
    def route(self) -> str:
        return self.path.split("?", 1)[0].split("#", 1)[0]

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read :class:`RequestCounter` instead of the log."""

    def send_response(self, code: int, message: str | None = None) -> None:
        self.demo.counter.record(self.route, code)
        super().send_response(code, message)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, *, head: bool) -> None:
        route = self.route
        try:
            if route in bad.REDIRECTS:
                status, target = bad.REDIRECTS[route]
                self._redirect(status, target)
            elif route == bad.HUGE_PATH:
                self._huge(head)
            else:
                if route == bad.SLOW_PATH and self.demo.stopping.wait(self.demo.slow_seconds):
                    return
                resource = self.demo.resources.get(route)
                if resource is None:
                    self._send(404, NOT_FOUND, "text/html; charset=utf-8", head=head)
                else:
                    self._resource(resource, head)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _resource(self, res: Resource, head: bool) -> None:
        headers: dict[str, str] = {}
        if res.conditional and res.status == 200:
            headers = {"ETag": res.etag, "Last-Modified": format_datetime(res.last_modified, True)}
            if self._not_modified(res):
                self.send_response(304)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        self._send(res.status, res.body, res.content_type, head=head, extra=headers)

    def _not_modified(self, res: Resource) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            tags = {t.strip().removeprefix("W/") for t in match.split(",")}
            return "*" in tags or res.etag in tags
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                when = parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
            if when.tzinfo is None:
                return False
            return res.last_modified.replace(microsecond=0) <= when
        return False

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        *,
        head: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _redirect(self, status: int, target: str) -> None:
        body = f'<a href="{target}">moved</a>'.encode()
        self._send(status, body, "text/html; charset=utf-8", head=False,
                   extra={"Location": target})  # fmt: skip

    def _huge(self, head: bool) -> None:
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        if head:
            return
        self.wfile.write(bad.HUGE_HEAD)
        sent = len(bad.HUGE_HEAD)
        while sent < self.demo.huge_bytes and not self.demo.stopping.is_set():
            self.wfile.write(bad.HUGE_CHUNK)
            sent += len(bad.HUGE_CHUNK)
        self.wfile.write(b"</channel></rss>\n")
