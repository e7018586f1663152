"""Check-worthiness on CLEF CheckThat! 2024 Task 1 (English): P/R/F1 of the positive class.

    .venv/bin/python bench/claims_checkthat.py [--splits train,dev,dev-test] [--no-baseline]
                                               [--no-trained] [--save-model FILE]
                                               [--data ../shared/bench/claims/ct24_english]
                                               [--claims-model weights.json] [--errors N]
                                               [--news N] [--corpus ../shared/corpus/...]

Which split is which, for each system (``SPLIT_ROLES``):

- copydesk's hand-set claim scorer: its weights were set by hand and checked on **dev**
  (in-sample); **dev-test** was looked at three times, the last change coming after the second
  look (nearly held-out, slightly optimistic); **train** (22,500 rows) was never used to set a
  weight, but about 5,000 of its sentences were read for the rate of check-worthy sentences
  among those having each cue (docs/claims.md), so it is held-out for the weights, not untouched.
- the TF-IDF + logistic-regression baseline the data README describes is fitted on **train**
  (in-sample for it) and scored on dev and dev-test (held-out for it): word 1-2-grams (tokens of
  two or more word characters, lowercased), smoothed idf, l2-normalised rows, class-balanced
  L2 logistic regression with C = 1 (scikit-learn's defaults, reimplemented here with numpy
  because scikit-learn was not a dependency when it was written; fitted to convergence by L-BFGS).
- the trained model (``copydesk train claims``, ``copydesk.analyse.claim_model``: logistic
  regression over TF-IDF word 1-2-grams, character 2-5-grams and copydesk's claim cues) is
  fitted on **train** (in-sample for it); its C and threshold are chosen on **dev** (the grid
  ``C_GRID``, the best F1 of the check-worthy class); **dev-test** is scored once, at the end,
  after everything else is fixed (held-out). Not shipped: CheckThat!'s licence is research use.

``--news N`` also reads N BBC articles (every 7th file of ../shared/corpus/bbc-news-2225) and
counts claims and ``claims.unsourced`` notes with the shipped scorer and with the trained model
on the same analyses.

Each sentence becomes one paragraph of an ``Article`` (batches of 200), parsed once by
``Analyser``; a sentence is a claim when any spaCy sentence inside it scores at or above the
threshold of the claim scorer (``copydesk.analyse.claims``, hand-set weights unless
``--claims-model`` is given). Baselines are measured in the same run: all-Yes and "the sentence
contains a number". The data are debate transcripts, not news. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
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
#: (split, system) -> what the split is for that system (see the module docstring).
SPLIT_ROLES = {
    ("train", "copydesk claims"): "held-out for the weights (cue rates read on ~5,000 rows)",
    ("dev", "copydesk claims"): "in-sample (weights set on it)",
    ("dev-test", "copydesk claims"): "looked at 3 times (slightly optimistic)",
    ("train", "TF-IDF + LR"): "in-sample (fitted on it)",
    ("dev", "TF-IDF + LR"): "held-out",
    ("dev-test", "TF-IDF + LR"): "held-out",
    ("train", "trained model"): "in-sample (fitted on it)",
    ("dev", "trained model"): "C, threshold and design chosen on it",
    ("dev-test", "trained model"): "held-out (scored once, at the end)",
}
BBC = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "bbc"


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


TOKEN = re.compile(r"(?u)\b\w\w+\b")


def ngrams(text: str) -> list[str]:
    """Word 1- and 2-grams of ``text``, as scikit-learn's TfidfVectorizer(ngram_range=(1, 2))."""
    tokens = TOKEN.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


