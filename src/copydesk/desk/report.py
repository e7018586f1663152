"""``Report``: the result for one input, the type every interface and report writer shares.

It imports no report writer (``copydesk.report`` imports it)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import copydesk
from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.findings import assign_fingerprints
from copydesk.model import SCHEMA_VERSION, Article, Finding, InputError, Severity


def _package_versions() -> dict[str, str | None]:
    return {"copydesk": copydesk.__version__, "knowledge": None, "model": None}


@dataclass(frozen=True)
class AnalysisDigest:
    """The analysis of a report reduced to its schema-1 fields (entities, quotes, claims,
    events), made where the analysis was: what a report sent from a worker process carries in
    place of the ``AnalysedArticle`` (its tokens and parse, about ten times the size to pickle)
    when the receiver only stores or writes the report (``Report.digested``)."""

    fields: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.fields)


@dataclass
class Report:
    """The result for one input: the analysed article and its findings, or an input error.
    ``versions`` names what made it (copydesk, the knowledge base, the language model)."""

    source: str
    article: Article | None = None
    analysed: AnalysedArticle | AnalysisDigest | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None
    versions: dict[str, str | None] = field(default_factory=_package_versions)
    #: Findings dropped by suppressions (``copydesk.suppress``), by reason: ``baseline``,
    #: ``dismissed``; None when no suppression was asked for.
    suppressed: dict[str, int] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def digested(self) -> Report:
        """This report with its analysis reduced to an ``AnalysisDigest``: the same ``to_dict``,
        without the tokens and the parse."""
        if isinstance(self.analysed, AnalysedArticle):
            return replace(self, analysed=AnalysisDigest(self.analysed.to_dict()))
        return self

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract, schema 1 (see docs/json-schema.md)."""
        findings = self.findings
        if self.article is not None and any(f.fingerprint is None for f in findings):
            findings = [replace(f) for f in findings]  # made by hand, not by a registry
            assign_fingerprints(findings, self.article.text)
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "versions": dict(self.versions),
            "source": self.source,
            "error": self.error.to_dict() if self.error else None,
            "article": self.article.to_dict() if self.article else None,
            "entities": [],
            "quotes": [],
            "claims": [],
            "events": [],
            "times": [],
            "quantities": [],
            "findings": [f.to_dict() for f in findings],
        }
        if self.analysed is not None:
            out.update(self.analysed.to_dict())
        if self.suppressed is not None:
            out["suppressed"] = dict(self.suppressed)
        return out
