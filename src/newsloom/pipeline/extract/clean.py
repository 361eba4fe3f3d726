"""Drop subtrees that are never article text, in bulk, with CSS selectors run in C.

Two kinds of junk: tags that never hold article text (scripts, forms controls, embeds) are
unlinked outright; navigation, share bars, newsletter boxes, comment threads and the like are
recognised by tag, role and class/id words and unlinked unless they hold most of the page's text
and also look like the content container (a ``class="story comments-on"`` wrapper).

Nodes are unlinked with ``remove()`` (not destroyed), so a match nested in an already removed
subtree is still safe to touch.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

_NEVER_TEXT = (
    "script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, "
    "map, button, input, select, textarea, option, dialog, link, meta, head"
)

_JUNK_WORDS = (
    "share", "Share", "sharing", "social", "Social", "newsletter", "Newsletter", "subscribe",
    "Subscribe", "signup", "sign-up", "SignUp", "cookie", "Cookie", "consent", "gdpr",
    "related", "Related", "recommend", "Recommend", "comment", "Comment", "disqus", "promo",
    "Promo", "advert", "Advert", "sponsor", "Sponsor", "outbrain", "taboola", "OUTBRAIN",
    "popup", "modal", "Modal", "sidebar", "Sidebar", "breadcrumb", "Breadcrumb", "byline",
    "Byline", "author-bio", "authorbio", "author-info", "about-author", "author-box",
    "authorBox", "tag-list", "taglist", "tags", "Tags", "footer", "Footer", "masthead",
    "navbar", "navigation", "Navigation", "menu", "Menu", "toolbar", "pagination", "pager",
    "most-popular", "mostpopular", "mostPopular", "most-read", "mostread", "MostRead",
    "trending", "Trending", "read-more", "readmore", "ReadMore", "more-stories",
    "moreStories", "also-read", "paywall", "Paywall", "carousel", "Carousel", "right-rail",
    "rightrail", "RightRail", "left-rail", "skip-link", "sr-only", "visually-hidden",
    "screen-reader", "print-only", "subscription", "donate", "Donate", "banner-ad", "ad-slot",
    "adslot", "ad-container", "ad-wrapper", "ad-unit", "adunit", "dfp", "google-ad", "-ads",
    "ads-", "jump-link", "toc-", "login", "Login", "upsell", "Upsell", "inline-link",
    "top-stories", "topStories", "TopStories", "headlines", "more-from", "moreFrom",
    "you-may", "youMay", "next-article", "nextArticle", "follow", "Follow",
)  # fmt: skip

JUNK_SELECTOR = ", ".join(
    [
        "nav", "aside", "footer", "header", "form", "fieldset",
        '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]',
        '[role="complementary"]', '[role="dialog"]', '[role="alert"]', "[hidden]",
        '[aria-hidden="true"]', '[style*="display:none"]', '[style*="display: none"]',
        '[style*="visibility:hidden"]',
    ]
    + [f'[class*="{w}"], [id*="{w}"]' for w in _JUNK_WORDS]
)  # fmt: skip

_POSITIVE = re.compile(
    r"article|content|story|body|entry|post|main|text|blog|page|wrap|container|layout|site",
    re.IGNORECASE,
)
_KEEP_TAGS = frozenset({"body", "html", "main", "article"})


def drop_never_text(root: LexborNode) -> None:
    """Unlink scripts, styles, embeds and form controls."""
    for node in root.css(_NEVER_TEXT):
        node.remove()


def drop_junk(root: LexborNode, total_chars: int) -> None:
    """Unlink boilerplate subtrees, sparing wrappers that hold most of the page text."""
    big = max(400, int(total_chars * 0.4))
    for node in root.css(JUNK_SELECTOR):
        tag = node.tag
        if tag in _KEEP_TAGS:
            continue
        attrs = node.attributes
        label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if tag == "form" and len(node.text(deep=True) or "") > 200:
            continue  # whole-page ASP.NET style forms
        if _POSITIVE.search(label) or tag == "header":
            text_len = len(node.text(deep=True) or "")
            if text_len >= big:
                continue
        node.remove()
