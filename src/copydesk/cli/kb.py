"""``copydesk kb``: build, import into, query, describe and export the knowledge base.

    copydesk kb build [--kb PATH] [--sources shipped,registries]
    copydesk kb import FILE... [--kb PATH] [--format auto|table|wikidata-dump] [--kinds ...]
    copydesk kb import --sparql-items Q1,Q2 | --sparql-query FILE [--endpoint URL]
    copydesk kb lookup NAME [--fuzzy] [--kind person] [--limit N]
    copydesk kb lookup --role ROLE --of CODE [--on DATE]
    copydesk kb lookup --acronym ACR | --expansion "Spelled Out Form"
    copydesk kb stats [--coverage [--since YEAR]]
    copydesk kb export [--kind KIND] [-o FILE]

Every subcommand takes ``--kb PATH`` (default: ``$COPYDESK_KB`` or
``~/.local/share/copydesk/kb.sqlite``) and ``--json`` where output is data.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from copydesk.errors import UsageError

EXIT_OK, EXIT_FAILURE = 0, 2


def add_kb(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "kb", help="build, import into and query the knowledge base",
        description="Build, import into, query and export the knowledge base.",
    )
    sub = parser.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--kb", metavar="PATH", help="knowledge base file (default: $COPYDESK_KB"
                       " or ~/.local/share/copydesk/kb.sqlite)")

    build = sub.add_parser("build", help="build the knowledge base from shipped data (offline)")
    common(build)
    build.add_argument("--sources", default="shipped,registries",
                       help="comma list of: shipped, registries (default: both)")
    build.set_defaults(handler=cmd_build)

    imp = sub.add_parser("import", help="import a CSV/TSV/JSONL list, a Wikidata dump, or SPARQL")
    common(imp)
    imp.add_argument("files", nargs="*", metavar="FILE")
    imp.add_argument("--format", choices=("auto", "table", "wikidata-dump"), default="auto",
                     help="auto: .json.bz2/.json.gz/.json are dumps, .csv/.tsv/.jsonl tables")
    imp.add_argument("--kinds", default="person,organisation,place",
                     help="dump: entity kinds to keep (default: person,organisation,place)")
    imp.add_argument("--min-sitelinks", type=int, default=0,
                     help="dump: keep entities with at least this many Wikipedia links")
    imp.add_argument("--sparql-items", metavar="Q1,Q2", help="import these items by SPARQL")
    imp.add_argument("--sparql-query", metavar="FILE", help="import by a SPARQL query in FILE")
    imp.add_argument("--endpoint", default=None, help="SPARQL endpoint URL (default: Wikidata)")
    imp.set_defaults(handler=cmd_import)

    look = sub.add_parser("lookup", help="look up a name, a role holder or an acronym")
    common(look)
    look.add_argument("name", nargs="?", help="a name or alias")
    look.add_argument("--fuzzy", action="store_true", help="ranked fuzzy matches, with scores")
    look.add_argument("--kind", choices=("person", "organisation", "place", "other"))
    look.add_argument("--limit", type=int, default=5)
    look.add_argument("--role", help="role code, e.g. foreign-minister (see roles.tsv)")
    look.add_argument("--of", dest="of", help="ISO3 country code or organisation key")
    look.add_argument("--on", type=date.fromisoformat, help="date (YYYY-MM-DD) for --role")
    look.add_argument("--acronym", help="expansions of an acronym")
    look.add_argument("--expansion", help="acronyms of a spelled-out form")
    look.add_argument("--json", action="store_true")
    look.set_defaults(handler=cmd_lookup)

    stats = sub.add_parser("stats", help="counts and build information")
    common(stats)
    stats.add_argument("--json", action="store_true")
    stats.add_argument("--coverage", action="store_true",
                       help="per country and office: holders since --since and the years covered")
    stats.add_argument("--since", type=int, default=2000, metavar="YEAR",
                       help="first year of --coverage (default 2000)")
    stats.set_defaults(handler=cmd_stats)

    export = sub.add_parser("export", help="write entities as JSONL (one object a line)")
    common(export)
    export.add_argument("--kind", choices=("person", "organisation", "place", "other"))
    export.add_argument("-o", "--output", metavar="FILE")
    export.set_defaults(handler=cmd_export)


def _path(args: argparse.Namespace) -> Path:
    from copydesk.knowledge.build import default_path

    return Path(args.kb) if args.kb else default_path()


def _open(args: argparse.Namespace):
    from copydesk.knowledge.build import open_current

    return open_current(_path(args))


def _count_import(kb, description: str) -> None:
    """Count the import and move the KB's data fingerprint (its version in reports) on."""
    kb.note_import(description)


