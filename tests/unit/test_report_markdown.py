"""The Markdown report (copydesk.report.markdown)."""

from copydesk.desk.report import Report
from copydesk.model import Evidence, InputError
from copydesk.report.markdown import md_code, md_escape, render_report

TEXT = "Talks fail\n\nThe union said its over, *really*.\nThe goverment waits.\n"


def test_span_is_bold_inside_the_quoted_sentence(make_report):
    output = render_report(make_report(TEXT, [("its", "grammar.confusables", "error")]))
    assert "> The union said **its** over, \\*really\\*." in output


def test_finding_line_has_severity_check_and_position(make_report):
    output = render_report(make_report(TEXT, [("goverment", "spelling", "warning")]))
    assert "1. **warning** `spelling` at 4:5" in output


def test_suggestion_and_evidence_are_listed(make_report):
    evidence = [Evidence("lexicon", "not in the en_US dictionary")]
    output = render_report(
        make_report(TEXT, [("goverment", "spelling", "warning", "government", evidence)])
    )
    assert "→ **government**" in output and "- lexicon: not in the en\\_US dictionary" in output


def test_errors_are_listed_before_info(make_report):
    output = render_report(
        make_report(TEXT, [("Talks", "style.a", "info"), ("goverment", "spelling", "error")])
    )
    assert output.index("`spelling`") < output.index("`style.a`")


def test_failed_input():
    output = render_report(Report(source="gone.txt", error=InputError("empty", "no text")))
    assert "**input failed** (empty): no text" in output


def test_escape_neutralises_markup():
    assert md_escape("<b>[x](y)|z</b>") == "\\<b\\>\\[x\\](y)\\|z\\</b\\>"


def test_code_span_survives_backticks():
    assert md_code("a`b") == "``a`b``"
