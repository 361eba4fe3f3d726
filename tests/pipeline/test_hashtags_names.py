"""Name shapes of the hashtag name finder, on invented words and runs."""

from __future__ import annotations

from newsloom.pipeline.hashtags_data import gazetteer
from newsloom.pipeline.hashtags_names import (
    fold,
    is_title,
    name_initials,
    person_after_titles,
    person_of,
    simple_capitalised,
    spelling_variant,
    unaccented,
)
from newsloom.pipeline.hashtags_tokens import tokenize


def run_of(text: str) -> list:  # type: ignore[type-arg]
    return [t for t in tokenize(text, False, 0) if t.kind in ("word", "acr")]


def test_titles_plain_hyphenated_and_abbreviated() -> None:
    titles = gazetteer().titles
    assert is_title("president", titles) and is_title("director-general", titles)
    assert is_title("sen.", titles) and not is_title("kessa", titles)


def test_name_parts_and_spellings() -> None:
    assert all(simple_capitalised(w) for w in ("Karen", "O'Neill", "Ocasio-Cortez", "McCain"))
    assert not any(simple_capitalised(w) for w in ("NASA", "iPhone", "42nd", "K"))
    assert unaccented("Erdoğan") == "Erdogan" and fold("ERDOĞAN") == "erdogan"
    assert name_initials(("Selim", "bin", "Haddar")) == ("SH", "SBH")
    assert spelling_variant("Zelensky", "Zelenskyy") and spelling_variant("Zelenskyy", "Zelenskiy")
    assert not spelling_variant("Gaddafi", "Qaddafi") and not spelling_variant("Peter", "Peters")


def test_a_person_after_titles_and_a_person_of_a_place() -> None:
    titles = gazetteer().titles
    run = run_of("Trade Representative Karen Holt")
    assert person_after_titles(run, 1, titles)
    assert not person_after_titles(run_of("Lansing State Journal"), 1, titles)
    assert person_of(run_of("Tadej Ostrovnik of"))
    assert not person_of(run_of("Harbour Authority of"))
