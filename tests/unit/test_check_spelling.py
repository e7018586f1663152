"""The spelling lexicon and the ``spelling`` check, on texts written for the tests."""

from __future__ import annotations

import pytest

from copydesk.checks import spelling
from copydesk.ingest.text import parse_text
from copydesk.knowledge import Knowledge
from copydesk.knowledge.records import EntityRecord
from copydesk.knowledge.store import KnowledgeBase


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    kb = KnowledgeBase(":memory:")
    kb.add_entities([EntityRecord("oksana-hrytsenko", "person", "Oksana Hrytsenko")])
    kb.finish()
    return Knowledge(kb=kb)


def run(analyser, knowledge, text):
    return list(spelling.check(analyser.analyse(parse_text(text)), knowledge))


def test_lexicon_knows_american_and_british_english(knowledge):
    lexicon = knowledge.lexicon
    assert lexicon.known("colour") and lexicon.known("color")
    assert lexicon.known("organisations") and lexicon.known("programmes")
    assert not lexicon.known("govenrment")


def test_lexicon_suggests_the_nearest_common_word(knowledge):
    [first, *_] = knowledge.lexicon.suggest("govenrment")
    assert first.word == "government" and first.distance == 1


def test_one_edit_typo_in_a_common_word_is_an_error_with_a_suggestion(analyser, knowledge):
    [finding] = run(analyser, knowledge, "The harbour board said the new levy would start tomorow.\n")
    assert (finding.text, finding.suggestion) == ("tomorow", "tomorrow")
    assert finding.severity.label == "error"
    assert any("nearest known words" in e.detail for e in finding.evidence)


def test_a_short_word_one_edit_from_a_common_word_is_at_most_a_warning(analyser, knowledge):
    # short words lie close together: "mnoth" is a slip, but "tty" or "goodr" would look the same
    [finding] = run(analyser, knowledge, "The harbour board said the new levy would start next mnoth.\n")
    assert (finding.text, finding.suggestion, finding.severity.label) == ("mnoth", "month", "warning")


def test_two_edit_typo_is_a_warning_and_frequency_beats_distance(analyser, knowledge):
    [finding] = run(analyser, knowledge, "The harbour board said the new tarrif would start in May.\n")
    assert (finding.text, finding.suggestion) == ("tarrif", "tariff")
    assert finding.severity.label == "warning"


def test_typo_that_the_parser_calls_a_proper_noun_is_still_found(analyser, knowledge):
    [finding] = run(analyser, knowledge, "Officials said the counrty would hold new elections.\n")
    assert finding.suggestion == "country"


def test_words_in_another_script_are_not_judged(analyser, knowledge):
    text = ("The protest sign read «Свобода слова» and a banner said «آزادی بیان», while "
            "another quoted Ελευθερία in Greek. The counrty voted.\n")
    assert [f.text for f in run(analyser, knowledge, text)] == ["counrty"]


def test_foreign_and_known_names_are_silent(analyser, knowledge):
    text = (
        "Deputy mayor Oksana Hrytsenko met Kestutis Zaleckas and Wojciech Brzeczyszczykiewicz "
        "in Lviv and Zaporizhzhia on Monday. Hrytsenko said the talks in Dnipro went well.\n"
    )
    assert run(analyser, knowledge, text) == []


def test_urls_handles_and_compounds_are_silent(analyser, knowledge):
    text = "Details are at portwatch.example.org and on @portwatchuk, the fansite said.\n"
    assert run(analyser, knowledge, text) == []


def test_words_lengthened_for_emphasis_are_silent_but_a_tripled_letter_is_a_slip(analyser, knowledge):
    text = "The crowd sang purple rain, woooo, and it was allllll worth it, sooo loud.\n"
    assert run(analyser, knowledge, text) == []
    found = run(analyser, knowledge, "Both generals were killled before the committeee could agreee.\n")
    assert [(f.text, f.suggestion) for f in found] == [
        ("killled", "killed"), ("committeee", "committee"), ("agreee", "agree")]


def test_a_short_abbreviation_before_a_full_stop_that_ends_no_sentence_is_silent(analyser, knowledge):
    text = "Per serving: cal. (kcal) 421, chol. (mg) 259, carb. (g) 36.\n"
    assert run(analyser, knowledge, text) == []
    found = run(analyser, knowledge, "The council met on Tuesday and voted to cut the buget. The mayor left.\n")
    assert [f.text for f in found] == ["buget"]
    for typo, after in (("wiht", " (Reuters)"), ("adn", " (AP)"), ("agian", " 2024 had been worse."),
                        ("raod", " iPhone users complained.")):
        found = run(analyser, knowledge, f"Crews worked through the night to rebuild the {typo}.{after}\n")
        assert [f.text for f in found] == [typo]


