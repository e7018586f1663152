"""The ``copydesk`` command: a thin shell over the Python API (``copydesk.desk.Desk``).

One function per subcommand (``cmd_<name>``), each registered by an ``add_<name>`` function in
``SUBCOMMANDS``; adding a subcommand means writing those two functions. The spaCy model loads only
in commands that need it, and ``check`` loads it only when the first readable input arrives.

Exit status (DESIGN.md, "The JSON contract"):
  0  every input was processed (findings or not);
  1  ``--fail-on SEVERITY`` was given and a finding at or above it was made;
  2  a usage error, or an input failed (this wins over 1).
"""

from __future__ import annotations

import argparse
import copy
import math
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import TYPE_CHECKING, Any, BinaryIO

import copydesk
from copydesk.cli import house
from copydesk.errors import CheckError, CopydeskError, IngestError, UsageError
from copydesk.model import DEFAULT_EXTRACTION, EXTRACTIONS, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.checks.policy import SeverityPolicy
    from copydesk.desk import Desk, Report
    from copydesk.desk.supervise import Budget
    from copydesk.model import Article

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_FAILURE = 2

PROG = "copydesk"
FORMATS = ("text", "json", "jsonl", "html", "markdown")
SEVERITIES = ("info", "warning", "error")
DEFAULT_MAX_BYTES = 20_000_000
_SIZE_SUFFIXES = {"k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
#: The largest ``--max-size``: far past any article, and small enough for every read call.
MAX_SIZE_LIMIT = 1_000_000_000_000
#: The smallest ``--memory-limit`` accepted (other than 0, no limit).
MIN_MEMORY_LIMIT = 100_000_000


#: ``Context.make_desk(policy=KEEP)``: the desk's own severity policy.
KEEP = "keep"


@dataclass
class Context:
    """What a subcommand gets besides its arguments: things tests inject instead of defaults."""

    desk: Desk | None = None
    stdin: BinaryIO | None = None

    def make_desk(
        self,
        checks: list[str],
        exclude: list[str],
        *,
        reference_date: datetime | None = None,
        policy: SeverityPolicy | None | str = KEEP,
        kb: str | None = None,
        model: str | None = None,
        claims_model: str | None = None,
    ) -> Desk:
        """The injected desk (narrowed to ``checks``/``exclude``, with this reference date and
        severity policy) or a newly loaded one. ``policy`` is a policy, None (raw severities)
        or ``KEEP`` (the injected desk's, or the default)."""
        if self.desk is None:
            from copydesk.desk import Desk
            from copydesk.knowledge import Knowledge

            return Desk(
                checks=checks or None, exclude=exclude, reference_date=reference_date,
                severity_policy="default" if policy == KEEP else policy,
                knowledge=Knowledge(kb_path=kb) if kb else None, model=model,
                claims_model=claims_model,
            )
        if claims_model:
            from copydesk.analyse.claim_model import load_model

            narrowed = copy.copy(self.desk)
            narrowed.claims_model = load_model(claims_model)
            return Context(desk=narrowed).make_desk(checks, exclude, reference_date=reference_date,
                                                    policy=policy)
        if not checks and not exclude and reference_date is None and policy == KEEP:
            return self.desk
        narrowed = copy.copy(self.desk)
        if checks or exclude:
            narrowed.registry = self.desk.registry.select(checks or None, exclude=exclude)
        if reference_date is not None:
            narrowed.reference_date = reference_date
        if policy != KEEP:
            narrowed.policy = policy
        return narrowed

    def registry(self):
        """The injected desk's registry, or the default one (built-ins and plugins)."""
        if self.desk is not None:
            return self.desk.registry
        from copydesk.checks.registry import Registry

        return Registry.default()


# ---------------------------------------------------------------- argument types


def severity_arg(value: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def date_arg(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO date such as 2022-02-21 or 2022-02-21T09:14"
        ) from None


def size_arg(value: str) -> int:
    """Bytes: ``5000000``, ``5M``, ``500k``, ``1G`` (decimal units), at most ``1000G``."""
    text = value.strip().lower().removesuffix("b")
    factor = _SIZE_SUFFIXES.get(text[-1:], 1) if text else 1
    digits = text[:-1] if factor != 1 else text
    try:
        size = float(digits) * factor
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size such as 5000000 or 5M") from None
    if math.isnan(size):
        raise argparse.ArgumentTypeError(f"{value!r} is not a size such as 5000000 or 5M")
    if size > MAX_SIZE_LIMIT:  # also inf and 1e400
        raise argparse.ArgumentTypeError(f"size {value!r} is too large (at most 1000G)")
    if int(size) <= 0:
        raise argparse.ArgumentTypeError(f"size must be positive, not {value!r}")
    return int(size)


def seconds_arg(value: str) -> float:
    """Seconds for ``--time-limit``: ``30``, ``2.5``; ``0`` for no limit."""
    try:
        seconds = float(value.strip().lower().removesuffix("s"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a number of seconds such as 30 or 2.5 (0 for no limit)"
        ) from None
    if not math.isfinite(seconds) or seconds < 0:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a number of seconds such as 30 or 2.5 (0 for no limit)"
        )
    return seconds


def memory_arg(value: str) -> int:
    """Bytes for ``--memory-limit``, read like ``--max-size`` (``1.5G``, ``800M``); ``0`` for no
    limit. Under 100M is refused: a worker holds about 50M of its own from the start."""
    if value.strip().lower().removesuffix("b") in ("0", "0.0"):
        return 0
    size = size_arg(value)
    if size < MIN_MEMORY_LIMIT:
        raise argparse.ArgumentTypeError(
            f"{value!r} is too small: a worker holds 50-500M of its own while it checks "
            f"(at least 100M; 0 for no limit)"
        )
    return size


def severity_caps_arg(value: str) -> dict[str, Severity]:
    """``CHECK=LEVEL[,CHECK=LEVEL]`` for ``--severity``."""
    from copydesk.checks.policy import parse_caps

    try:
        return parse_caps(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def id_list_arg(value: str) -> list[str]:
    ids = [part.strip() for part in value.split(",") if part.strip()]
    if not ids:
        raise argparse.ArgumentTypeError("give at least one check id, e.g. spelling,dates.weekday")
    return ids


# ---------------------------------------------------------------- check


def add_check(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "check",
        help="check articles and report findings",
        description="Check articles (files, directories, or - for stdin) and report findings.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - (stdin)")
    parser.add_argument("-f", "--format", choices=FORMATS, default="text", help="default: text")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report here, not stdout")
    parser.add_argument(
        "--min-severity", type=severity_arg, metavar="|".join(SEVERITIES),
        help="show (and write to JSON) only findings at or above this severity",
    )
    parser.add_argument(
        "--fail-on", type=severity_arg, metavar="|".join(SEVERITIES),
        help="exit 1 when a finding at or above this severity is made",
    )
    parser.add_argument(
        "--published", type=date_arg, metavar="DATE",
        help="publication date of every input, replacing the one found (ISO 8601)",
    )
    parser.add_argument(
        "--reference-date", type=date_arg, metavar="DATE",
        help="read articles that carry no date as of this date (ISO 8601; default: today); an "
        "HTML page's date later than the day after it is taken for no publication date",
    )
    add_extraction_argument(parser)
    severity = parser.add_mutually_exclusive_group()
    severity.add_argument(
        "--severity", type=severity_caps_arg, action="append", default=[],
        metavar="CHECK=LEVEL[,...]",
        help="raise or lower the highest severity a check reports at (the shipped policy is "
        "data/severity.tsv); an area like 'names' sets names.*. Repeatable",
    )
    severity.add_argument(
        "--raw-severity", action="store_true",
        help="no severity policy: each finding at the severity its check gave",
    )
    parser.add_argument(
        "--checks", type=id_list_arg, action="extend", default=[], metavar="ID,...",
        help="run only these checks (an area like 'names' selects names.*)",
    )
    parser.add_argument(
        "--exclude", type=id_list_arg, action="extend", default=[], metavar="ID,...",
        help="do not run these checks",
    )
    parser.add_argument(
        "--kb", metavar="PATH",
        help="knowledge base file (default: $COPYDESK_KB or ~/.local/share/copydesk/kb.sqlite; "
        "built from the shipped data when missing)",
    )
    parser.add_argument(
        "--model", metavar="NAME",
        help="the spaCy pipeline: en_core_web_md (default) or en_core_web_sm (half the memory, about "
        "as fast, a little less accurate; docs/BENCHMARKS.md), or an installed spaCy package or model directory",
    )
    add_claims_model_argument(parser)
    parser.add_argument(
        "--max-size", type=size_arg, default=DEFAULT_MAX_BYTES, metavar="BYTES",
        help="skip inputs larger than this (default 20M)",
    )
    add_budget_arguments(
        parser,
        time_help="stop an input's analysis and checks after this many seconds of wall time "
        "and report it as failed",
        memory_help="stop an input whose worker holds this much memory of its own (the "
        "loaded model, shared with this process, not counted)",
        isolation_help="check in this process, without a worker: no time or memory limit, and "
        "a crash ends the run",
    )
    add_progress_arguments(parser)
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colours in the text format (auto: on a terminal, unless NO_COLOR is set)",
    )
    house.add_house_arguments(parser)  # --config, --baseline, --write-baseline, --db, ...
    parser.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace, context: Context) -> int:
    from copydesk.cli.progress import ProgressDisplay
    from copydesk.ingest.sources import read_inputs
    from copydesk.report import open_writer
    from copydesk.report.summary import Summary, at_least
    from copydesk.report.visible import visible

    # Check ids are validated before any input is read or the model is loaded.
    config = house.read_config(args, context)  # copydesk.toml: folded into the options
    _validate_checks(args.checks, args.exclude, context)
    suppress = house.suppressor(args)
    record: list | None = [] if args.write_baseline else None
    policy = _severity_policy(args, context)
    budget = _budget(args)
    out, close_out = _open_output(args.output)
    styled = args.format == "text" and _want_colour(args.color, out if args.output else sys.stdout)
    writer = open_writer(args.format, out, styled=styled)
    summary = Summary()
    worst: Severity | None = None
    inputs = read_inputs(
        args.paths, published=args.published, max_bytes=args.max_size, stdin=context.stdin,
        reference_date=args.reference_date, extraction=args.extraction,
        defer=budget is not None,  # parsed in the supervised worker, under the input's budgets
    )

    def make_desk() -> Desk:
        return house.configured(context.make_desk(
            args.checks, args.exclude, reference_date=args.reference_date, policy=policy,
            kb=args.kb, model=args.model, claims_model=args.claims_model,
        ), config)

    try:
        with ProgressDisplay(enabled=_want_progress(args)) as progress:
            for report in house.suppressed(_reports(inputs, make_desk, budget), suppress, record):
                if report.error is not None:
                    # one line per failed input, whatever its name holds (report.visible)
                    progress.message(visible(f"{PROG}: {report.source}: {report.error.message}"))
                for finding in report.findings:
                    worst = finding.severity if worst is None else max(worst, finding.severity)
                shown = at_least(report, args.min_severity)
                shown = _write(writer, shown, progress)
                summary.add(shown)
                progress.advance(failed=shown.error is not None)
        writer.close(summary)
    finally:
        if close_out:
            out.close()
    house.finish(args, suppress, record, PROG)
    if args.format != "text" and args.output and sys.stderr.isatty():
        print(visible(f"{PROG}: {summary.line()}; report written to {args.output}"),
              file=sys.stderr)
    if summary.failed:
        return EXIT_FAILURE
    if args.fail_on is not None and worst is not None and worst >= args.fail_on:
        return EXIT_FINDINGS
    return EXIT_OK


def _write(writer, report: Report, progress) -> Report:
    """Write one report; when it cannot be written (a writer's bug on this input), write an error
    report of kind ``output`` for that input instead, so the output stays whole."""
    try:
        writer.write(report)
        return report
    except BrokenPipeError:
        raise  # the reader went away (`copydesk check ... | head`): no input's fault; stop quietly
    except Exception as exc:  # noqa: BLE001 - becomes this input's error
        from copydesk.desk.report import Report as _Report
        from copydesk.model import InputError
        from copydesk.report.visible import visible

        message = f"the report could not be written ({type(exc).__name__}: {exc})"[:500]
        failed = _Report(source=report.source, error=InputError("output", message),
                         versions=dict(report.versions))
        progress.message(visible(f"{PROG}: {report.source}: {message}"))
        writer.write(failed)
        return failed


def _reports(
    inputs: Iterable[Article | IngestError],
    make_desk: Callable[[], Desk],
    budget: Budget | None = None,
    *,
    digest: bool = False,
) -> Iterator[Report]:
    """Reports in input order. The desk (and the model) is created when the first article
    arrives, so a run whose inputs all fail never loads the model. With a ``budget`` the
    articles are checked in a supervised worker (``copydesk.desk.supervise``), otherwise here;
    with ``digest`` a worker's reports come back digested (``Report.digested``: enough for
    ``to_dict``, for a caller that only stores them)."""
    from copydesk.desk.report import Report
    from copydesk.model import InputError

    items = iter(inputs)
    for item in items:
        if isinstance(item, IngestError):
            yield Report(source=item.source, error=InputError(item.kind, item.message))
            continue
        desk = make_desk()
        if budget is None:
            yield from desk.check_many(chain([item], items))
            return
        from copydesk.desk.supervise import Supervisor

        with Supervisor(desk, budget, digest=digest) as supervisor:
            yield from supervisor.check_many(chain([item], items))
        return


def add_extraction_argument(parser: argparse.ArgumentParser) -> None:
    """``--extraction``: how an HTML page's main text is found (``copydesk.ingest.html``)."""
    parser.add_argument(
        "--extraction", choices=EXTRACTIONS, default=DEFAULT_EXTRACTION,
        help="how the main text of an HTML page is found: cascade (default: trafilatura's two "
        "ends, four extractors vote where they disagree), lean (trafilatura's recall end, and at "
        "most one more extractor where its text shows why it may be wrong: as accurate on the "
        "benchmarks at twice the speed, about trafilatura's), fast (one trafilatura pass; a "
        "little less accurate) or vote (four extractors on every page); see docs/html.md",
    )


def add_budget_arguments(
    parser: argparse.ArgumentParser, *, time_help: str, memory_help: str, isolation_help: str
) -> None:
    """``--time-limit``, ``--memory-limit`` and ``--no-isolation``, read by ``_budget``; each
    help text gets the option's default appended."""
    parser.add_argument("--time-limit", type=seconds_arg, default=None, metavar="SECONDS",
                        help=f"{time_help} (default 30; 0: no limit)")
    parser.add_argument("--memory-limit", type=memory_arg, default=None, metavar="SIZE",
                        help=f"{memory_help} (default 1.5G; 0: no limit)")
    parser.add_argument("--no-isolation", dest="isolation", action="store_false",
                        help=isolation_help)


def add_progress_arguments(parser: argparse.ArgumentParser) -> None:
    """``--progress`` and ``--no-progress`` (``args.progress``: True, False, or None for "when
    stderr is a terminal")."""
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_const", const=True,
                          default=None, help="always show progress on stderr")
    progress.add_argument("--no-progress", dest="progress", action="store_const", const=False,
                          help="never show progress")


