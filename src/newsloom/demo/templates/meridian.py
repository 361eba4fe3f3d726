"""Meridian Daily: div soup with OpenGraph/meta dates, no <article> element; Atom feed."""

from __future__ import annotations

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.content import OutletSpec
from newsloom.demo.templates.common import (
    attr,
    body_html,
    english_us,
    esc,
    iso,
    nav_html,
)


def article_page(item: Item, catalog: Catalog) -> str:
    a, c, spec = item.article, item.chrome, item.spec
    signup = (
        '<div class="m-signup-module" data-module="newsletter">'
        f'<p class="m-signup-text">{esc(c.newsletter)}</p>'
        f'<a class="m-btn" href="/meridian/newsletters">{esc(c.newsletter_button)}</a></div>'
    )
    trending = "".join(
        f'<div class="m-trend-item"><span class="m-trend-rank">{n}</span>'
        f'<a href="{attr(x.url)}">{esc(x.title)}</a></div>'
        for n, x in enumerate(c.carousel, start=1)
    )
    trending_box = (
        f'<div class="m-trending"><div class="m-trending-head">{esc(c.carousel_title)}</div>'
        f"{trending}</div>"
    )
    body = body_html(spec.body, quote_class="m-quote", inserts={3: signup, 1: trending_box})
    image_meta = figure = ""
    if a.lead_image:
        image_meta = f'<meta property="og:image" content="{attr(a.lead_image)}">'
        figure = (
            f'<div class="m-hero"><img src="{attr(a.lead_image)}" alt="">'
            f'<div class="m-hero-caption">{esc(spec.caption or "")}</div></div>'
        )
    more = "".join(
        f'<div class="m-more-item"><a href="{attr(x.url)}">{esc(x.title)}</a></div>'
        for x in c.related
    )
    share = " ".join(f'<a class="m-share" href="#">{esc(s)}</a>' for s in c.share)
    comments = "".join(
        f'<div class="m-reply"><b>{esc(m.name)}</b> <i>{esc(m.age)}</i>'
        f'<div class="m-reply-text">{esc(m.text)}</div></div>'
        for m in c.comments
    )
    bio = f'<div class="m-author-card">{esc(c.bio)}</div>' if c.bio else ""
    label = '<div class="m-label m-label-opinion">Opinion</div>' if a.opinion else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(a.title)} - Meridian Daily</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="Meridian Daily">
<meta property="og:title" content="{attr(a.title)}">
<meta property="og:description" content="{attr(spec.summary)}">
<meta property="og:url" content="{attr(a.canonical_url)}">
{image_meta}
<meta property="article:published_time" content="{iso(a.published)}">
<meta property="article:modified_time" content="{iso(a.published)}">
<meta property="article:section" content="{attr(spec.section)}">
<meta name="author" content="{attr(a.author)}">
<meta name="description" content="{attr(spec.summary)}">
<link rel="canonical" href="{attr(a.canonical_url)}">
</head>
<body>
<div class="m-consent-overlay"><div class="m-consent">{esc(c.cookie)}
<button>Agree</button><button>Options</button></div></div>
<div class="m-top"><a class="m-brand" href="/meridian/">MERIDIAN DAILY</a>
{nav_html(c.nav, "/meridian/", "m-menu")}</div>
<div class="m-wrap">
<div class="m-col-main">
{label}
<div class="m-title"><h1>{esc(a.title)}</h1></div>
<div class="m-dek">{esc(spec.summary)}</div>
<div class="m-meta"><span class="m-author">{esc(a.author)}</span>
<span class="m-date">{english_us(a.published)}</span></div>
<div class="m-sharebar">{share}</div>
{figure}
<div class="m-content">
{body}
<div class="m-listen">{esc(c.promo)}</div>
{bio}
<div class="m-more"><div class="m-more-head">{esc(c.related_title)}</div>{more}</div>
</div>
<div class="m-replies"><div class="m-replies-head">{esc(c.comments_title)}</div>{comments}</div>
</div>
<div class="m-col-side"><div class="m-ad">Advertisement</div></div>
</div>
<div class="m-foot">{esc(c.legal)}</div>
</body>
</html>
"""


def home_page(outlet: OutletSpec, items: list[Item], catalog: Catalog) -> str:
    rows = "".join(
        f'<div class="m-tile"><a href="{attr(i.article.canonical_url)}">{esc(i.article.title)}</a>'
        f'<div class="m-tile-dek">{esc(i.spec.summary)}</div></div>'
        for i in items
    )
    feed = catalog.outlet(outlet.slug).feed_url
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Meridian Daily - {esc(outlet.tagline)}</title>
<link rel="alternate" type="application/atom+xml" title="Meridian Daily" href="{attr(feed)}">
</head><body><div class="m-top"><span class="m-brand">MERIDIAN DAILY</span></div>
<div class="m-grid">{rows}</div></body></html>
"""
