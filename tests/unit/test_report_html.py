"""The self-contained HTML report (copydesk.report.htmlreport)."""

import io
import re
from html.parser import HTMLParser

from copydesk.desk.report import Report
from copydesk.model import InputError
from copydesk.report.htmlreport import HtmlWriter, highlight
from copydesk.report.summary import Summary

TEXT = "Talks fail\n\nThe union said <script>alert('x')</script> its over & the goverment waits.\n"
VOID = {"meta", "br", "hr", "img", "input", "link"}


def page(*reports) -> str:
    out = io.StringIO()
    writer = HtmlWriter(out)
    summary = Summary()
    for report in reports:
        writer.write(report)
        summary.add(report)
    writer.close(summary)
    return out.getvalue()


class TagBalance(HTMLParser):
    """Fails on a closing tag that does not match the open one (broken nesting)."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def balanced(html: str) -> bool:
    parser = TagBalance()
    parser.feed(html)
    parser.close()
    return not parser.errors and not parser.stack


def test_article_script_is_escaped(make_report):
    html = page(make_report(TEXT, [("its", "grammar.confusables", "error")]))
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_no_external_references(make_report):
    html = page(make_report(TEXT, [("its", "grammar.confusables", "error")]))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html


def test_span_is_highlighted_with_its_severity(make_report):
    html = page(make_report(TEXT, [("goverment", "spelling", "warning", "government")]))
    assert re.search(r'<mark class="warning" title="[^"]*government[^"]*">goverment</mark>', html)


def test_marker_links_to_finding_in_list(make_report):
    html = page(make_report(TEXT, [("its", "grammar.confusables", "error")]))
    assert 'href="#a1-f1"' in html and 'id="a1-f1"' in html


def test_overlapping_spans_keep_markup_balanced(make_report):
    report = make_report(TEXT, [("the goverment", "style.x", "info"),
                                ("goverment waits", "spelling", "error"),
                                ("over & the", "grammar.y", "warning")])
    assert balanced(page(report))


def test_overlap_piece_takes_most_serious_severity(make_report):
    report = make_report(TEXT, [("the goverment", "style.x", "info"),
                                ("goverment", "spelling", "error")])
    assert '<mark class="error"' in highlight(report.article.text, report.findings)


def test_highlight_keeps_the_text(make_report):
    report = make_report(TEXT, [("the goverment", "a.b", "info"), ("goverment", "c.d", "error")])
    html = highlight(report.article.text, report.findings)
    without_tags = re.sub(r"<sup.*?</sup>|<[^>]+>", "", html)
    assert without_tags == TEXT.replace("&", "&amp;").replace("<", "&lt;").replace(
        ">", "&gt;").replace("'", "&#x27;")


def test_failed_input_is_shown(make_report):
    html = page(Report(source="gone<1>.txt", error=InputError("not-found", "no such file")))
    assert "gone&lt;1&gt;.txt" in html and "no such file" in html


def test_page_is_one_balanced_document(make_report):
    html = page(make_report(TEXT, [("its", "a.b", "error")]), make_report(TEXT, []))
    assert html.startswith("<!DOCTYPE html>") and balanced(html)


def test_page_furniture_is_greyed_and_findings_still_marked(make_report):
    from copydesk.model import Region

    text = "Skip to main content\n\nTalks fail\n\nThe goverment waits.\n"
    report = make_report(text, [("goverment", "spelling", "warning")])
    regions = [Region(0, 20, "furniture"), Region(22, 32, "headline"), Region(34, 54, "body")]
    html = highlight(text, report.findings, regions=regions)
    assert '<span class="r-furniture">Skip to main content</span>' in html
    assert '<span class="r-headline">Talks fail</span>' in html
    assert '<mark class="warning"' in html and balanced(html)
