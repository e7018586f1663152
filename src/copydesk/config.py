"""House style: ``copydesk.toml``, read with ``tomllib`` (docs/style.md is the reference).

    preset = "guardian"              # a stylebook's best-known rules (data/style/presets.tsv)

    [checks]
    exclude = ["claims.unsourced"]   # as --exclude; only = [...] as --checks

    [severity]                       # as --severity CHECK=LEVEL (the same policy machinery)
    "quotes.unbalanced" = "info"

    [words]
    house = ["Westhaven", "Wierzbiki"]   # never flagged by spelling, names.*, acronyms.*

    [preferred]                      # the form written = the house's form
    Kiev = "Kyiv"

    [banned]                         # the term = the house's wording ("" for none)
    "illegal immigrant" = "undocumented migrant"

    [style]
    serial_comma = false             # true: always; false: not in a simple series
    spell_out_below = 10             # one to nine in words, 10 and above in figures
    percent = "per cent"             # "per cent", "percent" or "%"
    quotes = "skip"                  # banned terms inside quotations: skip (default) or check

``copydesk check``, ``ingest``, ``batch`` and ``serve`` read ``./copydesk.toml`` when it exists, or the file
``--config FILE`` names; ``Desk(config=...)`` takes a path or a ``HouseConfig``. Checks on and
off and severities go through the registry's ``select`` and ``SeverityPolicy.with_caps``; the
words and style rules become the desk's ``Knowledge.house`` (``copydesk.knowledge.house``).
A file that is not TOML, or holds a key or value copydesk does not know, raises ``ConfigError``
naming the file, the line or key, and the problem.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.errors import ConfigError
from copydesk.knowledge.house import HouseStyle, StyleRule
from copydesk.model import Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk import Desk

#: The file name looked for in the current directory.
CONFIG_NAME = "copydesk.toml"
PRESET_FILE = "data/style/presets.tsv"
PERCENT_FORMS = ("per cent", "percent", "%")
QUOTE_MODES = ("skip", "check")
#: A figure: 5, 12.5, 1,000 (not inside a longer token).
FIGURE = r"(?<![\w.,])\d+(?:[.,]\d+)*"

KEYS: dict[str, tuple[str, ...]] = {
    "": ("preset", "checks", "severity", "words", "preferred", "banned", "style"),
    "checks": ("only", "exclude"),
    "words": ("house",),
    "style": ("serial_comma", "spell_out_below", "percent", "quotes"),
    "preferred": ("use", "case", "quotes", "note"),  # keys of one rule's table
    "banned": ("use", "quotes", "note"),
}


@dataclass(frozen=True)
class HouseConfig:
    """A parsed ``copydesk.toml``: which checks run (``only``, ``exclude``), their severity caps
    (``severity``, check id or area -> level), and the house style (``house``)."""

    path: str = "<memory>"
    preset: str | None = None
    only: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    house: HouseStyle = field(default_factory=HouseStyle)
    #: The line of each check id in ``[checks]`` and ``[severity]``, for errors.
    lines: Mapping[str, int] = field(default_factory=dict)

    def check_ids(self, known: Iterable[str]) -> None:
        """Raise ``ConfigError`` when a check id or area in ``[checks]`` or ``[severity]``
        names none of the ``known`` (registered) checks."""
        ids = list(known)
        for table, keys in (("checks", self.only + self.exclude), ("severity", tuple(self.severity))):
            for key in keys:
                if not any(c == key or c.startswith(key.rstrip(".") + ".") for c in ids):
                    line = self.lines.get(key)
                    where = f"{self.path}:{line}" if line else self.path
                    raise ConfigError(f"{where}: [{table}] {key!r} names no check; known: "
                                      + ", ".join(ids))


def configure_desk(desk: Desk, config: HouseConfig | str | Path) -> Desk:
    """A copy of ``desk`` under a house style: the config's ``[checks]`` narrow its registry,
    its ``[severity]`` caps go into its severity policy (``SeverityPolicy.with_caps``; none when
    the policy is off), and its words and rules become ``desk.knowledge.house`` (the loaded model
    and knowledge are shared). A check id the desk does not know raises ``ConfigError``."""
    from copydesk.checks.registry import Registry, _matches

    if not isinstance(config, HouseConfig):
        config = load_config(config)
    known = list(dict.fromkeys([*getattr(desk, "known_checks", ()), *desk.registry.ids()]))
    config.check_ids(known)
    configured = copy.copy(desk)
    if config.only or config.exclude:
        configured.registry = Registry(
            spec for spec in desk.registry
            if (not config.only or any(_matches(spec.id, p) for p in config.only))
            and not any(_matches(spec.id, p) for p in config.exclude)
        )
    if config.severity and desk.policy is not None:
        configured.policy = desk.policy.with_caps(config.severity, known=known)
    configured.knowledge = desk.knowledge.with_house(config.house)
    configured.config = config
    return configured


def find_config(directory: str | Path | None = None) -> Path | None:
    """``copydesk.toml`` in ``directory`` (default: the current one), or None."""
    path = Path(directory or ".") / CONFIG_NAME
    return path if path.is_file() else None


def config_for(option: str | None, *, search: bool = True) -> HouseConfig | None:
    """The config ``--config`` names, else ``./copydesk.toml`` when ``search`` and it exists,
    else None."""
    if option:
        return load_config(option)
    found = find_config() if search else None
    return load_config(found) if found is not None else None


def load_config(path: str | Path) -> HouseConfig:
    """Parse the ``copydesk.toml`` at ``path``; ``ConfigError`` when it cannot be read or is
    wrong."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc})") from None
    return parse_config(text, origin=str(path))


