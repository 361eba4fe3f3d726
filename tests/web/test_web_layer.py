"""The web layer reaches data only through the services: no database library, no storage."""

from __future__ import annotations

import ast
from pathlib import Path

import newsloom.web

WEB = Path(newsloom.web.__file__).parent
FORBIDDEN = ("sqlalchemy", "newsloom.storage", "newsloom.adapters", "psycopg", "sqlite3")


def _imported(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, node.lineno))
            found += [(f"{node.module}.{alias.name}", node.lineno) for alias in node.names]
    return found


def test_web_code_uses_services_only() -> None:
    files = sorted(WEB.rglob("*.py"))
    assert len(files) > 5
    bad = [
        f"{path.name}:{line} imports {name}"
        for path in files
        for name, line in _imported(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert bad == []


def test_templates_never_mark_content_safe() -> None:
    for template in (WEB / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", ""), template.name
        assert "autoescape false" not in text, template.name
