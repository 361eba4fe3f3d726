"""Name shapes and word lists of the hashtag name finder: which capitalised words end, open or
join a name, which are titles, connectors or corporate forms, and the shape tests built on them
("Karen Holt" is a person's name, "Tadej Pogacar of" a person before where they are from).
Pure functions over tokens and strings; the gazetteer and the extractor use them.
"""

from __future__ import annotations

import re
import unicodedata

from newsloom.pipeline.hashtags_lexicon import lexicon
from newsloom.pipeline.hashtags_tokens import NAME_PARTICLES, Tok, words

__all__ = [
    "AFFILIATIONS",
    "CONNECTORS",
    "CORPORATE",
    "EVENT_WORDS",
    "HONORIFICS",
    "LEGAL_FORMS",
    "NAMESAKE_HEADS",
    "NAME_ENDINGS",
    "NAME_OPENERS",
    "OFFICE_FIELDS",
    "ORG_HEADS",
    "ORG_WORDS",
    "PLACE_OPENERS",
    "PLACE_PREPOSITIONS",
    "PLACE_WORDS",
    "ROLE_BREAKS",
    "ROLE_SUFFIXES",
    "SPEECH_VERBS",
    "STRONG_BREAK",
    "TIME_WORDS",
    "TITLE_MODIFIERS",
    "WEEKDAYS",
    "fold",
    "is_title",
    "name_initials",
    "opening_verb",
    "owned_name_follows",
    "person_after_titles",
    "person_name_at",
    "person_of",
    "shouting",
    "simple_capitalised",
    "unaccented",
    "verb_like",
    "without_legal_form",
    "without_opening_verb",
]


CONNECTORS = NAME_PARTICLES | words("of and &")

ORG_WORDS = words(
    """
    inc corp corporation company co ltd llc plc group party ministry university college school
    bank council agency commission committee association court police department institute
    airlines airways times post news journal herald tribune gazette chronicle mail telegraph
    express club fc foundation banco banca banque
    union army navy force forces office board
    authority service services motors industries holdings network networks church museum hospital
    administration bureau academy alliance coalition exchange library gallery theatre theater
    zoo cathedral observatory
    league federation organization organisation society trust fund records studios pictures
    entertainment systems technologies labs brigade regiment guard assembly parliament senate
    congress works enterprises solutions partners ventures logistics pharmaceuticals unit
    """
)
EVENT_WORDS = words(
    """
    war wars games cup championship championships open festival summit election elections
    olympics awards award conference crisis invasion revolution massacre marathon tour prix expo
    fair show series bowl derby classic trial scandal protests uprising attack attacks bombing
    bombings storm hurricane typhoon cyclone earthquake
    """
)
PLACE_WORDS = words(
    """
    river lake lakes mountain mountains mount island islands county province region valley
    street avenue square bridge park airport beach bay sea ocean coast desert forest canyon falls
    glen hills heights city village peninsula strait gulf oblast district state territory area
    stadium arena republic kingdom road railroad railway station highway motorway tunnel
    """
)
SPEECH_VERBS = words(
    """
    said says told added asked wrote argued
    """
)
STRONG_BREAK = words(
    """
    and or but the a an in on at for to with from by as is was are were copyright photo
    credit credits courtesy
    """
)
NAME_OPENERS = words(
    """
    new old great little long big high upper lower central national international federal
    free public special world home northern southern eastern western northeastern northwestern
    southeastern southwestern
    """
)
"""Common words that open names when capitalised mid-sentence ("New South Wales", "Long
Island Rail Road", "National Weather Service", "Central Bank of Brazil")."""
PARTY_MEMBERS = words(
    "democrats republicans socialists conservatives liberals greens nationalists communists "
    "unionists progressives"
)
"""A party named by its members: a capitalised word before one of these is the party's first
word ("the Social Democrats", "the Free Democrats"), not a word before the party's short name."""
AFFILIATIONS = words("democrat republican tory")
"""A party member's label written before a name like a title ("Democrat Chuck Schumer")."""
NAMESAKE_HEADS = words(
    """
    stadium estadio stadio stade hospital ospedale hôpital airport aeropuerto aeroporto aéroport
    foundation fundación fondazione fondation institute instituto istituto institut university
    universidad università université universidade college colegio school escuela scuola école
    street calle via rue avenue avenida plaza piazza place square prize premio prix award bridge
    puente ponte pont park parque parco parc museum museo musée theatre teatro théâtre centre
    center centro library biblioteca bibliothèque station estación stazione gare
    """
)
"""Words before a person's name that make it a place's or a body's name ("Estadio Santiago
Bernabéu", "Premio Carlo Magno")."""
PLACE_OPENERS = NAME_OPENERS | words(
    "mount lake fort port saint santa san los las el la north south east west river cape gulf "
    "bay isle"
)
"""First words of places ("Santa Clarita", "New South Wales", "Lake Kessa", "River Tarn", "El
Teniente")."""
PLACE_PREPOSITIONS = words("in near outside")
"""A name right after one of these, of no other kind, is a place ("near Kessa")."""
ROLE_SUFFIXES = ("er", "or", "ist", "ian", "ess", "ant", "ent", "man", "woman")
"""Endings of nouns for people's roles ("researcher", "economist", "historian")."""
ROLE_BREAKS = words("ceo cfo chairman chairwoman president minister pm mp spokesman spokeswoman")

