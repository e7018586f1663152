"""Bounded parse batches and indexed speaker lookups (``copydesk.analyse.pipeline`` and
``copydesk.analyse.attribution``): each index gives what the scan it replaced gave."""

from __future__ import annotations

import random

import pytest

from copydesk.analyse.attribution import Resolver, _collect_people, is_cue
from copydesk.analyse.pipeline import Analyser, batches_by_chars
from copydesk.ingest.text import parse_text

SENTENCES = (
    "The harbour board met on Tuesday. “We will not sign,” said Helena Marchetti. "
    "Union spokesman Ivan Sorokin said the offer was poor. He said talks would resume. "
    "The spokesman added that she had left. Acme Shipping said it would appeal. "
    "Marchetti, the board chairwoman, told reporters they would wait. "
)


def test_batches_hold_at_most_the_cap_of_characters_and_keep_the_order():
    texts = ["a" * n for n in (5, 30, 60, 10, 10, 10, 250, 40, 1, 1)]
    batches = list(batches_by_chars(texts, 64, 100))
    assert [t for batch in batches for t in batch] == texts
    assert all(sum(map(len, b)) <= 100 or len(b) == 1 for b in batches)
    assert [len(b) for b in batches] == [3, 3, 1, 3]  # 250 alone: longer than the cap


def test_batches_hold_at_most_the_batch_size():
    assert [len(b) for b in batches_by_chars(["x"] * 10, 4, 10**6)] == [4, 4, 2]
    assert list(batches_by_chars([], 4, 100)) == []


class _CountingNLP:
    """The real pipeline, recording the characters handed to each full parse (``nlp.pipe``
    without ``disable``)."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.calls: list[int] = []

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def pipe(self, texts, **kwargs):
        texts = list(texts)
        if "disable" not in kwargs:
            self.calls.append(sum(map(len, texts)))
        return self.nlp.pipe(texts, **kwargs)


def test_a_long_paragraph_is_parsed_in_batches_under_the_cap_and_parses_the_same(analyser):
    article = parse_text("Harbour talks\n\n" + SENTENCES * 25, source="long.txt")
    counting = _CountingNLP(analyser.nlp)
    capped = Analyser(nlp=counting, max_parse_chars=700, max_batch_chars=2000).analyse(article)
    whole = Analyser(nlp=analyser.nlp, max_parse_chars=700, max_batch_chars=10**9).analyse(article)
    assert len(counting.calls) > 3 and max(counting.calls) <= 2000
    assert sum(counting.calls) == sum(r.end - r.start for r in article.paragraphs)
    assert whole.tokens == capped.tokens and whole.sentences == capped.sentences
    assert whole.mentions == capped.mentions


# -- the resolver's indexes against the scans they replaced ----------------------------------------


class _Scanning(Resolver):
    """The resolver as it was: every lookup a scan of all the article's people."""

    def person_starting(self, offset):
        from copydesk.model import Speaker

        for person in self.people:
            if person.start <= offset < person.end and person.start >= offset - 2:
                return Speaker(person.name.lstrip("―—–- \u00a0"), person.entity, offset, person.end)
        return _capitalised(self, offset)

    def person_within(self, start, end):
        from copydesk.model import Speaker

        inside = [p for p in self.people if start <= p.start and p.end <= end]
        if not inside:
            return None
        person = inside[-1]
        return Speaker(person.name, person.entity, person.start, person.end)

    def _person_at(self, token):
        return next((p for p in self.people if p.start <= token.start < p.end), None)

    def _pronoun(self, pronoun):
        lower = pronoun.lower
        before = [p for p in self.people if p.end <= pronoun.start]
        if lower in ("they", "them", "we") or lower == "it":
            if lower == "it":
                orgs = [p for p in before if p.label == "ORG"]
                return orgs[-1] if orgs else None
            recent = self.history[-1] if self.history else None
            if recent is not None:
                key = recent[1] or recent[2]
                match = [p for p in before if (p.entity or p.name) == key
                         and p.label in {"ORG", "NORP", "GPE"}]
                if match:
                    return match[-1]
            return None
        sex = "m" if lower in ("he", "him", "his", "himself") else "f" if lower in (
            "she", "her", "hers", "herself") else None
        persons = [p for p in before if p.label == "PERSON" and self._compatible(p, sex)]
        if not persons:
            return None
        speakers = {key for offset, entity, name in self.history if offset < pronoun.start
                    for key in (entity, name) if key}
        for person in reversed(persons):
            if person.end < pronoun.start - 3000:
                break
            if person.subject or (person.entity or person.name) in speakers:
                self.gender.setdefault(person.entity or person.name, sex or "")
                return person
        return persons[-1]

    def _titled(self, head, *, definite):
        title = head.lemma.lower()
        if head.pos not in ("NOUN", "PROPN") or not title:
            return None
        titled = [p for p in self.people if title in p.titles and p.label == "PERSON"]
        before = [p for p in titled if p.end <= head.start]
        if before:
            return before[-1]
        if not definite and titled:
            return titled[0]
        for child in self.analysed.children(head):
            if child.dep == "prep" and child.lower in ("for", "of", "at"):
                for grand in self.analysed.children(child):
                    if grand.dep == "pobj":
                        return self._person_at(grand)
        return None


