"""Sources of reporting: who a sentence says its information comes from.

Found on the dependency parse of each sentence:

- the subject of a reporting verb ("the Post *reported*", "one official *warned*", "reports
  *suggest*", "sources *told* Reuters"), including the agent of a passive ("was reported *by* X");
- the object of "according to" ("according to Reuters", "according to people familiar with…");
- "it is believed/reported/said", "is said to", and the adverbs "reportedly", "allegedly" (vague).

Each source is classified:

- ``named``: the subject names a person or organisation (an entity mention, a proper noun, or a
  definite institution such as "the ministry", "police"); ``name`` is that name. A personal
  pronoun ("he said") is resolved to the nearest person mentioned before it.
- ``anonymous``: a person who is not named ("one U.S. official", "a senior diplomat", "sources",
  "people familiar with the talks", "officials"); ``name`` is the phrase as written.
- ``vague``: no one in particular ("reports suggest", "it is believed", "some have speculated",
  "reportedly"); ``name`` is None.

A source supports the sentence it stands in. A short sentence whose reporting verb has no clause
of its own ("The Post reported this on Monday.") supports the sentence before it in the same
paragraph.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from copydesk.analyse.document import AnalysedArticle, Token

#: Verbs of saying: any subject is a source.
SPEECH_VERBS = frozenset({
    "say", "report", "tell", "warn", "confirm", "claim", "announce", "state", "add", "note",
    "estimate", "allege", "insist", "deny", "explain", "write", "reveal", "disclose", "predict",
    "testify", "assert", "acknowledge", "admit", "argue", "contend", "believe", "speculate",
    "suspect", "fear", "caution", "maintain", "tweet", "post", "brief", "inform", "declare",
    "stress", "emphasise", "emphasize", "reiterate", "concede", "recount", "describe", "quote",
    "cite", "forecast", "project", "calculate", "conclude",
})
#: Verbs of evidence: a source only when the subject is a document or a named body ("a study found").
EVIDENCE_VERBS = frozenset({"suggest", "show", "indicate", "find", "reveal", "estimate"})
#: Verbs of a hearing: a source only when the subject is a court or a hearing ("the court heard",
#: "Leeds Crown Court heard", "an inquest heard"): what was said in evidence there.
HEARING_VERBS = frozenset({"hear"})
HEARING_NOUNS = frozenset({"court", "inquest", "tribunal", "jury", "juror", "hearing", "inquiry",
                           "committee", "panel", "magistrate", "magistrates", "judge", "coroner",
                           "mp", "peer", "senator", "lawmaker", "legislator", "councillor"})
#: Subject nouns that point at a document or hearsay rather than a person.
DOCUMENT_NOUNS = frozenset({
    "report", "study", "survey", "poll", "data", "figure", "statistic", "research", "analysis",
    "document", "record", "estimate", "assessment", "review", "audit", "investigation", "count",
    "census", "filing", "release", "statement", "memo", "letter", "intelligence", "paper",
})
#: Subject nouns that never identify anyone.
VAGUE_NOUNS = frozenset({
    "report", "news", "rumour", "rumor", "speculation", "account", "media", "observer",
    "commentator", "critic", "some", "many", "other", "word", "gossip", "whisper", "chatter",
})
#: Nouns for people who can be sources without being named.
PERSON_NOUNS = frozenset({
    "official", "source", "diplomat", "spokesman", "spokeswoman", "spokesperson", "aide",
    "adviser", "advisor", "person", "people", "officer", "analyst", "expert", "witness",
    "resident", "insider", "executive", "lawmaker", "legislator", "investigator", "member",
    "staffer", "employee", "worker", "minister", "politician", "representative", "negotiator",
    "envoy", "commander", "doctor", "medic", "scientist", "researcher", "economist", "lawyer",
    "activist", "observer", "individual", "man", "woman", "colleague", "friend", "relative",
    "participant", "attendee", "authority",
})
#: Nouns for institutions that are identified by a definite article ("the ministry said").
INSTITUTION_NOUNS = frozenset({
    "ministry", "government", "police", "army", "military", "company", "department", "agency",
    "court", "committee", "council", "party", "embassy", "office", "administration", "commission",
    "bank", "firm", "group", "organisation", "organization", "union", "board", "university",
    "hospital", "school", "club", "campaign", "cabinet", "parliament", "senate", "congress",
    "regulator", "prosecutor", "prosecution", "coroner", "service", "authority",
})
VAGUE_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "rumoredly"})
INDEFINITE = frozenset({"a", "an", "one", "two", "three", "several", "some", "many", "few",
                        "various", "multiple", "numerous", "other", "another", "certain"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"it", "they", "them"})


@dataclass(slots=True)
class ReportingSource:
    """A source of reporting. ``start``/``end`` is the source phrase ("the New York Post"),
    ``cue`` the reporting word ("reported", "according to"); ``supports`` lists the sentence
    indices whose content it attributes."""

    start: int
    end: int
    text: str
    kind: str  # named | anonymous | vague
    name: str | None
    cue: tuple[int, int, str]
    sentence: int
    supports: list[int] = field(default_factory=list)


def find_sources(analysed: AnalysedArticle) -> list[ReportingSource]:
    """Every source of reporting in the article, in text order."""
    found: list[ReportingSource] = []
    for index, sentence in enumerate(analysed.sentences):
        tokens = analysed.sentence_tokens(sentence)
        for token in tokens:
            source = _source_at(analysed, token, tokens)
            if source is None:
                continue
            source.sentence = index
            source.supports = [index]
            if _stands_alone(analysed, token, tokens) and index > 0:
                previous = analysed.sentences[index - 1]
                if previous.paragraph == sentence.paragraph:
                    source.supports.insert(0, index - 1)
            found.append(source)
    return found


def sources_by_sentence(sources: list[ReportingSource]) -> dict[int, list[ReportingSource]]:
    """Sentence index -> the sources that support it (named first, then anonymous, then vague)."""
    rank = {"named": 0, "anonymous": 1, "vague": 2}
    table: dict[int, list[ReportingSource]] = {}
    for source in sources:
        for index in source.supports:
            table.setdefault(index, []).append(source)
    for entries in table.values():
        entries.sort(key=lambda s: rank.get(s.kind, 3))
    return table


def _source_at(analysed: AnalysedArticle, token: Token, tokens: list[Token]) -> ReportingSource | None:
    lower = token.lower
    text = analysed.text
    if lower in VAGUE_ADVERBS:
        return ReportingSource(token.start, token.end, token.text, "vague", None,
                               (token.start, token.end, token.text), token.sent)
    if lower == "according":
        to = next((c for c in analysed.children(token) if c.lower == "to"), None)
        target = next((c for c in analysed.children(to) if c.dep == "pobj"), None) if to else None
        if target is None:
            return None
        cue = (token.start, to.end, text[token.start : to.end])
        return _classify(analysed, target, cue, passive=False)
    if token.pos not in ("VERB", "AUX") and token.tag not in ("VBD", "VBZ", "VBP", "VBN", "VBG"):
        return None
    lemma = token.lemma.lower()
    if lemma not in SPEECH_VERBS and lemma not in EVIDENCE_VERBS and lemma not in HEARING_VERBS:
        return None
    children = list(analysed.children(token))
    cue = (token.start, token.end, token.text)
    agent = next((c for c in children if c.dep == "agent"), None)
    if agent is not None:
        target = next((c for c in analysed.children(agent) if c.dep == "pobj"), None)
        if target is not None:
            return _classify(analysed, target, cue, passive=False)
    subject = next((c for c in children if c.dep in SUBJECTS), None)
    if subject is None:
        return None
    passive = subject.dep == "nsubjpass" or any(c.dep == "auxpass" for c in children)
    if passive and subject.lower in ("it", "this", "that"):
        return _make(analysed, subject, subject, cue, "vague", None)  # "it is believed"
    if passive:
        # "He is said to have...": the subject is the topic, not the source.
        if any(c.dep in ("xcomp", "ccomp") for c in children):
            return _make(analysed, token, token, cue, "vague", None)
        return None
    if lemma in HEARING_VERBS:
        # "she heard the news": a hearer is no source; a court is (the parse may give the verb a
        # second subject from the clause it reports, so each is tried)
        subject = next((c for c in children if c.dep in SUBJECTS and c.lemma.lower() in HEARING_NOUNS), None)
        if subject is None:
            return None
        first, last = _subtree(analysed, subject)
        return (_classify(analysed, subject, cue, passive=False)
                or _make(analysed, first, last, cue, "named", _phrase(analysed, first, last)))
    if lemma not in SPEECH_VERBS and not _is_document(analysed, subject):
        return None
    return _classify(analysed, subject, cue, passive=False)


def _is_document(analysed: AnalysedArticle, head: Token) -> bool:
    return head.lemma.lower() in DOCUMENT_NOUNS or head.ent_type in ("ORG", "PERSON")


def _classify(analysed: AnalysedArticle, head: Token, cue: tuple[int, int, str], *,
              passive: bool) -> ReportingSource | None:
    first, last = _subtree(analysed, head)
    lower, lemma = head.lower, head.lemma.lower()
    if head.pos == "PRON" or head.tag in ("PRP", "DT"):
        if lower in ("some", "many", "others", "few", "several", "most", "everyone", "everybody"):
            return _make(analysed, first, last, cue, "vague", None)
        if lower in PRONOUNS_PERSON or lower in PRONOUNS_GROUP:
            name = _resolve_pronoun(analysed, head)
            if name:
                return _make(analysed, first, last, cue, "named", name)
            return _make(analysed, first, last, cue, "anonymous", head.text)
        return None  # I/we/you: the speaker of a quote, handled by quotes
    name = _name_in(analysed, first, last)
    determiner = _determiner(analysed, head)
    if lemma in VAGUE_NOUNS or lemma in DOCUMENT_NOUNS:
        if name is not None and _entity_label(analysed, name) in ("ORG", "PERSON"):
            return _make(analysed, first, last, cue, "named", name[2])
        kind = "named" if determiner in ("the", "this", "that") and lemma in DOCUMENT_NOUNS else "vague"
        label = _phrase(analysed, first, last) if kind == "named" else None
        return _make(analysed, first, last, cue, kind, label)
    if lemma in PERSON_NOUNS:
        person = _name_in(analysed, first, last, labels=("PERSON",))
        if person is not None:
            return _make(analysed, first, last, cue, "named", person[2])
        return _make(analysed, first, last, cue, "anonymous", _phrase(analysed, first, last))
    if head.pos == "PROPN" or head.ent_type in NAME_LABELS:
        best = _name_in(analysed, first, last, labels=("PERSON",)) or name
        label = best[2] if best is not None else _phrase(analysed, first, last)
        return _make(analysed, first, last, cue, "named", label)
    if lemma in INSTITUTION_NOUNS and determiner not in INDEFINITE:
        return _make(analysed, first, last, cue, "named", _phrase(analysed, first, last))
    return None


def _make(analysed: AnalysedArticle, first: Token, last: Token, cue: tuple[int, int, str],
          kind: str, name: str | None) -> ReportingSource:
    start, end = first.start, last.end
    if kind == "vague":  # the words that make it vague: "reports suggest", "it is believed"
        start, end = min(start, cue[0]), max(end, cue[1])
    return ReportingSource(start, end, analysed.text[start:end], kind, name, cue, first.sent)


def _subtree(analysed: AnalysedArticle, head: Token) -> tuple[Token, Token]:
    """The first and last token of ``head``'s subtree (contiguous in projective parses), found by
    walking down from ``head`` through the parse's index of children (linear in the subtree)."""
    tokens = analysed.tokens
    inside = [head.i]
    stack = [head]
    while stack:
        for child in analysed.children(stack.pop()):
            inside.append(child.i)
            stack.append(child)
    ordered = sorted(i for i in inside if tokens[i].pos != "PUNCT" or i == head.i)
    return tokens[ordered[0]], tokens[ordered[-1]]


