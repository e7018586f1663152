"""Documentation stays in step with the code: every registered check has its page, and the
README and the check pages name each other."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.checks.registry import Registry

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = Registry.default(plugins=False)


@pytest.mark.parametrize("check_id", REGISTRY.ids())
def test_every_check_has_a_docs_page(check_id):
    page = ROOT / "docs" / "checks" / f"{check_id}.md"
    assert page.is_file(), f"{check_id} has no docs/checks/{check_id}.md"
    assert f"`{check_id}`" in page.read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize("check_id", REGISTRY.ids())
def test_every_check_is_in_the_readme(check_id):
    assert f"`{check_id}`" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_docs_page_for_a_check_that_does_not_exist():
    pages = {p.stem for p in (ROOT / "docs" / "checks").glob("*.md")}
    assert pages <= set(REGISTRY.ids()), pages - set(REGISTRY.ids())