def _file_digest(path: Path, limit: int = 1 << 30) -> str:
    """sha256 of a file to import, or its size when it is larger than ``limit`` (a dump)."""
    import hashlib

    size = path.stat().st_size
    if size > limit:
        return f"{size} bytes"
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return "sha256:" + digest.hexdigest()


def cmd_build(args: argparse.Namespace, context: Any) -> int:
    from copydesk.knowledge.build import DEFAULT_SOURCES, build, build_lock

    sources = tuple(s.strip() for s in args.sources.split(",") if s.strip())
    unknown = set(sources) - set(DEFAULT_SOURCES)
    if unknown:
        raise UsageError(f"unknown source(s) {', '.join(sorted(unknown))}; choose from "
                         f"{', '.join(DEFAULT_SOURCES)}")
    path = _path(args)
    started = time.perf_counter()
    with build_lock(Path(path)):
        kb = build(path, sources=sources, progress=lambda m: print(f"  {m}", file=sys.stderr))
    stats = kb.stats()
    print(f"built {path} in {time.perf_counter() - started:.1f} s: {_counts(stats)}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, context: Any) -> int:
    from copydesk.knowledge.sources import sparql, tabular, wikidata_dump

    if not args.files and not (args.sparql_items or args.sparql_query):
        raise UsageError("give FILE(s) to import, or --sparql-items / --sparql-query")
    kb = _open(args)
    status = EXIT_OK
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"copydesk: {name}: no such file", file=sys.stderr)
            status = EXIT_FAILURE
            continue
        kind = args.format
        if kind == "auto":
            lowered = path.name.lower()
            kind = "wikidata-dump" if lowered.endswith((".json.bz2", ".json.gz", ".json")) else "table"
        started = time.perf_counter()
        if kind == "wikidata-dump":
            kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
            bad = set(kinds) - set(wikidata_dump.CLASSES)
            if bad:
                raise UsageError(f"unknown kind(s) {', '.join(sorted(bad))}")
            stats = wikidata_dump.import_dump(kb, path, kinds=kinds, min_sitelinks=args.min_sitelinks)
            _count_import(
                kb,
                f"wikidata-dump {path.name} {_file_digest(path)} kinds={','.join(kinds)}"
                f" min_sitelinks={args.min_sitelinks} kept={stats.kept}",
            )
            seconds = time.perf_counter() - started
            print(f"{name}: {stats.kept} entities kept of {stats.lines} lines"
                  f" ({stats.bytes_read / 1e6 / max(seconds, 1e-9):.1f} MB/s)")
            for line in stats.bad_lines[:20]:
                print(f"copydesk: {name}:{line}: not a valid entity line, skipped", file=sys.stderr)
        else:
            result = tabular.import_table(path)
            kb.add_entities(result.records)
            kb.finish()
            digest = _file_digest(path)
            _count_import(kb, f"table {path.name} {digest} records={len(result.records)}")
            from copydesk.report.summary import plural

            entities = len(result.records)
            print(f"{name}: {entities} {'entity' if entities == 1 else 'entities'}"
                  f" from {plural(result.rows, 'row')}; {plural(len(result.problems), 'row')} skipped")
            for problem in result.problems:
                print(f"copydesk: {name}:{problem.line}: {problem.message}", file=sys.stderr)
    if args.sparql_items or args.sparql_query:
        if args.sparql_query:
            query = Path(args.sparql_query).read_text(encoding="utf-8")
        else:
            query = sparql.query_for_items(q.strip() for q in args.sparql_items.split(",") if q.strip())
        count = sparql.import_sparql(kb, query, endpoint=args.endpoint or sparql.ENDPOINT)
        _count_import(kb, f"sparql {args.endpoint or sparql.ENDPOINT} {query} entities={count}")
        print(f"SPARQL: {count} entities imported")
    return status