class TfidfLogistic:
    """TF-IDF (raw counts, smoothed idf, l2 rows) + class-balanced L2 logistic regression (C=1),
    in numpy: scikit-learn's defaults, written out because scikit-learn is not a dependency."""

    def __init__(self, vocabulary: dict[str, int], idf, weights, bias: float, iterations: int):
        self.vocabulary, self.idf, self.weights, self.bias = vocabulary, idf, weights, bias
        self.iterations = iterations

    @property
    def features(self) -> int:
        return len(self.vocabulary)

    @classmethod
    def fit(cls, texts: list[str], labels: list[bool], *, c: float = 1.0, max_iter: int = 1000,
            tol: float = 1e-5) -> TfidfLogistic:
        import numpy as np

        grams = [ngrams(t) for t in texts]
        vocabulary: dict[str, int] = {}
        for doc in grams:
            for g in doc:
                vocabulary.setdefault(g, len(vocabulary))
        n = len(texts)
        df = np.zeros(len(vocabulary))
        for doc in grams:
            df[[vocabulary[g] for g in set(doc)]] += 1
        idf = np.log((1 + n) / (1 + df)) + 1
        model = cls(vocabulary, idf, None, 0.0, 0)
        rows, cols, vals = model._matrix(grams)
        y = np.where(np.array(labels), 1.0, -1.0)
        positives = y > 0
        sample = np.where(positives, n / (2 * positives.sum()), n / (2 * (~positives).sum()))
        d = len(vocabulary)

        def loss_grad(theta):
            w, b = theta[:d], theta[d]
            z = y * (np.bincount(rows, weights=vals * w[cols], minlength=n) + b)
            loss = 0.5 * w @ w + c * np.sum(sample * np.logaddexp(0, -z))
            r = -c * sample * y * np.exp(-np.logaddexp(0, z))  # d loss / d margin
            grad = np.empty(d + 1)
            grad[:d] = w + np.bincount(cols, weights=vals * r[rows], minlength=d)
            grad[d] = r.sum()
            return loss, grad

        theta, iterations = _lbfgs(loss_grad, np.zeros(d + 1), max_iter=max_iter, tol=tol)
        model.weights, model.bias, model.iterations = theta[:d], float(theta[d]), iterations
        return model

    def _matrix(self, grams: list[list[str]]):
        """Rows, columns and values of the l2-normalised TF-IDF matrix (coordinate form)."""
        import numpy as np

        rows, cols, vals = [], [], []
        for i, doc in enumerate(grams):
            counts: dict[int, int] = {}
            for g in doc:
                j = self.vocabulary.get(g)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if not counts:
                continue
            js = np.fromiter(counts, dtype=np.int64)
            v = np.fromiter(counts.values(), dtype=float) * self.idf[js]
            v /= np.sqrt(v @ v)
            rows.append(np.full(len(js), i))
            cols.append(js)
            vals.append(v)
        return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)

    def predict(self, texts: list[str]) -> list[bool]:
        import numpy as np

        rows, cols, vals = self._matrix([ngrams(t) for t in texts])
        margin = np.bincount(rows, weights=vals * self.weights[cols], minlength=len(texts)) + self.bias
        return [bool(m >= 0) for m in margin]


def _lbfgs(loss_grad, x, *, max_iter: int, tol: float, memory: int = 10):
    """Minimise with L-BFGS (two-loop recursion, backtracking Armijo line search); stops when
    the largest gradient component is below ``tol``."""
    import numpy as np

    loss, grad = loss_grad(x)
    history: list[tuple] = []
    for iteration in range(1, max_iter + 1):
        if np.max(np.abs(grad)) < tol:
            return x, iteration - 1
        q = grad.copy()
        alphas = []
        for s, y, rho in reversed(history):
            a = rho * (s @ q)
            alphas.append(a)
            q -= a * y
        if history:
            s, y, _ = history[-1]
            q *= (s @ y) / (y @ y)
        for (s, y, rho), a in zip(history, reversed(alphas)):
            q += s * (a - rho * (y @ q))
        direction = -q
        slope = grad @ direction
        if slope >= 0:  # not a descent direction: restart from the gradient
            history.clear()
            direction, slope = -grad, -(grad @ grad)
        step = 1.0 if history else min(1.0, 1.0 / max(1e-12, np.sqrt(grad @ grad)))
        while True:
            candidate = x + step * direction
            new_loss, new_grad = loss_grad(candidate)
            if new_loss <= loss + 1e-4 * step * slope:
                break
            step *= 0.5
            if step < 1e-10:  # no decrease left at float precision: converged
                return x, iteration
        s, y = candidate - x, new_grad - grad
        if s @ y > 1e-12:
            history.append((s, y, 1.0 / (s @ y)))
            history = history[-memory:]
        x, loss, grad = candidate, new_loss, new_grad
    return x, max_iter


