"""The headline: the page's visible <h1> when it agrees with the metadata titles, else the
metadata title without its site-name parts.

Publishers write two titles: the visible headline (<h1>) and a title for search engines and
social cards (og:title, <title>), often with " | Site Name" added. The visible one is the
article's own; the metadata one decides when the page has no usable <h1> (a logo, a section
name, a menu) or when its <h1> says something else entirely.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsloom.pipeline.extract.dates import find_date
from newsloom.pipeline.extract.landmarks import Landmarks, find_landmarks

# " | Site", " · Site", " » Section", " :: Site": separators a headline itself rarely uses.
_STRONG_SPLIT = re.compile(r"\s+(?:\||::|·|•|»)\s+")
# " - Site", " – Site", " — Site": also used inside headlines ("Why the pier - and the town").
_WEAK_SPLIT = re.compile(r"\s+(?:–|—|-)\s+")
_ANY_SPLIT = re.compile(r"\s+(?:\||–|—|-|::|·|•|»|/|:)\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\uff1f": "?",
        "\uff01": "!",
    }
)
_NON_WORD = re.compile(r"[^\w]+")
# "Headline |", "| Headline": a separator left over from an empty site name.
_DANGLING_SEPARATOR = re.compile(r"^(?:\||::|·|•|»|–|—|-)\s+|\s+(?:\||::|·|•|»|–|—|-)$")
_FULLWIDTH = re.compile("[\uff01-\uff5e]")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TRAILING_PART = re.compile(r"\s+(?:\||–|—|-|::|·|•|»)\s+(.+)")
_LEADING_PART = re.compile(r"(.+?)(?:\s+(?:\||–|—|-|::|·|•|»)|:)\s+")
_LABEL_PREFIX = re.compile(r"^\s*\w+\s*:\s+")
_NAME_JOINERS = frozenset({"the", "of", "and", "&", "de", "la", "le", "der", "die", "das", "for"})
_MAX_H1 = 8
_MAX_TITLE = 200  # longer <h1> texts are paragraphs set large, not headlines


def clean_text(value: str) -> str:
    """Whitespace collapsed and HTML entities decoded (twice, for double-escaped metadata)."""
    text = " ".join(value.split())
    for _ in range(2):
        if "&" not in text:
            break
        text = " ".join(html.unescape(text).split())
    return text


def _plain_quotes(s: str) -> str:
    return " ".join(s.translate(_QUOTES).casefold().split())


@lru_cache(maxsize=1024)
def _key(s: str) -> str:
    """Only the words, folded: for comparing titles whatever their punctuation. Kept for the
    last thousand texts: one page folds the same few titles and parts again and again (two
    calls in three repeat one)."""
    return " ".join(_NON_WORD.sub(" ", s.translate(_TYPOGRAPHY).casefold()).split())


def _words(s: str) -> set[str]:
    return set(_key(s).split())


class SiteNames:
    """What the site calls itself: og:site_name, the host name, and texts found to be logos."""

    def __init__(self, site_name: str | None, url: str | None) -> None:
        self.names: set[str] = set()
        self._keys: dict[str, str] = {}
        """_key of the parts already matched (one page's titles: a few dozen at most)."""
        if site_name:
            self.names.add(_key(site_name))
        host = urlsplit(url).netloc.lower().removeprefix("www.") if url else ""
        labels = [p for p in host.split(".") if p]
        self.host_keys: set[str] = set()
        if labels:
            self.host_keys.add("".join(labels))
            if len(labels) > 1:
                self.host_keys.add(labels[-2])
                self.host_keys.add("".join(labels[-2:]))

    def learn(self, titles: list[str]) -> None:
        """A title that is another title plus a few words after a separator ("Headline | Blog
        Name", "Blog Name: Headline") names the site with those words."""
        for long_t in titles:
            for short_t in titles:
                if len(short_t) < 8 or len(long_t) <= len(short_t) + 2:
                    continue
                if long_t.startswith(short_t):
                    m = _TRAILING_PART.fullmatch(long_t[len(short_t) :])
                elif long_t.endswith(short_t):
                    m = _LEADING_PART.fullmatch(long_t[: len(long_t) - len(short_t)])
                else:
                    continue
                if m is not None and 1 <= len(m.group(1).split()) <= 5:
                    self.add(m.group(1))

    def add(self, text: str) -> None:
        key = _key(text)
        if key:
            self.names.add(key)

    def matches(self, part: str, *, loose: bool = True) -> bool:
        """The part names the site: its name or host; when loose, also a part that holds the
        name with a word or two around it ("Filmmaker Magazine" in "Filmmaker MagazineX")
        or a piece of a long site name."""
        key = self._keys.get(part)
        if key is None:
            key = self._keys[part] = _key(part)
        if not key:
            return True
        if key in self.names or key.replace(" ", "") in self.host_keys:
            return True
        if not loose:
            return False
        n_words = len(key.split())
        for name in self.names:
            if len(name) > 3 and name in key and n_words <= len(name.split()) + 2:
                return True
            if n_words >= 2 and key in name:
                return True
        return False


def strip_site_suffix(title: str, site_name: str | None, url: str | None = None) -> str:
    """The headline part of a metadata title: " | Site Name" and similar parts removed."""
    return _headline_part(clean_text(title), SiteNames(site_name, url))


def _headline_part(title: str, site: SiteNames) -> str:
    return _site_parts_removed(_DANGLING_SEPARATOR.sub("", title) or title, site)


def _site_parts_removed(title: str, site: SiteNames) -> str:
    parts = _STRONG_SPLIT.split(title)
    if len(parts) > 1:
        kept = [p for p in parts if not site.matches(p)] or parts
        # Of " | "-separated parts, the headline comes first; the rest are sections or names,
        # unless the first is a short name before a much longer part.
        if (
            len(kept) > 1
            and len(kept[0].split()) <= 3
            and _site_like(kept[0])
            and len(kept[1]) > 2 * len(kept[0])
        ):
            kept = kept[1:]
        title = kept[0]
    colon = title.find(": ")
    if colon > 0 and site.matches(title[:colon], loose=False):
        title = title[colon + 2 :]
    head, _, tail = title.partition(" ")
    if tail and "." in head and site.matches(head, loose=False):
        title = tail  # "example.com Headline"
    pieces = _WEAK_SPLIT.split(title)
    if len(pieces) < 2:
        return title
    seps = list(_WEAK_SPLIT.finditer(title))
    if site.matches(pieces[-1]):
        return _site_parts_removed(title[: seps[-1].start()], site)
    if site.matches(pieces[0]):
        return _site_parts_removed(title[seps[0].end() :], site)
    # No site name known: drop a short, name-like last (or first) part when the rest is
    # clearly longer.
    last, first = pieces[-1], pieces[0]
    if len(last.split()) <= 4 and len(last) * 2 < len(title) and _site_like(last):
        return title[: seps[-1].start()]
    if len(first.split()) <= 3 and len(first) * 2 < len(title) and _site_like(first):
        return title[seps[0].end() :]
    return title


def _site_like(part: str) -> bool:
    """Looks like an outlet's name: capitalised words or a domain."""
    if "." in part and " " not in part.strip():
        return True
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_JOINERS for w in part.split())


