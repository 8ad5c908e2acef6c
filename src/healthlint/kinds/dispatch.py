"""At each anchor word, try only the patterns of a rule that can start with it.

An existence rule's terms and patterns are one alternation. At a place where the
word index found the word "a", ``regex`` still tries every alternative in turn,
and most fail only after a look-behind or a few characters. :class:`Dispatch`
keeps, for each word the index finds, the alternation of just the rule's items
whose first words (see :func:`.anchors.first_words`) admit that word, in their
order in the rule; an item whose first word cannot be there cannot match there,
so each place gives the match the whole alternation gives (tests compare with
``finditer``). The built-in packs' three largest rules take a third to a half
less time.

Matches are collected word by word, then put in text order, and a match that
starts inside the one before it is dropped, as ``finditer`` never overlaps them.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from .. import recache
from .anchors import DIGIT, START, first_words, word_index
from .base import build_pattern, term_to_pattern

if TYPE_CHECKING:
    from ..document import Document

_NONE = (None, False)


class Dispatch:
    """Per anchor word, the alternation of a rule's items that may start there."""

    def __init__(self, items: list[tuple[str, str]], anchors: list[tuple[str, bool]], full: Any,
                 ignorecase: bool, word_boundary: bool, where: str, rid: str) -> None:
        self.items = items  # ("terms" | "patterns", text), in the rule's order (terms first)
        self.anchors = anchors
        self.full = full
        self.options = (ignorecase, word_boundary, where, rid)
        self.item_anchors = [_item_anchors(kind, text) for kind, text in items]
        self._keys: dict[str, tuple[Any, bool]] = {}  # word -> (bound match or None, at every place?)
        self._patterns: dict[tuple[int, ...], Any] = {}
        self._known: frozenset[str] = frozenset()  # the words planned for

    @staticmethod
    def usable(items: list[tuple[str, str]], anchors: list[tuple[str, bool]] | None) -> bool:
        """Worth it (several items), possible (every item has first words) and simple (no ``^`` anchor)."""
        if anchors is None or len(items) < 2 or any(w == START for w, _ in anchors):
            return False
        return all(_item_anchors(kind, text) is not None for kind, text in items)

    def matches(self, doc: "Document", limit: float) -> list[Any]:
        """What ``finditer`` over the document's text gives, in order; TimeoutError after ``limit``
        seconds (looked at between words: the built-in patterns have no catastrophic case)."""
        index = word_index(doc, self.anchors)
        if not index.words <= self._known:  # every word the index may find, planned at once: the
            for key in index.words | {DIGIT}:  # patterns a run needs do not depend on the text,
                if key not in self._keys:  # so the pattern cache holds them all after one run
                    self._keys[key] = self._plan(key)
            self._known = index.words
        text = doc.text
        found: list[Any] = []
        deadline = time.monotonic() + limit
        for key, places in index.finds():
            if time.monotonic() > deadline:
                raise TimeoutError
            plan = self._keys.get(key)
            if plan is None:
                plan = self._keys[key] = self._plan(key)
            match, every = plan
            if match is None:
                continue
            for pos in places if every else index.whole_words(key):
                m = match(text, pos)
                if m is not None:
                    found.append(m)
        found.sort(key=_start)
        out: list[Any] = []
        end = 0
        for m in found:
            if m.start() >= end:
                out.append(m)
                end = max(m.end(), m.start() + 1)
        return out

    def _plan(self, key: str) -> tuple[Any, bool]:
        """The bound ``match`` of the items that may start at ``key``, and whether every place of
        ``key`` is tried (a prefix anchor) or only those where the word ends after it."""
        chosen: list[int] = []
        every = False
        for i, found in enumerate(self.item_anchors):
            fits = False
            for word, exact in found or ():
                if word == DIGIT:
                    hit = key == DIGIT or key[0].isdecimal()
                    every = every or hit
                elif exact:
                    hit = key == word
                else:
                    hit = key.startswith(word)
                    every = every or hit
                fits = fits or hit
            if fits:
                chosen.append(i)
        if not chosen:
            return _NONE
        return self._pattern(tuple(chosen)).match, every

    def _pattern(self, chosen: tuple[int, ...]) -> Any:
        found = self._patterns.get(chosen)
        if found is None:
            if len(chosen) == len(self.items):
                found = self.full
            else:
                spec: dict[str, list[str]] = {}
                for i in chosen:
                    kind, text = self.items[i]
                    spec.setdefault(kind, []).append(text)
                ignorecase, word_boundary, where, rid = self.options
                found = build_pattern(spec, where, rid, "terms/patterns", ignorecase=ignorecase,
                                      word_boundary=word_boundary, placewise=True)
            self._patterns[chosen] = found
        return found


def _start(m: Any) -> int:
    return m.start()  # type: ignore[no-any-return]


def _item_anchors(kind: str, text: str) -> list[tuple[str, bool]] | None:
    source = term_to_pattern(text) if kind == "terms" else text
    found = recache.memo("anchors", [source], lambda: first_words([source]))
    return [tuple(a) for a in found] if found is not None else None  # type: ignore[misc]
