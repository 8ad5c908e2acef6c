"""``causal-from-association``: causal wording ("reduces", "prevents") resting on an observational study."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from ..kinds.base import Hit
from . import register
from .claims import (other_research, told_beside, told_by_the_team, effect_claims, evidence_for, names_exposure_near, shares_subject, subject_on_topic,
                     where)

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document


# "Surgery often improves diabetes. Now a new study may help explain why.": the claim is the known fact a study explains
_EXPLAINED_NEXT = re.compile(r"\b(?:explains?|explained|explaining|show|shows|reveal|reveals|know|knows|figured\s+out|understand)"
                             r"\s+(?:exactly\s+|just\s+)?(?:why|how)\b", re.IGNORECASE)


_MECHANISM = re.compile(r"\bby\s+(?:blocking|inhibiting|binding\s+to|activating|suppressing|interfering\s+with|mimicking|thinning"
                        r"|relaxing|widening|narrowing)\b", re.IGNORECASE)
_PROJECTED = re.compile(r"\b(?:will|would)\s+(?:\w+\s+)?$", re.IGNORECASE)
_COUNT = re.compile(r"\s+(?:(?:about|around|some|nearly|almost|up\s+to|more\s+than|over)\s+)?\d[\d,.]*\s", re.IGNORECASE)


@register("causal-from-association")
def causal_from_association(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    a = analysis.article
    dominant = a.profile.dominant_observational()
    for s in effect_claims(a) + told_by_the_team(a):
        f = s.frame
        assert f is not None
        if f.strength != "causal" or f.hedged or s.role == "advice" or not (f.health_outcome and f.outcome_after):
            continue  # a cause of a health outcome: "X reduces the risk of Y", not "X can help"
        if _PROJECTED.search(a.doc.text, max(s.start, f.predicate[0] - 20), f.predicate[0]) and _COUNT.match(
                a.doc.text, f.predicate[1], s.end):
            continue  # "CT scans done this year will cause 29,000 cancers": a projection from a model, not a finding
        if _MECHANISM.search(a.doc.text, f.predicate[1], s.end):
            continue  # "Statins lower cholesterol by blocking an enzyme": how a drug works, not what the study found
        if s.role != "reported" and s.index + 1 < len(a.sentences) and a.block_of(s.index + 1) == a.block_of(s.index) \
                and _EXPLAINED_NEXT.search(a.text_of(s.index + 1)):
            continue  # the premise of the next sentence's study, told as known ("... may help explain why")
        ev = evidence_for(a, s, dominant, fallback=True)
        if ev is None and s.role == "reported" and dominant is not None:
            ev = dominant  # "New research has found that X reduces Y": the article's research, told as a cause
        told = ev  # the study the claim is told beside
        if ev is not None and ev.kind == "human" and dominant is not None:
            ev = dominant  # a study of people whose design this sentence does not say: the article's design
        if ev is None or ev.kind != "observational" or not (names_exposure_near(a, s, ev.sentence) or told is not ev and (
                names_exposure_near(a, s, told.sentence, besides=True) or s.role == "reported" and told_beside(a, s, told))):
            continue  # the claim's drug is not named where its study is described, nor told as that study's finding
        if ev.sentence != s.index and not shares_subject(a, s, ev.sentence) and (a.profile.main is None or (
                s.position not in ("title", "deck", "lede") and not subject_on_topic(a, s, ev.sentence))):
            continue  # a body sentence about something else than the study ("the blockage can cause a stroke")
        if ev.sentence != s.index and other_research(a, s):
            continue  # "A Spanish study found that ...", "Several studies have shown that ...": other research's claim
        own = ev.sentence == s.index
        at = "in this sentence" if own else f"at {where(a, ev)}"
        yield Hit(s.start, s.end, message=(
            f"\"{f.predicate_text}\" states a cause, but the study it rests on ({at}: \"{ev.label}\") is observational "
            "and shows an association: write \"is linked to\" / \"was associated with\", or cite a randomised trial"),
            related=[] if own else [(ev.start, ev.end, "the evidence: an observational study")])
