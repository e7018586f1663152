"""``HouseStyle``: a newsroom's own words and style rules, as checks consult them.

It is knowledge like the lexicon and the knowledge base: the ``style.*`` checks read its rules,
the spelling check its words (``Knowledge.house``). It is built from a ``copydesk.toml`` and a
style preset by ``copydesk.config``; an empty ``HouseStyle()`` (the default) has no words and no
rules, so the ``style.*`` checks say nothing.

- ``words``: the house's own names, brands and jargon, never flagged by ``spelling``,
  ``names.*`` or ``acronyms.*`` (``is_house_word``, ``silences``).
- ``preferred``: forms the house writes another way ("Kiev" -> "Kyiv"), ``style.preferred-form``.
- ``banned``: terms the house does not use, with its wording, ``style.banned-term``.
- ``serial_comma``, ``spell_out_below``: ``style.serial-comma``, ``style.numerals``.

Each rule keeps ``origin``, the place it came from (``copydesk.toml [preferred] "Kiev"`` or
``preset ap (editorial)``), which the findings give as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.model import Finding

#: Checks whose findings a house word silences: they judge words and names.
SILENCED_AREAS = ("spelling", "names", "acronyms")
_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")


@dataclass(frozen=True, slots=True)
class StyleRule:
    """A preferred form or a banned term: ``form`` as it may be written, ``use`` the house's
    wording (None when the house gives none). ``exact_case``: match ``form`` only as written (an
    abbreviation such as "US"), else in any capitalisation. ``quotes``: ``check`` or ``skip``
    (not inside quotations: a speaker's words are theirs). ``pattern``: a regular expression
    that replaces the plain match of ``form`` (the percent rules); ``figure``: its suggestion is
    the matched figure followed by ``use``."""

    form: str
    use: str | None
    origin: str
    exact_case: bool = False
    quotes: str = "check"
    note: str = ""
    pattern: str | None = None
    figure: bool = False


@dataclass(frozen=True)
class HouseStyle:
    """The house's words and rules (see the module docstring). Immutable."""

    words: frozenset[str] = frozenset()
    preferred: tuple[StyleRule, ...] = ()
    banned: tuple[StyleRule, ...] = ()
    serial_comma: bool | None = None  # True: always; False: never in a simple series
    spell_out_below: int = 0  # 0: no numerals rule
    #: Where each setting came from, by name (``serial_comma``, ``spell_out_below``).
    origins: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        folded = frozenset(" ".join(w.split()).casefold() for w in self.words if w.strip())
        object.__setattr__(self, "_entries", folded)
        object.__setattr__(
            self, "_tokens", frozenset(t.casefold() for w in folded for t in _WORD.findall(w))
        )

    @property
    def empty(self) -> bool:
        return not (self.words or self.preferred or self.banned or self.serial_comma is not None
                    or self.spell_out_below)

    def is_house_word(self, word: str) -> bool:
        """Whether ``word`` is one of the house's words, or a word of one of its names (in any
        capitalisation)."""
        folded = word.casefold()
        return folded in self._entries or folded in self._tokens  # type: ignore[attr-defined]

    def silences(self, finding: Finding) -> bool:
        """Whether the house's words silence ``finding``: a finding of spelling, names.* or
        acronyms.* (every check that flagged its span) whose text is a house word or made only
        of house words."""
        if not self.words:
            return False
        checks = finding.checks or [finding.check]
        if not all(c.split(".")[0] in SILENCED_AREAS for c in checks):
            return False
        text = " ".join(finding.text.split()).casefold()
        if not text:
            return False
        if text in self._entries:  # type: ignore[attr-defined]
            return True
        parts = _WORD.findall(text)
        return bool(parts) and all(p in self._tokens for p in parts)  # type: ignore[attr-defined]
