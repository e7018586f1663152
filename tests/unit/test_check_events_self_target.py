"""``events.self-target`` on hand-built events (no model needed)."""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.events_self_target import check
from copydesk.model import Article, Event


def _event(text: str, trigger: str, actor: str, target: str | None, actor_code: str, target_code: str | None,
           *, actor_kind="metonym", target_kind="country", category="ASSAULT", needs_other=True, nth=0,
           target_nth: int | None = None) -> Event:
    start = _find(text, trigger, nth)
    actor_start = _find(text, actor, nth)
    target_start = _find(text, target, nth if target_nth is None else target_nth) if target else None
    return Event(
        start=start, end=start + len(trigger), category=category, actor=actor, target=target,
        text=trigger, actor_code=actor_code, target_code=target_code, actor_kind=actor_kind,
        target_kind=target_kind if target else None, needs_other=needs_other,
        actor_span=(actor_start, actor_start + len(actor)),
        target_span=(target_start, target_start + len(target)) if target else None,
    )


def _find(text: str, word: str, nth: int) -> int:
    position = -1
    for _ in range(nth + 1):
        position = text.index(word, position + 1)
    return position


def _article(text: str, events: list[Event]) -> AnalysedArticle:
    analysed = AnalysedArticle(article=Article(text=text))
    analysed.events = events
    return analysed


STORY = (
    "Officials said the Kremlin had shelled Veltria overnight. "
    "Western capitals believe the Kremlin is preparing to invade Russia within days. "
    "Russian forces also struck Veltria's border posts."
)


def _story_events() -> list[Event]:
    return [
        _event(STORY, "shelled", "Kremlin", "Veltria", "RUS", "VLT"),
        _event(STORY, "invade", "Kremlin", "Russia", "RUS", "RUS", nth=0),
        _event(STORY, "struck", "Russian forces", "Veltria", "RUS", "VLT", actor_kind="member",
               target_kind="member", nth=0),
    ]


def _fix_nth(events: list[Event]) -> list[Event]:
    # the actor of "invade" is the second "Kremlin", the target of "struck" the second "Veltria"
    events[1].actor_span = (_find(STORY, "Kremlin", 1), _find(STORY, "Kremlin", 1) + 7)
    events[2].target_span = (_find(STORY, "Veltria", 1), _find(STORY, "Veltria", 1) + 7)
    return events


def test_flags_the_target_when_actor_and_target_are_the_same_country():
    findings = list(check(_article(STORY, _fix_nth(_story_events())), None))
    assert [(f.text, f.start) for f in findings] == [("Russia", STORY.index("Russia within"))]


def test_suggests_the_country_the_actor_targets_elsewhere():
    finding = next(iter(check(_article(STORY, _fix_nth(_story_events())), None)))
    assert finding.suggestion == "Veltria"


def test_evidence_names_both_codes():
    finding = next(iter(check(_article(STORY, _fix_nth(_story_events())), None)))
    details = " ".join(e.detail for e in finding.evidence)
    assert "'Kremlin' -> RUS" in details and "'Russia' -> RUS" in details


def test_no_suggestion_when_other_targets_tie():
    text = "Moscow bombed Veltria. Moscow bombed Ostland. Moscow decided to invade Russia."
    events = [
        _event(text, "bombed", "Moscow", "Veltria", "RUS", "VLT", actor_kind="capital"),
        _event(text, "bombed", "Moscow", "Ostland", "RUS", "OST", actor_kind="capital", nth=1, target_nth=0),
        _event(text, "invade", "Moscow", "Russia", "RUS", "RUS", actor_kind="capital"),
    ]
    events[1].actor_span = (_find(text, "Moscow", 1), _find(text, "Moscow", 1) + 6)
    events[2].actor_span = (_find(text, "Moscow", 2), _find(text, "Moscow", 2) + 6)
    findings = list(check(_article(text, events), None))
    assert len(findings) == 1 and findings[0].suggestion is None


def test_silent_when_the_action_does_not_need_another_party():
    text = "Russia mobilised its reserves in Russia."
    event = _event(text, "mobilised", "Russia", "Russia", "RUS", "RUS", actor_kind="country",
                   category="MOBILIZE", needs_other=False, nth=0)
    event.target_span = (_find(text, "Russia", 1), _find(text, "Russia", 1) + 6)
    assert list(check(_article(text, [event]), None)) == []


def test_silent_when_the_target_is_a_people_or_place_of_the_country_not_the_country():
    text = "Syrian forces shelled Syrian towns."
    event = _event(text, "shelled", "Syrian forces", "Syrian towns", "SYR", "SYR", actor_kind="member",
                   target_kind="member")
    assert list(check(_article(text, [event]), None)) == []


def test_silent_when_the_countries_differ():
    text = "The Kremlin decided to invade Ukraine."
    event = _event(text, "invade", "Kremlin", "Ukraine", "RUS", "UKR")
    assert list(check(_article(text, [event]), None)) == []


def test_resolves_codes_lazily_without_analysis_codes():
    text = "The Kremlin decided to invade Russia."
    event = _event(text, "invade", "Kremlin", "Russia", "RUS", "RUS")
    event.actor_code = event.target_code = event.actor_kind = event.target_kind = None
    findings = list(check(_article(text, [event]), None))
    assert [f.text for f in findings] == ["Russia"]
