"""The Python facade: the CLI, the REST API and batch jobs are thin shells over ``Desk``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from copydesk.analyse.document import AnalysedArticle
from copydesk.analyse.pipeline import Analyser
from copydesk.checks.registry import Registry
from copydesk.errors import IngestError, UsageError
from copydesk.knowledge import Knowledge
from copydesk.model import SCHEMA_VERSION, Article, Finding, InputError, Severity


@dataclass
class Report:
    """The result for one input: the analysed article and its findings, or an input error."""

    source: str
    article: Article | None = None
    analysed: AnalysedArticle | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract, schema 1 (see docs/json-schema.md)."""
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "source": self.source,
            "error": self.error.to_dict() if self.error else None,
            "article": self.article.to_dict() if self.article else None,
            "entities": [],
            "quotes": [],
            "claims": [],
            "events": [],
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.analysed is not None:
            out.update(self.analysed.to_dict())
        return out


class Desk:
    """A copy desk: the language model, the knowledge and the checks, loaded once.

    >>> desk = Desk()                                        # doctest: +SKIP
    >>> desk.check_text("Its a fine day.").findings[0].check # doctest: +SKIP
    'grammar.confusables'
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        analyser: Analyser | None = None,
        knowledge: Knowledge | None = None,
        checks: Iterable[str] | None = None,
        exclude: Iterable[str] = (),
        registry: Registry | None = None,
    ):
        self.analyser = analyser or Analyser.load(model)
        self.knowledge = knowledge or Knowledge()
        registry = registry or Registry.default()
        self.registry = registry.select(checks, exclude=exclude) if (checks or exclude) else registry

    def check_article(self, article: Article) -> Report:
        return next(self.check_many([article]))

    def check_text(
        self, text: str, *, source: str = "<text>", published: datetime | str | None = None
    ) -> Report:
        from copydesk.ingest.text import parse_text

        article = parse_text(text, source=source)
        if published is not None:
            article.published = _as_datetime(published)
        return self.check_article(article)

    def check_many(self, items: Iterable[Article | IngestError]) -> Iterator[Report]:
        """Reports in input order. Ingest errors pass through as error reports."""
        pending: list[Article | IngestError] = []
        for item in items:
            pending.append(item)
            if len(pending) >= 16:
                yield from self._run(pending)
                pending = []
        if pending:
            yield from self._run(pending)

    def _run(self, items: list[Article | IngestError]) -> Iterator[Report]:
        articles = [item for item in items if isinstance(item, Article)]
        analysed = iter(self.analyser.analyse_many(articles, knowledge=self.knowledge))
        for item in items:
            if isinstance(item, IngestError):
                yield Report(source=item.source, error=InputError(item.kind, item.message))
                continue
            result = next(analysed)
            findings = self.registry.run(result, self.knowledge)
            yield Report(item.source, item, result, findings)


def _as_datetime(value: datetime | str) -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"published date {value!r} is not an ISO date like 2022-02-21") from None
