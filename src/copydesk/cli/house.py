"""The house-style and suppression options of ``copydesk check`` (and ``--config`` of ``ingest``,
``batch`` and ``serve``): docs/style.md.

    --config FILE            the house style (default: ./copydesk.toml when it exists)
    --baseline FILE          drop findings whose fingerprint the file lists
    --write-baseline FILE    write the fingerprints of this run's findings
    --db DB                  the store whose 'dismissed' decisions drop findings (default: the
                             default store, when it exists; never created here)
    --no-store-decisions     do not read the store's decisions

The config's ``[checks]`` and ``[severity]`` are folded into ``--checks``/``--exclude`` and
``--severity`` (the options given on the command line win), so they go through the same
registry selection and severity policy; its words and rules go to the desk
(``copydesk.config.configure_desk``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.cli.main import Context
    from copydesk.config import HouseConfig
    from copydesk.desk import Desk, Report
    from copydesk.suppress import Suppressor

CONFIG_HELP = ("the house style: words, preferred forms, banned terms, checks and severities "
               "(docs/style.md); default ./copydesk.toml when it exists")


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help=CONFIG_HELP)


def add_house_arguments(parser: argparse.ArgumentParser) -> None:
    """``check``'s options: ``--config`` and the suppressions."""
    add_config_argument(parser)
    parser.add_argument("--baseline", metavar="FILE",
                        help="drop findings whose fingerprint this baseline file lists")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="write the fingerprint, check, source and text of every finding of "
                        "this run to FILE (JSON), for --baseline")
    parser.add_argument("--db", metavar="DB",
                        help="drop findings an editor dismissed in this store (default: the "
                        "default store, when one exists; none is created)")
    parser.add_argument("--no-store-decisions", dest="store_decisions", action="store_false",
                        help="do not read the store's dismissed decisions")


def read_config(args: argparse.Namespace, context: Context) -> HouseConfig | None:
    """The config ``--config`` names or ``./copydesk.toml``, checked against the registered
    checks; its checks and severities are folded into ``args`` (command-line options win) and
    the rest (words and style rules) is returned for ``configured``."""
    from copydesk.config import config_for

    config = config_for(getattr(args, "config", None))
    if config is None:
        return None
    config.check_ids(context.registry().ids())
    if hasattr(args, "checks"):
        if config.only and not args.checks:
            args.checks = list(config.only)
        args.exclude = [c for c in config.exclude if c not in args.exclude] + list(args.exclude)
    if hasattr(args, "severity") and config.severity and not getattr(args, "raw_severity", False):
        given = {key for group in args.severity for key in group}
        args.severity = [{k: v for k, v in config.severity.items() if k not in given}, *args.severity]
    if hasattr(args, "checks"):
        return replace(config, only=(), exclude=(), severity={})
    return config


def configured(desk: Desk, config: HouseConfig | None) -> Desk:
    """``desk`` under the house style (``copydesk.config.configure_desk``), or ``desk``."""
    from copydesk.config import configure_desk

    return desk if config is None else configure_desk(desk, config)


def suppressor(args: argparse.Namespace) -> Suppressor:
    """The suppressions ``--baseline``, ``--db`` and ``--no-store-decisions`` ask for."""
    from copydesk.suppress import Suppressor, read_baseline

    baseline = read_baseline(args.baseline) if args.baseline else frozenset()
    store = _store(args.db) if args.store_decisions else None
    return Suppressor(baseline=baseline, store=store)


def _store(db: str | None) -> Any:
    """The store at ``db`` (or the default one) when it exists, else None; never created."""
    from copydesk.cli.store import open_store
    from copydesk.store.engine import database_url

    url = database_url(db)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        if not Path(url.database).is_file():
            if db:
                raise UsageError(f"--db: no store at {db} (check reads a store's decisions; it "
                                 "does not create one)")
            return None
    return open_store(db)


def suppressed(reports: Iterable[Report], suppress: Suppressor,
               record: list[dict[str, Any]] | None) -> Iterator[Report]:
    """``reports`` with the suppressed findings dropped; each report's findings are first added
    to ``record`` (for ``--write-baseline``) when it is a list."""
    from copydesk.suppress import baseline_entries

    for report in reports:
        if record is not None:
            record.extend(baseline_entries(report))
        yield suppress.apply(report)


def finish(args: argparse.Namespace, suppress: Suppressor, record: list[dict[str, Any]] | None,
           prog: str = "copydesk") -> None:
    """Write ``--write-baseline`` and say on stderr what was suppressed."""
    from copydesk.report.visible import visible
    from copydesk.suppress import write_baseline

    if suppress.store is not None:
        suppress.store.close()
    if suppress.baseline or suppress.total:
        print(visible(f"{prog}: {suppress.line()}"), file=sys.stderr)
    if record is not None:
        count = write_baseline(args.write_baseline, record)
        print(visible(f"{prog}: {count} finding{'' if count == 1 else 's'} written to the "
                      f"baseline {args.write_baseline}"), file=sys.stderr)
