"""``claims.unsourced``: a claim with a figure and no source (info).

A claim (``analysed.claims``) is flagged when it states an amount (a number other than "one"/"a",
a percentage, money, a vague amount such as "thousands") and has no named or anonymous source:
no reporting verb or "according to" supports its sentence and it is not inside an attributed
quote. A vague source ("reports suggest", "it is believed", "reportedly") counts as none and is
named in the evidence. Headlines and standfirsts are not flagged (their source is in the body);
years and dates alone are not figures ("In 2014 ..." stays silent).

See ``docs/checks/claims.unsourced.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from copydesk.analyse.claims import significant_quantities
from copydesk.analyse.quotemarks import article_quote_spans
from copydesk.checks.registry import register
from copydesk.model import Evidence, Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.knowledge import Knowledge

SOURCED = frozenset({"named", "anonymous"})
#: Documents and measurements that are sources in themselves: "the data show", "a poll found",
#: "in the Gallup poll", "figures from the ministry", "records indicate".
DOCUMENT_NOUNS = frozenset({
    "poll", "polls", "survey", "surveys", "data", "figure", "figures", "record", "records",
    "study", "studies", "report", "reports", "filing", "filings", "census", "estimate",
    "estimates", "statistic", "statistics", "analysis", "document", "documents", "research",
    "audit", "review", "index", "ranking", "rankings", "tally", "count", "forecast", "projection",
    "projections", "results", "result", "numbers", "disclosure", "disclosures", "returns",
    "average", "averages", "investigation", "investigations", "memo", "memos", "list", "lists",
    "ledger", "ledgers", "table", "tables", "letter",
})
#: Documents that, bare ("reports suggest", "estimates say"), name no document in particular.
UNSPECIFIED = frozenset({"report", "reports", "study", "studies", "estimate", "estimates",
                         "research", "analysis", "figures", "numbers"})
#: Verbs through which a document gives a figure ("shows", "found", "indicates", "puts").
DOCUMENT_VERBS = frozenset({
    "show", "find", "indicate", "reveal", "suggest", "put", "estimate", "place", "list", "give",
    "report", "say", "state", "conclude", "record", "count", "identify", "document", "project",
    "predict", "confirm",
})


@register("claims.unsourced", severity="info")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A claim with a figure and no named or anonymous source."""
    text = article.text
    documents = _document_sentences(article)
    sourced = _sourced_sentences(article) | documents | _footnoted_sentences(article)
    covered_from, share_paragraphs, poll_paragraphs = _measured(article)
    if _written_in_first_person(article):
        return  # a signed opinion piece or letter: its figures are the writer's own claims
    quoted = None
    for claim in article.claims:
        if claim.source_kind in SOURCED or claim.quoted or _in_display(article, claim.start):
            continue
        if claim.start >= covered_from and claim.source_kind != "vague":
            continue  # the story's source covers it, unless the sentence says it rests on hearsay
        token = article.token_at(claim.start)
        paragraph = article.sentences[token.sent].paragraph if token is not None else -1
        if paragraph in poll_paragraphs:
            continue
        if token is not None and (_carried(article, token.sent, sourced)
                                  or _not_reported_fact(article, token.sent)
                                  or _names_a_law(article, token.sent)):
            continue
        figures = [q for q in significant_quantities(claim)
                   if not _in_date(article, q.start, q.end) and not _in_name(article, q.start)
                   and not _not_a_figure(text, q) and not _hypothetical(article, q.start)
                   and not (paragraph in share_paragraphs and _is_share(text, q))
                   and not _in_capitals(text, q.start, q.end) and not _in_quoting_markup(text, q.start)
                   and not _owned_statement(article, q.start) and not _aimed(article, q.start)]
        if figures:
            if quoted is None:
                quoted = article_quote_spans(article)
            figures = [q for q in figures if not any(
                span.start <= q.start and q.end <= span.end for span in quoted)
                and not _in_open_quotation(article, q.start)]
        if not figures:
            continue
        first = figures[0]
        evidence = [Evidence("figure", f"figure '{first.text}'", first.start, first.end)]
        if claim.source_kind == "vague" and claim.source_span is not None:
            start, end = claim.source_span
            evidence.insert(0, Evidence("source", f"vague source: '{text[start:end]}'", start, end))
            message = f"the figure '{first.text}' rests on a vague source ('{text[start:end]}')"
        else:
            message = f"the figure '{first.text}' is given without a source"
        yield Finding(
            check="claims.unsourced",
            severity=Severity.INFO,
            start=first.start,
            end=first.end,
            text=first.text,
            message=message,
            suggestion=None,
            confidence=0.6 if claim.source_kind == "vague" else 0.4,
            evidence=evidence,
        )


