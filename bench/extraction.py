"""Main-text extraction: copydesk's extractor vote against plain trafilatura, in one run.

    .venv/bin/python bench/extraction.py [--shared ../shared] [--limit N]
        [--sets zyte,wcxb-articles,trafilatura-eval] [--trafilatura-html DIR] [--sample N]

Data (read from ``shared/bench/article-extraction/``, never copied): the Zyte article-extraction
benchmark (181 pages, ``articleBody``) and the article pages of the WCXB test split
(``main_content``). Score: the Zyte method (``copydesk.ingest.extract_score``): word 4-gram
shingles, per-page precision and recall, mean over pages, F1 of the two means. Both sets are
in-sample: the extractor vote was set with their figures in view.

Held-out: ``trafilatura-eval`` (``--sets trafilatura-eval``), the annotations of trafilatura's own
evaluation (``trafilatura-evaldata/evaldata.json``, 990 pages, many languages), never used while
copydesk's extractor was written. They give no gold body, only 'with' snippets (text the main
content must contain) and 'without' snippets (boilerplate it must not), so the score is
trafilatura's own (its ``tests/eval_common.py``): whitespace-normalised substring matching, per
snippet tp (a 'with' found), fn (a 'with' missing), fp (a 'without' found), tn (a 'without'
missing), summed over pages; precision tp/(tp+fp), recall tp/(tp+fn), accuracy
(tp+tn)/(all snippets), F1; and, per page, the share of pages entirely right (every 'with' in and
no 'without'). The HTML is not in ../shared (about 150 MB): export it from trafilatura's
repository at the annotations' commit, outside this repository, and point ``--trafilatura-html``
(or ``$COPYDESK_TRAFILATURA_HTML``) at the folder holding ``eval/`` and ``cache/``::

    git -C trafilatura archive e90b0ef tests/eval tests/cache | tar -x -C /tmp/trafilatura-e90b0ef
    .venv/bin/python bench/extraction.py --sets trafilatura-eval \
        --trafilatura-html /tmp/trafilatura-e90b0ef/tests

Caveat: the set is held out for copydesk's vote, not for trafilatura, which is tuned on it and is
two of copydesk's four voters.

Rows, all timed on the same pages in the same process, page by page in turn (each page goes
through every row before the next page, so the machine's changing load falls on all rows
alike); pages/s include decoding and parsing:
  trafilatura            trafilatura.extract(html) with its defaults (comments included)
  trafilatura-nocomments trafilatura.extract(html, include_comments=False): the Zyte
                         benchmark's own trafilatura runner, and the baseline copydesk must beat
  copydesk               copydesk.ingest.html.extract_text with its default, the cascade
                         (trafilatura's recall and precision ends without fallback; the vote
                         where they are unsure)
  copydesk-cascade       extract_text(extraction="cascade"): the default, named
  copydesk-fast          extract_text(extraction="fast"): the recall end alone, trafilatura's own
                         extraction (with its fallbacks) where that is short
  copydesk-lean          extract_text(extraction="lean"): the cascade's questions, each answered
                         by one more extractor at most, no vote (docs/html.md)
  copydesk-vote          extract_text(full_vote=True): the medoid of four extractors on every page
  copydesk-shortcut      the vote with shortcut=0.99 (stop early when trafilatura agrees with
                         itself)
After each set, the copydesk / trafilatura-nocomments pages/s ratio of that run (the machine's
speed varies between runs; the ratio within one run is the comparable figure).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from copydesk.ingest.extract_score import Scores, shingle_match, summarise
from copydesk.ingest.html import extract_text

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path("bench") / "article-extraction"

Page = tuple[str, bytes, str]  # id, raw html, gold text
SnippetPage = tuple[str, bytes, dict]  # url, raw html, {"with": [...], "without": [...]}

#: the in-sample sets scored with shingles, and the held-out snippet-scored set
SHINGLE_SETS = ("zyte", "wcxb-articles")
SNIPPET_SET = "trafilatura-eval"
EVALDATA = DATA / "trafilatura-evaldata"


def zyte_pages(shared: Path) -> Iterator[Page]:
    root = shared / DATA / "zyte-article-extraction-benchmark"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        yield key, gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), gold[key][
            "articleBody"
        ]


def wcxb_articles(shared: Path) -> Iterator[tuple[str, bytes, dict]]:
    """WCXB test pages whose type is ``article``: (id, raw html, ground_truth dict)."""
    root = shared / DATA / "wcxb-test"
    files = json.loads((root / "metadata.json").read_text(encoding="utf-8"))["files"]
    for key in sorted(files):
        if files[key].get("page_type") != "article":
            continue
        truth = json.loads((root / "ground-truth" / f"{key}.json").read_text(encoding="utf-8"))
        yield key, gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), truth[
            "ground_truth"
        ]


def wcxb_pages(shared: Path) -> Iterator[Page]:
    for key, raw, truth in wcxb_articles(shared):
        yield key, raw, truth.get("main_content") or ""


def trafilatura_eval_pages(
    shared: Path, html_dir: Path, sample: int | None = None
) -> list[SnippetPage]:
    """Pages of trafilatura's evaluation whose HTML is found under ``html_dir`` (its ``cache/``
    first, then ``eval/``, as trafilatura's ``resolve``), in sha256-of-URL order; the first
    ``sample`` of them when given (a deterministic sample)."""
    evaldata = json.loads((shared / EVALDATA / "evaldata.json").read_text(encoding="utf-8"))
    order = sorted(evaldata, key=lambda url: hashlib.sha256(url.encode("utf-8")).hexdigest())
    pages = []
    for url in order:
        item = evaldata[url]
        for folder in ("cache", "eval"):
            path = html_dir / folder / item["file"]
            if path.is_file():
                pages.append((url, path.read_bytes(), item))
                break
        if sample is not None and len(pages) >= sample:
            break
    return pages


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class SnippetScores:
    """trafilatura's evaluation counts over snippets, and pages entirely right."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    pages: int = 0
    pages_right: int = 0

    def add(self, item: dict, extracted: str) -> None:
        text = _norm(extracted)
        found = sum(_norm(w) in text for w in item["with"])
        leaked = sum(_norm(w) in text for w in item["without"])
        self.tp += found
        self.fn += len(item["with"]) - found
        self.fp += leaked
        self.tn += len(item["without"]) - leaked
        self.pages += 1
        self.pages_right += found == len(item["with"]) and leaked == 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0

    @property
    def f1(self) -> float:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 0.0

    @property
    def page_accuracy(self) -> float:
        return self.pages_right / self.pages if self.pages else 0.0


