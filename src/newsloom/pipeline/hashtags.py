"""Hashtags of an article: people, places, organisations, events and key topics, in canonical
CamelCase form (``KimJongUn``, ``NorthKorea``, ``Kursk``, ``Wildfire``), best first.

    article_hashtags(title, text, *, language=None, limit=8) -> list[Hashtag]   # shown
    extract_hashtags(title, text, *, language=None, limit=10) -> list[Hashtag]  # by keyness

No model: capitalised sequences (a sentence-initial capital alone is not a name), gazetteers and
alias tables under ``newsloom/data/hashtags`` (countries with demonyms and capitals, places,
organisations and events). Variants are merged: "Kim Jong-un" and "Kim Jong Un" give
``KimJongUn``; "DPRK", "Democratic People's Republic of Korea" and "North Korean" give
``NorthKorea``; "U.S."/"US"/"United States" give ``UnitedStates``; a surname alone joins the
full name given elsewhere in the text, spelled with or without accents or a middle initial; an
acronym joins the name whose initials it is. A title ends the name before it ("U.S. Trade
Representative Karen Holt": ``UnitedStates``, ``KarenHolt``); organisations stay whole ("New
York Stock Exchange", "Centre for Disease Control and Prevention", "Los Angeles Lakers");
bylines and credits name nothing (:mod:`hashtags_credits`). Name shapes and word lists live in
:mod:`hashtags_names`. Topic words (English only, :mod:`hashtags_topics`) are topical nouns
chosen by keyness against a background frequency list, never a common word, one per lemma;
known topics of several words ("climate change") are one topic (:mod:`hashtags_phrases`). With
no ``language`` given, the text's own is guessed (English when it cannot be told).

Every candidate gets a score in log-odds units that it is one of the article's key terms (names
from their uses and first position, topics from keyness), so names and topics rank on one
scale. The tags newsloom shows also lift the people, places, organisations and events that the
article names twice or in its headline (``SALIENT_NAME_BONUS``, a little more for a name of
several words).
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from newsloom.domain.models import Hashtag, HashtagKind
from newsloom.pipeline.extract.language import guess_language
from newsloom.pipeline.hashtags_credits import without_credits
from newsloom.pipeline.hashtags_data import Gazetteer, GazetteerEntry, camel_case, gazetteer
from newsloom.pipeline.hashtags_lexicon import lexicon
from newsloom.pipeline.hashtags_names import (
    AFFILIATIONS,
    CONNECTORS,
    CORPORATE,
    EVENT_WORDS,
    HONORIFICS,
    LEGAL_FORMS,
    NAME_ENDINGS,
    NAME_OPENERS,
    NAMESAKE_HEADS,
    OFFICE_FIELDS,
    ORG_HEADS,
    ORG_WORDS,
    PARTY_MEMBERS,
    PLACE_OPENERS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    ROLE_BREAKS,
    ROLE_SUFFIXES,
    SPEECH_VERBS,
    STRONG_BREAK,
    TIME_WORDS,
    TITLE_MODIFIERS,
    WEEKDAYS,
    fold,
    is_title,
    name_initials,
    opening_verb,
    owned_name_follows,
    person_after_titles,
    person_name_at,
    person_of,
    shouting,
    simple_capitalised,
    spelling_variant,
    unaccented,
    verb_like,
    without_legal_form,
    without_opening_verb,
)
from newsloom.pipeline.hashtags_phrases import phrase_topics
from newsloom.pipeline.hashtags_tokens import (
    NAME_PARTICLES,
    NAMEISH,
    Tok,
    defined_acronyms,
    fix_dateline,
    is_title_cased,
    tokenize,
    words,
)
from newsloom.pipeline.hashtags_topics import singular, topic_words

__all__ = ["article_hashtags", "extract_hashtags"]


@dataclass(slots=True)
class _Candidate:
    tag: str
    kind: HashtagKind
    tokens: tuple[str, ...]
    gazetteer: bool = False
    count: float = 0.0
    first: int = 1 << 30
    in_title: bool = False
    non_initial: bool = False
    person_hint: bool = False
    place_hint: bool = False
    variants: dict[str, int] = field(default_factory=dict)

    def absorb(self, other: _Candidate) -> None:
        """Take another spelling's uses: "Putin" alone joins "Vladimir Putin"."""
        self.count += other.count
        self.first = min(self.first, other.first)
        self.in_title = self.in_title or other.in_title
        self.non_initial = self.non_initial or other.non_initial
        for surface, n in other.variants.items():
            self.variants[surface] = self.variants.get(surface, 0) + n
        self.person_hint = self.person_hint or other.person_hint
        if other.gazetteer and not self.gazetteer:
            self.gazetteer, self.kind = True, other.kind
        if self.kind is HashtagKind.TOPIC and other.person_hint:
            self.kind = HashtagKind.PERSON

    def add(self, surface: str, pos: int, in_title: bool, initial: bool) -> None:
        self.count += 2.0 if in_title else 1.0
        self.first = min(self.first, pos)
        self.in_title = self.in_title or in_title
        self.non_initial = self.non_initial or not initial
        self.variants[surface] = self.variants.get(surface, 0) + 1


def _decapitalise(
    toks: list[Tok],
    lowered: Counter[str],
    gaz: Gazetteer,
    body_known: bool,
    body_name_pairs: set[tuple[str, str]],
) -> None:
    """In a Title Cased Headline, lower-case the words the body writes in lower case (or that
    are common words, or only verbs), so that only names keep their capital. A word of a name
    the body writes keeps it: "Port Valmora Dockworkers Vote ..." with "at Port Valmora" in
    the body, though the body also writes "the port"."""
    words = [t for t in toks if t.kind == "word"]
    for i, tok in enumerate(words):
        low = tok.text.casefold()
        if tok.text.isupper() and len(tok.text) > 1:
            continue
        if gaz.lookup([tok.text]) is not None:
            continue
        nxt = words[i + 1].text if i + 1 < len(words) else None
        if nxt is not None and (
            gaz.lookup([tok.text, nxt]) is not None or (tok.text, nxt) in body_name_pairs
        ):
            continue
        prev = words[i - 1].text if i else None
        if prev is not None and (
            gaz.lookup([prev, tok.text]) is not None or (prev, tok.text) in body_name_pairs
        ):
            continue  # "York" of "New York"
        if lowered[low] or low in gaz.common or not body_known or verb_like(tok.text):
            tok.text = low  # a verb is no name's word: "Plan to Avert Shutdown"


_STYLES = frozenset({"highness", "majesty"})
"""Words of a royal style ("His Royal Highness"), written before a name like a title."""
_MAX_SHOUTED_NAME = 3
"""Words of a name written in capitals: a longer run in capitals is a headline or a label."""
_HEADLINE_RUN = 4
"""Capitalised words in a run from which one that is only a verb makes it a headline."""
_MODALS = frozenset({"would", "could", "should", "will", "can", "may", "might", "must"})
_SITE_FURNITURE = frozenset(
    {"privacy policy", "terms of use", "terms of service", "cookie policy", "contact us"}
)
"""Names of a site's own pages, left in an article's text."""
_SHOUTED_WORD_ZIPF = 4.5
"""A word in capitals this common in English is shouted, not an acronym ("VOTE"; NASA is 4.2)."""


