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
        text = text.replace("\x00", "")
        return repair_double_encoding(text, data), None
    repaired = repair_double_encoding(text, data)
    return repaired, (data if repaired is text else None)


# UTF-8 read as latin-1 or windows-1252 and saved as UTF-8 again: "’" became "â\x80\x99" (or
# "â€™"), "é" became "Ã©", a no-break space "Â\xa0". These byte pairs are what such text starts
# with; real text almost never has them.
_DOUBLE_ENCODED_MARK = re.compile(rb"\xc3(?:\xa2(?:\xc2\x80|\xe2\x82\xac)|[\x82\x83]\xc2)")
# The characters a UTF-8 continuation byte (0x80-0xbf) becomes when read as windows-1252.
_CP1252_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", "replace") for b in range(0x80, 0xC0)
).replace("\ufffd", "")
_CONTINUATION = f"[\x80-\xbf{re.escape(_CP1252_CONTINUATION)}]"
_DOUBLE_ENCODED = re.compile(
    f"[\xc2-\xdf]{_CONTINUATION}|[\xe0-\xef]{_CONTINUATION}{{2}}|[\xf0-\xf4]{_CONTINUATION}{{3}}"
)


def repair_double_encoding(text: str, data: bytes) -> str:
    """Undo UTF-8 text encoded twice (a page saved through a latin-1 or windows-1252 step):
    each run of characters whose latin-1/windows-1252 bytes are one UTF-8 character becomes
    that character. Only on a page that shows the tell-tale pairs more than once; returns the
    same object when there is nothing to repair."""
    if b"\xc3" not in data:  # every mark starts with it (ASCII pages included)
        return text
    marks = _DOUBLE_ENCODED_MARK.finditer(data)
    if next(marks, None) is None or next(marks, None) is None:
        return text
    repaired = _DOUBLE_ENCODED.sub(_one_character, text)
    return text if repaired == text else repaired


def _one_character(match: re.Match[str]) -> str:
    chars = match.group()
    try:
        raw = bytes(ord(c) if ord(c) < 0x100 else c.encode("cp1252")[0] for c in chars)
        return raw.decode("utf-8")
    except (UnicodeError, ValueError):
        return chars


def _decode_mostly_utf8(data: bytes) -> str:
    """No usable declaration and not clean UTF-8: UTF-8 if most high bytes fit it, else cp1252."""
    bad = data.decode("utf-8", "replace").count("\ufffd")
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high and bad <= max(2, high // 50):
        return data.decode("utf-8", "replace")
    return data.decode("cp1252", "replace")
