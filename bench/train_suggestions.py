"""Train the weights that rank spelling suggestions in context (``copydesk.knowledge.ranker``).

    .venv/bin/python bench/train_suggestions.py --codespell-git DIR [--copies 4000] [--seed 3]
                     [--mitton-dat FILE [--mitton-copies 2000]]
                     [--out src/copydesk/data/suggestion_ranker.json] [--check-only]

Training data: real misspellings from Wikipedia's "Lists of common misspellings", as kept in
codespell's ``dictionary.txt`` (CC BY-SA 3.0; ``DIR`` is a git directory of
codespell-project/codespell, read at its HEAD), filtered as ``bench/misspellings_import.py``
filters (a common English word misspelt into a non-word), each planted once in place of its
correct word in a BBC business, politics or tech article of ../shared (read at run time, never
copied). What is kept apart, so that ``bench/spelling_real.py`` still measures the weights on
words and articles they never saw:

- every pair whose correct word is a correct word of the bench's lists (``bench/data/misspellings``
  and ``out/misspellings``, both halves): the bench's tuning half is this script's validation;
- every pair whose correct word falls in the bench's held-out half of words, and every held-out
  article (``precision.split_of``): training uses the tuning halves' articles and words only.

``--mitton-dat`` adds pairs of Roger Mitton's Birkbeck corpus (``missp.dat`` in his format: errors
by sound of weak spellers, the kind the bench's Birkbeck list has), filtered and kept apart the same
way (the bench's own Birkbeck words are left out with the other bench words). Tried on 2026-12-07
with 1,000 to about 2,100 such copies beside the 4,000: the validation figures did not move on
either list (docs/BENCHMARKS.md), so the shipped weights are trained without it.

For each planted copy, ``Lexicon.candidates_in_context`` gives the candidates and their figures
(the same call the spelling check makes); the model is a logistic regression on the differences
between the figures of the word meant and of each other candidate (a conditional choice, no
intercept), scikit-learn's ``LogisticRegression``. The weights and their provenance go to
``--out``. Before writing, the script prints the share of copies whose first suggestion is the
word meant, with the hand-set order and the learned one, on the training copies and on the
bench's tuning half, all lists and each list (its held-out half is not read here). ``--check-only`` prints the figures of
the shipped weights without training. About 90 seconds for 4,000 copies on one core.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from misspellings_import import Filter, codespell_pairs, mitton_pairs
from precision import shared_dir, split_of
from spelling_real import PAIR_DIRS, load_articles, load_pairs, plant

OUT_DEFAULT = ROOT / "src" / "copydesk" / "data" / "suggestion_ranker.json"
QUOTES = "\"'“”‘’"
BEFORE = re.compile(rf"([A-Za-z]+)[{QUOTES}]*[ \t]+[{QUOTES}]*$")
AFTER = re.compile(rf"^[{QUOTES}]*[ \t]+[{QUOTES}]*([A-Za-z]+)")
WORDS = re.compile(r"[A-Za-z]+")
#: Most rounds of planting (``main``).
ROUNDS = 8


def neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The lower-case words right before and after ``text[start:end]``, looking past quotation
    marks (None beside other punctuation): a plain-text approximation of the spelling check's
    ``_neighbours``, which reads the parsed tokens of the sentence (it differs at a contraction
    such as "it's", where the check finds no word, and at a sentence's edge without punctuation)."""
    before = BEFORE.search(text[max(0, start - 80) : start])
    after = AFTER.match(text[end : end + 80])
    return (before.group(1).lower() if before else None, after.group(1).lower() if after else None)


def harvest(copies, lexicon) -> list[dict]:
    """Per planted copy: the word meant and each candidate's figures and hand-set score."""
    rows = []
    for copy in copies:
        error = copy.errors[0]
        wrong, right = error["wrong"].lower(), error["right"].lower()
        before, after = neighbours(copy.text, error["start"], error["end"])
        article_words = frozenset(w.lower() for w in WORDS.findall(copy.text))
        candidates = lexicon.candidates_in_context(wrong, before, after, article_words)
        rows.append({"wrong": wrong, "right": right, "source": copy.file.split("/", 1)[0],
                     "candidates": [(s.word, s.score, values) for s, values in candidates]})
    return rows


def plant_rounds(name: str, pairs: list, articles, wanted: int, seed: int) -> list:
    """``wanted`` planted copies of ``pairs`` in the tuning articles, one pair a copy. ``plant``
    puts at most two copies of one source in an article: rounds of other pairs, each its own
    source, fill the tuning articles again until enough are planted."""
    copies: list = []
    for round_ in range(ROUNDS):
        share = [p for k, p in enumerate(pairs) if k % ROUNDS == round_]
        copies += plant(f"{name}{round_}", share, articles, "tune",
                        per_half=wanted - len(copies), per_word=1, seed=seed)
        if len(copies) >= wanted:
            break
    return copies


def fit(rows: list[dict]):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x, y = [], []
    for row in rows:
        meant = [values for word, _, values in row["candidates"] if word == row["right"]]
        if not meant:
            continue  # the word meant is not among the candidates: nothing to learn from the order
        for word, _, values in row["candidates"]:
            if word != row["right"]:
                difference = np.subtract(meant[0], values)
                x.extend((difference, -difference))
                y.extend((1, 0))
    model = LogisticRegression(C=1.0, fit_intercept=False, max_iter=5000)
    model.fit(np.array(x), np.array(y))
    return tuple(float(w) for w in model.coef_[0]), len(x) // 2


