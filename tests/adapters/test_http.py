"""The fetcher against real servers on 127.0.0.1: the demo site and a tiny misbehaving one.
Every failure is a FetchError in plain words."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsloom.adapters.http import ACCEPT_FEED, HttpFetcher
from newsloom.config import Settings
from newsloom.demo.site import DemoSite
from newsloom.errors import FetchError

pytestmark = pytest.mark.integration


class _Handler(BaseHTTPRequestHandler):
    """/loop redirects to itself, /declared-big announces a huge body, /trickle sends a byte
    every 0.1 s for 5 s, /echo-headers returns the request headers, /ftp redirects off http,
    /relative redirects with a relative Location, /error answers 500."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path
        if path == "/loop":
            self._reply(302, b"", {"Location": "/loop"})
        elif path == "/relative":
            self._reply(301, b"", {"Location": "target?x=1"})
        elif path == "/target?x=1":
            self._reply(200, b"arrived", {"Content-Type": "text/plain"})
        elif path == "/ftp":
            self._reply(302, b"", {"Location": "ftp://127.0.0.1/file"})
        elif path == "/declared-big":
            self.send_response(200)
            self.send_header("Content-Length", "999999999")
            self.end_headers()
            self.wfile.write(b"x" * 100)
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/echo-headers":
            body = "\n".join(f"{k}: {v}" for k, v in self.headers.items()).encode()
            self._reply(200, body, {"Content-Type": "text/plain"})
        else:
            self._reply(500, b"boom", {"Content-Type": "text/plain"})

    def _reply(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def odd_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@contextmanager
def _fetcher(**overrides: object) -> Iterator[HttpFetcher]:
    fetcher = HttpFetcher(Settings.from_env({}, **{"fetch_timeout": 5.0, **overrides}))
    try:
        yield fetcher
    finally:
        fetcher.close()


@pytest.fixture
def fetcher() -> Iterator[HttpFetcher]:
    with _fetcher() as fetcher:
        yield fetcher


def test_feed_is_fetched_with_validators(fetcher: HttpFetcher, demo_site: DemoSite) -> None:
    url = demo_site.outlets[0].feed_url
    result = fetcher.fetch(url, accept=ACCEPT_FEED)
    assert result.status == 200
    assert result.url == url
    assert not result.not_modified
    assert result.body.lstrip().startswith((b"<", b"{"))
    assert result.content_type
    assert result.etag and result.last_modified


def test_conditional_get_returns_not_modified(fetcher: HttpFetcher, demo_site: DemoSite) -> None:
    url = demo_site.outlets[0].feed_url
    first = fetcher.fetch(url, accept=ACCEPT_FEED)
    by_etag = fetcher.fetch(url, accept=ACCEPT_FEED, etag=first.etag)
    assert by_etag.status == 304 and by_etag.not_modified and by_etag.body == b""
    by_date = fetcher.fetch(url, accept=ACCEPT_FEED, last_modified=first.last_modified)
    assert by_date.not_modified
    changed = fetcher.fetch(url, accept=ACCEPT_FEED, etag='"another-version"')
    assert changed.status == 200 and changed.body == first.body


def test_user_agent_and_accept_are_sent(odd_server: str) -> None:
    with _fetcher(user_agent="newsloom-test/9") as fetcher:
        body = fetcher.fetch(odd_server + "/echo-headers", accept=ACCEPT_FEED).body.decode()
        assert "User-Agent: newsloom-test/9" in body
        assert f"Accept: {ACCEPT_FEED}" in body


def test_redirects_are_followed_and_final_url_reported(
    fetcher: HttpFetcher, demo_site: DemoSite
) -> None:
    result = fetcher.fetch(demo_site.bad_urls["redirect_to_feed"], accept=ACCEPT_FEED)
    assert result.status == 200
    assert result.url == demo_site.url("/harbour/rss.xml")
    assert b"<rss" in result.body


def test_relative_redirect_is_resolved(fetcher: HttpFetcher, odd_server: str) -> None:
    result = fetcher.fetch(odd_server + "/relative")
    assert (result.url, result.body) == (odd_server + "/target?x=1", b"arrived")


def test_too_many_redirects(demo_site: DemoSite) -> None:
    url = demo_site.bad_urls["redirect_to_feed"]  # three hops
    with (
        _fetcher(max_redirects=2) as fetcher,
        pytest.raises(FetchError, match=r"redirected more than 2 times"),
    ):
        fetcher.fetch(url)
    with _fetcher(max_redirects=3) as fetcher:
        assert fetcher.fetch(url).status == 200


def test_redirect_loop_stops(fetcher: HttpFetcher, odd_server: str) -> None:
    with pytest.raises(FetchError, match=r"/loop redirected more than 5 times"):
        fetcher.fetch(odd_server + "/loop")


def test_redirect_off_http_is_refused(fetcher: HttpFetcher, odd_server: str) -> None:
    with pytest.raises(FetchError, match="is not an http"):
        fetcher.fetch(odd_server + "/ftp")


def test_timeout_in_plain_words(demo_site: DemoSite) -> None:
    with _fetcher(fetch_timeout=0.5) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(demo_site.bad_urls["slow"])
        assert caught.value.message == (
            f"{demo_site.bad_urls['slow']} did not answer within 0.5 seconds"
        )
        assert time.monotonic() - started < 1.5


def test_a_body_trickling_in_is_abandoned_at_the_timeout(odd_server: str) -> None:
    with _fetcher(fetch_timeout=0.5) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"did not answer within 0\.5 seconds"):
            fetcher.fetch(odd_server + "/trickle")
        assert time.monotonic() - started < 2.0


