"""Where a word-bounded pattern can start, so a rule tries its pattern only there.

Scanning a long document with a big case-insensitive alternation costs the
``regex`` engine a try at every character. Most rule patterns, though, start with
a literal word: "cure", "stud(y|ies)", "(buy|order) ...". :func:`first_words`
reads a pattern's syntax tree and returns the word prefixes one of which every
match starts with; :class:`WordIndex` lists, once per document, where each word
starts. A rule then calls ``pattern.match`` at those positions only, in text
order and without overlaps, which finds exactly what ``finditer`` finds:

- a match can only start at a word start, because every alternative is wrapped
  in ``(?<!\\w)`` and begins with a word character, and the index uses the same
  ``\\w`` as the patterns;
- the index compares case-folded words (``İ`` folded as ``i``, as ``regex``'s
  case-insensitive matching does), a superset of what the pattern accepts;
- ``match`` sees the text before its position, so look-behinds behave as in a scan.

A pattern this cannot analyse (``re``'s parser rejects its syntax, it may start
with punctuation or match empty) gets ``None`` and is scanned as before.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import Any

import regex

try:  # the stdlib regex parser: only its syntax tree is used, never its engine
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

WORD = regex.compile(r"\w+")
DIGIT = "\x00digit"  # the prefix meaning "a word that starts with a decimal digit"
START = "\x00start"  # the anchor meaning "only at the start of the text"
_REPEATS = tuple(op for op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)) if op)
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)


def fold(word: str) -> str:
    """Case-fold as ``regex``'s IGNORECASE compares: ``İ`` matches ``i``."""
    return word.replace("\u0130", "i").casefold()


class _Unknown(Exception):
    """The pattern has a start this analysis does not handle."""


def _char(op: Any, av: Any) -> str | None:
    """The one (case-folded) character an item matches, if it is a literal or a case-variant class."""
    if op is _C.LITERAL:
        return fold(chr(av))
    if op is _C.IN:
        chars = {fold(chr(a)) for o, a in av if o is _C.LITERAL}
        if len(chars) == 1 and all(o is _C.LITERAL for o, _ in av):
            return chars.pop()
    return None


def _is_digit_class(op: Any, av: Any) -> bool:
    if op is _C.IN:
        return len(av) == 1 and av[0] == (_C.CATEGORY, _C.CATEGORY_DIGIT)
    return False


def _nonword_item(op: Any, av: Any) -> bool:
    """True when the item surely starts with a non-word character (or is ``\\b`` after a word)."""
    if op is _C.LITERAL:
        return WORD.match(chr(av)) is None
    if op is _C.IN:
        return all((o is _C.LITERAL and WORD.match(chr(a)) is None) or (o is _C.CATEGORY and a is _C.CATEGORY_SPACE)
                   for o, a in av)
    if op is _C.AT:
        return av is _C.AT_BOUNDARY
    if op in _REPEATS:
        lo, _, body = av
        return lo >= 1 and bool(body) and _nonword_item(*list(body)[0])
    return False


def _word_ends(items: list[tuple[Any, Any]], j: int, follow: bool) -> bool:
    """Does a word surely end before ``items[j:]`` (``follow``: it ends after ``items``)?"""
    if j < len(items):
        return _nonword_item(*items[j])
    return follow


def _first(items: list[tuple[Any, Any]], follow: bool = False) -> tuple[set[tuple[str, bool]], bool]:
    """(prefixes, nullable): ``(prefix, exact)`` for every non-empty match of ``items``; may it match empty?

    ``exact`` means the prefix is a whole word; ``follow`` says a word surely ends after ``items``.
    """
    out: set[tuple[str, bool]] = set()
    i = 0
    while i < len(items):
        op, av = items[i]
        if op in _ZERO_WIDTH:
            i += 1
            continue
        c = _char(op, av)
        if c is not None:
            run = [c]
            j = i + 1
            while j < len(items) and (c := _char(*items[j])) is not None:
                run.append(c)
                j += 1
            out.add(("".join(run), _word_ends(items, j, follow)))
            return out, False
        if _is_digit_class(op, av):
            out.add((DIGIT, False))
            return out, False
        after = _word_ends(items, i + 1, follow)
        if op is _C.SUBPATTERN:
            sub, nullable = _first(list(av[-1]), after)
        elif op is _C.BRANCH:
            sub, nullable = set(), False
            for alt in av[1]:
                s, n = _first(list(alt), after)
                sub |= s
                nullable = nullable or n
        elif op in _REPEATS:
            lo, _, body = av
            sub, nullable = _first(list(body), False)
            nullable = nullable or lo == 0
        else:
            raise _Unknown(str(op))
        out |= sub
        if not nullable:
            return out, False
        i += 1
    return out, True


