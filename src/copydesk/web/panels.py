"""The side panels of the annotated article: its quotes by speaker, its entities with their
knowledge-base records, and its dated events in time order.

Built from the report dictionary (the JSON contract, schema 1) as ``copydesk.web.view`` is, so a
stored report shows like a fresh one; ``lookup`` gives the knowledge-base record of an entity's
``kb_id`` (``copydesk.http.stored.kb_record``'s dictionary) or None. Every string is plain text
for the templates to escape.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from copydesk.report.locate import TextIndex
from copydesk.report.visible import shown, visible

log = logging.getLogger(__name__)

#: ``kb_id`` to its knowledge-base record (a dict) or None.
Lookup = Callable[[str], Mapping[str, Any] | None]

@dataclass(frozen=True)
class QuoteItem:
    text: str
    kind: str
    where: str
    cue: str | None


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str | None  # None: no speaker found
    quotes: tuple[QuoteItem, ...]


@dataclass(frozen=True)
class RoleItem:
    title: str
    dates: str
    acting: bool


@dataclass(frozen=True)
class EntityItem:
    name: str
    label: str
    mentions: int
    kb_id: str | None
    qid: str | None  # a well-formed Wikidata id, safe in a link
    kind: str | None = None  # the knowledge base's, when it has the entity
    known_as: str | None = None  # the knowledge base's name, when it differs
    roles: tuple[RoleItem, ...] = ()
    in_kb: bool = False


@dataclass(frozen=True)
class EventItem:
    time: str
    text: str
    category: str
    actor: str | None
    target: str | None
    where: str
    negated: bool


@dataclass
class Panels:
    quotes: list[SpeakerQuotes] = field(default_factory=list)
    entities: list[EntityItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)
    undated: int = 0  # events without a time


def side_panels(report: Mapping[str, Any], lookup: Lookup | None = None) -> Panels:
    """The panels of one report dictionary (empty for a report without an article)."""
    article = report.get("article")
    if not article:
        return Panels()
    index = TextIndex(article.get("text") or "")
    events = list(report.get("events") or [])
    dated = [e for e in events if isinstance(e.get("time"), str) and e["time"]]
    return Panels(
        quotes=_quotes(report.get("quotes") or [], index),
        entities=[_entity(e, lookup) for e in report.get("entities") or []],
        events=[_event(e, index) for e in sorted(dated, key=lambda e: (e["time"], e.get("start", 0)))],
        undated=len(events) - len(dated),
    )


def _text(value: object) -> str | None:
    return visible(value) if isinstance(value, str) and value.strip() else None


def _quotes(quotes: list[Mapping[str, Any]], index: TextIndex) -> list[SpeakerQuotes]:
    """The quotes grouped by speaker, speakers in the order they are first quoted; the quotes
    without a speaker last."""
    groups: dict[str | None, list[QuoteItem]] = {}
    for quote in quotes:
        speaker = quote.get("speaker") or {}
        name = _text(speaker.get("name")) if isinstance(speaker, Mapping) else None
        cue = quote.get("cue") or {}
        groups.setdefault(name, []).append(QuoteItem(
            text=shown(str(quote.get("text", ""))),
            kind=visible(str(quote.get("kind", ""))),
            where=index.label(int(quote.get("start", 0))),
            cue=_text(cue.get("text")) if isinstance(cue, Mapping) else None,
        ))
    ordered = [SpeakerQuotes(name, tuple(items)) for name, items in groups.items() if name]
    if None in groups:
        ordered.append(SpeakerQuotes(None, tuple(groups[None])))
    return ordered


#: A Wikidata id, safe to put in a link.
_QID = re.compile(r"^Q[1-9][0-9]{0,11}$")


def _entity(entity: Mapping[str, Any], lookup: Lookup | None) -> EntityItem:
    kb_id = _text(entity.get("kb_id"))
    name = _text(entity.get("name")) or ""
    record = None
    if kb_id and lookup is not None:
        try:
            record = lookup(kb_id)
        except Exception as exc:  # noqa: BLE001 - a knowledge base that fails: no record shown
            log.warning("knowledge-base lookup of %r failed: %s", kb_id, exc)
    qid = (record or {}).get("qid") or kb_id
    item = EntityItem(
        name=name,
        label=visible(str(entity.get("label", ""))),
        mentions=len(entity.get("mentions") or []),
        kb_id=kb_id,
        qid=qid if isinstance(qid, str) and _QID.match(qid) else None,
    )
    if record is None:
        return item
    known_as = _text(record.get("name"))
    return replace(item, in_kb=True, kind=_text(record.get("kind")),
                   known_as=known_as if known_as != name else None,
                   roles=tuple(_role(r) for r in record.get("roles") or []))


def _role(role: Mapping[str, Any]) -> RoleItem:
    title = _text(role.get("title")) or " ".join(
        filter(None, (_text(role.get("role")), _text(role.get("of")))))
    start, end = _text(role.get("start")), _text(role.get("end"))
    dates = f"{start or '?'} – {end or 'now'}" if start or end else "dates unknown"
    return RoleItem(title=title, dates=dates, acting=bool(role.get("acting")))


def _event(event: Mapping[str, Any], index: TextIndex) -> EventItem:
    return EventItem(
        time=visible(str(event["time"])),
        text=shown(str(event.get("text", ""))),
        category=visible(str(event.get("category", ""))),
        actor=_text(event.get("actor")),
        target=_text(event.get("target")),
        where=index.label(int(event.get("start", 0))),
        negated=bool(event.get("negated")),
    )
