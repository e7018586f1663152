"""A house style (``copydesk.toml``) through the CLI and ``Desk(config=...)``: the README's
example, exactly as shipped in examples/copydesk.toml, changes what the report shows; bad files
are usage errors naming the file and line; command-line options win over the file."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from copydesk.cli.main import main
from copydesk.config import configure_desk
from copydesk.report.schema import validate

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CONFIG = ROOT / "examples" / "copydesk.toml"
EXAMPLE_ARTICLE = ROOT / "examples" / "house-style.txt"


@pytest.fixture(autouse=True)
def no_default_store(tmp_path, monkeypatch):
    """No user's store, and no copydesk.toml from the directory the tests run in."""
    monkeypatch.setenv("COPYDESK_DB", str(tmp_path / "no-store.sqlite"))
    monkeypatch.chdir(tmp_path)


def run(capsys, argv: list[str], desk) -> tuple[int, str, str]:
    code = main(argv, desk=desk, stdin=io.BytesIO())
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def findings(out: str) -> list[tuple[str, str, str, str | None]]:
    report = json.loads(out)
    validate(report)
    return [(f["check"], f["severity"], f["text"], f["suggestion"]) for f in report["findings"]]


def toml_blocks(path: Path) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_readme_and_docs_show_exactly_the_shipped_example():
    shipped = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    assert shipped in toml_blocks(ROOT / "README.md")
    assert shipped in toml_blocks(ROOT / "docs" / "style.md")


def test_the_readme_example_changes_what_the_report_shows(capsys, desk):
    code, out, _ = run(capsys, ["check", "-f", "json", "--no-isolation", str(EXAMPLE_ARTICLE)],
                       desk)
    assert code == 0
    plain = findings(out)
    assert ("spelling", "info", "wharfies", "wharves") in plain
    assert [f[1] for f in plain if f[0] == "quotes.unbalanced"] == ["warning"]
    assert not [f for f in plain if f[0].startswith("style.")]

    code, out, _ = run(capsys, ["check", "-f", "json", "--no-isolation", "--config",
                                str(EXAMPLE_CONFIG), str(EXAMPLE_ARTICLE)], desk)
    assert code == 0
    styled = findings(out)
    # a house word silenced
    assert not [f for f in styled if f[2] == "wharfies"]
    # a check turned to info
    assert [f[1] for f in styled if f[0] == "quotes.unbalanced"] == ["info"]
    # preferred forms enforced: the file's own and the preset's
    preferred = [(f[2], f[3]) for f in styled if f[0] == "style.preferred-form"]
    assert ("percent", "per cent") in preferred
    assert preferred.count(("Kiev", "Kyiv")) == 2
    assert ("style.numerals", "info", "4", "four") in styled
    assert ("style.serial-comma", "info", ", and", " and") in styled
    # a banned term flagged in the paper's voice, left alone inside a quotation
    assert [f for f in styled if f[0] == "style.banned-term"] == [
        ("style.banned-term", "info", "slammed", "criticised")]


def test_copydesk_toml_in_the_current_directory_is_read(capsys, desk, tmp_path):
    (tmp_path / "copydesk.toml").write_text(EXAMPLE_CONFIG.read_text(encoding="utf-8"),
                                            encoding="utf-8")
    _, out, _ = run(capsys, ["check", "-f", "json", "--no-isolation", str(EXAMPLE_ARTICLE)], desk)
    assert ("style.numerals", "info", "4", "four") in findings(out)


def test_a_configured_desk_gives_what_the_cli_gives(capsys, desk):
    configured = configure_desk(desk, EXAMPLE_CONFIG)
    report = configured.check_text(EXAMPLE_ARTICLE.read_text(encoding="utf-8"),
                                   source=str(EXAMPLE_ARTICLE))
    _, out, _ = run(capsys, ["check", "-f", "json", "--no-isolation", "--config",
                             str(EXAMPLE_CONFIG), str(EXAMPLE_ARTICLE)], desk)
    assert [(f.check, f.severity.label, f.text, f.suggestion) for f in report.findings] == \
        findings(out)
    assert desk.check_text("Troops neared Kiev.").findings == []  # the desk itself is unchanged