def _mention_index(analysed: AnalysedArticle) -> tuple[list[int], list, dict[tuple[int, int], str]]:
    """Mentions sorted by start (with their starts, for bisection) and each span's first label,
    built once per article (``analysed.derived.mention_index``)."""
    cached = analysed.derived.mention_index
    if cached is None or cached[0] != len(analysed.mentions):
        ordered = sorted(analysed.mentions, key=lambda m: m.start)
        labels: dict[tuple[int, int], str] = {}
        for mention in analysed.mentions:
            labels.setdefault((mention.start, mention.end), mention.label)
        cached = (len(analysed.mentions), [m.start for m in ordered], ordered, labels)
        analysed.derived.mention_index = cached
    return cached[1], cached[2], cached[3]


def _name_in(analysed: AnalysedArticle, first: Token, last: Token,
             labels: tuple[str, ...] = NAME_LABELS) -> tuple[int, int, str] | None:
    """The longest entity mention inside the span, preferring persons."""
    starts, ordered, _ = _mention_index(analysed)
    inside = []
    for k in range(bisect_left(starts, first.start), len(ordered)):
        mention = ordered[k]
        if mention.start >= last.end:
            break
        if mention.end <= last.end and mention.label in labels:
            inside.append(mention)
    if not inside:
        return None
    inside.sort(key=lambda m: (m.label != "PERSON", -(m.end - m.start)))
    best = inside[0]
    return best.start, best.end, best.text