class _Extractor:
    def __init__(self, gaz: Gazetteer, english: bool) -> None:
        self.gaz = gaz
        self.english = english
        self.cands: dict[str, _Candidate] = {}
        self.total = 1
        self.body_tags: frozenset[str] = frozenset()
        self.headline_in_capitals = False
        self.lowered: Counter[str] = Counter()
        """Words the body writes in lower case."""
        self._name_ends: dict[str, HashtagKind] | None = None
        self._folded_tags: dict[str, str] | None = None
        self.after_place_word: set[int] = set()
        """Indexes of capitalised tokens right after "in", "near" or "outside"."""

    # -- names ------------------------------------------------------------------------------

    def _cand(self, tag: str, kind: HashtagKind, tokens: tuple[str, ...], gaz: bool) -> _Candidate:
        cand = self.cands.get(tag)
        if cand is None:
            cand = _Candidate(tag, kind, tokens, gaz)
            self.cands[tag] = cand
        elif gaz and not cand.gazetteer:
            cand.gazetteer, cand.kind = True, kind
        return cand

    def _emit(
        self,
        toks: list[Tok],
        kind: HashtagKind | None,
        gaz: bool,
        tag: str | None,
        person_hint: bool,
        named: bool = False,
    ) -> None:
        """Add a candidate for the tokens; ``named``: the context shows they are a name even
        where a sentence starts ("Salesforce Chief Executive Marc Benioff said ...")."""
        words = tuple(t.text for t in toks)
        if not gaz:
            if len(toks) == 1:
                low = words[0].casefold()
                common = self.gaz.common
                if low in common or singular(low) in common or len(low) < 2 or low.isdigit():
                    return
                if low in CONNECTORS or low.rstrip(".") in LEGAL_FORMS:
                    return  # "Samsung Electronics Co.": the legal form alone is no name
            if (
                len(words) > _MAX_SHOUTED_NAME
                and all(w.isupper() for w in words)
                and any(shouting(w) for w in words)
            ):
                return  # "MORT DENIES ALLARDYCE SPECULATION": a headline in capitals
            if all(self._shouted_word(w) for w in words):
                return  # "RATE", "EDITOR'S CHOICE", "DEAR CONCERNED": common words shouted
            if len(words) >= _HEADLINE_RUN and any(
                w.casefold() in _MODALS or verb_like(w) for w in words[1:]
            ):
                return  # "Zoo Attack Victim Admits Taunting Tiger": a headline, not a name
            if " ".join(words).casefold() in _SITE_FURNITURE:
                return  # "Privacy Policy" left in the text
            if len(words) > 1 and words[0].isupper() and all(
                shouting(w) or (w.isupper() and w.casefold() in self.gaz.given_names)
                for w in words
            ):
                # "GIUSEPPE CACACE", "MYLEENE KLASS", "JOHN SMITH": a name in capitals
                words = tuple(w.capitalize() for w in words)
            elif len(words) > 1 and shouting(words[0]) and all(
                simple_capitalised(w) for w in words[1:]
            ):
                words = (words[0].capitalize(), *words[1:])  # "BRITNEY Spears"
            kind = self._kind_of(words, person_hint)
            tag = camel_case(without_legal_form(words))
        assert tag is not None and kind is not None
        if not re.search(r"[^\W\d_]", tag):
            return
        cand = self._cand(tag, kind, words, gaz)
        cand.person_hint = cand.person_hint or person_hint
        cand.place_hint = cand.place_hint or toks[0].index in self.after_place_word
        cand.add(" ".join(words), toks[0].index, toks[0].in_title, toks[0].initial and not named)

    def _shouted_word(self, word: str) -> bool:
        """A common English word written in capitals ("VOTE"), not an acronym or a first
        name ("NASA", "JOHN")."""
        low = word.casefold()
        return (
            len(word) >= 4
            and word.isupper()
            and lexicon().frequency(low) >= _SHOUTED_WORD_ZIPF
            and low not in self.gaz.given_names
        )

    def _kind_of(self, words: tuple[str, ...], person_hint: bool) -> HashtagKind:
        lows = [w.casefold() for w in words]
        if lows[-1] in ORG_WORDS or (len(lows) > 1 and lows[-1] in PARTY_MEMBERS) or (
            any(w in ORG_WORDS or w in ORG_HEADS for w in lows[:-1]) and len(lows) > 2
        ):
            return HashtagKind.ORG
        if len(lows) > 1 and (lows[0] in ORG_WORDS or lows[0] in ORG_HEADS):
            return HashtagKind.ORG  # "Bank Leumi", "Banco Itaú"
        if any(w in EVENT_WORDS for w in lows) or (len(lows) > 1 and lows[-1] in WEEKDAYS):
            return HashtagKind.EVENT
        if lows[-1] in PLACE_WORDS or lows[0] in PLACE_OPENERS:
            if len(lows) > 2 and lows[-1].endswith("s") and self._opens_with_company(words):
                return HashtagKind.ORG  # "Los Angeles Lakers", "New York Yankees"
            return HashtagKind.PLACE
        if len(words) == 1 and len(words[0]) > 1 and words[0].isupper():
            return HashtagKind.ORG  # "AFAD said": an acronym is no person
        if person_hint:
            return HashtagKind.ORG if self._opens_with_company(words) else HashtagKind.PERSON
        simple = all(
            simple_capitalised(w) or "'" in w or w in NAME_PARTICLES for w in words
        )
        if 2 <= len(words) <= 5 and simple and words[0] not in NAME_PARTICLES:
            return HashtagKind.ORG if self._opens_with_company(words) else HashtagKind.PERSON
        if all(w.isupper() for w in words):
            return HashtagKind.ORG
        return HashtagKind.TOPIC

    def _place_opens(self, words: tuple[str, ...]) -> bool:
        """Whether these words are a known place ("Boston", "Los Angeles")."""
        entry = self.gaz.lookup(words)
        return entry is not None and entry.kind is HashtagKind.PLACE

    def _opens_with_company(self, words: tuple[str, ...]) -> bool:
        """ "Sony Music", "Google Buzz": a known organisation opens the name; "Los Angeles
        Lakers", "Boston Red Sox": a known place opens a plural (a team)."""
        if len(words) < 2:
            return False
        first = self.gaz.lookup([words[0]])
        if first is not None and first.kind is HashtagKind.ORG:
            return True
        if not words[-1].endswith("s"):
            return False
        for n in range(min(len(words) - 1, self.gaz.max_tokens), 0, -1):
            place = self.gaz.lookup(words[:n])
            if place is not None:
                return place.kind is HashtagKind.PLACE
        return False

    def _role_noun(self, low: str) -> bool:
        """Whether a word is a noun for a person's role that the text also writes in lower
        case ("researcher", "demographer"): before a name it is the role, not the name."""
        return (
            len(low) > 5
            and low.endswith(ROLE_SUFFIXES)
            and bool(self.lowered[low] or self.lowered[low + "s"] or self.lowered[singular(low)])
        )

    def _headline_acronym(self, word: str) -> bool:
        """An acronym of a headline that is not in capitals throughout ("H&M", never "CEO")."""
        low = word.casefold()
        return (
            not self.headline_in_capitals
            and len(word) > 1
            and word.isupper()
            and low not in self.gaz.titles
            and low not in self.gaz.common
        )

    def _title_run(self, run: list[Tok]) -> None:
        """A run of a Title Cased headline: keep only gazetteer names and names the body also
        writes (longest first); the rest is headline capitalisation, not names."""
        i = 0
        while i < len(run):
            for n in range(len(run) - i, 0, -1):
                words = [t.text for t in run[i : i + n]]
                entry = self.gaz.lookup(words)
                if entry is not None:
                    self._emit(run[i : i + n], entry.kind, True, entry.tag, False)
                    break
                tag = camel_case(words)
                if self.headline_in_capitals:
                    # "KIM JONG UN" is the body's #KimJongUn (not #UnitedNations after a name)
                    tag = self._body_tags_folded().get(tag.casefold(), tag)
                if tag in self.body_tags:
                    cand = self.cands[tag]
                    self._emit(run[i : i + n], cand.kind, cand.gazetteer, tag, cand.person_hint)
                    break
            else:
                n = 1
                word = run[i].text
                if self._headline_acronym(word):
                    # "H&M Profit Misses Estimates": an acronym is a name in any headline
                    self._emit(run[i : i + 1], None, False, None, False)
                else:
                    kind = self._body_name_ends().get(fold(word))
                    if kind is not None:
                        # "Zelensky Says ..." with "Volodymyr Zelensky" in the body, "Oxford
                        # Study Finds ..." with "the University of Oxford": it joins the name
                        person = kind is HashtagKind.PERSON
                        self._emit(run[i : i + 1], kind, False, None, person)
            i += n

    def _body_tags_folded(self) -> dict[str, str]:
        """The body's tags by their case-folded form (made once, on first use)."""
        if self._folded_tags is None:
            self._folded_tags = {tag.casefold(): tag for tag in self.body_tags}
        return self._folded_tags

    def _body_name_ends(self) -> dict[str, HashtagKind]:
        """The last words (case and accents folded) of the body's names of several words, with
        the name's kind: a person's surname, the proper word that ends an organisation's or a
        place's name ("Oxford" of "University of Oxford"; not "Court" of "Supreme Court")."""
        if self._name_ends is None:
            ends: dict[str, HashtagKind] = {}
            for tag in self.body_tags:
                cand = self.cands[tag]
                last = cand.tokens[-1]
                if len(cand.tokens) < 2 or cand.kind is HashtagKind.TOPIC:
                    continue
                low = last.casefold()
                if cand.kind is not HashtagKind.PERSON and (
                    low in NAME_ENDINGS or low in self.gaz.common or low in self.lowered
                ):
                    continue
                ends.setdefault(fold(last), cand.kind)
            self._name_ends = ends
        return self._name_ends

    def _demonym(self, words: list[str]) -> GazetteerEntry | None:
        """The people of a known place name it: "New Yorkers", "Londoners"."""
        last = words[-1]
        if len(last) < 6:
            return None
        for stem in (last[:-3], last[:-2]):
            place = self.gaz.lookup([*words[:-1], stem])
            if place is not None and place.kind is HashtagKind.PLACE:
                return GazetteerEntry(place.tag, place.kind, demonym=True)
        return None

    def _name_word(self, word: str) -> bool:
        """A capitalised word that can be part of a name: no common word, title or connector."""
        low = word.casefold()
        return (
            word[:1].isupper()
            and low not in self.gaz.common
            and low not in CONNECTORS
            and not is_title(low, self.gaz.titles)
        )

    def _org_tail(
        self,
        run: list[Tok],
        start: int,
        endings: frozenset[str] = ORG_WORDS,
        heads: frozenset[str] = ORG_HEADS,
    ) -> bool:
        """Whether ``run[start:]`` is one to three capitalised words ending the run with an
        organisation's last word ("Stock Exchange", "Police Department", "Commission"), or
        with one of ``endings`` (or the plural of one of ``heads``)."""
        rest = run[start:]
        if not 1 <= len(rest) <= 3 or (start and run[start - 1].possessive):
            return False
        last = rest[-1].text.casefold()
        return (last in endings or singular(last) in heads) and all(
            t.text[:1].isupper()
            and t.text.casefold() not in STRONG_BREAK
            and (
                not is_title(t.text.casefold(), self.gaz.titles)
                or t.text.casefold() in TITLE_MODIFIERS  # "Ohio State University"
            )
            and not t.possessive
            for t in rest[:-1]
        )

    def _team_tail(self, run: list[Tok], start: int) -> bool:
        """Whether ``run[start:]`` is a plural name of one or two words ending the run, after
        a place: a team ("Los Angeles Lakers", "New York Red Bulls"; never "Ohio Democrats", a
        known name)."""
        if not 1 <= len(run) - start <= 2 or run[start - 1].possessive:
            return False
        if len(run) - start == 2 and (
            run[start].possessive or not simple_capitalised(run[start].text)
        ):
            return False
        word = run[-1].text
        return (
            len(word) > 3
            and word.endswith("s")
            and simple_capitalised(word)
            and word.casefold() not in self.gaz.common
            and self.gaz.lookup([word]) is None
        )

    def _org_name_goes_on(self, span: list[Tok], run: list[Tok], i: int) -> bool:
        """Whether "for" or "and" at ``run[i]`` is inside an organisation's name: "for" right
        after its head ("Centre for"); "and" after "Head of/for X" when one to three name words
        (no gazetteer name, no acronym) end the run ("Association of Machinists and Aerospace
        Workers"; never "Bank of America and Wells Fargo", "University of Texas and NASA")."""
        rest = run[i + 1 :]
        if not rest or not self._name_word(rest[0].text):
            return False
        if run[i].text == "for":
            return singular(span[-1].text.casefold()) in ORG_HEADS
        if len(rest) > 3:
            return False
        lows = [t.text.casefold() for t in span]
        heads = [j for j in range(len(lows) - 1) if singular(lows[j]) in ORG_HEADS
                 and lows[j + 1] in ("of", "for")]
        if heads:
            inner = span[heads[0] + 2 :]
        elif (
            len(span) <= 2
            and rest[-1].text.casefold() in ORG_WORDS
            and span[-1].text.casefold() not in ORG_WORDS  # "Acme Logistics and Brann Partners"
            and all(simple_capitalised(t.text) for t in span)
        ):
            inner = span  # "Competition and Markets Authority", "Fish and Wildlife Service"
        else:
            return False
        if any(self.gaz.lookup([t.text]) is not None for t in (*inner, *rest)):
            return False
        return all(simple_capitalised(t.text) and not t.possessive for t in rest)

    def _opens_name(
        self, run: list[Tok], i: int, low: str, title_cased: bool, person_hint: bool
    ) -> bool:
        """Whether a word that would not start a name does start one here: a capitalised
        adjective mid-sentence ("New South Wales"), a common word before an organisation's
        name ("Ireland's Data Protection Commission") or, after a title, a common word before
        a name (a first name: "Gov. Jan Brewer", "Quarterback Will Howard")."""
        if i + 1 >= len(run) or title_cased:
            return False
        tok, nxt = run[i], run[i + 1].text
        gaz = self.gaz
        if not tok.initial:
            if nxt.casefold() in PARTY_MEMBERS and simple_capitalised(tok.text):
                return True
            if low in NAME_OPENERS and self._name_word(nxt) and gaz.lookup([nxt]) is None:
                return True
            if (
                low in gaz.common
                and low not in STRONG_BREAK
                and low not in CONNECTORS
                and low not in TIME_WORDS
                and tok.text[1:].islower()
                and self._org_tail(run, i + 1)
            ):
                return True
        return (
            person_hint
            and low in gaz.common
            and low not in STRONG_BREAK
            and simple_capitalised(tok.text)
            and self._name_word(nxt)
            and gaz.lookup([nxt]) is None
        )

    def _title_owner(self, span: list[Tok]) -> None:
        """The name before a title ("Denver Police" Chief, "U.S." Trade Representative, "EU"
        Competition Commissioner): an organisation's last word makes it one name; else the
        longest gazetteer name it opens with ("U.S." District Judge); else a place's last word
        makes it one name ("Nassau County" Executive); else its words up to the title's
        modifiers (words of the general lexicon: "Trade", "Competition"), when any is left."""
        words = [t.text for t in span]
        if words[-1].casefold() in ORG_WORDS:
            self._emit(span, None, False, None, False, named=True)
            return
        for n in range(min(len(span), self.gaz.max_tokens), 0, -1):
            entry = self.gaz.lookup(words[:n])
            if entry is not None:
                # "U.S. District" Judge: the known name, not the title's modifier
                self._emit(span[:n], entry.kind, True, entry.tag, False)
                return
        if words[-1].casefold() in NAME_ENDINGS:
            self._emit(span, None, False, None, False, named=True)
            return
        zipf = lexicon().zipf
        end = len(span)
        while end and (
            words[end - 1].casefold() in zipf or words[end - 1].casefold() in CONNECTORS
        ) and not words[end - 1].isupper():
            end -= 1
        if end:
            self._emit(span[:end], None, False, None, False, named=True)

    def _run(self, run: list[Tok], next_word: str | None, title_cased: bool) -> None:
        """Split one run of capitalised tokens into gazetteer names and other names."""
        gaz = self.gaz
        if title_cased:
            self._title_run(run)
            return
        i = 0
        person_hint = False
        span: list[Tok] = []

        def surname(last: Tok) -> bool:
            """ "Theresa May", "Larry Page", "Ryan Day": a capitalised common word after a
            first name, mid-sentence, no time word, no date ("Obama May 5")."""
            low = last.text.casefold()
            return (
                len(span) == 2
                and len(low) > 2
                and lexicon().can_be_noun(low)
                and span[1] is last
                and not last.initial
                and last.text[1:].islower()
                and low not in TIME_WORDS
                and low not in STRONG_BREAK
                and low not in CONNECTORS
                and not is_title(low, gaz.titles)
                and not (last is run[-1] and next_word is not None and next_word[:1].isdigit())
                and simple_capitalised(span[0].text)
                and (not span[0].initial or person_hint)
                and span[0].text.casefold() not in gaz.common
                and span[0].text.casefold() not in lexicon().not_nouns
                and gaz.lookup([span[0].text]) is None
            )

        def day_name() -> bool:
            """ "Black Friday", "Super Tuesday": an adjective before a weekday names a day."""
            return (
                len(span) == 2
                and span[1].text.casefold() in WEEKDAYS
                and span[0].text.casefold() in lexicon().adjectives
                and span[0].text.casefold() not in gaz.common
            )

        def flush() -> None:
            nonlocal span, person_hint
            cut = len(span)
            if len(span) == 2 and span[1].text.casefold() in WEEKDAYS and day_name():
                self._emit(span, None, False, None, False)
                span = []
                person_hint = False
                return
            titles = gaz.titles
            while span:
                last = span[-1].text.casefold()
                if not (
                    last in CONNECTORS
                    or (last in gaz.common and last not in NAME_ENDINGS)
                    or (
                        # "Democratic Congressman": a title after a name is no part of it
                        len(span) > 1
                        and (last in titles or (("-" in last or "." in last)
                                                and is_title(last, titles)))
                        and last.rstrip(".") not in HONORIFICS
                    )
                ) or surname(span[-1]):
                    break
                span.pop()
            if len(span) == 1 < cut and span[0].text.casefold() in lexicon().not_nouns:
                span = []  # "a Democratic Congressman": an adjective before a title
            span = without_opening_verb(span)
            entry = (
                gaz.lookup([t.text for t in span])
                if span and (len(span) < cut or (len(span) == 1 and gaz.longest_from(span[0].text)))
                else None
            )
            if entry is not None:
                # "in Paris Friday", "U.S." before "Food and Drug Administration": what is
                # left of the span is a known name
                self._emit(span, entry.kind, True, entry.tag, False)
            elif span:
                self._emit(span, None, False, None, person_hint)
            span = []
            person_hint = False

        while i < len(run):
            # longest gazetteer match starting here
            match = None
            first = run[i].text
            # only as many words as the longest known name opening with this one ("Londoners":
            # the people of a known place)
            longest = gaz.longest_from(first) or (1 if first.endswith("ers") else 0)
            for n in range(min(longest, len(run) - i), 0, -1):
                words_n = [t.text for t in run[i : i + n]]
                entry = gaz.lookup(words_n)
                if entry is None and words_n[-1].endswith("ers"):
                    entry = self._demonym(words_n)
                if entry is None or (entry.abbreviation and not run[i + n - 1].abbreviated):
                    continue  # "said Mass for a million": no "Mass." for Massachusetts
                if len(span) == 1 and (
                    span[0].text.casefold() in NAME_OPENERS
                    or (
                        n == 1
                        and first.casefold() in PARTY_MEMBERS
                        and span[0].text.casefold() in gaz.common
                    )
                ):
                    # "National Security Council", "New Democratic Party", "Social Democrats":
                    # the opener makes another name of the known one
                    continue
                if entry.kind is HashtagKind.PLACE and (
                    self._org_tail(run, i + n)
                    or self._org_tail(run, i + n, PLACE_WORDS, frozenset())
                    or self._team_tail(run, i + n)
                ):
                    # "New York Stock Exchange", "Denver Police Department", "Dortmund
                    # Airport", "Long Island Rail Road": a place opens a longer name
                    continue
                if entry.kind is HashtagKind.PLACE and person_of(span):
                    # "Tadej Pogacar of Slovenia": a person, then where they are from
                    match = (n, entry)
                    break
                if len(span) == 1 and span[0].initial and opening_verb(span[0].text):
                    span = []  # "Guess Utah is ...": the verb opening the sentence goes
                if n == 1:
                    after = run[i + 1] if i + 1 < len(run) else None
                    word = run[i].text
                    # "Republicans Mike Huckabee", "Texas Republicans": a plural ("Kenyans",
                    # "Democrats") is no part of a longer name
                    plural = word.endswith("s") and entry.tag.casefold() != word.casefold()
                    joined = (
                        after is not None
                        and not run[i].possessive
                        and not plural
                        and after.text.casefold() not in gaz.titles
                        and after.text.casefold() not in CONNECTORS
                    )
                    nationality = (
                        entry.demonym and not span and self._first_name_person(run, i + 1)
                    )  # "Australian Casey Dellacqua": where a person is from, then the person
                    if ((span and not plural) or (joined and not title_cased)) and not nationality:
                        # "Jordan Henderson", "American Airlines": part of a longer name
                        continue
                    if run[i].initial and run[i].text.casefold() in gaz.common:
                        continue
                match = (n, entry)
                break
            if match is not None:
                flush()
                n, entry = match
                self._emit(run[i : i + n], entry.kind, True, entry.tag, False)
                i += n
                if entry.kind is HashtagKind.ORG:
                    # "Goldman Sachs Group Inc.": the company's form is no name of its own
                    while i < len(run) and run[i].text.casefold().rstrip(".") in CORPORATE:
                        i += 1
                continue
            tok = run[i]
            low = tok.text.casefold().rstrip(".")
            if low == "royal" and i + 1 < len(run) and run[i + 1].text.casefold() in _STYLES:
                flush()  # "Her Royal Highness Princess …": a style, as a title
                person_hint = True
                i += 2
                continue
            if not span and low in AFFILIATIONS and person_name_at(run, i + 1):
                person_hint = True  # "Democrat Chuck Schumer": the party, not a word of the name
                i += 1
                continue
            title = is_title(low, gaz.titles)
            if title:
                if span and person_after_titles(run, i, gaz.titles):
                    # "U.S. Trade Representative Karen Holt", "Denver Police Chief Ron
                    # Whitaker": the title ends the name before it and a person's name follows
                    self._title_owner(span)
                    span = []
                    person_hint = True
                    i += 1
                    continue
                if (
                    not span
                    and (low in OFFICE_FIELDS or low not in ROLE_BREAKS)
                    and not run[i].possessive
                    and i + 1 < len(run)
                    and run[i + 1].text.casefold() in ORG_WORDS
                    and not (i + 2 < len(run) and run[i + 2].text.casefold() in gaz.titles)
                ):
                    # "Lebanon's Health Ministry", "the Foreign Office": an office, no title;
                    # "Major League Soccer", "Admiral Group": a title word opens the name
                    span.append(tok)
                    i += 1
                    continue
                if not span or tok.text.isupper() or low in ROLE_BREAKS:
                    # "President Putin", "McDonald's CEO Ana Ruiz": a title starts a new name
                    flush()
                    person_hint = True
                    i += 1
                    continue
            if not span:
                if (low in gaz.common or low in NAME_OPENERS) and self._opens_name(
                    run, i, low, title_cased, person_hint
                ):
                    span.append(tok)
                    i += 1
                    continue
            elif (low == "the" and span[-1].text == "of" and i + 1 < len(run)) or (
                low in ("for", "and") and self._org_name_goes_on(span, run, i)
            ):
                # "Friends of the Earth", "Centre for Disease Control and Prevention"
                span.append(tok)
                i += 1
                continue
            if low in STRONG_BREAK or (low in gaz.common and (not span or title_cased)):
                flush()
                i += 1
                continue
            if not span and (
                self._role_noun(low)
                or (low.endswith("s") and self._role_noun(low[:-1]))
            ):
                # "Researcher Viorel Badescu said", "Designers Ada Ruiz and ...": a role, as
                # the text writes in lower case
                person_hint = True
                i += 1
                continue
            if low == "of" and span:
                known_person = len(span) == 2 and self._first_name_person(span, 0)
                # "Martin Taylor of Aberdeenshire"
                if (
                    person_hint or known_person or (i + 1 < len(run) and run[i + 1].text == "the")
                ) and person_of([*span, tok]):
                    # "CEO Jane Ruiz of Acme Corp", "Stefano Carniani of the Scuola Normale":
                    # a person, then where they work
                    flush()
                    i += 1
                    continue
                if (
                    len(span) == 1
                    and span[0].initial
                    and span[0].text.endswith("s")
                    and span[0].text.casefold() not in NAME_ENDINGS
                    and singular(span[0].text.casefold()) not in ORG_HEADS
                ):
                    # "Users of Microsoft Office": a plural opening the sentence is no name
                    # part
                    span = []
                    person_hint = False
                    i += 1
                    continue
            if low == "&" and len(span) != 1 and i + 2 != len(run):
                # "Rainn Wilson & Ellen Page": two names; "Marks & Spencer" and "Korea
                # Investment & Securities" are one
                flush()
            if low == "&" or (
                not span
                and low in CONNECTORS
                # "at Al Maktoum Airport", "owned by De Beers": a capitalised particle
                # mid-sentence opens the name
                and (tok.initial or not tok.text[:1].isupper() or low in ("of", "and"))
            ):
                i += 1
                continue
            if (not span and tok.initial and not self.english and i + 1 < len(run)
                    and (run[i + 1].text.casefold() in NAME_PARTICLES or run[i + 1].elided)
                    and low not in gaz.given_names):
                # "Selon la Fédération", "Échouement du Saint Brendt", "Selon l'Élysée": a
                # sentence's first word before a particle or an elided article is an ordinary
                # word, not the start of a name (but "Ana de Armas" is one)
                i += 1
                continue
            if span and tok.text.isupper() and shouting(tok.text) and not span[-1].text.isupper():
                flush()  # "Jim Ruymen SQUAMISH": a word in capitals after a name starts another
            elif span and self._person_starts(run, i, span):
                # "Nato Mark Rutte", "la République Emmanuel Macron": a first name and a
                # surname after another name are a person's own name
                flush()
                person_hint = True
            span.append(tok)
            i += 1
            if tok.possessive and not owned_name_follows(run, i - 1):
                flush()
        if span and next_word in SPEECH_VERBS:
            person_hint = True
        flush()

    def names(self, toks: list[Tok], title_cased: bool) -> None:
        run: list[Tok] = []

        def close(next_tok: Tok | None) -> None:
            nonlocal run
            if run:
                nxt = next_tok.text if next_tok is not None and next_tok.kind == "word" else None
                self._run(run, nxt, title_cased and run[0].in_title)
            run = []

        caps = [
            t.kind in NAMEISH and (t.text[:1].isupper() or _camel_brand(t.text)) for t in toks
        ]
        last = len(toks) - 1
        for j, tok in enumerate(toks):
            if caps[j] and j and toks[j - 1].text in PLACE_PREPOSITIONS:
                self.after_place_word.add(tok.index)
            if caps[j]:
                if _camel_brand(tok.text):  # "iPhone", "eBay": a name of its own
                    close(tok)
                    run = [tok]
                    close(toks[j + 1] if j < last else None)
                    continue
                if len(run) >= 2 and run[-1].text.casefold().rstrip(".") in LEGAL_FORMS:
                    close(tok)  # "CME Group Inc ICE": a legal form ends a company's name
                if not tok.split_from_hyphen:
                    run.append(tok)
                    continue
                close(tok)
                run = [tok]
                close(toks[j + 1] if j < last else None)
                continue
            if (
                tok.text == "for"
                and run
                and j < last
                and caps[j + 1]
                and (
                    singular(run[-1].text.casefold()) in ORG_HEADS
                    or self._known_across(run, toks, j)
                )
            ):
                # "Centre for Disease Control": "for" after an organisation's head; a known
                # name with "for" in it ("Alternative for Germany")
                run.append(tok)
                continue
            if tok.kind == "word" and tok.text in CONNECTORS and j < last:
                # "Joran van der Sloot", "Mohammed bin Salman": particles inside a name
                nxt = j + 1
                if nxt < last and toks[nxt].kind == "word" and (
                    toks[nxt].text in CONNECTORS or (tok.text == "of" and toks[nxt].text == "the")
                ):
                    nxt += 1
                if caps[nxt] and (run or tok.text != "and") and _joins(run, tok, toks[nxt]):
                    run.append(tok)
                    continue
            if (
                tok.text.isdigit()
                and len(tok.text) <= 4
                and run
                and j < last
                and caps[j + 1]
                and not (j + 2 <= last and (caps[j + 2] or toks[j + 2].text.isdigit()))
            ):
                # "Boeing 737 Max", "PlayStation 5 Pro": a model number before the name's last
                # word (never a score: "Chelsea 2 Arsenal 1")
                run.append(tok)
                continue
            if tok.text == "the" and run and run[-1].text == "of" and j < last and caps[j + 1]:
                # "Friends of the Earth", "Bank of the West"
                run.append(tok)
                continue
            if run:
                close(tok)
        close(None)

    def _person_starts(self, run: list[Tok], i: int, span: list[Tok]) -> bool:
        """Whether a person's name of two or three words starts at ``run[i]`` with a known
        first name, after words that are no part of a person's name: the last of them (before
        any particle: "el Gobierno de Pedro Sánchez") not itself a first name ("Sarah Jessica
        Parker", "Luiz Inácio da Silva") nor a place's first word ("Santa Maria Novella")."""
        gaz = self.gaz
        given = gaz.given_names
        if not self._first_name_person(run, i):
            return False
        named = [t for t in span if t.text.casefold() not in CONNECTORS]
        last = named[-1].text.casefold() if named else ""
        if not last or last in given or last in PLACE_OPENERS or last in NAMESAKE_HEADS:
            return False  # "Estadio Santiago Bernabéu": a place named after a person
        # in English, only after a word that is surely no name's: a common word, one the text
        # writes in lower case, a known name ("Nato Mark Rutte"); never a middle name ("John
        # Floyd Thomas")
        return not self.english or (
            last in gaz.common
            or self.lowered[last] > 0
            or gaz.lookup([named[-1].text]) is not None
            or gaz.lookup([named[-1].text.upper()]) is not None  # "Nato" is NATO
        )

    def _first_name_person(self, toks: list[Tok], start: int) -> bool:
        """Whether ``toks[start:]`` is a person's name of two or three words that opens with a
        known first name ("Casey Dellacqua", "Mark Rutte")."""
        return (
            2 <= len(toks) - start <= 3
            and toks[start].text.casefold() in self.gaz.given_names
            and person_name_at(toks, start)
        )

    def _known_across(self, run: list[Tok], toks: list[Tok], j: int) -> bool:
        """Whether the end of ``run``, the word at ``toks[j]`` and the capitalised words after
        it make a known name."""
        after: list[str] = []
        for tok in toks[j + 1 : j + 4]:
            if not (tok.kind in NAMEISH and tok.text[:1].isupper()):
                break
            after.append(tok.text)
        for k in range(1, min(len(run), 3) + 1):
            before = [t.text for t in run[-k:]]
            for n in range(1, len(after) + 1):
                if self.gaz.lookup([*before, toks[j].text, *after[:n]]) is not None:
                    return True
        return False

    # -- merging ----------------------------------------------------------------------------

    def _merge_spellings_in_capitals(self) -> None:
        """"TOTNES" (a line in capitals) joins "Totnes", "Erdogan" joins "Erdoğan": tags that
        differ only in case or accents are one; the one not in capitals throughout stays, else
        the one used more (the first on a tie)."""
        by_folded: dict[str, _Candidate] = {}
        for tag, cand in list(self.cands.items()):
            key = fold(tag)
            other = by_folded.setdefault(key, cand)
            if other is cand:
                continue
            if other.tag.isupper() != cand.tag.isupper():
                keep, drop = (cand, other) if other.tag.isupper() else (other, cand)
            else:
                keep, drop = (cand, other) if cand.count > other.count else (other, cand)
            keep.absorb(drop)
            by_folded[key] = keep
            del self.cands[drop.tag]

    def _merge_defined_acronyms(self, defined: dict[str, set[str]]) -> None:
        """An acronym the text gives in brackets after a name is that name, whatever its
        letters ("the Social Democrats (SPD)"): a known one keeps its own tag, else the name's
        tag stands for both."""
        cands = self.cands
        for acronym, surfaces in defined.items():
            short = cands.get(acronym)
            if short is None or len(short.tokens) != 1:
                continue
            names = [
                c for c in cands.values()
                if c is not short
                and len(c.tokens) > 1
                and c.kind is not HashtagKind.PERSON  # "Jane Doe (AP)": a credit
                and c.tokens[0][:1] == acronym[:1]
                and not surfaces.isdisjoint(c.variants)
            ]
            if len(names) != 1:
                continue
            name = names[0]
            keep, drop = (short, name) if short.gazetteer and not name.gazetteer else (name, short)
            keep.absorb(drop)
            del cands[drop.tag]

    def _merge_transliterations(self) -> None:
        """"Zelenskyy" alone, or "Volodymyr Zelenskyy", joins "Volodymyr Zelensky": one
        person's surname spelled two ways in one text (the full name used more stays, the
        first on a tie)."""
        cands = self.cands
        people = [
            c
            for c in cands.values()
            if c.kind is HashtagKind.PERSON and len(c.tokens) > 1 and not c.gazetteer
        ]
        for cand in sorted(cands.values(), key=lambda c: c.count):
            if cand.gazetteer or cand.tag not in cands:
                continue
            given, last = cand.tokens[:-1], cand.tokens[-1]
            owners = [
                m
                for m in people
                if m is not cand
                and m.tag in cands
                and (not given or m.tokens[:-1] == given)
                and spelling_variant(last, m.tokens[-1])
                and fold(m.tokens[-1]).rstrip("s") != fold(last).rstrip("s")
            ]
            if not owners:
                continue
            owner = max(owners, key=lambda m: m.count)
            if given and (cand.count, -cand.first) > (owner.count, -owner.first):
                owner, cand = cand, owner
            owner.absorb(cand)
            del cands[cand.tag]

    def merge(self, lowered: Counter[str], defined: dict[str, set[str]]) -> None:
        """Join the candidates that name the same thing (``defined``: the acronyms the text
        gives in brackets, see ``defined_acronyms``)."""
        cands = self.cands
        self._merge_transliterations()
        self._merge_defined_acronyms(defined)
        in_full_names: set[str] | None = None
        for tag, cand in list(cands.items()):
            if cand.gazetteer:
                continue
            if len(cand.tokens) == 1:
                word = cand.tokens[0]
                # a capitalised word also written in lower case is a common word
                if lowered[word.casefold()] and not word.isupper():
                    del cands[tag]
                    continue
                # only ever sentence-initial: a name only as part of a full name, or when it
                # opens the headline and is no English word ("Assad vows ...", not "Protests")
                if not cand.non_initial and (
                    not cand.in_title or word.casefold() in lexicon().zipf
                ):
                    if in_full_names is None:
                        in_full_names = {
                            unaccented(t)
                            for c in cands.values()
                            if len(c.tokens) > 1
                            for t in c.tokens
                        }
                    if unaccented(word) not in in_full_names:
                        del cands[tag]
                    continue
        # surname (or first name) alone -> the full name it belongs to
        multi = [c for c in cands.values() if len(c.tokens) > 1 and not c.gazetteer]
        known_multi = [c for c in cands.values() if len(c.tokens) > 1 and c.gazetteer]
        people = [
            (m, tuple(map(unaccented, m.tokens))) for m in multi if m.kind is HashtagKind.PERSON
        ]
        accented_people = [(m, t) for m, t in people if t != m.tokens]
        initials: list[tuple[_Candidate, tuple[str, str]]] | None = None
        for tag, cand in list(cands.items()):
            if len(cand.tokens) != 1 or cand.gazetteer:
                continue
            word = cand.tokens[0]
            # "KIM" of a headline in capitals is the "Kim" of "Kim Jong Un"
            spelled = word.capitalize() if word.isupper() and len(word) > 2 else word
            owners = [m for m in multi if word in m.tokens or spelled in m.tokens]
            if not owners and not cand.non_initial:
                # "Court rules ..." with "the Supreme Court" named: a word capitalised only
                # where a sentence starts is part of the known name
                owners = [m for m in known_multi if word in m.tokens]
            if not owners and (accented_people or not word.isascii()):
                # "Erdoğan" alone joins "Recep Tayyip Erdogan": a person's name, other accents
                plain = unaccented(word)
                owners = [
                    m
                    for m, tokens in (accented_people if word.isascii() else people)
                    if plain in tokens
                ]
            if word.isupper() and len(word) >= 2:
                if initials is None:
                    initials = [(m, name_initials(m.tokens)) for m in multi]
                owners += [m for m, letters in initials if word in letters]
            if not owners:
                continue
            owner = max(owners, key=lambda m: m.count)
            if owner.tag == tag:
                continue
            owner.absorb(cand)
            del cands[tag]
        # a name with a middle initial -> the name without it ("Donald J. Trump")
        plain_names = {c.tokens: c for c in cands.values() if len(c.tokens) > 1}
        for tag, cand in list(cands.items()):
            if cand.gazetteer or len(cand.tokens) < 3:
                continue
            bare = tuple(t for t in cand.tokens[1:-1] if len(t.rstrip(".")) > 1)
            whole = plain_names.get((cand.tokens[0], *bare, cand.tokens[-1]))
            if whole is not None and whole is not cand and whole.tag in cands:
                whole.absorb(cand)
                del cands[tag]
        # a surname with its particle -> the full name ("Del Negro" joins "Vinny Del Negro");
        # a name after the place that opens it -> the whole ("Red Sox" joins "Boston Red Sox")
        multi = [c for c in cands.values() if len(c.tokens) > 1 and not c.gazetteer]
        after_places = {
            m.tokens[k:]
            for m in multi
            if len(m.tokens) > 2
            for k in range(1, len(m.tokens) - 1)
            if self._place_opens(m.tokens[:k])
        }
        for cand in multi:
            if cand.tokens[0].casefold() not in NAME_PARTICLES and cand.tokens not in after_places:
                continue
            n = len(cand.tokens)
            owners = [
                m for m in multi
                if len(m.tokens) > n and m.tokens[-n:] == cand.tokens and m.tag in cands
            ]
            if owners and cand.tag in cands:
                max(owners, key=lambda m: m.count).absorb(cand)
                del cands[cand.tag]
        self._merge_spellings_in_capitals()
        for cand in cands.values():
            if cand.kind is HashtagKind.TOPIC and cand.person_hint and not cand.gazetteer:
                cand.kind = HashtagKind.PERSON
            elif cand.kind is HashtagKind.TOPIC and cand.place_hint and not cand.gazetteer:
                cand.kind = HashtagKind.PLACE


