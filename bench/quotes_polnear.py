"""Quote extraction and speakers on PolNeAR, dev (in-sample) beside train (held-out), and the
cost of quote extraction against the bare spaCy parse, in one process.

    .venv/bin/python bench/quotes_polnear.py [--splits dev,train] [--show misses|false|speakers]

Which figures are in-sample: quote extraction was tuned on PolNeAR dev, so dev is in-sample.
PolNeAR train was not used to tune extraction against its gold, but its articles belong to the
precision set (``bench/precision.py``), whose tuning half was read (findings such as
``quotes.unattributed``) while attribution rules were changed. So train is reported three ways:
all of it, its precision tuning half, and its precision held-out half (``split_of`` of
``polnear/train/<name>.txt`` odd) — the last is the held-out figure.

Gold: one annotation file per article (the first in sorted order). "Direct" gold = attributions
whose Content contains a quotation mark (the README's baseline method); a found quote matches a
gold Content when their character spans overlap. Figures:

- direct P: found direct quotes that overlap any gold Content (of any kind);
- direct R: direct gold Contents overlapped by a found direct quote;
- speaker right: found direct quotes matched to gold whose ``speaker.start/end`` overlaps the
  matched attribution's Source span;
- quote+speaker R: direct gold with a found quote whose speaker span overlaps its Source;
- indirect/mixed R: gold Contents with no quote mark overlapped by a found indirect/mixed quote
  (and the same with the speaker span right).

PolNeAR is research-only: read here, never copied or shipped. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "quotes" / "polnear"
#: The README's baseline counts a Content as direct when it holds a double quotation mark.
DOUBLE_MARKS = re.compile("[\"“”«»]")
#: brat lines: a span text with a line break goes on over the next lines, so match the id.
TEXT_BOUND = re.compile(r"T\d+\t[^\t]*\t")
EVENT = re.compile(r"E\d+\t")


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False


def read_gold(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    golds = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if TEXT_BOUND.match(line):  # not a continuation of a span text that held a line break
            ident, info, _ = line.split("\t", 2)
            label, _, ranges = info.partition(" ")
            parts = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
            spans[ident] = (label, parts)
    for line in lines:
        if not EVENT.match(line):
            continue
        _, roles = line.split("\t", 1)
        found = dict(role.split(":") for role in roles.split())
        if "Content" not in found or found["Content"] not in spans:
            continue
        content = spans[found["Content"]][1]
        source = spans[found["Source"]][1] if found.get("Source") in spans else []
        words = "".join(text[s:e] for s, e in content)
        golds.append(Gold(content, source, bool(DOUBLE_MARKS.search(words))))
    return golds


def overlaps(a: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in a)


def load(split_dir: Path) -> list[tuple[str, str, Path]]:
    chosen: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, ann)
    out = []
    for name, ann in sorted(chosen.items()):
        text_path = split_dir / "text" / f"{name}.txt"
        if text_path.exists():
            out.append((name, text_path.read_text(encoding="utf-8"), ann))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--splits", "--split", dest="splits", default="dev,train",
                        help="comma list of PolNeAR splits (default dev,train)")
    parser.add_argument("--show", choices=("misses", "false", "speakers", "indirect"), default=None)
    args = parser.parse_args(argv)
    columns: dict[str, dict[str, float]] = {}
    for split in args.splits.split(","):
        split_dir = args.data / split
        if not split_dir.is_dir():
            print(f"skipped: no PolNeAR data at {split_dir} (needs ../shared)", file=sys.stderr)
            return 0
        groups, timing = evaluate_groups(split_dir, _precision_half(split), show=args.show)
        for group in sorted(groups, key=("all", "tune", "heldout").index):
            scores = groups[group]
            label = COLUMN_NAMES.get((split, group), f"{split} ({group})")
            columns[label] = scores
            if group != "all":
                continue
            print(f"PolNeAR {split}: {scores['articles']} articles, {scores['direct_gold']} direct "
                  f"gold, {scores['indirect_gold']} indirect/mixed gold, {scores['found_direct']} "
                  f"direct found; parse {timing['parse']:.1f} s, quote extraction "
                  f"{timing['quotes']:.2f} s = {100 * timing['quotes'] / timing['parse']:.1f} % "
                  f"of the parse")
    print()
    print(table(columns))
    return 0


#: Column titles: which figures are in-sample (see the module docstring).
COLUMN_NAMES = {
    ("dev", "all"): "dev (in-sample: extraction tuned on it)",
    ("train", "all"): "train, all",
    ("train", "tune"): "train, precision tuning half (read while attribution changed)",
    ("train", "heldout"): "**train, precision held-out half (held-out)**",
}
ROWS = (
    ("articles", "articles"), ("direct_gold", "direct gold"),
    ("indirect_gold", "indirect/mixed gold"), ("found_direct", "direct quotes found"),
    ("direct_precision", "direct precision"), ("direct_recall", "direct recall"),
    ("speaker_right", "speaker span right, of found direct quotes"),
    ("quote_speaker_recall", "direct quote + speaker recall"),
    ("indirect_recall", "indirect/mixed recall"),
    ("indirect_speaker_recall", "indirect/mixed recall with the speaker span right"),
    ("indirect_precision", "indirect/mixed precision"),
)


def table(columns: dict[str, dict[str, float]]) -> str:
    lines = ["| figure | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    for key, label in ROWS:
        cells = []
        for scores in columns.values():
            value = scores[key]
            cells.append(f"{value:,}" if isinstance(value, int) else f"{value:.3f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _precision_half(split: str):
    """Article name -> ``tune``/``heldout`` by the precision set's rule (train only)."""
    if split != "train":
        return None  # dev is in-sample as a whole
    sys.path.insert(0, str(ROOT / "bench"))
    from precision import split_of

    return lambda name: split_of(f"polnear/{split}/{name}.txt")


