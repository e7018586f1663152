"""``grammar.confusables``: positive and negative cases per rule."""

from __future__ import annotations

import pytest

from copydesk.checks import confusables
from copydesk.ingest.text import parse_text
from copydesk.knowledge import Knowledge
from copydesk.knowledge.store import KnowledgeBase

NO_KNOWLEDGE = Knowledge(kb=KnowledgeBase(":memory:"))


def found(analyser, text):
    return [(f.text, f.suggestion) for f in confusables.check(analyser.analyse(parse_text(text)), NO_KNOWLEDGE)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The mayor said its a disgrace that the pier is still shut.\n", ("its", "it's")),
        ("Officials admitted that its not clear who will pay.\n", ("its", "it's")),
        ("The council said its “premature to talk” about closing the pool.\n", ("its", "it's")),
        ("Its been a difficult year for the club, the chairman said.\n", ("Its", "It's")),
        ("The minister said its hard to see how the plan could work.\n", ("its", "it's")),
        ("Critics say it's own rules were broken by the board.\n", ("it's", "its")),
        ("Their is no money left for the new bridge, the treasurer said.\n", ("Their", "There")),
        ("The home side played better then the visitors in the second half.\n", ("then", "than")),
        ("Fans who plan to travel could loose their deposits, the club warned.\n", ("loose", "lose")),
        ("The ruling had little affect on ticket prices.\n", ("affect", "effect")),
    ],
)
def test_confusable_is_flagged(analyser, text, expected):
    assert found(analyser, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The council cut its budget and raised its fees.\n",
        "The firm improved the performance of its fast-food chains.\n",
        "The club has its own ground and its first team plays on Saturday.\n",
        "It's time to act, and it's clear the board agrees.\n",
        "Their plan is to finish the bridge first, and then open the road.\n",
        "More than 200 people came, more then expected by some.\n",
        "The rope was loose and the boat drifted.\n",
        "The ban will affect thousands of drivers and have an effect on prices.\n",
    ],
)
def test_correct_usage_is_silent(analyser, text):
    assert found(analyser, text) == []


def test_suggestion_uses_the_articles_apostrophe(analyser):
    text = "The mayor’s office said its a disgrace.\n"
    assert found(analyser, text) == [("its", "it’s")]
