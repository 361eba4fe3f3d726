"""Credits of invented news texts: bylines, credit lines, photo credits and a dateline's agency
are taken out; the rest of the text stays."""

from __future__ import annotations

from newsloom.pipeline.hashtags_credits import without_credits


def test_bylines_credit_lines_and_photo_credits_go() -> None:
    text = (
        "By Ada Quill and Olle Brandt\n"
        "The harbour reopened. Mara Lindqvist/Reuters Crews cleared the pier.\n"
        "(Reporting by Ada Quill; Editing by Tom Ardent)"
    )
    out = without_credits(text)
    for gone in ("Ada Quill", "Olle Brandt", "Lindqvist/Reuters", "Tom Ardent"):
        assert gone not in out
    assert "The harbour reopened." in out and "Crews cleared the pier." in out


def test_a_datelines_agency_goes_but_an_acronym_in_the_text_stays() -> None:
    out = without_credits(
        "KESSA, Valdoria (Reuters) - The Harbour Safety Agency (HSA) said the pier was safe. "
        "By 2030 the port will double. (AFP)"
    )
    assert "(Reuters)" not in out and "(AFP)" not in out
    assert "(HSA)" in out and "By 2030" in out and "KESSA, Valdoria" in out
