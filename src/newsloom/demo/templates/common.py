"""Small helpers shared by the outlet templates: escaping, body blocks, dates."""

from __future__ import annotations

import html
from datetime import datetime
from urllib.parse import quote

from newsloom.demo.content import BULLETS, HEADING, NUMBERED, QUOTE, BodyBlock

FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def esc(text: str) -> str:
    """Escape for a text node (quotes and apostrophes stay readable)."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def body_html(
    blocks: tuple[BodyBlock, ...],
    *,
    p_class: str = "",
    heading_tag: str = "h2",
    quote_class: str = "",
    list_class: str = "",
    inserts: dict[int, str] | None = None,
) -> str:
    """Render body blocks. ``inserts`` maps a block index to HTML placed *before* that block
    (how outlets wedge ads and newsletter boxes between paragraphs); an index past the end
    places it after the last block."""
    pc = f' class="{p_class}"' if p_class else ""
    qc = f' class="{quote_class}"' if quote_class else ""
    lc = f' class="{list_class}"' if list_class else ""
    out: list[str] = []
    for index, block in enumerate(blocks):
        if inserts and index in inserts:
            out.append(inserts[index])
        if block.kind == HEADING:
            out.append(f"<{heading_tag}>{esc(block.text)}</{heading_tag}>")
        elif block.kind in (BULLETS, NUMBERED):
            tag = "ul" if block.kind == BULLETS else "ol"
            items = "".join(f"<li>{esc(i)}</li>" for i in block.items)
            out.append(f"<{tag}{lc}>{items}</{tag}>")
        elif block.kind == QUOTE:
            out.append(f"<blockquote{qc}><p>{esc(block.text)}</p></blockquote>")
        else:
            out.append(f"<p{pc}>{esc(block.text)}</p>")
    out.extend(html for index, html in sorted((inserts or {}).items()) if index >= len(blocks))
    return "\n".join(out)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def english_long(moment: datetime) -> str:
    """``26 November 2026, 14:05 GMT``"""
    return f"{moment.day} {moment:%B %Y, %H:%M} GMT"


def english_us(moment: datetime) -> str:
    """``Nov 26, 2026 · 2:05 PM UTC``"""
    hour = moment.hour % 12 or 12
    return f"{moment:%b} {moment.day}, {moment.year} · {hour}:{moment:%M %p} UTC"


def french_long(moment: datetime) -> str:
    """``26 novembre 2026 à 14h05``"""
    return f"{moment.day} {FRENCH_MONTHS[moment.month - 1]} {moment.year} à {moment:%Hh%M}"


def relative(moment: datetime, now: datetime, language: str = "en") -> str:
    minutes = max(int((now - moment).total_seconds() // 60), 0)
    if minutes < 60:
        n, unit_en, unit_fr = minutes, "minute", "minute"
    elif minutes < 48 * 60:
        n, unit_en, unit_fr = minutes // 60, "hour", "heure"
    else:
        n, unit_en, unit_fr = minutes // 1440, "day", "jour"
    if language == "fr":
        return f"il y a {n} {unit_fr}{'s' if n > 1 else ''}"
    return f"{n} {unit_en}{'s' if n != 1 else ''} ago"


def reading_minutes(words: int) -> int:
    return max(1, round(words / 220))


def nav_html(items: tuple[str, ...], base: str, css: str) -> str:
    links = "".join(
        f'<li><a href="{base}{quote(i.lower().replace(" ", "-"))}/">{esc(i)}</a></li>'
        for i in items
    )
    return f'<nav class="{css}"><ul>{links}</ul></nav>'
