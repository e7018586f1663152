"""Quality floors for HTML extraction and metadata on ../shared data (skipped when absent).

Runs on the full sets (all 181 Zyte pages, all 257 WCXB test articles; about 90 s), with
``bench/extraction.py``'s and ``bench/metadata.py``'s code, so the figures are the benchmark's.
A half-sample was tried and rejected: on every second WCXB article copydesk scores 0.943 against
trafilatura's 0.944, i.e. the WCXB margin (+0.004 on the full set) is within sampling noise, and
a subsample would either hide that or make the gate flaky.
Floors sit slightly below the measurement. They are pinned: never lower them silently.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import extraction
import metadata as metadata_bench

pytestmark = pytest.mark.eval

# Measured on the full sets (docs/BENCHMARKS.md): copydesk's cascade / trafilatura (comments
# excluded) zyte 0.969 / 0.960, wcxb-articles 0.955 / 0.950 (the full vote it replaced: 0.967,
# 0.954). Raised with the cascade from 0.962 and 0.950.
EXTRACTION_FLOORS = {"zyte": 0.965, "wcxb-articles": 0.952}
# Measured on the full sets: headline 0.856 (WCXB); date 0.908 (WCXB), 0.913 (news).
HEADLINE_FLOOR = 0.84
DATE_FLOORS = {"wcxb-articles": 0.90, "htmldate-news": 0.90}


@pytest.fixture(scope="module")
def extraction_scores(shared_dir):
    logging.disable(logging.CRITICAL)
    runners = extraction.extractors()
    scores = {}
    for name, pages in extraction.datasets(shared_dir, None).items():
        for runner in ("trafilatura-nocomments", "copydesk"):
            scores[name, runner] = extraction.run(pages, runners[runner])[0]
    return scores


@pytest.fixture(scope="module")
def metadata_scores(shared_dir):
    logging.disable(logging.CRITICAL)
    return {
        name: metadata_bench.evaluate(pages, metadata_bench.copydesk_method)
        for name, pages in metadata_bench.datasets(shared_dir, None).items()
    }


@pytest.mark.parametrize("dataset", ["zyte", "wcxb-articles"])
def test_copydesk_extraction_at_least_as_good_as_trafilatura(extraction_scores, dataset):
    ours = extraction_scores[dataset, "copydesk"].f1
    baseline = extraction_scores[dataset, "trafilatura-nocomments"].f1
    assert ours >= baseline, f"{dataset}: copydesk F1 {ours:.3f} < trafilatura {baseline:.3f}"


@pytest.mark.parametrize("dataset", ["zyte", "wcxb-articles"])
def test_copydesk_extraction_floor(extraction_scores, dataset):
    assert extraction_scores[dataset, "copydesk"].f1 >= EXTRACTION_FLOORS[dataset]


def test_headline_floor(metadata_scores):
    assert metadata_scores["wcxb-articles"]["headline"] >= HEADLINE_FLOOR


@pytest.mark.parametrize("dataset", ["wcxb-articles", "htmldate-news"])
def test_published_date_floor(metadata_scores, dataset):
    assert metadata_scores[dataset]["date"] >= DATE_FLOORS[dataset]
