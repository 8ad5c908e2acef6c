"""``unless`` / ``when`` conditions: a pattern looked for in a scope around a match."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from .base import build_pattern, check_keys, expect, time_limit

if TYPE_CHECKING:
    from ..read.document import Document, Sentence

SCOPES = ("match", "before", "after", "sentence", "next_sentence", "adjacent", "paragraph", "section", "document")
KEYS = {"terms", "patterns", "scope", "window", "ignorecase", "if_match", "word_boundary", "in_source"}


@dataclass(slots=True)
class Condition:
    pattern: regex.Pattern[str]
    scope: str
    window: int
    if_match: regex.Pattern[str] | None = None
    in_source: bool = False

    def holds(self, doc: "Document", s: "Sentence", start: int, end: int,
              memo: dict[tuple[int, int, int], bool] | None = None) -> bool:
        """True when the pattern occurs in this condition's scope.

        With ``if_match``, the condition only applies to matches whose text
        matches that pattern (otherwise it does not hold). ``memo`` (one per
        document) keeps the answer for a scope that does not depend on the match
        (a sentence, a paragraph...): it is searched once, however many matches
        a long run-on sentence holds.
        """
        if not self.applies(doc, start, end):
            return False
        if self.scope == "match":
            lo, hi = start, end
        elif self.scope == "before":
            lo, hi = max(s.start, start - self.window), start
        elif self.scope == "after":
            lo, hi = end, min(s.end, end + self.window)
        elif self.scope == "sentence":
            lo, hi = s.start, s.end
        elif self.scope in ("next_sentence", "adjacent"):
            i = s.index
            first = i - 1 if self.scope == "adjacent" and i > 0 else i
            last = min(i + 1, len(doc.sentences) - 1)
            lo, hi = doc.sentences[first].start, doc.sentences[last].end
        elif self.scope == "paragraph":
            b = doc.blocks[s.block]
            lo, hi = b.start, b.end
        elif self.scope == "section":
            lo, hi = doc.section_span(doc.blocks[s.block].section)
        else:
            lo, hi = 0, len(doc.text)  # the document (see in_text)
        if memo is None or self.scope in ("match", "before", "after"):
            return self._search(doc, lo, hi)
        key = (id(self), lo, hi)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._search(doc, lo, hi)
        return found

    def applies(self, doc: "Document", start: int, end: int) -> bool:
        """False when ``if_match`` rules out the match ``text[start:end]``."""
        return self.if_match is None or self.if_match.search(doc.text[start:end]) is not None

    def in_text(self, doc: "Document") -> bool:
        """Does the pattern occur anywhere in ``doc`` (the ``document`` scope)?"""
        return self._search(doc, 0, len(doc.text))

    def _search(self, doc: "Document", lo: int, hi: int) -> bool:
        if self.in_source:
            # Search the source of the scope: link targets and URLs are not prose but are citations.
            slo, shi = doc.source_span(lo, hi) if hi > lo else (0, 0)
            return self.pattern.search(doc.source, slo, shi, timeout=time_limit(shi - slo)) is not None
        # Slice so that ^ and $ anchor at the scope's edges.
        text = doc.text if (lo, hi) == (0, len(doc.text)) else doc.text[lo:hi]
        return self.pattern.search(text, timeout=time_limit(len(text))) is not None


def parse_conditions(spec: Any, where: str, rid: str, field_name: str, ignorecase: bool,
                     checked: bool = False) -> list[Condition]:
    """The conditions of ``spec`` (``checked``: a built-in pack's, see :func:`.base.build_pattern`)."""
    if spec is None:
        return []
    expect(isinstance(spec, list), where, rid, field_name, "a list of conditions ({terms|patterns, scope})")
    out = []
    for i, item in enumerate(spec):
        name = f"{field_name}[{i}]"
        expect(isinstance(item, dict), where, rid, name, "a mapping with terms/patterns and scope")
        check_keys(item, KEYS, where, rid, name)
        scope = item.get("scope", "sentence")
        expect(scope in SCOPES, where, rid, f"{name}.scope", f"one of {', '.join(SCOPES)}")
        window = item.get("window", 60)
        expect(isinstance(window, int) and window > 0, where, rid, f"{name}.window", "a positive integer")
        ic = item.get("ignorecase", ignorecase)
        spec = {k: item[k] for k in ("terms", "patterns") if k in item}
        pat = build_pattern(spec, where, rid, name, ignorecase=bool(ic),
                            word_boundary=bool(item.get("word_boundary", False)), checked=checked)
        assert pat is not None
        gate = None
        if "if_match" in item:
            gate = build_pattern(item["if_match"], where, rid, f"{name}.if_match", ignorecase=True,
                                 word_boundary=False, checked=checked)
        in_source = item.get("in_source", False)
        expect(isinstance(in_source, bool), where, rid, f"{name}.in_source", "true or false")
        out.append(Condition(pat, scope, window, gate, in_source))
    return out
