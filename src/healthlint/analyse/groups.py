"""Who a sentence is about by age or sex: age groups named by numbers, outcomes only one sex can have; results that
differed between groups (:func:`difference_of`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .lexicon import one_of
from .terms import Term

_ED = re.compile(r"\bED\b")
# ages a study covered: "over age 60", "aged 65 and older", "people who live to at least 90", "aged 12 to 17"
AGE = re.compile(r"\b" + one_of(r"over|above|older\s+than|at\s+least|aged|ages|age|between\s+the\s+ages\s+of|between|from") + r"\s+"
                  r"(?:the\s+)?(?:age\s+)?(?:of\s+)?(?P<lo>\d{1,3})(?:\s*(?:-|–|to|and)\s*(?P<hi>\d{1,3}))?"
                  r"(?:\s+(?:and|or)\s+(?:over|older|above|up))?(?![\d.,]\d|\s*(?:-|–|to|and)\s*\d|\s*(?:%|percent|per\s+cent|times|points|mg|kg|g\b|ml|cm|mm|miles|km|hours|minutes|days|weeks|months|servings|cups|glasses|drinks))", re.IGNORECASE)
_DURATION = re.compile(r"\s+years?\b(?!\s+(?:old|of\s+age|and\s+(?:older|over)|or\s+(?:older|over)))", re.IGNORECASE)
# after "over 75", a word that makes the number no age: a unit or a thing counted
_UNIT = re.compile(r"\s+(?!years?\b|yrs\b|and\b|or\b|who\b|with\b|were\b|are\b|was\b|had\b|have\b|in\b|at\b|had\b|from\b"
                   r"|for\b|to\b|but\b|did\b|do\b|may\b|can\b|should\b|also\b|living\b|still\b)[a-z]", re.IGNORECASE)

def age_groups(text: str) -> list[str]:
    """Age groups named by numbers: ``older_adults`` from 50 up, ``adolescents`` / ``children`` up to 18."""
    out = []
    for m in AGE.finditer(text):
        lo = int(m.group("lo"))
        hi = int(m.group("hi")) if m.group("hi") else None
        if hi is not None and hi < lo or lo > 120:
            continue
        if not m.group(0).lower().startswith("age") and (_DURATION.match(text, m.end()) or _UNIT.match(text, m.end())):
            continue  # "over 60 years" of follow-up, "above 75 milligrams": not people over 60 or 75
        if lo >= 50:
            out.append("older_adults")
        elif hi is not None and hi <= 18:
            out.append("adolescents" if lo >= 12 else "children")
    return out


def sex_specific(text: str, terms: Sequence[Term] = ()) -> bool:
    """The sentence is about an outcome only one sex can have (erectile dysfunction, menopause...)."""
    return any(t.kind == "sex_specific" for t in terms) or bool(_ED.search(text))


# results that held across groups: the evidence is not limited to one of them
SIMILAR = re.compile(
    r"\b(?:similar|the\s+same|consistent|no\s+different|did\s+not\s+differ|didn't\s+differ)\s+(?:\w+\s+){0,3}?(?:in|for|among|across"
    r"|between)\s+(?:both\s+)?(?:men\s+and\s+women|women\s+and\s+men|males\s+and\s+females|both\s+sexes|all\s+age|younger\s+and"
    r"\s+older|older\s+and\s+younger|all\s+groups|every\s+group)|\bregardless\s+of\s+(?:age|sex|gender)\b"
    r"|\bin\s+both\s+(?:men\s+and\s+women|sexes)\b", re.IGNORECASE)
MIXED_SEX = re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+(?:of\s+(?:them|whom|the\s+\w+)\s+)?(?:were\s+)?"
                        r"(?:women|men|female|male)\b|\bboth\s+(?:sexes|genders|men\s+and\s+women|women\s+and\s+men)\b", re.IGNORECASE)


_GROUP_WORDS = (r"(?:men|women|males?|females?|boys|girls|children|kids|adults|older\s+(?:adults|people|women|men)|"
                r"teen(?:ager)?s|adolescents|smokers|non-?smokers|patients|people|participants|those|diabetics?|the\s+elderly)")
_DIFFERED = re.compile(
    r"\b(?:only\s+(?:in|among|for)\s+" + _GROUP_WORDS + r"|but\s+not\s+(?:in\s+|among\s+|for\s+)?" + _GROUP_WORDS +
    r"|not\s+(?:true|the\s+case|seen|observed|found)\s+(?:of|in|for|among|with)\s+(?:\w+\s+){0,2}?" + _GROUP_WORDS +
    r"|(?:didn't|did\s+not|don't|do\s+not|doesn't|does\s+not)\s+(?:get|see|show|have|experience)\s+the\s+same"
    r"|(?:the\s+)?same\s+(?:effects?|benefits?|results?)\s+(?:were|was)\s+not\s+(?:seen|observed|found)"
    r"|(?:more|less)\s+pronounced\s+(?:in|among|for)|(?:stronger|weaker|milder|larger|smaller)\s+(?:effect|benefit|response)s?"
    r"\s+(?:in|among|for|compared)|differ(?:ed|ent|ently|ences?)?\s+(?:\w+ly\s+)?(?:between|by|in|for)\s+(?:the\s+)?(?:sexes|sex|genders?|"
    r"men\s+and\s+women|women\s+and\s+men|males\s+and\s+females|females\s+and\s+males|age\s+groups?)"
    r"|(?:found|showed|shown|saw|seen|observed|noted|revealed|were|was|reported)\s+(?:\w+\s+){0,3}?(?:gender|sex)\s+differences?"
    r"|(?:gender|sex)\s+differences?\s+(?:were|was|emerged|appeared)|(?:men|women|males|females|boys|girls)\s+(?:did\s+not|didn't)\s+(?:benefit|respond)"
    r"|responded\s+differently|(?:improved|changed|did)\s+(?:by\s+)?the\s+same(?:\s+amount)?"
    # "In the 198 men, there was no measurable difference", "men saw no benefit", "a clear split between women and men"
    r"|(?:in|among|for)\s+(?:the\s+)?(?:[\d,]+\s+)?(?:men|women|males|females|boys|girls)\b[^.;]{0,30}?\bno\s+(?:\w+\s+)?"
    r"(?:difference|benefit|effect|improvement|change|gain)"
    r"|(?:men|women|males|females|boys|girls)(?:,\s*(?:however|though|by\s+contrast|meanwhile|on\s+the\s+other\s+hand),?)?\s+"
    r"(?:saw|had|showed|got|gained|felt|reported)\s+no\s+(?:\w+\s+)?(?:benefit|improvement|change"
    r"|difference|effect|gain)|(?:split|gap)\s+between\s+(?:the\s+)?(?:sexes|women\s+and\s+men|men\s+and\s+women)"
    # "in men, pain scores did not change", "Among men, the yoga group did no better", "Only the women improved"
    r"|(?:in|among|for)\s+(?:the\s+)?(?:[\d,]+\s+)?(?:men|women|males|females|boys|girls)\b[^.;]{0,40}?\b(?:(?:did\s+not|didn't)\s+"
    r"(?:change|improve|differ|budge|fall|drop|rise)|did\s+no\s+better)"
    r"|\bonly\s+(?:the\s+)?(?:[\d,]+\s+)?(?:\w+\s+)?(?:men|women|males|females|boys|girls)\s+(?:improved|benefit(?:t?ed)?|responded"
    r"|saw|showed|got|felt|lost|gained|reported)\b)", re.IGNORECASE)
# a benefit confined to a group: "The benefit was confined to women", "The effect was limited to people over 60"
_CONFINED = re.compile(r"\b(?:benefits?|effects?|improvements?|results?|gains?|changes?|reductions?)\s+(?:\w+\s+){0,3}?(?:was|were)\s+"
                       r"(?:\w+ly\s+)?(?:(?:confined|limited|restricted)\s+to|concentrated\s+(?:in|among))\s+(?:the\s+)?(?:[\d,]+\s+)?(?:\w+\s+)?"
                       r"(?:men|women|males|females|boys|girls|(?:people|participants|those|adults|patients|volunteers)\s+(?:over|under"
                       r"|aged|older|younger|with|who|living\s+with))\b", re.IGNORECASE)
# results found only in a subgroup of a general study: "but among the 900 participants with kidney disease...", "nobody else"
_ONLY_SUBGROUP = re.compile(
    r"\b(?:(?:only|mainly|mostly|chiefly|largely|primarily)\s+(?:in|among|for)\s+(?:the\s+)?(?:[\d,]+\s+)?(?:\w+\s+)?"
    r"(?:participants|people|patients|those|adults)\s+(?:with|who)"
    r"|but\s+(?:among|in|for)\s+(?:the\s+)?(?:[\d,]+\s+)?(?:\w+\s+)?(?:participants|people|patients|those|adults)\s+(?:with|who)"
    r"|(?:and|but)\s+(?:nobody|no\s+one)\s+else|benefit(?:ed)?\s+only\s+(?:in|among|for))\b", re.IGNORECASE)
# results that differed by age: "The results split sharply by age", "In those under 60, the difference was not significant"
_AGE_DIFFERED = re.compile(
    r"\b(?:results?|effects?|benefits?|findings?|gains?)\s+(?:\w+\s+){0,2}?(?:split|differed|varied|diverged)\s+(?:\w+ly\s+)?"
    r"(?:by|with|according\s+to)\s+age\b"
    r"|\b(?:in|among|for)\s+(?:those|people|participants|adults|patients|volunteers)\s+(?:under|over|younger\s+than|older\s+than|aged)"
    r"\s+\d+[^.;]{0,50}?(?:\bno\s+(?:\w+\s+)?(?:difference|benefit|effect|improvement|change)\b|\bnot\s+(?:statistically\s+)?significant\b)"
    r"|\b(?:younger|older)\s+(?:people|adults|participants|patients|volunteers)\s+(?:did\s+not|didn't)\s+(?:benefit|respond|improve)\b"
    r"|\b(?:younger|older)\s+(?:people|adults|participants|patients|volunteers)\s+(?:saw|had|showed|got)\s+no\s+(?:\w+\s+)?"
    r"(?:benefit|improvement|change|difference|effect)\b"
    r"|\b(?:absent|not\s+seen|not\s+found|not\s+observed)\s+(?:in|among|for)\s+(?:those|people|participants|adults|patients"
    r"|volunteers)\s+(?:under|over|younger|older|aged)\b", re.IGNORECASE)
# a result in some of the people studied but not others, by any trait ("Among fast metabolisers, there was no
# meaningful change", "Only slow metabolisers saw a rise"), not the control group's ("In the placebo group, ...")
_NOT_CONTROL = r"(?!(?:[\w-]+\s+){0,2}?(?:placebo|control|comparison|sham|usual[- ]care|dummy|stretching|untreated))"
_SOME_DIFFERED = re.compile(
    r"\b(?:among|in|for)\s+" + _NOT_CONTROL + r"(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+(?:ers|ors|ants|ics|ites|ives)\s*,\s*there\s+was"
    r"\s+(?:no|little)\s+(?:\w+\s+)?(?:change|difference|effect|benefit|improvement|rise|fall)\b"
    r"|^\W*only\s+" + _NOT_CONTROL + r"(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+(?:ers|ors|ants|ics|ites|ives)\s+(?:saw|showed|had|got"
    r"|experienced|benefit(?:t?ed)?|responded|improved)\b", re.IGNORECASE)
_OPEN_QUESTION = re.compile(r"\b(?:how|whether|if|why|explore|examine|investigate|study|understand|test)\s+(?:\w+\s+){0,3}$",
                            re.IGNORECASE)


@dataclass(slots=True)
class Difference:
    """A sentence reporting that results differed between groups."""

    sentence: int
    start: int
    end: int
    label: str


def difference_of(i: int, text: str, offset: int, terms: Sequence[Term] = ()) -> Difference | None:
    """Results that differed between the sexes ("Male mice did not get the same benefit") or by age ("In those under
    60, the difference was not significant"), or held only in a subgroup of a general study ("But among the
    participants with kidney disease, ...")."""
    m = _DIFFERED.search(text) if any(t.kind == "sex" for t in terms) else None
    if m is None:
        m = _ONLY_SUBGROUP.search(text) or _AGE_DIFFERED.search(text) or _CONFINED.search(text) or _SOME_DIFFERED.search(text)
    if not m or _OPEN_QUESTION.search(text, max(0, m.start() - 40), m.start()):
        return None  # "explore how they differ by gender": a question for research, not a result
    return Difference(i, offset + m.start(), offset + m.end(), m.group(0))
