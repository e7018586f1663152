"""A progress display on stderr for long CLI runs, and messages that do not break it.

The display starts only once more than ``threshold`` inputs have finished (the total is not known
in advance: inputs stream from directories and archives), and only when asked: ``enabled`` is
decided by the CLI (stderr is a terminal and stdout is not the same terminal, or forced).
Nothing is ever written to stdout.
"""

from __future__ import annotations

import sys
from typing import Self, TextIO


class ProgressDisplay:
    """Counts finished inputs; shows a live counter on stderr once past ``threshold``."""

    def __init__(self, *, enabled: bool, threshold: int = 3, stream: TextIO | None = None):
        self.enabled = enabled
        self.threshold = threshold
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.failed = 0
        self._progress = None
        self._task = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def advance(self, *, failed: bool = False) -> None:
        self.done += 1
        self.failed += int(failed)
        if not self.enabled:
            return
        if self._progress is None and self.done > self.threshold:
            self._start()
        if self._progress is not None:
            self._progress.update(
                self._task, completed=self.done, failures=self._failures_label()
            )

    def message(self, line: str) -> None:
        """Print one line on stderr (above the live display when it runs)."""
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            self.stream.write(line + "\n")
            self.stream.flush()

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def _failures_label(self) -> str:
        return f"{self.failed} failed" if self.failed else ""

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        console = Console(file=self.stream, force_terminal=True)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("checking"),
            MofNCompleteColumn(),
            TextColumn("inputs"),
            TextColumn("[red]{task.fields[failures]}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._progress.add_task(
            "check", total=None, completed=self.done, failures=self._failures_label()
        )
        self._progress.start()
