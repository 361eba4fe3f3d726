"""/docs: the API reference, rendered on the server from the app's own OpenAPI document, so it
works offline with no script from a CDN. The machine-readable document is /openapi.json."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from newsloom.web.views import render

router = APIRouter(include_in_schema=False)

_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[dict[str, str]] = field(default_factory=list)
    body: str | None = None
    responses: list[tuple[str, str, str | None]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"{self.method}-" + "".join(c if c.isalnum() else "-" for c in self.path)


def _ref_name(schema: dict[str, Any] | None) -> str | None:
    if not schema:
        return None
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        inner = _ref_name(schema.get("items"))
        return f"list of {inner}" if inner else "list"
    return str(schema.get("type")) if schema.get("type") else None


def _type_of(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type_of(s) for s in schema["anyOf"])
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_type_of(schema.get('items', {}))}"
    kind = str(schema.get("type", "object"))
    if schema.get("format") == "date-time":
        kind = "date-time"
    return kind


def operations(spec: dict[str, Any]) -> dict[str, list[Operation]]:
    """Operations grouped by their first tag, in the document's order."""
    groups: dict[str, list[Operation]] = {}
    for path, item in spec.get("paths", {}).items():
        for method in _METHODS:
            op = item.get(method)
            if not op:
                continue
            params = [
                {"name": p["name"], "in": p["in"], "required": "yes" if p.get("required") else "",
                 "type": _type_of(p.get("schema", {})),
                 "about": p.get("description") or p.get("schema", {}).get("description", "")}
                for p in op.get("parameters", [])
            ]  # fmt: skip
            body_schema = (
                op.get("requestBody", {}).get("content", {}).get("application/json", {})
                .get("schema")
            )  # fmt: skip
            responses = [
                (code, r.get("description", ""),
                 _ref_name(r.get("content", {}).get("application/json", {}).get("schema")))
                for code, r in op.get("responses", {}).items()
            ]  # fmt: skip
            tag = (op.get("tags") or ["other"])[0]
            groups.setdefault(tag, []).append(Operation(
                method=method.upper(), path=path, summary=op.get("summary", ""),
                description=op.get("description", ""), parameters=params,
                body=_ref_name(body_schema), responses=responses,
            ))  # fmt: skip
    return groups


def models(spec: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(name, description, [(field, type, description)]) of every schema."""
    out = []
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        fields = [
            (key, _type_of(prop), str(prop.get("description", "")))
            for key, prop in schema.get("properties", {}).items()
        ]
        out.append((name, str(schema.get("description", "")), fields))
    return out


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    spec = request.app.openapi()
    return render(request, "docs.html", {
        "title": "API reference",
        "info": spec.get("info", {}),
        "groups": operations(spec),
        "models": models(spec),
        "example_error": json.dumps(
            {"error": {"code": "not_found", "message": "there is no article 99",
                       "detail": {}}}, indent=2),
    })  # fmt: skip
