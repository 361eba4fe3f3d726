"""Find the article among candidate blocks and keep the blocks that belong to it.

Each substantial, link-poor block votes for its ancestors (parent fully, then less and less, as in
the classic readability heuristic). The best-voted node is the article container; blocks inside it
are kept unless they are link lists, known boilerplate lines or learned site boilerplate.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsloom.domain.models import Block, BlockKind
from newsloom.pipeline.extract.blocks import Candidate
from newsloom.pipeline.extract.dates import find_date, parse_date

_DECAY = (1.0, 0.5, 0.3, 0.2, 0.15, 0.1)
_MIN_VOTER_CHARS = 25
_EXPAND_RATIO = 3.0
_MAX_EXPANSIONS = 6
_EXPAND_DEPTH = 30
_NEAR_LEVELS = 3
_GAP_CHARS = 300
_TEASER_RUN = 3
_TEASER_BLURB = 400
_SLIVER_CHARS = 50
"""Link or boilerplate text so short that the wrapper adding it may still be passed over."""
_FAR_BULK = 3.0
"""A far ancestor adding this many times the article's text so far joins however far it is."""
_LONG_CODE = 300
_REPEAT_SAMPLE = 40
_FIELD_LINE_MAX = 60
_LEAD_STEPS = 4
"""Blocks walked back from the body container to the headline looking for its standfirst
(bylines, a created and an updated line, the standfirst itself)."""
_PROSE_ENDS = (".", "!", "?", "…", '"', "”", "»", ")")
"""How a standfirst ends: like a sentence."""
_FIELD_LABEL_MAX = 30
_KIN_MIN = 3
_KIN_RATIO = 2.0
_SAME_KIND_SHARE = 0.3
"""A far ancestor's text in the article's own kind of element joins when it is at least this
share of the article so far."""

_FOLD_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")
"""Characters that case-insensitive patterns match to ASCII letters but str.lower() does not."""


def _fold(text: str) -> str | None:
    """``text.lower()`` when a case-insensitive pattern of lower-case words matches ``text``
    exactly where the same pattern, case-sensitive, matches the result (every text but the
    rare one holding a dotted or dotless i or a long s); else None."""
    if not text.isascii() and any(c in text for c in _FOLD_EXCEPTIONS):
        return None
    return text.lower()


class _Words:
    """A case-insensitive pattern written in lower case, also compiled case-sensitively for
    text that ``_fold`` lower-cased (``low``): the same answer, found much faster."""

    __slots__ = ("anycase", "lower")

    def __init__(self, pattern: str) -> None:
        self.anycase = re.compile(pattern, re.IGNORECASE)
        self.lower = re.compile(pattern)

    def match(self, text: str, low: str | None) -> bool:
        found = self.lower.match(low) if low is not None else self.anycase.match(text)
        return found is not None

    def search(self, text: str, low: str | None) -> bool:
        found = self.lower.search(low) if low is not None else self.anycase.search(text)
        return found is not None


