"""Data classes for the per-sentence analysis: :class:`Cue` and :class:`SentenceFacts`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

CLAIM_LEVELS = ("none", "correlational", "conditional", "causal")

# design kinds that are experiments on people / evidence syntheses / human observation
HUMAN_DESIGNS = frozenset(
    {"observational", "cohort", "cross_sectional", "case_control", "survey", "rct",
     "meta_analysis", "systematic_review", "case_report", "trial"}
)
OBSERVATIONAL_DESIGNS = frozenset(
    {"observational", "cohort", "cross_sectional", "case_control", "survey", "case_report"}
)
EXPERIMENTAL_DESIGNS = frozenset({"rct", "trial"})


@dataclass(slots=True)
class Cue:
    """A matched cue; ``start``/``end`` are offsets (offset + index in text)."""

    start: int
    end: int
    text: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "start": self.start, "end": self.end}


Cues = tuple[Cue, ...]


def _cues(items: Cues) -> list[dict[str, Any]]:
    return [c.to_dict() for c in items]


class SentenceFacts(NamedTuple):
    """Facts computed for one sentence (see :func:`healthlint.analyse.analyze_sentence`).

    ``claim`` is the strength of the relationship language on the Yu et al. (2019)
    scale; it is *kept* under negation (``negated`` tells), and is ``"none"`` for
    questions. Use :attr:`asserted_claim` for "what the sentence asserts happens".
    Immutable (a named tuple: cheap to build, so sentences with no facts share
    :data:`NO_FACTS`); cue fields are tuples, the empty ones shared.
    """

    claim: str = "none"
    claim_cue: Cue | None = None
    negated: bool = False
    question: bool = False
    hedges: Cues = ()
    boosters: Cues = ()
    designs: Cues = ()
    species: Cues = ()
    populations: Cues = ()
    sample_size: int | None = None
    citations: Cues = ()
    hedge: bool = False

    @property
    def asserted_claim(self) -> str:
        """The claim as asserted: ``"none"`` when negated or a question."""
        return "none" if self.negated or self.question else self.claim

    @property
    def is_causal(self) -> bool:
        """An asserted (not negated, not questioned) direct causal claim."""
        return self.claim == "causal" and not self.negated and not self.question

    @property
    def design_kinds(self) -> set[str]:
        return {c.kind for c in self.designs}

    @property
    def species_kinds(self) -> set[str]:
        return {c.kind for c in self.species}

    @property
    def non_human(self) -> bool:
        """The sentence names a non-human subject (animals, cells, in vitro...)."""
        return any(c.kind != "humans" for c in self.species) or bool(
            self.design_kinds & {"in_vitro", "animal"}
        )

    @property
    def human_evidence(self) -> bool:
        """The sentence names people or a human study design."""
        return bool(self.populations) or bool(self.design_kinds & HUMAN_DESIGNS) or (
            "humans" in self.species_kinds
        )

    @property
    def observational(self) -> bool:
        return bool(self.design_kinds & OBSERVATIONAL_DESIGNS)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "claim": self.claim,
            "claim_cue": self.claim_cue.to_dict() if self.claim_cue else None,
            "hedge": self.hedge,
            "negated": self.negated,
            "question": self.question,
            "hedges": _cues(self.hedges),
            "boosters": _cues(self.boosters),
            "designs": _cues(self.designs),
            "species": _cues(self.species),
            "populations": _cues(self.populations),
            "sample_size": self.sample_size,
            "citations": _cues(self.citations),
        }


NO_FACTS = SentenceFacts()  # a sentence with nothing to report
QUESTION_ONLY = SentenceFacts(question=True)  # a question with nothing else to report
