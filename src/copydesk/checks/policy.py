"""The severity policy: how severe a check may be, by default, given its measured precision.

A check reports at warning or error only where its precision, measured on real text it was not
tuned on, supports it (DESIGN.md, "The JSON contract"). ``data/severity.tsv`` holds, per check,
the highest severity it may report at (``max_severity``), the held-out precision that justifies
it and where that figure comes from. A check whose held-out precision stays under 0.8 is capped
at info. The policy only lowers: a finding keeps its own severity when that is under the cap, and
the severity the check gave is kept in ``Finding.rated`` when the policy changed it.

    policy = SeverityPolicy.default()                   # the shipped table
    policy = policy.with_caps({"spelling": "warning"})  # a newsroom's own choice
    policy.severity_of(finding)                         # the severity after the policy

Checks the table does not list (a newsroom's own, through the entry-point group) are not capped.
A finding merged from several checks (``copydesk.checks.findings``) is capped by its primary
check, ``Finding.check``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path

from copydesk.errors import CheckError
from copydesk.model import Finding, Severity

POLICY_FILE = "data/severity.tsv"
COLUMNS = ("check", "max_severity", "heldout_precision", "source")
#: Optional column: the check's own severity a row is about. A check rates its findings by how
#: sure it is (``spelling`` says error for a clear typo, warning for a doubtful one), and each
#: level earns its own cap from its own measured precision; a row without ``rated`` covers the
#: levels that have no row of their own.
RATED = "rated"


@dataclass(frozen=True, slots=True)
class SeverityRule:
    """One row of the policy: the cap of one check and why."""

    check: str
    max_severity: Severity
    heldout_precision: float | None = None
    source: str = ""
    rated: Severity | None = None  # the check's own severity this row is about (None: any)


@dataclass(frozen=True)
class SeverityPolicy:
    """Caps on the severity of each check's findings. Immutable: ``with_caps`` returns a new one."""

    rules: Mapping[str, SeverityRule] = field(default_factory=dict)
    origin: str = "<memory>"
    #: Rows for one level of a check's own rating, by (check, rated): they come before ``rules``.
    by_rating: Mapping[tuple[str, Severity], SeverityRule] = field(default_factory=dict)

    @classmethod
    def default(cls) -> SeverityPolicy:
        """The shipped policy, ``copydesk/data/severity.tsv``."""
        resource = files("copydesk").joinpath(POLICY_FILE)
        return cls.from_text(resource.read_text(encoding="utf-8"), origin=f"copydesk/{POLICY_FILE}")

    @classmethod
    def from_file(cls, path: str | Path) -> SeverityPolicy:
        return cls.from_text(Path(path).read_text(encoding="utf-8"), origin=str(path))

    @classmethod
    def from_text(cls, text: str, *, origin: str = "<text>") -> SeverityPolicy:
        """Parse the TSV format: a header naming the columns, ``#`` comments, tab-separated."""
        rules: dict[str, SeverityRule] = {}
        by_rating: dict[tuple[str, Severity], SeverityRule] = {}
        header: list[str] | None = None
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            if header is None:
                header = fields
                missing = [c for c in COLUMNS if c not in header]
                if missing:
                    raise CheckError(f"{origin}:{number}: missing column(s) {', '.join(missing)}")
                continue
            row = dict(zip(header, fields + [""] * (len(header) - len(fields))))
            rule = _rule(row, f"{origin}:{number}")
            if rule.rated is not None:
                if (rule.check, rule.rated) in by_rating:
                    raise CheckError(f"{origin}:{number}: {rule.check!r} at {rule.rated.label} is listed twice")
                by_rating[(rule.check, rule.rated)] = rule
                continue
            if rule.check in rules:
                raise CheckError(f"{origin}:{number}: {rule.check!r} is listed twice")
            rules[rule.check] = rule
        for check_id, rated in by_rating:
            if check_id not in rules:
                raise CheckError(f"{origin}: {check_id!r} has a row for {rated.label} but no row for"
                                 " its other levels (leave 'rated' empty on one row)")
        return cls(rules, origin, by_rating)

    def cap(self, check_id: str) -> Severity | None:
        """The highest severity ``check_id`` may report at (over all its rows), or None when it
        is not capped."""
        caps = [r.max_severity for (c, _), r in self.by_rating.items() if c == check_id]
        rule = self.rules.get(check_id)
        if rule is not None:
            caps.append(rule.max_severity)
        return max(caps) if caps else None

    def rule_for(self, check_id: str, rated: Severity) -> SeverityRule | None:
        """The row that caps a finding of ``check_id`` that the check rated ``rated``."""
        return self.by_rating.get((check_id, rated)) or self.rules.get(check_id)

    def severity_of(self, finding: Finding) -> Severity:
        """The finding's severity under this policy: the check's own (``Finding.rated`` when a
        policy was applied before, else ``severity``), capped by the primary check's row for
        that level (else its general row)."""
        own = finding.own_severity
        rule = self.rule_for(finding.check, own)
        return own if rule is None else min(own, rule.max_severity)

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """Set each finding's ``severity`` to the policy's and ``rated`` to the check's own when
        they differ (in place; the same findings are returned as a list)."""
        out = []
        for finding in findings:
            own = finding.own_severity
            finding.severity = self.severity_of(finding)
            finding.rated = own if own != finding.severity else None
            out.append(finding)
        return out

    def with_caps(
        self, caps: Mapping[str, Severity | str], *, known: Iterable[str] | None = None
    ) -> SeverityPolicy:
        """A copy with these caps set (raised or lowered). A key is a check id or an area
        (``names`` sets ``names.*``); with ``known`` (the registered check ids), a key that names
        no known check raises ``CheckError``."""
        ids = list(known) if known is not None else list(self.rules)
        rules = dict(self.rules)
        by_rating = dict(self.by_rating)
        for key, level in caps.items():
            severity = Severity.parse(level)
            matched = [c for c in ids if c == key or c.startswith(key.rstrip(".") + ".")]
            if not matched:
                if known is not None:
                    raise CheckError(f"no check matches {key!r}; known: {', '.join(ids)}")
                matched = [key]
            for check_id in matched:
                for pair in [p for p in by_rating if p[0] == check_id]:
                    del by_rating[pair]  # a cap set for the run covers every level
                old = rules.get(check_id)
                if old is None:
                    rules[check_id] = SeverityRule(check_id, severity, None, "set for this run")
                else:
                    was = f"set for this run (was {old.max_severity.label})"
                    rules[check_id] = replace(old, max_severity=severity, source=was)
        return SeverityPolicy(rules, self.origin, by_rating)


