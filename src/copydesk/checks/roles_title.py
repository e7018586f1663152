"""``roles.title``: a title that does not fit the named person on the article's date."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from copydesk.analyse.document import AnalysedArticle
from copydesk.analyse.roles import TitledMention, article_period, titled_mentions
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.knowledge.records import parse_partial
from copydesk.knowledge.store import Holding
from copydesk.model import Evidence, Finding, Severity


@register("roles.title", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A title before a name that the knowledge base says the person did not hold then."""
    kb = knowledge.kb
    period = article_period(article)
    for titled in titled_mentions(article, kb):
        if titled.qualified:
            continue
        person = _person(article, titled, kb)
        if person is None:
            continue
        finding = _judge(article, titled, person, kb, period)
        if finding is not None:
            yield finding


def _person(article: AnalysedArticle, titled: TitledMention, kb) -> tuple[str, str] | None:
    """(KB key, name) of the one known person the mention names, by its longest written form."""
    entity = article.entity_by_id(titled.mention.entity) if titled.mention.entity else None
    forms = sorted({m.text for m in entity.mentions} if entity else {titled.mention.text}, key=len)
    for form in reversed(forms):
        if " " not in form:
            continue
        people = {m.key: m.name for m in kb.exact(form, kind="person")}
        with_roles = [k for k in people if kb.roles_of(k)]
        if len(with_roles) == 1:
            return with_roles[0], people[with_roles[0]]
        if people:
            return None  # namesakes, or a person whose career the KB does not hold
    return None


def _offices(titled: TitledMention, career: list[Holding]) -> list[tuple[str, str]]:
    """The (role, of) pairs the title can name. ``*`` titles take the nationality written before
    them, or else each country the person held office in ("Foreign Minister X" for a Russian
    politician names Russia's foreign minister)."""
    countries = [titled.country] if titled.country else sorted({h.of for h in career})
    offices = []
    for row in titled.roles:
        if row.of != "*":
            if titled.country in (None, row.of):
                offices.append((row.role, row.of))
        else:
            offices.extend((row.role, of) for of in countries)
    return offices


def _overlaps(holding: Holding, first: date, last: date) -> bool:
    start = parse_partial(holding.start, upper=False) or date.min
    end = parse_partial(holding.end, upper=True) or date.max
    return start <= last and first <= end


def _judge(article, titled, person, kb, period) -> Finding | None:
    key, name = person
    career = kb.roles_of(key)
    offices = _offices(titled, career)
    covered = []
    for role, of in offices:
        holders = kb.holders(role, of)
        if not holders:
            continue  # the KB does not know this office: say nothing
        covered.append((role, of, holders))
        mine = [h for h in holders if h.key == key]
        if mine and (period is None or any(_overlaps(h, period[0], period[1]) for h in mine)):
            return None  # the person held this office (then)
    if not covered:
        return None
    held_ever = any(h.key == key for _, _, holders in covered for h in holders)
    then = [h for h in career if period is None or _overlaps(h, period[0], period[1])]
    suggestion = _title_for(then[-1], kb) if then else None
    evidence = [Evidence("kb", _career(name, career))]
    for role, of, holders in covered:
        if period is not None:
            during = [h.name for h in holders if _overlaps(h, period[0], period[1])]
            if during:
                evidence.append(Evidence("kb", f"{titled.title} ({role} of {of}) {_when(period)}: {', '.join(during)}"))
    if period is not None:
        evidence.append(Evidence("date", f"article date: {_when(period)} ({period[2]})"))
    if held_ever:
        message = f"{name} was not {titled.title} {_when(period)}"
        severity, confidence = Severity.WARNING, 0.7
    else:
        message = f"{name} never held the office of {titled.title}"
        severity, confidence = Severity.ERROR, 0.9
    if suggestion:
        message += f"; then {name} was {suggestion}"
    return Finding(
        check="roles.title", severity=severity, start=titled.title_start, end=titled.title_end,
        text=titled.title, message=message, suggestion=suggestion, confidence=confidence,
        evidence=evidence,
    )


def _when(period) -> str:
    if period is None:
        return "at any date"
    first, last, _ = period
    if first == last:
        return f"on {first.isoformat()}"
    return f"in {first.year}" if first.year == last.year else f"in {first.year}-{last.year}"


def _career(name: str, career: list[Holding]) -> str:
    parts = [
        f"{h.title or h.role} ({h.of}) {h.start or '?'}..{h.end or 'present'}" for h in career
    ]
    qid = career[0].qid if career else None
    return f"{name}{f' ({qid})' if qid else ''}: " + "; ".join(parts)


def _title_for(holding: Holding, kb) -> str | None:
    """The press title for a role: the country's own if there is one (the shortest: "Chancellor"
    rather than "Chancellor of the Exchequer"), else the first generic one listed."""
    rows = [t for t in kb.all_titles() if t.role == holding.role]
    specific = [t.title for t in rows if t.of == holding.of]
    if specific:
        return min(specific, key=len)
    generic = [t.title for t in rows if t.of == "*"]
    return generic[0] if generic else holding.title
