"""Sentence splitting inside blocks: one regex for candidate stops, cheap checks.

A candidate is a run of ``.!?…`` (plus closing quotes/brackets) followed by
whitespace. It is not a boundary after known abbreviations (``e.g.``, ``Dr.``,
``et al.``, ``vs.``, ``Fig.``...), number abbreviations before a digit
(``No. 5``, ``p. 12``), initials (``J. Smith``, but ``vitamin D. It`` splits),
a bare list number (``1. Wash``), or when the next word is all lowercase.
Decimals (``2.5``, ``p < .05``) never match: a stop must be followed by
whitespace. Sentences never cross a block and are trimmed of whitespace.
"""

from __future__ import annotations

import regex

from .document import Block, Sentence

# A candidate starts only at the start of a run of stops: without the look-behind a
# long run ("......") is rescanned from every position (quadratic time). Group 1 is
# the whitespace after it (no candidate can start inside whitespace).
_CAND = regex.compile(r"(?<![.!?…‽])[.!?…‽]++[\"'”’»)\]]*+(\s++)")
_NEXT_WORD = regex.compile(r"\S+")
_LEAD_PUNCT = "([{\"'“‘«*_"
_DOTTED = regex.compile(r"(?:\w\.)+\w")
_LIST_NUMBER = regex.compile(r"\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]?")

# Never a sentence end, whatever follows (lowercased, without the final dot).
ABBREVIATIONS = frozenset(
    """
    e.g i.e cf viz vs v al approx ca incl excl esp resp dept
    dr mr mrs ms mx prof rev hon sgt capt st mt
    fig figs eq eqs ref refs vol vols suppl eds
    u.s u.k u.n
    """.split()
)
# Not a sentence end before a digit: "No. 5", "p. 12", "pp. 3-9".
NUMBER_ABBREVIATIONS = frozenset("no nos p pp art para n ch chap sec sect tab jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Capitalised titles before a name: "Gov. Newsom", "Sen. Warren", "Brig. Gen. Hale".
TITLES = frozenset("gov sen rep gen lt col maj brig adm cmdr supt atty".split())
# Words that start a new sentence after a dotted abbreviation ("... in the U.S. The ...");
# other capitalised words go on a dotted name ("J.B. Pritzker", "L.A. County").
STARTERS = frozenset("""the a an he she it they we i you this that these those there in on at for but and so as if when while
his her its their our my your many some most one after before during however also""".split())
# A single capital after these is a name, not an initial: "vitamin D. It".
LETTER_NAMES = frozenset(
    """
    vitamin vitamins hepatitis type types group groups stage grade class phase part
    plan appendix schedule section option strain factor zone level tier list
    category omega
    """.split()
)


def split_sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    """Split each block of ``text`` into trimmed sentences; ``index`` is the position in the result."""
    out: list[Sentence] = []
    append = out.append
    finditer = _CAND.finditer
    for bi, b in enumerate(blocks):
        lo, hi = b.start, b.end
        start = lo
        for m in finditer(text, lo, hi):
            stop, after = m.span(1)
            if after >= hi:
                break  # only whitespace follows: the block's last sentence
            if not _is_boundary(text, start, m.start(), text[m.start() : stop], after, hi):
                continue
            if b.kind == "heading" and text.count(" ", start, stop) < 2:
                continue  # a heading splits only when it plainly holds several sentences
            if text[start].isspace():
                while start < stop and text[start].isspace():
                    start += 1
            if start < stop:  # ``stop`` follows a stop character: no trailing space
                append(Sentence(start, stop, bi, len(out)))
            start = after
        e = hi
        while start < e and text[start].isspace():
            start += 1
        while e > start and text[e - 1].isspace():
            e -= 1
        if e > start:
            append(Sentence(start, e, bi, len(out)))
    return out


def _is_boundary(text: str, start: int, stop: int, term: str, nxt: int, hi: int) -> bool:
    """Decide whether the stop ``term`` at ``stop`` ends the sentence begun at ``start``."""
    c = text[nxt]
    if c.islower():
        word = _NEXT_WORD.match(text, nxt, hi).group()  # type: ignore[union-attr]
        if not any(ch.isupper() for ch in word):
            return False  # "e.g. vitamin", "et al. found", "approx. three", "... then"
    if term[0] != "." or term.startswith(".."):
        return True
    ws = max(text.rfind(" ", start, stop), text.rfind("\n", start, stop), text.rfind("\t", start, stop))
    word = text[(ws + 1 if ws >= 0 else start) : stop].lstrip(_LEAD_PUNCT)
    low = word.lower()
    if "." in word and word.replace(".", "").isupper() and len(word) <= 6 and _DOTTED.fullmatch(word):
        # "U.S." "J.B." "L.A.": a boundary only before a word that starts sentences ("... the U.S. The UK ...")
        nxt_word = _NEXT_WORD.match(text, nxt, hi).group().strip("\"'“‘(,").lower()  # type: ignore[union-attr]
        return c.isupper() and nxt_word in STARTERS
    if low in ABBREVIATIONS or low in TITLES and word[:1].isupper():
        return False
    if c.isdigit() and low in NUMBER_ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return _previous_word(text, start, ws).lower() in LETTER_NAMES
    if "." in word and _DOTTED.fullmatch(word):
        return c.isupper() and low not in ABBREVIATIONS
    if ws < 0 and _LIST_NUMBER.fullmatch(text, start, stop):
        return False  # "1. Wash your hands", "a) ..."
    return True


def _previous_word(text: str, start: int, ws: int) -> str:
    if ws <= start:
        return ""
    j = ws
    while j > start and text[j - 1].isspace():
        j -= 1
    k = j
    while k > start and not text[k - 1].isspace():
        k -= 1
    return text[k:j].strip(",;:()[]\"'")
