"""``requirement``: when a trigger appears, the document must contain a required pattern.

YAML settings: ``trigger`` and ``require`` (each ``terms``/``patterns``),
``ignorecase``, ``min_triggers`` (default 1), ``skip_quoted`` (default true:
advice quoted from a source does not count as the writer's advice). The user
option ``accept`` (a list of phrases) extends ``require``. Reported once, on
line 1, pointing at the first trigger as related evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator

import regex

from .base import Hit, build_pattern, expect, term_to_pattern, time_limit

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document
    from .rule import Rule

KEYS = frozenset({"trigger", "require", "ignorecase", "min_triggers", "skip_quoted"})


def compile(rule: "Rule", where: str) -> Callable[["Document", "DocumentAnalysis", dict[str, Any]], Iterator[Hit]]:
    s = rule.settings
    rid = rule.id
    ic = s.get("ignorecase", True)
    expect(isinstance(ic, bool), where, rid, "ignorecase", "true or false")
    expect("trigger" in s and "require" in s, where, rid, "trigger/require", "both 'trigger' and 'require'")
    trigger = build_pattern(s["trigger"], where, rid, "trigger", ignorecase=ic, checked=rule.builtin)
    require = build_pattern(s["require"], where, rid, "require", ignorecase=ic, word_boundary=False,
                            checked=rule.builtin)
    min_triggers = s.get("min_triggers", 1)
    expect(isinstance(min_triggers, int) and min_triggers >= 1, where, rid, "min_triggers", "a positive integer")
    skip_quoted = s.get("skip_quoted", True)
    assert trigger is not None and require is not None

    def check(doc: "Document", analysis: "DocumentAnalysis", options: dict[str, Any]) -> Iterator[Hit]:
        text = doc.text
        limit = time_limit(len(text))
        extra = options.get("accept") or []
        if require.search(text, timeout=limit):
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
            if sent is None or (skip_quoted and analysis.is_quoted(sent)) or not doc.blocks[sent.block].body:
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