def train_model(train_rows, train_sentences, dev_rows, dev_sentences, say=print):
    """The trained model as ``copydesk train claims DATA --dev DEV`` makes it: fitted on train,
    C and threshold chosen on dev (``copydesk.analyse.claim_model``)."""
    from copydesk.analyse import claim_model as cm

    started = time.perf_counter()
    models = cm.fit([t for t, _ in train_rows], [cm.row_cues(s) for s in train_sentences],
                    [g for _, g in train_rows], c=cm.C_GRID,
                    about={"trained_on": "CheckThat! 2024 English train (research use only)"})
    chosen, table = cm.choose_on_dev(models, dev_sentences, [g for _, g in dev_rows])
    for c, threshold, f1 in table:
        say(f"  C = {c:g}: dev F1 {f1:.3f} at threshold {threshold:+.3f}")
    terms = sum(len(b.terms) for b in chosen.blocks.values())
    say(f"trained model fitted on train, chosen on dev: C = {chosen.settings['C']:g}, threshold "
        f"{chosen.threshold:+.3f}, {terms:,} n-grams + {len(chosen.cue_weights)} cues, "
        f"{time.perf_counter() - started:.1f} s")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="train,dev,dev-test")
    parser.add_argument("--baseline", action=argparse.BooleanOptionalAction, default=True,
                        help="fit the TF-IDF + logistic regression baseline on train (default: on)")
    parser.add_argument("--trained", action=argparse.BooleanOptionalAction, default=True,
                        help="train copydesk's trained model on train, settings on dev (default: on)")
    parser.add_argument("--save-model", type=Path, default=None,
                        help="write the trained model here (for research use only: not to ship)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--claims-model", type=Path, default=None)
    parser.add_argument("--errors", type=int, default=0, help="print N misclassified sentences")
    parser.add_argument("--news", type=int, default=0, metavar="N",
                        help="also compare the scorers on N BBC articles (every 7th file)")
    parser.add_argument("--corpus", type=Path, default=BBC)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: no CheckThat! data at {args.data} (needs ../shared)", file=sys.stderr)
        return 0

    from copydesk.analyse import claim_model as cm
    from copydesk.analyse.claims import ClaimModel, load_weights
    from copydesk.analyse.pipeline import Analyser

    model = load_weights(args.claims_model) if args.claims_model else ClaimModel()
    analyser = Analyser.load()
    splits = args.splits.split(",")
    needed = splits + [s for s in ("train", "dev") if args.trained and s not in splits]
    rows, parsed, seconds = {}, {}, {}
    for split in sorted(needed, key=list(FILES).index):
        rows[split] = read_split(args.data / FILES[split])
        started = time.perf_counter()
        parsed[split] = cm.parse_cues(analyser, [r[0] for r in rows[split]], batch=BATCH)
        seconds[split] = time.perf_counter() - started
    baseline = trained = None
    if args.baseline:
        started = time.perf_counter()
        train_rows = rows.get("train") or read_split(args.data / FILES["train"])
        baseline = TfidfLogistic.fit([r[0] for r in train_rows], [r[1] for r in train_rows])
        print(f"TF-IDF + LR fitted on train: {baseline.features:,} features, {baseline.iterations} "
              f"L-BFGS iterations, {time.perf_counter() - started:.1f} s")
    if args.trained:
        trained = train_model(rows["train"], parsed["train"], rows["dev"], parsed["dev"])
        if args.save_model:
            trained.save(args.save_model)
            print(f"wrote {args.save_model}")
    rows_out = []
    print(f"{'split':<10}{'system':<28}{'P':>7}{'R':>7}{'F1':>7}{'F1/base':>9}")
    for split in splits:  # dev-test last in the default order: scored once, after all choices
        texts, gold = [r[0] for r in rows[split]], [r[1] for r in rows[split]]
        scores = [max((model.score(c) for _, c in sentences), default=float("-inf"))
                  for sentences in parsed[split]]
        predicted = [s >= model.threshold for s in scores]
        base = prf([has_number(t) for t in texts], gold)
        systems = {
            "all-Yes": prf([True] * len(gold), gold),
            "contains a number": base,
            "copydesk claims": prf(predicted, gold),
        }
        if baseline is not None:
            systems["TF-IDF + LR"] = prf(baseline.predict(texts), gold)
        if trained is not None:
            systems["trained model"] = prf([cm.best_score(trained, s) >= trained.threshold
                                            for s in parsed[split]], gold)
        for name, (p, r, f) in systems.items():
            ratio = f / base[2] if base[2] else 0.0
            print(f"{split:<10}{name:<28}{p:>7.3f}{r:>7.3f}{f:>7.3f}{ratio:>9.2f}")
            rows_out.append((split, len(rows[split]), sum(gold), name, p, r, f, ratio))
        print(f"{split:<10}{len(texts)} sentences, {sum(gold)} Yes; parse {seconds[split]:.1f} s")
        shown = 0
        for text, g, p, s in zip(texts, gold, predicted, scores):
            if shown < args.errors and g != p:
                print(f"  {'FN' if g else 'FP'} {s:+.2f} {text[:110]}")
                shown += 1
    print()
    print("| split (rows, Yes) | system | what the split is for it | P | R | F1 | F1 / \"contains a number\" |")
    print("|---|---|---|---|---|---|---|")
    for split, n, yes, name, p, r, f, ratio in rows_out:
        role = SPLIT_ROLES.get((split, name), "")
        print(f"| {split} ({n:,}, {yes:,} Yes) | {name} | {role} | {p:.3f} | {r:.3f} | {f:.3f} "
              f"| {ratio:.2f} |")
    if args.news and trained is not None:
        print()
        news(analyser, trained, args.corpus, args.news)
    return 0


