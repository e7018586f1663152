"""``quotes.unbalanced`` on hand-built paragraphs (no model needed)."""

from __future__ import annotations

import pytest

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks import quotes_unbalanced
from copydesk.knowledge import Knowledge
from copydesk.knowledge.store import KnowledgeBase
from copydesk.model import Article, Severity, split_paragraphs

NO_KNOWLEDGE = Knowledge(kb=KnowledgeBase(":memory:"))


def found(text):
    article = Article(text=text, regions=split_paragraphs(text))
    return list(quotes_unbalanced.check(AnalysedArticle(article=article), NO_KNOWLEDGE))


def test_unclosed_curly_quote_is_flagged_to_the_end_of_its_paragraph():
    text = "The port warned that “ships may be delayed for days.\n\nTalks resume on Monday."
    [finding] = found(text)
    assert finding.text == "“ships may be delayed for days."
    assert finding.suggestion == "close the quotation with ”"
    assert text[finding.start : finding.end] == finding.text


def test_quote_continued_in_the_next_paragraph_is_fine():
    text = "“We will not give in,” she said. “The offer is too low.\n\n“We will strike,” she added."
    assert found(text) == []


def test_paragraph_break_inside_a_quote_closed_without_reopening_is_fine():
    text = 'He said: "We have waited long enough.\n\nNow we act," the union leader said.'
    assert found(text) == []


def test_closing_mark_without_opening():
    text = "The mayor said the plan was dead” and left.\n\nNobody else spoke."
    [finding] = found(text)
    assert finding.text == "”" and "no opening mark" in finding.message


def test_straight_quotes_odd_count():
    text = 'The coach said "we played well and the result is fair.\n\nThe next match is on Sunday.'
    [finding] = found(text)
    assert finding.text.startswith('"we played well')


def test_apostrophes_are_not_single_quotes():
    text = "The club’s chairman said the players’ wages would rise. ‘It is fair,’ he said."
    assert found(text) == []


def test_unclosed_single_quote():
    text = "The sign said ‘no entry after dark and nobody argued.\n\nThe gate was locked."
    [finding] = found(text)
    assert finding.text.startswith("‘no entry")


def test_one_paragraph_quote_of_several_sentences_reopened_is_fine():
    text = '"We tried everything. "Nothing worked and we are tired," she said.'
    assert found(text) == []


def test_straight_mark_after_a_colon_without_a_space_opens():
    text = 'The statement read:"We will appeal against the ruling." The club declined to comment.'
    assert found(text) == []


def test_closing_straight_mark_after_a_space_closes_an_open_quotation():
    text = 'He said: "It was a blur and I regret it, " added the defender.'
    assert found(text) == []


def test_inch_marks_are_not_quotation_marks():
    text = 'The shop sells a 27" monitor for $199 and a 32" model for $299.'
    assert found(text) == []


def test_curled_inch_marks_are_not_quotation_marks():
    text = "The platform fits dual 24” monitors and gives almost 1.5” of travel."
    assert found(text) == []
    assert found("The set comes in 55” and 65” models, and in 24”, 27” and 32” sizes.") == []


def test_two_apostrophes_after_a_number_and_a_range_of_sizes_are_inch_marks():
    assert found("A sleeve for 11.6'' ~ 12.5'' laptops costs $12, and a 27” ~ 32” one $15.") == []


@pytest.mark.parametrize("text", [
    "The coach said the final score was 3-1'' and that he was proud of the squad.",
    "The club said ticket prices would stay at $40'' for the season.",
])
def test_two_apostrophes_after_a_score_or_a_price_close_a_quotation(text):
    assert [f.text for f in found(text)] == ["''"]


def test_a_closing_mark_with_the_space_on_the_wrong_side_closes_the_quotation():
    text = "He stars in “A Most Violent Year, ”out on Dec. 31 in limited release."
    [finding] = found(text)
    assert (finding.text, finding.suggestion, finding.severity.label) == (" ”", "” ", "info")
    assert text[finding.start : finding.end] == finding.text
    # with no quotation open, the same mark opens one the wrong way round (still noted at info)
    [finding] = found("The union said ”the offer is too low.”")
    assert finding.text == "”" and "opens here" in finding.message