def add_claims_model_argument(parser: argparse.ArgumentParser) -> None:
    """``--claims-model FILE`` (``args.claims_model``: a path, for
    ``copydesk.analyse.claim_model.load_model``)."""
    parser.add_argument(
        "--claims-model", metavar="FILE",
        help="score check-worthy claims with this model (written by `copydesk train claims`) "
        "instead of the shipped hand-set scorer (docs/claims.md)",
    )


def _budget(args: argparse.Namespace) -> Budget | None:
    """The per-input budget of ``--time-limit`` and ``--memory-limit`` (their defaults when not
    given; 0 is no limit), or None for ``--no-isolation``, which takes neither."""
    from copydesk.desk.supervise import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, Budget

    if not args.isolation:
        given = [name for name, value in (("--time-limit", args.time_limit),
                                          ("--memory-limit", args.memory_limit))
                 if value is not None]
        if given:
            raise UsageError(f"{given[0]} needs a worker to enforce it; not with --no-isolation")
        return None
    seconds = DEFAULT_TIME_LIMIT if args.time_limit is None else args.time_limit
    size = DEFAULT_MEMORY_LIMIT if args.memory_limit is None else args.memory_limit
    return Budget(time_limit=seconds or None, memory_limit=size or None,
                  time_name="--time-limit", memory_name="--memory-limit")


