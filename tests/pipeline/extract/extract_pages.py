"""Small invented pages for the extractor tests (all text written for this project)."""

from __future__ import annotations

ARTICLE_PARAGRAPHS = (
    "The harbour town of Wenlow voted on Tuesday to rebuild its old stone pier, ending a debate "
    "that had divided the council for almost three years.",
    "Engineers told the meeting that the pier, built from local granite in the 1880s, had "
    "settled by nearly forty centimetres at its seaward end since the last survey.",
    "Fishing crews, who land most of the town's catch at the pier, said that they had feared a "
    "closure during the busy autumn season and welcomed the decision.",
    "Work is due to begin in the spring, once the herring boats have left, and the council "
    "expects it to take about eighteen months to complete.",
)


def article_html(
    *,
    head: str = "",
    before: str = "",
    after: str = "",
    inside_after: str = "",
    title: str = "Wenlow votes to rebuild its stone pier",
    paragraphs: tuple[str, ...] = ARTICLE_PARAGRAPHS,
    lang: str = "en",
) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title} | The Wenlow Gazette</title>{head}</head><body>"
        f'<div class="site">{before}<main><article class="story">'
        f'<h1>{title}</h1><div class="story-body">{body}{inside_after}</div></article></main>'
        f"{after}</div></body></html>"
    )
