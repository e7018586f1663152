"""Features of a check-worthy sentence, read from the parse (``sentence_features``).

The features follow the kinds of factual claim a fact-checker verifies (ClaimBuster's categories):
statistics and figures, comparisons and rankings, records of actions, votes and positions, causal
claims, changes and trends, definitive statements about the world; and the cues of what is not a
claim: questions, first-person opinion and wishes, promises, obligations, hedges, instructions,
personal anecdotes, fragments. Each feature is binary (1.0 when present, absent otherwise); the
weights that combine them live in ``copydesk.analyse.claims`` and are explained in docs/claims.md.
"""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle, Sentence, Token

MEASURE_NOUNS = frozenset({
    "percent", "per", "rate", "average", "total", "majority", "number", "million", "billion",
    "trillion", "thousand", "hundred", "deficit", "debt", "tax", "unemployment", "job",
    "budget", "income", "wage", "salary", "price", "cost", "spending", "revenue", "profit",
    "loss", "growth", "inflation", "poll", "vote", "share", "record", "figure", "statistic",
    "death", "casualty", "toll", "population", "dollar", "pound", "euro", "fund", "funding",
    "emission", "sale", "export", "import", "gdp", "economy", "crime", "murder", "troop",
    "half", "third", "quarter", "double", "times", "fold",
})
CHANGE_VERBS = frozenset({
    "increase", "decrease", "rise", "fall", "cut", "raise", "double", "triple", "grow",
    "decline", "drop", "lose", "gain", "create", "spend", "cost", "vote", "pass", "sign", "kill",
    "die", "invade", "attack", "arrest", "charge", "convict", "ban", "approve", "reject",
    "borrow", "owe", "pay", "fund", "earn", "employ", "hire", "fire", "close", "open", "build",
    "destroy", "launch", "seize", "win", "defeat", "elect", "appoint", "resign", "sell", "buy",
    "invest", "reduce", "expand", "shrink", "add", "eliminate", "veto", "sue", "fine", "injure",
    "wound", "deploy", "withdraw", "sanction", "quadruple", "plunge", "soar", "surge", "jump",
})
#: Verbs that record a position or an act on a measure: "he voted against", "she supported the war".
RECORD_VERBS = frozenset({
    "vote", "support", "oppose", "favor", "favour", "sponsor", "cosponsor", "co-sponsor",
    "propose", "advocate", "endorse", "back", "block", "veto", "filibuster", "enact", "repeal",
    "ratify", "legislate", "authorize", "authorise", "abolish", "privatize", "privatise",
    "nationalize", "nationalise", "impose", "lift", "overturn", "campaign", "lobby", "refuse",
})
ACTS = CHANGE_VERBS | RECORD_VERBS
#: Definitive quantifiers: "never", "every", "the only": a statement about all cases is checkable.
ABSOLUTES = frozenset({"never", "always", "every", "none", "nobody", "only", "all", "ever"})
#: Words of a trend without a figure: "unemployment is going up", "crime is down".
TREND_WORDS = frozenset({"up", "down", "higher", "lower", "worse", "better", "rising", "falling"})
INTRANSITIVE_TREND = frozenset({"be", "go", "come", "get", "move"})
TRANSITIVE_TREND = frozenset({"bring", "push", "drive", "keep", "force", "knock"})
CAUSAL = ("because of", "caused", "causes", "due to", "result of", "resulted in", "led to",
          "leads to", "responsible for", "blamed", "thanks to")
#: Phrases that frame a record: "since the Depression", "in history", "ever", "in decades".
RECORD_FRAMES = ("in history", "ever ", "ever.", "in decades", "in years", "in a generation",
                 "in the world", "on record", "for the first time", "in the country")
OPINION_VERBS = frozenset({"think", "believe", "feel", "hope", "want", "guess", "wish", "love",
                           "like", "suppose", "need", "intend", "plan", "promise"})
HEDGES = frozenset({"maybe", "perhaps", "probably", "possibly", "seem", "seemingly", "appear",
                    "apparently", "might", "somewhat", "kind", "sort"})
MODALS = frozenset({"will", "would", "should", "could", "might", "must", "can", "may", "shall",
                    "'ll", "wo", "ca", "'d"})
#: Obligation without a modal verb: "we've got to", "we have to", "we need to", "ought to".
OBLIGATION = ("got to", "have to", "has to", "need to", "needs to", "ought to", "gotta")
SUBJECTIVE = frozenset({
    "great", "terrible", "wonderful", "horrible", "awful", "tremendous", "amazing", "fantastic",
    "disaster", "disgrace", "shame", "incredible", "beautiful", "nice", "good", "bad", "wrong",
    "right", "important", "proud", "happy", "sad", "stupid", "ridiculous", "absolutely",
    "honestly", "frankly", "believe", "strong", "weak", "unfair", "fair", "crazy", "lucky",
})
#: Family and childhood words: a personal story ("my mother worked nights") is rarely checked.
ANECDOTE = frozenset({"mother", "father", "mom", "dad", "grandmother", "grandfather", "wife",
                      "husband", "son", "daughter", "kid", "child", "childhood", "grandchild",
                      "brother", "sister", "parent", "family"})
