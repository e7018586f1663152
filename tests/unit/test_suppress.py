"""Baselines and the suppressor (``copydesk.suppress``), on hand-made reports: no model."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from copydesk.errors import UsageError
from copydesk.report.schema import validate
from copydesk.report.summary import Summary
from copydesk.suppress import Suppressor, baseline_entries, read_baseline, write_baseline

TEXT = "The goverment said teh plan was fine.\n"


def report(make_report):
    made = make_report(TEXT, [("goverment", "spelling", "error", "government"),
                              ("teh", "spelling", "error", "the")])
    made.findings[0].fingerprint, made.findings[1].fingerprint = "aaaa", "bbbb"
    return made


def test_write_then_read_a_baseline(tmp_path, make_report):
    path = tmp_path / "base.json"
    assert write_baseline(path, baseline_entries(report(make_report))) == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["copydesk_baseline"] == 1
    assert data["findings"][0] == {"fingerprint": "aaaa", "check": "spelling",
                                   "source": "story.txt", "text": "goverment"}
    assert read_baseline(path) == {"aaaa", "bbbb"}
    write_baseline(path, [])
    assert read_baseline(path) == frozenset()


def test_a_plain_text_baseline(tmp_path):
    path = tmp_path / "base.txt"
    path.write_text("# kept by hand\naaaa spelling goverment\n\nbbbb  # teh\n", encoding="utf-8")
    assert read_baseline(path) == {"aaaa", "bbbb"}


def test_a_bad_baseline_is_a_usage_error(tmp_path):
    path = tmp_path / "base.json"
    path.write_text('{"findings": [{"check": "spelling"}]}', encoding="utf-8")
    with pytest.raises(UsageError, match="not a copydesk baseline"):
        read_baseline(path)
    with pytest.raises(UsageError, match="cannot read the baseline"):
        read_baseline(tmp_path / "missing.json")


@pytest.mark.parametrize("content, says", [
    ('{"copydesk_baseline": 2, "findings": []}', "a baseline of format 2"),
    ('{"copydesk_baseline": 1}', "no 'findings' list"),
    ('{"findings": [{"fingerprint": "ab12"}, {"check": "spelling"}]}', "finding 2 has no 'fingerprint'"),
    ("{not json", "not valid JSON"),
])
def test_a_baseline_of_another_format_or_shape_says_what_is_wrong(tmp_path, content, says):
    path = tmp_path / "base.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=says):
        read_baseline(path)


@dataclass
class Decision:
    decision: str


class FakeStore:
    def __init__(self, decisions):
        self.decisions = decisions

    def decision(self, fingerprint):
        value = self.decisions.get(fingerprint)
        return Decision(value) if value else None


def test_the_suppressor_drops_and_counts(make_report):
    suppress = Suppressor(baseline=frozenset({"aaaa"}), store=FakeStore({"bbbb": "dismissed"}))
    out = suppress.apply(report(make_report))
    assert out.findings == [] and out.suppressed == {"baseline": 1, "dismissed": 1}
    validate(out.to_dict())
    assert out.to_dict()["suppressed"] == {"baseline": 1, "dismissed": 1}
    assert suppress.line() == "2 findings suppressed: 1 in the baseline, 1 dismissed in the store"
    summary = Summary()
    summary.add(out)
    assert summary.line().endswith("; 2 findings suppressed")


def test_an_accepted_finding_is_kept_and_no_suppression_changes_nothing(make_report):
    made = report(make_report)
    suppress = Suppressor(store=FakeStore({"aaaa": "accepted"}))
    assert [f.text for f in suppress.apply(made).findings] == ["goverment", "teh"]
    assert Suppressor().apply(made) is made
    assert "suppressed" not in made.to_dict()
