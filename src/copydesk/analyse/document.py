"""``AnalysedArticle``: what the analysis layer hands to checks.

Plain dataclasses with offsets into ``Article.text``. spaCy objects never leave ``analyse``, so
checks and tests can build an ``AnalysedArticle`` by hand without loading a model (the
``handmade`` fixture in ``tests/conftest.py`` does).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from copydesk.model import (
    Article,
    Claim,
    Entity,
    Event,
    Mention,
    Quantity,
    Quote,
    TimeExpression,
)

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.acronyms import Expansion
    from copydesk.analyse.kbnames import Resolution
    from copydesk.analyse.quotemarks import QuoteSpan
    from copydesk.analyse.roles import TitledMention
    from copydesk.analyse.variants import SpellingVariant


@dataclass(slots=True)
class Token:
    """One token. ``i`` is its index in ``AnalysedArticle.tokens``; ``head`` is the index of its
    syntactic head (itself for a root)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""
    tag: str = ""
    dep: str = ""
    head: int = -1
    ent_type: str = ""
    ent_iob: str = "O"
    sent: int = 0
    whitespace: bool = True
    lower: str = ""

    def __post_init__(self) -> None:
        if not self.lower:
            self.lower = self.text.lower()

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper() and not self.text.isupper()


@dataclass(slots=True)
class Sentence:
    """A sentence: tokens ``[first, last)`` and the paragraph index it belongs to."""

    start: int
    end: int
    first: int
    last: int
    paragraph: int


@dataclass(slots=True)
class NameCluster:
    """Mentions within one article that refer to one person or organisation, including
    surname-only mentions and spelling variants. ``forms`` counts each written form."""

    id: str
    label: str
    canonical: str
    mentions: list[Mention] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Derived:
    """Analyses of an article that more than one stage or check reads, each computed once, on
    first use, by the function named beside it (None until then). Stages and checks read them
    through those functions, never by setting them here."""

    #: Names spelt two ways: ``names.build_entities`` (the entities stage) -> ``names.inconsistent``.
    spelling_variants: list[SpellingVariant] | None = None
    #: ``kbnames.name_corrections``: ``names.inconsistent``, ``names.unknown-variant``, entity links.
    name_corrections: dict[str, tuple[str, Resolution]] | None = None
    #: ``roles.article_titled_mentions``: ``roles.title`` and ``name_corrections``.
    titled_mentions: list[TitledMention] | None = None
    #: ``quotemarks.article_quote_spans``: the quotes stage and ``claims.unsourced``.
    quote_spans: list[QuoteSpan] | None = None
    #: ``acronyms.find_expansions``: ``acronyms.expansion`` and ``acronyms.typo``.
    acronym_expansions: list[Expansion] | None = None
    #: ``readings.reread_its`` (the pipeline): token index of "its" -> the tag of the next word
    #: when "it is" is read instead, for the "its" whose reading ``confusables`` reads
    #: (``readings.reading_matters``).
    its_readings: dict[int, str] = field(default_factory=dict)
    #: ``spelling``: sentence index -> index of its first alphanumeric token (filled as asked).
    sentence_first_words: dict[int, int] = field(default_factory=dict)
    #: ``claims.unsourced``: the headline and standfirst regions as ``(start, end)``.
    display_regions: list[tuple[int, int]] | None = None
    #: ``quotes``: the cue list given and its cues grouped by sentence.
    cues_by_sentence: tuple[list[Token], dict[int, list[Token]]] | None = None
    #: ``sources``: (mention count, sorted starts, mentions sorted by start, span -> first label).
    mention_index: tuple[int, list[int], list[Mention], dict[tuple[int, int], str]] | None = None


@dataclass(slots=True)
class AnalysedArticle:
    article: Article
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    clusters: list[NameCluster] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: The date to read the article as of when it carries no date of its own
    #: (``Desk(reference_date=...)``, ``--reference-date``); None when none was given. Checks
    #: never read the clock: they take the article's own date first, then this one
    #: (``analyse.times.reference_date``).
    reference_date: datetime | None = None
    #: Analyses that several stages or checks share, computed once on first use (``Derived``).
    derived: Derived = field(default_factory=Derived, repr=False)
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    #: Head index -> positions of the tokens with that head, in order (``children``), built
    #: on first use for ``_children_of`` tokens.
    _children: dict[int, list[int]] | None = field(default=None, repr=False)
    _children_of: int = field(default=-1, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    def index(self) -> None:
        """Refresh lookup tables after ``tokens`` changed."""
        self._token_starts = [t.start for t in self.tokens]
        self._sentence_starts = [s.start for s in self.sentences]
        self._children = None

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first : sentence.last]

    def token_at(self, offset: int) -> Token | None:
        """The token that covers ``offset``, or None."""
        if not self._token_starts and self.tokens:
            self.index()
        k = bisect_right(self._token_starts, offset) - 1
        if k >= 0 and self.tokens[k].start <= offset < self.tokens[k].end:
            return self.tokens[k]
        return None

    def sentence_of(self, offset: int) -> Sentence | None:
        k = self.sentence_index_of(offset)
        return None if k is None else self.sentences[k]

    def sentence_index_of(self, offset: int) -> int | None:
        """The index in ``sentences`` of the sentence that covers ``offset``, or None."""
        if len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [s.start for s in self.sentences]
        k = bisect_right(self._sentence_starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < max(self.sentences[k].end, offset + 1):
            return k
        return None

    def children(self, token: Token) -> Iterator[Token]:
        """The tokens of ``token``'s sentence whose head it is, in order (from an index of heads
        built once, so reading a long sentence's parse costs its length, not its square)."""
        if self._children is None or self._children_of != len(self.tokens):
            self._children = {}
            for position, other in enumerate(self.tokens):
                if other.head != other.i:
                    self._children.setdefault(other.head, []).append(position)
            self._children_of = len(self.tokens)
        sentence = self.sentences[token.sent]
        for position in self._children.get(token.i, ()):
            if sentence.first <= position < sentence.last:
                yield self.tokens[position]

    def entity_by_id(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "events": [e.to_dict() for e in self.events],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
        }
