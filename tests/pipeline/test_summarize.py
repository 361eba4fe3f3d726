"""Extractive summaries: sentences taken from the text, in reading order, each pointing at where
it stands."""

from __future__ import annotations

import pytest

from newsloom.domain.models import Block, BlockKind
from newsloom.pipeline.summarize import split_sentences, summarize

P = BlockKind.PARAGRAPH

ARTICLE = (
    Block(BlockKind.HEADING, "Harbour board votes to raise mooring fees for the first time."),
    Block(P, "The harbour board voted on Tuesday to raise mooring fees for the first time in "
             "nine years. Mr. Penhallow, who chairs the board, said the harbour fees had not "
             "kept pace with repair costs."),
    Block(P, "Fishing crews said the mooring fees would hurt small boats most. Dr. Rowe, a "
             "harbour economist, estimated the rise at 3.5 per cent for a typical trawler."),
    Block(BlockKind.CAPTION, "Boats moored in the harbour at dawn, photographed by a reader."),
    Block(P, "The new harbour fees take effect in April. Repairs to the north quay wall will "
             "begin in the summer and last two years."),
    Block(P, "Short one."),
)


def _spans(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_split_sentences() -> None:
    assert _spans("The tide turned. Boats left! Who stayed? Nobody.") == [
        "The tide turned.", "Boats left!", "Who stayed?", "Nobody.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Penhallow met Dr. Rowe at St. Ives on Jan. 5. They talked.",
         ["Mr. Penhallow met Dr. Rowe at St. Ives on Jan. 5.", "They talked."]),
        ("Mrs. Tregarthen and Prof. Mabe disagreed. Nobody else did.",
         ["Mrs. Tregarthen and Prof. Mabe disagreed.", "Nobody else did."]),
        ("Prices rose 3.5 per cent. The U.S. economy grew.",
         ["Prices rose 3.5 per cent.", "The U.S. economy grew."]),
        ("Details are on harbour.example.org today. Come early.",
         ["Details are on harbour.example.org today.", "Come early."]),
        ('He said "Stop!" Then he left.', ['He said "Stop!"', "Then he left."]),
        ("  Padded start. Padded end.  ", ["Padded start.", "Padded end."]),
        ("No final punctuation", ["No final punctuation"]),
        ("It ends with Mr.", ["It ends with Mr."]),
    ],
)
def test_abbreviations_and_numbers_do_not_split(text: str, expected: list[str]) -> None:
    assert _spans(text) == expected


def test_summary_sentences_point_at_the_exact_text() -> None:
    summary = summarize(ARTICLE, max_sentences=3)
    assert len(summary) == 3
    for sentence in summary:
        block = ARTICLE[sentence.block_index]
        assert block.text[sentence.start:sentence.end] == sentence.text
        assert block.kind is P


def test_summary_is_in_reading_order() -> None:
    summary = summarize(ARTICLE, max_sentences=4)
    positions = [(s.block_index, s.start) for s in summary]
    assert positions == sorted(positions)
    assert len(set(positions)) == len(positions)


def test_summary_keeps_abbreviated_sentences_whole() -> None:
    texts = [s.text for s in summarize(ARTICLE, max_sentences=10)]
    assert ("Mr. Penhallow, who chairs the board, said the harbour fees had not kept pace with "
            "repair costs.") in texts
    assert not any(t.endswith(("Mr.", "Dr.")) for t in texts)
    assert not any(t.startswith("5 per cent") for t in texts)


def test_summary_skips_headings_captions_and_very_short_sentences() -> None:
    texts = [s.text for s in summarize(ARTICLE, max_sentences=10)]
    assert "Short one." not in texts
    assert not any("photographed by a reader" in t for t in texts)
    assert ARTICLE[0].text not in texts


def test_summary_prefers_the_opening() -> None:
    (first,) = summarize(ARTICLE, max_sentences=1)
    assert first.block_index == 1 and first.start == 0


def test_nothing_to_summarize() -> None:
    assert summarize([]) == []
    assert summarize([Block(P, "Too short."), Block(BlockKind.HEADING, "A heading only")]) == []