def news(analyser, trained, corpus: Path, count: int) -> None:
    """Claims and ``claims.unsourced`` notes on ``count`` BBC articles (every 7th file), with the
    shipped scorer and with ``trained``, on the same analyses."""
    from copydesk.analyse.claims import extract_claims
    from copydesk.checks.claims_unsourced import check
    from copydesk.ingest.text import parse_text

    files = sorted(corpus.rglob("*.txt"))[::7][:count]
    if not files:
        print(f"news: no articles under {corpus}")
        return
    totals = {"shipped": [0, 0, 0], "trained": [0, 0, 0]}  # sentences, claims, unsourced notes
    changed_notes, articles_changed, examples, changed_claims = 0, 0, [], 0
    for path in files:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        analysed = analyser.analyse(parse_text(text, source=str(path)))
        notes, claimed = {}, {}
        for name, scorer in (("shipped", None), ("trained", trained)):
            extract_claims(analysed, scorer)
            claimed[name] = {(c.start, c.end) for c in analysed.claims}
            found = list(check(analysed, None))
            totals[name][0] += len(analysed.sentences)
            totals[name][1] += len(analysed.claims)
            totals[name][2] += len(found)
            notes[name] = {(f.start, f.end) for f in found}
        changed_claims += len(claimed["shipped"] ^ claimed["trained"])
        diff = notes["shipped"] ^ notes["trained"]
        changed_notes += len(diff)
        if diff:
            articles_changed += 1
            for start, end in sorted(diff)[:1]:
                side = "only trained" if (start, end) in notes["trained"] else "only shipped"
                examples.append(f"  {side}: {path.parent.name}/{path.name} {analysed.text[start:end]!r}")
    print(f"news: {len(files)} BBC articles, {totals['shipped'][0]:,} sentences")
    for name, (sentences, claims, notes_) in totals.items():
        print(f"  {name:<8} claims {claims:,} ({claims / sentences:.1%}), claims.unsourced notes "
              f"{notes_:,} ({notes_ / len(files):.2f} per article)")
    print(f"  sentences that are claims for one scorer only: {changed_claims:,}")
    print(f"  notes made by one scorer only: {changed_notes:,}, in {articles_changed} articles")
    print("\n".join(examples[:12]))


if __name__ == "__main__":
    raise SystemExit(main())
