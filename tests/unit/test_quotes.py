"""Quote extraction and speakers on news-like texts written for these tests."""

from __future__ import annotations

import pytest

from copydesk.analyse.quotemarks import find_quote_spans
from copydesk.analyse.quotes import extract_quotes, is_short, is_title
from copydesk.model import Article, split_paragraphs


def spans_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text, split_paragraphs(text))]


# -- quotation marks (no model) ------------------------------------------------------------------


def test_curly_double_quote_content_excludes_marks():
    assert spans_of("“We will rebuild,” the mayor said.") == ["We will rebuild,"]


def test_straight_double_quote():
    assert spans_of('"The bridge is safe," she said.') == ["The bridge is safe,"]


def test_apostrophe_is_not_a_single_quote():
    text = "Norway’s minister said the country’s ports were open and the workers’ union agreed."
    assert spans_of(text) == []


def test_single_curly_quote_with_apostrophe_inside():
    assert spans_of("He called it ‘Norway’s finest hour’ in a speech.") == ["Norway’s finest hour"]


def test_nested_single_quote_stays_inside_double():
    text = "“They told us ‘wait’ and we waited,” he said."
    assert spans_of(text) == ["They told us ‘wait’ and we waited,"]


def test_unclosed_quote_runs_to_paragraph_end():
    text = "The agency warned that “flights may be cancelled at short notice.\n\nOther news followed."
    spans = find_quote_spans(text, split_paragraphs(text))
    assert [(text[s.start : s.end], s.closed) for s in spans] == [
        ("flights may be cancelled at short notice.", False)
    ]


def test_quote_continued_into_next_paragraph_is_one_closed_quote():
    text = "“We lost the harvest,” she said. “Then the river rose.\n\n“Nobody came to help.”"
    spans = find_quote_spans(text, split_paragraphs(text))
    assert len(spans) == 2
    assert spans[1].closed and text[spans[1].start : spans[1].end].endswith("Nobody came to help.")


def test_html_attribute_value_is_not_a_quote():
    assert spans_of('<blockquote data-id="778257943577919488">x</blockquote>') == []


def test_short_and_title_helpers():
    assert is_short("premature") and not is_short("It is over.")
    assert is_title("Face the Nation") and not is_title("we are ready to talk")


# -- speakers (with the model) -------------------------------------------------------------------


@pytest.fixture
def quotes_of(analyser):
    def run(text: str):
        article = Article(text=text, regions=split_paragraphs(text))
        return extract_quotes(analyser.analyse(article))

    return run


def direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


def test_said_after_quote_gives_named_speaker(quotes_of):
    text = "“The port will reopen on Monday,” Harbour Master Anna Lindqvist told reporters."
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Anna Lindqvist"
    assert quote.cue[2] == "told"


def test_offsets_index_the_text(quotes_of):
    text = "“The port will reopen on Monday,” Anna Lindqvist said. Trade resumed, officials said."
    for quote in quotes_of(text):
        assert text[quote.start : quote.end] == quote.text


def test_pronoun_resolves_to_previous_speaker(quotes_of):
    text = (
        "Finance Minister Tomas Berg met union leaders on Tuesday.\n\n"
        "“We cannot raise wages this year,” he said."
    )
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Tomas Berg"
    assert text[quote.speaker.start : quote.speaker.end] == "he"


def test_second_quote_in_paragraph_takes_first_speaker(quotes_of):
    text = "“The dam held,” engineer Maria Costa said. “We checked it twice overnight.”"
    quotes = direct(quotes_of(text))
    assert [q.speaker.name for q in quotes] == ["Maria Costa", "Maria Costa"]


def test_paragraph_of_quote_continues_previous_speaker(quotes_of):
    text = (
        "Mayor Jonas Weber said the flood barriers had worked as planned.\n\n"
        "“Not a single house was lost in the old town.”"
    )
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Jonas Weber"


def test_title_resolves_to_named_person(quotes_of):
    text = (
        "Interior Ministry spokesman Ivan Sorokin spoke on Monday.\n\n"
        "“No meeting is planned,” the spokesman said."
    )
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Ivan Sorokin"


def test_indefinite_spokesman_for_resolves_to_named_spokesman(quotes_of):
    text = (
        "A spokesman for President Karl Novak announced that talks were “premature to discuss”.\n\n"
        "“Talks are premature,” presidential spokesman Pavel Dvorak told reporters."
    )
    quotes = direct(quotes_of(text))
    assert quotes[0].speaker.name == "Pavel Dvorak"


