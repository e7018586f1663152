"""The spelling check on REAL misspellings planted into real news: recall, suggestions, false alarms.

    .venv/bin/python bench/spelling_real.py [--per-half 300] [--clean 100] [--seed 7]
                     [--halves tune,heldout] [--sources wikipedia birkbeck]
                     [--show misses,wrong,false] [--json]

The misspellings are errors people made, collected from public lists by
``bench/misspellings_import.py`` (never made by a script from the dictionary the check uses):
``bench/data/misspellings/*.tsv`` (Wikipedia's common misspellings, via codespell) and, when
present, ``out/misspellings/*.tsv`` (the Birkbeck corpus via Norvig's test sets, which may not be
redistributed; see ``bench/data/misspellings/README.md``). Each TSV file is one source.

Articles: BBC business, politics and tech (``corpus/bbc-news-2225/bbc/{business,politics,tech}``
in ../shared). Two splits, both by hash (``precision.split_of``: held out when the first eight hex
digits of sha256 are odd): articles by id (``bbc/tech/123.txt``) and pairs by their correct word,
so a word is never in both halves. The tuning half is tuning articles x tuning pairs, the
held-out half held-out articles x held-out pairs. Tune on the first; only report the second.

Planting: pairs in a seeded order; a pair goes into an article of the half (at most two copies per
article and source, at most ``--per-word`` copies per correct word, each pair once) where its
correct word occurs as a whole lower-case word (``how`` = ``lower``), or capitalised at the start
of a sentence (``sentence-initial``, the misspelling capitalised likewise), and the misspelling
occurs nowhere; one occurrence is replaced. One planted error per copy, ``--per-half`` copies per
source and half at most.

Scoring: the desk runs the ``spelling`` check only (shipped severity policy), each copy parsed
once. Recall: planted misspellings overlapped by a finding of any severity, and by a warning or
error; suggestion right: of those found (any severity), the suggestion equals the correct word
(``copydesk.evaluate``); "among alternatives": the correct word is the suggestion or among the
"nearest known words" of the evidence. False alarms: findings on ``--clean`` unchanged articles of
the half, warning or error (and any severity), per 1,000 words (whitespace tokens).
Skips (exit 0) when ../shared is absent. A full run (1,144 copies with both sources) takes about
3 minutes on one core.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from planted import HALF_NAMES, HALVES, Copy, _err, _replace, measured_at, read_article
from precision import shared_dir, split_of

PAIR_DIRS = (ROOT / "bench" / "data" / "misspellings", ROOT / "out" / "misspellings")
CATEGORIES = ("business", "politics", "tech")
CORPUS = "corpus/bbc-news-2225/bbc"
TYPE = "spelling"
PER_ARTICLE = 2
SENTENCE_END = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)$")
ALTERNATIVES = re.compile(r"nearest known words: (.*)")


def load_pairs(dirs=PAIR_DIRS, sources=None) -> dict[str, list[tuple[str, str, str]]]:
    """{source: [(misspelling, correct, source note)]}, one source per TSV file."""
    pairs: dict[str, list[tuple[str, str, str]]] = {}
    for folder in dirs:
        for path in sorted(Path(folder).glob("*.tsv")):
            if sources and path.stem not in sources:
                continue
            with open(path, encoding="utf-8", newline="") as handle:
                rows = csv.DictReader(handle, delimiter="\t")
                pairs[path.stem] = [(r["misspelling"], r["correct"], r["source"]) for r in rows]
    return pairs


def load_articles(shared: Path) -> list[tuple[str, str]]:
    articles = []
    for category in CATEGORIES:
        for path in sorted((shared / CORPUS / category).glob("*.txt")):
            articles.append((f"bbc/{category}/{path.name}", read_article(path)))
    return articles


def occurrences(word: str, text: str) -> list[tuple[int, str, str]]:
    """(start, form written, how) of ``word`` lower-case or capitalised at a sentence start."""
    found = [(m.start(), word, "lower") for m in re.finditer(rf"\b{word}\b", text)]
    title = word.capitalize()
    found += [(m.start(), title, "sentence-initial") for m in re.finditer(rf"\b{title}\b", text)
              if SENTENCE_END.search(text[: m.start()])]
    return sorted(found)


def plant(source: str, pairs, articles, half: str, *, per_half: int, per_word: int, seed: int) -> list[Copy]:
    """The copies of one source and half (see the module docstring)."""
    rng = random.Random(f"{seed}|{source}|{half}")
    order = sorted(p for p in pairs if split_of(p[1]) == half)
    rng.shuffle(order)
    pool = sorted((aid, text) for aid, text in articles if split_of(aid) == half)
    words_of = {aid: set(re.findall(r"[a-z]+", text.lower())) for aid, text in pool}
    per_article: Counter = Counter()
    per_correct: Counter = Counter()
    copies: list[Copy] = []
    for wrong, right, _note in order:
        if len(copies) >= per_half:
            break
        if per_correct[right] >= per_word:
            continue
        candidates = [
            (aid, text) for aid, text in pool
            if per_article[aid] < PER_ARTICLE and right in words_of[aid]
            and wrong not in words_of[aid] and occurrences(right, text)
        ]
        if not candidates:
            continue
        aid, text = rng.choice(candidates)
        start, form, how = rng.choice(occurrences(right, text))
        bad = wrong.capitalize() if how == "sentence-initial" else wrong
        error = _err(TYPE, start, bad, form, how)
        copies.append(Copy(f"{source}/{len(copies):04d}/{aid}", half, "mutated",
                           _replace(text, start, start + len(form), bad), [error], [], how))
        per_article[aid] += 1
        per_correct[right] += 1
    return copies


def clean_copies(articles, half: str, n: int, seed: int) -> list[Copy]:
    pool = sorted((aid, text) for aid, text in articles if split_of(aid) == half)
    random.Random(f"{seed}|clean|{half}").shuffle(pool)
    return [Copy(f"clean/{aid}", half, "clean", text, [], [], "unchanged") for aid, text in pool[:n]]


def alternatives(finding) -> list[str]:
    words = [finding.suggestion or ""]
    for evidence in finding.evidence:
        match = ALTERNATIVES.search(evidence.detail)
        if match:
            words += [item.split(" (")[0] for item in match.group(1).split("), ")]
    return [w.lower() for w in words if w]


def evaluate(copies: list[Copy], desk) -> dict:
    """Scores per (source, half) for any severity and warning+error, and per half on clean copies."""
    from copydesk.evaluate import GoldFile, Score, score_file
    from copydesk.ingest.text import parse_text
    from copydesk.model import Severity

    scores: dict = defaultdict(Score)
    among: Counter = Counter()
    texts = {}
    reports = desk.check_many(parse_text(c.text, source=c.file) for c in copies)
    for copy, report in zip(copies, reports):
        findings = [f for f in report.findings if f.check == TYPE]
        texts[copy.file] = copy.text
        gold = GoldFile(copy.file, copy.kind, copy.errors, [])
        source = copy.file.split("/")[0]
        warned = [f for f in findings if f.severity >= Severity.WARNING]
        score_file(scores[(source, copy.half, "any")], gold, copy.text, findings)
        score_file(scores[(source, copy.half, "warn")], gold, copy.text, warned)
        if copy.kind == "clean":
            scores[(source, copy.half, "any")].false_alarms += [
                f"{copy.file}@{f.start}: {f.check} {f.text!r} -> {f.suggestion!r} ({f.severity.name.lower()})"
                for f in findings if f.severity < Severity.WARNING
            ]
        for error in copy.errors:
            if any(f.start < error["end"] and error["start"] < f.end
                   and error["right"].lower() in alternatives(f) for f in findings):
                among[(source, copy.half)] += 1
    return {"scores": scores, "among": among, "texts": texts}


def figures(result: dict, source: str, half: str) -> dict:
    anys = result["scores"][(source, half, "any")].by_type[TYPE]
    warn = result["scores"][(source, half, "warn")].by_type[TYPE]
    out = {"copies": anys.errors, "recall_any": round(anys.recall, 3),
           "recall_warn_error": round(warn.recall, 3),
           "suggestion_right": round(anys.suggestion_accuracy, 3),
           "right_among_alternatives": round(result["among"][(source, half)] / anys.found, 3)
           if anys.found else 0.0}
    return out


def false_alarms(result: dict, half: str) -> dict:
    """``any`` holds every finding on clean copies, ``warn`` the warnings and errors."""
    anys, warn = result["scores"][("clean", half, "any")], result["scores"][("clean", half, "warn")]
    words = warn.clean_words
    return {"clean_words": words, "any": len(anys.false_alarms), "warn_error": len(warn.false_alarms),
            "per_1000_any": round(anys.false_alarms_per_1000_words, 3),
            "per_1000_warn_error": round(warn.false_alarms_per_1000_words, 3)}


def table(result: dict, sources, halves) -> str:
    head = " | ".join(f"{HALF_NAMES[h]}: copies | recall any | recall warn+err | suggestion right"
                      " | right among alternatives" for h in halves)
    lines = [f"| source | {head} |", "|---|" + "---|" * 5 * len(halves)]
    for source in sources:
        cells = []
        for h in halves:
            f = figures(result, source, h)
            cells.append(f"{f['copies']} | {f['recall_any']:.3f} | {f['recall_warn_error']:.3f} | "
                         f"{f['suggestion_right']:.3f} | {f['right_among_alternatives']:.3f}")
        lines.append(f"| {source} | " + " | ".join(cells) + " |")
    cells = []
    for h in halves:
        fa = false_alarms(result, h)
        cells.append(f"{fa['clean_words']:,} words | any {fa['any']} = {fa['per_1000_any']:.2f} | "
                     f"warn+err {fa['warn_error']} = **{fa['per_1000_warn_error']:.2f}** | per 1,000 words |")
    lines.append("| false alarms on clean articles | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _context(texts: dict, label: str, width: int = 30) -> str:
    file, rest = label.split("@", 1)
    start = int(rest.split(":", 1)[0])
    text = texts[file]
    return " ".join(text[max(0, start - width): start + width].split())


def details(result: dict, sources, halves, show: set[str]) -> list[str]:
    lines = []
    for h in halves:
        for source in sources:
            entry = result["scores"][(source, h, "any")].by_type[TYPE]
            for kind, items in (("misses", entry.misses), ("wrong", entry.wrong_suggestions)):
                if kind in show:
                    lines += [f"  [{h}] {kind.upper()} {source}: {item}\n      … {_context(result['texts'], item)} …"
                              for item in items]
        if "false" in show:
            lines += [f"  [{h}] FALSE {item}\n      … {_context(result['texts'], item)} …"
                      for item in result["scores"][("clean", h, "any")].false_alarms]
    return lines


def build(shared: Path, pairs: dict, *, per_half: int, per_word: int, clean: int, seed: int, halves) -> list[Copy]:
    articles = load_articles(shared)
    copies = []
    for half in halves:
        for source, rows in pairs.items():
            copies += plant(source, rows, articles, half, per_half=per_half, per_word=per_word, seed=seed)
        copies += clean_copies(articles, half, clean, seed)
    return copies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-half", type=int, default=300, help="copies per source and half (300)")
    parser.add_argument("--per-word", type=int, default=2, help="copies per correct word and half (2)")
    parser.add_argument("--clean", type=int, default=100, help="unchanged articles per half (100)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--halves", default="tune,heldout")
    parser.add_argument("--sources", nargs="*", help="TSV names (default: all found)")
    parser.add_argument("--show", default="", help="comma list of: misses, wrong, false")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    command = "    .venv/bin/python bench/spelling_real.py " + " ".join(sys.argv[1:] if argv is None else argv)
    shared = shared_dir()
    if not (shared / CORPUS).is_dir():
        print(f"skipped: ../shared absent ({shared / CORPUS} not found; set COPYDESK_SHARED)")
        return 0
    halves = tuple(h for h in args.halves.split(",") if h in HALVES)
    pairs = load_pairs(sources=args.sources)
    from copydesk.desk import Desk

    started = time.perf_counter()
    desk = Desk(checks=[TYPE])
    copies = build(shared, pairs, per_half=args.per_half, per_word=args.per_word, clean=args.clean,
                   seed=args.seed, halves=halves)
    result = evaluate(copies, desk)
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps({
            "command": command.strip(), "measured_at": measured_at(), "seconds": round(elapsed, 1),
            "halves": {h: {"sources": {s: figures(result, s, h) for s in pairs},
                           "false_alarms": false_alarms(result, h)} for h in halves},
        }, indent=2))
        return 0
    print(command)
    print(f"measured at {measured_at()}; {len(copies)} copies "
          f"({sum(c.kind == 'clean' for c in copies)} clean), {elapsed:.0f} s")
    for source, rows in pairs.items():
        print(f"  {source}: {len(rows)} pairs ({rows[0][2] if rows else 'empty'} ...)")
    print()
    print(table(result, list(pairs), halves))
    for line in details(result, list(pairs), halves, set(filter(None, args.show.split(",")))):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
