"""JSON responses and the one shape of every error: ``{"error": {"kind", "message"[, "detail"]}}``.

A schema-1 report of an input that failed has the same ``error`` object (and the report's other
fields), so a client reads ``body["error"]["kind"]`` whatever refused its request.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse

#: HTTP status of a schema-1 report whose input failed, by the error's kind (see docs/cli.md,
#: "Failing inputs"): the input's own fault is 4xx; a budget or a crash of the checking worker is
#: 503/504; an input the analysis or checks failed on is 422 (the server is well; that input
#: cannot be processed). Kinds not listed are 422.
REPORT_ERROR_STATUS = {
    "empty": 400,
    "encoding": 400,
    "binary": 400,
    "parse": 422,
    "no-article": 422,
    "language": 422,
    "too-large": 413,
    "analysis": 422,
    "checks": 422,
    "output": 422,
    "crash": 503,
}


def report_error_status(kind: str, message: str) -> int:
    if kind == "budget":
        return 504 if message.startswith("stopped after") else 503
    return REPORT_ERROR_STATUS.get(kind, 422)


class JSON(JSONResponse):
    """JSON in UTF-8 with the characters kept, as ``copydesk check -f json`` writes it; a string
    UTF-8 cannot hold (a lone surrogate) is written as its ``\\uXXXX`` escape instead."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(content, ensure_ascii=True, allow_nan=False,
                              separators=(",", ":")).encode("ascii")


def error_body(kind: str, message: str, detail: Any = None) -> dict[str, Any]:
    error: dict[str, Any] = {"kind": kind, "message": message}
    if detail is not None:
        error["detail"] = detail
    return {"error": error}


def error_response(
    status: int, kind: str, message: str, *, detail: Any = None,
    headers: dict[str, str] | None = None,
) -> JSON:
    return JSON(error_body(kind, message, detail), status_code=status, headers=headers)


#: The OpenAPI schema of an error body (components/schemas/Error).
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["kind", "message"],
            "properties": {
                "kind": {"type": "string", "description": "What went wrong, in one word: "
                         "validation, json, empty, too-large, content-type, cross-site, host, "
                         "unauthorized, not-found, method, busy, budget, ..."},
                "message": {"type": "string"},
                "detail": {"description": "For validation errors: one entry per problem, with "
                           "its location in the request (loc) and message (msg)."},
            },
        },
    },
}
