"""Registry of the Python checks behind ``kind: check`` rules.

Built-in checks live in this package and register with :func:`register`.
Installed plugins expose more through the ``healthlint.checks`` entry-point
group (never loaded by path from a config file).
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

CheckFunc = Callable[..., Any]
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
