"""Every report names what made it: the copydesk version and the knowledge base's version, an
identifier of the data the KB was built from (never of when it was built)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

import copydesk
from copydesk.desk.report import Report
from copydesk.knowledge import Knowledge
from copydesk.knowledge.build import build, data_fingerprint
from copydesk.knowledge.sources import shipped
from copydesk.knowledge.store import SCHEMA_VERSION, KnowledgeBase
from copydesk.model import InputError
from copydesk.report.schema import validate


@pytest.fixture(scope="module")
def shipped_kb() -> KnowledgeBase:
    return build(":memory:", sources=("shipped",))


def test_kb_version_is_schema_and_data_fingerprint(shipped_kb):
    version = shipped_kb.version()
    assert re.fullmatch(rf"{SCHEMA_VERSION}:[0-9a-f]{{16}}", version)
    assert version == f"{SCHEMA_VERSION}:{data_fingerprint(('shipped',), shipped.fingerprint())}"


def test_kb_version_does_not_depend_on_the_build_time(shipped_kb, monkeypatch):
    import copydesk.knowledge.build as build_module

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2040, 1, 1, tzinfo=tz or UTC)

    monkeypatch.setattr(build_module, "datetime", Later)
    again = build(":memory:", sources=("shipped",))
    assert again.meta()["built"].startswith("2040")
    assert again.version() == shipped_kb.version()


def test_kb_version_depends_on_the_sources(shipped_kb):
    assert data_fingerprint(("shipped", "registries"), shipped.fingerprint()) != data_fingerprint(
        ("shipped",), shipped.fingerprint()
    )


def test_an_import_moves_the_version_on_and_it_then_stays():
    kb = build(":memory:", sources=("shipped",))
    before = kb.version()
    kb.note_import("table stylebook.csv sha256:00 records=3")
    after = kb.version()
    assert after != before and after.split(":")[0] == before.split(":")[0]
    assert kb.version() == after and kb.meta()["imports"] == "1"


def test_a_kb_without_build_metadata_has_no_version():
    assert KnowledgeBase(":memory:").version() is None
    assert Knowledge(kb=KnowledgeBase(":memory:")).version() is None


def test_report_carries_versions(make_report):
    data = make_report("Its a fine day.", [("Its", "grammar.confusables", "error")]).to_dict()
    assert data["versions"]["copydesk"] == copydesk.__version__
    validate(data)


def test_failed_input_report_carries_versions():
    data = Report(source="gone.txt", error=InputError("not-found", "no such file")).to_dict()
    assert data["versions"] == {"copydesk": copydesk.__version__, "knowledge": None, "model": None}
    validate(data)


@pytest.mark.model
def test_desk_reports_knowledge_and_model_versions(desk):
    report = desk.check_text("Council approves new library\n\nThe council met on Tuesday.\n")
    versions = report.to_dict()["versions"]
    assert versions["knowledge"] == desk.knowledge.version() is not None
    assert versions["model"].startswith("en_core_web_md ")
    assert versions == desk.versions()
