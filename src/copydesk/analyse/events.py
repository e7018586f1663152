"""Events: who did what to whom, and when, typed with the PLOVER ontology.

Read off the dependency parse, one sentence at a time:

- a trigger is a verb whose lemma, alone or with its particle, preposition or object
  ("pull back", "call for", "impose sanctions"), is in the event lexicon (``data/plover.tsv``),
  or an event noun ("invasion", "talks", "sanctions") that is the object of a light verb
  ("launched an invasion") or carries its actor ("Russia's invasion", "the Russian invasion");
- the actor is the subject (the ``by`` agent of a passive), found through coordination,
  relative clauses and control ("decided to attack": the decider attacks); the target is the
  direct object or the object of the preposition the lexicon names ("talks with Washington");
- "threatened to invade X" is a THREATEN event on X, "agreed to withdraw" a concession, "declined
  to meet" a REJECT; a negated event is kept with ``negated`` set, and a negated promise or
  meeting ("did not agree to meet") becomes a REJECT;
- the time is a resolved time expression (``analysed.times``) attached to the trigger's clause;
- actor and target codes (``RUS``, ``NATO``) come from ``copydesk.analyse.actors``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from copydesk.analyse.actors import ActorResolver, Code
from copydesk.analyse.event_lexicon import DEFAULT_TARGETS, EventLexicon, LexEntry
from copydesk.model import Event

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle, Token

#: Verbs whose object noun is the event itself ("launched an invasion", "held talks").
LIGHT_VERBS = frozenset(
    ["launch", "begin", "start", "stage", "hold", "carry", "conduct", "impose", "mount", "wage", "resume", "continue", "make", "reach", "sign", "end", "intensify", "escalate", "declare", "organize", "organise", "lead", "join", "lodge", "file", "issue", "open", "announce", "step", "order", "plan", "prepare", "threaten", "slap", "renew", "complete", "finish", "undertake", "speed"]
)
#: The complement of a wrapping verb of these types changes the event's type.
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
YIELDING = frozenset({"RETREAT", "CONCEDE"})
#: Cooperative types that become REJECT when negated ("did not agree to meet").
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
RELATIVE = frozenset({"that", "which", "who", "whom"})
#: "urge X to do": the object does the complement.
OBJECT_CONTROL = frozenset(
    ["urge", "ask", "encourage", "order", "persuade", "force", "allow", "tell", "invite", "call", "press", "implore", "beg", "instruct", "permit", "request", "push", "pressure", "compel"]
)
#: Adverbs the parser may label ``advmod`` where they are particles ("pulled back").
PARTICLES = frozenset({"back", "out", "down", "off", "up", "away", "in", "over"})
PASS_ENTRY = LexEntry("", "v", None, None, (), frozenset({"pass"}))
DEFAULT_ENTRY = LexEntry("", "v", None, None, DEFAULT_TARGETS, frozenset())


class _Sentence:
    """One sentence's tokens with a child index (built once, O(n))."""

    def __init__(self, analysed: AnalysedArticle, first: int, last: int):
        self.tokens = analysed.tokens
        self.first, self.last = first, last
        self.kids: dict[int, list[Token]] = defaultdict(list)
        for token in analysed.tokens[first:last]:
            if token.head != token.i:
                self.kids[token.head].append(token)

    def child(self, token: Token, *deps: str) -> Token | None:
        for kid in self.kids.get(token.i, ()):
            if kid.dep in deps:
                return kid
        return None

    def children(self, token: Token, *deps: str) -> list[Token]:
        return [kid for kid in self.kids.get(token.i, ()) if kid.dep in deps]

    def head(self, token: Token) -> Token:
        return self.tokens[token.head]

    def prep_object(self, token: Token, word: str) -> Token | None:
        for prep in self.kids.get(token.i, ()):
            if prep.dep in ("prep", "agent", "dative") and prep.lower == word:
                pobj = self.child(prep, "pobj")
                if pobj is not None:
                    return pobj
        return None

    def depth(self, token: Token) -> int:
        depth, current = 0, token
        while current.head != current.i and depth < 50:
            current = self.tokens[current.head]
            depth += 1
        return depth


def extract_events(analysed: AnalysedArticle, knowledge: Any = None, *, lexicon: EventLexicon | None = None) -> None:
    """Fill ``analysed.events``. ``knowledge`` (a ``copydesk.knowledge.Knowledge``) is optional;
    without it actor codes come from the metonym table and country names only."""
    kb = getattr(knowledge, "kb", None) if knowledge is not None else None
    extractor = _Extractor(analysed, lexicon or EventLexicon.default(), ActorResolver(kb))
    events: list[Event] = []
    for sentence in analysed.sentences:
        events.extend(extractor.sentence_events(_Sentence(analysed, sentence.first, sentence.last)))
    analysed.events = events