def _at_text_start(items: list[tuple[Any, Any]], flags: int) -> bool:
    """Does the pattern begin with ``^`` (not multi-line) or ``\\A``, so it can only match at offset 0?"""
    for op, av in items:
        if op is _C.AT:
            return av is _C.AT_BEGINNING_STRING or (av is _C.AT_BEGINNING and not flags & _C.SRE_FLAG_MULTILINE)
        if op is _C.SUBPATTERN and av[1] == 0 and av[2] == 0:
            return _at_text_start(list(av[-1]), flags)
        if op not in (_C.ASSERT, _C.ASSERT_NOT):
            return False
    return False


def first_words(patterns: list[str], flags: int = 0) -> list[tuple[str, bool]] | None:
    """``(word, exact)`` pairs: every match of every pattern starts with a word that equals
    (``exact``) or starts with ``word`` (case-folded); None when that cannot be established."""
    anchors: set[tuple[str, bool]] = set()
    for p in patterns:
        try:
            tree = _P.parse(p, flags)
            if _at_text_start(list(tree), tree.state.flags):
                anchors.add((START, True))
                continue
            prefixes, nullable = _first(list(tree), True)  # the (?!\w) wrapper follows
        except (_Unknown, Exception):  # noqa: BLE001 - syntax re does not know, or an unhandled start
            return None
        if nullable or not prefixes:
            return None
        for prefix, exact in prefixes:
            if prefix == DIGIT:
                anchors.add((DIGIT, False))
                continue
            if not prefix.isascii():
                return None
            m = WORD.match(prefix)
            if m is None:
                return None  # starts with punctuation: not at a word start
            anchors.add((m.group(), exact or m.end() < len(prefix)))
    return sorted(anchors)


class WordIndex:
    """Start offsets of every word of a text, by case-folded word."""

    def __init__(self, text: str) -> None:
        words: dict[str, array] = {}  # 8 bytes per word of text
        pos, n = 0, len(text)
        while pos < n:  # by pieces ending at a line break (never inside a word): casefold() of a
            end = text.find("\n", min(pos + 65536, n))  # whole text needs 12 bytes per character
            end = n if end < 0 else end + 1
            folded = text[pos:end].replace("\u0130", "i").casefold()
            same = len(folded) == end - pos  # every character folds to one: slice the folded text
            for m in WORD.finditer(text, pos, end):
                s, e = m.span()
                w = folded[s - pos : e - pos] if same else fold(m.group())
                starts = words.get(w)
                if starts is None:
                    words[w] = array("q", (s,))
                else:
                    starts.append(s)
            pos = end
        self._words = words
        self._vocab = sorted(words)

    def starts(self, anchors: list[tuple[str, bool]]) -> list[int]:
        """Sorted start offsets of the words that match any anchor."""
        keys: set[str] = set()
        vocab = self._vocab
        out: list[int] = []
        for word, exact in anchors:
            if word == START:
                out.append(0)
            elif word == DIGIT:
                keys.update(w for w in vocab if w[0].isdecimal())
            elif exact:
                if word in self._words:
                    keys.add(word)
            else:
                i = bisect_left(vocab, word)
                while i < len(vocab) and vocab[i].startswith(word):
                    keys.add(vocab[i])
                    i += 1
        for k in keys:
            out.extend(self._words[k])
        out = sorted(set(out))
        return out


def word_index(doc: Any) -> WordIndex:
    """The :class:`WordIndex` of ``doc.text``, built once per document (kept in ``doc.derived``)."""
    derived = getattr(doc, "derived", None)
    if derived is None:
        return WordIndex(doc.text)
    index = derived.get("word_index")
    if index is None:
        index = derived["word_index"] = WordIndex(doc.text)
    return index
