"""Credits in a news text that name no subject of the article: bylines, credit lines, photo
credits and the agency of a dateline.

    without_credits(body) -> str   # the text with each credit replaced by a space
"""

from __future__ import annotations

import re

__all__ = ["without_credits"]

_BYLINE = re.compile(
    r"^[ \t]*(?:By|BY)[ \t]+[A-Z][\w.'’-]*(?:[ \t]*(?:[A-Z][\w.'’-]*|and|&|,))*[ \t]*$",
    re.MULTILINE,
)
"""A byline alone on its line: "By Maya Gebeily and Laila Bassam". Reporters are no subject of
the article."""
_CREDIT_LINE = re.compile(
    r"\((?:(?:Additional )?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited) by [^)\n]*\)"
    r"|^[ \t]*(?:Additional )?[Rr]eporting by [^\n]*$",
    re.MULTILINE,
)
"""A credit line: "(Reporting by ...; Editing by ...)", "Reporting by ..." on its own line."""
_PHOTO_CREDIT = re.compile(
    r"\b[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)?(?: [A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)?){1,2}"
    r"/[A-Z]\w*(?: Images)?(?:/[A-Z]\w*(?: Images)?)*"
)
"""A photo credit: "François Lenoir/Reuters", "Michael Buckner/Getty Images"."""
_AGENCY = re.compile(
    r"(?<=[\w,.] )\([A-Z][\w.]*(?: [A-Z][\w.]*)?(?:/[A-Z][\w.]*)*\)(?=[ \t]*(?:[-—–]|$))",
    re.MULTILINE,
)
"""The agency of a dateline or signing at the end: "TOKYO (AP) —", "BEIRUT, Oct 3 (Reuters) -",
"... lost revenues. (AFP)"."""
_DATELINE_CHARS = 200
_CREDIT_CUES = ("eporting by ", "riting by ", "diting by ", "ompiled by ", "dited by ")


def without_credits(body: str) -> str:
    """The text without bylines, credit lines, photo credits and the agency of its dateline or
    its end."""
    if body.startswith(("By ", "BY ")) or "\nBy " in body or "\nBY " in body:
        body = _BYLINE.sub(" ", body)
    if any(cue in body for cue in _CREDIT_CUES):
        body = _CREDIT_LINE.sub(" ", body)
    if "/" in body:
        body = _PHOTO_CREDIT.sub(" ", body)
    head = body[:_DATELINE_CHARS]
    if "(" in head:
        body = _AGENCY.sub(" ", head) + body[_DATELINE_CHARS:]
    if len(body) > _DATELINE_CHARS and "(" in body[-_DATELINE_CHARS:]:
        # "... in lost revenues. (AFP)": the agency signing at the end
        body = body[:-_DATELINE_CHARS] + _AGENCY.sub(" ", body[-_DATELINE_CHARS:])
    return body
