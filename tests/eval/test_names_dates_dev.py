"""Quality floors of ``names.inconsistent`` and ``dates.weekday`` on the development set
(../shared/eval/dev). Pinned floors: raise them when the checks improve, never lower them silently."""

from __future__ import annotations

import pytest

from copydesk.evaluate import Score, load_gold, score_file

pytestmark = [pytest.mark.eval, pytest.mark.model]

FLOORS = {"name-variant": (0.9, 0.8), "weekday-date": (0.9, 0.8)}  # (recall, suggestion accuracy)
#: Warning/error findings of these two checks on the clean files, per 1,000 words.
MAX_FALSE_ALARMS = 0.25


@pytest.fixture(scope="module")
def score(shared_dir, analyser) -> Score:
    from copydesk.checks import dates_weekday, names_inconsistent
    from copydesk.ingest.text import parse_text

    dev = shared_dir / "eval" / "dev"
    if not (dev / "gold.jsonl").exists():
        pytest.skip(f"no dev set at {dev}")
    rows = [g for g in load_gold(dev) if g.kind == "clean" or g.types & set(FLOORS)]
    articles = [parse_text((dev / g.file).read_text(encoding="utf-8"), source=g.file) for g in rows]
    result = Score()
    for row, analysed in zip(rows, analyser.analyse_many(articles)):
        findings = list(names_inconsistent.check(analysed, None))
        findings += list(dates_weekday.check(analysed, None))
        score_file(result, row, analysed.text, findings)
    return result


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_recall_floor(score, kind):
    assert score.by_type[kind].recall >= FLOORS[kind][0], score.by_type[kind].misses


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_suggestion_floor(score, kind):
    entry = score.by_type[kind]
    assert entry.suggestion_accuracy >= FLOORS[kind][1], entry.wrong_suggestions


def test_controls_are_not_flagged(score):
    assert score.control_hits == []


def test_few_false_alarms_on_clean_files(score):
    assert score.false_alarms_per_1000_words <= MAX_FALSE_ALARMS, score.false_alarms
