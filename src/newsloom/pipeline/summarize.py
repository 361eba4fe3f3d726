"""Extractive summaries whose every sentence points to where it stands in the article.

The offline provider: sentences are scored by how many of the article's frequent content words
they carry, with a preference for the opening, and returned in reading order."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from newsloom.domain.models import Block, BlockKind, SummarySentence

_SENTENCE = re.compile(r"[^.!?…]+(?:[.!?…]+[\"”’»)]*|$)")
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Prof|No|Jan|Feb|Mar|Apr|Jun|"
                           r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|E\.U|e\.g|i\.e|vs)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one block of text."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for match in _SENTENCE.finditer(text):
        s, e = match.span()
        if start is None:
            while s < e and text[s].isspace():
                s += 1
            start = s
        candidate = text[start:e].rstrip()
        if e < len(text) and (_ABBREVIATION.search(candidate) or not text[e].isspace()):
            continue  # "Mr. Rowe", "3.5", "U.S.", "example.org": not the end of a sentence
        if candidate:
            spans.append((start, start + len(candidate)))
        start = None
    return spans


def summarize(blocks: Sequence[Block], max_sentences: int = 3) -> list[SummarySentence]:
    candidates: list[tuple[int, int, int, str]] = []
    for index, block in enumerate(blocks):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM):
            continue
        for start, end in split_sentences(block.text):
            sentence = block.text[start:end]
            if 40 <= len(sentence) <= 400:
                candidates.append((index, start, end, sentence))
    if not candidates:
        return []
    frequencies = Counter(
        w for *_, s in candidates for w in {w.lower() for w in _WORD.findall(s)}
    )
    common = {w for w, n in frequencies.items() if n >= 2}

    def score(position: int, sentence: str) -> float:
        words = {w.lower() for w in _WORD.findall(sentence)}
        content = sum(math.log1p(frequencies[w]) for w in words & common)
        return content / math.sqrt(len(words) + 1) + 1.5 / (1 + position)

    ranked = sorted(range(len(candidates)), key=lambda i: -score(i, candidates[i][3]))
    chosen = sorted(ranked[:max_sentences])
    return [
        SummarySentence(text=candidates[i][3], block_index=candidates[i][0],
                        start=candidates[i][1], end=candidates[i][2])
        for i in chosen
    ]
