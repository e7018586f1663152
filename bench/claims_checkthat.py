"""Check-worthiness on CLEF CheckThat! 2024 Task 1 (English): P/R/F1 of the positive class.

    .venv/bin/python bench/claims_checkthat.py [--splits dev,dev-test] [--data ../shared/bench/claims/ct24_english]
                                               [--claims-model weights.json] [--errors N]

Each sentence becomes one paragraph of an ``Article`` (batches of 200), parsed once by
``Analyser``; a sentence is a claim when any spaCy sentence inside it scores at or above the
threshold of the claim scorer (``copydesk.analyse.claims``, hand-set weights unless
``--claims-model`` is given). Baselines are measured in the same run: all-Yes and "the sentence
contains a number". The data are debate transcripts, not news. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "claims" / "ct24_english"
FILES = {
    "train": "CT24_checkworthy_english_train.tsv",
    "dev": "CT24_checkworthy_english_dev.tsv",
    "dev-test": "CT24_checkworthy_english_dev-test.tsv",
}
BATCH = 200


def read_split(path: Path) -> list[tuple[str, bool]]:
    """(sentence, is check-worthy) rows; quoting is off because some texts start with a quote."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) >= 3:
                rows.append((row[1], row[2].strip().startswith("Yes")))
    return rows


def score_sentences(analyser, texts: list[str], model) -> list[float]:
    """The best claim score of each text (one paragraph per text)."""
    from copydesk.analyse.claims import sentence_features
    from copydesk.model import Article, Region

    scores: list[float] = []
    for begin in range(0, len(texts), BATCH):
        chunk = [t.replace("\n", " ").strip() or "." for t in texts[begin : begin + BATCH]]
        text, regions, pos = "", [], 0
        for item in chunk:
            regions.append(Region(pos, pos + len(item), "body"))
            text += item + "\n\n"
            pos = len(text)
        analysed = analyser.analyse(Article(text=text, regions=regions))
        best = [float("-inf")] * len(chunk)
        for sentence in analysed.sentences:
            value = model.score(sentence_features(analysed, sentence))
            best[sentence.paragraph] = max(best[sentence.paragraph], value)
        scores.extend(best)
    return scores


def prf(predicted: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(predicted, gold))
    fp = sum(p and not g for p, g in zip(predicted, gold))
    fn = sum(g and not p for p, g in zip(predicted, gold))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def has_number(text: str) -> bool:
    words = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "hundred", "thousand", "million", "billion", "trillion", "percent", "dozen"}
    return any(ch.isdigit() for ch in text) or bool(words & set(text.lower().split()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="dev,dev-test")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--claims-model", type=Path, default=None)
    parser.add_argument("--errors", type=int, default=0, help="print N misclassified sentences")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: no CheckThat! data at {args.data} (needs ../shared)", file=sys.stderr)
        return 0

    from copydesk.analyse.claims import ClaimModel, load_weights
    from copydesk.analyse.pipeline import Analyser

    model = load_weights(args.claims_model) if args.claims_model else ClaimModel()
    analyser = Analyser.load()
    print(f"{'split':<10}{'system':<28}{'P':>7}{'R':>7}{'F1':>7}{'F1/base':>9}")
    for split in args.splits.split(","):
        rows = read_split(args.data / FILES[split])
        texts, gold = [r[0] for r in rows], [r[1] for r in rows]
        started = time.perf_counter()
        scores = score_sentences(analyser, texts, model)
        seconds = time.perf_counter() - started
        predicted = [s >= model.threshold for s in scores]
        base = prf([has_number(t) for t in texts], gold)
        systems = {
            "all-Yes": prf([True] * len(gold), gold),
            "contains a number": base,
            "copydesk claims": prf(predicted, gold),
        }
        for name, (p, r, f) in systems.items():
            ratio = f / base[2] if base[2] else 0.0
            print(f"{split:<10}{name:<28}{p:>7.3f}{r:>7.3f}{f:>7.3f}{ratio:>9.2f}")
        print(f"{split:<10}{len(rows)} sentences, {sum(gold)} Yes; {seconds:.1f} s with the parse")
        shown = 0
        for text, g, p, s in zip(texts, gold, predicted, scores):
            if shown < args.errors and g != p:
                print(f"  {'FN' if g else 'FP'} {s:+.2f} {text[:110]}")
                shown += 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