def parse_config(text: str, *, origin: str = "<text>") -> HouseConfig:
    """Parse the text of a ``copydesk.toml``; ``origin`` names it in errors and evidence."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    reader = _Reader(text, origin)
    reader.keys(data, "")
    preset = data.get("preset")
    if preset is not None and (not isinstance(preset, str) or preset not in presets()):
        raise reader.error("preset", f"unknown preset {preset!r}; known: "
                           + ", ".join(sorted(presets())))
    checks = reader.table(data, "checks")
    only = reader.ids(checks, "only")
    exclude = reader.ids(checks, "exclude")
    severity: dict[str, Severity] = {}
    for key, value in reader.table(data, "severity").items():
        try:
            severity[key] = Severity.parse(value) if isinstance(value, str) else _bad()
        except ValueError:
            raise reader.error(key, f"[severity] {key!r}: {value!r} is not info, warning or "
                               "error", table="severity") from None
    words = reader.table(data, "words")
    house_words = reader.strings(words, "house", "words")
    style = reader.table(data, "style")
    quotes = style.get("quotes", "skip")
    if quotes not in QUOTE_MODES:
        raise reader.error("quotes", f"[style] quotes must be 'skip' or 'check', not {quotes!r}",
                           table="style")
    own_preferred = [reader.rule(form, value, "preferred", "check")
                     for form, value in reader.table(data, "preferred").items()]
    banned = tuple(reader.rule(form, value, "banned", quotes)
                   for form, value in reader.table(data, "banned").items())
    settings: dict[str, Any] = {}
    origins: dict[str, str] = {}
    preset_rules: list[StyleRule] = []
    if preset:
        preset_rules, preset_settings = _preset(preset)
        for name, (value, where) in preset_settings.items():
            settings[name], origins[name] = value, where
    for name in ("serial_comma", "spell_out_below", "percent"):
        if name in style:
            settings[name] = reader.setting(style, name)
            origins[name] = f"{origin} [style] {name} = {_toml(style[name])}"
    if "percent" in style:  # the house's own choice replaces the preset's percent rules
        preset_rules = [r for r in preset_rules
                        if not r.figure and r.form.casefold() not in ("per cent", "percent")]
    if settings.get("percent"):
        rules = _percent_rules(settings["percent"], origins["percent"])
        (own_preferred if "percent" in style else preset_rules).extend(rules)
    taken = {r.form.casefold() for r in own_preferred} | {
        r.use.casefold() for r in own_preferred if r.use
    }
    if taken & {"per cent", "percent"}:
        # the house's own word for percent replaces the preset's rules for figures too
        preset_rules = [r for r in preset_rules if not r.figure]
    preferred = tuple(own_preferred) + tuple(
        r for r in preset_rules if r.form.casefold() not in taken
    )
    house = HouseStyle(
        words=frozenset(house_words), preferred=preferred, banned=banned,
        serial_comma=settings.get("serial_comma"),
        spell_out_below=settings.get("spell_out_below") or 0, origins=origins,
    )
    lines = {key: reader.line_of(key, "severity") for key in severity}
    for key in only + exclude:
        lines[key] = next((n for n, line in enumerate(reader.lines, 1)
                           if f'"{key}"' in line or f"'{key}'" in line), 0)
    lines = {key: line for key, line in lines.items() if line}
    return HouseConfig(origin, preset, tuple(only), tuple(exclude), severity, house, lines)


def presets() -> dict[str, list[dict[str, str]]]:
    """The shipped presets' rows (``data/style/presets.tsv``), by preset name."""
    text = files("copydesk").joinpath(PRESET_FILE).read_text(encoding="utf-8")
    out: dict[str, list[dict[str, str]]] = {}
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        out.setdefault(row["preset"], []).append(row)
    return out


def _preset(name: str) -> tuple[list[StyleRule], dict[str, tuple[Any, str]]]:
    rules: list[StyleRule] = []
    settings: dict[str, tuple[Any, str]] = {}
    for row in presets()[name]:
        where = f"preset {name} ({row['source']}): {row['note']}"
        if row["rule"] == "preferred":
            rules.append(StyleRule(row["form"], row["use"], where, exact_case=row["case"] == "exact",
                                   note=row["note"]))
        elif row["rule"] == "serial_comma":
            settings["serial_comma"] = (row["use"] == "yes", where)
        elif row["rule"] == "spell_out_below":
            settings["spell_out_below"] = (int(row["use"]), where)
        elif row["rule"] == "percent":
            settings["percent"] = (row["use"], where)
    return rules, settings


