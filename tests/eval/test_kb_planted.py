"""Quality floors on planted role-title and known-name errors about politics outside the UK, in
held-out articles (``bench/kb_planted.py``): the people, offices and press titles of the
knowledge base other than the UK's, which the dev set does not use.

The copies are built from the held-out half (Giveme5W1H gold, PolNeAR train and dev, the Zyte
benchmark's and WCXB's gold article texts; research data read from ../shared, never copied), up
to 100 per error type plus 100 clean copies, as

    .venv/bin/python bench/kb_planted.py --per-type 100 --halves heldout

Floors sit a little below what that command measured (see ``MEASURED``); raise them when the
checks improve, never lower them silently. The tuning half is for looking at misses; nothing
here may be tuned to these copies.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.eval, pytest.mark.model]

PER_TYPE = 100
SEED = 7
#: What the command above measured at commit e261a2a, knowledge 3:92daa4da3df5fa6f:
#: role-title 88 copies, recall 1.000, suggestions 1.000; name-kb 100 copies (549 mentions),
#: recall 0.996, suggestions 1.000; false alarms 0.23 per 1,000 words (17 in 72,652, none from
#: roles.title or names.unknown-variant).
#: error type -> (recall floor, suggestion-right floor)
FLOORS = {
    "role-title": (0.93, 0.95),
    "name-kb": (0.95, 0.95),
}
#: At least this many copies of each type must be planted (the set shrinking is a failure too).
MIN_COPIES = {"role-title": 70, "name-kb": PER_TYPE}
#: Warning or error findings of any check on the clean copies, per 1,000 words.
MAX_FALSE_ALARMS = 0.4
#: Of them, findings of the two checks measured here.
MAX_OWN_FALSE_ALARMS = 2


@pytest.fixture(scope="module")
def planted(shared_dir, desk, load_bench):
    bench = load_bench("kb_planted")
    missing = [rel for rel in bench.SOURCES.values() if not (shared_dir / rel).exists()]
    if missing:
        pytest.skip(f"articles not found under {shared_dir}: {', '.join(missing)}")
    copies = bench.build(shared_dir, desk.knowledge.kb, per_type=PER_TYPE, seed=SEED,
                         halves=("heldout",), log=lambda message: None)
    return copies, bench.evaluate(copies, desk)["scores"]["heldout"]


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_enough_copies_are_planted(planted, kind):
    copies, _ = planted
    assert sum(1 for c in copies if c.kind == "mutated" and c.errors[0]["type"] == kind) >= MIN_COPIES[kind]


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_recall_floor(planted, kind):
    _, score = planted
    entry = score.by_type[kind]
    assert entry.recall >= FLOORS[kind][0], f"{entry.found} of {entry.errors}"


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_suggestion_floor(planted, kind):
    _, score = planted
    entry = score.by_type[kind]
    assert entry.suggestion_accuracy >= FLOORS[kind][1], f"{entry.suggested} of {entry.found}"


def test_false_alarms_on_clean_copies(planted):
    _, score = planted
    assert score.false_alarms_per_1000_words <= MAX_FALSE_ALARMS, len(score.false_alarms)
    own = [a for a in score.false_alarms if " roles.title " in a or " names.unknown-variant " in a]
    assert len(own) <= MAX_OWN_FALSE_ALARMS, own
