"""Scoring findings against gold spans (planted-error sets such as ``shared/eval/dev``).

Gold format: a ``gold.jsonl`` beside the article files, one row per file::

    {"file": "spelling-003.txt", "kind": "mutated" | "clean",
     "errors":   [{"type", "start", "end", "wrong", "right"}],
     "controls": [{"type", "start", "end", "wrong", "right"}]}

A finding matches a gold error when their spans overlap; a suggestion is right when some matching
finding suggests exactly ``right``. False alarms are findings of severity warning or error on
``clean`` files, per 1,000 words; control hits are findings of any severity overlapping a control.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copydesk.model import Finding, Severity


@dataclass
class GoldFile:
    file: str
    kind: str
    errors: list[dict[str, Any]]
    controls: list[dict[str, Any]]

    @property
    def types(self) -> set[str]:
        return {e["type"] for e in self.errors + self.controls}


def load_gold(directory: Path) -> list[GoldFile]:
    rows = []
    with open(directory / "gold.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rows.append(GoldFile(row["file"], row["kind"], row["errors"], row["controls"]))
    return rows


@dataclass
class TypeScore:
    errors: int = 0
    found: int = 0
    suggested: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_suggestions: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.errors if self.errors else 0.0

    @property
    def suggestion_accuracy(self) -> float:
        """Share of found errors whose right form was suggested."""
        return self.suggested / self.found if self.found else 0.0


@dataclass
class Score:
    by_type: dict[str, TypeScore] = field(default_factory=lambda: defaultdict(TypeScore))
    clean_words: int = 0
    false_alarms: list[str] = field(default_factory=list)
    control_hits: list[str] = field(default_factory=list)

    @property
    def false_alarms_per_1000_words(self) -> float:
        return 1000 * len(self.false_alarms) / self.clean_words if self.clean_words else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "types": {
                name: {
                    "errors": s.errors,
                    "recall": round(s.recall, 3),
                    "suggestion_accuracy": round(s.suggestion_accuracy, 3),
                }
                for name, s in sorted(self.by_type.items())
            },
            "clean_words": self.clean_words,
            "false_alarms": len(self.false_alarms),
            "false_alarms_per_1000_words": round(self.false_alarms_per_1000_words, 3),
            "control_hits": len(self.control_hits),
        }


def _overlaps(finding: Finding, span: dict[str, Any]) -> bool:
    return finding.start < span["end"] and span["start"] < finding.end


def score_file(score: Score, gold: GoldFile, text: str, findings: Iterable[Finding]) -> None:
    findings = list(findings)
    for error in gold.errors:
        entry = score.by_type[error["type"]]
        entry.errors += 1
        matching = [f for f in findings if _overlaps(f, error)]
        label = f"{gold.file}@{error['start']}: {error['wrong']!r} -> {error['right']!r}"
        if not matching:
            entry.misses.append(label)
            continue
        entry.found += 1
        if any((f.suggestion or "") == error["right"] for f in matching):
            entry.suggested += 1
        else:
            got = ", ".join(f"{f.check}:{f.suggestion!r}" for f in matching)
            entry.wrong_suggestions.append(f"{label} (got {got})")
    for control in gold.controls:
        for finding in findings:
            if _overlaps(finding, control):
                score.control_hits.append(
                    f"{gold.file}@{control['start']}: {finding.check} on {finding.text!r}"
                )
    if gold.kind == "clean":
        score.clean_words += len(text.split())
        for finding in findings:
            if finding.severity >= Severity.WARNING:
                score.false_alarms.append(
                    f"{gold.file}@{finding.start}: {finding.check} {finding.text!r}"
                    f" -> {finding.suggestion!r} ({finding.message})"
                )
