"""The index-based lookups that replaced scans over every pair (issue 8, "no quadratic paths")
give the same answers as the scans they replaced."""

from __future__ import annotations

import random

from copydesk.analyse.acronyms import find_expansions
from copydesk.analyse.document import AnalysedArticle, Sentence, Token
from copydesk.analyse.names import _Spans
from copydesk.analyse.variants import _NearForms, spelling_distance
from copydesk.ingest.text import parse_text
from copydesk.model import Article, Mention


def _forms(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    letters = "aeioubdklmnrstvz"
    out = set()
    while len(out) < count:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(3, 12)))
        out.add(word.capitalize())
        if rng.random() < 0.5:  # a near copy: one or two edits
            chars = list(word)
            k = rng.randrange(len(chars))
            edit = rng.choice(["sub", "del", "ins", "swap"])
            if edit == "sub":
                chars[k] = rng.choice(letters)
            elif edit == "del" and len(chars) > 1:
                del chars[k]
            elif edit == "ins":
                chars.insert(k, rng.choice(letters))
            elif k + 1 < len(chars):
                chars[k], chars[k + 1] = chars[k + 1], chars[k]
            out.add("".join(chars).capitalize())
    return sorted(out)


def test_the_deletion_index_finds_every_pair_spelling_distance_accepts():
    forms = _forms(400, seed=8)
    near = _NearForms(forms)
    for form in forms:
        wanted = [other for other in forms if spelling_distance(form, other) is not None]
        found = set(near.candidates(form))
        assert set(wanted) <= found, form


def _handmade(heads: list[int], sentences: list[tuple[int, int]]) -> AnalysedArticle:
    text = " ".join(f"w{k}" for k in range(len(heads)))
    analysed = AnalysedArticle(article=Article(text=text, source="t"))
    offset = 0
    for k, head in enumerate(heads):
        sent = next(n for n, (a, b) in enumerate(sentences) if a <= k < b)
        word = f"w{k}"
        analysed.tokens.append(Token(i=k, start=offset, end=offset + len(word), text=word, head=head, sent=sent))
        offset += len(word) + 1
    for first, last in sentences:
        analysed.sentences.append(
            Sentence(analysed.tokens[first].start, analysed.tokens[last - 1].end, first, last, 0)
        )
    return analysed


def test_children_from_the_index_are_the_children_from_a_scan():
    rng = random.Random(3)
    sentences = [(0, 40), (40, 41), (41, 100)]
    heads = []
    for first, last in sentences:
        root = rng.randrange(first, last)
        heads += [root if k == root else rng.choice([root, *range(first, k)] if k > first else [root])
                  for k in range(first, last)]
    analysed = _handmade(heads, sentences)
    for token in analysed.tokens:
        sentence = analysed.sentences[token.sent]
        scanned = [o for o in analysed.tokens[sentence.first : sentence.last]
                   if o.head == token.i and o.i != token.i]
        assert list(analysed.children(token)) == scanned


def test_spans_contain_like_a_scan():
    rng = random.Random(5)
    mentions = [Mention(s, s + rng.randint(1, 30), "x", "PERSON")
                for s in (rng.randrange(0, 1000) for _ in range(60))]
    spans = _Spans(mentions)
    for _ in range(2000):
        start = rng.randrange(0, 1000)
        end = start + rng.randint(1, 10)
        assert spans.contains(start, end) == any(m.start <= start and end <= m.end for m in mentions)


def test_expansions_are_found_once_per_article_and_within_reach():
    text = ("The International Bank for Reconstruction and Development (IBRD) lent more. "
            "The WHO, the World Health Organization, agreed. " + "Filler words here. " * 30
            + "The North Atlantic Treaty Organization (NATO) met.")
    analysed = AnalysedArticle(article=parse_text(text, source="t"))
    found = find_expansions(analysed)
    assert [(e.acronym, e.text) for e in found] == [
        ("IBRD", "International Bank for Reconstruction and Development"),
        ("WHO", "World Health Organization"),
        ("NATO", "North Atlantic Treaty Organization"),
    ]
    assert find_expansions(analysed) == found
    assert analysed.derived.acronym_expansions == found