def top1(rows: list[dict], ranker=None) -> dict:
    """Share of copies whose first suggestion is the word meant: hand-set order, learned order."""
    out = {"copies": len(rows), "hand": 0, "learned": 0, "among": 0}
    for row in rows:
        candidates = row["candidates"]
        if not candidates:
            continue
        out["among"] += any(word == row["right"] for word, _, _ in candidates)
        out["hand"] += max(candidates, key=lambda c: c[1])[0] == row["right"]
        if ranker is not None:
            out["learned"] += max(candidates, key=lambda c: ranker.rank(c[2]))[0] == row["right"]
    n = max(1, out["copies"])
    return {"copies": out["copies"], "hand": round(out["hand"] / n, 4),
            "learned": round(out["learned"] / n, 4), "among": round(out["among"] / n, 4)}


def validation_figures(validation: dict[str, list[dict]], ranker) -> dict:
    """``top1`` on the bench's tuning half, all its lists together and each list alone."""
    everything = [row for rows in validation.values() for row in rows]
    return {"bench tuning half": top1(everything, ranker),
            **{f"bench tuning half, {source}": top1(rows, ranker) for source, rows in validation.items()}}


def bench_words(dirs=PAIR_DIRS) -> tuple[set[str], list[str]]:
    """The correct words of the bench's lists (every TSV in ``dirs``; the Birkbeck list is only
    there when it was imported) and the lists read, named relative to the repository."""
    words, read = set(), []
    for folder in dirs:
        for path in sorted(Path(folder).glob("*.tsv")):
            read.append(str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path))
            with open(path, encoding="utf-8", newline="") as handle:
                words.update(row["correct"] for row in csv.DictReader(handle, delimiter="\t"))
    return words, read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codespell-git", type=Path, help="git directory of codespell-project/codespell")
    parser.add_argument("--copies", type=int, default=4000, help="training copies (one pair each)")
    parser.add_argument("--mitton-dat", type=Path,
                        help="also train on Roger Mitton's Birkbeck corpus (missp.dat, his format)")
    parser.add_argument("--mitton-copies", type=int, default=2000,
                        help="training copies from --mitton-dat (one pair each)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT_DEFAULT)
    parser.add_argument("--check-only", action="store_true", help="print the shipped weights' figures only")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if not (shared / "corpus").is_dir():
        print(f"skipped: {shared} has no corpus/ (the BBC articles are read from ../shared)")
        return 0
    from copydesk.knowledge.lexicon import Lexicon
    from copydesk.knowledge.ranker import FEATURES, Ranker

    started = time.time()
    lexicon = Lexicon.default()
    articles = load_articles(shared)
    validation = {source: harvest(plant(source, pairs, articles, "tune", per_half=300, per_word=2, seed=7), lexicon)
                  for source, pairs in load_pairs().items()}
    if args.check_only:
        print(json.dumps(validation_figures(validation, Ranker.default()), indent=1))
        return 0
    if args.codespell_git is None:
        parser.error("--codespell-git is required to train")
    keep = Filter(3.0)
    held, lists = bench_words()
    print(f"kept apart: the correct words of {', '.join(lists)}")
    raw, commit = codespell_pairs(args.codespell_git)
    pairs = sorted({(w, r, f"codespell {commit[:12]}") for w, r in raw
                    if r not in held and split_of(r) == "tune" and keep.keep(w, r)})
    copies = plant_rounds("codespell", pairs, articles, args.copies, args.seed)
    mitton: list = []
    if args.mitton_dat is not None:
        mitton = sorted({(w, r, f"mitton {args.mitton_dat.name}") for w, r in mitton_pairs(args.mitton_dat)
                         if r not in held and split_of(r) == "tune" and keep.keep(w, r)})
        copies += plant_rounds("mitton", mitton, articles, args.mitton_copies, args.seed)
    rows = harvest(copies, lexicon)
    weights, comparisons = fit(rows)
    ranker = Ranker(weights)
    figures = {"training copies": top1(rows, ranker), **validation_figures(validation, ranker)}
    print(json.dumps(figures, indent=1))
    provenance = {
        "trained": date.today().isoformat(),
        "command": "bench/train_suggestions.py --codespell-git DIR"
                   + (f" --copies {args.copies}" if args.copies != 4000 else "")
                   + (f" --seed {args.seed}" if args.seed != 3 else "")
                   + (f" --mitton-dat {args.mitton_dat.name} --mitton-copies {args.mitton_copies}" if mitton else ""),
        "misspellings": f"Wikipedia's Lists of common misspellings as kept in codespell's dictionary.txt "
                        f"(codespell-project/codespell {commit}), CC BY-SA 3.0; {len(pairs)} pairs pass the "
                        f"filter and the exclusions"
                        + (f"; and {len(mitton)} pairs of Roger Mitton's Birkbeck corpus ({args.mitton_dat.name})" if mitton else "")
                        + f"; {len(copies)} planted, {comparisons} comparisons",
        "articles": "BBC business, politics and tech articles of the bench's tuning half (not shipped)",
        "kept apart": f"the correct words of {', '.join(lists)} (both halves), and bench/spelling_real.py's "
                      "held-out words and articles",
        "model": "logistic regression on the differences of figures, word meant minus each other candidate, C=1, no intercept (scikit-learn)",
        "first suggestion right (hand-set order, learned order)": figures,
        "features": list(FEATURES),
    }
    ranker = Ranker(weights, provenance=provenance)
    args.out.write_text(json.dumps(ranker.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(weights)} weights ({time.time() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
