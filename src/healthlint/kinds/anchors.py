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
from itertools import accumulate, count, islice
from operator import add
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


_WORDS: set[str] = set()  # the anchor words of every compiled rule (see register)
_SCANNERS: dict[frozenset[str], Any] = {}


def register(anchors: list[tuple[str, bool]] | None) -> None:
    """Add a rule's anchor words to those every :class:`WordIndex` looks for."""
    for word, _ in anchors or ():
        if word not in (DIGIT, START):
            _WORDS.add(word)


def _scanner(words: frozenset[str]) -> Any:
    """One ``re`` pattern finding every anchor word (longest first) and every run of digits."""
    found = _SCANNERS.get(words)
    if found is None:
        import re

        buckets: dict[str, list[str]] = {}
        for w in words:
            buckets.setdefault(w[0], []).append(w[1:])
        alts = []
        for first in sorted(buckets):
            rests = sorted(buckets[first], key=lambda r: (-len(r), r))  # longest first; "" last
            alts.append(re.escape(first) + ("(?:" + "|".join(map(re.escape, rests)) + ")" if rests != [""] else ""))
        # After an ASCII letter, digit or "_" no word starts (in either engine): a find is the character
        # before it and the word. Starting with a character class, the pattern lets `re` skip to the
        # next such character at C speed, instead of trying a look-behind at every place (split()
        # then gives the finds without a match object each; see WordIndex).
        found = _SCANNERS[words] = re.compile(r"[^a-z0-9_](" + "|".join(alts + [r"\d+"]) + ")")
    return found


_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_PLANS: dict[tuple[tuple[str, bool], ...], tuple[tuple[str, ...], frozenset[str], bool, bool, dict[str, int]]] = {}
_ALL, _WHOLE = 2, 1  # a key's places a rule tries: all of them, or those where the word ends after the key


def _plan(anchors: list[tuple[str, bool]]) -> tuple[tuple[str, ...], frozenset[str], bool, bool, dict[str, int]]:
    """``anchors`` as (prefix words, exact words, digits?, start?, key -> mode cache), made once per rule."""
    key = tuple(anchors)
    found = _PLANS.get(key)
    if found is None:
        prefixes = tuple(w for w, exact in anchors if not exact and w not in (DIGIT, START))
        exact = frozenset(w for w, e in anchors if e and w not in (DIGIT, START))
        found = _PLANS[key] = (prefixes, exact, any(w == DIGIT for w, _ in anchors),
                               any(w == START for w, _ in anchors), {})
    return found


class WordIndex:
    """Where anchor words (case-folded) and digit runs occur in a text.

    One scan of the case-folded text finds, at each place, the longest anchor
    word that starts there (as a substring) or a run of digits (all kept under
    :data:`DIGIT`): a superset of the places where a rule's pattern can match,
    which ``pattern.match`` then decides. A place where a word starts is never
    inside an earlier find, because finds are made of ASCII letters and digits,
    which are word characters to both engines.
    """

    def __init__(self, text: str, words: frozenset[str] | None = None) -> None:
        words = frozenset(_WORDS) if words is None else words
        self.words = words
        self.text = text
        found: dict[str, array] = {}  # 8 bytes per place
        split = _scanner(words).split
        pos, n = 0, len(text)
        while pos < n:  # by pieces ending at a line break (never inside a word): casefold() of a
            end = text.find("\n", min(pos + 65536, n))  # whole text needs 12 bytes per character
            end = n if end < 0 else end + 1
            folded = text[pos:end].replace("\u0130", "i").casefold()
            if len(folded) == end - pos:  # every character folded to one: offsets carry over
                # [gap, find, gap, find, ..., gap], each find's separator dropped: the k-th find
                # (from 0) starts at the length of everything before it, plus the k separators,
                # less the line break put in front (as the character before the piece).
                pieces = split("\n" + folded)
                ends = accumulate(map(len, pieces))
                for w, at in zip(pieces[1::2], map(add, islice(ends, 0, None, 2), count(pos))):
                    places = found.get(w)
                    if places is None:
                        found[w] = array("q", (at,))
                    else:
                        places.append(at)
            else:  # rare (ß, ligatures): word by word
                for m in WORD.finditer(text, pos, end):
                    t = fold(m.group())
                    for w in [w for w in words if t.startswith(w)] + ([DIGIT] if t[0].isdecimal() else []):
                        found.setdefault(w, array("q")).append(m.start())
            pos = end
        numbers = [w for w in found if w[0].isdecimal() and w not in words]  # runs of digits: one key
        if numbers:
            digits = found.get(DIGIT) or array("q")
            for w in numbers:
                digits.extend(found.pop(w))
            found[DIGIT] = array("q", sorted(digits))
        self._found = found
        self._whole: dict[str, list[int]] = {}

    def starts(self, anchors: list[tuple[str, bool]]) -> list[int]:
        """Sorted offsets where a word matching one of ``anchors`` may start."""
        words = tuple(w for w, _ in anchors if w not in (DIGIT, START))
        digits = any(w == DIGIT for w, _ in anchors)
        out: list[int] = [0] if any(w == START for w, _ in anchors) else []
        for key, at in self._found.items():
            if key.startswith(words) or (digits and (key == DIGIT or key[0].isdecimal())):
                out.extend(at)
        return sorted(set(out))

    def candidates(self, anchors: list[tuple[str, bool]]) -> list[int]:
        """:meth:`starts`, less the places where an ``exact`` anchor word is followed by a word character.

        A match that starts with an exact anchor ``w`` has a non-word character (or the end)
        right after ``w``; at such a place the longest anchor word found is ``w`` itself, since a
        character that case-folds to an ASCII letter or digit is a word character.
        """
        prefixes, exact, digits, start, modes = _plan(anchors)
        out: list[int] = [0] if start else []
        for key, at in self._found.items():
            mode = modes.get(key)
            if mode is None:
                every = key.startswith(prefixes) or (digits and (key == DIGIT or key[0].isdecimal()))
                mode = modes[key] = _ALL if every else _WHOLE if key in exact else 0
            if mode == _ALL:
                out.extend(at)
            elif mode:
                out.extend(self._whole_words(key))
        return sorted(set(out))

    def _whole_words(self, key: str) -> list[int]:
        """The places of ``key`` where a non-word character (or the end) follows it."""
        found = self._whole.get(key)
        if found is None:
            text, size = self.text, len(key)
            found = self._whole[key] = [p for p in self._found[key] if _ends_word(text, p + size)]
        return found


def _ends_word(text: str, i: int) -> bool:
    """Is ``text[i]`` not a word character (as ``regex`` sees it), or past the end?"""
    c = text[i : i + 1]
    return c not in _ASCII_WORD and (c.isascii() or WORD.match(c) is None)


def word_index(doc: Any, anchors: list[tuple[str, bool]]) -> WordIndex:
    """A :class:`WordIndex` of ``doc.text`` that knows ``anchors``' words, built once per
    document for every registered rule (kept in ``doc.derived``)."""
    needed = {w for w, _ in anchors if w not in (DIGIT, START)}
    derived = getattr(doc, "derived", None)
    index = derived.get("word_index") if derived is not None else None
    if index is None or not needed <= index.words:
        index = WordIndex(doc.text, frozenset(_WORDS | needed | (index.words if index else set())))
        if derived is not None:
            derived["word_index"] = index
    return index
