"""The published JSON Schema (draft 2020-12) of the schema-1 output object, and a validator.

    >>> from copydesk.report.schema import validate
    >>> validate(report.to_dict())          # doctest: +SKIP   (raises ValidationError if wrong)
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

SCHEMA_FILE = "schema-v1.json"


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The schema as a dict (read once per process from the installed package)."""
    return json.loads(files("copydesk.report").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def validator():
    """A ``jsonschema`` validator for schema-1 objects."""
    from jsonschema import Draft202012Validator

    schema = load_schema()
    return Draft202012Validator(schema)


def validate(instance: Any) -> None:
    """Raise ``jsonschema.ValidationError`` when ``instance`` is not a valid schema-1 object."""
    validator().validate(instance)
