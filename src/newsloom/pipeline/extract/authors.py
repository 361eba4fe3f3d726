"""Turn raw byline strings into clean person names."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from newsloom.domain.models import HashtagKind
from newsloom.pipeline.hashtags_data import gazetteer

_PREFIX = re.compile(
    r"^\s*(?:(?:[^\W\d]+\s+){1,3}by|by|von|par|por|di|door|av|af|autor(?:in)?|author|auteur"
    r"|authors?|(?:eingestellt|veröffentlicht|geschrieben|verfasst|gepostet)\s+von"
    r"|(?:publié|écrit|rédigé)\s+par|(?:publicado|escrito)\s+por"
    r"|(?:geplaatst|geschreven)\s+door)\b\s*[:\-]?\s*",
    re.IGNORECASE,
)
# A copyright line is no byline ("Copyright Acme GmbH & Co. KG - all rights reserved").
_COPYRIGHT = re.compile(r"(?i)©|\bcopyright\b|\brights\s+reserved\b")
# Between the names of a byline (kept by split(), to tell "A, B" from "A & B").
_SPLIT = re.compile(
    r"\s*(,|;|\||/|•|·|\band\b|&|\bund\b|\bet\b(?!\.)|\by\b(?!\.)|\be\b(?!\.)|\ben\b)\s*",
    re.IGNORECASE,
)
_CONJUNCTIONS = frozenset({"&", "and", "und", "et", "y", "e", "en"})
_SEVERAL = re.compile(r"[,;|&]|\band\b|\bund\b", re.IGNORECASE)
_CUT = re.compile(
    r"\s*(?:\b(?:last\s+)?updated\b|\bpublished\b|\bposted\b|\bon\s+(?:\w+\s+)?\d|\d{1,2}[:/.]\d|\d{4}|"
    r"\bminutes?\b|\bmin\b|\bread\b|\bhours?\s+ago|\bdays?\s+ago|\bfollow\b|\bemail\b).*$",
    re.IGNORECASE,
)
_NOT_NAME_WORDS = frozenset(
    [
        "staff",
        "reporter",
        "reporters",
        "writer",
        "writers",
        "editor",
        "editors",
        "correspondent",
        "contributor",
        "contributors",
        "columnist",
        "desk",
        "team",
        "news",
        "newsroom",
        "agency",
        "press",
        "wire",
        "wires",
        "associated",
        "reuters",
        "afp",
        "admin",
        "administrator",
        "webmaster",
        "published",
        "updated",
        "minute",
        "minutes",
        "read",
        "reading",
        "by",
        "share",
        "comments",
        "comment",
        "photo",
        "photos",
        "photographer",
        "video",
        "the",
        "of",
        "for",
        "and",
        "in",
        "at",
        "view",
        "profile",
        "more",
        "articles",
        "bio",
        "posts",
        "all",
        "follow",
        "twitter",
        "facebook",
        "instagram",
        "linkedin",
        "email",
        "subscribe",
        "guest",
        "senior",
        "chief",
        "political",
        "business",
        "sports",
        "health",
        "science",
        "technology",
        "tech",
        "opinion",
        "contributing",
        "special",
        "correspondents",
        "media",
        "online",
        "digital",
        "web",
        "editorial",
        "board",
        "unknown",
        "anonymous",
        "author",
        # buttons and form fields beside a byline: "Login", "My Account", "Contact", "Reset
        # Password", "Tweet This", "Copier" (copy), "Weiterlesen" (read on), "Datum" (date)
        "login",
        "account",
        "logout",
        "register",
        "contact",
        "password",
        "reset",
        "tweet",
        "copier",
        "weiterlesen",
        "datum",
    ]
)
# Words that never belong to a credited byline, even one the page declares as its author
# ("Staff", "News Desk", "The Investopedia Team" are bylines; "3 Minute Read" is not).
_NEVER_BYLINE_WORDS = frozenset(
    [
        "published", "updated", "minute", "minutes", "read", "reading", "by", "share",
        "comments", "comment", "view", "profile", "more", "articles", "bio", "posts", "all",
        "follow", "twitter", "facebook", "instagram", "linkedin", "email", "subscribe",
        "admin", "administrator", "unknown", "author", "name", "about", "publisher",
        "undefined", "null", "none", "webmaster",
    ]
)  # fmt: skip
# A credited team: "Podium Staff", "The Upwork Team", "the Lavazza Team", "News Desk".
_TEAM = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z0-9][\w.&'’+-]*\s+){1,3}"
    r"(?:[Tt]eam|[Ss]taff|[Ee]ditors|[Dd]esk|[Nn]ewsroom|[Cc]ontributors?)$"
    r"|^Team\s+[A-Z][\w.&'’+-]*$"
)
# Lower-case words that may sit inside a person's name ("Erik van Vulpen", "Jean de la Fontaine").
_NAME_PARTICLES = frozenset(
    [
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
        "le", "ten", "ter", "bin", "ibn", "al", "el", "y", "e",
    ]
)  # fmt: skip
# Letters after a name ("Jane Doe, MD, FACP", "Ph.D.", "Jr."): not a second author.
_CREDENTIAL = re.compile(
    r"^(?:[A-Z]{2,6}|(?:[A-Za-z]{1,2}\.){2,4}|Ph\.?\s?D\.?|Jr\.?|Sr\.?|[A-Z]{2,5}-[A-Z0-9]{1,4})$"
)
# Words of an organisation's name: an all-capitals byline holding one ("USA TODAY", "JERUSALEM
# POST STAFF", "NATURSTROM AG") is the organisation as it writes itself, not a shouted person.
_ORGANISATION_WORDS = frozenset(
    ["the", "today", "news", "times", "post", "press", "daily", "herald", "tribune", "journal",
     "gazette", "chronicle", "observer", "telegraph", "express", "magazine", "weekly", "radio",
     "tv", "television", "network", "media", "group", "agency", "service", "services", "staff",
     "desk", "team", "features", "wire", "newsroom", "online", "digital", "inc", "llc", "ltd",
     "plc", "gmbh", "ag", "corp", "co", "company", "institute", "university", "college",
     "council", "department", "ministry", "office", "bureau", "association", "foundation",
     "society", "center", "centre", "club", "studio", "studios", "publishing", "editors"]
)  # fmt: skip
# An acronym: "U.S.", or capitals without a vowel ("BBC", "NPR", "GTC").
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[B-DF-HJ-NP-TV-XZ]{2,}$")
# A two-letter byline in capitals is an agency ("AP"), not a stray word.
_ACRONYM_PAIR = re.compile(r"^[A-Z]{2}$")
# A day or an unambiguous month name ("Sat, 20 Dec" split at its comma leaves "Sat"): never
# a name. Months that are also given names (April, May, June, July, August, Jan, Mar) are
# left out.
_DATE_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
     "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "montag", "dienstag",
     "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi",
     "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves",
     "viernes", "sábado", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
     "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "january",
     "february", "march", "september", "october", "november", "december", "feb",
     "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "januar", "februar",
     "märz", "oktober", "dezember"]
)  # fmt: skip
# Endings of English abstract nouns, which no one-word name has (not "-tion": "Redaktion"
# is a newsroom's credit).
_ABSTRACT_NOUN = re.compile(r"(?:ment|ness|ology|ism|ics)$")
# A job or a qualification after a name. Words that are also common surnames (Baker, Cook,
# Nurse, Head, Host, Leader) are left out: "Ana Ruiz, Tom Baker" is two people.
_JOB_WORDS = frozenset(
    ["writer", "editor", "reporter", "correspondent", "columnist", "contributor", "journalist",
     "producer", "director", "founder", "co-founder", "cofounder", "owner", "president", "ceo",
     "cto", "cfo", "coo", "cmo", "vp", "manager", "reviewer", "educator", "teacher",
     "instructor", "trainer", "lecturer", "professor", "researcher", "engineer", "developer",
     "designer", "consultant", "advisor", "adviser", "analyst", "officer", "attorney", "lawyer",
     "surgeon", "veterinarian", "chef", "author", "blogger", "critic", "intern", "student",
     "assistant", "coordinator", "administrator", "executive", "chairman", "chairwoman",
     "secretary", "commissioner", "expert", "practitioner", "counselor", "counsellor",
     "advocate", "creator", "publisher", "curator", "moderator", "marketer", "entrepreneur",
     "investor", "grader", "grower"]
)  # fmt: skip
_TITLE_OPENERS = frozenset(
    ["master", "certified", "registered", "licensed", "board-certified", "senior", "sr",
     "junior", "chief", "lead", "principal", "associate", "assistant", "deputy", "executive",
     "managing", "former", "freelance"]
)  # fmt: skip
_NEWSROOM_WORDS = frozenset(
    ["staff", "writer", "writers", "editor", "editors", "reporter", "reporters", "correspondent",
     "correspondents", "columnist", "contributor", "contributors", "contributing", "desk",
     "journalist"]
)  # fmt: skip
# "Nutritionist", "Psychologist", "Physician", "Dietitian", "Photographer"; not the surnames
# "Lindqvist", "Bergquist".
_JOB_ENDING = re.compile(r"(?<!qu)(?<![kq]v)ist$|ician$|itian$|grapher$")
# "Jane Doe in Travel", cut to "Jane Doe in": the linking word is not part of the name
# (but "Insights from" is no name at all).
_TRAILING_WORD = re.compile(r"\s+(?:in|on|at|for|from|with)$")
_HANDLE = re.compile(r"@\w|https?:|www\.|\.com\b|[{}<>=#/\\\[\]?!]|\w\.\w{2,}")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def _trim(s: str) -> str:
    """Separators and stray brackets off both ends; a final full stop only after a whole
    word ("Jane Doe." but not "Jeff T." or "Ph.D.")."""
    s = s.strip(" -–—:|,·•")
    while s.startswith("(") and s.count("(") > s.count(")"):
        s = s[1:].strip()
    while s.endswith(")") and s.count(")") > s.count("("):
        s = s[:-1].strip()
    if s.endswith("."):
        last = s.split()[-1] if s.split() else ""
        if len(last) > 3 and "." not in last[:-1]:
            s = s[:-1]
    cut = _TRAILING_WORD.sub("", s)
    if len(cut.split()) >= 2:
        s = cut
    return s.strip(" -–—:|,·•")


def clean_name(raw: str, *, declared: bool = False) -> str | None:
    """One person's name from a fragment of a byline, or None if it is not a name.

    ``declared`` is for values the page gives as its author (schema.org, meta tags): there a
    credited team ("Podium Staff", "News Desk") is kept. Text found in the page must look like
    a person's name: capitalised words, mostly not staff titles.
    """
    s = " ".join(html.unescape(raw).split()) if "&" in raw else " ".join(raw.split())
    s = _trim(s)
    s = _PREFIX.sub("", s)
    s = _trim(_CUT.sub("", s))
    if not s or (len(s) < 3 and not _ACRONYM_PAIR.match(s)) or len(s) > 60 or _HANDLE.search(s):
        return None
    if _COPYRIGHT.search(s):
        return None
    if any(c.isdigit() for c in s):
        return None
    words = s.split()
    if not 1 <= len(words) <= 6:
        return None
    lowered = [w.lower().strip(".,()") for w in words]
    if declared:
        if sum(w in _NEVER_BYLINE_WORDS for w in lowered) * 2 >= len(words):
            return None
    elif not _TEAM.match(s):
        if len(words) > 5 or all(w in _NOT_NAME_WORDS for w in lowered):
            return None
        if sum(w in _NOT_NAME_WORDS for w in lowered) * 2 >= len(words):
            return None
        if not _capitalised(words) or ":" in s:
            return None
    if not _LETTER.search(s) or all(w in _DATE_WORDS for w in lowered):
        return None
    if not declared and len(words) == 1 and len(s) >= 7 and _ABSTRACT_NOUN.search(s):
        return None  # "Development", "Prevention", "Wellness": a section, not a person
    if len(words) == 1 and _known_place(s):
        return None  # "Frankfurt, Germany" after a byline: where it was written
    if s.isupper() and _shouted_person(words):
        s = s.title()
    return s


def _known_place(word: str) -> bool:
    """A country, region or city the hashtag gazetteer knows (not its people: "German")."""
    entry = gazetteer().lookup([word])
    return entry is not None and entry.kind is HashtagKind.PLACE and not entry.demonym


def _shouted_person(words: list[str]) -> bool:
    """An all-capitals name that is a person's ("JOHN SMITH", "MARY-ANN O'NEIL"), to be
    written in the usual case; not an organisation ("USA TODAY", "NVIDIA GTC", "U.S. CUSTOMS")
    nor a single word, which may be an acronym or a brand ("BBC", "REUTERS")."""
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        bare = word.strip(",()")
        if _ACRONYM.match(bare) or bare.strip(".").lower() in _ORGANISATION_WORDS:
            return False
        if not _LETTER.search(bare) or not all(c.isalpha() or c in "-'’." for c in bare):
            return False
    return True


def _role_only(part: str) -> bool:
    words = [w.lower().strip(".,()") for w in part.split()]
    return bool(words) and all(w in _NOT_NAME_WORDS for w in words)


def _capitalised(words: list[str]) -> bool:
    """Every word of a name starts with a capital letter, but for particles ("van der")."""
    for w in words:
        first = next((c for c in w if c.isalpha()), "")
        if first and not first.isupper() and w.lower() not in _NAME_PARTICLES:
            return False
    return True


def clean_whole_names(
    raws: Iterable[str], limit: int = 12, *, declared: bool = True, split: bool = True
) -> tuple[str, ...]:
    """Names that are already one person each (schema.org Person names): cleaned, not split
    unless one holds several ("A and B"); with split=False (organisations) never split."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in raws:
        if not raw:
            continue
        if split and _SEVERAL.search(raw):
            found = clean_names([raw], limit, declared=declared)
        else:
            name = clean_name(raw, declared=declared)
            found = (name,) if name else clean_names([raw], limit, declared=declared)
        for n in found:
            if n.lower() not in seen:
                seen.add(n.lower())
                out.append(n)
        if len(out) >= limit:
            break
    return tuple(out[:limit])


