"""Events and ``events.self-target`` on the seed article (../shared; skipped when absent)."""

from __future__ import annotations

import pytest

from copydesk.checks.events_self_target import check

SEED = "seed/000_da322826d46cabef.txt"


@pytest.fixture(scope="module")
def seed(shared_dir, analyser):
    path = shared_dir / SEED
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    from copydesk.ingest.text import parse_text
    from copydesk.knowledge import Knowledge

    knowledge = Knowledge()
    analysed = analyser.analyse(parse_text(path.read_text(encoding="utf-8"), source=str(path)), knowledge=knowledge)
    return analysed, knowledge


def _events(analysed, trigger_word):
    return [e for e in analysed.events if trigger_word in e.text]


@pytest.mark.eval
@pytest.mark.model
def test_kremlin_dashing_hopes_is_a_rejection_by_russia(seed):
    analysed, _ = seed
    assert [(e.category, e.actor_code) for e in _events(analysed, "dashed")] == [("REJECT", "RUS")]


@pytest.mark.eval
@pytest.mark.model
def test_reaching_out_is_consultation(seed):
    analysed, _ = seed
    assert {e.category for e in _events(analysed, "reached out")} == {"CONSULT"}


@pytest.mark.eval
@pytest.mark.model
def test_firing_upon_is_an_assault_on_ukraine(seed):
    analysed, _ = seed
    assert [(e.category, e.target_code) for e in _events(analysed, "fire upon")] == [("ASSAULT", "UKR")]


@pytest.mark.eval
@pytest.mark.model
def test_released_a_statement_is_not_an_event(seed):
    analysed, _ = seed
    assert _events(analysed, "released") == []


@pytest.mark.eval
@pytest.mark.model
def test_self_target_found_on_the_invaded_country_with_the_intended_target(seed):
    analysed, knowledge = seed
    findings = list(check(analysed, knowledge))
    assert [(f.text, f.suggestion) for f in findings] == [("Russia", "Ukraine")]
    assert analysed.text[findings[0].start - 7 : findings[0].start] == "invade "
