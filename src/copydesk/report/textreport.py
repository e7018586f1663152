"""The terminal report: per input a header, the findings grouped by severity, a summary line.

On a terminal (``styled=True``) spans are underlined in their severity's colour through ``rich``;
otherwise the output is plain text with ``^^^`` carets under each span, stable enough for tests
and for piping into other tools. ``NO_COLOR`` is honoured by the caller deciding ``styled``
(see ``copydesk.cli.main``) and by rich itself.

Nothing from the input reaches the terminal raw: control characters (ESC, bidi overrides, ...)
in sources, headlines, context, messages and evidence are shown as ``⟨U+001B⟩``, and invisible
characters in a flagged span, a message or a suggestion as ``⟨U+200D⟩`` (``report.visible``).

    3:20  grammar.confusables
        Union leaders said its “too late for half measures” after a fourth round…
                           ^^^
        “its” is the possessive; “it's” is “it is”.
        → it's
        · lexicon: its/it's
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from copydesk.model import Severity
from copydesk.report.locate import TextIndex, snippet
from copydesk.report.summary import SEVERITY_ORDER, article_facts, plural
from copydesk.report.visible import has_controls, shown, visible
from copydesk.report.writer import ReportWriter

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk.report import Report
    from copydesk.model import Article, Finding
    from copydesk.report.summary import Summary

STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
INDENT = "    "
RULE = "─"


class TextWriter(ReportWriter):
    """Human-readable report for a terminal or a plain-text file."""

    name = "text"

    def __init__(self, out: TextIO, *, styled: bool = False, width: int | None = None):
        super().__init__(out, styled=styled)
        if width is None:  # a terminal's own width, within reason; 100 columns for files
            columns = shutil.get_terminal_size((100, 24)).columns if styled else 100
            width = min(max(columns, 60), 160)
        self.width = width
        self._console = (
            Console(
                file=out,
                force_terminal=True,
                highlight=False,
                markup=False,
                emoji=False,
                soft_wrap=True,
                width=width,
            )
            if styled
            else None
        )

    def write(self, report: Report) -> None:
        for line in render_report(report, styled=self.styled, width=self.width):
            self._emit(line)
        self.out.flush()

    def close(self, summary: Summary) -> None:
        self._emit(Text(summary.line(), style="bold"))
        super().close(summary)

    def _emit(self, line: Text) -> None:
        # Every piece is made visible where it is built; this is the net under them.
        if has_controls(line.plain):
            line = Text(visible(line.plain), line.style)
        if self._console is not None:
            self._console.print(line)
        else:
            self.out.write(line.plain + "\n")


def render_report(report: Report, *, styled: bool = False, width: int = 100) -> list[Text]:
    """The lines for one report (rich ``Text``; ``.plain`` is the uncoloured form)."""
    lines = [_rule(report.source, width)]
    if report.error is not None:
        lines.append(
            Text(
                f"  input failed ({visible(report.error.kind)}): {visible(report.error.message)}",
                "red",
            )
        )
        lines.append(Text(""))
        return lines
    if report.article is not None:
        lines.extend(_header(report.article))
    if not report.findings:
        lines.append(Text("  no findings", "green"))
        lines.append(Text(""))
        return lines
    text = report.article.text if report.article is not None else ""
    index = TextIndex(text)
    for severity in SEVERITY_ORDER:
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        lines.append(Text(""))
        lines.append(Text(plural(len(group), severity.label).title(), f"bold {STYLES[severity]}"))
        for finding in group:
            lines.extend(_finding_lines(finding, report, text, index, styled, width))
    lines.append(Text(""))
    return lines


def _rule(source: str, width: int) -> Text:
    title = f"{RULE * 2} {visible(source)} "
    return Text(title + RULE * max(width - cell_len(title), 3), "bold")


def _header(article: Article) -> list[Text]:
    lines = []
    if article.headline:
        lines.append(Text(visible(article.headline), "bold"))
    lines.append(Text(visible(" · ".join(article_facts(article))), "dim"))
    lines.extend(Text(f"  input warning: {visible(w)}", "yellow") for w in article.warnings)
    return lines


def _finding_lines(
    finding: Finding,
    report: Report,
    text: str,
    index: TextIndex,
    styled: bool,
    width: int,
) -> list[Text]:
    colour = STYLES[finding.severity]
    head = Text(f"  {index.label(finding.start)}  ")
    head.append(visible(finding.check), f"bold {colour}")
    if finding.confidence:
        head.append(f"  ({finding.confidence:.0%})", "dim")
    lines = [head]
    piece = snippet(
        text, finding.start, finding.end, index=index, analysed=report.analysed,
        width=max(width - len(INDENT), 40),
    )
    before, marked, after = visible(piece.before), shown(piece.marked), visible(piece.after)
    context = Text(INDENT + before)
    context.append(marked or "‸", f"underline bold {colour}")
    context.append(after)
    lines.append(context)
    if not styled:
        pad = " " * cell_len(INDENT + before)
        lines.append(Text(pad + "^" * max(cell_len(marked), 1)))
    lines.append(Text(INDENT + shown(finding.message)))
    if finding.suggestion:
        suggestion = Text(INDENT + "→ ")
        suggestion.append(shown(finding.suggestion), "bold green")
        lines.append(suggestion)
    for evidence in finding.evidence:
        where = ""
        if evidence.start is not None:
            where = f" (at {index.label(evidence.start)})"
        detail = f"{visible(evidence.kind)}: {shown(evidence.detail)}"
        lines.append(Text(f"{INDENT}· {detail}{where}", "dim"))
    return lines
