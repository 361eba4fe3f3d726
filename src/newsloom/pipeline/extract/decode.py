"""Bytes to text: pick the encoding of an HTML page when BOM, <meta> and content disagree.

Order of trust: a byte-order mark; then valid UTF-8 (a page that decodes cleanly as UTF-8 and has
non-ASCII bytes is UTF-8 whatever its <meta> says); then the charset declared in <meta>; then
windows-1252, which never fails. Binary data (images, PDFs, archives) is refused.
"""

from __future__ import annotations

import codecs
import re

from newsloom.errors import ExtractionError

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Pages larger than this are refused outright (the largest real article pages are a few MB)."""

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.IGNORECASE
)

# WHATWG encoding-label aliases that Python spells differently or handles too strictly.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "utf8": "utf-8",
    "unicode": "utf-8",
    "utf-16": "utf-8",  # a page that says utf-16 in ASCII bytes is not UTF-16
}

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable file"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
)


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])
_HIGH_BYTES = bytes(range(128, 256))


def _declared(head: bytes) -> str | None:
    m = _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _looks_binary(head: bytes) -> str | None:
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    sample = head[:4096]
    if not sample:
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) * 0.05:
        return "binary data"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:2048]
    if len(sample) < 8:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zero > half * 0.6 and even_zero < half * 0.1:
        return "utf-16-le"
    if even_zero > half * 0.6 and odd_zero < half * 0.1:
        return "utf-16-be"
    return None


def decode_html(data: bytes | str) -> str:
    """Decode a page to text, or raise ExtractionError if it is not text at all."""
    return decode_page(data)[0]


def decode_page(data: bytes | str) -> tuple[str, bytes | None]:
    """Decode a page to text, or raise ExtractionError if it is not text at all.

    Also gives the page's bytes when they are exactly the UTF-8 encoding of that text (a
    parser can then read them as they are), else None.
    """
    if isinstance(data, str):
        if len(data) > MAX_INPUT_BYTES:
            raise ExtractionError(
                f"The page is too large to extract ({len(data) // 1_000_000} MB of text)."
            )
        return data.replace("\x00", ""), None
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ExtractionError("The page must be given as bytes or text.")
    if not isinstance(data, bytes):
        data = bytes(data)
    if len(data) > MAX_INPUT_BYTES:
        raise ExtractionError(f"The page is too large to extract ({len(data) // 1_000_000} MB).")
    if not data:
        return "", None
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace").replace("\x00", ""), None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, "replace").replace("\x00", ""), None
    binary = _looks_binary(data[:8192])
    if binary:
        raise ExtractionError(f"This is not an HTML page: it looks like {binary}.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _declared(data[:8192])
        if declared and declared != "utf-8":
            try:
                text = data.decode(declared, "replace")
            except (LookupError, ValueError):
                text = data.decode("cp1252", "replace")
        else:
            text = _decode_mostly_utf8(data)
        return (text.replace("\x00", "") if b"\x00" in data else text), None
    if b"\x00" in data:
        return text.replace("\x00", ""), None
    return text, data


def _decode_mostly_utf8(data: bytes) -> str:
    """No usable declaration and not clean UTF-8: UTF-8 if most high bytes fit it, else cp1252."""
    bad = data.decode("utf-8", "replace").count("\ufffd")
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high and bad <= max(2, high // 50):
        return data.decode("utf-8", "replace")
    return data.decode("cp1252", "replace")
