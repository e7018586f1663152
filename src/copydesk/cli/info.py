"""What ``copydesk info`` shows: versions, the language model, knowledge sources, checks.

Each part is gathered on its own; a part that fails to load is shown with its error and listed
under ``problems`` instead of stopping the others (``info`` doubles as a health check).
"""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING, Any

import copydesk

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk import Desk


def collect_info(desk: Desk | None = None) -> dict[str, Any]:
    """A JSON-ready description of this installation (``desk`` reuses loaded parts)."""
    problems: list[str] = []
    info: dict[str, Any] = {
        "copydesk": copydesk.__version__,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "spacy": _spacy_version(problems),
        "model": _model(desk, problems),
        "knowledge": _knowledge(desk, problems),
        "checks": _checks(desk, problems),
    }
    info["problems"] = problems
    return info


def render_info(info: dict[str, Any]) -> str:
    """The plain-text form of ``collect_info()``."""
    lines = [
        f"copydesk  {info['copydesk']}",
        f"python    {info['python']}",
        f"spacy     {info['spacy'] or 'not installed'}",
    ]
    model = info["model"]
    if model:
        lines.append(f"model     {model['name']} {model['version']} (pipes: {model['pipes']})")
    else:
        lines.append("model     unavailable")
    lines += ["", "knowledge"]
    for source in info["knowledge"]:
        lines.append(f"  {source.get('name', '?')}: {source.get('size', '?')}")
        if source.get("origin"):
            lines.append(f"      {source['origin']}")
    lines += ["", "checks"]
    width = max((len(c["id"]) for c in info["checks"]), default=0)
    for check in info["checks"]:
        capped = check.get("max_severity")
        shown = check["severity"] if capped in (None, check["severity"]) else f"{capped}*"
        lines.append(f"  {check['id']:<{width}}  {shown:<7}  {check['summary']}")
    if any(c.get("max_severity") not in (None, c["severity"]) for c in info["checks"]):
        lines.append("  * capped by the severity policy (data/severity.tsv); the check rates higher")
    if info["problems"]:
        lines += ["", "problems"]
        lines += [f"  {problem}" for problem in info["problems"]]
    return "\n".join(lines)


def _spacy_version(problems: list[str]) -> str | None:
    try:
        import spacy
    except ImportError as exc:
        problems.append(f"spacy: {exc}")
        return None
    return spacy.__version__


def _model(desk: Desk | None, problems: list[str]) -> dict[str, str] | None:
    from copydesk.analyse.pipeline import load_model, model_info

    try:
        nlp = desk.analyser.nlp if desk is not None else load_model()
        return model_info(nlp)
    except Exception as exc:  # noqa: BLE001 - reported, info is a health check
        problems.append(f"model: {exc}")
        return None


def _knowledge(desk: Desk | None, problems: list[str]) -> list[dict[str, Any]]:
    from copydesk.knowledge import Knowledge

    try:
        knowledge = desk.knowledge if desk is not None else Knowledge()
        return [dict(source) for source in knowledge.describe()]
    except Exception as exc:  # noqa: BLE001 - reported, info is a health check
        problems.append(f"knowledge: {exc}")
        return []


def _checks(desk: Desk | None, problems: list[str]) -> list[dict[str, Any]]:
    from copydesk.checks.policy import SeverityPolicy
    from copydesk.checks.registry import Registry

    try:
        registry = desk.registry if desk is not None else Registry.default()
        policy = desk.policy if desk is not None else SeverityPolicy.default()
    except Exception as exc:  # noqa: BLE001 - reported, info is a health check
        problems.append(f"checks: {exc}")
        return []
    out = []
    for spec in registry:
        cap = policy.cap(spec.id) if policy is not None else None
        out.append(
            {"id": spec.id, "severity": spec.severity.label, "summary": spec.summary,
             "origin": spec.origin, "max_severity": cap.label if cap is not None else None}
        )
    return out
