"""Per-input time and memory budgets, enforced from outside the worker (issue 8, "Budgets"):
the outputs around a stopped input, reports written while a later input hangs, the memory poll,
the options, and ``copydesk.desk.supervise.Supervisor`` from Python.

The ``hostile_desk`` fixture (tests/conftest.py) has one check that misbehaves on a marker word
(SPIN, CSLEEP, HOG, BIGALLOC, SIGKILL, SEGFAULT); the battery that puts each of them between two
good articles is in tests/integration/test_hostile_inputs.py.
"""

from __future__ import annotations

import io
import json
import os
import threading
import time
from pathlib import Path

import pytest

from copydesk.cli.main import main
from copydesk.desk import supervise
from copydesk.desk.supervise import Budget, Supervisor
from copydesk.ingest.text import parse_text

GOOD = """Council approves new library

The city council approved plans for a new library on Tuesday.

The building will open next year, officials said.
"""
#: Seconds: the time limit in these tests; each case must end within it plus MARGIN.
LIMIT = 1.5
MARGIN = 10.0


def inputs(tmp_path: Path, marker: str) -> list[Path]:
    paths = [tmp_path / "a-good.txt", tmp_path / f"b-{marker.lower()}.txt", tmp_path / "c-good.txt"]
    paths[0].write_text(GOOD, encoding="utf-8")
    paths[1].write_text(f"Council vote\n\nThe council met on {marker} and voted.\n",
                        encoding="utf-8")
    paths[2].write_text(GOOD, encoding="utf-8")
    return paths


def memory_limit() -> int:
    """400 MB of the worker's own memory: checking the short good articles takes 50-100 MB of it
    (the rest is shared with this process), the memory hog passes it."""
    return 400_000_000


def check(capsys, desk, paths, *options: str) -> tuple[int, list[dict], str, float]:
    argv = ["check", "-f", "json", "--no-progress", "--time-limit", str(LIMIT), *options,
            *map(str, paths)]
    started = time.monotonic()
    code = main(argv, desk=desk, stdin=io.BytesIO(b""))
    elapsed = time.monotonic() - started
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err, elapsed


def assert_only_the_middle_failed(reports: list[dict], paths: list[Path], kind: str) -> dict:
    assert [r["source"] for r in reports] == [str(p) for p in paths]
    assert reports[0]["error"] is None and reports[2]["error"] is None
    assert reports[0]["article"]["headline"] == reports[2]["article"]["headline"]
    assert reports[1]["article"] is None and reports[1]["error"]["kind"] == kind
    return reports[1]["error"]


def test_memory_is_also_watched_from_outside(capsys, hostile_desk, tmp_path, monkeypatch):
    # Without the address-space limit, the supervisor's look at /proc stops the worker.
    monkeypatch.setattr(supervise, "_limit_address_space", lambda limit: None)
    paths = inputs(tmp_path, "HOG")
    limit = memory_limit()
    code, reports, _, elapsed = check(capsys, hostile_desk, paths, "--memory-limit", str(limit),
                                      "--time-limit", "60")
    assert code == 2
    error = assert_only_the_middle_failed(reports, paths, "budget")
    assert error["message"].startswith("stopped at ")
    assert error["message"].endswith(f"(memory budget --memory-limit {supervise.size_label(limit)})")
    assert elapsed < 60


def test_memory_the_caller_holds_is_not_the_workers(hostile_desk):
    # The worker is a fork of this process: its resident size starts at this process's (the
    # loaded desk, and here a whole test run), far over the limit, but only what it holds of its
    # own counts, so the article is checked.
    limit = 250_000_000
    assert supervise._memory(os.getpid())["VmRSS"] > limit
    with Supervisor(hostile_desk, Budget(time_limit=60, memory_limit=limit)) as supervisor:
        report = supervisor.check_article(parse_text(GOOD, source="one"))
        own = supervise._own_memory(supervisor._worker.pid)
    assert report.error is None and report.to_dict() == hostile_desk.check_text(
        GOOD, source="one").to_dict()
    assert own is not None and 0 < own < limit


def test_own_memory_is_the_private_part_of_the_resident_size():
    own = supervise._own_memory(os.getpid())
    assert own is not None and 0 < own <= supervise._memory(os.getpid())["VmRSS"]
    assert supervise._own_memory(2**22 + 12345) is None  # no such process


@pytest.mark.parametrize("fmt", ["jsonl", "html", "markdown", "text"])
def test_every_format_stays_whole_around_a_hung_input(capsys, hostile_desk, tmp_path, fmt):
    paths = inputs(tmp_path, "SPIN")
    code = main(["check", "-f", fmt, "--no-progress", "--time-limit", str(LIMIT),
                 *map(str, paths)], desk=hostile_desk)
    out = capsys.readouterr().out
    assert code == 2
    if fmt == "jsonl":
        lines = [json.loads(line) for line in out.splitlines()]
        assert [r["error"] and r["error"]["kind"] for r in lines] == [None, "budget", None]
    elif fmt == "html":
        assert out.rstrip().endswith("</html>") and out.count("stopped after") == 1
    else:
        assert out.count("stopped after") == 1 and out.count("Council approves new library") == 2


