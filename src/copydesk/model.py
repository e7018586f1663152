"""The data model shared by every layer: articles, mentions, entities, quotes, claims, events and
findings. No I/O and no spaCy here.

Offsets are the contract: every ``start``/``end`` pair is a half-open ``[start, end)`` range of
Python ``str`` indices into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import Any

SCHEMA_VERSION = 1


#: The character a decoder writes for bytes it could not read (U+FFFD): the text lost a
#: character there, perhaps a quotation mark or an apostrophe.
REPLACEMENT_CHARACTER = "\ufffd"

#: UTF-8 read as cp1252 or Latin-1 and written out again ("itâ€™s", "Ã©tÃ©", "Â£5"): a lead
#: byte of a two- or three-byte sequence (Â Ã for U+0080–U+00FF, â for U+2000–U+2FFF: quotes,
#: dashes) shown as a letter, then a continuation byte shown as cp1252 punctuation, a Latin-1
#: symbol or a C1 control. Only a cheap sieve: ftfy decides (``copydesk.ingest.decode.repair_mojibake``).
_MOJIBAKE_SIGN = re.compile("[ÂÃâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def has_mojibake(text: str) -> bool:
    """Whether ``text`` holds a sequence typical of double-encoded UTF-8 ("itâ€™s")."""
    return bool(_MOJIBAKE_SIGN.search(text))


#: How an HTML page's main text is found (``copydesk.ingest.html``, docs/html.md): the cascade
#: (four extractors vote where trafilatura's two ends leave doubt), its fast form, its lean form
#: (the cascade's questions, each answered by at most one more extractor), or the full vote of
#: four extractors on every page.
EXTRACTIONS = ("cascade", "fast", "lean", "vote")
#: The default. The lean form scores as the cascade does on the extraction benchmarks at twice
#: its speed, but the checks' precision on the web precision sets' held-out halves was a little
#: lower on its text (docs/BENCHMARKS.md, 2026-12-08), so the cascade stays the default.
DEFAULT_EXTRACTION = "cascade"


def extraction_mode(extraction: str) -> str:
    """``extraction`` when it is one of ``EXTRACTIONS``, else a ValueError that names them."""
    if extraction not in EXTRACTIONS:
        raise ValueError(f"extraction must be one of {', '.join(EXTRACTIONS)}, not {extraction!r}")
    return extraction


class Severity(IntEnum):
    """How sure a finding is. Ordered, so ``severity >= Severity.WARNING`` works."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r}; choose one of {choices}") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Region:
    """A part of the article text with a role: ``headline``, ``standfirst``, ``body``,
    ``section``, ``dateline``, ``updated``, ``furniture`` (page chrome that is not analysed),
    ``code`` (inline program code inside a paragraph: ``CODE_ROLE``)."""

    start: int
    end: int
    role: str = "body"


@dataclass(slots=True)
class Article:
    """One news article as ingested. ``text`` is what every offset points into."""

    text: str
    source: str = "<memory>"
    url: str | None = None
    headline: str | None = None
    section: str | None = None
    byline: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    language: str = "en"
    regions: list[Region] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return content_id(self.text)

    @property
    def paragraphs(self) -> list[Region]:
        """The regions that are analysed (headline, standfirst, body), in text order.

        When ingest found no structure, every non-blank line run separated by blank lines is a
        body paragraph."""
        analysed = [r for r in self.regions if r.role in ANALYSED_ROLES]
        if analysed or self.regions:
            return analysed
        return split_paragraphs(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline": self.headline,
            "section": self.section,
            "byline": self.byline,
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "language": self.language,
            "url": self.url,
            "text": self.text,
            "encoding": self.meta.get("encoding"),
            "warnings": self.warnings,
        }

    @property
    def warnings(self) -> list[str]:
        """What ingest noticed about the input and worked around (a file decoded from two
        encodings, lone surrogates replaced, a dateline it could not read), for the reader."""
        return [str(w) for w in self.meta.get("warnings", [])]


ANALYSED_ROLES = frozenset({"headline", "standfirst", "body"})
#: The role of an inline span of program code, keyboard input or program output inside a
#: paragraph (a web page's ``<code>b''</code>``): analysed with its sentence, never judged as
#: prose (``code_spans``).
CODE_ROLE = "code"


def code_spans(article: Article) -> list[tuple[int, int]]:
    """The article's inline code, as (start, end) offsets in text order, overlapping pieces
    merged ("from x" inside "from x import y")."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((r.start, r.end) for r in article.regions if r.role == CODE_ROLE):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mask_spans(text: str, spans: list[tuple[int, int]], fill: str = "x") -> str:
    """``text`` with every character of ``spans`` (sorted, not overlapping: ``code_spans``)
    replaced by ``fill``, offsets unchanged: code read as one word, so that a quotation mark
    inside it is no mark and one beside it keeps its flanking."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        pieces.append(fill * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def split_paragraphs(text: str, role: str = "body") -> list[Region]:
    """Blank-line separated blocks; a text without blank lines has one paragraph per line."""
    blocks: list[Region] = []
    separator = "\n\n" if "\n\n" in text else "\n"
    pos = 0
    for chunk in text.split(separator):
        start = pos + (len(chunk) - len(chunk.lstrip()))
        end = pos + len(chunk.rstrip())
        if end > start:
            blocks.append(Region(start, end, role))
        pos += len(chunk) + len(separator)
    return blocks


