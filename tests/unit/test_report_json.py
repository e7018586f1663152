"""JSON and JSONL writers, and the published JSON Schema."""

import io
import json

import pytest
from jsonschema import Draft202012Validator, ValidationError

from copydesk.desk.report import Report
from copydesk.model import InputError
from copydesk.report.jsonreport import JsonlWriter, JsonWriter
from copydesk.report.schema import load_schema, validate
from copydesk.report.summary import Summary

TEXT = "Port talks collapse\n\nUnion leaders said its too late.\nTheir is no date yet.\n"


@pytest.fixture
def report(make_report):
    return make_report(TEXT, [("its", "grammar.confusables", "error", "it's"),
                              ("Their", "grammar.confusables", "warning", "There")])


@pytest.fixture
def failed():
    return Report(source="gone.txt", error=InputError("not-found", "no such file"))


def run(writer_class, reports):
    out = io.StringIO()
    writer = writer_class(out)
    summary = Summary()
    for report in reports:
        writer.write(report)
        summary.add(report)
    writer.close(summary)
    return out.getvalue()


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(load_schema())


def test_report_object_validates(report):
    validate(report.to_dict())


def test_error_object_validates(failed):
    validate(failed.to_dict())


def test_schema_rejects_unknown_severity(report):
    data = report.to_dict()
    data["findings"][0]["severity"] = "fatal"
    with pytest.raises(ValidationError):
        validate(data)


def test_schema_rejects_missing_findings_field(report):
    data = report.to_dict()
    del data["findings"]
    with pytest.raises(ValidationError):
        validate(data)


def test_schema_rejects_error_object_with_article(report):
    data = report.to_dict()
    data["error"] = {"kind": "parse", "message": "bad"}
    with pytest.raises(ValidationError):
        validate(data)


def test_json_one_report_is_one_object(report):
    data = json.loads(run(JsonWriter, [report]))
    assert isinstance(data, dict) and data["source"] == "story.txt"


def test_json_several_reports_are_an_array_in_order(report, failed):
    data = json.loads(run(JsonWriter, [report, failed, report]))
    assert [d["source"] for d in data] == ["story.txt", "gone.txt", "story.txt"]


def test_json_no_reports_is_empty_array():
    assert json.loads(run(JsonWriter, [])) == []


def test_jsonl_one_line_per_report(report, failed):
    lines = run(JsonlWriter, [report, failed]).splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["story.txt", "gone.txt"]


def test_jsonl_findings_point_into_text(report):
    data = json.loads(run(JsonlWriter, [report]))
    text = data["article"]["text"]
    assert [text[f["start"]:f["end"]] for f in data["findings"]] == [
        f["text"] for f in data["findings"]
    ]


def test_jsonl_keeps_non_ascii_characters(make_report):
    line = run(JsonlWriter, [make_report("Café “quoted”.", [])])
    assert "Café “quoted”" in line
