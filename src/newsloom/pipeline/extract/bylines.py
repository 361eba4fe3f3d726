"""Authors written in the page itself: elements marked as the author, and "By …" lines next to
the headline. Comment threads and comment forms are not bylines."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsloom.pipeline.extract.authors import clean_names
from newsloom.pipeline.extract.dates import find_date
from newsloom.pipeline.extract.headline import Around

_BYLINE_SELECTOR = (
    '[rel="author"], [itemprop="author"], a[href*="/author"], a[href*="/autor/"], '
    'a[href*="/auteur/"], a[href*="/writers/"], a[href*="/staff/"], a[href*="/people/"], '
    '[class*="uthor"], [class*="yline"], [id*="author"], [class*="writer"], '
    '[class*="contributor"]'
)
_NOT_TEXT = frozenset({"style", "script", "meta", "link", "noscript", "template", "img"})
# Where other people's names live: comment threads and forms, lists of other articles.
_ELSEWHERE = re.compile(r"(?i)comment|respond|reply|disqus|related|recommend|popular|trending")
_SECTION_NAMES = frozenset(
    ["people", "staff", "author", "authors", "autor", "autoren", "auteur", "auteurs", "writers",
     "contributors"]
)  # fmt: skip
_ANCESTORS = 8
_MAX_NODES = 40
_MAX_NAMES = 6
# "By Jane Doe", "Written by: Jane Doe", "Story and photos by Jane Doe", "Authors: A, B".
_BY_WORDS = (
    r"(?:(?:written|words|posted|reported|story|text|photos?|compiled|edited|published|article"
    r"|post|and|authored|interview|illustrations?|video|guest|column|essay|analysis"
    r"|opinion)\s+){0,3}"
)
_BY_START = re.compile(
    rf"^(?:{_BY_WORDS}(?:by|von|par|por|di|door)|authors?|autor(?:in|en)?|auteurs?"
    r"|contributors?|(?:texto|text|redacci[oó]n|reda[cç][aã]o|reportagem)(?=\s*:))\b\s*:?\s*"
    r"(?=\S)",
    re.IGNORECASE,
)
# The same as a heading anywhere in the page: only words that mean "written by".
_LABEL = re.compile(
    r"^(?:(?:(?:written|article|post|posted|story|words|text|reported|authored)\s+){1,2}by"
    r"|authors?|written by|autor(?:in|en)?|auteurs?)\b\s*:?\s*",
    re.IGNORECASE,
)
_BY_ALONE = re.compile(
    rf"^(?:{_BY_WORDS}(?:by|von|par|por|di|door)|authors?|autor(?:in|en)?"
    r"|contributors?)\b\s*:?$",
    re.IGNORECASE,
)
# "Published May 4, 2023 by Jane Doe", "Mar 27, 2024 · by Jane Doe".
_BY_INSIDE = re.compile(r"(?:^|[\s|·•,])(?:by|By|BY)\s*:?\s+(?=[^\W\d])")
_BEFORE_INSIDE_BY = re.compile(r"\d|[|·•]|\b(?:published|posted|updated)\b", re.IGNORECASE)
_MAX_LINE = 160
# "Reviewed by", "Medically reviewed by", "Edited by", "Fact checked by": someone who checked the
# piece, not its author.
_NOT_AUTHOR_LABEL = re.compile(
    r"(?i)\b(?:reviewed|edited|fact[- ]?checked|checked|verified|approved|moderated)"
    r"\s*(?:by)?\s*:?\s*$"
)
# A line that only joins two names: ",", ", and", "&", "/".
_SEPARATOR_LINE = re.compile(r"^(?:[,;&/|]|,?\s*(?:and|und|et|y))$", re.IGNORECASE)
_ENDS_WITH_SEPARATOR = re.compile(r"(?:[,;&/|]|\s(?:and|und|et|y))$", re.IGNORECASE)
_LABEL_SELECTOR = "h2, h3, h4, h5, h6, dt"
_MAX_LABELS = 80
_NOT_IN_NAMES = frozenset({"the", "of", "and", "&", "for", "to", "a", "an", "your", "our", "my"})
# Buttons and links, not names: "Get Started", "Read More", "Sign Up".
_UI_WORDS = frozenset(
    ["get", "read", "sign", "learn", "subscribe", "share", "follow", "download", "join",
     "watch", "listen", "shop", "book", "view", "see", "back", "go", "start", "try", "contact"]
)  # fmt: skip
_ROLE_WORDS = frozenset(
    ["director", "founder", "co-founder", "cofounder", "manager", "expert", "head", "ceo",
     "cto", "specialist", "marketer", "strategist", "consultant", "analyst", "editor",
     "writer", "reporter", "correspondent", "contributor", "columnist", "author", "journalist",
     "producer", "researcher", "professor", "engineer", "designer", "developer", "lead"]
)  # fmt: skip
_JOINERS = frozenset(
    ["and", "und", "et", "y", "e", "en", "of", "the", "van", "von", "der", "den", "de", "del",
     "della", "di", "da", "du", "la", "le", "on", "in", "for", "at", "with", "from", "via",
     "staff", "senior", "chief", "news", "special", "contributing", "guest", "team"]
)  # fmt: skip
_CUT_AT_DATE = re.compile(r"\d|\b(?:updated|published|posted)\b", re.IGNORECASE)
_HAS_ALNUM = re.compile(r"\w")
_READ_TIME = re.compile(r"(?i)\b\d+\s*(?:min(?:ute)?s?)\b")
_TRAILING_LINK = re.compile(r"\s+(?:in|on|at)$")
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d{4}")


def unlabelled_authors(
    tree: LexborHTMLParser,
    around: Around,
    title: str | None = None,
    headings: list[LexborNode] | None = None,
) -> tuple[str, ...]:
    """Names from elements marked as the author, else a lone name beside the date under the
    headline, else a heading that says who wrote the piece (the page has no "By …" line)."""
    return (
        _marked_authors(tree)
        or _name_beside_date(around, title)
        or _labelled_author(tree, headings)
    )


def _labelled_author(
    tree: LexborHTMLParser, headings: list[LexborNode] | None = None
) -> tuple[str, ...]:
    """A heading that says who wrote the piece, anywhere in the page: "Written by Jane Doe",
    or "Author" / "Article by" with the name in the element that follows. ``headings``: the
    page's <h2>-<h6> and <dt> elements in document order, when already found."""
    if headings is None:
        headings = tree.css(_LABEL_SELECTOR)
    for node in headings[:_MAX_LABELS]:
        text = " ".join((node.text(separator=" ") or "").split())
        if not text or len(text) > 60:
            continue
        m = _LABEL.match(text)
        if m is None or _elsewhere(node):
            continue
        rest = text[m.end() :]
        if not rest:  # the name is in the element that follows the heading
            nxt = node.next
            while nxt is not None and not (nxt.text(separator=" ") or "").strip():
                nxt = nxt.next
            if nxt is None:
                continue
            lines = [ln for ln in (nxt.text(separator="\n") or "").split("\n") if ln.strip()]
            rest = lines[0] if lines else ""
        if len(rest) > 60 or _prose(rest):
            continue
        names = clean_names([rest], limit=_MAX_NAMES)
        if names:
            return names
    return ()


