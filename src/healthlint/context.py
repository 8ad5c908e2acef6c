"""Document-level analysis: per-sentence facts and the evidence each claim rests on.

Computed once per document, on first use (``doc.analysis``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .analysis import SentenceFacts, analyze_sentence

if TYPE_CHECKING:
    from .document import Document


class DocumentAnalysis:
    """Facts for every sentence of a document."""

    def __init__(self, doc: "Document") -> None:
        self.doc = doc
        text = doc.text
        self.facts: list[SentenceFacts] = [analyze_sentence(text[s.start : s.end], s.start) for s in doc.sentences]
