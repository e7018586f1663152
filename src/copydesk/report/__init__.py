"""Reports: how findings are shown (text, JSON, JSON Lines, HTML, Markdown).

Every format is a ``ReportWriter``: ``write(report)`` for each input as it finishes, then
``close(summary)``. ``open_writer("html", out)`` picks one by its ``--format`` name.
"""

from __future__ import annotations

from typing import TextIO

from copydesk.report.writer import ReportWriter

#: ``--format`` name -> "module:class" (imported on use, so ``rich`` loads only for ``text``).
FORMATS = {
    "text": "copydesk.report.textreport:TextWriter",
    "json": "copydesk.report.jsonreport:JsonWriter",
    "jsonl": "copydesk.report.jsonreport:JsonlWriter",
    "html": "copydesk.report.htmlreport:HtmlWriter",
    "markdown": "copydesk.report.markdown:MarkdownWriter",
}


def open_writer(name: str, out: TextIO, *, styled: bool = False) -> ReportWriter:
    """The writer of format ``name`` on ``out``; ``ValueError`` for an unknown name."""
    import importlib

    try:
        target = FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}") from None
    module_name, class_name = target.split(":")
    writer_class = getattr(importlib.import_module(module_name), class_name)
    return writer_class(out, styled=styled)


__all__ = ["FORMATS", "ReportWriter", "open_writer"]