@pytest.mark.parametrize("text", [
    'Casting the pilot. Project description: "A drama about a freak show run by Meg & Th...more',
    'Project description: "A drama about a freak show run by Meg & Th...more Get details on the pilot',
    "The review opens: “It is the best film of the year, and by a long way […]",
    "The review opens: “It is the best film of the year, and by a long way… Read more",
    # cut mid-phrase: a teaser or preview stops on a word no sentence ends with
    "The navy is watching developments and “exercising an",
    "The envoy said: “We want both sides to keep the status quo, and neither side taking any",
    "She called the plan “a threat to the",
])
def test_a_paragraph_the_page_cut_short_leaves_no_unclosed_quotation(text):
    assert found(text + "\n\nThe audition is on Monday.") == []
    assert [f.text[:4] for f in found('She said: "We will not give in.\n\nThe audition is on Monday.')] == ['"We ']


@pytest.mark.parametrize("text", [
    "“We lost tonight. ”We will come back stronger,” the captain said.",
    "He said “the so-called ”reform” is a sham and must go.”",
])
def test_a_turned_mark_that_a_later_closing_mark_answers_opens(text):
    assert [f.severity.label for f in found(text)] == ["info"]


def test_a_quotation_left_open_mid_phrase_is_still_closed_by_the_next_paragraph():
    # a line broken inside a sentence: the next paragraph goes on and closes the quotation
    assert found("The mayor called it “a matter for\n\nParliament and the courts,” and left.") == []
    # and a paragraph that closes nothing still does not make the cut quotation a finding
    assert found("The navy is “exercising an\n\nMost read: Taiwan on alert") == []


@pytest.mark.parametrize("text", [
    "Minister says “no deal",  # a headline stops without punctuation, on a word one can end with
    "The envoy said: “We want both sides to keep the status quo.",
])
def test_a_paragraph_that_stops_on_a_word_a_text_can_end_with_keeps_its_unclosed_quotation(text):
    [finding] = found(text + "\n\nThe audition is on Monday.")
    assert finding.text.startswith("“")


def test_a_cut_teaser_does_not_excuse_a_quotation_carried_into_it_or_a_speakers_more():
    text = ("The minister said the plan was “unworkable and unfair, before leaving the chamber.\n\n"
            "Other news: the council met on Friday to discuss parking... Read more")
    assert [f.text[:11] for f in found(text)] == ["“unworkable"]
    assert [f.text[:4] for f in found("She said: “We want jobs, and then we want... more.")] == ["“We "]


def test_a_mark_named_between_brackets_is_no_quotation():
    assert found('Write the version inside double quotes ("), as the standard asks.') == []
    assert found("The apostrophe (’) and the opening single mark (‘) are different.") == []


def test_an_apostrophe_turned_the_wrong_way_after_a_digit_is_no_quotation():
    assert found("Readers soon relied on user666‘s tests of the drinks.") == []
    assert [f.text[:5] for f in found("The sign said ‘closed for good.")] == ["‘clos"]


@pytest.mark.parametrize("text", [
    "The manager said his side were lucky to lose only 2-0”.",
    "The minister described turnout as around 40” and left the stage.",
    "The coach said: We lost 3” he said, and left the room.",
    "The driver said he had been paid £500”, and nothing more.",
])
def test_a_closing_mark_after_a_number_that_closes_a_quotation_is_no_inch(text):
    assert [f.text for f in found(text)] == ["”"]


def test_a_closing_mark_after_a_digit_still_closes_an_open_quotation():
    text = "“The tray is 17” wide, he said, “and it wobbles."
    assert [f.text[:4] for f in found(text)] == ["“and"]


