"""Topic hashtags of English text: the topical nouns an article is about (#Perjury,
#Unemployment, #Radiation), ranked by keyness.

    topic_words(tokens, lowered, gaz) -> list[TopicWord]

Candidates are lower-case words (a capitalised one counts when the text also writes it in lower
case) that can be nouns (WordNet's classes, shipped in the lexicon), never a common word, a
generic news word or a role (``not_topics_en.txt``), a place or demonym (those are names), a
word too common in general English, a hyphenated compound or a contraction. The text must use
the word as a noun: never only right after "to", "will", "they", "didn't"...; a word that can
be an adjective needs a plural or a determiner with no noun after it ("the radicals", never "the
radical party", "an overwhelming majority"); an "-ing" form or an "-ible", "-ive", "-ous" word
needs a determiner, a plural or a compound ("the bombing", "water rationing"); a word that is
also a verb needs a determiner or a plural ("the attack", "protests", never "the wildfire
spread"), and its "-s" or "-ing" form is a verb before a determiner or a name ("fires a missile",
"worries Seoul", "involving the"), its "-s" form too right after a name or when only the
headline uses it ("Drought forces ..."); a rare word only ever before a noun is a modifier ("the
most surefire way"). Forms of a word ("reform", "reforms") count together.

The score is a keyness estimate in log-odds units (comparable with the names' scores): it grows
with the word's uses in the text, with its rarity in general English (the lexicon's background
frequency, and the word's length, which tracks rarity), and falls with the position of its
first use. Its weights come from studying which words of news texts readers mark as key.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsloom.pipeline.hashtags_data import Gazetteer
from newsloom.pipeline.hashtags_lexicon import Lexicon, lexicon
from newsloom.pipeline.hashtags_tokens import NAME_PARTICLES, Tok, words

__all__ = ["TopicWord", "not_topics", "phrase_keyness", "singular", "topic_words"]

TOO_COMMON_ZIPF = 5.7
"""A word used this often in general English (about one in 2,000 words) is never a topic."""

_DETERMINERS = words(
    """
    the a an this that these those his her its their our my your no any some each every
    another
    """
)
_VERB_MARKERS = words(
    """
    to will would can could should may might must shall cannot not never i we you they he she
    who it
    """
)
"""A word right after one of these (or a negation: "didn't") is used as a verb ("to implement",
"they embrace"); so is a noun-or-verb "-s" form right after a name or right before a determiner
or a name ("Pyongyang fires", "forces the evacuation", "worries Seoul")."""
_NOUN_PREPOSITIONS = words("of in for with about from into on at by over after against without")
"""A noun-or-verb right after one of these, before no noun it could describe, is used as a
noun ("in jail", "charged with murder", "the risk of damage"); never an "-ing" form, an
adjective ("for admitting", "in dark") or a set phrase before "of" ("in favor of")."""
_ADJECTIVE_LIKE = ("ible", "able", "ive", "ic", "ous", "ful")
"""Endings of words that WordNet lists as nouns but that are mostly adjectives ("impossible",
"progressive"): such a word is a topic only where the text uses it as a noun."""
_TOPIC_SUFFIXES = ("tion", "sion", "ment", "ism", "ity", "ance", "ence", "ship", "ogy", "ics")

# log-odds weights of the keyness score
_W_BASE = -1.45
_W_COUNT = 0.65
_W_LENGTH = 0.26
_MAX_LENGTH = 12
_W_POSITION = -0.3
_W_SUFFIX = 0.25
_W_COMMON = -0.4
_COMMON_FROM = 4.5
_W_ONLY_QUOTED = -0.75
"""A word used only inside quotations is the speaker's colour ("mortgages our grandchildren's
future"), less often what the article is about."""
_MAX_QUOTE_TOKENS = 80
"""A quotation still open after this many tokens was never closed (a stray mark)."""


@dataclass(slots=True)
class TopicWord:
    word: str
    """The form shown: the most used one (the singular on a tie)."""
    score: float
    count: int
    first: int
    """Token index (title first) of the first use."""
    in_title: bool
    forms: Counter[str] = field(default_factory=Counter)


def singular(word: str) -> str:
    """The light stem that joins a noun's forms: "bombings" -> "bombing", "cities" -> "city",
    "calories" -> "calorie"."""
    if word.endswith("ies") and len(word) > 5:
        zipf = lexicon().zipf
        if word[:-1] in zipf and word[:-3] + "y" not in zipf:
            return word[:-1]  # "calories" -> "calorie", "movies" -> "movie"
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


def phrase_keyness(words: list[str], count: int, first: int) -> float:
    """The keyness of a known topic of several words ("climate change") used ``count`` times
    from token ``first`` on: that of its longest word as a rare word."""
    longest = max(words, key=len)
    return (
        _W_BASE
        + _W_COUNT * math.log(count)
        + _W_LENGTH * min(len(longest), _MAX_LENGTH)
        + _W_POSITION * math.log1p(first)
        + (_W_SUFFIX if longest.endswith(_TOPIC_SUFFIXES) else 0.0)
    )