def clean_names(raws: Iterable[str], limit: int = 6, *, declared: bool = False) -> tuple[str, ...]:
    """Split bylines ("By A, B and C") into names, drop non-names and duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in raws:
        if not raw:
            continue
        raw = " ".join(html.unescape(raw).split()) if "&" in raw else " ".join(raw.split())
        raw = _CUT.sub("", _PREFIX.sub("", raw))  # what follows a date or "Updated" is no name
        for name in _byline_names(_SPLIT.split(raw), declared):
            if name.lower() not in seen:
                seen.add(name.lower())
                out.append(name)
                if len(out) >= limit:
                    return tuple(out)
    return tuple(out)


def _byline_names(pieces: list[str], declared: bool) -> list[str]:
    """The names of one byline split at its separators (parts and separators alternate).

    Letters and titles after a name stay with it ("Jane Doe, MD", "Tracy Parker, Dietitian");
    a newsroom title is dropped ("Jane Doe, Staff Reporter"). Single words joined by "&" or
    "and" to something that is no name are a phrase, not people ("Research & Development")."""
    names: list[str] = []
    runs: list[int] = []  # for each name, the run of "&"-joined parts it came from
    broken: set[int] = set()  # runs that hold a part that is no name
    run = 0
    title = ""  # after a title: "kept" with the name before it, or "dropped"
    for k in range(0, len(pieces), 2):
        part = pieces[k].strip()
        sep = pieces[k - 1].strip() if k else ""
        joined = sep.lower() in _CONJUNCTIONS
        if not joined:
            run += 1
        if not part:
            continue
        if names and _CREDENTIAL.match(part.strip(" .,")) and len(names[-1]) + len(part) < 60:
            names[-1] = f"{names[-1]}, {part}"  # "Jane Doe, MD": letters after the name
            title = ""
            continue
        title = _title_kind(part, sep, title) if names else ""
        if title == "kept":
            joint = ", " if sep == "," else f" {sep} "
            names[-1] = f"{names[-1]}{joint}{part}"  # "Tracy Parker, Dietitian"
        if title:
            continue
        if joined and names and _ends_organisation(names[-1], part, runs[-1] == run):
            names[-1] = f"{names[-1]} {sep} {part}"  # "Center for Drug Evaluation and Research"
            continue
        name = clean_name(part, declared=declared)
        if name is None:
            broken.add(run)
            continue
        names.append(name)
        runs.append(run)
    return [n for n, r in zip(names, runs, strict=True) if r not in broken or len(n.split()) > 1]


def _ends_organisation(before: str, part: str, same_run: bool) -> bool:
    """Whether a single word after "and" finishes the name before it rather than naming
    another author: an organisation's last word ("Center for Drug Evaluation and Research",
    "Vivid Interactive and Design"), never an agency's acronym ("Jane Doe and AP")."""
    return (
        same_run
        and " " not in part
        and part[:1].isupper()
        and not part.isupper()
        and len(before.split()) >= 2
        and part.lower() not in _NOT_NAME_WORDS
    )


