"""Knowledge used by analysis and checks: the spelling lexicon and the knowledge base of people,
organisations, places and acronyms with roles over time (``copydesk.knowledge.store``)."""

from __future__ import annotations

import copy
from functools import cached_property
from pathlib import Path
from typing import Any

from copydesk.knowledge.house import HouseStyle


class Knowledge:
    """Everything checks may consult. Resources load lazily, on first use, and are then kept.

    Pass ready-made parts to override the defaults (tests use small in-memory ones); ``kb_path``
    names a knowledge base file (default: ``copydesk.knowledge.build.default_path()``, built from
    the shipped data on first use). ``house``: the newsroom's own words and style rules
    (``copydesk.knowledge.house.HouseStyle``, from a ``copydesk.toml``; default none)."""

    def __init__(
        self, *, lexicon: Any = None, kb: Any = None, kb_path: str | Path | None = None,
        house: HouseStyle | None = None,
    ):
        self._kb_path = kb_path
        self.house = house if house is not None else HouseStyle()
        if lexicon is not None:
            self.__dict__["lexicon"] = lexicon
        if kb is not None:
            self.__dict__["kb"] = kb

    @cached_property
    def lexicon(self):
        from copydesk.knowledge.lexicon import Lexicon

        return Lexicon.default()

    @cached_property
    def kb(self):
        from copydesk.knowledge.build import open_current

        return open_current(self._kb_path)

    def with_house(self, house: HouseStyle) -> Knowledge:
        """A copy that shares this one's loaded lexicon and knowledge base, with ``house``."""
        copied = copy.copy(self)
        copied.house = house
        return copied

    def version(self) -> str | None:
        """The knowledge base's version for reports (``KnowledgeBase.version``), or None when
        the knowledge base does not say (one assembled in memory)."""
        version = getattr(self.kb, "version", None)
        return version() if callable(version) else None

    def describe(self) -> list[dict[str, Any]]:
        """Name, origin and size of each knowledge source, for ``copydesk info``."""
        sources = list(self.lexicon.describe())
        stats = self.kb.stats()
        meta = self.kb.meta()
        sources.append(
            {
                "name": "knowledge base",
                "origin": f"{self.kb.path} (sources: {meta.get('sources', '?')}, built {meta.get('built', '?')},"
                f" version {self.version() or '?'})",
                "size": f"{stats['entity']} entities, {stats['alias']} aliases, "
                f"{stats['role']} roles, {stats['title']} titles, {stats['acronym']} acronyms",
            }
        )
        return sources
