"""Snippets: the opening of a text, flattened, cut at a word with an ellipsis."""

from __future__ import annotations

from newsloom.domain.text import snippet


def test_short_text_is_flattened_and_not_cut() -> None:
    assert snippet("The tide\n\nturned   early.") == "The tide turned early."


def test_long_text_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = "Harbour fees rise again, the board said on Tuesday evening after a long meeting."
    cut = snippet(text, max_chars=30)
    assert cut == "Harbour fees rise again, the…"
    assert len(cut) <= 31
    assert text.startswith(cut.removesuffix("…"))


def test_a_word_longer_than_the_limit_is_cut_inside() -> None:
    assert snippet("x" * 50, max_chars=10) == "x" * 10 + "…"


def test_trailing_punctuation_is_not_left_before_the_ellipsis() -> None:
    assert snippet("word, " * 20, max_chars=23) == "word, word, word, word…"


def test_empty() -> None:
    assert snippet("   ") == ""
