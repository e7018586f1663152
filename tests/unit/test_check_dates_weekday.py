"""The ``dates.weekday`` check."""

from __future__ import annotations

from datetime import datetime

import pytest

from copydesk.analyse.weekdays import find_weekday_dates, weekday_like
from copydesk.checks.dates_weekday import check
from copydesk.model import Article, Region, Severity, split_paragraphs


def findings(handmade, text, published=None):
    return list(check(handmade(text, published=published), None))


def parsed(analyser, text, published):
    """Findings on the parsed text (the clause's tense and the sentence come from the parse)."""
    article = Article(text=text, regions=split_paragraphs(text), published=published)
    return list(check(analyser.analyse(article), None))


def test_dateline_weekday_that_contradicts_its_date_is_an_error(handmade):
    text = "Storm hits coast\n\nWednesday, March 1, 2022\n\nA storm hit the coast."
    (finding,) = findings(handmade, text)
    assert (finding.text, finding.severity) == ("Wednesday", Severity.ERROR)


def test_suggestion_is_the_right_weekday(handmade):
    text = "Storm hits coast\n\nWednesday, March 1, 2022\n\nA storm hit the coast."
    (finding,) = findings(handmade, text)
    assert finding.suggestion == "Tuesday"


def test_evidence_is_the_calendar(handmade):
    text = "Storm hits coast\n\nWednesday, March 1, 2022\n\nA storm hit the coast."
    (finding,) = findings(handmade, text)
    assert finding.evidence[0].detail == "1 March 2022 is a Tuesday"
    assert text[finding.evidence[0].start : finding.evidence[0].end] == "March 1, 2022"


def test_correct_dateline_is_silent(handmade):
    text = "Storm hits coast\n\nTuesday, March 1, 2022\n\nA storm hit the coast."
    assert findings(handmade, text) == []


def test_day_month_year_order(handmade):
    (finding,) = findings(handmade, "The vote is on Monday 1 March 2022, officials said.")
    assert finding.suggestion == "Tuesday"


def test_abbreviation_gets_an_abbreviated_suggestion(handmade):
    found = findings(handmade, "Polls close Wed 1 Mar.", published=datetime(2022, 2, 21))
    assert [(f.text, f.suggestion) for f in found] == [("Wed", "Tue")]


def test_date_without_year_uses_the_article_year(handmade):
    found = findings(handmade, "Talks resume on Sunday, 21 February.", published=datetime(2022, 2, 18))
    assert [(f.text, f.suggestion) for f in found] == [("Sunday", "Monday")]


def test_date_without_year_that_fits_a_year_in_its_paragraph_is_silent(handmade):
    # 25 March is a Thursday in 2027 (the article's year) and a Wednesday in 2026
    text = "The 2026 list of winners will be revealed on Wednesday 25 March."
    assert findings(handmade, text, published=datetime(2027, 1, 10)) == []
    text = "The 2026 list of winners will be revealed on Tuesday 25 March."
    [finding] = findings(handmade, text, published=datetime(2027, 1, 10))
    assert finding.text == "Tuesday"


@pytest.mark.parametrize("text", [
    "Last year's festival, held in 2024, drew 20,000 visitors. This year's event opens on Tuesday 26 March.",
    "The club's next home game in the 2024/25 season is on Tuesday 26 March.",
    "The inquiry into the 2020 floods will publish its report on Thursday 26 March.",
    "The first section will open on Tuesday 26 March, with the full route finished by 2030.",
    "The plant, which employs 2000 people, will hold a staff meeting on Sunday 26 March.",
])
def test_a_year_elsewhere_or_far_from_the_articles_does_not_excuse_a_wrong_weekday(analyser, text):
    # 26 March 2025 is a Wednesday
    [finding] = parsed(analyser, text, datetime(2025, 3, 10))
    assert finding.suggestion == "Wednesday"


@pytest.mark.parametrize(("text", "published"), [
    ("The 2016 referendum, held on Thursday 23 June, split the country.", datetime(2025, 3, 10)),
    ("In 2019 the strike began on Monday 4 March and lasted a month.", datetime(2025, 3, 10)),
    ("The 2026 Chelsea Flower Show opens on Tuesday 19 May.", datetime(2024, 11, 2)),
    ("The 2026 draw for the U.S. Open takes place on Thursday 27 August.", datetime(2025, 12, 1)),
])
def test_a_date_whose_weekday_fits_the_year_its_sentence_names_is_silent(analyser, text, published):
    assert parsed(analyser, text, published) == []


