"""Story clustering benchmark: newsloom's streaming clustering (the `newsloom cluster` code
path, number of stories unknown) beside TF-IDF + k-means told the number of stories.

    .venv/bin/python bench/stories.py [../shared/eval/stories] [--embeddings]

``--embeddings`` adds a row for newsloom with sentence embeddings (the optional extra
``newsloom[embeddings]``: all-MiniLM-L6-v2 on the CPU); its time includes encoding.

Metrics: NMI and ARI (scikit-learn), pairwise F1 (pairs of items put together).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from sklearn.cluster import KMeans  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.metrics import (  # type: ignore[import-untyped]
    adjusted_rand_score,
    normalized_mutual_info_score,
)

from newsloom.adapters.embeddings import SentenceEncoder, load_sentence_encoder
from newsloom.cli.cluster import ClusterInput, cluster_articles


def pairwise_f1(gold: Sequence[object], pred: Sequence[object]) -> float:
    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    together = pairs(Counter(zip(gold, pred, strict=True)))
    predicted, true = pairs(Counter(pred)), pairs(Counter(gold))
    p = together / predicted if predicted else 0.0
    r = together / true if true else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def load_googlenews(root: Path) -> tuple[list[ClusterInput], list[str]]:
    items, gold = [], []
    with (root / "googlenews-ts.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            row = json.loads(line)
            items.append(ClusterInput(str(n), "", row["text"], None, None))
            gold.append(str(row["cluster"]))
    return items, gold


def load_uci(root: Path) -> tuple[list[ClusterInput], list[str]]:
    items, gold = [], []
    with (root / "uci-headlines.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            when = datetime.fromtimestamp(int(row["TIMESTAMP"]) / 1000, tz=UTC)
            items.append(ClusterInput(row["ID"], row["TITLE"], "", when, row["PUBLISHER"]))
            gold.append(row["STORY"])
    return items, gold


def newsloom(items: Sequence[ClusterInput], encoder: SentenceEncoder | None = None) -> list[str]:
    return [story for _, story in cluster_articles(items, encoder=encoder)]


def kmeans_baseline(items: Sequence[ClusterInput], k: int) -> list[str]:
    texts = [f"{i.title} {i.text}".strip() for i in items]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(matrix)
    return [str(label) for label in labels]


def main() -> None:
    default = Path(__file__).resolve().parents[2] / "shared/eval/stories"
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    root = Path(args[0] if args else os.environ.get("NEWSLOOM_EVAL_STORIES", default))
    sets: list[tuple[str, Callable[[Path], tuple[list[ClusterInput], list[str]]]]] = [
        ("googlenews-ts", load_googlenews),
        ("uci-headlines", load_uci),
    ]
    encoder = load_sentence_encoder() if "--embeddings" in sys.argv else None
    print(f"{'set':<14} {'system':<26} {'stories':>7} {'NMI':>6} {'ARI':>6} {'pairF1':>6} "
          f"{'s':>6} {'ms/art':>6}")
    for name, loader in sets:
        items, gold = loader(root)
        k = len(set(gold))
        runs: list[tuple[str, Callable[[], list[str]]]] = [
            ("newsloom (k unknown)", partial(newsloom, items)),
            *([("newsloom + MiniLM extra", partial(newsloom, items, encoder))] if encoder else []),
            (f"tfidf+kmeans (k={k} given)", partial(kmeans_baseline, items, k)),
        ]
        for system, run in runs:
            start = time.process_time()
            pred = run()
            took = time.process_time() - start
            print(
                f"{name:<14} {system:<26} {len(set(pred)):>7} "
                f"{normalized_mutual_info_score(gold, pred):6.3f} "
                f"{adjusted_rand_score(gold, pred):6.3f} {pairwise_f1(gold, pred):6.3f} "
                f"{took:6.1f} {1000 * took / len(items):6.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
