"""Floors of the ``spelling`` check on real misspellings (``bench/spelling_real.py``).

Real errors people made (Wikipedia's list of common misspellings, ``bench/data/misspellings/
wikipedia.tsv``) planted into BBC business, politics and tech articles of the TUNING half (research
data read from ../shared, never copied): 60 copies and 20 unchanged articles, the subset of

    .venv/bin/python bench/spelling_real.py --per-half 60 --clean 20 --halves tune --sources wikipedia

The floors sit a little below what that command measured with the spelling check ranked in
context (typing cost, word pairs, the article's words; 2026-12-05): recall 0.983 (any severity),
0.800 (warning or error), suggestion right 0.983 of those found, no false alarm on 8,593 clean
words (one would be 0.12 per 1,000). Before that change (commit 0168ffe) the same subset measured
0.833, 0.683, 0.920 and 0. With the suggestions ordered by learned weights (``copydesk.knowledge.
ranker``, 2026-12-06) suggestion right is 1.000 (all 59 found), the rest the
same; the floor rises to 0.98 (one wrong suggestion in 59 would be 0.983). The issue's targets are 0.95 recall and suggestions and at most 0.2
false alarms per 1,000 words; the full figures, both halves, are in docs/BENCHMARKS.md. Raise the
floors when the check improves, never lower them silently. The held-out half is for reported figures only.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.eval, pytest.mark.model]

PER_HALF = 60
CLEAN = 20
SEED = 7
SOURCE = "wikipedia"
RECALL_ANY = 0.95
RECALL_WARN_ERROR = 0.75
SUGGESTION_RIGHT = 0.98
#: Warning or error findings on the clean articles, per 1,000 words (measured 0; one is 0.12).
MAX_FALSE_ALARMS = 0.2


@pytest.fixture(scope="module")
def measured(shared_dir, analyser, load_bench):
    from copydesk.desk import Desk

    bench = load_bench("spelling_real")
    if not (shared_dir / bench.CORPUS).is_dir():
        pytest.skip(f"BBC articles not found at {shared_dir / bench.CORPUS}")
    pairs = bench.load_pairs(sources=[SOURCE])
    copies = bench.build(shared_dir, pairs, per_half=PER_HALF, per_word=2, clean=CLEAN, seed=SEED,
                         halves=("tune",))
    result = bench.evaluate(copies, Desk(analyser=analyser, checks=[bench.TYPE]))
    return bench, copies, result


def test_copies_are_planted_in_full(measured):
    _, copies, _ = measured
    assert sum(c.kind == "mutated" for c in copies) == PER_HALF
    assert sum(c.kind == "clean" for c in copies) == CLEAN


def test_recall_and_suggestion_floors(measured):
    bench, _, result = measured
    figures = bench.figures(result, SOURCE, "tune")
    entry = result["scores"][(SOURCE, "tune", "any")].by_type[bench.TYPE]
    assert figures["recall_any"] >= RECALL_ANY, entry.misses
    assert figures["recall_warn_error"] >= RECALL_WARN_ERROR, figures
    assert figures["suggestion_right"] >= SUGGESTION_RIGHT, entry.wrong_suggestions


def test_false_alarms_on_clean_articles(measured):
    bench, _, result = measured
    alarms = bench.false_alarms(result, "tune")
    listed = result["scores"][("clean", "tune", "warn")].false_alarms
    assert alarms["per_1000_warn_error"] <= MAX_FALSE_ALARMS, listed
