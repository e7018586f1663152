"""Property-based fuzzing of the readers and of the check path (Hypothesis): whatever the bytes,
a reader yields one ``Article`` or ``IngestError`` per input and raises nothing else; whatever
the text, ``Desk.check_text`` returns a report whose findings point into the text.

CI runs a fixed, small budget (the ``ci`` profile); ``make fuzz`` runs the ``fuzz`` profile
(``HYPOTHESIS_PROFILE=fuzz``), thousands of inputs per harness. A crasher found is kept in
Hypothesis's example database and should be added below as an ``@example``."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from copydesk.errors import IngestError
from copydesk.ingest.sources import read_inputs
from copydesk.model import Article

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: Text with the characters hostile inputs are made of: controls, surrogates are impossible in
#: UTF-8 but lone ones arrive through JSON escapes, marks, dashes, digits, newlines.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("“”‘’\"'—–-:.!?\n\r\t\x1b\u200d\u202e0123456789 ")),
    ),
    max_size=400,
)


def _read(name: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_inputs([str(path)]))


def _only_items(items: list) -> None:
    assert items, "every input yields at least one item"
    assert all(isinstance(item, (Article, IngestError)) for item in items)


@given(st.binary(max_size=2000))
@example(b"\xef\xbb\xbf" + b"\x00" * 10)
@example("Caf\u00e9 “quote”\n".encode() + b"\x93mixed\x94\n")
def test_text_reader_takes_any_bytes(data):
    _only_items(_read("story.txt", data))


@given(st.binary(max_size=2000))
def test_html_reader_takes_any_bytes(data):
    _only_items(_read("page.html", data))


@given(st.binary(max_size=1000))
def test_gzip_reader_takes_any_bytes(data):
    _only_items(_read("story.txt.gz", gzip.compress(data)))
    _only_items(_read("broken.txt.gz", data))


@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["text", "headline", "published", "url", "id", "html"]),
                    st.one_of(HOSTILE, st.integers(), st.none(), st.lists(st.integers(), max_size=3)),
                    max_size=5),
    st.text(max_size=50),
), max_size=5))
@example([{"text": "Story\n\nBody \ud800 here.", "headline": "\udfff"}])
@example([{"text": "Story\n\nBody here.", "published": "2020-01-01T10:00+25:00"}])
def test_jsonl_reader_takes_any_records(records):
    lines = []
    for record in records:
        try:
            lines.append(json.dumps(record))
        except (TypeError, ValueError):
            lines.append(str(record))
    _only_items(_read("feed.jsonl", ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")))


@pytest.mark.model
@settings(max_examples=25 if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci" else 2000)
@given(HOSTILE)
@example("Title\n\n" + "’s" * 300)
@example("Title\n\n" + "—" * 500 + " a 99999999999999999999999999999999999999999 sum")
def test_check_path_takes_any_text(desk, text):
    report = desk.check_text(text)
    if report.error is None:
        for finding in report.findings:
            assert report.article.text[finding.start : finding.end] == finding.text
