"""``roles.title``: a title that does not fit the named person on the article's date."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from copydesk.analyse.document import AnalysedArticle
from copydesk.analyse.roles import TitledMention, article_titled_mentions, mentioned_years
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.knowledge.records import parse_partial
from copydesk.knowledge.store import Holding
from copydesk.model import Evidence, Finding, Severity


@register("roles.title", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A title before a name that the knowledge base says the person did not hold then."""
    kb = knowledge.kb
    period, basis = _article_period(article)
    people = []
    for titled in article_titled_mentions(article, kb):
        if not titled.qualified:
            person = _person(article, titled, kb)
            if person is not None:
                people.append((titled, person))
    era = None if period else _era(people, kb)
    years = mentioned_years(article) if period is None else {}
    for titled, person in people:
        if _hypothetical(article.text, titled) or _namesake_held(titled, person, kb):
            continue
        finding = _judge(titled, person, kb, period, era, years, article.text, basis)
        if finding is not None:
            yield finding


def _hypothetical(text: str, titled: TitledMention) -> bool:
    """"a President Clinton", "an Attorney General Giuliani": an indefinite article before the
    title makes it a supposition or a type, not a claim about the person's office."""
    before = text[max(0, titled.title_start - 4) : titled.title_start].lower()
    return before.endswith((" a ", " an ")) or before in ("a ", "an ")


def _namesake_held(titled: TitledMention, person: tuple[str, str], kb) -> bool:
    """A title before a surname alone ("adviser to President Clinton") fits when someone else of
    that surname held the office: the article may mean them."""
    written = titled.mention.text.strip()
    if " " in written:
        return False
    key = person[0]
    for role, of in _offices(titled, kb.roles_of(key)):
        for holding in kb.holders(role, of):
            if holding.key != key and holding.name.split()[-1] == written:
                return True
    return False


def _article_period(article: AnalysedArticle) -> tuple[tuple[date, date] | None, str]:
    """The days titles are judged on, and what gave them: the article's own date, else the
    reference date the caller gave. Never the clock: without either the article is undated.
    An article updated after it was first published (``Article.updated``, as the publisher states
    it: ``_stated_update``; an explainer first written in 2012 and brought up to date in 2026) may
    hold text written on any day between, so a title fits when the person held the office on one
    of them."""
    published = article.article.published
    if published is not None:
        updated = article.article.updated
        if updated is not None and updated.date() > published.date() and _stated_update(article):
            return (published.date(), updated.date()), "published, and updated on the later date"
        return (published.date(), published.date()), "dateline"
    if article.reference_date is not None:
        day = article.reference_date.date()
        return (day, day), "reference date"
    return None, ""


#: Where an article's update date may come from to widen the span (``article.meta["sources"]``,
#: ``copydesk.ingest.metadata``): the article's own structured data (schema.org ``dateModified`` in
#: JSON-LD or microdata, Open Graph ``article:modified_time``), or the date a record gives with the
#: page (``"record"``, ``copydesk.ingest.sources``). Not a ``lastmod`` or ``last-modified`` meta
#: tag or ``og:updated_time``, which sites rewrite when they render or redesign a page whose text
#: has not changed.
STATED_UPDATE_SOURCES = frozenset({"jsonld", "datemodified", "article:modified_time", "record"})


def _stated_update(article: AnalysedArticle) -> bool:
    """Whether the article's update date is one the publisher states for the article: from its
    structured data or the record it came in (``STATED_UPDATE_SOURCES``), or given with text
    not read from a page (whose metadata names no source)."""
    sources = article.article.meta.get("sources")
    if not isinstance(sources, dict) or "updated" not in sources:
        return True
    return sources["updated"] in STATED_UPDATE_SOURCES


def _era(people, kb) -> tuple[date, date, str] | None:
    """When an undated article was written, from the other titles it gets right: each person
    whose title fits an office they held dates the article to that tenure; the tenures of all
    of them intersect. None when nothing dates the article or the tenures disagree."""
    first, last, witnesses = date.min, date.max, []
    for titled, (key, name) in people:
        spans = []
        career = kb.roles_of(key)
        for role, of in _offices(titled, career):
            for holding in career:
                if (holding.role, holding.of) == (role, of):
                    spans.append((parse_partial(holding.start, upper=False) or date.min,
                                  parse_partial(holding.end, upper=True) or date.max))
        if spans:
            first = max(first, min(s for s, _ in spans))
            last = min(last, max(e for _, e in spans))
            witnesses.append(f"{titled.title} {name}")
    if not witnesses or first > last:
        return None
    return first, last, "; ".join(witnesses[:3])


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


