"""Events, held out: copydesk's event category on NGEC's LM-written stories the project never read.

    .venv/bin/python bench/events_ngec.py [--size 600] [--shared ../shared] [--per-label]
        [--in-sample]

Data: ``shared/bench/events/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip`` (4,500
stories written by a language model from headline prompts, each with a PLOVER ``label`` and
``mode``; MIT; read here, never copied). **The labels are synthetic**: the label is the event the
story was prompted to describe (pseudo-labelled, not annotated by people), a document-level label
for a whole story that often reports other events too. The figure is a held-out check on
machine-written text, not a claim of accuracy on news.

Held out: ``bench/events_plover.py --synthetic 50`` reads the first 50 stories of each label in
file order (800 stories, with the lexicon's figures in view), so those rows are left out here.
From the other 3,700, a deterministic sample stratified by label: each label's share of the
sample is its share of the unused rows (largest remainders), the stories of a label taken in
sha256-of-text order. ``--in-sample`` scores the 800 read rows instead, with the same code
(equal weight per label there: the macro figure is the one to set beside it).

PLOVER versions: the stories use current PLOVER (NGEC's 2023 codebook), as does copydesk's event
lexicon (``copydesk/data/plover.tsv``), so types are compared as they are, ``ACCUSE`` and
``REQUEST`` included (they are newer than the 2016 gold-standard records, where
``bench/events_plover.py`` maps them to DISAPPROVE/INVESTIGATE and DEMAND). Labels copydesk's
lexicon cannot produce would be left out; all 16 of the set's labels are in it. The script also
prints the figures without ACCUSE and REQUEST, for readers comparing with the 2016 types.

copydesk's answer for a story, two ways (the story's text only, no title, as
``parse_text(text)`` through ``Desk.check_many``; events are ``report.analysed.events``):
  lead event   the main event (``events.main_event``) of the first sentence that has an event,
               as ``bench/events_plover.py --synthetic`` does; right when its type is the label
  any event    right when any event in the story has the label's type (a recall-like upper
               bound: it is not told which event is the story's)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import sys
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
STORIES = Path("bench") / "events" / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
#: stories per label read by ``bench/events_plover.py --synthetic 50`` (first in file order)
USED_PER_LABEL = 50
#: types newer than the PLOVER 2016 gold-standard records
NEWER_TYPES = frozenset({"ACCUSE", "REQUEST"})


def load_rows(shared: Path) -> list[dict]:
    with zipfile.ZipFile(shared / STORIES) as archive:
        name = archive.namelist()[0]
        return list(csv.DictReader(io.TextIOWrapper(archive.open(name), "utf-8")))


def unused_rows(rows: list[dict], used_per_label: int = USED_PER_LABEL) -> list[dict]:
    """The rows ``bench/events_plover.py --synthetic N`` never reads for N <= ``used_per_label``."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for row in rows:
        seen[row["label"]] += 1
        if seen[row["label"]] > used_per_label:
            out.append(row)
    return out


def stratified_sample(rows: list[dict], size: int) -> list[dict]:
    """``size`` rows, each label's share its share of ``rows`` (largest remainders), a label's
    rows taken in sha256-of-text order; the result in that order, label by label."""
    by_label: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_label[row["label"]].append(row)
    size = min(size, len(rows))
    exact = {label: size * len(group) / len(rows) for label, group in by_label.items()}
    quota = {label: int(share) for label, share in exact.items()}
    rest = sorted(exact, key=lambda label: (-(exact[label] - quota[label]), label))
    for label in rest[: size - sum(quota.values())]:
        quota[label] += 1
    sample = []
    for label in sorted(by_label):
        group = sorted(by_label[label], key=lambda r: hashlib.sha256(r["text"].encode()).hexdigest())
        sample.extend(group[: quota[label]])
    return sample


def producible_types() -> frozenset[str]:
    """The PLOVER types copydesk's events can have: its lexicon's, and those its rules give
    (THREATEN, AGREE, CONCEDE, REJECT, REQUEST; see ``copydesk.analyse.events``)."""
    from copydesk.analyse.event_lexicon import EventLexicon

    lexicon = EventLexicon.default()
    types = {e.category for e in (*lexicon.verbs.values(), *lexicon.nouns.values()) if e.category}
    return frozenset(types | {"THREATEN", "AGREE", "CONCEDE", "REJECT", "REQUEST"})


