"""Entities and within-article name clusters."""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle, NameCluster
from copydesk.model import Entity


def build_entities(analysed: AnalysedArticle) -> None:
    """Group mentions with the same text into entities (first version: exact text only)."""
    by_key: dict[tuple[str, str], Entity] = {}
    for mention in analysed.mentions:
        key = (mention.label, mention.text)
        entity = by_key.get(key)
        if entity is None:
            entity = Entity(id=f"e{len(by_key) + 1}", label=mention.label, name=mention.text)
            by_key[key] = entity
        mention.entity = entity.id
        entity.mentions.append(mention)
    analysed.entities = list(by_key.values())
    analysed.clusters = [
        NameCluster(e.id, e.label, e.name, list(e.mentions), {e.name: len(e.mentions)})
        for e in analysed.entities
    ]
