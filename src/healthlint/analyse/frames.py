"""Claim frames: what a sentence says changes what, for whom, and how strongly.

A :class:`Frame` has the *predicate* (the effect words, with their strength on
the Yu et al. scale and their kind: ``therapy``, ``lower``, ``raise``,
``cause``, ``help``), the *exposure* before it (a product, drug, food or
behaviour, or a pronoun standing for the page's subject), the *outcome* after
it (a condition from the ``conditions`` lexicon, a measure from ``outcomes``,
or a mechanism: cells, genes, enzymes), and *whom* it is stated for: a named
population, a non-human species (which qualifies the claim), or people in
general ("you", "people", "a person's").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from .lexicon import one_of
from .terms import Term, normalise
from .usage import (COPULA_AFTER, DETERMINER_BEFORE, NOUN_FORMS, PREVALENCE, VERB_NOUNS, after_preposition, attributive, bare_participle, comparative, determined,
                    finite, gerund, in_condition, in_name, in_purpose, in_relative_clause, is_passive, per_unit, predicative,
                    subject_gerund)

MAX_EFFECT_WORDS = 16  # the effect words of a sentence weighed as its predicate (a run-on sentence may hold thousands)
# condition kinds (lexicon "conditions") and outcome kinds (lexicon "outcomes") that are health outcomes
NON_HUMAN = frozenset({"rodent", "animal", "cells", "lab"})
HEALTH_OUTCOMES = frozenset({"disease", "symptom", "function", "death", "risk", "life", "measure", "body", "generic"})
_CLAUSE_END = re.compile(r"[;:]|,\s*(?:which|while|whereas|but|although|though)\b|\s(?:but|whereas|although)\s")
_LATER_CLAUSE = re.compile(r",\s*(?:and|but|while|so)\s+(?:it|they|this|that|you|he|she|we)\b|;\s"
                           r"|\s(?:and|but)\s+(?=(?:could|may|might)\s)", re.IGNORECASE)  # "protects the brain and could help ..."
_US = re.compile(r"\bus\b")  # "helps us live longer" (not "US" the country)
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:(?:\d+[.)]\s*)?(?:it|this|they|these|this\s+\w+|these\s+\w+|the\s+(?:product|supplement|oil"
                              r"|formula|blend|extract|remedy|tea|gummies|capsules|tincture|herb|spice))\b)", re.IGNORECASE)
# "in cancer cells", "on human cells in a dish": cells that qualify a result, not the object of an effect
_QUALIFIER = re.compile(r"\b(?:in|on|of|with|from|using|among)\s+(?:\w+[\s-]+){0,3}$", re.IGNORECASE)
_FOUND_TO = re.compile(r"\b(?:found|shown|proven|proved|known|seen|said|reported|thought)\s+to\s+(?:\w+ly\s+)?", re.IGNORECASE)
_MAKES_LIKELY = re.compile(r"\bmak(?:es|e|ing)\s+(?:\w+\s+){1,4}?(?:more|less)\s+likely\b"
                           r"|\bmak(?:es|e)\s+(?:\w+\s+){1,3}?(?:more|less)\s+(?!likely)\w+"
                           r"|\bmak(?:es|e)\s+(?:\w+\s+){1,3}?(?:better|worse|healthier|happier|smarter|stronger|weaker|sicker|fitter|thinner|fatter"
                           r"|denser|thicker|leaner|slimmer|sharper|calmer|younger|sturdier|tougher)\b"
                           r"|\b(?:puts?|putting)\s+(?:[\w'’]+\s+){1,4}?at\s+(?:\w+\s+)?risk\b"
                           r"|\b(?:is|are|was|were)\s+(?:partly\s+|largely\s+|mainly\s+)?to\s+blame\s+for\b")  # of lower-cased text
# "This time delay is the reason": a verb form right before "is"/"was" is a noun
_NOUN_BEFORE_COPULA = re.compile(r"\s+(?:is|was|are|were)\b", re.IGNORECASE)
# idioms of effect: "keeps your memory sharp", "keeps the pounds away", "keeps heart disease at bay", "keeps blood sugar
# from spiking", "adds years to your life"
_KEEPS = re.compile(r"\b(?:keeps?|keeping|kept)\s+(?:[\w'’-]+\s+){1,3}?(?:sharp|healthy|young|younger|strong|stronger|fit|slim|trim"
                    r"|supple|away|at\s+bay|in\s+check|in\s+(?:good\s+|great\s+|top\s+)?shape|under\s+control|steady|stable|normal|balanced|in\s+range"
                    r"|from\s+(?:spiking|rising|climbing|soaring|crashing|dropping|falling|getting\s+worse))\b"
                    r"|\badd(?:s|ed|ing)?\s+(?:\w+\s+)?years\s+to\s+(?:your\s+|their\s+|one's\s+|a\s+person's\s+)?life\b"
                    # "adds more than half an hour of sleep a night", "can add bone where you need it"
                    r"|\badd(?:s|ed|ing)?\s+(?:(?:more\s+than|up\s+to|about|nearly|almost)\s+)?(?:[\w'’-]+\s+){0,4}?(?:of\s+)?"
                    r"(?:bone|muscle|lean\s+mass|sleep|deep\s+sleep|strength|healthy\s+years)\b"
                    # "will give your stamina a boost"
                    r"|\bgi(?:ve|ves|ving|ven|ave)\s+(?:[\w'’-]+\s+){1,3}?an?\s+(?:real\s+|big\s+|welcome\s+)?(?:boost|lift|kick)\b",
                    re.IGNORECASE)
_NOUN_CAUSE = re.compile(r"\b(?:the|a|major|main|common|leading|other|all|top|many|most|primary|underlying|root|known|possible|"
                         r"\w+-related)\s+(?:causes?|triggers?|drivers?)\b", re.IGNORECASE)


@dataclass(slots=True)
class Frame:
    """One sentence's claim frame (offsets are prose offsets of the document)."""

    strength: str  # causal | conditional | correlational | none: the asserted claim
    hedged: bool
    predicate: tuple[int, int] | None = None
    predicate_text: str = ""
    predicate_kind: str = ""  # therapy | lower | raise | cause | help | "" (a Yu cue with no lexicon verb)
    exposure: Term | None = None
    exposure_kind: str = ""  # product kind, "drug", "pronoun" or ""
    outcome: Term | None = None
    outcome_kind: str = ""  # disease | symptom | function | death | risk | life | measure | body | mechanism | ""
    outcome_after: bool = False  # the outcome follows the predicate (its object), not before it (its subject)
    general: bool = False  # stated for people in general
    universal: bool = False  # stated for everyone ("anyone", "for all")
    populations: tuple[str, ...] = ()
    species: tuple[str, ...] = field(default_factory=tuple)

    @property
    def states_effect(self) -> bool:
        """An effect is asserted (a causal or conditional claim, or an effect verb)."""
        return self.strength in ("causal", "conditional") or bool(self.predicate_kind)

    @property
    def health_outcome(self) -> bool:
        return self.outcome_kind in HEALTH_OUTCOMES