def _validate_checks(checks: list[str], exclude: list[str], context: Context) -> None:
    if not checks and not exclude:
        return
    try:
        context.registry().select(checks or None, exclude=exclude)
    except CheckError as exc:
        raise UsageError(str(exc)) from None


def _severity_policy(args: argparse.Namespace, context: Context) -> SeverityPolicy | None | str:
    """The policy ``--raw-severity`` / ``--severity`` ask for (``KEEP`` when neither is given);
    a check id in ``--severity`` that names no registered check is a usage error."""
    if args.raw_severity:
        return None
    if not args.severity:
        return KEEP
    from copydesk.checks.policy import SeverityPolicy

    base = context.desk.policy if context.desk is not None else None
    caps: dict[str, Severity] = {}
    for group in args.severity:
        caps.update(group)
    try:
        return (base or SeverityPolicy.default()).with_caps(caps, known=context.registry().ids())
    except CheckError as exc:
        raise UsageError(f"--severity: {exc}") from None


def _open_output(path: str | None):
    if path is None or path == "-":
        return sys.stdout, False
    try:
        return open(path, "w", encoding="utf-8", newline="\n"), True
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def _want_colour(choice: str, stream: Any) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _isatty(stream)


def _want_progress(args: argparse.Namespace) -> bool:
    if args.progress is not None:
        return args.progress
    if not _isatty(sys.stderr):
        return False
    # A live display on the same terminal as the report would tangle with it.
    return args.output is not None or not _isatty(sys.stdout)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


