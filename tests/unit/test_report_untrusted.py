"""Input text in outputs: control characters shown, Markdown escaped, the HTML page under a
strict Content-Security-Policy, invisible characters shown in messages (copydesk.report.visible
and the writers, on hand-built reports)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re

import pytest
from markdown_it import MarkdownIt

from copydesk.desk.report import Report
from copydesk.model import Evidence, InputError
from copydesk.report.htmlreport import CSS, page_head
from copydesk.report.htmlreport import render_report as render_html
from copydesk.report.jsonreport import dumps
from copydesk.report.markdown import md_code, md_escape
from copydesk.report.markdown import render_report as render_markdown
from copydesk.report.textreport import TextWriter
from copydesk.report.visible import visible

#: Clear screen, set the window title, an OSC 8 hyperlink, a bidi override.
HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\u202egnp.exe"
TEXT = f"Talks fail {HOSTILE}\n\nThe union said its over.\nThe Bi\u200dden plan waits.\n"
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_report(make_report, source=f"a{HOSTILE}\n<script>alert(1)</script>.txt"):
    report = make_report(
        TEXT,
        [
            ("its", "grammar.confusables", "error", f"it's{HOSTILE}",
             [Evidence("lexicon", f"detail {HOSTILE}")]),
            ("Bi\u200dden", "names.unknown-variant", "warning", "Biden"),
        ],
        source=source,
        headline=f"Headline {HOSTILE}",
    )
    report.findings[1].message = "'Bi\u200dden' is not a known spelling of Joe Biden"
    return report


def text_output(report, *, styled: bool) -> str:
    out = io.StringIO()
    writer = TextWriter(out, styled=styled, width=100)
    writer.write(report)
    return out.getvalue()


# ------------------------------------------------------------------ visible


def test_controls_and_bidi_overrides_are_shown_as_code_points():
    assert visible("a\x1b[2Jb\u202ec\x9bd\x7f") == "a⟨U+001B⟩[2Jb⟨U+202E⟩c⟨U+009B⟩d⟨U+007F⟩"


def test_tab_and_newline_are_kept_only_when_asked():
    assert visible("a\tb\nc", keep="\t\n") == "a\tb\nc"
    assert visible("a\nb") == "a⟨U+000A⟩b"


def test_invisible_characters_are_shown_only_when_asked():
    assert visible("Bi\u200dden") == "Bi\u200dden"
    assert visible("Bi\u200dden\u00ad\ufeff", invisible=True) == "Bi⟨U+200D⟩den⟨U+00AD⟩⟨U+FEFF⟩"


# ------------------------------------------------------------------ text


@pytest.mark.parametrize("styled", [False, True])
def test_text_report_has_no_control_character_from_the_input(make_report, styled):
    output = text_output(hostile_report(make_report), styled=styled)
    if styled:  # rich's own colour codes are ESC [ ... m; nothing else may be there
        output = re.sub("\x1b\\[[0-9;]*m", "", output)
    assert RAW_CONTROLS.search(output) is None
    assert "Headline ⟨U+001B⟩[2J⟨U+001B⟩]0;pwned⟨U+0007⟩" in output
    assert "── a⟨U+001B⟩[2J" in output and "⟨U+000A⟩<script>" in output  # one header line
    assert "→ it's⟨U+001B⟩[2J" in output and "· lexicon: detail ⟨U+001B⟩" in output


def test_text_report_shows_invisible_characters_in_the_span_and_the_message(make_report):
    output = text_output(hostile_report(make_report), styled=False)
    assert "'Bi⟨U+200D⟩den' is not a known spelling of Joe Biden" in output
    line = next(line for line in output.splitlines() if line.startswith("    The Bi"))
    carets = output.splitlines()[output.splitlines().index(line) + 1]
    assert line == "    The Bi⟨U+200D⟩den plan waits."
    assert carets.strip() == "^" * len("Bi⟨U+200D⟩den") and carets.index("^") == line.index("Bi")


def test_text_report_failed_input_shows_controls(make_report):
    report = Report(source="bad\x1b]0;x\x07.txt", error=InputError("empty", "no text\x1b[2J"))
    output = text_output(report, styled=False)
    assert "\x1b" not in output and "bad⟨U+001B⟩]0;x⟨U+0007⟩.txt" in output
    assert "no text⟨U+001B⟩[2J" in output


# ------------------------------------------------------------------ markdown


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def test_markdown_keeps_no_control_character(make_report):
    output = render_markdown(hostile_report(make_report))
    assert RAW_CONTROLS.search(output) is None
    assert "⟨U+001B⟩\\[2J" in output and "⟨U+202E⟩" in output
    assert "Bi⟨U+200D⟩den" in output


def test_markdown_file_name_with_newline_and_script_renders_as_text(make_report):
    source = "a\n<script>alert(1)</script>.txt"
    html = rendered(render_markdown(hostile_report(make_report, source=source)))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in html
    html = rendered(render_markdown(Report(source=source, error=InputError("empty", "no text"))))
    assert "<script>" not in html and "a⟨U+000A⟩&lt;script&gt;" in html


@pytest.mark.parametrize(
    "name",
    ["a|b|c.txt", "`rm -rf`.txt", "``x``", "<img src=x onerror=alert(1)>.txt", "&lt;b&gt;.txt",
     "<!-- open", "x\n\n# heading\n\n| a | b |\n|---|---|"],
)
def test_markdown_file_names_never_become_markup(make_report, name):
    for report in (
        make_report("A plain story.\n", [], source=name),
        Report(source=name, error=InputError("empty", name)),
    ):
        html = rendered(render_markdown(report))
        assert not re.search(r"<(?!/?(h2|p|code|strong|em|ol|li|blockquote|ul|hr)\b)", html), html
        assert "<h1>" not in html and "<table" not in html


def test_md_escape_shows_controls_and_escapes_entities():
    assert md_escape("&amp; \x1b[2J") == "\\&amp; ⟨U+001B⟩\\[2J"
    assert md_code("a\nb") == "`a⟨U+000A⟩b`"


# ------------------------------------------------------------------ html


def csp_of(html: str) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert match is not None
    return match.group(1).replace("&#x27;", "'")


def test_html_page_carries_a_strict_policy_that_allows_its_own_style():
    head = page_head("copydesk report")
    policy = {part.split()[0]: part.split()[1:] for part in csp_of(head).split("; ")}
    digest = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
    assert policy["default-src"] == ["'none'"] and policy["script-src"] == ["'none'"]
    assert policy["style-src"] == [f"'sha256-{digest}'"] and policy["img-src"] == ["'none'"]
    assert f"<style>{CSS}</style>" in head
    assert head.index("Content-Security-Policy") < head.index("<style>")


def test_html_report_has_no_script_no_inline_style_and_shows_invisibles(make_report):
    html = render_html(hostile_report(make_report))
    assert "<script" not in html and " style=" not in html
    assert "Bi⟨U+200D⟩den&#x27; is not a known spelling" in html
    assert "a⟨U+001B⟩[2J" in html


# ------------------------------------------------------------------ json


def test_json_keeps_the_exact_text_and_offsets(make_report):
    report = hostile_report(make_report)
    encoded = dumps(report)
    assert "\x1b" not in encoded and "\\u001b" in encoded
    obj = json.loads(encoded)
    text = obj["article"]["text"]
    assert text == TEXT
    for finding in obj["findings"]:
        assert text[finding["start"]:finding["end"]] == finding["text"]
    assert any(f["text"] == "Bi\u200dden" for f in obj["findings"])
