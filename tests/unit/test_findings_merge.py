"""One finding per span (``merge_same_span``) and fingerprints that follow a finding across edits
elsewhere in the article (``fingerprint``, ``assign_fingerprints``)."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.checks.findings import assign_fingerprints, fingerprint, merge_same_span
from copydesk.checks.registry import Registry, register, spec_of
from copydesk.model import Evidence, Finding, Severity

TEXT = "Foreign Minister Anna Kowalcyk said the talks would go on. Kowalcyk flew to Paris."


def at(word: str, check: str, severity: Severity, confidence: float = 0.8, n: int = 0, **kw) -> Finding:
    start = -1
    for _ in range(n + 1):
        start = TEXT.index(word, start + 1)
    return Finding(check, severity, start, start + len(word), word, f"{check} says so",
                   confidence=confidence, **kw)


# ---------------------------------------------------------------- merge


def test_two_checks_on_one_span_become_one_finding():
    kb = Evidence("kb", "Anna Kowalczyk: Minister of Foreign Affairs (POL)")
    variant = at("Kowalcyk", "names.unknown-variant", Severity.WARNING, 0.9, suggestion="Kowalczyk",
                 evidence=[kb, Evidence("context", "title fits")])
    inconsistent = at("Kowalcyk", "names.inconsistent", Severity.ERROR, 0.7, suggestion="Kowalczyk",
                      evidence=[Evidence("spelling", "'Kowalcyk' twice"), kb])
    [merged] = merge_same_span([variant, inconsistent])
    assert (merged.check, merged.severity, merged.confidence) == ("names.inconsistent", Severity.ERROR, 0.7)
    assert merged.checks == ["names.inconsistent", "names.unknown-variant"]
    assert merged.message == "names.inconsistent says so" and merged.suggestion == "Kowalczyk"
    assert [(e.kind, e.detail) for e in merged.evidence] == [
        ("spelling", "'Kowalcyk' twice"),
        ("kb", "Anna Kowalczyk: Minister of Foreign Affairs (POL)"),
        ("names.unknown-variant", "names.unknown-variant says so"),
        ("names.unknown-variant", "context: title fits"),  # the kb item is already shown
    ]


def test_equal_severity_the_more_confident_finding_leads():
    low = at("Kowalcyk", "spelling", Severity.ERROR, 0.6, suggestion="Kowal")
    high = at("Kowalcyk", "names.inconsistent", Severity.ERROR, 0.9, suggestion="Kowalczyk")
    [merged] = merge_same_span([low, high])
    assert merged.check == "names.inconsistent" and merged.suggestion == "Kowalczyk"
    assert merged.checks == ["names.inconsistent", "spelling"]


def test_primary_without_suggestion_takes_the_next_one():
    first = at("Kowalcyk", "names.inconsistent", Severity.ERROR, 0.9)
    second = at("Kowalcyk", "spelling", Severity.WARNING, 0.6, suggestion="Kowalczyk")
    [merged] = merge_same_span([first, second])
    assert merged.check == "names.inconsistent" and merged.suggestion == "Kowalczyk"


def test_merge_keeps_the_primary_rated_severity():
    capped = at("Kowalcyk", "names.inconsistent", Severity.WARNING, 0.9, rated=Severity.ERROR)
    other = at("Kowalcyk", "spelling", Severity.INFO, 0.3)
    [merged] = merge_same_span([other, capped])
    assert (merged.severity, merged.rated) == (Severity.WARNING, Severity.ERROR)


def test_overlapping_but_different_spans_stay_separate():
    name = at("Anna Kowalcyk", "names.unknown-variant", Severity.WARNING)
    surname = at("Kowalcyk", "names.inconsistent", Severity.ERROR)
    assert [f.check for f in merge_same_span([surname, name])] == [
        "names.unknown-variant", "names.inconsistent",
    ]


def test_a_lone_finding_is_unchanged():
    finding = at("talks", "spelling", Severity.INFO)
    assert merge_same_span([finding]) == [finding]
    assert finding.to_dict()["checks"] == ["spelling"]


@register("test.surname", severity="error")
def surname_check(article, knowledge) -> Iterator[Finding]:
    """Surnames spelt 'Kowalcyk'."""
    for token in article.tokens:
        if token.text == "Kowalcyk":
            yield Finding("test.surname", Severity.ERROR, token.start, token.end, token.text,
                          "spelt two ways", "Kowalczyk", 0.9)


@register("test.known", severity="warning")
def known_check(article, knowledge) -> Iterator[Finding]:
    """Surnames close to a known one."""
    for token in article.tokens:
        if token.text == "Kowalcyk":
            yield Finding("test.known", Severity.WARNING, token.start, token.end, token.text,
                          "not a known spelling", "Kowalczyk", 0.9, [Evidence("kb", "known as Kowalczyk")])


def test_registry_run_merges_and_fingerprints(handmade):
    registry = Registry(spec_of(f, "tests") for f in (known_check, surname_check))
    findings = registry.run(handmade(TEXT), None)
    assert [(f.check, f.checks) for f in findings] == [
        ("test.surname", ["test.surname", "test.known"]),
        ("test.surname", ["test.surname", "test.known"]),
    ]
    assert findings[0].evidence[0] == Evidence("test.known", "not a known spelling")
    assert all(f.fingerprint for f in findings)
    assert findings[0].fingerprint != findings[1].fingerprint


# ---------------------------------------------------------------- fingerprints


STORY = "Harbour talks collapse\n\nUnion leaders said its too late for a deal.\n\nThe goverment declined to act."


def print_of(text: str, word: str, check: str = "spelling") -> str:
    start = text.index(word)
    return fingerprint(check, text, start, start + len(word))


def test_fingerprint_is_short_hex():
    value = print_of(STORY, "goverment")
    assert len(value) == 16 and int(value, 16) >= 0


def test_fingerprint_ignores_other_paragraphs_and_their_order():
    moved = "Harbour talks collapse\n\nThe goverment declined to act.\n\nUnion leaders said its too late."
    edited = STORY.replace("Union leaders said", "Officials of the union told reporters")
    assert print_of(moved, "goverment") == print_of(STORY, "goverment")
    assert print_of(edited, "goverment") == print_of(STORY, "goverment")


def test_fingerprint_ignores_case_quote_marks_and_spacing():
    assert print_of("He said its  too late.", "its") == print_of("He said its too late.", "its")
    assert print_of("‘Its’ late", "Its") == print_of("'its' late", "its")


def test_fingerprint_changes_with_the_flagged_words_or_their_neighbours():
    base = print_of(STORY, "goverment")
    assert print_of(STORY.replace("goverment", "govermnent"), "govermnent") != base
    assert print_of(STORY.replace("The goverment", "This goverment"), "goverment") != base
    assert print_of(STORY.replace("goverment declined", "goverment refused"), "goverment") != base
    assert print_of(STORY, "goverment", check="grammar.confusables") != base


def test_fingerprint_reads_context_only_within_the_sentence():
    one = "Talks ended. The goverment declined to act."
    other = "Talks collapsed. The goverment declined to act."
    start = one.index("goverment")
    sentence = (one.index("The"), len(one))
    assert fingerprint("spelling", one, start, start + 9, sentence) == fingerprint(
        "spelling", other, other.index("goverment"), other.index("goverment") + 9,
        (other.index("The"), len(other)),
    )


def test_same_words_in_the_same_context_get_distinct_fingerprints():
    text = "He said its late.\nHe said its late."
    first, second = text.index("its"), text.rindex("its")
    findings = [Finding("grammar.confusables", Severity.ERROR, s, s + 3, "its", "m") for s in (first, second)]
    assign_fingerprints(findings, text)
    assert findings[0].fingerprint == fingerprint("grammar.confusables", text, first, first + 3)
    assert findings[1].fingerprint not in (None, findings[0].fingerprint)


def test_merged_finding_takes_the_first_check_id_alphabetically():
    text = "The goverment declined."
    start = text.index("goverment")
    merged = Finding("spelling", Severity.ERROR, start, start + 9, "goverment", "m",
                     checks=["spelling", "names.inconsistent"])
    assign_fingerprints([merged], text)
    assert merged.fingerprint == fingerprint("names.inconsistent", text, start, start + 9)


def test_hand_made_reports_get_fingerprints_in_json(make_report):
    data = make_report(STORY, [("goverment", "spelling", "error")]).to_dict()
    assert data["findings"][0]["fingerprint"] == print_of(STORY, "goverment")