_BOILER_LINE = _Words(
    r"^\W*(?:advertisement|advertisements?|advert|adverts|anzeige|tell us what you think|"
    r"(?:tempo de leitura|reading time|lesezeit|temps de lecture|tiempo de lectura)\W.{0,30}|"
    r"\d+\s*(?:min|mins|minute|minutes)(?: read|\.? lesezeit)|always enabled|"
    r"image (?:copyright|caption|source|credit)\b.*|getty images|publicité|publicidad|sponsored|"
    r"share(?: this)?(?: article| story| on \w+)?|share on \w+|tweet|email|print|"
    r"(?:read|see|view|show) (?:more|all|full)\b.*|related(?: articles| stories| content)?|"
    r"more (?:on|from|about) .{0,40}|"
    r"sign up.*|subscribe.*|follow (?:us|me)\b.*|click here.*|join (?:us|me) on \w+.*|"
    r"join (?:our|my) (?:mailing list|newsletter|email list)\b.*|be the first to know|"
    r"get .{0,50}\btexted (?:right )?to your phone\b.*|advertisement\s*:.{1,80}|"
    r"oops\W+something went wrong\b.*|thank you\W+your submission has been received\b.*|"
    r"help us improve (?:our|this) (?:content|page|article)\b.*|"
    r"(?:all rights reserved|copyright|©).*|recommended.*|"
    r"(?:top|latest|trending|most popular|most read) (?:stories|news|articles)?.*|"
    r"leave a (?:comment|reply).*|comments?|\d+ comments?|comments?\s*\(\d+\)|loading\W*|"
    r"listen(?: to)?(?: this)? (?:article|story)\b.*|listen\W+\d+\s*min\w*|"
    r"skip (?:advertisement|ad)|(?:story|article) continues (?:below|after) (?:the )?"
    r"(?:advertisement|ad)\b.*|copy link|gift (?:this )?(?:article|story)\b.*|"
    r"support (?:our|independent) journalism\b.*|reuse this content|continue reading\b.*|"
    r"this (?:article|story) is more than \w+ (?:years?|months?) old|"
    r"open in (?:the )?app|get (?:the|our) app|save (?:this )?(?:article|story)|"
    r"you have \w+ free (?:articles?|stories) left\b.*|print (?:this )?(?:page|article|story)|"
    r"(?:related|watch)\s*:.{1,80}|(?:have|got) (?:a|any) (?:news )?(?:tip|story)\b.*|"
    r"advertise with us|privacy policy|terms (?:of (?:service|use)|and conditions)|"
    r"cookie (?:settings|policy|preferences)|more videos|breaking news|"
    r"contact the (?:author|writer|reporter)\b.*|share via \w+|"
    r"(?:facebook|twitter|x|linkedin|e-?mail|whatsapp|reddit|pinterest|telegram)"
    r"(?:\W+(?:facebook|twitter|x|linkedin|e-?mail|whatsapp|reddit|pinterest|telegram))+|"
    r"posted in .{1,40}|filed under\b.{0,60}|read the full (?:story|article)\b.*|"
    r"click to (?:share|email|print)\b.*|like this\W+like\W+loading\W*|"
    r"like this (?:story|article|post)\W.{0,60}|rate this (?:article|story|post)\b.*|"
    r"printer[- ]friendly (?:page|version)\b.*|"
    r"send this (?:article|story|page) to (?:a )?friends?\b.*|"
    r"by [^,]{3,40}, (?:[\w.]+ ){0,3}(?:writer|correspondent)\b.{0,40}|"
    r"[^,]{3,40}, (?:the )?(?:associated press|ap|reuters|afp|getty images|epa)(?: photo)?|"
    r"erstveröffentlichung|letzte aktualisierung|zuletzt aktualisiert|"
    r".{0,60}\bdelivered (?:right |straight )?to your inbox\b.{0,20}|"
    r"pinterest image|pin (?:it|this|for later)|"
    r"(?:last )?(?:updated|modified|published)\s*(?:on)?\s*:?|shares?|"
    r"(?:expert|medically) reviewed|fact[- ]checked|prefer to (?:watch|listen)\W*|"
    r"republish (?:our|this) (?:articles?|stories|story)\b.*|"
    r"featured image(?: (?:from|by|via|credit|courtesy of))?\b.{0,60}|"
    r"download (?:the )?pdf|view (?:the )?gallery|enlarge this image|(?:toggle|hide|show) caption|"
    r"image|photo|video|watch|listen|skip to .*|back to top|caption|close|open|"
    r"back to (?:gallery|article|top)|(?:photo|photograph|image|picture|foto|bild|credit|source|"
    r"quelle)"
    r"(?: credit)?s?\s?:.{0,80}|enlarge|expand|zoom|next|previous|prev|"
    r"(?:updated|published|posted|last updated|modified|aktualisiert|veröffentlicht)\b.{0,60}\d.*|"
    r"(?:this|the) (?:article|story) (?:was|has been) (?:updated|corrected).{0,20}|"
    r"mehr (?:zu|zum|zur|über|von|aus) .{0,60}|weitere (?:informationen|artikel|beiträge|"
    r"themen|news|nachrichten|links?)\b.*|entdecke .{0,40}|vorschau auf .*|lust auf mehr.*|"
    r"(?:themen|schlagworte|schlagwörter|tags|kategorien?|categor(?:y|ies)|rubrik|topics)\s*:.*|"
    r"highlights aus .*|lesen sie (?:auch|mehr|weiter).*|zum artikel|zurück.*|teilen|drucken|"
    r"nach oben|werbung|(?:bild|foto|photo|crédits? photos?)\s*(?:via|:).*|"
    r"lire (?:aussi|la suite|plus).*|partager.*|(?:à )?voir aussi.*|"
    r"lee también.*|leer más.*|compartir.*|leggi anche.*|condividi.*|pubblicità|"
    r"weiterführende links?.*|quellen(?:angaben)?\s*:?|sources?\s*:?|"
    r"aktuelle ausgabe\b.*|entdecken sie\b.*|hier können sie\b.{0,60})\W*$"
)
# Lines whose telling words may come anywhere in them (tried only when one of those words is
# there at all: scanning forty or sixty characters ahead for them is slow).
_BOILER_ANYWHERE = _Words(
    r"^\W*(?:.{0,60}\b(?:photo|foto|bild)\s*:|.{0,40}artikel bewerten.*|"
    r".{0,40}\bjetzt (?:auch )?(?:digital|lesen|bestellen|testen|abonnieren)\b.*)\W*$"
)
_BOILER_SHORT_MAX = 90
_SOCIAL_SITE = (
    r"\b(?:facebook\.com|fb\.me|twitter\.com|x\.com|instagram\.com|t\.me|youtube\.com|"
    r"tiktok\.com|line\.me)/"
)
# Promotions and disclosures that run to a sentence or two: download the app, send a letter,
# join the messaging channel, an affiliate or advertising notice.
_PROMO_LINE = _Words(
    r"^\W*(?:this (?:post|article|page|story) (?:contains|may contain|includes) (?:affiliate "
    r"links|references to products|sponsored|paid)\b|(?:werbung|anzeige)\s*[.:]|"
    r".{0,60}\bdownload (?:the|our) .{0,40}\bapps? (?:for|on|in) (?:ios|android|iphone)\b|"
    r"(?:submit|send) (?:your|a) letter to the editor\b|"
    r".{0,80}\b(?:channel|canal) (?:on|de|en) (?:telegram|whatsapp)\b|"
    r".{0,120}\bsign up for our (?:free )?(?:newsletters?|emails?)\b|"
    # in any language: the typo report ("select the text and press Ctrl+Enter"), and a line
    # that gives the outlet's pages on two social networks ("Facebook https://fb.me/…")
    r".{0,160}\bctrl\s*\+\s*enter\b|"
    rf".{{0,120}}{_SOCIAL_SITE}.{{0,120}}{_SOCIAL_SITE})"
)
_PROMO_MAX = 250
_PROMO_WORDS = (
    "affiliate", "references to products", "sponsored", "paid", "werbung", "anzeige", "download",
    "letter to the editor", "telegram", "whatsapp", "ctrl", "://", "sign up",
)  # fmt: skip
"""Every promotion line holds one of these (a plain search first: most lines hold none)."""


def _is_promo_line(text: str, low: str | None) -> bool:
    if low is not None and not any(word in low for word in _PROMO_WORDS):
        return False
    return _PROMO_LINE.match(text, low)
