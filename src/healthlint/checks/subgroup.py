"""``subgroup-generalization``: a result found in one sex or subgroup stated for everyone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from ..analyse.evidence import sex_specific, shares_topic
from ..kinds.base import Hit
from . import register
from .claims import article, effect_claims, where

if TYPE_CHECKING:
    from ..document import Document

def names_group_before(a, i: int) -> bool:
    """An earlier sentence of sentence ``i``'s paragraph names a population."""
    block = a.block_of(i)
    j = i - 1
    while j >= 0 and a.block_of(j) == block:
        f = a.sentences[j].facts
        if getattr(f, "populations", ()):
            return True
        j -= 1
    return False


_SEX = frozenset({"men", "women", "male", "female", "males", "females", "boys", "girls"})
_SEXED = _SEX | {"pregnant", "postmenopausal", "premenopausal"}  # groups of one sex


@register("subgroup-generalization")
def subgroup_generalization(doc: "Document", params: dict[str, Any], options: dict[str, Any]) -> Iterator[Hit]:
    a = article(doc)
    sub = a.profile.subgroup()
    diff = a.profile.difference()
    if sub is None and diff is None:
        return
    for s in effect_claims(a):
        f = s.frame
        assert f is not None
        text = a.text_of(s.index)
        if names_group_before(a, s.index):
            continue  # goes on about the group its paragraph has just named ("In men, ... It also ...")
        if sub is not None:
            group, ev = sub
            if f.populations or f.species or ev.sentence == s.index:
                continue
            if not f.health_outcome or not (f.general or f.strength == "causal"):
                continue  # a hedged claim ("may help"), or one that says nothing of whom it holds for
            if group == "people_with" and not (f.universal and shares_topic(text, a.text_of(ev.sentence))):
                continue  # a claim about the condition the group has ("eases PMS symptoms"), or about another topic
            if group in _SEXED and sex_specific(text):
                continue  # erectile dysfunction in men, menopause in women: the group is the outcome's
            name = group.replace("_", " ")
            yield Hit(s.start, s.end, message=(
                f"states the effect for everyone, but the evidence ({where(a, ev)}) was only in {name}: "
                f"name the group (\"in {name}\") or cite evidence in the wider population"),
                related=[(ev.start, ev.end, f"the evidence: a study in {name}")])
        elif diff is not None:
            if diff.sentence == s.index or set(f.populations) & _SEX or not f.health_outcome:
                continue
            if f.populations or not (f.general or f.strength == "causal"):
                continue
            line = a.line_of(diff.sentence)
            yield Hit(s.start, s.end, message=(
                f"states the effect for everyone, but the article reports that results differed between groups "
                f"(line {line}: \"{diff.label}\"): say in whom it was found"),
                related=[(diff.start, diff.end, "results differed between groups")])