def test_closing_mark_glued_after_an_ellipsis_opens_a_quotation_set_the_wrong_way():
    text = "They won’t say it, but they’ll be thinking…”Wow, what a mountain!”"
    [finding] = found(text)
    assert (finding.text, finding.suggestion, finding.severity.label) == ("”", "“", "warning")
    text = "“I thought…”Wow, she said."  # a quotation is open: the mark closes it
    assert found(text) == []


def test_nested_double_quotation_closed_in_turn_is_fine():
    text = 'She said: "When I arrived he was the "grand old man" of the chamber and kind to me."'
    assert found(text) == []


def test_nested_quotation_whose_outer_quote_never_closes_is_flagged():
    text = 'The advert said "you can use them to "get ahead in life"\n\nPrices start at $5.'
    [finding] = found(text)
    assert finding.text.startswith('"you can use them')


def test_two_single_marks_as_double_quotes_reopening_paragraphs_are_fine():
    text = "''We expect him back soon.\n\n''He has trained with the first team,'' the coach said."
    assert found(text) == []


def test_closing_curly_mark_used_to_open_is_an_info_note_not_a_warning():
    text = "The union said ”the offer is too low.”\n\nTalks resume on Monday."
    [finding] = found(text)
    assert finding.severity.name == "INFO" and finding.text == "”"


def test_paragraph_broken_mid_sentence_is_read_with_its_continuation():
    text = '"He wanted to look like a leader. I\n\nwas\n\nthe leader and I wanted a fight," he said.'
    assert found(text) == []


def test_misturned_apostrophes_are_not_opening_quotes():
    text = "Sales isn‘t what it was in the ‘90s, the owner said."
    assert found(text) == []


def test_a_second_opening_mid_sentence_flags_the_first_quotation():
    text = "“The plan is dead, she said “and we will not revive it.”\n\nNobody else spoke."
    findings = found(text)
    assert any(f.text.startswith("“The plan is dead") for f in findings)


def test_single_quote_closed_with_a_straight_mark_is_a_note_not_a_warning():
    text = "“She told me, ‘Don’t hit me, please,'” Nicklaus said on Sunday."
    [finding] = found(text)
    assert finding.severity.label == "info"
    assert finding.text == "‘Don’t hit me, please,'"
    assert finding.suggestion == "close it with ’"


def test_single_quote_never_closed_is_still_a_warning():
    [finding] = found("“She said ‘no way and left,” he said.")
    assert finding.severity.label == "warning" and finding.text.startswith("‘no way")


def test_feet_and_inches_are_not_quotation_marks():
    assert found("He is 6’2” tall and his brother is 5'11\" tall, the coach said.") == []


def test_markup_left_in_the_text_is_not_a_quotation():
    assert found('See <a href=”http://example.org/a”>the site</a> and <p class="x">more</p>.') == []


def test_elided_word_with_a_turned_apostrophe_is_not_a_quotation():
    assert found("Go get ‘em, he told the team before the final.") == []
    # at the end of a paragraph, and "till" for "until"
    assert found("The budget models got ‘em!\n\nFake it ‘till you make it, the coach said.") == []


def test_contraction_broken_by_a_space_is_not_a_quotation():
    assert found("The minister said it isn ‘t over and we ‘re ready for the vote.") == []


def test_a_page_of_unclosed_quotations_makes_findings_of_bounded_size():
    """45 KB of stray marks once made a 343 MB report: each unclosed quotation spanned the rest
    of its paragraph. A span now stops after MAX_SPAN_CHARS characters."""
    text = " ".join(f"“word{k % 7}" for k in range(6000))  # one paragraph, no mark ever closes
    findings = found(text)
    assert findings
    assert all(f.end - f.start <= quotes_unbalanced.MAX_SPAN_CHARS for f in findings)
    assert all(f.text == text[f.start : f.end] for f in findings)


