"""Document-level analysis: quoted sentences, per-sentence facts and the evidence each claim rests on.

Evidence is a sentence that describes a study: its species (mice, cells), its
design (cohort, survey, randomised trial) or its population (men, older
adults). For a claim, the nearest study described wins: the claim's own
sentence, then its paragraph, then quoted material and the preceding
paragraphs of the same section (a heading starts a new section).

The linter makes one :class:`DocumentAnalysis` per document and hands it to
every rule; each part of it is computed the first time a rule asks for it.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from . import SentenceFacts, analyze_sentences, lower_same_length
from .facts import EXPERIMENTAL_DESIGNS, OBSERVATIONAL_DESIGNS
from .quotes import quoted_flags

if TYPE_CHECKING:
    from ..read.document import Document, Sentence

SUBGROUPS = frozenset({"men", "women", "male", "female", "males", "females", "boys", "girls", "children",
                       "adolescents", "infants", "older_adults", "elderly", "pregnant", "postmenopausal",
                       "premenopausal", "people_with", "veterans", "smokers", "athletes", "patients"})
# A sentence "states an effect" when it has a causal/conditional claim or an effect verb.
EFFECT_WORDS = [
    r"calm(?:s|ed)", r"reduc(?:es|ed|e)", r"lower(?:s|ed)", r"eas(?:es|ed)", r"boost(?:s|ed)", r"improv(?:es|ed|e)",
    r"block(?:s|ed)", r"prevent(?:s|ed)?", r"protect(?:s|ed)?", r"cur(?:es|ed)", r"treat(?:s|ed)", r"heal(?:s|ed)?",
    r"fights", r"restor(?:es|ed|e)", r"shrinks", r"kill(?:s|ed)", r"slow(?:s|ed)", r"revers(?:es|ed)",
    r"reliev(?:es|ed|e)", r"cuts", r"rais(?:es|ed)", r"increas(?:es|ed)", r"decreas(?:es|ed)", r"enhanc(?:es|ed|e)",
    r"inhibit(?:s|ed)?", r"stops", r"stopped", r"trigger(?:s|ed)", r"caus(?:es|ed)", r"leads\s+to", r"helps",
    r"helped", r"sharpen(?:s|ed)?", r"extend(?:s|ed)?", r"repair(?:s|ed)", r"regrows", r"ruin(?:s|ed)?",
    r"damag(?:es|ed)", r"strengthen(?:s|ed)?", r"weaken(?:s|ed)?", r"worsen(?:s|ed)?", r"shorten(?:s|ed)?",
    r"lengthen(?:s|ed)",
    r"makes\s+(?:\w+\s+){0,2}(?:more|less|better|worse|healthier|happier|smarter|stronger|weaker)",
]
EFFECT = regex.compile(r"\b(?:" + "|".join(EFFECT_WORDS) + r")\b", regex.IGNORECASE)
ASSOCIATION = regex.compile(r"associat|linked|\blinks?\b|correlat|relationship\s+between|\brelated\s+to|"
                            r"more\s+likely|less\s+likely|\brisk\b", regex.IGNORECASE)
OBSERVATIONAL = regex.compile(r"\bsurvey(?:ed|s)?\b|\bcohort\b|\bobservational\b|\bcross[\s-]sectional\b|"
                              r"\bcase[\s-]control\b|\bepidemiological\b|\bfollowed\s+(?:up\s+)?[\d,]+\s+\w+",
                              regex.IGNORECASE)
TRIAL = regex.compile(r"\bplacebo|double[\s-]blind|randomi[sz]ed|controlled\s+trial\b", regex.IGNORECASE)
HUMAN_SUBJECTS = regex.compile(r"\b(?:participants|patients|volunteers|users|subjects|respondents|"
                               r"people\s+(?:who|with)|adults|mothers)\b", regex.IGNORECASE)
IMPERATIVE = regex.compile(r"\W*(?:try|avoid|eat|drink|take|cut|stop|start|get|make|keep|add|swap|choose|limit)\b",
                           regex.IGNORECASE)
CONTENT_WORD = regex.compile(r"\b[^\W\d_]{4,}\b")
STOP = frozenset("""about above after again against among because before being below between both could
does doing during each either every from further have having here into itself just more most much must
never other over same should since some such than that their theirs them then there these they this those
through under until very were what when where which while whom will with would your yours also been like
only even many people study studies researchers research found shows showed said says according year years
time times group groups result results effect effects risk higher lower less more likely""".split())
MAX_BLOCKS_BACK = 4  # how many paragraphs back a claim may lean on a study
# The claim sentence itself says the result is not (yet) about people.
NON_HUMAN_QUALIFIER = regex.compile(
    r"\b(?:in|on|of|with)\s+(?:\w+[\s-]){0,3}(?:mice|mouse|rats?|rodents?|animals?|monkeys|primates|voles|"
    r"zebrafish|worms|flies|fruit\s+flies|pigs|dogs|cells?|cell\s+lines?|tissues?|the\s+lab(?:oratory)?|"
    r"petri\s+dish(?:es)?|test\s+tubes?|cultures?)\b|\b(?:animal|rodent|mouse|rat|preclinical|lab|laboratory|"
    r"in\s+vitro|cell)[\s-](?:stud(?:y|ies)|models?|experiments?|research|work|data|results?)\b|"
    r"\bpreclinical\b|\bin\s+vitro\b|\b(?:not|never|yet\s+to\s+be)\s+(?:yet\s+)?(?:been\s+)?(?:tested|studied|"
    r"shown|confirmed)\s+in\s+(?:people|humans)\b",
    regex.IGNORECASE,
)
STUDY_WORDS = regex.compile(r"\b(?:stud(?:y|ies)|participants|subjects|respondents|researchers|we\s+found|"
                            r"results?|data|cohort|sample|survey|trial|group)\b", regex.IGNORECASE)
CHUNK = 2048  # sentences analysed together (bounds the memory of the joined text)
_NON_HUMAN_DESIGNS = frozenset({"in_vitro", "animal"})
_PENDING = object()  # evidence not looked for yet


@dataclass(slots=True)
class Evidence:
    """A study described at a sentence: what kind, and the words that say so."""

    sentence: int
    kind: str  # animal | cells | observational | trial | human
    label: str
    start: int
    end: int
    populations: tuple[str, ...] = ()


class DocumentAnalysis:
    """Which sentences are quoted, facts for every sentence, the evidence described, and
    claim -> evidence links, each computed on first use.

    Sentences are analysed :data:`CHUNK` at a time with
    :func:`~healthlint.analyse.analyze_sentences` (the same facts as one
    :func:`~healthlint.analyse.analyze_sentence` call each, faster).
    """

    def __init__(self, doc: "Document") -> None:
        self.doc = doc
        sents = doc.sentences
        self._evidence: list[Evidence | None | object] = [_PENDING] * len(sents)  # found on first use
        self._pending = len(sents)
        self.candidates: list[int] | None = None  # claim sentences, filled by the evidence checks
        self._nearest: dict[int, Evidence | None | object] = {}  # nearest_evidence, once per sentence
        self._beyond: dict[int, Evidence | None] = {}  # per block: the study found outside it (see _find_nearest)
        self._last = array("q", [-2]) * len(sents)  # per sentence: the last study sentence at or before it
        self._next = array("q", [-2]) * len(sents)  # ... and the first at or after it (-1: none; -2: not known)
        self._qualified: dict[int, bool] = {}  # qualified_non_human, once per sentence

    @cached_property
    def quoted(self) -> bytes:
        """One byte per sentence: 1 when it is quoted material (see :mod:`.quotes`)."""
        return bytes(quoted_flags(self.doc))

    def is_quoted(self, s: "Sentence") -> bool:
        """True when the sentence is quoted material rather than the writer's claim."""
        return self.quoted[s.index] == 1

    @cached_property
    def facts(self) -> list[SentenceFacts]:
        """The facts of every sentence."""
        text = self.doc.text
        sents = self.doc.sentences
        facts: list[SentenceFacts] = []
        for lo in range(0, len(sents), CHUNK):
            part = sents[lo : lo + CHUNK]
            texts = [text[s.start : s.end] for s in part]
            lows = [lower_same_length(t) for t in texts]
            facts.extend(analyze_sentences(texts, [s.start for s in part], lows))
        return facts

    # -- evidence ---------------------------------------------------------------------------
    @property
    def evidence(self) -> list[Evidence | None]:
        """The study each sentence describes, if any (all of them found)."""
        if self._pending:
            for i in range(len(self._evidence)):
                self._ev(i)
        return self._evidence  # type: ignore[return-value]

    def _ev(self, i: int) -> Evidence | None:
        """The study sentence ``i`` describes, found once."""
        ev = self._evidence[i]
        if ev is _PENDING:
            ev = self._evidence[i] = self._evidence_of(i)
            self._pending -= 1
        return ev  # type: ignore[return-value]

    def _search(self, pattern: "regex.Pattern[str]", i: int) -> "regex.Match[str] | None":
        """``pattern`` in sentence ``i``."""
        s = self.doc.sentences[i]
        return pattern.search(self.doc.text, s.start, s.end)

    def _evidence_of(self, i: int) -> Evidence | None:
        """The study sentence ``i`` describes."""
        f = self.facts[i]
        s = self.doc.sentences[i]
        pops = tuple(sorted({c.kind for c in f.populations})) if f.populations else ()
        if f.species or f.designs:
            non_human = [c for c in f.species if c.kind != "humans"]
            designs = f.design_kinds
            if non_human or designs & _NON_HUMAN_DESIGNS:
                cells = any(c.kind == "cells" for c in non_human) or "in_vitro" in designs
                cue = (non_human or [c for c in f.designs if c.kind in ("in_vitro", "animal")])[0]
                return Evidence(i, "cells" if cells and not any(c.kind != "cells" for c in non_human) else "animal",
                                cue.text, cue.start, cue.end, pops)
        for kind, designs_of_kind, words in (("trial", EXPERIMENTAL_DESIGNS, TRIAL),
                                             ("observational", OBSERVATIONAL_DESIGNS, OBSERVATIONAL)):
            ev = self._design_evidence(i, kind, designs_of_kind, words, pops)
            if ev is not None:
                return ev
        if f.claim == "correlational" and not f.negated and f.claim_cue is not None and \
                ASSOCIATION.search(f.claim_cue.text) and (
            self.is_quoted(s) or f.sample_size or f.populations or self._search(STUDY_WORDS, i)
        ):
            c = f.claim_cue
            return Evidence(i, "observational", c.text, c.start, c.end, pops)
        if f.populations and (f.sample_size or self._search(STUDY_WORDS, i)):
            cue = f.populations[0]
            return Evidence(i, "human", cue.text, cue.start, cue.end, pops)
        m = self._search(HUMAN_SUBJECTS, i)
        if m and (f.sample_size or self.is_quoted(s) or self._search(STUDY_WORDS, i)):
            return Evidence(i, "human", m.group(0), m.start(), m.end(), pops)
        return None

    def _design_evidence(self, i: int, kind: str, kinds: frozenset[str], words: "regex.Pattern[str]",
                         pops: tuple[str, ...]) -> Evidence | None:
        """Evidence of ``kind`` from the analysis' design cues, else from the context's own words."""
        designs = self.facts[i].designs
        cues = [c for c in designs if c.kind in kinds] if designs else None
        if cues:
            return Evidence(i, kind, cues[0].text, cues[0].start, cues[0].end, pops)
        m = self._search(words, i)
        return Evidence(i, kind, m.group(0), m.start(), m.end(), pops) if m else None

    def nearest_evidence(self, i: int, *, same_block: bool = True) -> Evidence | None:
        """The nearest study described for sentence ``i`` (its own, its paragraph's, then earlier)."""
        if not same_block:
            return self._find_nearest(i, False)
        found = self._nearest.get(i, _PENDING)
        if found is _PENDING:
            found = self._nearest[i] = self._find_nearest(i, True)
        return found  # type: ignore[return-value]

    def _find_nearest(self, i: int, same_block: bool) -> Evidence | None:
        """Linear in the document however long a paragraph is: the study sentences nearest
        before and after come from :meth:`_study_at_or`, and what lies outside the claim's
        paragraph is looked for once per paragraph (a paragraph of thousands of claims with no
        study once cost time quadratic in its length)."""
        sents = self.doc.sentences
        here = sents[i]
        ev = self._ev
        if ev(i) is not None:
            return ev(i)
        # the same paragraph, nearest first (earlier sentences win ties)
        if same_block:
            j, k = self._study_at_or(i - 1, -1), self._study_at_or(i + 1, 1)
            j = j if j >= 0 and sents[j].block == here.block else -1
            k = k if k >= 0 and sents[k].block == here.block else -1
            if j >= 0 and (k < 0 or i - j <= k - i):
                return ev(j)
            if k >= 0:
                return ev(k)
        if here.block not in self._beyond:
            self._beyond[here.block] = self._outside_block(i)
        return self._beyond[here.block]

    def _outside_block(self, i: int) -> Evidence | None:
        """For the paragraph of sentence ``i``: quoted material in the block right after it
        (introduced by it), then the nearest study in up to :data:`MAX_BLOCKS_BACK` earlier
        paragraphs of its section."""
        doc = self.doc
        sents = doc.sentences
        blocks = doc.blocks
        here = sents[i]
        section = blocks[here.block].section
        ev = self._ev
        k = i + 1
        while k < len(sents) and sents[k].block == here.block:
            k += 1
        nxt = sents[k].block if k < len(sents) else -1
        while k < len(sents) and sents[k].block == nxt and self.is_quoted(sents[k]) \
                and blocks[nxt].section == section:
            if ev(k) is not None:
                return ev(k)
            k += 1
        j = i - 1
        while j >= 0 and sents[j].block == here.block:
            j -= 1
        j = self._study_at_or(j, -1)  # sections and distances only grow going back: the first study decides
        if j >= 0 and blocks[sents[j].block].section == section and here.block - sents[j].block <= MAX_BLOCKS_BACK:
            return ev(j)
        return None

    def _study_at_or(self, i: int, step: int) -> int:
        """The sentence nearest to ``i`` (itself, or going ``step`` = -1 back or 1 forward) that
        describes a study; -1 when there is none. Remembered for every sentence passed."""
        known = self._last if step < 0 else self._next
        passed = []
        found = -1
        while 0 <= i < len(known):
            if known[i] != -2:
                found = known[i]
                break
            if self._ev(i) is not None:
                found = i
                break
            passed.append(i)
            i += step
        for p in passed:
            known[p] = found
        if 0 <= i < len(known):
            known[i] = found
        return found

    def document_evidence(self) -> list[Evidence]:
        return [e for e in self.evidence if e is not None]

    def evidence_summary(self) -> tuple[Evidence | None, bool]:
        """The first study in animals or cells, and whether any study in people is described.

        What a headline is judged on; sentences are looked at in order only until both are known.
        """
        animal, people = None, False
        for i in range(len(self._evidence)):
            ev = self._ev(i)
            if ev is None:
                continue
            if ev.kind in ("animal", "cells"):
                animal = animal or ev
            else:  # trial, observational, human
                people = True
            if animal is not None and people:
                break
        return animal, people

    # -- claims -------------------------------------------------------------------------------
    def is_writers_claim(self, i: int) -> bool:
        """The writer's own (not quoted), asserted (not negated, not a question) statement."""
        s = self.doc.sentences[i]
        f = self.facts[i]
        return not (self.is_quoted(s) or f.question or f.negated) and self.doc.blocks[s.block].body

    def states_effect(self, i: int) -> bool:
        f = self.facts[i]
        if f.claim in ("causal", "conditional"):
            return True
        return f.claim != "correlational" and self._effect(i) is not None

    def _effect(self, i: int) -> tuple[int, int] | None:
        """The span of :data:`EFFECT`'s match in sentence ``i``."""
        m = self._search(EFFECT, i)
        return m.span() if m is not None else None

    def effect_cue(self, i: int) -> str:
        """The words that state the effect (the claim cue, else the effect verb)."""
        f = self.facts[i]
        if f.claim_cue is not None:
            return f.claim_cue.text
        span = self._effect(i)
        return self.doc.text[span[0] : span[1]] if span else "causal wording"

    def imperative(self, i: int) -> bool:
        """Advice to the reader ("Cut down on sugar."), not a claim about a study."""
        s = self.doc.sentences[i]
        m = EFFECT.match(self.doc.text, s.start, s.end) or IMPERATIVE.match(self.doc.text, s.start, s.end)
        return m is not None

    def shares_topic(self, i: int, j: int) -> bool:
        """Claim ``i`` and evidence ``j`` share a content word (the exposure or the outcome)."""
        return bool(self._content(i) & self._content(j))

    def _content(self, i: int) -> set[str]:
        s = self.doc.sentences[i]
        words = (w.lower() for w in CONTENT_WORD.findall(self.doc.text, s.start, s.end))
        return {w[:4] for w in words if w not in STOP}  # a crude stem: "walkers" ~ "walking"

    def causal_effect(self, i: int) -> bool:
        """An unhedged causal statement (the analysis says causal, or an effect verb with no claim)."""
        f = self.facts[i]
        if f.hedge or f.claim in ("correlational", "conditional"):
            return False
        if f.claim == "causal":
            return True
        return self._effect(i) is not None

    def qualified_non_human(self, i: int) -> bool:
        """The sentence itself says the result is from animals, cells or the lab (found once)."""
        found = self._qualified.get(i)
        if found is None:
            f = self.facts[i]
            found = self._qualified[i] = bool(
                any(c.kind != "humans" for c in f.species) or f.design_kinds & {"in_vitro", "animal"}
                or self._search(NON_HUMAN_QUALIFIER, i))
        return found

    def line_of(self, i: int) -> int:
        s = self.doc.sentences[i]
        return self.doc.lines.position(self.doc.source_span(s.start, s.end)[0])[0]

    def evidence_note(self, i: int) -> str | None:
        ev = self.nearest_evidence(i)
        if ev is None:
            return None
        return f"{ev.kind} ({ev.label}) at line {self.line_of(ev.sentence)}"
