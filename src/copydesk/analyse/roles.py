"""Titles written before names ("Ukrainian Foreign Minister Anna Kowalczyk", "Home Secretary
Jane Doe", "U.S. Secretary of State John Roe") and the roles they name, read with the knowledge
base's press titles. Used by the ``roles.title`` and ``names.unknown-variant`` checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.knowledge.records import TitleRecord
from copydesk.model import Mention

#: Words that may sit inside a title ("Secretary of State for Defence").
_TITLE_LINKS = frozenset({"of", "for", "and", "the", "&"})
#: Words before a title that qualify it so that it is not a claim about the present role.
_QUALIFIERS = frozenset(
    {"former", "ex", "then", "late", "acting", "interim", "shadow", "deputy", "vice", "future",
     "incoming", "outgoing", "would-be", "designate", "elect", "junior", "assistant", "next",
     "previous", "caretaker", "opposition", "first", "second"}
)
MAX_TITLE_WORDS = 7


@dataclass(frozen=True, slots=True)
class TitledMention:
    mention: Mention
    title_start: int
    title_end: int
    title: str
    roles: tuple[TitleRecord, ...]
    country: str | None  # ISO3 from a nationality word before the title, when there is one
    qualified: bool  # "former", "shadow", "deputy"...: the title says nothing about now


def article_titled_mentions(analysed: AnalysedArticle, kb) -> list[TitledMention]:
    """``titled_mentions`` found once per article and shared by ``roles.title`` and
    ``kbnames.name_corrections`` (``analysed.derived.titled_mentions``); not to be changed."""
    if analysed.derived.titled_mentions is None:
        analysed.derived.titled_mentions = titled_mentions(analysed, kb)
    return analysed.derived.titled_mentions


def titled_mentions(analysed: AnalysedArticle, kb) -> list[TitledMention]:
    out = []
    text = analysed.text
    for mention in analysed.mentions:
        if mention.label != "PERSON":
            continue
        first = analysed.token_at(mention.start)
        if first is None:
            continue
        words = _words_before(analysed, first)
        if not words:
            continue
        found = _longest_title(words, kb)
        if found is None:
            continue
        k, rows = found
        title_tokens = words[k:]
        before = words[:k]
        qualified = any(t.lower in _QUALIFIERS for t in before[-2:]) or _hyphen_qualified(text, title_tokens[0])
        country = _country_of(before, kb)
        start, end = title_tokens[0].start, title_tokens[-1].end
        out.append(
            TitledMention(mention, start, end, text[start:end], tuple(rows), country, qualified)
        )
    return out


def _words_before(analysed: AnalysedArticle, first: Token) -> list[Token]:
    """The capitalised words (and title links) right before a name, in text order."""
    words: list[Token] = []
    k = first.i - 1
    sentence = first.sent
    while k >= 0 and len(words) < MAX_TITLE_WORDS + 3:
        token = analysed.tokens[k]
        if token.sent != sentence:
            break
        if token.text[:1].isupper() or token.lower in _TITLE_LINKS or token.lower in _QUALIFIERS or token.text in ("-", "."):
            words.append(token)
            k -= 1
            continue
        break
    words.reverse()
    while words and (words[0].lower in _TITLE_LINKS or words[0].text in ("-", ".")):
        words = words[1:]
    return words


def _longest_title(words: list[Token], kb) -> tuple[int, list[TitleRecord]] | None:
    """The longest suffix of ``words`` that is a known press title."""
    for k in range(max(0, len(words) - MAX_TITLE_WORDS), len(words)):
        if words[k].lower in _TITLE_LINKS:
            continue
        phrase = " ".join(t.text for t in words[k:])
        rows = kb.titles(phrase)
        if rows:
            return k, rows
    return None


def _hyphen_qualified(text: str, token: Token) -> bool:
    """``ex-Foreign Secretary``: the qualifier is glued to the title by a hyphen."""
    head = text[max(0, token.start - 6) : token.start].lower()
    return head.endswith(("ex-", "ex–", "vice-", "ex "))


def _country_of(words: list[Token], kb) -> str | None:
    """A nationality or country word right before the title: ``Ukrainian``, ``U.S.``, ``Britain's``.
    A conjunction between them ends the search: in "President Xi of China and President Biden",
    China belongs to the first name."""
    for token in reversed(words[-3:]):
        if token.lower in ("and", "&"):
            return None
        if token.lower in _TITLE_LINKS or token.lower in _QUALIFIERS:
            continue
        for match in kb.exact(token.text, kind="place"):
            record = kb.entity(match.key)
            if record is not None and record.subkind == "country" and record.country:
                return record.country
        break
    return None


def mentioned_years(analysed: AnalysedArticle) -> dict[int, int]:
    """How often each year (1900-2100) is written in a date expression of the article."""
    counts: dict[int, int] = {}
    for token in analysed.tokens:
        if token.ent_type == "DATE" and len(token.text) == 4 and token.text.isdigit():
            year = int(token.text)
            if 1900 <= year <= 2100:
                counts[year] = counts.get(year, 0) + 1
    return counts
