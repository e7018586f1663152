"""Supervised checking: per-input time and memory budgets, enforced from outside the worker.

``Desk`` checks articles in the calling process; nothing there can stop a parser stuck in C code
or an input that eats the machine's memory. ``Supervisor`` wraps a loaded ``Desk`` and checks
each article in a worker process, forked from the caller once the desk is loaded (so the model
and the knowledge are loaded once and shared copy-on-write; a fork costs about 15 ms):

- **Time.** The supervisor waits for each article's report for at most ``Budget.time_limit``
  seconds of wall time, counted from when the worker is given the article. Past it the worker
  is killed (SIGKILL: a signal Python code, C code and a deadlock cannot ignore) and the article
  gets an error report of kind ``budget`` ("stopped after 30 s (time budget --time-limit 30)").
- **Memory.** ``Budget.memory_limit`` bounds the memory the worker holds of its own: what it
  allocates and the pages of the caller it has written to (copy-on-write copies). Pages it still
  shares with the caller — the loaded model and knowledge, and whatever else the caller holds —
  are not counted: they cost the machine nothing more, and a caller that holds gigabytes of its
  own (a notebook, a test run, a server with other work) must not fail every input for them. A
  worker's own memory is about 50 MB after the fork and 0.3-0.5 GB once the desk's lazily loaded
  dictionaries are in. The worker's address space is limited (``RLIMIT_AS``) to what it holds
  when it starts plus the headroom left under the limit, so a large allocation fails at once with
  a ``MemoryError``; the supervisor also reads the worker's resident size from
  ``/proc/PID/status`` every 50 ms while it waits, and when that passes the limit (own memory
  never exceeds it) its own memory from ``/proc/PID/smaps_rollup`` (private pages; a read costs
  10-40 ms, so it is rationed to a twentieth of the time), killing it past the limit. Either way
  the article gets a ``budget`` error naming the limit, and the next article gets a fresh worker.
- **Crashes.** A worker that dies (a segfault, an abort, the kernel's out-of-memory killer)
  costs only the article it was checking: an error of kind ``crash`` naming the signal or the
  exit status.

After a kill, the next article goes to a freshly forked worker. Reports come back one article
at a time, in input order, each as soon as it is done: the supervisor gives the worker the next
article before it hands back the current report, so the worker analyses while the caller writes
(and while it reads the next input). Ingest errors pass through as error reports, as in
``Desk.check_many``. The worker checks one article at a time (``Desk.check_many`` of one), so a
budget is one article's; the throughput cost against ``Desk.check_many``'s batches of 16 is
measured in docs/BENCHMARKS.md ("Supervised checking").

An input may also come as a ``copydesk.ingest.sources.DeferredInput`` (``read_inputs(defer=True)``,
as ``copydesk check`` reads files): read and decoded in the caller, parsed — HTML extraction,
datelines, a JSONL record's fields — in the worker, under the same budgets; the reading itself
is bounded by ``--max-size``.

    >>> from copydesk.desk import Desk                      # doctest: +SKIP
    >>> with Supervisor(Desk(), Budget(time_limit=30)) as desk:   # doctest: +SKIP
    ...     for report in desk.check_many(articles):
    ...         print(report.source, report.error)

One supervisor runs one worker and is used by one thread at a time; a server that checks
articles in parallel runs one supervisor per concurrent request. A worker is killed when the
thread that forked it ends (``PR_SET_PDEATHSIG``, so that no worker outlives its run); the next
article then gets a fresh one. Linux only (``os.fork`` and ``/proc``); ``Desk`` itself runs
anywhere.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe
from typing import TYPE_CHECKING, Self

from copydesk.errors import IngestError, UsageError
from copydesk.ingest.sources import DeferredInput
from copydesk.model import Article, InputError

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk import Desk, Report

log = logging.getLogger(__name__)

#: Seconds per input by default: the promise of issue 8 is that no input of 1 MB or less takes
#: more than 30 s. A real article (3-30 KB) takes well under a second.
DEFAULT_TIME_LIMIT = 30.0
#: Bytes of the worker's own memory by default (pages shared with the caller, such as the loaded
#: desk's 0.4-0.7 GB, not counted; about three times what a worker holds after many articles).
DEFAULT_MEMORY_LIMIT = 1_500_000_000
#: How often the supervisor looks at the worker's memory while it waits (seconds).
POLL_INTERVAL = 0.05
#: The share of its time the supervisor may spend reading a worker's own memory, as a multiple:
#: the next read waits twenty times as long as the last one took.
OWN_READ_SHARE = 20
#: A date written as pages write it, parsed once before the first fork (``parse_date``).
WARM_UP_DATE = "Tuesday, 3 March 2026"
#: A short, benign article checked in the caller before the first fork, so that everything the
#: desk loads lazily (knowledge tables, dictionaries) is loaded once and shared by every worker.
WARM_UP_TEXT = (
    "Council approves new library\n\n"
    "The city council approved plans for a new library on Tuesday, Mayor Anna Smith said.\n"
)


@dataclass(frozen=True)
class Budget:
    """What one input may cost in a supervised worker. ``None`` means no limit.

    ``time_limit``: seconds of wall time for one article's analysis and checks.
    ``memory_limit``: bytes of the worker's own memory (pages shared with the caller not counted).
    ``time_name`` / ``memory_name``: how error messages name the limits (the CLI passes its
    option names, ``--time-limit``; from Python they are the keyword names)."""

    time_limit: float | None = DEFAULT_TIME_LIMIT
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT
    time_name: str = "time_limit"
    memory_name: str = "memory_limit"

    def __post_init__(self) -> None:
        if self.time_limit is not None and not (
            math.isfinite(self.time_limit) and self.time_limit > 0
        ):
            raise UsageError(f"{self.time_name} must be a positive number of seconds or None, "
                             f"not {self.time_limit!r}")
        if self.memory_limit is not None and not self.memory_limit > 0:
            raise UsageError(f"{self.memory_name} must be a positive number of bytes or None, "
                             f"not {self.memory_limit!r}")

    def time_label(self) -> str:
        return f"time budget {_option(self.time_name, seconds_label(self.time_limit or 0))}"

    def memory_label(self) -> str:
        return f"memory budget {_option(self.memory_name, size_label(self.memory_limit or 0))}"


def seconds_label(seconds: float) -> str:
    """``30`` for 30.0, ``2.5`` for 2.5."""
    return f"{seconds:g}"


def size_label(size: int) -> str:
    """Bytes in the decimal units ``--max-size`` and ``--memory-limit`` read: ``1.5G``, ``800M``."""
    for factor, unit in ((1_000_000_000, "G"), (1_000_000, "M"), (1_000, "k")):
        if size >= factor:
            return f"{size / factor:.3g}{unit}"
    return str(size)


def _option(name: str, value: str) -> str:
    return f"{name} {value}" if name.startswith("-") else f"{name}={value}"


class Supervisor:
    """Checks articles like ``Desk.check_many``, each in a worker process under ``budget``.

    ``desk`` is loaded in this process (and warmed up with one short article and one date for
    the date parser unless ``warm_up`` is false); workers are forked from it. With ``digest``
    the reports come back with their analysis reduced to what ``Report.to_dict`` gives
    (``Report.digested``), for a caller that only stores or writes them (``copydesk ingest``,
    ``copydesk batch``): much less to pickle through the pipe. Close the supervisor (or use it
    as a context manager) to stop its worker; a finished ``check_many`` leaves the worker
    running for the next call."""

    def __init__(self, desk: Desk, budget: Budget | None = None, *, warm_up: bool = True,
                 digest: bool = False):
        if not hasattr(os, "fork") or not os.path.exists("/proc/self/status"):
            raise UsageError("supervised checking needs Linux (os.fork and /proc); "
                             "use Desk directly (the CLI's --no-isolation)")
        self.desk = desk
        self.budget = budget if budget is not None else Budget()
        self._warm_up = warm_up
        self.digest = digest
        self._worker: _Worker | None = None
        #: Workers started so far (the first, and one after each kill or crash).
        self.started = 0
        self._unsent: str | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker (it is idle between articles, so nothing is lost)."""
        if self._worker is not None:
            self._worker.kill()
            self._worker = None

    def check_article(self, article: Article) -> Report:
        return next(self.check_many([article]))

    def check_many(self, items: Iterable[Article | IngestError | DeferredInput]) -> Iterator[Report]:
        """Reports in input order, each yielded as soon as its article is done. An article over
        its budget gets an error of kind ``budget``, one whose worker died an error of kind
        ``crash``; the others go on in a fresh worker."""
        from copydesk.desk.report import Report

        versions = self.desk.versions()
        queue: deque[Article | IngestError | DeferredInput] = deque()  # read, not yet reported
        articles = 0  # articles in ``queue``
        source = iter(items)
        exhausted = False

        def pull() -> None:
            nonlocal exhausted, articles
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
                return
            queue.append(item)
            articles += not isinstance(item, IngestError)

        try:
            while True:
                while queue and isinstance(queue[0], IngestError):
                    failed = queue.popleft()
                    error = InputError(failed.kind, failed.message)
                    yield Report(source=failed.source, error=error, versions=dict(versions))
                if not queue:
                    if exhausted:
                        return
                    pull()
                    continue
                article = queue[0]
                assert not isinstance(article, IngestError)
                if not self._busy_with(article):
                    self._send(article)
                while articles < 2 and not exhausted:  # read the next input meanwhile
                    pull()
                report = self._result(article, versions)
                queue.popleft()
                articles -= 1
                following = next((item for item in queue if not isinstance(item, IngestError)), None)
                if following is not None:  # the worker starts on it while this one is written
                    self._send(following)
                yield report
        finally:  # stopped early: a worker busy with an article nobody waits for goes
            if self._worker is not None and self._worker.article is not None:
                self._discard()

    # ------------------------------------------------------------ one article

    def _send(self, article: Article) -> None:
        """Give ``article`` to the worker (a fresh one if it died while idle). When that fails
        twice, ``_result`` reports the article as a crash."""
        self._unsent = None
        for _attempt in (1, 2):
            try:
                self._ensure_worker().give(article)
                return
            except OSError as exc:  # the worker died while idle, or no process could be forked
                self._discard()
                self._unsent = f"{type(exc).__name__}: {exc}"
            except Exception as exc:  # noqa: BLE001 - e.g. an article that cannot be pickled
                self._unsent = f"{type(exc).__name__}: {exc}"
                return

    def _busy_with(self, article: Article) -> bool:
        return self._worker is not None and self._worker.article is article

    def _ensure_worker(self) -> _Worker:
        if self._worker is None:
            if self.started == 0 and self._warm_up:
                self.desk.check_text(WARM_UP_TEXT, source="<warm-up>")
                # the date parser loads its languages on first use (about 2 s): once, here,
                # rather than in every worker and again after each kill
                from copydesk.ingest.extract_dates import parse_date

                parse_date(WARM_UP_DATE)
            self._worker = _Worker(self.desk, self.budget, digest=self.digest)
            self.started += 1
        return self._worker

    def _discard(self) -> None:
        if self._worker is not None:
            self._worker.kill()
            self._worker = None

    def _result(self, article: Article, versions: dict) -> Report:
        from copydesk.desk.report import Report

        worker = self._worker
        if worker is None or worker.article is not article:  # _send failed
            message = f"this input could not be given to a worker ({self._unsent})"
            error = InputError("crash", message[:500])
            return Report(source=article.source, error=error, versions=dict(versions))
        outcome = worker.wait(self.budget)
        if isinstance(outcome, InputError):
            self._discard()
            return Report(source=article.source, error=outcome, versions=dict(versions))
        report, retire = outcome
        if retire:  # a MemoryError: the worker's heap may stay large, start afresh
            self._discard()
        return report