def test_words_censored_with_asterisks_are_silent(analyser, knowledge):
    text = ("The rapper told the crowd that the motherf***** who wrote the review was an a** "
            "and a s**thead, and the crowd cheered.\n")
    assert run(analyser, knowledge, text) == []
    # the same sentence with a real slip beside the censored words still has its finding
    slipped = text.replace("crowd cheered", "crowd cheerd")
    assert [f.text for f in run(analyser, knowledge, slipped)] == ["cheerd"]


def test_sentence_in_another_language_is_left_alone(analyser, knowledge):
    text = "The banner read: nie ma chleba bez pracy, dziekujemy bardzo.\n"
    assert run(analyser, knowledge, text) == []


def test_sentence_initial_typo_keeps_its_capital(analyser, knowledge):
    [finding] = run(analyser, knowledge, "Goverment sources denied the report on Tuesday.\n")
    assert finding.suggestion == "Government"


def test_camel_case_brand_names_are_silent(analyser, knowledge):
    text = "Shoppers used eDonkey and the new watchOS update before buying an iPhone.\n"
    assert run(analyser, knowledge, text) == []


def test_prefixed_and_compound_words_are_silent(analyser, knowledge):
    text = "The reinsurers said the claims were unevidenced, and the groundrules were unchanged.\n"
    assert run(analyser, knowledge, text) == []


def test_common_misspelling_that_looks_like_a_formation_is_still_found(analyser, knowledge):
    [finding] = run(analyser, knowledge, "The crash occured on the bypass late on Friday.\n")
    assert finding.suggestion == "occurred"


def test_word_in_quotation_marks_of_its_own_is_a_mention(analyser, knowledge):
    text = "The minister coined the word “glitteracy” to describe the new elite.\n"
    assert run(analyser, knowledge, text) == []


def test_foreign_phrase_is_at_most_an_info_note(analyser, knowledge):
    findings = run(analyser, knowledge, "The chef has a certain joie de vivre in the kitchen.\n")
    assert all(f.severity.label == "info" for f in findings)


def test_two_words_run_together_are_split(analyser, knowledge):
    [finding] = run(analyser, knowledge, "He scored in thefirst minute of the match.\n")
    assert finding.suggestion == "the first"


def test_word_broken_by_a_line_break_hyphen_is_one_finding(analyser, knowledge):
    text = "The author said he had delib- erately left the chapter unfinished last year.\n"
    [finding] = run(analyser, knowledge, text)
    assert finding.text == "delib- erately" and finding.suggestion == "deliberately"
    assert text[finding.start : finding.end] == finding.text


def test_a_real_hyphenated_pair_is_not_joined(analyser, knowledge):
    assert run(analyser, knowledge, "It was a two- or three-day trip for most of the staff.\n") == []


def test_an_edit_at_the_first_letter_is_not_an_error(analyser, knowledge):
    [finding] = run(analyser, knowledge, "He said he pled guilty on the eve of the trial in March.\n")
    assert finding.text == "pled" and finding.severity.label == "warning"


def test_a_typo_inside_the_word_is_an_error(analyser, knowledge):
    [finding] = run(analyser, knowledge, "The goverment said it would appeal against the ruling.\n")
    assert finding.severity.label == "error" and finding.suggestion == "government"


# --- slips that look like formations, names or mentions; suggestions in context ------------


@pytest.mark.parametrize(
    ("typed", "meant", "cheaper_than"),
    [
        ("recieve", "receive", "relieve"),  # two letters swapped
        ("untill", "until", "units"),  # a letter doubled
        ("occured", "occurred", "occupied"),  # a doubled letter written once
        ("wirte", "write", "with"),
    ],
)
def test_typing_cost_prices_likely_slips_below_other_edits(typed, meant, cheaper_than):
    from copydesk.knowledge.lexicon import typing_cost

    assert typing_cost(typed, meant) < 1.0 <= typing_cost(typed, cheaper_than)
    assert typing_cost(meant, meant) == 0