_NAMED_WITH_S = re.compile(r"['’]s\s+(?:" + "|".join(sorted(LEGAL_FORMS)) + r")\b", re.IGNORECASE)
"""A legal form right after "'s" somewhere in the text ("McDonald's Corp.")."""


def _camel_brand(word: str) -> bool:
    """ "iPhone", "eBay", "iOS": a name that opens with a lower-case letter, then a capital."""
    return len(word) > 2 and word[0].islower() and word[1].isupper() and word.isalnum()


def _joins(run: list[Tok], particle: Tok, after: Tok) -> bool:
    """Whether a particle between capitalised words is inside a name: "der" and "den" only
    after "van" or "von" ("Kritik der Grünen" is German for the Greens' criticism), "y" never
    beside an acronym ("CCOO y UGT" are two unions)."""
    if particle.text in ("der", "den"):
        return bool(run) and run[-1].text in ("van", "von")
    if particle.text == "y":
        return not (after.text.isupper() or (run and run[-1].text.isupper()))
    return True


def _keep_names_with_s(toks: list[Tok]) -> None:
    """A company named with "'s" keeps it wherever the text names it so: "McDonald's Corp."
    (a legal form after the "'s") makes every "McDonald's" #McDonalds, never #McDonald."""
    named: set[str] = set()
    for tok, nxt in pairwise(toks):
        if tok.possessive and nxt.kind == "word" and nxt.text.casefold().rstrip(".") in (
            LEGAL_FORMS
        ):
            named.add(tok.text)
    if not named:
        return
    for tok in toks:
        if tok.possessive and tok.text in named:
            tok.text += "s"
            tok.possessive = False


