"""One module per outlet; each renders an article page and a home page to a str."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.content import OutletSpec
from newsloom.demo.templates import echo, harbour, lantern, ledger, meridian

_MODULES: dict[str, ModuleType] = {
    "harbour": harbour,
    "meridian": meridian,
    "ledger": ledger,
    "lantern": lantern,
    "echo": echo,
}

PAGE_CHARSETS: dict[str, str] = {"echo": echo.CHARSET}


def page_charset(outlet_slug: str) -> str:
    return PAGE_CHARSETS.get(outlet_slug, "utf-8")


def render_article(item: Item, catalog: Catalog) -> str:
    render: Callable[[Item, Catalog], str] = _MODULES[item.outlet.slug].article_page
    return render(item, catalog)


def render_home(outlet: OutletSpec, items: list[Item], catalog: Catalog) -> str:
    render: Callable[[OutletSpec, list[Item], Catalog], str] = _MODULES[outlet.slug].home_page
    return render(outlet, items, catalog)
