"""``events.self-target``: a country acting against itself where the action needs another party.

"Ankara had decided to bomb Turkey": the actor (Ankara -> TUR) and the target (Turkey
-> RUS) are the same country, and invading needs another party. Flagged on the target, as an
error, with the evidence of both codes. The suggestion is the country that the same actor's other
hostile events in the article target most often, when one country clearly leads; otherwise none.

Only events whose action needs another party (the ``other`` flag of the event lexicon: invade,
attack, bomb, occupy, fire on, impose sanctions on, threaten...) and only a target written as the
country's own name ("Russia", "the Russian Federation"): "Syrian forces shelled Syrian towns",
"Russia mobilised its reserves" and "the government cut its own budget" are not flagged.
See ``docs/checks/events.self-target.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from copydesk.analyse.actors import ActorResolver, Code
from copydesk.checks.registry import register
from copydesk.model import Event, Evidence, Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.knowledge import Knowledge

#: Kinds of actor names that stand for a state (see ``copydesk.analyse.actors``).
STATE_ACTORS = frozenset({"country", "capital", "metonym", "member", "demonym", "person", "organisation"})
#: A target flagged must be written as the country itself, not as a city, a people or a body.
COUNTRY_TARGETS = frozenset({"country"})


@register("events.self-target", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A country acting against itself (invading, attacking, sanctioning...): the target is probably wrong."""
    resolver = _Lazy(knowledge)
    coded = [(event, *resolver.codes(event)) for event in article.events]
    for event, actor, target in coded:
        if not event.needs_other or event.target_span is None or actor is None or target is None:
            continue
        if actor.code != target.code or target.kind not in COUNTRY_TARGETS or actor.kind not in STATE_ACTORS:
            continue
        start, end = event.target_span
        suggestion, support = _intended_target(coded, event, actor.code)
        evidence = [
            Evidence("event", f"actor '{event.actor}' -> {actor.code} ({actor.kind})", *_span(event.actor_span)),
            Evidence("event", f"target '{event.target}' -> {target.code} ({target.kind})", start, end),
            Evidence("lexicon", f"'{event.text}' is {event.category} and needs another party", event.start, event.end),
        ]
        if suggestion is not None:
            evidence.append(Evidence("article", support))
        yield Finding(
            check="events.self-target",
            severity=Severity.ERROR,
            start=start,
            end=end,
            text=article.text[start:end],
            message=(
                f"'{event.actor}' ({actor.code}) {event.text} '{event.target}' ({target.code}): "
                "the actor and the target are the same country"
            ),
            suggestion=suggestion,
            confidence=0.85 if actor.kind in ("country", "metonym", "capital") else 0.7,
            evidence=evidence,
        )


class _Lazy:
    """Codes of an event: those set by the analysis, else resolved here from the actor and
    target text with the knowledge base (an article analysed without knowledge)."""

    def __init__(self, knowledge: Knowledge | None):
        self.knowledge = knowledge
        self._resolver: ActorResolver | None = None

    def codes(self, event: Event) -> tuple[Code | None, Code | None]:
        return (
            self._code(event.actor, event.actor_code, event.actor_kind),
            self._code(event.target, event.target_code, event.target_kind),
        )

    def _code(self, text: str | None, code: str | None, kind: str | None) -> Code | None:
        if code is not None:
            return Code(code, kind or "country", text or "")
        if not text:
            return None
        if self._resolver is None:
            kb = getattr(self.knowledge, "kb", None) if self.knowledge is not None else None
            self._resolver = ActorResolver(kb)
        return self._resolver.resolve(text)


def _intended_target(coded: list, flagged: Event, actor_code: str) -> tuple[str | None, str]:
    """The country the same actor's other hostile events target most often, if one clearly leads."""
    counts: Counter[str] = Counter()
    for event, actor, target in coded:
        if event is flagged or not event.needs_other or actor is None or target is None:
            continue
        if actor.code == actor_code and target.code != actor_code and len(target.code) == 3 and target.code.isupper():
            counts[target.code] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None, ""
    code, count = ranked[0]
    name = _country_name(coded, code)
    if name is None:
        return None, ""
    times = "once" if count == 1 else f"{count} times"
    return name, f"the other hostile events of {actor_code} in this article target {code} ({name}) {times}"


def _country_name(coded: list, code: str) -> str | None:
    """The country's name as the article writes it, else its ISO short name."""
    forms = Counter(e.target for e, _, t in coded if t is not None and t.code == code and t.kind == "country" and e.target)
    forms.update(e.actor for e, a, _ in coded if a is not None and a.code == code and a.kind == "country" and e.actor)
    if forms:
        return forms.most_common(1)[0][0]
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    found = pycountry.countries.get(alpha_3=code)
    return getattr(found, "common_name", None) or getattr(found, "name", None)


def _span(span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return span if span is not None else (None, None)
