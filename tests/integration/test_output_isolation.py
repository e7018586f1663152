"""A report that cannot be written is that input's error: the writer's failure on one input
becomes an error object of kind ``output`` for it, the other inputs are written, the output
stays whole and the exit status says an input failed."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import pytest

from copydesk.cli.main import main
from copydesk.report import jsonreport

pytestmark = pytest.mark.model

STORY = "Harbour talks resume\n\nTalks between the port and the union resume on Monday, officials said.\n"


def test_a_report_that_cannot_be_written_becomes_an_error(desk, tmp_path, monkeypatch):
    paths = []
    for name in ("a.txt", "b.txt", "c.txt"):
        path = tmp_path / name
        path.write_text(STORY, encoding="utf-8")
        paths.append(str(path))
    real = jsonreport.dumps

    def dumps(report, **kw):
        if report.source.endswith("b.txt") and report.error is None:
            raise ValueError("cannot render")
        return real(report, **kw)

    monkeypatch.setattr(jsonreport, "dumps", dumps)
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["check", "-f", "jsonl", "--no-progress", *paths], desk=desk, stdin=io.BytesIO())
    objects = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [o["source"] for o in objects] == paths
    assert objects[0]["error"] is None and objects[2]["error"] is None
    assert objects[1]["error"]["kind"] == "output" and "cannot render" in objects[1]["error"]["message"]
    assert code == 2