def _capitalised(resolver, offset):
    from copydesk.analyse.attribution import _CAPITALISED
    from copydesk.model import Speaker

    words = _CAPITALISED.match(resolver.analysed.text, offset)
    if words is None or len(words.group().split()) > 4:
        return None
    return Speaker(words.group(), None, offset, words.end())


@pytest.fixture(scope="module")
def people_article(analyser):
    rng = random.Random(8)
    names = ["Helena Marchetti", "Ivan Sorokin", "Acme Shipping", "Anna Kowal", "the ministry",
             "Mr Petrov", "Ms Okafor", "Westhaven Port Authority", "Germany", "Britons"]
    verbs = ["said", "told reporters", "warned", "added", "believes"]
    pronouns = ["He", "She", "They", "It", "The spokesman", "The chairwoman", "A spokesman for Acme"]
    parts = []
    for _ in range(160):
        who = rng.choice(names + pronouns)
        parts.append(f"{who} {rng.choice(verbs)} that {rng.choice(names)} would wait.")
        if rng.random() < 0.3:
            parts.append(f"“We will not sign,” said {rng.choice(names)}.")
        if rng.random() < 0.2:
            parts.append("\n\n")
    return analyser.analyse(parse_text("Harbour talks\n\n" + " ".join(parts), source="people.txt"))


def test_indexed_lookups_give_what_the_scans_gave(people_article):
    fast, slow = Resolver(people_article), _Scanning(people_article)
    assert fast.people == slow.people and fast.gender == slow.gender
    text = people_article.text
    for token in people_article.tokens:
        assert fast._person_at(token) == slow._person_at(token)
        assert fast.person_starting(token.start) == slow.person_starting(token.start)
        if is_cue(token):  # speaker_of resolves pronouns and titles and remembers the speaker
            assert fast.speaker_of(token) == slow.speaker_of(token), text[token.start - 80 : token.end]
            assert fast.history == slow.history and fast.gender == slow.gender
    rng = random.Random(3)
    for _ in range(300):
        start = rng.randrange(len(text))
        end = start + rng.randrange(400)
        assert fast.person_within(start, end) == slow.person_within(start, end)


def test_people_not_covered_by_a_mention_are_found_as_by_the_scan(people_article):
    people = _collect_people(people_article)
    spans = sorted((m.start, m.end) for m in people_article.mentions
                   if m.label in ("PERSON", "ORG", "NORP", "GPE"))
    for person in people:
        if person.entity is None and (person.start, person.end) not in spans:  # from a token run
            assert not any(s < person.end and person.start < e for s, e in spans)
    assert [p.start for p in people] == sorted(p.start for p in people)


# -- quotes.speaker-conflict: quotes and paragraphs found by bisection --------------------------


def _conflicts_by_scan(article):
    """``quotes.speaker-conflict`` as it was: each quote's paragraph and the quotes between it
    and its cue found by reading all of them, every pair of quotes compared."""
    from copydesk.checks import quotes_speaker_conflict as c

    def own_cue(quote):
        if quote.cue is None:
            return False
        cue = quote.cue[0]
        region = next((r for r in article.article.paragraphs if r.start <= quote.start < r.end), None)
        if region is None or not region.start <= cue < region.end:
            return False
        low, high = min(cue, quote.start), max(cue, quote.end)
        return not any(other is not quote and other.kind == "direct" and low <= other.start
                       and other.end <= high for other in article.quotes)

    quotes = [q for q in article.quotes if q.kind == "direct" and q.speaker is not None
              and c._key(q) and len(q.text.split()) >= c.MIN_WORDS and own_cue(q)]
    normal = [c._normalise(q.text) for q in quotes]
    flagged = set()
    for k, later in enumerate(quotes):
        for j in range(k):
            if k in flagged or not c._conflict(quotes[j], later):
                continue
            if c._same_words(normal[j], normal[k]):
                flagged.add(k)
                yield c._finding(quotes[j], later)


@pytest.mark.parametrize("joiner", ["\n\n", " "])
def test_speaker_conflicts_are_those_the_scan_found(analyser, joiner):
    from copydesk.checks import quotes_speaker_conflict as c

    rng = random.Random(5)
    names = ["Helena Marchetti", "Ivan Sorokin", "Anna Kowal", "Mr Petrov", "a union official",
             "Sliva", "Silva"]
    said = ["We will not sign any deal this year at all",
            "The offer on the table is an insult to every worker here",
            "We will not sign any deal this year, at all"]
    paragraphs = []
    for _ in range(60):
        q, n = rng.choice(said), rng.choice(names)
        paragraphs.append(rng.choice([f"“{q},” said {n}.", f"{n} said: “{q}.”",
                                      f"“{q}.” The talks went on. “{rng.choice(said)},” {n} said."]))
    article = analyser.analyse(parse_text("Talks\n\n" + joiner.join(paragraphs), source="q.txt"))
    found = list(c.check(article, None))
    assert found == list(_conflicts_by_scan(article)) and len(found) > 5