class _Worker:
    """One forked worker process and the pipe to it. The worker takes an article, sends back
    ``(report, retire)``, and waits for the next; ``article`` is the one it is checking."""

    def __init__(self, desk: Desk, budget: Budget, *, digest: bool = False):
        ours, theirs = Pipe(duplex=True)
        _flush_standard_streams()
        try:
            pid = os.fork()
        except OSError:
            ours.close()
            theirs.close()
            raise
        if pid == 0:  # the worker; it never returns into the caller's code
            code = 0
            try:
                ours.close()
                _serve(desk, theirs, budget, digest=digest)
            except BaseException:  # noqa: BLE001 - a worker ends here whatever happens
                code = 70
            finally:
                os._exit(code)
        theirs.close()
        self.pid = pid
        self.conn: Connection = ours
        self.article: Article | None = None
        self.started_at = 0.0
        self._next_own_read = 0.0
        self._reaped = False

    def give(self, article: Article) -> None:
        self.conn.send(article)
        self.article = article
        self.started_at = time.monotonic()

    def wait(self, budget: Budget) -> tuple[Report, bool] | InputError:
        """The worker's answer for its article, or the error that stopped it (the worker is
        then dead or killed)."""
        deadline = self.started_at + budget.time_limit if budget.time_limit else math.inf
        while True:
            timeout = max(0.0, min(POLL_INTERVAL, deadline - time.monotonic()))
            try:
                if self.conn.poll(timeout):
                    report, retire = self.conn.recv()
                    self.article = None
                    return report, retire
            except (EOFError, OSError):
                return InputError("crash", self._death())
            if time.monotonic() >= deadline:
                self.kill()
                return InputError("budget", f"stopped after {seconds_label(budget.time_limit or 0)}"
                                            f" s ({budget.time_label()})")
            if budget.memory_limit is not None:
                own = self._own_memory_over(budget.memory_limit)
                if own is not None:
                    self.kill()
                    return InputError("budget", f"stopped at {size_label(own)}B of memory "
                                                f"({budget.memory_label()})")

    def _own_memory_over(self, limit: int) -> int | None:
        """The worker's own memory if it is over ``limit``, else None. Its resident size, cheap to
        read, bounds it; only past the limit is the costly private count read, at most once per
        twenty times the last read took."""
        rss = _memory(self.pid).get("VmRSS")
        if rss is None or rss <= limit:
            return None
        now = time.monotonic()
        if now < self._next_own_read:
            return None
        own = _own_memory(self.pid)
        self._next_own_read = now + max(POLL_INTERVAL, OWN_READ_SHARE * (time.monotonic() - now))
        if own is None:  # no smaps_rollup (Linux before 4.14): the resident size it is
            own = rss
        return own if own > limit else None

    def _death(self) -> str:
        """Why the worker is gone: the signal that killed it or its exit status."""
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return "the worker checking this input died"
        self._reaped = True
        if os.WIFSIGNALED(status):
            number = os.WTERMSIG(status)
            try:
                name = signal.Signals(number).name
            except ValueError:
                name = "unknown signal"
            if number == signal.SIGKILL:
                name += ", sent from outside the worker, e.g. by the kernel's out-of-memory killer"
            return f"the worker checking this input was killed by signal {number} ({name})"
        return f"the worker checking this input exited with status {os.WEXITSTATUS(status)}"

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if self._reaped:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self._reaped = True


