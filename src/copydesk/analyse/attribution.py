"""Who is speaking: cue words, the source a cue attaches to, and the person or organisation that
source refers to.

A *cue* is a speech or cognition verb ("said", "told", "warned", "believes"), a speech noun
("statement", "remarks") or "according to". Its *source* is read from the dependency parse: the
subject of the verb (walking up through "…, adding that", "issued a statement saying", "is
urging … and warning"), the agent of a passive, the owner of "X's statement", the object of
"according to". The source mention is then *resolved* to a named entity of the article:

- a name is its entity (``analysed.entities``);
- "he"/"she" is the most recent person who was a subject or a speaker before it (else the most
  recent person), skipping people the article already called by the other pronoun or a gendered
  title;
- "the spokesman", "the minister" is the most recent person written with that title ("Interior
  Ministry spokesman Ivan Sorokin", "Sorokin, the ministry spokesman"); "a spokesman for X" is the article's
  person with that title wherever it names one, else X;
- anything else ("one European official") keeps its own words as the name, with no entity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.model import Speaker

#: Verbs that report speech (lemmas). A direct quote takes its speaker from one of these.
SPEECH_VERBS = frozenset(
    [
        "say", "tell", "announce", "warn", "add", "explain", "claim", "insist", "deny", "state",
        "note", "argue", "suggest", "report", "write", "declare", "assert", "acknowledge", "admit",
        "confirm", "maintain", "reply", "respond", "answer", "ask", "urge", "caution", "stress",
        "emphasize", "emphasise", "complain", "predict", "promise", "vow", "pledge", "concede",
        "contend", "counter", "recall", "remark", "observe", "comment", "tweet", "testify",
        "allege", "agree", "conclude", "estimate", "describe", "call", "dub", "label", "accuse",
        "praise", "criticize", "criticise", "slam", "blast", "joke", "quip", "shout", "yell",
        "whisper", "scream", "boast", "brag", "lament", "mock", "demand", "recommend", "propose",
        "advise", "inform", "assure", "reiterate", "repeat", "continue", "disclose", "reveal",
        "proclaim", "recount", "retort", "concur", "charge", "signal", "indicate", "affirm",
        "announce", "point", "exclaim", "wonder", "threaten", "tout", "hint", "predict",
        "speculate", "post", "characterize", "characterise", "refer", "brand", "hail", "decry",
        "denounce", "condemn", "dismiss", "rate", "deem", "term", "chant", "cheer"
    ]
)
#: Verbs that introduce a direct quote set beside them but never report speech on their own: the
#: manner-of-speaking verbs (Levin 1993, class 37.3: "boomed", "drawled", "muttered") and the
#: verbs of non-verbal expression that news writing uses the same way (class 40.2: "beamed",
#: "laughed", "sighed"), plus the say-verbs of narration ("related", "mused", "chimed in").
MANNER_VERBS = frozenset(
    [
        "babble", "bark", "bawl", "bellow", "bleat", "boom", "bray", "burble", "cackle", "carol",
        "chatter", "chirp", "cluck", "coo", "croak", "croon", "crow", "cry", "drawl", "drone",
        "gabble", "gasp", "gibber", "groan", "growl", "grumble", "grunt", "hiss", "holler", "hoot",
        "howl", "jabber", "lisp", "moan", "mumble", "murmur", "mutter", "purr", "rage", "rasp",
        "roar", "rumble", "screech", "shriek", "sing", "snap", "snarl", "sob", "sputter", "squeal",
        "stammer", "stutter", "thunder", "trumpet", "wail", "wheeze", "whimper", "whine", "yelp",
        "beam", "chuckle", "frown", "giggle", "grin", "laugh", "scoff", "smile", "sigh", "sneer",
        "snicker", "snort", "chortle", "relate", "muse", "gush", "enthuse", "marvel", "chime",
        "interject", "recount", "plead",
    ]
)
#: Verbs that report a belief or knowledge; they attribute only a ``that``-clause (indirect).
COGNITION_VERBS = frozenset(
    [
        "believe", "think", "feel", "fear", "hope", "expect", "suspect", "doubt", "worry", "reckon",
        "know", "assume", "conclude", "find", "learn", "understand", "realize", "realise",
        "acknowledge"
    ]
)
#: Speech acts whose object or infinitive is what was said: "urged voters to register",
#: "called for a moratorium", "criticized the plan", "endorsed Smith".
ACT_VERBS = frozenset(
    [
        "urge", "ask", "promise", "pledge", "vow", "decline", "refuse", "agree", "threaten",
        "propose", "offer", "demand", "recommend", "call", "cite", "criticize", "criticise",
        "accuse", "endorse", "support", "question", "reject", "deny", "announce", "praise", "blame",
        "attack", "mention", "describe", "echo", "dismiss", "condemn", "denounce", "defend",
        "welcome", "applaud", "request", "order", "advise", "encourage", "invite", "challenge",
        "oppose", "back", "rule", "warn", "tell", "remind"
    ]
)
#: Verbs that report what a text, a poll or a person set out without being speech as such ("the
#: poll shows", "spoke about"); they introduce reported speech only, never a direct quote.
REPORT_VERBS = frozenset([
    "show", "find", "reveal", "speak", "talk", "point", "charge", "document", "respond"
])
#: Prepositions after an act verb that introduce what was said ("called for", "warned of").
ACT_PREPOSITIONS = frozenset({"for", "to", "about", "of", "against", "on"})
#: Nouns that carry speech: "issued a statement saying", "in remarks to students".
SPEECH_NOUNS = frozenset(
    [
        "statement", "remarks", "remark", "comment", "comments", "interview", "announcement",
        "tweet", "post", "letter", "speech", "testimony", "release", "briefing", "message", "memo"
    ]
)
#: Subject words that never name a source ("there said" does not happen, but "it" often is dummy).
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Dependencies walked up from a subject-less cue to the clause that has the subject.
_UP = frozenset(
    {"conj", "advcl", "xcomp", "acl", "dobj", "pcomp", "prep", "pobj", "npadvmod", "ccomp", "appos", "attr"}
)
_NP_PARTS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
_MALE_TITLES = frozenset(
    {"mr", "mr.", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman", "father"}
)
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess",
                           "spokeswoman", "chairwoman", "congresswoman", "sister"})
_PLURAL = frozenset({"they", "them", "we"})
#: Saying verbs that may come before their subject ("said Ms Okafor") and never take a person as
#: their object.
_INVERTING = frozenset([
    "say", "declare", "add", "explain", "insist", "state", "note", "argue", "continue", "write",
    "reply", "answer", "respond", "recall", "remark", "observe", "comment", "admit", "concede",
    "agree", "conclude", *MANNER_VERBS
])
_INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "nsubj", "dative", "oprd", "appos"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_CAPITALISED = re.compile(r"[A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*)+")


def is_cue(token: Token, *, direct: bool = False) -> bool:
    """A token that can introduce speech: a speech verb, a speech noun, or "according".
    ``direct``: only cues that can introduce a direct quote."""
    if token.lower == "according":
        return True
    lemma = token.lemma.lower()
    if token.pos in ("VERB", "AUX"):
        if lemma in SPEECH_VERBS or lemma in COGNITION_VERBS or lemma in ACT_VERBS:
            return True
        if direct:
            return lemma in MANNER_VERBS
        return lemma in REPORT_VERBS
    if token.pos == "NOUN":
        return lemma in SPEECH_NOUNS
    return False


@dataclass(slots=True)
class _Person:
    start: int
    end: int
    name: str
    entity: str | None
    label: str
    subject: bool
    titles: frozenset[str]


_WANTED = frozenset({"ORG", "NORP", "GPE"})


class _People:
    """Some of the article's people in text order (sorted by start), with their starts, so a
    lookup by offset is a bisection, not a scan of every name in the article."""

    __slots__ = ("people", "starts")

    def __init__(self) -> None:
        self.people: list[_Person] = []
        self.starts: list[int] = []

    def add(self, person: _Person) -> None:
        self.people.append(person)
        self.starts.append(person.start)

    def ending_by(self, offset: int, ordered: bool) -> Iterator[_Person]:
        """From the last back, the people that end at or before ``offset``. With ``ordered``
        (every person starts before it ends) only those starting at or before it are read."""
        k = bisect_right(self.starts, offset) if ordered else len(self.people)
        people = self.people
        while k > 0:
            k -= 1
            if people[k].end <= offset:
                yield people[k]


@dataclass
class Resolver:
    """Speaker resolution over one article. Build once per article; ``speaker_of`` per cue."""

    analysed: AnalysedArticle
    #: For each token, whether it lies inside a direct quote (a source is never quoted words).
    quoted: list[bool] | None = None
    people: list[_Person] = field(default_factory=list)
    #: (offset, entity key) of every speaker resolved so far, in text order of their cue.
    history: list[tuple[int, str | None, str | None]] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    # Indexes of ``people`` (built once) and of ``history`` (kept by ``note``): each lookup by
    # offset is a bisection, so resolving every cue of a long article costs n log n, not n².
    _starts: list[int] = field(default_factory=list, init=False, repr=False)
    #: The largest end among ``people[: k + 1]``: the first person covering an offset is found
    #: by bisection.
    _reach: list[int] = field(default_factory=list, init=False, repr=False)
    _ordered: bool = field(default=True, init=False, repr=False)
    _by_label: dict[str, _People] = field(default_factory=dict, init=False, repr=False)
    #: ORG, NORP and GPE people by their key (entity, else name).
    _by_key: dict[str, _People] = field(default_factory=dict, init=False, repr=False)
    #: PERSON people by each title word written with them.
    _by_title: dict[str, _People] = field(default_factory=dict, init=False, repr=False)
    #: Entity key or name -> the earliest offset ``history`` gives it.
    _said: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.people = _collect_people(self.analysed)
        reach = -1
        for person in self.people:
            key = person.entity or person.name
            if person.titles & _MALE_TITLES:
                self.gender.setdefault(key, "m")
            elif person.titles & _FEMALE_TITLES:
                self.gender.setdefault(key, "f")
            self._starts.append(person.start)
            reach = max(reach, person.end)
            self._reach.append(reach)
            self._ordered = self._ordered and person.start <= person.end
            self._by_label.setdefault(person.label, _People()).add(person)
            if person.label in _WANTED:
                self._by_key.setdefault(key, _People()).add(person)
            if person.label == "PERSON":
                for title in person.titles:
                    self._by_title.setdefault(title, _People()).add(person)
        for offset, entity, name in self.history:
            self._remember(offset, entity, name)

    # -- the source token of a cue ------------------------------------------------------------
    def source_token(self, cue: Token) -> Token | None:
        """The token naming who speaks through ``cue``, read from the parse."""
        tokens = self.analysed.tokens
        if cue.lower == "according":
            for child in self.analysed.children(cue):
                if child.lower == "to":
                    for grand in self.analysed.children(child):
                        if grand.dep == "pobj":
                            return grand
            nxt = tokens[cue.i + 1] if cue.i + 1 < len(tokens) else None
            if nxt is not None and nxt.lower == "to":
                for grand in self.analysed.children(nxt):
                    if grand.dep == "pobj":
                        return grand
            return None
        current = cue
        for _ in range(5):
            found = self._subject(current)
            if found is not None:
                if found.lower in _RELATIVE and current.dep == "relcl":
                    return tokens[current.head]
                return found
            if current.dep not in _UP or current.head == current.i:
                break
            head = tokens[current.head]
            if current.dep == "appos":  # "Sorokin, a spokesman who said" — rare; stop at the noun
                return head if head.pos in ("PROPN", "NOUN", "PRON") else None
            current = head
        return self._word_before(cue) or self._inverted(cue)

    def _inverted(self, cue: Token) -> Token | None:
        """"“…,” declared coach Eddie Jones": a name right after a saying verb that takes no
        person as its object (not "told Smith", "asked Smith")."""
        if cue.pos not in ("VERB", "AUX") or cue.lemma.lower() not in _INVERTING:
            return None
        for child in self.analysed.children(cue):
            unquoted = self.quoted is None or not self.quoted[child.i]
            if child.i <= cue.i or child.dep not in _INVERTED_DEPS or not unquoted:
                continue
            if child.pos == "PROPN":
                return child
            if child.pos == "NOUN" and any(  # "declared Wallabies coach Eddie Jones"
                g.pos == "PROPN" and g.dep in ("compound", "appos", "flat")
                for g in self.analysed.children(child)
            ):
                return child
        return None

    def _word_before(self, cue: Token) -> Token | None:
        """When the parse gives the cue no subject, a name or pronoun right before a verb cue
        ("… chief executive Helmut Panke said: …" parsed as an apposition)."""
        if cue.pos not in ("VERB", "AUX"):
            return None
        k = cue.i - 1
        tokens = self.analysed.tokens
        while k >= 0 and tokens[k].sent == cue.sent and tokens[k].pos in ("ADV", "AUX", "PART"):
            k -= 1
        if k < 0 or tokens[k].sent != cue.sent or (self.quoted is not None and self.quoted[k]):
            return None
        before = tokens[k]
        if before.pos == "PROPN" or before.lower in MALE | FEMALE | _PLURAL:
            return before
        return None

    def _subject(self, token: Token) -> Token | None:
        agent = None
        for child in self.analysed.children(token):
            if self.quoted is not None and self.quoted[child.i]:
                continue
            if child.dep in _SUBJECTS:
                return child
            if child.dep == "poss" and token.pos == "NOUN":
                return child
            if child.dep == "agent":
                agent = next((g for g in self.analysed.children(child) if g.dep == "pobj"), None)
        return agent

    # -- the mention and what it refers to ----------------------------------------------------
    def speaker_of(self, cue: Token, *, remember: bool = True) -> Speaker | None:
        source = self.source_token(cue)
        if source is None:
            return None
        speaker = self.resolve(source)
        if remember and speaker is not None:
            self.note(cue.start, speaker)
        return speaker

    def note(self, offset: int, speaker: Speaker) -> None:
        self.history.append((offset, speaker.entity, speaker.name))
        self._remember(offset, speaker.entity, speaker.name)

    def _remember(self, offset: int, entity: str | None, name: str | None) -> None:
        for key in (entity, name):
            if key and (key not in self._said or offset < self._said[key]):
                self._said[key] = offset

    def resolve(self, source: Token) -> Speaker:
        """A ``Speaker`` for the source token: its mention span and, when found, the entity."""
        text = self.analysed.text
        person = self._person_at(source)
        if person is not None:
            return Speaker(person.name, person.entity, person.start, person.end)
        lower = source.lower
        if lower in MALE or lower in FEMALE or lower in _PLURAL or lower == "it":
            found = self._pronoun(source)
            if found is not None:
                return Speaker(found.name, found.entity, source.start, source.end)
            return Speaker(None, None, source.start, source.end)
        if source.pos == "PRON":  # "some", "others", "one": a source, but nobody in particular
            return Speaker(None, None, source.start, source.end)
        start, end = self._noun_phrase(source)
        for child in self.analysed.children(source):  # "chief executive Helmut Brandt"
            if child.dep in ("appos", "compound", "flat") and child.i > source.i:
                named = self._person_at(child)
                # a name set beside the noun ("the agency's commissioner-general, Philippe
                # Lazzarini, said") names the speaker even when the tagger took it for an
                # organisation; a compound ("chief executive Helmut Brandt") only as a person
                if named is not None and (named.label == "PERSON" or (
                        child.dep == "appos" and child.pos == "PROPN" and not any(
                            t.pos == "ADP" for t in self.analysed.tokens[source.i + 1 : child.i]))):
                    # (not past "of" or "for": in "the chief executive of the bank, HSBC" the
                    # name is the bank's)
                    return Speaker(named.name, named.entity, start, max(end, named.end))
        phrase = text[start:end]
        found = self._titled(source, definite=phrase.lower().startswith(("the ", "this ", "that ")))
        if found is not None:
            return Speaker(found.name, found.entity, start, end)
        return Speaker(_strip_determiner(phrase), None, start, end)

    def person_starting(self, offset: int) -> Speaker | None:
        """The name mention that starts at ``offset`` ("“…” ― Jane Roe"), else the run of
        capitalised words there (a name the tagger missed)."""
        low, high = bisect_left(self._starts, offset - 2), bisect_right(self._starts, offset)
        for person in self.people[low:high]:  # start in [offset - 2, offset]
            if offset < person.end:
                name = person.name.lstrip("―—–- \u00a0")
                return Speaker(name, person.entity, offset, person.end)
        words = _CAPITALISED.match(self.analysed.text, offset)
        if words is None or len(words.group().split()) > 4:
            return None
        return Speaker(words.group(), None, offset, words.end())

    def person_within(self, start: int, end: int) -> Speaker | None:
        """The last name mention inside ``[start, end)`` ("Jane Roe: “…”")."""
        low = bisect_left(self._starts, start)
        high = bisect_right(self._starts, end) if self._ordered else len(self.people)
        for k in range(high - 1, low - 1, -1):
            person = self.people[k]
            if person.end <= end:
                return Speaker(person.name, person.entity, person.start, person.end)
        return None

    def _person_at(self, token: Token) -> _Person | None:
        """The first person (in text order) whose span covers the token's start."""
        offset = token.start
        k = bisect_right(self._reach, offset)  # the first person that ends after the offset
        if k < len(self.people) and self.people[k].start <= offset:
            return self.people[k]
        return None

    def _noun_phrase(self, head: Token) -> tuple[int, int]:
        """The head noun with its determiners, adjectives and compounds ("One European official")."""
        tokens = self.analysed.tokens
        first = head.i
        for child in self.analysed.children(head):
            if child.i < first and child.dep in _NP_PARTS:
                first = min(first, _leftmost(self.analysed, child))
        return tokens[first].start, head.end

    def _pronoun(self, pronoun: Token) -> _Person | None:
        lower = pronoun.lower
        offset = pronoun.start
        if lower in _PLURAL or lower == "it":
            if lower == "it":  # the last organisation before it
                orgs = self._by_label.get("ORG")
                return next(orgs.ending_by(offset, self._ordered), None) if orgs else None
            recent = self.history[-1] if self.history else None
            if recent is not None:
                match = self._by_key.get(recent[1] or recent[2])  # type: ignore[arg-type]
                if match:
                    return next(match.ending_by(offset, self._ordered), None)
            return None
        sex = "m" if lower in MALE else "f" if lower in FEMALE else None
        persons = self._by_label.get("PERSON")
        if persons is None:
            return None
        window = offset - 3000
        last = None  # the last compatible person before the pronoun
        for person in persons.ending_by(offset, self._ordered):
            if not self._compatible(person, sex):
                continue
            if last is None:
                last = person
            if person.end < window:
                break
            key = person.entity or person.name
            if person.subject or self._said.get(key, offset) < offset:  # a speaker before it
                self.gender.setdefault(key, sex or "")
                return person
        return last

    def _compatible(self, person: _Person, sex: str | None) -> bool:
        known = self.gender.get(person.entity or person.name)
        return not (sex and known and known != sex)

    def _titled(self, head: Token, *, definite: bool) -> _Person | None:
        title = head.lemma.lower()
        if head.pos not in ("NOUN", "PROPN") or not title:
            return None
        titled = self._by_title.get(title)  # the article's people written with this title
        if titled is not None:
            before = next(titled.ending_by(head.start, self._ordered), None)
            if before is not None:
                return before
            if not definite:
                return titled.people[0]
        for child in self.analysed.children(head):  # "a spokesman for X": X
            if child.dep == "prep" and child.lower in ("for", "of", "at"):
                for grand in self.analysed.children(child):
                    if grand.dep == "pobj":
                        return self._person_at(grand)
        return None