@lru_cache(maxsize=1)
def not_topics() -> frozenset[str]:
    """Words never a topic (their singular forms)."""
    text = resources.files("newsloom").joinpath("data", "hashtags", "not_topics_en.txt")
    found: set[str] = set()
    for line in text.read_text("utf-8").splitlines():
        found.update(singular(w.casefold()) for w in line.split("#", 1)[0].split())
    return frozenset(found)


@dataclass(slots=True)
class _Group:
    forms: Counter[str] = field(default_factory=Counter)
    first: int = 1 << 30
    in_title: bool = False
    body_uses: int = 0
    noun_evidence: bool = False
    """Used in the plural, after a determiner ("the bombing") or after a lower-case word that is
    not a common one, i.e. in a compound ("water rationing", "suicide bombing")."""
    determined: bool = False
    """Used in the plural or after a determiner."""
    head_uses: int = 0
    """Uses not right before a lower-case word it could describe."""
    headed: bool = False
    """Used in the plural, or after a determiner and not before a word it could describe
    ("the conservative said", never "the conservative party")."""
    noun_uses: int = 0
    """Uses not right after a word that marks a verb."""
    quoted_uses: int = 0
    """Uses inside a quotation."""


_FUNCTION_WORDS = words(
    """
    in on at by for with from of to as is was are were be been being has have had do does did
    and or but nor so yet if than then that this these those it its who whom which what when
    where while there here all both each more most some such not no very too also just
    """
)


_VOWELS = frozenset("aeiou")


def _measure(stem: str) -> int:
    """How many vowel-consonant sequences a stem has (Porter's m): "farm" 1, "protest" 2."""
    shape = "".join("v" if c in _VOWELS or (c == "y" and i) else "c" for i, c in enumerate(stem))
    return shape.count("vc")


_AGENT = ("er", "or")
_DERIVED = (*_AGENT, "ion", "ing")
_DERIVED_FORMS = (*_DERIVED, *(suffix + "s" for suffix in _DERIVED))


def _stem(key: str) -> tuple[str, str]:
    """A noun's stem and its derivational suffix, when the stem is long enough that the ending
    is a suffix (Porter's measure > 1): "protester" -> ("protest", "er"), "demonstration" ->
    ("demonstrat", "ion"); "farmer", "corner", "station" keep theirs (-> ("farmer", ""))."""
    for suffix in _DERIVED:
        if key.endswith(suffix) and _measure(key[: -len(suffix)]) > 1:
            return key[: -len(suffix)], suffix
    return key, ""


def _one_per_lemma(topics: list[TopicWord]) -> list[TopicWord]:
    """One topic per lemma: of an agent noun and the noun it names the doer of that are both
    topics ("protesters" and "protests", "demonstrators" and "demonstrations", "legislators"
    and "legislation", "murderer" and "murder"), the better scored one stays, with the other's
    forms. A plain word joins only its agent noun ("market" never joins "marketing", nor
    "product" "production")."""
    derived: dict[str, list[tuple[TopicWord, str]]] = {}
    for topic in topics:
        if not topic.word.endswith(_DERIVED_FORMS):
            continue
        stem, suffix = _stem(singular(topic.word))
        if suffix:
            derived.setdefault(stem, []).append((topic, suffix))
    if not derived:
        return topics
    for topic in topics:
        word = topic.word
        members = derived.get(word)
        if members is None and word.endswith("s") and word[:-1] in derived:
            members = derived.get(singular(word))  # "protests"
        if members is not None:
            members.append((topic, ""))
    dropped: set[int] = set()
    for members in derived.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda m: -m[0].score)
        kept, kept_suffix = members[0]
        for topic, suffix in members[1:]:
            pair = {suffix, kept_suffix}
            if len(pair) == 1 or ("" in pair and not pair & set(_AGENT)):
                continue  # "market" and "marketing": other words
            kept.forms.update(topic.forms)
            dropped.add(id(topic))
    return [t for t in topics if id(t) not in dropped]


def _modifiable(tok: Tok, lex: Lexicon) -> bool:
    """Whether a following word could be the noun an adjective describes ("party", "way")."""
    text = tok.text
    return (
        text.isalpha() and text.islower() and text not in _FUNCTION_WORDS and lex.can_be_noun(text)
    )


def _quotation_state(toks: list[Tok], i: int, opened: int) -> int:
    """Where the open quotation starts after the mark ``toks[i]`` (-1: none open). A straight
    mark opens or closes; a doubled one ("" in escaped text) counts once; “ opens, unless it
    closes a German „…“."""
    mark = toks[i].text
    if mark == '"':
        if i and toks[i - 1].text == '"':
            return opened
        return -1 if opened >= 0 else i
    if mark == "“":
        return -1 if opened >= 0 and toks[opened].text == "„" else i
    if mark in ("„", "«"):
        return i
    if mark in ("”", "»"):
        return -1
    return opened