def _judge(
    titled, person, kb, period, era, years: dict[int, int], titled_text: str, basis: str = "dateline"
) -> Finding | None:
    """Without a date (``period`` None) only "never held" is judged; the years the article
    mentions then choose which of the person's offices to suggest."""
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
        if mine and (period is None or any(_overlaps(h, *period) for h in mine)):
            return None  # the person held this office (then)
    if not covered:
        return None
    held_ever = any(h.key == key for _, _, holders in covered for h in holders)
    evidence = [Evidence("kb", _career(name, career))]
    if period is not None:
        for role, of, holders in covered:
            during = [h.name for h in holders if _overlaps(h, *period)]
            if during:
                evidence.append(Evidence("kb", f"{titled.title} ({role} of {of}) {_when(period)}: {', '.join(during)}"))
        dates = period[0].isoformat() if period[0] == period[1] else f"{period[0].isoformat()} to {period[1].isoformat()}"
        evidence.append(Evidence("date", f"article date: {dates} ({basis})"))
    elif era is not None:
        until = era[1].year if era[1] != date.max else "now"
        evidence.append(Evidence("date", f"no dateline; dated {era[0].year}-{until} by {era[2]}"))
    elif years:
        listed = ", ".join(str(y) for y in sorted(years))
        evidence.append(Evidence("date", f"no dateline; the article mentions {listed}"))
    topic = topic_counter(titled_text, (titled.title_start, titled.title_end), kb)
    # open tenures end at the article's date, else where the KB's record of offices ends
    horizon = period[1] if period else kb.latest_role_date()
    then = _suggested_office(career, period or (era[:2] if era else None), years, topic, horizon)
    suggestion = _title_for(then, kb, titled.title) if then else None
    held_before = period is not None and any(
        h.key == key and (parse_partial(h.end, upper=True) or date.max) < period[0]
        for _, _, holders in covered for h in holders
    ) and not any(_overlaps(h, *period) for h in career if h.role != "party-leader")
    if held_before:
        # "President Bush" in 2016, when he held no office: news keeps a former holder's title
        # when it speaks of the tenure, and often as a courtesy; at most a note that "former" may
        # be meant. (A title from an earlier office while the person holds another is an error.)
        message = f"{name} held the office of {titled.title} before {_when(period)[3:]}; 'former' may be meant"
        severity, confidence = Severity.INFO, 0.4
    elif held_ever:
        message = f"{name} was not {titled.title} {_when(period)}"
        severity, confidence = Severity.WARNING, 0.7
    else:
        message = f"{name} never held the office of {titled.title}"
        severity, confidence = Severity.ERROR, 0.9
    written = [h for _, _, holders in covered for h in holders if h.key == key]
    if period is not None and written and (then is None or not _overlaps(then, *period)):
        # the person held the office written, but not then, and no other office then: say when
        # (no title to write instead: "former", or the date, is what is wrong)
        message += f"; {name} was {titled.title} {_tenure_text(written[0])}"
        suggestion = None
    elif suggestion and period is not None and not _overlaps(then, *period):
        # no office of the person's fits the date: say when they held the one suggested
        message += f"; {name} was {suggestion} {_tenure_text(then)}"
        if suggestion.lower() == titled.title.lower():
            suggestion = None  # the title is right, the date is not: nothing to write instead
    elif suggestion:
        message += f"; {name} was {suggestion}{' then' if period else ''}"
    return Finding(
        check="roles.title", severity=severity, start=titled.title_start, end=titled.title_end,
        text=titled.title, message=message, suggestion=suggestion, confidence=confidence,
        evidence=evidence,
    )


def _tenure_text(holding: Holding) -> str:
    start = holding.start or "?"
    return f"from {start} to {holding.end}" if holding.end else f"from {start}"


def _tenure(holding: Holding, horizon: date | None) -> int:
    start = parse_partial(holding.start, upper=False)
    end = parse_partial(holding.end, upper=True) or horizon or date.max
    return (end - start).days if start and end > start else 0


def _suggested_office(
    career: list[Holding],
    span,
    years: dict[int, int],
    topic: Callable[[Holding], tuple[int, int]],
    horizon: date | None = None,
) -> Holding | None:
    """The office to suggest. The article naming the office elsewhere ("his first day as home
    secretary") comes first; then temporal evidence — the largest overlap with the article's
    date (or the era its other titles date it to), else the most year mentions, else the
    longest tenure (the office the person is best known for); then the office whose portfolio
    the article talks about ("the Home Office"). Government offices come before party posts.
    A tenure with no end lasts until ``horizon`` (the article's date, or the last date the
    knowledge base records), never until the day the check runs."""
    offices = [h for h in career if h.role != "party-leader"] or career
    if not offices:
        return None
    measures: list[Callable[[Holding], int]] = []
    if span is not None:
        measures.append(lambda h: _overlap_days(h, *span, horizon))
    if years:
        def fit(holding: Holding) -> int:
            start = parse_partial(holding.start, upper=False) or date.min
            end = parse_partial(holding.end, upper=True) or date.max
            return sum(n for year, n in years.items() if start.year <= year <= end.year)

        measures.append(fit)
    for measure in measures:
        fitting = [h for h in offices if measure(h) > 0]
        if fitting:
            return max(fitting, key=lambda h: (topic(h)[0], measure(h), topic(h)[1]))
    return max(offices, key=lambda h: (topic(h)[0], _tenure(h, horizon), topic(h)[1]))


