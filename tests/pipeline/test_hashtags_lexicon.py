"""The shipped English lexicon: background frequencies and noun classes."""

from __future__ import annotations

from newsloom.pipeline.hashtags_lexicon import RARE_ZIPF, lexicon


def test_frequencies_order_common_before_rare_words() -> None:
    lex = lexicon()
    assert lex.frequency("the") > 7.0
    assert lex.frequency("the") > lex.frequency("people") > lex.frequency("election")
    assert lex.frequency("election") > lex.frequency("perjury") > RARE_ZIPF
    assert lex.frequency("glorbulent") == RARE_ZIPF


def test_noun_classes_from_wordnet_and_endings() -> None:
    lex = lexicon()
    for noun in ("election", "inflation", "wildfire", "bombings", "people", "report"):
        assert lex.can_be_noun(noun), noun
    for other in ("basically", "said", "unusual", "sneaked", "quietly"):
        assert not lex.can_be_noun(other), other
    # words the file does not list: their ending, or the verb they are a form of
    assert lex.can_be_noun("glorbs")
    assert not lex.can_be_noun("glorbulous") and not lex.can_be_noun("glorbly")
    assert "fires" in lex.noun_verbs and "report" in lex.noun_verbs
    assert {"conservative", "overwhelming", "unusual"} <= lex.adjectives
    assert "election" not in lex.adjectives and "election" not in lex.noun_verbs
    # rare words that are never nouns are listed too
    assert not lex.can_be_noun("horrify") and lex.frequency("horrify") < 3.0