def topic_words(toks: list[Tok], lowered: Counter[str], gaz: Gazetteer) -> list[TopicWord]:
    """Topic candidates of a tokenised text (title tokens first), unordered."""
    lex = lexicon()
    banned = not_topics()
    common, lower_names = gaz.common, gaz.lower_names
    groups: dict[str, _Group] = {}
    previous = ""
    after_name = False
    quote_opened = -1  # the index of the open quotation's mark, -1 outside one
    for i, tok in enumerate(toks):
        if tok.kind != "word":
            previous = ""
            after_name = False
            quote_opened = _quotation_state(toks, i, quote_opened)
            continue
        if quote_opened >= 0 and i - quote_opened > _MAX_QUOTE_TOKENS:
            quote_opened = -1
        text = tok.text
        prev, previous = previous, text.casefold()
        folded = text.casefold()
        follows_name, after_name = after_name, text[:1].isupper() and (
            not tok.initial or not (lowered[folded] or folded in common)
        )
        if text.islower():
            low = text
        elif text[1:].islower() and (tok.initial or tok.in_title) and lowered[text.casefold()]:
            low = text.casefold()
        else:
            continue
        if len(low) < 3 or not low.isalpha() or low in common or low in lower_names:
            continue
        if low in NAME_PARTICLES and i + 1 < len(toks) and toks[i + 1].kind == "word":
            nxt_text = toks[i + 1].text
            if nxt_text[:1].isupper() or nxt_text in NAME_PARTICLES:
                continue  # "van der Sloot"
        key = singular(low)
        group = groups.get(key)
        if group is None:
            if key in banned or key in common or not (low.endswith("ing") or lex.can_be_noun(low)):
                continue
            group = groups[key] = _Group()
        group.forms[low] += 1
        group.first = min(group.first, tok.index)
        group.in_title = group.in_title or tok.in_title
        group.body_uses += not tok.in_title
        group.quoted_uses += quote_opened >= 0
        if prev in _VERB_MARKERS or prev.endswith(("n't", "n’t")):
            continue
        if low.endswith("ing") or (low.endswith("s") and low in lex.noun_verbs):
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            takes_object = (
                nxt is not None
                and nxt.kind == "word"
                and (nxt.text in _DETERMINERS or (nxt.text[:1].isupper() and not nxt.initial))
            )
            if takes_object or (follows_name and not low.endswith("ing")):
                continue  # "Pyongyang fires missile", "worries Seoul", "involving the": verbs
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        heads = key != low or nxt is None or nxt.kind != "word" or not _modifiable(nxt, lex)
        if heads and key == low and nxt is not None and nxt.kind == "word" and (
            low in lex.adjectives and nxt.text[:1].isupper() and not nxt.initial
        ):
            heads = False  # "a senior Hezbollah commander": an adjective before a name
        group.head_uses += heads
        if key != low or prev in _DETERMINERS:
            group.noun_evidence = group.determined = True
            group.headed = group.headed or heads
        elif prev in _NOUN_PREPOSITIONS and low in lex.noun_verbs and heads and not (
            nxt is not None and nxt.text == "of"
        ):
            group.determined = True  # "in jail", "charged with murder"; never "in favor of"
        elif prev.isalpha() and prev.islower() and prev not in common:
            group.noun_evidence = True
        group.noun_uses += 1
    out = []
    for group in groups.values():
        word = max(group.forms, key=lambda w: (group.forms[w], -len(w)))
        zipf = lex.frequency(word)
        if zipf >= TOO_COMMON_ZIPF:
            continue
        if not group.noun_uses:
            continue
        if not group.body_uses and word.endswith("s") and word in lex.noun_verbs:
            continue
        if word in lex.adjectives:
            if not group.headed:
                continue  # "an overwhelming majority", "deeply religious"
        elif word.endswith(("ing", *_ADJECTIVE_LIKE)):
            if not group.noun_evidence:
                continue
            if word in lex.zipf and not lex.can_be_noun(word) and not group.headed:
                continue  # "officers responding to", "the neighbouring village": never a noun
        elif word not in lex.zipf and not group.head_uses:
            continue  # a rare word only ever before another: "the most surefire way"
        elif word in lex.noun_verbs and not group.determined:
            continue  # "the wildfire spread": a noun-or-verb needs "the", "a" or a plural
        count = sum(group.forms.values())
        score = (
            (_W_ONLY_QUOTED if group.quoted_uses == count else 0.0)
            + _W_BASE
            + _W_COUNT * math.log(count)
            + _W_LENGTH * min(len(word), _MAX_LENGTH)
            + _W_POSITION * math.log1p(group.first)
            + (_W_SUFFIX if word.endswith(_TOPIC_SUFFIXES) else 0.0)
            + _W_COMMON * max(zipf - _COMMON_FROM, 0.0)
        )
        out.append(TopicWord(word, score, count, group.first, group.in_title, group.forms))
    return _one_per_lemma(out)
