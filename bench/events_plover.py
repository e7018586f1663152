"""Event extraction against PLOVER: gold-standard records (category, actor and target accuracy)
and, as a secondary and synthetic figure, NGEC's LM-written stories (category accuracy only).

    .venv/bin/python bench/events_plover.py [--synthetic 50] [--shared ../shared]

Gold: ``shared/bench/events/plover_gsr/PLOVER_GSR_CAMEO.json`` (322 sentences, PLOVER 0.5b1,
CC BY-SA 4.0; read here, never copied). For each sentence, our main event (``events.main_event``:
the event nearest the root, asserted before negated) is compared with the gold event type; our
type is mapped to the 2016 names the gold uses (``ACCUSE``/investigate -> INVESTIGATE, other
``ACCUSE`` -> DISAPPROVE, ``REQUEST`` -> DEMAND, ``ASSAULT``/military -> FIGHT). The actor (target)
is right when our code equals a gold source (target) code or our text and a gold ``actorText``
contain one another; actor and target accuracy are over the sentences whose gold has one.
Synthetic: ``--synthetic N`` stories per label from ngec_synthetic (stratified, fixed order);
our label is the main event of the first sentence that has one, compared in current PLOVER names.
Also prints the cost of event extraction against the parse of the same texts.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"


def load_gold(shared: Path) -> list[dict]:
    path = shared / "bench" / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def load_synthetic(shared: Path, per_label: int) -> list[tuple[str, str]]:
    path = shared / "bench" / "events" / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
    with zipfile.ZipFile(path) as archive:
        name = archive.namelist()[0]
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open(name), "utf-8")))
    taken: dict[str, int] = defaultdict(int)
    out = []
    for row in rows:
        if taken[row["label"]] < per_label:
            taken[row["label"]] += 1
            out.append((row["text"], row["label"]))
    return out


def _actors(field) -> list[dict]:
    return [a for a in field if isinstance(a, dict)] if isinstance(field, list) else []


def _matches(text: str | None, code: str | None, gold: list[dict]) -> bool:
    for actor in gold:
        gold_code = (actor.get("code") or "").upper()
        if code and gold_code and code.upper() == gold_code:
            return True
        gold_text = (actor.get("actorText") or "").lower()
        if text and gold_text and (gold_text in text.lower() or text.lower() in gold_text):
            return True
    return False


def score_gold(analysed_list: list, gold: list[dict]) -> dict:
    from copydesk.analyse.event_lexicon import legacy_category
    from copydesk.analyse.events import main_event

    right = actor_right = actor_n = target_right = target_n = found = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for analysed, record in zip(analysed_list, gold):
        event = main_event(analysed)
        ours = legacy_category(event.category, event.mode) if event else "NONE"
        found += event is not None
        right += ours == record["event"]
        confusion[(record["event"], ours)] += 1
        sources, targets = _actors(record.get("source")), _actors(record.get("target"))
        if sources:
            actor_n += 1
            actor_right += bool(event and _matches(event.actor, event.actor_code, sources))
        if targets:
            target_n += 1
            target_right += bool(event and _matches(event.target, event.target_code, targets))
    n = len(gold)
    return {
        "sentences": n,
        "with_event": found / n,
        "category": right / n,
        "actor": actor_right / max(actor_n, 1),
        "actor_n": actor_n,
        "target": target_right / max(target_n, 1),
        "target_n": target_n,
        "confusion": confusion,
    }


def score_synthetic(analysed_list: list, labels: list[str]) -> dict:
    from copydesk.analyse.events import main_event

    right = 0
    for analysed, label in zip(analysed_list, labels):
        ours = "NONE"
        for sentence in analysed.sentences:
            inside = [e for e in analysed.events if sentence.start <= e.start < sentence.end]
            event = main_event(analysed, inside)
            if event is not None:
                ours = event.category
                break
        right += ours == label
    return {"stories": len(labels), "category": right / max(len(labels), 1)}


def analyse_texts(analyser, knowledge, texts: list[str]) -> tuple[list, float, float]:
    """Analysed texts, the seconds of the parse alone and of event extraction alone."""
    from copydesk.analyse import events, pipeline
    from copydesk.model import Article, Region

    articles = [Article(text=t, regions=[Region(0, len(t), "body")]) for t in texts]
    original = pipeline.finish
    pipeline.finish = lambda analysed, knowledge=None: (analysed.index(), analysed)[1]
    started = time.perf_counter()
    try:
        parsed = list(analyser.analyse_many(articles))
    finally:
        pipeline.finish = original
    parse_seconds = time.perf_counter() - started
    from copydesk.analyse import names, times

    for analysed in parsed:
        names.build_entities(analysed)
        times.resolve_times(analysed)
    events.extract_events(parsed[0], knowledge)  # warm-up: lexicon, KB connection
    started = time.perf_counter()
    for analysed in parsed:
        events.extract_events(analysed, knowledge)
    return parsed, parse_seconds, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--synthetic", type=int, default=50, help="stories per label (0: skip)")
    parser.add_argument("--confusion", action="store_true")
    args = parser.parse_args(argv)
    if not (args.shared / "bench" / "events").is_dir():
        print(f"skipped: no PLOVER data under {args.shared} (needs ../shared)", file=sys.stderr)
        return 0
    from copydesk.analyse.pipeline import Analyser
    from copydesk.knowledge import Knowledge

    analyser, knowledge = Analyser.load(), Knowledge()
    gold = load_gold(args.shared)
    parsed, parse_s, events_s = analyse_texts(analyser, knowledge, [r["text"] for r in gold])
    scores = score_gold(parsed, gold)
    print(f"PLOVER gold-standard records: {scores['sentences']} sentences")
    print(f"  category accuracy (main event)  {scores['category']:.3f}")
    print(f"  actor accuracy                  {scores['actor']:.3f}  (of {scores['actor_n']} with a gold source)")
    print(f"  target accuracy                 {scores['target']:.3f}  (of {scores['target_n']} with a gold target)")
    print(f"  sentences with an event         {scores['with_event']:.3f}")
    print(f"  cost: parse {parse_s:.2f} s, events {events_s:.3f} s, events / parse {events_s / parse_s:.4f}")
    if args.confusion:
        for (gold_type, ours), count in sorted(scores["confusion"].items(), key=lambda x: -x[1]):
            if gold_type != ours:
                print(f"    {gold_type:12} -> {ours:12} {count}")
    if args.synthetic:
        stories = load_synthetic(args.shared, args.synthetic)
        parsed, parse_s, events_s = analyse_texts(analyser, knowledge, [t for t, _ in stories])
        synthetic = score_synthetic(parsed, [label for _, label in stories])
        print(f"NGEC synthetic stories (SYNTHETIC, LM-written, pseudo-labelled): {synthetic['stories']}")
        print(f"  category accuracy (lead event)  {synthetic['category']:.3f}")
        print(f"  cost: parse {parse_s:.2f} s, events {events_s:.3f} s, events / parse {events_s / parse_s:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
