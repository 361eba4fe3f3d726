"""The metadata elements found in one query match what one selector per kind finds."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsloom.pipeline.extract.landmarks import find_landmarks

PAGE = (
    '<!doctype html><html lang="en-GB"><head><title>Pier rebuilt | Gazette</title>'
    '<meta property="og:title" content="Pier rebuilt">'
    '<link rel="stylesheet" href="/site.css"><link rel="Canonical" href="/news/pier">'
    '<link rel="canonical" href="/other"><link rel="image_src" href="/pier.jpg">'
    '<script type="application/LD+JSON">{"@type": "NewsArticle"}</script>'
    '<script src="/app.js"></script></head>'
    '<body><h1>Gazette</h1><svg><title>Logo</title></svg><h1>Pier rebuilt</h1>'
    '<meta itemprop="datePublished" content="2024-05-04"><link rel="canonical" href="/b">'
    '<script type="application/ld+json">{"@type": "Person"}</script></body></html>'
)


def test_one_query_finds_what_each_selector_finds() -> None:
    tree = LexborHTMLParser(PAGE)
    marks = find_landmarks(tree)

    def same(a: object, b: object) -> bool:
        return getattr(a, "mem_id", None) == getattr(b, "mem_id", None)

    assert same(marks.html, tree.css_first("html"))
    assert same(marks.title, tree.css_first("title"))
    assert same(marks.canonical, tree.css_first('link[rel="canonical"]'))
    assert same(marks.image_src, tree.css_first('link[rel="image_src"]'))
    for found, query in (
        (marks.metas, "meta"),
        (marks.h1s, "h1"),
        (marks.ld_scripts, 'script[type*="ld+json"]'),
    ):
        assert [n.mem_id for n in found] == [n.mem_id for n in tree.css(query)]
    assert len(marks.ld_scripts) == 2
    assert marks.canonical is not None and marks.canonical.attributes["href"] == "/news/pier"


def test_a_page_without_them() -> None:
    marks = find_landmarks(LexborHTMLParser("<p>Only a paragraph.</p>"))
    assert marks.title is None and marks.canonical is None and marks.image_src is None
    assert marks.metas == [] and marks.h1s == [] and marks.ld_scripts == []
    assert marks.html is not None


def test_the_body_walk_finds_the_same_elements() -> None:
    from newsloom.pipeline.extract.clean import scan_body
    from newsloom.pipeline.extract.landmarks import landmarks_with

    in_body_only = PAGE.replace('<link rel="Canonical" href="/news/pier">', "").replace(
        '<link rel="canonical" href="/other">', ""
    )
    for page in (PAGE, in_body_only):
        tree = LexborHTMLParser(page)
        assert tree.body is not None
        queried = find_landmarks(tree)
        walked = landmarks_with(tree, scan_body(tree.body).marks)
        for a, b in (
            (queried.metas, walked.metas),
            (queried.h1s, walked.h1s),
            (queried.ld_scripts, walked.ld_scripts),
            ([queried.html, queried.title, queried.canonical, queried.image_src],
             [walked.html, walked.title, walked.canonical, walked.image_src]),
        ):
            assert [getattr(n, "mem_id", None) for n in a] == [
                getattr(n, "mem_id", None) for n in b
            ]
    assert walked.canonical is not None and walked.canonical.attributes["href"] == "/b"
