"""``readings.reread_its``: "its" is tagged again only where ``grammar.confusables`` reads it."""

from __future__ import annotations

import pytest

from copydesk.checks import confusables
from copydesk.ingest.text import parse_text
from copydesk.knowledge import Knowledge
from copydesk.knowledge.store import KnowledgeBase

KNOWLEDGE = Knowledge(kb=KnowledgeBase(":memory:"))

TEXTS = [
    "The council said its “premature to talk” about closing the pool.\n",
    "The minister said its unwise to wait for the report.\n",
    "The mayor said its a disgrace that the pier is still shut.\n",
    "The company published its plans for the site on Monday.\n",
    "In its report, the committee criticised its own members.\n",
    "The club said its best to wait, and its lowest score was in 1998.\n",
    "The board said its small, light and cheap design would sell.\n",
]


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_skipped_readings_never_change_the_check(analyser, text):
    every = analyser.analyse(parse_text(text))  # no knowledge: every "its" is read again
    lean = analyser.analyse(parse_text(text), knowledge=KNOWLEDGE)
    assert set(lean.derived.its_readings) <= set(every.derived.its_readings)
    assert list(confusables.check(lean, KNOWLEDGE)) == list(confusables.check(every, KNOWLEDGE))


@pytest.mark.model
def test_a_possessive_before_a_noun_or_after_a_preposition_is_not_read_again(analyser):
    text = "In its report, the company published its plans.\n"
    assert analyser.analyse(parse_text(text), knowledge=KNOWLEDGE).derived.its_readings == {}
    read = analyser.analyse(parse_text("The minister said its unwise to wait.\n"), knowledge=KNOWLEDGE)
    assert list(read.derived.its_readings.values()) == ["JJ"]
