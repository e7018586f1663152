"""copydesk as a spaCy component: ``nlp.add_pipe("copydesk")`` in a user's own pipeline."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.model

TEXT = (
    "Council approves new bridge\n\n"
    "The city council voted on Tuesday to build a bridge over the river. "
    "Its a decision that residents have waited for since 1998, the mayor said.\n\n"
    "Work will start in the spring."
)


def _spans(findings):
    return [(f.check, f.start, f.end, f.text, f.severity) for f in findings]


@pytest.fixture(scope="module")
def nlp():
    from copydesk.analyse.pipeline import load_model

    nlp = load_model()
    nlp.add_pipe("copydesk", last=True)
    return nlp


def test_findings_on_the_doc_equal_the_desks(nlp, desk):
    doc = nlp(TEXT)
    findings = doc._.copydesk_findings
    assert any(f.check == "grammar.confusables" and f.text == "Its" for f in findings)
    assert _spans(findings) == _spans(desk.check_text(TEXT).findings)
    for finding in findings:
        assert doc.text[finding.start : finding.end] == finding.text
    assert doc._.copydesk_report.findings == findings
    assert doc.ents or doc.has_annotation("DEP")  # the user's own pipeline ran as well


def test_span_findings_and_pipe(nlp):
    doc = next(nlp.pipe([TEXT]))
    its = next(t for t in doc if t.text == "Its")
    found = doc[its.i : its.i + 1]._.copydesk_findings
    assert [f.check for f in found] == ["grammar.confusables"]
    assert doc[0:2]._.copydesk_findings == []


def test_config_excludes_checks():
    import spacy

    blank = spacy.blank("en")
    component = blank.add_pipe("copydesk", config={"exclude": ["grammar.confusables"],
                                                   "severity_policy": None})
    doc = blank(TEXT)
    assert component.desk.policy is None
    assert doc._.copydesk_report is not None
    assert not any(f.check == "grammar.confusables" for f in doc._.copydesk_findings)


def test_factory_found_without_importing_copydesk():
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('copydesk', config={'checks': ['grammar.confusables']})\n"
        "print(nlp.pipe_names)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "copydesk" in out.stdout


def test_offsets_point_into_a_text_with_windows_line_ends(nlp, desk):
    text = TEXT.replace("\n", "\r\n")
    doc = nlp(text)
    findings = doc._.copydesk_findings
    assert [f.check for f in findings] == [f.check for f in desk.check_text(TEXT).findings]
    for finding in findings:
        assert doc.text[finding.start : finding.end] == finding.text
        for evidence in finding.evidence:
            if evidence.start is not None:
                assert 0 <= evidence.start <= evidence.end <= len(doc.text)