def _sourced_sentences(article: AnalysedArticle) -> set[int]:
    """Sentences (by index) that give a source: a claim with a named or anonymous source, or a
    quote or reported speech with a speaker (documents: ``_document_sentences``)."""
    out: set[int] = set()
    for claim in article.claims:
        if claim.source_kind in SOURCED:
            token = article.token_at(claim.start)
            if token is not None:
                out.add(token.sent)
    for quote in article.quotes:
        # reported speech with no known speaker is judged by the claim's own source ("Reports
        # suggest that …" stays vague)
        if quote.speaker is not None and (quote.kind == "direct" or quote.speaker.entity is not None):
            token = article.token_at(quote.start)
            if token is not None:
                out.add(token.sent)
    return out


#: A footnote's call glued to the word or mark it follows ("80 million years[165]", "in 2018.[12]"):
#: the sentence cites a work in the page's notes.
_FOOTNOTE_CALL = re.compile(r"(?<=[^\s\[])\[\d{1,3}\]")


def _footnoted_sentences(article: AnalysedArticle) -> set[int]:
    """Sentences (by index) that call a footnote: their source is in the notes."""
    out: set[int] = set()
    for match in _FOOTNOTE_CALL.finditer(article.text):
        token = article.token_at(match.start() - 1)
        if token is not None:
            out.add(token.sent)
    return out


def _document_sentences(article: AnalysedArticle) -> set[int]:
    """Sentences (by index) in which a document gives figures ("the data show", "a poll found",
    "according to the census", "in the Gallup poll", "figures released by the BPI")."""
    out: set[int] = set()
    for token in article.tokens:
        if token.lower not in DOCUMENT_NOUNS:
            continue
        if token.lower in UNSPECIFIED and not any(
            child.dep in ("det", "poss", "compound", "amod", "nummod", "prep")
            or (child.dep == "acl" and child.lemma.lower() in PARTICIPLE_VERBS)
            for child in article.children(token)
        ):
            continue  # "reports suggest", "studies show": which reports is not said (but
            # "figures released by the BPI show" says it)
        if _gives_figures(article, token) or _shows_in_participle(article, token):
            out.add(token.sent)
    for index, sentence in enumerate(article.sentences):
        if _trailing_document(article.sentence_tokens(sentence)):
            out.add(index)
    return out


#: Participles through which a document gives what follows ("ledgers showing he was paid …",
#: "figures released by the ministry", "disclosures filed on Sunday").
PARTICIPLE_VERBS = DOCUMENT_VERBS | {"release", "publish", "compile", "file", "obtain"}


def _shows_in_participle(article: AnalysedArticle, token) -> bool:
    """The document carries a participle clause that gives the figures: "ledgers showing he was
    designated to receive $12.7m", "figures released by the BPI"."""
    children = list(article.children(token))
    if any(child.dep == "det" and child.lower == "no" for child in children):
        return False  # "no report showing how the £4m was spent"
    return any(child.dep == "acl" and child.tag in ("VBG", "VBN") and child.lemma.lower() in PARTICIPLE_VERBS
               for child in children)


def _trailing_document(tokens: list) -> bool:
    """The sentence ends on a document as its source, set off by a comma: "…, fundraising
    documents show.", "…, records indicate." (read from the words, since a parser often takes
    the noun before the document for a verb)."""
    words = [t for t in tokens if t.pos != "PUNCT" or t.text == ","]
    if len(words) < 4:
        return False
    verb, noun = words[-1], words[-2]
    if not (verb.tag.startswith("VB") and verb.lemma.lower() in DOCUMENT_VERBS and noun.lower in DOCUMENT_NOUNS):
        return False
    if noun.lower in UNSPECIFIED and words[-3].text == ",":
        return False  # "…, reports suggest.": which reports is not said
    return any(t.text == "," for t in words[-5:-2])


#: Nouns and verbs of measuring opinion or a population: a poll or survey named in the article (or
#: its headline) is where the shares that follow come from ("A Gallup poll … Among Republicans,
#: 27 percent …", "Military Times surveyed troops … 51 percent").
MEASUREMENT_WORDS = frozenset({"poll", "polls", "survey", "surveys", "polling", "census"})
MEASUREMENT_VERBS = frozenset({"poll", "survey"})
#: Verbs through which a named actor gives a figure it found, counted, expects or proposes as its
#: own ("USA TODAY identified dozens of donations", "she listed more than 60 names", "Trump
#: charges that … millions", "the companies expect $2bn of savings", "she unveiled a $275bn plan").
FINDING_VERBS = frozenset({"identify", "list", "count", "tally", "compile", "tabulate", "track",
                           "document", "charge", "record", "survey", "poll", "discover", "report",
                           "say", "claim", "expect", "forecast", "project", "estimate", "unveil",
                           "propose", "announce", "pledge", "promise", "brag", "boast"})
#: Verbs of aiming: a figure in what a named actor hopes, plans or seeks is the actor's own aim
#: ("they hope the song will raise more than £2m", "C2I plans to reforest a million acres").
AIM_VERBS = frozenset({"hope", "aim", "plan", "intend", "seek", "want"})
#: Subject pronouns of a writer's own voice or a reader addressed: a figure in such a sentence is
#: the writer's own claim or a hypothetical ("I would take £50m", "you'd need to put aside $115"),
#: not a reported fact missing its source.
PERSONAL_SUBJECTS = frozenset({"i", "we", "you"})


