"""Dates a page states about itself in a note, read from the page's text.

"This article was originally published on 26 Sep 2019 at 4:12pm" says when the page first
appeared, whatever its metadata says (the metadata then carries the last rewrite). "Last updated:
November 13, 2025", wherever it sits, dates a page that gives no other date. Notes are found by
a plain search of the text for their wording (most pages have none), then read with the tags
around their words taken out.
"""

from __future__ import annotations

import re
from datetime import datetime

from newsloom.pipeline.extract.dates import find_date_at, month_at_start

# The wording without its first letter, which may be upper or lower case (one search of the
# page: "originally" is rare, and what follows it is checked after).
_FIRST_WORDS = ("riginally ",)
_FIRST_INITIALS = "oO"
_FIRST_VERB = re.compile(r"(?i)(?:published|posted)\b")
_UPDATE_WORDS = ("pdated",)
_UPDATE_INITIALS = "uU"
# What may stand before "originally published" in the same element: nothing, or the page
# speaking of itself ("This article was"); not a sentence about a study or a book.
_SELF = re.compile(
    r"(?i)\b(?:this|the)\s+(?:article|blog\s+post|post|page|story|piece|guide|review|column)"
    r"\s+(?:was|is|has\s+been)\s+$"
)
# Between the wording and its date: "on", a colon, a weekday.
_LEAD = re.compile(
    r"(?i)^\s*(?::\s*)?(?:on\b\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
)
# What may open the element before "Updated": the page's own update, not a policy's or a
# price's ("Privacy policy updated May 25, 2018").
_UPDATE_LABEL = re.compile(r"(?i)\s*(?:(?:page|article|post|story)\s+)?(?:last\s+)?")
_TAG = re.compile(r"<[^>]*>")
_BEFORE_CHARS = 60
_AFTER_CHARS = 240
_MAX_NOTES = 20


def stated_first_publication(html_text: str, *, day_first: bool | None = None) -> datetime | None:
    """The date of a note in which the page says when it was originally published: the wording
    opens an element ("Originally published <span>November 9, 2022</span>") or follows the
    page's word for itself ("This page was originally published on …"), and the date follows
    at once. Notes that name different days are the notes of other articles listed on the
    page: then none counts."""
    found: datetime | None = None
    for at, end in _hits(html_text, _FIRST_WORDS, _FIRST_INITIALS):
        verb = _FIRST_VERB.match(html_text, end)
        if verb is None or not _opens_note(html_text[max(0, at - _BEFORE_CHARS) : at]):
            continue
        dt = _date_right_after(html_text, verb.end(), day_first)
        if dt is None:
            continue
        if found is not None and dt.date() != found.date():
            return None
        found = found or dt
    return found


def update_note(html_text: str, *, day_first: bool | None = None) -> datetime | None:
    """The date right after the first "Updated" that opens an element ("Last updated: …",
    "Page updated on …"), anywhere in the page; a month without a day ("Last updated: June
    2022") reads as its first day."""
    for at, end in _hits(html_text, _UPDATE_WORDS, _UPDATE_INITIALS):
        _head, sep, label = html_text[max(0, at - _BEFORE_CHARS) : at].rpartition(">")
        if not sep or _UPDATE_LABEL.fullmatch(label) is None:
            continue
        found = _date_right_after(html_text, end, day_first, month=True)
        if found is not None:
            return found
    return None


def _hits(html_text: str, words: tuple[str, ...], initials: str) -> list[tuple[int, int]]:
    """Where the wording starts and ends, as a word of its own, in the order of the page."""
    hits: list[tuple[int, int]] = []
    for word in words:
        at = html_text.find(word)
        while at > 0 and len(hits) < _MAX_NOTES:
            start = at - 1
            if html_text[start] in initials and not (start and html_text[start - 1].isalnum()):
                hits.append((start, at + len(word)))
            at = html_text.find(word, at + len(word))
    return sorted(hits)


def _opens_note(before: str) -> bool:
    """Nothing but the page's word for itself stands before the wording in its element."""
    if _SELF.search(before):
        return True
    _head, sep, tail = before.rpartition(">")
    return bool(sep) and not tail.strip()


def _date_right_after(
    html_text: str, end: int, day_first: bool | None, *, month: bool = False
) -> datetime | None:
    """The date the text after ``end`` opens with; with ``month``, a month and year too."""
    after = " ".join(_TAG.sub(" ", html_text[end : end + _AFTER_CHARS]).split())
    lead = _LEAD.match(after)
    rest = after[lead.end() :] if lead is not None else after
    found = find_date_at(rest, day_first=day_first)
    if found is not None and found[0] == 0:
        return found[1]
    return month_at_start(rest) if month else None
