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

import time
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .. import recache
from ..document import BLOCK_KINDS
from .anchors import first_words, register, word_index
from .base import Hit, build_pattern, expect, term_to_pattern, time_limit
from .conditions import parse_conditions
from .dispatch import Dispatch

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

KEYS = frozenset({"terms", "patterns", "ignorecase", "word_boundary", "unless", "when", "only_in",
                  "skip_quoted", "body_only", "per_sentence", "max_offset"})


def compile(rule: "Rule", where: str) -> Callable[["Document", dict[str, Any]], Iterator[Hit]]:
    s = rule.settings
    rid = rule.id
    ignorecase = s.get("ignorecase", True)
    for flag in ("ignorecase", "word_boundary", "skip_quoted", "body_only", "per_sentence"):
        expect(isinstance(s.get(flag, True), bool), where, rid, flag, "true or false")
    expect("terms" in s or "patterns" in s, where, rid, "terms", "'terms' or 'patterns' for an existence rule")
    pattern = build_pattern({k: s[k] for k in ("terms", "patterns") if k in s}, where, rid, "terms/patterns",
                            ignorecase=ignorecase, word_boundary=s.get("word_boundary", True), placewise=True)
    assert pattern is not None
    anchors = _anchors(s)
    register(anchors)
    timed = not rule.builtin  # a pack of the user's: each match attempt has its own time-out
    unless = parse_conditions(s.get("unless"), where, rid, "unless", ignorecase, timed)
    when = parse_conditions(s.get("when"), where, rid, "when", ignorecase, timed)
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

    items = [("terms", t) for t in s.get("terms") or []] + [("patterns", p) for p in s.get("patterns") or []]
    # the built-in packs' rules try at each anchor word only the items that can start there;
    # a user's pack keeps one alternation (each try has its own time-out: see _anchored)
    dispatch = (Dispatch(items, anchors, pattern, ignorecase, s.get("word_boundary", True), where, rid)
                if not timed and Dispatch.usable(items, anchors) else None)
    whole_doc = [c for c in unless + when if c.scope == "document"]
    slot = {id(c): i for i, c in enumerate(whole_doc)}  # a document-scope condition's index

    def check(doc: "Document", options: dict[str, Any]) -> Iterator[Hit]:
        seen: set[int] = set()
        limit = time_limit(len(doc.text))
        matches = (dispatch.matches(doc, limit) if dispatch is not None
                   else _anchored(pattern, doc, anchors, limit, timed) if anchors is not None
                   else pattern.finditer(doc.text, timeout=limit))
        part = doc.part if whole_doc else None
        found: dict[int, bool] = {}  # a document-scope condition's pattern in this part
        chains: dict[int, list[tuple[Any, ...]]] = {}  # sentence -> its matches waiting for other parts
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
            if skip_quoted and doc.is_quoted(sent):
                continue
            start, end = m.span()
            if part is not None:
                wait = _undecided(doc, sent, start, end, unless, when, found, memo)
                if wait is None:
                    continue
            elif any(c.holds(doc, sent, start, end, memo) for c in unless) or \
                    not all(c.holds(doc, sent, start, end, memo) for c in when):
                continue
            hit = Hit(start, end, {"match": " ".join(m.group(0).split())})
            if part is not None and (wait != ((), ()) or sent.index in chains):
                chains.setdefault(sent.index, []).append((*doc.source_span(start, end), hit.vars, *wait))
                if wait != ((), ()) or not per_sentence:
                    continue  # the next match of the sentence may be the one reported
                hit = None
            seen.add(sent.index)
            if hit is not None:
                yield hit
        if part is not None:
            part.save(([found[i] if i in found else c.in_text(doc) for i, c in enumerate(whole_doc)],
                       [chain for i, chain in chains.items() if part.owns(doc.sentences[i].start)]))

    def finish(doc: "Document", states: list[Any], options: dict[str, Any]) -> Iterator[Hit]:
        """A file read in parts: each match that waited for a document-scope condition is decided
        now that every part has said whether the condition's pattern occurs in it."""
        if any(s is None for s in states):
            return
        anywhere = [any(s[0][i] for s in states) for i in range(len(whole_doc))]
        for _, chains in states:
            for chain in chains:
                for lo, hi, values, no, yes in chain:  # the sentence's first match that passes is reported
                    if not any(anywhere[i] for i in no) and all(anywhere[i] for i in yes):
                        yield Hit(lo, hi, values, in_source=True)
                        if per_sentence:
                            break

    def _undecided(doc: "Document", sent: Any, start: int, end: int, unless: list[Any], when: list[Any],
                   found: dict[int, bool], memo: dict[tuple[int, int, int], bool]
                   ) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """None when this part alone rules the match out; else the document-scope conditions
        (indexes into ``whole_doc``) that other parts must decide: (unless ones, when ones)."""

        def here(i: int) -> bool:  # condition ``i``'s pattern somewhere in this part
            if i not in found:
                found[i] = whole_doc[i].in_text(doc)
            return found[i]

        no: list[int] = []
        yes: list[int] = []
        for c in unless:
            if c.scope != "document":
                if c.holds(doc, sent, start, end, memo):
                    return None
            elif c.applies(doc, start, end):
                if here(slot[id(c)]):
                    return None
                no.append(slot[id(c)])
        for c in when:
            if c.scope != "document":
                if not c.holds(doc, sent, start, end, memo):
                    return None
            elif not c.applies(doc, start, end):
                return None
            elif not here(slot[id(c)]):
                yes.append(slot[id(c)])
        return tuple(no), tuple(yes)

    if whole_doc:
        check.finish = finish  # type: ignore[attr-defined]
    return check


def _anchors(settings: dict[str, Any]) -> list[tuple[str, bool]] | None:
    """First-word anchors of the rule's terms and patterns (None: scan the whole text)."""
    parts = [term_to_pattern(t) for t in settings.get("terms") or []]
    if settings.get("patterns"):
        if not settings.get("word_boundary", True):
            return None  # a match may start inside a word
        parts += list(settings["patterns"])
    found = recache.memo("anchors", parts, lambda: first_words(parts))
    return [tuple(a) for a in found] if found is not None else None  # type: ignore[misc]


def _anchored(pattern: Any, doc: "Document", anchors: list[tuple[str, bool]], limit: float,
              timed: bool = True) -> Iterator[Any]:
    """What ``pattern.finditer(doc.text)`` yields, trying only where an anchor word may start a match.

    The time limit is checked before each try; ``timed`` also gives each try the time left, so
    that one catastrophic match stops too. That costs a clock reading inside ``regex`` on every
    call (about 2 µs, more than most tries), so the built-in packs, whose patterns the tests run
    on adversarial text, go without it.
    """
    text = doc.text
    deadline = time.monotonic() + limit
    end = 0
    match = pattern.match
    for pos in word_index(doc, anchors).candidates(anchors):
        if pos < end:
            continue  # inside the previous match: finditer does not overlap
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        # (string, pos, endpos, concurrent, partial, timeout): positional costs less than keywords
        m = match(text, pos, None, None, False, left) if timed else match(text, pos)
        if m is not None:
            end = max(m.end(), pos + 1)
            yield m
