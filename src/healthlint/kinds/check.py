"""``check``: a named Python analysis for rules that need context.

YAML settings: ``check`` (the name of a registered check) and ``params`` (a
mapping passed to it). Checks ship in ``healthlint.checks``; installed
plugins add more through the ``healthlint.checks`` entry-point group. A
content repository's config can never load Python code by path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..checks import get_check
from ..errors import ConfigError
from .base import Hit, expect

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

KEYS = frozenset({"check", "params", "skip_quoted"})


def compile(rule: "Rule", where: str) -> Callable[["Document", dict[str, Any]], Iterator[Hit]]:
    name = rule.settings.get("check")
    expect(isinstance(name, str) and bool(name), where, rule.id, "check", "the name of a registered check")
    params = rule.settings.get("params") or {}
    expect(isinstance(params, dict), where, rule.id, "params", "a mapping")
    func = get_check(str(name))
    if func is None:
        raise ConfigError(where, f"rule '{rule.id}', field 'check': no check named '{name}' is installed")
    prepare = getattr(func, "prepare", None)
    prepared = prepare(params, where, rule.id) if prepare else params

    def run(doc: "Document", options: dict[str, Any]) -> Iterator[Hit]:
        return func(doc, prepared, options)

    return run
