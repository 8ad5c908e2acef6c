"""``kind: check``: named Python analyses for rules that need context.

YAML settings: ``check`` (the name of a registered check) and ``params`` (a
mapping passed to it). Built-in checks live in this package and register with
:func:`register`; installed plugins add more through the ``healthlint.checks``
entry-point group. A content repository's config can never load Python code by path.

A check is a function ``check(doc, analysis, params, options)`` that yields
:class:`~healthlint.kinds.base.Hit`: ``doc`` is the whole
:class:`~healthlint.read.document.Document`, ``analysis`` its
:class:`~healthlint.analyse.context.DocumentAnalysis` (quoted sentences, facts,
evidence; computed on first use), ``params`` the rule's ``params`` (after the
function's optional ``prepare(params, where, rule_id)``) and ``options`` the
rule's options after the configuration.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..errors import ConfigError
from ..kinds.base import Hit, expect

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..kinds.rule import Rule
    from ..read.document import Document

CheckFunc = Callable[..., Any]
KEYS = frozenset({"check", "params", "skip_quoted", "document_level"})  # document_level: one finding for the whole document
_REGISTRY: dict[str, CheckFunc] = {}
BUILTIN_MODULES = ("statistics", "risk", "animal", "causal", "subgroup", "disease", "selftreat", "cta", "disclaimer",
                   "overclaim", "unattributed")
_loaded = False


def register(name: str) -> Callable[[CheckFunc], CheckFunc]:
    """Decorator: make ``func`` available as ``check: name``."""

    def deco(func: CheckFunc) -> CheckFunc:
        _REGISTRY[name] = func
        return func

    return deco


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for mod in BUILTIN_MODULES:
        importlib.import_module(f"{__name__}.{mod}")


def get_check(name: str) -> CheckFunc | None:
    _load()
    if name not in _REGISTRY:
        from importlib.metadata import entry_points

        for ep in entry_points(group="healthlint.checks"):
            if ep.name == name:
                _REGISTRY[name] = ep.load()
    return _REGISTRY.get(name)


def names() -> list[str]:
    _load()
    return sorted(_REGISTRY)


def compile(rule: "Rule", where: str) -> Callable[["Document", "DocumentAnalysis", dict[str, Any]], Iterator[Hit]]:
    """The checker of a ``kind: check`` rule (see :mod:`healthlint.kinds`)."""
    name = rule.settings.get("check")
    expect(isinstance(name, str) and bool(name), where, rule.id, "check", "the name of a registered check")
    params = rule.settings.get("params") or {}
    expect(isinstance(params, dict), where, rule.id, "params", "a mapping")
    func = get_check(str(name))
    if func is None:
        raise ConfigError(where, f"rule '{rule.id}', field 'check': no check named '{name}' is installed")
    prepare = getattr(func, "prepare", None)
    prepared = prepare(params, where, rule.id) if prepare else params

    def run(doc: "Document", analysis: "DocumentAnalysis", options: dict[str, Any]) -> Iterator[Hit]:
        return func(doc, analysis, prepared, options)

    return run
