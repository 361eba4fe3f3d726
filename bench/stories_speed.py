"""Speed of the per-article story layer: dedup fingerprint + hashtags + streaming clustering,
on a generated corpus (invented words and names, stories spread over time).

    .venv/bin/python bench/stories_speed.py [N=100000]

Prints the mean CPU time per article (process time, so other load on the machine does not
count) for each block of 10,000 articles, so growth with the number of articles already
seen is visible.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta

from newsloom.pipeline.dedup import fingerprint
from newsloom.pipeline.hashtags import extract_hashtags
from newsloom.pipeline.stories import StreamingClusterer

_SYLLABLES = str.split("ka lo mi ren to sa vel dor an is qu ber mar tin el os ra ne gu fa li zo")
_FILLER = str.split(
    "the of and to in a that for on with as by was at from it said has have will after "
    "about over more than into their its but also who which when this been were had not"
)


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


class Corpus:
    """Stories with their own names, places and topic words; articles drawn from a story."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.vocab = [_word(rng, rng.randint(2, 4)) for _ in range(20_000)]
        self.names = [_word(rng, 2).capitalize() for _ in range(5_000)]
        self.places = [_word(rng, 3).capitalize() for _ in range(1_000)]
        self.start = datetime(2026, 1, 1, tzinfo=UTC)

    def _story(self) -> dict[str, list[str]]:
        rng = self.rng
        return {
            "names": [f"{rng.choice(self.names)} {rng.choice(self.names)}" for _ in range(3)],
            "places": rng.sample(self.places, 2),
            "topic": [rng.choice(self.vocab[:3000]) for _ in range(8)],
        }

    def _sentence(self, story: dict[str, list[str]]) -> str:
        rng = self.rng
        words: list[str] = []
        for _ in range(rng.randint(12, 24)):
            r = rng.random()
            if r < 0.45:
                words.append(rng.choice(_FILLER))
            elif r < 0.65:
                words.append(rng.choice(story["topic"]))
            elif r < 0.72:
                words.append(rng.choice(story["names"]))
            elif r < 0.76:
                words.append(rng.choice(story["places"]))
            else:
                words.append(self.vocab[min(int(rng.paretovariate(0.8)), len(self.vocab) - 1)])
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def articles(self, n: int, per_day: int = 1_000) -> list[tuple[str, str, str, datetime]]:
        rng = self.rng
        active: list[tuple[dict[str, list[str]], datetime]] = []
        out = []
        for i in range(n):
            when = self.start + timedelta(seconds=i * 86_400 / per_day)
            active = [(s, end) for s, end in active if end > when]
            if not active or rng.random() < 0.15:
                active.append((self._story(), when + timedelta(days=rng.uniform(0.5, 5))))
            story = rng.choice(active)[0]
            title = self._sentence(story)[:80].rstrip(".")
            text = " ".join(self._sentence(story) for _ in range(rng.randint(8, 16)))
            out.append((f"a{i}", title, text, when))
        return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    block = 10_000 if n >= 20_000 else max(n // 5, 1)
    start = time.process_time()
    articles = Corpus().articles(n)
    words = sum(len(text.split()) for _, _, text, _ in articles) / max(n, 1)
    print(
        f"generated {n} articles ({words:.0f} words each on average) "
        f"in {time.process_time() - start:.0f} s"
    )
    clusterer = StreamingClusterer()
    print(f"{'articles seen':>15} {'ms/article':>10} {'dedup':>6} {'tags':>6} {'cluster':>7}")
    totals = [0.0, 0.0, 0.0]
    for i, (ident, title, text, when) in enumerate(articles, 1):
        t0 = time.process_time()
        fingerprint(title, text)
        t1 = time.process_time()
        tags = extract_hashtags(title, text)
        t2 = time.process_time()
        clusterer.add(ident, title, text, when, [h.tag for h in tags])
        t3 = time.process_time()
        totals[0] += t1 - t0
        totals[1] += t2 - t1
        totals[2] += t3 - t2
        if i % block == 0:
            ms = [1000 * x / block for x in totals]
            print(
                f"{i - block + 1:>7}-{i:<7} {sum(ms):10.2f} {ms[0]:6.2f} {ms[1]:6.2f} {ms[2]:7.2f}",
                flush=True,
            )
            totals = [0.0, 0.0, 0.0]
    print(f"stories created: {clusterer._created}")


if __name__ == "__main__":
    main()
