"""Article-extraction benchmark: newsloom vs trafilatura, readability-lxml and resiliparse.

    .venv/bin/python bench/extraction.py /work/shared/eval/extraction
    .venv/bin/python bench/extraction.py DATASET_DIR --sets zyte --tools newsloom --sample 30

Every tool runs on the same pages in the same run, single process; pages/s counts only the tool's
call (text and metadata together), in CPU time of this process (time.process_time), so that
other work on a shared machine does not skew one tool more than another. Each set is scored
with its own recipe (see
../shared/eval/README.md). The data set is read in place and never copied.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from html import escape as html_escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from extraction_metrics import (
    MetaMetric,
    Score,
    ShingleMetric,
    SnippetMetric,
    WordBagMetric,
    iso_date,
)

SETS = ("zyte", "wcxb", "trafilatura", "l3s-gn1")
TOOLS = ("newsloom", "trafilatura", "readability", "resiliparse")
FLOORS = Path(__file__).resolve().parent / "extraction_floors.json"


@dataclass
class Page:
    id: str
    url: str | None
    data: bytes
    gold: Any


@dataclass
class Output:
    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None


# ---------------------------------------------------------------- data sets


def _read(path: Path) -> bytes:
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.suffix == ".gz" else raw


def load_zyte(root: Path) -> list[Page]:
    gold = json.loads((root / "zyte" / "ground-truth.json").read_text())
    pages = []
    for pid in sorted(gold):
        path = root / "zyte" / "html" / f"{pid}.html.gz"
        if path.exists():
            pages.append(Page(pid, gold[pid].get("url"), _read(path), gold[pid]["articleBody"]))
    return pages


def load_wcxb(root: Path) -> list[Page]:
    pages = []
    for gpath in sorted((root / "wcxb" / "ground-truth").glob("*.json")):
        g = json.loads(gpath.read_text())
        if g.get("_internal", {}).get("page_type", {}).get("primary", "article") != "article":
            continue
        path = root / "wcxb" / "html" / f"{gpath.stem}.html.gz"
        if path.exists():
            pages.append(Page(gpath.stem, g.get("url"), _read(path), g["ground_truth"]))
    return pages


def load_trafilatura(root: Path) -> list[Page]:
    data = json.loads((root / "trafilatura" / "evaldata.json").read_text())
    pages = []
    for url in sorted(data):
        item = data[url]
        path = root / "trafilatura" / "pages" / item["file"]
        if path.exists():
            pages.append(Page(item["file"], url, _read(path), item))
    return pages


def _l3s_gold(annotated: bytes) -> str:
    import lxml.html

    doc = lxml.html.fromstring(annotated)
    classes = ("x-nc-sel1", "x-nc-sel2", "x-nc-sel3")
    cond = " or ".join(f"@class='{c}'" for c in classes)
    spans = doc.xpath(f"//span[{cond}][not(ancestor::span[{cond}])]")
    return "\n".join(s.text_content() for s in spans)


def load_l3s(root: Path) -> list[Page]:
    pages = []
    for path in sorted((root / "l3s-gn1" / "original").glob("*.html")):
        ann = root / "l3s-gn1" / "annotated" / path.name
        if ann.exists():
            pages.append(Page(path.stem, None, path.read_bytes(), _l3s_gold(ann.read_bytes())))
    return pages


LOADERS: dict[str, Callable[[Path], list[Page]]] = {
    "zyte": load_zyte,
    "wcxb": load_wcxb,
    "trafilatura": load_trafilatura,
    "l3s-gn1": load_l3s,
}


# ---------------------------------------------------------------- tools


def tool_newsloom() -> Callable[[bytes, str | None], Output]:
    from newsloom.pipeline.extract import extract

    def run(data: bytes, url: str | None) -> Output:
        e = extract(data, url)
        return Output(e.text, e.title, iso_date(e.published), e.author)

    return run


def tool_trafilatura() -> Callable[[bytes, str | None], Output]:
    import trafilatura

    def run(data: bytes, url: str | None) -> Output:
        out = trafilatura.extract(
            data, url=url, include_comments=False, with_metadata=True, output_format="json"
        )
        if not out:
            return Output("")
        d = json.loads(out)
        return Output(d.get("text") or "", d.get("title"), d.get("date"), d.get("author"))

    return run


def _to_str(data: bytes) -> str:
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    return bytes_to_str(data, detect_encoding(data))


def tool_readability() -> Callable[[bytes, str | None], Output]:
    import lxml.html
    from readability import Document

    def run(data: bytes, url: str | None) -> Output:
        doc = Document(_to_str(data), url=url)
        summary = doc.summary(html_partial=True)
        text = " ".join(lxml.html.fromstring(summary).itertext()) if summary.strip() else ""
        return Output(text, doc.short_title())

    return run


def tool_resiliparse() -> Callable[[bytes, str | None], Output]:
    from resiliparse.extract.html2text import extract_plain_text

    def run(data: bytes, url: str | None) -> Output:
        return Output(extract_plain_text(_to_str(data), main_content=True))

    return run


TOOL_FACTORIES = {
    "newsloom": tool_newsloom,
    "trafilatura": tool_trafilatura,
    "readability": tool_readability,
    "resiliparse": tool_resiliparse,
}


# ---------------------------------------------------------------- running


@dataclass
class Result:
    score: Score
    seconds: float
    pages: int
    errors: int
    meta: dict[str, float] | None = None

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def run_set(
    name: str,
    pages: list[Page],
    tool: Callable[[bytes, str | None], Output],
    dump: Path | None = None,
) -> Result:
    metric: Any
    metric = {
        "zyte": ShingleMetric,
        "l3s-gn1": ShingleMetric,
        "wcxb": WordBagMetric,
        "trafilatura": SnippetMetric,
    }[name]()
    meta = MetaMetric() if name == "wcxb" else None
    elapsed = 0.0
    errors = 0
    per_page: list[tuple[str, float]] = []
    for page in pages:
        t0 = time.process_time()
        try:
            out = tool(page.data, page.url)
        except Exception:
            out = Output("")
            errors += 1
        elapsed += time.process_time() - t0
        if name == "trafilatura":
            f = metric.add(page.gold.get("with", []), page.gold.get("without", []), out.text)
        elif name == "wcxb":
            f = metric.add(page.gold.get("main_content") or "", out.text)
            assert meta is not None
            meta.add(page.gold, out.title, out.date, out.author)
        else:
            f = metric.add(page.gold, out.text)
        per_page.append((page.id, f))
        if dump is not None:
            (dump / f"{name}__{page.id}.txt").write_text(
                f"F1 {f:.3f}\nTITLE {out.title}\nDATE {out.date}\nAUTHOR {out.author}\n\n{out.text}"
            )
    if dump is not None:
        per_page.sort(key=lambda x: x[1])
        (dump / f"{name}__worst.txt").write_text("\n".join(f"{f:.3f} {pid}" for pid, f in per_page))
    return Result(metric.result(), elapsed, len(pages), errors, meta.result() if meta else None)


def sample(pages: list[Page], n: int | None) -> list[Page]:
    if not n or n >= len(pages):
        return pages
    step = len(pages) / n
    return [pages[int(i * step)] for i in range(n)]


def check_floors(results: dict[str, dict[str, Result]], floors_path: Path) -> list[str]:
    if not floors_path.exists():
        return []
    floors = json.loads(floors_path.read_text())
    drops = []
    for set_name, by_tool in results.items():
        res = by_tool.get("newsloom")
        floor = floors.get(set_name)
        if res is None or floor is None:
            continue
        if res.score.f1 < floor.get("f1", 0) - 1e-9:
            drops.append(f"{set_name}: F1 {res.score.f1:.4f} < floor {floor['f1']:.4f}")
        for key in ("title", "date", "author"):
            if res.meta and key in floor and res.meta[key] < floor[key] - 1e-9:
                drops.append(f"{set_name}: {key} {res.meta[key]:.4f} < floor {floor[key]:.4f}")
        if "pages_per_s" in floor and res.pages_per_s < floor["pages_per_s"]:
            drops.append(
                f"{set_name}: {res.pages_per_s:.0f} pages/s < floor {floor['pages_per_s']:.0f}"
            )
    return drops


def profile_benchmark(root: Path, set_names: list[str], min_pages: int = 3) -> None:
    """Learned site boilerplate: leave-one-out per host, F1 with vs without the profile."""
    from newsloom.pipeline.extract import SiteProfile, extract

    print(
        f"\nSite profiles (hosts with >= {min_pages} pages; profile learned from the host's "
        "other pages):"
    )
    print(
        f"{'set':<12} {'hosts':>5} {'pages':>5} {'F1 without':>10} {'F1 with':>8} "
        f"{'blocks removed/page':>20}"
    )
    for name in set_names:
        pages = LOADERS[name](root)
        by_host: dict[str, list[Page]] = defaultdict(list)
        for p in pages:
            if p.url:
                by_host[urlsplit(p.url).netloc.lower().removeprefix("www.")].append(p)
        groups = [g for g in by_host.values() if len(g) >= min_pages]
        if not groups:
            print(f"{name:<12} {0:>5} {0:>5} {'-':>10} {'-':>8} {'-':>20}")
            continue
        factory = {
            "zyte": ShingleMetric,
            "l3s-gn1": ShingleMetric,
            "wcxb": WordBagMetric,
            "trafilatura": SnippetMetric,
        }[name]
        without: Any = factory()
        with_: Any = factory()
        removed = 0
        n = 0
        for group in groups:
            plain = [extract(p.data, p.url) for p in group]
            for i, page in enumerate(group):
                prof = SiteProfile.learn([e for j, e in enumerate(plain) if j != i])
                withp = extract(page.data, page.url, profile=prof)
                removed += len(plain[i].blocks) - len(withp.blocks)
                n += 1
                for metric, e in ((without, plain[i]), (with_, withp)):
                    if name == "trafilatura":
                        metric.add(page.gold["with"], page.gold["without"], e.text)
                    elif name == "wcxb":
                        metric.add(page.gold.get("main_content") or "", e.text)
                    else:
                        metric.add(page.gold, e.text)
        print(
            f"{name:<12} {len(groups):>5} {n:>5} {without.result().f1:>10.3f} "
            f"{with_.result().f1:>8.3f} {removed / max(n, 1):>20.2f}"
        )


_SITE_BOILER = (
    "Support independent reporting: become a member today for less than the price of a coffee "
    "a week and read every story without limits.",
    "Top stories Swipe. Select. Stay informed.",
    "Our reporter has covered city hall, courts and transport for the paper since 2012 and "
    "lives by the river with two cats and far too many bicycles.",
    "Sign up for the morning briefing and get the five things you need to know before work, "
    "every weekday at seven.",
    "Corrections policy: we fix errors quickly and say so at the foot of the story. Write to "
    "the standards desk if you spot one.",
)


def _invented_page(site: int, gold: str, boiler: tuple[str, ...]) -> str:
    """One page of an invented site: the article's own paragraphs plus the site's repeated
    boxes, marked up with neutral class names so only repetition gives them away."""
    paragraphs = [p.strip() for p in gold.split("\n") if p.strip()]
    half = max(1, len(paragraphs) // 2)
    body = "".join(f"<p>{html_escape(p)}</p>" for p in paragraphs[:half])
    body += f"<div class='c{site}a'><p>{boiler[0]}</p></div>"
    body += "".join(f"<p>{html_escape(p)}</p>" for p in paragraphs[half:])
    body += "".join(f"<div class='c{site}b'><p>{b}</p></div>" for b in boiler[1:])
    return (
        f"<html><head><title>Story {site}</title></head><body><div class='x{site}'>"
        f"<div class='y{site}'>{body}</div></div></body></html>"
    )


def invented_site_benchmark(root: Path, sites: int = 10, per_site: int = 6) -> None:
    """Site profiles on invented multi-page sites built around real article texts (in memory)."""
    from newsloom.pipeline.extract import SiteProfile, extract

    pages = [p for p in load_wcxb(root) if (p.gold.get("main_content") or "").count("\n") >= 4]
    without, with_ = WordBagMetric(), WordBagMetric()
    removed = 0
    n = 0
    for site in range(sites):
        chunk = pages[site * per_site : (site + 1) * per_site]
        if len(chunk) < 3:
            break
        boiler = tuple(f"{b} ({site})" for b in _SITE_BOILER)
        htmls = [_invented_page(site, p.gold["main_content"], boiler) for p in chunk]
        plain = [extract(h) for h in htmls]
        for i, page in enumerate(chunk):
            profile = SiteProfile.learn([e for j, e in enumerate(plain) if j != i])
            learned = extract(htmls[i], profile=profile)
            removed += len(plain[i].blocks) - len(learned.blocks)
            n += 1
            without.add(page.gold["main_content"], plain[i].text)
            with_.add(page.gold["main_content"], learned.text)
    a, b = without.result(), with_.result()
    print(
        f"\nInvented sites ({sites} sites x {per_site} pages, wcxb article texts with 5 repeated "
        "boxes per site): word-bag F1 without profile "
        f"{a.f1:.3f} (P {a.precision:.3f}), with leave-one-out profile {b.f1:.3f} "
        f"(P {b.precision:.3f}); {removed / max(n, 1):.2f} blocks removed per page"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "dataset",
        nargs="?",
        default=os.environ.get("NEWSLOOM_EVAL_EXTRACTION"),
        help="DATASET_DIR (the extraction/ folder)",
    )
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--sample", type=int, default=None, help="evenly spaced N pages per set")
    ap.add_argument("--dump", type=Path, default=None, help="write per-page outputs here")
    ap.add_argument("--floors", type=Path, default=FLOORS)
    ap.add_argument("--profiles", action="store_true", help="also run the site-profile bench")
    args = ap.parse_args(argv)
    if not args.dataset:
        ap.error("give DATASET_DIR or set NEWSLOOM_EVAL_EXTRACTION")
    root = Path(args.dataset)
    set_names = [s for s in args.sets.split(",") if s]
    tool_names = [t for t in args.tools.split(",") if t]
    tools = {t: TOOL_FACTORIES[t]() for t in tool_names}
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Result]] = {}
    print(
        f"{'set':<12} {'tool':<12} {'pages':>5} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8} "
        f"{'err':>4}  metadata (title/date/author)"
    )
    for set_name in set_names:
        pages = sample(LOADERS[set_name](root), args.sample)
        results[set_name] = {}
        for tool_name, tool in tools.items():
            dump = args.dump / tool_name if args.dump else None
            if dump:
                dump.mkdir(exist_ok=True)
            res = run_set(set_name, pages, tool, dump)
            results[set_name][tool_name] = res
            s = res.score
            meta = ""
            if res.meta is not None and tool_name in ("newsloom", "trafilatura"):
                meta = (
                    f"{res.meta['title']:.3f} / {res.meta['date']:.3f} / {res.meta['author']:.3f}"
                )
            print(
                f"{set_name:<12} {tool_name:<12} {res.pages:>5} {s.f1:>6.3f} {s.precision:>6.3f} "
                f"{s.recall:>6.3f} {res.pages_per_s:>8.1f} {res.errors:>4}  {meta}",
                flush=True,
            )
    if "newsloom" in tools and "trafilatura" in tools:
        nl = sum(r["newsloom"].pages for r in results.values())
        nl_t = sum(r["newsloom"].seconds for r in results.values())
        tr_t = sum(r["trafilatura"].seconds for r in results.values())
        print(
            f"\nall sets: newsloom {nl / nl_t:.1f} pages/s, trafilatura {nl / tr_t:.1f} pages/s,"
            f" speed-up x{tr_t / nl_t:.1f}"
        )
    if not args.sample:
        drops = check_floors(results, args.floors)
        print("\nfloors: " + ("no drop" if not drops else "DROPS: " + "; ".join(drops)))
    if args.profiles:
        profile_benchmark(root, set_names)
        invented_site_benchmark(root)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
