"""The web precision sets (``bench/precision.py --set web`` and ``--set wcxb``): every warning
and error copydesk raises on web pages, labelled real / debatable / false by reading the text
(research data read from ../shared, never copied).

- ``web``: English web pages of htmldate's 2020 news set (read through the whole HTML path), the
  Giveme5W1H news corpus and the Zyte benchmark's English pages, labelled in
  ``bench/precision/labels-web.tsv``. First scored after every check had been tuned on the first
  precision set: shipped warnings and errors 0.27 (tuning half) and 0.38 (held-out half).
- ``wcxb``: the English article pages of WCXB's test split (blogs, magazines, company and
  public-service pages, a few newspapers), labelled in ``bench/precision/labels-wcxb.tsv``. First
  scored after the web set had been tuned on: 0.57 (tuning) and 0.43 (held out).

docs/BENCHMARKS.md ("Precision on web pages") has the figures after the changes made on the
tuning halves (2026-12-06: web 0.83 / 0.40, wcxb 0.71 / 0.58; 2026-12-07, after a page whose marks
never pair had its missing-mark findings rated info: web 0.83 / 0.59); the floors sit a little below them.
A finding in scope with no label fails the test: a change that raises new findings here must have
them read and labelled (``--todo``, then ``--merge``), as the bench demands. Raise the floors when
the checks improve, never lower them silently.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.eval, pytest.mark.model]

#: Shipped warnings and errors: real / (real + debatable + false), per set and half.
FLOORS = {
    "web": {"tune": 0.75, "heldout": 0.55},
    "wcxb": {"tune": 0.68, "heldout": 0.55},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request, shared_dir, load_bench, tmp_path_factory):
    which = request.param
    bench = load_bench("precision")
    folders = bench.WEB_SOURCES.values() if which == "web" else [bench.WCXB_DIR]
    for relative in folders:
        if not (shared_dir / relative).is_dir():
            pytest.skip(f"precision set ({which}): {shared_dir / relative} not found")
    out = tmp_path_factory.mktemp(f"precision-{which}") / f"{which}.jsonl"
    bench.run(shared_dir, out, which=which)
    return which, bench.score(out, bench.load_labels(bench.SET_LABELS[which]), second_sample=False)


def test_every_finding_in_scope_is_labelled(scored):
    _, s = scored
    assert [(split, aid, f["check"], f["start"], f["end"], f["text"]) for split, aid, f in s["todo"]] == []


@pytest.mark.parametrize("half", ["tune", "heldout"])
def test_shipped_precision_floor(scored, half):
    which, s = scored
    tally = s["shipped"][half]
    assert tally.labelled >= 8, "too few shipped findings to measure"
    assert tally.precision >= FLOORS[which][half], (which, tally.real, tally.debatable, tally.false)
