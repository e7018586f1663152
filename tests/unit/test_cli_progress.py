"""The stderr progress display of the CLI (copydesk.cli.progress)."""

import io

from copydesk.cli.progress import ProgressDisplay


def test_disabled_display_writes_nothing_but_messages():
    stream = io.StringIO()
    with ProgressDisplay(enabled=False, stream=stream) as progress:
        for _ in range(10):
            progress.advance()
        progress.message("copydesk: x.txt: no such file")
    assert stream.getvalue() == "copydesk: x.txt: no such file\n"


def test_display_waits_for_more_than_threshold_inputs():
    stream = io.StringIO()
    with ProgressDisplay(enabled=True, threshold=3, stream=stream) as progress:
        for _ in range(3):
            progress.advance()
        assert stream.getvalue() == ""


def test_display_starts_past_threshold_and_counts():
    stream = io.StringIO()
    with ProgressDisplay(enabled=True, threshold=3, stream=stream) as progress:
        for _ in range(5):
            progress.advance(failed=True)
        progress._progress.refresh()
        shown = stream.getvalue()
    assert "checking" in shown and "5 failed" in shown


def test_message_during_display_is_kept():
    stream = io.StringIO()
    with ProgressDisplay(enabled=True, threshold=0, stream=stream) as progress:
        progress.advance()
        progress.message("copydesk: y.txt: empty")
    assert "copydesk: y.txt: empty" in stream.getvalue()
