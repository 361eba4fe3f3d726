"""Duplicates: exact copies, wire copy republished, edits, different texts; canonical copy;
originator detection. All texts are invented for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsloom.pipeline.dedup import (
    Copy,
    DuplicateKind,
    Fingerprint,
    attribution,
    band_keys,
    choose_canonical,
    compare,
    content_hash,
    detect_originator,
    fingerprint,
    minhash,
    normalize_text,
)

WIRE = (
    "VALDERRA (AFP) — The harbour authority of Valderra closed the northern pier on Tuesday "
    "after a storm tore away part of the breakwater, leaving three fishing boats stranded. "
    "Officials said repairs would take at least two weeks and cost about four million euros. "
    "Fishermen gathered outside the harbour office to ask for compensation, and the mayor "
    "promised an emergency fund by the end of the month. Ferries to the islands were moved "
    "to the southern quay, where passengers waited for hours in the rain."
)
OTHER = (
    "The city library of Ostrava-Nord will open on Sundays from next spring, its director "
    "announced, after a petition signed by two thousand readers. The reading rooms will also "
    "stay open until ten in the evening during exam season, and a new children's corner is "
    "planned on the ground floor with books in four languages."
)


def test_normalisation_ignores_case_punctuation_and_quotes() -> None:
    assert normalize_text("  “Hello”,   WORLD!\n") == normalize_text('"hello" world')
    assert content_hash("The Pier — closed.") == content_hash("the pier - CLOSED")
    assert content_hash("The pier closed.") != content_hash("The pier opened.")


def test_exact_copy_under_another_url_is_exact() -> None:
    verdict = compare(fingerprint("Pier closed", WIRE), fingerprint("Storm hits pier", WIRE))
    assert verdict.kind is DuplicateKind.EXACT
    assert verdict.similarity == 1.0


def test_republished_wire_copy_with_small_edits_is_near_duplicate() -> None:
    edited = WIRE.replace("on Tuesday", "on Tuesday morning").replace("four", "4")
    verdict = compare(fingerprint(None, WIRE), fingerprint(None, edited))
    assert verdict.kind is DuplicateKind.NEAR_DUPLICATE
    assert verdict.is_duplicate


def test_cut_copy_with_a_new_paragraph_is_an_edited_republication() -> None:
    sentences = WIRE.split(". ")
    cut = ". ".join(sentences[:3]) + ". Our reporter visited the quay on Wednesday evening."
    verdict = compare(fingerprint(None, WIRE), fingerprint(None, cut))
    assert verdict.kind is DuplicateKind.EDITED
    assert 0.2 < verdict.similarity < 0.8


def test_different_articles_are_different() -> None:
    verdict = compare(fingerprint(None, WIRE), fingerprint(None, OTHER))
    assert verdict.kind is DuplicateKind.DIFFERENT
    assert not verdict.is_duplicate
    assert verdict.similarity < 0.2


def test_fingerprint_is_compact_stable_and_storable() -> None:
    fp = fingerprint("t", WIRE)
    again = fingerprint("t", WIRE)
    assert fp == again
    assert -(2**63) <= fp.simhash < 2**63
    assert len(fp.minhash) == 32 and all(0 <= v < 2**32 for v in fp.minhash)
    assert len(fp.band_keys) == 8 and len(set(fp.band_keys)) == 8
    # rebuilt from stored columns, it compares the same
    stored = Fingerprint(fp.content_hash, fp.simhash, tuple(fp.minhash), fp.band_keys, fp.length)
    assert compare(stored, fingerprint(None, WIRE)).kind is DuplicateKind.EXACT


def test_near_duplicates_share_a_band_key_and_different_texts_do_not() -> None:
    edited = WIRE.replace("three fishing boats", "3 fishing boats")
    assert set(band_keys(minhash(WIRE))) & set(band_keys(minhash(edited)))
    assert not set(band_keys(minhash(WIRE))) & set(band_keys(minhash(OTHER)))


def test_empty_body_falls_back_to_title() -> None:
    a = fingerprint("Storm closes Valderra pier", "")
    b = fingerprint("Storm closes Valderra pier", "  ")
    assert compare(a, b).kind is DuplicateKind.EXACT
    assert a.length == 4


@pytest.mark.parametrize(
    ("text", "byline", "expected"),
    [
        ("VALDERRA (AFP) — The harbour closed.", None, "AFP"),
        ("LONDON (Reuters) - Shares fell on Monday.", None, "Reuters"),
        ("The bridge reopened after repairs. — AP", None, "AP"),
        ("The bridge reopened.", "Associated Press", "AP"),
        ("The bridge reopened.", "By Mira Holt, Reuters", "Reuters"),
        ("Photo and story via AFP. The bridge reopened.", None, "AFP"),
        ("Shares fell. (Reporting by Ana Ruiz; Editing by Tom Bell)", None, "Reuters"),
        ("Reuters reported that the deal collapsed last week.", None, None),
        ("The mayor spoke to reporters at the bridge.", "Mira Holt", None),
        # an agency the list does not know, named by an opening dateline in capitals
        ("BRENNHOLT (Nordwire) — Nine workers were freed.", "Nordwire", "Nordwire"),
        ("OSTMARK, May 4 (Nordwire) - The ferry sailed.", None, "Nordwire"),
        ("Brennholt (Nordwire) — Nine workers were freed.", None, None),
        ("OSTMARK (the council says) — nothing changed.", None, None),
        ("The mayor (Civic Union) — re-elected on Sunday — spoke.", None, None),
    ],
)
def test_originator_detection(text: str, byline: str | None, expected: str | None) -> None:
    assert detect_originator(text, byline) == expected


def test_attribution_reads_agency_via_outlet() -> None:
    assert attribution("AFP", "Straits Times") == "AFP via Straits Times"
    assert attribution("Reuters", "Reuters") == "Reuters"
    assert attribution(None, "Straits Times") == "Straits Times"


def test_canonical_copy_is_the_earliest_then_the_originating_outlet() -> None:
    t1 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    t2 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    copies = [
        Copy("late", t2, "Straits Times", "AFP"),
        Copy("early", t1, "Straits Times", "AFP"),
        Copy("undated", None, "AFP", "AFP"),
    ]
    assert choose_canonical(copies).id == "early"
    same_time = [Copy("outlet", t1, "Straits Times", "AFP"), Copy("agency", t1, "AFP", "AFP")]
    assert choose_canonical(same_time).id == "agency"
    with pytest.raises(ValueError):
        choose_canonical([])
