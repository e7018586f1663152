"""The terminal/plain-text report (copydesk.report.textreport)."""

import io

from copydesk.desk.report import Report
from copydesk.model import InputError
from copydesk.report.summary import Summary
from copydesk.report.textreport import TextWriter, render_report

TEXT = "Harbour strike\n\nUnion leaders said its too late.\nThe goverment declined to comment.\n"


def plain(report) -> str:
    return "\n".join(line.plain for line in render_report(report))


def test_finding_shows_line_and_column(make_report):
    report = make_report(TEXT, [("its", "grammar.confusables", "error")])
    assert "3:20  grammar.confusables" in plain(report)


def test_carets_sit_under_the_span(make_report):
    report = make_report(TEXT, [("goverment", "spelling", "warning")])
    lines = plain(report).splitlines()
    k = next(i for i, line in enumerate(lines) if "The goverment declined" in line)
    column = lines[k].index("goverment")
    assert lines[k + 1] == " " * column + "^" * len("goverment")


def test_suggestion_follows_an_arrow(make_report):
    report = make_report(TEXT, [("goverment", "spelling", "warning", "government")])
    assert "→ government" in plain(report)


def test_groups_errors_before_warnings_before_info(make_report):
    report = make_report(TEXT, [("Harbour", "style.a", "info"), ("its", "grammar.b", "warning"),
                                ("goverment", "spelling", "error")])
    output = plain(report)
    assert output.index("1 Error") < output.index("1 Warning") < output.index("1 Info")


def test_failed_input_shows_its_error():
    report = Report(source="gone.txt", error=InputError("not-found", "no such file"))
    assert "input failed (not-found): no such file" in plain(report)


def test_header_shows_headline_and_word_count(make_report):
    output = plain(make_report(TEXT, [], headline="Harbour strike"))
    assert "Harbour strike" in output and "13 words" in output


def test_summary_line_counts_severities_and_failures(make_report):
    out = io.StringIO()
    writer = TextWriter(out)
    summary = Summary()
    reports = [
        make_report(TEXT, [("its", "a.b", "error"), ("goverment", "c.d", "error"),
                           ("Harbour", "e.f", "info")]),
        Report(source="gone.txt", error=InputError("not-found", "no such file")),
    ]
    for report in reports:
        writer.write(report)
        summary.add(report)
    writer.close(summary)
    assert out.getvalue().rstrip().endswith(
        "2 errors, 0 warnings, 1 info in 1 article; 1 input failed"
    )


def test_plain_output_has_no_escape_codes(make_report):
    out = io.StringIO()
    TextWriter(out).write(make_report(TEXT, [("its", "a.b", "error")]))
    assert "\x1b[" not in out.getvalue()


def test_styled_output_underlines_instead_of_carets(make_report):
    out = io.StringIO()
    TextWriter(out, styled=True).write(make_report(TEXT, [("its", "a.b", "error")]))
    assert "\x1b[" in out.getvalue() and "^^^" not in out.getvalue()