def test_an_unclosed_quotation_in_text_without_paragraph_breaks_is_flagged_at_its_start():
    """Scraped text often comes as one block: the quotation's span stops within MAX_SPAN_CHARS,
    at a space, not at the end of the article."""
    text = ('The mayor said: "We will rebuild the bridge by the spring. ' + "Crews will work through the night. " * 40
            + "The council meets on Monday to approve the money.")
    [finding] = found(text)
    assert finding.start == text.index('"We will')
    assert finding.end - finding.start <= quotes_unbalanced.MAX_SPAN_CHARS
    assert text[finding.end] == " "
    assert finding.text == text[finding.start : finding.end]


def test_paragraph_with_characters_lost_in_decoding_is_not_judged():
    # U+FFFD stands where the decoder lost a byte: here the curly marks of the quotation
    text = "\ufffdWe are at a stalemate,\ufffd she said. He said \"no.\n\nThe talks resume \"soon."
    [finding] = found(text)
    assert finding.text == "\"soon."  # the damaged paragraph is skipped, the next one judged


def test_a_quotation_closed_after_a_damaged_paragraph_is_not_unopened():
    text = "He said: “We wouldn\ufffdt accept the offer.\n\nNow we act,” the union leader said."
    assert found(text) == []


def test_an_elision_in_a_taglish_paragraph_is_not_a_quotation():
    text = ("The actress said hindi ko naman alam kung paano, ‘yung mga kasabayan ko noon ay"
            " magaling talaga, and she laughed.")
    assert found(text) == []


def test_an_unclosed_quotation_of_a_whole_filipino_word_in_taglish_is_still_flagged():
    text = ("Sabi ng mayor sa mga tao, ‘hindi kami papayag sa ganitong plano, and the crowd"
            " cheered loudly for him.")
    assert [f.text[:6] for f in found(text)] == ["‘hindi"]


def test_an_unclosed_single_quotation_in_english_is_still_flagged():
    text = "The minister called it ‘young people first and said nothing more."
    assert [f.text[:6] for f in found(text)] == ["‘young"]


@pytest.mark.parametrize("text, quoted, used", [
    # the opening mark set again where the quotation ends (a keyboard or a CMS that types “ twice)
    ("The council calls the plan a “reset“. Few agreed.", "“reset“", "“"),
    ("Read our guide “Which bus pass is cheapest?“\n\nPrices rose in May.",
     "“Which bus pass is cheapest?“", "“"),
    ("It may sound a bit ‘fussy‘, but the method works.", "‘fussy‘", "‘"),
    # a single and a double mark paired
    ("Officials call it ‘a soft landing”, a phrase from the budget.", "‘a soft landing”", "”"),
    ("The minister spoke of “the quiet season’, a phrase from the report.", "“the quiet season’", "’"),
])
def test_a_quotation_closed_with_the_wrong_mark_is_one_finding_not_two(text, quoted, used):
    [finding] = found(text)
    assert finding.severity.label == "warning"
    assert finding.text == quoted
    assert f"closed with {'another opening mark ' if used in '“‘' else ''}{used}" in finding.message
    assert finding.suggestion == ("close it with ’" if quoted[0] == "‘" else "close it with ”")


def test_a_turned_opening_mark_where_nothing_is_open_still_opens():
    # no quotation is open, so the mark after a word opens one that never closes
    [finding] = found("The budget,“ said the report, will grow.")
    assert finding.severity.label == "warning"


def test_a_single_quotation_inside_an_unclosed_double_one_does_not_close_it():
    [finding] = found("“In fact, the ‘conscience’ argument is weak, he wrote.\n\nOthers disagreed.")
    assert finding.message.endswith("is never closed")


def test_the_apostrophe_of_a_plural_possessive_closes_no_quotation():
    [finding] = found("“The players’ union will strike on Monday.\n\nTalks resume next week.")
    assert finding.severity.label == "warning" and finding.message.endswith("is never closed")


def test_a_closing_mark_that_closes_the_double_quotation_is_not_taken_for_the_single_ones():
    [finding] = found("“She said ‘no way and left,” he said.")
    assert finding.severity.label == "warning" and finding.text.startswith("‘no way")


