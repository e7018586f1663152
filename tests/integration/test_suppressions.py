"""Suppressions through ``copydesk check``: a baseline's round trip (written, re-checked, the
article edited elsewhere, a new error found), and findings dismissed in the store."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from copydesk.cli.main import main
from copydesk.report.schema import validate

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (ROOT / "examples" / "harbour-strike.txt").read_text(encoding="utf-8")
#: A clean paragraph, and one with a new error, put before the first paragraph of the story.
FIRST = "Dock workers at the Port of Westhaven"
CLEAN = "The harbour master said ships would be turned away from Monday if the strike goes ahead.\n\n"
NEW_ERROR = "The harbour master said ships had been recieved late all week.\n\n"


@pytest.fixture(autouse=True)
def no_default_store(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYDESK_DB", str(tmp_path / "default.sqlite"))
    monkeypatch.chdir(tmp_path)


def run(capsys, desk, *argv: str) -> tuple[int, dict, str]:
    code = main(["check", "-f", "json", "--no-isolation", *argv], desk=desk, stdin=io.BytesIO())
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    validate(report)
    return code, report, captured.err


def write(tmp_path: Path, text: str, name: str = "story.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_baseline_round_trip(capsys, desk, tmp_path):
    story = write(tmp_path, ARTICLE)
    baseline = tmp_path / "story.baseline.json"
    _, first, err = run(capsys, desk, "--write-baseline", str(baseline), story)
    assert len(first["findings"]) >= 5
    assert f"{len(first['findings'])} findings written to the baseline" in err
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert [e["fingerprint"] for e in entries] == [f["fingerprint"] for f in first["findings"]]
    assert {e["source"] for e in entries} == {story}
    assert [e["text"] for e in entries] == [f["text"] for f in first["findings"]]
    assert "suppressed" not in first

    # re-checked: nothing in the baseline comes back, and the report says how many went
    code, again, err = run(capsys, desk, "--baseline", str(baseline), "--fail-on", "info", story)
    assert again["findings"] == []
    assert again["suppressed"] == {"baseline": len(first["findings"]), "dismissed": 0}
    assert f"{len(first['findings'])} findings suppressed: {len(first['findings'])} in the " \
           "baseline" in err
    assert code == 0  # suppressed findings do not count for --fail-on

    # a paragraph added before: still none comes back
    edited = write(tmp_path, ARTICLE.replace(FIRST, CLEAN + FIRST, 1), "edited.txt")
    _, after_edit, _ = run(capsys, desk, "--baseline", str(baseline), edited)
    assert after_edit["findings"] == []

    # a new error in the new paragraph does come back, alone
    erred = write(tmp_path, ARTICLE.replace(FIRST, NEW_ERROR + FIRST, 1), "erred.txt")
    _, after_error, _ = run(capsys, desk, "--baseline", str(baseline), erred)
    assert [(f["check"], f["text"]) for f in after_error["findings"]] == [("spelling", "recieved")]


def test_the_text_summary_counts_the_suppressed(capsys, desk, tmp_path):
    story = write(tmp_path, ARTICLE)
    baseline = tmp_path / "base.txt"
    _, first, _ = run(capsys, desk, story)
    baseline.write_text(first["findings"][0]["fingerprint"] + "\n", encoding="utf-8")
    main(["check", "--no-isolation", "--color", "never", "--baseline", str(baseline), story],
         desk=desk, stdin=io.BytesIO())
    out = capsys.readouterr().out
    assert out.rstrip().endswith("in 1 article; 0 inputs failed; 1 finding suppressed")


def dismiss_spelling(desk, db: Path, text: str) -> str:
    from copydesk.store import Store

    report = desk.check_text(text, source="story.txt")
    [typo] = [f for f in report.findings if f.check == "spelling"]
    with Store(db) as store:
        store.ingest(report)
        store.decide(typo.fingerprint, "dismissed", by="desk chief", note="house spelling")
    return typo.fingerprint


def test_a_finding_dismissed_in_the_store_is_suppressed(capsys, desk, tmp_path):
    db = tmp_path / "desk.sqlite"
    dismissed = dismiss_spelling(desk, db, ARTICLE)
    story = write(tmp_path, ARTICLE.replace(FIRST, CLEAN + FIRST, 1))  # a later draft

    _, report, err = run(capsys, desk, "--db", str(db), story)
    assert dismissed not in [f["fingerprint"] for f in report["findings"]]
    assert not [f for f in report["findings"] if f["check"] == "spelling"]
    assert report["suppressed"] == {"baseline": 0, "dismissed": 1}
    assert "1 finding suppressed: 1 dismissed in the store" in err

    _, kept, _ = run(capsys, desk, "--db", str(db), "--no-store-decisions", story)
    assert dismissed in [f["fingerprint"] for f in kept["findings"]]
    assert "suppressed" not in kept


def test_the_default_store_is_read_only_when_it_exists(capsys, desk, tmp_path, monkeypatch):
    story = write(tmp_path, ARTICLE)
    default = tmp_path / "default.sqlite"
    _, report, _ = run(capsys, desk, story)
    assert "suppressed" not in report and not default.exists()  # not created

    dismiss_spelling(desk, default, ARTICLE)
    _, report, _ = run(capsys, desk, story)
    assert report["suppressed"] == {"baseline": 0, "dismissed": 1}


def test_db_naming_no_store_is_a_usage_error(capsys, desk, tmp_path):
    story = write(tmp_path, ARTICLE)
    code = main(["check", "--no-isolation", "--db", str(tmp_path / "none.sqlite"), story],
                desk=desk, stdin=io.BytesIO())
    assert code == 2
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite").exists()
