"""A trained check-worthiness model: logistic regression over TF-IDF word and character n-grams
of the sentence plus copydesk's own claim cues (``copydesk.analyse.claim_features``).

The shipped scorer (``copydesk.analyse.claims.ClaimModel``) has hand-set weights. This module
fits a model on a user's own labelled sentences instead (``copydesk train claims``, in
``copydesk.cli.train``), and reads it back for ``Desk(claims_model=...)`` and
``copydesk check --claims-model``. docs/claims.md describes the file and the licence situation.

The model file is JSON (no pickle, no code): the vocabulary of each n-gram block with each
term's idf and weight, the cue weights, the bias, the decision threshold, the settings and what
the model was trained on. Scoring needs only the standard library; training needs scikit-learn
(``LogisticRegression`` on a sparse matrix built here, so scoring and training share one
featuriser and nothing depends on scikit-learn's vectoriser internals).

    score(sentence) = bias + Σ_block Σ_term w_term · tfidf_term + Σ_cue w_cue · CUE_SCALE · cue

Each block's TF-IDF row is l2-normalised (raw counts × smoothed idf, as scikit-learn's
``TfidfVectorizer`` defaults); digits are read as ``0`` so that "12,000" and "45,000" share
n-grams. A sentence is a claim when its score reaches ``threshold``; ``Claim.score`` is the
logistic of the score.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from copydesk.errors import UsageError

FORMAT = "copydesk-claims-model"
VERSION = 1
#: The n-gram blocks: word 1-2-grams and character 2-5-grams inside word boundaries.
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
#: A cue (0 or 1) enters the model at this value, beside l2-normalised TF-IDF blocks.
CUE_SCALE = 1.0
#: Regularisation strengths tried when a dev file is given (inverse, as scikit-learn's ``C``).
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
DEFAULT_C = 1.0
#: n-grams kept only when they occur in at least this many training sentences.
MIN_DF = 2

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s\s+")


def _normal(text: str) -> str:
    return _DIGIT.sub("0", text.lower())


def word_ngrams(text: str) -> list[str]:
    """Word 1- and 2-grams (tokens of two or more word characters, lowercased, digits as 0)."""
    tokens = _TOKEN.findall(_normal(text))
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def char_ngrams(text: str) -> list[str]:
    """Character 2- to 5-grams of each word padded with a space (scikit-learn's ``char_wb``)."""
    low, high = CHAR_NGRAMS
    out: list[str] = []
    for word in _SPACES.sub(" ", _normal(text)).split():
        word = f" {word} "
        length = len(word)
        for n in range(low, high + 1):
            if length < n:
                if n == low:
                    out.append(word)
                break
            out.extend(word[i : i + n] for i in range(length - n + 1))
    return out


BLOCKS = {"word": word_ngrams, "char": char_ngrams}


@dataclass(slots=True)
class Block:
    """One n-gram block: term -> (column, idf), and a weight per column."""

    terms: dict[str, tuple[int, float]]
    weights: list[float] = field(default_factory=list)

    def row(self, grams: Iterable[str]) -> dict[int, float]:
        """The l2-normalised TF-IDF values of the known ``grams``, by column."""
        counts: dict[int, float] = {}
        for gram in grams:
            known = self.terms.get(gram)
            if known is not None:
                counts[known[0]] = counts.get(known[0], 0.0) + known[1]
        norm = math.sqrt(sum(v * v for v in counts.values()))
        return {k: v / norm for k, v in counts.items()} if norm else {}


@dataclass(slots=True)
class TrainedClaimModel:
    """A fitted model (``fit`` or ``load_model``). ``score(text, cues)`` is the linear score of a
    sentence; ``sentence_score`` is the hook ``copydesk.analyse.claims.extract_claims`` calls."""

    blocks: dict[str, Block]
    cue_weights: dict[str, float]
    bias: float
    threshold: float = 0.0
    settings: dict = field(default_factory=dict)
    about: dict = field(default_factory=dict)

    def score(self, text: str, cues: dict[str, float]) -> float:
        total = self.bias
        for name, block in self.blocks.items():
            for column, value in block.row(BLOCKS[name](text)).items():
                total += block.weights[column] * value
        for name, value in cues.items():
            total += self.cue_weights.get(name, 0.0) * CUE_SCALE * value
        return total

    def sentence_score(self, analysed, sentence, cues: dict[str, float]) -> float:
        return self.score(analysed.text[sentence.start : sentence.end], cues)

    def is_claim(self, text: str, cues: dict[str, float]) -> bool:
        return self.score(text, cues) >= self.threshold

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "about": self.about,
            "settings": self.settings,
            "bias": self.bias,
            "threshold": self.threshold,
            "cues": self.cue_weights,
            "blocks": {
                name: {term: [round(idf, 6), _round(block.weights[column])]
                       for term, (column, idf) in block.terms.items()}
                for name, block in self.blocks.items()
            },
        }

    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")),
                       encoding="utf-8")
        tmp.replace(path)


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def load_model(path: str | Path) -> TrainedClaimModel:
    """Read a model file written by ``TrainedClaimModel.save``; a ``UsageError`` naming the file
    and the problem when it is missing, not JSON, or not a copydesk claims model."""
    path = Path(path)
    where = f"claims model {str(path)!r}"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{where}: is a directory, not a model file") from None
    except OSError as exc:
        raise UsageError(f"{where}: cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{where}: not a JSON model file ({exc}); write one with "
                         "`copydesk train claims`") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(f"{where}: not a copydesk claims model (no \"format\": \"{FORMAT}\"); "
                         "write one with `copydesk train claims`")
    if data.get("version") != VERSION:
        raise UsageError(f"{where}: model format version {data.get('version')!r}, this copydesk "
                         f"reads version {VERSION}")
    try:
        blocks = {}
        for name, terms in data["blocks"].items():
            if name not in BLOCKS:
                raise ValueError(f"unknown block {name!r}")
            table, weights = {}, []
            for term, (idf, weight) in terms.items():
                table[str(term)] = (len(weights), float(idf))
                weights.append(float(weight))
            blocks[name] = Block(table, weights)
        cues = {str(k): float(v) for k, v in data["cues"].items()}
        model = TrainedClaimModel(blocks, cues, float(data["bias"]), float(data["threshold"]),
                                  dict(data.get("settings") or {}), dict(data.get("about") or {}))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        problem = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
        raise UsageError(f"{where}: malformed model ({problem})") from None
    if not all(math.isfinite(v) for v in (model.bias, model.threshold, *cues.values())):
        raise UsageError(f"{where}: malformed model (a weight is not a finite number)")
    return model


