"""The ``style.*`` checks on hand-written sentences: positive and negative cases, exact spans,
suggestions with the written capitalisation, quotations, evidence naming the rule."""

from __future__ import annotations

import pytest

from copydesk.checks import (
    style_banned_term,
    style_numerals,
    style_preferred_form,
    style_serial_comma,
)
from copydesk.config import parse_config
from copydesk.ingest.text import parse_text
from copydesk.knowledge import Knowledge
from copydesk.knowledge.store import KnowledgeBase

pytestmark = pytest.mark.model


def run(analyser, module, config: str, text: str):
    house = parse_config(config, origin="house.toml").house
    knowledge = Knowledge(kb=KnowledgeBase(":memory:"), house=house)
    analysed = analyser.analyse(parse_text(text))
    findings = list(module.check(analysed, knowledge))
    for f in findings:
        assert analysed.text[f.start:f.end] == f.text
        assert f.severity.label == "info"
        assert f.evidence and f.evidence[0].kind == "house-style"
    return findings


def pairs(findings):
    return [(f.text, f.suggestion) for f in findings]


# ---------------------------------------------------------------- style.preferred-form


def test_preferred_form_keeps_the_written_capitalisation(analyser):
    text = ("Troops moved towards Kiev on Monday.\n\n"
            "Towards evening the KIEV office closed, and a kiev-based firm said so.\n")
    found = run(analyser, style_preferred_form, '[preferred]\nKiev = "Kyiv"\ntowards = "toward"\n',
                text)
    assert sorted(pairs(found)) == sorted([
        ("Kiev", "Kyiv"), ("KIEV", "KYIV"), ("kiev", "Kyiv"),
        ("towards", "toward"), ("Towards", "Toward"),
    ])
    [rule] = [f for f in found if f.text == "Kiev"]
    assert rule.evidence[0].detail == 'house.toml [preferred] "Kiev"'


def test_preferred_form_respects_word_boundaries(analyser):
    text = "The Kievan Rus and the percentage of Kyiv residents were discussed.\n"
    config = '[preferred]\nKiev = "Kyiv"\n[style]\npercent = "per cent"\n'
    assert run(analyser, style_preferred_form, config, text) == []


def test_an_abbreviation_is_matched_only_as_written(analyser):
    text = "The US envoy told us the talks would go on.\n"
    found = run(analyser, style_preferred_form, 'preset = "ap"\n', text)
    assert pairs(found) == [("US", "U.S.")]


def test_percent_rules(analyser):
    text = "Prices rose 12% last year and 3.5 percent this year, officials said.\n"
    found = run(analyser, style_preferred_form, '[style]\npercent = "per cent"\n', text)
    assert pairs(found) == [("12%", "12 per cent"), ("percent", "per cent")]
    found = run(analyser, style_preferred_form, '[style]\npercent = "%"\n', text)
    assert pairs(found) == [("3.5 percent", "3.5%")]
    # the AP preset: a figure with the sign; its "per cent" -> "percent" rule does not fire twice
    found = run(analyser, style_preferred_form, 'preset = "ap"\n', "Rents rose 4 per cent.\n")
    assert pairs(found) == [("4 per cent", "4%")]


def test_preferred_form_can_skip_quotations(analyser):
    text = "“We will never leave Kiev,” the mayor said in Kiev.\n"
    config = '[preferred]\nKiev = { use = "Kyiv", quotes = "skip" }\n'
    found = run(analyser, style_preferred_form, config, text)
    assert [f.start for f in found] == [text.rindex("Kiev")]
    assert len(run(analyser, style_preferred_form, '[preferred]\nKiev = "Kyiv"\n', text)) == 2


def test_no_house_style_no_findings(analyser):
    assert run(analyser, style_preferred_form, "", "Troops moved towards Kiev.\n") == []


# ---------------------------------------------------------------- style.banned-term