def _measured(article: AnalysedArticle) -> tuple[int, set[int], set[int]]:
    """Where the article's figures have a source of their own: (the offset from which every
    figure is covered, or ``len(text) + 1`` for none; the paragraphs whose shares are covered;
    the paragraphs whose figures are all covered).

    A story whose lede (its headline, standfirst and first ``LEDE_PARAGRAPHS`` paragraphs) names
    a document that gives figures, by name ("according to new figures released by the BPI", "a
    USA TODAY investigation found"), reports that document's figures throughout. A poll, survey
    or census gives the figures of its own paragraph ("The council surveyed 1,200 drivers"), the
    shares (percentages, points, "four in 10") of the next ("Of those asked, 62% …"), and the
    shares of the whole story when the lede names it."""
    never = len(article.text) + 1
    sentences = article.sentences
    body = [s.paragraph for s in sentences if not _in_display(article, s.start)]
    lede_end = body[0] + LEDE_PARAGRAPHS - 1 if body else -1
    paragraphs = sentences[-1].paragraph + 1 if sentences else 0
    shares: set[int] = set()
    polled: set[int] = set()
    every = never
    for token in article.tokens:
        word = token.lower
        poll = word in MEASUREMENT_WORDS or (
            token.pos == "VERB" and token.lemma.lower() in MEASUREMENT_VERBS)
        if not poll and word not in LEDE_DOCUMENTS:
            continue
        sentence = sentences[token.sent]
        display = _in_display(article, sentence.start)
        in_lede = display or sentence.paragraph <= lede_end
        if poll:
            polled.add(sentence.paragraph)
            shares.update(range(paragraphs) if in_lede else (sentence.paragraph, sentence.paragraph + 1))
        if in_lede and every == never and word in LEDE_DOCUMENTS and _gives_figures(article, token) \
                and _names_someone(article, token):
            every = 0 if display else sentence.start
    if every == never:
        every = _lede_organisation(article, lede_end)
    return every, shares, polled


#: Paragraphs of the body that make a story's lede (the nut paragraph that names the source of
#: a story's figures is often the third or fourth).
LEDE_PARAGRAPHS = 4


def _lede_organisation(article: AnalysedArticle, lede_end: int) -> int:
    """The offset of the first sentence in the lede where a named organisation reports ("the
    Congressional Budget Office said", "the BPI reported"): a story that opens on one
    organisation's report gives its figures throughout. ``len(text) + 1`` when there is none."""
    sentences = article.sentences
    for token in article.tokens:
        sentence = sentences[token.sent]
        if sentence.paragraph > lede_end:
            break
        if token.dep != "nsubj" or token.ent_type != "ORG" or _in_display(article, sentence.start):
            continue
        head = article.tokens[token.head]
        if head.pos == "VERB" and head.lemma.lower() in ORGANISATION_VERBS:
            return sentence.start
    return len(article.text) + 1


#: Verbs by which an organisation gives its figures ("the CBO said", "the agency estimated").
ORGANISATION_VERBS = frozenset({"say", "report", "estimate", "project", "forecast", "find",
                                "calculate", "count", "publish", "release", "announce"})


#: Documents that, named in a story's lede, are the source of the story's figures. (A poll is
#: the source of the shares only: a poll story quotes other figures too.)
LEDE_DOCUMENTS = frozenset({
    "data", "figures", "statistics", "study", "report",
    "census", "investigation", "analysis", "filings", "records", "estimates", "count", "tally",
    "audit", "review", "research", "index",
})


def _gives_figures(article: AnalysedArticle, token) -> bool:
    """The document gives the sentence's content: subject of "show", "find", … or object of "in",
    "from", "by", "according to"."""
    head = article.tokens[token.head]
    return (token.dep in ("nsubj", "nsubjpass") and head.lemma.lower() in DOCUMENT_VERBS) or (
        token.dep == "pobj" and head.lower in ("in", "from", "by", "to", "according"))


def _names_someone(article: AnalysedArticle, token, depth: int = 3) -> bool:
    """A capitalised proper noun or named entity within ``depth`` steps below the token ("the
    BPI's figures", "figures released by the BPI", "a Quinnipiac poll"; not "box office figures",
    whatever the tagger makes of "box")."""
    frontier = [token]
    for _ in range(depth):
        frontier = [child for t in frontier for child in article.children(t)]
        if any(t.text[:1].isupper() and (t.pos == "PROPN" or t.ent_type in ("ORG", "PERSON", "GPE", "NORP"))
               for t in frontier):
            return True
    return False


_IN_TEN = re.compile(r"\b\w+ in $")
_SHARE_AFTER = re.compile(r"\s*(?:percentage\s+)?points?\b", re.IGNORECASE)


def _is_share(text: str, quantity) -> bool:
    """A percentage or a lead in points: the figures a poll or survey gives."""
    return quantity.unit == "%" or "percent" in quantity.text.lower() or bool(
        _SHARE_AFTER.match(text, quantity.end)) or bool(_IN_TEN.search(text, 0, quantity.start))