REPORT_LEMMAS = frozenset({"say", "report", "announce", "confirm", "state", "tell", "show",
                           "estimate", "reveal", "find"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
SPEAKERS = frozenset({"i", "we", "you"})
SUBJECTS = ("nsubj", "nsubjpass")


def sentence_features(analysed: AnalysedArticle, sentence: Sentence) -> dict[str, float]:
    """The feature values of one sentence (binary unless noted)."""
    tokens = analysed.sentence_tokens(sentence)
    words = [t for t in tokens if t.pos not in ("PUNCT", "SPACE")]
    lowers = [t.lower for t in tokens]
    lemmas = {t.lemma.lower() for t in tokens}
    text = analysed.text[sentence.start : sentence.end].lower()
    features: dict[str, float] = {}

    def mark(name: str, on: bool | float) -> None:
        if on:
            features[name] = float(on)

    obligation = any(marker in text for marker in OBLIGATION)
    numbers = [t for t in tokens if t.ent_type in NUMBER_LABELS and _is_significant(t)]
    mark("number", bool(numbers))
    mark("percent", any(t.ent_type == "PERCENT" for t in tokens) or "percent" in lowers)
    mark("money", any(t.ent_type == "MONEY" for t in tokens))
    mark("numeric_date", any(t.ent_type == "DATE" and t.text[:1].isdigit() for t in tokens))
    mark("date", any(t.ent_type == "DATE" for t in tokens))
    mark("comparison", any(t.tag in ("JJR", "RBR") for t in tokens) or "than" in lowers)
    mark("superlative", any(t.tag in ("JJS", "RBS") or t.ent_type == "ORDINAL" for t in tokens))
    mark("record_frame", any(frame in text for frame in RECORD_FRAMES) or _since(tokens))
    mark("measure_noun", bool(lemmas & MEASURE_NOUNS))
    mark("change_verb", any(t.pos == "VERB" and t.lemma.lower() in CHANGE_VERBS for t in tokens))
    mark("change_noun", any(t.pos == "NOUN" and t.lemma.lower() in CHANGE_VERBS for t in tokens))
    mark("trend", _trend(analysed, tokens))
    mark("past_change", any(t.tag in ("VBD", "VBN") and t.lemma.lower() in ACTS for t in tokens))
    mark("absolute", bool(set(lowers) & ABSOLUTES))
    mark("record_verb", any(t.pos == "VERB" and t.lemma.lower() in RECORD_VERBS for t in tokens)
         or any(t.lower == "against" and analysed.tokens[t.head].lemma.lower() == "be" for t in tokens))
    mark("collective_act", any(t.lower == "we" and t.dep in SUBJECTS and analysed.tokens[t.head].tag == "VBD"
                               for t in tokens))
    mark("third_person_act", _third_person_act(analysed, tokens))
    mark("named_actor", _named_actor(analysed, tokens))
    mark("entity", any(t.ent_type in NAME_LABELS for t in tokens))
    mark("law", any(t.ent_type == "LAW" for t in tokens))
    mark("past_event", any(t.tag in ("VBD", "VBN") and t.dep in ("ROOT", "ccomp", "conj")
                           and not (t.lower == "got" and obligation) for t in tokens))
    mark("causal", any(marker in text for marker in CAUSAL))
    mark("factual_report", any(t.pos == "VERB" and t.lemma.lower() in REPORT_LEMMAS for t in tokens))
    mark("question", text.rstrip(" \"'”’").endswith("?"))
    mark("opinion", _opinion(analysed, tokens))
    mark("modal", any(_is_modal(t) and analysed.tokens[t.head].dep == "ROOT" for t in tokens)
         or "going to" in text or "gonna" in text)
    mark("modal_clause", any(_is_modal(t) and analysed.tokens[t.head].dep != "ROOT" for t in tokens))
    mark("obligation", obligation)
    mark("hedge", bool(set(lowers) & HEDGES))
    mark("imperative", _imperative(analysed, tokens))
    mark("second_person", any(t.lower in ("you", "your", "yourself") for t in tokens))
    mark("first_person", any(t.lower in ("i", "me", "my", "mine", "myself") for t in tokens))
    mark("anecdote", bool(lemmas & ANECDOTE) and any(t.lower in ("i", "my", "me") for t in tokens))
    mark("subjective", bool(set(lowers) & SUBJECTIVE))
    mark("short", len(words) < 7 and not _clause(analysed, tokens))
    mark("interjection", bool(words) and words[0].pos == "INTJ" or text.startswith("thank"))
    return features


def _clause(analysed: AnalysedArticle, tokens: list[Token]) -> bool:
    """A finite clause with a subject that is not the speaker or listener ("He voted against it",
    "Crime is down"): a short sentence of this kind is a statement, not a fragment."""
    for token in tokens:
        if token.dep in SUBJECTS and token.lower not in SPEAKERS and token.lower not in ("it", "that", "this"):
            head = analysed.tokens[token.head]
            if head.dep == "ROOT" and (head.tag in ("VBD", "VBZ", "VBP") or any(
                    c.tag in ("VBD", "VBZ", "VBP") for c in analysed.children(head) if c.dep in ("aux", "cop", "auxpass"))):
                return True
    return False


def _is_modal(token: Token) -> bool:
    return token.tag == "MD" or token.lower in MODALS and token.dep == "aux"


def _is_significant(token: Token) -> bool:
    """A number that states an amount: digits, or a number word above one."""
    if any(ch.isdigit() for ch in token.text):
        return True
    return token.lower not in ("one", "a", "an", "single", "once", "first")


def _since(tokens: list[Token]) -> bool:
    """"since" before a date or an event: "the worst since 1929", "since the Great Depression"."""
    for index, token in enumerate(tokens[:-1]):
        if token.lower == "since" and tokens[index + 1].ent_type in ("DATE", "EVENT"):
            return True
        if token.lower == "since" and index + 2 < len(tokens) and tokens[index + 2].ent_type in ("DATE", "EVENT"):
            return True
    return False


def _trend(analysed: AnalysedArticle, tokens: list[Token]) -> bool:
    """A measurable thing going up or down: "unemployment is going up", "crime is down", "we
    brought down inflation" (a subject other than I/we/you, or the object of a transitive verb)."""
    for token in tokens:
        if token.lower not in TREND_WORDS or token.dep not in ("advmod", "prt", "acomp", "advcl", "ROOT"):
            continue
        head = token if token.dep == "ROOT" else analysed.tokens[token.head]
        children = analysed.children(head)
        if head.lemma.lower() in TRANSITIVE_TREND and any(c.dep == "dobj" for c in children):
            return True
        if head is not token and head.lemma.lower() not in INTRANSITIVE_TREND:
            continue
        if any(c.dep in SUBJECTS and c.lower not in SPEAKERS for c in children):
            return True
    return False


def _third_person_act(analysed: AnalysedArticle, tokens: list[Token]) -> bool:
    """Someone other than the speaker and the listener did or holds something, stated as fact:
    a past or present-tense main verb, not of saying, not under a modal ("He voted against the
    bill", "The senator opposes the treaty", "Putin controls the television stations")."""
    for token in tokens:
        if token.dep not in SUBJECTS or token.lower in SPEAKERS or token.pos == "DET":
            continue
        if token.lower in ("it", "this", "that", "there", "what", "which", "who"):
            continue
        head = analysed.tokens[token.head]
        if head.dep not in ("ROOT", "ccomp", "conj") or head.pos != "VERB":
            continue
        if head.tag not in ("VBD", "VBN", "VBZ", "VBP") or head.lemma.lower() in REPORT_LEMMAS:
            continue
        if any(c.tag == "MD" for c in analysed.children(head)):
            continue
        return True
    return False


def _named_actor(analysed: AnalysedArticle, tokens: list[Token]) -> bool:
    """A named person, organisation or place is the subject of a verb that is not of saying."""
    for token in tokens:
        if token.dep in SUBJECTS and token.ent_type in NAME_LABELS:
            head = analysed.tokens[token.head]
            if head.pos in ("VERB", "AUX") and head.lemma.lower() not in REPORT_LEMMAS:
                return True
    return False


def _opinion(analysed: AnalysedArticle, tokens: list[Token]) -> bool:
    """First person with a verb of opinion or wish: "I think", "we need", "let's"."""
    for token in tokens:
        if token.lower in ("i", "we") and token.dep == "nsubj":
            head = analysed.tokens[token.head]
            if head.lemma.lower() in OPINION_VERBS:
                return True
        following = analysed.tokens[token.i + 1] if token.i + 1 < len(analysed.tokens) else None
        if token.lower == "let" and following is not None and following.lower in ("'s", "us", "me"):
            return True
    return False


def _imperative(analysed: AnalysedArticle, tokens: list[Token]) -> bool:
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    if root is None or root.tag != "VB":
        return False
    return not any(c.dep in ("nsubj", "nsubjpass", "aux") for c in analysed.children(root))
