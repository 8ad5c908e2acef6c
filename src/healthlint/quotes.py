"""Which sentences are quoted material (evidence) rather than the writer's own claims.

A sentence is quoted when its block is a blockquote; when it lies inside
quotation marks (a quotation may run over several sentences of a paragraph,
and may end with its attribution: ``"...," said Dr Lee.``); or when its
block is a passage the writer introduces as someone else's words: the
previous paragraph ends with a colon after a cue such as "a study found",
"researchers found that:", "the results:". Extracted web articles often lose
the blockquote markup but keep that shape; a list that follows such an
introduction is reported material too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .document import Document

_OPEN = "\"“„«"
_CLOSE = "\"”»"
_INTRO = regex.compile(
    r"(?:stud(?:y|ies)|research(?:ers)?|scientists|authors|trial|paper|review|experiments?|results?|"
    r"findings|found|showed|shown|reported|wrote|writes|say|says|said|concluded|according|"
    r"abstract|conclusions?|look(?:ed|s)?\s+at|here(?:'|’)s|key\s+piece|put|effects?|there|that)"
    r"[^.!?]{0,80}:\s*$",
    regex.IGNORECASE,
)
_ATTRIBUTION = regex.compile(
    r"[”\"]\s*,?\s*(?:(?:he|she|they|\w+(?:\s+\w+){0,3})\s+)?(?:said|says|explained|added|noted|wrote|told|"
    r"according\s+to)\b", regex.IGNORECASE)


def quoted_flags(doc: "Document") -> list[bool]:
    """One flag per sentence of ``doc``."""
    text = doc.text
    flags = [False] * len(doc.sentences)
    introduced = _introduced_blocks(doc)
    open_quote_block = -1
    for s in doc.sentences:
        b = doc.blocks[s.block]
        t = text[s.start : s.end]
        if b.quoted or s.block in introduced:
            flags[s.index] = True
            continue
        inside = open_quote_block == s.block
        opens = t[:1] in _OPEN
        if inside or opens:
            flags[s.index] = True
        # track whether a quotation is still open at the end of this sentence
        balance = inside
        for ch in t:
            if ch in "“„«":
                balance = True
            elif ch in "”»":
                balance = False
            elif ch == '"':
                balance = not balance
        open_quote_block = s.block if balance else -1
        if not flags[s.index] and _ATTRIBUTION.search(t) and (opens or t.count('"') + t.count("”") >= 1
                                                               and t.lstrip()[:1] in _OPEN):
            flags[s.index] = True
    return flags


def _introduced_blocks(doc: "Document") -> set[int]:
    """Blocks that follow a paragraph ending in an introducing colon (and lists after it)."""
    out: set[int] = set()
    blocks = doc.blocks
    i = 1
    while i < len(blocks):
        prev, cur = blocks[i - 1], blocks[i]
        tail = doc.text[max(prev.start, prev.end - 120) : prev.end]
        if prev.kind == "paragraph" and tail.rstrip().endswith(":") and _INTRO.search(tail):
            if cur.kind == "paragraph":
                out.add(i)
            elif cur.kind == "list_item":
                while i < len(blocks) and blocks[i].kind == "list_item":
                    out.add(i)
                    i += 1
                continue
        i += 1
    return out
