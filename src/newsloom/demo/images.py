"""Small generated lead images: SVG for most outlets, PNG for one (no image libraries)."""

from __future__ import annotations

import struct
import zlib
from html import escape

from newsloom.demo.chrome import stable_number


def _palette(key: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    n = stable_number(key)
    first = (40 + n % 120, 60 + (n >> 8) % 120, 90 + (n >> 16) % 140)
    second = (200 - first[0] // 2, 180 - first[1] // 3, 120 + first[2] // 3)
    return first, second


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def svg_image(key: str, label: str = "") -> bytes:
    """A 800x450 landscape: sky gradient, sea band, a few shapes from the key."""
    top, bottom = _palette(key)
    n = stable_number(key, "shapes")
    shapes = "".join(
        f'<circle cx="{80 + (n >> (i * 3)) % 640}" cy="{90 + (n >> (i * 2)) % 150}" '
        f'r="{18 + (n >> i) % 40}" fill="#ffffff" fill-opacity="0.{2 + i}"/>'
        for i in range(4)
    )
    text = escape(label or key.replace("-", " "), quote=True)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">'
        f"<title>{text}</title>"
        '<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{_hex(top)}"/><stop offset="1" stop-color="{_hex(bottom)}"/>'
        '</linearGradient></defs><rect width="800" height="450" fill="url(#g)"/>'
        f'{shapes}<rect y="330" width="800" height="120" fill="{_hex(top)}" fill-opacity="0.7"/>'
        "</svg>"
    )
    return svg.encode("utf-8")


def png_image(key: str, width: int = 160, height: int = 90) -> bytes:
    """A small vertical-gradient PNG (truecolour, 8 bits per channel)."""
    top, bottom = _palette(key)
    rows = bytearray()
    for y in range(height):
        t = y / max(height - 1, 1)
        pixel = bytes(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        rows += b"\x00" + pixel * width

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )
