"""``quotes.unbalanced``: a quotation mark that opens and never closes, or closes and never opened.

Curly double marks (“ ”) are matched within each paragraph, with the newspaper convention that a
quotation running on into the next paragraph is left open and the next paragraph reopens it (“).
Straight double marks (") take their role from their position (an opening mark follows a space,
a bracket, a dash or the paragraph start). A quotation left open at the end of a paragraph is
fine when the next paragraph reopens it, or closes it without reopening (a paragraph break
inside a quotation). Single curly marks: an opening ‘ that never closes; a lone ’ is
also the apostrophe, so it is never judged on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Evidence, Finding, Region, Severity

OPEN, CLOSE = "“", "”"


@dataclass(frozen=True, slots=True)
class Unbalanced:
    mark_start: int
    kind: str  # unclosed | unopened
    mark: str


def _regions(article: AnalysedArticle) -> list[Region]:
    return sorted(article.article.paragraphs, key=lambda r: r.start)


def _marks(text: str, region: Region) -> list[tuple[int, str, str]]:
    """(offset, mark, role) of the double quotation marks of a paragraph. Curly marks carry
    their role; a straight mark opens after a space, a bracket or a dash (or at the start)."""
    out = []
    for k in range(region.start, region.end):
        ch = text[k]
        if ch == OPEN:
            out.append((k, ch, "open"))
        elif ch == CLOSE:
            out.append((k, ch, "close"))
        elif ch == '"':
            before = text[k - 1] if k > region.start else " "
            role = "open" if before.isspace() or before in "([{—–-" else "close"
            out.append((k, ch, role))
    return out


def _double(text: str, region: Region) -> tuple[list[Unbalanced], list[Unbalanced]]:
    """(unopened closing marks, unclosed opening marks) of one paragraph."""
    unopened: list[Unbalanced] = []
    stack: list[tuple[int, str]] = []
    for k, mark, role in _marks(text, region):
        if role == "open":
            if stack and text[max(region.start, k - 2) : k].rstrip()[-1:] in (".", "?", "!"):
                # a new sentence reopening a quotation that ran on: the convention for a quote
                # of several paragraphs, here written in one paragraph
                stack[-1] = (stack[-1][0], mark)
                continue
            stack.append((k, mark))
        elif stack:
            stack.pop()
        else:
            unopened.append(Unbalanced(k, "unopened", mark))
    return unopened, [Unbalanced(k, "unclosed", mark) for k, mark in stack[:1]]


def _single(text: str, region: Region) -> list[Unbalanced]:
    found = []
    for k in range(region.start, region.end):
        if text[k] != "‘":
            continue
        closing = text.find("’", k + 1, region.end)
        # a ’ followed by a letter is an apostrophe ("don’t"), not the closing mark
        while closing != -1 and closing + 1 < region.end and text[closing + 1].isalpha():
            closing = text.find("’", closing + 1, region.end)
        if closing == -1:
            found.append(Unbalanced(k, "unclosed", "‘"))
    return found


@register("quotes.unbalanced", severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A quotation mark that never closes, or a closing mark that never opened."""
    text = article.text
    regions = _regions(article)
    pending: list[tuple[Region, Unbalanced]] = []  # unclosed in the previous paragraph
    for region in regions:
        unopened, unclosed = _double(text, region)
        starts_quoted = bool(_marks(text, region)) and text[region.start] in (OPEN, '"')
        if pending and (starts_quoted or unopened):
            # the quotation runs on into this paragraph (reopened, or closed without reopening)
            pending = []
            unopened = unopened[1:] if not starts_quoted else unopened
        for previous_region, problem in pending:
            yield _finding(text, previous_region, problem)
        for problem in unopened:
            yield _finding(text, region, problem)
        pending = [(region, problem) for problem in unclosed]
        for problem in _single(text, region):
            yield _finding(text, region, problem)
    for previous_region, problem in pending:
        yield _finding(text, previous_region, problem)


def _finding(text: str, region: Region, problem: Unbalanced) -> Finding:
    if problem.kind == "unclosed":
        end = region.end
        span = text[problem.mark_start : end]
        closing = {"“": "”", "‘": "’", '"': '"'}[problem.mark]
        return Finding(
            check="quotes.unbalanced", severity=Severity.WARNING, start=problem.mark_start,
            end=end, text=span,
            message=f"the quotation opened with {problem.mark} is never closed",
            suggestion=span + closing, confidence=0.8,
            evidence=[Evidence("punctuation", f"no closing {closing} before the end of the paragraph,"
                               " and the next paragraph does not reopen the quotation")],
        )
    return Finding(
        check="quotes.unbalanced", severity=Severity.WARNING, start=problem.mark_start,
        end=problem.mark_start + 1, text=problem.mark,
        message=f"the closing quotation mark {problem.mark} has no opening mark",
        suggestion=None, confidence=0.6,
        evidence=[Evidence("punctuation", "no opening mark earlier in the paragraph")],
    )
