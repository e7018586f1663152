"""``copydesk.toml``: parsing, presets, errors that name the file, line and key, and the house
words' silencing (``copydesk.config``, ``copydesk.knowledge.house``)."""

from __future__ import annotations

import pytest

from copydesk.config import config_for, find_config, load_config, parse_config, presets
from copydesk.errors import ConfigError, CopydeskError, UsageError
from copydesk.knowledge.house import HouseStyle
from copydesk.model import Finding, Severity


def rules(config):
    return {r.form: r.use for r in config.house.preferred}


def test_a_full_config_is_read():
    config = parse_config(
        'preset = "ap"\n'
        '[checks]\nexclude = ["claims.unsourced"]\nonly = ["names", "style"]\n'
        '[severity]\n"quotes.unbalanced" = "info"\n'
        '[words]\nhouse = ["Westhaven", "wharfies"]\n'
        '[preferred]\nQaddafi = "Gaddafi"\n'
        '[banned]\n"illegal immigrant" = "undocumented migrant"\n'
        '"slammed" = { use = "", quotes = "check", note = "tabloid" }\n'
        '[style]\nserial_comma = true\nspell_out_below = 0\nquotes = "skip"\n',
        origin="house.toml",
    )
    assert config.preset == "ap"
    assert config.exclude == ("claims.unsourced",) and config.only == ("names", "style")
    assert config.severity == {"quotes.unbalanced": Severity.INFO}
    assert config.house.is_house_word("WHARFIES") and config.house.is_house_word("Westhaven")
    banned = {r.form: (r.use, r.quotes) for r in config.house.banned}
    assert banned == {"illegal immigrant": ("undocumented migrant", "skip"),
                      "slammed": (None, "check")}
    # the file's own settings win over the preset's
    assert config.house.serial_comma is True
    assert config.house.spell_out_below == 0
    assert "house.toml [style] serial_comma" in config.house.origins["serial_comma"]


def test_own_rules_replace_the_presets_rules_for_the_same_name():
    config = parse_config('preset = "ap"\n[preferred]\nQaddafi = "Gaddafi"\n')
    found = rules(config)
    assert found["Qaddafi"] == "Gaddafi"
    assert "Gaddafi" not in found  # the preset's Gaddafi -> Gadhafi would undo the house's form
    assert found["Kiev"] == "Kyiv"  # the preset's other rules stay


def test_an_own_rule_for_the_percent_word_replaces_the_presets_figure_rule():
    # AP's preset writes "4.99%"; a house that writes "percent" must not be told to use the sign
    config = parse_config('preset = "ap"\n[preferred]\n"per cent" = "percent"\n')
    assert rules(config)["per cent"] == "percent"
    assert not any(r.figure for r in config.house.preferred)
    assert any(r.figure for r in parse_config('preset = "ap"').house.preferred)


def test_presets_differ_where_the_stylebooks_do_and_every_row_is_editorial():
    ap = rules(parse_config('preset = "ap"'))
    guardian = rules(parse_config('preset = "guardian"'))
    assert ap["Gaddafi"] == "Gadhafi" and guardian["Gadhafi"] == "Gaddafi"
    assert ap["towards"] == "toward" and guardian["toward"] == "towards"
    assert ap["US"] == "U.S." and guardian["U.S."] == "US"
    for rows in presets().values():
        assert all(row["source"] == "editorial" and row["note"] for row in rows)


def test_abbreviations_match_exactly_unless_told():
    config = parse_config('[preferred]\nUS = "U.S."\nkiev = "Kyiv"\n'
                          'towards = { use = "toward", case = "exact" }\n')
    exact = {r.form: r.exact_case for r in config.house.preferred}
    assert exact == {"US": True, "kiev": False, "towards": True}


def test_percent_setting_makes_its_rules():
    config = parse_config('[style]\npercent = "per cent"\n')
    forms = {(r.form, r.use, r.figure) for r in config.house.preferred}
    assert ("percent", "per cent", False) in forms
    assert ("5%", " per cent", True) in forms


@pytest.mark.parametrize(
    "text,where,problem",
    [
        ('[style]\nserial_coma = false\n', "house.toml:2", "unknown key [style] 'serial_coma'"),
        ('colour = "red"\n', "house.toml:1", "unknown key 'colour'"),
        ('[style]\nspell_out_below = "ten"\n', "house.toml:2", "spell_out_below must be"),
        ('[style]\npercent = "pc"\n', "house.toml:2", "percent must be"),
        ('[style]\nquotes = "maybe"\n', "house.toml:2", "quotes must be 'skip' or 'check'"),
        ('preset = "chicago"\n', "house.toml:1", "unknown preset 'chicago'"),
        ('[severity]\nspelling = "loud"\n', "house.toml:2", "'loud' is not info, warning or error"),
        ('[words]\nhouse = "Westhaven"\n', "house.toml:2", "must be a list of words"),
        ('\n[preferred]\nKiev = 3\n', "house.toml:3", "[preferred] \"Kiev\" must be a string"),
        ('[banned]\nx = { instead = "y" }\n', "house.toml:2", "unknown key 'instead'"),
        ('[words\nhouse = []\n', "house.toml", "not valid TOML"),
    ],
)
def test_a_bad_config_names_the_file_line_and_problem(text, where, problem):
    with pytest.raises(ConfigError) as caught:
        parse_config(text, origin="house.toml")
    message = str(caught.value)
    assert message.startswith(where + ":"), message
    assert problem in message
    assert isinstance(caught.value, UsageError) and isinstance(caught.value, CopydeskError)


def test_invalid_toml_gives_the_line():
    with pytest.raises(ConfigError, match=r"line 2"):
        parse_config('preset = "ap"\n[words\n', origin="house.toml")


def test_an_unknown_check_id_names_its_line():
    config = parse_config('\n[severity]\n"nope.nothing" = "info"\n', origin="house.toml")
    with pytest.raises(ConfigError, match=r"^house.toml:3: \[severity\] 'nope.nothing' names no"):
        config.check_ids(["spelling", "names.inconsistent"])
    parse_config('[checks]\nexclude = ["names"]\n').check_ids(["names.inconsistent"])  # an area


def test_the_config_file_is_found_in_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert find_config() is None and config_for(None) is None
    (tmp_path / "copydesk.toml").write_text('preset = "ap"\n', encoding="utf-8")
    assert config_for(None).preset == "ap"
    assert config_for(None, search=False) is None
    with pytest.raises(ConfigError, match="missing.toml: no such config file"):
        load_config(tmp_path / "missing.toml")


def finding(check: str, text: str, checks: list[str] | None = None) -> Finding:
    return Finding(check, Severity.ERROR, 0, len(text), text, "m", None, 0.9, [],
                   checks=checks or [])


def test_house_words_silence_spelling_names_and_acronyms_only():
    house = HouseStyle(words=frozenset({"wharfies", "Anna Kowalcyzk", "WOT"}))
    assert house.silences(finding("spelling", "Wharfies"))
    assert house.silences(finding("names.unknown-variant", "Kowalcyzk"))
    assert house.silences(finding("names.unknown-variant", "Anna Kowalcyzk"))
    assert house.silences(finding("acronyms.typo", "WOT"))
    assert not house.silences(finding("grammar.confusables", "wharfies"))
    assert not house.silences(finding("spelling", "goverment"))
    assert not house.silences(finding("spelling", "wharfies", ["spelling", "grammar.confusables"]))
    assert not HouseStyle().silences(finding("spelling", "wharfies"))