def test_statement_adding_that_gives_subject(quotes_of):
    text = (
        "Spokeswoman Lena Fischer released a statement on Sunday, adding that, "
        "“We are ready for talks at any time.”"
    )
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Lena Fischer"


def test_unnamed_official_keeps_description(quotes_of):
    text = "One European official warned the council that the ceasefire was “close to collapse.”"
    (quote,) = direct(quotes_of(text))
    assert quote.speaker is not None and "official" in quote.speaker.name
    assert quote.speaker.entity is None


def test_unclosed_quote_keeps_its_speaker(quotes_of):
    text = "The ministry is warning that “there is a strong risk of further storms this week."
    (quote,) = direct(quotes_of(text))
    assert quote.closed is False
    assert quote.speaker is not None and "ministry" in quote.speaker.name.lower()


def test_scare_quote_is_not_a_quote(quotes_of):
    text = "The so-called “reform” package passed the lower house on Thursday."
    assert direct(quotes_of(text)) == []


def test_title_of_show_is_not_a_quote(quotes_of):
    text = "The senator said on “Face the Nation” that she would vote against the bill."
    assert direct(quotes_of(text)) == []


def test_indirect_said_that(quotes_of):
    text = "Interior Minister Sofia Ruiz said that the border would stay closed until March."
    (quote,) = quotes_of(text)
    assert quote.kind == "indirect"
    assert quote.text == "the border would stay closed until March"
    assert quote.speaker.name == "Sofia Ruiz"


def test_indirect_said_at_end(quotes_of):
    text = "The border will stay closed until March, Interior Minister Sofia Ruiz said."
    (quote,) = quotes_of(text)
    assert quote.kind == "indirect" and quote.speaker.name == "Sofia Ruiz"
    assert quote.text.startswith("The border will stay closed")


def test_according_to(quotes_of):
    text = "According to the health ministry, 40 patients were treated overnight."
    (quote,) = quotes_of(text)
    assert quote.kind == "indirect" and quote.cue[2] == "According to"
    assert "ministry" in (quote.speaker.name or "").lower()
    assert quote.text.startswith("40 patients")


def test_mixed_quote(quotes_of):
    text = "Ruiz said the closure was “a painful but necessary step” for the region."
    kinds = sorted(q.kind for q in quotes_of(text))
    assert kinds == ["direct", "mixed"]


def test_plain_sentence_has_no_quote(quotes_of):
    assert quotes_of("The river rose two metres overnight and flooded the main square.") == []


def test_said_without_clause_is_not_indirect(quotes_of):
    assert quotes_of("Nothing more was said at the meeting on Monday.") == []


def test_quote_after_reported_speech_takes_its_speaker(quotes_of):
    text = "Curator Lena Holm said the queue had gone down by noon. “They knew exactly what to look for.”"
    quotes = direct(quotes_of(text))
    assert [q.speaker.name for q in quotes] == ["Lena Holm"]


def test_name_right_before_cue_when_parse_has_no_subject(quotes_of):
    text = (
        "When asked about compensation from the supplier, the carmaker's chief executive "
        'Helmut Brandt said: "we will first solve the problem before talking about who will pay".'
    )
    (quote,) = direct(quotes_of(text))
    assert quote.speaker is not None and quote.speaker.name.endswith("Brandt")


def test_inverted_said_name(quotes_of):
    text = "“There is no favourite this year,” declared national coach Eddie Marsh on arrival in Sydney."
    (quote,) = direct(quotes_of(text))
    assert quote.speaker is not None and quote.speaker.name.endswith("Marsh")


# -- attribution set out by layout or by an unlisted verb ----------------------------------------


def test_attribution_after_a_comma_quote_takes_any_verb(quotes_of):
    text = "“It is a disgrace to the chamber,” Senator Pat Toomey fumed after the vote. “We will be back.”"
    first, second = direct(quotes_of(text))
    assert first.speaker.name == "Pat Toomey"
    assert second.speaker.name == "Pat Toomey"  # the next quote in the paragraph


def test_inverted_attribution_after_a_question(quotes_of):
    text = "Talks went on late.\n\n“Is that the best we can do?” asked Sen. Barbara Mikulski of Maryland."
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Barbara Mikulski"