def build_frame(text: str, offset: int, terms: Sequence[Term], facts: object) -> Frame | None:
    """The frame of the sentence ``text`` at prose ``offset``; ``terms`` are its lexicon terms
    (document offsets), ``facts`` its :class:`~healthlint.analysis.SentenceFacts`."""
    claim = getattr(facts, "claim", "none")
    negated = getattr(facts, "negated", False)
    question = getattr(facts, "question", False)
    cue = getattr(facts, "claim_cue", None)
    # "keeps your brain sharp", "adds years to your life": an idiom of effect, weighed when a health outcome is named
    keeps = _KEEPS.search(text) if any(t.lexicon in ("outcomes", "conditions") for t in terms) else None
    if keeps is not None and (text[max(0, keeps.start() - 3) : keeps.start()].lower() == "to " and not _way_to(text, keeps.start())
                              or _purpose(text, keeps.start())
                              or in_relative_clause(text, keeps.start())):
        keeps = None  # "take calcium to keep their bones strong", "ways to keep your brain sharp": a purpose, no claim;
        # "insulin, the hormone that keeps blood sugar in check": a description
    heads = {t.kind for t in terms if t.lexicon == "pattern_heads"}  # the head words the one pass found
    low = normalise(text) if heads else ""  # lower case, the same length
    likely = (_MAKES_LIKELY.search(low) if "makes_likely" in heads else None) or keeps
    due = _DUE_TO.search(low) if "due_to" in heads else None
    if cue is None and likely is None and due is None and not any(t.lexicon == "effects" for t in terms):
        return None  # no claim cue, no effect word, no "makes ... more likely": nothing to frame
    if cue is not None and (_NOUN_CAUSE.search(text, max(0, cue.start - offset - 30), cue.end - offset + 4)
                            or text[cue.end - offset : cue.end - offset + 1] == "-" or bare_participle(text, cue, offset)
                            or attributive(text, cue, offset) or in_name(text, cue, offset)
                            or _DISOWNED.search(text, max(0, cue.start - offset - 40), cue.start - offset)
                            or _NOMINAL_OF.match(text, cue.end - offset) or in_condition(text, cue.start - offset)
                            or _NOT_AN_EFFECT.match(text, cue.end - offset) or _purpose(text, cue.start - offset)
                            or _NOUN_BEFORE_COPULA.match(text, cue.end - offset) or cue.kind == "causal" and _AMOUNT.match(text, cue.end - offset)
                            or comparative(text, cue, offset) or per_unit(text, cue, offset)
                            or cue.text.lower() in NOUN_FORMS and DETERMINER_BEFORE.search(text, max(0, cue.start - offset - 40),
                                                                                            cue.start - offset)
                            or cue.text.lower() in VERB_NOUNS and determined(text, cue, offset)
                            or _ADJUSTED_FOR.search(text, max(0, cue.start - offset - 100), cue.start - offset)
                            or _OBJECT_OF.search(text, max(0, cue.start - offset - 40), cue.start - offset)
                            or subject_gerund(text, cue, offset) and COPULA_AFTER.match(text, cue.end - offset)
                            or after_preposition(text, cue, offset) or _inside_term(cue, terms)
                            or PREVALENCE.match(text, cue.start - offset)):
        cue, claim = None, "none"  # "major causes of death", "Triple-Strength": a noun or an adjective, not a claim
    near = [t for t in terms if t.lexicon != "effects"]
    # the tests that rule an effect word out most often for their cost come first
    effects = [t for t in [x for x in terms if x.lexicon == "effects"][:MAX_EFFECT_WORDS]
               if not _inside_term(t, near) and not _purpose(text, t.start - offset)
               and text[t.end - offset : t.end - offset + 1] != "-" and not _NOMINAL_OF.match(text, t.end - offset)
               and not after_preposition(text, t, offset)
               and not (t.kind != "therapy_noun" and determined(text, t, offset))
               and not in_name(text, t, offset) and not attributive(text, t, offset) and not per_unit(text, t, offset)
               and not predicative(text, t, offset)
               and not _NOT_AN_EFFECT.match(text, t.end - offset) and not _NOUN_BEFORE_COPULA.match(text, t.end - offset)
               and not _DISOWNED.search(text, max(0, t.start - offset - 40), t.start - offset)
               and not _DISOWNED_AFTER.match(text, t.end - offset)
               and not _ADJUSTED_FOR.search(text, max(0, t.start - offset - 100), t.start - offset)
               and not _OBJECT_OF.search(text, max(0, t.start - offset - 40), t.start - offset)
               and not in_condition(text, t.start - offset) and not in_relative_clause(text, t.start - offset)]
    if effects and subject_gerund(text, effects[0], offset) and (len(effects) > 1 or cue is not None and cue.start > effects[0].end
                                                                or COPULA_AFTER.match(text, effects[0].end - offset)):
        effects = effects[1:]  # "Cutting out ready meals lifts your mood": the -ing word names the exposure
    effects = [t for t in effects if not gerund(text, t, offset) and not (
        comparative(text, t, offset) and not any(x.lexicon == "conditions" and 0 < x.start - t.end <= 8 for x in terms))]
    # ("doubles that of Wales": numbers compared; "halves blisters": a condition halved)
    if len(effects) > 1 and effects[1].start == effects[0].end + 1 and any(
            x.lexicon == "products" and x.end + 1 == effects[0].start for x in terms):
        effects = effects[1:]  # "Vitamin D drops cut asthma attacks": the first word names the product's form
    if cue is not None and in_relative_clause(text, cue.start - offset):
        cue, claim = None, "none"  # "a blood clot, which can cause stroke": a description inside the claim, not the claim
    # "Most of these deaths are due to methadone": a cause told of its effect, when nothing else frames the sentence
    due = due if cue is None and not effects and not likely else None
    if cue is None and not effects and not likely and not due:
        return None
    strength = "none" if negated else claim
    if question and strength != "none":
        strength = claim  # "how does X prevent Y?" presupposes the claim (roles decide whether it is one)
    if likely:
        hedged = _hedged_outside(facts, offset + likely.start(), offset + likely.end())
        if strength in ("none", "correlational"):
            strength = "conditional" if hedged else "causal"
    else:  # hedged: a modal or adverb of possibility ("may", "could", "possibly"), not a reporting verb ("suggests")
        hedged = any(c.text.lower().split()[0] in _POSSIBILITY for c in getattr(facts, "hedges", ()) or ()) or bool(
            _BELIEVED.search(text)) or bool(_SUPPOSED.match(text))
    if due:
        strength = "none" if negated else "conditional" if hedged else "causal"
    pred = effects[0] if effects else None
    if pred is not None and strength in ("none", "correlational") and not hedged and not negated and (
            found := _FOUND_TO.search(text, 0, pred.start - offset + 1)) is not None and found.end() == pred.start - offset:
        strength = "causal"  # "Coffee found to lower risk", "was shown to reduce": a finding stated as a cause
    if likely and (pred is None or offset + likely.start() < pred.start):
        p_start, p_end, p_text = offset + likely.start(), offset + likely.end(), text[likely.start() : likely.end()]
    elif due:
        p_start, p_end, p_text = offset + due.start(), offset + due.end(), text[due.start() : due.end()]
    elif cue is not None and (pred is None or cue.start < pred.start):
        p_start, p_end, p_text = cue.start, cue.end, cue.text
    elif pred is not None:
        p_start, p_end, p_text = pred.start, pred.end, text[pred.start - offset : pred.end - offset]
    else:
        return None
    kind = pred.kind if pred is not None else ""
    if strength == "none" and pred is not None and not negated and not question and finite(text, pred, offset) \
            and _has_object(text, pred, offset, terms):
        strength = "conditional" if _MODAL_BEFORE.search(text, 0, pred.start - offset) else "causal"
    if hedged and not likely and not negated and cue is not None and cue.start > p_end and pred is not None and p_start == pred.start:
        later = _LATER_CLAUSE.search(text, p_end - offset, cue.start - offset)
        if later is not None and finite(text, pred, offset):
            # "X protects you against diabetes, and it may help you sleep too": the hedge is the next clause's
            hedged, strength = False, "causal"
    elif hedged and not likely and not negated and pred is not None and p_start == pred.start and strength in ("causal", "conditional"):
        cues = getattr(facts, "hedges", ()) or ()
        last = max((c.end for c in cues), default=None)
        if last is not None and last <= p_start and _LATER_CLAUSE.search(text, last - offset, p_start - offset) is not None \
                and finite(text, pred, offset) and not _MODAL_BEFORE.search(text, 0, p_start - offset):
            # "Coffee probably isn't good for you, but it does lower your risk of cancer": the hedge is the first clause's
            hedged, strength = False, "causal"
    f = Frame(strength, hedged, (p_start, p_end), p_text, kind)
    # the outcome: the first health outcome after the predicate in its clause, else any in the sentence
    clause_end = offset + len(text)
    m = _CLAUSE_END.search(text, p_end - offset)
    if likely and p_start == offset + likely.start():  # "makes X more likely": X is the outcome
        p_end = offset + likely.start() + len(likely.group(0).split()[0])
    if m:
        clause_end = offset + m.start()
    outcomes = _outermost([t for t in terms if (t.lexicon in ("conditions", "outcomes")
                           or (t.lexicon == "evidence" and t.kind in ("mechanism", "cells"))) and not in_name(text, t, offset)])
    cellular = {t.start for t in outcomes if t.lexicon == "evidence"}
    # "cancer cell death", "tumour cells": the disease names the cells, the outcome is what happens to them
    outcomes = [t for t in outcomes if not (t.lexicon == "conditions" and t.end + 1 in cellular)]
    after = [t for t in outcomes if p_start <= t.start < clause_end
             and not _CAUSE_BEFORE.search(text, max(0, t.start - offset - 30), t.start - offset)]
    passive = due is not None or is_passive(text, p_start - offset, p_end - offset)
    if passive:  # "restrictions are being lifted": what is affected is the subject
        lo = max(text.rfind(c, 0, p_start - offset) for c in ",;:(") + 1
        after = [t for t in outcomes if offset + lo <= t.start < p_start]
    pick = after[0] if after else _best_outcome(outcomes)
    if pick is not None and pick.lexicon == "evidence" and len(effects) > 1:
        # "clears the protein clumps behind Alzheimer's and restores lost memory": the second verb's health outcome
        second = effects[1].end
        end = _CLAUSE_END.search(text, second - offset)
        stop = offset + end.start() if end else offset + len(text)
        pick = next((t for t in outcomes if second <= t.start < stop and t.lexicon != "evidence"
                     and t.kind in ("disease", "symptom", "function")), pick)
    f.outcome_after = bool(after)
    if pick is not None:
        f.outcome = pick
        f.outcome_kind = "mechanism" if pick.lexicon == "evidence" else pick.kind
        if f.outcome_kind == "risk" and not any(t.lexicon == "conditions" or t.lexicon == "outcomes" and t.kind != "risk"
                                                 for t in outcomes):
            f.outcome_kind = "risk_unnamed"  # "more at risk of becoming irrelevant": a risk of nothing health-related
    # a condition as the sentence's subject ("Fatty liver disease affects one adult in four"): background, no exposure
    clause_start = max(text.rfind(c, 0, p_start - offset) for c in ",;:(") + 1
    lead = [t for t in terms if t.end <= p_start and t.start - offset >= clause_start and (
        t.lexicon == "conditions" and t.kind in ("disease", "symptom") or t.lexicon == "outcomes" and t.kind == "generic")
        and not _MODIFIES.match(text, t.end - offset)  # "Gout Drug", "flu vaccine": the condition names what the thing is for
        and not any(x.lexicon in ("products", "drugs") and x.end <= p_start and x.start - offset >= clause_start for x in terms)]
    agent = (_AFTER_TO if due else _AGENT_CONDITION).match(text, p_end - offset) if passive and not _WHICH_WAS.search(
        text, max(0, p_start - offset - 40), p_start - offset) else None  # not "a stroke that was triggered by ..."
    if agent is not None or not lead and _AGENT_CONDITION.match(text, p_end - offset):
        # "Many strokes are caused by salt": the subject is what was affected, what follows "by" the exposure
        m = agent or _AGENT_CONDITION.match(text, p_end - offset)
        lead = [x for x in terms if x.lexicon == "conditions" and x.start - offset >= m.start()
                and x.start < clause_end][:1]
    # the exposure: the nearest product or drug before the predicate (after "by" in a passive), or a pronoun subject
    before = [t for t in terms if t.lexicon in ("products", "drugs") and (
        t.end <= p_start if agent is None else p_end <= t.start < clause_end)][:None if agent is None else 1]
    if lead and not (passive and kind in ("lower", "raise")):  # "The risk of stroke was reduced": the condition is what changed, not the exposure
        f.exposure, f.exposure_kind = lead[0], "condition"
    elif before:
        f.exposure = before[-1]
        f.exposure_kind = "drug" if before[-1].lexicon == "drugs" else before[-1].kind
    elif _PRONOUN_SUBJECT.match(text):
        f.exposure_kind = "pronoun"
    f.populations = tuple(sorted({c.kind for c in populations(text, offset, facts)}))
    f.species = tuple(sorted({t.kind for t in terms if t.lexicon == "evidence" and t.kind in NON_HUMAN | {"lab_generic"}
                              and (t.kind != "cells" or _QUALIFIER.search(text, max(0, t.start - offset - 80), t.start - offset))}))
    f.general = any(t.kind == "general" for t in terms) or bool(_US.search(text))
    f.universal = any(t.lexicon == "evidence" and t.kind == "universal" for t in terms)
    return f