class _Extractor:
    def __init__(self, analysed: AnalysedArticle, lexicon: EventLexicon, resolver: ActorResolver):
        self.analysed = analysed
        self.lexicon = lexicon
        self.resolver = resolver
        self.text = analysed.text
        self.mention_at: dict[int, tuple[int, int]] = {}
        #: The positions of ``analysed.times`` sorted by start, and those starts: the times in a
        #: sentence are found by bisection, not by reading every time of the article.
        self._time_order = sorted(range(len(analysed.times)), key=lambda k: analysed.times[k].start)
        self._time_starts = [analysed.times[k].start for k in self._time_order]
        canonical: dict[tuple[int, int], str] = {}
        for cluster in analysed.clusters:
            for mention in cluster.mentions:
                canonical[(mention.start, mention.end)] = cluster.canonical
        self.canonical = canonical
        for mention in analysed.mentions:
            for token in self._tokens_between(mention.start, mention.end):
                self.mention_at[token.i] = (mention.start, mention.end)

    def _tokens_between(self, start: int, end: int) -> list[Token]:
        first = self.analysed.token_at(start)
        if first is None:
            return []
        tokens = self.analysed.tokens
        out = []
        k = first.i
        while k < len(tokens) and tokens[k].start < end:  # no copy of the tokens to the end
            out.append(tokens[k])
            k += 1
        return out

    # ------------------------------------------------------------------ triggers
    def sentence_events(self, sent: _Sentence) -> list[Event]:
        tokens = self.analysed.tokens[sent.first : sent.last]
        matches: dict[int, tuple[LexEntry, Token | None]] = {}
        consumed: set[int] = set()
        for token in tokens:
            if token.pos in ("VERB", "AUX"):
                found = self._verb_entry(sent, token)
                if found is not None:
                    matches[token.i] = found
                    if found[1] is not None:
                        consumed.add(found[1].i)
        inner_of: dict[int, Token] = {}
        for i, (entry, _) in matches.items():
            if entry.wraps or "pass" in entry.flags:
                inner = self._complement(sent, self.analysed.tokens[i], matches)
                if inner is not None:
                    inner_of[i] = inner
        absorbed = {t.i for i, t in inner_of.items() if matches[i][0].wraps}
        passed = {i for i in inner_of if "pass" in matches[i][0].flags}
        events: list[Event] = []
        for token in tokens:
            if token.i in absorbed or token.i in passed:
                continue
            if token.i in matches:
                event = self._verb_event(sent, token, matches, inner_of.get(token.i))
            elif token.pos in ("NOUN", "PROPN") and token.i not in consumed:
                event = self._noun_event(sent, token, matches)
            else:
                continue
            if event is not None:
                events.append(event)
        return events

    def _complement(self, sent: _Sentence, verb: Token, matches: dict) -> Token | None:
        """The to-infinitive complement of a wrapping or transparent verb, through transparent
        verbs ("threatened to begin to shell")."""
        inner = sent.child(verb, "xcomp")
        hops = 0
        while inner is not None and hops < 4:
            found = matches.get(inner.i)
            if found is None or "pass" not in found[0].flags:
                break
            deeper = sent.child(inner, "xcomp")
            if deeper is None:
                break
            inner, hops = deeper, hops + 1
        return inner

    def _verb_entry(self, sent: _Sentence, verb: Token) -> tuple[LexEntry, Token | None] | None:
        """The lexicon entry of a verb and the extra token its phrase used (particle, preposition,
        object), most specific phrase first."""
        lemma = verb.lemma.lower()
        table = self.lexicon.verbs
        extras: list[tuple[str, Token]] = []
        for kid in sent.kids.get(verb.i, ()):
            if kid.dep == "prt" or (kid.dep == "advmod" and kid.lower in PARTICLES):
                extras.append((kid.lower, kid))
            elif kid.dep in ("prep", "dative", "agent"):
                extras.append((kid.lower, kid))
                pobj = sent.child(kid, "pobj")
                if pobj is not None:
                    extras.append((f"{kid.lower} {pobj.lemma.lower()}", pobj))
            elif kid.dep in ("dobj", "acomp"):
                extras.append((kid.lemma.lower(), kid))
        extras.sort(key=lambda pair: -len(pair[0].split()))
        for word, token in extras:
            entry = table.get(f"{lemma} {word}")
            if entry is not None:
                return entry, token
        if lemma in self.lexicon.passing and sent.child(verb, "xcomp") is not None:
            return PASS_ENTRY, None
        entry = table.get(lemma)
        if entry is None or verb.pos == "AUX":
            return None
        return entry, None

    def _verb_event(
        self, sent: _Sentence, verb: Token, matches: dict, inner: Token | None
    ) -> Event | None:
        entry, extra = matches[verb.i]
        if entry.category is None:
            return None
        category, mode = entry.category, entry.mode
        needs_other = entry.needs_other
        inner_entry = matches.get(inner.i, (None, None))[0] if inner is not None else None
        if inner_entry is not None and inner_entry.category is not None:
            if category == "AGREE" and inner_entry.category in HOSTILE:
                category, mode, needs_other = "THREATEN", None, True
            elif category == "AGREE" and inner_entry.category in YIELDING:
                category, mode = "CONCEDE", None
            elif category == "THREATEN":
                needs_other = needs_other or inner_entry.needs_other
        negated = self._negated(sent, verb)
        category, mode, needs_other = _intent(sent, verb, category, mode, needs_other)
        if negated and category in COOPERATIVE:
            category, mode, negated = "REJECT", None, False
        demand = _demanded(sent, verb)
        if demand is not None:  # "X said Y must withdraw": X asks Y to withdraw
            return self._event(sent, verb.start, verb.end, "REQUEST", None, self._agent(sent, demand),
                               sent.child(verb, "nsubj"), self._time(sent, demand), negated, False)
        target = self._target(sent, verb, entry, extra)
        if target is None and inner is not None:
            target = self._target(sent, inner, inner_entry or DEFAULT_ENTRY, None)
        if "obj" in entry.flags and target is None and extra is None and sent.child(verb, "dobj") is None:
            return None
        end = inner.end if inner is not None and 0 < inner.i - verb.i <= 3 else verb.end
        if extra is not None and 0 < extra.i - verb.i <= 3:
            end = max(end, extra.end)
        return self._event(sent, verb.start, end, category, mode, self._agent(sent, verb), target,
                           self._time(sent, verb), negated, needs_other)

    def _noun_event(self, sent: _Sentence, noun: Token, matches: dict) -> Event | None:
        entry = None
        compound = sent.child(noun, "compound")
        if compound is not None:
            entry = self.lexicon.nouns.get(f"{compound.lemma.lower()} {noun.lemma.lower()}")
        entry = entry or self.lexicon.nouns.get(noun.lemma.lower()) or self.lexicon.nouns.get(noun.lower)
        if entry is None or entry.category is None:
            return None
        head = sent.head(noun)
        actor = self._modifier_actor(sent, noun)
        light = None
        if noun.dep == "dobj" and head.pos == "VERB":
            found = matches.get(head.i)
            if found is not None and found[0].category is not None:
                return None  # the verb's own event ("rejected the talks") covers it
            if head.lemma.lower() in LIGHT_VERBS or found is not None:
                light = head
        elif noun.dep == "nsubj" and head.lemma.lower() in ("begin", "start", "continue", "resume", "erupt", "break"):
            light = head
        if light is None and actor is None:
            return None
        if actor is None and light is not None and noun.dep == "dobj":
            actor = self._agent(sent, light)
        target = self._target(sent, noun, entry, None)
        if target is None and light is not None:
            target = self._target(sent, light, entry, None)
        anchor = light or noun
        negated = self._negated(sent, light) if light is not None else False
        if negated and entry.category in COOPERATIVE:
            return None
        start = compound.start if compound is not None and compound.i == noun.i - 1 else noun.start
        return self._event(sent, start, noun.end, entry.category, entry.mode, actor, target,
                           self._time(sent, anchor), negated, entry.needs_other)

    # ------------------------------------------------------------------ arguments
    def _negated(self, sent: _Sentence, verb: Token) -> bool:
        if sent.child(verb, "neg") is not None:
            return True
        # "did not decide to invade": a negated transparent verb negates its complement
        if verb.dep == "xcomp":
            head = sent.head(verb)
            if head.lemma.lower() in self.lexicon.passing and sent.child(head, "neg") is not None:
                return True
        return False

    def _agent(self, sent: _Sentence, verb: Token, hops: int = 0) -> Token | None:
        """Who does what ``verb`` says: its subject, the agent of a passive, or the subject
        inherited through coordination, control and relative clauses."""
        subject = sent.child(verb, "nsubj")
        if subject is not None:
            if subject.lower in RELATIVE and verb.dep == "relcl":
                return sent.head(verb)
            if subject.lower == "it" and sent.child(verb, "expl") is None and subject.dep == "nsubj":
                return None if verb.dep in ("xcomp", "ccomp") else subject
            return subject
        if _passive(sent, verb):
            agent = sent.child(verb, "agent")
            return sent.child(agent, "pobj") if agent is not None else None
        if verb.dep in ("relcl", "acl") and verb.head != verb.i:
            return sent.head(verb)
        if verb.head == verb.i or hops >= 4:
            return None
        head = sent.head(verb)
        if verb.dep in ("xcomp", "conj", "advcl"):
            if verb.dep == "xcomp" and head.lemma.lower() in OBJECT_CONTROL:
                controller = sent.child(head, "dobj")
                if controller is not None:
                    return controller
            if verb.dep == "xcomp" and _passive(sent, head):
                raised = sent.child(head, "nsubjpass")  # "was due to arrive"
                if raised is not None:
                    return raised
            if head.pos in ("ADJ", "NOUN") and head.dep in ("acomp", "attr") and head.head != head.i:
                head = sent.head(head)  # "is ready to impose": the subject of "is"
            if head.pos in ("VERB", "AUX"):
                return self._agent(sent, head, hops + 1)
        if verb.dep == "pcomp" and head.head != head.i:
            # "had no plan of standing down": through the preposition and its noun
            holder = sent.head(head)
            if holder.pos == "NOUN" and holder.head != holder.i:
                holder = sent.head(holder)
            if holder.pos in ("VERB", "AUX"):
                return self._agent(sent, holder, hops + 1)
        return None

    def _target(self, sent: _Sentence, trigger: Token, entry: LexEntry, extra: Token | None) -> Token | None:
        for slot in entry.targets:
            found: Token | None = None
            if slot == "dobj":
                found = sent.child(trigger, "dobj", "nsubjpass")
                if found is None and trigger.dep in ("acl", "relcl") and _passive(sent, trigger):
                    found = sent.head(trigger)
                if found is not None and found.lower in RELATIVE and trigger.dep == "relcl":
                    found = sent.head(trigger)
                if found is not None and extra is not None and found.i == extra.i and entry.phrase.count(" "):
                    found = None  # the object is part of the phrase ("impose sanctions")
            elif slot == "dative":
                found = sent.child(trigger, "dative")
                if found is not None and found.pos == "ADP":
                    found = sent.child(found, "pobj")
            else:
                found = sent.prep_object(trigger, slot)
                if found is None and extra is not None and extra.pos in NOMINAL:
                    found = sent.prep_object(extra, slot)
            if found is None or found.pos not in NOMINAL or found.ent_type in ("DATE", "TIME"):
                continue
            if found.pos == "NOUN" and found.lemma.lower() in self.lexicon.nouns:
                nested = self._target(sent, found, self.lexicon.nouns[found.lemma.lower()], None)
                if nested is not None:
                    return nested
            return found
        return None

    def _modifier_actor(self, sent: _Sentence, noun: Token) -> Token | None:
        """The actor written on an event noun: "Russia's invasion", "the Russian invasion"."""
        poss = sent.child(noun, "poss")
        if poss is not None and poss.pos in ("PROPN", "NOUN"):
            return poss
        for kid in sent.children(noun, "amod", "compound", "nmod"):
            if kid.ent_type in ("NORP", "GPE", "ORG") and kid.i < noun.i:
                code = self._code(sent, kid, self._phrase(sent, kid))
                if code is not None and code.kind != "capital":  # "the Oslo accords": a place
                    return kid
        return None

    def _time(self, sent: _Sentence, trigger: Token) -> str | None:
        for expression in self._times_in(sent):
            token = self.analysed.token_at(expression.start)
            hops = 0
            while token is not None and hops < 6:
                if token.i == trigger.i:
                    return expression.value
                if token.head == token.i:
                    break
                token = sent.head(token)
                if token.pos in ("VERB", "AUX") and token.i != trigger.i and hops > 0:
                    break
                hops += 1
        return None

    def _times_in(self, sent: _Sentence) -> list:
        if not self.analysed.times:
            return []
        start = self.analysed.tokens[sent.first].start
        end = self.analysed.tokens[sent.last - 1].end
        times = self.analysed.times
        low, high = bisect_left(self._time_starts, start), bisect_left(self._time_starts, end)
        inside = sorted(self._time_order[low:high])  # in the article's order, as a scan gives them
        return [times[k] for k in inside if times[k].value]

    # ------------------------------------------------------------------ building
    def _event(
        self, sent: _Sentence, start: int, end: int, category: str, mode: str | None,
        actor: Token | None, target: Token | None, time: str | None, negated: bool, needs_other: bool,
    ) -> Event:
        actor_span = self._phrase(sent, actor) if actor is not None else None
        target_span = self._phrase(sent, target) if target is not None else None
        actor_code = self._code(sent, actor, actor_span) if actor is not None else None
        target_code = self._code(sent, target, target_span) if target is not None else None
        return Event(
            start=start, end=end, category=category, text=self.text[start:end],
            actor=self.text[actor_span[0] : actor_span[1]] if actor_span else None,
            target=self.text[target_span[0] : target_span[1]] if target_span else None,
            time=time, mode=mode, negated=negated,
            actor_code=actor_code.code if actor_code else None,
            target_code=target_code.code if target_code else None,
            actor_kind=actor_code.kind if actor_code else None,
            target_kind=target_code.kind if target_code else None,
            actor_span=actor_span, target_span=target_span, needs_other=needs_other,
        )

    def _phrase(self, sent: _Sentence, token: Token) -> tuple[int, int]:
        """The span of a nominal: its entity mention, else the noun with its left modifiers."""
        if token.i in self.mention_at:
            return self.mention_at[token.i]
        start = token.start
        for kid in sent.children(token, "compound", "amod", "nmod", "poss", "nummod"):
            if kid.i < token.i:
                start = min(start, self._phrase(sent, kid)[0])
        return start, token.end

    def _code(self, sent: _Sentence, token: Token, span: tuple[int, int]) -> Code | None:
        name = self.canonical.get(span) or self.text[span[0] : span[1]]
        found = self.resolver.resolve(name) if _named(name) else None
        if found is not None:
            return found
        if token.i in self.mention_at and self.text[token.start : token.end] != name and _named(token.text):
            found = self.resolver.resolve(token.text)
            if found is not None:
                return found
        for kid in sent.children(token, "poss", "amod", "compound", "nmod"):
            if kid.i < token.i:
                inner = self._code(sent, kid, self._phrase(sent, kid))
                if inner is not None:
                    return Code(inner.code, "member", name)
        return None


