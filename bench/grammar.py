"""Grammar and usage families: recall and false alarms of the ``grammar.*`` checks, per family.

    .venv/bin/python bench/grammar.py                  # own suite, tuning and held-out side by side
    .venv/bin/python bench/grammar.py --show tune      # also list misses and false alarms (tuning part)
    .venv/bin/python bench/grammar.py --bbc 400        # and the flag rate on BBC news sentences
    .venv/bin/python bench/grammar.py --bbc 400 --sample 40   # and print flagged BBC sentences to read

The suite (``tests/fixtures/grammar/<family>.tsv``) is written for copydesk: per family, sentences
in news style labelled correct or incorrect, with the wrong words and the replacements an editor
would accept (``|`` between alternatives; ``*`` accepts any finding on the wrong words). It is
split by sentence before any tuning: a sentence is held out when the first eight hex digits of
sha256(sentence) are divisible by 3 (``split_of``). Rules are tuned on the tuning part only.

An incorrect sentence is found when a ``grammar.*`` finding overlaps its wrong words and its
suggestion gives one of the accepted corrected sentences; a correct sentence is falsely flagged
when any ``grammar.*`` finding falls on it. Findings are counted as each check rates them, before
the severity policy (the new checks ship at info until measured on real text).

The BBC part (``--bbc N``) reads N articles of the business, politics and tech sections of the
BBC corpus in ../shared (articles no precision sample uses; read at run time, never copied), and
counts, per family, the sentences that contain the family's words and the findings of the
family on them: edited news, so nearly every finding there is a false alarm — ``--sample``
prints some to read.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SUITE = ROOT / "tests" / "fixtures" / "grammar"
BBC_SECTIONS = ("business", "politics", "tech")

#: The words that make a sentence a candidate for each family (for the BBC flag rate).
TRIGGERS = {
    "its": r"\bit(s|['’]s)\b",
    "their": r"\b(their|there|they['’]re)\b",
    "your": r"\b(your|you['’]re)\b",
    "whose": r"\b(whose|who['’]s)\b",
    "than": r"\b(than|then)\b",
    "affect": r"\b(affect|effect)(s|ed|ing)?\b",
    "lose": r"\b(lose|loose|loses|looses|losing|loosing)\b",
    "principal": r"\bprincip(al|le)s?\b",
    "complement": r"\bcompl[ei]ment",
    "discreet": r"\bdiscre(et|te)",
    "led": r"\b(lead|led)\b",
    "passed": r"\b(past|passed)\b",
    "whom": r"\bwhom?\b",
    "even-though": r"\b(thought|though)\b",
    "could-of": r"\b(could|would|should|must|might|may)\b",
    "a-an": r"\ban?\b",
    "a-plural": r"\ban?\b",
    "doubled-word": r".",
    "according": r"\baccording\b",
    "auxiliaries": r".",
    "weekday": r"\b(Mo|Tu|We|Th|Fr|Sa|Su|Mon|Tues?|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)\b",
}
USAGE_FAMILIES = [
    ("its", r"^it(s|['’]s)$"), ("their", r"^(their|there|they['’]re)$"), ("your", r"^(your|you['’]re)$"),
    ("whose", r"^(whose|who['’]s)$"), ("than", r"^(than|then)$"), ("affect", r"^(affect|effect)"),
    ("lose", r"^(lose|loose|loses|looses|losing|loosing)$"), ("principal", r"^princip"),
    ("complement", r"^compl[ei]ment"), ("discreet", r"^discre"), ("led", r"^(lead|led)$"),
    ("passed", r"^(past|passed)$"), ("whom", r"^whom?$"), ("even-though", r"^though?t?$"),
]


def split_of(sentence: str) -> str:
    """"heldout" for one sentence in three, fixed by a hash of the sentence; else "tune"."""
    return "heldout" if int(hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:8], 16) % 3 == 0 else "tune"


def family_of(finding) -> str:
    """The family a finding belongs to, from its check and the words it is on."""
    check = finding.check
    if check == "grammar.article":
        return "a-plural" if " " in finding.text else "a-an"
    simple = {"grammar.doubled-word": "doubled-word", "grammar.could-of": "could-of",
              "grammar.missing-word": "according", "grammar.double-auxiliary": "auxiliaries",
              "grammar.weekday-abbreviation": "weekday"}
    if check in simple:
        return simple[check]
    word = finding.text.lower()
    for family, pattern in USAGE_FAMILIES:
        if re.match(pattern, word):
            return family
    return "other"


@dataclass
class Row:
    family: str
    sentence: str
    label: str
    wrong: str
    replacements: list[str]
    split: str


@dataclass
class Tally:
    found: int = 0
    incorrect: int = 0
    flagged: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.incorrect if self.incorrect else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.flagged / self.correct if self.correct else 0.0


def load_suite(folder: Path = SUITE) -> list[Row]:
    rows = []
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                sentence = record["sentence"]
                rows.append(Row(path.stem, sentence, record["label"], record["wrong"],
                                record["replacement"].split("|") if record["replacement"] else [],
                                split_of(sentence)))
    return rows


def grammar_registry(checks: list[str] | None = None):
    from copydesk.checks.registry import Registry

    return Registry.default(plugins=False).select(checks or ["grammar"])


def knowledge():
    from copydesk.knowledge import Knowledge
    from copydesk.knowledge.store import KnowledgeBase

    return Knowledge(kb=KnowledgeBase(":memory:"))


def run_findings(analyser, texts: list[str], registry=None, kb=None) -> list[tuple[object, list]]:
    """(analysed article, grammar findings) for each text."""
    from copydesk.ingest.text import parse_text

    registry = registry or grammar_registry()
    kb = kb or knowledge()
    out = []
    for analysed in analyser.analyse_many([parse_text(t) for t in texts], knowledge=kb):
        found = []
        for spec in registry:
            found.extend(spec.function(analysed, kb))
        out.append((analysed, found))
    return out


def _is_hit(row: Row, text: str, finding) -> bool:
    match = re.search(rf"(?<!\w){re.escape(row.wrong)}(?!\w)", text)
    at = match.start() if match else -1
    if at < 0 or not (finding.start < at + len(row.wrong) and at < finding.end):
        return False
    if "*" in row.replacements:
        return True
    fixed = text[: finding.start] + (finding.suggestion or "") + text[finding.end :]
    return any(text[:at] + r + text[at + len(row.wrong) :] == fixed for r in row.replacements)


def evaluate(analyser, rows: list[Row], checks: list[str] | None = None) -> dict[tuple[str, str], Tally]:
    """(family, split) -> Tally, counting the findings of ``checks`` (default: all ``grammar.*``)."""
    texts = [row.sentence + "\n" for row in rows]
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for row, (analysed, found) in zip(rows, run_findings(analyser, texts, grammar_registry(checks))):
        tally = tallies[(row.family, row.split)]
        shown = "; ".join(f"{f.check} {f.text!r}->{f.suggestion!r}" for f in found)
        if row.label == "incorrect":
            tally.incorrect += 1
            if any(_is_hit(row, analysed.text, f) for f in found):
                tally.found += 1
            else:
                tally.misses.append(f"{row.sentence}  [{shown or 'no finding'}]")
        else:
            tally.correct += 1
            if found:
                tally.flagged += 1
                tally.false_alarms.append(f"{row.sentence}  [{shown}]")
    return tallies


def bbc_articles(shared: Path, limit: int) -> list[tuple[str, str]]:
    """Up to ``limit`` articles of the BBC business, politics and tech sections, spread evenly
    over them by a hash of the file name (the same articles on every run)."""
    base = shared / "corpus" / "bbc-news-2225" / "bbc"
    files = sorted((p for section in BBC_SECTIONS for p in (base / section).glob("*.txt")),
                   key=lambda p: hashlib.sha256(f"{p.parent.name}/{p.name}".encode()).hexdigest())
    return [(f"{p.parent.name}/{p.name}", p.read_text(encoding="utf-8", errors="replace")) for p in files[:limit]]


def evaluate_bbc(analyser, articles: list[tuple[str, str]]):
    """family -> (sentences with the family's words, findings of the family, [(article, finding
    text, suggestion, sentence)])."""
    sentences: dict[str, int] = defaultdict(int)
    flags: dict[str, list] = defaultdict(list)
    results = run_findings(analyser, [text for _, text in articles])
    for (name, _), (analysed, found) in zip(articles, results):
        text = analysed.text
        for sentence in analysed.sentences:
            chunk = text[sentence.start : sentence.end]
            for family, pattern in TRIGGERS.items():
                if re.search(pattern, chunk, re.IGNORECASE):
                    sentences[family] += 1
        for f in found:
            sentence = analysed.sentence_of(f.start)
            chunk = text[sentence.start : sentence.end] if sentence else text[f.start : f.end]
            flags[family_of(f)].append((name, f.check, f.text, f.suggestion, " ".join(chunk.split())))
    return {family: (sentences[family], flags.get(family, [])) for family in TRIGGERS} | (
        {"other": (0, flags["other"])} if flags.get("other") else {}
    )


def families(rows: list[Row]) -> list[str]:
    return sorted({row.family for row in rows})


def report(rows: list[Row], tallies) -> str:
    lines = ["| family | recall, tuning | recall, held out | false alarms, tuning | false alarms, held out |",
             "|---|---|---|---|---|"]
    totals = {s: Tally() for s in ("tune", "heldout")}
    for family in families(rows):
        cells = []
        for split in ("tune", "heldout"):
            t = tallies[(family, split)]
            totals[split].found += t.found
            totals[split].incorrect += t.incorrect
            totals[split].flagged += t.flagged
            totals[split].correct += t.correct
        for split in ("tune", "heldout"):
            t = tallies[(family, split)]
            cells.append(f"{t.recall:.2f} ({t.found}/{t.incorrect})")
        for split in ("tune", "heldout"):
            t = tallies[(family, split)]
            cells.append(f"{t.false_alarm_rate:.1%} ({t.flagged}/{t.correct})")
        lines.append(f"| {family} | " + " | ".join(cells) + " |")
    t, h = totals["tune"], totals["heldout"]
    lines.append(f"| all | {t.recall:.2f} ({t.found}/{t.incorrect}) | {h.recall:.2f} ({h.found}/{h.incorrect}) | "
                 f"{t.false_alarm_rate:.1%} ({t.flagged}/{t.correct}) | {h.false_alarm_rate:.1%} ({h.flagged}/{h.correct}) |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", choices=("tune", "heldout"), help="list misses and false alarms of one part")
    parser.add_argument("--family", action="append", help="only these families")
    parser.add_argument("--bbc", type=int, default=0, metavar="N", help="also read N BBC articles")
    parser.add_argument("--sample", type=int, default=0, metavar="K", help="print K flagged BBC sentences")
    parser.add_argument("--no-suite", action="store_true", help="skip the own suite")
    parser.add_argument("--checks", nargs="+", help="count only these checks (e.g. grammar.confusables: the figures before issue 12)")
    args = parser.parse_args(argv)

    from copydesk.analyse.pipeline import Analyser

    analyser = Analyser.load()
    rows = [r for r in load_suite() if not args.family or r.family in args.family]
    if not args.no_suite:
        tallies = evaluate(analyser, rows, args.checks)
        print(report(rows, tallies))
        if args.show:
            for family in families(rows):
                t = tallies[(family, args.show)]
                for line in t.misses:
                    print(f"MISS  {family}: {line}")
                for line in t.false_alarms:
                    print(f"FALSE {family}: {line}")
    if args.bbc:
        shared = Path(os.environ.get("COPYDESK_SHARED") or ROOT.parent / "shared")
        if not shared.is_dir():
            print(f"skipped the BBC part: no evaluation data at {shared}")
            return 0
        articles = bbc_articles(shared, args.bbc)
        result = evaluate_bbc(analyser, articles)
        print(f"\nBBC news ({len(articles)} articles of {', '.join(BBC_SECTIONS)}): findings per family")
        print("| family | sentences with its words | findings | per 100 such sentences |")
        print("|---|---|---|---|")
        total = 0
        for family, (count, found) in result.items():
            total += len(found)
            rate = f"{100 * len(found) / count:.2f}" if count else "—"
            print(f"| {family} | {count} | {len(found)} | {rate} |")
        print(f"\n{total} findings in all")
        if args.sample:
            flagged = [item for _, (_, found) in result.items() for item in found]
            flagged.sort(key=lambda item: hashlib.sha256(repr(item).encode()).hexdigest())
            for name, check, text, suggestion, sentence in flagged[: args.sample]:
                print(f"- {name} {check} {text!r} -> {suggestion!r}: {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
