"""``Desk(config=...)`` and ``Desk.with_config``: the house style from Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.config import parse_config
from copydesk.desk import Desk
from copydesk.errors import ConfigError

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CONFIG = ROOT / "examples" / "copydesk.toml"


def test_desk_config_takes_a_path_and_with_config_a_copy(desk):
    text = (ROOT / "examples" / "house-style.txt").read_text(encoding="utf-8")
    configured = Desk(analyser=desk.analyser, knowledge=desk.knowledge, config=EXAMPLE_CONFIG)
    assert configured.config is not None and configured.config.preset == "guardian"
    copied = desk.with_config(EXAMPLE_CONFIG)
    first = [(f.check, f.text) for f in configured.check_text(text).findings]
    assert first == [(f.check, f.text) for f in copied.check_text(text).findings]
    assert ("style.numerals", "4") in first and ("spelling", "wharfies") not in first
    assert desk.config is None and ("spelling", "wharfies") in [
        (f.check, f.text) for f in desk.check_text(text).findings]


def test_a_config_naming_an_unknown_check_fails_at_once(desk):
    with pytest.raises(ConfigError, match="'nope' names no check"):
        desk.with_config(parse_config('[checks]\nexclude = ["nope"]\n'))
