"""Entities and within-article name clusters.

Mentions that refer to one person or organisation are grouped into one cluster:

- a full name and its later surname-only or titled forms: "Sergey Lavrentyev" … "Mr Lavrentyev" …
  "Lavrentyev's" (a surname-only mention goes to the nearest earlier full name with that surname, so
  "Ed Miliband" and "David Miliband" stay two people);
- spelling variants (``copydesk.analyse.variants``): "Anna Kowalczyk" … "Kowalcyk said" is one
  cluster with two forms, even when spaCy labelled the variant ORG, GPE or nothing at all;
- standard transliteration variants: "Sergey Lavrentyev" and "Sergei Lavrentyev".

Each cluster becomes one ``Entity`` (ids ``e1``, ``e2``… in text order) named by the form written
most often, full names preferred.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from copydesk.analyse.document import AnalysedArticle, NameCluster
from copydesk.analyse.variants import (
    ENGLISH_WORD_ZIPF,
    TITLES,
    SpellingVariant,
    collect_name_words,
    find_spelling_variants,
    translit_key,
    word_frequency,
)
from copydesk.knowledge.normalize import strip_invisible
from copydesk.model import Entity, Mention

_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_TAIL = re.compile(r"\s*['’]s?$")
_LEADING_WORD = re.compile(r"([^\W\d_]+)\.?\s+")
#: Labels a mislabelled surname may carry; places are left alone ("Washington" the city).
_SURNAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", ""})


@dataclass(slots=True)
class _Group:
    label: str
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)


def build_entities(analysed: AnalysedArticle) -> None:
    """Fill ``analysed.entities`` and ``analysed.clusters`` from ``analysed.mentions``."""
    variants = find_spelling_variants(analysed, collect_name_words(analysed))
    analysed.derived.spelling_variants = variants  # shared with names.inconsistent
    spelling = {v.rare: v.common for v in variants}
    mentions = sorted(analysed.mentions, key=lambda m: (m.start, m.end))
    groups = _group_mentions(mentions, spelling)
    _add_variant_mentions(groups, variants, mentions)
    groups.sort(key=lambda g: min(m.start for m in g.mentions))
    analysed.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    analysed.entities = []
    analysed.clusters = []
    for number, group in enumerate(groups, start=1):
        entity_id = f"e{number}"
        group.mentions.sort(key=lambda m: m.start)
        for mention in group.mentions:
            mention.entity = entity_id
        forms = Counter(m.text for m in group.mentions)
        name = canonical_form(group.mentions)
        analysed.entities.append(Entity(entity_id, group.label, name, list(group.mentions)))
        analysed.clusters.append(
            NameCluster(entity_id, group.label, name, list(group.mentions), dict(forms))
        )


def name_words(text: str) -> list[str]:
    """The words of a mention without leading titles and a trailing possessive:
    "Mr Lavrentyev's" -> ["Lavrentyev"]."""
    words = [_POSSESSIVE.sub("", w) for w in _WORDS.findall(strip_invisible(text))]
    while len(words) > 1 and words[0].rstrip(".").lower() in TITLES:
        words = words[1:]
    return [w for w in words if w]


def canonical_form(mentions: list[Mention]) -> str:
    """The form written most often, full (multi-word) names first; ties go to the earliest."""
    counts = Counter(_clean(m.text) for m in mentions)
    order = {form: k for k, form in reversed(list(enumerate(_clean(m.text) for m in mentions)))}
    return max(counts, key=lambda f: (len(f.split()) > 1, counts[f], -order[f]))


def _clean(text: str) -> str:
    """The mention as written, without leading titles or a trailing possessive."""
    text = _POSSESSIVE_TAIL.sub("", text)
    while True:
        match = _LEADING_WORD.match(text)
        if not match or match.group(1).lower() not in TITLES or match.end() >= len(text):
            return text
        text = text[match.end() :]


def _canon(word: str, spelling: dict[str, str]) -> str:
    word = spelling.get(word, word)
    if word_frequency(word) < ENGLISH_WORD_ZIPF:
        return translit_key(word)
    return word.lower()


def _group_mentions(mentions: list[Mention], spelling: dict[str, str]) -> list[_Group]:
    """People by (given name, surname), surname-only mentions to the nearest earlier full name;
    everything else by its normalised words."""
    groups: list[_Group] = []
    people: dict[tuple[str, str], _Group] = {}
    by_surname: dict[str, list[tuple[int, _Group]]] = {}
    others: dict[tuple[str, ...], _Group] = {}
    pending: list[tuple[Mention, str]] = []
    for mention in mentions:
        words = [_canon(w, spelling) for w in name_words(mention.text)]
        if not words:
            words = [mention.text.lower()]
        if mention.label == "PERSON" and len(words) >= 2:
            key = (words[0], words[-1])
            group = people.get(key)
            if group is None:
                group = _Group("PERSON", tuple(words))
                people[key] = group
                groups.append(group)
            group.mentions.append(mention)
            by_surname.setdefault(words[-1], []).append((mention.start, group))
        elif len(words) == 1 and (mention.label in _SURNAME_LABELS or _is_variant(mention, spelling)):
            pending.append((mention, words[0]))
        else:
            _add_other(groups, others, mention, tuple(words))
    for mention, word in pending:
        owner = _nearest(by_surname.get(word, []), mention.start)
        if owner is not None:
            owner.mentions.append(mention)
        else:
            _add_other(groups, others, mention, (word,))
    return groups


def _is_variant(mention: Mention, spelling: dict[str, str]) -> bool:
    """A misspelt name keeps its place in a cluster whatever label spaCy gave it."""
    return any(word in spelling for word in name_words(mention.text))


def _add_other(
    groups: list[_Group], others: dict[tuple[str, ...], _Group], mention: Mention, key: tuple[str, ...]
) -> None:
    group = others.get(key)
    if group is None:
        group = _Group(mention.label, key)
        others[key] = group
        groups.append(group)
    group.mentions.append(mention)


def _nearest(candidates: list[tuple[int, _Group]], offset: int) -> _Group | None:
    """The group of the closest full-name mention before ``offset`` (else the first after)."""
    before = [g for start, g in candidates if start < offset]
    if before:
        return before[-1]
    return candidates[0][1] if candidates else None


def _add_variant_mentions(
    groups: list[_Group], variants: list[SpellingVariant], mentions: list[Mention]
) -> None:
    """A variant spelling that spaCy did not mark as a name still joins the cluster of the
    spelling it varies (as a new mention with that cluster's label)."""
    if not variants:
        return
    # the first group (in ``groups`` order) with a mention containing each word
    home_of: dict[str, int] = {}
    for position, group in enumerate(groups):
        for mention in group.mentions:
            for word in name_words(mention.text):
                home_of.setdefault(word, position)
    covered = _Spans(mentions)
    for variant in variants:
        position = home_of.get(variant.common)
        if position is None:
            continue
        home = groups[position]
        for word in variant.rare_words:
            if covered.contains(word.start, word.end):
                continue
            mention = Mention(word.start, word.end, word.text, home.label)
            home.mentions.append(mention)
            mentions.append(mention)
            covered.add(word.start, word.end)
            for part in name_words(mention.text):  # an earlier group may now hold the word
                if home_of.get(part, position) >= position:
                    home_of[part] = position


class _Spans:
    """Whether a span lies inside one of the mentions' spans, or inside one added since (spans
    of single tokens, which never overlap other tokens): a lookup by bisection, not a scan."""

    def __init__(self, mentions: list[Mention]):
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans starting at or before each
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)
        self.added: set[tuple[int, int]] = set()

    def contains(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        return (k >= 0 and self.reach[k] >= end) or (start, end) in self.added

    def add(self, start: int, end: int) -> None:
        self.added.add((start, end))
