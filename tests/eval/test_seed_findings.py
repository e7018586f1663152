"""The defining example (../shared/seed): the findings an editor needs, and silence on the
correctly spelt foreign names. Nothing in src/ knows this article; this checks that the general
checks find its errors. Skips with a message when ../shared is absent."""

from __future__ import annotations

import pytest

from copydesk.model import Severity

pytestmark = [pytest.mark.eval, pytest.mark.model]

SEED = "seed/000_da322826d46cabef.txt"


@pytest.fixture(scope="module")
def report(shared_dir, desk):
    from copydesk.ingest.sources import read_inputs

    path = shared_dir / SEED
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    (article,) = list(read_inputs([str(path)]))
    return desk.check_article(article)


def found(report, check, text):
    """Findings of ``check`` on ``text``, also where another check's finding on the same span
    took it in (``Finding.checks``)."""
    return [f for f in report.findings if check in (f.checks or [f.check]) and f.text == text]


@pytest.mark.parametrize(
    "check,text,suggestion",
    [
        ("spelling", "separarist", "separatist"),
        ("grammar.confusables", "its", "it’s"),
        ("names.inconsistent", "Kubela", "Kuleba"),
        ("names.unknown-variant", "Kulbela", "Kuleba"),
        ("names.unknown-variant", "Kubela", "Kuleba"),
        ("names.unknown-variant", "Dymtro", "Dmytro"),
        ("acronyms.typo", "KBG", "KGB"),
        ("acronyms.expansion", "North American Treaty Organization", "North Atlantic Treaty Organization"),
        ("events.self-target", "Russia", "Ukraine"),
    ],
)
def test_finding_with_its_suggestion_and_evidence(report, check, text, suggestion):
    matches = found(report, check, text)
    assert matches, f"no {check} finding on {text!r}"
    assert matches[0].suggestion == suggestion
    assert matches[0].evidence


def test_the_state_department_quote_that_never_closes(report):
    unclosed = [f for f in report.findings if f.check == "quotes.unbalanced"]
    assert len(unclosed) == 1 and unclosed[0].text.startswith("“there is a strong likelihood")


@pytest.mark.parametrize(
    "name", ["Peskov", "Psaki", "Reznikov", "Le Drian", "Lugansk", "Kyiv", "Donetsk", "Lavrov", "Blinken"]
)
def test_correct_names_are_not_flagged(report, name):
    text = report.article.text
    for finding in report.findings:
        if finding.severity >= Severity.WARNING and name in text[finding.start : finding.end]:
            raise AssertionError(f"{finding.check} flagged {finding.text!r}: {finding.message}")
