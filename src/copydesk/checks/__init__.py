"""Checks: one module per check, each a function of the analysed article and the knowledge."""

from copydesk.checks.registry import CheckSpec, Registry, register

__all__ = ["CheckSpec", "Registry", "register"]
