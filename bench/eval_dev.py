"""Quality on the planted-error development set (``../shared/eval/dev``).

    .venv/bin/python bench/eval_dev.py [--types spelling confusable] [--show misses,false,wrong]

Prints recall, suggestion accuracy per error type, and false alarms (warning or error findings)
per 1,000 words on the clean files. Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"


def evaluate(dev: Path, types: list[str] | None = None, desk=None):
    from copydesk.evaluate import Score, load_gold, score_file
    from copydesk.ingest.text import parse_text
    from copydesk.serve.api import Desk

    gold = load_gold(dev)
    if types:
        gold = [g for g in gold if g.kind == "clean" or g.types & set(types)]
    desk = desk or Desk(registry=available_checks())
    articles = []
    for row in gold:
        text = (dev / row.file).read_text(encoding="utf-8")
        articles.append(parse_text(text, source=row.file))
    score = Score()
    for row, report in zip(gold, desk.check_many(articles)):
        score_file(score, row, report.article.text, report.findings)
    if types:
        for name in list(score.by_type):
            if name not in types:
                del score.by_type[name]
    return score


def available_checks():
    """The built-in checks that import; a missing one is named on stderr, not fatal, so that
    work in progress can be measured."""
    import importlib

    from copydesk.checks.registry import BUILTIN_MODULES, Registry, spec_of

    registry = Registry()
    for name in BUILTIN_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            print(f"warning: check module {name} not available: {exc}", file=sys.stderr)
            continue
        registry.add(spec_of(module.check, name))
    return registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--types", nargs="*", help="error types to score (default: all)")
    parser.add_argument("--show", default="", help="comma list of: misses, wrong, false, controls")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (args.dev / "gold.jsonl").exists():
        print(f"skipped: no dev set at {args.dev} (needs ../shared/eval/dev)", file=sys.stderr)
        return 0
    started = time.perf_counter()
    score = evaluate(args.dev, args.types)
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps(score.as_dict(), indent=2))
        return 0
    print(f"{'type':<20}{'errors':>8}{'recall':>9}{'suggest':>9}")
    for name, s in sorted(score.by_type.items()):
        print(f"{name:<20}{s.errors:>8}{s.recall:>9.3f}{s.suggestion_accuracy:>9.3f}")
    print(
        f"false alarms on clean files: {len(score.false_alarms)} in {score.clean_words} words"
        f" = {score.false_alarms_per_1000_words:.2f} per 1,000 words;"
        f" control hits: {len(score.control_hits)}; {elapsed:.1f} s"
    )
    show = set(filter(None, args.show.split(",")))
    for name, s in sorted(score.by_type.items()):
        if "misses" in show:
            for miss in s.misses:
                print(f"  MISS {name}: {miss}")
        if "wrong" in show:
            for wrong in s.wrong_suggestions:
                print(f"  WRONG {name}: {wrong}")
    if "false" in show:
        for alarm in score.false_alarms:
            print(f"  FALSE {alarm}")
    if "controls" in show:
        for hit in score.control_hits:
            print(f"  CONTROL {hit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