def _title_kind(part: str, sep: str, before: str) -> str:
    """What a byline part after a name is: "kept" for a job or a qualification written with
    the name ("…, Dietitian", "…, Master Horticulturalist & Garden Educator", "…, Attorney at
    Morgan & Morgan"), "dropped" for a newsroom title ("…, Staff Reporter"), else ""."""
    if _role_only(part):
        return "dropped"
    goes_on = bool(before) and sep.lower() in _CONJUNCTIONS
    if goes_on and (len(part.split()) == 1 or _job_title(part)):
        return "dropped" if before == "dropped" or _newsroom_title(part) else "kept"
    if sep == "," and _job_title(part):
        return "dropped" if _newsroom_title(part) else "kept"
    return ""


def _job_title(part: str) -> bool:
    """A person's job or qualification ("Dietitian", "Sr. Director of Operations", "Master
    Horticulturalist", "Senior Editor"), not a name: a few words, one of them a job."""
    words = [w.strip(".,()").lower() for w in part.split()]
    if not 1 <= len(words) <= 7 or any(c.isdigit() for c in part):
        return False
    if words[0] in _TITLE_OPENERS:
        return True  # "Master Gardener", "Senior Analyst": no name begins so
    return any(w in _JOB_WORDS or (len(w) >= 6 and _JOB_ENDING.search(w)) for w in words)


