"""The JSON contract (``schema-v1.json``) as OpenAPI components, so that ``/openapi.json`` says
exactly what ``POST /api/v1/check`` returns: the report is ``components/schemas/Report``, each of
its ``$defs`` a ``Report_<name>`` beside it (the references rewritten to match)."""

from __future__ import annotations

import copy
from typing import Any

from copydesk.http.errors import ERROR_SCHEMA

REPORT = "Report"
_PREFIX = "#/$defs/"


def report_components() -> dict[str, Any]:
    """``{"Report": ..., "Report_article": ..., ...}`` from the shipped schema file."""
    from copydesk.report.schema import load_schema

    schema = copy.deepcopy(load_schema())
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):  # an $id would move the base the references resolve against
        schema.pop(key, None)
    components = {REPORT: _rewrite(schema)}
    for name, definition in defs.items():
        components[f"{REPORT}_{name}"] = _rewrite(definition)
    return components


def _rewrite(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(_PREFIX):
                out[key] = f"#/components/schemas/{REPORT}_{value[len(_PREFIX):]}"
            else:
                out[key] = _rewrite(value)
        return out
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    return node


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(name: str) -> dict[str, Any]:
    return {"application/json": {"schema": ref(name)}}


def add_components(openapi: dict[str, Any], *, bearer: bool = False) -> dict[str, Any]:
    components = openapi.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.update(report_components())
    schemas["Error"] = ERROR_SCHEMA
    if bearer:
        components.setdefault("securitySchemes", {})["bearer"] = {
            "type": "http", "scheme": "bearer",
            "description": "The server's token (copydesk serve --token, $COPYDESK_TOKEN); "
                           "writes need it whenever the server has one.",
        }
    return openapi