def test_a_formation_needs_a_base_the_suffix_attaches_to(knowledge):
    lexicon = knowledge.lexicon
    assert lexicon.formation("reinsurers") == "re + insurers"
    assert lexicon.formation("crudes") == "crude + s"
    assert lexicon.formation("reachs") is None  # "reach" takes "-es"
    assert lexicon.formation("acrosss") is None  # "-s" needs a noun or a verb
    assert lexicon.formation("offest") is None  # "est" is a suffix, not a word of a compound


def test_suggestions_follow_the_words_around(knowledge):
    lexicon = knowledge.lexicon
    assert lexicon.in_context("wirte", "to", "a")[0].word == "write"
    assert lexicon.in_context("anmed", "was", "after")[0].word == "named"
    assert lexicon.in_context("reachs", "it", "the")[0].word == "reaches"


def test_suggestion_prefers_a_word_the_article_writes_elsewhere(analyser, knowledge):
    text = (
        "The ferry operator said its new timetable would start in May. Under the new "
        "timetabel, crossings leave every two hours.\n"
    )
    [finding] = run(analyser, knowledge, text)
    assert finding.suggestion == "timetable"


@pytest.mark.parametrize(
    ("text", "typo", "meant"),
    [
        ("The council met on Monday. Howewer, the vote was put off until March.\n", "Howewer", "However"),
        ("Inintially, the council wanted a new bridge over the river.\n", "Inintially", "Initially"),
        ("The ferry runs acrosss the bay twice a day.\n", "acrosss", "across"),
        ("Officials said comaprisons with last year were unfair.\n", "comaprisons", "comparisons"),
        ("The council called it a “disgrase” and voted to scrap it.\n", "disgrase", "disgrace"),
    ],
)
def test_slips_hidden_as_names_formations_or_mentions_are_found(analyser, knowledge, text, typo, meant):
    [finding] = run(analyser, knowledge, text)
    assert (finding.text, finding.suggestion) == (typo, meant)


def test_a_name_starting_its_sentence_is_still_silent(analyser, knowledge):
    text = (
        "Ouattara arrived in the capital on Monday. Mbappe Lottin scored twice. "
        "Kowalczyk, a lawyer, said the ruling was fair.\n"
    )
    assert run(analyser, knowledge, text) == []


def test_a_prefix_on_a_word_in_use_is_a_slip_only_of_a_commoner_word(analyser, knowledge):
    text = "Activists want to defund the agency, and the council is defunding two others.\n"
    assert run(analyser, knowledge, text) == []
    [finding] = run(analyser, knowledge, "The road stays shut untill March.\n")
    assert finding.suggestion == "until"


def test_an_article_in_another_language_is_not_judged(analyser, knowledge):
    text = ("La comisión europea presentó ayer un plan para reducir las emisiones de los coches "
            "nuevos, que deberán cumplir límites más estrictos desde el próximo año. Los fabricantes "
            "consideran que el calendario es demasiado ambicioso y piden más tiempo.\n")
    assert run(analyser, knowledge, text) == []


def test_an_article_in_another_language_asks_for_no_suggestions(analyser, knowledge, monkeypatch):
    # the suggestions are the cost (Hunspell's, about 25 ms a word): a page in another language is
    # recognised before any is asked for
    asked = []
    monkeypatch.setattr(knowledge.lexicon, "in_context", lambda *a, **k: asked.append(a) or ())
    text = ("La comisión europea presentó ayer un plan para reducir las emisiones de los coches "
            "nuevos, que deberán cumplir límites más estrictos desde el próximo año. Los fabricantes "
            "consideran que el calendario es demasiado ambicioso y piden más tiempo.\n")
    assert run(analyser, knowledge, text) == [] and asked == []


def test_a_slip_in_one_half_of_a_hyphenated_compound_is_found(analyser, knowledge):
    text = "Two ex-manegers of the club backed the cross-border deal, and TV-enabeld phones sold well.\n"
    found = {(f.text, f.suggestion) for f in run(analyser, knowledge, text)}
    assert found == {("manegers", "managers"), ("enabeld", "enabled")}


def test_the_last_part_of_a_compound_inflected_as_a_whole_is_no_slip(analyser, knowledge):
    # the plural, agent noun or participle of a compound ends its last part: "take-away" + s,
    # "off-road" + er + s, "off-road" + ing; a slip in such a part is still found
    text = ("The food hall sells take-aways and plans dine-arounds, and the off-roaders went"
            " off-roading. Avoid over-usuing one colour.\n")
    assert [(f.text, f.suggestion) for f in run(analyser, knowledge, text)] == [("usuing", "using")]


