"""The JSON contract on real articles (``../shared``): reports for a fixed sample of the precision
set's articles and the seed validate against ``schema-v1.json``, every span points into the text,
every fingerprint is unique within its report, and between them the sample raises findings of
many checks. Skipped with a message when ``../shared`` is absent."""

from __future__ import annotations

import hashlib

import pytest

from copydesk.ingest.decode import decode_bytes
from copydesk.ingest.text import parse_text
from copydesk.report.schema import validate

pytestmark = pytest.mark.model

FOLDERS = (
    "corpus/bbc-news-2225/bbc/entertainment",
    "corpus/bbc-news-2225/bbc/sport",
    "corpus/bbc-news-2225/bbc/politics",
    "bench/quotes/polnear/train/text",
    "seed",
)
PER_FOLDER = 12


def _sample(shared_dir):
    paths = []
    for folder in FOLDERS:
        found = sorted((shared_dir / folder).glob("*.txt"))
        # a fixed sample, by hash of the file name (the same on every machine)
        found.sort(key=lambda p: hashlib.sha256(p.name.encode()).hexdigest())
        paths.extend(found[:PER_FOLDER])
    if not paths:
        pytest.skip(f"no articles under {shared_dir}")
    return paths


@pytest.fixture(scope="module")
def reports(desk, shared_dir):
    articles = [parse_text(decode_bytes(p.read_bytes(), source=str(p))[0], source=str(p))
                for p in _sample(shared_dir)]
    return [report.to_dict() for report in desk.check_many(articles)]


def test_every_report_validates(reports):
    for report in reports:
        validate(report)


def test_spans_point_into_the_text(reports):
    for report in reports:
        text = report["article"]["text"]
        for finding in report["findings"]:
            assert text[finding["start"] : finding["end"]] == finding["text"], finding
        for quote in report["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"], quote


def test_fingerprints_are_unique_within_a_report(reports):
    for report in reports:
        prints = [f["fingerprint"] for f in report["findings"]]
        assert len(prints) == len(set(prints)), report["source"]


def test_the_sample_exercises_many_checks(reports):
    fired = {c for report in reports for f in report["findings"] for c in f["checks"]}
    assert len(fired) >= 6, fired


def test_reports_carry_versions(reports):
    for report in reports:
        assert report["versions"]["copydesk"] and report["versions"]["knowledge"]