def parse_caps(value: str) -> dict[str, Severity]:
    """``spelling=info,names.inconsistent=warning`` -> {check: severity}; ValueError when wrong."""
    caps: dict[str, Severity] = {}
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        check_id, sep, level = part.partition("=")
        if not sep or not check_id.strip() or not level.strip():
            raise ValueError(f"{part!r} is not CHECK=LEVEL (e.g. spelling=info)")
        caps[check_id.strip()] = Severity.parse(level)
    if not caps:
        raise ValueError("give at least one CHECK=LEVEL, e.g. spelling=info")
    return caps


def _rule(row: dict[str, str], where: str) -> SeverityRule:
    check_id = row["check"]
    if not check_id:
        raise CheckError(f"{where}: no check id")
    try:
        severity = Severity.parse(row["max_severity"])
    except ValueError as exc:
        raise CheckError(f"{where}: {exc}") from None
    precision = None
    if row["heldout_precision"]:
        try:
            precision = float(row["heldout_precision"])
        except ValueError:
            raise CheckError(
                f"{where}: heldout_precision {row['heldout_precision']!r} is not a number"
            ) from None
        if not 0.0 <= precision <= 1.0:
            raise CheckError(f"{where}: heldout_precision {precision} is not between 0 and 1")
    rated = None
    if row.get(RATED):
        try:
            rated = Severity.parse(row[RATED])
        except ValueError as exc:
            raise CheckError(f"{where}: {exc}") from None
    return SeverityRule(check_id, severity, precision, row["source"], rated)
