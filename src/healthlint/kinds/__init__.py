"""Rule kinds: how a rule of each kind turns YAML settings into a checker.

- ``existence``: terms/patterns that must not appear (with ``unless``/``when``).
- ``requirement``: when a trigger appears, the document must contain one of
  the required patterns; reported once per document.
- ``metric``: a readability formula from textstat against a threshold.
- ``check``: a named Python analysis for rules that need context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from .base import Hit

if TYPE_CHECKING:
    from ..rule import Rule

KINDS = ("existence", "requirement", "metric", "check")


def _module(kind: str):  # noqa: ANN202 - a module
    if kind == "existence":
        from . import existence as m
    elif kind == "requirement":
        from . import requirement as m
    elif kind == "metric":
        from . import metric as m
    else:
        from . import check as m
    return m


def settings_keys(kind: str) -> frozenset[str]:
    """The YAML keys a rule of ``kind`` may carry besides the common ones."""
    return _module(kind).KEYS


def compile_rule(rule: "Rule", where: str) -> Callable[..., Iterator[Hit]]:
    """Validate a rule's kind settings and return its checker."""
    return _module(rule.kind).compile(rule, where)


def option_problem(rule: "Rule", name: str, value: object) -> str | None:
    """What is wrong with a configured value of one of ``rule``'s options (None: nothing), as far as
    its kind knows (a ``metric`` rule's ``formula`` must be one it computes)."""
    if rule.kind not in KINDS:
        return None
    check = getattr(_module(rule.kind), "option_problem", None)
    return check(name, value) if check is not None else None


__all__ = ["Hit", "KINDS", "compile_rule", "option_problem", "settings_keys"]
