"""Quantities (``copydesk.analyse.quantities``)."""

from __future__ import annotations

import pytest

from copydesk.analyse.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    "words, value",
    [(["190,000"], 190000), (["1.2", "million"], 1200000), (["two"], 2), (["twenty-five"], 25),
     (["£", "1.8bn"], 1800000000), (["2.5", "m"], 2500000), (["three", "hundred"], 300)],
)
def test_numbers_are_parsed(words, value):
    assert parse_number(words) == (value, False)


def test_vague_amounts_have_no_value():
    assert parse_number(["hundreds", "of", "millions"]) == (None, True)


def first_quantity(handmade, text, entities):
    analysed = handmade(text, entities=entities)
    find_quantities(analysed)
    return analysed.quantities[0]


def test_currency_sign_outside_the_entity_is_taken_in(handmade):
    quantity = first_quantity(handmade, "The deal is worth £ 50 in all.", {"50": "MONEY"})
    assert (quantity.text, quantity.value, quantity.unit) == ("£ 50", 50, "GBP")


def test_percent_unit(handmade):
    quantity = first_quantity(handmade, "Prices rose 4.3 percent last year.", {"4.3 percent": "PERCENT"})
    assert (quantity.value, quantity.unit) == (4.3, "%")


def test_approximation_marker_inside_the_entity(handmade):
    quantity = first_quantity(handmade, "There are about 200 staff.", {"about 200": "CARDINAL"})
    assert quantity.approximate


def test_approximation_marker_before_the_entity(handmade):
    quantity = first_quantity(handmade, "Police said an estimated 190,000 marched.",
                              {"190,000": "CARDINAL"})
    assert (quantity.value, quantity.approximate) == (190000, True)


def test_exact_count_is_not_approximate(handmade):
    quantity = first_quantity(handmade, "Police counted 190,000 marchers.", {"190,000": "CARDINAL"})
    assert not quantity.approximate


@pytest.mark.model
def test_counted_noun_is_the_unit(analyser):
    from copydesk.ingest.text import parse_text

    analysed = analyser.analyse(parse_text("Russia has massed about 190,000 troops near the border."))
    (quantity,) = analysed.quantities
    assert (quantity.value, quantity.unit, quantity.approximate) == (190000, "troops", True)


@pytest.mark.parametrize(
    "words", [["9" * 310], ["a"] + ["hundred"] * 400, ["1" + "0" * 400, "million"]]
)
def test_a_number_past_the_float_range_has_no_value(words):
    assert parse_number(words) == (None, False)