_BYLINE_START = _Words(r"^\W*(?:by|von|par|por|di|door|written by|words by)\b")
_STOP_HEADING = _Words(
    r"^(?:most (?:popular|read|viewed|shared)|related(?: (?:articles|stories|posts|content|"
    r"news|coverage|reading|reads|links)\b.*)?|recommended(?: for you| stories| articles)?|"
    r".{0,40}\byou (?:may|might) (?:also )?(?:like|enjoy|be interested)\b.*|"
    r"more (?:from|on|in|stories|news|articles|to read)\b.*|read (?:more|next|also)|also read|"
    r"trending(?: now| stories)?|"
    r"(?:top|latest|popular) (?:stories|news|articles|headlines)|featured (?:video|stories)|"
    r"what to read next|up next|keep reading|recent posts|latest posts|want more\b.*|"
    r"weitere artikel|mehr zum thema|das könnte sie auch interessieren|lesen sie auch|"
    r"ähnliche artikel|verwandte artikel|weiterlesen|schlagworte|über den autor|"
    r"à lire aussi|lire aussi|sur le même sujet|articles similaires|noticias relacionadas|"
    r"te puede interesar|leggi anche|"
    r"(?:share|follow) (?:this|us)\b.*|about the author|"
    r"sign up for .*|subscribe to .*|newsletter|(?:article )?(?:written|reviewed) by\b.*|"
    r"about the authors?|recently by .*|further reading\b.*|"
    r"(?:was|is) this (?:page |article |post |content |guide |answer |information )?"
    r"(?:helpful|useful)|did you find (?:this|the) (?:page|article|post|content|information|guide) "
    r"(?:helpful|useful)|\d+% of (?:people|readers|users) found this (?:article|page|post) helpful|"
    r"contributing (?:writer|editor)|article sources|citations|disclaimer|other posts|"
    r"more resources|republish this (?:article|story)|how useful was this (?:post|article)|"
    r"explore more\b.*|contact us|testimonials?|what (?:our )?(?:clients|customers) say\b.*|"
    r"references|bibliography|footnotes|how we reviewed this article)\W*$"
)


@dataclass(slots=True)
class Choice:
    """The blocks that make the article and how sure we are about them."""

    blocks: tuple[Block, ...]
    score: float


def _is_teaser(text: str) -> bool:
    """A cut-off summary ("... and more...") of another article."""
    if not 60 <= len(text) < 400:
        return False
    if text.endswith(("[…]", "[...]", "Read more")):
        return True
    if text.endswith("..."):
        return not text[-4].isspace()
    return text.endswith("…") and not text[-2].isspace()


_CTA_MAX = 300
_RESUME_CHARS = 400
_READ_ALSO_RESUME_CHARS = 150
"""After an inline "Read also" (one or two linked teasers inside the article), a shorter
paragraph of plain prose already resumes the article."""
_READ_ALSO = _Words(
    r"^(?:read also|also read|see also|leggi anche|(?:à )?lire aussi|lesen sie auch|"
    r"lee también|leia também|veja também)\W*$"
)
_CALL_TO_ACTION = _Words(
    r"\b(?:subscribe|subscription|subscriber|sign up|newsletter|download (?:the|our)\b.{0,40}\bapp|"
    r"follow (?:us|the \w+|@\w+)|on (?:twitter|facebook|instagram)|get the latest|"
    r"abonnieren|abonniere|abonnement|registrieren|unterstütze|unterstützen sie|spenden|"
    r"support (?:us|our)|donate|inscrivez|abonnez|suscríbete|suscribirse|iscriviti|"
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés|ohne gewähr|"
    r"kommentare?|comments?|leave a reply|write to us|letter to the editor|"
    r"meinung des autors|opinion of the author|views expressed)\b"
)
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"https?://\S+")
_COOKIE = _Words(
    r"\b(?:(?:this|our) (?:web)?site uses cookies|cookies? (?:policy|settings|preferences|"
    r"consent)|(?:accept|allow|enable|reject) (?:all )?cookies|necessary cookies|"
    r"privacy overview|we use cookies|verwendet cookies|utilise des cookies|utiliza cookies|"
    r"respektieren deine privatsphäre|respektieren ihre privatsphäre|privacy settings)\b"
)


def _is_paywall_prompt(text: str, low: str | None) -> bool:
    if low is not None and not (  # every paywall phrase holds one of these words
        "subscri" in low
        or "continue reading" in low
        or "log in" in low
        or "jetzt" in low
        or "abonnez" in low
        or "suscr" in low
    ):
        return False
    return _PAYWALL.search(text, low)


def _is_form_notice(text: str, low: str | None) -> bool:
    """The small print of a sign-up form ("By signing up, you agree..."), its other lines
    ("Already have an account?", "Thanks for subscribing!"), a loading placeholder
    ("Loading content...") or placeholder text ("Lorem ipsum...")."""
    if low is not None and not low.lstrip(_OPENERS).startswith(_FORM_STARTS):
        return False
    return _FORM_NOTICE.match(text, low)


def _is_cookie_notice(text: str, low: str | None) -> bool:
    """A cookie or privacy notice, a paywall prompt or a form's small print (``low``:
    ``_fold(text)`` or None)."""
    if len(text) < 250 and _is_paywall_prompt(text, low):
        return True
    if len(text) < _FORM_NOTICE_MAX and _is_form_notice(text, low):
        return True
    if len(text) >= 1500 or (
        "ookie" not in text and "rivacy" not in text and "rivatsph" not in text
    ):
        return False
    return _COOKIE.search(text, low if low is not None else _fold(text))


_FORM_NOTICE = _Words(
    r"^\W*(?:by (?:clicking|signing up|submitting|subscribing|registering|continuing)\b"
    r".{0,200}\b(?:agree|consent|confirm|accept)|already have an account\b|"
    r"thanks? (?:you )?for (?:signing up|subscribing)\W*$|lorem ipsum\b|"
    r"loading\b[^.…]{0,30}(?:\.\.\.|…)\W*$)"
)
_FORM_STARTS = ("by ", "already", "thank", "lorem", "loading")
_FORM_NOTICE_MAX = 400
"""The longest small print of a form (an SMS sign-up's lists its rates and how to opt out)."""
_OPENERS = " \t\n\"'“”‘’«»*•-–—"
_BIO_MAX = 1200
_BIO_VERB = _Words(
    r"(?:is|was|has|have|writes|wrote|covers|covered|serves|served|holds|held|leads|led|"
    r"(?:co-?)?founded|started|joined|works|worked|specializes|specialises|identifies|loves|"
    r"brings|earned|graduated|studied|teaches|taught|lives)\b"
)
_PERSONAL_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
_GREETING = re.compile(r"(?i)(?:(?:hi|hey|hello)(?: there)?\W+)?i(?:'|’| a)m ")
_PAYWALL = _Words(
    r"\b(?:please subscribe|subscribe (?:now|today)|already a subscriber|subscribers also "
    r"receive|to continue reading|log in (?:for|to) (?:read|continue|immediate)|"
    r"jetzt abonnieren|jetzt registrieren|abonnez-vous|suscríbete ahora)\b"
)