def test_manner_of_speaking_verb_before_its_subject(quotes_of):
    text = "The crowd cheered.\n\n“This is fantastic!” beamed Donald Hartley of Madison, who had queued for hours."
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Donald Hartley"


def test_quote_after_a_colon_is_given_by_the_clause_subject(quotes_of):
    text = ("The rally ran late.\n\n"
            "Governor Maria Lopez gestured to the crowd, then leaned in and boomed: “we will beat them in the autumn.”")
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Maria Lopez"


def test_a_run_of_quoted_paragraphs_keeps_its_speaker(quotes_of):
    text = ("The mayor, Ana Silva, spoke at length.\n\n"
            "“We have cut the queues at every clinic in the valley,” Silva said.\n\n"
            "“We have hired forty nurses since the spring and more will follow.”\n\n"
            "“Nobody will wait more than a week for an appointment by next year.”")
    quotes = direct(quotes_of(text))
    assert [q.speaker.name for q in quotes] == ["Ana Silva"] * 3


def test_signature_on_the_next_line(quotes_of):
    text = ("What they said\n\n"
            "“We will raise the minimum wage for every worker in the country next year.”\n\n"
            "- Bernie Sanders.\n\nThe senator spoke in Iowa.")
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Bernie Sanders"


def test_any_short_signature_after_a_dash_signs_the_quote(quotes_of):
    text = ("The new timetable\n\n"
            "“The new timetable has cut my commute by twenty minutes every single day.”\n\n"
            "— railfan_88 on a local forum\n\n"
            "“The shop was friendly and the delivery came a day early, which was a surprise.”\n"
            "– Jo** Al***\n\nThe survey closes on Friday.")
    quotes = direct(quotes_of(text))
    assert [q.speaker.name for q in quotes] == ["railfan_88 on a local forum", "Jo** Al***"]


def test_words_after_a_dash_that_go_on_with_the_sentence_sign_nothing(quotes_of):
    text = ("Match report\n\n"
            "“We won the game and we deserved it,” – and then the team went home early.\n\n"
            "The coach left early.")
    (quote,) = direct(quotes_of(text))
    assert quote.speaker is None


@pytest.mark.parametrize("after", [
    "– Fees will rise in May\n– Parking will cost more",
    "— This article was amended on 3 May",
    "– What about the budget?",
    "— What happens next",
])
def test_a_dash_led_line_that_says_something_signs_nothing(quotes_of, after):
    text = ("The council met on Monday.\n\n"
            "“We have no choice but to raise the charges for every resident this year.”\n\n"
            f"{after}\n\nThe vote is on Friday.")
    (quote,) = direct(quotes_of(text))
    assert quote.speaker is None or quote.speaker.name not in after


def test_label_after_a_dash_names_the_speaker(quotes_of):
    text = ("Reading list\n\n"
            "WHY THE STATE LEANS LEFT - Maria Perez: “The suburbs have moved faster than anyone expected,"
            " and the rural vote has not kept up.” [Tribune]")
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Maria Perez"


def test_sentence_announcing_speech_gives_the_next_quote_its_speaker(quotes_of):
    text = ("The race in Iowa is close this week.\n\n"
            "Dianne Bystrom agreed. “It is anyone's race right now, and the ground game will decide it.”")
    (quote,) = direct(quotes_of(text))
    assert quote.speaker.name == "Dianne Bystrom"


def test_sentence_without_speech_does_not_announce_a_quote(quotes_of):
    text = ("The race in Iowa is close this week.\n\n"
            "Dianne Bystrom drove to Ames. “It is anyone's race right now, and the ground game will decide it.”")
    (quote,) = direct(quotes_of(text))
    assert quote.speaker is None


def test_a_name_in_apposition_names_the_speaker_whatever_the_tagger_calls_it(quotes_of):
    text = ("The agency's commissioner-general, Philippe Lazzarini, said donors had suspended "
            "about $440m in funding.")
    (quote,) = quotes_of(text)
    assert quote.speaker is not None and quote.speaker.name == "Philippe Lazzarini"


def test_a_name_past_of_belongs_to_that_noun_not_to_the_speaker(quotes_of):
    (quote,) = quotes_of('"We will fight this decision," the chief executive of the bank, HSBC, said.')
    assert quote.speaker is not None and quote.speaker.name != "HSBC"
