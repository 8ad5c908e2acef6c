"""Fast, model-free per-sentence analysis of health / science prose.

>>> facts = analyze_sentence("Coffee may reduce the risk of gout.")
>>> facts.claim, facts.hedge
('conditional', True)

``analyze_sentence(text, offset=0)`` returns :class:`SentenceFacts`; every
:class:`Cue` span is ``offset`` + the index in ``text``. All patterns run on a
lower-cased copy of the sentence of the same length (compiled once at import,
case-sensitive, which is several times faster than ``re.IGNORECASE``).
:func:`analyze_sentences` gives the same facts for many sentences, faster.
"""

from __future__ import annotations

from collections.abc import Sequence

from .batch import analyze_batch, sentence_facts
from .facts import CLAIM_LEVELS, Cue, SentenceFacts

__all__ = ["CLAIM_LEVELS", "Cue", "SentenceFacts", "analyze_sentence", "analyze_sentences", "lower_same_length"]


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping characters whose lower case has another length."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def analyze_sentence(text: str, offset: int = 0) -> SentenceFacts:
    """Compute :class:`SentenceFacts` for one sentence; spans are ``offset`` + index."""
    return sentence_facts(text, offset, lower_same_length(text))


def analyze_sentences(texts: Sequence[str], offsets: Sequence[int],
                      lows: Sequence[str] | None = None) -> list[SentenceFacts]:
    """``[analyze_sentence(t, o) for t, o in zip(texts, offsets)]``, in one scan per lexicon.

    ``lows``: :func:`lower_same_length` of each text, when the caller already has them.
    """
    if lows is None:
        lows = [lower_same_length(t) for t in texts]
    return analyze_batch(texts, offsets, lows)