def test_body_over_the_cap(demo_site: DemoSite) -> None:
    with _fetcher(max_body_bytes=50_000) as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(demo_site.bad_urls["huge"])
        assert caught.value.message == (
            f"{demo_site.bad_urls['huge']} is larger than the 50 kB limit "
            "(NEWSLOOM_MAX_BODY_BYTES)"
        )


def test_declared_length_over_the_cap(odd_server: str) -> None:
    with (
        _fetcher(max_body_bytes=2_500_000) as fetcher,
        pytest.raises(FetchError, match=r"larger than the 2\.5 MB limit"),
    ):
        fetcher.fetch(odd_server + "/declared-big")


def test_http_error_statuses(fetcher: HttpFetcher, demo_site: DemoSite, odd_server: str) -> None:
    url = demo_site.bad_urls["missing_article"]
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert caught.value.message == f"{url} answered HTTP 404 Not Found"
    assert caught.value.detail["status"] == 404
    with pytest.raises(FetchError, match="answered HTTP 500"):
        fetcher.fetch(odd_server + "/anything-else")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_port(fetcher: HttpFetcher) -> None:
    port = _closed_port()
    with pytest.raises(FetchError, match=rf"^could not connect to 127\.0\.0\.1:{port} \("):
        fetcher.fetch(f"http://127.0.0.1:{port}/feed.xml")


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/feed", "file:///etc/passwd", "not a url", "http:///nohost"]
)
def test_non_http_urls_are_refused(fetcher: HttpFetcher, url: str) -> None:
    with pytest.raises(FetchError, match="is not an http"):
        fetcher.fetch(url)


@pytest.mark.parametrize("private", [True, False])
def test_bad_port_is_a_fetch_error(private: bool) -> None:
    with _fetcher(allow_private_addresses=private) as fetcher, pytest.raises(FetchError):
        fetcher.fetch("http://127.0.0.1:99999/feed.xml")


def test_private_addresses_refused_when_not_allowed(demo_site: DemoSite) -> None:
    feed = demo_site.outlets[0].feed_url
    path = feed.removeprefix(demo_site.base_url)
    asked_before = demo_site.requests.count(path)
    with _fetcher(allow_private_addresses=False) as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(feed)
        assert caught.value.message == (
            "127.0.0.1 resolves to a private address, which this server does not fetch "
            "(NEWSLOOM_ALLOW_PRIVATE_ADDRESSES)"
        )
        with pytest.raises(FetchError, match="private address"):
            fetcher.fetch("http://localhost:9/")
        with pytest.raises(FetchError, match="private address"):
            fetcher.fetch("http://[::1]:9/")
    assert demo_site.requests.count(path) == asked_before, "the request must not be sent"


def test_private_redirect_target_refused_when_not_allowed(odd_server: str) -> None:
    with (
        _fetcher(allow_private_addresses=False) as fetcher,
        pytest.raises(FetchError, match="private address"),
    ):
        fetcher.fetch(odd_server + "/relative")


def test_unknown_host_when_checking_addresses() -> None:
    with (
        _fetcher(allow_private_addresses=False) as fetcher,
        pytest.raises(FetchError, match=r"the host no-such-host\.invalid is unknown"),
    ):
        fetcher.fetch("http://no-such-host.invalid/feed")
