"""Floors of the ``grammar.*`` checks on the project's own suite (``tests/fixtures/grammar``):
recall and false alarms per family on the held-out part (one sentence in three, fixed by a hash
before any tuning; ``bench/grammar.py``). Floors sit a little below what the bench measured on
2026-12-06 (docs/BENCHMARKS.md, "Grammar and usage families"), after the suite grew a second
time, to 2,527 sentences (468 new ones, written blind to the rules, for the thirteen weakest
families): the new held-out sentences are caught half as often as the older ones, so several
families' floors are below the earlier ones, which were set on the smaller part. A fourth batch
(2026-12-07, 450 sentences for nine families, written blind to the rules) grew the held-out part
to 999 sentences; its held-out sentences were caught at 0.70 before the rules changed and 0.73
after, so the floors of led, passed and whose, whose held-out parts grew hardest, are lower than
before (docs/BENCHMARKS.md says by how much), and those of affect and its, which rose, higher.
A fifth batch (2026-12-07, 400 sentences for the eight weakest families) grew the held-out part to
1,125 sentences (0.58 of its new incorrect ones caught before the rules changed, 0.68 after); the
floors of a-plural, led and whose rose with the rules of that round. A sixth batch (500 sentences
for the ten weakest families) grew it to 1,297 (0.63 of its new incorrect ones caught before, 0.64
after); the floors of a-plural, complement, whose and your rose with that round's rules.
Raise them when the checks improve, never lower them silently."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
#: Recall floor per family on the held-out part (the issue's target is 0.8; the families under it
#: — affect, complement, discreet, led, passed, principal, their, whose, your — are
#: pinned at what they reach, and named in docs/BENCHMARKS.md).
RECALL_FLOORS = {
    "a-an": 0.9, "a-plural": 0.8, "according": 0.95, "affect": 0.7, "auxiliaries": 0.9,
    "complement": 0.55, "could-of": 0.9, "discreet": 0.6, "doubled-word": 0.95,
    "even-though": 0.95, "its": 0.78, "led": 0.7, "lose": 0.8, "passed": 0.6, "principal": 0.5,
    "than": 0.9, "their": 0.7, "weekday": 0.95, "whom": 0.85, "whose": 0.7, "your": 0.7,
}
#: Share of the held-out correct sentences flagged by any grammar check, over all families.
MAX_FALSE_ALARM_RATE = 0.03


def _bench():
    spec = importlib.util.spec_from_file_location("grammar_bench", ROOT / "bench" / "grammar.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def heldout(analyser):
    bench = _bench()
    rows = [row for row in bench.load_suite() if row.split == "heldout"]
    return bench, rows, bench.evaluate(analyser, rows)


def test_suite_covers_every_family(heldout):
    bench, rows, _ = heldout
    assert set(bench.families(rows)) == set(RECALL_FLOORS)


@pytest.mark.parametrize("family", sorted(RECALL_FLOORS))
def test_recall_floor(heldout, family):
    _, _, tallies = heldout
    tally = tallies[(family, "heldout")]
    assert tally.recall >= RECALL_FLOORS[family], tally.misses


def test_false_alarms_on_correct_sentences(heldout):
    _, _, tallies = heldout
    flagged = sum(t.flagged for t in tallies.values())
    correct = sum(t.correct for t in tallies.values())
    assert flagged / correct <= MAX_FALSE_ALARM_RATE, [a for t in tallies.values() for a in t.false_alarms]


def test_split_is_fixed_by_the_sentence():
    bench = _bench()
    assert bench.split_of("The the council met on Tuesday.") == bench.split_of("The the council met on Tuesday.")
    rows = bench.load_suite()
    share = sum(row.split == "heldout" for row in rows) / len(rows)
    assert 0.25 < share < 0.42