_MAX_BODY_CHARS = 6000
"""Longer texts are read to here: what matters in an article is said early."""

# log-odds weights of a name's score (on the scale of the topic words' keyness)
_W_NAME_BASE = -1.5
_W_NAME_COUNT = 1.0
_W_NAME_MULTI_BASE = -2.0
_W_NAME_POSITION = -0.25
_W_GAZETTEER = 0.3
_W_CAPS_TOPIC = -0.5
SALIENT_NAME_BONUS = 1.5
"""Added (in log-odds) to a person, place, organisation or event named twice or in the headline
when ranking the hashtags newsloom shows: such a name leads the tags."""
SALIENT_FULL_NAME_BONUS = 0.35
"""Added on top for such a name of several words: it gives back most of the lower base of a
full name (``_W_NAME_MULTI_BASE``), which follows readers who mark a surname alone; the tag is
the full name (#FriedrichMerz, #EuropeanCentralBank), and an article's key people and bodies
should not fall behind its plain topic words."""


def _name_score(cand: _Candidate) -> float:
    """Log-odds that a name is one of the article's key terms: it grows with the name's uses
    (a surname alone counts for the full name) and falls with the position of the first one;
    readers mark a full name as such less often than a one-word name."""
    base = _W_NAME_BASE if len(cand.tokens) == 1 else _W_NAME_MULTI_BASE
    score = base + _W_NAME_COUNT * math.log(cand.count)
    score += _W_NAME_POSITION * math.log1p(cand.first)
    if cand.gazetteer:
        score += _W_GAZETTEER
    if cand.kind is HashtagKind.TOPIC:
        score += _W_CAPS_TOPIC * len(cand.tokens)
    return score