def _not_reported_fact(article: AnalysedArticle, index: int) -> bool:
    """The sentence speaks in the writer's own voice or to the reader, outside a quotation ("I
    would take £50m", "we have added 1 million jobs", "you'd need to put aside $115"), or a named
    actor in it gives the figure as its own finding ("USA TODAY identified dozens …", "the
    retailer reported a profit of $1.78 a share")."""
    sentence = article.sentences[index]
    tokens = article.sentence_tokens(sentence)
    for token in tokens:
        if token.dep not in ("nsubj", "nsubjpass"):
            continue
        if token.lower in PERSONAL_SUBJECTS and not _after_quote_mark(article, sentence, token):
            return True
        if _actor_gives(article, token):
            return True  # "USA TODAY identified …", "Kasich, who brags he has held …"
    return False


def _actor_gives(article: AnalysedArticle, token) -> bool:
    """The token is the subject of a verb of finding or saying (``FINDING_VERBS``) and names an
    actor, itself or through the relative clause it opens ("Kasich, who brags …")."""
    head = article.tokens[token.head]
    return token.dep == "nsubj" and head.pos == "VERB" and head.lemma.lower() in FINDING_VERBS and (
        _names_an_actor(article, token)
        or (token.lower == "who" and head.dep == "relcl" and head.head != head.i
            and _names_an_actor(article, article.tokens[head.head])))


def _owned_statement(article: AnalysedArticle, offset: int, depth: int = 4) -> bool:
    """The figure belongs to a goal, offer, estimate … that a named actor owns: "Trump's declared
    goal of $1 billion", "the union's demand for 5%" (the figure hangs below the noun, which has
    the actor as its possessive; "Sanders' presidential bid" elsewhere in the sentence does not
    count)."""
    token = article.token_at(offset)
    for _ in range(depth):
        if token is None or token.head == token.i:
            return False
        token = article.tokens[token.head]
        if token.lower in STATEMENT_NOUNS:
            return any(child.dep == "poss" and _names_an_actor(article, child) and not _a_time(child)
                       for child in article.children(token))
    return False


def _aimed(article: AnalysedArticle, offset: int, depth: int = 6) -> bool:
    """The figure is inside what a named actor hopes, plans or seeks (the object or complement
    clause of one of ``AIM_VERBS``: "they hope the song will raise more than £2m"); not a figure
    in a clause that only hangs off such a verb ("they can target voters as two dozen states
    open")."""
    token = article.token_at(offset)
    for _ in range(depth):
        if token is None or token.head == token.i:
            return False
        if token.dep in ("relcl", "acl"):
            return False  # "plans to sell the park, which it bought for £3m": not the aim
        head = article.tokens[token.head]
        if head.pos == "VERB" and head.lemma.lower() in AIM_VERBS:
            return token.dep in ("dobj", "xcomp", "ccomp") and any(
                child.dep == "nsubj" and _names_an_actor(article, child) for child in article.children(head))
        token = head
    return False


#: Nouns of time that take a possessive without being anyone ("this year's target").
TIME_NOUNS = frozenset({"year", "month", "week", "day", "quarter", "decade", "century", "season",
                        "today", "tomorrow", "yesterday", "tonight", "morning", "weekend"})


def _a_time(token) -> bool:
    """A time, not an actor: "this year's", "next week's", "Monday's"."""
    return token.ent_type in ("DATE", "TIME") or token.lemma.lower() in TIME_NOUNS


#: Nouns of a figure someone sets or states for themselves: "Trump's goal of $1 billion", "the
#: union's demand for 5%", "the firm's offer of £3bn".
STATEMENT_NOUNS = frozenset({"goal", "target", "pledge", "promise", "offer", "bid", "demand",
                             "claim", "estimate", "forecast", "projection", "proposal", "plan",
                             "ask", "request", "budget", "boast"})


def _names_an_actor(article: AnalysedArticle, token) -> bool:
    """A person or organisation by name, a pronoun for people, or a noun with a definite
    determiner ("the company")."""
    return (token.ent_type in ("PERSON", "ORG") or token.pos == "PROPN"
            or token.lower in ("he", "she", "they")
            or any(c.dep == "det" and c.lower in ("the", "this", "these") for c in article.children(token)))


#: Nouns of documents whose terms a figure can be ("the Paris Agreement's 55 countries", "the
#: Clean Power Plan's 32 percent cut", "a bill that sets fines of up to $500,000").
TERMS = frozenset({"agreement", "accord", "treaty", "constitution", "plan", "proposal", "bill",
                   "act", "law", "rule", "regulation", "directive", "budget", "manifesto"})


def _names_a_law(article: AnalysedArticle, index: int) -> bool:
    """The sentence names a law, treaty, plan or bill (one of ``TERMS`` with a name of its own:
    "the Paris Agreement", "the Clean Power Plan"): its figures are that document's terms. (The
    parser's LAW entities are not used: they take newspapers' names for laws.)"""
    for token in article.sentence_tokens(article.sentences[index]):
        if token.lower in TERMS and token.pos in ("NOUN", "PROPN") and _names_someone(article, token, depth=2):
            return True
    return False