def test_banned_term_is_flagged_outside_quotations_only(analyser):
    text = ("Police said the man was an illegal immigrant.\n\n"
            "“He is an illegal immigrant and must go,” the councillor said.\n")
    config = '[banned]\n"illegal immigrant" = "undocumented migrant"\n'
    found = run(analyser, style_banned_term, config, text)
    assert pairs(found) == [("illegal immigrant", "undocumented migrant")]
    assert found[0].start == text.index("illegal immigrant")
    assert "house.toml [banned]" in found[0].evidence[0].detail
    checked = run(analyser, style_banned_term, config + '[style]\nquotes = "check"\n', text)
    assert len(checked) == 2


def test_banned_term_across_a_line_break_and_capitalised(analyser):
    text = "Illegal\nimmigrant is a term the paper avoids.\n"
    found = run(analyser, style_banned_term, '[banned]\n"illegal immigrant" = "undocumented migrant"\n',
                text)
    assert pairs(found) == [("Illegal\nimmigrant", "Undocumented migrant")]


def test_banned_term_without_wording_and_its_word_boundaries(analyser):
    text = "Critics slammed the plan. The slammer was a nickname.\n"
    found = run(analyser, style_banned_term, '[banned]\nslammed = ""\n', text)
    assert pairs(found) == [("slammed", None)]


# ---------------------------------------------------------------- style.serial-comma


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The board will discuss berths, pilots, and tugs.\n", [(", and", " and")]),
        ("She bought apples, pears, or plums at the market.\n", [(", or", " or")]),
    ],
)
def test_serial_comma_forbidden(analyser, text, expected):
    assert pairs(run(analyser, style_serial_comma, "[style]\nserial_comma = false\n", text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The union voted on Monday, and the company walked out of the talks.\n",
        "The board will discuss berths, pilots and tugs.\n",
        "Smith and Jones met in Paris.\n",
        "In March, Smith and Jones met.\n",
    ],
)
def test_serial_comma_forbidden_silent(analyser, text):
    assert run(analyser, style_serial_comma, "[style]\nserial_comma = false\n", text) == []


def test_serial_comma_required(analyser):
    text = "The board will discuss berths, pilots and tugs.\n"
    found = run(analyser, style_serial_comma, "[style]\nserial_comma = true\n", text)
    assert pairs(found) == [("pilots and", "pilots, and")]
    assert run(analyser, style_serial_comma, "[style]\nserial_comma = true\n",
               "In March, Smith and Jones met.\n") == []


# ---------------------------------------------------------------- style.numerals


def test_numerals_spell_out_under_ten_and_figures_from_ten(analyser):
    text = ("The council approved 4 new cranes on Monday.\n\n"
            "Workers had waited for eighteen months, the union said.\n")
    found = run(analyser, style_numerals, "[style]\nspell_out_below = 10\n", text)
    assert pairs(found) == [("4", "four"), ("eighteen", "18")]
    assert "house.toml [style] spell_out_below" in found[0].evidence[0].detail


@pytest.mark.parametrize(
    "text",
    [
        "The fare rose to $5 and then by 3% on 4 March.\n",
        "The meeting starts at 5pm in Room 4, and Article 5 applies.\n",
        "The boy, aged 7, scored 3-1 and ran 5 km.\n",
        "Eighteen dockers walked out, and 12 more followed.\n",
        "Prices rose by 2.5 per cent and 7 million people noticed.\n",
        "He took the tiebreak and the set 8-6. She won 7-5 6-4, and it was 3-3, then 4-4.\n",
        "Shares rose 8 pence. Radio 1 said a meeting is planned for 6 or 7 January.\n",
        "Seeds: New Zealand (1), Scotland (8). Childcare for all 3 to 14 year-olds.\n",
    ],
)
def test_numerals_silent_on_figures_that_stay_figures(analyser, text):
    assert run(analyser, style_numerals, "[style]\nspell_out_below = 10\n", text) == []


def test_a_figure_that_starts_a_sentence_is_spelt_with_a_capital(analyser):
    found = run(analyser, style_numerals, "[style]\nspell_out_below = 10\n",
                "The vote was close. 3 members abstained.\n")
    assert pairs(found) == [("3", "Three")]
