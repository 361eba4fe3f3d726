"""Lantern Post: WordPress-like markup, "By X | 5 Minute Read", microdata date; RSS with
content:encoded."""
# ruff: noqa: E501  (HTML and XML template lines are kept whole for readability)

from __future__ import annotations

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.chrome import stable_number
from newsloom.demo.content import OutletSpec
from newsloom.demo.templates.common import (
    attr,
    body_html,
    esc,
    iso,
    nav_html,
    reading_minutes,
)


def byline(item: Item) -> str:
    return f"By {item.article.author} | {reading_minutes(item.spec.word_count)} Minute Read"


def article_page(item: Item, catalog: Catalog) -> str:
    a, c, spec = item.article, item.chrome, item.spec
    box = (
        '<div class="wp-block-group lantern-newsletter"><h4>Lantern Lines</h4>'
        f'<p>{esc(c.newsletter)}</p><p><a class="button" href="/lantern/subscribe">'
        f"{esc(c.newsletter_button)}</a></p></div>"
    )
    sponsored = f'<div class="wp-block-ad sponsored"><p>{esc(c.promo)}</p></div>'
    body = body_html(spec.body, heading_tag="h2", quote_class="wp-block-quote",
                     inserts={1: sponsored, 3: box})  # fmt: skip
    figure = ""
    if a.lead_image:
        figure = (
            f'<figure class="wp-block-image size-large"><img src="{attr(a.lead_image)}" '
            f'alt="{attr(spec.caption or "")}" class="wp-image-{stable_number(spec.slug) % 9999}">'
            f'<figcaption class="wp-element-caption">{esc(spec.caption or "")}</figcaption></figure>'
        )
    keep = "".join(
        f'<li class="jp-relatedposts-post"><a href="{attr(x.url)}">{esc(x.title)}</a></li>'
        for x in c.related
    )
    most = "".join(f'<li><a href="{attr(x.url)}">{esc(x.title)}</a></li>' for x in c.carousel)
    share = "".join(f'<a class="share-{n}" href="#">{esc(s)}</a>' for n, s in enumerate(c.share))
    comments = "".join(
        f'<li class="comment"><div class="comment-author vcard"><cite class="fn">{esc(m.name)}'
        f'</cite> <span class="says">says:</span></div><div class="comment-meta">{esc(m.age)}'
        f'</div><div class="comment-content"><p>{esc(m.text)}</p></div></li>'
        for m in c.comments
    )
    bio = (
        f'<div class="author-box"><h4>About the author</h4><p>{esc(c.bio)}</p></div>'
        if c.bio else ""
    )  # fmt: skip
    cat = "Opinion" if a.opinion else spec.section
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{esc(a.title)} &#8211; Lantern Post</title>
<link rel="canonical" href="{attr(a.canonical_url)}">
<link rel="shortlink" href="{attr(item.guid)}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{attr(a.title)}">
<link rel="alternate" type="application/rss+xml" title="Lantern Post &raquo; Feed" href="{attr(catalog.outlet("lantern").feed_url)}">
</head>
<body class="post-template-default single single-post">
<div id="cookie-notice" class="cn-bottom"><span class="cn-text">{esc(c.cookie)}</span>
<a class="cn-accept">Ok</a></div>
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/lantern/">Lantern Post</a></p>
<p class="site-description">{esc(item.outlet.tagline)}</p>
{nav_html(c.nav, "/lantern/", "main-navigation")}</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard category-{attr(cat.lower())}" itemscope itemtype="https://schema.org/Article">
<header class="entry-header">
<span class="cat-links">{esc(cat)}</span>
<h1 class="entry-title" itemprop="headline">{esc(a.title)}</h1>
<div class="entry-meta"><span class="byline">{esc(byline(item))}</span>
<span class="posted-on" itemprop="datePublished" content="{iso(a.published)}">{a.published:%A} {a.published.day} {a.published:%B %Y}</span></div>
<div class="sharedaddy">{share}</div>
</header>
{figure}
<div class="entry-content" itemprop="articleBody">
{body}
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">{esc(c.related_title)}</h3><ul>{keep}</ul></div>
</div>
<footer class="entry-footer">{bio}</footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">{esc(c.comments_title)}</h2>
<ol class="comment-list">{comments}</ol></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_top-posts">
<h2 class="widget-title">{esc(c.carousel_title)}</h2><ul>{most}</ul></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">{esc(c.legal)}</div></footer>
</div>
</body>
</html>
"""


def home_page(outlet: OutletSpec, items: list[Item], catalog: Catalog) -> str:
    rows = "".join(
        f'<article class="post"><h2 class="entry-title"><a href="{attr(i.article.canonical_url)}">'
        f'{esc(i.article.title)}</a></h2><div class="entry-summary"><p>{esc(i.spec.summary)}'
        "</p></div></article>"
        for i in items
    )
    feed = catalog.outlet(outlet.slug).feed_url
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>Lantern Post &#8211; {esc(outlet.tagline)}</title>
<link rel="alternate" type="application/rss+xml" title="Lantern Post &raquo; Feed" href="{attr(feed)}">
</head><body class="home blog"><main id="main" class="site-main">{rows}</main></body></html>
"""