def _is_byline(text: str, authors: Sequence[str]) -> bool:
    """A short line naming the article's authors ("By Jane Doe · 2 May 2023")."""
    if len(text) > 160:
        return False
    return any(a in text for a in authors) and (
        _BYLINE_START.match(text, _fold(text)) or len(text) < 60 or find_date(text) is not None
    )


def _is_author_bio(text: str, authors: Sequence[str]) -> bool:
    """The author box after an article: a line that is only an author's name (a person's,
    of two words or more), or a short paragraph that starts with it and tells who they are
    ("Jane Doe is a writer who...", "Jane Doe co-founded..."), or starts with their given
    name and tells it of a he or she ("Jane founded... before that she..."), or in which
    they introduce themselves ("Hi, I'm Jane...")."""
    if len(text) > _BIO_MAX:
        return False
    for author in authors:
        name = author.split(",", 1)[0]  # without a role or letters ("Jane Doe, Senior Editor")
        words = name.split()
        if len(words) < 2:
            continue
        if text.startswith(name):
            rest = text[len(name) :].lstrip(" ,")
            if not rest or _BIO_VERB.match(rest, _fold(rest)):
                return True
        elif _tells_of_person(text, words[0]) or _introduces(text, words[0]):
            return True
    return False


def _tells_of_person(text: str, given: str) -> bool:
    """Starts with the given name and a bio verb, and speaks of a he or she (so that an
    organisation's blurb, "Acme is...", for the author "Acme Team", is not taken)."""
    if not text.startswith(given):
        return False
    rest = text[len(given) :].lstrip(" ,")
    return _BIO_VERB.match(rest, _fold(rest)) and _PERSONAL_PRONOUN.search(rest) is not None


def _introduces(text: str, given: str) -> bool:
    """"Hi, I'm Jane...", "I am Jane, ..." for the given name."""
    found = _GREETING.match(text)
    return found is not None and text.startswith(given, found.end())


def _is_markup(text: str) -> bool:
    """HTML source or a dump of URLs shown as text (from <noscript>, sliders, broken markup)."""
    if text.startswith("<") and '="' in text[:200]:
        return True
    if "http" not in text:
        return False
    url_chars = sum(len(m) for m in _URL.findall(text))
    return url_chars > len(text) * 0.5


def _is_dateline(text: str) -> bool:
    """A short line that is only a date and time ("Nov 18, 2019 @17:19 PM")."""
    if len(text) > 80 or _DIGIT.search(text) is None:
        return False
    if sum(map(str.isalpha, text)) > 30:
        return False
    if text == text.strip():  # parse_date tries find_date on the stripped text last
        return parse_date(text) is not None
    return find_date(text) is not None or parse_date(text) is not None


_ARTICLE_BEFORE_COMMENTS = 400
"""Characters of article text kept before a comments heading that ends the article, when the
comments that follow outweigh it ("12 Comments" under a headline ends nothing)."""
_COMMENTS_HEADING = _Words(
    r"^(?:comments?|kommentare|\d+ (?:comments?|kommentare)|leave a (?:reply|comment)|"
    r"comments (?:are|have been) (?:now )?(?:closed|disabled)\b.*|"
    r"(?:show|view|read|load|add|post) (?:all |more )?comments?(?: \(\d+\))?|"
    r"join the (?:conversation|discussion))\W*$"
)
"""A line that opens the readers' comments: after most of the article, the article is over."""


def _is_stop_heading(text: str) -> bool:
    if len(text) > 60:
        return False
    low = _fold(text)
    return _STOP_HEADING.match(text, low) or _COMMENTS_HEADING.match(text, low)


def _is_read_also(text: str) -> bool:
    return _READ_ALSO.match(text, _fold(text))


def _is_comments_heading(text: str) -> bool:
    return len(text) <= 60 and _COMMENTS_HEADING.match(text, _fold(text))


_MENU_BARS = 4
_MENU_ITEM_MAX = 30
_MARK_LINE_MAX = 3
_TABLE_CELL = re.compile(r"[\d%]")


def _is_menu_line(text: str) -> bool:
    """A menu written as text: five or more short items between bars ("News: ePaper | Front
    Page | National | …")."""
    if "\n" in text or _TABLE_CELL.search(text):
        return False  # a table's rows, or one of them ("Antiques | 82 | 55.41% | …")
    items = text.split("|")
    return all(len(item.strip()) <= _MENU_ITEM_MAX for item in items)


def _is_boiler_line(text: str, low: str | None) -> bool:
    """A short boilerplate line (``low``: ``_fold(text)`` or None)."""
    if len(text) < _PROMO_MAX and _is_promo_line(text, low):
        return True
    if text.count("|") >= _MENU_BARS and _is_menu_line(text):
        return True
    if len(text) <= _MARK_LINE_MAX and not any(ch.isalnum() or ch == "_" for ch in text):
        return True  # a stray "|" or "»" left by the page's menus (not a "___" rule)
    if len(text) > _BOILER_SHORT_MAX:
        return False
    if _BOILER_LINE.match(text, low):
        return True
    if low is not None and not (
        "photo" in low
        or "foto" in low
        or "bild" in low
        or "artikel bewerten" in low
        or "jetzt " in low
    ):
        return False
    return _BOILER_ANYWHERE.match(text, low)


_F_BOILER, _F_TEASER, _F_MARKUP, _F_COOKIE, _F_DATELINE, _F_KNOWN = 1, 2, 4, 8, 16, 32
_F_DATELINE_KNOWN = 64
_NOT_VOTING = _F_BOILER | _F_TEASER | _F_MARKUP | _F_COOKIE
"""Text that is link-like or boilerplate when voting for the container."""
_NOT_KEPT = _F_BOILER | _F_DATELINE | _F_MARKUP | _F_COOKIE
"""Lines never kept in the article."""


