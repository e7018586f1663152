"""Invisible characters inside a name (zero-width joiner, soft hyphen, ...) are ignored when
names are matched against the knowledge base and within the article; offsets stay exact."""

from __future__ import annotations

from copydesk.analyse.variants import find_spelling_variants
from copydesk.knowledge.normalize import norm, skeleton, strip_invisible

ZWJ = "\u200d"


def test_keys_ignore_invisible_characters():
    assert norm(f"Joe Bi{ZWJ}den") == norm("Joe Biden") == "joe biden"
    assert skeleton("Kowal\u00adczyk") == skeleton("Kowalczyk")
    assert strip_invisible("\ufeffBi\u200bden\u2060") == "Biden"


def test_a_name_with_a_zero_width_joiner_is_not_a_second_spelling(analyser):
    text = f"Anna Kowalczyk spoke on Monday.\n\nKowal{ZWJ}czyk said the talks would go on.\n"
    from copydesk.model import Article

    analysed = analyser.analyse(Article(text=text, source="t.txt"))
    assert find_spelling_variants(analysed) == []


def test_a_known_person_written_with_a_joiner_resolves_like_the_plain_name(desk):
    text = (
        f"President Joe Bi{ZWJ}den met union leaders on Monday.\n\n"
        f"Bi{ZWJ}den said the strike should end soon.\n"
    )
    report = desk.check_text(text, source="t.txt")
    names = [f for f in report.findings if f.check.startswith("names.")]
    assert names == []
    person = next(e for e in report.analysed.entities if e.label == "PERSON")
    assert person.kb_id == "Q6279"
    for mention in person.mentions:
        assert report.article.text[mention.start:mention.end] == mention.text