def _newsroom_title(part: str) -> bool:
    """A title at the publication itself ("AP National Political Writer", "staff writer for
    the Gazette"): the reader knows the writer works there; it is left out of the name."""
    return any(w.strip(".,()").lower() in _NEWSROOM_WORDS for w in part.split())


# What may stand between the names of a byline: commas, "and", "&", slashes, bars.
_BETWEEN_NAMES = re.compile(r"(?:\s|,|;|\||/|&|\band\b|\bund\b|\bet\b)*", re.IGNORECASE)


_SPACE_BEFORE_COMMA = re.compile(r"\s+([,;])")


def written_byline(raw: str, names: tuple[str, ...]) -> str | None:
    """The byline as the page writes it ("Maria & Katerina", "A, B, and C"): the part of
    ``raw`` that holds exactly ``names``, in order, with only separators between them; None
    when ``raw`` says anything else (a role, a date) or names someone else."""
    if not names:
        return None
    text = " ".join(html.unescape(raw).split()) if "&" in raw else " ".join(raw.split())
    start = text.find(names[0])
    if start < 0:
        return None
    end = start + len(names[0])
    for name in names[1:]:
        gap = _BETWEEN_NAMES.match(text, end)
        at = gap.end() if gap is not None else end
        if not text.startswith(name, at) or at == end:
            return None
        end = at + len(name)
    rest = text[end:].strip(" .")
    if rest and not _CUT.match(" " + rest):
        return None
    return _SPACE_BEFORE_COMMA.sub(r"\1", text[start:end])