def _flags(c: Candidate) -> int:
    """What the candidate's text looks like (the _F_* bits but _F_DATELINE, which
    ``_kept_flags`` adds), worked out once per candidate."""
    flags = c.flags
    if flags:
        return flags
    text = c.text
    flags = _F_KNOWN
    # Lower-cased once for the checks that look at short texts only.
    low = _fold(text) if len(text) < 250 else None
    if _is_boiler_line(text, low):
        flags |= _F_BOILER
    if _is_teaser(text):
        flags |= _F_TEASER
    if _is_markup(text):
        flags |= _F_MARKUP
    if _is_cookie_notice(text, low):
        flags |= _F_COOKIE
    c.flags = flags
    return flags


def _kept_flags(c: Candidate) -> int:
    """``_flags`` with _F_DATELINE too (dates are parsed only for lines that could be kept)."""
    flags = _flags(c)
    if not flags & _F_DATELINE_KNOWN:
        flags |= _F_DATELINE_KNOWN | (_F_DATELINE if _is_dateline(c.text) else 0)
        c.flags = flags
    return flags


def _vote(candidates: Sequence[Candidate], skip: set[int]) -> tuple[dict[int, float], float]:
    scores: dict[int, float] = {}
    weights: dict[int, float] = {}
    chains: dict[int, list[int]] = {}
    total = 0.0
    for i, c in enumerate(candidates):
        if i in skip or c.kind is BlockKind.HEADING:
            continue
        n = len(c.text)
        if n < _MIN_VOTER_CHARS or c.link_density > 0.5:
            continue
        weight = (1.0 + c.text.count(",") * 0.3 + min(n / 100.0, 3.0)) * (1.0 - c.link_density)
        if c.kind is BlockKind.LIST_ITEM:
            weight *= 0.5
        total += weight
        # Blocks under one parent share one ancestor list: add their weights up first.
        key = id(c.ancestors)
        if key in weights:
            weights[key] += weight
        else:
            weights[key] = weight
            chains[key] = c.ancestors
    for key, weight in weights.items():
        for depth, anc in enumerate(chains[key][: len(_DECAY)]):
            scores[anc] = scores.get(anc, 0.0) + weight * _DECAY[depth]
    return scores, total


def _good_bad(c: Candidate) -> tuple[float, float]:
    """A block's good text (prose) and bad text (links and boilerplate) for the container's
    growth. A data table's links are a column of names, not a list of links: it counts by its
    plain text and adds no bad text."""
    n = len(c.text)
    ld = c.link_density
    if c.kind is BlockKind.TABLE:
        return n * (1.0 - ld), 0.0
    if ld > 0.5:
        return 0.0, float(n)
    if c.kind is BlockKind.HEADING or n < _MIN_VOTER_CHARS:
        return 0.0, 0.0
    if _flags(c) & _NOT_VOTING:
        return 0.0, float(n)
    return n * (1.0 - ld), n * ld


def _connected(gb: list[tuple[float, float]], inside: set[int], extra: set[int]) -> float:
    """Good text of ``extra`` reached from ``inside`` in reading order without crossing more
    than _GAP_CHARS of link or boilerplate text (or a block outside both sets)."""
    lo, hi = min(inside), max(inside)
    reached = 0.0
    for step in (1, -1):
        i = hi + 1 if step == 1 else lo - 1
        gap = 0.0
        while 0 <= i < len(gb):
            good, bad = gb[i]
            if i in extra:
                if good:
                    reached += good
                    gap = 0.0
                else:
                    gap += bad
            elif good or bad:
                gap += good + bad
            if gap > _GAP_CHARS:
                break
            i += step
    return reached


def teaser_runs(candidates: Sequence[Candidate]) -> set[int]:
    """Indices of teaser lists: three or more linked headlines in a row, each followed by at
    most one short summary (a "more stories" block with blurbs)."""
    found: set[int] = set()
    run: list[int] = []
    pairs = 0
    i = 0
    n = len(candidates)
    while i < n:
        c = candidates[i]
        linked_head = c.kind is BlockKind.HEADING and c.link_density >= 0.8
        if linked_head:
            run.append(i)
            pairs += 1
            nxt = candidates[i + 1] if i + 1 < n else None
            if (
                nxt is not None
                and nxt.kind is not BlockKind.HEADING
                and nxt.link_density < 0.8
                and len(nxt.text) < _TEASER_BLURB
            ):
                run.append(i + 1)
                i += 1
        else:
            if pairs >= _TEASER_RUN:
                found.update(run)
            run, pairs = [], 0
        i += 1
    if pairs >= _TEASER_RUN:
        found.update(run)
    return found


def _indices_under(
    candidates: Sequence[Candidate],
    gb: list[tuple[float, float]],
    parents: dict[int, int],
    target: int,
) -> set[int]:
    """Indices of the scored candidates whose recorded ancestry reaches ``target``."""
    found: set[int] = set()
    for i, c in enumerate(candidates):
        if not (gb[i][0] or gb[i][1]) or not c.ancestors:
            continue
        anc: int | None = c.ancestors[0]
        steps = 0
        while anc is not None and steps < _EXPAND_DEPTH:
            if anc == target:
                found.add(i)
                break
            anc = parents.get(anc)
            steps += 1
    return found


def _no_kind(nid: int) -> str:
    """No element kinds known (every element is of no kind)."""
    return ""


