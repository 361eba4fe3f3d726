"""Entity benchmark: how well newsloom's hashtags cover the people, places, organisations and
events that news articles name, on a small hand-annotated set of invented articles.

    .venv/bin/python bench/entities.py [DIR] [--verbose]

DIR (default tests/data/entities) holds ``<slug>.txt`` (first line the headline, then the body)
and ``<slug>.json``: ``{"entities": [{"name", "kind", "variants", "key"}], "not_tags": [...]}``.
Each article is tagged as `newsloom hashtags` tags a file: ``article_hashtags(title, body,
limit=10)``.

Matching: a tag and a name are both split into words (CamelCase and digits split, apostrophes
and full stops dropped, other punctuation a break), accents stripped, case-folded; a tag is an
entity when its words equal those of the entity's name or of one of its variants (spaces
ignored: ``PortauPrince`` is Port-au-Prince). Per article, averaged over articles:

- key recall@10: share of the key entities (what the article is about) some tag names;
- all recall@10: the same over every entity;
- precision@10: share of the tags that name an entity;
- not_tags: share of the tags that are one of the article's listed common words;
- CPU ms per article (after one warm-up call).

``--verbose`` prints each article's tags, marked ``+`` the entity's name, ``~`` one of its
variants, ``?`` part of a name only (``#Kim`` for Kim Jong Un), ``!`` a listed common word,
``-`` anything else; then its missed key entities.
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from newsloom.cli.hashtags import tags_of_file
from newsloom.pipeline.hashtags_names import unaccented

LIMIT = 10
DEFAULT_DIR = Path(__file__).resolve().parents[1] / "tests/data/entities"


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str
    key: bool
    forms: tuple[tuple[str, ...], ...]  # words of the name first, then of each variant


@dataclass(frozen=True)
class Article:
    slug: str
    path: Path
    entities: tuple[Entity, ...]
    not_tags: frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class Scores:
    key_recall: float
    all_recall: float
    precision: float
    not_tag_share: float


@dataclass(frozen=True)
class Result:
    article: Article
    tags: list[str]
    scores: Scores
    marks: list[str]  # one of "+~?!-" per tag
    missed_keys: list[str]


@dataclass(frozen=True)
class Summary:
    articles: int
    key_recall: float
    all_recall: float
    precision: float
    not_tag_share: float
    ms_per_article: float
    results: list[Result]


def _camel_split(chunk: str) -> list[str]:
    """``KimJongUn`` -> Kim Jong Un, ``COP30`` -> COP 30, ``ONeill`` -> O Neill."""
    words: list[str] = []
    cur = ""
    for i, ch in enumerate(chunk):
        if cur:
            prev = cur[-1]
            nxt = chunk[i + 1] if i + 1 < len(chunk) else ""
            if (
                ch.isdigit() != prev.isdigit()
                or (prev.islower() and ch.isupper())
                or (prev.isupper() and ch.isupper() and nxt.islower())
            ):
                words.append(cur)
                cur = ""
        cur += ch
    if cur:
        words.append(cur)
    return words


def words(text: str) -> tuple[str, ...]:
    """The matching words of a tag or a name: split, accent-stripped, case-folded."""
    plain = re.sub(r"['’.]", "", unaccented(text))
    out: list[str] = []
    for chunk in re.split(r"[\W_]+", plain):
        out.extend(w.casefold() for w in _camel_split(chunk))
    return tuple(out)


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return a == b or "".join(a) == "".join(b)


def load(root: Path) -> list[Article]:
    articles: list[Article] = []
    for txt in sorted(root.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        entities = tuple(
            Entity(
                name=e["name"],
                kind=e["kind"],
                key=bool(e["key"]),
                forms=tuple(words(f) for f in [e["name"], *e.get("variants", [])]),
            )
            for e in gold["entities"]
        )
        not_tags = frozenset(words(w) for w in gold["not_tags"])
        articles.append(Article(txt.stem, txt, entities, not_tags))
    return articles


def tag_article(article: Article) -> list[str]:
    return tags_of_file(article.path, LIMIT)  # as `newsloom hashtags` tags a file


def _mark(tag: tuple[str, ...], article: Article) -> str:
    if any(_same(tag, e.forms[0]) for e in article.entities):
        return "+"
    if any(_same(tag, f) for e in article.entities for f in e.forms[1:]):
        return "~"
    if tag in article.not_tags:
        return "!"
    n = len(tag)
    for e in article.entities:
        for f in e.forms:
            if n < len(f) and any(f[i : i + n] == tag for i in range(len(f) - n + 1)):
                return "?"
    return "-"


def score(article: Article, tags: list[str]) -> Result:
    tag_words = [words(t) for t in tags]

    def named(e: Entity) -> bool:
        return any(_same(t, f) for t in tag_words for f in e.forms)

    keys = [e for e in article.entities if e.key]
    key_hit = [e for e in keys if named(e)]
    all_hit = [e for e in article.entities if named(e)]
    marks = [_mark(t, article) for t in tag_words]
    n = len(tags)
    scores = Scores(
        key_recall=len(key_hit) / len(keys) if keys else 1.0,
        all_recall=len(all_hit) / len(article.entities) if article.entities else 1.0,
        precision=sum(m in "+~" for m in marks) / n if n else 0.0,
        not_tag_share=sum(t in article.not_tags for t in tag_words) / n if n else 0.0,
    )
    missed = [e.name for e in keys if e not in key_hit]
    return Result(article, tags, scores, marks, missed)


def run(root: Path) -> Summary:
    articles = load(root)
    if articles:
        tag_article(articles[0])  # warm-up: lexicons and gazetteer load on first use
    results: list[Result] = []
    spent = 0.0
    for article in articles:
        start = time.process_time()
        tags = tag_article(article)
        spent += time.process_time() - start
        results.append(score(article, tags))
    n = max(len(results), 1)
    return Summary(
        articles=len(results),
        key_recall=sum(r.scores.key_recall for r in results) / n,
        all_recall=sum(r.scores.all_recall for r in results) / n,
        precision=sum(r.scores.precision for r in results) / n,
        not_tag_share=sum(r.scores.not_tag_share for r in results) / n,
        ms_per_article=spent * 1000 / n,
        results=results,
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "--verbose" in sys.argv or "-v" in sys.argv
    root = Path(args[0]) if args else DEFAULT_DIR
    s = run(root)
    keys = sum(e.key for r in s.results for e in r.article.entities)
    ents = sum(len(r.article.entities) for r in s.results)
    print(f"entities: {s.articles} articles, {ents} entities ({keys} key), "
          f"article_hashtags limit={LIMIT}, averaged over articles")
    print(f"{'key R@10':>8} {'all R@10':>8} {'P@10':>6} {'not_tags':>8} {'CPU ms/article':>15}")
    print(f"{s.key_recall:8.3f} {s.all_recall:8.3f} {s.precision:6.3f} "
          f"{s.not_tag_share:8.3f} {s.ms_per_article:15.1f}")
    if verbose:
        for r in s.results:
            sc = r.scores
            print(f"\n{r.article.slug}  key {sc.key_recall:.2f} all {sc.all_recall:.2f} "
                  f"P {sc.precision:.2f}")
            print("  " + " ".join(m + t for m, t in zip(r.marks, r.tags, strict=True)))
            if r.missed_keys:
                print("  missed key: " + "; ".join(r.missed_keys))


if __name__ == "__main__":
    main()