def _written_in_first_person(article: AnalysedArticle) -> bool:
    """An opinion piece, column or letter: the writer speaks as "I" in at least three sentences
    of paragraphs that hold no quotation mark at all (so that speech whose marks were missed,
    such as a quotation run over several paragraphs, is not taken for the writer's voice)."""
    text = article.text
    sentences = article.sentences
    found: set[int] = set()
    quoted_paragraphs: dict[int, bool] = {}
    spans: dict[int, tuple[int, int]] | None = None
    for token in article.tokens:
        if token.lower != "i" or token.dep not in ("nsubj", "nsubjpass"):
            continue
        paragraph = sentences[token.sent].paragraph
        if paragraph not in quoted_paragraphs:
            if spans is None:
                spans = {}
                for sentence in sentences:
                    first = spans.get(sentence.paragraph, (sentence.start, sentence.end))[0]
                    spans[sentence.paragraph] = (first, sentence.end)
            start, end = spans[paragraph]
            quoted_paragraphs[paragraph] = any(mark in text[start:end] for mark in _QUOTE_MARKS)
        if not quoted_paragraphs[paragraph]:
            found.add(token.sent)
            if len(found) >= 3:
                return True
    return False


_QUOTE_MARKS = ('"', "“", "”", "''", "«", "„", "‘")


#: Subordinators of a condition: a figure inside "if …" is not stated as fact.
CONDITIONS = frozenset({"if", "unless"})


def _hypothetical(article: AnalysedArticle, offset: int, depth: int = 8) -> bool:
    """The figure sits in a conditional clause ("if millions of people lose their insurance"): a
    verb that "if" or "unless" opens, whatever the parser calls its clause (not "few, if any, of
    the 300 workers", where "if" hangs on a pronoun)."""
    token = article.token_at(offset)
    tokens = article.tokens
    for _ in range(depth):
        if token is None:
            return False
        if token.pos in ("VERB", "AUX") and any(
                child.dep == "mark" and child.lower in CONDITIONS for child in article.children(token)):
            return True
        if token.head == token.i:
            return False
        token = tokens[token.head]
    return False


def _in_open_quotation(article: AnalysedArticle, offset: int) -> bool:
    """A quotation opened earlier in the figure's sentence is still open at it: the last straight
    double quote before it is an opening one, or a curly opening mark follows the last closing
    one ('"… that's eight players plus injuries - 13 players out of a squad of 31. "We'll …',
    where a closing mark was left out between two quoted sentences). Only the sentence counts:
    from the paragraph's start, one stray mark put every later figure inside a quotation."""
    token = article.token_at(offset)
    if token is None:
        return False
    before = article.text[article.sentences[token.sent].start : offset]
    last = None
    for last in _STRAIGHT_QUOTE.finditer(before):  # the last mark is what counts
        pass
    if last is not None and last.group(1) is not None:
        return True  # it opens: at the start or after a space or bracket, before a word
    return before.rfind("“") > before.rfind("”")


#: A straight double quote that opens (group 1: at the start or after a space or bracket, before
#: a word) or any other (a closing mark, an inch mark after a digit: "the 6'2" defender").
_STRAIGHT_QUOTE = re.compile(r'(?:(?<![^\s(\[—–-])(")(?=\w)|")')


def _after_quote_mark(article: AnalysedArticle, sentence, token) -> bool:
    """An opening quotation mark stands before the token in its sentence (quoted speech)."""
    before = article.text[sentence.start : token.start]
    return any(mark in before for mark in '"“‘«„')


def _carried(article: AnalysedArticle, index: int, sourced: set[int]) -> bool:
    """The sentence, or the one before it in the same paragraph, gives a source: attribution
    carries on to the next sentence ("The census counted 8.3 million people. Of these, 40%
    …"). (Carrying it across a paragraph break, two sentences on, or back from the next sentence
    was measured on the tuning half: each silenced two to three real notes for each false one.)"""
    if index in sourced or _listed_under_source(article, index):
        return True
    sentences = article.sentences
    if index > 0 and sentences[index - 1].paragraph == sentences[index].paragraph:
        return index - 1 in sourced
    return False


_LIST_MARKS = ("-", "•", "*", "–", "·")


def _listed_under_source(article: AnalysedArticle, index: int) -> bool:
    """The sentence is in a list (paragraphs that open with a bullet) introduced by a sentence
    whose own verb is a named actor's saying or finding and that ends in a colon ("The judge
    said she must:" / "- Pay a $1,000 fine"): each item is what the source said."""
    text, sentences = article.text, article.sentences
    first = index
    while True:
        paragraph = sentences[first].paragraph
        while first > 0 and sentences[first - 1].paragraph == paragraph:
            first -= 1
        if not text[sentences[first].start : sentences[first].end].lstrip().startswith(_LIST_MARKS):
            return False
        if first == 0:
            return False
        before = first - 1
        if text[sentences[before].start : sentences[before].end].rstrip().endswith(":"):
            # the introducing sentence's own verb gives the source ("The judge said she must:"),
            # not a clause inside it ("Since the mayor said she would go, the council has:")
            return any(_actor_gives(article, t) and article.tokens[t.head].dep == "ROOT"
                       for t in article.sentence_tokens(sentences[before]))
        first = before  # the item above, in a list of one paragraph per item