@dataclass(frozen=True, slots=True)
class _Growth:
    """What the container's growth looks at: the scored candidates ((good, bad) text each),
    the recorded parents, and the kind (tag and class) of the first-voted container."""

    candidates: Sequence[Candidate]
    gb: list[tuple[float, float]]
    parents: dict[int, int]
    kind: str
    kind_of: Callable[[int], str]

    def added(self, chosen: int, ancestor: int) -> tuple[set[int], set[int]]:
        """Indices of the scored candidates inside ``chosen``, and of those the ancestor adds."""
        inside = _indices_under(self.candidates, self.gb, self.parents, chosen)
        return inside, _indices_under(self.candidates, self.gb, self.parents, ancestor) - inside

    def box_of(self, parent: int) -> int | None:
        """The element of the first-voted container's kind that holds a block whose parent
        is given: that parent itself or its own parent (``<div class="sectionbody"><div
        class="paragraph"><p>``); None when neither is of that kind."""
        if self.kind_of(parent) == self.kind:
            return parent
        up = self.parents.get(parent)
        return up if up is not None and self.kind_of(up) == self.kind else None

    def alike(self, extra: set[int]) -> float:
        """Good text of the given candidates that sits in elements of the first-voted
        container's kind, directly or one level down (``<div class="sectionbody"><div
        class="paragraph"><p>``)."""
        if not self.kind:
            return 0.0
        candidates = self.candidates
        return sum(
            self.gb[i][0] for i in extra if self.box_of(candidates[i].ancestors[0]) is not None
        )


def _joins_from_far(g: _Growth, chosen: int, ancestor: int, good: float, extra_good: float) -> bool:
    """Whether what a far ancestor adds (``extra_good``) is more of the same article (of
    ``good`` so far, in ``chosen``).

    Either the added text is much bigger than the article so far, or most of it sits in
    elements of the same kind (tag and class) as the article's first-voted text (a page
    builder's next text module), or it is as big as the article so far and reads on from it
    without a break.
    """
    same_kind = bool(g.kind) and extra_good >= _SAME_KIND_SHARE * good
    if not same_kind and extra_good < good:
        return False
    if extra_good >= _FAR_BULK * good:
        return True  # what was found first is a side part of it (a reference list, a box)
    inside, extra = g.added(chosen, ancestor)
    if same_kind and g.alike(extra) >= 0.5 * extra_good:
        return True
    return extra_good >= good and _connected(g.gb, inside, extra) >= 0.5 * extra_good


def _joins_with_links(
    g: _Growth, chosen: int, ancestor: int, good: float, added: tuple[float, float]
) -> bool:
    """Whether an ancestor that adds a lot of link text (``added``: its good and bad text)
    still adds the rest of the article: more prose than links, as much as the article so
    far, mostly in the same kind of element as the article's first-voted text (its later
    sections, with a list of links among them)."""
    extra_good, extra_bad = added
    if not g.kind or extra_good < extra_bad or extra_good < good:
        return False
    return g.alike(g.added(chosen, ancestor)[1]) >= 0.5 * extra_good


def best_container(
    candidates: Sequence[Candidate],
    skip: set[int],
    parents: dict[int, int],
    teasers: set[int] | None = None,
    kind_of: Callable[[int], str] = _no_kind,
) -> tuple[int | None, float, float]:
    """The article container's node id, its good text and the page's total good text.

    First the classic decayed vote picks a tight container; then it grows to its parent while
    what the parent adds is mostly prose (good text at least EXPAND_RATIO times the link and
    boilerplate text it also adds), so articles split over sibling sections are kept whole
    but teaser lists (a linked headline per short summary) are not. Far up the page only more
    of the same article joins (see _joins_from_far), and a parent that adds much link text
    joins only with the rest of the article (see _joins_with_links); ``kind_of`` names an
    element's kind (tag and class) by node id, so that a page builder's sections of text can
    be told apart from other boxes.
    """
    votes, _ = _vote(candidates, skip | teasers if teasers else skip)
    if not votes:
        return None, 0.0, 0.0
    gb: list[tuple[float, float]] = []
    # Good, bad and count of the blocks under each node, summed once per distinct parent.
    by_parent: dict[int, list[float]] = {}
    total = 0.0
    for i, c in enumerate(candidates):
        if i in skip:
            pair = (0.0, 0.0)
        elif teasers and i in teasers:
            pair = (0.0, float(len(c.text)))
        else:
            pair = _good_bad(c)
        gb.append(pair)
        total += pair[0]
        if (pair[0] or pair[1]) and c.ancestors:
            acc = by_parent.get(c.ancestors[0])
            if acc is None:
                by_parent[c.ancestors[0]] = [pair[0], pair[1], 1.0]
            else:
                acc[0] += pair[0]
                acc[1] += pair[1]
                acc[2] += 1.0
    sums: dict[int, list[float]] = {}
    for first, (g, b, n) in by_parent.items():
        anc: int | None = first
        steps = 0
        while anc is not None and steps < _EXPAND_DEPTH:
            acc = sums.get(anc)
            if acc is None:
                sums[anc] = [g, b, n]
            else:
                acc[0] += g
                acc[1] += b
                acc[2] += n
            anc = parents.get(anc)
            steps += 1
    best = max(votes, key=votes.__getitem__)
    here = sums.get(best, [0.0, 0.0, 0.0])
    good = here[0]
    node = chosen = best
    growth = _Growth(candidates, gb, parents, kind_of(best), kind_of)
    grown = 0
    climbed = 0
    passed_sliver = False
    for _ in range(_EXPAND_DEPTH):
        parent = parents.get(node)
        if parent is None or parent not in sums:
            break
        above = sums[parent]
        below = sums.get(node, [0.0, 0.0, 0.0])
        node = parent
        climbed += 1
        if above[2] == below[2]:
            continue  # a wrapper that adds nothing: look further up
        extra_good = above[0] - below[0]
        extra_bad = above[1] - below[1]
        if extra_good <= 0 and extra_bad < _SLIVER_CHARS and climbed <= _NEAR_LEVELS:
            passed_sliver = True
            continue  # a close wrapper that adds a tag link or a share icon's label
        if extra_good <= 0:
            break
        if extra_good < _EXPAND_RATIO * extra_bad:
            if not _joins_with_links(growth, chosen, parent, good, (extra_good, extra_bad)):
                break
        elif passed_sliver and extra_good < good:
            break  # ...is passed over for the rest of the article, not for any box
        elif climbed > _NEAR_LEVELS and not _joins_from_far(
            growth, chosen, parent, good, extra_good
        ):
            break
        climbed = 0
        passed_sliver = False
        chosen = parent
        good += extra_good
        grown += 1
        if grown >= _MAX_EXPANSIONS:
            break
    if good < 0.5 * total:  # most of the page's prose is elsewhere: in more of the same kind?
        kin = _kin_container(growth, by_parent, sums, good)
        if kin is not None:
            return kin, sums[kin][0], total
    return chosen, good, total


