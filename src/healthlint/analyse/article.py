"""One analysis of a document that every rule queries.

Per sentence: its lexicon terms, its facts (claim strength, hedges, study
facts), its position and role (:mod:`.roles`), its claim frame (:mod:`.frames`)
and the study it describes (:mod:`.evidence`). Per document: the evidence
:class:`~.evidence.Profile`. Built once per document by :func:`analyse`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..analysis import SentenceFacts, analyze_sentences, lower_same_length
from .evidence import Difference, Profile, Study, difference_of, study_of
from .frames import Frame, build_frame
from .roles import WRITER_ROLES, RoleInfo, place, role_of
from .terms import Term, find_terms, normalise

if TYPE_CHECKING:
    from ..document import Document


@dataclass(slots=True)
class SentenceAnalysis:
    """Everything the analysis knows of one sentence."""

    index: int
    start: int
    end: int
    position: str
    role: str
    source: str
    facts: SentenceFacts
    terms: list[Term]
    frame: Frame | None
    study: Study | None

    @property
    def writers_claim(self) -> bool:
        """The writer asserts it (not quoted, attributed, asked, denied, a caveat, a method or a definition)."""
        return self.role in WRITER_ROLES and self.position != "chrome"

    @property
    def headline(self) -> bool:
        return self.position in ("title", "deck")

    def has(self, lexicon: str, *kinds: str) -> bool:
        return any(t.lexicon == lexicon and (not kinds or t.kind in kinds) for t in self.terms)

    def first(self, lexicon: str, *kinds: str) -> Term | None:
        return next((t for t in self.terms if t.lexicon == lexicon and (not kinds or t.kind in kinds)), None)


class ArticleAnalysis:
    """The analysis of one document: ``sentences[i]`` for each of ``doc.sentences``, and ``profile``."""

    def __init__(self, doc: "Document") -> None:
        self.doc = doc
        text = doc.text
        sents = doc.sentences
        self.low = normalise(text)
        all_terms = find_terms(self.low)
        starts = [t.start for t in all_terms]
        texts = [text[s.start : s.end] for s in sents]
        facts = analyze_sentences(texts, [s.start for s in sents], [lower_same_length(t) for t in texts])
        placement = place(doc)
        self.title_block = placement.title_block
        self.lede_block = placement.lede_block
        self.sentences: list[SentenceAnalysis] = []
        studies: list[Study | None] = []
        differences: list[Difference] = []
        for s, t, f, pos in zip(sents, texts, facts, placement.positions):
            lo = bisect_left(starts, s.start)
            hi = bisect_left(starts, s.end, lo)
            terms = [x for x in all_terms[lo:hi] if x.end <= s.end]
            quoted = doc.is_quoted(s)
            prev = texts[max(0, s.index - 4) : s.index]
            info: RoleInfo = role_of(t, terms, f, quoted, prev)
            frame = build_frame(t, s.start, terms, f)
            study = study_of(s.index, t, s.start, terms, f, quoted, info.role, pos)
            studies.append(study)
            d = difference_of(s.index, t, s.start)
            if d is not None:
                differences.append(d)
            self.sentences.append(SentenceAnalysis(s.index, s.start, s.end, pos, info.role, info.source, f, terms,
                                                   frame, study))
        self.profile = Profile(doc, studies, differences)

    def text_of(self, i: int) -> str:
        s = self.sentences[i]
        return self.doc.text[s.start : s.end]

    def line_of(self, i: int) -> int:
        s = self.sentences[i]
        return self.doc.lines.position(self.doc.source_span(s.start, s.end)[0])[0]

    def line_at(self, start: int) -> int:
        return self.doc.lines.position(self.doc.source_span(start, start + 1)[0])[0]

    def block_of(self, i: int) -> int:
        return self.doc.sentences[i].block

    def to_dict(self, i: int) -> dict[str, Any]:
        """What ``healthlint analyze`` shows of sentence ``i`` beyond its facts."""
        s = self.sentences[i]
        out: dict[str, Any] = {"position": s.position, "role": s.role}
        if s.source:
            out["source"] = s.source
        f = s.frame
        if f is not None:
            out["frame"] = {
                "strength": f.strength, "predicate": f.predicate_text, "predicate_kind": f.predicate_kind or None,
                "exposure": f.exposure.text if f.exposure else (f.exposure_kind or None),
                "outcome": f.outcome.text if f.outcome else None, "outcome_kind": f.outcome_kind or None,
                "general": f.general, "populations": list(f.populations), "species": list(f.species),
            }
        if s.study is not None:
            st = s.study
            out["study"] = {"kind": st.kind, "label": st.label, "planned": st.planned, "background": st.background,
                            "populations": list(st.populations)}
        return out


def analyse(doc: "Document") -> ArticleAnalysis:
    """The analysis of ``doc``, built once and kept with the document."""
    found = doc.derived.get("article")
    if found is None:
        found = doc.derived["article"] = ArticleAnalysis(doc)
    return found  # type: ignore[no-any-return]