def _percent_rules(choice: str, where: str) -> list[StyleRule]:
    """The preferred-form rules of ``percent = CHOICE``: a figure with another form, and the
    other word form on its own."""
    if choice == "%":
        return [StyleRule("5 per cent", "%", where, figure=True,
                          pattern=rf"({FIGURE})\s*(?:per\s+cent|percent)\b")]
    other = "percent" if choice == "per cent" else "per cent"
    return [
        StyleRule("5%", f" {choice}", where, pattern=rf"({FIGURE})\s*%", figure=True),
        StyleRule(other, choice, where),
    ]


class _Reader:
    """Reads a parsed TOML document, raising ``ConfigError`` with the file, line and key."""

    def __init__(self, text: str, origin: str):
        self.lines = text.splitlines()
        self.origin = origin

    def error(self, key: str, problem: str, *, table: str | None = None) -> ConfigError:
        line = self.line_of(key, table)
        where = f"{self.origin}:{line}" if line else self.origin
        return ConfigError(f"{where}: {problem}")

    def line_of(self, key: str, table: str | None) -> int | None:
        """The line number of ``key`` (in ``[table]`` when given), or None."""
        pattern = re.compile(r"^\s*(?:\"|')?" + re.escape(key) + r"(?:\"|')?\s*=")
        header = re.compile(r"^\s*\[\s*" + re.escape(table) + r"\s*\]") if table else None
        inside = header is None
        for number, line in enumerate(self.lines, 1):
            if header is not None and line.lstrip().startswith("["):
                inside = bool(header.match(line))
                continue
            if inside and pattern.match(line):
                return number
        return None

    def keys(self, data: Mapping[str, Any], table: str) -> None:
        known = KEYS[table]
        for key in data:
            if key not in known:
                name = f"[{table}] " if table else ""
                raise self.error(key, f"unknown key {name}{key!r}; known: " + ", ".join(known),
                                 table=table or None)

    def table(self, data: Mapping[str, Any], name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise self.error(name, f"{name} must be a table ([{name}])")
        if name in ("checks", "words", "style"):
            self.keys(value, name)
        return value

    def strings(self, data: Mapping[str, Any], key: str, table: str) -> list[str]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(key, f"[{table}] {key} must be a list of words, e.g. [\"Westhaven\"]",
                             table=table)
        return value

    def ids(self, data: Mapping[str, Any], key: str) -> list[str]:
        return [v.strip() for v in self.strings(data, key, "checks")]

    def setting(self, style: Mapping[str, Any], name: str) -> Any:
        value = style[name]
        if name == "serial_comma" and isinstance(value, bool):
            return value
        if name == "spell_out_below" and type(value) is int and (value == 0 or 2 <= value <= 100):
            return value
        if name == "percent" and value in PERCENT_FORMS:
            return value
        wanted = {"serial_comma": "true or false",
                  "spell_out_below": "a whole number from 2 to 100 (0: no rule)",
                  "percent": "'per cent', 'percent' or '%'"}[name]
        raise self.error(name, f"[style] {name} must be {wanted}, not {_toml(value)}", table="style")

    def rule(self, form: str, value: Any, table: str, quotes: str) -> StyleRule:
        where = f"{self.origin} [{table}] {_toml(form)}"
        if not form.strip():
            raise self.error(form, f"[{table}] has an empty term", table=table)
        if isinstance(value, str):
            use, case, note = value, None, ""
        elif isinstance(value, dict):
            for key in value:
                if key not in KEYS[table]:
                    raise self.error(form, f"unknown key {key!r} in [{table}] {_toml(form)}; "
                                     "known: " + ", ".join(KEYS[table]), table=table)
            use, case, note = value.get("use", ""), value.get("case"), value.get("note", "")
            quotes = value.get("quotes", quotes)
            if not isinstance(use, str) or not isinstance(note, str):
                raise self.error(form, f"[{table}] {_toml(form)}: use and note are strings",
                                 table=table)
        else:
            raise self.error(form, f"[{table}] {_toml(form)} must be a string (the house's "
                             "form) or a table {{ use = \"...\" }}", table=table)
        if quotes not in QUOTE_MODES:
            raise self.error(form, f"[{table}] {_toml(form)}: quotes must be 'skip' or 'check', "
                             f"not {quotes!r}", table=table)
        if case not in (None, "exact", "any"):
            raise self.error(form, f"[{table}] {_toml(form)}: case must be 'exact' or 'any', not "
                             f"{case!r}", table=table)
        if table == "preferred" and not use.strip():
            raise self.error(form, f"[preferred] {_toml(form)} needs the house's form", table=table)
        if case is None:  # an abbreviation ("US", "U.S.") is matched as written
            case = "exact" if any(ch.isupper() for ch in form[1:]) else "any"
        return StyleRule(" ".join(form.split()), use.strip() or None, where,
                         exact_case=case == "exact", quotes=quotes, note=note)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def _bad() -> Severity:
    raise ValueError("not a string")
