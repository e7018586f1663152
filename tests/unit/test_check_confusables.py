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
        "The squad trained harder, then rested for a week.\n",
        "The rope was loose and the boat drifted.\n",
        "The ban will affect thousands of drivers and have an effect on prices.\n",
        # the psychologist's noun: the feeling a person shows
        "The defendant showed little affect as the sentence was read, a psychiatrist said.\n",
    ],
)
def test_correct_usage_is_silent(analyser, text):
    assert found(analyser, text) == []


def test_suggestion_uses_the_articles_apostrophe(analyser):
    text = "The mayor’s office said its a disgrace.\n"
    assert found(analyser, text) == [("its", "it’s")]


@pytest.mark.parametrize(
    "text",
    [
        "The party defended its now infamous poster campaign.\n",
        "Experts said it was too early to judge the storm and its likely economic impact.\n",
        "As the repair firm points out in its teardown, the keyboard is new.\n",
        "Sales across its retail and mail order divisions rose 12%.\n",
        "The regime showed its most extreme and brutal face.\n",
        "Given its history and its low to moderate activity level, yoga suits older patients.\n",
        "The bank said its small to medium clients were leaving.\n",
        "The household met all its fixed/required expenses on housing.\n",
        "Its app, while now partly behind a subscription, remains one of the best.\n",
        "The provider had an audit to confirm its no-logs policy.\n",
        "The index closed at its all-time high on Friday.\n",
    ],
)
def test_possessive_its_before_a_modified_noun_is_silent(analyser, text):
    assert found(analyser, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Other costs rise too, so its probably only about 1% in real terms.\n",
        "The label says its very clear from the packaging where the cheese is made.\n",
        "The phone has a metal case, and its small, light, and looks like the old one.\n",
        "Officials said its unwise to wait for the vote.\n",
        "Police said its snowing in the north and the pass is closed.\n",
        "The spokesman admitted its trending on social media.\n",
        ("People are bad at working out when the industry they are in, whether its staying"
         " independent from the Roman Empire, or making whips is about to become unviable.\n"),
    ],
)
def test_its_before_a_predicate_is_flagged(analyser, text):
    assert [s for _, s in found(analyser, text)] == ["it's"]


def test_whose_for_who_is(analyser):
    assert found(analyser, "The driver, whose been banned twice, was fined.\n") == [("whose", "who's")]


def test_possessive_whose_is_silent(analyser):
    assert found(analyser, "The driver, whose licence was revoked, was fined.\n") == []


def test_your_for_you_are(analyser):
    assert found(analyser, "If your going to the match, take the train.\n") == [("your", "you're")]


def test_possessive_your_is_silent(analyser):
    assert found(analyser, "Take your ticket to the gate.\n") == []


def test_superlative_after_its_is_possessive(analyser):
    assert found(analyser, "The index fell to its lowest in 33 years on Monday, traders said.\n") == []
    assert found(analyser, "The team was doing its damndest to win the cup, the coach said.\n") == []


def test_its_best_to_after_a_speech_verb_is_it_is(analyser):
    assert found(analyser, "He said its best to wait for the inquiry to report.\n") == [("its", "it's")]


def test_noun_after_its_that_ends_the_phrase_is_possessive(analyser):
    assert found(analyser, "The bookmaker made the horse its favourite, at odds of two to one.\n") == []


def test_your_before_a_censored_word_is_silent(analyser):
    assert found(analyser, "He told the heckler to get your a** out of here, witnesses said.\n") == []
    assert found(analyser, "He said your a disgrace to the club, witnesses said.\n") == [("your", "you're")]


def test_an_initialism_in_capitals_is_not_the_word(analyser):
    # "ITS" (an intelligent tutoring system) after a determiner, or written in capitals again
    text = ("Building an ITS typically takes a year. ITS tools also grade essays. Cities that deploy"
            " ITS typically see fewer crashes.\n")
    assert found(analyser, text) == []


def test_a_word_shouted_in_capitals_or_a_headline_in_capitals_is_still_read(analyser):
    text = "The mayor said ITS a disgrace, and a post read: YOUR an idiot. He wrote that ITS a hoax.\n"
    assert [w for w, _ in found(analyser, text)] == ["ITS", "YOUR", "ITS"]
    assert [w for w, _ in found(analyser, "ITS A DISGRACE, SAYS THE MAYOR\n")] == ["ITS"]


@pytest.mark.parametrize("text", [
    "Its no-go for the launch, the agency said.\n",
    "The coach said its never-ending and tiring.\n",
])
def test_a_hyphenated_predicate_after_its_is_still_it_is(analyser, text):
    assert [w.lower() for w, _ in found(analyser, text)] == ["its"]


@pytest.mark.parametrize("text", [
    "The interface converts signals, while its A/D conversion keeps the output clean.",
    "The school said its A rating was deserved after the inspection.",
])
def test_a_capital_letter_after_its_is_no_article(desk, text):
    assert [f for f in desk.check_text(text).findings if f.check == "grammar.confusables"] == []


def test_a_capital_letter_after_a_sentence_initial_its_is_no_article(desk):
    text = "The bank was downgraded last year. Its A rating was restored on Monday."
    assert [f for f in desk.check_text(text).findings if f.check == "grammar.confusables"] == []
