"""Coverage of the knowledge base's offices: holders per office since a year, before and after.

    .venv/bin/python bench/kb_coverage.py [--before REF] [--since 2000] [--json]

Builds the knowledge base of the working tree, and with ``--before REF`` the one of an earlier
commit too (checked out with ``git worktree`` into a temporary directory and built with that
commit's own code), and prints per role: offices (a role of one country or organisation), holders
whose tenure touches ``--since``..the latest role date, offices with every year covered; the
people with a Wikidata id; build time and file size. Per-office detail: ``copydesk kb stats
--coverage``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from copydesk.knowledge.store import KnowledgeBase

BUILD = ("import sys, time; from copydesk.knowledge.build import build; t = time.perf_counter(); "
         "build(sys.argv[1]); print(round(time.perf_counter() - t, 2))")


def build_at(tree: Path, target: Path) -> float:
    """Build the knowledge base of the source tree ``tree`` into ``target``; seconds taken."""
    out = subprocess.run([sys.executable, "-c", BUILD, str(target)], cwd=tree, check=True,
                         capture_output=True, text=True, env={"PYTHONPATH": str(tree / "src"), "PATH": ""})
    return float(out.stdout.strip().splitlines()[-1])


def figures(path: Path, seconds: float, since: int) -> dict:
    kb = KnowledgeBase(path, create=False)
    try:
        coverage = kb.coverage(since=since)
    finally:
        kb.close()
    return {"build_seconds": seconds, "megabytes": round(path.stat().st_size / 1e6, 1),
            "people": coverage["people"], "people_with_qid": coverage["people_with_qid"],
            "until": coverage["until"], "roles": coverage["roles"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REF", help="also measure this commit's knowledge base")
    parser.add_argument("--since", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="kb-coverage-") as work:
        work_dir = Path(work)
        if args.before:
            tree = work_dir / "before"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), args.before],
                           check=True)
            try:
                target = work_dir / "before.sqlite"
                results[f"before ({args.before})"] = figures(target, build_at(tree, target), args.since)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
        target = work_dir / "now.sqlite"
        results["working tree"] = figures(target, build_at(ROOT, target), args.since)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    names = list(results)
    roles = sorted({role for r in results.values() for role in r["roles"]})
    print(f"offices held since {args.since}: offices / holders / offices with every year covered")
    print(f"{'role':<30}" + "".join(f"{name:>28}" for name in names))
    for role in roles:
        cells = []
        for name in names:
            total = results[name]["roles"].get(role)
            cells.append(f"{total['offices']} / {total['holders']} / {total['complete']}" if total else "-")
        print(f"{role:<30}" + "".join(f"{cell:>28}" for cell in cells))
    for label, key in (("people", "people"), ("with a Wikidata id", "people_with_qid"),
                       ("build seconds", "build_seconds"), ("file MB", "megabytes"),
                       ("latest year", "until")):
        print(f"{label:<30}" + "".join(f"{results[name][key]!s:>28}" for name in names))


if __name__ == "__main__":
    main()
