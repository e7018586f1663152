"""numbers.part-whole: parts larger than their whole, shares past 100%."""

from __future__ import annotations

import pytest

from copydesk.checks.numbers_part_whole import check
from copydesk.model import Article, split_paragraphs

pytestmark = pytest.mark.model


@pytest.fixture
def findings(analyser):
    def run(text: str):
        analysed = analyser.analyse(Article(text=text, regions=split_paragraphs(text)))
        return [(f.text, f.severity.label) for f in check(analysed, None)]

    return run


def test_x_of_y_members_with_x_larger(findings):
    assert findings("The union said 1,310 of its 1,200 members backed the strike.") == [
        ("1,310 of its 1,200", "error")]


def test_x_out_of_y_with_x_larger(findings):
    assert findings("Fifteen out of 12 judges agreed with the ruling.") == [("Fifteen out of 12", "error")]


def test_x_of_y_within_the_whole_is_silent(findings):
    assert findings("The union said 1,100 of its 1,200 members backed the strike.") == []


def test_of_the_whole_first(findings):
    assert findings("Of the 40 passengers on board, 52 were taken to hospital.") == [
        ("40 passengers on board, 52", "error")]


def test_of_them_in_the_next_sentence_is_a_warning(findings):
    assert findings("The coach carried 40 passengers. Of them, 52 were injured.") == [("52", "warning")]


def test_of_them_within_the_whole_is_silent(findings):
    assert findings("Police recorded 14 attacks, 13 of them near the border.") == []


def test_shares_past_100_percent_are_a_warning(findings):
    assert findings("In the ballot, 40% voted yes, 45% voted no and 20% abstained.") == [
        ("40% voted yes, 45% voted no and 20%", "warning")]


def test_shares_within_100_percent_are_silent(findings):
    assert findings("In the ballot, 40% voted yes, 45% voted no and 15% abstained.") == []


def test_changes_are_not_shares(findings):
    assert findings("Sales rose 60% and profits 55% over the year.") == []


def test_shares_of_different_wholes_are_silent(findings):
    assert findings("About 60% of men and 70% of women said yes.") == []


def test_percentage_above_100_of_voters(findings):
    assert findings("The mayor took 110% of voters in the district.") == [("110% of voters", "error")]


def test_percentage_above_100_of_gdp_is_silent(findings):
    assert findings("Public debt reached 120% of GDP last year.") == []


def test_clean_report_is_silent(findings):
    text = ("Of the 300 delegates, 212 voted for the motion and 61 against. The rest abstained, "
            "organisers said. Turnout was 71%, up from 64% last year.")
    assert findings(text) == []