def _kin_container(
    g: _Growth, by_parent: dict[int, list[float]], sums: dict[int, list[float]], good: float
) -> int | None:
    """The nearest common ancestor of the elements of the first-voted container's kind that
    hold prose (directly or one level down), when there are at least _KIN_MIN of them,
    together they hold at least _KIN_RATIO times the article's text found so far (``good``)
    and the ancestor's prose outweighs its link text _EXPAND_RATIO to one: a list of entries
    or a page builder's modules, each in an element of one kind, whose steps of growth
    stopped at a heading link between two of them."""
    if not g.kind:
        return None
    boxes = (g.box_of(nid) for nid, acc in by_parent.items() if acc[0] > 0)
    kin = list({box for box in boxes if box is not None})
    if len(kin) < _KIN_MIN or sum(sums[nid][0] for nid in kin) < _KIN_RATIO * good:
        return None
    common = _common_ancestor(kin, g.parents)
    if common is None or common not in sums:
        return None
    prose, links, _ = sums[common]
    return common if prose >= _EXPAND_RATIO * links else None


def _common_ancestor(nodes: list[int], parents: dict[int, int]) -> int | None:
    """The nearest ancestor (or self) shared by all the nodes, within _EXPAND_DEPTH levels."""
    shared: set[int] | None = None
    first: list[int] = []
    for n, nid in enumerate(nodes):
        chain: list[int] = []
        cur: int | None = nid
        while cur is not None and len(chain) <= _EXPAND_DEPTH:
            chain.append(cur)
            cur = parents.get(cur)
        if n == 0:
            first = chain
            shared = set(chain)
        elif shared is not None:
            shared &= set(chain)
    return next((nid for nid in first if shared and nid in shared), None)


_SIDE_SHARE = 0.5
"""Boxes of one kind holding at least this share of the container's text are its sections."""


def in_side_boxes(
    container: int,
    boxes: set[int],
    parents: dict[int, int],
    kind_of: Callable[[int], str],
    inside: Sequence[Candidate],
) -> set[int]:
    """Node ids of the candidates (``inside`` the container) that sit in a side box: a box
    that cleaning labelled as boilerplate (related posts, an author box, a disclaimer, a
    navigation bar...) but kept for its prose (``boxes``).

    A box that holds the container is a content column with a misleading label and stays;
    so do boxes that share their tag and first class name and together hold at least half of
    the container's text: they are the article's sections, each in a box of one misleading
    label ("toc-para", "skip-item").
    """
    holding: set[int] = set()
    cur: int | None = container
    while cur is not None:
        if cur in boxes:
            holding.add(cur)
        cur = parents.get(cur)
    side = boxes - holding
    if not side:
        return set()
    in_box = _by_side_box(container, side, parents, inside)
    by_kind: dict[str, list[list[Candidate]]] = {}
    for box, held in in_box.items():
        kind = kind_of(box)
        by_kind.setdefault(kind.split(None, 1)[0] if kind else str(box), []).append(held)
    total = sum(len(c.text) for c in inside)
    out: set[int] = set()
    for group in by_kind.values():
        if sum(len(c.text) for held in group for c in held) < _SIDE_SHARE * total:
            out.update(c.node_id for held in group for c in held)
    return out


def _by_side_box(
    container: int, side: set[int], parents: dict[int, int], inside: Sequence[Candidate]
) -> dict[int, list[Candidate]]:
    """The candidates under each side box, walking each one's recorded parents up to the
    container (the boxes met on the way are remembered per node)."""
    boxes_above: dict[int, tuple[int, ...]] = {container: ()}
    in_box: dict[int, list[Candidate]] = {}
    for c in inside:
        trail: list[int] = []
        cur: int | None = c.node_id
        while cur is not None and cur not in boxes_above:
            trail.append(cur)
            cur = parents.get(cur)
        above = boxes_above[cur] if cur is not None else ()
        for nid in reversed(trail):
            if nid in side:
                above = (*above, nid)
            boxes_above[nid] = above
        for box in boxes_above[c.node_id]:
            in_box.setdefault(box, []).append(c)
    return in_box


def _with_lead(
    candidates: Sequence[Candidate],
    inside: list[Candidate],
    skip: set[int],
    title_fold: str | None = None,
) -> list[Candidate]:
    """A standfirst that sits between the headline and the body container belongs to the
    article: walk back from the container over bylines and datelines to the headline (the
    <h1>, or a block that reads as the page's title: old templates set it in a <div>)."""
    if not inside:
        return []
    first = inside[0].order
    lead: list[Candidate] = []
    i = first - 1
    steps = 0
    while i >= 0 and steps < _LEAD_STEPS:
        c = candidates[i]
        steps += 1
        if c.tag == "h1" or (title_fold and " ".join(c.text.lower().split()) == title_fold):
            return lead[::-1]
        if i in skip or c.link_density > 0.2 or c.kind is BlockKind.HEADING:
            return []
        if (
            len(c.text) >= 60
            and c.kind is BlockKind.PARAGRAPH
            and c.text.rstrip().endswith(_PROSE_ENDS)  # not "Posted on: … Filed under: Pop"
            and not _flags(c) & _F_BOILER
        ):
            lead.append(c)
        i -= 1
    return []


_HEADLINE_STEPS = 6
"""Blocks looked at before the article's first one for the headline of a page with no title."""


def headline_before(candidates: Sequence[Candidate], first_text: str) -> str | None:
    """For a page that names no title (no <title>, og:title or <h1>): the nearest line before
    the article's first block that reads as a headline, passing over link lines, dates,
    boilerplate and a standfirst ("NFL PLAYOFFS" / "Romo Gets Ready With …" / "Dallas'
    quarterback Tony Romo got ready …" / the article)."""
    first = next((i for i, c in enumerate(candidates) if c.text == first_text), None)
    if first is None:
        return None
    for c in candidates[max(0, first - _HEADLINE_STEPS) : first][::-1]:
        text = c.text
        words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
        if (
            c.link_density < 0.5
            and 3 <= len(words) <= 20  # words with letters: not "Sunday January 20/"
            and len(text) <= 150
            and not text.endswith((".", ":", ";", ","))
            and not (text.isupper() and len(words) <= 3)  # a kicker
            and not _flags(c) & _F_BOILER
            and not _is_dateline(text)
        ):
            return text
    return None


