"""The analysis the linter hands to every rule, each part computed the first time a rule asks.

- :attr:`DocumentAnalysis.quoted`: which sentences are quoted material (pattern rules with
  ``skip_quoted`` need only this);
- :attr:`DocumentAnalysis.article`: the whole :class:`~healthlint.analyse.article.ArticleAnalysis`
  (sentence facts, positions, roles, claim frames and the article's evidence), for the checks.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .quotes import quoted_flags

if TYPE_CHECKING:
    from ..read.document import Document, Sentence
    from . import SentenceFacts
    from .article import ArticleAnalysis


class DocumentAnalysis:
    """One document's analysis, computed on first use."""

    def __init__(self, doc: "Document") -> None:
        self.doc = doc

    @cached_property
    def quoted(self) -> bytes:
        """One byte per sentence: 1 when it is quoted material (see :mod:`.quotes`)."""
        return bytes(quoted_flags(self.doc))

    def is_quoted(self, s: "Sentence") -> bool:
        """True when the sentence is quoted material rather than the writer's claim."""
        return self.quoted[s.index] == 1

    @cached_property
    def article(self) -> "ArticleAnalysis":
        from .article import ArticleAnalysis

        return ArticleAnalysis(self.doc, self.quoted)

    @property
    def facts(self) -> list["SentenceFacts"]:
        """The facts of every sentence (claim strength, hedges, citations, populations)."""
        return [s.facts for s in self.article.sentences]
