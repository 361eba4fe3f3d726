"""The Northgate Ledger: clean HTML5 with <time datetime>; JSON Feed 1.1."""
# ruff: noqa: E501  (HTML and XML template lines are kept whole for readability)

from __future__ import annotations

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.content import OutletSpec
from newsloom.demo.templates.common import attr, body_html, esc, iso, nav_html, relative


def _time(item: Item, catalog: Catalog) -> str:
    p = item.article.published
    return (
        f'<time class="lg-time" datetime="{iso(p)}" title="{p:%d/%m/%Y %H:%M} UTC">'
        f"{relative(p, catalog.started)}</time>"
    )


def article_page(item: Item, catalog: Catalog) -> str:
    a, c, spec = item.article, item.chrome, item.spec
    evening = (
        '<aside class="lg-newsletter" aria-label="Newsletter"><strong>The Evening Edit</strong>'
        f"<p>{esc(c.newsletter)}</p><button>{esc(c.newsletter_button)}</button></aside>"
    )
    related = (
        f'<aside class="lg-related"><h2>{esc(c.related_title)}</h2><ul>'
        + "".join(f'<li><a href="{attr(x.url)}">{esc(x.title)}</a></li>' for x in c.related)
        + "</ul></aside>"
    )
    body = body_html(spec.body, p_class="", list_class="lg-list",
                     inserts={4: evening, len(spec.body) - 1: related})  # fmt: skip
    figure = ""
    if a.lead_image:
        figure = (
            f'<figure class="lg-figure"><picture><img src="{attr(a.lead_image)}" '
            f'alt="{attr(spec.caption or "")}" loading="lazy"></picture>'
            f"<figcaption>{esc(spec.caption or '')}</figcaption></figure>"
        )
    picks = "".join(
        f'<li class="lg-pick"><a href="{attr(x.url)}"><h3>{esc(x.title)}</h3></a></li>'
        for x in c.carousel
    )
    share = "".join(f'<a class="lg-share" href="#">{esc(s)}</a>' for s in c.share)
    comments = "".join(
        f'<article class="lg-comment"><header>{esc(m.name)} · {esc(m.age)}</header>'
        f"<p>{esc(m.text)}</p></article>"
        for m in c.comments
    )
    bio = f'<p class="lg-bio">{esc(c.bio)}</p>' if c.bio else ""
    section = "Comment" if a.opinion else spec.section
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>{esc(a.title)} — The Northgate Ledger</title>
<link rel="canonical" href="{attr(a.canonical_url)}">
<meta name="description" content="{attr(spec.summary)}">
<link rel="alternate" type="application/feed+json" title="The Northgate Ledger" href="{attr(catalog.outlet("ledger").feed_url)}">
</head>
<body class="ledger">
<div class="lg-cookie"><p>{esc(c.cookie)}</p><button>OK</button></div>
<header class="lg-header"><a href="/ledger/" class="lg-wordmark">The Northgate Ledger</a>
{nav_html(c.nav, "/ledger/", "lg-nav")}
<div class="lg-support">{esc(c.promo)}</div></header>
<main id="main">
<article class="lg-article">
<header class="lg-article-head">
<p class="lg-section">{esc(section)}</p>
<h1>{esc(a.title)}</h1>
<p class="lg-standfirst">{esc(spec.summary)}</p>
<p class="lg-byline"><span class="lg-author">{esc(a.author)}</span>, {_time(item, catalog)}</p>
<div class="lg-sharing">{share}</div>
</header>
{figure}
<section class="lg-body">
{body}
</section>
<footer class="lg-article-foot">{bio}</footer>
<section class="lg-picks"><h2>{esc(c.carousel_title)}</h2><ul>{picks}</ul></section>
</article>
<section class="lg-comments"><h2>{esc(c.comments_title)}</h2>{comments}</section>
</main>
<footer class="lg-footer"><small>{esc(c.legal)}</small></footer>
</body>
</html>
"""


def home_page(outlet: OutletSpec, items: list[Item], catalog: Catalog) -> str:
    rows = "".join(
        f'<article class="lg-teaser"><h2><a href="{attr(i.article.canonical_url)}">'
        f"{esc(i.article.title)}</a></h2>{_time(i, catalog)}<p>{esc(i.spec.summary)}</p></article>"
        for i in items
    )
    feed = catalog.outlet(outlet.slug).feed_url
    return f"""<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>{esc(outlet.name)}</title>
<link rel="alternate" type="application/feed+json" title="{attr(outlet.name)}" href="{attr(feed)}">
</head><body class="ledger"><header class="lg-header"><h1>{esc(outlet.name)}</h1></header>
<main>{rows}</main></body></html>
"""
