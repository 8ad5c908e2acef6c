"""Safe YAML loading: never constructs Python objects, refuses alias bombs."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import ConfigError

try:  # the C loader is much faster; both are "safe" loaders
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_ALIASES = 100
MAX_BYTES = 2_000_000


def load_yaml(text: str, where: str) -> Any:
    """Parse ``text`` with a safe loader; errors name ``where`` and the line."""
    if len(text) > MAX_BYTES:
        raise ConfigError(where, f"YAML file is larger than {MAX_BYTES} bytes")
    if text.count("*") > MAX_ALIASES and _alias_count(text, where) > MAX_ALIASES:
        raise ConfigError(where, f"more than {MAX_ALIASES} YAML aliases; refusing to expand (possible YAML bomb)")
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        loc = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(where, f"invalid YAML{loc}: {problem}") from None


def _alias_count(text: str, where: str) -> int:
    try:
        return sum(1 for ev in yaml.parse(text, Loader=_Loader) if isinstance(ev, yaml.AliasEvent))
    except yaml.YAMLError:
        return 0
