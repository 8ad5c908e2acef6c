"""``requirement``: when a trigger appears, the document must contain a required pattern.

YAML settings: ``trigger`` and ``require`` (each ``terms``/``patterns``),
``ignorecase``, ``min_triggers`` (default 1), ``skip_quoted`` (default true:
advice quoted from a source does not count as the writer's advice). The user
option ``accept`` (a list of phrases) extends ``require``. Reported once, on
line 1, pointing at the first trigger as related evidence.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any, Callable, Iterator

import regex

from ..analysis.lexicon import group_end, split_top
from ..errors import ConfigError
from .base import Hit, build_pattern, expect, term_to_pattern, time_limit

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

KEYS = frozenset({"trigger", "require", "ignorecase", "min_triggers", "skip_quoted"})


def compile(rule: "Rule", where: str) -> Callable[["Document", dict[str, Any]], Iterator[Hit]]:
    s = rule.settings
    rid = rule.id
    ic = s.get("ignorecase", True)
    expect(isinstance(ic, bool), where, rid, "ignorecase", "true or false")
    expect("trigger" in s and "require" in s, where, rid, "trigger/require", "both 'trigger' and 'require'")
    trigger = build_pattern(s["trigger"], where, rid, "trigger", ignorecase=ic)
    require = build_pattern(s["require"], where, rid, "require", ignorecase=ic, word_boundary=False)
    min_triggers = s.get("min_triggers", 1)
    expect(isinstance(min_triggers, int) and min_triggers >= 1, where, rid, "min_triggers", "a positive integer")
    skip_quoted = s.get("skip_quoted", True)
    assert trigger is not None and require is not None
    required = _union_parts(s["require"], where, rid, ic) or [require]

    def check(doc: "Document", options: dict[str, Any]) -> Iterator[Hit]:
        text = doc.text
        limit = time_limit(len(text))
        extra = options.get("accept") or []
        if _any_found(required, text, limit):
            return
        if extra:
            flags = regex.IGNORECASE if ic else 0
            alt = "|".join(term_to_pattern(str(p)) for p in extra if str(p).strip())
            if alt and regex.compile(alt, flags).search(text, timeout=limit):
                return
        first = None
        count = 0
        for m in trigger.finditer(text, timeout=limit):
            sent = doc.sentence_at(m.start())
            if sent is None or (skip_quoted and doc.is_quoted(sent)) or not doc.blocks[sent.block].body:
                continue
            count += 1
            first = first or m
            if count >= min_triggers:
                break
        if first is None or count < min_triggers:
            return
        line = doc.lines.position(doc.source_span(first.start(), first.end())[0])[0]
        yield Hit(0, 0, {"trigger": " ".join(first.group(0).split()), "line": line},
                  related=[(first.start(), first.end(), "health advice without a disclaimer")], document_level=True)

    return check


# What the split below does not handle: group references, inline flags, atomic and named groups,
# and "]" as a class's first member or escaped (where a class ends is then not the next "]").
_UNSPLITTABLE = re.compile(r"\\(?:\d|g|\])|\(\?(?![:=!]|<[=!])|\[\^?\]")


def _union_parts(spec: Any, where: str, rid: str, ic: bool) -> list[regex.Pattern[str]] | None:
    """Patterns one of which matches somewhere exactly when ``require`` does (None: keep ``require``).

    A leading ``(?:a|b)c`` is split into ``ac`` and ``bc``: ``regex`` finds a pattern that starts
    with a literal word much faster than an alternation of them.
    """
    if not isinstance(spec, dict) or not isinstance(spec.get("patterns"), list):
        return None
    patterns = spec["patterns"]
    if any(not isinstance(p, str) or _UNSPLITTABLE.search(p) for p in patterns):
        return None
    try:
        parts = [alt for p in patterns for alt in _alternatives(p)]
        out = [build_pattern({"patterns": [alt]}, where, rid, "require", ignorecase=ic, word_boundary=False)
               for alt in parts]
        if spec.get("terms"):
            out.append(build_pattern({"terms": spec["terms"]}, where, rid, "require", ignorecase=ic))
    except (ValueError, ConfigError):  # an unbalanced split: keep the pattern whole
        return None
    return out  # type: ignore[return-value]


def _alternatives(p: str) -> list[str]:
    """Top-level alternatives of ``p``, with a leading non-capturing group not repeated distributed."""
    out: list[str] = []
    for alt in split_top(p):
        if alt.startswith("(?:"):
            end = group_end(alt, 0)
            rest = alt[end + 1 :]
            if rest[:1] not in ("*", "+", "?", "{"):
                out.extend(x for part in split_top(alt[3:end]) for x in _alternatives(part + rest))
                continue
        out.append(alt)
    return out


def _any_found(patterns: list[regex.Pattern[str]], text: str, limit: float) -> bool:
    """Does one of ``patterns`` match in ``text`` (all of them within ``limit`` seconds)?"""
    deadline = time.monotonic() + limit
    for p in patterns:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        if p.search(text, timeout=left):
            return True
    return False
