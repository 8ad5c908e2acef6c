"""Context checks: a claim sentence against the evidence it rests on.

- ``animal-extrapolation``: a general or human effect resting on animal or cell work;
- ``causal-from-association``: causal wording resting on an observational study;
- ``subgroup-generalization``: a subgroup's result stated for everyone.

All fire on the writer's own sentences only (quotes are evidence) and name the
evidence and its line. Evidence in the claim's own paragraph that comes
before it qualifies it ("In mice, ... Oxytocin reduced craving." is fine).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

import regex

from ..kinds.base import Hit
from . import register

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis, Evidence
    from ..read.document import Document

CLAIM_BLOCKS = ("paragraph", "list_item", "heading", "table_cell")
_GENERAL_POP = regex.compile(r"\b(?:everyone|anyone|people|adults|you|your|we|us|humans)\b", regex.IGNORECASE)


def _claim_span(a: "DocumentAnalysis", i: int) -> tuple[int, int]:
    s = a.doc.sentences[i]
    return s.start, s.end


def _where(a: "DocumentAnalysis", ev: "Evidence") -> str:
    return f"line {a.line_of(ev.sentence)}"


def _is_title(doc: "Document", i: int) -> bool:
    bi = doc.sentences[i].block
    b = doc.blocks[bi]
    return b.kind == "heading" and (b.level <= 1 or bi == 0)


def _preceded_in_block(a: "DocumentAnalysis", i: int, ev: "Evidence") -> bool:
    """The evidence is earlier in the claim's own paragraph (the paragraph is about that study)."""
    sents = a.doc.sentences
    return ev.sentence < i and sents[ev.sentence].block == sents[i].block


def _candidates(doc: "Document", a: "DocumentAnalysis") -> list[int]:
    """The writer's own sentences that state an effect (computed once per document)."""
    if a.candidates is None:
        a.candidates = [s.index for s in doc.sentences if doc.blocks[s.block].kind in CLAIM_BLOCKS
                        and a.is_writers_claim(s.index) and a.states_effect(s.index)]
    return a.candidates


@register("animal-extrapolation")
def animal_extrapolation(doc: "Document", a: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    for i in _candidates(doc, a):
        if a.qualified_non_human(i):
            continue
        if _is_title(doc, i):
            ev, people = a.evidence_summary()
            if ev is not None and not people:
                start, end = _claim_span(a, i)
                yield Hit(start, end, message=(
                    f"the headline states an effect, but the article's evidence is from {ev.label} "
                    f"(first at {_where(a, ev)}): say so in the headline (\"in mice\", \"in a lab study\")"),
                    related=[(ev.start, ev.end, f"the study is in {ev.label}")])
            continue
        ev = a.nearest_evidence(i)
        if ev is None or ev.kind not in ("animal", "cells") or ev.sentence == i or _preceded_in_block(a, i, ev):
            continue
        what = "cells or tissue in the lab" if ev.kind == "cells" else ev.label
        start, end = _claim_span(a, i)
        yield Hit(start, end, message=(
            f"states a general effect, but the study it rests on ({_where(a, ev)}) was in {what}: "
            f"say so (\"in {ev.label}\", \"in a lab study\") or cite evidence in people"),
            related=[(ev.start, ev.end, f"the evidence: a study in {what}")])


@register("causal-from-association")
def causal_from_association(doc: "Document", a: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    for i in _candidates(doc, a):
        if not a.causal_effect(i) or a.imperative(i):
            continue
        ev = a.nearest_evidence(i)
        if ev is None or ev.kind != "observational":
            continue
        if ev.sentence != i and not a.shares_topic(i, ev.sentence):
            continue
        start, end = _claim_span(a, i)
        cue = a.effect_cue(i)
        own = ev.sentence == i
        where = "in this sentence" if own else f"at {_where(a, ev)}"
        yield Hit(start, end, message=(
            f"\"{cue}\" states a cause, but the study it rests on ({where}: \"{ev.label}\") is observational "
            "and shows an association: write \"is linked to\" / \"was associated with\", or cite a randomised trial"),
            related=[] if own else [(ev.start, ev.end, "the evidence: an observational study")])


@register("subgroup-generalization")
def subgroup_generalization(doc: "Document", a: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    for i in _candidates(doc, a):
        f = a.facts[i]
        if f.populations or a.qualified_non_human(i) or _is_title(doc, i):
            continue
        ev = a.nearest_evidence(i)
        if ev is None or ev.sentence == i or _preceded_in_block(a, i, ev):
            continue
        groups = [p for p in ev.populations if p in SUBGROUPS_SET]
        if not groups or ev.kind in ("animal", "cells") or _both_sexes(ev.populations):
            continue
        s = doc.sentences[i]
        if not _GENERAL_POP.search(doc.text, s.start, s.end) and f.claim != "causal":
            continue
        start, end = _claim_span(a, i)
        group = groups[0].replace("_", " ")
        yield Hit(start, end, message=(
            f"states the effect for everyone, but the evidence ({_where(a, ev)}) was only in {group}: "
            f"name the group (\"in {group}\") or cite evidence in the wider population"),
            related=[(ev.start, ev.end, f"the evidence: a study in {group}")])


def _both_sexes(pops: tuple[str, ...]) -> bool:
    p = set(pops)
    return bool(p & {"men", "male", "males", "boys"}) and bool(p & {"women", "female", "females", "girls"})


SUBGROUPS_SET = frozenset({"men", "women", "male", "female", "males", "females", "boys", "girls", "children",
                           "adolescents", "infants", "older_adults", "elderly", "pregnant", "postmenopausal",
                           "premenopausal", "people_with", "veterans", "smokers", "athletes"})