# ---------------------------------------------------------------- inside the worker


def _serve(desk: Desk, conn: Connection, budget: Budget, *, digest: bool = False) -> None:
    """The worker's loop: check each article it is sent, send back its report (digested with
    ``digest``)."""
    from copydesk.desk.report import Report

    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
    _die_with_parent(parent)
    # Nothing from the worker reaches stdout (it is the report's), and stderr gets an object of
    # its own: a lock held by another of the caller's threads at the fork is not ours to wait on.
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the worker
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace",  # noqa: SIM115
                      closefd=False, buffering=1)
    if budget.memory_limit is not None:
        _limit_address_space(budget.memory_limit)
    while True:
        try:
            article = conn.recv()
        except (EOFError, OSError):
            return
        retire = False
        try:
            if isinstance(article, DeferredInput):  # parsed here, under the input's budget
                article = article.load()
            report = next(desk.check_many([article]))
            if digest:
                try:
                    report = report.digested()
                except MemoryError:
                    raise
                except Exception:  # noqa: BLE001, S110 - sent whole: the caller's to_dict reports it
                    pass
            if report.error is not None and report.error.kind == "budget":  # a MemoryError
                message = report.error.message.removesuffix(" (MemoryError)")
                report.error = InputError("budget", f"{message} ({budget.memory_label()})")
                retire = True
        except MemoryError:
            report = Report(source=article.source, versions=desk.versions(), error=InputError(
                "budget", f"ran out of memory ({budget.memory_label()})"))
            retire = True
        try:
            conn.send((report, retire))
        except MemoryError:
            conn.send((Report(source=article.source, versions=desk.versions(), error=InputError(
                "budget", f"ran out of memory sending the report ({budget.memory_label()})")),
                True))
        except Exception as exc:  # noqa: BLE001 - a report that cannot be pickled fails alone
            message = f"the report could not be sent from the worker ({type(exc).__name__}: {exc})"
            conn.send((Report(source=article.source, versions=desk.versions(),
                              error=InputError("output", message[:500])), False))


