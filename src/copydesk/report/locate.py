"""Where a span is, for people: 1-based line and column numbers, and a short piece of context
(the sentence or the line) around a span.

Columns count characters (Python ``str`` indices), not bytes and not terminal cells: column 1 is
the first character of the line. Lines are separated by ``\\n`` only (``Article.text`` never holds
``\\r\\n``; a lone ``\\r`` is treated as an ordinary character).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle

#: Longest context shown around a span, in characters (the span itself is never cut).
CONTEXT_WIDTH = 160

ELLIPSIS = "…"


class TextIndex:
    """Line starts of one text, for fast offset -> (line, column) look-ups."""

    def __init__(self, text: str):
        self.text = text
        starts = [0]
        position = text.find("\n")
        while position != -1:
            starts.append(position + 1)
            position = text.find("\n", position + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a character offset (``len(text)`` is allowed)."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """``[start, end)`` of the line holding ``offset``, without its newline."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        end = self.text.find("\n", start)
        return start, len(self.text) if end == -1 else end

    def label(self, offset: int) -> str:
        """``"line:col"`` of an offset."""
        line, column = self.position(offset)
        return f"{line}:{column}"


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of context and where the span sits in it (``[mark_start, mark_end)`` of ``text``).

    ``text`` is one line: newlines inside a multi-line span are shown as spaces."""

    text: str
    mark_start: int
    mark_end: int

    @property
    def before(self) -> str:
        return self.text[: self.mark_start]

    @property
    def marked(self) -> str:
        return self.text[self.mark_start : self.mark_end]

    @property
    def after(self) -> str:
        return self.text[self.mark_end :]


def snippet(
    text: str,
    start: int,
    end: int,
    *,
    index: TextIndex | None = None,
    analysed: AnalysedArticle | None = None,
    width: int = CONTEXT_WIDTH,
) -> Snippet:
    """The sentence holding ``[start, end)`` (when ``analysed`` has sentences) or else its line,
    trimmed to about ``width`` characters around the span with ``…`` where it was cut."""
    start = min(max(start, 0), len(text))
    end = min(max(end, start), len(text))
    lo, hi = _context_bounds(text, start, end, index, analysed)
    lo, hi = min(lo, start), max(hi, end)
    room = max(width - (end - start), 0)
    left, right = lo, hi
    if (start - lo) + (hi - end) > room:
        left_room = max(room // 2, room - (hi - end))
        left = max(lo, start - left_room)
        right = min(hi, end + max(room - (start - left), 0))
        left, right = _word_edges(text, left, right, lo, hi, start, end)
    prefix = ELLIPSIS if left > lo else ""
    suffix = ELLIPSIS if right < hi else ""
    before = prefix + _one_line(text[left:start].lstrip() if not prefix else text[left:start])
    marked = _one_line(text[start:end])
    after = _one_line(text[end:right].rstrip() if not suffix else text[end:right]) + suffix
    return Snippet(before + marked + after, len(before), len(before) + len(marked))


def _context_bounds(
    text: str,
    start: int,
    end: int,
    index: TextIndex | None,
    analysed: AnalysedArticle | None,
) -> tuple[int, int]:
    if analysed is not None and analysed.sentences:
        first = analysed.sentence_of(start)
        last = analysed.sentence_of(max(end - 1, start))
        if (
            first is not None
            and last is not None
            and first.start <= start
            and end <= last.end
            and "\n" not in text[first.start : last.end]
        ):
            return first.start, last.end
    index = index or TextIndex(text)
    lo, _ = index.line_bounds(start)
    _, hi = index.line_bounds(end)
    return lo, hi


def _word_edges(
    text: str, left: int, right: int, lo: int, hi: int, start: int, end: int
) -> tuple[int, int]:
    """Move cut points to the nearest space so that words are not chopped (never into the span)."""
    if left > lo:
        space = text.find(" ", left, start)
        if space != -1:
            left = space + 1
    if right < hi:
        space = text.rfind(" ", end, right)
        if space != -1:
            right = space
    return left, right


def _one_line(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ").replace("\t", " ")
