"""``unless`` / ``when`` conditions: a pattern looked for in a scope around a match."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import rx

from .. import recache
from ..records import record
from .anchors import fold, literal_starts
from .base import build_pattern, check_keys, expect, time_limit

if TYPE_CHECKING:
    import regex
    from ..document import Document, Sentence

SCOPES = ("match", "before", "after", "sentence", "next_sentence", "adjacent", "paragraph", "section", "document")
KEYS = {"terms", "patterns", "scope", "window", "ignorecase", "if_match", "word_boundary", "in_source"}


@record(slots=True)
class Condition:
    pattern: regex.Pattern[str]
    scope: str
    window: int
    if_match: regex.Pattern[str] | None = None
    in_source: bool = False
    starts: tuple[str, ...] | None = None  # every match starts with one of these (case-folded)
    timed: bool = True  # each search has a time-out (a user's pack; see existence._anchored)

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
        text = doc.text
        if self.in_source:
            # Search the source of the scope: link targets and URLs are not prose but are citations.
            slo, shi = doc.source_span(lo, hi) if hi > lo else (0, 0)
            if not self._may_hold(doc.source[slo:shi]):
                return False
            if not self.timed:
                return self.pattern.search(doc.source, slo, shi) is not None
            return self.pattern.search(doc.source, slo, shi, None, False, time_limit(shi - slo)) is not None
        # Slice so that ^ and $ anchor at the scope's edges.
        whole = (lo, hi) == (0, len(text))
        scope_text = text if whole else text[lo:hi]
        if not self._may_hold(scope_text, doc if whole else None):
            return False
        if not self.timed:
            return self.pattern.search(scope_text) is not None
        return self.pattern.search(scope_text, None, None, None, False, time_limit(len(scope_text))) is not None

    def _may_hold(self, scope: str, doc: "Document | None" = None) -> bool:
        """False when no match can start in ``scope``: none of :attr:`starts` is in it (case-folded).

        A character that matches an ASCII literal, in any case, case-folds to it. ``doc``: the
        document whose whole text ``scope`` is (its folded text is kept).
        """
        if self.starts is None:
            return True
        if doc is None:
            folded = fold(scope)
        else:
            folded = doc.derived.get("folded_text")
            if folded is None:
                folded = doc.derived["folded_text"] = fold(scope)
        return any(p in folded for p in self.starts)


def gathered(patterns: list[str]) -> list[str]:
    """``patterns`` with the top-level alternatives that start with ``\\b`` gathered behind one.

    A condition only asks whether its pattern occurs, so the order of alternatives does not
    matter, and ``regex`` then tests the boundary once at each place instead of once per
    alternative (a fifth less time for the citation conditions). Used for the built-in packs,
    whose patterns are plain (no verbose mode, where ``|`` may sit in a comment).
    """
    from ..analysis.lexicon import split_top

    bounded: list[str] = []
    rest: list[str] = []
    for p in patterns:
        for alt in split_top(p) if isinstance(p, str) else [p]:
            (bounded if isinstance(alt, str) and alt.startswith("\\b") and len(alt) > 2 else rest).append(alt)
    if len(bounded) < 2:
        return patterns
    return ["\\b(?:" + "|".join(alt[2:] for alt in bounded) + ")", *rest]


def parse_conditions(spec: Any, where: str, rid: str, field_name: str, ignorecase: bool,
                     timed: bool = True) -> list[Condition]:
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
        if not timed and not item.get("word_boundary", False) and isinstance(spec.get("patterns"), list):
            spec["patterns"] = gathered(spec["patterns"])  # a built-in pack's: see gathered
        pat = build_pattern(spec, where, rid, name,
                            ignorecase=bool(ic), word_boundary=bool(item.get("word_boundary", False)))
        assert pat is not None
        gate = None
        if "if_match" in item:
            gate = build_pattern(item["if_match"], where, rid, f"{name}.if_match", ignorecase=True,
                                 word_boundary=False)
        in_source = item.get("in_source", False)
        expect(isinstance(in_source, bool), where, rid, f"{name}.in_source", "true or false")
        starts = recache.memo("literal-starts", [pat.pattern], lambda p=pat.pattern: literal_starts(p))
        out.append(Condition(pat, scope, window, gate, in_source, None if starts is None else tuple(starts), timed))
    return out
