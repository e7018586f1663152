"""The interface every output format implements: write reports one at a time, then close.

Writers stream: each report is written as soon as it arrives (a format that must see the whole
run, like a JSON array, holds only what it needs). ``close`` writes whatever ends the output
(a summary line, closing tags) and flushes; it never closes ``out``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk.report import Report
    from copydesk.report.summary import Summary


class ReportWriter:
    """Base class of the output formats. ``styled`` asks for terminal colours where a format
    has them (only the text format does)."""

    #: The ``--format`` name.
    name = ""

    def __init__(self, out: TextIO, *, styled: bool = False):
        self.out = out
        self.styled = styled

    def write(self, report: Report) -> None:
        raise NotImplementedError

    def close(self, summary: Summary) -> None:
        self.out.flush()
