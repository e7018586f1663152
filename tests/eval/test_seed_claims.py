"""Claims and their sources on the seed article (../shared/seed). Skips when ../shared is absent."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.eval, pytest.mark.model]

SEED = "seed/000_da322826d46cabef.txt"


@pytest.fixture(scope="module")
def seed(shared_dir, analyser):
    from copydesk.ingest.text import parse_text

    path = shared_dir / SEED
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    return analyser.analyse(parse_text(path.read_text(encoding="utf-8"), source=str(path)))


def claim_with(analysed, words: str):
    found = [c for c in analysed.claims if words in c.text]
    assert found, f"no claim contains {words!r}"
    return found[0]


def test_outlet_reported_is_a_named_source(seed):
    claim = claim_with(seed, "the New York Post reported")
    assert (claim.source, claim.source_kind) == ("New York Post", "named")


def test_reports_suggest_is_a_vague_source(seed):
    claim = claim_with(seed, "190,000 troops")
    assert (claim.source, claim.source_kind) == (None, "vague")


def test_estimated_troops_quantity(seed):
    figure = claim_with(seed, "190,000 troops").quantities[0]
    assert (figure.value, figure.unit, figure.approximate) == (190000, "troops", True)


def test_one_official_warned_is_anonymous(seed):
    assert claim_with(seed, "One U.S. official warned").source_kind == "anonymous"


def test_unsourced_flags_the_troops_figure_only(seed):
    from copydesk.checks.claims_unsourced import check

    found = list(check(seed, None))
    assert [f.text for f in found] == ["an estimated 190,000"]
    assert "vague source: 'reports suggest'" in found[0].evidence[0].detail


def test_part_whole_is_silent_on_the_seed(seed):
    from copydesk.checks.numbers_part_whole import check

    assert list(check(seed, None)) == []