def _agreement(a: set[str], b: set[str]) -> float:
    """How well an <h1> and a metadata title agree, given their words: 0 when they do not,
    else up to 2. The shorter one must be mostly inside the longer one, and cover a fair part
    of it (so a single word of a long title is no match)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    of_shorter, of_longer = common / min(len(a), len(b)), common / max(len(a), len(b))
    if of_shorter < 0.5 or of_longer < 0.2:
        return 0.0
    return of_shorter + of_longer


def _trim_h1(h1: str, headline: str | None, site: SiteNames) -> str:
    """An <h1> that is the metadata headline plus a site name, a label ("Blog:") or a date is
    the metadata headline."""
    if not headline:
        return h1
    hk, mk = _key(h1), _key(headline)
    if not mk or hk == mk:
        return h1
    if hk.endswith(mk):
        extra = h1[: max(0, len(h1) - len(headline))]
        if _junk_prefix(h1, extra, site):
            return headline
    elif hk.startswith(mk):
        rest = _STRONG_SPLIT.split(h1, maxsplit=1)
        if len(rest) == 2 and _key(rest[0]) == mk:
            return rest[0]
        if _key(h1).startswith(mk + " ") and site.matches(hk[len(mk) :]):
            return headline
    return h1


def _junk_prefix(h1: str, extra: str, site: SiteNames) -> bool:
    extra = extra.strip()
    if not extra:
        return False
    if site.matches(extra.strip(" -|:–—")):
        return True
    if _LABEL_PREFIX.match(h1) and len(extra.split()) <= 2 and extra.endswith(":"):
        return True
    return find_date(extra) is not None and len(extra) <= 25


def pick_title(
    tree: LexborHTMLParser,
    metas: list[str],
    site_name: str | None,
    url: str | None,
    marks: Landmarks | None = None,
) -> str | None:
    """The article's headline from its <h1>s and its metadata titles (most trusted first);
    ``marks`` are the page's metadata elements when already found."""
    title = _pick_title(marks if marks is not None else find_landmarks(tree), metas, site_name, url)
    return _halfwidth_punctuation(title) if title else title


