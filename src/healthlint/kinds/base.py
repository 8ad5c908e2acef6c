"""Shared pieces of the rule kinds: hits, pattern compilation, messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import recache, rx
from ..errors import ConfigError
from ..records import field, record

if TYPE_CHECKING:
    import regex

REGEX_TIMEOUT = 2.0  # seconds a pattern may spend on a short text; longer texts get more (time_limit)
_FIELD = rx.compile(r"\{(\w+)\}")


@record(slots=True)
class Hit:
    """A rule's raw result: a span of the document's prose text.

    ``vars`` fill the rule's message template; ``message`` replaces it.
    ``related`` are (start, end, note) prose spans of the evidence. With
    ``in_source`` every span is of the source instead (what a rule's ``finish``
    yields for a file read in parts, once the parts' prose is gone).
    """

    start: int
    end: int
    vars: dict[str, Any] = field(default_factory=dict)
    message: str | None = None
    related: list[tuple[int, int, str]] = field(default_factory=list)
    document_level: bool = False
    in_source: bool = False
    severity: str | None = None  # raises the finding's severity (never lowers the configured one)


def time_limit(length: int) -> float:
    """Time-out for one scan of ``length`` characters: 2 s plus 1 s per million characters.

    Built-in patterns scan several MB/s, so this never stops a sound pattern on a big file,
    while a catastrophic one (exponential backtracking) still stops within seconds.
    """
    return REGEX_TIMEOUT + length / 1_000_000


_TEMPLATES: dict[str, tuple[str, ...]] = {}  # a message template -> text, field name, text, ...


def format_message(template: str, values: dict[str, Any]) -> str:
    """Fill ``{name}`` fields; unknown names stay as written (no code runs)."""
    parts = _TEMPLATES.get(template)
    if parts is None:  # split once per template: a rule's message is filled for each finding
        parts = tuple(_FIELD.split(template))
        if len(_TEMPLATES) < 4096:
            _TEMPLATES[template] = parts
    if len(parts) == 1:
        return template
    out = list(parts)
    for i in range(1, len(out), 2):
        name = out[i]
        out[i] = str(values[name]) if name in values else "{" + name + "}"
    return "".join(out)


def term_to_pattern(term: str) -> str:
    """A literal phrase as a pattern: escaped, any run of spaces matches any whitespace.

    Remembered in the pattern cache: ``regex.escape`` would load ``regex``'s Python layer.
    """
    return recache.memo("term", [term], lambda: r"\s+".join(rx.escape(w) for w in term.split()))  # type: ignore[no-any-return]


def build_pattern(
    spec: Any, where: str, rid: str, field_name: str, *, ignorecase: bool = True, word_boundary: bool = True
) -> regex.Pattern[str] | None:
    """Compile ``terms`` and ``patterns`` of a mapping (or a bare list of patterns)."""
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
            try:
                rx.compile(p)
            except rx.error as e:
                raise ConfigError(
                    where, f"rule '{rid}', field '{field_name}.{key}': pattern {x!r} does not compile: {e}"
                ) from None
            # Terms are whole words always; patterns only when word_boundary is set.
            parts.append(rf"(?<!\w)(?:{p})(?!\w)" if key == "terms" or word_boundary else f"(?:{p})")
    if not parts:
        raise ConfigError(where, f"rule '{rid}', field '{field_name}': needs at least one term or pattern")
    body = "|".join(parts)
    flags = rx.IGNORECASE if ignorecase else 0
    return rx.compile(body, flags | rx.VERSION0)


def check_keys(spec: dict[str, Any], allowed: set[str], where: str, rid: str, field_name: str) -> None:
    for key in spec:
        if key not in allowed:
            raise ConfigError(
                where, f"rule '{rid}', field '{field_name}': unknown key '{key}' (expected: {', '.join(sorted(allowed))})"
            )


def expect(cond: bool, where: str, rid: str, field_name: str, what: str) -> None:
    if not cond:
        raise ConfigError(where, f"rule '{rid}', field '{field_name}': expected {what}")
