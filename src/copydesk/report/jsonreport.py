"""JSON and JSON Lines output: the schema-1 object of ``Report.to_dict()`` (see
``docs/json-schema.md`` and ``schema-v1.json``).

- ``jsonl``: one object per input, one per line, in input order, flushed as each input finishes.
- ``json``: one object when the run produced exactly one report, otherwise an array of objects
  in input order (also when there are none: ``[]``). Use ``jsonl`` when a tool needs one shape.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from copydesk.report.writer import ReportWriter

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk.report import Report
    from copydesk.report.summary import Summary


def dumps(report: Report, *, indent: int | None = None) -> str:
    """The schema-1 JSON text of one report (UTF-8 characters kept, not escaped)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=indent)


class JsonlWriter(ReportWriter):
    """One compact object per line."""

    name = "jsonl"

    def write(self, report: Report) -> None:
        self.out.write(dumps(report) + "\n")
        self.out.flush()


class JsonWriter(ReportWriter):
    """One indented object for one report, an array for any other number."""

    name = "json"

    def __init__(self, out: TextIO, *, styled: bool = False, indent: int = 2):
        super().__init__(out, styled=styled)
        self.indent = indent
        self._first: dict[str, Any] | None = None
        self._count = 0

    def write(self, report: Report) -> None:
        self._count += 1
        if self._count == 1:  # wait: one report is printed as an object, several as an array
            self._first = report.to_dict()
            return
        if self._count == 2:
            self.out.write("[\n" + self._indented(self._first))
            self._first = None
        self.out.write(",\n" + self._indented(report.to_dict()))
        self.out.flush()

    def close(self, summary: Summary) -> None:
        if self._count == 0:
            self.out.write("[]\n")
        elif self._count == 1:
            self.out.write(json.dumps(self._first, ensure_ascii=False, indent=self.indent) + "\n")
        else:
            self.out.write("\n]\n")
        super().close(summary)

    def _indented(self, value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=self.indent)
        pad = " " * self.indent
        return "\n".join(pad + line for line in text.splitlines())
