"""Counting what a run produced, and keeping only findings at or above a severity."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from copydesk.model import Article, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk.report import Report

#: Severities from the most to the least serious, the order reports list them in.
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def at_least(report: Report, minimum: Severity | None) -> Report:
    """A copy of ``report`` without findings below ``minimum`` (the same object when nothing
    would be dropped)."""
    if minimum is None or all(f.severity >= minimum for f in report.findings):
        return report
    return replace(report, findings=[f for f in report.findings if f.severity >= minimum])


def _when(moment) -> str:
    """A date alone when no time of day was given (a dateline's "3 March 2024" is read as
    midnight, which no report should print as "00:00"), else the date and the time."""
    if moment.tzinfo is None and (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0):
        return moment.date().isoformat()
    return moment.isoformat(sep=" ", timespec="minutes")


def article_facts(article: Article, *, url: bool = False) -> list[str]:
    """The header line every report format shows: dates, section, byline, (url), length."""
    facts = []
    if article.published is not None:
        facts.append(f"published {_when(article.published)}")
    if article.updated is not None:
        facts.append(f"updated {_when(article.updated)}")
    if article.section:
        facts.append(f"section {article.section}")
    if article.byline:
        facts.append(f"by {article.byline}")
    if url and article.url:
        facts.append(article.url)
    facts.append(plural(len(article.text.split()), "word"))
    return facts


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``, ``0 info`` (``info`` has no plural)."""
    if count == 1 or word == "info":
        return f"{count} {word}"
    return f"{count} {word}s"


@dataclass
class Summary:
    """Totals over the reports of one run."""

    articles: int = 0
    failed: int = 0
    counts: dict[Severity, int] = field(default_factory=lambda: {s: 0 for s in Severity})
    #: Findings dropped by a baseline or a store's dismissals (``copydesk.suppress``).
    suppressed: int = 0

    def add(self, report: Report) -> None:
        self.suppressed += sum((getattr(report, "suppressed", None) or {}).values())
        if report.error is not None:
            self.failed += 1
            return
        self.articles += 1
        for finding in report.findings:
            self.counts[finding.severity] += 1

    @property
    def inputs(self) -> int:
        return self.articles + self.failed

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        """``3 errors, 2 warnings, 1 info in 1 article; 0 inputs failed``."""
        parts = ", ".join(plural(self.counts[s], s.label) for s in SEVERITY_ORDER)
        line = (
            f"{parts} in {plural(self.articles, 'article')}; "
            f"{self.failed} input{'' if self.failed == 1 else 's'} failed"
        )
        if self.suppressed:
            line += f"; {plural(self.suppressed, 'finding')} suppressed"
        return line

    def to_dict(self) -> dict[str, int]:
        out = {"articles": self.articles, "failed": self.failed}
        out.update({s.label: self.counts[s] for s in SEVERITY_ORDER})
        return out
