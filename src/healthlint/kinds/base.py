"""Shared pieces of the rule kinds: hits, pattern compilation, messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from ..errors import ConfigError

REGEX_TIMEOUT = 2.0  # seconds a pattern may spend on a short text; longer texts get more (time_limit)
_FIELD = regex.compile(r"\{(\w+)\}")


@dataclass(slots=True)
class Hit:
    """A rule's raw result: a span of the document's prose text.

    ``vars`` fill the rule's message template; ``message`` replaces it.
    ``related`` are (start, end, note) prose spans of the evidence.
    """

    start: int
    end: int
    vars: dict[str, Any] = field(default_factory=dict)
    message: str | None = None
    related: list[tuple[int, int, str]] = field(default_factory=list)
    document_level: bool = False
    severity: str | None = None  # raises the finding's severity (never lowers the configured one)


def time_limit(length: int) -> float:
    """Time-out for one scan of ``length`` characters: 2 s plus 1 s per million characters.

    Built-in patterns scan several MB/s, so this never stops a sound pattern on a big file,
    while a catastrophic one (exponential backtracking) still stops within seconds.
    """
    return REGEX_TIMEOUT + length / 1_000_000


def format_message(template: str, values: dict[str, Any]) -> str:
    """Fill ``{name}`` fields; unknown names stay as written (no code runs)."""
    return _FIELD.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], template)


def term_to_pattern(term: str) -> str:
    """A literal phrase as a pattern: escaped, any run of spaces matches any whitespace."""
    return r"\s+".join(regex.escape(w) for w in term.split())


def build_pattern(
    spec: Any, where: str, rid: str, field_name: str, *, ignorecase: bool = True, word_boundary: bool = True,
    checked: bool = False,
) -> regex.Pattern[str] | None:
    """Compile ``terms`` and ``patterns`` of a mapping (or a bare list of patterns).

    Each term and pattern is first compiled on its own and as it will run (in a group, with
    the rule's flags), so that one that does not compile is named in the error; ``checked``
    skips that for the built-in packs, whose patterns the test suite compiles the same way.
    """
    if spec is None:
        return None
    if isinstance(spec, list):
        spec = {"patterns": spec}
    if not isinstance(spec, dict):
        raise ConfigError(where, f"rule '{rid}', field '{field_name}': expected a mapping with 'terms' or 'patterns'")
    parts: list[str] = []
    for key in ("terms", "patterns"):
        items = spec.get(key) or []
        if not isinstance(items, list) or not all(isinstance(x, str) and x for x in items):
            raise ConfigError(where, f"rule '{rid}', field '{field_name}.{key}': expected a list of strings")
        for x in items:
            p = term_to_pattern(x) if key == "terms" else x
            # Terms are whole words always; patterns only when word_boundary is set.
            part = rf"(?<!\w)(?:{p})(?!\w)" if key == "terms" or word_boundary else f"(?:{p})"
            if not checked:
                try:  # as it will run (in a group, with the rule's flags): '(?V1)...' compiles alone, not there
                    regex.compile(p)
                    regex.compile(part, (regex.IGNORECASE if ignorecase else 0) | regex.VERSION0)
                except Exception as e:  # noqa: BLE001 - regex.error, ValueError, OverflowError...
                    raise ConfigError(
                        where, f"rule '{rid}', field '{field_name}.{key}': pattern {x!r} does not compile: {e}"
                    ) from None
            parts.append(part)
    if not parts:
        raise ConfigError(where, f"rule '{rid}', field '{field_name}': needs at least one term or pattern")
    body = "|".join(parts)
    flags = regex.IGNORECASE if ignorecase else 0
    return regex.compile(body, flags | regex.VERSION0)


def check_keys(spec: dict[str, Any], allowed: set[str], where: str, rid: str, field_name: str) -> None:
    for key in spec:
        if key not in allowed:
            raise ConfigError(
                where, f"rule '{rid}', field '{field_name}': unknown key '{key}' (expected: {', '.join(sorted(allowed))})"
            )


def expect(cond: bool, where: str, rid: str, field_name: str, what: str) -> None:
    if not cond:
        raise ConfigError(where, f"rule '{rid}', field '{field_name}': expected {what}")
