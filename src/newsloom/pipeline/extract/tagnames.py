"""Tag names by lexbor tag id, for loops over every element of a page.

Asking a node for its numeric tag id and looking the name up here costs about half of asking
it for its name (which builds a new string each time). lexbor's own tags have small fixed ids;
custom elements get large ids that differ from page to page, so only small ids are remembered.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

_NAMES: dict[int, str] = {}
_FIXED_IDS = 1 << 16


def tag_names() -> dict[int, str]:
    """The shared id -> name table (read with ``.get(node.tag_id) or learn(node)``)."""
    return _NAMES


def learn(node: LexborNode) -> str:
    """The node's tag name, remembered by id when the id is one of lexbor's own."""
    name = node.tag or ""
    tid = node.tag_id
    if is_fixed(tid):
        _NAMES[tid] = name
    return name


def is_fixed(tag_id: int) -> bool:
    """Whether a tag id is one of lexbor's own (the same on every page), so that what is
    worked out from a tag can be remembered by its id."""
    return tag_id < _FIXED_IDS
