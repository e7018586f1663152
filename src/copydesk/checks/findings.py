"""What the registry does with the findings of all checks: one finding per span, and a
fingerprint that follows a finding across edits.

Merging: two checks flagging the very same span (``[start, end)``) say two things about one
problem ("Kowalcyk": spelt another way in this article; a misspelling of a known person). They
become one finding: the most severe one (then the most confident, then the first check id)
keeps its check, message, suggestion, severity and confidence; every other finding on that span
adds its message, and those of its evidence items the primary does not already show, as evidence
items whose ``kind`` is its check id (the item's own kind starts the detail: ``kb: ...``);
``checks`` lists every check involved, the primary first. When the primary has no suggestion,
the next finding's is taken. Overlapping but different spans stay separate.

Fingerprint: a short hash of the check id, the flagged text and the two words either side of it
within its sentence, all normalised (case, Unicode form, quote marks, spacing). Moving
paragraphs or editing another sentence leaves it unchanged; editing the flagged words or the
words right beside them changes it. A merged finding takes the fingerprint of the first of its
checks in alphabetical order, so it does not depend on which check is primary (which a severity
policy may change). When two findings of a report would share a fingerprint (the same words in
the same context twice), the later ones get ``#2``, ``#3``... hashed in, in text order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable

from copydesk.model import Evidence, Finding

#: How many words either side of the span, within its sentence, the fingerprint reads.
CONTEXT_WORDS = 2
#: Length of a fingerprint in hex digits (64 bits).
FINGERPRINT_LENGTH = 16

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_MARKS = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"',
     "»": '"', "–": "-", "—": "-", "\u00a0": " "}
)

Bounds = Callable[[int, int], tuple[int, int]]


def merge_same_span(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per span, in text order (see the module docstring). The input findings are
    not changed; merged findings are new objects."""
    groups: dict[tuple[int, int], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.start, finding.end), []).append(finding)
    merged = []
    for span in sorted(groups):
        group = groups[span]
        merged.append(group[0] if len({f.check for f in group}) == 1 else _merge(group))
    return merged


def _merge(group: list[Finding]) -> Finding:
    ranked = sorted(group, key=lambda f: (-f.severity, -f.confidence, f.check))
    primary = ranked[0]
    evidence = list(primary.evidence)
    shown = {(item.kind, item.detail) for item in evidence}
    checks = list(primary.checks or [primary.check])
    for other in ranked[1:]:
        for check in other.checks or [other.check]:
            if check not in checks:
                checks.append(check)
        evidence.append(Evidence(other.check, other.message))
        for item in other.evidence:
            if (item.kind, item.detail) not in shown:  # the same fact says nothing new
                shown.add((item.kind, item.detail))
                detail = f"{item.kind}: {item.detail}"
                evidence.append(Evidence(other.check, detail, item.start, item.end))
    suggestion = primary.suggestion
    if suggestion is None:  # the primary has none: offer the next check's own
        suggestion = next((f.suggestion for f in ranked[1:] if f.suggestion is not None), None)
    return Finding(
        check=primary.check, severity=primary.severity, start=primary.start, end=primary.end,
        text=primary.text, message=primary.message, suggestion=suggestion,
        confidence=primary.confidence, evidence=evidence, checks=checks, rated=primary.rated,
    )


def normalise(text: str) -> str:
    """Case-folded NFKC text with one kind of quote mark and dash and single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS).casefold()
    return " ".join(text.split())


def fingerprint(
    check: str, text: str, start: int, end: int, bounds: tuple[int, int] | None = None
) -> str:
    """The fingerprint of a finding of ``check`` on ``text[start:end]``. ``bounds`` is the
    sentence around the span (default: the line it is on); the context is read only inside it."""
    low, high = bounds if bounds is not None else line_bounds(text, start, end)
    low, high = min(low, start), max(high, end)
    before = _WORD.findall(text[low:start])[-CONTEXT_WORDS:]
    after = _WORD.findall(text[end:high])[:CONTEXT_WORDS]
    key = "\x1f".join(
        [check, normalise(text[start:end]), normalise(" ".join(before)), normalise(" ".join(after))]
    )
    return _digest(key)


def assign_fingerprints(findings: list[Finding], text: str, bounds: Bounds | None = None) -> None:
    """Set ``fingerprint`` on each finding (in text order), unique within the list."""
    seen: dict[str, int] = {}
    for finding in findings:
        check = min(finding.checks or [finding.check])
        where = bounds(finding.start, finding.end) if bounds is not None else None
        value = fingerprint(check, text, finding.start, finding.end, where)
        seen[value] = seen.get(value, 0) + 1
        if seen[value] > 1:
            value = _digest(f"{value}#{seen[value]}")
        finding.fingerprint = value


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (between newlines) that holds ``[start, end)``."""
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", end)
    return low, len(text) if high < 0 else high


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:FINGERPRINT_LENGTH]
