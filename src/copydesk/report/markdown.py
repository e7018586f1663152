"""Markdown output, for pasting into a ticket, a pull request or a chat: per article a heading,
the metadata, and a numbered list of findings with the sentence quoted and the span in bold.

    ## Dock workers vote to strike as port talks collapse

    `examples/harbour-strike.txt` · published 2023-03-03 07:40 · 312 words

    1. **error** `grammar.confusables` at 7:20
       > Union leaders said **its** “too late for half measures” after…

       “its” is the possessive; “it's” is “it is”. → **it's**

Everything from the input is escaped: Markdown and HTML syntax with a backslash, control
characters (ESC, bidi overrides, a newline in a file name) as ``⟨U+001B⟩``, and invisible
characters in a flagged span, a message or a suggestion as ``⟨U+200D⟩`` (``report.visible``),
so that no input can open an HTML block, break a table, start code or reach a terminal raw.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from copydesk.report.locate import TextIndex, snippet
from copydesk.report.summary import article_facts
from copydesk.report.visible import visible
from copydesk.report.writer import ReportWriter

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk.report import Report
    from copydesk.model import Article, Finding
    from copydesk.report.summary import Summary

#: Characters with a meaning in CommonMark inline text, escaped with a backslash.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+|~&])")


def md_escape(value: str, *, invisible: bool = False, spaces: bool = True) -> str:
    """Text shown literally in Markdown (no emphasis, links, HTML, entities or table breaks).

    A newline or tab becomes a space (with ``spaces=False`` it is shown, like every other
    control character, as ``⟨U+XXXX⟩``); ``invisible`` shows invisible characters too."""
    if spaces:
        value = value.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return visible(_SPECIAL.sub(r"\\\1", value), invisible=invisible)


def md_code(value: str) -> str:
    """An inline code span that survives backticks in ``value``; control characters (a newline
    too: it would end the span's line) are shown as ``⟨U+XXXX⟩``."""
    value = visible(value)
    fence = "`"
    while fence in value:
        fence += "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


class MarkdownWriter(ReportWriter):
    """One section per report, the run's summary at the end."""

    name = "markdown"

    def write(self, report: Report) -> None:
        self.out.write(render_report(report))
        self.out.flush()

    def close(self, summary: Summary) -> None:
        self.out.write(f"---\n\n_{md_escape(summary.line())}_\n")
        super().close(summary)


def render_report(report: Report) -> str:
    """The Markdown for one report."""
    article = report.article
    title = article.headline if article is not None and article.headline else report.source
    lines = [f"## {md_escape(title, spaces=False)}", ""]
    if report.error is not None:
        lines += [
            (
                f"{md_code(report.source)} · **input failed** ({md_escape(report.error.kind)}): "
                f"{md_escape(report.error.message)}"
            ),
            "",
        ]
        return "\n".join(lines) + "\n"
    lines += [_metadata(report.source, article), ""]
    if article is not None and article.warnings:
        lines += [f"> **Input warning:** {md_escape(w)}" for w in article.warnings] + [""]
    if not report.findings:
        return "\n".join(lines + ["No findings.", ""]) + "\n"
    text = article.text if article is not None else ""
    index = TextIndex(text)
    ordered = sorted(report.findings, key=lambda f: (-f.severity, f.start, f.end))
    for k, finding in enumerate(ordered, 1):
        lines += _finding(k, finding, text, index, report)
    return "\n".join(lines) + "\n"


def _finding(k: int, finding: Finding, text: str, index: TextIndex, report: Report) -> list[str]:
    piece = snippet(text, finding.start, finding.end, index=index, analysed=report.analysed)
    core = piece.marked.strip()
    lead = piece.marked[: len(piece.marked) - len(piece.marked.lstrip())]
    trail = piece.marked[len(piece.marked.rstrip()) :]
    marked = f"{lead}**{md_escape(core, invisible=True)}**{trail}" if core else "**‸**"
    quote = md_escape(piece.before) + marked + md_escape(piece.after)
    message = md_escape(finding.message, invisible=True)
    if finding.suggestion:
        message += f" → **{md_escape(finding.suggestion, invisible=True)}**"
    where = index.label(finding.start)
    out = [
        f"{k}. **{finding.severity.label}** {md_code(finding.check)} at {where}",
        f"   > {quote}",
        "",
        f"   {message}",
    ]
    for evidence in finding.evidence:
        where = f" (at {index.label(evidence.start)})" if evidence.start is not None else ""
        out.append(f"   - {md_escape(evidence.kind)}: {md_escape(evidence.detail, invisible=True)}{where}")
    out.append("")
    return out


def _metadata(source: str, article: Article | None) -> str:
    facts = [md_code(source)]
    if article is not None:
        facts += [md_escape(fact) for fact in article_facts(article)]
    return " · ".join(facts)