# ---------------------------------------------------------------- info


def add_info(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "info",
        help="versions, model, knowledge sources and registered checks",
        description="Show versions, the language model, knowledge sources and checks.",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=cmd_info)


def cmd_info(args: argparse.Namespace, context: Context) -> int:
    from copydesk.cli.info import collect_info, render_info

    info = collect_info(context.desk)
    if args.json:
        import json

        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        print(render_info(info))
    return EXIT_FAILURE if info["problems"] else EXIT_OK


# ---------------------------------------------------------------- entry point


def add_kb(commands: argparse._SubParsersAction) -> None:
    """``copydesk kb ...`` lives in ``copydesk.cli.kb``."""
    from copydesk.cli.kb import add_kb as add

    add(commands)


def add_serve(commands: argparse._SubParsersAction) -> None:
    """``copydesk serve`` lives in ``copydesk.cli.serve``."""
    from copydesk.cli.serve import add_serve as add

    add(commands)


def add_store(commands: argparse._SubParsersAction) -> None:
    """``copydesk ingest``, ``search``, ``quotes`` and ``export`` live in ``copydesk.cli.store``."""
    from copydesk.cli.store import add_export, add_ingest, add_quotes, add_search

    for add in (add_ingest, add_search, add_quotes, add_export):
        add(commands)