def _name_beside_date(around: Around, title: str | None) -> tuple[str, ...]:
    """A line that is only a person's name, right before or after a date or a reading time
    (or with the person's role between), under the headline: the byline of many blogs
    ("Jane Doe / 4 May 2023", "Jane Doe / Senior Editor / 4 May 2023"). Above the headline
    only a name beside a full date counts (reading times there sit beside section names)."""
    title_words = set(title.lower().split()) if title else set()
    for lines, loose in ((around.after[:10], True), (around.before[:4], False)):
        lines = [ln for ln in lines if _HAS_ALNUM.search(ln)]
        for k, line in enumerate(lines):
            words = line.split()
            if len(line) > 60 or not 2 <= len(words) <= 4 or words[0].lower() in _UI_WORDS:
                continue
            if line.isupper():
                continue  # a kicker or an event in capitals ("NVIDIA GTC"), not a byline
            near = lines[max(0, k - 1) : k] + lines[k + 1 : k + 2]
            if loose and k + 2 < len(lines) and _role_line(lines[k + 1]):
                near.append(lines[k + 2])
            if not any(_dated(n, loose) for n in near):
                continue
            lowered = {w.lower() for w in words}
            if _NOT_IN_NAMES & lowered or lowered <= title_words:
                continue
            names = clean_names([line], limit=1)
            if names and names[0] == _TRAILING_LINK.sub("", " ".join(words)):
                return names
    return ()


def _role_line(line: str) -> bool:
    """ "Co-Founder & Marketing Director", "Senior Editor": a job title under a name."""
    words = {w.strip(",.&").lower() for w in line.split()}
    return len(line) <= 60 and bool(words & _ROLE_WORDS)


def _dated(line: str, reading_time: bool = True) -> bool:
    # Every written date has a four-digit run (its year), every reading time a digit: a line
    # without them is not read by the date patterns at all.
    if len(line) > 80 or _DIGIT.search(line) is None:
        return False
    return (_FOUR_DIGITS.search(line) is not None and find_date(line) is not None) or (
        reading_time and _READ_TIME.search(line) is not None
    )


def byline_names(around: Around) -> tuple[str, ...]:
    """The names of a "By …" line next to the headline (not a "Reviewed by" line)."""
    return shown_byline(around)[0]


