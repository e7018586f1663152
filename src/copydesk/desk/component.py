"""copydesk as a spaCy pipeline component: ``nlp.add_pipe("copydesk")``.

The factory is registered under the name ``copydesk`` when this module is imported, and spaCy
finds it without any import through the ``spacy_factories`` entry point in ``pyproject.toml``.
After ``doc = nlp(text)``:

* ``doc._.copydesk_findings``: the findings (``copydesk.Finding``), offsets into ``doc.text``;
* ``doc._.copydesk_report``: the whole ``Report`` (analysis, findings, versions);
* ``span._.copydesk_findings``: the findings that overlap a span (a token's: ``doc[i:i+1]``).

The component does not read the annotations of the pipeline it sits in. copydesk's analysis
parses each paragraph on its own with its pinned model and masks runs of punctuation for the
parser, which a ``Doc`` parsed whole by another pipeline cannot give; so the component runs
copydesk's own analysis on ``doc.text`` (loaded on first use, once per component), and its
findings are those ``Desk.check_text(doc.text)`` gives. copydesk reads Windows line ends as
plain ones; the findings' offsets (and their evidence's) are moved back so that they point into
``doc.text`` as given, while ``copydesk_report`` keeps copydesk's own text and offsets.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import tee
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from copydesk.model import Finding

NAME = "copydesk"

DEFAULT_CONFIG: dict[str, Any] = {
    "model": None,
    "checks": None,
    "exclude": [],
    "reference_date": None,
    "severity_policy": "default",
}


def _in_given_text(findings: list[Finding], given: str) -> list[Finding]:
    """``findings`` (offsets into the text with each ``\\r\\n`` made ``\\n``) with offsets
    into ``given``: each removed ``\\r`` before an offset moves it one on."""
    if "\r\n" not in given:
        return findings
    removed, dropped = [], 0  # where, in the plain text, each removed \r stood
    at = given.find("\r\n")
    while at != -1:
        removed.append(at - dropped)
        dropped += 1
        at = given.find("\r\n", at + 2)

    def moved(offset: int | None) -> int | None:
        return None if offset is None else offset + bisect_left(removed, offset)

    return [replace(f, start=moved(f.start), end=moved(f.end),
                    evidence=[replace(e, start=moved(e.start), end=moved(e.end)) for e in f.evidence])
            for f in findings]


def _span_findings(span: Span) -> list[Finding]:
    findings = span.doc._.copydesk_findings or []
    start, end = span.start_char, span.end_char
    return [f for f in findings if f.start < end and start < f.end]


def _register_extensions() -> None:
    if not Doc.has_extension("copydesk_findings"):
        Doc.set_extension("copydesk_findings", default=None)
    if not Doc.has_extension("copydesk_report"):
        Doc.set_extension("copydesk_report", default=None)
    if not Span.has_extension("copydesk_findings"):
        Span.set_extension("copydesk_findings", getter=_span_findings)


class CopydeskComponent:
    """Checks each ``Doc``'s text with a ``copydesk.Desk`` and sets the ``copydesk_*``
    extensions. ``checks``/``exclude``: check names or groups as for ``Desk``;
    ``reference_date``: ISO date to read undated text as of; ``severity_policy``: ``"default"``
    (the shipped policy) or None (each check's own severity); ``model``: the spaCy model
    copydesk's analysis loads (its pinned model when None)."""

    def __init__(self, nlp: Language, name: str = NAME, *, model: str | None = None,
                 checks: list[str] | None = None, exclude: list[str] = (),
                 reference_date: str | None = None, severity_policy: str | None = "default",
                 desk=None):
        _register_extensions()
        self.name = name
        self._options = {"model": model, "checks": checks, "exclude": list(exclude),
                         "reference_date": reference_date, "severity_policy": severity_policy}
        self._desk = desk

    @property
    def desk(self):
        """The ``Desk`` the component checks with, made on first use."""
        if self._desk is None:
            from copydesk.desk.desk import Desk

            self._desk = Desk(**self._options)
        return self._desk

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Docs in order, their texts checked together in ``Desk.check_many``'s own batches
        (``batch_size``, spaCy's, is not needed)."""
        from copydesk.ingest.text import parse_text

        docs, texts = tee(docs)
        reports = self.desk.check_many(parse_text(doc.text) for doc in texts)
        for doc, report in zip(docs, reports):
            doc._.copydesk_report = report
            doc._.copydesk_findings = _in_given_text(list(report.findings), doc.text)
            yield doc


@Language.factory(NAME, default_config=DEFAULT_CONFIG)
def make_copydesk(nlp: Language, name: str, model: str | None, checks: list[str] | None,
                  exclude: list[str], reference_date: str | None,
                  severity_policy: str | None) -> CopydeskComponent:
    return CopydeskComponent(nlp, name, model=model, checks=checks, exclude=exclude,
                             reference_date=reference_date, severity_policy=severity_policy)
