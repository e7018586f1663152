"""The check registry.

A check is a function of the analysed article and the knowledge that yields findings::

    @register("dates.weekday", severity="error")
    def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
        '''A weekday that contradicts its date.'''

``register`` only annotates the function; nothing global is kept. A ``Registry`` is built from an
explicit list of built-in modules plus the ``copydesk.checks`` entry-point group, so a newsroom can
ship its own checks as a package::

    [project.entry-points."copydesk.checks"]
    house_style = "newsroom_checks.house_style:check"
"""

from __future__ import annotations

import importlib
import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from itertools import islice
from typing import TYPE_CHECKING

from copydesk.checks.findings import assign_fingerprints, line_bounds, merge_same_span
from copydesk.errors import CheckError
from copydesk.model import Evidence, Finding, Severity, code_spans

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.checks.policy import SeverityPolicy
    from copydesk.knowledge import Knowledge

log = logging.getLogger(__name__)

CheckFunction = Callable[["AnalysedArticle", "Knowledge"], Iterable[Finding]]

ENTRY_POINT_GROUP = "copydesk.checks"
#: The default cap on one check's findings in one article (``Registry.max_findings``).
MAX_FINDINGS_PER_CHECK = 200
#: What a check id looks like. ``report/schema-v1.json`` uses the same pattern for
#: ``finding.check`` (a test keeps them equal).
_CHECK_ID = re.compile(r"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$")

#: Built-in checks, by module. Order is the order findings are produced in before sorting.
BUILTIN_MODULES = (
    "copydesk.checks.names_inconsistent",
    "copydesk.checks.spelling",
    "copydesk.checks.confusables",
    "copydesk.checks.grammar_usage",
    "copydesk.checks.grammar_article",
    "copydesk.checks.grammar_doubled_word",
    "copydesk.checks.grammar_could_of",
    "copydesk.checks.grammar_missing_word",
    "copydesk.checks.grammar_double_auxiliary",
    "copydesk.checks.grammar_weekday_abbreviation",
    "copydesk.checks.dates_weekday",
    "copydesk.checks.quotes_unbalanced",
    "copydesk.checks.quotes_unattributed",
    "copydesk.checks.quotes_speaker_conflict",
    "copydesk.checks.names_unknown_variant",
    "copydesk.checks.acronyms_expansion",
    "copydesk.checks.acronyms_typo",
    "copydesk.checks.roles_title",
    "copydesk.checks.events_self_target",
    "copydesk.checks.claims_unsourced",
    "copydesk.checks.numbers_part_whole",
    "copydesk.checks.style_preferred_form",
    "copydesk.checks.style_banned_term",
    "copydesk.checks.style_serial_comma",
    "copydesk.checks.style_numerals",
)


@dataclass(frozen=True)
class CheckSpec:
    id: str
    function: CheckFunction
    severity: Severity
    summary: str
    origin: str

    def run(self, article: AnalysedArticle, knowledge: Knowledge) -> list[Finding]:
        return list(self.function(article, knowledge))


def register(check_id: str, *, severity: str = "warning") -> Callable[[CheckFunction], CheckFunction]:
    """Mark a function as a check with id ``area.problem`` (or a bare ``area`` such as
    ``spelling``) and its usual severity."""
    if not _CHECK_ID.fullmatch(check_id):
        raise CheckError(
            f"check id {check_id!r} must look like 'area.problem' or 'area' in lower case"
        )
    level = Severity.parse(severity)

    def mark(function: CheckFunction) -> CheckFunction:
        function.__copydesk_check__ = (check_id, level)  # type: ignore[attr-defined]
        return function

    return mark


