"""A real browser on the real app: Debian's chromium driven by Playwright, the app served by
uvicorn on a free port against a copy of the ingested database. Never downloads a browser.

Screenshots (desktop and phone, light and dark) go to /tmp/newsloom-screenshots/."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from web_support import Ingested, browser_unavailable, copy_database, open_app

from newsloom.bootstrap import App
from newsloom.demo.model import DemoArticle
from newsloom.domain.records import Article
from newsloom.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.integration]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = Path("/tmp/newsloom-screenshots")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    if not CHROMIUM.exists():
        browser_unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("Playwright for Python is not installed")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Any) -> Iterator[Any]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def _new_page(browser: Any, **options: Any) -> tuple[Any, Any]:
    context = browser.new_context(**options)
    context.set_default_timeout(8000)
    return context, context.new_page()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server_ctx(ingested: Ingested, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    copy = copy_database(ingested.path, tmp_path_factory.mktemp("browser") / "browser.db")
    app = open_app(copy, migrate=False)
    yield app
    app.close()


@pytest.fixture(scope="module")
def server(server_ctx: App) -> Iterator[str]:
    """The app served by uvicorn in a background thread; yields its base URL."""
    port = _free_port()
    config = uvicorn.Config(create_app(server_ctx), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def _shoot(page: Any, name: str, *, full_page: bool = True) -> None:
    """The whole page, and what a reader sees first (the top of the screen)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-top.png"))
    if full_page:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_read_an_article_and_post_a_comment(
    browser: Any, server: str, feature_article: tuple[DemoArticle, Article]
) -> None:
    demo, article = feature_article
    context, page = _new_page(browser, viewport=DESKTOP, color_scheme="light")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def console(msg: Any) -> None:
        # the 422 is the empty comment posted on purpose below
        if msg.type == "error" and "status of 422" not in msg.text:
            errors.append(f"{msg.text} @ {msg.location['url']}")

    page.on("console", console)

    page.goto(server + "/")
    assert page.title() == "newsloom"
    assert page.locator(".cards .card").count() >= 5
    _shoot(page, "home-desktop-light")

    # from the story's block on the home page to its full coverage, then to the article
    page.locator(f'li[data-story="{article.story_id}"] .coverage-link a').click()
    page.wait_for_url(f"**/stories/{article.story_id}")
    assert page.locator(".coverage-chart svg g.series").count() >= 2
    _shoot(page, "story-desktop-light")
    page.locator(f'.by-outlet a[href="/articles/{article.id}/{article.slug}"]').click()
    page.wait_for_url(f"**/articles/{article.id}/{article.slug}")
    assert page.locator("h1#headline").inner_text() == demo.title
    assert page.locator(".body p").count() >= len(demo.paragraphs)
    _shoot(page, "article-desktop-light")

    # a summary sentence takes the reader to its place in the text, highlighted
    first = page.locator(".ai .summary a").first
    target = (first.get_attribute("href") or "").lstrip("#")
    first.click()
    assert page.evaluate("document.querySelector(':target')?.id") == target

    # posting with htmx: the comment appears without a reload
    before = page.locator(".comment-list li").count()
    page.evaluate("window.__stillHere = true")
    page.fill("#author_name", "Browser Reader")
    page.fill("#body", "Seen in a real browser.")
    page.click("#comment-form button[type=submit]")
    page.locator(".comment-list li", has_text="Seen in a real browser.").wait_for()
    assert page.evaluate("window.__stillHere === true"), "the page reloaded"
    assert page.locator("#body").input_value() == ""

    # an empty comment: a plain message next to the form, still no reload
    page.click("#comment-form button[type=submit]")
    page.locator("#comment-form .error").wait_for()
    assert "The comment is empty." in page.locator("#comment-form .error").inner_text()
    assert page.locator(".comment-list li").count() == before + 1
    assert not errors, errors
    context.close()


def test_works_without_javascript(
    browser: Any, server: str, feature_article: tuple[DemoArticle, Article], ingested: Ingested
) -> None:
    _, article = feature_article
    context, page = _new_page(browser, viewport=DESKTOP, java_script_enabled=False)
    page.goto(f"{server}/articles/{article.id}")
    page.fill("#author_name", "No Script")
    page.fill("#body", "Posted with a plain form.")
    page.click("#comment-form button[type=submit]")
    page.wait_for_url(f"**/articles/{article.id}/{article.slug}#c*")
    assert "Posted with a plain form." in page.locator(".comment-list").inner_text()
    page.goto(f"{server}/sources")
    page.fill("#source-url", ingested.site.bad_urls["not_a_feed"])
    page.click(".add-source button[type=submit]")
    assert "is not a feed" in page.locator(".add-source .error").inner_text()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_layout_screenshots(
    browser: Any, server: str, feature_article: tuple[DemoArticle, Article],
    device: str, scheme: str,
) -> None:
    _, article = feature_article
    viewport = PHONE if device == "phone" else DESKTOP
    context, page = _new_page(browser, viewport=viewport, color_scheme=scheme,
                              is_mobile=device == "phone")
    pages = [("home", "/"), ("article", f"/articles/{article.id}"),
             ("story", f"/stories/{article.story_id}")]
    if scheme == "light":
        pages.append(("sources", "/sources"))
    for name, path in pages:
        page.goto(server + path)
        # nothing wider than the screen: no sideways scrolling on a phone
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than the {device} screen"
        _shoot(page, f"{name}-{device}-{scheme}", full_page=name == "article")
    page.goto(f"{server}/articles/{article.id}")
    body_width = page.evaluate(
        "document.querySelector('.body p').getBoundingClientRect().width"
    )
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.body p')).fontSize)")
    assert body_width <= 75 * font, "the article body should stay near 70 characters wide"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    dark = background not in ("rgb(251, 250, 247)",)
    assert dark == (scheme == "dark"), background
    context.close()
