"""Analyse many sentences at once: one regex scan per lexicon instead of one per sentence.

The lower-cased sentences are joined with NUL characters and each of
:data:`~.claims.CLAIM`, :data:`~.scan.FACTS` and :data:`~.study.SAMPLE_RE` scans
the joined text once; its matches are given back to their sentences. This finds
exactly the matches of one scan per sentence because none of these patterns can
match a NUL (no ``.``, no negated class or category, no ``^``/``$``, no NUL
literal; tests check): no match crosses a separator, and every look-around or
``\\b`` at a separator sees what it sees at the start or end of a string.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .claims import CLAIM, classify_claim
from .facts import NO_FACTS, QUESTION_ONLY, SentenceFacts
from .lexicon import Lexicon
from .scan import FACTS, scan
from .study import SAMPLE_RE, find_citations, find_sample_size, names_allowed

SEP = "\x00"
NONE: tuple[()] = ()
Hits = Sequence[tuple[str, int, int]]


def sentence_facts(text: str, offset: int, low: str, claim: Hits | None = None, facts: Hits | None = None,
                   nums: Sequence[str] | None = None) -> SentenceFacts:
    """Facts of one sentence; ``claim``/``facts``/``nums``: its matches when known (else scanned)."""
    label, cue, negated, question = classify_claim(text, offset, low, claim)
    hedges, boosters, designs, species, populations, gate = scan(text, low, offset, facts)
    sample = find_sample_size(text, low, nums)
    citations = tuple(find_citations(text, offset, names_allowed(text, gate)))
    if cue is None and sample is None and not (hedges or boosters or designs or species or populations or citations):
        return QUESTION_ONLY if question else NO_FACTS
    return SentenceFacts(label, cue, negated, question, hedges, boosters, designs, species, populations,
                         sample, citations, bool(hedges))


def _bucket(lexicon: Lexicon, joined: str, starts: list[int], n: int,
            kinds: dict[str, str] | None) -> list[list[tuple[str, int, int]] | tuple[()]]:
    """Matches of ``lexicon`` in ``joined`` per sentence as ``(kind, start, end)``, sentence-relative."""
    out: list[list[tuple[str, int, int]] | tuple[()]] = [NONE] * n
    for m in lexicon.regex.finditer(joined):
        s, e = m.span()
        i = bisect_right(starts, s) - 1
        base = starts[i]
        hits = out[i]
        if not hits:
            hits = out[i] = []
        name = m.lastgroup
        hits.append((kinds[name] if kinds is not None else name, s - base, e - base))  # type: ignore[index, arg-type]
    return out


def _sample_nums(joined: str, starts: list[int], n: int) -> list[list[str] | tuple[()]]:
    """The ``num`` group of every :data:`~.study.SAMPLE_RE` match in ``joined``, per sentence."""
    out: list[list[str] | tuple[()]] = [NONE] * n
    for m in SAMPLE_RE.finditer(joined):
        i = bisect_right(starts, m.start()) - 1
        nums = out[i]
        if not nums:
            nums = out[i] = []
        nums.append(m.group("num"))
    return out


def analyze_batch(texts: Sequence[str], offsets: Sequence[int], lows: Sequence[str]) -> list[SentenceFacts]:
    """:func:`sentence_facts` of every sentence; ``lows[i]``: lower case of ``texts[i]``, same length."""
    n = len(texts)
    starts: list[int] = []
    pos = 0
    for low in lows:
        starts.append(pos)
        pos += len(low) + 1
    joined = SEP.join(lows)
    claims = _bucket(CLAIM, joined, starts, n, CLAIM.kinds)
    facts = _bucket(FACTS, joined, starts, n, None)
    nums = _sample_nums(joined, starts, n)
    return [sentence_facts(texts[i], offsets[i], lows[i], claims[i], facts[i], nums[i]) for i in range(n)]