def content_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a finding was made: ``kind`` is e.g. ``spelling``, ``kb``, ``dateline``, ``lexicon``."""

    kind: str
    detail: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "detail": self.detail}
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        return out


@dataclass(slots=True)
class Finding:
    """One problem at one span.

    ``check`` is the check whose message and suggestion the finding carries; ``checks`` lists
    every check that flagged this same span, ``check`` first (empty means just ``check``).
    ``rated`` is the severity the check itself gave when a severity policy changed it (None
    otherwise). ``fingerprint`` identifies the finding across edits elsewhere in the article
    (``copydesk.checks.findings.fingerprint``); the registry sets it."""

    check: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    rated: Severity | None = None
    fingerprint: str | None = None

    @property
    def own_severity(self) -> Severity:
        """The severity the check gave, before any severity policy."""
        return self.rated if self.rated is not None else self.severity

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "check": self.check,
            "checks": list(self.checks) or [self.check],
            "severity": self.severity.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "confidence": round(float(self.confidence), 3),
            "evidence": [e.to_dict() for e in self.evidence],
            "fingerprint": self.fingerprint,
        }
        if self.rated is not None and self.rated != self.severity:
            out["rated"] = self.rated.label
        return out


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entity:
    id: str
    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    kb_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "name": self.name,
            "kb_id": self.kb_id,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Speaker:
    name: str | None
    entity: str | None
    start: int | None
    end: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "entity": self.entity, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    speaker: Speaker | None = None
    cue: tuple[int, int, str] | None = None
    closed: bool = True

    def to_dict(self) -> dict[str, Any]:
        cue = None
        if self.cue is not None:
            cue = {"start": self.cue[0], "end": self.cue[1], "text": self.cue[2]}
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": cue,
        }


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    approximate: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "approximate": self.approximate,
        }


@dataclass(slots=True)
class TimeExpression:
    """A time expression and its resolution against the dateline (``value`` is ISO 8601)."""

    start: int
    end: int
    text: str
    value: str | None
    kind: str = "date"  # date | time | datetime | year | duration | relative

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "kind": self.kind,
        }


@dataclass(slots=True)
class Claim:
    start: int
    end: int
    text: str
    quantities: list[Quantity] = field(default_factory=list)
    time: str | None = None
    source: str | None = None
    #: ``named`` (a person or organisation), ``anonymous`` ("one official"), ``vague``
    #: ("reports suggest") or ``none``; ``source_span`` is where the source is written.
    source_kind: str = "none"
    source_span: tuple[int, int] | None = None
    #: Check-worthiness in [0, 1] from the claim scorer; ``quoted``: the claim is inside a quote.
    score: float | None = None
    quoted: bool = False

    def to_dict(self) -> dict[str, Any]:
        span = None
        if self.source_span is not None:
            span = {"start": self.source_span[0], "end": self.source_span[1]}
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "quantities": [q.to_dict() for q in self.quantities],
            "time": self.time,
            "source": self.source,
            "source_kind": self.source_kind,
            "source_span": span,
            "score": self.score,
            "quoted": self.quoted,
        }


@dataclass(slots=True)
class Event:
    """Who did what to whom: ``start``/``end``/``text`` are the trigger; ``category`` is a PLOVER
    type and ``mode`` its PLOVER mode; ``actor_code``/``target_code`` are ISO 3166-1 alpha-3
    country codes or organisation codes (``NATO``), ``actor_kind``/``target_kind`` say what kind
    of name gave them (``country``, ``capital``, ``metonym``, ``demonym``, ``member``,
    ``organisation``, ``person``). ``needs_other``: the action needs a party other than the actor."""

    start: int
    end: int
    category: str
    actor: str | None
    target: str | None
    time: str | None = None
    text: str = ""
    mode: str | None = None
    negated: bool = False
    actor_code: str | None = None
    target_code: str | None = None
    actor_kind: str | None = None
    target_kind: str | None = None
    actor_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    needs_other: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category,
            "actor": self.actor,
            "target": self.target,
            "time": self.time,
            "mode": self.mode,
            "negated": self.negated,
            "actor_code": self.actor_code,
            "target_code": self.target_code,
            "actor_span": list(self.actor_span) if self.actor_span else None,
            "target_span": list(self.target_span) if self.target_span else None,
            "actor_kind": self.actor_kind,
            "target_kind": self.target_kind,
        }


@dataclass(frozen=True, slots=True)
class InputError:
    """Why an input could not be processed. Goes into the ``error`` field of schema 1."""

    # ingest: not-found | unreadable | binary | empty | encoding | too-large | no-article | parse;
    # later stages: analysis | checks | output | budget (time or memory) | crash (worker died)
    kind: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}