def run_snippets(
    pages: list[SnippetPage], extract: Callable[[bytes], str]
) -> tuple[SnippetScores, float]:
    """Score one extractor on trafilatura's evaluation; a crash counts as an empty extraction
    (a full miss, as in trafilatura's evaluation). Returns the scores and pages per second."""
    scores = SnippetScores()
    elapsed = 0.0
    for _url, raw, item in pages:
        started = time.perf_counter()
        try:
            extracted = extract(raw)
        except Exception:  # noqa: BLE001 - scored as a miss, as the upstream evaluation does
            extracted = ""
        elapsed += time.perf_counter() - started
        scores.add(item, extracted)
    return scores, len(pages) / elapsed if elapsed else float("inf")


def default_html_dir(shared: Path) -> Path:
    return Path(os.environ.get("COPYDESK_TRAFILATURA_HTML") or shared / EVALDATA)


def extractors() -> dict[str, Callable[[bytes], str]]:
    return {
        "trafilatura": lambda raw: trafilatura.extract(raw) or "",
        "trafilatura-nocomments": lambda raw: trafilatura.extract(raw, include_comments=False)
        or "",
        "copydesk": lambda raw: "\n\n".join(extract_text(raw)),
        "copydesk-cascade": lambda raw: "\n\n".join(extract_text(raw, extraction="cascade")),
        "copydesk-fast": lambda raw: "\n\n".join(extract_text(raw, extraction="fast")),
        "copydesk-lean": lambda raw: "\n\n".join(extract_text(raw, extraction="lean")),
        "copydesk-vote": lambda raw: "\n\n".join(extract_text(raw, full_vote=True)),
        "copydesk-shortcut": lambda raw: "\n\n".join(
            extract_text(raw, full_vote=True, shortcut=0.99)
        ),
    }