def _salience_bonus(cand: _Candidate) -> float:
    """What a name named twice or in the headline gains when the shown tags are ranked."""
    return SALIENT_NAME_BONUS + (SALIENT_FULL_NAME_BONUS if len(cand.tokens) > 1 else 0.0)


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    """Log-odds that the tag is one of the article's key terms."""
    bonus: float
    """Added when ranking the tags newsloom shows: for a name named twice or in the headline."""
    hashtag: Hashtag
    plain_topic: bool = False
    """A plain word: chosen by keyness, or capitalised only where a sentence starts."""


_GERMAN_ARTICLES = words(
    """
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    keines sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren
    dieser diese dieses diesen diesem jeder jede jedes jeden jedem im am zum zur vom beim ins
    mehr viel viele vielen wenig wenige etwas alle allen andere anderen weitere weiteren
    """
)
"""German articles and determiners (and a preposition fused with one, "im", "zum")."""
_GERMAN_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis")
"""Endings only German nouns have ("Regierung", "Sicherheit", "Gesellschaft")."""


def _is_german(language: str | None) -> bool:
    return language is not None and language.casefold().startswith("de")


def _german_nouns(toks: list[Tok]) -> frozenset[str]:
    """Capitalised words a German text writes after an article at least half the times it
    writes them, or with an ending only nouns have: nouns, which German capitalises, not
    names ("die Zukunft", "Regierung"; never "Merz")."""
    uses: Counter[str] = Counter()
    after_article: Counter[str] = Counter()
    for prev, tok in pairwise(toks):
        if tok.kind != "word" or not tok.text[:1].isupper() or tok.initial:
            continue
        uses[tok.text] += 1
        if prev.kind == "word" and prev.text.casefold() in _GERMAN_ARTICLES:
            after_article[tok.text] += 1
    nouns = {w for w, n in after_article.items() if 2 * n >= uses[w]}
    nouns.update(w for w in uses if len(w) > 6 and w.endswith(_GERMAN_NOUN_ENDINGS))
    return frozenset(nouns)


