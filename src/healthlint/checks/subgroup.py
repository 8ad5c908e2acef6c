"""``subgroup-generalization``: a result found in one sex or subgroup stated for everyone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from ..analyse.article import ArticleAnalysis, SentenceAnalysis
from ..analyse.evidence import Study
from ..analyse.instructions import imperative
from ..analyse.groups import Difference, sex_specific
from ..analyse.topics import shares_topic, stems
from ..kinds.base import Hit
from . import register
from .claims import claimed_exposure, effect_claims, names_exposure_near, other_research, tells_what_was_tested, shares_subject, subject_on_topic, takeaway, where

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document

def _about_the_condition(claim: str, evidence: str) -> bool:
    """The claim's outcome is the condition the studied group has ("people with PMS" -> "PMS symptoms")."""
    m = re.search(r"\b(?:with|who\s+have|who\s+had|suffering\s+from|diagnosed\s+with)\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", evidence, re.I)
    return bool(m) and shares_topic(claim, m.group(1), min_length=3)


def _defines_group(condition: str, evidence: str) -> bool:
    """The studied group is the people who have ``condition`` ("patients with melanoma", "melanoma patients")."""
    c = re.escape(condition)
    return bool(re.search(r"\b(?:with|who\s+ha(?:ve|d)|diagnosed\s+with|suffering\s+from)\s+(?:[\w'-]+\s+){0,3}?" + c + r"\b"
                          r"|\b" + c + r"\s+(?:patients|sufferers|survivors)\b", evidence, re.IGNORECASE))


_BY_WHAT_THEY_DO = frozenset({"athletes", "soldiers", "nurses", "shift_workers"})


def _named_as(a: ArticleAnalysis, group: str, ev: Study) -> str:
    """The words that name ``group`` in the evidence sentence ("army recruits", "trained cyclists")."""
    return next((c.text for c in getattr(a.sentences[ev.sentence].facts, "populations", ()) if c.kind == group), "")


def _group_name(group: str, evidence: str, label: str = "") -> str:
    """How the message names the group: "people with type 2 diabetes", "older adults", "army recruits"."""
    if group in _BY_WHAT_THEY_DO and label:
        return label.lower()
    if group == "people_with":
        m = re.search(r"\b(?:with|treated\s+for)\s+((?:(?!(?:who|which|that|were|was|went|had|have|has|and|or|in|for|to|from|at|on|but|after|"
                      r"before|while)\b)[\w'-]+\s*){1,3})", evidence)
        return f"people with {m.group(1).strip()}" if m else "people with one condition"
    return group.replace("_", " ")


def names_group_before(a: ArticleAnalysis, i: int) -> bool:
    """An earlier sentence of sentence ``i``'s paragraph names a population."""
    block = a.block_of(i)
    j = i - 1
    while j >= 0 and a.block_of(j) == block:
        f = a.sentences[j].facts
        if getattr(f, "populations", ()):
            return True
        j -= 1
    return False


_PAST = re.compile(r"(?:\w+ed|showed|found|had|took|was|were|led\s+to|cut|fell|rose|grew|made|lost|gave|saw|did)\b", re.IGNORECASE)
# "The therapy was also able to increase...", "The messages were most effective at...": the study's result
_PAST_BEFORE = re.compile(r"\b(?:was|were)\s+(?:\w+\s+){0,2}?(?:able\s+to\s+|unable\s+to\s+)?$", re.IGNORECASE)
_SEX_DIFF = re.compile(r"\b(?:men|women|males?|females?|boys|girls|sex|sexes|gender)\b", re.IGNORECASE)
_SEX = frozenset({"men", "women", "male", "female", "males", "females", "boys", "girls"})
_AGED_SEX = re.compile(r"\b(?:older|elderly|young|younger|middle-aged)\s+(men|women|males|females)\b", re.IGNORECASE)
_SEX_WORD = re.compile(r"\b(?:men|women|males|females|boys|girls)\b", re.IGNORECASE)  # "older men": a sex named too
# a medicine named by a generic word ("Experimental Drug Raises Good Cholesterol"): a drug for the patients it was tried in
_A_MEDICINE = re.compile(r"\b(?:drugs?|medicines?|medications?|pills?|tablets?|jabs?|injections?|vaccines?|antibod(?:y|ies))\b",
                         re.IGNORECASE)