def _entity_label(analysed: AnalysedArticle, span: tuple[int, int, str]) -> str:
    return _mention_index(analysed)[2].get(span[:2], "")


def _determiner(analysed: AnalysedArticle, head: Token) -> str:
    for child in analysed.children(head):
        if child.dep in ("det", "nummod", "poss") and child.i < head.i:
            return child.lower
    return ""


def _phrase(analysed: AnalysedArticle, first: Token, last: Token) -> str:
    """The phrase without a leading definite article: "the ministry" -> "ministry"."""
    start = first.start
    if first.lower == "the" and first.i < last.i:
        start = analysed.tokens[first.i + 1].start
    return analysed.text[start : last.end]


def _resolve_pronoun(analysed: AnalysedArticle, pronoun: Token) -> str | None:
    """The nearest suitable mention before the pronoun, within three sentences."""
    labels = ("PERSON",) if pronoun.lower in PRONOUNS_PERSON else ("ORG", "GPE", "NORP")
    floor_sentence = max(0, pronoun.sent - 3)
    floor = analysed.sentences[floor_sentence].start if analysed.sentences else 0
    best = None
    for mention in analysed.mentions:
        if mention.start >= pronoun.start:
            break
        if mention.start >= floor and mention.label in labels:
            best = mention
    if best is None:
        return None
    for cluster in analysed.clusters:
        if any(m.start == best.start and m.end == best.end for m in cluster.mentions):
            return cluster.canonical
    return best.text


def _stands_alone(analysed: AnalysedArticle, verb: Token, tokens: list[Token]) -> bool:
    """A reporting clause with no content of its own ("The Post reported this.")."""
    if verb.lower == "according" or verb.lower in VAGUE_ADVERBS:
        return False
    children = list(analysed.children(verb))
    if any(c.dep in ("ccomp", "xcomp", "parataxis", "advcl") for c in children):
        return False
    if any(t.text in ("“", "”", '"') for t in tokens):
        return False
    words = [t for t in tokens if t.pos != "PUNCT"]
    return len(words) <= 8

