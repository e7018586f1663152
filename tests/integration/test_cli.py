"""The ``copydesk`` command, end to end.

Most tests call ``main(argv, desk=...)`` in process with a desk that shares the session's spaCy
model. The plumbing tests use a desk with three small checks defined here (so they do not depend
on how the built-in checks evolve); a few tests run the built-in checks, and a few run the real
console script in a subprocess.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from copydesk.checks.registry import Registry, register, spec_of
from copydesk.cli.main import main
from copydesk.ingest.sources import STDIN_NAME
from copydesk.model import Finding, Severity
from copydesk.report.schema import validate

EXE = Path(sys.executable).with_name("copydesk")

STORY = """Harbour talks collapse

Dock workers at the port voted on Wednesday to strike, after teh talks broke down.

"We have been very patient for eighteen months," said Helena Marchetti, the union's regional secretary.

The the company said it was disappointed and would return to talks.
"""

CLEAN = """Council approves new library

The city council approved plans for a new library on Tuesday.

The building will open next year, officials said.
"""


@register("test.typo", severity="error")
def typo_check(article, knowledge) -> Iterator[Finding]:
    """The word 'teh'."""
    for token in article.tokens:
        if token.lower == "teh":
            yield Finding("test.typo", Severity.ERROR, token.start, token.end, token.text,
                          "'teh' is a typo", "the", 0.99)


@register("test.doubled", severity="warning")
def doubled_check(article, knowledge) -> Iterator[Finding]:
    """A word written twice in a row."""
    for left, right in zip(article.tokens, article.tokens[1:]):
        if left.lower == right.lower and left.text.isalpha() and left.sent == right.sent:
            text = article.text[left.start:right.end]
            yield Finding("test.doubled", Severity.WARNING, left.start, right.end, text,
                          "doubled word", left.text, 0.9)


@register("test.very", severity="info")
def very_check(article, knowledge) -> Iterator[Finding]:
    """The word 'very'."""
    for token in article.tokens:
        if token.lower == "very":
            yield Finding("test.very", Severity.INFO, token.start, token.end, token.text,
                          "'very' is rarely needed", None, 0.5)


@pytest.fixture(scope="module")
def plumbing_desk(analyser):
    from copydesk.desk import Desk
    from copydesk.knowledge import Knowledge

    registry = Registry(spec_of(f, "tests") for f in (typo_check, doubled_check, very_check))
    return Desk(analyser=analyser, knowledge=Knowledge(), registry=registry)


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def clean(tmp_path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def run(capsys, argv: list[str], desk=None, stdin: bytes | None = None):
    code = main(argv, desk=desk, stdin=io.BytesIO(stdin) if stdin is not None else None)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_spans_point_into_text(obj: dict) -> None:
    """Every start/end pair with a text in the object indexes article.text exactly."""
    text = obj["article"]["text"]
    spans = list(obj["findings"]) + list(obj["quotes"]) + list(obj["claims"])
    spans += [q["cue"] for q in obj["quotes"] if q.get("cue")]
    spans += [m for e in obj["entities"] for m in e["mentions"]]
    spans += list(obj.get("times", [])) + list(obj.get("quantities", []))
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], span


# ------------------------------------------------------------------ JSON and JSONL


def test_json_for_one_file_is_one_valid_object(capsys, plumbing_desk, story):
    code, out, _ = run(capsys, ["check", "--format", "json", str(story)], plumbing_desk)
    obj = json.loads(out)
    validate(obj)
    assert code == 0 and obj["source"] == str(story)


def test_json_spans_point_into_article_text(capsys, plumbing_desk, story):
    _, out, _ = run(capsys, ["check", "--format", "json", str(story)], plumbing_desk)
    obj = json.loads(out)
    assert obj["findings"] and assert_spans_point_into_text(obj) is None


def test_json_for_several_inputs_is_an_array(capsys, plumbing_desk, story, clean):
    _, out, _ = run(capsys, ["check", "-f", "json", str(story), str(clean)], plumbing_desk)
    data = json.loads(out)
    assert [d["source"] for d in data] == [str(story), str(clean)]


def test_jsonl_lines_are_valid_and_in_input_order(capsys, plumbing_desk, story, clean, tmp_path):
    missing = tmp_path / "missing.txt"
    argv = ["check", "-f", "jsonl", str(clean), str(missing), str(story)]
    _, out, _ = run(capsys, argv, plumbing_desk)
    objects = [json.loads(line) for line in out.splitlines()]
    for obj in objects:
        validate(obj)
    assert [o["source"] for o in objects] == [str(clean), str(missing), str(story)]


def test_failed_input_is_an_error_object_and_a_stderr_line(capsys, plumbing_desk, tmp_path):
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, ["check", "-f", "jsonl", str(missing)], plumbing_desk)
    obj = json.loads(out)
    assert (code, obj["article"], obj["error"]["kind"]) == (2, None, "not-found")
    assert err.startswith(f"copydesk: {missing}: ")


def test_min_severity_drops_lower_findings_from_json(capsys, plumbing_desk, story):
    argv = ["check", "-f", "json", "--min-severity", "warning", str(story)]
    _, out, _ = run(capsys, argv, plumbing_desk)
    checks = {f["check"] for f in json.loads(out)["findings"]}
    assert checks == {"test.typo", "test.doubled"}


def test_published_option_sets_the_date(capsys, plumbing_desk, story):
    argv = ["check", "-f", "json", "--published", "2023-03-01", str(story)]
    _, out, _ = run(capsys, argv, plumbing_desk)
    assert json.loads(out)["article"]["published"].startswith("2023-03-01")


def test_stdin_dash_is_read(capsys, plumbing_desk):
    _, out, _ = run(capsys, ["check", "-f", "json", "-"], plumbing_desk, stdin=STORY.encode())
    obj = json.loads(out)
    assert obj["source"] == STDIN_NAME and "teh" in {f["text"] for f in obj["findings"]}


def test_directory_is_expanded(capsys, plumbing_desk, story, clean):
    _, out, _ = run(capsys, ["check", "-f", "jsonl", str(story.parent)], plumbing_desk)
    sources = {json.loads(line)["source"] for line in out.splitlines()}
    assert sources == {str(story), str(clean)}


def test_output_file_gets_the_report_and_stdout_stays_empty(capsys, plumbing_desk, story, tmp_path):
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    argv = ["check", "-f", "json", "-o", str(target), str(story)]
    code, out, _ = run(capsys, argv, plumbing_desk)
    assert (code, out) == (0, "")
    validate(json.loads(target.read_text(encoding="utf-8")))


# ------------------------------------------------------------------ check selection


def test_checks_option_runs_only_those(capsys, plumbing_desk, story):
    _, out, _ = run(capsys, ["check", "-f", "json", "--checks", "test.very", str(story)],
                    plumbing_desk)
    assert {f["check"] for f in json.loads(out)["findings"]} == {"test.very"}


def test_exclude_option_skips_a_check(capsys, plumbing_desk, story):
    _, out, _ = run(capsys, ["check", "-f", "json", "--exclude", "test.typo", str(story)],
                    plumbing_desk)
    assert {f["check"] for f in json.loads(out)["findings"]} == {"test.doubled", "test.very"}


def test_unknown_check_is_a_usage_error(capsys, plumbing_desk, story):
    code, out, err = run(capsys, ["check", "--checks", "nope.nothing", str(story)], plumbing_desk)
    assert (code, out) == (2, "") and "nope.nothing" in err


# ------------------------------------------------------------------ exit codes


def test_exit_0_with_findings_and_no_fail_on(capsys, plumbing_desk, story):
    assert run(capsys, ["check", "-f", "jsonl", str(story)], plumbing_desk)[0] == 0


def test_fail_on_error_exits_1_when_an_error_is_found(capsys, plumbing_desk, story):
    assert run(capsys, ["check", "--fail-on", "error", str(story)], plumbing_desk)[0] == 1


def test_fail_on_error_exits_0_when_only_warnings(capsys, plumbing_desk, story):
    argv = ["check", "--fail-on", "error", "--exclude", "test.typo", str(story)]
    assert run(capsys, argv, plumbing_desk)[0] == 0


def test_fail_on_counts_findings_hidden_by_min_severity(capsys, plumbing_desk, story):
    argv = ["check", "--fail-on", "info", "--min-severity", "error", "--checks", "test.very",
            str(story)]
    assert run(capsys, argv, plumbing_desk)[0] == 1


def test_failed_input_with_findings_exits_2(capsys, plumbing_desk, story, tmp_path):
    argv = ["check", "--fail-on", "info", str(story), str(tmp_path / "missing.txt")]
    assert run(capsys, argv, plumbing_desk)[0] == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--format", "xml", "x.txt"],
        ["check", "--published", "last Tuesday", "x.txt"],
        ["check", "--min-severity", "fatal", "x.txt"],
        ["check", "--max-size", "lots", "x.txt"],
        ["check"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run(capsys, argv)
    assert (code, out) == (2, "") and "error" in err


def test_failing_inputs_alone_never_load_the_model(capsys, monkeypatch, tmp_path):
    import copydesk.desk.desk

    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(copydesk.desk.desk.Desk, "__init__", refuse)
    code, out, _ = run(capsys, ["check", "-f", "jsonl", str(tmp_path / "a"), str(tmp_path / "b")])
    assert code == 2 and len(out.splitlines()) == 2


def test_internal_error_exits_2_not_1(capsys, monkeypatch, story):
    import copydesk.desk.desk

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(copydesk.desk.desk.Desk, "__init__", broken)
    code, _, err = run(capsys, ["check", str(story)])
    assert code == 2 and "internal error" in err and "RuntimeError: boom" in err


# ------------------------------------------------------------------ other formats


def test_text_report_shows_line_col_and_carets(capsys, plumbing_desk, story):
    _, out, _ = run(capsys, ["check", str(story)], plumbing_desk)
    lines = out.splitlines()
    k = next(i for i, line in enumerate(lines) if line.startswith("  3:62  test.typo"))
    context, carets = lines[k + 1], lines[k + 2]
    assert carets.strip() == "^^^" and context[carets.index("^"):].startswith("teh")


def test_text_report_ends_with_summary(capsys, plumbing_desk, story, tmp_path):
    _, out, _ = run(capsys, ["check", str(story), str(tmp_path / "missing.txt")], plumbing_desk)
    assert out.rstrip().splitlines()[-1] == (
        "1 error, 1 warning, 1 info in 1 article; 1 input failed"
    )


def test_text_report_is_plain_when_not_a_terminal(capsys, plumbing_desk, story):
    _, out, _ = run(capsys, ["check", str(story)], plumbing_desk)
    assert "\x1b[" not in out


def test_html_report_is_self_contained_and_highlights(capsys, plumbing_desk, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(STORY + "\n<script>alert('x')</script> and teh end.\n", encoding="utf-8")
    _, out, _ = run(capsys, ["check", "-f", "html", str(path)], plumbing_desk)
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", out) and "<link" not in out
    assert "<script>alert" not in out and "&lt;script&gt;" in out
    assert '<mark class="error"' in out


def test_markdown_report_bolds_the_span(capsys, plumbing_desk, story):
    _, out, _ = run(capsys, ["check", "-f", "markdown", str(story)], plumbing_desk)
    assert "after **teh** talks broke down" in out and "`test.typo`" in out


def test_progress_never_reaches_stdout(capsys, plumbing_desk, tmp_path):
    for k in range(5):
        (tmp_path / f"s{k}.txt").write_text(CLEAN, encoding="utf-8")
    _, out, _ = run(capsys, ["check", "-f", "jsonl", "--progress", str(tmp_path)], plumbing_desk)
    assert [json.loads(line)["schema"] for line in out.splitlines()] == [1] * 5


# ------------------------------------------------------------------ info


def test_info_json_lists_model_and_checks(capsys, plumbing_desk):
    _, out, _ = run(capsys, ["info", "--json"], plumbing_desk)
    info = json.loads(out)
    assert info["model"]["name"] == "en_core_web_md"
    assert [c["id"] for c in info["checks"]] == ["test.typo", "test.doubled", "test.very"]


def test_info_text_shows_check_summaries(capsys, plumbing_desk):
    _, out, _ = run(capsys, ["info"], plumbing_desk)
    assert re.search(r"test\.doubled\s+warning\s+A word written twice in a row\.", out)


# ------------------------------------------------------------------ built-in checks


def test_builtin_confusable_its_is_flagged(capsys, desk, tmp_path):
    path = tmp_path / "its.txt"
    path.write_text(
        "Strike vote passes\n\nUnion leaders said its too late for half measures after the "
        "talks ended without a deal on Tuesday night.\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, ["check", "-f", "json", str(path)], desk)
    obj = json.loads(out)
    validate(obj)
    assert_spans_point_into_text(obj)
    hits = [f for f in obj["findings"] if f["check"] == "grammar.confusables"]
    assert [(f["text"], f["suggestion"]) for f in hits] == [("its", "it's")]


def test_builtin_checks_stay_quiet_on_a_clean_story(capsys, desk, clean):
    code, out, _ = run(capsys, ["check", "-f", "json", "--fail-on", "warning", str(clean)], desk)
    assert code == 0, json.loads(out)["findings"]


def test_builtin_checks_flag_a_misspelling(capsys, desk, tmp_path):
    path = tmp_path / "spell.txt"
    path.write_text(
        "Port talks stall\n\nThe goverment has so far declined to intervene in the dispute, "
        "a spokesman said on Monday.\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, ["check", "-f", "jsonl", "--checks", "spelling", str(path)], desk)
    hits = [(f["text"], f["suggestion"]) for f in json.loads(out)["findings"]]
    assert ("goverment", "government") in hits


def test_builtin_weekday_check_in_the_text_report(capsys, desk, tmp_path):
    path = tmp_path / "weekday.txt"
    path.write_text(
        "Council vote delayed\n\nThe council met on Wednesday, June 6, 2024, to discuss "
        "the budget, officials said.\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, ["check", "--checks", "dates.weekday", str(path)], desk)
    lines = out.splitlines()
    k = next(i for i, line in enumerate(lines) if line.startswith("  3:20  dates.weekday"))
    assert lines[k + 2].strip() == "^" * len("Wednesday") and "→ Thursday" in out


# ------------------------------------------------------------------ the console script


def test_console_script_version():
    proc = subprocess.run(
        [str(EXE), "--version"], check=False, capture_output=True, text=True, timeout=60
    )
    assert (proc.returncode, proc.stdout.strip()) == (0, "copydesk 0.1.0")


def test_python_dash_m_runs_the_cli():
    proc = subprocess.run([sys.executable, "-m", "copydesk", "--version"],
                          check=False, capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "copydesk 0.1.0"


def test_console_script_check_jsonl_with_a_missing_file(story, tmp_path):
    missing = tmp_path / "missing.txt"
    proc = subprocess.run(
        [str(EXE), "check", "-f", "jsonl", "--no-progress", str(story), str(missing)],
        check=False, capture_output=True, text=True, timeout=300,
    )
    objects = [json.loads(line) for line in proc.stdout.splitlines()]
    for obj in objects:
        validate(obj)
    assert proc.returncode == 2 and [o["error"] is None for o in objects] == [True, False]
    assert f"copydesk: {missing}: " in proc.stderr


# ------------------------------------------------------------------ documentation


def test_every_option_and_subcommand_is_documented():
    from copydesk.cli.main import build_parser

    page = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    missing = [f"copydesk {name}" for name in commands if f"`copydesk {name}`" not in page]
    for sub in commands.values():
        for action in sub._actions:
            missing += [opt for opt in action.option_strings if opt not in ("-h", "--help")
                        and f"`{opt}" not in page and f"{opt}`" not in page]
    assert missing == []


# ------------------------------------------------------------------ untrusted input in outputs


def test_console_script_keeps_escape_sequences_from_input_off_the_terminal(tmp_path):
    """A hostile file name (ESC sequences, a newline, HTML) and a headline that clears the
    screen and sets the window title: no ESC from the input in stdout or stderr bytes."""
    hostile = "\x1b]0;pwned\x07\x1b[2J"
    story = tmp_path / f"a{hostile}\n<script>alert(1)<script>.txt"  # no "/" in a file name
    story.write_text(f"Harbour talks {hostile}collapse\n\n{STORY.split(chr(10), 2)[2]}",
                     encoding="utf-8")
    empty = tmp_path / "empty\x1b]8;;evil.example\x1b\\.txt"
    empty.write_bytes(b"")
    for fmt in ("text", "markdown"):
        proc = subprocess.run(
            [str(EXE), "check", "-f", fmt, "--no-progress", "--color", "always",
             str(story), str(empty)],
            check=False, capture_output=True, timeout=300,
        )
        assert proc.returncode == 2
        stdout = proc.stdout if fmt == "markdown" else re.sub(rb"\x1b\[[0-9;]*m", b"", proc.stdout)
        assert b"\x1b" not in stdout and b"\x07" not in stdout
        assert b"\x1b" not in proc.stderr
        assert "empty⟨U+001B⟩]8;;evil.example⟨U+001B⟩".encode() in proc.stderr
        assert "⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+001B⟩[2Jcollapse".encode() in stdout.replace(b"\\", b"")
        assert b"\n<script>" not in stdout


def test_extraction_option_reaches_the_html_extractor(capsys, plumbing_desk, monkeypatch):
    from copydesk.ingest import html

    seen = []
    real = html.extract

    def spy(tree, url=None, **options):
        seen.append((options.get("fast"), options.get("lean")))
        return real(tree, url, **options)

    monkeypatch.setattr(html, "extract", spy)
    page = str(Path(__file__).resolve().parents[1] / "fixtures" / "html" / "news_article.html")
    code, out, _ = run(capsys, ["check", "--format", "json", "--no-isolation", "--extraction", "fast", page], plumbing_desk)
    assert code == 0 and json.loads(out)["article"]["headline"]
    assert seen == [(True, False)]
    code, out, _ = run(capsys, ["check", "--format", "json", "--no-isolation", "--extraction", "lean", page], plumbing_desk)
    assert code == 0 and json.loads(out)["article"]["headline"]
    assert seen == [(True, False), (False, True)]
    code, _, err = run(capsys, ["check", "--extraction", "quick", page], plumbing_desk)
    assert code == 2 and "--extraction" in err


def test_a_reader_that_goes_away_stops_the_output_quietly(story, tmp_path):
    # `copydesk check a b | head -1`: the closed pipe is nobody's input error and prints nothing
    second = tmp_path / "second.txt"
    second.write_text(Path(story).read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.Popen([str(EXE), "check", "--format", "text", str(story), str(second)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert b"could not be written" not in err and b"Traceback" not in err