def _leftmost(analysed: AnalysedArticle, token: Token) -> int:
    first = token.i
    for child in analysed.children(token):
        if child.i < first:
            first = min(first, _leftmost(analysed, child))
    return first


def _strip_determiner(phrase: str) -> str:
    words = phrase.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _collect_people(analysed: AnalysedArticle) -> list[_Person]:
    """Every name mention (from the entities, plus PERSON/ORG token runs that no mention covers),
    with whether it is a subject and the title words written with it."""
    tokens = analysed.tokens
    entity_names = {e.id: e.name for e in analysed.entities}
    spans: list[tuple[int, int, str, str | None, str]] = []
    for mention in analysed.mentions:
        if mention.label in _NAME_LABELS:
            name = entity_names.get(mention.entity or "", mention.text)
            spans.append((mention.start, mention.end, name, mention.entity, mention.label))
    covered = sorted((s, e) for s, e, *_ in spans)
    covered_starts = [s for s, _ in covered]
    reach = list(accumulate((e for _, e in covered), max))  # the largest end so far
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if token.ent_type in ("PERSON", "ORG") and token.ent_iob == "B":
            j = k + 1
            while j < len(tokens) and tokens[j].ent_iob == "I":
                j += 1
            start, end = token.start, tokens[j - 1].end
            n = bisect_left(covered_starts, end)  # the spans that start before this run ends
            if not (n and reach[n - 1] > start):  # none of them ends after it starts
                name = analysed.text[start:end]
                spans.append((start, end, name, None, token.ent_type))
            k = j
        else:
            k += 1
    spans.sort()
    people = []
    for start, end, name, entity, label in spans:
        inside = [t for t in _tokens_in(analysed, start, end)]
        if not inside:
            continue
        outside = (t for t in inside if not (start <= tokens[t.head].start < end) or t.head == t.i)
        root = next(outside, inside[-1])
        subject = root.dep in _SUBJECTS
        people.append(_Person(start, end, name, entity, label, subject, _titles(analysed, inside, root)))
    return people


