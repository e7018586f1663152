"""The JSON contract on real runs: the project's fixture articles (``tests/fixtures/articles``,
short news texts with planted errors) make every built-in check fire, and every report the CLI
prints validates against ``schema-v1.json`` and names no field the schema does not describe."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from copydesk.checks.registry import _CHECK_ID, Registry
from copydesk.cli.main import main
from copydesk.report.schema import load_schema, validate

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
BUILTIN = Registry.default(plugins=False).ids()


@pytest.fixture(scope="module")
def objects(desk) -> list[dict[str, Any]]:
    out = io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(out):
        code = main(["check", "-f", "jsonl", str(FIXTURES)], desk=desk, stdin=io.BytesIO())
    assert code == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_fixtures_are_all_read(objects):
    assert len(objects) == len(list(FIXTURES.glob("*.txt"))) >= 2
    assert all(obj["error"] is None for obj in objects)


@pytest.fixture(scope="module")
def styled(desk) -> list[dict[str, Any]]:
    """The house-style example under its config: the style.* checks fire only with a house style."""
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["check", "-f", "jsonl", "--config", str(ROOT / "examples" / "copydesk.toml"),
                     str(ROOT / "examples" / "house-style.txt")], desk=desk, stdin=io.BytesIO())
    assert code == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("check_id", BUILTIN)
def test_every_builtin_check_fires_on_the_fixtures(objects, styled, check_id):
    fired = {c for obj in objects + styled for f in obj["findings"] for c in f["checks"]}
    assert check_id in fired, f"no fixture article in {FIXTURES} makes {check_id} fire"


def test_every_report_validates_against_the_schema(objects):
    for obj in objects:
        validate(obj)


def test_every_emitted_field_is_in_the_schema(objects):
    schema = load_schema()
    problems = [p for obj in objects for p in undocumented(obj, schema, schema, "$")]
    assert not problems, problems


def test_spans_point_into_the_text(objects):
    for obj in objects:
        text = obj["article"]["text"]
        for kind in ("findings", "quotes", "claims", "times", "quantities"):
            for item in obj[kind]:
                assert text[item["start"] : item["end"]] == item["text"], (kind, item)
        for entity in obj["entities"]:
            for mention in entity["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]


def test_a_spelling_finding_validates(objects):
    spelling = [f for obj in objects for f in obj["findings"] if f["check"] == "spelling"]
    assert spelling and all("." not in f["check"] for f in spelling)  # the id that broke v1


def test_merged_and_capped_findings_are_in_the_fixtures(objects):
    findings = [f for obj in objects for f in obj["findings"]]
    assert any(len(f["checks"]) > 1 for f in findings), "no two checks met on one span"
    assert any("rated" in f for f in findings), "the default policy changed no severity"


def test_versions_are_reported(objects):
    import copydesk

    for obj in objects:
        assert obj["versions"]["copydesk"] == copydesk.__version__
        assert re.fullmatch(r"\w+:[0-9a-f]{16}", obj["versions"]["knowledge"] or "")
        assert obj["versions"]["model"].startswith("en_core_web_md ")


def test_fingerprints_are_unique_within_a_report(objects):
    for obj in objects:
        prints = [f["fingerprint"] for f in obj["findings"]]
        assert len(prints) == len(set(prints))


# ---------------------------------------------------------------- the schema itself


def test_schema_check_id_pattern_is_the_registry_pattern():
    assert load_schema()["$defs"]["checkId"]["pattern"] == _CHECK_ID.pattern


def test_every_schema_field_is_documented():
    page = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    page = re.sub(r"```.*?```", "", page, flags=re.DOTALL)  # the prose, not the examples
    in_code = {word for span in re.findall(r"`([^`]+)`", page) for word in re.findall(r"\w+", span)}
    missing = sorted(property_names(load_schema()) - in_code)
    assert not missing, f"docs/json-schema.md does not name {missing} in `code`"


# ---------------------------------------------------------------- helpers


def resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        schema = {**target, **rest} if rest else target
    return schema


def branches(schema: dict, root: dict) -> list[dict]:
    """The schema and every subschema that applies to the same instance (allOf, oneOf, anyOf)."""
    schema = resolve(schema, root)
    out = [schema]
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in schema.get(key, ()):
            out.extend(branches(sub, root))
    return out


def undocumented(instance: Any, schema: dict, root: dict, path: str) -> list[str]:
    """Paths of object keys in ``instance`` that no applicable schema names in ``properties``."""
    parts = branches(schema, root)
    problems = []
    if isinstance(instance, dict):
        properties: dict[str, dict] = {}
        for part in parts:
            for key, sub in part.get("properties", {}).items():
                properties.setdefault(key, sub)
        for key, value in instance.items():
            if key not in properties:
                problems.append(f"{path}.{key}")
            else:
                problems += undocumented(value, properties[key], root, f"{path}.{key}")
    elif isinstance(instance, list):
        for part in parts:
            if "items" in part:
                for k, item in enumerate(instance):
                    problems += undocumented(item, part["items"], root, f"{path}[{k}]")
                break
    return problems


def property_names(schema: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties":
                names |= set(value)
            names |= property_names(value)
    elif isinstance(schema, list):
        for value in schema:
            names |= property_names(value)
    return names