def _limit_address_space(limit: int) -> None:
    """Let the worker's address space grow by at most the memory left under ``limit``: a large
    allocation then fails at once with MemoryError instead of waiting for the next poll."""
    import resource

    status = _memory(os.getpid())
    size, own = status.get("VmSize"), _own_memory(os.getpid())
    if own is None:  # no smaps_rollup: count the resident size, as the supervisor then does
        own = status.get("VmRSS")
    if size is None or own is None or own >= limit:
        return  # the supervisor's poll stops it
    ceiling = size + (limit - own)
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill the worker when the supervising process dies (PR_SET_PDEATHSIG), so a
    worker stuck in C code never outlives its run."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before the request took effect
        os._exit(0)


def _memory(pid: int) -> dict[str, int]:
    """``VmRSS`` and ``VmSize`` of a process in bytes, from ``/proc/PID/status`` (empty once it
    is gone)."""
    return _sizes(f"/proc/{pid}/status", ("VmRSS:", "VmSize:"))


def _rollup(pid: int) -> dict[str, int]:
    """The sizes in ``/proc/PID/smaps_rollup`` in bytes ("Rss", "Private_Dirty", …); empty if the
    file cannot be read (the process is gone, or Linux is older than 4.14)."""
    return _sizes(f"/proc/{pid}/smaps_rollup")


def _sizes(path: str, wanted: tuple[str, ...] | None = None) -> dict[str, int]:
    """The "Name:  123 kB" lines of a ``/proc`` file in bytes, by name (only the lines starting
    with one of ``wanted`` when given); empty if the file cannot be read."""
    found: dict[str, int] = {}
    try:
        with open(path, encoding="ascii", errors="replace") as lines:
            for line in lines:
                if wanted is not None and not line.startswith(wanted):
                    continue
                name, _, value = line.partition(":")
                parts = value.split()
                if parts and parts[0].isdigit() and " " not in name:
                    found[name] = int(parts[0]) * 1024  # kB
    except OSError:
        pass
    return found


def _own_memory(pid: int) -> int | None:
    """Bytes of a process's own memory: its private resident pages (``Private_Clean`` and
    ``Private_Dirty`` of ``_rollup``), what the machine would get back if it ended; None if the
    rollup cannot be read."""
    rollup = _rollup(pid)
    if "Private_Clean" not in rollup or "Private_Dirty" not in rollup:
        return None
    return rollup["Private_Clean"] + rollup["Private_Dirty"]


def _flush_standard_streams() -> None:
    """Write out what the caller has buffered before forking, so the worker holds no copy."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
