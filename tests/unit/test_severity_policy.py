"""The severity policy: ``data/severity.tsv`` caps each check's severity; ``SeverityPolicy``
applies it, can be changed per run, and can be turned off."""

from __future__ import annotations

import pytest

from copydesk.checks.policy import SeverityPolicy, parse_caps
from copydesk.checks.registry import Registry
from copydesk.errors import CheckError
from copydesk.model import Finding, Severity

BUILTIN = Registry.default(plugins=False)
TABLE = """# a comment
check\tmax_severity\theldout_precision\tsource
test.loud\tinfo\t0.41\tbench/precision.py, held-out half
test.fine\terror\t0.93\tbench/precision.py, held-out half
"""


def finding(check: str, severity: Severity, **kw) -> Finding:
    return Finding(check, severity, 0, 3, "its", "message", **kw)


@pytest.fixture
def policy() -> SeverityPolicy:
    return SeverityPolicy.from_text(TABLE)


# ---------------------------------------------------------------- the shipped table


def test_shipped_table_has_one_row_per_builtin_check():
    shipped = SeverityPolicy.default()
    assert sorted(shipped.rules) == sorted(BUILTIN.ids())


def test_shipped_table_follows_the_precision_rule():
    """A check whose held-out precision stays under 0.8 reports at info."""
    shipped = SeverityPolicy.default()
    for rule in list(shipped.rules.values()) + list(shipped.by_rating.values()):
        if rule.heldout_precision is not None and rule.heldout_precision < 0.8:
            assert rule.max_severity is Severity.INFO, rule
        if rule.heldout_precision is None:
            assert rule.source, f"{rule.check}: say where its precision is (to be) measured"


# ---------------------------------------------------------------- applying it


def test_a_finding_above_the_cap_is_lowered_and_keeps_its_rating(policy):
    loud = finding("test.loud", Severity.ERROR)
    assert policy.severity_of(loud) is Severity.INFO
    [applied] = policy.apply([loud])
    assert (applied.severity, applied.rated) == (Severity.INFO, Severity.ERROR)
    data = applied.to_dict()
    assert (data["severity"], data["rated"]) == ("info", "error")


def test_a_finding_under_the_cap_is_unchanged(policy):
    [applied] = policy.apply([finding("test.fine", Severity.WARNING)])
    assert (applied.severity, applied.rated) == (Severity.WARNING, None)
    assert "rated" not in applied.to_dict()


def test_unlisted_checks_are_not_capped(policy):
    assert policy.severity_of(finding("house.style", Severity.ERROR)) is Severity.ERROR


def test_applying_twice_changes_nothing(policy):
    once = policy.apply([finding("test.loud", Severity.ERROR)])
    twice = policy.apply(once)
    assert (twice[0].severity, twice[0].rated) == (Severity.INFO, Severity.ERROR)


def test_a_merged_finding_is_capped_by_its_primary_check(policy):
    merged = finding("test.loud", Severity.ERROR, checks=["test.loud", "test.fine"])
    assert policy.severity_of(merged) is Severity.INFO
    merged = finding("test.fine", Severity.ERROR, checks=["test.fine", "test.loud"])
    assert policy.severity_of(merged) is Severity.ERROR


def test_severity_of_reads_the_checks_own_rating(policy):
    raised = policy.with_caps({"test.loud": "error"})
    lowered = finding("test.loud", Severity.INFO, rated=Severity.ERROR)
    assert raised.severity_of(lowered) is Severity.ERROR


# ---------------------------------------------------------------- changing it


def test_with_caps_raises_and_lowers(policy):
    changed = policy.with_caps({"test.loud": "warning", "test.fine": Severity.INFO})
    assert (changed.cap("test.loud"), changed.cap("test.fine")) == (Severity.WARNING, Severity.INFO)
    assert policy.cap("test.loud") is Severity.INFO  # the original is untouched
    assert "was info" in changed.rules["test.loud"].source


def test_with_caps_takes_an_area(policy):
    changed = policy.with_caps({"test": "warning"}, known=["test.loud", "test.fine", "other.x"])
    assert changed.cap("test.loud") == changed.cap("test.fine") == Severity.WARNING
    assert changed.cap("other.x") is None


def test_with_caps_rejects_an_unknown_check(policy):
    with pytest.raises(CheckError, match="no check matches 'nope.nothing'"):
        policy.with_caps({"nope.nothing": "info"}, known=BUILTIN.ids())


def test_parse_caps():
    assert parse_caps("spelling=info, names.inconsistent=WARNING") == {
        "spelling": Severity.INFO, "names.inconsistent": Severity.WARNING,
    }
    for bad in ("spelling", "spelling=", "=info", "spelling=fatal", ","):
        with pytest.raises(ValueError):
            parse_caps(bad)


# ---------------------------------------------------------------- the table format


@pytest.mark.parametrize(
    "table,message",
    [
        ("check\tmax_severity\n", "missing column"),
        (TABLE + "test.loud\tinfo\t\tagain\n", "listed twice"),
        (TABLE + "test.bad\tfatal\t\tx\n", "unknown severity"),
        (TABLE + "test.bad\tinfo\thigh\tx\n", "not a number"),
        (TABLE + "test.bad\tinfo\t1.5\tx\n", "between 0 and 1"),
    ],
)
def test_bad_tables_are_reported_with_their_line(table, message):
    with pytest.raises(CheckError, match=message):
        SeverityPolicy.from_text(table, origin="severity.tsv")


def test_rows_carry_precision_and_source(policy):
    rule = policy.rules["test.fine"]
    assert (rule.heldout_precision, rule.source) == (0.93, "bench/precision.py, held-out half")


# ---------------------------------------------------------------- the desk


def test_desk_policy_default_and_off(analyser):
    from copydesk.desk import Desk
    from copydesk.knowledge import Knowledge

    registry = Registry()
    assert Desk(analyser=analyser, knowledge=Knowledge(), registry=registry).policy == (
        SeverityPolicy.default()
    )
    assert Desk(analyser=analyser, knowledge=Knowledge(), registry=registry,
                severity_policy=None).policy is None


# ---------------------------------------------------------------- a cap per level of rating

RATED_TABLE = """check\trated\tmax_severity\theldout_precision\tsource
test.spell\t\terror\t0.86\theld-out, rated error
test.spell\twarning\tinfo\t0.48\theld-out, rated warning
"""


def test_a_level_of_rating_has_its_own_cap():
    policy = SeverityPolicy.from_text(RATED_TABLE)
    assert policy.severity_of(finding("test.spell", Severity.ERROR)) is Severity.ERROR
    assert policy.severity_of(finding("test.spell", Severity.WARNING)) is Severity.INFO
    assert policy.cap("test.spell") is Severity.ERROR
    assert policy.rule_for("test.spell", Severity.WARNING).heldout_precision == 0.48


def test_a_cap_set_for_the_run_covers_every_level():
    changed = SeverityPolicy.from_text(RATED_TABLE).with_caps({"test.spell": "warning"})
    assert changed.severity_of(finding("test.spell", Severity.WARNING)) is Severity.WARNING
    assert changed.severity_of(finding("test.spell", Severity.ERROR)) is Severity.WARNING


def test_a_level_row_needs_a_general_row():
    with pytest.raises(CheckError, match="no row for"):
        SeverityPolicy.from_text("check\trated\tmax_severity\theldout_precision\tsource\n"
                                 "test.x\twarning\tinfo\t0.5\tx\n")