def _without_repeats(kept: list[Candidate]) -> list[Block]:
    """The kept candidates as blocks, without a block seen before (a field line such as
    "Pros:" excepted) and without a long code block that repeats text shown before it (the
    same listing again, or a markdown copy of the whole post behind a copy button)."""
    blocks: list[Block] = []
    seen: set[str] = set()
    shown: list[str] = []
    before = ""  # the first ``folded`` texts of ``shown``, whitespace folded
    folded = 0
    for c in kept:
        key = c.text
        if key in seen and not _is_field_line(key):
            continue
        if c.kind is BlockKind.CODE and len(key) >= _LONG_CODE:
            if folded < len(shown):  # fold only what was shown since the last code block
                more = " ".join(" ".join(shown[folded:]).split())
                before = f"{before} {more}" if before and more else before or more
                folded = len(shown)
            if _repeats(key, before):
                continue
        seen.add(key)
        shown.append(key)
        blocks.append(Block(c.kind, key))
    return blocks


def _repeats(text: str, before: str) -> bool:
    """Whether two of three samples of the text (at a quarter, half and three quarters of
    it) occur in the text shown before it (``before``, whitespace folded)."""
    words = " ".join(text.split())
    found = 0
    for share in (4, 2, 4 / 3):
        at = words.find(" ", int(len(words) / share)) + 1
        sample = words[at : at + _REPEAT_SAMPLE]
        if len(sample) == _REPEAT_SAMPLE and sample in before:
            found += 1
    return found >= 2


def _is_field_line(text: str) -> bool:
    """A short "label: value" line ("Pros:", "Team size: 11-50"), which an article repeats
    once per product or entry it describes, unlike a duplicated paragraph."""
    return len(text) < _FIELD_LINE_MAX and ":" in text[:_FIELD_LABEL_MAX]


def _is_label(c: Candidate) -> bool:
    """A few words with no sentence ending: a section name, kicker or breadcrumb."""
    text = c.text
    return (
        c.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
        and len(text) <= 40
        and len(text.split()) <= 4
        and not text.endswith((".", "!", "?", "…", '"', "”", "»"))
    )


def select(
    candidates: Sequence[Candidate],
    members: set[int],
    skip: set[int],
    title: str | None,
    share: float,
    authors: Sequence[str] = (),
) -> Choice:
    """Keep the candidates inside the container that read like article text."""
    title_fold = " ".join(title.lower().split()) if title else None
    kept: list[Candidate] = []
    kept_chars = 0
    skipping = False
    inside = [c for i, c in enumerate(candidates) if i not in skip and c.node_id in members]
    inside = _with_lead(candidates, inside, skip, title_fold) + inside
    total_chars = sum(len(c.text) for c in inside if c.link_density <= 0.5)
    # One cut-off paragraph is a paywalled article's last; several are a list of teasers.
    teaser_list = sum(1 for c in inside if _flags(c) & _F_TEASER) >= 2
    resume_at = _RESUME_CHARS
    for c in inside:
        text = c.text
        if (c.kind is BlockKind.HEADING or len(text) < 40) and _is_stop_heading(text):
            # "Related", "Read also"...: skip what follows until the article's prose resumes;
            # after the readers' comments open, it does not.
            if _is_comments_heading(text) and (
                kept_chars >= 0.5 * total_chars or kept_chars >= _ARTICLE_BEFORE_COMMENTS
            ):
                break  # the comment thread may be longer than the article
            if kept_chars >= 0.5 * total_chars:
                resume_at = _READ_ALSO_RESUME_CHARS if _is_read_also(text) else _RESUME_CHARS
                skipping = True
            continue
        if skipping:
            if (
                c.kind is BlockKind.PARAGRAPH
                and len(text) >= resume_at
                and c.link_density < 0.1
            ):
                skipping = False
            else:
                continue
        if teaser_list and _flags(c) & _F_TEASER:
            continue
        if authors and kept_chars < 0.5 * total_chars and _is_byline(text, authors):
            # A byline heads the article; a line naming the author or agency after most of
            # the text ("Reporting via Wirepoint.") is the article's closing credit.
            continue
        if authors and kept_chars >= 0.5 * total_chars and _is_author_bio(text, authors):
            continue
        if c.kind is BlockKind.HEADING:
            if title_fold and " ".join(text.lower().split()) == title_fold:
                # a section label or kicker printed just above the headline ("World",
                # "Opinion") is not article text
                while kept and _is_label(kept[-1]):
                    kept_chars -= len(kept.pop().text)
                continue
            if len(text) > 300:
                continue
        elif c.kind is not BlockKind.TABLE:
            ld = c.link_density
            if ld > 0.75 or (ld > 0.5 and len(text) < 80):
                continue
        if _kept_flags(c) & _NOT_KEPT:
            continue
        kept.append(c)
        kept_chars += len(text)
    # The end of an article collects calls to action (subscribe, follow us, get the app) and
    # headings that only introduced dropped material: trim them from the tail.
    while kept and (
        kept[-1].kind is BlockKind.HEADING
        or (
            len(kept[-1].text) < _CTA_MAX
            and _CALL_TO_ACTION.search(kept[-1].text, _fold(kept[-1].text))
        )
        or (len(kept[-1].text) < 15 and not kept[-1].text.endswith((".", "!", "?", "…", '"')))
    ):
        kept.pop()
    blocks = _without_repeats(kept)
    chars = sum(len(b.text) for b in blocks if b.kind is not BlockKind.CAPTION)
    score = (1.0 - math.exp(-chars / 700.0)) * (0.55 + 0.45 * share)
    return Choice(tuple(blocks), round(min(1.0, max(0.0, score)), 3))
