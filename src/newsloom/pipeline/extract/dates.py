"""Date parsing for page metadata: ISO 8601, RFC 2822, epoch seconds and written dates.

Every result is timezone-aware: the page's own offset when it gives one, else UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

MIN_YEAR = 1990
MAX_YEAR = 2100

_MONTHS = {
    "jan": 1,
    "january": 1,
    "januar": 1,
    "janvier": 1,
    "enero": 1,
    "ene": 1,
    "gennaio": 1,
    "janeiro": 1,
    "januari": 1,
    "jän": 1,
    "feb": 2,
    "february": 2,
    "februar": 2,
    "février": 2,
    "fevrier": 2,
    "febrero": 2,
    "febbraio": 2,
    "fevereiro": 2,
    "februari": 2,
    "mar": 3,
    "march": 3,
    "märz": 3,
    "maerz": 3,
    "mars": 3,
    "marzo": 3,
    "mär": 3,
    "março": 3,
    "maart": 3,
    "apr": 4,
    "april": 4,
    "avril": 4,
    "abril": 4,
    "abr": 4,
    "aprile": 4,
    "may": 5,
    "mai": 5,
    "mayo": 5,
    "maggio": 5,
    "maio": 5,
    "mei": 5,
    "jun": 6,
    "june": 6,
    "juni": 6,
    "juin": 6,
    "junio": 6,
    "giugno": 6,
    "junho": 6,
    "jul": 7,
    "july": 7,
    "juli": 7,
    "juillet": 7,
    "julio": 7,
    "luglio": 7,
    "julho": 7,
    "aug": 8,
    "august": 8,
    "août": 8,
    "aout": 8,
    "agosto": 8,
    "ago": 8,
    "augustus": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "septembre": 9,
    "septiembre": 9,
    "settembre": 9,
    "setembro": 9,
    "oct": 10,
    "october": 10,
    "okt": 10,
    "oktober": 10,
    "octobre": 10,
    "octubre": 10,
    "ottobre": 10,
    "outubro": 10,
    "nov": 11,
    "november": 11,
    "novembre": 11,
    "noviembre": 11,
    "dec": 12,
    "december": 12,
    "dez": 12,
    "dezember": 12,
    "décembre": 12,
    "decembre": 12,
    "diciembre": 12,
    "dic": 12,
    "dicembre": 12,
    "dezembro": 12,
}

_ZONES = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "bst": 1,
    "cet": 1,
    "cest": 2,
    "ist": 5.5,
    "jst": 9,
    "aest": 10,
    "aedt": 11,
}


def _month_pattern(names: list[str]) -> str:
    """The month names as one alternation, longest first, grouped by their first letter
    ("j(?:anuary|anvier|…)|f(?:ebruary|…)"): the same matches as the plain list of names in
    that order (names with another first letter cannot match where one group's letter does),
    but the regex engine tests one letter per group instead of every name at each place."""
    groups: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        groups.setdefault(name[0], []).append(re.escape(name[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())


_MONTH_RE = _month_pattern(list(_MONTHS))
# The letters month names start with: a month-first date is only tried at a word starting
# with one of them (a quick look ahead; the month names decide, as without it).
_MONTH_INITIALS = "".join(sorted({name[0] for name in _MONTHS}))
_TIME = (
    r"(?:(?:[,\s]+(?:at\s+|um\s+|à\s+|às\s+|a las\s+|alle\s+|om\s+)?|T)"
    r"(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?"
    r"(?:\s*([A-Z]{2,4}|[+-]\d{2}:?\d{2}))?)?"
)
_MDY = re.compile(
    rf"\b(?=[{_MONTH_INITIALS}])({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    rf"{_TIME}",
    re.IGNORECASE,
)
# "5 May 2023", "5. Mai 2023", "5 de mayo de 2023", and with dashes "05-May-2023", "04-ago-2021"
# (the short Spanish months are those of blog platforms' dates).
_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|\.)?(?:\s+(?:de\s+)?|-)({_MONTH_RE})\.?,?(?:\s+(?:de\s+)?|-)"
    rf"(\d{{4}}){_TIME}",
    re.IGNORECASE,
)
# "2024-05-06", also as ISO 8601 text with its time ("2024-05-06T08:10+02:00").
_NUMERIC_YMD = re.compile(rf"\b(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?:\b|(?=T\d)){_TIME}")
_NUMERIC_DMY = re.compile(rf"\b(\d{{1,2}})([./-])(\d{{1,2}})\2(\d{{4}})\b{_TIME}")
# "2024年3月12日 10:30" (Chinese, Japanese), "2024년 3월 12일" (Korean)
_CJK_YMD = re.compile(
    r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
    r"(?:\s*(?:\([^)]{1,3}\)\s*)?(\d{1,2})[:時시]\s*(\d{2}))?"
)
_FOUR_DIGITS = re.compile(r"\d{4}")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|\b)")
_URL_WORD_DATE = re.compile(r"/((?:19|20)\d{2})/([A-Za-z]{3,9})/(0?[1-9]|[12]\d|3[01])(?:/|\b)")
_ISOISH = re.compile(r"^\d{4}-\d{2}-\d{2}")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_FRACTION = re.compile(r"(\.\d{6})\d+")
_OFFSET_NOCOLON = re.compile(r"([+-]\d{2})(\d{2})$")


def _valid(dt: datetime) -> datetime | None:
    if not MIN_YEAR <= dt.year <= MAX_YEAR:
        return None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def _zone(label: str | None) -> timezone | None:
    if not label:
        return None
    label = label.strip()
    if label[0] in "+-":
        digits = label[1:].replace(":", "")
        if len(digits) != 4 or not digits.isdigit():
            return None
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        return timezone(timedelta(minutes=minutes if label[0] == "+" else -minutes))
    hours = _ZONES.get(label.lower())
    return None if hours is None else timezone(timedelta(hours=hours))


def _build(year: int, month: int, day: int, groups: tuple[str | None, ...]) -> datetime | None:
    hour_s, minute_s, second_s, ampm, zone_s = groups
    hour = int(hour_s) if hour_s else 0
    minute = int(minute_s) if minute_s else 0
    second = int(second_s) if second_s else 0
    if ampm:
        pm = ampm.lower().startswith("p")
        if hour == 12:
            hour = 12 if pm else 0
        elif pm:
            hour += 12
    try:
        dt = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    zone = _zone(zone_s)
    return _valid(dt.replace(tzinfo=zone) if zone else dt)


def parse_iso(value: str) -> datetime | None:
    """Parse an ISO 8601 date or datetime (with or without offset)."""
    s = value.strip()
    if not _ISOISH.match(s):
        return None
    if len(s) > 10 and s[10] in " t":
        s = s[:10] + "T" + s[11:]
    s = s.replace(" ", "")
    if s.endswith(("Z", "z")):
        s = s[:-1] + "+00:00"
    s = _FRACTION.sub(r"\1", s)
    s = _OFFSET_NOCOLON.sub(r"\1:\2", s)
    try:
        return _valid(datetime.fromisoformat(s))
    except ValueError:
        try:
            return _valid(datetime.fromisoformat(s[:10]))
        except ValueError:
            return None


def parse_date(value: str | None) -> datetime | None:
    """Parse one date string as found in metadata; None if it is not a date."""
    if not value:
        return None
    s = value.strip()
    if not s or len(s) > 200:
        return None
    iso = parse_iso(s)
    if iso is not None:
        return iso
    if _EPOCH.match(s):
        seconds = int(s[:10])
        return _valid(datetime.fromtimestamp(seconds, tz=UTC))
    if "," in s[:5] and ":" in s:
        try:
            rfc = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            rfc = None
        if rfc is not None:
            return _valid(rfc)
    return find_date(s)


def find_date(text: str, *, day_first: bool | None = None) -> datetime | None:
    """Find the first written date in a piece of text ("May 5, 2023", "5. Mai 2023 10:30")."""
    found = find_date_at(text, day_first=day_first)
    return found[1] if found else None


def find_date_at(text: str, *, day_first: bool | None = None) -> tuple[int, datetime] | None:
    """The first written date in the text and where it starts.

    Numbers with slashes are month first ("05/17/2023", as in the US) unless ``day_first`` or
    the month would be over 12; with dots or dashes they are day first ("17.05.2023").
    """
    if not _FOUR_DIGITS.search(text):
        return None  # every written date has its year in four digits
    best: tuple[int, datetime] | None = None
    for pattern, order in (
        (_MDY, "mdy"),
        (_DMY, "dmy"),
        (_NUMERIC_YMD, "ymd"),
        (_NUMERIC_DMY, "ndmy"),
        (_CJK_YMD, "cjk"),
    ):
        m = pattern.search(text)
        if not m:
            continue
        g = m.groups()
        try:
            if order == "mdy":
                dt = _build(int(g[2]), _MONTHS[g[0].lower()], int(g[1]), g[3:])
            elif order == "dmy":
                dt = _build(int(g[2]), _MONTHS[g[1].lower()], int(g[0]), g[3:])
            elif order == "ymd":
                dt = _build(int(g[0]), int(g[1]), int(g[2]), g[3:])
            elif order == "cjk":
                dt = _build(int(g[0]), int(g[1]), int(g[2]), (g[3], g[4], None, None, None))
            else:
                dt = _numeric(int(g[0]), int(g[2]), int(g[3]), g[1], g[4:], day_first)
        except (KeyError, ValueError):
            dt = None
        if dt is not None and (best is None or m.start() < best[0]):
            best = (m.start(), dt)
    return best


_MONTH_YEAR = re.compile(rf"({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)


def month_at_start(text: str) -> datetime | None:
    """The first day of the month a text opens with ("June 2022", as in "Last updated: June
    2022"), for notes that give no day."""
    m = _MONTH_YEAR.match(text)
    month = _MONTHS.get(m.group(1).lower()) if m is not None else None
    return _valid(datetime(int(m.group(2)), month, 1)) if m is not None and month else None


def _numeric(
    a: int, b: int, year: int, sep: str, rest: tuple[str | None, ...], day_first: bool | None
) -> datetime | None:
    """12/05/2023 or 12.05.2023: which number is the day."""
    month_first = sep == "/" and not day_first
    if month_first and a > 12:
        month_first = False
    elif not month_first and b > 12 and a <= 12:
        month_first = True
    if month_first:
        return _build(year, a, b, rest)
    return _build(year, b, a, rest)


def date_from_url(url: str | None) -> datetime | None:
    """A date written into the URL path, like /2023/05/17/, /20230517/ or /2023/may/17/."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _URL_WORD_DATE.search(url)
        if not m or m.group(2).lower() not in _MONTHS:
            return None
        year, month, day = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    try:
        return _valid(datetime(year, month, day))
    except ValueError:
        return None
