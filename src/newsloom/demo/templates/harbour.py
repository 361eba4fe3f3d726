"""The Harbour Courier: a traditional broadsheet layout; dates in JSON-LD; RSS feed."""
# ruff: noqa: E501  (HTML and XML template lines are kept whole for readability)

from __future__ import annotations

import json

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.content import OutletSpec
from newsloom.demo.templates.common import (
    attr,
    body_html,
    english_long,
    esc,
    iso,
    nav_html,
    relative,
)


def _json_ld(item: Item, catalog: Catalog) -> str:
    a = item.article
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "OpinionNewsArticle" if a.opinion else "NewsArticle",
        "headline": a.title,
        "description": item.spec.summary,
        "datePublished": iso(a.published),
        "dateModified": iso(a.published),
        "author": [{"@type": "Person", "name": a.author}],
        "publisher": {"@type": "Organization", "name": item.outlet.name},
        "mainEntityOfPage": a.canonical_url,
        "inLanguage": "en-GB",
    }
    if a.lead_image:
        data["image"] = [a.lead_image]
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


def article_page(item: Item, catalog: Catalog) -> str:
    a, c, spec = item.article, item.chrome, item.spec
    newsletter = (
        '<aside class="hc-newsletter-box"><h4>Morning Briefing</h4>'
        f'<p>{esc(c.newsletter)}</p><form action="/harbour/newsletter" method="post">'
        '<input type="email" name="email" placeholder="you@example.com">'
        f"<button>{esc(c.newsletter_button)}</button></form></aside>"
    )
    promo = f'<div class="hc-inline-promo"><p>{esc(c.promo)}</p></div>'
    body = body_html(
        spec.body, p_class="hc-para", heading_tag="h3", quote_class="hc-pullquote",
        inserts={2: newsletter, 5: promo},
    )  # fmt: skip
    figure = ""
    if a.lead_image:
        figure = (
            f'<figure class="hc-lead-figure"><img src="{attr(a.lead_image)}" '
            f'alt="{attr(spec.caption or a.title)}" width="800" height="450">'
            f"<figcaption>{esc(spec.caption or '')} Photograph: Courier archive</figcaption>"
            "</figure>"
        )
    carousel = "".join(
        f'<li class="hc-card"><a href="{attr(x.url)}">{esc(x.title)}</a></li>' for x in c.carousel
    )
    related = "".join(f'<li><a href="{attr(x.url)}">{esc(x.title)}</a></li>' for x in c.related)
    share = "".join(f'<li><button class="hc-share-btn">{esc(s)}</button></li>' for s in c.share)
    comments = "".join(
        f'<li class="hc-comment"><span class="hc-commenter">{esc(m.name)}</span> '
        f'<span class="hc-comment-age">{esc(m.age)}</span><p>{esc(m.text)}</p></li>'
        for m in c.comments
    )
    bio = f'<div class="hc-author-bio"><p>{esc(c.bio)}</p></div>' if c.bio else ""
    kicker = "Opinion" if a.opinion else spec.section
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{esc(a.title)} | The Harbour Courier</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{attr(spec.summary)}">
<link rel="canonical" href="{attr(a.canonical_url)}">
<link rel="alternate" type="application/rss+xml" title="The Harbour Courier" href="{attr(catalog.outlet("harbour").feed_url)}">
<script type="application/ld+json">
{_json_ld(item, catalog)}
</script>
<link rel="stylesheet" href="/static/harbour.css">
</head>
<body class="hc-page hc-article">
<div id="hc-cookie-consent" class="hc-cookie-banner" role="dialog"><p>{esc(c.cookie)}</p>
<button>Accept all</button><button>Manage preferences</button></div>
<header class="hc-masthead"><a class="hc-logo" href="/harbour/">The Harbour Courier</a>
<p class="hc-tagline">{esc(item.outlet.tagline)}</p>
{nav_html(c.nav, "/harbour/", "hc-nav")}
</header>
<section class="hc-top-carousel" aria-label="carousel"><h2 class="hc-carousel-title">{esc(c.carousel_title)}</h2>
<ul class="hc-cards">{carousel}</ul></section>
<main class="hc-main">
<article class="hc-story">
<header class="hc-story-header">
<span class="hc-kicker">{esc(kicker)}</span>
<h1 class="hc-headline">{esc(a.title)}</h1>
<p class="hc-standfirst">{esc(spec.summary)}</p>
<div class="hc-byline">By <a rel="author" href="/harbour/authors/{attr(a.author.lower().replace(" ", "-"))}">{esc(a.author)}</a>
<span class="hc-dateline">{english_long(a.published)}</span>
<span class="hc-ago">({relative(a.published, catalog.started)})</span></div>
<ul class="hc-share">{share}</ul>
</header>
{figure}
<div class="hc-story-body">
{body}
</div>
<aside class="hc-readmore"><h3>{esc(c.related_title)}</h3><ul>{related}</ul></aside>
{bio}
</article>
<section class="hc-comments" id="comments"><h3>{esc(c.comments_title)}</h3><ol>{comments}</ol>
<p class="hc-comment-rules">Comments are moderated. Please be civil.</p></section>
</main>
<footer class="hc-footer"><p>{esc(c.legal)}</p>
<ul><li><a href="/harbour/about">About us</a></li><li><a href="/harbour/contact">Contact</a></li></ul></footer>
</body>
</html>
"""


def home_page(outlet: OutletSpec, items: list[Item], catalog: Catalog) -> str:
    rows = "".join(
        f'<li class="hc-teaser"><a href="{attr(i.article.canonical_url)}">{esc(i.article.title)}</a>'
        f"<p>{esc(i.spec.summary)}</p><span>{relative(i.article.published, catalog.started)}"
        "</span></li>"
        for i in items
    )
    feed = catalog.outlet(outlet.slug).feed_url
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{esc(outlet.name)}</title>
<link rel="alternate" type="application/rss+xml" title="{attr(outlet.name)}" href="{attr(feed)}">
</head><body class="hc-page hc-home"><header class="hc-masthead"><h1 class="hc-logo">{esc(outlet.name)}</h1>
<p class="hc-tagline">{esc(outlet.tagline)}</p></header>
<main><ul class="hc-teasers">{rows}</ul></main></body></html>
"""
