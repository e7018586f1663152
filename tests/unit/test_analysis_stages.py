"""The analysis stages after the parse declare what they read and assign, and run in an order
where every field a stage reads is assigned before it."""

from __future__ import annotations

import pytest

from copydesk.analyse.pipeline import PARSED, Stage, check_order, stages


def test_shipped_stages_read_only_what_is_assigned_before_them():
    found = stages()
    check_order(found)  # raises if not
    assert [s.name for s in found][:2] == ["names", "kb-links"]
    assigned = set(PARSED).union(*(s.assigns for s in found))
    assert {"entities", "quotes", "times", "quantities", "events", "claims"} <= assigned
    assert [s.name for s in found if s.needs_knowledge] == ["kb-links"]


def test_a_stage_reading_a_later_field_is_refused():
    def noop(article, knowledge):
        return None

    early_claims = Stage("claims", noop, frozenset({"quotes"}), frozenset({"claims"}))
    quotes = Stage("quotes", noop, frozenset({"tokens"}), frozenset({"quotes"}))
    with pytest.raises(ValueError, match="'claims' reads quotes"):
        check_order([early_claims, quotes])
    check_order([quotes, early_claims])
