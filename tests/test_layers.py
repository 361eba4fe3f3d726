"""The dependency rule, read from the source with `ast` (nothing is imported): the domain and
pipeline know no database, HTTP, web or CLI library and no outer newsloom layer; services know no
database, HTTP or web library."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsloom"

INNER_FORBIDDEN = (
    "sqlalchemy", "httpx", "fastapi", "starlette", "uvicorn", "alembic", "psycopg", "click",
    "newsloom.storage", "newsloom.adapters", "newsloom.services", "newsloom.web",
    "newsloom.cli", "newsloom.jobs",
)
SERVICES_FORBIDDEN = ("sqlalchemy", "httpx", "fastapi", "starlette")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str | None, level: int, importer: Path) -> str:
    if level == 0:
        return module or ""
    package = _module_name(importer).split(".")
    if importer.name != "__init__.py":
        package.pop()
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(path: Path) -> Iterator[tuple[str, int, bool]]:
    """(imported module, line, only under `if TYPE_CHECKING:`) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    guarded: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for inner in node.body:
                guarded.update(id(n) for n in ast.walk(inner))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno, id(node) in guarded
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module, node.level, path)
            yield base, node.lineno, id(node) in guarded
            for alias in node.names:  # `from newsloom import storage` imports a layer too
                yield f"{base}.{alias.name}", node.lineno, id(node) in guarded
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            yield node.args[0].value, node.lineno, False


def _hits(name: str, forbidden: tuple[str, ...]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in forbidden)


def _files(layer: str) -> list[Path]:
    files = sorted((SRC / layer).rglob("*.py"))
    assert files, f"no modules found under {layer}"
    return files


def _violations(layer: str, forbidden: tuple[str, ...], allow_type_checking: tuple[str, ...] = (),
                allowed: tuple[str, ...] = ()) -> list[str]:
    found = []
    for path in _files(layer):
        for name, line, type_only in imports(path):
            if not _hits(name, forbidden) or _hits(name, allowed):
                continue
            if type_only and _hits(name, allow_type_checking):
                continue
            found.append(f"{path.relative_to(SRC.parent)}:{line} imports {name}")
    return found


@pytest.mark.parametrize("layer", ["domain", "pipeline"])
def test_inner_layers_import_no_infrastructure_or_outer_layer(layer: str) -> None:
    assert _violations(layer, INNER_FORBIDDEN) == []


def test_services_import_no_database_http_or_web_library() -> None:
    assert _violations(
        "services",
        (*SERVICES_FORBIDDEN, "newsloom.storage", "newsloom.web", "newsloom.cli"),
        allow_type_checking=("newsloom.storage",),
        allowed=("newsloom.adapters.http",),
    ) == []


def test_the_checker_sees_every_import_form(tmp_path: Path) -> None:
    fake = tmp_path / "mod.py"
    fake.write_text(
        "import sqlalchemy.orm\n"
        "from httpx import Client\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from newsloom.storage.store import Store\n"
        "def f() -> None:\n"
        "    import click\n"
        "    importlib.import_module('fastapi')\n",
        encoding="utf-8",
    )
    found = {(name, type_only) for name, _, type_only in imports(fake)}
    assert ("sqlalchemy.orm", False) in found
    assert ("httpx", False) in found
    assert ("newsloom.storage.store", True) in found
    assert ("click", False) in found
    assert ("fastapi", False) in found


def test_relative_imports_are_resolved() -> None:
    importer = SRC / "services" / "ingest.py"
    assert _resolve("storage.store", 2, importer) == "newsloom.storage.store"
    assert _resolve("clock", 1, importer) == "newsloom.services.clock"
    assert _resolve(None, 1, SRC / "services" / "__init__.py") == "newsloom.services"