def test_paragraph_of_double_encoded_text_is_not_judged():
    # "â€”" is an em dash written as UTF-8 and read as cp1252: its last character is a ”
    text = "Sales rose sharplyâ€”by a third, the firm said.\n\nThe chief said \"we are done."
    [finding] = found(text)
    assert finding.text == "\"we are done."


@pytest.mark.parametrize("text", [
    "“He loved rock ’n’ roll all his life, his sister said.\n\nThe funeral is on Friday.",
    "“We were runnin’ late all season, the coach said.\n\nThe club was relegated.",
    "“Just keep believin’, the singer told them.\n\nThe tour ends in May.",
    "“Meet me at eight o’ clock by the pier, he wrote.\n\nShe never came.",
])
def test_an_apostrophe_does_not_close_a_double_quotation(text):
    [finding] = found(text)
    assert finding.severity.label == "warning" and finding.message.endswith("is never closed")


def test_a_single_quotation_around_a_double_one_keeps_its_own_closing_mark():
    # British nesting: the ’ closes the outer single quotation; the inner double one never closes
    [finding] = found("‘He called it “a disgrace’, she said.")
    assert finding.text.startswith("“a disgrace") and finding.message.endswith("is never closed")


def test_a_turned_apostrophe_of_a_plural_possessive_does_not_close_a_single_quotation():
    [finding] = found("He said it was ‘a disaster for the players‘ union and left.")
    assert finding.message.endswith("is never closed")


def test_a_title_starting_with_till_is_a_quotation():
    [finding] = found("The Beatles opened with ‘Till There Was You and closed with a new song.")
    assert finding.text.startswith("‘Till")


def test_a_welsh_circumflex_is_no_double_encoding():
    # "â’r" is Welsh ("with the"), not mojibake: the paragraph's marks are still counted
    [finding] = found("“Cymru â’r byd,” the minister said, “is our motto.")
    assert finding.text.startswith("“is our motto")


@pytest.mark.parametrize("text, quoted", [
    ("The chief said “we are done.’\n\nThe board met again on Friday.", "“we are done.’"),
    ("He called the product a “maker“", "“maker“"),
    ("“We will win it all again’, the captain said.", "“We will win it all again’"),
    ("Let ‘em play, he said. “We are ready’, the coach added.", "“We are ready’"),
])
def test_wrong_closing_marks_at_edges_and_after_elisions_are_one_finding(text, quoted):
    [finding] = found(text)
    assert finding.text == quoted and "is closed with" in finding.message


def test_a_latin_letter_double_encoded_into_a_curly_mark_is_not_judged():
    # "Ó" read twice is "Ã“": the “ is half of a letter, not a quotation mark
    assert found("Dara Ã“ Briain said the show would return in the spring.") == []


@pytest.mark.parametrize("text", [
    'A semicolon should be the separator (";"), the pipe ("|") the second one, the guide says.',
    'The characters "<", ">" and "&" are escaped in the output, the manual says.',
    'To append, call s.push_str(", world!") on the string, the tutorial says.',
    "The phone's screen is 6.2” in the full rectangle and 6.0” without the corners.",
    "Results from ‘The Dollars and Sense of a Resume.’Read the research on our site.",
])
def test_quoted_symbols_bracketed_marks_decimal_sizes_and_a_missing_space_are_balanced(text):
    assert found(text) == []


@pytest.mark.parametrize("text, quoted", [
    ("The minister said the cut was “a win for 6.2 million families and left.", "“a win"),
    ("The guide quoted (\"never give up and moved on to the next chapter.", "\"never"),
])
def test_quotations_around_those_forms_still_need_closing(text, quoted):
    [finding] = found(text)
    assert finding.text.startswith(quoted)


@pytest.mark.parametrize("text, quoted", [
    ('The judge said he had "betrayed the trust of ordinary people”.', '"betrayed the trust of ordinary people”'),
    ('She said “it was over" and left the room.', '“it was over"'),
])
def test_straight_and_curly_marks_mixed_in_one_quotation_is_a_note(text, quoted):
    from copydesk.model import Severity

    [finding] = found(text)
    assert finding.text == quoted and finding.severity == Severity.INFO and "mixed" in finding.message