def test_a_compound_inflected_against_english_spelling_is_still_judged(analyser, knowledge):
    # a final e kept before -ing, w doubled, -s on a plural: slips, not inflections of the compound
    text = ("The decision-makeing body backed fast-growwing firms despite high-ratess. The"
            " cost-cuting plan hit every bread-winer.\n")
    found = {f.text for f in run(analyser, knowledge, text)}
    assert {"makeing", "growwing", "ratess", "cuting", "winer"} <= found


def test_halves_of_compounds_that_are_no_slips_are_not_judged(analyser, knowledge):
    # combining forms, a word said twice, a chain of words (a web address cut short) and a short
    # half are left alone
    text = ("Critics tut-tutted and tsk-tsked as the petro-state's psy-ops unit, an anger-in-here-is-palpa "
            "link and the e-mail row went on.\n")
    assert run(analyser, knowledge, text) == []


def test_word_cut_by_a_character_lost_in_decoding_is_not_judged(analyser, knowledge):
    # "wouldn’t" decoded with its apostrophe lost: "wouldn" is a cut word, not a slip
    text = "The chief of staff said the nomination wouldn\ufffdt slow the counrty down.\n"
    assert [f.text for f in run(analyser, knowledge, text)] == ["counrty"]


def test_filipino_words_in_a_taglish_quotation_are_not_errors(analyser, knowledge):
    text = ("“Noon pa man, hindi ko naman alam kung paano ako magsisimula,” the singer told the"
            " crowd in Manila. The counrty voted.\n")
    findings = run(analyser, knowledge, text)
    assert [f.text for f in findings if f.severity.label in ("warning", "error")] == ["counrty"]


def test_a_slip_that_is_also_a_filipino_word_is_still_an_error_in_english(analyser, knowledge):
    # "puting" is common Filipino, but alone in an English sentence it is "putting" mistyped
    [finding] = run(analyser, knowledge, "The minister is puting the plan to a vote on Monday.\n")
    assert (finding.text, finding.suggestion, finding.severity.label) == ("puting", "putting", "error")


@pytest.mark.parametrize("text, word", [
    ("The new cricket pavillion will open in the spring.\n", "pavillion"),
    ("The millenium celebrations cost the city dearly.\n", "millenium"),
    ("Officers said the unforseen delay cost millions.\n", "unforseen"),
])
def test_misspellings_of_rarer_words_stay_errors(analyser, knowledge, text, word):
    [finding] = run(analyser, knowledge, text)
    assert (finding.text, finding.severity.label) == (word, "error")


def test_a_word_english_writes_often_is_no_error_beside_a_similar_word(analyser, knowledge):
    findings = run(analyser, knowledge, "The app handles the frontend and the backend for you.\n")
    assert all(f.severity.label != "error" for f in findings)


def test_a_word_with_a_letter_outside_english_is_noted_not_an_error(analyser, knowledge):
    # æ or a dotted consonant is typed on purpose: an older or transliterated spelling
    text = ("The 1785 treatise warned of a hæmorrhage after coffee, and the Sanskrit kṣa is one sign. "
            "The levy starts tomorow.\n")
    found = {f.text: f.severity.label for f in run(analyser, knowledge, text)}
    assert found == {"hæmorrhage": "info", "kṣa": "info", "tomorow": "error"}


def test_the_lexicon_names_the_base_a_compound_part_inflects(knowledge):
    lexicon = knowledge.lexicon
    assert lexicon.compound_inflection("aways") == "away"
    assert lexicon.compound_inflection("roading") == "road"
    assert lexicon.compound_inflection("hiking") == "hike"
    assert lexicon.compound_inflection("shopping") == "shop"
    assert [lexicon.compound_inflection(w) for w in ("makeing", "growwing", "ratess", "cuting")] == [None] * 4


def test_a_name_signing_in_its_writer_is_not_a_slip(analyser, knowledge):
    # "Skander here.": a newsletter's writer signs in; "Skander" is one edit from "slander"
    text = "Hey there!\n\nSkander here.\n\nBuilding climate companies is hard. Selling their products is harder.\n"
    assert [f.text for f in run(analyser, knowledge, text)] == []
    # a slip at a sentence's start before "here" and a verb is still a slip
    text = "Evrything here is for sale, the shop said.\n"
    assert [f.text for f in run(analyser, knowledge, text)] == ["Evrything"]
