"""``animal-extrapolation``: an effect stated for people, or in general, from a study in animals or cells."""

from __future__ import annotations

import re

from typing import TYPE_CHECKING, Any, Iterator

from ..analyse.evidence import NON_HUMAN_KINDS, Study
from ..analyse.article import ArticleAnalysis, SentenceAnalysis
from ..analyse.instructions import HEALTH_PURPOSE
from ..kinds.base import Hit
from . import register
from .claims import (claimed_exposure, continues_study, effect_claims, evidence_for, names_exposure_near, opening_or_takeaway, shares_subject,
                     subject_in, subject_named_in, subject_on_topic, tells_what_was_tested, told_by_the_team, where)

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document


@register("animal-extrapolation")
def animal_extrapolation(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    a = analysis.article
    dominant = a.profile.dominant_non_human()
    for s in effect_claims(a) + told_by_the_team(a):
        f = s.frame
        assert f is not None
        # a headline's cancer cells are what the product is said to kill, not where it was tested ("Berry wipes out 90% of
        # tumour cells": a lab result told as a treatment)
        species = () if s.headline and f.species == ("cells",) and not any(
            t.lexicon == "evidence" and t.kind == "cells" and any(w in t.text for w in _LAB_WORDS) for t in s.terms) else f.species
        if species or any(c.kind not in ("humans", "cells") for c in s.facts.species) or s.facts.design_kinds & _LAB_DESIGNS:
            continue  # "in mice", "in a lab study", "the hearts of flies", "Lab-Grown", "Test-Tube": qualified
        ev = evidence_for(a, s, dominant)
        if ev is None and dominant is not None and not s.headline and subject_named_in(a, s, dominant.sentence):
            ev = dominant  # the only evidence, paragraphs back, tested what the claim names ("Periodic fasting slows ...")
        tested = dominant is not None and (ev is None or ev.sentence == dominant.sentence) and _tested_on_animals(a, s)
        if tested:
            ev = dominant  # "When the researchers laced the flies' food with antioxidants, ..." ... "Antioxidants reverse ..."
        placed = False  # stated in the opening or the takeaway, with the study told under its own subheading
        if (ev is None or ev is dominant) and dominant is not None and not s.headline and not a.product_page \
                and _told_at_length(a, dominant) and opening_or_takeaway(a, s, dominant):
            # (news of an experiment, not a passing mention; a seller's page is disease-claim's)
            ev, placed = dominant, True
        if ev is None or ev.kind not in NON_HUMAN_KINDS or ev.sentence == s.index:
            continue
        if ev.kind == "cells" and _said_of_the_material(s):
            continue  # "Tiny balls of gut tissue healed faster when bathed in ...": the lab's result, told of its tissue
        if not tested and not names_exposure_near(a, s, ev.sentence):
            continue  # the study tested another product or drug
        if not s.headline:
            if _people_only_as_a_hope(s, a.text_of(s.index)):
                continue  # "a finding that could lead to treatments in humans": not yet shown in people, and it says so
            if continues_study(a, s, ev):
                continue
            # "In rats, the extract protected brain cells. That means it can help prevent Alzheimer's.": a conclusion
            # drawn from the study told just before it, in its paragraph
            drawn = ev.sentence == s.index - 1 and a.block_of(ev.sentence) == a.block_of(s.index) \
                and _DRAWN.match(a.text_of(s.index)) is not None
            # a lede that reports the article's only study ("A chemical in black cumin clears the clumps behind Alzheimer's,
            # according to new research") is about what that study tested, whatever it calls it
            reports_it = s.position == "lede" and s.role in ("reported", "hearsay", "attributed") and ev is dominant
            if not tested and not drawn and not placed and not reports_it and not subject_on_topic(a, s, ev.sentence):
                continue  # the claim's subject is not what the study tested
            # "Mice fed X slept more. X restores sleep.": the claim told right after the study (in its paragraph, or
            # in the next one on the same subject)
            right_after = ev.sentence == s.index - 1 and ev.research and (
                a.block_of(ev.sentence) == a.block_of(s.index) and f.exposure_kind not in ("", "pronoun", "condition")
                or a.block_of(ev.sentence) == a.block_of(s.index) - 1 and shares_subject(a, s, ev.sentence))
            # "Lion's mane regrows brain cells. In a 2018 experiment, mice fed lion's mane ...": a paragraph that opens
            # with the claim and backs it with the animal study in its next sentence
            backed_next = ev.sentence == s.index + 1 and ev.research and _opens_paragraph(a, s.index) \
                and a.block_of(ev.sentence) == a.block_of(s.index) \
                and (f.exposure_kind not in ("", "pronoun", "condition") or f.exposure_kind == "" and subject_in(a, s, ev.sentence))
            right_after = right_after or backed_next or drawn
            if not right_after and not placed and not a.profile.section_non_human(s.index):
                continue  # the section describes studies in people too: the claim may rest on them
            if f.outcome_kind == "mechanism" and not f.general:
                continue  # a result about cells or molecules, not about health
            if not f.health_outcome and not s.has("evidence", "people"):
                continue  # neither a health outcome nor people named: too little to go on
            if s.role == "hearsay" and s.position == "body" and (f.strength == "conditional" or f.hedged) \
                    and not _ANY_EXPERT.search(s.source or ""):
                continue  # the researchers' own hedged speculation ("researchers think it may..."), not the lede's
                # framing ("X could turn back the clock, according to a team at ...") nor advice credited to
                # experts in general ("Experts say eating citrus could keep cancer at bay")
        what, where_said = _tested_in(ev)
        if s.headline:
            message = (f"the headline states an effect, but the article's evidence is from {what} "
                       f"({where(a, ev)}): say so in the headline (\"in mice\", \"in a lab study\")")
        else:
            message = (f"states an effect in people, but the study it rests on ({where(a, ev)}) was in {what}: "
                       f"say so (\"{where_said}\", \"in a lab study\") or cite evidence in people")
        yield Hit(s.start, s.end, message=message, related=[(ev.start, ev.end, f"the evidence: a study in {what}")])
    if dominant is not None:
        yield from _advice_hits(a, dominant)


def _tested_in(ev: Study) -> tuple[str, str]:
    """What the study was done in ("mice", "cells or tissue in the lab") and how to say so ("in mice")."""
    label = ev.label.lower()
    what = "cells or tissue in the lab" if ev.kind == "cells" else (
        "animals" if re.search(r"stud|model|experiment|research|test|trial", label) else label)  # "an animal study"
    label = what if what == "animals" else label
    what = what.split(" ", 1)[1] if what.startswith(("in ", "on ")) else what  # "from the lab", not "from in the lab"
    return what, label if label.startswith(("in ", "on ")) else f"in {label}"


_NOT_ADVICE = frozenset({"quote", "attributed", "hearsay", "question", "negated", "caveat", "reported", "method", "plan"})


def _advice_hits(a: ArticleAnalysis, dominant: Study) -> Iterator[Hit]:
    """Advice to use what an animal or lab study tested, for the health effect it promises the reader ("add beetroot
    juice to your breakfast to keep your hearing sharp"), when that study is the article's only evidence."""
    if a.selling or a.product_page and not a.reporting:
        return  # a seller's advice is judged by disease-claim and self-treatment
    claims = {s.index for s in effect_claims(a)}
    tested = claimed_exposure(a)
    for s in a.sentences:
        if s.position not in ("body", "heading") or s.index in claims or s.role in _NOT_ADVICE or s.facts.negated \
                or s.facts.question or s.facts.species or s.has("roles", "clinician"):
            continue  # judged as a claim already, someone else's words, or advice to see a doctor
        text = a.text_of(s.index)
        if not HEALTH_PURPOSE.search(text) or not tells_what_was_tested(a, s, text, dominant.sentence, tested):
            continue  # no health effect promised to the reader, or not for what the study tested
        what, _ = _tested_in(dominant)
        yield Hit(s.start, s.end, message=(
            f"advises readers to use it for an effect shown only in {what} ({where(a, dominant)}): say the evidence is "
            f"from {what}, or cite evidence in people"), related=[(dominant.start, dominant.end, f"the evidence: a study in {what}")])


_ANY_EXPERT = re.compile(r"\b(?:experts?|doctors|nutritionists|dietitians|specialists|health\s+professionals)\b", re.IGNORECASE)
_LAB_DESIGNS = frozenset({"in_vitro", "animal"})
_LAB_WORDS = ("lab", "dish", "vitro", "tube", "petri", "cultur")  # "cells in lab dishes": where it was tested
_DRAWN = re.compile(r"\W*(?:that|this|which)\s+(?:means|suggests|shows|proves|tells\s+us)\b|\W*in\s+other\s+words\b|\W*put\s+simply\b",
                    re.IGNORECASE)
_HOPE = re.compile(r"\b(?:could|may|might|would|hopes?|hoped|whether|before|until|yet|one\s+day|someday|eventually)\b", re.IGNORECASE)
_MODALS = frozenset({"could", "may", "might", "would"})
_FUTURE = re.compile(r"\b(?:one\s+day|someday|eventually|in\s+(?:the\s+)?future|in\s+years\s+to\s+come|lead\s+to|pave|open\s+the\s+door"
                     r"|hopes?|hoped|whether|before|until|yet)\b", re.IGNORECASE)
_PEOPLE_KINDS = frozenset({"people", "general", "human_subjects"})  # of the evidence lexicon


def _people_only_as_a_hope(s: "SentenceAnalysis", text: str) -> bool:
    """People are named only after a word of hope or doubt ("could lead to treatments in humans", "whether it
    works in people"): the sentence says the result is not yet shown in them."""
    hope = _HOPE.search(text)
    if hope is None:
        return False
    f = s.frame
    if hope.group(0).lower() in _MODALS and not _FUTURE.search(text, hope.end()):
        return False  # "may help shield women against breast cancer": a hedged claim about people, not a hope for them;
        # "Kalvarin shrinks tumours and could spare patients chemotherapy" too; "... and may one day help patients" is a hope
    people = [t.start - s.start for t in s.terms if t.lexicon == "evidence" and t.kind in _PEOPLE_KINDS
              and t.text not in ("you", "your", "yourself")]  # "could be the way to keep your memory sharp": advice
    return bool(people) and min(people) >= hope.end()


_MATERIAL = frozenset({"cell", "cells", "cellular", "tissue", "tissues"})


def _said_of_the_material(s: "SentenceAnalysis") -> bool:
    """The claim's subject (before its verb) names cells or tissue: what a lab study works on."""
    f = s.frame
    if f is None or f.predicate is None:
        return False
    return any(t.lexicon == "evidence" and t.end <= f.predicate[0] and (t.kind == "cells" or t.text in _MATERIAL)
               for t in s.terms)


def _told_at_length(a: "ArticleAnalysis", study: "Study") -> bool:
    """The article describes the experiment (its size, or two sentences about it), not only mentions one."""
    return study.sized or sum(1 for x in a.profile.done if x.kind in NON_HUMAN_KINDS) >= 2


def _opens_paragraph(a: "ArticleAnalysis", i: int) -> bool:
    """Sentence ``i`` is the first of its paragraph."""
    return i == 0 or a.block_of(i - 1) != a.block_of(i)


def _tested_on_animals(a: "ArticleAnalysis", s: "SentenceAnalysis") -> bool:
    """The claim's product or drug is named, within two paragraphs of the claim, in a sentence about the animals or
    cells studied: the experiment that tested it, told apart from where the study is introduced."""
    f = s.frame
    if f is None or f.exposure is None or f.exposure.lexicon not in ("products", "drugs"):
        return False
    given = a.doc.derived.get("animal:given")
    if given is None:  # once per page: each product or drug and the sentences about animals that name it
        given = {}
        for x in a.sentences:
            if x.facts.species:
                for t in x.terms:
                    if t.lexicon in ("products", "drugs"):
                        given.setdefault(t.text, set()).add(x.index)
        a.doc.derived["animal:given"] = given
    block = a.block_of(s.index)  # within two paragraphs: a claim far away speaks of something else
    return any(j != s.index and abs(a.block_of(j) - block) <= 2 for j in given.get(f.exposure.text, ()))
