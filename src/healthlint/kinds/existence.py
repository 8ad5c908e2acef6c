"""``existence``: report words or patterns that should not appear.

YAML settings: ``terms`` (literal phrases), ``patterns`` (regexes),
``ignorecase`` (default true), ``word_boundary`` (default true), ``unless``
and ``when`` (conditions with a ``scope``), ``only_in`` (block kinds),
``skip_quoted`` (default true: quoted material is evidence, not the writer's
claim), ``body_only`` (default true: skip navigation/footer chrome) and
``per_sentence`` (default true: one finding per sentence) and ``max_offset``
(the match must start within this many characters of its sentence's start:
for phrases that only make a claim as the sentence's subject).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..read.document import BLOCK_KINDS
from .base import Hit, build_pattern, expect, time_limit
from .conditions import parse_conditions

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document
    from .rule import Rule

KEYS = frozenset({"terms", "patterns", "ignorecase", "word_boundary", "unless", "when", "only_in",
                  "skip_quoted", "body_only", "per_sentence", "max_offset"})


def compile(rule: "Rule", where: str) -> Callable[["Document", "DocumentAnalysis", dict[str, Any]], Iterator[Hit]]:
    s = rule.settings
    rid = rule.id
    ignorecase = s.get("ignorecase", True)
    for flag in ("ignorecase", "word_boundary", "skip_quoted", "body_only", "per_sentence"):
        expect(isinstance(s.get(flag, True), bool), where, rid, flag, "true or false")
    expect("terms" in s or "patterns" in s, where, rid, "terms", "'terms' or 'patterns' for an existence rule")
    pattern = build_pattern({k: s[k] for k in ("terms", "patterns") if k in s}, where, rid, "terms/patterns",
                            ignorecase=ignorecase, word_boundary=s.get("word_boundary", True), checked=rule.builtin)
    assert pattern is not None
    unless = parse_conditions(s.get("unless"), where, rid, "unless", ignorecase, rule.builtin)
    when = parse_conditions(s.get("when"), where, rid, "when", ignorecase, rule.builtin)
    only_in = s.get("only_in")
    if only_in is not None:
        expect(isinstance(only_in, list) and all(k in BLOCK_KINDS for k in only_in), where, rid, "only_in",
               f"a list of block kinds ({', '.join(BLOCK_KINDS)})")
    only = frozenset(only_in or ())
    skip_quoted = s.get("skip_quoted", True)
    body_only = s.get("body_only", True)
    per_sentence = s.get("per_sentence", True)
    max_offset = s.get("max_offset")
    expect(max_offset is None or (isinstance(max_offset, int) and max_offset >= 0), where, rid, "max_offset",
           "a non-negative integer")

    def check(doc: "Document", analysis: "DocumentAnalysis", options: dict[str, Any]) -> Iterator[Hit]:
        seen: set[int] = set()
        limit = time_limit(len(doc.text))
        matches = pattern.finditer(doc.text, timeout=limit)
        memo: dict[tuple[int, int, int], bool] = {}  # conditions of the sentence's scope: searched once
        for m in matches:
            sent = doc.sentence_at(m.start())
            if sent is None or (per_sentence and sent.index in seen):
                continue
            block = doc.blocks[sent.block]
            if (only and block.kind not in only) or (body_only and not block.body):
                continue
            if max_offset is not None and m.start() - sent.start > max_offset:
                continue
            if skip_quoted and analysis.is_quoted(sent):
                continue
            start, end = m.span()
            if any(c.holds(doc, sent, start, end, memo) for c in unless) or \
                    not all(c.holds(doc, sent, start, end, memo) for c in when):
                continue
            seen.add(sent.index)
            yield Hit(start, end, {"match": " ".join(m.group(0).split())})

    return check

