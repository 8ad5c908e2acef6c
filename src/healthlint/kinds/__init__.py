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

from .base import Hit

KINDS = ("existence", "requirement", "metric", "check")

__all__ = ["Hit", "KINDS"]
