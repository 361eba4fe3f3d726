"""Scoring recipes for the extraction benchmark (see ../shared/eval/README.md)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

_TOKEN = re.compile(r"\w+")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    pages: int


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass
class ShingleMetric:
    """Zyte recipe: per page tp/fp/fn over shingle multisets, normalised by their sum."""

    tp: list[float] = field(default_factory=list)
    fp: list[float] = field(default_factory=list)
    fn: list[float] = field(default_factory=list)

    def page_counts(self, gold: str, pred: str) -> tuple[float, float, float]:
        g, p = shingles(gold), shingles(pred)
        if not g and not p:
            return 1.0, 0.0, 0.0
        tp = sum((g & p).values())
        fp = sum((p - g).values())
        fn = sum((g - p).values())
        total = tp + fp + fn
        return tp / total, fp / total, fn / total

    def add(self, gold: str, pred: str) -> float:
        tp, fp, fn = self.page_counts(gold, pred)
        self.tp.append(tp)
        self.fp.append(fp)
        self.fn.append(fn)
        return _f1(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)

    def result(self) -> Score:
        tp, fp, fn = sum(self.tp), sum(self.fp), sum(self.fn)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return Score(p, r, _f1(p, r), len(self.tp))


@dataclass
class WordBagMetric:
    """WCXB recipe: lowercased \\w+ multiset overlap, P/R/F1 per page, averaged over pages."""

    ps: list[float] = field(default_factory=list)
    rs: list[float] = field(default_factory=list)
    fs: list[float] = field(default_factory=list)

    def add(self, gold: str, pred: str) -> float:
        g = Counter(_TOKEN.findall(gold.lower()))
        p = Counter(_TOKEN.findall(pred.lower()))
        overlap = sum((g & p).values())
        if not g and not p:
            prec = rec = 1.0
        else:
            prec = overlap / sum(p.values()) if p else 0.0
            rec = overlap / sum(g.values()) if g else 0.0
        f = _f1(prec, rec)
        self.ps.append(prec)
        self.rs.append(rec)
        self.fs.append(f)
        return f

    def result(self) -> Score:
        n = len(self.fs) or 1
        return Score(sum(self.ps) / n, sum(self.rs) / n, sum(self.fs) / n, len(self.fs))


def collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass
class SnippetMetric:
    """trafilatura recipe: `with` snippets found are tp (else fn); `without` found are fp."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    pages: int = 0

    def add(self, with_: Iterable[str], without: Iterable[str], pred: str) -> float:
        text = collapse(pred)
        tp = fn = fp = 0
        for s in with_:
            if collapse(s) in text:
                tp += 1
            else:
                fn += 1
        for s in without:
            if collapse(s) in text:
                fp += 1
            else:
                self.tn += 1
        self.tp += tp
        self.fn += fn
        self.fp += fp
        self.pages += 1
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return _f1(p, r)

    def result(self) -> Score:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return Score(p, r, _f1(p, r), self.pages)


def fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


@dataclass
class MetaMetric:
    """WCXB metadata: exact title (case/space folded), date YYYY-MM-DD, author contained."""

    title: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    author: list[bool] = field(default_factory=list)

    def add(
        self, gold: dict[str, object], title: str | None, date: str | None, author: str | None
    ) -> None:
        g_title = gold.get("title")
        if isinstance(g_title, str) and g_title.strip():
            self.title.append(fold(g_title) == fold(title))
        g_date = gold.get("publish_date")
        if isinstance(g_date, str) and g_date.strip():
            self.date.append(bool(date) and g_date.strip()[:10] == (date or "")[:10])
        g_author = gold.get("author")
        if isinstance(g_author, str) and g_author.strip():
            self.author.append(bool(author) and fold(g_author) in fold(author))

    @staticmethod
    def _rate(xs: list[bool]) -> float:
        return sum(xs) / len(xs) if xs else 0.0

    def result(self) -> dict[str, float]:
        return {
            "title": self._rate(self.title),
            "date": self._rate(self.date),
            "author": self._rate(self.author),
        }


def iso_date(value: object) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, str) and value:
        return value[:10]
    return None