def test_earlier_reports_are_written_while_a_later_input_hangs(hostile_desk, tmp_path):
    paths = inputs(tmp_path, "CSLEEP")
    out = tmp_path / "out.jsonl"
    codes: list[int] = []
    run = threading.Thread(target=lambda: codes.append(main(
        ["check", "-f", "jsonl", "--no-progress", "--time-limit", "5", "-o", str(out),
         *map(str, paths)], desk=hostile_desk)))
    run.start()
    try:
        deadline = time.monotonic() + 5 + MARGIN
        while time.monotonic() < deadline and not (out.exists() and out.read_text()):
            time.sleep(0.02)
        # one line: the first report is out while the middle input still holds the worker
        (first,) = [json.loads(line) for line in out.read_text().splitlines()]
        assert first["source"] == str(paths[0]) and first["error"] is None
    finally:
        run.join(5 + MARGIN)
    assert codes == [2]
    kinds = [r["error"] and r["error"]["kind"] for r in map(json.loads, out.open())]
    assert kinds == [None, "budget", None]


def test_no_isolation_checks_in_process(capsys, hostile_desk, tmp_path, monkeypatch):
    def no_worker(*args, **kwargs):
        raise AssertionError("no worker with --no-isolation")

    monkeypatch.setattr(supervise.Supervisor, "__init__", no_worker)
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    code = main(["check", "-f", "json", "--no-isolation", str(path)], desk=hostile_desk)
    assert code == 0 and json.loads(capsys.readouterr().out)["error"] is None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--time-limit", "soon"], "argument --time-limit: 'soon' is not a number of seconds"),
        (["--time-limit", "-1"], "argument --time-limit: '-1' is not a number of seconds"),
        (["--time-limit", "inf"], "argument --time-limit: 'inf' is not a number of seconds"),
        (["--time-limit", "nan"], "argument --time-limit: 'nan' is not a number of seconds"),
        (["--memory-limit", "lots"], "argument --memory-limit: 'lots' is not a size"),
        (["--memory-limit", "20M"], "argument --memory-limit: '20M' is too small"),
        (["--memory-limit", "2000G"], "argument --memory-limit: size '2000G' is too large"),
        (["--no-isolation", "--time-limit", "5"], "--time-limit needs a worker"),
        (["--no-isolation", "--memory-limit", "2G"], "--memory-limit needs a worker"),
    ],
)
def test_bad_budgets_are_usage_errors(capsys, hostile_desk, tmp_path, options, message):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    code = main(["check", "-f", "json", *options, str(path)], desk=hostile_desk)
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert message in captured.err and "Traceback" not in captured.err


def test_zero_means_no_limit(capsys, hostile_desk, tmp_path, monkeypatch):
    seen: list[Budget] = []
    real = supervise.Supervisor.__init__

    def spy(self, desk, budget=None, **kwargs):
        seen.append(budget)
        real(self, desk, budget, **kwargs)

    monkeypatch.setattr(supervise.Supervisor, "__init__", spy)
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["check", "-f", "json", "--time-limit", "0", "--memory-limit", "0", str(path)],
                desk=hostile_desk) == 0
    assert seen[0].time_limit is None and seen[0].memory_limit is None
    assert main(["check", "-f", "json", str(path)], desk=hostile_desk) == 0
    assert (seen[1].time_limit, seen[1].memory_limit) == (30, 1_500_000_000)
    capsys.readouterr()


def test_the_supervisor_from_python(hostile_desk):
    articles = [parse_text(GOOD, source="one"), parse_text("Vote\n\nThe SIGKILL vote.\n",
                source="two"), parse_text(GOOD, source="three"),
                parse_text("Vote\n\nThe SPIN vote.\n", source="four"), parse_text(GOOD, source="five")]
    with Supervisor(hostile_desk, Budget(time_limit=LIMIT)) as supervisor:
        reports = list(supervisor.check_many(articles))
        assert supervisor.started == 3  # the first worker, and one after each failure
        again = supervisor.check_article(parse_text(GOOD, source="six"))
    assert [r.source for r in reports] == ["one", "two", "three", "four", "five"]
    assert [r.error.kind if r.error else None for r in reports] == [
        None, "crash", None, "budget", None]
    assert reports[3].error.message == f"stopped after {LIMIT:g} s (time budget time_limit={LIMIT:g})"
    assert again.ok and again.to_dict() == hostile_desk.check_text(GOOD, source="six").to_dict()


def test_a_digesting_supervisor_sends_the_same_report_without_the_parse(hostile_desk):
    from copydesk.desk.report import AnalysisDigest

    with Supervisor(hostile_desk, Budget(time_limit=LIMIT), digest=True) as supervisor:
        report = supervisor.check_article(parse_text(GOOD, source="one"))
    assert isinstance(report.analysed, AnalysisDigest)
    assert report.to_dict() == hostile_desk.check_text(GOOD, source="one").to_dict()