def evaluate(split_dir: Path, *, show: str | None = None) -> tuple[dict[str, float], dict[str, float]]:
    """Scores and timings over one split (see the module docstring)."""
    groups, timing = evaluate_groups(split_dir, None, show=show)
    return groups["all"], timing


def evaluate_groups(split_dir: Path, group_of=None, *, show: str | None = None):
    """Scores over one split (``"all"``) and, when ``group_of(name)`` is given, over each group
    of its articles; and timings. One parse of the split."""
    from copydesk.analyse import pipeline, quotes
    from copydesk.ingest.text import parse_text

    items = load(split_dir)
    articles = [parse_text(text, source=name) for name, text, _ in items]
    analyser = pipeline.Analyser.load()
    original = pipeline.finish
    pipeline.finish = lambda analysed, **_: (analysed.index(), analysed)[1]
    try:
        started = time.perf_counter()
        parsed = list(analyser.analyse_many(articles))
        parse_seconds = time.perf_counter() - started
    finally:
        pipeline.finish = original
    from copydesk.analyse import names

    for analysed in parsed:
        names.build_entities(analysed)
    started = time.perf_counter()
    for analysed in parsed:
        quotes.extract_quotes(analysed)
    quote_seconds = time.perf_counter() - started

    keys = ("direct_gold", "direct_hit", "qs_hit", "found_direct", "found_right", "matched",
            "speaker_right", "indirect_gold", "indirect_hit", "indirect_qs", "found_indirect",
            "indirect_right")
    totals: dict[str, dict[str, int]] = {}
    for (name, text, ann), analysed in zip(items, parsed):
        counts = dict.fromkeys(keys, 0)
        groups = ["all"] + ([group_of(name)] if group_of else [])
        for group in groups:
            totals.setdefault(group, dict.fromkeys(keys, 0))
            totals[group].setdefault("articles", 0)
            totals[group]["articles"] += 1
        golds = read_gold(ann, text)
        found = analysed.quotes
        direct = [q for q in found if q.kind == "direct"]
        reported = [q for q in found if q.kind != "direct"]
        for q in direct:
            counts["found_direct"] += 1
            hits = [g for g in golds if overlaps(g.content, q.start, q.end)]
            if hits:
                counts["found_right"] += 1
                counts["matched"] += 1
                if q.speaker and q.speaker.start is not None and any(
                    overlaps(g.source, q.speaker.start, q.speaker.end) for g in hits
                ):
                    counts["speaker_right"] += 1
                elif show == "speakers":
                    src = [text[s:e] for g in hits for s, e in g.source]
                    got = text[q.speaker.start:q.speaker.end] if q.speaker and q.speaker.start is not None else None
                    print(f"SPEAKER {name}: {q.text[:60]!r} got {got!r} gold {src}")
            elif show == "false":
                print(f"FALSE {name}: {q.text[:80]!r} speaker={q.speaker and q.speaker.name}")
        for q in reported:
            counts["found_indirect"] += 1
            if any(overlaps(g.content, q.start, q.end) for g in golds):
                counts["indirect_right"] += 1
        for g in golds:
            if g.direct:
                counts["direct_gold"] += 1
                hit = [q for q in direct if overlaps(g.content, q.start, q.end)]
                if hit:
                    counts["direct_hit"] += 1
                    if any(q.speaker and q.speaker.start is not None
                           and overlaps(g.source, q.speaker.start, q.speaker.end) for q in hit):
                        counts["qs_hit"] += 1
                elif show == "misses":
                    words = " | ".join(text[s:e] for s, e in g.content)
                    print(f"MISS {name}: {words[:120]!r}")
            else:
                counts["indirect_gold"] += 1
                hit = [q for q in reported if overlaps(g.content, q.start, q.end)]
                if hit:
                    counts["indirect_hit"] += 1
                    if any(q.speaker and q.speaker.start is not None
                           and overlaps(g.source, q.speaker.start, q.speaker.end) for q in hit):
                        counts["indirect_qs"] += 1
                elif show == "indirect":
                    words = " | ".join(text[s:e] for s, e in g.content)
                    print(f"MISS-INDIRECT {name}: {words[:120]!r}")
        for group in groups:
            for key in keys:
                totals[group][key] += counts[key]
    results = {group: _scores(counts) for group, counts in totals.items()}
    return results, {"parse": parse_seconds, "quotes": quote_seconds}


def _scores(counts: dict[str, int]) -> dict[str, float]:
    def ratio(a: str, b: str) -> float:
        return counts[a] / counts[b] if counts[b] else 0.0

    return {
        "articles": counts["articles"],
        "direct_gold": counts["direct_gold"],
        "indirect_gold": counts["indirect_gold"],
        "found_direct": counts["found_direct"],
        "direct_precision": ratio("found_right", "found_direct"),
        "direct_recall": ratio("direct_hit", "direct_gold"),
        "speaker_right": ratio("speaker_right", "matched"),
        "quote_speaker_recall": ratio("qs_hit", "direct_gold"),
        "indirect_recall": ratio("indirect_hit", "indirect_gold"),
        "indirect_speaker_recall": ratio("indirect_qs", "indirect_gold"),
        "indirect_precision": ratio("indirect_right", "found_indirect"),
    }


if __name__ == "__main__":
    raise SystemExit(main())