def add_batch(commands: argparse._SubParsersAction) -> None:
    """``copydesk batch`` (Dask) lives in ``copydesk.cli.batch``."""
    from copydesk.cli.batch import add_batch as add

    add(commands)


def add_train(commands: argparse._SubParsersAction) -> None:
    """``copydesk train`` lives in ``copydesk.cli.train``."""
    from copydesk.cli.train import add_train as add

    add(commands)


#: Subcommands in the order ``--help`` lists them.
SUBCOMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    add_check,
    add_store,
    add_batch,
    add_train,
    add_info,
    add_kb,
    add_serve,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="An automated copy desk for news: findings and structured records.",
        epilog="Exit status: 0 all inputs processed; 1 findings at --fail-on; 2 usage error "
        "or a failed input.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {copydesk.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in SUBCOMMANDS:
        add(commands)
    return parser


def main(
    argv: list[str] | None = None, *, desk: Desk | None = None, stdin: BinaryIO | None = None
) -> int:
    """Run the CLI; returns the exit status. ``desk`` and ``stdin`` are for tests and embedding."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return int(exc.code) if isinstance(exc.code, int) else EXIT_FAILURE
    try:
        return args.handler(args, Context(desk=desk, stdin=stdin))
    except UsageError as exc:
        _error(f"{PROG}: error: {exc}")
        return EXIT_FAILURE
    except CopydeskError as exc:
        _error(f"{PROG}: {exc}")
        return EXIT_FAILURE
    except BrokenPipeError:  # e.g. `copydesk check ... | head`
        _silence_stdout()
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - a bug: shown, and exit 1 stays reserved for --fail-on
        import traceback

        traceback.print_exc()
        print(f"{PROG}: internal error (the traceback above is a bug; please report it)",
              file=sys.stderr)
        return EXIT_FAILURE


def _error(message: str) -> None:
    """A message on stderr; control characters from the input it quotes (a file name, a check
    id) are shown as ``⟨U+001B⟩`` so that none reaches the terminal."""
    from copydesk.report.visible import visible

    print(visible(message, keep="\n"), file=sys.stderr)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
