"""The article's evidence: every study it describes, and what kind each is.

A sentence describes a study (a :class:`Study`) when it names its subjects or design in a research
context: animals or cells with an experiment or finding ("Mice given the extract made fewer errors"), a
design ("a cohort of 9,000 nurses", "randomised", "a survey"), or people with a sample size or a finding.
A passing mention ("we share this hormone with rats") is no study; research that is planned ("the team
hopes to test it in people next year") is kept but marked ``planned``: no evidence that anything works.

Kinds: ``animal``, ``cells`` (in vitro, cell lines, the lab), ``trial`` (randomised or controlled),
``observational`` (cohort, survey, case-control, cross-sectional, registry, or a correlational result
about people), ``human`` (people, design not stated).

The :class:`Profile` answers what a claim rests on: the nearest study in
either direction (the claim's own sentence, its paragraph, up to four
paragraphs before and two after in its section), and, for a headline, a lede
or a claim with no study near it, the evidence of the whole article when that
evidence is all of one kind. It also knows the populations the human studies
covered and whether the article reports results that differed between groups.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .frames import populations
from .lexicon import one_of
from .terms import Term
from .usage import PREVALENCE
from .groups import AGE, MIXED_SEX, SIMILAR, Difference, age_groups
from .study import instrument
from .subjects import GIVEN, GROWN_CELLS, IN_ANIMALS, TREATED, hosts, stands_for_study
from .topics import CONTENT, shares_topic, stems

if TYPE_CHECKING:
    from ..read.document import Document

NON_HUMAN_KINDS = ("animal", "cells")
HUMAN_KINDS = ("trial", "observational", "human")
_DESIGN_KIND = {"in_vitro": "cells", "animal": "animal", "rct": "trial", "trial": "trial", "pilot": "trial",
                "observational": "observational", "cohort": "observational", "cross_sectional": "observational",
                "case_control": "observational", "survey": "observational", "case_report": "observational",
                "meta_analysis": "human", "systematic_review": "human"}
# words of an experiment: what makes "mice" or "rabbits" the subjects of a study, not a passing mention
_SUBJECTS = re.compile(r"\b(?:participants|volunteers|subjects|respondents|recruits|enrollees)\b", re.IGNORECASE)
_ALL_N = re.compile(r"\ball\s+[\d,]+\s+(?:[\w-]+\s+){0,2}?(?:were|was)\b", re.IGNORECASE)  # "All 14 riders were men"
_ALL_ONLY = re.compile(r"\b(?:all|only|exclusively|solely|entirely)\b", re.IGNORECASE)
_STUDY_NOUN = re.compile(r"\b(?:stud(?:y|ies)|trials?|survey|research|experiment|analysis|review|cohort)\b", re.IGNORECASE)
_HUMAN_STUDY = re.compile(
    r"\b" + one_of(r"stud(?:y|ies)|trials?|experiments?|experimental|research|tests?|tested|groups?|cohorts?|samples?") + r"\s+"
    r"(?:\w+\s+){0,3}?(?:in|on|of|with|among)\s+"
    r"(?:(?:a\s+handful|a\s+group|a\s+small\s+number|a\s+few|dozens|hundreds|thousands|[\d,]+)\s+(?:of\s+)?)?"
    r"(?:\w+\s+)?(?:people|humans|patients|adults|volunteers|participants|men|women|children)\b", re.IGNORECASE)
NOT_EVIDENCE_ROLES = frozenset({"caveat", "question", "advice", "belief", "hypothetical"})
_BACKGROUND = re.compile(r"\b" + one_of(r"previous|earlier|prior|past|other|older|existing|many|several|some|numerous|a\s+number\s+of")
                         + r"\s+(?:\w+\s+){0,2}?" + one_of(r"stud(?:y|ies)|research|trials?|work|evidence|experiments?") + r"\b",
                         re.IGNORECASE)
# the wording of an observational result (lower case: "Associated Press", "American Heart Association" are names)
_CORRELATIONAL_RESULT = re.compile(
    r"\b(?:associated\s+with|association\s+(?:between|with)|link(?:ed|s)?\s+(?:to|with|between)|correlat\w*|(?:more|less)\s+likely"
    r"|(?:lower|higher|increased|reduced|decreased|greater|elevated)\s+(?!the\b|their\b|its\b)(?:\w+\s+)?(?:risk|odds|chance|likelihood)"
    # people tended to: a group's habit or result, not how a disease behaves ("cancer tends to develop deep in the lung")
    r"|(?i:people|participants|patients|adults|children|kids|individuals|those|women|men|girls|boys|subjects|respondents"
    r"|volunteers|teens|teenagers|drinkers|smokers|eaters|sleepers|users|vegetarians|vegans|runners|dieters|consumers"
    r"|workers|members|walkers|cyclists|swimmers|snackers|parents|mothers|fathers|students|employees|seniors|retirees)\s+(?:[\w-]+\s+){0,3}?tend(?:ed|s)?\s+to|who\s+(?:[\w'’-]+\s+){1,6}?tend(?:ed|s)?\s+to"
    r"|odds\s+ratio|hazard\s+ratio|relative\s+risk"
    # people who reported what they ate or did: observational, unless the article describes a trial
    r"|(?:filled\s+(?:out|in)|completed|answered)\s+(?:\w+\s+){0,3}?questionnaires?)\b")
_SAID_OBSERVATIONAL, _MADE = re.compile(r"\b(?:observational|correlational|cross-sectional)\b", re.I), re.compile(r"\bmak(?:es|e|ing)\s+(?:\w+\s+){1,3}$", re.I)
_SUBGROUP_KINDS = {"men": "sex", "women": "sex", "male": "sex", "female": "sex", "males": "sex", "females": "sex",
                   "boys": "sex", "girls": "sex", "children": "age", "infants": "age", "adolescents": "age",
                   "older_adults": "age", "young_adults": "age", "pregnant": "stage", "postmenopausal": "stage",
                   "premenopausal": "stage", "people_with": "condition", "smokers": "other", "athletes": "other",
                   "veterans": "other", "soldiers": "other", "nurses": "other", "shift_workers": "other"}
_NOT_STUDIED = re.compile(r"\b(?:not|never)\s+(?:been\s+)?(?:studied|include|included|tested|enrolled|recruited)\b|\bwere\s+excluded\b"
                          # who is still to be studied: "we need to see this in men", "the team now wants to test women"
                          r"|\bneeds?\s+to\s+(?:see|test|study|repeat|confirm)\s+(?:this|it|that|these\s+results)\s+in\b"
                          r"|\b(?:wants?|hopes?|plans?)\s+to\s+(?:test|study|recruit|include)\b")
_ILLNESS_NAME = re.compile(r"\s+(?:flu|influenza|fever|pox|virus)\b", re.IGNORECASE)  # "swine flu", "monkey pox": no animals
_STUDY_WORDS = frozenset({"study_context", "research_verb", "rodent", "animal", "cells", "lab", "design_trial",
                          "design_observational"})
_ANIMAL_SEX = frozenset({"male", "female"})  # said of animals as much as of people
MAX_BLOCKS_BACK, MAX_BLOCKS_AHEAD = 4, 2
MAX_STUDIES_NEAR = 24  # studies on each side of a claim that may be what it rests on


@dataclass(slots=True)
class Study:
    """A study described at a sentence."""

    sentence: int
    kind: str  # animal | cells | trial | observational | human
    label: str  # the words that say so
    start: int
    end: int
    populations: tuple[str, ...] = ()
    planned: bool = False
    background: bool = False
    sized: bool = False  # a sample size or a design is given: the sentence describes who was studied
    inferred: bool = False  # observational only by its wording ("were less likely"), no design named
    research: bool = False  # the sentence speaks of research (a study word, a design, animals given something), not only of people and numbers


_LAB_MATERIAL = re.compile(r"\b(?:cells?|dish(?:es)?|test\s+tubes?|in\s+vitro|cultures?|cultured|tissues?|organoids?)\b", re.IGNORECASE)
# people as the source of the cells a lab study used: "stem cells donated by 14 patients", "tissue taken from 20 donors"
_CELLS_FROM = re.compile(r"\b(?:cells?|tissues?|samples|biopsies)\s+(?:\w+\s+){0,3}?(?:donated\s+by|taken\s+from|collected\s+from|obtained\s+from|removed\s+from"
                         r"|isolated\s+from|from)\s+(?:\w+\s+){0,3}?(?:patients|people|donors|volunteers|adults|women|men|children)\b",
                         re.IGNORECASE)


def study_of(i: int, text: str, offset: int, terms: Sequence[Term], facts: object, quoted: bool, role: str,
             position: str) -> Study | None:
    """The study sentence ``i`` (``text`` at prose ``offset``, of ``role`` and ``position``) describes, if any."""
    role = "reported" if role == "caveat" and _SAID_OBSERVATIONAL.search(text) else role  # "As it was observational, ..."
    if role in NOT_EVIDENCE_ROLES or position in ("title", "deck", "chrome") or _NOT_STUDIED.search(text.lower()):
        return None  # a headline is a claim, not a description of the study; "were not studied" names who was not
    ev = [t for t in terms if t.lexicon == "evidence" and not (t.text.startswith("survey") and instrument(text, t.start - offset))]
    kinds = {t.kind for t in ev}
    designs = [c for c in getattr(facts, "designs", ()) or () if not (c.kind == "survey" and instrument(text, c.start - offset))]
    # who took part, told as such: "All 150 participants were postmenopausal women", "The 90 volunteers, all over 70"
    subjects = "human_subjects" in kinds and _SUBJECTS.search(text) is not None and (
        getattr(facts, "sample_size", None) or _ALL_ONLY.search(text) is not None) or _ALL_N.search(text) is not None
    if kinds.isdisjoint(_STUDY_WORDS) and not designs and not subjects and GROWN_CELLS.search(text) is None \
            or PREVALENCE.search(text) and "study_context" not in kinds:
        return None  # no word of research, subjects or design, or how common a disease is "according to the Registry"
    planned = role == "plan" or any(t.kind in ("planned", "someday") for t in ev)  # "The team now plans a pilot study in ..."
    has_context = "study_context" in kinds
    named = [c for c in populations(text, offset, facts)
             if not re.search(r"\b(?:majority|mostly|most|predominantly|largely|mainly)\b", text[max(0, c.start - offset - 30) : c.start - offset], re.I)]
    ages = age_groups(text) if has_context or named or subjects else []
    pops = tuple(sorted({c.kind for c in named} | set(ages)))
    non_human = [t for t in ev if t.kind in ("rodent", "animal", "cells", "lab")
                 and not _ILLNESS_NAME.match(text, t.end - offset) and not (t.kind != "cells" and hosts(text, t.start - offset))] or [
        Term(c.start, c.end, "evidence", "animal", "fish") for c in getattr(facts, "species", ()) or ()
        if c.kind == "fish" and GIVEN.search(text)][:1]  # "added a gene to the hearts of adult fish ... than untreated fish"
    design_kinds = [(_DESIGN_KIND.get(c.kind), c) for c in designs if _DESIGN_KIND.get(c.kind)]

    # who was studied, not who is mentioned: a sample size, a design, an age bound, or a study and its population
    sized = bool(getattr(facts, "sample_size", None) or design_kinds or ages or named and _STUDY_NOUN.search(text))

    def make(kind: str, start: int, end: int) -> Study:  # once, for the study the sentence is found to describe
        background = has_context and bool(_BACKGROUND.search(text))
        return Study(i, kind, text[start - offset : end - offset], start, end, pops, planned, background, sized,
                     research=has_context or given or bool(design_kinds) or any(t.kind.startswith("design_") for t in ev))

    context = has_context or getattr(facts, "claim", "none") != "none" or any(t.lexicon == "effects" for t in terms)
    experiment = bool(non_human) and ("experiment" in kinds or has_context or bool(IN_ANIMALS.search(text)))
    treated = bool(non_human) and bool(TREATED.search(text))
    given = treated and bool(GIVEN.search(text))  # "rats fed saffron": an experiment, not "a role in animals"
    strong = [t for t in non_human if stands_for_study(t, text, offset, experiment, context, treated)]
    if not strong:
        m = GROWN_CELLS.search(text)
        if m:  # "grew human airway cells ... infected them ... added vitamin D": an experiment on cells
            strong = [Term(offset + m.start(), offset + m.end(), "evidence", "cells", "cells")]
    if strong and all(t.kind == "cells" for t in strong) and ("human_subjects" in kinds or design_kinds) \
            and not _CELLS_FROM.search(text):
        strong = []  # "patients whose cancer cells...": a study of people (not "cells donated by 14 patients")
    if strong:
        animal = [t for t in strong if t.kind in ("rodent", "animal")] or [
            t for t in strong if t.kind == "lab" and not any(w in t.text for w in ("cell", "vitro", "dish", "tube"))
            and not _LAB_MATERIAL.search(text)]  # "cells grown in plastic dishes in the laboratory": a lab of cells
        if animal:
            return make("animal", animal[0].start, animal[0].end)
        return make("cells", strong[0].start, strong[0].end)
    for want in ("trial", "observational"):
        for kind, c in design_kinds:
            if kind == want:
                return make(kind, c.start, c.end)
        for t in ev:
            if t.kind == "design_" + want:
                return make(want, t.start, t.end)
    for kind, c in design_kinds:
        if kind in ("animal", "cells") and context:
            return make(kind, c.start, c.end)
        if kind == "human":
            return make("human", c.start, c.end)
    m = next((m for m in _CORRELATIONAL_RESULT.finditer(text) if not _MADE.search(text, max(0, m.start() - 40), m.start())),
             None) if has_context else None  # not "makes dieters more likely to": a cause told, not an association
    if m:
        st = make("observational", offset + m.start(), offset + m.end())
        st.inferred = True
        return st
    if pops and (subjects or has_context and _ALL_ONLY.search(text)):  # "The study included only women"
        st = make("human", named[0].start, named[0].end) if named else make("human", offset, offset + len(text))
        st.research = st.sized = True  # who took part in the research
        return st
    human_study = _HUMAN_STUDY.search(text) if has_context else None  # (nothing strong: that returned above)
    if human_study is not None:  # "experiments in a handful of people"
        return make("human", offset + human_study.start(), offset + human_study.end())
    if pops and (has_context or "research_verb" in kinds) and (getattr(facts, "sample_size", None) or has_context and "research_verb" in kinds):
        if named:
            return make("human", named[0].start, named[0].end)
        m = AGE.search(text)
        if m:
            return make("human", offset + m.start(), offset + m.end())
    return None


class Profile:
    """The studies of one document and what each claim rests on."""

    def __init__(self, doc: "Document", studies: list[Study | None], differences: list[Difference],
                 similar: list[Difference] | None = None) -> None:
        self.doc = doc
        self.uniform = any(SIMILAR.search(doc.text[doc.sentences[d.sentence].start : doc.sentences[d.sentence].end])
                           for d in similar) if similar else False
        self.studies = studies
        self.differences = differences
        done = [s for s in studies if s is not None and not s.planned]
        if any(s.kind in NON_HUMAN_KINDS or s.kind == "trial" for s in done):
            # wording alone ("were less likely") does not make a trial or an animal study observational
            self.studies = studies = [None if s is not None and s.inferred else s for s in studies]
            done = [s for s in done if not s.inferred]
        first = next((s for s in done if s.kind in NON_HUMAN_KINDS), None)
        for st in done if first is not None else ():
            if st.kind == "human" and st.populations and set(st.populations) <= _ANIMAL_SEX:
                st.kind, st.label = first.kind, first.label  # "The effect was seen only in males" in a story of mice
        self.done = done
        self._by_block: dict[int, list[Study]] | None = None
        self._subgroups: dict[int | None, tuple[str, Study] | None] = {}
        self._by_section: dict[int, list[Study]] | None = None
        self._sections_non_human: dict[int, bool] | None = None
        self._done_at = [s.sentence for s in done]  # in document order
        self._stems: dict[int, set[str]] = {}
        self.first_non_human = next((s for s in done if s.kind in NON_HUMAN_KINDS), None)
        self.first_observational = next((s for s in done if s.kind == "observational"), None)
        main = [s for s in done if not s.background]
        self.non_human_mostly = _mostly(main, NON_HUMAN_KINDS, HUMAN_KINDS)
        self.observational_mostly = _mostly(main, ("observational",), ("trial",))
        # the study the article is about: described with its subjects, size or design, in its first two thirds
        half = max(8, len(doc.sentences) * 2 // 3)
        self.main = next((s for s in main if s.sentence <= half and (s.sized or not s.inferred)), None) or (
            main[0] if main and all(s.kind in NON_HUMAN_KINDS for s in main) else None)  # "only tested on cells in a dish", last

    # ---- what a claim rests on ----
    def nearest(self, i: int, topic: str | None = None) -> Study | None:
        """The done study sentence ``i`` rests on: its own; an earlier one in its paragraph (or one of the
        next two sentences); the nearest in up to four paragraphs before; then in up to two after.
        With ``topic`` (the claim's text), only a study that shares a content word with it (or with
        the sentence that introduces it) counts."""
        own = self.studies[i]
        if own is not None and not own.planned:
            return own
        sents = self.doc.sentences
        blocks = self.doc.blocks
        here = sents[i].block
        section = blocks[here].section
        same_before = same_after = before = after = None
        pos = bisect_left(self._done_at, i)  # only the studies nearest the claim: a run-on page stays linear
        near = self.done[max(0, pos - MAX_STUDIES_NEAR) : pos + MAX_STUDIES_NEAR]
        claim = stems(topic) if topic is not None else set()
        for s in near:
            j = s.sentence
            bj = sents[j].block
            if blocks[bj].section != section or abs(bj - here) > MAX_BLOCKS_BACK:
                continue
            if topic is not None and j != i and (bj != here or j > i and not self._generic(j)) and not self._on_topic(claim, j):
                continue  # a study further on, or in another paragraph, must be about what the claim is about
            if bj == here:
                if j < i:
                    same_before = s
                elif same_after is None:
                    same_after = s
            elif here - MAX_BLOCKS_BACK <= bj < here:
                if topic is None or before is None or len(claim & self._stems_of(j)) >= len(claim & self._stems_of(before.sentence)):
                    before = s  # the nearest, unless an earlier one is more about what the claim is about
            elif here < bj <= here + MAX_BLOCKS_AHEAD and after is None:
                after = s
        return same_before or same_after or before or after

    def _stems_of(self, j: int) -> set[str]:
        if j not in self._stems:
            sents = self.doc.sentences
            self._stems[j] = stems(self.doc.text[sents[j].start : sents[j].end])
        return self._stems[j]

    def _on_topic(self, claim: set[str], j: int) -> bool:
        """:meth:`on_topic` for a claim's stems, each sentence's stems found once."""
        return bool(claim & (self._stems_of(j) | (self._stems_of(j - 1) if j > 0 else set())))

    def _generic(self, j: int) -> bool:
        """Study sentence ``j`` names its design or subjects and nothing else ("That comes from a study in rats.")."""
        sents = self.doc.sentences
        return len(CONTENT.findall(self.doc.text, sents[j].start, sents[j].end)) <= 6

    def on_topic(self, topic: str, j: int) -> bool:
        """Does study sentence ``j`` (or the sentence before it, which may introduce it) share a content word with ``topic``?"""
        text = self.doc.text
        sents = self.doc.sentences
        here = text[sents[j].start : sents[j].end]
        intro = text[sents[j - 1].start : sents[j - 1].end] if j > 0 else ""
        return shares_topic(topic, here + " " + intro)

    def dominant_non_human(self) -> Study | None:
        """The first study in animals or cells, when the article describes no done study in people."""
        return self.first_non_human if self.non_human_mostly and self.main is not None else None

    def section_non_human(self, i: int) -> bool:
        """Sentence ``i``'s section describes mostly studies in animals or cells."""
        sents = self.doc.sentences
        blocks = self.doc.blocks
        section = blocks[sents[i].block].section
        if self._sections_non_human is None:  # once: every claim of a long page asks about its section
            by_section: dict[int, list[Study]] = {}
            for s in self.done:
                if not s.background:
                    by_section.setdefault(blocks[sents[s.sentence].block].section, []).append(s)
            self._sections_non_human = {k: _mostly(v, NON_HUMAN_KINDS, HUMAN_KINDS) for k, v in by_section.items()}
        return self._sections_non_human.get(section, False)

    def dominant_observational(self) -> Study | None:
        """The first observational study when the article describes no trial: the article's study, the only kind of
        evidence, or (beside people of unsaid design) more associations than those, or as many and a design named."""
        main = [s for s in self.done if not s.background]
        obs, other = sum(s.kind == "observational" for s in main), sum(s.kind != "observational" for s in main)
        named = any(s.kind == "observational" and not s.inferred for s in main)
        if self.observational_mostly and (self.main is not None or all(s.kind == "observational" for s in self.done) or all(
                s.kind in ("observational", "human") for s in main) and (obs > other or obs == other and named)):
            return self.first_observational
        return None

    # ---- populations ----
    def subgroup(self, section: int | None = None) -> tuple[str, Study] | None:
        """The subgroup the human evidence (of ``section``, or of the article) is limited to, and a study
        that shows it; None when a study covered people in general or results were similar across groups."""
        if self.uniform or self.dominant_non_human() is not None or self.main is None:
            return None
        if section not in self._subgroups:  # once per section: every claim of a long page asks
            self._subgroups[section] = self._limited_to(self._people(None) if section is None else self._people(section))
        return self._subgroups[section]

    def _people(self, section: int | None) -> list[Study]:
        """The studies of people whose size or design is given, of ``section`` (None: all), indexed once."""
        if self._by_section is None:
            self._by_section = {}
            blocks, sents = self.doc.blocks, self.doc.sentences
            for s in self.done:
                if s.kind in HUMAN_KINDS and not s.background and s.sized and s.research:
                    self._by_section.setdefault(blocks[sents[s.sentence].block].section, []).append(s)
        if section is None:
            return sorted((s for group in self._by_section.values() for s in group), key=lambda s: s.sentence)
        return self._by_section.get(section, [])

    def describes_people(self, section: int) -> bool:
        """``section`` describes a study of people (its size or design given)."""
        return bool(self._people(section))

    def paragraph_subgroup(self, block: int) -> tuple[str, Study] | None:
        """The subgroup the studies of people told in paragraph ``block`` are limited to: in a round-up of
        many studies, the claim beside a study is judged by that study ("Almonds lower cholesterol. In a
        trial of 48 postmenopausal women, ...")."""
        if self.uniform:
            return None
        if self._by_block is None:  # once: each claim asks about its own paragraph
            self._by_block = {}
            for s in self.done:
                if s.kind in HUMAN_KINDS and not s.background and s.sized and s.research:
                    self._by_block.setdefault(self.doc.sentences[s.sentence].block, []).append(s)
        return self._limited_to(self._by_block.get(block, []))

    def _limited_to(self, human: list[Study]) -> tuple[str, Study] | None:
        """The subgroup that every study of ``human`` is limited to (the first named), or None."""
        sents = self.doc.sentences
        groups: dict[str, Study] = {}
        for s in human:  # only studies whose size or design is given: who was studied, not who is mentioned
            if MIXED_SEX.search(self.doc.text, sents[s.sentence].start, sents[s.sentence].end):
                return None  # "58% were women": both sexes were studied
            sub = [p for p in s.populations if p in _SUBGROUP_KINDS]
            if not sub:
                if any(p in ("adults", "patients", "students") for p in s.populations):  # ("healthy" says no more)
                    return None  # a study of adults in general
                continue
            for p in sub:
                groups.setdefault(p, s)
        if not groups:
            return None
        sexes = {p for p in groups if _SUBGROUP_KINDS[p] == "sex"}
        if {"men", "male", "males", "boys"} & sexes and {"women", "female", "females", "girls"} & sexes:
            for p in list(groups):
                if p in sexes:
                    del groups[p]
            if not groups:
                return None
        order = {"stage": 0, "condition": 1, "sex": 2, "age": 3, "other": 4}
        return min(groups.items(), key=lambda kv: (kv[1].sentence, order[_SUBGROUP_KINDS[kv[0]]]))

    def difference(self) -> Difference | None:
        return self.differences[0] if self.differences else None


def _mostly(studies: list[Study], these: Sequence[str], others: Sequence[str]) -> bool:
    """The evidence is mostly of ``these`` kinds: at least one, and more than twice as many sentences
    describe them as describe ``others`` (a passing mention of a trial does not outweigh the study)."""
    n = sum(s.kind in these for s in studies)
    m = sum(s.kind in others for s in studies)
    return n > 0 and n >= 2 * m + 1