def cmd_lookup(args: argparse.Namespace, context: Any) -> int:
    kb = _open(args)
    rows: list[dict[str, Any]]
    if args.role:
        if not args.of:
            raise UsageError("--role needs --of (an ISO3 country code or organisation key)")
        rows = [asdict(h) for h in kb.holders(args.role, args.of, args.on)]
        if not rows:
            codes = kb.role_codes()
            if args.role not in codes:
                raise UsageError(f"unknown role {args.role!r}; the knowledge base knows: {', '.join(codes)}")
            if not kb.offices_of(args.of):
                raise UsageError(f"the knowledge base holds no office of {args.of!r} (an ISO3 country"
                                 " code such as GBR, or an organisation key such as nato)")
    elif args.acronym:
        rows = [asdict(r) for r in kb.expansions(args.acronym)]
    elif args.expansion:
        rows = [asdict(r) for r in kb.acronyms_for(args.expansion)]
    elif args.name:
        matches = (kb.fuzzy(args.name, kind=args.kind, limit=args.limit) if args.fuzzy
                   else kb.exact(args.name, kind=args.kind))
        rows = []
        for match in matches:
            row = asdict(match)
            record = kb.entity(match.key)
            if record is not None:
                row["roles"] = [asdict(r) for r in record.roles]
                row["enwiki"] = record.enwiki
            rows.append(row)
    else:
        raise UsageError("give a NAME, or --role/--of, --acronym or --expansion")
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            print(_line(row))
        if not rows:
            print("no match")
    return EXIT_OK if rows else 1


def _line(row: dict[str, Any]) -> str:
    if "score" in row:
        qid = f" {row['qid']}" if row.get("qid") else ""
        head = f"{row['score']:.3f} {row['name']}{qid} [{row['kind']}] via {row['alias']!r} ({row['method']})"
        roles = "; ".join(f"{r['title'] or r['role']} ({r['of']}) {r['start'] or '?'}..{r['end'] or 'present'}"
                          for r in row.get("roles", [])[:6])
        return head + (f"\n      {roles}" if roles else "")
    if "role" in row:
        return f"{row['name']}: {row['title'] or row['role']} ({row['of']}) {row['start'] or '?'}..{row['end'] or 'present'}"
    return f"{row['acronym']}: {row['expansion']}"


def cmd_stats(args: argparse.Namespace, context: Any) -> int:
    kb = _open(args)
    if args.coverage:
        return _print_coverage(kb.coverage(since=args.since), as_json=args.json)
    data = {"path": str(kb.path), "counts": kb.stats(), "meta": kb.meta()}
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print(f"{data['path']}: {_counts(data['counts'])}")
        for key, value in sorted(data["meta"].items()):
            print(f"  {key}: {value}")
    return EXIT_OK


def _print_coverage(coverage: dict, *, as_json: bool) -> int:
    if as_json:
        print(json.dumps(coverage, indent=2))
        return EXIT_OK
    span = f"{coverage['since']}-{coverage['until']}"
    print(f"offices held {span}, by role: offices, holders, offices with every year covered")
    for role, total in sorted(coverage["roles"].items()):
        print(f"  {role:<32} {total['offices']:>4} {total['holders']:>6} {total['complete']:>5}")
    share = coverage["people_with_qid"] / coverage["people"] if coverage["people"] else 0.0
    print(f"people: {coverage['people']}, with a Wikidata id: {coverage['people_with_qid']} ({share:.0%})")
    print(f"\nper office ({span}): holders (acting), years covered, years missing")
    for row in coverage["offices"]:
        acting = f" ({row['acting']})" if row["acting"] else ""
        missing = _year_ranges(row["missing_years"]) or "none"
        print(f"  {row['of']:<22} {row['role']:<32} {row['holders']:>3}{acting:<5} "
              f"{row['first']}-{row['last']}  missing: {missing}")
    return EXIT_OK


def _year_ranges(years: list[int]) -> str:
    """[2001, 2002, 2003, 2007] -> '2001-2003, 2007'."""
    parts: list[str] = []
    for year in years:
        if parts and int(parts[-1].rsplit("-", 1)[-1]) == year - 1:
            parts[-1] = f"{parts[-1].split('-')[0]}-{year}"
        else:
            parts.append(str(year))
    return ", ".join(parts)


def cmd_export(args: argparse.Namespace, context: Any) -> int:
    kb = _open(args)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115 - closed below
    try:
        count = 0
        for record in kb.entities():
            if args.kind and record.kind != args.kind:
                continue
            out.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
            count += 1
    finally:
        if args.output:
            out.close()
    print(f"exported {count} entities", file=sys.stderr)
    return EXIT_OK


def _counts(stats: dict[str, int]) -> str:
    return ", ".join(f"{v} {k}" for k, v in stats.items())