def _scored_hashtags(title: str, text: str, language: str | None) -> list[_Scored]:
    """Every candidate with its log-odds score, unordered."""
    gaz = gazetteer()
    title = unicodedata.normalize("NFC", html.unescape(title or "").strip())
    body = html.unescape(text or "")
    if len(body) > _MAX_BODY_CHARS:
        cut = body.rfind(" ", 0, _MAX_BODY_CHARS)
        body = body[: cut if cut > 0 else _MAX_BODY_CHARS]
    body = unicodedata.normalize("NFC", body)  # "Erdoğan" is one tag however it is encoded
    if language is None:
        language = guess_language(f"{title}\n{body}")  # None still when it cannot tell
    english = language is None or language.casefold().startswith("en")
    body = fix_dateline(without_credits(body))
    title_toks = tokenize(title, True, 0)
    body_toks = tokenize(body, False, len(title_toks))
    toks = title_toks + body_toks
    if not toks:
        return []
    if _NAMED_WITH_S.search(body):
        _keep_names_with_s(toks)
    ex = _Extractor(gaz, english)
    ex.total = len(toks)
    lowered: Counter[str] = Counter(
        t.text.casefold() for t in body_toks if t.kind == "word" and t.text.islower()
    )
    title_cased = is_title_cased(title_toks)
    body_words = sum(1 for t in body_toks if t.kind == "word")
    ex.lowered = lowered
    ex.names(body_toks, False)
    ex.body_tags = frozenset(ex.cands)
    if title_cased:
        body_name_pairs = {
            pair for c in ex.cands.values() if len(c.tokens) > 1 for pair in pairwise(c.tokens)
        }
        _decapitalise(title_toks, lowered, gaz, body_words >= 20, body_name_pairs)
    ex.headline_in_capitals = all(
        t.text.isupper() for t in title_toks if t.kind == "word" and t.text.isalpha()
    )
    ex.names(title_toks, title_cased)
    ex.merge(lowered, defined_acronyms(body_toks))

    german_nouns = _german_nouns(body_toks) if _is_german(language) else frozenset()
    scored: dict[str, _Scored] = {}
    for cand in ex.cands.values():
        # "die Zukunft", "die Pendler": German writes every noun with a capital; such a noun is
        # a topic, not a name
        noun = cand.tag in german_nouns and not cand.gazetteer
        variants = tuple(v for v, _ in sorted(cand.variants.items(), key=lambda kv: -kv[1])[:5])
        # a person, place, organisation or event, or a one-word name of unknown kind that the
        # text capitalises mid-sentence ("Assad")
        named = not noun and (
            cand.kind is not HashtagKind.TOPIC or (len(cand.tokens) == 1 and cand.non_initial)
        )
        salient = named and (cand.count >= 2 or cand.in_title)
        scored[cand.tag] = _Scored(
            _name_score(cand), _salience_bonus(cand) if salient else 0.0,
            Hashtag(cand.tag, HashtagKind.TOPIC if noun else cand.kind, 0.0, variants),
            plain_topic=not named and len(cand.tokens) == 1,
        )
    if english:
        multi = [c.tokens for c in ex.cands.values() if len(c.tokens) > 1]
        said_by_names = {singular(t[-1].casefold()) for t in multi} & NAME_ENDINGS | (
            {t[0].casefold() for t in multi} & (PLACE_OPENERS | EVENT_WORDS)
        )
        phrases, covered = phrase_topics(toks)
        for topic in phrases:
            tag = camel_case(topic.word.split())
            if tag not in scored or scored[tag].score < topic.score:
                hashtag = Hashtag(tag, HashtagKind.TOPIC, 0.0, tuple(topic.forms))
                scored[tag] = _Scored(topic.score, 0.0, hashtag, plain_topic=True)
        for topic in topic_words(toks, lowered, gaz):
            tag = camel_case([topic.word])
            if tag in scored:
                continue
            if topic.word in said_by_names:
                continue  # "the county" beside #NassauCounty, "the port" beside #PortValmora
            if covered[singular(topic.word)] >= topic.count:
                continue  # "climate" only ever in "climate change"
            variants = tuple(w for w, _ in topic.forms.most_common(5))
            hashtag = Hashtag(tag, HashtagKind.TOPIC, 0.0, variants)
            scored[tag] = _Scored(topic.score, 0.0, hashtag, plain_topic=True)
    return list(scored.values())


