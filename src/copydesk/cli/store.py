"""The store's commands (``copydesk.store``): ``ingest``, ``search``, ``quotes``, ``export``.

    copydesk ingest PATH... [--db DB] [--kb PATH] [--config FILE] [--published DATE]
                            [--reference-date DATE] [--max-size BYTES] [--time-limit S]
                            [--memory-limit SIZE] [--no-isolation] [--progress | --no-progress]
    copydesk search QUERY [--db DB] [--limit N] [--all-versions] [--json]
    copydesk quotes [--speaker NAME] [--db DB] [--limit N] [--json]
    copydesk export [--format jsonl|csv] [--table TABLE] [-o FILE] [--db DB]

``--db`` is a file path or a database URL (``postgresql://user@host/db``); without it
``$COPYDESK_DB``, else ``$XDG_DATA_HOME/copydesk/desk.sqlite``. ``ingest`` reads its inputs
and checks them as ``copydesk check`` does (same input kinds, budgets and failed-input rules)
and stores each report; results are lines on stdout, failed inputs lines on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from copydesk.errors import CopydeskError

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.cli.main import Context
    from copydesk.store import Store

EXIT_OK = 0
EXIT_FAILURE = 2
DB_HELP = ("the store: a file path or a database URL (postgresql://user@host/db); default "
           "$COPYDESK_DB, else ~/.local/share/copydesk/desk.sqlite")
#: What ``export --table`` writes (``copydesk.store.store.EXPORT_TABLES`` and ``reports``), named
#: here so that building the parser does not import SQLAlchemy.
TABLES = ("reports", "articles", "findings", "entities", "quotes", "claims", "events", "decisions")
STATUS_WORDS = {"new": "new", "version": "new version", "analysis": "re-analysed",
                "unchanged": "unchanged"}


def open_store(db: str | None) -> Store:
    """The store at ``db``; a database that cannot be opened is a ``CopydeskError``."""
    from sqlalchemy.exc import SQLAlchemyError

    from copydesk.store import Store
    from copydesk.store.engine import database_url

    try:
        return Store(db)
    except SQLAlchemyError as exc:
        where = database_url(db).render_as_string(hide_password=True)
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CopydeskError(f"cannot open the store {where}: {reason}") from None


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="DB", help=DB_HELP)


# ---------------------------------------------------------------- ingest


def add_ingest(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "ingest",
        help="check articles and keep their reports in the store",
        description="Check articles (files, directories, or - for stdin) as 'check' does and "
        "store each report: the same article twice is one record, a new text at a stored URL a "
        "new version.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - (stdin)")
    _db(parser)
    add_input_arguments(
        parser,
        time_help="time budget per input",
        memory_help="memory budget per input",
        isolation_help="check in this process, without a worker (as for check)",
    )
    parser.set_defaults(handler=cmd_ingest)


def add_input_arguments(
    parser: argparse.ArgumentParser, *, time_help: str, memory_help: str, isolation_help: str
) -> None:
    """The options ``ingest`` and ``batch`` share, in this order: ``--kb``, ``--config``,
    ``--published``, ``--reference-date``, ``--extraction``, ``--max-size``, the per-input budgets
    (``add_budget_arguments``, with these help texts) and ``--progress``/``--no-progress``."""
    from copydesk.cli.house import add_config_argument
    from copydesk.cli.main import (
        add_budget_arguments,
        add_extraction_argument,
        add_progress_arguments,
        date_arg,
        size_arg,
    )

    parser.add_argument("--kb", metavar="PATH", help="knowledge base file (as for check)")
    add_config_argument(parser)
    parser.add_argument("--published", type=date_arg, metavar="DATE",
                        help="publication date of every input (as for check)")
    parser.add_argument("--reference-date", type=date_arg, metavar="DATE",
                        help="read undated articles as of this date (as for check)")
    add_extraction_argument(parser)
    parser.add_argument("--max-size", type=size_arg, default=None, metavar="BYTES",
                        help="skip inputs larger than this (default 20M)")
    add_budget_arguments(parser, time_help=time_help, memory_help=memory_help,
                         isolation_help=isolation_help)
    add_progress_arguments(parser)


def cmd_ingest(args: argparse.Namespace, context: Context) -> int:
    from copydesk.cli.house import configured, read_config
    from copydesk.cli.main import DEFAULT_MAX_BYTES, PROG, _budget, _isatty, _reports
    from copydesk.cli.progress import ProgressDisplay
    from copydesk.ingest.sources import read_inputs
    from copydesk.report.visible import visible

    config = read_config(args, context)  # copydesk.toml, before the store or the model
    budget = _budget(args)
    store = open_store(args.db)
    counts: Counter[str] = Counter()
    inputs = read_inputs(
        args.paths, published=args.published, stdin=context.stdin,
        max_bytes=args.max_size if args.max_size is not None else DEFAULT_MAX_BYTES,
        reference_date=args.reference_date, defer=budget is not None, extraction=args.extraction,
    )

    def make_desk():
        return configured(
            context.make_desk([], [], reference_date=args.reference_date, kb=args.kb), config
        )

    enabled = args.progress if args.progress is not None else _isatty(sys.stderr)
    try:
        with ProgressDisplay(enabled=enabled) as progress:
            for report in _reports(inputs, make_desk, budget, digest=True):
                if report.error is not None:
                    counts["failed"] += 1
                    progress.message(visible(f"{PROG}: {report.source}: {report.error.message}"))
                else:
                    result = store.ingest(report)
                    counts[result.status] += 1
                    counts["findings"] += len(report.findings)
                progress.advance(failed=report.error is not None)
    finally:
        store.close()
    print(visible(summary_line(counts, store.describe())))
    return EXIT_FAILURE if counts["failed"] else EXIT_OK


def summary_line(counts: Counter[str], where: str) -> str:
    """``4 articles stored in desk.sqlite: 2 new, 1 new version, 1 unchanged; 12 findings;
    0 inputs failed``."""
    stored = sum(counts[s] for s in STATUS_WORDS)
    parts = [f"{counts[s]} {word}" for s, word in STATUS_WORDS.items() if counts[s]]
    noun = "article" if stored == 1 else "articles"
    line = f"{stored} {noun} stored in {where}"
    if parts:
        line += ": " + ", ".join(parts)
    failed = counts["failed"]
    return (f"{line}; {counts['findings']} findings; "
            f"{failed} input{'' if failed == 1 else 's'} failed")


# ---------------------------------------------------------------- search and quotes


def add_search(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "search",
        help="full-text search of the stored articles",
        description='Search the stored articles\' headlines and texts: words (all must match), '
        '"a phrase", OR, -word.',
    )
    parser.add_argument("query", metavar="QUERY")
    _db(parser)
    parser.add_argument("--limit", type=_count, default=20, metavar="N", help="default 20")
    parser.add_argument("--all-versions", action="store_true",
                        help="search every stored version, not only each article's latest")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace, context: Context) -> int:
    def lines(hit: Any) -> list[str]:
        return [_where(hit, hit.published or "-"), "    " + " ".join(hit.snippet.split())]

    return _listing(
        args, lambda store: store.search(args.query, limit=args.limit,
                                         all_versions=args.all_versions),
        lines, ("match", "matches"),
    )


def add_quotes(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "quotes",
        help="stored quotes, by speaker",
        description="List the quotes of the stored articles (each one's latest version).",
    )
    _db(parser)
    parser.add_argument("--speaker", metavar="NAME",
                        help="a part of the speaker's name (any case), or a knowledge-base id")
    parser.add_argument("--limit", type=_count, default=None, metavar="N", help="at most N")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.set_defaults(handler=cmd_quotes)


def cmd_quotes(args: argparse.Namespace, context: Context) -> int:
    def lines(quote: Any) -> list[str]:
        said = " ".join(quote.text.split())
        if quote.kind == "direct":
            said = f"“{said}”"  # the words spoken; reported speech is the writer's, unquoted
        else:
            said = f"({quote.kind}) {said}"
        return [f"{quote.speaker or '(unattributed)'}: {said}", "    " + _where(quote)]

    return _listing(args, lambda store: store.quotes(speaker=args.speaker, limit=args.limit),
                    lines, ("quote", "quotes"))


def _where(record: Any, *middle: str) -> str:
    """``3 v2  [middle]  Headline  <url or source>``."""
    parts = [f"{record.article_id} v{record.version}", *middle,
             record.headline or "(no headline)", f"<{record.url or record.source}>"]
    return "  ".join(parts)


def _listing(args: argparse.Namespace, fetch: Callable[[Store], list[Any]],
             lines: Callable[[Any], list[str]], nouns: tuple[str, str]) -> int:
    """Records from the store: a few lines each (the count on stderr), or ``--json`` lines."""
    store = open_store(args.db)
    try:
        records = fetch(store)
    finally:
        store.close()
    if args.json:
        for record in records:
            print(json.dumps(record.to_dict(), ensure_ascii=False))
        return EXIT_OK
    for record in records:
        for line in lines(record):
            _print(line)
    _print(f"{len(records)} {nouns[len(records) != 1]}", err=True)
    return EXIT_OK


# ---------------------------------------------------------------- export


def add_export(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export",
        help="write the store out as JSONL or CSV",
        description="Write each stored article's latest version: JSONL reports (schema 1 with "
        "a 'store' object) or one row per finding in CSV; --table picks other records.",
    )
    _db(parser)
    parser.add_argument("-f", "--format", choices=("jsonl", "csv"), default="jsonl",
                        help="default: jsonl")
    parser.add_argument("--table", choices=TABLES, default=None,
                        help="what to write (default: reports for jsonl, findings for csv)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here, not stdout")
    parser.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace, context: Context) -> int:
    from copydesk.cli.main import PROG, _open_output

    store = open_store(args.db)
    out, close_out = _open_output(args.output)
    try:
        count = store.export(out, args.format, table=args.table)
    finally:
        store.close()
        if close_out:
            out.close()
    if args.output:
        print(f"{PROG}: {count} records written to {args.output}", file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------- helpers


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _print(line: str, *, err: bool = False) -> None:
    from copydesk.report.visible import visible

    print(visible(line), file=sys.stderr if err else sys.stdout)