def _in_name(article: AnalysedArticle, start: int) -> bool:
    """A number that begins a name: "21 Grams", "Band Aid 20", "Band Aid 20's", "6 Music", "19
    Hard Truths", "Ocean's 12", "the S&P 500" (a capitalised name or two capitalised words follow
    it, it ends a run of capitalised words, or a name owns it)."""
    token = article.token_at(start)
    if token is None:
        return False
    tokens = article.tokens
    if any(child.dep == "poss" and child.is_title for child in article.children(token)):
        return True  # "Ocean's 12": a number owned by a name is a title
    if token.is_title and token.text.isalpha() and token.i > 0 and tokens[token.i - 1].sent == token.sent \
            and tokens[token.i - 1].text not in ".:;!?\"“‘(—–-":
        return True  # "Ocean's Twelve", "the Chicago Seven": a number word capitalised mid-sentence
    after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
    before = tokens[token.i - 1] if token.i > 0 else None
    if after is not None and after.sent == token.sent and after.is_title and after.text.isalpha() \
            and (after.pos == "PROPN" or (after.tag in ("NN", "NNP") and token.lower not in ("1", "one"))):
        return True  # "6 Music", "50 Cent": a capitalised name, or a capitalised singular noun
        # after a number above one, which only a name allows ("12 Democrats" stays a figure)
    if after is not None and after.sent == token.sent and after.is_title and token.i + 2 < len(tokens):
        following = tokens[token.i + 2]
        if following.sent == token.sent and following.is_title:
            return True  # "19 Hard Truths the Left …": a title
    if after is not None and token.head == after.i and after.tag == "NN" and after.text.isalpha() \
            and token.text.isdigit() and int(token.text) > 1 and after.lower not in SHARE_NOUNS \
            and re.search(rf"(?<![\d,.]){token.text} [A-Z]", article.text):
        return True  # "the 19 firm": a number above one before a singular noun, where the
        # article also writes the number as a name ("19 Entertainment"), is that name
    first = before is not None and (before.i == 0 or tokens[before.i - 1].sent != before.sent)
    if before is not None and before.sent == token.sent and token.text.isdigit() and not first \
            and before.text[:1].isupper() and _ABBREVIATED.fullmatch(before.text) \
            and before.lower.rstrip(".") not in MONTHS:
        return True  # "Band Aid 20 single", "Radio 1 show", "the S.&P. 500": a numbered name
    return before is not None and before.sent == token.sent and (
        before.pos == "PROPN" or (before.text[:1].isupper() and not first)) and (
        after is None or after.pos in ("PUNCT", "PART") or after.sent != token.sent)


#: Singular nouns that follow an amount as its unit ("3 percent", "a 5 point lead").
SHARE_NOUNS = frozenset({"percent", "per", "pc", "point", "cent", "percentage"})
#: A word or an abbreviation written with points or an ampersand ("Aid", "S.&P.", "AT&T").
_ABBREVIATED = re.compile(r"[A-Za-z]+(?:[.&]+[A-Za-z]+)*\.?")
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


#: Units of distance, size and clock time: "the 400m", "26.2 miles", "1400 GMT" describe an event
#: or a thing, they are not statistics that want a source.
MEASURES = frozenset({"m", "km", "metres", "meters", "miles", "mile", "yards", "yard", "feet",
                      "foot", "inches", "inch", "secs", "seconds", "mins", "minutes", "gmt", "bst",
                      "et", "pm", "am", "cm", "mm", "kg", "lb", "lbs"})
#: Words before a number that make it a rank, an index or a name: "No. 1", "world number 14",
#: "Group of 20".
RANK_WORDS = ("no.", "no", "number", "group of", "top", "version", "chapter", "page", "room",
              "ranked", "seeded")
#: Labels that number the parts of a text or a series when capitalised ("Step 3:", "Phase 2",
#: "Season 4"); in lower case they may come before a count ("at this stage 12 people").
LABEL_WORDS = ("Step", "Part", "Phase", "Stage", "Tip", "Episode", "Season", "Lesson")
#: Words that qualify an amount without being one ("up to", "more than"): a span of nothing else
#: has lost its number.
QUALIFIERS = frozenset({"up", "to", "more", "than", "less", "fewer", "at", "least", "most", "about",
                        "around", "over", "under", "nearly", "almost", "roughly", "some"})
