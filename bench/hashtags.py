"""Hashtag benchmark on 500N-KPCrowd: newsloom's hashtags beside YAKE (single words) in one run.

    .venv/bin/python bench/hashtags.py [../shared/eval/hashtags/kpcrowd]

Metric (eval README): top 10 predictions per text; both sides lower-cased and Porter-stemmed;
exact phrase match; precision, recall and F1 per text, averaged over texts. A CamelCase hashtag
is split into words before matching (``KimJongUn`` -> "kim jong un").
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from nltk.stem.porter import PorterStemmer  # type: ignore[import-untyped]

from newsloom.pipeline.hashtags import article_hashtags, extract_hashtags
from newsloom.services.enrich import HEADLINE_TOPICS

_STEMMER = PorterStemmer()
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def split_camel(tag: str) -> str:
    return " ".join(_CAMEL.findall(tag))


def norm(phrase: str) -> str:
    return " ".join(str(_STEMMER.stem(w)) for w in phrase.lower().split())


def score(preds: list[str], keys: set[str]) -> tuple[float, float, float]:
    got: list[str] = []
    for pred in preds:
        n = norm(pred)
        if n not in got:
            got.append(n)
    tp = sum(1 for g in got if g in keys)
    p = tp / len(got) if got else 0.0
    r = tp / len(keys) if keys else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def newsloom(title: str, body: str) -> list[str]:
    """Every candidate ranked by keyness alone (``extract_hashtags``)."""
    return [split_camel(h.tag) for h in extract_hashtags(title, body, limit=10)]


def newsloom_command(title: str, body: str) -> list[str]:
    """What `newsloom hashtags` prints (``article_hashtags``): names used twice or in the
    headline lifted, then names and key topics by keyness."""
    return [split_camel(h.tag) for h in article_hashtags(title, body, limit=10)]


def newsloom_site(title: str, body: str) -> list[str]:
    """The article page's tags (what ingest stores): the same, with plain-word topics only when
    the headline names them, two at most, and eight tags in all."""
    tags = article_hashtags(title, body, limit=8, topics=HEADLINE_TOPICS)
    return [split_camel(h.tag) for h in tags]


def make_yake() -> Callable[[str, str], list[str]]:
    import yake  # type: ignore[import-untyped]

    extractor = yake.KeywordExtractor(lan="en", n=1, top=10)

    def run(title: str, body: str) -> list[str]:
        return [str(kw) for kw, _ in extractor.extract_keywords(title + "\n" + body)][:10]

    return run


def main() -> None:
    default = Path(__file__).resolve().parents[2] / "shared/eval/hashtags/kpcrowd"
    root = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("KPCROWD", default))
    docs = sorted((root / "docs").glob("*.txt"))
    data = []
    for doc in docs:
        text = doc.read_text(encoding="utf-8", errors="replace")
        title, _, body = text.partition("\n")
        key_file = root / "keys" / (doc.stem + ".key")
        keys = {
            norm(k)
            for k in key_file.read_text(encoding="utf-8", errors="replace").splitlines()
            if k.strip()
        }
        data.append((doc.stem, title, body, keys))
    systems: list[tuple[str, Callable[[str, str], list[str]]]] = [
        ("newsloom (by keyness)", newsloom),
        ("newsloom hashtags (CLI)", newsloom_command),
        ("newsloom site tags", newsloom_site),
        ("yake (n=1)", make_yake()),
    ]
    print(f"kpcrowd: {len(data)} texts, F1@10 (Porter-stemmed exact match, CamelCase split)")
    print(f"{'system':<26} {'P@10':>6} {'R@10':>6} {'F1@10':>6} {'CPU ms/text':>12}")
    for name, fn in systems:
        ps, rs, fs = [], [], []
        start = time.process_time()
        for _, title, body, keys in data:
            p, r, f = score(fn(title, body), keys)
            ps.append(p)
            rs.append(r)
            fs.append(f)
        ms = (time.process_time() - start) * 1000 / max(len(data), 1)
        n = max(len(data), 1)
        print(f"{name:<26} {sum(ps) / n:6.3f} {sum(rs) / n:6.3f} {sum(fs) / n:6.3f} {ms:12.1f}")
    if "-v" in sys.argv:
        for stem, title, body, keys in data[:40]:
            preds = newsloom(title, body)
            marks = [("+" if norm(p) in keys else "-") + p for p in preds]
            print(stem, " | ".join(marks))


if __name__ == "__main__":
    main()
