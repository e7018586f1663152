"""One checking thread per server process, and what it runs.

spaCy does not promise that one ``Language`` object may be called from several threads at once,
and the analysis keeps per-call state on shared objects (the matchers, the KB's caches), so the
server never calls the model from two threads: every check goes through one long-lived thread
(``ThreadPoolExecutor(max_workers=1)``), and requests wait their turn in its queue (at most
``queue_limit`` of them; past that, or after waiting longer than the time limit, they get 503).

With ``isolation`` (the default) that thread owns a ``copydesk.desk.Supervisor``: each article
is parsed and checked in a worker process forked from the server once the desk is loaded (the
model and the knowledge are shared copy-on-write), under the request's time and memory budget;
an article past its budget costs its request a 504 (time) or 503 (memory, a crash) and the next
request a fresh fork (about 0.1 s). The supervisor is created, forks and is closed in that same
thread, because a worker is killed when the thread that forked it ends. Without isolation the
thread checks in the server process itself (no budget).

The server's own threads (the event loop, the store endpoints) never touch the model; the
knowledge base opens one SQLite connection per thread, so reading it from them is safe.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from copydesk.errors import IngestError
from copydesk.ingest.sources import DeferredInput
from copydesk.model import Article

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk import Desk, Report, Supervisor

log = logging.getLogger(__name__)

Item = Article | IngestError | DeferredInput


class Busy(Exception):
    """The checker has too many requests waiting, or this one waited too long."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Checker:
    """Checks one item at a time in one thread. ``load`` is called in that thread to make the
    desk when none is given."""

    def __init__(
        self,
        desk: Desk | None,
        *,
        load: Callable[[], Desk] | None = None,
        isolation: bool = True,
        time_limit: float | None = None,
        memory_limit: int | None = None,
        queue_limit: int = 64,
        wait_limit: float | None = None,
    ):
        self.desk = desk
        self._load = load
        self.isolation = isolation
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self.queue_limit = queue_limit
        #: Seconds a request may wait for its turn before it is refused (None: no limit).
        self.wait_limit = wait_limit
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-check")
        self._supervisor: Supervisor | None = None
        self._pending = 0
        self._lock = threading.Lock()

    # ------------------------------------------------------------ life

    def start(self) -> Future[None]:
        """Load the desk (when not given) and warm it up, forking the first worker, in the
        checking thread; done when the checker is ready."""
        return self._executor.submit(self._start)

    def _start(self) -> None:
        if self.desk is None:
            assert self._load is not None
            self.desk = self._load()
        if self.isolation:
            from copydesk.desk import Budget, Supervisor

            budget = Budget(time_limit=self.time_limit, memory_limit=self.memory_limit,
                            time_name="--time-limit", memory_name="--memory-limit")
            self._supervisor = Supervisor(self.desk, budget)
            from copydesk.desk.supervise import WARM_UP_TEXT

            # warms the desk up in this process, then forks the worker and checks once in it
            self._check(DeferredInput("<warm-up>", WARM_UP_TEXT, False, "utf-8"))
        else:
            self.desk.check_text("Council approves new library.\n", source="<warm-up>")

    def close(self) -> None:
        """Stop the worker (in the thread that forked it) and the thread."""
        with contextlib.suppress(Exception):
            self._executor.submit(self._close).result(timeout=10)
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _close(self) -> None:
        if self._supervisor is not None:
            self._supervisor.close()
            self._supervisor = None

    # ------------------------------------------------------------ checking

    def submit(self, item: Item) -> Future[Report]:
        """The report of ``item``, checked in turn; raises ``Busy`` when too many wait."""
        with self._lock:
            if self._pending >= self.queue_limit:
                raise Busy(f"{self._pending} requests are waiting to be checked; try again later")
            self._pending += 1
        try:
            future = self._executor.submit(self._run, item, time.monotonic())
        except RuntimeError:  # shut down
            self._done()
            raise Busy("the server is shutting down") from None
        future.add_done_callback(lambda _future: self._done())
        return future

    def _done(self) -> None:
        with self._lock:
            self._pending -= 1

    @property
    def pending(self) -> int:
        return self._pending

    def _run(self, item: Item, queued_at: float) -> Report:
        waited = time.monotonic() - queued_at
        if self.wait_limit is not None and waited > self.wait_limit:
            raise Busy(f"waited {waited:.0f} s for a turn to be checked; try again later")
        return self._check(item)

    def _check(self, item: Item) -> Report:
        if self._supervisor is not None:
            with contextlib.closing(self._supervisor.check_many([item])) as reports:
                return next(reports)
        assert self.desk is not None
        if isinstance(item, DeferredInput):
            item = item.load()
        with contextlib.closing(self.desk.check_many([item])) as reports:
            return next(reports)

    def describe(self) -> dict[str, Any]:
        return {
            "isolation": self._supervisor is not None,
            "time_limit": self.time_limit if self.isolation else None,
            "memory_limit": self.memory_limit if self.isolation else None,
            "waiting": self._pending,
            "queue_limit": self.queue_limit,
        }