def spec_of(function: CheckFunction, origin: str) -> CheckSpec:
    marker = getattr(function, "__copydesk_check__", None)
    if marker is None:
        raise CheckError(f"{origin}: {function!r} is not decorated with @register(...)")
    check_id, level = marker
    summary = (function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else ""
    return CheckSpec(check_id, function, level, summary, origin)


class Registry:
    """An ordered set of checks. Build one with ``Registry.default()`` or from specs."""

    #: At most this many findings of one check on one article; past it the check stops and one
    #: finding says so (a page of 40,000 quotation marks must not make a report of 300 MB).
    max_findings = MAX_FINDINGS_PER_CHECK

    def __init__(self, specs: Iterable[CheckSpec] = ()):
        self._specs: dict[str, CheckSpec] = {}
        for spec in specs:
            self.add(spec)

    @classmethod
    def default(cls, *, plugins: bool = True) -> Registry:
        registry = cls()
        for module_name in BUILTIN_MODULES:
            module = importlib.import_module(module_name)
            registry.add(spec_of(module.check, module_name))
        if plugins:
            for ep in entry_points(group=ENTRY_POINT_GROUP):
                try:
                    registry.add(spec_of(ep.load(), f"entry point {ep.name} ({ep.value})"))
                except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the desk
                    log.error("skipping check plugin %s: %s", ep.value, exc)
        return registry

    def add(self, spec: CheckSpec) -> None:
        if spec.id in self._specs:
            raise CheckError(f"check {spec.id!r} is registered twice ({spec.origin})")
        self._specs[spec.id] = spec

    def select(self, patterns: Iterable[str] | None = None, *, exclude: Iterable[str] = ()) -> Registry:
        """Checks whose id equals a pattern or starts with ``pattern.`` (``names`` → ``names.*``)."""
        wanted = list(patterns or [])
        unwanted = list(exclude)
        for pattern in wanted + unwanted:
            if not any(_matches(spec.id, pattern) for spec in self):
                raise CheckError(f"no check matches {pattern!r}; known: {', '.join(self.ids())}")
        return Registry(
            spec
            for spec in self
            if (not wanted or any(_matches(spec.id, p) for p in wanted))
            and not any(_matches(spec.id, p) for p in unwanted)
        )

    def ids(self) -> list[str]:
        return list(self._specs)

    def __iter__(self) -> Iterator[CheckSpec]:
        return iter(self._specs.values())

    def __len__(self) -> int:
        return len(self._specs)

    def __getitem__(self, check_id: str) -> CheckSpec:
        return self._specs[check_id]

    def run(
        self, article: AnalysedArticle, knowledge: Knowledge, *, policy: SeverityPolicy | None = None
    ) -> list[Finding]:
        """All findings of all checks, in text order: exact duplicates removed, findings that lie
        within inline program code dropped, the findings of several checks on one span merged
        into one, each with its fingerprint
        (``copydesk.checks.findings``). ``policy`` caps severities first, so a merged finding's
        primary check is chosen by the severity it will be shown at."""
        findings: list[Finding] = []
        for spec in self:
            try:
                found = list(islice(spec.function(article, knowledge), self.max_findings + 1))
            except MemoryError:  # the input is over its memory budget, not the check's bug
                raise
            except Exception as exc:  # a check bug loses only that check's findings
                log.exception("check %s failed on %s", spec.id, article.article.source)
                findings.append(check_failure(spec.id, exc))
                continue
            if len(found) > self.max_findings:  # hostile or broken text: stop reading the check
                found = found[: self.max_findings] + [cap_reached(spec.id, self.max_findings)]
            findings.extend(found)
        code = code_spans(article.article)
        if code:  # program code inside a paragraph is no prose to judge
            findings = [f for f in findings if not _inside(f, code)]
        house = getattr(knowledge, "house", None)
        if house is not None and house.words:  # the house's own words (copydesk.toml) are not errors
            findings = [f for f in findings if not house.silences(f)]
        if policy is not None:
            policy.apply(findings)
        text = article.article.text
        merged = merge_same_span(sort_findings(findings, text))
        assign_fingerprints(merged, text, lambda start, end: sentence_bounds(article, start, end))
        return merged


def _inside(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    """The finding's span lies within one of ``spans`` (sorted by start)."""
    k = bisect_right(spans, (finding.start, float("inf"))) - 1
    return k >= 0 and finding.end <= spans[k][1] and finding.end > finding.start


def cap_reached(check_id: str, cap: int) -> Finding:
    """The finding that closes a check's list when it hit the per-article cap."""
    return Finding(
        check=check_id, severity=Severity.WARNING, start=0, end=0, text="",
        message=f"the check {check_id} found more than {cap} problems in this article; only the"
                f" first {cap} are listed (the text may not be prose, or may be damaged)",
        suggestion=None, confidence=1.0, evidence=[Evidence("limit", f"at most {cap} findings per check")],
    )


def check_failure(check_id: str, exc: Exception) -> Finding:
    """The finding that stands for a check that raised on this article: its findings are
    missing, and the reader is told so instead of the article being lost."""
    detail = f"{type(exc).__name__}: {exc}"[:300]
    return Finding(
        check=check_id, severity=Severity.ERROR, start=0, end=0, text="",
        message=f"the check {check_id} failed on this article ({detail}); its findings are missing",
        suggestion=None, confidence=1.0, evidence=[Evidence("internal", detail)],
    )


def _matches(check_id: str, pattern: str) -> bool:
    return check_id == pattern or check_id.startswith(pattern.rstrip(".") + ".")


def sentence_bounds(article: AnalysedArticle, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding ``[start, end)``, or its line when no sentence does (a dateline)."""
    first = article.sentence_of(start)
    if first is None or not first.start <= start < first.end:
        return line_bounds(article.text, start, end)
    last = article.sentence_of(max(start, end - 1))
    high = last.end if last is not None and last.start <= end - 1 < last.end else end
    return first.start, max(high, end)


def sort_findings(findings: list[Finding], text: str) -> list[Finding]:
    """Findings in text order (most severe first on one span), exact duplicates (same check and
    span) and findings whose text is not at their span removed."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end, -f.severity, f.check)):
        key = (finding.check, finding.start, finding.end)
        if key in seen:
            continue
        if text[finding.start : finding.end] != finding.text:
            log.error(
                "dropping a finding of %s: text %r is not at [%d, %d)",
                finding.check, finding.text, finding.start, finding.end,
            )
            continue
        seen.add(key)
        out.append(finding)
    return out