def test_checks_and_severity_from_the_file_and_the_command_line_winning(capsys, desk, tmp_path):
    config = tmp_path / "house.toml"
    config.write_text('[checks]\nexclude = ["grammar"]\n[severity]\nspelling = "info"\n'
                      '"quotes.unbalanced" = "info"\n', encoding="utf-8")
    story = ROOT / "examples" / "harbour-strike.txt"
    _, out, _ = run(capsys, ["check", "-f", "json", "--no-isolation", "--config", str(config),
                             "--severity", "quotes.unbalanced=warning", str(story)], desk)
    got = findings(out)
    assert not [f for f in got if f[0] == "grammar.confusables"]
    assert [f[1] for f in got if f[0] == "spelling"] == ["info"]
    assert [f[1] for f in got if f[0] == "quotes.unbalanced"] == ["warning"]


@pytest.mark.parametrize(
    "text,message",
    [
        ('preset = "ap"\n\n[style]\nserial_coma = false\n',
         "house.toml:4: unknown key [style] 'serial_coma'"),
        ('[words\n', "house.toml: not valid TOML"),
        ('[severity]\n"nope.nothing" = "info"\n', "house.toml:2: [severity] 'nope.nothing' names no check"),
    ],
)
def test_a_bad_config_is_a_usage_error_naming_the_file(capsys, desk, tmp_path, text, message):
    (tmp_path / "house.toml").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, ["check", "--no-isolation", "--config", "house.toml",
                                  str(EXAMPLE_ARTICLE)], desk)
    assert code == 2 and out == ""
    assert f"copydesk: error: {message}" in err


def test_a_missing_config_file_is_a_usage_error(capsys, desk):
    code, _, err = run(capsys, ["check", "--config", "missing.toml", str(EXAMPLE_ARTICLE)], desk)
    assert code == 2 and "missing.toml: no such config file" in err


def test_ingest_stores_the_house_styles_findings(capsys, desk, tmp_path):
    from copydesk.store import Store

    db = tmp_path / "desk.sqlite"
    code, out, _ = run(capsys, ["ingest", "--no-isolation", "--db", str(db), "--config",
                                str(EXAMPLE_CONFIG), str(EXAMPLE_ARTICLE)], desk)
    assert code == 0, out
    with Store(db) as store:
        checks = {f.check for f in store.findings()}
    assert {"style.preferred-form", "style.numerals"} <= checks
    assert "spelling" not in checks


def test_serve_reads_the_config_before_the_model_loads(capsys, desk, tmp_path):
    (tmp_path / "house.toml").write_text("[style]\nnumerals = 10\n", encoding="utf-8")
    code, _, err = run(capsys, ["serve", "--config", "house.toml"], desk)
    assert code == 2 and "house.toml:2: unknown key [style] 'numerals'" in err


def test_house_words_silence_acronym_and_name_checks(desk):
    from copydesk.config import parse_config

    geneva = (ROOT / "tests" / "fixtures" / "articles" / "geneva-talks.txt").read_text(
        encoding="utf-8")

    def checks_on(report, text):
        return [f.check for f in report.findings if f.text == text]

    plain = desk.check_text(geneva)
    assert "acronyms.typo" in checks_on(plain, "WOT")
    assert "names.inconsistent" in checks_on(plain, "Austn")
    house = configure_desk(desk, parse_config('[words]\nhouse = ["WOT", "Austn"]\n'))
    report = house.check_text(geneva)
    assert checks_on(report, "WOT") == [] and checks_on(report, "Austn") == []
    # everything else is as before
    assert [f.fingerprint for f in report.findings if f.text not in ("WOT", "Austn")] == [
        f.fingerprint for f in plain.findings if f.text not in ("WOT", "Austn")]
