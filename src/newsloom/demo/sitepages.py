"""Site-level documents: the index page at / and the OPML list at /opml.xml."""

from __future__ import annotations

from html import escape

from newsloom.demo.bad import BAD_PATHS
from newsloom.demo.catalog import Catalog


def index_page(catalog: Catalog) -> str:
    rows = "".join(
        f'<li><a href="{escape(o.home_url)}">{escape(o.name)}</a> ({escape(o.language)}) '
        f'&mdash; feed: <a href="{escape(o.feed_url)}">{escape(o.feed_format)}</a>'
        f"{' (discover it from the home page)' if o.discovered else ''}</li>"
        for o in catalog.outlets
    )
    bad = "".join(
        f"<li><code>{escape(k)}</code>: "
        f'<a href="{escape(catalog.base_url + p)}">{escape(p)}</a></li>'
        for k, p in BAD_PATHS.items()
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsloom demo news site</title></head>
<body><h1>newsloom demo news site</h1>
<p>Invented outlets and invented news, served locally for trying newsloom out.
Nothing here is real reporting.</p>
<h2>Outlets</h2><ul>{rows}</ul>
<p><a href="/opml.xml">OPML subscription list</a></p>
<h2>Test endpoints</h2><ul>{bad}</ul>
</body></html>
"""


def opml(catalog: Catalog) -> str:
    outlines = "\n".join(
        f'    <outline type="rss" text="{escape(o.name)}" title="{escape(o.name)}" '
        f'xmlUrl="{escape(o.feed_url)}" htmlUrl="{escape(o.home_url)}" language="{o.language}"/>'
        for o in catalog.outlets
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>newsloom demo feeds</title></head>
  <body>
  <outline text="Demo outlets" title="Demo outlets">
{outlines}
  </outline>
  </body>
</opml>
"""
