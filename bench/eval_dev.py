"""Quality on the planted-error development set (``../shared/eval/dev``).

    .venv/bin/python bench/eval_dev.py [--types spelling confusable] [--show misses,false,wrong]
                                       [--no-halves] [--json] [--model en_core_web_sm]

Prints recall, suggestion accuracy per error type, and false alarms (warning or error findings)
per 1,000 words on the clean files. Skips with a message when ../shared is absent. ``--model``
scores copydesk with another spaCy pipeline (``copydesk check --model``; default en_core_web_md).

The whole dev set is in-sample: earlier work looked at all of it while the checks were written.
By default the table also shows it in two halves, split by file name with the precision set's
hash rule (``bench/precision.py``: ``split_of``; half B = the first eight hex digits of
sha256(file name) are odd). Both halves are in-sample: they show how stable the figures are on
~125 files, nothing more. Held-out evidence is ``bench/planted.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"


#: Names of the two in-sample halves (``precision.split_of``: tune = hash even, heldout = odd).
HALF_NAMES = {"tune": "half A", "heldout": "half B"}
IN_SAMPLE_NOTE = (
    "The whole dev set is in-sample (earlier work looked at all of it), so its halves show"
    " stability only; the held-out evidence is bench/planted.py."
)


def evaluate(dev: Path, types: list[str] | None = None, desk=None):
    """The dev set's score (all files)."""
    return evaluate_halves(dev, types, desk)["all"]


def evaluate_halves(dev: Path, types: list[str] | None = None, desk=None, model: str | None = None) -> dict:
    """Scores of all files and of the two halves by file name: ``{"all", "tune", "heldout"}``
    (both halves are in-sample; see the module docstring)."""
    from copydesk.desk import Desk
    from copydesk.evaluate import Score, load_gold, score_file
    from copydesk.ingest.text import parse_text

    split_of = _split_of()
    gold = load_gold(dev)
    if types:
        gold = [g for g in gold if g.kind == "clean" or g.types & set(types)]
    desk = desk or Desk(registry=available_checks(), model=model)
    articles = []
    for row in gold:
        text = (dev / row.file).read_text(encoding="utf-8")
        articles.append(parse_text(text, source=row.file))
    scores = {"all": Score(), "tune": Score(), "heldout": Score()}
    for row, report in zip(gold, desk.check_many(articles)):
        for key in ("all", split_of(row.file)):
            score_file(scores[key], row, report.article.text, report.findings)
    if types:
        for score in scores.values():
            for name in list(score.by_type):
                if name not in types:
                    del score.by_type[name]
    return scores


def _split_of():
    """``split_of`` of bench/precision.py (the project's one split rule)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from precision import split_of

    return split_of


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
    parser.add_argument("--halves", action=argparse.BooleanOptionalAction, default=True,
                        help="also show the two in-sample halves by file name (default: on)")
    parser.add_argument("--model", help="the spaCy pipeline (default: en_core_web_md)")
    args = parser.parse_args(argv)
    if not (args.dev / "gold.jsonl").exists():
        print(f"skipped: no dev set at {args.dev} (needs ../shared/eval/dev)", file=sys.stderr)
        return 0
    started = time.perf_counter()
    scores = evaluate_halves(args.dev, args.types, model=args.model)
    score = scores["all"]
    elapsed = time.perf_counter() - started
    if args.json:
        if args.halves:
            print(json.dumps({"in_sample": True, "note": IN_SAMPLE_NOTE,
                              **{k: v.as_dict() for k, v in scores.items()}}, indent=2))
        else:
            print(json.dumps(score.as_dict(), indent=2))
        return 0
    if args.halves:
        print(halves_table(scores))
        print(f"\n{IN_SAMPLE_NOTE} ({elapsed:.1f} s)")
    else:
        print(f"{'type':<20}{'errors':>8}{'recall':>9}{'suggest':>9}")
        for name, s in sorted(score.by_type.items()):
            print(f"{name:<20}{s.errors:>8}{s.recall:>9.3f}{s.suggestion_accuracy:>9.3f}")
        print(
            f"false alarms on clean files: {len(score.false_alarms)} in {score.clean_words} words"
            f" = {score.false_alarms_per_1000_words:.2f} per 1,000 words;"
            f" control hits: {len(score.control_hits)}; {elapsed:.1f} s"
        )
        print(IN_SAMPLE_NOTE)
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


def halves_table(scores: dict) -> str:
    """Markdown: the whole dev set and its two halves (all in-sample)."""
    keys = ("all", "tune", "heldout")
    names = {"all": "whole dev set (in-sample)", **{k: f"{v} (in-sample)" for k, v in HALF_NAMES.items()}}

    def cell(s) -> str:
        if s is None or not s.errors:
            return "— | — | —"
        return f"{s.errors} | {s.recall:.3f} | {s.suggestion_accuracy:.3f}"

    head = " | ".join(f"{names[k]}: errors | recall | suggestion right" for k in keys)
    lines = [f"| type | {head} |", "|---|" + "---|---|---|" * len(keys)]
    for name in sorted(scores["all"].by_type):
        lines.append(f"| {name} | " + " | ".join(cell(scores[k].by_type.get(name)) for k in keys) + " |")
    alarms = [f"{len(scores[k].false_alarms)} in {scores[k].clean_words:,} words ="
              f" **{scores[k].false_alarms_per_1000_words:.2f}** per 1,000" for k in keys]
    controls = [str(len(scores[k].control_hits)) for k in keys]
    for label, values in (("false alarms (warning/error on clean files)", alarms),
                          ("correct controls flagged", controls)):
        lines.append(f"| {label} | " + " | ".join(f"{v} | | " for v in values) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