def _ranked(scored: list[tuple[float, Hashtag]], limit: int) -> list[Hashtag]:
    """The best ``limit`` tags by log-odds score, with scores as probabilities relative to the
    best tag's (the first is 1.0, all in (0, 1])."""
    best = sorted(scored, key=lambda st: (-st[0], st[1].tag))[:limit]
    if not best:
        return []
    probs = [1.0 / (1.0 + math.exp(-s)) for s, _ in best]
    top = probs[0]
    return [
        Hashtag(h.tag, h.kind, max(round(p / top, 3), 0.001), h.variants)
        for p, (_, h) in zip(probs, best, strict=True)
    ]


def extract_hashtags(
    title: str, text: str, *, language: str | None = None, limit: int = 10
) -> list[Hashtag]:
    """Every hashtag candidate of an article ranked by keyness alone, best first (at most
    ``limit``). Scores are in 0..1, relative to the best."""
    if limit <= 0:
        return []
    return _ranked([(s.score, s.hashtag) for s in _scored_hashtags(title, text, language)], limit)


def article_hashtags(
    title: str,
    text: str,
    *,
    language: str | None = None,
    limit: int = 8,
    topics: int | None = None,
) -> list[Hashtag]:
    """The hashtags newsloom shows, best first: the people, places, organisations and events
    an article names twice or in its headline lead; other names and key topics follow by
    keyness. With ``topics``, plain-word topics are kept only when the headline names them, at
    most that many (the best by keyness): the site's tags say what the article is about, not
    every key noun of its body (``newsloom hashtags`` lists them all)."""
    if limit <= 0:
        return []
    scored = _scored_hashtags(title, text, language)
    if topics is not None:
        headline = {w.casefold() for w in re.findall(r"\w+", title or "")}

        def in_headline(s: _Scored) -> bool:
            return any(
                headline.issuperset(v.casefold().split())
                for v in (s.hashtag.tag, *s.hashtag.variants)
            )

        plain = sorted((s for s in scored if s.plain_topic and in_headline(s)),
                       key=lambda s: -s.score)
        scored = [s for s in scored if not s.plain_topic] + plain[:topics]
    return _ranked(
        [(s.score + s.bonus, s.hashtag) for s in scored],
        limit,
    )