#: A version number after a name with two capitals or more, as standards and software are
#: written ("TLS 1.3", "HTTP 1.1", "iOS 17.2"; not "Gaza 1.2 times").
_VERSION = re.compile(r"\d+(?:\.\d+)+")
_NAME_OR_ACRONYM_BEFORE = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*\s$")
#: Verbs whose object is a result of a contest: "won four gold medals", "scored 25 goals".
RESULT_VERBS = ("won", "win", "wins", "winning", "scored", "scoring", "beat", "beating")
_SCORE = re.compile(r"\s?[-–]\s?\d")
_GLUED_UNIT = re.compile(r"(?:ft|in|cm|mm|km|kg|lb|lbs|yd|mph|kph)\b")
_GLUED_METRES = re.compile(r"m\b")
_CONVERTED = re.compile(r"\d(?:[\d,.]*)\s*(?:[a-zA-Z]{1,8}\s*){0,2}\($")
_IN_THE_WORLD = re.compile(r"\s+in\s+the\s+world\b", re.IGNORECASE)
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CLOCK_AFTER = re.compile(r"\s+(?:slot|hours|hrs|local|kick-?off)\b", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\s+(?:most|least|best|worst|greatest|biggest)\b", re.IGNORECASE)
#: A move in a ranking ("slipped 13 places", "a club 36 places inferior"): the distance between
#: two positions, not an amount.
_PLACES = re.compile(r"\s+(?:places|spots|rungs)\b", re.IGNORECASE)
#: An age that defines a group of people ("those 26 to 34", "voters aged 18", "men under 35",
#: "65 and older"): the bounds of a category, not an amount stated as fact.
_AGE_GROUP_BEFORE = re.compile(
    r"(?:\b(?:those|aged|ages)\s+(?:between\s+|from\s+)?"
    r"|\b(?:men|women|voters|people|adults|americans|those|children|anyone|residents|workers)"
    r"\s+(?:under|over|older\s+than|younger\s+than)\s+)$", re.IGNORECASE)
_AGE_GROUP_AFTER = re.compile(r"\s+(?:and|or)\s+(?:older|over|above|up)\b", re.IGNORECASE)
_MONTH_NAMES = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
#: A day of the month in a list that ends in its month: "on 14, 20 and 27 April".
_DAY_LIST = re.compile(r"(?:\s*,\s*\d{1,2})*,?\s+(?:and|or|&)\s+\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_NAMES + r"\b",
                       re.IGNORECASE)


def _not_a_figure(text: str, quantity) -> bool:
    """A number that states no amount an editor would source: a code ("007"), the size of a
    ranked list ("the 100 most influential"), a score ("won 2-1", "a 3-1 win"),
    a hyphenated description ("a 25-yard free kick", "the 10,000-square-foot park"), a rank or
    index ("No. 1", "world number 14", "Group of 20", "Step 3"), a list marker ("3. EXPERTS
    DOWNPLAY …"), a note marker ("[16]"), a version ("TLS 1.3"), or a distance, size or clock
    time ("the 400m", "26.2 miles", "1400 GMT")."""
    written = quantity.text
    if len(written) > 1 and written[0] == "0" and written[1].isdigit():
        return True  # "007", "0800": a code, not an amount
    if not any(ch.isdigit() for ch in written) and set(written.lower().split()) <= QUALIFIERS:
        return True  # "up to" without its number
    if written.isdigit() and text[quantity.start - 1 : quantity.start] == "[" \
            and text[quantity.end : quantity.end + 1] == "]":
        return True  # "[16]": a reference to a note or a source, not an amount
    if _VERSION.fullmatch(written) and _NAME_OR_ACRONYM_BEFORE.search(
            text, max(0, quantity.start - 20), quantity.start):
        return True  # "TLS 1.3", "Python 3.12": a version
    if _SUPERLATIVE.match(text, quantity.end):
        return True  # "the world's 100 most influential people": the size of a list
    if _AGE_GROUP_BEFORE.search(text, max(0, quantity.start - 30), quantity.start) \
            or _AGE_GROUP_AFTER.match(text, quantity.end):
        return True  # "those 26 to 34", "men under 35", "65 and older": a group's age bounds
    if written.isdigit() and text[quantity.start - 1 : quantity.start] == "(" \
            and text[quantity.end : quantity.end + 1] == ")" \
            and _NAME_BEFORE.search(text, max(0, quantity.start - 40), quantity.start - 1):
        return True  # "Priscott for Roberts (71)", "Walt (60)": a bare number in brackets notes a
        # minute, an age or a seat count beside a name; an amount carries its unit
    if written.isdigit() and int(written) <= 31 and _DAY_LIST.match(text, quantity.end):
        return True  # "on 14, 20 and 27 April": days of a month
    if _PLACES.match(text, quantity.end):
        return True  # "slipped 13 places": a move in a ranking
    if _IN_THE_WORLD.match(text, quantity.end):
        return True  # "ranked 106 in the world", "64 in the world": a rank
    if _CLOCK.fullmatch(written) and (text[max(0, quantity.start - 3) : quantity.start].lower() == "at "
                                      or _CLOCK_AFTER.match(text, quantity.end)):
        return True  # "at 2300", "the 2340 slot": a time on the 24-hour clock
    after = text[quantity.end : quantity.end + 3]
    if _SCORE.match(after) or re.search(r"\d[-–]\d", written):
        return True  # a score or a range of results
    if re.match(r"-[A-Za-z]", after) or re.search(r"\d-[a-z]", written):
        return True  # "25-yard", "10,000-square-foot", "25-man squad"
    before = text[max(0, quantity.start - 12) : quantity.start].lower().rstrip()
    if before.endswith(RANK_WORDS):
        return True
    if text[max(0, quantity.start - 12) : quantity.start].rstrip().endswith(LABEL_WORDS):
        return True  # "Step 3:", "Season 4": a numbered part
    if written.lower().startswith(RESULT_VERBS) or before.endswith(RESULT_VERBS):
        return True  # "won four", "scored 25": a result the reporter saw, not a claim to source
    line_start = text.rfind("\n", 0, quantity.start) + 1
    if not text[line_start : quantity.start].strip() and text[quantity.end : quantity.end + 1] == ".":
        return True  # a numbered list
    unit = (quantity.unit or "").lower()
    words = written.lower().split()
    if unit in MEASURES or (words and words[-1] in MEASURES):
        return True
    if _GLUED_UNIT.match(text, quantity.end) or (_GLUED_METRES.match(text, quantity.end) and not re.search(
            r"[£$€¥]", text[max(0, quantity.start - 2) : quantity.start])):
        return True  # "6ft 6in", "10km", "70mph", "the 100m": a measurement
    window = text[max(0, quantity.start - 300) : quantity.start]
    if window.rfind("<") > window.rfind(">"):
        return True  # inside markup left in the text ('<tweet tweet-date="March 10, 2016">')
    if text[quantity.start - 1 : quantity.start] == "(" and _CONVERTED.search(
            text, max(0, quantity.start - 30), quantity.start):
        return True  # "€3.5m (£2.3m)": the writer's conversion of the figure before it
    # "400m", "3,000m" with no currency sign: metres (a race, a height), not millions
    return written[-1:] == "m" and written[:-1].replace(".", "").replace(",", "").isdigit() and not re.search(
        r"[£$€¥]", text[max(0, quantity.start - 2) : quantity.start])


_WORD = re.compile(r"[^\W\d_]{2,}")
#: A capitalised word right before a bracket: "Roberts (71)", not "hospitals (43)".
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s*$")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """The figure stands in a line written in capitals, the headline of an item in a digest or a
    round-up ("5. ELEVEN POLICE KILLED, DOZENS WOUNDED IN …", "TWO DEAD, 16 INJURED IN …"): the
    two words before it and the two after it (on its line) are all capitals. A headline's figures
    are sourced in the item below it, as the article's own headline's are in its body."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1 or max(0, start - 200)
    line_end = text.find("\n", end, end + 200)
    line_end = min(len(text), end + 200) if line_end < 0 else line_end
    before = _WORD.findall(text, line_start, start)[-2:]
    after = _WORD.findall(text, end, line_end)[:2]
    words = before + after
    return len(before) == 2 and len(after) == 2 and all(w.isupper() for w in words)


#: Elements of markup left in a text whose content is someone else's words: an embedded post, a
#: block quotation, an inline quotation.
QUOTING_ELEMENTS = ("tweet", "blockquote", "q")
_QUOTING_TAG = re.compile(r"<(/?)(" + "|".join(QUOTING_ELEMENTS) + r")\b[^>]*?(/?)>", re.IGNORECASE)


def _in_quoting_markup(text: str, start: int) -> bool:
    """The figure is inside a quoting element left in the text ('<tweet …>… $4 trillion tax
    cut …</tweet>'): the words are the post's or quotation's author's, who is their source.
    Elements nest ('<blockquote><q>…</q> … $40 million</blockquote>'); an empty element
    ('<tweet id="1"/>') holds nothing."""
    depth: dict[str, int] = {}
    for tag in _QUOTING_TAG.finditer(text, max(0, start - 3000), start):
        if tag.group(3):
            continue  # self-closing
        name = tag.group(2).lower()
        depth[name] = max(0, depth.get(name, 0) + (-1 if tag.group(1) else 1))
    return any(depth.values())


def _in_date(article: AnalysedArticle, start: int, end: int) -> bool:
    """A number that is part of a date or a year ("March 2, 2023", "in 2019") is not a figure."""
    if any(t.start <= start and end <= t.end for t in article.times):
        return True
    words = [w for w in re.split(r"[\s\-–—]+", article.text[start:end].lower()) if w and w not in _RANGE_WORDS]
    return bool(words) and all(w.isdigit() and len(w) == 4 and 1800 <= int(w) <= 2100 for w in words)


#: The words of a range of years ("between 2015 and 2019", "from 2010 to 2012", "2015-19" aside).
_RANGE_WORDS = frozenset({"between", "and", "from", "to", "until", "till", "through", "in"})


def _in_display(article: AnalysedArticle, offset: int) -> bool:
    """Headline or standfirst: their claims are sourced in the body. (The display regions are
    listed once per article: an article of many paragraphs has few of them.)"""
    display = article.derived.display_regions
    if display is None:
        display = [(r.start, r.end) for r in article.article.regions if r.role in ("headline", "standfirst")]
        article.derived.display_regions = display
    return any(start <= offset < end for start, end in display)
