"""Fast, model-free per-sentence analysis of health / science prose.

>>> facts = analyze_sentence("Coffee may reduce the risk of gout.")
>>> facts.claim, facts.hedge
('conditional', True)

``analyze_sentence(text, offset=0)`` returns :class:`SentenceFacts`; every
:class:`Cue` span is ``offset`` + the index in ``text``. All patterns run on a
lower-cased copy of the sentence of the same length (compiled once at import,
case-sensitive, which is several times faster than ``re.IGNORECASE``).
"""

from __future__ import annotations

from .claims import classify_claim
from .facts import CLAIM_LEVELS, Cue, SentenceFacts
from .scan import scan as _scan
from .study import find_citations, find_sample_size, names_possible

__all__ = ["CLAIM_LEVELS", "Cue", "SentenceFacts", "analyze_sentence", "lower_same_length"]


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping characters whose lower case has another length."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def analyze_sentence(text: str, offset: int = 0) -> SentenceFacts:
    """Compute :class:`SentenceFacts` for one sentence; spans are ``offset`` + index."""
    low = lower_same_length(text)
    claim, cue, negated, question = classify_claim(text, offset, low)
    hedges, boosters, designs, species, populations, gate = _scan(text, low, offset)
    return SentenceFacts(
        claim=claim,
        claim_cue=cue,
        negated=negated,
        question=question,
        hedges=hedges,
        boosters=boosters,
        designs=designs,
        species=species,
        populations=populations,
        sample_size=find_sample_size(text, low),
        citations=find_citations(text, offset, low, names_possible(text, low, gate)),
        hedge=bool(hedges),
    )
