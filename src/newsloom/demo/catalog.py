"""Turns written content into the concrete site: URLs on one base URL, publication times
relative to a start instant, feed GUIDs, and the chrome around each page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from newsloom.demo.chrome import PageChrome, choose_chrome, stable_number
from newsloom.demo.content import ArticleSpec, OutletSpec, load_articles, load_outlets
from newsloom.demo.model import DemoArticle, DemoOutlet


@dataclass(frozen=True, slots=True)
class Item:
    """Everything needed to render one article page and its feed entry."""

    spec: ArticleSpec
    outlet: OutletSpec
    article: DemoArticle
    chrome: PageChrome
    guid: str
    path: str
    image_path: str | None


@dataclass(frozen=True, slots=True)
class Catalog:
    base_url: str
    started: datetime
    outlet_specs: tuple[OutletSpec, ...]
    outlets: tuple[DemoOutlet, ...]
    items: tuple[Item, ...]

    def items_of(self, slug: str) -> list[Item]:
        """One outlet's items, newest first."""
        return [i for i in self.items if i.outlet.slug == slug]

    def outlet(self, slug: str) -> DemoOutlet:
        return next(o for o in self.outlets if o.slug == slug)


def article_path(outlet: OutletSpec, slug: str) -> str:
    return f"{outlet.article_prefix}{slug}{outlet.article_suffix}"


def image_path(outlet: OutletSpec, key: str) -> str:
    ext = "png" if outlet.slug == "harbour" else "svg"
    return f"/img/{outlet.slug}/{key}.{ext}"


def feed_guid(outlet: OutletSpec, spec: ArticleSpec, canonical: str, base_url: str) -> str:
    """Meridian's Atom ids and Lantern's WordPress-style ``?p=`` GUIDs differ from the URLs."""
    number = 1000 + stable_number(outlet.slug, spec.slug) % 9000
    if outlet.slug == "meridian":
        return f"tag:meridian-daily.example,2026:story/{number}"
    if outlet.slug == "lantern":
        return f"{base_url}/lantern/?p={number}"
    return canonical


def build_catalog(base_url: str, started: datetime) -> Catalog:
    specs = load_outlets()
    articles = load_articles(specs)
    outlets = tuple(_outlet(base_url, s) for s in specs)
    items: list[Item] = []
    for outlet in specs:
        own = [a for a in articles if a.outlet == outlet.slug]
        siblings = [(a, base_url + article_path(outlet, a.slug)) for a in own]
        for spec in own:
            items.append(_item(base_url, started, outlet, spec, siblings))
    items.sort(key=lambda i: (-i.article.published.timestamp(), i.outlet.order, i.spec.slug))
    return Catalog(base_url, started, tuple(specs), outlets, tuple(items))


def _outlet(base_url: str, spec: OutletSpec) -> DemoOutlet:
    return DemoOutlet(
        slug=spec.slug,
        name=spec.name,
        home_url=f"{base_url}/{spec.slug}/",
        feed_url=base_url + spec.feed_path,
        feed_format=spec.feed_format,
        language=spec.language,
        discovered=spec.discovered,
    )


def _item(
    base_url: str,
    started: datetime,
    outlet: OutletSpec,
    spec: ArticleSpec,
    siblings: list[tuple[ArticleSpec, str]],
) -> Item:
    path = article_path(outlet, spec.slug)
    canonical = base_url + path
    url = f"{canonical}?{outlet.tracking}" if outlet.tracking else canonical
    chrome = choose_chrome(outlet, spec, siblings)
    img = image_path(outlet, spec.image) if spec.image else None
    published = started - timedelta(minutes=round(spec.hours_ago * 60))
    article = DemoArticle(
        outlet_slug=outlet.slug,
        url=url,
        canonical_url=canonical,
        title=spec.title,
        author=spec.author,
        published=published,
        paragraphs=spec.paragraphs,
        junk=chrome.junk_phrases(),
        story=spec.story,
        wire=spec.wire,
        opinion=spec.opinion,
        lead_image=base_url + img if img else None,
        language=outlet.language,
        summary=spec.summary,
        slug=spec.slug,
    )
    guid = feed_guid(outlet, spec, canonical, base_url)
    return Item(spec, outlet, article, chrome, guid, path, img)
