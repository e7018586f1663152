"""Quality floors on the development set with planted errors (../shared/eval/dev), all checks.

Floors are pinned a little below what ``bench/eval_dev.py`` measures (see docs/BENCHMARKS.md):
raise them when the checks improve, never lower them silently. The whole dev set is in-sample
(the checks were written while reading it); the held-out floors are in test_planted_heldout.py."""

from __future__ import annotations

import pytest

from copydesk.evaluate import Score, load_gold, score_file

pytestmark = [pytest.mark.eval, pytest.mark.model]

#: error type -> (recall floor, suggestion-accuracy floor)
FLOORS = {
    "name-variant": (0.95, 0.95),
    "spelling": (0.95, 0.95),
    "confusable": (0.9, 0.95),
    "weekday-date": (0.9, 0.9),
    "acronym-typo": (0.9, 0.95),
    "acronym-expansion": (0.95, 0.95),
    "role-title": (0.95, 0.8),
    "name-kb": (0.95, 0.95),
}
#: Findings of severity warning or error on the clean files, per 1,000 words (issue: at most 1).
MAX_FALSE_ALARMS = 0.8


@pytest.fixture(scope="module")
def score(shared_dir, desk) -> Score:
    from copydesk.ingest.text import parse_text

    dev = shared_dir / "eval" / "dev"
    if not (dev / "gold.jsonl").exists():
        pytest.skip(f"no dev set at {dev}")
    rows = load_gold(dev)
    articles = [parse_text((dev / g.file).read_text(encoding="utf-8"), source=g.file) for g in rows]
    result = Score()
    for row, report in zip(rows, desk.check_many(articles)):
        score_file(result, row, report.article.text, report.findings)
    return result


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_recall_floor(score, kind):
    assert score.by_type[kind].recall >= FLOORS[kind][0], score.by_type[kind].misses


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_suggestion_floor(score, kind):
    entry = score.by_type[kind]
    assert entry.suggestion_accuracy >= FLOORS[kind][1], entry.wrong_suggestions


def test_false_alarms_on_clean_files(score):
    assert score.false_alarms_per_1000_words <= MAX_FALSE_ALARMS, score.false_alarms


def test_correct_controls_are_never_flagged(score):
    assert score.control_hits == []
