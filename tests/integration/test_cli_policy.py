"""``copydesk check --severity / --raw-severity / --reference-date``, in process, with a desk
whose check flags 'teh' at error and whose policy caps that check at info."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from tests.integration.test_cli import typo_check  # the CLI tests' own check: 'teh' at error

from copydesk.checks.policy import SeverityPolicy
from copydesk.checks.registry import Registry, spec_of
from copydesk.cli.main import main
from copydesk.report.schema import validate

pytestmark = pytest.mark.model

STORY = "Harbour talks collapse\n\nDock workers voted on Wednesday to strike after teh talks broke down.\n"
POLICY = "check\tmax_severity\theldout_precision\tsource\ntest.typo\tinfo\t0.5\ttests\n"


@pytest.fixture(scope="module")
def capped_desk(analyser):
    from copydesk.desk import Desk
    from copydesk.knowledge import Knowledge

    return Desk(analyser=analyser, knowledge=Knowledge(),
                registry=Registry([spec_of(typo_check, "tests")]),
                severity_policy=SeverityPolicy.from_text(POLICY))


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def run(capsys, argv: list[str], desk) -> tuple[int, str, str]:
    code = main(argv, desk=desk, stdin=io.BytesIO())
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def typo(out: str) -> dict:
    obj = json.loads(out)
    validate(obj)
    [finding] = [f for f in obj["findings"] if f["check"] == "test.typo"]
    return finding


def test_policy_caps_the_finding_and_keeps_its_rating(capsys, capped_desk, story):
    code, out, _ = run(capsys, ["check", "-f", "json", str(story)], capped_desk)
    assert code == 0
    finding = typo(out)
    assert (finding["severity"], finding["rated"]) == ("info", "error")


def test_raw_severity_turns_the_policy_off(capsys, capped_desk, story):
    _, out, _ = run(capsys, ["check", "-f", "json", "--raw-severity", str(story)], capped_desk)
    finding = typo(out)
    assert finding["severity"] == "error" and "rated" not in finding


def test_severity_option_raises_a_cap(capsys, capped_desk, story):
    argv = ["check", "-f", "json", "--severity", "test.typo=error", str(story)]
    _, out, _ = run(capsys, argv, capped_desk)
    assert typo(out)["severity"] == "error"


def test_severity_option_lowers_a_cap_and_takes_an_area(capsys, capped_desk, story):
    argv = ["check", "-f", "json", "--severity", "test=warning", "--raw-severity", str(story)]
    code, _, err = run(capsys, argv, capped_desk)
    assert code == 2 and "not allowed with" in err  # one or the other
    _, out, _ = run(capsys, ["check", "-f", "json", "--severity", "test=warning", str(story)],
                    capped_desk)
    assert (typo(out)["severity"], typo(out)["rated"]) == ("warning", "error")


def test_fail_on_sees_the_severity_after_the_policy(capsys, capped_desk, story):
    assert run(capsys, ["check", "--fail-on", "warning", str(story)], capped_desk)[0] == 0
    argv = ["check", "--fail-on", "warning", "--raw-severity", str(story)]
    assert run(capsys, argv, capped_desk)[0] == 1


@pytest.mark.parametrize(
    "value,message",
    [
        ("nope.nothing=info", "--severity: no check matches 'nope.nothing'"),
        ("test.typo", "is not CHECK=LEVEL"),
        ("test.typo=fatal", "unknown severity 'fatal'"),
    ],
)
def test_bad_severity_option_is_a_usage_error(capsys, capped_desk, story, value, message):
    code, out, err = run(capsys, ["check", "--severity", value, str(story)], capped_desk)
    assert code == 2 and out == ""
    assert message in err


def test_unknown_check_in_severity_is_refused_before_the_model_loads(capsys, monkeypatch, story):
    import copydesk.desk.desk

    def refuse(*args, **kwargs):
        raise AssertionError("the desk was created")

    monkeypatch.setattr(copydesk.desk.desk.Desk, "__init__", refuse)
    code, _, err = run(capsys, ["check", "--severity", "spelling=info,nope=info", str(story)], None)
    assert code == 2 and "no check matches 'nope'" in err


def test_reference_date_dates_an_undated_input(capsys, capped_desk, story):
    _, out, _ = run(capsys, ["check", "-f", "json", str(story)], capped_desk)
    assert [t["value"] for t in json.loads(out)["times"]] == [None]
    argv = ["check", "-f", "json", "--reference-date", "2019-05-03", str(story)]
    _, out, _ = run(capsys, argv, capped_desk)
    obj = json.loads(out)
    assert obj["article"]["published"] is None
    assert [t["value"] for t in obj["times"]] == ["2019-05-01"]


def test_bad_reference_date_is_a_usage_error(capsys, capped_desk, story):
    code, _, err = run(capsys, ["check", "--reference-date", "soon", str(story)], capped_desk)
    assert code == 2 and "not an ISO date" in err