_TITLE_STOP = frozenset(
    {"secretary", "state", "minister", "of", "for", "the", "and", "department", "affairs",
     "president", "prime", "chancellor", "leader", "lord", "high", "first", "deputy", "chief"}
)


def topic_counter(text: str, skip: tuple[int, int], kb) -> Callable[[Holding], tuple[int, int]]:
    """What the article says about an office, outside the judged title itself: (how often one
    of its press titles is written, in any case — "his first day as home secretary"; how often
    the distinctive words of its official title are written capitalised — "the Home Office")."""
    counted = (text[: skip[0]] + " " + text[skip[1] :]).lower()
    capitalised_text = text[: skip[0]] + " " + text[skip[1] :]
    titles = kb.all_titles()
    cache: dict[str, int] = {}

    def occurrences(pattern: str, haystack: str) -> int:
        if pattern not in cache:
            cache[pattern] = len(re.findall(rf"\b{re.escape(pattern)}\b", haystack))
        return cache[pattern]

    def count(holding: Holding) -> tuple[int, int]:
        press = {t.title.lower() for t in titles if t.role == holding.role and t.of in (holding.of, "*")}
        named = sum(occurrences(title, counted) for title in press)
        words = {w for w in re.findall(r"[A-Za-z]+", holding.title or "") if w.lower() not in _TITLE_STOP}
        capitalised = sum(occurrences(w.capitalize(), capitalised_text) for w in words)
        return named, capitalised

    return count


def _overlap_days(holding: Holding, first: date, last: date, horizon: date | None = None) -> int:
    start = max(parse_partial(holding.start, upper=False) or date.min, first)
    horizon = horizon or date.max
    end = min(parse_partial(holding.end, upper=True) or horizon, last, horizon)
    return (end - start).days if end > start else (1 if end == start else 0)


def _when(period) -> str:
    if period is None:
        return "at any date"
    first, last = period
    if first == last:
        return f"on {first.isoformat()}"
    return f"in {first.year}" if first.year == last.year else f"in {first.year}-{last.year}"


def _career(name: str, career: list[Holding]) -> str:
    # a president's head-of-state and head-of-government rows read the same: once each
    parts = list(dict.fromkeys(
        f"{h.title or h.role} ({h.of}) {h.start or '?'}..{h.end or 'present'}"
        + (f", {h.acting}" if h.acting else "") for h in career
    ))
    qid = career[0].qid if career else None
    return f"{name}{f' ({qid})' if qid else ''}: " + "; ".join(parts)


def _title_for(holding: Holding, kb, written: str = "") -> str | None:
    """The press title for a role: the country's own if there is one, else the first generic one
    listed. Of the country's own, a shortening of the office's official title at the time comes
    first ("Defense Secretary" of "Secretary of Defense", not "War Secretary"; "Federal Reserve
    chair" of "Chair of the Federal Reserve", not "Fed chair"), then the shortest ("Chancellor"
    rather than "Chancellor of the Exchequer"). The title is written in the case of the title it
    replaces: before a name, "White House Press Secretary"."""
    rows = [t for t in kb.all_titles() if t.role == holding.role]
    specific = [t.title for t in rows if t.of == holding.of]
    if specific:
        official = _title_words(holding.title or "")
        chosen = min(specific, key=lambda t: (not _title_words(t) <= official, len(t),
                                              -len(official & _title_words(t))))
    else:
        generic = [t.title for t in rows if t.of == "*"]
        chosen = generic[0] if generic else holding.title
    return _in_case_of(chosen, written) if chosen else chosen


#: Words of a title written in lower case whatever the style ("Secretary of State").
_TITLE_LINKS = frozenset({"of", "for", "and", "the", "to", "&"})


def _title_words(title: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w'-]+", title) if w.lower() not in _TITLE_LINKS}


def _in_case_of(title: str, written: str) -> str:
    """``title`` with every word but the links capitalised when ``written`` is so written."""
    words = [w for w in written.split() if w.lower() not in _TITLE_LINKS]
    if not words or not all(w[:1].isupper() for w in words):
        return title
    return " ".join(w if w.lower() in _TITLE_LINKS else w[:1].upper() + w[1:] for w in title.split())