def answers(analysed) -> tuple[str, set[str]]:
    """The lead event's type (``NONE`` without one) and the types of all events of a story."""
    from copydesk.analyse.events import main_event

    lead = "NONE"
    for sentence in analysed.sentences:
        inside = [e for e in analysed.events if sentence.start <= e.start < sentence.end]
        event = main_event(analysed, inside)
        if event is not None:
            lead = event.category
            break
    return lead, {e.category for e in analysed.events}


def score(results: list[tuple[str, str, set[str]]]) -> dict:
    """``results``: (label, lead type, all types) per story."""
    n = len(results)
    lead = sum(label == ours for label, ours, _ in results)
    anywhere = sum(label in found for label, _, found in results)
    with_event = sum(bool(found) for _, _, found in results)
    per_label: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    confusion: Counter[tuple[str, str]] = Counter()
    for label, ours, found in results:
        per_label[label][0] += 1
        per_label[label][1] += label == ours
        per_label[label][2] += label in found
        confusion[label, ours] += 1
    macro = sum(r / t for t, r, _ in per_label.values()) / max(len(per_label), 1)
    return {
        "stories": n,
        "lead": lead / max(n, 1),
        "any": anywhere / max(n, 1),
        "with_event": with_event / max(n, 1),
        "lead_macro": macro,
        "per_label": dict(per_label),
        "confusion": confusion,
    }


def used_rows(rows: list[dict], used_per_label: int = USED_PER_LABEL) -> list[dict]:
    """The rows ``bench/events_plover.py --synthetic`` reads (in-sample)."""
    unused = {id(row) for row in unused_rows(rows, used_per_label)}
    return [row for row in rows if id(row) not in unused]


def run(shared: Path, size: int, desk=None, *, in_sample: bool = False) -> tuple[dict, dict, float]:
    """Scores on the held-out sample (all producible labels, and without the newer types) and
    the seconds taken; with ``in_sample``, on the rows read before instead."""
    from copydesk.desk import Desk
    from copydesk.ingest.text import parse_text

    producible = producible_types()
    if in_sample:
        sample = [r for r in used_rows(load_rows(shared)) if r["label"] in producible]
    else:
        rows = [r for r in unused_rows(load_rows(shared)) if r["label"] in producible]
        sample = stratified_sample(rows, size)
    # One cheap check: the analysis (and so the events) is the same whatever checks run.
    desk = desk or Desk(checks=["events.self-target"])
    articles = [parse_text(row["text"], source=f"ngec/{i}") for i, row in enumerate(sample)]
    started = time.perf_counter()
    results = []
    for row, report in zip(sample, desk.check_many(articles)):
        lead, found = answers(report.analysed)
        results.append((row["label"], lead, found))
    seconds = time.perf_counter() - started
    older = [r for r in results if r[0] not in NEWER_TYPES]
    return score(results), score(older), seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--size", type=int, default=600, help="stories in the sample")
    parser.add_argument("--per-label", action="store_true", help="accuracy per label, confusions")
    parser.add_argument(
        "--in-sample", action="store_true",
        help="score the 800 rows bench/events_plover.py --synthetic 50 reads instead",
    )
    args = parser.parse_args(argv)
    if not (args.shared / STORIES).is_file():
        print(f"skipped: NGEC synthetic stories not found at {args.shared / STORIES}", file=sys.stderr)
        return 0
    scores, older, seconds = run(args.shared, args.size, in_sample=args.in_sample)
    which = "IN-SAMPLE (read before)" if args.in_sample else "held out"
    print(f"NGEC synthetic stories, {which} (SYNTHETIC: LM-written, pseudo-labelled, not gold): "
          f"{scores['stories']} stories, {len(scores['per_label'])} labels, {seconds:.0f} s")
    for name, s in (("all labels", scores), ("without ACCUSE, REQUEST", older)):
        print(f"  {name} ({s['stories']} stories)")
        print(f"    lead event's type = label      {s['lead']:.3f}  (macro over labels {s['lead_macro']:.3f})")
        print(f"    any event has the label        {s['any']:.3f}")
        print(f"    stories with an event          {s['with_event']:.3f}")
    if args.per_label:
        for label, (total, lead, anywhere) in sorted(scores["per_label"].items()):
            print(f"    {label:<10} {total:>4}  lead {lead / total:.3f}  any {anywhere / total:.3f}")
        for (label, ours), count in scores["confusion"].most_common(20):
            if label != ours:
                print(f"    {label:<10} -> {ours:<10} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