def test_last_year_elsewhere_in_the_story_does_not_excuse_a_wrong_weekday(analyser):
    # 3 June is a Tuesday in 2025, a Monday in 2024: a weekday one off is the commonest slip
    text = ("Traffic on the bridge was heavier than last year, the council said.\n\n"
            "The bridge closed on Monday, June 3, for repairs.")
    [finding] = parsed(analyser, text, datetime(2025, 6, 10))
    assert finding.suggestion == "Tuesday"


def test_date_without_year_and_no_article_date_is_silent(handmade):
    assert findings(handmade, "Talks resume on Sunday, 21 February.") == []


def test_yesterday_with_the_wrong_weekday(handmade):
    found = findings(handmade, "The talks ended yesterday (Saturday) without a deal.",
                     published=datetime(2022, 2, 21, 9, 0))
    assert [(f.text, f.suggestion) for f in found] == [("Saturday", "Sunday")]


def test_yesterday_with_the_right_weekday_is_silent(handmade):
    text = "The talks ended yesterday (Sunday) without a deal."
    assert findings(handmade, text, published=datetime(2022, 2, 21, 9, 0)) == []


def test_update_before_publication_is_flagged_on_the_update_line(handmade):
    text = "Storm hits coast\nPublished 21 February 2022 12:00\nUpdated 21 February 2022 09:00\n\nBody."
    analysed = handmade(text, published=datetime(2022, 2, 21, 12, 0))
    analysed.article.updated = datetime(2022, 2, 21, 9, 0)
    start = text.index("Updated")
    analysed.article.regions.append(Region(start, text.index("\n", start), "updated"))
    (finding,) = list(check(analysed, None))
    assert finding.text == "Updated 21 February 2022 09:00"


def test_time_on_the_next_line_is_not_a_year():
    (found,) = find_weekday_dates("Tuesday, 1 March\n\n2000 GMT")
    assert found.year is None


def test_weekday_like_keeps_case():
    assert weekday_like("FRIDAY", 0) == "MONDAY"


def test_newspaper_named_like_an_abbreviated_weekday_is_not_a_weekday():
    text = "The story ran in The Sun, March 3, 2005, and on Sun, March 7, 2005 in the Mirror."
    found = find_weekday_dates(text)
    assert [(w.weekday, w.day) for w in found] == [("Sun", 7)]


def _parsed(analyser, text, published):
    from copydesk.ingest.text import parse_text

    article = parse_text(text)
    article.published = published
    return analyser.analyse(article)


def test_a_date_without_year_in_a_past_tense_clause_is_the_last_one(analyser):
    # published in January 2020: "May 18" is nearer in 2020 (a Monday), but the clause is in the
    # past tense, so it is May 18, 2019, a Saturday
    text = "Police said Webb grabbed the girl on Saturday, May 18, as she walked home.\n"
    assert list(check(_parsed(analyser, text, datetime(2020, 1, 20)), None)) == []
    wrong = text.replace("Saturday", "Friday")
    [finding] = check(_parsed(analyser, wrong, datetime(2020, 1, 20)), None)
    assert (finding.text, finding.suggestion) == ("Friday", "Saturday")


def test_a_date_without_year_in_a_future_tense_clause_is_the_next_one(analyser):
    # published in October 2019: May 5 is nearer in 2019 (a Sunday), but "will vote" looks ahead,
    # to May 5, 2020, a Tuesday
    text = "The council will vote on the plan on Tuesday, May 5, officials said.\n"
    assert list(check(_parsed(analyser, text, datetime(2019, 10, 1)), None)) == []


def test_the_tense_counts_only_for_a_date_far_off_and_hung_on_the_verb(analyser):
    # a later date in a past clause ("adjourned until", "postponed to", "announced a concert on"),
    # a near date, or a date of a noun ("the events of") is the nearest one, whatever the tense
    for text, published in (
        ("The case was adjourned until Thursday, March 12.\n", datetime(2020, 2, 20)),
        ("The match was postponed to Saturday, January 4.\n", datetime(2019, 12, 28)),
        ("The band announced a concert on Saturday, March 14.\n", datetime(2020, 2, 1)),
        ("The inquiry will examine the events of Monday, December 30.\n", datetime(2020, 1, 3)),
        ("The council won't meet again until Monday, January 6.\n", datetime(2019, 7, 1)),
    ):
        assert list(check(_parsed(analyser, text, published), None)) == [], text
