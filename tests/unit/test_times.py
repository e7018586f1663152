"""Time expressions resolved against the dateline (``copydesk.analyse.times``)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from copydesk.analyse.times import reference_date, resolve, resolve_times, weekday_date

MONDAY = datetime(2022, 2, 21, 9, 14)  # Monday 21 February 2022


def test_bare_weekday_is_the_most_recent_such_day():
    assert resolve("Sunday", MONDAY) == ("2022-02-20", "date")


def test_weekday_of_the_dateline_is_the_dateline_day():
    assert resolve("Monday", MONDAY) == ("2022-02-21", "date")


def test_weekday_in_a_future_sentence_is_the_next_such_day():
    assert resolve("Friday", MONDAY, future=True) == ("2022-02-25", "date")


def test_modifiers_are_stripped():
    assert resolve("late on Sunday", MONDAY) == ("2022-02-20", "date")


def test_last_weekday_is_strictly_before():
    assert weekday_date(0, date(2022, 2, 21), "last") == date(2022, 2, 14)


def test_next_weekday_is_strictly_after():
    assert resolve("next Monday", MONDAY) == ("2022-02-28", "date")


def test_weekday_with_part_of_day_is_a_datetime():
    assert resolve("Sunday night", MONDAY) == ("2022-02-20T21:00", "datetime")


def test_explicit_date():
    assert resolve("21 February 2022", MONDAY) == ("2022-02-21", "date")


def test_yesterday():
    assert resolve("yesterday", MONDAY) == ("2022-02-20", "date")


def test_year_alone():
    assert resolve("2004", MONDAY) == ("2004", "year")


def test_month_alone_is_year_and_month():
    assert resolve("January", MONDAY) == ("2022-01", "date")


@pytest.mark.parametrize("text", ["three years", "the past five years", "a decade"])
def test_durations_have_no_value(text):
    assert resolve(text, MONDAY) == (None, "duration")


def test_decade_has_no_value():
    assert resolve("the 1990s", MONDAY) == (None, "year")


def test_without_a_base_nothing_relative_resolves():
    assert resolve("Sunday", None) == (None, "date")


def test_resolve_times_reads_date_entities(handmade):
    analysed = handmade("Talks ended on Sunday. Both sides left.", entities={"Sunday": "DATE"},
                        published=MONDAY)
    resolve_times(analysed)
    assert [(t.text, t.value) for t in analysed.times] == [("Sunday", "2022-02-20")]


def test_dateline_line_is_the_fallback_base(handmade):
    text = "Fire closes factory\n\nMonday, February 21, 2022\n\nThe fire started on Sunday."
    analysed = handmade(text, entities={"Sunday": "DATE"})
    assert reference_date(analysed) == datetime(2022, 2, 21)


def test_time_of_day_line_is_not_a_year(handmade):
    analysed = handmade("Blackburn v Burnley\n\nTuesday, 1 March\n\n2000 GMT\n\nKick-off is late.")
    assert reference_date(analysed) is None


@pytest.mark.parametrize(
    "text, base",
    [("next Friday", datetime(9999, 12, 31)), ("coming Monday", datetime(9999, 12, 30)),
     ("last Tuesday", datetime(1, 1, 1)), ("Sunday", datetime(1, 1, 1))],
)
def test_a_weekday_outside_the_calendar_resolves_to_none(text, base):
    assert resolve(text, base) == (None, "date")


def test_weekday_date_past_the_calendar_is_none():
    assert weekday_date(4, date(9999, 12, 31), "next") is None