def _named(name: str) -> bool:
    """Only a phrase with a capital letter can name a country or organisation ("Shell", not "shell")."""
    return any(ch.isupper() for ch in name)


def _passive(sent: _Sentence, verb: Token) -> bool:
    if sent.child(verb, "nsubjpass", "auxpass") is not None:
        return True
    return verb.dep == "acl" and verb.tag == "VBN"


def main_event(analysed: AnalysedArticle, events: list[Event] | None = None) -> Event | None:
    """The event highest in the parse tree (closest to the sentence root), an asserted event
    before a negated one, the first on a tie: the headline event of a sentence or a lead."""
    events = analysed.events if events is None else events
    best: tuple[int, int, int] | None = None
    chosen: Event | None = None
    for event in events:
        token = analysed.token_at(event.start)
        depth = 0
        while token is not None and token.head != token.i and depth < 50:
            token = analysed.tokens[token.head]
            depth += 1
        key = (int(event.negated), depth, event.start)
        if best is None or key < best:
            best, chosen = key, event
    return chosen


#: Future or willingness: "will provide aid" is a promise (AGREE), "will attack" a threat.
FUTURE = frozenset({"will", "would", "'ll", "shall", "wo"})
PROMISED = frozenset({"SUPPORT", "AID", "CONSULT", "RETREAT", "CONCEDE", "COOPERATE"})
PROMISED_TO = {"RETREAT": "CONCEDE", "CONCEDE": "CONCEDE"}


def _intent(sent: _Sentence, verb: Token, category: str, mode: str | None, needs_other: bool) -> tuple[str, str | None, bool]:
    """PLOVER codes an announced future action as its intent: a promise to cooperate is AGREE
    (to withdraw or ease, CONCEDE); a promise of force is THREATEN."""
    if not any(kid.lower in FUTURE for kid in sent.children(verb, "aux")):
        return category, mode, needs_other
    if category in PROMISED:
        return PROMISED_TO.get(category, "AGREE"), None, needs_other
    if category in HOSTILE - {"THREATEN"} or (category == "ASSAULT"):
        return "THREATEN", None, True
    return category, mode, needs_other


OBLIGATION = frozenset({"must", "should"})


def _demanded(sent: _Sentence, verb: Token) -> Token | None:
    """The speech verb of "X said that Y must do V" (V's clause is its complement), else None."""
    if verb.dep != "ccomp" or verb.head == verb.i:
        return None
    if not any(kid.lower in OBLIGATION for kid in sent.children(verb, "aux")):
        return None
    head = sent.head(verb)
    return head if head.pos == "VERB" else None
