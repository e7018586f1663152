"""What a supervised worker holds of its own, the figure ``--memory-limit`` bounds, and what
reading it costs the supervisor.

    .venv/bin/python bench/worker_memory.py [--articles 60] [--caller-holds 1.0]

One process loads a desk, then (with ``--caller-holds GB``) fills that much memory of its own,
as a notebook or a test run would, and checks ``--articles`` news-like articles (written by
``bench/isolation.py``'s generator, deterministic) through a ``Supervisor`` with no budget. After
the first, fifth and last article it reads the worker's ``/proc/PID/smaps_rollup``: its
resident size (``Rss``, what the budget counted before it was changed), its own memory
(``Private_Clean + Private_Dirty``, what it counts now) and the pages it shares with the caller.
It also times the two reads the supervisor makes while it waits: ``/proc/PID/status`` (every
50 ms) and ``smaps_rollup`` (only once the resident size passes the limit).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

MB = 1024 * 1024


def read_cost(read, pid: int, times: int = 20) -> float:
    """Milliseconds one call of ``read(pid)`` takes, the mean of ``times``."""
    started = time.perf_counter()
    for _ in range(times):
        read(pid)
    return (time.perf_counter() - started) / times * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--caller-holds", type=float, default=0.0, metavar="GB",
                        help="memory the calling process fills before the worker is forked")
    args = parser.parse_args()

    from isolation import article

    from copydesk.desk import Desk
    from copydesk.desk.supervise import Budget, Supervisor, _memory, _own_memory, _rollup
    from copydesk.ingest.text import parse_text

    desk = Desk()
    held = bytearray(int(args.caller_holds * 1e9))
    for position in range(0, len(held), 4096):  # touched, so resident
        held[position] = 1
    r = random.Random(7)
    articles = [parse_text(article(r), source=f"a{k}") for k in range(args.articles)]
    caller = _rollup(os.getpid())
    print(f"caller: resident {caller['Rss'] / MB:.0f} MB (of which filled by --caller-holds: "
          f"{len(held) / MB:.0f} MB)")
    print("| after article | worker resident (Rss) | worker's own (private) | shared with the caller |")
    print("|---|---|---|---|")
    marks = {1, 5, args.articles}
    with Supervisor(desk, Budget(time_limit=None, memory_limit=None)) as supervisor:
        for n, _report in enumerate(supervisor.check_many(articles), start=1):
            if n in marks:
                fields = _rollup(supervisor._worker.pid)
                own = fields["Private_Clean"] + fields["Private_Dirty"]
                shared = fields["Shared_Clean"] + fields["Shared_Dirty"]
                print(f"| {n} | {fields['Rss'] / MB:.0f} MB | {own / MB:.0f} MB | {shared / MB:.0f} MB |")
        pid = supervisor._worker.pid
        print(f"\nreading /proc/PID/status: {read_cost(_memory, pid):.2f} ms; "
              f"smaps_rollup: {read_cost(_own_memory, pid):.1f} ms")


if __name__ == "__main__":
    main()