def _tokens_in(analysed: AnalysedArticle, start: int, end: int) -> list[Token]:
    first = analysed.token_at(start)
    if first is None:
        return []
    tokens = analysed.tokens
    out = []
    k = first.i
    while k < len(tokens) and tokens[k].start < end:  # no copy of the tokens to the end
        out.append(tokens[k])
        k += 1
    return out


def _titles(analysed: AnalysedArticle, inside: list[Token], root: Token) -> frozenset[str]:
    """Title words around a name: the words before it ("ministry spokesman", "Defense Minister"),
    those inside it before the name proper, and an apposition ("Sorokin, the ministry spokesman")."""
    tokens = analysed.tokens
    gendered = _MALE_TITLES | _FEMALE_TITLES
    words = {t.lemma.lower() for t in inside
             if t.ent_type not in ("PERSON", "ORG") or t.text.lower() in gendered}
    attached = {t.i for t in inside}
    k = inside[0].i - 1
    sent = inside[0].sent
    while k >= 0 and inside[0].i - k <= 6 and tokens[k].sent == sent:
        token = tokens[k]  # only words that hang on the name: not "a spokesman for [President Novak]"
        if token.head not in attached or token.pos not in ("NOUN", "PROPN", "ADJ", "ADP"):
            break
        attached.add(token.i)
        words.add(token.lemma.lower())
        words.add(token.lower)
        k -= 1
    for k in sorted(attached):  # "Secretary of State": the words under the title words too
        for child in analysed.children(tokens[k]):
            if child.i < inside[0].i and child.pos in ("NOUN", "PROPN"):
                words.add(child.lemma.lower())
    for child in analysed.children(root):
        if child.dep == "appos" and child.pos == "NOUN":
            words.add(child.lemma.lower())
    return frozenset(words)