# "making repairs", "receiving help", "need more help": the effect word is a noun, the object of another verb
_OBJECT_OF = re.compile(r"\b" + one_of(r"making|make|made|receiving|receive|received|get|gets|getting|got|need|needs|needed|needing"
                                        r"|seek|seeking|sought|offer|offers|offered|offering|provide|provides|provided|providing"
                                        r"|asking\s+for|ask\s+for")
                        + r"\s+(?:extra|little|much|more|less|some|any|no|further|urgent|medical|financial|professional)?\s*$", re.I)
_POSSIBILITY = frozenset("may might could would possibly potentially perhaps maybe probably likely unlikely appear appears"
                         " appeared seem seems seemed putative presumably conceivably plausibly hopefully".split())
_MODAL_BEFORE = re.compile(r"\b(?:may|might|could|would|possibly|potentially|perhaps|probably)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_FINITE_BEFORE = re.compile(r"(?:\b(?:can|will|does|do|did|may|might|could|would|to|also|really|actually|significantly|dramatically)"
                            r"|\w+(?:s|ed))\s+$|^\W*$", re.IGNORECASE)


# "purported health benefits", "so-called detox effects", "benefits ... were touted": named, not asserted
_DISOWNED = re.compile(r"\b" + one_of(r"purported(?:ly)?|alleged(?:ly)?|supposed(?:ly)?|so-called|so\s+called|claimed|touted"
                                       r"|reputed(?:ly)?|rumou?red|advertised|marketed|promised") + r"\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_DISOWNED_AFTER = re.compile(r"[^.;:]{0,60}?\b(?:were|was|are|is|have\s+been|has\s+been|being)\s+(?:\w+ly\s+)?(?:touted|hyped|claimed"
                             r"|promoted|advertised|marketed|oversold|overstated|exaggerated)\b", re.IGNORECASE)
_NOMINAL_OF = re.compile(r"\s+of\b|(?<=[a-z]s)\s+in\b(?!\s+(?:half|two|three|\d))")  # "the damage of", "drops in the rate": nouns


# "delayed because of the coronavirus outbreak": what follows is the cause, not the outcome
_CAUSE_BEFORE = re.compile(r"\b(?:because\s+of|due\s+to|owing\s+to|thanks\s+to|amid|during|in\s+the\s+wake\s+of|attributable\s+to"
                           r"|attributed\s+to|blamed\s+on)\s+(?:the\s+|a\s+|an\s+)?"
                           r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "adjusted for other things that can influence heart risk": the confounders of a method, not a claim
# "If that vessel is in the brain, the blockage can cause a stroke": what would follow, supposed
_SUPPOSED = re.compile(r"^\W*(?:if|unless|should|suppose|imagine)\b(?![^,;:]*\byou)[^,;:]{3,120},", re.IGNORECASE)
_ADJUSTED_FOR = re.compile(r"\b(?:adjust(?:ed|ing|ment)?s?|control(?:led|ling)?|account(?:ed|ing)?|allow(?:ed|ing)?)\s+for\b[^.;]*$"
                           r"|\b(?:taking|took|take|takes|taken)\s+into\s+account\b[^.;]*$", re.IGNORECASE)
_MODIFIES = re.compile(r"(?:\s+[\w-]+)?\s+(?:drugs?|pills?|medicines?|medications?|vaccines?|jabs?|treatments?|therapy|therapies"
                       r"|tests?|checks?|screening|patients|sufferers|remed(?:y|ies)|supplements?|apps?|programmes?|programs?|experts?"
                       r"|researchers|clinics?|charit(?:y|ies)|specialists?|doctors?|nurses?|wards?|services?)\b", re.IGNORECASE)
# "treated as presumed cases", "supported by a grant", "fuels concerns": a way of regarding or paying, or no health effect
_NOT_AN_EFFECT = re.compile(r"(?:(?<=useful)|(?<=helpful)|(?<=valuable)|(?<=effective))\s+(?:to|for|in|at)\s+(?:gaug|predict|detect|diagnos"
                            r"|assess|measur|monitor|identif|screen|spot|find|track)"
                            r"|(?:(?<=stop)|(?<=stops)|(?<=stopped)|(?<=stopping))\s+\w+ing\b(?!\s+(?:the|a|an|your|their|his|her)\b)"
                            r"|(?:\s+[\w-]+){0,3}?\s+(?:concerns?|fears?|worries|debate|controversy|questions|speculation|alarm"
                            r"|criticism|outrage|confusion|calls\s+for|interest\s+in|headlines|awareness|issues|doubts|objections|eyebrows|hopes"
                            r"|money|funds|the\s+possibility|the\s+prospect|a\s+toast|studies|findings|research|evidence|theory|hypothesis"
                            r"|the\s+idea|the\s+view|the\s+notion)\b|\s+(?:as|like)\b|(?<=help)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:detect|diagnose|find|identify|spot"
                            r"|understand|decide|choose|learn|know|track|monitor|explain|predict|plan|navigate|pay|cover|fund|gather|inform"
                            r"|guide|answer|shape|raise\s+awareness|paint|build\s+a\s+picture)\b"
                            r"|(?:(?<=helps)|(?<=helped))\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:detect|diagnose|find|identify|spot"
                            r"|understand|decide|choose|learn|know|track|monitor|explain|predict|plan|navigate|pay|cover|fund|gather|inform"
                            r"|guide|answer|shape|raise\s+awareness|paint|build\s+a\s+picture)\b|(?<=supported)\s+(?:by|with|through)\b|(?<=funded)\s+by\b|(?<=sponsored)\s+by\b", re.IGNORECASE)


_BELIEVED = re.compile(r"\b" + one_of("is|are|was|were") + r"\s+(?:\w+ly\s+)?(?:thought|believed|said|claimed|reputed|rumou?red|suspected)\s+to\b", re.I)


def _has_object(text: str, t: Term, offset: int, terms: Sequence[Term]) -> bool:
    """The verb is not a change of its subject ("Risk stopped falling", "strokes caused by"): no outcome
    before it with none after it, and no bare passive participle."""
    if bare_participle(text, t, offset) or _AMOUNT.match(text, t.end - offset):
        return False
    outcomes = [x for x in terms if x.lexicon in ("conditions", "outcomes")]
    return not outcomes or any(x.start >= t.start for x in outcomes)


# a passive whose agent is a disease: "children are affected by COVID-19"
# a relative clause in the passive: "a stroke that was triggered by the machine" describes one event
# "dropped about 14 percent", "fell by a third": an amount of change follows the verb, not an object
_AMOUNT = re.compile(r"\s+(?:by\s+)?(?:(?:about|around|almost|nearly|roughly|some|only|just|over|under|more\s+than|less\s+than"
                     r"|up\s+to)\s+)?(?:\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b|points?\b|-?fold\b)"
                     r"|(?:a|one|two)[\s-](?:third|quarter|fifth|tenth)s?\b|half\b)", re.IGNORECASE)
_WHICH_WAS = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+)?(?:is|are|was|were|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?$",
                        re.IGNORECASE)
_DUE_TO = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+|in\s+part\s+)?(?:due|attributable)\s+to\b")  # lower-cased
_AFTER_TO = re.compile(r"\s*(?:the\s+|a\s+)?")
_AGENT_CONDITION = re.compile(r"\s*by\s+(?:the\s+|a\s+)?", re.IGNORECASE)


# "A square of chocolate is the tastiest way to keep your memory in shape": a way told of its subject states the effect
_WAY_TO = re.compile(r"\b(?:is|are|be)\s+(?:(?:a|an|the|one\s+of\s+the)\s+)(?:[\w-]+\s+){0,3}?(?:way|ways|means|fix|secret|key|answer)\s+(?:for\s+(?:anyone|everyone|you|people|us)\s+)?to\s+$",
                     re.IGNORECASE)
_NO_WAY = re.compile(r"^\W*(?:there\s+is\s+no|there's\s+no|is\s+there|are\s+there|what|which|how)\b", re.IGNORECASE)


def _way_to(text: str, at: int) -> bool:
    return bool(_WAY_TO.search(text, max(0, at - 80), at)) and not _NO_WAY.match(text)


def _purpose(text: str, at: int) -> bool:
    """Position ``at`` is in a purpose clause ("ways to keep your brain sharp"), not a way its subject is said to be."""
    return in_purpose(text, at) and not _way_to(text, at)


def _hedged_outside(facts: object, lo: int, hi: int) -> bool:
    """A hedge cue outside ``[lo, hi)`` (the "likely" of "makes X more likely" is no hedge)."""
    return any(not (lo <= c.start < hi) for c in getattr(facts, "hedges", ()) or ())


def populations(text: str, offset: int, facts: object) -> list:
    """The population cues of a sentence, without those inside a name ("Brigham and Women's Hospital"); in a
    headline in title case ("Bedtime Scrolling Robs Teenagers of Sleep") a capital is no name."""
    out = []
    for c in getattr(facts, "populations", ()) or ():
        s, e = c.start - offset, c.end - offset
        if text[s : s + 1].isupper() and (text.startswith(("'s", "’s"), e) or in_name(text, c, offset)):
            continue
        out.append(c)
    return out


def _inside_term(t: "Term | object", terms: Sequence[Term]) -> bool:
    """Inside a longer term of a lexicon of things ("attack" in "heart attack", "loss" in "hair loss")."""
    return any(o.lexicon in ("conditions", "outcomes", "products", "drugs") and o.start <= t.start and t.end <= o.end
               and o.end - o.start > t.end - t.start for o in terms)


def _outermost(items: Sequence[Term]) -> list[Term]:
    """Terms not inside a longer one ("cell death", not its "death"), in one sweep by start."""
    inner: set[int] = set()
    reach, span = -1, (-1, -1)  # the furthest end of a term seen so far, and that term's span
    for t in sorted(items, key=lambda t: (t.start, -t.end)):
        if reach >= t.end and span != (t.start, t.end):
            inner.add(id(t))
        elif t.end > reach:
            reach, span = t.end, (t.start, t.end)
    return [t for t in items if id(t) not in inner]


def _best_outcome(items: Sequence[Term]) -> Term | None:
    """A health outcome wins over a mechanism; the first of each otherwise."""
    for t in items:
        if t.lexicon != "evidence":
            return t
    return items[0] if items else None
