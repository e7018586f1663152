"""Event extraction floors on PLOVER's gold-standard records (../shared; skipped when absent).

Figures and the command that reproduces them: docs/BENCHMARKS.md, "Events (PLOVER)". Floors sit a
little below the measured values; never lower them silently.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

CATEGORY_FLOOR = 0.60
ACTOR_FLOOR = 0.62
TARGET_FLOOR = 0.27

BENCH = Path(__file__).resolve().parents[2] / "bench" / "events_plover.py"


@pytest.fixture(scope="module")
def scores(shared_dir, analyser):
    if not (shared_dir / "bench" / "events" / "plover_gsr").is_dir():
        pytest.skip(f"PLOVER gold records not found under {shared_dir}/bench/events/plover_gsr")
    spec = importlib.util.spec_from_file_location("events_plover", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from copydesk.knowledge import Knowledge

    gold = bench.load_gold(shared_dir)
    parsed, _, _ = bench.analyse_texts(analyser, Knowledge(), [r["text"] for r in gold])
    return bench.score_gold(parsed, gold)


@pytest.mark.eval
@pytest.mark.model
def test_category_accuracy_floor(scores):
    assert scores["category"] >= CATEGORY_FLOOR


@pytest.mark.eval
@pytest.mark.model
def test_actor_accuracy_floor(scores):
    assert scores["actor"] >= ACTOR_FLOOR


@pytest.mark.eval
@pytest.mark.model
def test_target_accuracy_floor(scores):
    assert scores["target"] >= TARGET_FLOOR