ORG_HEADS = words(
    """
    association centre center institute ministry department commission committee council
    bureau office agency foundation federation union university college academy board
    authority league society organisation organization administration fund trust
    """
)
"""Words that open an organisation's name before "of" or "for" ("Ministry of Health and Social
Affairs", "Centre for Disease Prevention and Control"): its "for" and "and" stay inside."""

NAME_ENDINGS = ORG_WORDS | PLACE_WORDS | EVENT_WORDS
LEGAL_FORMS = words("inc corp co ltd llc plc sa ag nv bv spa gmbh se")
"""Legal forms left out of a company's tag: "Acer Inc." is #Acer."""
CORPORATE = LEGAL_FORMS | words("group holdings company")
"""Words after a known company's name that name its form, not another name."""


def unaccented(word: str) -> str:
    """A word without accents, to match spellings: "Erdoğan" -> "Erdogan"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(word: str) -> str:
    """A word without case and accents: "ERDOĞAN" -> "erdogan"."""
    return unaccented(word).casefold()


def spelling_variant(a: str, b: str) -> bool:
    """Whether two long surnames are one name transliterated two ways: the same first three
    letters and one letter added, dropped or changed after them ("Zelensky", "Zelenskyy",
    "Zelenskiy"; "Gaddafi", "Gadaffi" is two changes and stays apart)."""
    a, b = fold(a), fold(b)
    if a == b or min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1 or a[:3] != b[:3]:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def without_legal_form(words: tuple[str, ...]) -> tuple[str, ...]:
    """A company name without its legal form: ("Acer", "Inc") -> ("Acer",)."""
    if len(words) > 1 and words[-1].casefold().rstrip(".") in LEGAL_FORMS:
        return words[:-1]
    return words


def verb_like(word: str) -> bool:
    """A word WordNet knows only as a verb or adverb, or an adjective in "-ed" ("Forget",
    "Disgraced")."""
    low = word.casefold()
    lex = lexicon()
    return low in lex.not_nouns and (low not in lex.adjectives or low.endswith("ed"))


def opening_verb(word: str) -> bool:
    """A common English word that can be a verb, opening a sentence before a known name
    ("Guess Utah is ...", "Forget Texas")."""
    low = word.casefold()
    lex = lexicon()
    return verb_like(word) or (low in lex.noun_verbs and lex.frequency(low) >= 4.0)


def without_opening_verb(span: list[Tok]) -> list[Tok]:
    """A person's name without the verb or adjective that opens the sentence before it:
    "Disgraced Dave Attwood hopes", "Forget Michelle Bachmann" -> the person's name."""
    rest = span[1:]
    if (
        len(rest) >= 2
        and span[0].initial
        and verb_like(span[0].text)
        and all(t.text[:1].isupper() and t.text[1:].islower() for t in rest)
        and not any(t.text.casefold() in NAME_ENDINGS for t in rest)
    ):
        return rest
    return span


def owned_name_follows(run: list[Tok], i: int) -> bool:
    """Whether the possessive ``run[i]`` is part of a name ("Caesar's Palace", "the Attorney
    General's Office"): one name ending follows it and ends the run. Otherwise a possessive
    ends a name ("Taiwan's Acer", "Qwest's Colorado roots")."""
    return i + 2 == len(run) and run[i + 1].text.casefold() in NAME_ENDINGS


HONORIFICS = words(
    """
    king queen prince princess lord lady emperor empress pope sir dame father sister brother
    general star host anchor chair
    """
)
"""Titles that also end names ("Burger King", "Dollar General"): never cut from a name's end."""


