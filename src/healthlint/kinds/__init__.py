"""Rule kinds: how a rule of each kind turns YAML settings into a checker.

- ``existence``: terms/patterns that must not appear (with ``unless``/``when``).
- ``requirement``: when a trigger appears, the document must contain one of
  the required patterns; reported once per document.
- ``metric``: a readability formula from textstat against a threshold.
- ``check``: a named Python analysis for rules that need context (:mod:`healthlint.checks`).

Each kind's module has ``KEYS`` (the YAML keys it takes) and ``compile(rule, where)``,
which validates the settings and returns the rule's checker: a function
``checker(doc, analysis, options)`` that yields :class:`~.base.Hit` for a document
(``analysis``: its :class:`~healthlint.analyse.context.DocumentAnalysis`, ``options``:
the rule's options after the configuration).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .base import Hit

if TYPE_CHECKING:
    from .rule import Rule

KINDS = ("existence", "requirement", "metric", "check")


def option_problem(rule: "Rule", name: str, value: object) -> str | None:
    """What is wrong with a configured value of one of ``rule``'s options (None: nothing), as far as
    its kind knows (a ``metric`` rule's ``formula`` must be one it computes)."""
    if rule.kind not in KINDS or rule.kind == "check":
        return None
    check = getattr(import_module(f"{__name__}.{rule.kind}"), "option_problem", None)
    return check(name, value) if check is not None else None


__all__ = ["Hit", "KINDS", "option_problem"]
