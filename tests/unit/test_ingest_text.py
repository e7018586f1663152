"""parse_text: structure of plain and scraped page text, on fixtures written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from copydesk.ingest.datelines import find_dates
from copydesk.ingest.furniture import (
    find_byline,
    is_furniture,
    is_navigation,
    not_copy,
    split_kicker,
)
from copydesk.ingest.text import parse_text
from copydesk.model import Article

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"


def load(name: str) -> Article:
    return parse_text((FIXTURES / name).read_bytes().decode("utf-8"), source=name)


def texts(article: Article, role: str) -> list[str]:
    return [article.text[r.start : r.end] for r in article.regions if r.role == role]


# --- a scraped page with furniture, section, kicker, standfirst, byline, dateline, update ---


@pytest.fixture(scope="module")
def scraped() -> Article:
    return load("scraped_page.txt")


def test_text_is_the_input_unchanged(scraped: Article) -> None:
    assert scraped.text == (FIXTURES / "scraped_page.txt").read_text(encoding="utf-8")


def test_crlf_becomes_lf_and_nothing_else_changes() -> None:
    raw = (FIXTURES / "scraped_page_crlf.txt").read_bytes().decode("utf-8")
    article = parse_text(raw)
    assert "\r\n" in raw
    assert article.text == raw.replace("\r\n", "\n")


def test_crlf_file_gives_the_same_structure(scraped: Article) -> None:
    crlf = load("scraped_page_crlf.txt")
    assert [r.role for r in crlf.regions] == [r.role for r in scraped.regions]
    assert crlf.headline == scraped.headline


def test_skip_link_menu_and_sign_in_are_furniture(scraped: Article) -> None:
    furniture = texts(scraped, "furniture")
    assert furniture[:3] == ["Skip to main content", "Home | World | Business | Sport | Culture", "Sign in"]


def test_in_body_furniture_is_carved_out(scraped: Article) -> None:
    furniture = texts(scraped, "furniture")
    for line in ("Share this article", "Advertisement", "Read more: Port workers march on city hall",
                 "Sign up for our morning newsletter"):
        assert line in furniture
    assert not any("Advertisement" in body for body in texts(scraped, "body"))


def test_cookie_banner_is_furniture(scraped: Article) -> None:
    assert any(line.startswith("We use cookies") for line in texts(scraped, "furniture"))


def test_section_is_the_short_line_before_the_headline(scraped: Article) -> None:
    assert scraped.section == "World"
    assert texts(scraped, "section") == ["World"]


def test_kicker_goes_to_meta_and_headline_is_the_rest(scraped: Article) -> None:
    assert scraped.meta["kicker"] == "EXCLUSIVE"
    assert scraped.headline == "Harbour city council votes to close coal terminal by 2030"
    assert texts(scraped, "headline") == [scraped.headline]


def test_long_line_after_headline_is_standfirst(scraped: Article) -> None:
    standfirst = (
        "Councillors backed the plan after a six-hour debate that split the ruling coalition "
        "and drew hundreds of protesters to the town hall"
    )
    assert texts(scraped, "standfirst") == [standfirst]


def test_byline_names(scraped: Article) -> None:
    assert scraped.byline == "Maria Okonkwo and Tom Field"


def test_dateline_and_update_line(scraped: Article) -> None:
    assert scraped.published == datetime(2022, 3, 14, 10, 30)
    assert scraped.updated == datetime(2022, 3, 14, 16, 5)
    assert texts(scraped, "dateline") == ["Monday 14 March 2022 10.30 GMT"]
    assert texts(scraped, "updated") == ["Last updated 14 March 2022 at 16:05"]


def test_named_timezone_is_kept_as_written(scraped: Article) -> None:
    assert scraped.published is not None and scraped.published.tzinfo is None
    assert scraped.meta["timezone"] == "GMT"


def test_body_paragraphs(scraped: Article) -> None:
    body = texts(scraped, "body")
    assert len(body) == 4
    assert body[0].startswith("The Northport council voted")
    assert body[-1].startswith("Opponents said")


def test_regions_are_sorted_and_disjoint(scraped: Article) -> None:
    ends = 0
    for region in scraped.regions:
        assert region.start >= ends
        assert region.end > region.start
        ends = region.end


def test_paragraphs_are_the_analysed_regions(scraped: Article) -> None:
    roles = [r.role for r in scraped.paragraphs]
    assert roles[:2] == ["headline", "standfirst"]
    assert set(roles[2:]) == {"body"}


# --- other shapes ---


def test_headline_then_body() -> None:
    article = load("headline_body.txt")
    assert article.headline == "Rail fares to rise by 3% in January"
    assert [r.role for r in article.regions] == ["headline", "body", "body", "body"]


def test_first_paragraph_of_headline_body_text_is_not_standfirst() -> None:
    assert not texts(load("headline_body.txt"), "standfirst")


def test_text_without_structure_is_all_body() -> None:
    article = load("no_structure.txt")
    assert article.headline is None
    assert {r.role for r in article.regions} == {"body"}
    assert len(article.regions) == 2


def test_weekday_dateline_under_headline() -> None:
    article = load("wire_dateline.txt")
    assert article.headline == "Storm closes schools across the north coast"
    assert article.published == datetime(2016, 11, 9)
    assert texts(article, "dateline") == ["Wednesday, November 9, 2016"]


def test_single_newline_page_with_us_dateline() -> None:
    article = load("us_style.txt")
    assert (article.section, article.headline) == ("Opinion", "Mayor signs budget with new money for bus lanes")
    assert article.byline == "Dana Whitfield, CNN"
    assert article.published == datetime(2022, 3, 7, 15, 5)


def test_share_buttons_run_together_is_furniture() -> None:
    assert "Facebook Twitter Email" in texts(load("us_style.txt"), "furniture")


def test_short_first_line_before_body_is_the_headline() -> None:
    article = parse_text("Chipmaker cuts jobs\n\nThe company said on Friday it would cut 400 jobs.\n")
    assert article.headline == "Chipmaker cuts jobs"
    assert article.section is None


def test_first_line_ending_with_a_period_is_body() -> None:
    article = parse_text("The minister resigned on Friday.\n\nShe had been in post for a year.\n")
    assert article.headline is None


def test_first_line_with_two_sentences_is_not_a_headline() -> None:
    article = parse_text("Phones are smaller than ever. But are they better?\n\nMore text follows here.\n")
    assert article.headline is None


def test_question_headline() -> None:
    article = parse_text("Is the four-day week here to stay?\n\nFirms in the trial said output held up.\n")
    assert article.headline == "Is the four-day week here to stay?"


def test_sentence_with_a_date_in_the_body_is_not_a_dateline() -> None:
    article = parse_text("Talks end\n\nThe talks ended on 21 February 2022.\n\nNo deal was reached.\n")
    assert article.published is None


def test_iso_dateline_with_offset_is_aware() -> None:
    article = parse_text("Talks end without a deal\n\n2022-02-21T09:14:00+02:00\n\nNo deal was reached.\n")
    assert article.published == datetime(2022, 2, 21, 9, 14, tzinfo=timezone(timedelta(hours=2)))


def test_dateline_at_the_foot_of_the_page() -> None:
    article = parse_text("Talks end without a deal\n\nNo deal was reached.\n\nPublished: 21 February 2022\n")
    assert article.published == datetime(2022, 2, 21)


def test_empty_text_has_no_regions() -> None:
    assert parse_text("").regions == []


# --- the line classifiers on their own ---


@pytest.mark.parametrize(
    "line",
    ["Skip to main content", "Share", "Share this article", "Tweet", "Advertisement",
     "Sign up for our newsletter", "Read more", "Accept all cookies", "Copyright © 2021 Example Media",
     "Story continues below advertisement", "5 min read"],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["The ruling sent advertisement revenue down 4%.", "Share prices fell sharply on Monday",
     "Read more about the case in court papers filed on Friday.", "Politics"],
)
def test_sentences_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_menu_with_separators_is_navigation() -> None:
    assert is_navigation("News • Sport • Weather • Travel")


def test_headline_is_not_navigation() -> None:
    assert not is_navigation("Russia declines summit with US for now")


@pytest.mark.parametrize("headline", ["NATO: allies agree new plan", "Ukraine: talks go on", "UK: rates rise"])
def test_colon_headlines_without_kicker(headline: str) -> None:
    assert split_kicker(headline) == (None, 0)


def test_kicker_breaking_news() -> None:
    assert split_kicker("BREAKING NEWS: Storm hits coast") == ("BREAKING NEWS", 15)


def test_byline_needs_capitalised_names() -> None:
    assert find_byline("by the time the polls closed") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("February 21, 2022 9:14am", datetime(2022, 2, 21, 9, 14)),
        ("21 February 2022", datetime(2022, 2, 21)),
        ("Published 3:05 PM EST, Mon March 7, 2022", datetime(2022, 3, 7, 15, 5)),
        ("2022-02-21T09:14:00Z", datetime(2022, 2, 21, 9, 14, tzinfo=UTC)),
        ("Monday 21 February 2022 10.30 GMT", datetime(2022, 2, 21, 10, 30)),
    ],
)
def test_dateline_formats(line: str, expected: datetime) -> None:
    (found,) = find_dates(line)
    assert found.value == expected


def test_update_line_is_marked_as_update() -> None:
    (found,) = find_dates("Updated: February 21, 2022 12:57pm")
    assert found.updated and found.value == datetime(2022, 2, 21, 12, 57)


def test_published_and_updated_on_one_line() -> None:
    dates = find_dates("Published 9:14 AM ET, Mon February 21, 2022 | Updated 12:57 PM ET, Mon February 21, 2022")
    assert [d.updated for d in dates] == [False, True]


def test_dateparser_budget_limits_calls() -> None:
    budget = [1]
    assert find_dates("3:05 PM EST, Mon March 7, 2022", budget=budget)
    assert budget == [0]
    assert find_dates("4:10 PM EST, Tue March 8, 2022", budget=budget) == []


def test_common_forms_need_no_dateparser_call() -> None:
    (found,) = find_dates("Wednesday, November 9, 2016", budget=[0])
    assert found.value == datetime(2016, 11, 9)


def test_impossible_date_is_not_a_dateline() -> None:
    assert find_dates("February 30, 2022") == []


def test_menu_of_capitalised_words_before_headline_is_furniture() -> None:
    text = "Home News Sport Business Technology Culture Travel\n\nCouncil backs harbour plan\n\nThe vote was close.\n"
    article = parse_text(text)
    assert article.headline == "Council backs harbour plan"
    assert "Home News Sport Business Technology Culture Travel" in texts(article, "furniture")


def test_title_case_headline_without_function_words_stays_headline() -> None:
    text = (
        "Senate Passes Sweeping Climate Bill\n\nLawmakers approved the package after months of talks "
        "and a late change to the tax credits\n\nMarch 3, 2023\n\nThe Senate voted 51 to 49.\n"
    )
    article = parse_text(text)
    assert article.headline == "Senate Passes Sweeping Climate Bill"
    assert len(texts(article, "standfirst")) == 1


def test_date_before_headline_and_label_lines() -> None:
    text = "Business\nPublished\n21 February 2022\nChipmaker cuts 400 jobs in Europe\nThe company said demand had fallen.\n"
    article = parse_text(text)
    assert (article.section, article.headline) == ("Business", "Chipmaker cuts 400 jobs in Europe")
    assert article.published == datetime(2022, 2, 21)
    assert "Published" in texts(article, "furniture")


def test_image_caption_line_in_body_is_furniture() -> None:
    text = "Floods hit valley towns\n\nRivers burst their banks overnight.\n\nImage caption, Residents were moved to the school hall\n\nMore rain is due.\n"
    assert texts(parse_text(text), "furniture") == ["Image caption, Residents were moved to the school hall"]


def test_symbol_or_comma_line_is_not_a_headline() -> None:
    article = parse_text("×\nWednesday,\nStorm closes schools\n\nSchools were closed on Wednesday.\n")
    assert article.headline == "Storm closes schools"


def test_short_line_is_headline_only_right_before_the_body() -> None:
    text = "Chipmaker cuts jobs\n\nAdvertisement\n\nThe company said on Friday it would cut 400 jobs.\n"
    assert parse_text(text).headline == "Chipmaker cuts jobs"


def test_short_lines_over_a_text_without_headline_are_furniture() -> None:
    text = "Video\nScoreboard\nStandings\nThe league said on Monday that the final would move to May.\n"
    article = parse_text(text)
    assert article.headline is None and article.section is None
    assert texts(article, "furniture") == ["Video", "Scoreboard", "Standings"]


def test_company_cookie_banner_is_furniture() -> None:
    banner = ("Example Media uses cookies for personalisation and advertising. Learn more or change "
              "your cookie preferences. By continuing to use the site you agree.")
    assert is_furniture(banner)


def test_sentence_about_cookies_is_not_furniture() -> None:
    assert not is_furniture("The site uses cookies to track readers, the regulator found.")


def test_every_line_is_covered_by_a_region() -> None:
    text = "Video\nScoreboard\nNews • Sport • Weather\nChipmaker cuts jobs\n\nThe company cut 400 jobs.\n"
    article = parse_text(text)
    covered = "".join(" " if any(r.start <= i < r.end for r in article.regions) else ch
                      for i, ch in enumerate(article.text))
    assert covered.strip() == ""


@pytest.mark.parametrize(
    "line",
    [
        '// s is a mutable reference, so we can modify the String s.push_str("!");',
        "fn add_exclamation(s: &mut String) {",
        "}",
        'let mut greeting = String::from("Hello");',
        "Behere RV, Arasappa R, Jagannathan A, et al. Acta Psychiatr Scand. 2011;123:147-53.",
        "Lee K, Park J. Sleep and mood. J Psychiatr Res. 2019;58:12-19. doi:10.1016/j.x.2019.01.002",
        "Kim S, Cho H, et al. Sleep and blood pressure. J Psychiatr Res. 2011 Mar;123(4):147-53.",
        "Ruiz P, Gomez A, et al. Salt intake in older adults. Hypertension 2020, 75(2):285-292.",
        '{"name":"test","@context":"http://example.org/spec/modules\\',
        '{"id":42, "ok":true, "tags":["a"]}',
        'ms":{"test":{"ETag":"1382694048000","Content-Type":"application/json; \\',
    ],
)
def test_program_code_and_reference_entries_are_not_copy(line: str) -> None:
    assert not_copy(line) in ("code", "reference")
    article = parse_text(f"Rust borrows\n\nThe compiler checks every borrow before the program runs.\n\n{line}\n\nThat is all.")
    start = article.text.index(line.strip())
    assert [r.role for r in article.regions if r.start <= start < r.end] == ["furniture"]


@pytest.mark.parametrize(
    "line",
    [
        "The senator said the bill, which passed 52-48 on Tuesday, would cut taxes; critics disagreed.",
        "Smith et al. found in 2019 that sleep matters, the report said.",
        "The study (Jones et al., 2020; 14:22) was criticised by other researchers.",
        "Shares rose 3% to $12.50 (a record) after the results; the company said demand was strong.",
        'He wrote on X: "We will win this." The post was deleted.',
        "Rust primitive types (int, bool, float, char) are stored on the stack.",
        "The email address is press_office@example.com, the spokesman said.",
        "Set the value to 5 (x = 5) and press enter; the screen shows the result.",
        "Jones et al. tracked 900 patients from 2015 to 2018: 45 of them relapsed, the team said.",
        "A 2019 study by Smith et al. found that the scheme worked (Lancet 2019; 393: 1012-20).",
        "Each applicant(s) must name the employee(s) and the manager(s) who will supervise the work.",
        "Follow @save_the_kids, @save_kids_scot and @save_kids_wales, or email press_office@example.org.",
        "a £2bn fund for schools (over three years);",
        "The rate rose from 3.5% (in 2023) to 4.1% (in 2024);",
        "Smith (Lab) 1,204; Jones (Con) 987;",
        "Arsenal 2 (Saka 12, Havertz 70) Chelsea 1 (Palmer 45);",
        'He called the book "Nightfall": 400 pages of gloom, and the sequel "Dawn": 300 more.',
        'Asked whether to stay, voters said "Yes": 52%, "No": 45% and "Unsure": 3%.',
        'Voters rated the plan "good": 42, "fair": 30, and "poor": 28, the survey found.',
        'Asked about "Brexit": "It is done." On "trade": "We will see." On "tariffs": "No comment."',
        "Shares in the firm(up 3%) rose on Monday.\\",
        '- the word "unacceptable": 14 times;',
        "Reporting by Jane Doe (Reuters)\\",
        "PARIS (AP)\\",
        "The path is C:\\Users\\Public, he said, and the drive is D:\\",
    ],
)
def test_prose_with_brackets_and_citations_is_copy(line: str) -> None:
    assert not_copy(line) is None


def test_double_encoded_text_is_kept_as_written_and_reported() -> None:
    raw = "Itâ€™s a cafÃ© story.\n\nThe mayor said it was fine."
    article = parse_text(raw)
    assert article.text == raw  # offsets index the user's text
    assert any("double-encoded" in w for w in article.warnings)


def test_clean_text_has_no_encoding_warning() -> None:
    article = parse_text("The café’s “best” résumé costs £5 — honestly.\n\nIt was fine.")
    assert not any("double-encoded" in w for w in article.warnings)


def test_entries_under_a_references_heading_are_reference_entries() -> None:
    from copydesk.ingest.furniture import reference_entries
    lines = [
        "The drug was withdrawn in 2019 after reports of severe reactions.",
        "References",
        "Papers of particular interest are highlighted.",
        "- 1. Shear NH, Spielberg SP. Anticonvulsant hypersensitivity syndrome. 1988.",
        "- 2. Bocquet H, Bagot M. Drug-induced pseudolymphoma. 1996.",
        "[3] Vahid B. What caused the bleeding? 2006.",
        "Comments are closed on this story.",
        "- 4. An item of some other list.",
    ]
    assert reference_entries(lines) == {1, 3, 4, 5}
    assert reference_entries(["Notes", "The notes of the meeting were never published."]) == set()
    assert reference_entries(["- 1. A list without a heading of works cited."]) == set()


def test_story_bullets_under_a_notes_heading_stay_copy() -> None:
    from copydesk.ingest.furniture import reference_entries
    notes = ["Notes", "- The plan will cost £12m, twice the the original estimate.",
             "- Residents will recieve letters next week.",
             "- Smith J, Jones A. Costs of bridges. 2006;27(10):441."]
    assert reference_entries(notes) == {0, 3}  # only the citation
    assert reference_entries(["Sources:", "2. The council's budget papers, which show the the cost doubled."]) == set()
    wrapped = ["References", "1. Smith, J. (2019). A study of bridges and the cost of",
               "   their upkeep. Journal of Roads, vol. 12, pp. 45-67.", "2. Jones A, et al. Tolls. 2006;27:441."]
    assert reference_entries(wrapped) == {0, 1, 2, 3}


def test_story_bullets_with_a_date_or_page_under_notes_stay_copy() -> None:
    from copydesk.ingest.furniture import reference_entries
    notes = ["Notes",
             "- The company was founded in Leeds (May 2011) and now employs 4,000 people.",
             "- The chief executive said profits would double, according to p. 4 of its annual report."]
    assert reference_entries(notes) == set()


def test_a_sentence_after_a_line_of_code_ending_in_a_backslash_is_copy() -> None:
    from copydesk.ingest.furniture import continued_code
    lines = ["$ curl -s https://example.org/api/v1/items?limit=10&sort=desc_order \\", "",
             "The company said the service would return on Monday, but critics were unconvinced."]
    assert continued_code(lines) == set()


def test_a_news_bullet_with_a_quoted_phrase_and_a_page_stays_copy() -> None:
    from copydesk.ingest.furniture import reference_entries
    notes = ["Notes", '- Ms Smith called the deal "a disgrace". The full list of objections is on p. 12 of the report.']
    assert reference_entries(notes) == set()
    cited = ["Notes", '- Kaa, Hiro (May 2011). "Churches and chapels". The Encyclopedia of Ruritania. p. 12.']
    assert reference_entries(cited) == {0, 1}


def test_a_dateline_ending_in_a_backslash_continues_nothing() -> None:
    article = parse_text("Council approves budget\n\nPARIS (AP)\\\n\nThe council approved a budget on Tuesday.")
    start = article.text.index("The council")
    assert [r.role for r in article.regions if r.start <= start < r.end] == ["body"]


def test_a_line_that_goes_on_with_a_line_of_code_is_code() -> None:
    from copydesk.ingest.furniture import continued_code
    lines = ['"rel": "remotestorage",', '"http://example.org/spec#section-4.2": "https\\', "",
             '://example.org:4439/oauth/user",', "The server then answers \\", "with a list."]
    assert continued_code(lines) == {3}  # prose ending in a backslash continues nothing
    text = "Storage spec\n\n" + "\n\n".join(lines[:2] + lines[3:4]) + "\n\nThe client stores the token."
    article = parse_text(text)
    start = article.text.index("://example.org")
    assert [r.role for r in article.regions if r.start <= start < r.end] == ["furniture"]


def test_web_citations_and_stray_marks_under_a_citations_heading() -> None:
    """A wiki's citation list: caret backlinks, a bullet set apart from its entry, a full stop
    alone, and citations known by their consulted date, month and year or page."""
    from copydesk.ingest.furniture import reference_entries
    lines = [
        "Citations",
        '- ^ "Protocol for using the national anthems". Ministry of Culture. Retrieved 12 May 2016.',
        "-",
        "^ There is no official all-numeric date format, but most writers follow the British one",
        ".",
        "- ^ Kaa, Hiro (May 2011). \"Churches and chapels\". The Encyclopedia of Ruritania.",
        "- ^ King 2003, p. 41.",
        '- ^ "A port city\'s history". City Council. Archived from the original on 8 March 2011.',
        "- ^ \"Harbour guide\". Port Authority. Accessed March 3, 2020.",
        "The city has grown every year since 1990.",
    ]
    assert reference_entries(lines) == {0, 1, 5, 6, 7, 8}  # the note in prose stays copy
    assert reference_entries(["Sources", "- Retrieved from the river in 1998, the boat was restored."]) == set()


def test_plain_text_reference_list_is_furniture() -> None:
    text = ("Drug trial halted\n\nThe trial was halted in March after three patients fell ill, the"
            " company said.\n\nReferences\n\n1. Bocquet H, Bagot M. Drug-induced pseudolymphoma."
            " 1996.\n\n2. Vahid B. What caused the bleeding? 2006.\n")
    article = parse_text(text)
    furniture = [text[r.start:r.end] for r in article.regions if r.role == "furniture"]
    assert furniture == ["References", "1. Bocquet H, Bagot M. Drug-induced pseudolymphoma. 1996.",
                         "2. Vahid B. What caused the bleeding? 2006."]
