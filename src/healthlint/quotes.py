"""Which sentences are quoted material (evidence) rather than the writer's own claims.

A sentence is quoted when its block is a blockquote, when it sits inside
quotation marks, or when its paragraph is a passage the writer introduces as
someone else's words: the previous paragraph ends with a colon after a cue
such as "a study found", "researchers wrote", "the results:". Extracted web
articles often lose the blockquote markup but keep that shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .document import Document

_OPEN = "\"“«„"
_CLOSE = "\"”»“"
_INTRO = regex.compile(
    r"(?:stud(?:y|ies)|research(?:ers)?|scientists|authors|trial|paper|review|experiments?|results?|"
    r"findings|found|showed|shown|reported|wrote|writes|say|says|said|concluded|according|"
    r"abstract|conclusions?|look(?:ed|s)?\s+at|here(?:'|’)s|key\s+piece|put|effects?|there|that)"
    r"[^.!?]{0,80}:\s*$",
    regex.IGNORECASE,
)


def quoted_flags(doc: "Document") -> list[bool]:
    """One flag per sentence of ``doc``."""
    text = doc.text
    flags = [False] * len(doc.sentences)
    introduced = _introduced_blocks(doc)
    for s in doc.sentences:
        b = doc.blocks[s.block]
        if b.quoted or s.block in introduced:
            flags[s.index] = True
            continue
        t = text[s.start : s.end]
        if len(t) > 2 and t[0] in _OPEN and (t[-1] in _CLOSE or t[-2] in _CLOSE):
            flags[s.index] = True
    return flags


def _introduced_blocks(doc: "Document") -> set[int]:
    """Paragraphs that follow a paragraph ending in an introducing colon."""
    out: set[int] = set()
    blocks = doc.blocks
    for i in range(1, len(blocks)):
        prev, cur = blocks[i - 1], blocks[i]
        if cur.kind != "paragraph" or prev.kind not in ("paragraph", "list_item"):
            continue
        tail = doc.text[max(prev.start, prev.end - 120) : prev.end]
        if tail.rstrip().endswith(":") and _INTRO.search(tail):
            out.add(i)
    return out
