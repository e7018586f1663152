"""The header line of every report format (``copydesk.report.summary.article_facts``)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from copydesk.model import Article
from copydesk.report.summary import article_facts


def test_a_date_without_a_time_is_printed_as_a_date():
    article = Article(text="The council met on Monday.", published=datetime(2024, 3, 3))
    assert article_facts(article)[0] == "published 2024-03-03"


def test_a_time_of_day_is_printed_with_its_date():
    article = Article(text="The council met.", published=datetime(2024, 3, 3, 7, 40),
                      updated=datetime(2024, 3, 3, 0, 0, tzinfo=timezone(timedelta(hours=1))))
    assert article_facts(article)[:2] == ["published 2024-03-03 07:40", "updated 2024-03-03 00:00+01:00"]