_OTHER_SEX = {"men": "women", "women": "men", "male": "female", "female": "male", "males": "females", "females": "males",
              "boys": "girls", "girls": "boys"}
def _beyond_the_sex(group: str, named: tuple[str, ...]) -> bool:
    """The evidence is in one sex and the claim names the other too, or only groups of both sexes ("young people",
    "older adults")."""
    if group not in _OTHER_SEX:
        return False
    return any(_SEX_OF.get(p) not in (None, _SEX_OF[group]) for p in named) or all(p in _BOTH_SEXES for p in named)


_SEX_OF = {"men": "m", "male": "m", "males": "m", "boys": "m", "women": "f", "female": "f", "females": "f", "girls": "f"}
_BOTH_SEXES = frozenset({"adults", "young_adults", "adolescents", "children", "older_adults", "infants", "students"})


_IF_YOU_ARE = re.compile(r"\bif\s+you(?:\s+are|'re|\s+have|'ve\s+got|\s+live\s+with|\s+suffer\s+from)\s", re.IGNORECASE)
_SEXED = _SEX | {"pregnant", "postmenopausal", "premenopausal"}  # groups of one sex
_EXPOSURE_GROUPS = {"smokers": r"(?:smok|cigarette|tobacco|vap)", "athletes": r"(?:exercis|sport|train|athlet|run)"}
_AGED = frozenset({"children", "infants"})
_EVERY_AGE = re.compile(r"\bwhether\s+you(?:'re|’re|\s+are)\s+[\w' -]{1,40}?\s+or\s+[\w' -]{1,40}?,|\bat\s+any\s+age\b|\bof\s+(?:every|any|all)\s+ages?\b"
                        r"|\bwhatever\s+your\s+age\b|\bat\s+every\s+(?:age|stage\s+of\s+life)\b|\bat\s+any\s+stage\s+of\s+life\b", re.IGNORECASE)
_SEX_OR_AGE = _SEXED | _AGED | {"older_adults", "adolescents", "young_adults"}
_EARLY = re.compile(r"\b(?:early|in\s+infancy|as\s+babies|from\s+birth|in\s+the\s+first\s+year)\b", re.IGNORECASE)


