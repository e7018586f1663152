"""Quote extraction and speakers on PolNeAR (dev split), and the cost of quote extraction against
the bare spaCy parse, in one process.

    .venv/bin/python bench/quotes_polnear.py [--split dev] [--show misses|false|speakers]

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
        if line.startswith("T"):
            ident, info, _ = line.split("\t", 2)
            label, _, ranges = info.partition(" ")
            parts = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
            spans[ident] = (label, parts)
    for line in lines:
        if not line.startswith("E"):
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
    parser.add_argument("--split", default="dev")
    parser.add_argument("--show", choices=("misses", "false", "speakers", "indirect"), default=None)
    args = parser.parse_args(argv)
    split_dir = args.data / args.split
    if not split_dir.is_dir():
        print(f"skipped: no PolNeAR data at {split_dir} (needs ../shared)", file=sys.stderr)
        return 0
    scores, timing = evaluate(split_dir, show=args.show)
    print(f"PolNeAR {args.split}: {scores['articles']} articles, {scores['direct_gold']} direct gold, "
          f"{scores['indirect_gold']} indirect/mixed gold, {scores['found_direct']} direct found")
    for key in ("direct_precision", "direct_recall", "speaker_right", "quote_speaker_recall",
                "indirect_recall", "indirect_speaker_recall", "indirect_precision"):
        print(f"  {key:<26}{scores[key]:.3f}")
    print(f"  parse {timing['parse']:.1f} s, quote extraction {timing['quotes']:.2f} s "
          f"= {100 * timing['quotes'] / timing['parse']:.1f} % of the parse")
    return 0


def evaluate(split_dir: Path, *, show: str | None = None) -> tuple[dict[str, float], dict[str, float]]:
    """Scores and timings over one split (see the module docstring)."""
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

    counts = dict.fromkeys(("direct_gold", "direct_hit", "qs_hit", "found_direct", "found_right",
                            "matched", "speaker_right", "indirect_gold", "indirect_hit",
                            "indirect_qs", "found_indirect", "indirect_right"), 0)
    for (name, text, ann), analysed in zip(items, parsed):
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

    def ratio(a: str, b: str) -> float:
        return counts[a] / counts[b] if counts[b] else 0.0

    scores = {
        "articles": len(items),
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
    return scores, {"parse": parse_seconds, "quotes": quote_seconds}


if __name__ == "__main__":
    raise SystemExit(main())
