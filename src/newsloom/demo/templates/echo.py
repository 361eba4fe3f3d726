"""L'Écho du Littoral: French, served as windows-1252, old table layout, Dublin Core date;
its RSS feed is only linked from the home page (<link rel="alternate">)."""
# ruff: noqa: E501  (HTML and XML template lines are kept whole for readability)

from __future__ import annotations

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.content import OutletSpec
from newsloom.demo.templates.common import (
    attr,
    body_html,
    esc,
    french_long,
    iso,
    nav_html,
    relative,
)

CHARSET = "windows-1252"


def article_page(item: Item, catalog: Catalog) -> str:
    a, c, spec = item.article, item.chrome, item.spec
    lettre = (
        f'<div class="encart-lettre"><p>{esc(c.newsletter)}</p>'
        f'<input type="text" name="courriel"><input type="submit" value="{attr(c.newsletter_button)}">'
        "</div>"
    )
    body = body_html(spec.body, p_class="texte", heading_tag="h3", quote_class="citation",
                     inserts={2: lettre})  # fmt: skip
    photo = ""
    if a.lead_image:
        photo = (
            f'<div class="photo"><img src="{attr(a.lead_image)}" border="0" alt="">'
            f'<p class="legende">{esc(spec.caption or "")}</p></div>'
        )
    meme = "".join(f'<li><a href="{attr(x.url)}">{esc(x.title)}</a></li>' for x in c.related)
    une = "".join(
        f'<tr><td><a href="{attr(x.url)}">{esc(x.title)}</a></td></tr>' for x in c.carousel
    )
    share = " | ".join(f'<a href="#">{esc(s)}</a>' for s in c.share)
    reactions = "".join(
        f'<div class="reaction"><span class="pseudo">{esc(m.name)}</span>, '
        f"{esc(m.age)}&nbsp;:<br>{esc(m.text)}</div>"
        for m in c.comments
    )
    bio = f'<p class="signature-bio">{esc(c.bio)}</p>' if c.bio else ""
    rubrique = "Tribune" if a.opinion else "Monde"
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="fr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={CHARSET}">
<title>{esc(a.title)} - L'Écho du Littoral</title>
<meta name="DC.title" content="{attr(a.title)}">
<meta name="DC.creator" content="{attr(a.author)}">
<meta name="DC.date.issued" content="{iso(a.published)}">
<meta name="DC.language" content="fr">
<meta name="description" content="{attr(spec.summary)}">
<link rel="canonical" href="{attr(a.canonical_url)}">
</head>
<body bgcolor="#ffffff">
<div id="bandeau-cookies">{esc(c.cookie)}</div>
<table width="980" class="mise-en-page" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="entete"><a href="/echo/"><b>L'Écho du Littoral</b></a>
<span class="devise">{esc(item.outlet.tagline)}</span>{nav_html(c.nav, "/echo/", "menu")}</td></tr>
<tr>
<td valign="top" class="colonne-principale">
<div class="rubrique">{esc(rubrique)}</div>
<h1 class="titre">{esc(a.title)}</h1>
<p class="chapo"><b>{esc(spec.summary)}</b></p>
<p class="signature">Par {esc(a.author)} &mdash; Publié le {french_long(a.published)}
({relative(a.published, catalog.started, "fr")})</p>
<p class="partage">{share}</p>
{photo}
<div id="texte">
{body}
</div>
{bio}
<div class="meme-sujet"><h4>{esc(c.related_title)}</h4><ul>{meme}</ul></div>
<div class="reactions"><h4>{esc(c.comments_title)}</h4>{reactions}</div>
</td>
<td valign="top" class="colonne-droite"><div class="a-la-une"><h4>{esc(c.carousel_title)}</h4>
<table>{une}</table></div><div class="abonnement">{esc(c.promo)}</div></td>
</tr>
<tr><td colspan="2" class="pied">{esc(c.legal)}</td></tr>
</table>
</body>
</html>
"""


def home_page(outlet: OutletSpec, items: list[Item], catalog: Catalog) -> str:
    rows = "".join(
        f'<tr><td><a href="{attr(i.article.canonical_url)}">{esc(i.article.title)}</a><br>'
        f"<small>{esc(i.spec.summary)}</small></td></tr>"
        for i in items
    )
    feed = catalog.outlet(outlet.slug).feed_url
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="fr"><head>
<meta http-equiv="Content-Type" content="text/html; charset={CHARSET}">
<title>L'Écho du Littoral - À la une</title>
<link rel="alternate" type="application/rss+xml" title="L'Écho du Littoral - Fil d'info" href="{attr(feed)}">
</head><body><h1>L'Écho du Littoral</h1><p>{esc(outlet.tagline)}</p>
<table class="liste-articles">{rows}</table></body></html>
"""
