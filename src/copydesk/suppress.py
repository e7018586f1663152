"""Suppressions: findings a newsroom has already seen, dropped from a run's reports.

- A **baseline** (``copydesk check --write-baseline FILE``, then ``--baseline FILE``) lists the
  fingerprints of the findings of one run. A finding's fingerprint survives edits elsewhere in
  the article (``copydesk.checks.findings.fingerprint``), so a later draft brings back only what
  is new. The file is JSON::

      {"copydesk_baseline": 1,
       "findings": [{"fingerprint": "…", "check": "spelling", "source": "story.txt",
                     "text": "goverment"}, …]}

  A plain-text file with one fingerprint per line (the first word of each line; ``#`` starts a
  comment) is read too.
- **Dismissed in the store**: a finding an editor dismissed (``Store.decide(fingerprint,
  "dismissed", ...)``) is dropped when its fingerprint comes back.

``Suppressor.apply`` drops both from a report and counts them in ``Report.suppressed``
(``{"baseline": n, "dismissed": n}``), which the JSON report and the run's summary line show.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk.report import Report

FORMAT_KEY = "copydesk_baseline"
FORMAT_VERSION = 1


def read_baseline(path: str | os.PathLike[str]) -> frozenset[str]:
    """The fingerprints a baseline file lists (JSON as ``write_baseline`` writes it, or plain
    text with one fingerprint per line); ``UsageError`` when it cannot be read."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the baseline {path}: {exc}") from None
    stripped = text.lstrip()
    if stripped.startswith("{"):
        shape = "JSON with a 'findings' list of objects with a 'fingerprint'"
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise UsageError(f"{path}: not a copydesk baseline: not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise UsageError(f"{path}: not a copydesk baseline ({shape}): no 'findings' list") from None
        version = data.get(FORMAT_KEY)
        if version is not None and version != FORMAT_VERSION:
            raise UsageError(f"{path}: a baseline of format {version!r}; this copydesk reads format "
                             f"{FORMAT_VERSION} (write it again with --write-baseline)")
        prints = set()
        for number, entry in enumerate(data["findings"], 1):
            if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
                raise UsageError(f"{path}: not a copydesk baseline ({shape}): finding {number} has"
                                 " no 'fingerprint'") from None
            prints.add(entry["fingerprint"])
        return frozenset(prints)
    prints = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            prints.add(line.split()[0])
    return frozenset(prints)


def baseline_entries(report: Report) -> list[dict[str, Any]]:
    """One baseline entry per finding of ``report``: fingerprint, check, source, text."""
    return [
        {"fingerprint": f.fingerprint, "check": f.check, "source": report.source, "text": f.text}
        for f in report.findings
        if f.fingerprint
    ]


def write_baseline(path: str | os.PathLike[str], entries: Iterable[dict[str, Any]]) -> int:
    """Write a baseline file (JSON, one entry per line inside the list); returns the count."""
    rows = list(entries)
    body = ",\n".join("  " + json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)
    text = f'{{"{FORMAT_KEY}": {FORMAT_VERSION},\n "findings": [\n{body}\n]}}\n' if rows else (
        f'{{"{FORMAT_KEY}": {FORMAT_VERSION}, "findings": []}}\n'
    )
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write the baseline {path}: {exc.strerror or exc}") from None
    return len(rows)


@dataclass
class Suppressor:
    """Drops the findings in ``baseline`` and those dismissed in ``store`` (anything with
    ``decision(fingerprint)`` returning a record with ``decision``), and counts them."""

    baseline: frozenset[str] = frozenset()
    store: Any = None
    counts: dict[str, int] = field(default_factory=lambda: {"baseline": 0, "dismissed": 0})

    @property
    def active(self) -> bool:
        return bool(self.baseline) or self.store is not None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def reason(self, fingerprint: str | None) -> str | None:
        """``baseline``, ``dismissed`` or None (kept)."""
        if not fingerprint:
            return None
        if fingerprint in self.baseline:
            return "baseline"
        if self.store is not None:
            record = self.store.decision(fingerprint)
            if record is not None and record.decision == "dismissed":
                return "dismissed"
        return None

    def apply(self, report: Report) -> Report:
        """A copy of ``report`` without the suppressed findings and with ``suppressed`` set
        (the same report when suppression is off or the report is an error)."""
        if not self.active or report.error is not None:
            return report
        kept = []
        counts = {"baseline": 0, "dismissed": 0}
        for finding in report.findings:
            why = self.reason(finding.fingerprint)
            if why is None:
                kept.append(finding)
            else:
                counts[why] += 1
        for key, value in counts.items():
            self.counts[key] += value
        return replace(report, findings=kept, suppressed=counts)

    def filter(self, reports: Iterable[Report]) -> Iterator[Report]:
        for report in reports:
            yield self.apply(report)

    def line(self) -> str:
        """``3 findings suppressed: 2 in the baseline, 1 dismissed in the store``."""
        parts = []
        if self.baseline:
            parts.append(f"{self.counts['baseline']} in the baseline")
        if self.store is not None:
            parts.append(f"{self.counts['dismissed']} dismissed in the store")
        noun = "finding" if self.total == 1 else "findings"
        return f"{self.total} {noun} suppressed: " + ", ".join(parts)