def _halfwidth_punctuation(title: str) -> str:
    """Full-width "？", "！", "：" in a headline not written in Chinese or Japanese (typed with
    an East Asian input method) are the plain marks."""
    if not _FULLWIDTH.search(title) or _CJK.search(title):
        return title
    return _FULLWIDTH.sub(lambda m: chr(ord(m.group()) - 0xFEE0), title)


def _pick_title(
    marks: Landmarks,
    metas: list[str],
    site_name: str | None,
    url: str | None,
) -> str | None:
    site = SiteNames(site_name, url)
    metas = [m for m in (clean_text(v) for v in metas) if m]
    page_title = _page_title(marks.title)
    if page_title:
        metas.append(page_title)
    site.learn(metas)
    h1s = _h1_texts(marks.h1s, site, page_title, metas)
    headline = next((h for h in (_headline_part(m, site) for m in metas) if len(h) >= 3), None)
    if headline:
        headline = _completed(headline, metas, site)
    if not metas:
        return h1s[0] if h1s else None
    best: tuple[float, int, str] | None = None
    meta_words = [_words(m) for m in [*metas, *([headline] if headline else [])]] if h1s else []
    for i, h in enumerate(h1s):
        words = _words(h)
        score = max(_agreement(words, m) for m in meta_words)
        if score > 0 and (best is None or score > best[0]):
            best = (score, -i, h)
    if best is not None:
        chosen = _trim_h1(best[2], headline, site)
        return _metadata_typography(chosen, metas, headline)
    if headline:
        return headline
    return h1s[0] if h1s else None


def _completed(headline: str, metas: list[str], site: SiteNames) -> str:
    """A headline cut short (schema.org headlines are often cut at 110 characters) is the
    longer metadata headline it starts."""
    starting = {m for m in metas if len(m) > len(headline) and m.startswith(headline)}
    longer = [
        part
        for part in (_headline_part(m, site) for m in starting)
        if len(part) > len(headline) and part.startswith(headline)
    ]
    return max(longer, key=len) if longer else headline


def _metadata_typography(chosen: str, metas: list[str], headline: str | None) -> str:
    """When a metadata title says the same as the <h1> but with plain quotes, keep the
    metadata's form (display filters such as WordPress's curl the visible headline's quotes)."""
    target = _plain_quotes(chosen)
    for m in [headline, *metas]:
        if m and m != chosen and _plain_quotes(m) == target:
            return m
    return chosen


def _page_title(node: LexborNode | None) -> str | None:
    if node is None:
        return None
    return clean_text(node.text() or "") or None


def _heading_text(node: LexborNode, metas: list[str]) -> str:
    """A heading's text with a space between its elements ("<span>Kicker</span><span>Headline
    </span>"), unless a word split by an inline element ("Planning <span>C</span>ycle") is
    then a word of the metadata titles."""
    raw = node.text(separator=" ") or ""
    raw_tight = node.text() or ""
    spaced = clean_text(raw)
    if raw_tight == raw:
        return spaced
    tight = clean_text(raw_tight)
    if tight == spaced:
        return spaced
    joined = _words(tight) - _words(spaced)
    return tight if joined and joined <= set().union(*map(_words, metas)) else spaced


def _h1_texts(
    h1_nodes: list[LexborNode], site: SiteNames, page_title: str | None, metas: list[str]
) -> list[str]:
    """Usable <h1> texts: not the site's name or logo, not a template placeholder. An <h1> that
    is a later part of the <title> ("Headline | Blog Name") is the site's name."""
    title_tail: set[str] = set()
    if page_title:
        title_tail = {_key(p) for p in _ANY_SPLIT.split(page_title)[1:]}
    texts: list[str] = []
    for h1 in h1_nodes[:_MAX_H1]:
        t = _heading_text(h1, metas)
        if not 3 <= len(t) <= _MAX_TITLE or "{{" in t:
            continue
        if site.matches(t, loose=False):
            continue
        if _key(t) in title_tail and len(_words(t)) <= 4:
            site.add(t)
            continue
        texts.append(t)
    return texts
