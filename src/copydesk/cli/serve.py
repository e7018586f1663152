"""``copydesk serve``: the REST API (``copydesk.http``) with uvicorn, one process.

    copydesk serve [--host 127.0.0.1] [--port 8000] [--db URL] [--token TOKEN] [--kb PATH]
                   [--config FILE]
                   [--max-body 2M] [--time-limit 30] [--memory-limit 1.5G] [--no-isolation]
                   [--allow-host NAME]

The desk (model and knowledge) loads before the port answers; ``GET /api/v1/health`` answers
once it is ready. Off loopback (``--host 0.0.0.0``) the server refuses to start without a token
(``--token`` or ``$COPYDESK_TOKEN``).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace

EXIT_OK = 0
TOKEN_ENV = "COPYDESK_TOKEN"
DB_ENV = "COPYDESK_DB"


def port_arg(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"port must be 1-65535, not {port}")
    return port


def add_serve(commands: argparse._SubParsersAction) -> None:
    from copydesk.cli.house import add_config_argument
    from copydesk.cli.main import add_budget_arguments, size_arg
    from copydesk.http.settings import DEFAULT_MAX_BODY

    parser = commands.add_parser(
        "serve",
        help="serve the REST API (POST /api/v1/check, OpenAPI at /openapi.json)",
        description="Serve the REST API over HTTP (docs/cli.md, 'copydesk serve').",
    )
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; off loopback a token is "
                        "required)")
    parser.add_argument("--port", type=port_arg, default=8000, help="default 8000")
    parser.add_argument(
        "--token", default=None, metavar="TOKEN",
        help=f"bearer token that writes need (default ${TOKEN_ENV}); required when --host is "
        "not a loopback address; at least 16 characters",
    )
    parser.add_argument(
        "--db", metavar="URL",
        help="store checked articles here and serve the store endpoints: a SQLite file or "
        "an SQLAlchemy URL (sqlite:///desk.sqlite, postgresql://user@host/db); default "
        f"${DB_ENV} when set, else the server only checks",
    )
    parser.add_argument("--kb", metavar="PATH", help="knowledge base file (as for check)")
    add_config_argument(parser)
    parser.add_argument(
        "--max-body", type=size_arg, default=DEFAULT_MAX_BODY, metavar="BYTES",
        help="refuse request bodies larger than this with 413 (default 2M)",
    )
    add_budget_arguments(
        parser,
        time_help="wall time one request's article may take to check",
        memory_help="memory of its own the checking worker may hold (the loaded model, "
        "shared with the server, not counted)",
        isolation_help="check in the server process, without a worker: no time or memory limit",
    )
    parser.add_argument(
        "--allow-host", action="append", default=[], metavar="NAME",
        help="another name a loopback server answers for in the Host header (a reverse "
        "proxy's); repeatable",
    )
    parser.set_defaults(handler=cmd_serve)


def settings_from(args: argparse.Namespace):
    """The server's ``Settings`` from the parsed options (and ``$COPYDESK_TOKEN``,
    ``$COPYDESK_DB``); the limits are read as ``copydesk check`` reads them."""
    from copydesk.cli.main import _budget
    from copydesk.http import Settings

    budget = _budget(args)  # None with --no-isolation (which takes neither limit)
    token = args.token if args.token is not None else os.environ.get(TOKEN_ENV)
    return Settings(
        host=args.host, port=args.port, token=token or None,
        db=args.db or os.environ.get(DB_ENV) or None, kb=args.kb, max_body=args.max_body,
        time_limit=budget.time_limit if budget else None,
        memory_limit=budget.memory_limit if budget else None,
        isolation=budget is not None, allowed_hosts=tuple(args.allow_host),
    )


def cmd_serve(args: argparse.Namespace, context) -> int:
    from copydesk.cli.house import configured, read_config
    from copydesk.http import run

    settings = settings_from(args)  # a missing token is a usage error, before the model loads
    config = read_config(args, context)  # copydesk.toml: a bad one fails before the model loads
    desk = configured(context.desk, config) if context.desk is not None else None
    if config is not None:
        settings = replace(settings, config=config.path)
    run(settings, desk=desk)
    return EXIT_OK
