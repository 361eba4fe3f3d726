"""Bytes in any encoding: BOM, <meta charset> and the bytes themselves may disagree."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from extract_pages import ARTICLE_PARAGRAPHS, article_html

from newsloom.errors import ExtractionError
from newsloom.pipeline.extract import extract
from newsloom.pipeline.extract.decode import decode_html

TEXT = (
    "Der Bürgermeister von Wenlow äußerte sich am Dienstag über die Größe der neuen Mole, "
    "die im Frühjahr gebaut wird, und über die Kosten für die Gemeinde."
)


def page(charset: str | None, text: str = TEXT) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<html><head>{meta}<title>Mole</title></head>"
        f"<body><article><p>{text}</p></article></body></html>"
    )


def test_utf8_declared_utf8() -> None:
    assert extract(page("utf-8").encode("utf-8")).text == TEXT


def test_latin1_declared_latin1() -> None:
    assert extract(page("iso-8859-1").encode("latin-1")).text == TEXT


def test_utf8_bytes_mislabelled_as_latin1() -> None:
    assert extract(page("iso-8859-1").encode("utf-8")).text == TEXT


def test_cp1252_bytes_mislabelled_as_utf8() -> None:
    text = (
        "Quotes \u201clike these\u201d and a dash \u2013 in the mayor\u2019s statement "
        "about the pier."
    )
    result = extract(page("utf-8", text).encode("cp1252"))
    assert result.text == text


def test_cp1252_bytes_without_declaration() -> None:
    result = extract(page(None).encode("cp1252"))
    assert result.text == TEXT


def test_utf8_bom_overrides_meta() -> None:
    data = codecs.BOM_UTF8 + page("windows-1251").encode("utf-8")
    assert extract(data).text == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert extract(bom + page("utf-16").encode(codec)).text == TEXT


def test_utf16_without_bom() -> None:
    assert extract(page(None).encode("utf-16-le")).text == TEXT


def test_shift_jis_declared() -> None:
    text = (
        "ウェンロウ市議会は火曜日、古い石の桟橋を再建することを決めました。"
        "工事は春に始まる予定です。"
    )
    data = page("shift_jis", text).encode("cp932")
    result = extract(data)
    assert result.text == text
    assert result.language == "ja"


def test_koi8r_declared_in_http_equiv() -> None:
    text = "Городской совет решил во вторник перестроить старый каменный причал у гавани."
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f"</head><body><p>{text}</p></body></html>"
    )
    assert extract(html.encode("koi8-r")).text == text


def test_unknown_declared_charset_falls_back() -> None:
    assert extract(page("x-made-up-charset").encode("utf-8")).text == TEXT


def test_str_input_is_used_as_is() -> None:
    assert extract(page("iso-8859-1")).text == TEXT


def test_nul_bytes_inside_text_are_dropped() -> None:
    data = page("utf-8").encode("utf-8").replace(b"Mole</title>", b"Mo\x00le</title>")
    assert extract(data).title == "Mole"


def test_binary_is_refused_by_decoder() -> None:
    with pytest.raises(ExtractionError, match="not an HTML page"):
        decode_html(bytes(range(256)) * 40)


def test_utf8_encoded_twice_is_repaired() -> None:
    text = "The investor\u2019s guide \u2014 a caf\u00e9 on the pier costs \u00a31 and \u20ac2."
    twice = page("utf-8", text).encode("utf-8").decode("latin-1").encode("utf-8")
    assert extract(twice).text == text


def test_utf8_encoded_twice_through_cp1252_is_repaired() -> None:
    text = "The mayor\u2019s \u201cnew pier \u2013 and the caf\u00e9\u2019s terrace."
    twice = page("utf-8", text).encode("utf-8").decode("cp1252").encode("utf-8")
    assert extract(twice).text == text


def test_text_that_only_looks_double_encoded_once_is_kept() -> None:
    text = (
        "A page about mojibake: the letters \u00c3\u00a9 stand for a broken \u00e9 in Stra\u00dfe."
    )
    assert extract(page("utf-8", text).encode("utf-8")).text == text


def test_text_and_title_come_out_in_composed_unicode() -> None:
    decomposed = "Cafe\u0301 owners in Sa\u0303o Tome\u0301 celebrate"  # "é" as two code points
    paragraphs = tuple(f"{decomposed}: {p}" for p in ARTICLE_PARAGRAPHS)
    result = extract(article_html(title=decomposed, paragraphs=paragraphs))
    composed = unicodedata.normalize("NFC", decomposed)
    assert result.title == composed
    assert result.blocks[0].text.startswith(composed)
    assert all(unicodedata.is_normalized("NFC", b.text) for b in result.blocks)
