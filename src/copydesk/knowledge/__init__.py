"""Knowledge used by analysis and checks: the spelling lexicon, and (see ``store``) the knowledge
base of people, organisations, places and acronyms."""

from __future__ import annotations

from functools import cached_property
from typing import Any


class Knowledge:
    """Everything checks may consult. Resources load lazily, on first use, and are then kept.

    Pass ready-made parts to override the defaults (tests use small in-memory ones)."""

    def __init__(self, *, lexicon: Any = None):
        if lexicon is not None:
            self.__dict__["lexicon"] = lexicon

    @cached_property
    def lexicon(self):
        from copydesk.knowledge.lexicon import Lexicon

        return Lexicon.default()

    def describe(self) -> list[dict[str, Any]]:
        """Name, origin and size of each knowledge source, for ``copydesk info``."""
        return self.lexicon.describe()
