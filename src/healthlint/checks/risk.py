"""``check: relative-risk`` — a change in risk given only in relative terms.

A sentence is reported (once) when it states a relative change in risk and no
absolute figure is given in it or in the sentence before or after. Two kinds of
relative statement are told apart:

* *wording* - the ways news and marketing copy state a relative change: "cuts the
  risk of stroke by 30%", "a 30% lower risk", "42% less likely", "a 42 percent
  decrease in likelihood", "an 18% drop in a person's risk", "a drop in risk of
  almost half", "by almost half", "halves / doubles the risk", "twice as likely",
  "three times more likely", "a two-fold higher risk". These are reported whatever
  else the sentence holds (a confidence interval does not tell readers the baseline).
* *ratio figures* - "hazard ratio 0.8", "an odds ratio of 1.6", "RR 0.72". A ratio
  given with its confidence interval is the study's own estimate reported in the
  study's terms, the way careful medical news reports it, and stays quiet; so do
  ratios in an article that explains in words what its ratio means ("A hazard ratio
  describes...", "this means that for every 76 deaths ... there were 100"). A bare
  ratio, with no interval, no absolute numbers near it and no explanation, is
  reported (``ratios: bare``, the default); ``ratios: all`` reports intervals too,
  ``ratios: off`` never reports ratio figures.

Absolute figures that quiet it: "x in / out of / for every y", "per 1,000",
"from 4% to 2%", two percentages compared ("3.1% ... compared with 5.4% of those"),
"x% of the placebo group", "41 of 110 people", "absolute risk", "percentage
points", a number needed to treat, an event rate ("1.3% tested positive", "8% of
the drinkers died"), the baseline as a level ("only 1% of women get it", "the
lifetime risk is about 12%") and natural frequencies ("someone who would have had
10 flares a year might have had 7").

Not reported: quoted material (a blockquote, a passage inside quotation marks,
including a relative figure quoted inside the writer's sentence as an example),
page chrome, negated statements ("did not cut the risk by 30%"), explanations and
suppositions ("A 200% increase in risk means...", "Suppose a drug halves your
risk"). A reference number after a full stop ("...a day.1 Further, ...") ends a
sentence, so two sentences the splitter kept together are judged one by one. A relative
figure the writer relays from a named source in indirect speech ("TIME says that
... an 18% drop in risk") is the writer's choice of figure and is reported.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from ..analyse import lower_same_length
from ..kinds.base import Hit
from . import register

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..analyse.article import ArticleAnalysis
    from ..read.document import Document

_I = re.IGNORECASE

# ---- building blocks ----------------------------------------------------------------------
_PCT = r"(?:%|\s?per\s?cent\b|\s?percent\b)"
_NUM_PCT = rf"\d+(?:[.,]\d+)?(?:\s?(?:%|per\s?cent|percent)?\s?(?:-|–|to)\s?\d+(?:[.,]\d+)?)?\s?{_PCT}"
_FRACTION = (r"(?:half|one[- ]half|(?:a|one)[- ](?:third|quarter|fifth|sixth|tenth|half)|two[- ]thirds"
             r"|three[- ]quarters|\w+[- ]fifths)")
_FOLD = r"(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)[- ]?fold"
_ABOUT = (r"(?:(?:up\s+to|almost|nearly|about|around|roughly|approximately|more\s+than|over|some|as\s+much\s+as"
          r"|at\s+least|close\s+to|just\s+(?:over|under)|a\s+whopping|an\s+estimated|an?\s+)\s*)?")
_AMOUNT = rf"{_ABOUT}(?:{_NUM_PCT}|{_FRACTION}|{_FOLD})"
# what the change is in: the risk, the odds... or the events themselves ("cut deaths from heart disease by 12%")
_RISK = (r"(?:risks?|odds|chances?|likelihood|probability|hazard|incidence|mortality|death\s+rates?"
         r"|rates?\s+of\s+(?:death|dying|[\w-]+\s+)?(?:disease|cancer|stroke|deaths?|infection|dementia|diabetes))")
_EVENTS = (r"(?:deaths|heart\s+attacks|strokes|fractures|hospitali[sz]ations|hospital\s+admissions|admissions"
           r"|infections|cancers|(?:new\s+)?cases|relapses|recurrences|falls|events|diagnoses|flares|attacks)")
# events whose relative change states a treatment's or exposure's effect ("a 30% reduction in deaths"); counts
# that change over time ("a 30% rise in cases this week") are not risks
_OUTCOME_EVENTS = r"(?:deaths|heart\s+attacks|strokes|fractures|relapses|recurrences)"
_VERB = (r"(?:cut(?:s|ting)?|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)"
         r"|boost(?:s|ed|ing)?|slash(?:es|ed|ing)?|decreas(?:e|es|ed|ing)|drop(?:s|ped|ping)?|lessen(?:s|ed|ing)?"
         r"|shrink(?:s|ing)?|shrank|trim(?:s|med|ming)?|elevat(?:e|es|ed|ing)|heighten(?:s|ed|ing)?|curb(?:s|ed|ing)?"
         r"|push(?:es|ed|ing)?\s+up|bring(?:s|ing)?\s+down|brought\s+down|decline[sd]?|fell|fall(?:s|ing)?"
         r"|rose|ris(?:e|es|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?)")
_OWNER = r"(?:(?:the|your|their|his|her|our|its|a|one['’]s|a\s+person['’]s|people['’]s|men['’]s|women['’]s)\s+)?"
_OF = r"(?:\s*\([^()]{1,30}\))?(?:\s+(?:of|from|for|in)\s+[^.;:!?]{1,70}?)?"
_CHANGE_NOUN = (r"(?:drop|fall|reduction|decrease|decline|cut|increase|rise|jump|boost|spike|hike|lower|higher|greater|less|more"
                r"|reduced|increased|decreased|elevated|excess|additional|smaller|bigger|relative|raised|heightened)")

_WORDING = [
    # cuts the risk of stroke by 30%, reduces risk of death from CVD by almost half, cut their risk in half
    rf"\b{_VERB}\s+{_OWNER}(?:[\w'’-]+\s+){{0,3}}?(?:{_RISK}|{_EVENTS}){_OF}\s+(?:by\s+{_AMOUNT}|in\s+half|{_FOLD}"
    rf"|(?:\d+(?:\.\d+)?|two|three|four|five|six|ten)\s+times\b(?!\s+(?:a|per|each|every)\b))(?!\s*(?:mg|kg|g)\b)",
    # headline style, no "by": "Coffee Cuts Diabetes Risk 25%"
    rf"\b{_VERB}\s+{_OWNER}(?:[\w'’-]+\s+){{0,3}}?{_RISK}\s+{_ABOUT}{_NUM_PCT}",
    # a 30% lower risk, 48% increased risk, an 18% drop in a person's risk, 42 percent decrease in likelihood,
    # a two-fold higher risk, a 50% reduction in the relative risk
    rf"\b{_AMOUNT}\s+(?:{_CHANGE_NOUN}\s+)(?:(?:in|of)\s+{_OWNER}(?:[\w'’-]+\s+){{0,2}}?)?(?:relative\s+)?(?:[\w'’-]+\s+)?{_RISK}\b"
    rf"|\b{_AMOUNT}\s+(?:drop|fall|reduction|decrease|decline|cut|increase|rise)\s+in\s+{_OWNER}{_OUTCOME_EVENTS}\b",
    # 30% fewer deaths, 20 percent more heart attacks
    rf"\b{_ABOUT}{_NUM_PCT}\s+(?:fewer|more)\s+(?:[\w-]+\s+){{0,2}}?{_EVENTS}\b",
    # a drop in risk of almost half, a reduction in the risk of stroke of 30%
    rf"\b{_CHANGE_NOUN}\s+in\s+{_OWNER}(?:[\w'’-]+\s+){{0,2}}?{_RISK}{_OF}\s+(?:of|by)\s+{_AMOUNT}",
    # 42% less likely, 30 percent more likely, half as likely, twice as likely, three times more likely
    rf"\b(?:{_ABOUT}{_NUM_PCT}|twice|half|{_ABOUT}{_FRACTION}|(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine"
    rf"|ten)\s+times|\d+(?:\.\d+)?\s?x|{_FOLD})\s+(?:as|more|less)\s+likely\b",
    r"\b(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times\s+(?:higher|greater|lower|bigger)?\s*"
    rf"(?:the\s+)?{_RISK}\b",
    rf"\b{_FOLD}\s+(?:higher|greater|lower|increased|reduced|rise\s+in|increase\s+in|reduction\s+in)?\s*(?:the\s+)?{_RISK}\b",
    # halves / doubles / triples the risk, a doubling of the risk, double the risk, twice the risk
    rf"\b(?:doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|quadrupl(?:e|es|ed|ing)|halv(?:e|es|ed|ing))\s+{_OWNER}"
    rf"(?:[\w'’-]+\s+){{0,3}}?{_RISK}\b",
    rf"\b(?:a\s+)?(?:doubling|tripling|quadrupling|halving)\s+(?:of|in)\s+{_OWNER}(?:[\w'’-]+\s+){{0,2}}?{_RISK}\b",
    rf"\b(?:twice|double|triple|half)\s+the\s+(?:[\w'’-]+\s+)?{_RISK}\b",
    # the risk was halved / doubled, the risk of X fell by 30%, risk was 30% lower
    rf"\b{_RISK}{_OF}\s+(?:(?:was|were|is|are|has\s+been|had\s+been|would\s+be)\s+(?:\w+\s+)?|(?:more\s+than\s+|nearly\s+"
    r"|almost\s+|roughly\s+)?)(?:halved|doubled|tripled|quadrupled|cut\s+in\s+half)\b(?!\s+as\b)",
    rf"\b{_CHANGE_NOUN}\s+of\s+{_AMOUNT}\s+in\s+{_OWNER}(?:[\w'’-]+\s+){{0,2}}?{_RISK}\b",
    rf"\b{_RISK}{_OF}\s+(?:(?:was|were|is|are|has\s+been|had\s+been)\s+(?:{_VERB}|\w+ed)\s+|{_VERB}\s+)by\s+{_AMOUNT}",
    rf"\b{_RISK}{_OF}\s+(?:was|were|is|are|has\s+been|had\s+been|would\s+be)\s+(?:{_AMOUNT}|{_ABOUT}(?:\d+(?:\.\d+)?"
    r"|two|three|four|five|six|ten)\s+times)\s+(?:lower|higher|greater|smaller|less|more|reduced|increased)\b"
    # a reduced risk of 20%, an increased risk of 48 percent
    rf"|\b(?:reduced|lower|higher|increased|decreased|elevated|greater)\s+{_RISK}\s+of\s+{_ABOUT}{_NUM_PCT}",
    rf"\b(?:relative\s+risk|risk)\s+(?:reduction|increase)\s+(?:of|was|is|by)\s+{_AMOUNT}",
    # the risk drops to about half that of a smoker, is a third of that of people who ..., rises to twice that of
    rf"\b{_RISK}{_OF}\s+(?:{_VERB}\s+to\s+|(?:was|were|is|are|becomes?|became)\s+)(?:{_ABOUT}(?:{_FRACTION}|{_NUM_PCT}"
    r"|(?:two|three|four|five)\s+times)|twice|double|triple)\s+(?:that\s+of|of\s+that\s+of|those\s+of|as\s+(?:high|great|low))\b",
]

# Cheap gates: a pattern is tried only on a sentence holding one of the words it needs
# (searching the lower-cased sentence for a few literals is far quicker than the patterns).
_RISKY = ("risk", "odds", "chance", "likelihood", "probabilit", "hazard", "incidence", "mortality", "death", "rate")
_EVENTY = _RISKY + ("attack", "stroke", "fracture", "hospitali", "admission", "infection", "cancer", "case", "relapse",
                    "recurrence", "falls", "event", "diagnos", "flare")
_AMOUNTY = ("%", "percent", "per cent", "half", "third", "quarter", "fifth", "sixth", "tenth", "fold")
_GATES: list[tuple[tuple[str, ...], ...]] = [
    (("by ", "in half", "fold", "times"), _EVENTY),
    (_AMOUNTY, _RISKY),
    (_AMOUNTY, _EVENTY),
    (("fewer", "more"), ("%", "percent", "per cent"), _EVENTY),
    ((" in ",), _RISKY, _AMOUNTY),
    (("likely",),),
    (("times",), _RISKY),
    (("fold",), _RISKY),
    (("doubl", "tripl", "quadrupl", "halv"), _RISKY),
    (("doubling", "tripling", "quadrupling", "halving"), _RISKY),
    (("twice", "double", "triple", "half"), _RISKY),
    (("halved", "doubled", "tripled", "quadrupled", "in half"), _RISKY),
    ((" of ",), _AMOUNTY, _RISKY),
    (("by ",), _RISKY),
    (_AMOUNTY + ("times",), _RISKY),
    (("reduction", "increase"), _RISKY),
    ((" that of", " those of", " as high", " as great", " as low"), _RISKY),
]
assert len(_GATES) == len(_WORDING)
_GATED = [re.compile(p, _I) for p in _WORDING]
_RATIO_GATE = re.compile(r"ratio|relative\s+risk|(?<![\w.])(?-i:a?HR|a?OR|a?RR|IRR|sHR)\b", _I)


_GATE_WORDS = sorted({w for gate in _GATES for words in gate for w in words})
_GATE_SETS = [tuple(frozenset(words) for words in gate) for gate in _GATES]
_ANY_GATE = frozenset(w for gate in _GATES for w in gate[0])  # every gate's first list: one of them must be there

_RATIO_NAME = (r"(?:(?:adjusted|multivariable|multivariate|pooled|overall|summary|crude)\s+)?"
               r"(?:(?:hazard|odds|risk|rate|incidence[- ]rate)\s+ratios?|relative\s+risks?)")
_RATIO_ABBR = r"(?:a?HR|a?OR|a?RR|IRR|sHR)"
_RATIO_VALUE = (r"(?P<v>\d*\.\d+|\d+)(?!\d|,\d|\.\d|\s*(?:%|per\s?cent|percent|years?|months?|weeks?|days?|hours?|mg|g|kg"
                r"|cups?|servings?|people|participants|patients|men|women|adults|children|times)\b)")
RATIO = re.compile(
    rf"\b{_RATIO_NAME}(?:\s*\((?:a?HR|a?OR|a?RR|IRR)\))?(?:\s+(?:for|of|among|in)\s+[^.;:!?\d]{{1,70}}?)?"
    rf"(?:\s+(?:was|were|is|are|of|at|ranging\s+from|ranged\s+from|reached|stood\s+at))?\s*[:=]?\s*\(?\s*{_RATIO_VALUE}"
    rf"|(?<![\w.])(?-i:{_RATIO_ABBR})(?:\s*[:=,]\s*|\s+(?:of\s+|was\s+)?)(?P<w>\d*\.\d+)(?!\d|,\d|\.\d|\s*%)",
    _I,
)
# a confidence interval, labelled or a bare interval right after the value ("1.4 (1.1-1.8)")
_CI_NEAR = re.compile(r"\b(?:CI|C\.I\.|CrI)\b|confidence\s+interval|credible\s+interval", _I)
_BARE_INTERVAL = re.compile(r"\s*(?:[,;]\s*[(\[]?|[(\[])\s*\d*\.?\d+\s*(?:-|–|—|to)\s*\d*\.?\d+")
# an article that says in words what its ratio means
_EXPLAINED = re.compile(
    r"\b(?:hazard|odds|risk|rate)\s+ratio\s+(?:\([^)]*\)\s+)?(?:of\s+[\d.]+\s+)?(?:is|describes|means|measures|compares"
    r"|tells|represents|reflects|expresses|shows|indicates)\b"
    r"|\b(?:this|that|which|it)\s+means\s+(?:that\s+)?(?:for\s+every|out\s+of\s+every|of\s+every)\s+\d",
    _I,
)

_WORD_NUM = r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a)"
_ABSOLUTE = re.compile("|".join([
    rf"\b{_WORD_NUM}\s+(?:(?:more|fewer|extra|additional)\s+)?(?:[\w-]+\s+){{0,3}}?(?:in|out\s+of|of\s+every|for\s+every)\s+(?:every\s+)?\d[\d,]*",
    rf"\b{_WORD_NUM}\s+(?:in|out\s+of)\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|one\s+hundred|a\s+thousand|one\s+thousand|hundred|thousand)\b",
    r"\b(?:per|for\s+every|in\s+every|out\s+of\s+every|out\s+of)\s+(?:1,?000|10,?000|100,?000|1,?000,?000|hundred|thousand"
    r"|a\s+(?:hundred|thousand|million)|\d[\d,]*\s+(?:people|patients|persons|women|men|adults|children|participants"
    r"|person[- ]years|births|users|smokers|population))",
    rf"\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|just\s+)?\d+(?:\.\d+)?\s?{_PCT}?\s+(?:[\w-]+\s+){{0,4}}?"
    rf"to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|just\s+)?\d+(?:\.\d+)?\s?{_PCT}",
    r"\babsolute\s+(?:risks?|terms|numbers|figures|difference|reduction|increase|benefit|harm|change|rates?|effect)",
    # rates per person, side by side: "0.9 severe attacks per child per year in the vitamin D group, against 1.45"
    r"\b\d+(?:\.\d+)?\s+(?:[\w-]+\s+){0,3}?per\s+(?:child|person|patient|participant|woman|man|adult|baby|user)\b"
    r"[^.;]{0,60}?\b(?:against|versus|vs\.?|compared\s+(?:with|to)|than)\s+\d",
    r"\bpercentage[- ]points?\b",
    r"\bnumber\s+needed\s+to\s+(?:treat|harm|screen)|\bNN[TH]\b",
    # 2% of the placebo group, 11% of those on the drug
    rf"\b\d+(?:\.\d+)?\s?{_PCT}\s+of\s+(?:the\s+|those\s+|people\s+|patients\s+|participants\s+|women\s+|men\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:(?:placebo|control|comparison|treatment|treated|drug|vaccine|vaccinated|unvaccinated|dummy"
    r"|usual[- ]care|exercise|diet)\s+(?:group|arm)|(?:on|in|taking|given|receiving)\s+(?:the\s+|a\s+)?(?:placebo|dummy|drug"
    r"|control|usual\s+care|vaccine))",
    # 41 of 110 people
    r"\b\d[\d,]*\s+of\s+(?:the\s+)?\d[\d,]*\s+(?:[\w-]+\s+)?(?:people|patients|participants|women|men|adults|children"
    r"|volunteers|subjects|those|users|smokers)\b",
    # the baseline as a level: "only 1% of women get it", "the lifetime risk is about 12%", "the risk of a
    # second stroke is 6% a year"
    rf"\b\d+(?:\.\d+)?\s?{_PCT}\s+of\s+(?:all\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:women|men|people|adults|children|patients"
    r"|babies|smokers|teenagers|americans|population)\s+(?:\w+\s+){0,3}?(?:have|has|had|get|gets|got|develop|develops"
    r"|developed|die|dies|died|will|would|experience|experienced|suffer|suffers|suffered|are\s+diagnosed"
    r"|were\s+diagnosed|go\s+on\s+to)\b",
    rf"\b(?:risk|chance|odds|likelihood)(?:\s+(?:of|for)\s+[^.;:!?]{{1,50}}?)?\s+(?:is|was|are|were|stands\s+at"
    r"|(?:rises?|rose|falls?|fell|drops?|dropped|goes|went)\s+(?:up\s+|down\s+)?to)\s+(?:about\s+|around\s+|roughly"
    rf"\s+|only\s+|just\s+|under\s+|over\s+|less\s+than\s+|more\s+than\s+)?\d+(?:\.\d+)?\s?{_PCT}"
    r"(?!\s*(?:lower|higher|less|more|greater|smaller|reduc|increas|drop|rise|fall))",
    # an event rate: "1.3% tested positive", "8% of the walkers died", "4.2 percent developed diabetes"
    rf"\b\d+(?:\.\d+)?\s?{_PCT}\s+(?:of\s+(?:the\s+|those\s+|these\s+)?(?:[\w-]+\s+){{0,3}}?)?(?:tested\s+positive|died"
    r"|developed|were\s+diagnosed|had\s+(?:a|an)\s+(?:heart\s+attack|stroke|fracture|fall|relapse|recurrence)"
    r"|were\s+infected|caught|relapsed|needed|went\s+on\s+to)\b",
    # natural frequencies: "someone who would have had about 10 flares a year might have had about 7"
    r"\b(?:would|might|could)\s+(?:otherwise\s+)?(?:have\s+(?:had|got|developed|suffered)|get|develop|have|see)\s+"
    r"(?:about\s+|around\s+|roughly\s+)?\d[\d,.]*\b[^.;!?]{0,80}?\b(?:would|might|could|will|may)\s+(?:\w+\s+)?"
    r"(?:have\s+(?:had|got|developed|suffered)|get|develop|have|see)\s+(?:about\s+|around\s+|roughly\s+|only\s+|just\s+)?\d",
    # "7 flares a year instead of 10", "3 cases, down from 5"
    r"\b\d[\d,.]*\s+(?:[\w-]+\s+){0,4}?(?:instead\s+of|rather\s+than|down\s+from|up\s+from)\s+(?:about\s+|around\s+)?\d",
])
    + rf"|(?<!by )(?<!\d)(?<!\d\.)\d+(?:\.\d+)?\s?{_PCT}(?!\s*(?:lower|higher|less|more|reduc|increas|drop|fall|decreas|rise|greater|smaller))"
    r"[^;!?]{0,160}?\b(?:against|versus|vs\.?|compared\s+(?:with|to)|than\s+(?:the\s+)?|and|while|whereas)\s+"
    rf"(?:[\w-]+\s+){{0,6}}?(?<!by )\d+(?:\.\d+)?\s?{_PCT}(?!\s*(?:lower|higher|less|more|reduc|increas|drop|fall|decreas|rise|greater))",
    _I,
)
_NEGATED = re.compile(r"\b(?:not|no|never|nor|n['’]t|neither)\s+(?:\w+ly\s+)?$", _I)
# "did not show that ...", "there is no evidence that ...": the statement that follows is denied
_DENIED = re.compile(r"\b(?:(?:not|n['’]t|never)\s+(?:\w+\s+)?(?:show|shown|prove|proven|proved|find|found|confirm|mean"
                     r"|establish|demonstrate|suggest)|no\s+(?:good\s+|strong\s+|clear\s+|real\s+)?(?:evidence|proof|sign))"
                     r"\s+(?:that\s+)?", _I)
# the relative figure is being explained, or is a supposition: "A 200% increase in risk means the risk has tripled"
_EXPLAINS_IT = re.compile(r"\s*,?\s*(?:means|would\s+mean|could\s+mean|can\s+mean|may\s+mean|might\s+mean"
                          r"|does\s*n[o']?t\s+mean|is\s+the\s+same\s+as|sounds)\b", _I)
_SUPPOSE = re.compile(r"\b(?:suppose|supposing|imagine|hypothetical(?:ly)?)\b", _I)
# a reference number after a full stop ends a sentence the splitter kept whole ("...a day.1 Further, ...")
_FOOTNOTE_END = re.compile(r"(?<=[a-z)\]]\.)(?:\d{1,3}(?:[,–-]\d{1,3})*|\[\d{1,3}\])(?=\s+[A-Z])")
# searched in the lower-cased text (no IGNORECASE: an alternation of literals is then several times quicker)
_WORTH = re.compile(r"[0-9]|half|twice|doubl|tripl|quadrupl|halv|fold|times|third|quarter|fifth|sixth|tenth")


def _inside_quotation(t: str, i: int) -> bool:
    """Is offset ``i`` of sentence ``t`` inside quotation marks that open in the sentence?"""
    before = t[:i]
    opened = before.count("“") - before.count("”")
    if opened > 0:
        return True
    return before.count('"') % 2 == 1


def prepare(params: dict[str, Any], where: str, rid: str) -> dict[str, Any]:
    return dict(params)


@register("relative-risk")
def check(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    ratios = str(options.get("ratios", params.get("ratios", "bare")))
    text = doc.text
    explained: bool | None = None
    for s in _worth_a_look(doc):
        t = text[s.start : s.end]
        a = analysis.article  # built once per document, when a sentence is worth a look
        for u0, u1 in _units(t):
            hit = _report(doc, s, t[u0:u1], ratios, a)
            if hit is None:
                continue
            sa = a.sentences[s.index]
            if sa.position == "chrome" or sa.role == "quote":
                break
            kind, m, seen = hit
            if kind.startswith("ratio") and ratios != "all":
                if explained is None:
                    explained = _EXPLAINED.search(text) is not None
                if explained:
                    continue
            yield Hit(s.start + u0 + m.start(), s.start + u0 + m.end(), {"match": seen, "problem": _message(kind, seen)})


def _worth_a_look(doc: "Document") -> Iterator[Any]:
    """The sentences holding a match of :data:`_WORTH`, in order (one scan of the text)."""
    low = doc.derived.get("risk_low")
    if low is None:
        low = doc.derived["risk_low"] = lower_same_length(doc.text)
    pos = 0
    while True:
        m = _WORTH.search(low, pos)
        if m is None:
            return
        s = doc.sentence_at(m.start())
        if s is None:
            pos = m.end()
            continue
        yield s
        pos = max(s.end, m.end())


def _units(t: str) -> list[tuple[int, int]]:
    """The sentence cut at reference numbers that end a sentence inside it."""
    cuts = [m.end() for m in _FOOTNOTE_END.finditer(t)]
    bounds = [0, *cuts, len(t)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i]]


def _report(doc: "Document", s: Any, u: str, ratios: str, a: "ArticleAnalysis") -> tuple[str, re.Match[str], str] | None:
    """What to report of the part ``u`` of sentence ``s``, or None."""
    found = _relative(u, ratios)
    if found is None:
        return None
    kind, m = found
    sents = doc.sentences
    text = doc.text
    for j in (s.index, s.index - 1, s.index + 1):  # absolute figures in the sentence or the one before or after it
        if 0 <= j < len(sents) and _ABSOLUTE.search(text, sents[j].start, sents[j].end) and (
                j == s.index or sents[j].block == s.block or _same_outcome(a, s.index, j)):
            return None
    return kind, m, " ".join(m.group(0).split())


def _same_outcome(a: "ArticleAnalysis", i: int, j: int) -> bool:
    """Sentences ``i`` and ``j`` (in different paragraphs) are about the same condition, or ``j`` names none: its
    figures may be ``i``'s, not another outcome's ("... higher risk of type 1 diabetes." / "10.3 percent ... used an
    asthma inhaler")."""
    def named(k: int) -> set[str]:  # dying, died, deaths: one outcome
        return {t.kind if t.kind in _BY_KIND else t.text for t in a.sentences[k].terms if t.lexicon == "conditions"}
    mine, theirs = named(i), named(j)
    return not theirs or not mine or bool(mine & theirs)


_BY_KIND = frozenset({"death"})


def _message(kind: str, seen: str) -> str:
    if kind == "ratio":
        return (f"\"{seen}\" is a relative measure given with no absolute risks and no confidence interval: "
                "say what it means for readers in absolute terms (e.g. \"14 in 100 lonely people developed "
                "dementia, against 10 in 100 others\"), or give the interval and the baseline risk")
    if kind == "ratio with interval":
        return (f"\"{seen}\" is a relative measure with no absolute risks near it: say what it means for readers "
                "in absolute terms (e.g. \"14 in 100 lonely people developed dementia, against 10 in 100 others\")")
    return (f"\"{seen}\" gives only a relative change in risk: add the absolute risks, e.g. "
            "\"from 8 in 100 to 5 in 100\", so readers can judge the size of the effect")


def _relative(t: str, ratios: str) -> tuple[str, re.Match[str]] | None:
    """The sentence's first relative statement: ("wording" | "ratio" | "ratio with interval", its match), or None."""
    low = t.lower()
    present = set(filter(low.__contains__, _GATE_WORDS))
    best: re.Match[str] | None = None
    for gate, pattern in zip(_GATE_SETS, _GATED) if not _ANY_GATE.isdisjoint(present) else ():
        if any(map(present.isdisjoint, gate)):
            continue
        for m in pattern.finditer(t):
            if best is not None and m.start() >= best.start():
                break
            if _inside_quotation(t, m.start()) or _NEGATED.search(t, max(0, m.start() - 40), m.start()) \
                    or _DENIED.search(t, 0, m.start()) or _EXPLAINS_IT.match(t, m.end()) \
                    or _SUPPOSE.search(t, 0, m.start()):
                continue
            best = m
            break
    if best is not None:
        return "wording", best
    if ratios == "off" or _RATIO_GATE.search(t) is None:
        return None
    for m in RATIO.finditer(t):
        if _inside_quotation(t, m.start()):
            continue
        v = float(m["v"] or m["w"])
        if not 0 < v < 100:
            continue
        interval = _CI_NEAR.search(t) is not None or _BARE_INTERVAL.match(t, m.end()) is not None
        if interval and ratios != "all":
            continue
        return ("ratio with interval" if interval else "ratio"), m
    return None


check.prepare = prepare  # type: ignore[attr-defined]
