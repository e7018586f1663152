"""The ``grammar.*`` checks on real edited news: BBC business, politics and tech articles from
../shared (read at test time, never copied; no precision sample uses these sections). Edited text
has few slips, so the findings per 100 candidate sentences bound the false alarms from above.
Ceilings sit a little above what ``bench/grammar.py --bbc 200`` measured on 2026-12-05
(docs/BENCHMARKS.md, "Grammar and usage families"); the own-suite floors, which need no
../shared, are in tests/integration/test_grammar_suite.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.eval, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 200
#: At most this many findings of all grammar checks per 1,000 sentences of BBC news.
MAX_PER_1000_SENTENCES = 5.0
#: At most this many findings of one family per 100 sentences holding its words (families with
#: fewer than 50 such sentences in the sample are not gated).
MAX_FAMILY_RATE = 3.0


def _bench():
    spec = importlib.util.spec_from_file_location("grammar_bench", ROOT / "bench" / "grammar.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bbc(shared_dir, analyser):
    bench = _bench()
    base = shared_dir / "corpus" / "bbc-news-2225" / "bbc"
    if not base.is_dir():
        pytest.skip(f"no BBC corpus at {base}")
    return bench.evaluate_bbc(analyser, bench.bbc_articles(shared_dir, ARTICLES))


def test_findings_per_1000_sentences(bbc):
    sentences = bbc["doubled-word"][0]  # every sentence is a candidate for a doubled word
    findings = [f for _, found in bbc.values() for f in found]
    assert 1000 * len(findings) / sentences <= MAX_PER_1000_SENTENCES, findings


@pytest.mark.parametrize("family", ["its", "their", "than", "affect", "whom", "even-though", "a-an", "according", "led", "passed"])
def test_family_rate(bbc, family):
    sentences, found = bbc[family]
    if sentences < 50:
        pytest.skip(f"only {sentences} sentences with the words of {family} in the sample")
    assert 100 * len(found) / sentences <= MAX_FAMILY_RATE, found