def test_a_generator_left_early_leaves_no_busy_worker(hostile_desk):
    articles = [parse_text(GOOD, source=str(k)) for k in range(3)]
    with Supervisor(hostile_desk, Budget(time_limit=LIMIT)) as supervisor:
        reports = supervisor.check_many(articles)
        assert next(reports).source == "0"  # the worker is now checking "1"
        reports.close()
        assert supervisor.check_article(parse_text(GOOD, source="next")).source == "next"


def test_ingest_errors_keep_their_place(hostile_desk):
    from copydesk.errors import IngestError

    items = [IngestError("gone.txt", "not-found", "no such file"), parse_text(GOOD, source="a"),
             IngestError("bin.dat", "binary", "binary file"), parse_text(GOOD, source="b")]
    with Supervisor(hostile_desk, Budget(time_limit=LIMIT)) as supervisor:
        reports = list(supervisor.check_many(items))
    assert [(r.source, r.error.kind if r.error else None) for r in reports] == [
        ("gone.txt", "not-found"), ("a", None), ("bin.dat", "binary"), ("b", None)]


def test_a_memory_error_in_process_is_a_budget_error(hostile_desk, monkeypatch):
    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(hostile_desk.analyser, "analyse_many", no_memory)
    report = hostile_desk.check_text(GOOD)
    assert report.error.kind == "budget"
    assert report.error.message == "ran out of memory in the analysis stage (MemoryError)"


def test_parsing_an_input_is_under_its_budget_too(capsys, desk, tmp_path, monkeypatch):
    """An HTML page whose extraction hangs (in C code, say) is stopped like a hung check: the
    file is read and decoded here, parsed in the worker."""
    from copydesk.ingest import sources

    real_parse = sources._parse_html

    def parse(html, **kwargs):
        if "HANG-IN-EXTRACTION" in html:
            time.sleep(60)  # in the caller (a regression) the run would take a minute
        return real_parse(html, **kwargs)

    monkeypatch.setattr(sources, "_parse_html", parse)  # the worker is forked with it
    paths = inputs(tmp_path, "nothing")
    paths[1] = tmp_path / "b-page.html"
    paths[1].write_text("<html><body><article><h1>Vote</h1><p>HANG-IN-EXTRACTION the council "
                        "met.</p></article></body></html>", encoding="utf-8")
    code, reports, _, elapsed = check(capsys, desk, paths)
    assert code == 2
    assert [r["source"] for r in reports] == list(map(str, paths))
    assert reports[0]["error"] is None and reports[2]["error"] is None
    assert reports[1]["error"]["kind"] == "budget"
    assert elapsed < LIMIT + MARGIN


def test_deferred_inputs_give_the_reports_of_inputs_read_at_once(tmp_path):
    from copydesk.ingest.sources import DeferredInput, read_inputs

    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Vote</title></head><body><article><h1>Council vote</h1>"
                    "<p>The council met on Tuesday and voted to build a library.</p></article>"
                    "</body></html>", encoding="utf-8")
    text = tmp_path / "story.txt"
    text.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    paths = [str(page), str(text), str(empty)]
    at_once = list(read_inputs(paths))
    deferred = list(read_inputs(paths, defer=True))
    assert [type(item).__name__ for item in deferred] == ["DeferredInput", "DeferredInput", "IngestError"]
    loaded = [item.load() if isinstance(item, DeferredInput) else item for item in deferred]
    assert [a.to_dict() for a in loaded[:2]] == [a.to_dict() for a in at_once[:2]]
    assert str(loaded[2]) == str(at_once[2])


def test_a_jsonl_record_is_made_an_article_under_its_budget(capsys, desk, tmp_path, monkeypatch):
    from copydesk.ingest import sources

    real_parse = sources._parse_html

    def parse(html, **kwargs):
        if "HANG-IN-EXTRACTION" in html:
            time.sleep(60)  # in the caller (a regression) the run would take a minute
        return real_parse(html, **kwargs)

    monkeypatch.setattr(sources, "_parse_html", parse)
    feed = tmp_path / "feed.jsonl"
    page = "<html><body><article><h1>Vote</h1><p>HANG-IN-EXTRACTION the council met.</p></article></body></html>"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"text": GOOD}, {"html": page, "headline": "Vote"}, {"text": GOOD}, {"headline": "no body"},
    ]) + "\n", encoding="utf-8")
    code, reports, _, elapsed = check(capsys, desk, [feed])
    assert code == 2 and len(reports) == 4
    assert reports[0]["error"] is None and reports[2]["error"] is None
    assert reports[1]["error"]["kind"] == "budget"
    assert reports[3]["error"]["kind"] == "parse" and "no \"text\" or \"html\"" in reports[3]["error"]["message"]
    assert elapsed < LIMIT + MARGIN