@register("subgroup-generalization")
def subgroup_generalization(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    a = analysis.article
    whole = a.profile.subgroup()
    first_diff = a.profile.difference()
    if whole is None and first_diff is None and not any(st.populations for st in a.profile.done):
        return  # no study in any group of people, no result that differed between groups
    for s in effect_claims(a):
        diff = first_diff
        headline = s.position in ("title", "deck", "lede")
        section = a.doc.blocks[a.block_of(s.index)].section
        # a body claim: its paragraph's study, its section's, or in a takeaway section with no study of its own ("What
        # this means for you"), the article's
        # a subheading that states the claim ("## Cinnamon lowers blood sugar") frames the article like its headline
        own_study = a.profile.describes_people(section)
        framing = s.position == "heading" and not own_study
        lesson = not own_study and takeaway(a, s)  # draws on the article's results
        sub = whole if headline or framing else a.profile.paragraph_subgroup(a.block_of(s.index)) or a.profile.subgroup(section) or (
            whole if whole is not None and lesson and _measured(a, s, whole[1].sentence) else None)
        if sub is None and whole is not None and _EVERY_AGE.search(a.text_of(s.index)):
            sub = whole  # "Whether you're 30 or 80, two sessions a week can add bone": told to everyone, wherever it stands
        if diff is not None and not (headline or framing or lesson) \
                and a.doc.blocks[a.block_of(diff.sentence)].section != section:
            diff = None if sub is None else diff
        f = s.frame
        assert f is not None
        text = a.text_of(s.index)
        if names_group_before(a, s.index) and not (f.exposure is not None and f.exposure_kind != "condition"):
            continue  # goes on about the group its paragraph has just named ("In men, ... It also ..."), unless it
            # states a new claim about a named product or food ("In a trial of 48 women, ... Almonds lower cholesterol.")
        if not headline and s.study is not None and not s.study.planned and s.study.kind != "animal":
            continue  # the sentence describes a study of people: its result, in whom it was found
        if not headline and other_research(a, s):
            continue  # "Studies show beetroot juice lowers blood pressure too": other research's claim, not this study's
        if not headline and (_PAST.match(f.predicate_text) or _PAST_BEFORE.search(text, 0, f.predicate[0] - s.start)):
            continue  # a result of the study ("those who took it lost weight"), not a claim for everyone
        hit = _group_hit(a, s, text, sub, headline or framing) if sub is not None else None
        if hit is None and diff is not None:
            hit = _difference_hit(a, s, text, diff, lesson)
        if hit is not None:
            yield hit
    yield from _advice_hits(a, whole, first_diff)


# advice to the reader or to everyone: "If you want a sharper mind, swap your jog for intervals", "sufferers of every age"
_READER_OR_ALL = re.compile(r"\b(?:you|your|yourself|everyone|everybody|anyone|anybody|of\s+(?:every|any|all)\s+ages?"
                            r"|at\s+any\s+age|whatever\s+(?:your|their)\s+age)\b", re.IGNORECASE)
_ANY_AGE = re.compile(r"\b(?:every|any|all)\s+ages?\b|\bwhatever\s+(?:your|their)\s+age\b|\b(?:everyone|anyone)\b(?!\s+(?:with|who|over"
                      r"|under|aged|taking|on)\b)", re.IGNORECASE)
_THEIR_ADVICE = re.compile(r"\b(?:says?|said|recommends?|recommended|advises?|advised|tells?|told)\s+(?:that\s+)?(?:\w+\s+){0,2}?should\b",
                          re.IGNORECASE)  # someone else's advice, reported ("the diet says you should avoid")
_PROMO = re.compile(r"\W*(?:get|read|see|sign\s+up|subscribe|follow|click|listen|watch|download|join)\b[^.!?]*\b(?:news|updates"
                    r"|newsletters?|blog|coverage|podcasts?|stories|app)\b", re.IGNORECASE)
_SHOULD = re.compile(r"\b(?:should|ought\s+to)\b", re.IGNORECASE)
_CLINICIAN = re.compile(r"\b(?:doctors?|gps?|physicians?|pharmacists?|nurses?|midwi(?:fe|ves)|dietitians?|clinicians?)\b", re.IGNORECASE)


def _advice_hits(a: ArticleAnalysis, whole: tuple[str, Study] | None, diff: Difference | None) -> Iterator[Hit]:
    """Advice drawn from a result found in one group, given to every reader: the writer tells "you" (or everyone)
    to do what the study tested, for the health outcome it measured, without naming the group it held in."""
    if whole is None and diff is None or a.product_page or a.selling:
        return  # (a seller's dosing instructions are judged by self-treatment)
    j = whole[1].sentence if whole is not None else diff.sentence  # type: ignore[union-attr]
    claims = {s.index for s in effect_claims(a)}
    tested = claimed_exposure(a)
    for s in a.sentences:
        heading = s.position in ("title", "deck")  # "Swap your cereal for eggs to stop blood sugar spikes"
        if s.index in claims or not (heading or s.position == "body" and s.index > j) or s.role not in ("claim", "advice") \
                or s.facts.negated or s.facts.question or s.has("roles", "clinician"):
            continue  # judged as a claim already, someone else's words, or advice to see a doctor
        if not (s.has("outcomes") or s.has("conditions")):
            continue  # not for a health outcome
        text = a.text_of(s.index)
        if heading and not imperative(text) or _PROMO.match(text):
            continue  # ("Get the latest news about the virus in our live blog": the site's own promotion)
        if not (imperative(text) or _SHOULD.search(text) and _READER_OR_ALL.search(text) and not _THEIR_ADVICE.search(text)) \
                or _CLINICIAN.search(text):
            continue  # not advice to the reader, or advice to see a clinician
        if (getattr(s.facts, "populations", ()) or _SEX_WORD.search(text) or s.facts.species) and not _ANY_AGE.search(text):
            continue  # names the group it is for
        if names_group_before(a, s.index) or s.study is not None or not tells_what_was_tested(a, s, text, j, tested):
            continue  # its paragraph names the group, it describes a study, or it is not about what the study tested
        before = a.text_of(s.index - 1) if s.index > 0 and a.block_of(s.index - 1) == a.block_of(s.index) else ""
        if whole is not None and whole[0] == "people_with" and _about_the_condition(before + " " + text, a.text_of(whole[1].sentence)):
            continue  # "Take fish oil to cut asthma attacks" after a trial in people with asthma, "Got asthma? Take ...": told to them
        if whole is not None:
            group, ev = whole
            name = _group_name(group, a.text_of(ev.sentence), _named_as(a, group, ev))
            yield Hit(s.start, s.end, message=(
                f"advises every reader on the strength of a study only in {name} ({where(a, ev)}): "
                f"say the advice is for {name}, or cite evidence in the wider population"),
                related=[(ev.start, ev.end, f"the evidence: a study in {name}")])
        else:
            assert diff is not None
            yield Hit(s.start, s.end, message=(
                f"advises every reader, but the article reports that results differed between groups "
                f"(line {a.line_of(diff.sentence)}: \"{diff.label}\"): say whom the advice is for"),
                related=[(diff.start, diff.end, "results differed between groups")])


def _measured(a: ArticleAnalysis, s: SentenceAnalysis, j: int) -> bool:
    """The claim's outcome is named where study sentence ``j`` is told (its paragraph, the headline, the lede): what the
    study measured, not a warning about something else ("too much iron can damage the liver")."""
    f = s.frame
    if f is None or f.outcome is None:
        return False
    return bool(stems(f.outcome.text) & stems(" ".join(a.text_of(k) for k in a.around(j))))


def _group_hit(a: ArticleAnalysis, s: SentenceAnalysis, text: str, sub: tuple[str, Study], headline: bool) -> Hit | None:
    """The claim states for everyone what the study found in one group (``sub``: the group and its study)."""
    f = s.frame
    group, ev = sub
    if group == "people_with" and f.general:  # "600 women who had lupus" -> "people with lupus": the sex is dropped
        group = next((p for p in ev.populations if p in _OTHER_SEX), group)
    named = tuple(set(f.populations) | {w.lower() for w in _AGED_SEX.findall(text)})  # "older women": a sex named too
    if named and not _beyond_the_sex(group, named) or f.species or ev.sentence == s.index:
        return None  # the claim names the group (not "in men and women alike", "young people" over a study of girls)
    # a headline's "may help" still tells every reader what the study found in one sex or age group
    told_all = s.headline and group in _SEX_OR_AGE and f.strength == "conditional"
    if f.hedged and not f.general and not told_all:
        return None  # "appear to interfere with": a possibility, stated for no one in particular
    if not f.health_outcome or not f.outcome_after or f.outcome_kind == "generic" or not (
            f.general or f.strength == "causal" or told_all):
        return None  # a hedged claim ("may help"), or one that says nothing of whom it holds for
    if group in _EXPOSURE_GROUPS and re.search(r"\b" + _EXPOSURE_GROUPS[group], text, re.IGNORECASE):
        return None  # smoking in smokers: the group is defined by the claim's exposure
    if group == "people_with" and not f.universal and (_about_the_condition(text, a.text_of(ev.sentence)) or f.exposure_kind == "drug"
                                   or _A_MEDICINE.search(a.doc.text, s.start, f.predicate[0])):
        return None  # a claim about the condition that defines the group ("eases PMS symptoms"), or a drug for its patients
    if s.position not in ("title", "deck") and not (
            (headline or any(shares_topic(text, a.text_of(k)) for k in _told_with(a, ev))) and shares_subject(a, s, ev.sentence)
            and names_exposure_near(a, s, ev.sentence) and (headline or subject_on_topic(a, s, ev.sentence))):
        return None  # a claim about something else than what the study looked at
    if group in _SEXED and sex_specific(text, s.terms) and not f.universal:
        return None  # erectile dysfunction in men, menopause in women: the group is the outcome's
    if group in _AGED and (s.has("evidence", "age_specific") or _EARLY.search(text)) and not f.universal:
        return None  # colic in babies, "eating peanuts early": the outcome or the exposure belongs to that age
    if group == "older_adults" and s.has("evidence", "old_age_specific") and not f.universal:
        return None  # dementia in people over 60: the outcome belongs to later life
    if f.outcome is not None and f.outcome.lexicon == "conditions" and _defines_group(f.outcome.text, a.text_of(ev.sentence)) \
            and group == "people_with":
        return None  # "drugs that fight melanoma" from a trial in melanoma patients: the condition defines the group
        # (but "in people with heart disease" from a trial in men drops the sex; "cuts asthma attacks" from a trial in
        # children with asthma drops the age)
    name = _group_name(group, a.text_of(ev.sentence), _named_as(a, group, ev))
    return Hit(s.start, s.end, message=(
        f"states the effect for everyone, but the evidence ({where(a, ev)}) was only in {name}: "
        f"name the group (\"in {name}\") or cite evidence in the wider population"),
        related=[(ev.start, ev.end, f"the evidence: a study in {name}")])


def _told_with(a: ArticleAnalysis, ev: Study) -> list[int]:
    """Study sentence ``ev`` and the other study sentences of its paragraph: a cohort named in one sentence ("The
    finding comes from a cohort of 74,000 female nurses") and its result in the next ("Women who ate nuts ...")."""
    by_block = a.doc.derived.get("subgroup:studies-by-block")
    if by_block is None:  # once: every claim of a long page asks
        by_block = {}
        for st in a.profile.done:
            if not st.background:
                by_block.setdefault(a.block_of(st.sentence), []).append(st.sentence)
        a.doc.derived["subgroup:studies-by-block"] = by_block
    return [ev.sentence] + [k for k in by_block.get(a.block_of(ev.sentence), ()) if k != ev.sentence]


def _difference_hit(a: ArticleAnalysis, s: SentenceAnalysis, text: str, diff: Difference, takeaway: bool = False) -> Hit | None:
    """The claim states for everyone, or for a group of both sexes, a result the article says differed between groups."""
    f = s.frame
    # (a headline or lede's comparison, "Morning workouts lower blood pressure more than evening sessions", states the
    # effect as plainly as a cause)
    compared = s.position in ("title", "deck", "lede") and f.strength == "correlational" and bool(f.predicate_kind) and not f.hedged
    if diff.sentence == s.index or not f.health_outcome or not (f.general or f.strength == "causal" or compared):
        return None
    if diff.sentence == s.index + 1 and a.block_of(diff.sentence) == a.block_of(s.index):
        return None  # "Aspirin cut heart attacks. Women did not benefit.": qualified at once
    named = set(f.populations) | {w.lower() for w in _SEX_WORD.findall(text)}
    between_sexes = bool(_SEX_DIFF.search(a.text_of(diff.sentence)))
    if len(named & _SEX) == 1 or named and not between_sexes or _IF_YOU_ARE.search(text):
        return None  # the claim names the sex, or the group the result held in ("If you live with obesity, ...")
    if s.position not in ("title", "deck") and not shares_subject(a, s, diff.sentence) and not (
            takeaway and subject_on_topic(a, s, diff.sentence)):
        return None  # a claim about something else than the result that differed (a takeaway's subject: the article's)
    line = a.line_of(diff.sentence)
    return Hit(s.start, s.end, message=(
        f"states the effect for everyone, but the article reports that results differed between groups "
        f"(line {line}: \"{diff.label}\"): say in whom it was found"),
        related=[(diff.start, diff.end, "results differed between groups")])
