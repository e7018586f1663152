"""The Python facade: the CLI, the REST API and batch jobs are thin shells over ``Desk``."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from copydesk.analyse.document import AnalysedArticle
from copydesk.analyse.pipeline import Analyser
from copydesk.checks.policy import SeverityPolicy
from copydesk.checks.registry import Registry
from copydesk.desk.report import Report, _package_versions
from copydesk.errors import IngestError, UsageError
from copydesk.knowledge import Knowledge
from copydesk.model import Article, InputError

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.config import HouseConfig

log = logging.getLogger(__name__)


class Desk:
    """A copy desk: the language model, the knowledge and the checks, loaded once.

    >>> desk = Desk()                                        # doctest: +SKIP
    >>> desk.check_text("Its a fine day.").findings[0].check # doctest: +SKIP
    'grammar.confusables'
    """

    #: The house style this desk was configured with (``with_config``), or None.
    config: HouseConfig | None = None

    def __init__(
        self,
        *,
        model: str | None = None,
        analyser: Analyser | None = None,
        knowledge: Knowledge | None = None,
        checks: Iterable[str] | None = None,
        exclude: Iterable[str] = (),
        registry: Registry | None = None,
        reference_date: date | datetime | str | None = None,
        severity_policy: SeverityPolicy | Literal["default"] | None = "default",
        claims_model: str | Path | object | None = None,
        config: HouseConfig | str | Path | None = None,
    ):
        """``reference_date``: the date to read articles that carry no date of their own as of
        (an article's own date always comes first); checks never read the clock, so without it
        an undated article is judged by what it says itself. ``severity_policy``: the shipped
        ``SeverityPolicy.default()`` unless given; None reports each check's own severity
        (for evaluation). ``claims_model``: a check-worthiness model file written by ``copydesk
        train claims`` (or a loaded model) that scores the claims instead of the shipped
        hand-set scorer (docs/claims.md); read now, so a bad file fails here, naming itself.
        ``config``: a house style, a ``copydesk.toml`` path or a ``copydesk.config.HouseConfig``
        (``with_config``; docs/style.md)."""
        #: The trained claim scorer, or None (the shipped one, run by the analysis pipeline).
        self.claims_model = _claims_model(claims_model)
        self.analyser = analyser or Analyser.load(model)
        self.knowledge = knowledge or Knowledge()
        registry = registry or Registry.default()
        #: Every check id this desk could run (before ``checks``/``exclude`` narrowed it).
        self.known_checks: tuple[str, ...] = tuple(registry.ids())
        self.registry = registry.select(checks, exclude=exclude) if (checks or exclude) else registry
        self.reference_date = (
            _as_datetime(reference_date, "reference date") if reference_date else None
        )
        if isinstance(severity_policy, str):
            if severity_policy != "default":
                raise UsageError(
                    f"severity_policy must be a SeverityPolicy, 'default' or None, "
                    f"not {severity_policy!r}"
                )
            severity_policy = SeverityPolicy.default()
        #: The severity policy applied to every finding, or None (each check's own severity).
        self.policy: SeverityPolicy | None = severity_policy
        self._versions: dict[str, str | None] | None = None
        if config is not None:
            configured = self.with_config(config)
            self.registry, self.policy = configured.registry, configured.policy
            self.knowledge, self.config = configured.knowledge, configured.config

    def with_config(self, config: HouseConfig | str | Path) -> Desk:
        """A copy of this desk under a house style: a ``copydesk.toml`` path or a parsed
        ``HouseConfig`` (``copydesk.config.configure_desk``; docs/style.md)."""
        from copydesk.config import configure_desk

        return configure_desk(self, config)

    def versions(self) -> dict[str, str | None]:
        """What every report of this desk was made with: ``copydesk`` (the package version),
        ``knowledge`` (``Knowledge.version()``: the KB's schema and data fingerprint) and
        ``model`` (the spaCy pipeline's name and version)."""
        if self._versions is None:
            from copydesk.analyse.pipeline import model_info

            versions = _package_versions()
            versions["knowledge"] = self.knowledge.version()
            nlp = getattr(self.analyser, "nlp", None)
            if getattr(nlp, "meta", None):
                info = model_info(nlp)
                versions["model"] = f"{info['name']} {info['version']}"
            self._versions = versions
        return dict(self._versions)

    def check_article(self, article: Article) -> Report:
        return next(self.check_many([article]))

    def check_text(
        self, text: str, *, source: str = "<text>", published: datetime | str | None = None
    ) -> Report:
        from copydesk.ingest.text import parse_text

        article = parse_text(text, source=source)
        if published is not None:
            article.published = _as_datetime(published, "published date")
        return self.check_article(article)

    def check_many(self, items: Iterable[Article | IngestError]) -> Iterator[Report]:
        """Reports in input order, each yielded as soon as it is ready. Ingest errors pass through
        as error reports; an article whose analysis or checks fail gets an error report of its
        own (kind ``analysis`` or ``checks``; ``budget`` for a MemoryError) and the others go on."""
        pending: list[Article | IngestError] = []
        for item in items:
            pending.append(item)
            if len(pending) >= BATCH:
                yield from self._run(pending)
                pending = []
        if pending:
            yield from self._run(pending)

    def _run(self, items: list[Article | IngestError]) -> Iterator[Report]:
        items = [_in_english(item) for item in items]
        articles = [item for item in items if isinstance(item, Article)]
        analysed = self._analyse(articles)
        versions = self.versions()
        for item in items:
            if isinstance(item, IngestError):
                error = InputError(item.kind, item.message)
                yield Report(source=item.source, error=error, versions=dict(versions))
                continue
            result = next(analysed)
            if self.claims_model is not None and not isinstance(result, Exception):
                result = self._rescore_claims(result)
            if isinstance(result, Exception):
                yield self._failed(item, "analysis", result, versions)
                continue
            try:
                findings = self.registry.run(result, self.knowledge, policy=self.policy)
            except Exception as exc:  # noqa: BLE001 - merging, fingerprints, the policy: never lose the run
                yield self._failed(item, "checks", exc, versions)
                continue
            yield Report(item.source, item, result, findings, versions=dict(versions))

    def _analyse(self, articles: list[Article]) -> Iterator[AnalysedArticle | Exception]:
        """The analyses of ``articles`` in order, parsed together; when the batch fails, the
        articles not yet done are analysed one by one, so one bad article costs only itself."""
        done = 0
        try:
            for result in self.analyser.analyse_many(
                articles, knowledge=self.knowledge, reference_date=self.reference_date
            ):
                done += 1
                yield result
            return
        except Exception as exc:  # noqa: BLE001 - reported per article below
            log.warning("analysis of a batch failed (%s: %s); retrying its articles one by one",
                        type(exc).__name__, exc)
        for article in articles[done:]:
            try:
                (result,) = self.analyser.analyse_many(
                    [article], knowledge=self.knowledge, reference_date=self.reference_date
                )
            except Exception as exc:  # noqa: BLE001 - becomes this article's error report
                yield exc
                continue
            yield result

    def _rescore_claims(self, analysed: AnalysedArticle) -> AnalysedArticle | Exception:
        """The claims again, scored by ``claims_model`` (the pipeline ran the shipped scorer)."""
        from copydesk.analyse.claims import extract_claims

        try:
            extract_claims(analysed, self.claims_model)
        except Exception as exc:  # noqa: BLE001 - this article's analysis error report
            return exc
        return analysed

    @staticmethod
    def _failed(article: Article, stage: str, exc: Exception, versions: dict) -> Report:
        """The error report of an article whose ``stage`` raised: of kind ``stage``, or
        ``budget`` for a MemoryError (the input needed more memory than the process had)."""
        log.debug("%s failed on %s", stage, article.source, exc_info=exc)
        if isinstance(exc, MemoryError):
            error = InputError("budget", f"ran out of memory in the {stage} stage (MemoryError)")
            return Report(source=article.source, error=error, versions=dict(versions))
        message = f"the {stage} stage failed on this input ({type(exc).__name__}: {exc})"[:500]
        return Report(source=article.source, error=InputError(stage, message), versions=dict(versions))


def _in_english(item: Article | IngestError) -> Article | IngestError:
    """The article, or an input error of kind ``language`` when its text plainly reads as another
    language (copydesk's checks read English; ``copydesk.ingest.language``)."""
    if isinstance(item, Article):
        from copydesk.ingest.language import foreign_language

        language = foreign_language(item.text)
        if language is not None:
            return IngestError(item.source, "language",
                               f"the text reads as {language}, not English; copydesk checks English text")
    return item


#: Articles read ahead and parsed together (spaCy's pipe is faster on batches); reports are still
#: yielded one by one as they are done.
BATCH = 16


def _claims_model(value):
    """None, a loaded model (anything with ``sentence_score``), or a model file's path."""
    if value is None or hasattr(value, "sentence_score"):
        return value
    if isinstance(value, str | Path):
        from copydesk.analyse.claim_model import load_model

        return load_model(value)
    raise UsageError(f"claims_model must be a model file's path or a loaded model, not "
                     f"{type(value).__name__}")


def _as_datetime(value: date | datetime | str, what: str) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise UsageError(f"{what} {value!r} is not an ISO date like 2022-02-21") from None
