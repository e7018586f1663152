"""Shared fixtures. Add yours; do not remove others'.

- ``analyser``: the spaCy pipeline, loaded once per test session (about 2 s).
- ``desk``: a ``Desk`` with the built-in checks, sharing that analyser.
- ``make_report``: builds a ``Report`` by hand from a text and ``(word, check, severity)`` tuples,
  for report-rendering tests that need no model.
- ``hostile_desk``: a ``Desk`` sharing that analyser whose only check misbehaves on a marker word
  (hangs, eats memory, kills or crashes its process; see ``hostile_check``), for the budget tests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from copydesk.model import Article, Evidence, Finding, Severity, split_paragraphs


@pytest.fixture(scope="session")
def analyser():
    from copydesk.analyse.pipeline import Analyser

    return Analyser.load()


@pytest.fixture(scope="session")
def desk(analyser):
    from copydesk.desk import Desk

    return Desk(analyser=analyser)


def build_report(
    text: str,
    marks: list[tuple],
    *,
    source: str = "story.txt",
    headline: str | None = None,
    published: datetime | None = None,
):
    """A ``Report`` whose findings sit on the first occurrence of each word (or on the given
    ``(start, end)`` pair). Each mark is ``(word_or_span, check, severity[, suggestion[, evidence]])``."""
    from copydesk.desk.report import Report

    article = Article(
        text=text, source=source, headline=headline, published=published,
        regions=split_paragraphs(text),
    )
    findings = []
    for mark in marks:
        where, check, severity = mark[:3]
        suggestion = mark[3] if len(mark) > 3 else None
        evidence: list[Evidence] = list(mark[4]) if len(mark) > 4 else []
        if isinstance(where, tuple):
            start, end = where
        else:
            start = text.index(where)
            end = start + len(where)
        findings.append(
            Finding(
                check, Severity.parse(severity), start, end, text[start:end],
                f"“{text[start:end]}” looks wrong", suggestion, 0.8, evidence,
            )
        )
    findings.sort(key=lambda f: (f.start, f.end))
    return Report(source=source, article=article, findings=findings)


@pytest.fixture
def make_report() -> Callable[..., object]:
    return build_report


_HANDMADE_TOKEN = r"[^\W\d_]+(?=['’]s\b)|['’]s\b|\d[\d,.]*\d|\w+(?:['’-]\w+)*|[^\w\s]"


def build_analysed(
    text: str,
    *,
    entities: dict[str, str] | None = None,
    published: datetime | None = None,
):
    """An ``AnalysedArticle`` built without the model: regex tokens, sentences split at . ! ?,
    capitalised words tagged PROPN, and each ``entities`` surface form (``{"Anna Kowalczyk":
    "PERSON", "Sunday": "DATE"}``) marked as an entity (with a mention for name labels)
    wherever it occurs."""
    import re

    from copydesk.analyse.document import AnalysedArticle, Sentence, Token
    from copydesk.analyse.pipeline import ENTITY_LABELS
    from copydesk.model import Mention

    article = Article(text=text, regions=split_paragraphs(text), published=published)
    analysed = AnalysedArticle(article=article)
    for number, region in enumerate(article.paragraphs):
        first = len(analysed.tokens)
        for match in re.finditer(_HANDMADE_TOKEN, text[region.start : region.end]):
            start, end = region.start + match.start(), region.start + match.end()
            k = len(analysed.tokens)
            word = match.group()
            initial = k == first
            analysed.tokens.append(
                Token(i=k, start=start, end=end, text=word, lemma=word.lower(),
                      pos="PROPN" if word[:1].isupper() and not initial else "X",
                      head=k, sent=len(analysed.sentences),
                      whitespace=end < len(text) and text[end] == " ")
            )
            if word in ".!?":
                analysed.sentences.append(Sentence(analysed.tokens[first].start, end, first, k + 1, number))
                first = k + 1
        if first < len(analysed.tokens):
            analysed.sentences.append(
                Sentence(analysed.tokens[first].start, analysed.tokens[-1].end, first, len(analysed.tokens), number)
            )
            for token in analysed.tokens[first:]:
                token.sent = len(analysed.sentences) - 1
    analysed.index()
    taken: list[tuple[int, int]] = []
    for surface, label in sorted((entities or {}).items(), key=lambda item: -len(item[0])):
        for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue  # inside a longer entity already marked
            taken.append((match.start(), match.end()))
            inside = [t for t in analysed.tokens if match.start() <= t.start and t.end <= match.end()]
            for n, token in enumerate(inside):
                token.ent_type, token.ent_iob = label, "B" if n == 0 else "I"
                if token.text[:1].isupper():
                    token.pos = "PROPN"
            if label in ENTITY_LABELS:
                analysed.mentions.append(Mention(match.start(), match.end(), surface, label))
    analysed.mentions.sort(key=lambda m: m.start)
    return analysed


@pytest.fixture
def handmade() -> Callable[..., object]:
    """``handmade(text, entities={...}, published=...)`` -> an ``AnalysedArticle`` without the model."""
    return build_analysed


def hostile_check(article, knowledge):
    """Misbehaves when the article holds a marker word, for the budget tests (issue 8); run it
    only in a supervised worker. SPIN: a tight loop. CSLEEP: blocked in C (``sleep(3)`` through
    ctypes, for ever: no Python signal handler runs inside it). HOG: touched memory, 20 MB at a
    time up to 3 GB, then waits. BIGALLOC: 3 GB of address space at once (calloc, not yet
    resident). SIGKILL: kills its own process. SEGFAULT: a segmentation fault."""
    import ctypes
    import faulthandler
    import os
    import signal
    import time

    text = article.article.text
    if "SPIN" in text:
        while True:
            pass
    if "CSLEEP" in text:
        libc = ctypes.CDLL(None)
        while True:
            libc.sleep(3)
    if "HOG" in text:
        hog = []
        while len(hog) < 150:
            hog.append(b"x" * 20_000_000)
        while True:
            time.sleep(1)
    if "BIGALLOC" in text:
        big = bytes(3_000_000_000)
        del big
    if "SIGKILL" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "SEGFAULT" in text:
        faulthandler.disable()  # pytest's, inherited by the worker: no traceback on stderr
        ctypes.string_at(0)
    return iter(())


@pytest.fixture(scope="session")
def hostile_desk(analyser):
    from copydesk.checks.registry import Registry, register, spec_of
    from copydesk.desk import Desk
    from copydesk.knowledge import Knowledge

    check = register("test.hostile", severity="info")(hostile_check)
    return Desk(analyser=analyser, knowledge=Knowledge(), registry=Registry([spec_of(check, "tests")]))