# ---------------------------------------------------------------- training data


YES = frozenset({"yes", "y", "true", "1", "claim", "check-worthy", "checkworthy"})
NO = frozenset({"no", "n", "false", "0", "not-claim", "none"})
TEXT_COLUMNS = ("text", "sentence", "Text")
LABEL_COLUMNS = ("class_label", "label", "check_worthy", "checkworthy")


def read_labelled(path: str | Path) -> list[tuple[str, bool]]:
    """``(sentence, is check-worthy)`` rows of a training or dev file: a TSV with a header
    naming a text column (``Text``/``text``/``sentence``) and a label column
    (``class_label``/``label``) — CheckThat!'s ``Sentence_id<TAB>Text<TAB>class_label`` is one,
    read with quoting off — a CSV with the same header (standard quoting), or JSONL with
    ``text`` and ``label`` keys. Labels: Yes/No, true/false, 1/0. A ``UsageError`` names the
    file, the line and the problem."""
    path = Path(path)
    where = f"training file {str(path)!r}"
    try:
        content = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{where}: is a directory") from None
    except UnicodeDecodeError:
        raise UsageError(f"{where}: not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"{where}: cannot be read ({exc.strerror or exc})") from None
    if not content.strip():
        raise UsageError(f"{where}: empty")
    if path.suffix.lower() in (".jsonl", ".ndjson") or content.lstrip().startswith("{"):
        rows = _read_jsonl(content, where)
    else:
        rows = _read_table(content, where, csv_file=path.suffix.lower() == ".csv")
    if not rows:
        raise UsageError(f"{where}: no labelled rows")
    return rows


def _label(value, where: str, line: int) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    # CheckThat! 2024's train file has one label "No29286" (the next row's id run in)
    quirk = re.fullmatch(r"(yes|no)\d+", text)
    if quirk:
        return quirk.group(1) == "yes"
    raise UsageError(f"{where}, line {line}: label {str(value)[:40]!r} is not Yes/No, true/false "
                     "or 1/0")


def _read_jsonl(content: str, where: str) -> list[tuple[str, bool]]:
    rows = []
    for line, raw in enumerate(content.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{where}, line {line}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict):
            raise UsageError(f"{where}, line {line}: not a JSON object")
        text = next((item[k] for k in TEXT_COLUMNS if k in item), None)
        label = next((item[k] for k in LABEL_COLUMNS if k in item), None)
        if not isinstance(text, str) or label is None:
            raise UsageError(f"{where}, line {line}: needs a \"text\" string and a \"label\"")
        rows.append((text, _label(label, where, line)))
    return rows


def _read_table(content: str, where: str, *, csv_file: bool) -> list[tuple[str, bool]]:
    first = content.splitlines()[0]
    if "\t" in first or not csv_file:
        reader = csv.reader(content.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(content.splitlines())
    header = [h.strip() for h in next(reader)]
    lower = [h.lower() for h in header]
    text_at = next((lower.index(c.lower()) for c in TEXT_COLUMNS if c.lower() in lower), None)
    label_at = next((lower.index(c) for c in LABEL_COLUMNS if c in lower), None)
    if text_at is None or label_at is None:
        raise UsageError(f"{where}: the first line must be a header naming a text column "
                         f"(text or Text) and a label column (label or class_label); found "
                         f"{header[:6]!r}")
    rows = []
    for line, row in enumerate(reader, 2):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(text_at, label_at):
            raise UsageError(f"{where}, line {line}: {len(row)} column(s), the header has "
                             f"{len(header)}")
        rows.append((row[text_at], _label(row[label_at], where, line)))
    return rows


# ---------------------------------------------------------------- features and training


def parse_cues(analyser, texts: Sequence[str], batch: int = 200,
               progress=None) -> list[list[tuple[str, dict[str, float]]]]:
    """For each text, its spaCy sentences as ``(sentence text, cues)``: the texts are parsed as
    the paragraphs of articles of ``batch`` texts by ``analyser`` (``copydesk.analyse.pipeline``)."""
    from copydesk.analyse.claim_features import sentence_features
    from copydesk.model import Article, Region

    out: list[list[tuple[str, dict[str, float]]]] = []
    for begin in range(0, len(texts), batch):
        chunk = [t.replace("\n", " ").strip() or "." for t in texts[begin : begin + batch]]
        text, regions = "", []
        for item in chunk:
            regions.append(Region(len(text), len(text) + len(item), "body"))
            text += item + "\n\n"
        analysed = analyser.analyse(Article(text=text, regions=regions))
        found: list[list[tuple[str, dict[str, float]]]] = [[] for _ in chunk]
        for sentence in analysed.sentences:
            found[sentence.paragraph].append(
                (analysed.text[sentence.start : sentence.end], sentence_features(analysed, sentence))
            )
        out.extend(found)
        if progress is not None:
            progress(min(begin + batch, len(texts)), len(texts))
    return out


def row_cues(sentences: list[tuple[str, dict[str, float]]]) -> dict[str, float]:
    """The cues of a text of one or more sentences: each cue that any of its sentences has."""
    merged: dict[str, float] = {}
    for _, cues in sentences:
        for name, value in cues.items():
            merged[name] = max(merged.get(name, 0.0), value)
    return merged


def best_score(model, sentences: list[tuple[str, dict[str, float]]]) -> float:
    """A text's score: its best sentence's (as ``copydesk check`` scores each sentence)."""
    return max((model.score(text, cues) for text, cues in sentences), default=float("-inf"))


def f1(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class."""
    tp = sum(p and g for p, g in zip(predicted, gold))
    fp = sum(p and not g for p, g in zip(predicted, gold))
    fn = sum(g and not p for p, g in zip(predicted, gold))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall)
                               if precision + recall else 0.0)


def best_threshold(scores: Sequence[float], gold: Sequence[bool]) -> tuple[float, float]:
    """The threshold with the best F1 on these scores (midway between neighbouring scores), and
    that F1."""
    ordered = sorted(set(scores))
    candidates = [(a + b) / 2 for a, b in pairwise(ordered)] or [0.0]
    best = (0.0, -1.0)
    for threshold in candidates:
        value = f1([s >= threshold for s in scores], gold)[2]
        if value > best[1] + 1e-12 or (abs(value - best[1]) <= 1e-12 and
                                       abs(threshold) < abs(best[0])):
            best = (threshold, value)
    return best


def fit(texts: Sequence[str], cues: Sequence[dict[str, float]], labels: Sequence[bool], *,
        c: float | Sequence[float] = DEFAULT_C, min_df: int = MIN_DF,
        about: dict | None = None) -> list[TrainedClaimModel]:
    """Fit the model on ``texts`` (their ``cues``, from ``row_cues``) and ``labels``: class-balanced
    L2 logistic regression (scikit-learn, liblinear) with inverse regularisation ``c``, one model
    per value when ``c`` is a sequence (the features are built once). The threshold is 0 (even
    odds after balancing) until the caller sets it."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    if len(texts) != len(labels) or len(cues) != len(labels):
        raise ValueError("texts, cues and labels differ in length")
    if len(set(labels)) < 2:
        only = "check-worthy" if labels and labels[0] else "not check-worthy"
        raise UsageError(f"training needs both check-worthy and other sentences; all "
                         f"{len(labels)} are {only}")
    n = len(texts)
    terms: dict[str, dict[str, tuple[int, float]]] = {}
    grams_by_block = {name: [make(t) for t in texts] for name, make in BLOCKS.items()}
    for name, grams in grams_by_block.items():
        df: dict[str, int] = {}
        for doc in grams:
            for gram in set(doc):
                df[gram] = df.get(gram, 0) + 1
        kept = sorted(g for g, k in df.items() if k >= min_df)
        terms[name] = {g: (i, math.log((1 + n) / (1 + df[g])) + 1) for i, g in enumerate(kept)}
    cue_names = sorted({name for row in cues for name in row})
    rows, cols, vals = [], [], []
    for i in range(n):
        offset = 0
        for name, table in terms.items():
            for column, value in Block(table).row(grams_by_block[name][i]).items():
                rows.append(i)
                cols.append(offset + column)
                vals.append(value)
            offset += len(table)
        for j, name in enumerate(cue_names):
            value = cues[i].get(name, 0.0)
            if value:
                rows.append(i)
                cols.append(offset + j)
                vals.append(CUE_SCALE * value)
    width = sum(len(t) for t in terms.values()) + len(cue_names)
    matrix = csr_matrix((np.array(vals, dtype=float), (np.array(rows, dtype=np.int64),
                                                       np.array(cols, dtype=np.int64))),
                        shape=(n, width))
    target = np.array(labels, dtype=bool)
    models = []
    for value in ([c] if isinstance(c, int | float) else list(c)):
        # the dual solver: far fewer sentences than n-grams (about 8 s on CheckThat!'s train);
        # it visits the sentences in a random order, seeded so that a model file is reproducible
        classifier = LogisticRegression(C=value, class_weight="balanced", solver="liblinear",
                                        dual=True, max_iter=2000, tol=1e-4, random_state=0)
        classifier.fit(matrix, target)
        coef = classifier.coef_[0]
        blocks, offset = {}, 0
        for name, table in terms.items():
            blocks[name] = Block(table, [float(w) for w in coef[offset : offset + len(table)]])
            offset += len(table)
        cue_weights = {name: float(coef[offset + j]) for j, name in enumerate(cue_names)}
        settings = {"C": value, "min_df": min_df, "word_ngrams": list(WORD_NGRAMS),
                    "char_ngrams": list(CHAR_NGRAMS), "cue_scale": CUE_SCALE,
                    "classifier": "logistic regression, class-balanced, L2, liblinear dual "
                                  f"(scikit-learn {_sklearn_version()})"}
        # liblinear's intercept is the weight of a constant feature (regularised like the rest)
        models.append(TrainedClaimModel(blocks, cue_weights, float(classifier.intercept_[0]), 0.0,
                                        settings, dict(about or {})))
    return models


def _sklearn_version() -> str:
    import sklearn

    return sklearn.__version__


def choose_on_dev(models: Sequence[TrainedClaimModel],
                  dev_sentences: Sequence[list[tuple[str, dict[str, float]]]],
                  gold: Sequence[bool]) -> tuple[TrainedClaimModel, list[tuple[float, float, float]]]:
    """The model (one per C, from ``fit``) and threshold with the best dev F1 of the check-worthy
    class (the smaller C on a tie), its ``threshold`` set; and ``(C, threshold, F1)`` of each."""
    table, best = [], None
    for model in models:
        scores = [best_score(model, sentences) for sentences in dev_sentences]
        threshold, value = best_threshold(scores, gold)
        table.append((model.settings["C"], threshold, value))
        if best is None or value > best[0] + 1e-9:
            best = (value, threshold, model)
    _, threshold, chosen = best
    chosen.threshold = round(threshold, 6)
    return chosen, table
