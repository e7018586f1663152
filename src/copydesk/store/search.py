"""Search queries: the web-search syntax PostgreSQL's ``websearch_to_tsquery`` reads, turned
into an FTS5 query for SQLite, so that one query means the same on both backends.

- words: all must match (``harbour strike``);
- ``"a phrase"``: the words in that order;
- ``OR`` between two terms: either;
- ``-word`` or ``-"a phrase"``: must not match.

Every term is quoted for FTS5, so no character in a query is FTS5 syntax (``NEAR``, ``*``,
``:``, parentheses and the like are searched as words, as on PostgreSQL).
"""

from __future__ import annotations

import re

_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def terms(query: str) -> list[tuple[str, bool]]:
    """``(term, negated)`` pairs in order; ``OR`` comes through as ``("OR", False)``."""
    out: list[tuple[str, bool]] = []
    for match in _TERM.finditer(query):
        minus, phrase, word = match.groups()
        if phrase is not None:
            out.append((phrase, bool(minus)))
        elif word == "OR":
            out.append(("OR", False))
        elif word.startswith("-") and len(word) > 1:
            out.append((word[1:], True))
        else:
            out.append((word, False))
    return out


def _quoted(term: str) -> str | None:
    words = _WORD.findall(term)
    return '"' + " ".join(words) + '"' if words else None


def fts5_query(query: str) -> str:
    """The FTS5 MATCH expression for a web-search query ('' when it has nothing to find)."""
    groups: list[list[str]] = []  # AND of ORs
    negated: list[str] = []
    join_next = False
    for term, minus in terms(query):
        if term == "OR" and not minus:
            join_next = bool(groups)
            continue
        quoted = _quoted(term)
        if quoted is None:
            continue
        if minus:
            negated.append(quoted)
        elif join_next:
            groups[-1].append(quoted)
        else:
            groups.append([quoted])
        join_next = False
    if not groups:
        return ""  # nothing to find (PostgreSQL finds nothing for a query of exclusions only)
    positive = " AND ".join("(" + " OR ".join(g) + ")" for g in groups)
    return "(" + positive + ")" + "".join(f" NOT {n}" for n in negated)