def shown_byline(around: Around) -> tuple[tuple[str, ...], str]:
    """The names of a "By …" line next to the headline (not a "Reviewed by" line), and the
    text they were read from (names in links on lines of their own joined again)."""
    after = around.after[:12]
    lines = after + around.before[:3]
    n_after = len(after)
    for k, line in enumerate(lines):
        if len(line) > _MAX_LINE:
            continue
        if _BY_ALONE.match(line):
            label = f"{lines[k - 1]} {line}" if 0 < k < n_after else line
            rest = _continued(lines, k + 1, n_after) if k + 1 < n_after else ""
        else:
            m = _BY_START.match(line)
            if m is None:
                m = _BY_INSIDE.search(line)
                # "Published May 4, 2023 by …", "Mar 27 · by …", not "Fees by Season".
                if m is None or not _BEFORE_INSIDE_BY.search(line[: m.start() + 1]):
                    continue
            label, rest = line[: m.end()], line[m.end() :]
            if k < n_after and _ENDS_WITH_SEPARATOR.search(rest):
                rest = _continued(lines, k, n_after)[m.end() :]
        if _NOT_AUTHOR_LABEL.search(label):
            continue  # "Reviewed by …": the piece's checker, not its author
        if _prose(rest):
            continue  # "Published by the council and released in May": a sentence
        names = clean_names([rest], limit=_MAX_NAMES)
        if names:
            return names, rest
    return (), ""


def _continued(lines: list[str], start: int, stop: int) -> str:
    """lines[start] with the lines that continue a list of names after it: "Ann Lee" / "," /
    "Bo Ek" / ", and" / "Cy Dunn" (each name a link of its own) read "Ann Lee, Bo Ek, and Cy
    Dunn"."""
    text = lines[start]
    k = start + 1
    while k < stop:
        line = lines[k]
        if _SEPARATOR_LINE.match(line):
            if k + 1 >= stop:
                break
            joiner = f"{line} " if line[0] in ",;" else f" {line} "
            text = f"{text}{joiner}{lines[k + 1]}"
            k += 2
        elif _ENDS_WITH_SEPARATOR.search(text) and len(line) <= 60:
            text = f"{text} {line}"
            k += 1
        else:
            break
    return text


def _prose(text: str) -> bool:
    """Running text rather than a list of names: a lower-case word before any date that is
    neither a linking word ("and", "for", "van") nor a job title ("staff writer")."""
    text = _CUT_AT_DATE.split(text, maxsplit=1)[0]
    small = [
        w
        for w in (w.strip(",.;:()") for w in text.split())
        if w[:1].islower() and w not in _JOINERS and w not in _ROLE_WORDS
    ]
    return len(small) >= 1


def _marked_authors(tree: LexborHTMLParser) -> tuple[str, ...]:
    for node in tree.css(_BYLINE_SELECTOR)[:_MAX_NODES]:
        if node.tag in _NOT_TEXT or _elsewhere(node) or _section_index(node):
            continue
        own = node.text(separator=" ") or ""
        if len(own) > 200:
            names = _bio_box_name(node)
            if names:
                return names
            continue
        if not own:
            continue
        texts = [own]
        if node.tag == "a" and node.parent is not None:
            around = node.parent.text(separator=" ") or ""
            if len(around) < 200:
                texts.insert(0, around)
        for text in texts:
            names = clean_names([text], limit=4)
            if names:
                return names
    return ()


def _section_index(node: LexborNode) -> bool:
    """A link to the index of the people or authors section ("/people/", "/staff/"), a menu
    entry ("People", "Contact"), not to one person's page ("/people/jane-doe")."""
    if node.tag != "a":
        return False
    path = (node.attributes.get("href") or "").split("?", 1)[0].split("#", 1)[0]
    return path.rstrip("/").rsplit("/", 1)[-1].lower() in _SECTION_NAMES


def _bio_box_name(node: LexborNode) -> tuple[str, ...]:
    """An author box: the name on its first line, then a bio that names the person again
    ("Jane Doe / Jane is a reporter who…")."""
    lines = [ln.strip() for ln in (node.text(separator="\n") or "").split("\n") if ln.strip()]
    if len(lines) < 2 or len(lines[0]) > 60:
        return ()
    names = clean_names([lines[0]], limit=1)
    if not names or len(names[0].split()) < 2 or names[0] != " ".join(lines[0].split()):
        return ()
    bio = " ".join(lines[1:3])[:300]
    first = names[0].split()[0]
    return names if re.search(rf"\b{re.escape(first)}\b", bio) else ()


def _elsewhere(node: LexborNode) -> bool:
    """The node sits in a comment thread, a form or a list of other articles."""
    cur: LexborNode | None = node
    for _ in range(_ANCESTORS):
        if cur is None or cur.tag in ("body", "html", "article", "main"):
            return False
        if cur.tag in ("form", "aside"):
            return True
        attrs = cur.attributes
        label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if label.strip() and _ELSEWHERE.search(label):
            return True
        cur = cur.parent
    return False
