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

import re

import regex

if TYPE_CHECKING:
    from ..read.document import Document

_OPEN = "\"“„«"
_CLOSE = "\"”»"
# British style: 'Signing does not manage risk,' he said. An opening single quote starts a sentence
# before a capital or a digit; a closing one follows punctuation and precedes a space or the end.
_SINGLE_OPEN = re.compile("['‘][A-Z0-9]")
_SINGLE_CLOSE = re.compile("[.,?!…-]['’](?=\\s|$)")
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
    blocks = doc.blocks
    single_block = -1
    for s in doc.sentences:
        b = blocks[s.block]
        if b.quoted or s.block in introduced:
            flags[s.index] = True
            continue
        if single_block == s.block or _SINGLE_OPEN.match(text, s.start):
            flags[s.index] = True
            single_block = -1 if _SINGLE_CLOSE.search(text, s.start + 1, s.end) else s.block
            continue
        inside = open_quote_block == s.block
        t = text[s.start : s.end]
        opens = t[:1] in _OPEN
        if inside or opens:
            flags[s.index] = True
        open_quote_block = s.block if _still_open(t, inside) else -1
        if not flags[s.index] and (opens or t.lstrip()[:1] in _OPEN) and _ATTRIBUTION.search(t):
            flags[s.index] = True
    return flags


def _still_open(t: str, inside: bool) -> bool:
    """Is a quotation open at the end of ``t`` (``inside``: open at its start)?

    An opening mark opens, a closing mark closes and ``"`` toggles: only the last
    opening or closing mark and the ``"`` after it matter.
    """
    last = max(t.rfind("“"), t.rfind("„"), t.rfind("«"), t.rfind("”"), t.rfind("»"))
    balance = t[last] in "“„«" if last >= 0 else inside
    return balance != (t.count('"', last + 1) % 2 == 1)


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


def in_embedded_quote(text: str, at: int) -> bool:
    """Position ``at`` of sentence ``text`` lies inside quotation marks that open after the sentence starts: words the
    writer quotes ('a petition urging "steps to mitigate the effects of the virus"'), not the writer's own."""
    if text.lstrip()[:1] in _OPEN or _SINGLE_OPEN.match(text.lstrip()):
        return False  # the whole sentence is a quotation (a testimonial, a quoted expert): judged as such
    before = text[:at]
    curly = before.count("“") - before.count("”")
    return curly > 0 or before.count('"') % 2 == 1
