"""The event lexicon (``data/plover.tsv``): verbs, verb phrases and event nouns -> PLOVER types.

See the header of the data file for its columns. ``EventLexicon.default()`` reads the shipped file
once per process (it is static data); tests can build a lexicon from their own lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: The default target slots: direct object, dative, then these prepositions' objects.
DEFAULT_TARGETS = ("dobj", "dative", "against", "on", "upon", "with", "to")

#: PLOVER 2016 (v0.5, the gold-standard records) names of current types and modes.
LEGACY = {
    ("ACCUSE", "investigate"): "INVESTIGATE",
    ("ACCUSE", None): "DISAPPROVE",
    ("REQUEST", None): "DEMAND",
    ("ASSAULT", "military"): "FIGHT",
}


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon row. ``category`` is None for a phrase that is not an event."""

    phrase: str
    pos: str  # "v" or "n"
    category: str | None
    mode: str | None
    targets: tuple[str, ...]
    flags: frozenset[str]

    @property
    def wraps(self) -> bool:
        return "wrap" in self.flags

    @property
    def needs_other(self) -> bool:
        return "other" in self.flags


@dataclass(frozen=True)
class EventLexicon:
    verbs: dict[str, LexEntry]
    nouns: dict[str, LexEntry]
    passing: frozenset[str]

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> EventLexicon:
        verbs: dict[str, LexEntry] = {}
        nouns: dict[str, LexEntry] = {}
        passing: set[str] = set()
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            phrase, pos, category, mode, target, flags = (line.rstrip("\n").split("\t") + ["-"] * 6)[:6]
            flag_set = frozenset(f for f in flags.split(",") if f and f != "-")
            if "pass" in flag_set:
                passing.add(phrase)
                continue
            entry = LexEntry(
                phrase=phrase,
                pos=pos,
                category=None if category == "-" else category,
                mode=None if mode == "-" else mode,
                targets=DEFAULT_TARGETS if target == "-" else tuple(target.split(",")),
                flags=flag_set,
            )
            table = nouns if pos == "n" else verbs
            table.setdefault(phrase, entry)
        return cls(verbs, nouns, frozenset(passing))

    @classmethod
    def default(cls) -> EventLexicon:
        return _default_lexicon()


@cache
def _default_lexicon() -> EventLexicon:
    text = resources.files("copydesk").joinpath("data/plover.tsv").read_text(encoding="utf-8")
    return EventLexicon.from_lines(text.splitlines())


def legacy_category(category: str, mode: str | None) -> str:
    """The PLOVER 2016 type of a current type and mode (``ACCUSE``/``investigate`` ->
    ``INVESTIGATE``, ``ASSAULT``/``military`` -> ``FIGHT``, ``REQUEST`` -> ``DEMAND``)."""
    return LEGACY.get((category, mode)) or LEGACY.get((category, None)) or category
