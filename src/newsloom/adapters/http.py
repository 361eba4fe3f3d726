"""The one fetcher: every request newsloom makes goes through here. It owns timeouts, the body
size cap, redirects (each hop checked), conditional GET, per-host limits and address checks,
and turns every failure into a FetchError in plain words."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx

from newsloom.config import Settings
from newsloom.errors import FetchError

ACCEPT_FEED = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str
    """The final URL, after redirects."""
    status: int
    body: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher(Protocol):
    def fetch(
        self,
        url: str,
        *,
        accept: str = ACCEPT_HTML,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult: ...


class HttpFetcher:
    """httpx-backed fetcher. `transport` is the seam tests and benchmarks may replace."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        self._settings = settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent},
            transport=transport,
        )
        self._host_slots: defaultdict[str, threading.BoundedSemaphore] = defaultdict(
            lambda: threading.BoundedSemaphore(settings.per_host_concurrency)
        )
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        *,
        accept: str = ACCEPT_HTML,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self._settings.max_redirects + 1):
            self._check_address(current)
            with self._slot(current):
                result = self._fetch_once(current, headers)
            if isinstance(result, FetchResult):
                return result
            current = result
        raise FetchError(
            f"{url} redirected more than {self._settings.max_redirects} times",
            detail={"url": url},
        )

    def _fetch_once(self, url: str, headers: dict[str, str]) -> FetchResult | str:
        """A FetchResult, or the URL a redirect points to."""
        cap = self._settings.max_body_bytes
        deadline = time.monotonic() + self._settings.fetch_timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.is_redirect and "location" in response.headers:
                    return urljoin(url, response.headers["location"])
                if response.status_code == 304:
                    return self._result(url, response, b"")
                if response.status_code >= 400:
                    reason = response.reason_phrase or "error"
                    raise FetchError(
                        f"{url} answered HTTP {response.status_code} {reason}",
                        detail={"url": url, "status": response.status_code},
                    )
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > cap:
                    raise _too_big(url, cap)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    if time.monotonic() > deadline:  # a body trickling in never ends otherwise
                        raise httpx.ReadTimeout("the body took too long", request=response.request)
                    size += len(chunk)
                    if size > cap:
                        raise _too_big(url, cap)
                    chunks.append(chunk)
                return self._result(url, response, b"".join(chunks))
        except FetchError:
            raise
        except httpx.TimeoutException:
            raise FetchError(
                f"{url} did not answer within {self._settings.fetch_timeout:g} seconds",
                detail={"url": url},
            ) from None
        except httpx.ConnectError as exc:
            raise FetchError(
                f"could not connect to {urlsplit(url).netloc} ({_short(exc)})",
                detail={"url": url},
            ) from None
        except httpx.InvalidURL:
            raise FetchError(f"{url!r} is not a valid URL", detail={"url": url}) from None
        except (httpx.HTTPError, httpx.StreamError, OSError) as exc:
            raise FetchError(
                f"fetching {url} failed ({_short(exc)})", detail={"url": url}
            ) from None

    @staticmethod
    def _result(url: str, response: httpx.Response, body: bytes) -> FetchResult:
        return FetchResult(
            url=url,
            status=response.status_code,
            body=body,
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    @contextmanager
    def _slot(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            semaphore = self._host_slots[host]
        with semaphore:
            yield

    def _check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise FetchError(f"{url!r} is not an http(s) URL", detail={"url": url})
        try:
            port = parts.port
        except ValueError:
            raise FetchError(f"{url!r} is not a valid URL", detail={"url": url}) from None
        if self._settings.allow_private_addresses:
            return
        try:
            infos = socket.getaddrinfo(parts.hostname, port or 443, type=socket.SOCK_STREAM)
        except socket.gaierror:
            raise FetchError(f"the host {parts.hostname} is unknown", detail={"url": url}) from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                raise FetchError(
                    f"{parts.hostname} resolves to a private address, which this server "
                    "does not fetch (NEWSLOOM_ALLOW_PRIVATE_ADDRESSES)",
                    detail={"url": url},
                )


def _too_big(url: str, cap: int) -> FetchError:
    return FetchError(
        f"{url} is larger than the {_size(cap)} limit (NEWSLOOM_MAX_BODY_BYTES)",
        detail={"url": url},
    )


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.split("\n")[0][:160]