@pytest.mark.parametrize("text", [
    'He said: "Locals call the estate "the jungle"." Police declined to comment.',
    '"Residents have nicknamed it "the Pit"," the councillor said.',
])
def test_a_nested_quotation_ending_before_a_stop_is_no_quoted_symbol(text):
    assert found(text) == []


def test_a_decimal_size_before_a_stop_is_an_inch_mark():
    assert found("The tray raises your keyboard by almost 1.5”. That can be awkward.") == []


def test_a_lone_decimal_before_a_closing_mark_closes_a_quotation():
    [finding] = found("Inflation will fall to 2.5” he said, adding that rates would stay on hold.")
    assert finding.text == "”"


def test_a_page_whose_marks_mostly_never_pair_keeps_three_warnings_and_notes_the_rest():
    # a price list whose ditto marks ("the same as above") were curled into closing marks
    rows = [f"Row {n}: {wood} shelf, ” finish, {price} dollars." for n, wood, price in
            (("two", "pine", 35), ("three", "ash", 38), ("four", "beech", 36), ("five", "elm", 41),
             ("six", "fir", 30))]
    text = "\n\n".join(["Row one: oak shelf, walnut finish, 40 dollars.", *rows,
                         "The range is called “Nordic Line” in the catalogue."])
    findings = found(text)
    assert len(findings) == 5
    assert [f.severity for f in findings] == [Severity.WARNING] * 3 + [Severity.INFO] * 2
    assert all("5 of the 6 paragraphs with quotation marks" in f.evidence[-1].detail for f in findings)


def test_three_slips_in_a_short_story_stay_warnings():
    text = ("Fire crews were called to Mill Road at 6am.\n\n"
            "Station manager Ann Cope said: “The family got out in time.\n\n"
            "Two people were treated for smoke inhalation. “We are grateful to the neighbours,” she added.\n\n"
            "Cope added: “Please check your smoke alarms.\n\n"
            "The cause is not yet known. A neighbour said: “It was terrifying.")
    findings = found(text)
    assert [f.severity for f in findings] == [Severity.WARNING] * 3


@pytest.mark.parametrize("paired, slips", [
    # a story in single quotation marks: nine pair, four are left open (paired single quotations
    # count among the paragraphs with marks)
    ("‘We will look at it again,’ a minister said.",
     ["A senior Conservative said: ‘She has boxed herself in on tax.",
      "One backbencher put it bluntly: ‘This cannot go on.",
      "An aide said: ‘The numbers do not add up.", "Labour said: ‘It is chaos."]),
    # five slips among many quotations that pair
    ("“We are ready,” the coach said after training.",
     ["Fans said “the referee was wrong.", "The captain added: “We go again.",
      "Her agent called it “a done deal.", "The chairman said: “Nothing changes.",
      "A steward said: “It was calm all day."]),
])
def test_more_than_three_slips_among_many_quotations_that_pair_stay_warnings(paired, slips):
    text = "\n\n".join([paired] * 9 + slips)
    findings = found(text)
    assert len(findings) == len(slips)
    assert all(f.severity == Severity.WARNING for f in findings)


def test_two_unclosed_quotations_are_warnings_even_when_no_other_quotation_pairs():
    text = "Fans said “the referee was wrong.\n\nThe captain added: “We go again.\n\nThe match ended 2-2."
    findings = found(text)
    assert [f.severity for f in findings] == [Severity.WARNING, Severity.WARNING]


def test_an_inch_mark_does_not_close_a_curly_quotation_carried_from_the_paragraph_before():
    text = ("The engineer said: “The pipe burst under the road.\n\n"
            "Crews replaced a 12\" cast-iron main overnight.")
    [finding] = found(text)
    assert finding.message == "the quotation opened with “ is never closed"
    # a straight mark after a number that goes on with the sentence still closes it (mixed marks)
    text = "The engineer said: “We need 12\" he said, and left."
    [finding] = found(text)
    assert "straight and curly marks mixed" in finding.message