def run_interleaved(
    pages: list, extractors: dict[str, Callable[[bytes], str]]
) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Every extractor on every page, page by page in turn (so a change in the machine's load
    during the run falls on all rows alike); returns each extractor's outputs (a crash gives
    "") and pages per second."""
    outputs: dict[str, list[str]] = {name: [] for name in extractors}
    elapsed = dict.fromkeys(extractors, 0.0)
    for extract in extractors.values():  # untimed warm-up: one-time loading falls on no row
        if pages:
            try:
                extract(pages[0][1])
            except Exception:  # noqa: BLE001, S110 - a crash is scored later
                pass
    for page in pages:
        raw = page[1]
        for name, extract in extractors.items():
            started = time.perf_counter()
            try:
                out = extract(raw)
            except Exception:  # noqa: BLE001 - scored as a miss
                out = ""
            elapsed[name] += time.perf_counter() - started
            outputs[name].append(out)
    rates = {
        name: len(pages) / seconds if seconds else float("inf")
        for name, seconds in elapsed.items()
    }
    return outputs, rates


def run(pages: list[Page], extract: Callable[[bytes], str]) -> tuple[Scores, float]:
    """Score one extractor on ``pages``; return its scores and pages per second."""
    started = time.perf_counter()
    outputs = [extract(raw) for _key, raw, _gold in pages]
    elapsed = time.perf_counter() - started
    scores = summarise(shingle_match(gold, out) for (_k, _r, gold), out in zip(pages, outputs))
    return scores, len(pages) / elapsed if elapsed else float("inf")


def datasets(
    shared: Path, limit: int | None, sets: tuple[str, ...] = SHINGLE_SETS
) -> dict[str, list[Page]]:
    loaders = {"zyte": zyte_pages, "wcxb-articles": wcxb_pages}
    return {name: list(loaders[name](shared))[:limit] for name in sets if name in loaders}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--only", nargs="*", help="extractor names to run")
    parser.add_argument(
        "--sets", default=",".join(SHINGLE_SETS),
        help=f"comma-separated, of {', '.join((*SHINGLE_SETS, SNIPPET_SET))}",
    )
    parser.add_argument(
        "--trafilatura-html", type=Path, default=None,
        help="folder with eval/ and cache/ of trafilatura's tests (default: "
        "$COPYDESK_TRAFILATURA_HTML, else shared/bench/article-extraction/trafilatura-evaldata)",
    )
    parser.add_argument(
        "--sample", type=int, default=None,
        help="trafilatura-eval: first N pages in sha256-of-URL order (default: all found)",
    )
    args = parser.parse_args(argv)
    sets = tuple(name.strip() for name in args.sets.split(",") if name.strip())
    unknown = set(sets) - {*SHINGLE_SETS, SNIPPET_SET}
    if unknown:
        parser.error(f"unknown set(s): {', '.join(sorted(unknown))}")
    if not (args.shared / DATA).is_dir():
        print(f"skipped: benchmark data not found at {args.shared / DATA} (use --shared PATH)")
        return 0
    logging.disable(logging.CRITICAL)
    runners = {
        name: extract for name, extract in extractors().items()
        if not args.only or name in args.only
    }
    shingle_sets = datasets(args.shared, args.limit, sets)
    if shingle_sets:
        print(f"{'set':<14} {'extractor':<23} {'pages':>5} {'F1':>6} {'prec':>6} {'recall':>6} "
              f"{'pages/s':>8}")
    for set_name, pages in shingle_sets.items():
        outputs, rates = run_interleaved(pages, runners)
        for name in runners:
            scores = summarise(
                shingle_match(gold, out) for (_k, _r, gold), out in zip(pages, outputs[name])
            )
            print(f"{set_name:<14} {name:<23} {scores.pages:>5} {scores.f1:>6.3f} "
                  f"{scores.precision:>6.3f} {scores.recall:>6.3f} {rates[name]:>8.1f}", flush=True)
        print_ratio(set_name, rates)
    if SNIPPET_SET in sets:
        html_dir = args.trafilatura_html or default_html_dir(args.shared)
        if not (html_dir / "eval").is_dir():
            print(f"{SNIPPET_SET}: skipped: no eval/ folder of trafilatura's test HTML under "
                  f"{html_dir} (see this script's docstring; use --trafilatura-html DIR)")
            return 0
        pages = trafilatura_eval_pages(args.shared, html_dir, args.sample or args.limit)
        snippets = sum(len(item["with"]) + len(item["without"]) for _u, _r, item in pages)
        print(f"\n{SNIPPET_SET} (held-out; trafilatura's snippet scoring): {len(pages)} pages, "
              f"{snippets} snippets")
        print(f"{'extractor':<23} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} "
              f"{'pages right':>11} {'pages/s':>8}")
        outputs, rates = run_interleaved(pages, runners)
        for name in runners:
            scores = SnippetScores()
            for (_url, _raw, item), out in zip(pages, outputs[name]):
                scores.add(item, out)
            print(f"{name:<23} {scores.f1:>6.3f} {scores.precision:>6.3f} {scores.recall:>6.3f} "
                  f"{scores.accuracy:>6.3f} {scores.page_accuracy:>11.3f} {rates[name]:>8.1f}",
                  flush=True)
        print_ratio(SNIPPET_SET, rates)
    return 0


def print_ratio(set_name: str, rates: dict[str, float]) -> None:
    """The copydesk rows' pages/s over trafilatura-nocomments', measured in this run."""
    baseline = rates.get("trafilatura-nocomments")
    if not baseline:
        return
    for name, rate in rates.items():
        if name.startswith("copydesk"):
            print(f"{set_name:<14} {name:<23} pages/s ÷ trafilatura-nocomments: "
                  f"{rate / baseline:.2f}", flush=True)

if __name__ == "__main__":
    sys.exit(main())