_COMPOUND_TITLE_ENDINGS = (
    *(
        f"{a}{b}"
        for a in (
            "minister", "präsident", "kanzler", "sekretär", "sprecher", "chef", "leiter",
            "direktor", "bürgermeister",
        )
        for b in ("", "in")
    ),
    "vorsitzende",
    "vorsitzender",
)
"""German titles are compounds ending in a title: "Finanzminister", "Parteichefin"."""


def is_title(low: str, titles: frozenset[str]) -> bool:
    """Whether a lower-case word is a title written before a name: "president", "sen.", or a
    hyphenated one made of titles ("director-general", "secretary-general")."""
    if low in titles:
        return True
    if low.endswith(_COMPOUND_TITLE_ENDINGS) and not low.endswith("administer"):
        return True  # "Finanzminister", "Ministerpräsident", "Regierungssprecher"
    if "-" not in low:
        return low.endswith(".") and low.rstrip(".") in titles
    parts = low.rstrip(".").split("-")
    return all(p in titles for p in parts)


def simple_capitalised(word: str) -> bool:
    """ "Karen", "O'Neill", "McCain", "Jong-un", "Ocasio-Cortez": a capital, then lower case,
    in each part (a name part)."""
    if word[1:].islower() and word.isalpha():
        return word[:1].isupper()
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    if len(letters) < 2 or not word[:1].isupper() or not letters.isalpha():
        return False
    if letters[1:].islower() or letters[:2] in ("Mc", "Ma", "Di", "De", "Le", "La"):
        return True
    if "-" not in word and "'" not in word and "’" not in word:
        return False
    parts = re.split(r"[-'’]", word)
    return all(p[:1].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts if p)


TITLE_MODIFIERS = words(
    """
    state health foreign defence defense interior finance education economy justice u.s. us
    opposition former late deputy acting interim vice crown
    """
)
"""Titles that only qualify the title after them ("State", "Foreign", "Deputy"): alone, they
are no person's title ("Lansing State Journal")."""


OFFICE_FIELDS = words(
    "health foreign defence defense interior finance education justice economy state"
)
"""What a ministry or office is for, in its name ("Health Ministry", "Foreign Office")."""


def person_after_titles(run: list[Tok], start: int, titles: frozenset[str]) -> bool:
    """Whether ``run[start:]`` is titles (one of them an office, no honorific: "Lady Gaga" is a
    name) and then a person's name up to the run's end or a possessive: one to four capitalised
    name parts (particles allowed inside), none a name ending ("Representative Karen Holt",
    "Police Chief Ron Whitaker"; never "General's Office", "State Journal")."""
    j = start
    office = False
    while j < len(run) and is_title(low := run[j].text.casefold(), titles):
        low = low.rstrip(".")
        if low in HONORIFICS:
            return False
        office = office or low not in TITLE_MODIFIERS
        j += 1
    return office and person_name_at(run, j)


def person_name_at(run: list[Tok], start: int) -> bool:
    """Whether ``run[start:]`` is a person's name up to the run's end or a possessive: one to
    four capitalised name parts (particles allowed inside), none a name ending."""
    rest = run[start:]
    for k, tok in enumerate(rest):
        if tok.possessive:
            rest = rest[: k + 1]
            break
    if not 1 <= len(rest) <= 4 or not simple_capitalised(rest[0].text):
        return False
    return all(
        (simple_capitalised(t.text) or t.text in NAME_PARTICLES)
        and t.text.casefold() not in NAME_ENDINGS
        for t in rest
    )


def name_initials(tokens: tuple[str, ...]) -> tuple[str, str]:
    """A name's initials without and with its particles: "Mohammed bin Salman" -> ("MS",
    "MBS"); "Food and Drug Administration" -> ("FDA", "FADA")."""
    short = "".join(t[0] for t in tokens if t.casefold() not in CONNECTORS)
    full = "".join(t[0].upper() for t in tokens if t.casefold() not in ("of", "and", "&"))
    return short, full


def shouting(word: str) -> bool:
    """A word in capitals too long for an acronym ("SQUAMISH", "MYLEENE"; never "NASA")."""
    return len(word) > 4 and word.isupper() and word.isalpha()


def person_of(span: list[Tok]) -> bool:
    """Whether a span is a person's name and "of" ("Tadej Pogacar of"): two to four
    capitalised name parts, none a name ending."""
    if len(span) < 3 or span[-1].text != "of":
        return False
    return all(
        simple_capitalised(t.text) and t.text.casefold() not in NAME_ENDINGS
        for t in span[:-1]
    )


WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
TIME_WORDS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec today tonight tomorrow yesterday week weekend month year morning afternoon
    evening night season
    """
)
