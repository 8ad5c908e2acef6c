"""``missing-disclaimer``: a page that advises readers or promotes a treatment, with no medical disclaimer.

The page *advises* when the writer tells readers what to take or use for their health: a
dose, a remedy, a supplement, a diet ("Take 500 mg twice daily", "To try it, take 20 grams
the evening before", "drink up!", "Might be worth a try!", a "How to boost immunity with
elderberry" headline). It *sells* when it calls readers to buy (see :mod:`.cta`) or speaks as
the seller ("our vegan CBD gummies"). It *promotes* when it states, in its own voice, that a
supplement, herb, CBD or "natural" product (or a food, for a disease) treats, prevents or
relieves a health problem ("It helps with anxiety", "How does turmeric prevent arthritis?").
News that reports findings and gives no advice needs no disclaimer: a report's headline and
lede, and claims that rest on a study the article describes, are not promotion.

A disclaimer is any of: "not medical advice" (or "not a substitute for" a doctor's advice),
"for informational purposes only", the FDA statement ("not intended to diagnose, treat, cure
or prevent any disease"), "seek medical advice", or an instruction to consult, talk to, check
with, ask or see a doctor, pharmacist or other health professional (lexicon ``disclaimers``),
anywhere in the document, page chrome included. Phrases of the rule's ``accept`` option count
too. Reported once per document, naming the first advice or promotion and its line.

What the analysis lacks and is computed here: an instruction after an opening clause ("To
try it, take ..."), an imperative the analysis reads as a speech tag ("Try adding ..."), the
object of an instruction (a product, drug, dose or remedy within a few words of the verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

from ..analyse.article import ArticleAnalysis, SentenceAnalysis
from ..analyse.instructions import ADVICE_VERBS, CLAUSE_THEN_VERB, HEALTH_PURPOSE, advice_after_so, imperative, is_imperative
from ..analyse.terms import words
from ..kinds.base import Hit, term_to_pattern
from . import register
from .cta import calls

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document

_I = re.IGNORECASE

# ---- the disclaimer ---------------------------------------------------------------------
_PROFESSIONAL = r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                  for w in sorted(words("disclaimers", "professional"), key=len, reverse=True)) + r")"
_ROUTE = re.compile(
    r"\b(?:consult(?:ing|ed)?(?:\s+with)?|talk(?:ing)?\s+(?:to|with)|speak(?:ing)?\s+(?:to|with)|check(?:ing)?\s+(?:first\s+)?with"
    r"|ask(?:ing)?|see(?:ing)?|contact(?:ing)?|discuss(?:ing)?\s+(?:\w+\s+){0,4}?with|call(?:ing)?|visit(?:ing)?|get\s+advice\s+from"
    r"|seek(?:ing)?\s+(?:the\s+)?(?:advice|guidance|help)\s+(?:of|from)|guidance\s+from|approval\s+(?:of|from)|work(?:ing)?\s+with"
    r"|go\s+to|get\s+(?:yourself\s+)?to|tell|let)\s+(?:(?:to|with)\s+)?(?:your|a|an|the|their|his|her|one's)\s+"
    r"(?:own\s+|usual\s+|local\s+|family\s+)?(?:qualified\s+|licensed\s+|registered\s+|trusted\s+)?(?:[\w-]+\s+)?"
    + _PROFESSIONAL + r"\b", _I)
_NOT_MEDICAL_ADVICE = re.compile(
    r"\bnot\b[^.!?\n]{0,60}?\b(?:medical|professional|health(?:\s*care)?|clinical|doctor'?s|physician'?s)\s+(?:advice|care"
    r"|consultation|diagnosis|guidance)"
    r"|\b(?:not|no)\b[^.!?\n]{0,40}?\b(?:substitute|replacement)\s+for\b"
    r"|\b(?:for|is)\s+(?:general\s+)?(?:informational|information|educational|education)(?:al)?\s+(?:purposes\s+)?only\b"
    r"|\bnot\s+(?:been\s+)?(?:intended|evaluated|approved)\s+(?:to\s+(?:diagnose|treat|cure|prevent)|by\s+the\s+(?:FDA|Food\s+and\s+Drug))"
    r"|\bnot\s+intended\s+(?:as|to\s+(?:be|replace|provide))\b[^.!?\n]{0,40}?\badvice\b", _I)
_NEGATED_ROUTE = re.compile(r"(?:\b(?:no|without|never|instead\s+of|rather\s+than|skip(?:ping)?|avoid(?:ing)?|don'?t|do\s+not|doesn'?t"
                            r"|needn'?t|need\s+not)\b[^.!?]{0,25})$", _I)


def disclaimer(a: ArticleAnalysis, accept: list[str]) -> tuple[int, int] | None:
    """Where the document's medical disclaimer is (prose offsets), if it has one."""
    text = a.doc.text
    for s in a.sentences:
        if s.has("disclaimers", "statement"):
            t = next(t for t in s.terms if t.lexicon == "disclaimers" and t.kind == "statement")
            return t.start, t.end
    m = _NOT_MEDICAL_ADVICE.search(text)
    if m:
        return m.span()
    for m in _ROUTE.finditer(text):
        if not _NEGATED_ROUTE.search(text[max(0, m.start() - 40) : m.start()]):
            return m.span()  # "talk to your doctor", not "no need to see a doctor"
    extra = [str(p) for p in accept if str(p).strip()]
    if extra:
        m = re.compile("|".join(term_to_pattern(p) for p in extra), _I).search(text)
        if m:
            return m.span()
    return None


# ---- advice -----------------------------------------------------------------------------
WRITER_POSITIONS = frozenset({"title", "deck", "heading", "lede", "body"})
_NUMBER = r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|half\s+a|a\s+few|a|an)"
# a number, or a range of two ("300-600 mg", "two or three capsules"); a number never splits into two (linear on digit runs)
_AMOUNT = r"\d+(?:[.,]\d+)?(?![\d.,])"
_DOSE = re.compile(r"\b" + _AMOUNT + r"\s*(?:(?:-|to|–)\s*" + _AMOUNT + r"\s*)?(?:mg|mcg|µg|micrograms?|milligrams?|grams?|(?-i:g)|iu|ml"
                   r"|units)\b|\b(?:" + _AMOUNT + r"|one|two|three|four|five|six|half\s+a|a\s+few|a|an)\s*"
                   r"(?:(?:-|to|–|or)\s*(?:" + _AMOUNT + r"|two|three)\s*)?(?:drops?|capsules?|caps|tablets?"
                   r"|gumm(?:y|ies)|pills?|scoops?|puffs?|sprays?|pumps?|softgels?|lozenges?|sachets?)\b", _I)
_KITCHEN = re.compile(r"(?:\b" + _NUMBER + r"|[½¼¾])\s*(?:tsp|teaspoons?|tbsp|tablespoons?|(?:tea|table)?spoonfuls?|dash|pinch|shot"
                      r"|cups?|cloves?|glass(?:es)?|mugs?"
                      r"|servings?|slices?|handfuls?)\b", _I)
# what an instruction must be about: something to take or use (foods and kitchen measures only with a health purpose)
_REMEDY = re.compile(r"\b(?:supplements?|remed(?:y|ies)|medications?|medicines?|pills?|capsules?|tablets?|gumm(?:y|ies)|doses?"
                     r"|dosage|vitamins?|minerals?|nutrients|herbs?|herbal|tinctures?|oils?|teas?|extracts?|powders?|detox\w*|cleanses?"
                     r"|fasting|diets?|tonic|syrup|ointment|poultice|infusion|decoction|probiotics?|antibiotics?|hormones?"
                     r"|injections?)\b", _I)
_PURPOSE = re.compile(r"\bfor\s+(?:relief|health|your\s+health|better|a\s+healthy|the\s+best\s+results)|\b(?:healthy|healthier"
                      r"|health|immun\w+|relief|heal\w*|symptoms?|toxins?|cleanse|detox\w*)\b", _I)
_FOOD_KINDS = frozenset({"food"})
_NOT_ADVICE = re.compile(
    r"^\W*(?:it\s+is\s+(?:also\s+)?(?:important|worth)\s+(?:to\s+)?not(?:e|ing)|it'?s\s+worth\s+noting|note\s+that|remember\s+that"
    r"|keep\s+in\s+mind|read\s+(?:on|more|below)|take\s+a\s+look|let'?s\s+(?:look|take|dive|start|talk|see|explore|find)"
    r"|see\s+(?:below|above|our|the)|learn|find\s+out|click|join\s+us|check\s+out\s+(?:our|the|this)\s+(?:guide|article|post|list|page|video)"
    r"|please\s+(?:make\s+sure|enable|note|share|subscribe)|sign\s+up|subscribe|share|follow|watch|listen|download|register"
    r"|make\s+sure\s+(?:your\s+browser|you\s+(?:read|subscribe|sign|check\s+out))|get\s+the\s+(?:latest|newsletter)"
    r"|put\s+(?:in\s+|simply|another\s+way|differently|it\b)|to\s+put\s+it|in\s+other\s+words|imagine"
    r"|consider\s+(?:this|that|these|those|the\s+(?:case|example))|take\s+(?:this|that|the\s+case|for\s+example))"
    r"|\b(?:what|everything|all)\s+you\s+(?:need|want|should)\s+to\s+know\b|\bhere'?s\s+(?:what|how|why)\b", _I)
_HOW_TO = re.compile(r"^\W*(?:\d+\s+)?(?:how|ways?)\s+to\s+(?:use|take|treat|cure|heal|boost|support|fix|reverse|prevent|relieve|ease|"
                     r"lower|reduce|improve|detox|cleanse|lose|get\s+rid\s+of|beat|fight|stop|manage|soothe|calm|strengthen|make)\b", _I)
# dosing told as a fact: "Most people take between 300 and 600 mg a day", "A typical dose is two capsules"
DOSING_FACT = re.compile(r"\b(?:most|many)\s+(?:people|adults|users|women|men|experts)\s+(?:take|use|need|do\s+well\s+on)\b"
                          r"|\b(?:a|the)\s+(?:typical|usual|standard|good|safe|normal|common)\s+(?:daily\s+|starting\s+)?(?:dose|dosage|amount)"
                          r"\s+(?:is|would\s+be|ranges?)\b", _I)
# a product recommended as the reader's answer: "magnesium before bed could be the answer"
_ANSWER = re.compile(r"\b(?:could|may|might|can|will|would)\s+(?:well\s+|just\s+)?be\s+(?:the|your|just\s+the|exactly\s+the|a)\s+"
                     r"(?:\w+\s+)?(?:answer|solution|remedy|fix|key|ticket|thing\s+for\s+you|game-changer|lifesaver|dream\s+come\s+true)\b", _I)
_RECOMMENDATION = re.compile(r"\b(?:(?:typical|usual|recommended|suggested|standard|effective|ideal|right|best|normal|common)\s+"
                             r"(?:daily\s+)?(?:doses?|dosages?|amounts?)|dosages)\s+(?:range|ranges|is|are|varies|vary)\b"
                             r"[^.]{0,40}?\d", _I)
# the gate of :func:`_advice` in one search: a dose, a recommended dose, dosing told as a fact, a product as the answer
_OFFERED = re.compile("|".join(f"(?:{p.pattern})" for p in (_DOSE, _RECOMMENDATION, DOSING_FACT, _ANSWER)), _I)

_SPEECH = re.compile(r"\b(?:said|says|told|tells|according\s+to|explains|explained|added|wrote|writes|asked|argues|argued"
                     r"|believes?|maintained|claimed|insists?|urged|urges|warned|warns)\b", _I)
_YOU_SHOULD = re.compile(r"\b(?:you|we)(?:'ll|\s+will)?\s+(?:should|must|need\s+to|have\s+to|ought\s+to|can|could|may\s+want\s+to"
                         r"|might\s+want\s+to|'ll\s+want\s+to|want\s+to)\s+(?:(?:also|then|simply|just|always|still|easily|"
                         r"safely|definitely|really|probably|be|start|begin|try|consider)\s+)*(\w+)"
                         r"|\b(?:a\s+good\s+idea|wise|sensible|best|worth\s+considering)\s+to\s+(\w+)", _I)
_TAKING_VERBS = frozenset(ADVICE_VERBS) | {"consume", "swallow", "ingest", "dose", "supplement", "use", "drink", "eat", "apply",
                                            "give", "take", "try", "buy", "order", "get", "increase", "boost", "add"}
_AVAILABLE = frozenset({"buy", "get", "find", "order", "purchase", "pick"})  # "you can buy it at pharmacies": where, not what to do
_EXCLAIMED = re.compile(r"\b(?:drink\s+up|worth\s+a\s+try|worth\s+trying|give\s+it\s+a\s+(?:try|go|shot))\b", _I)
# a sentence that reports research rather than instructs: "Pour on the olive oil: a study finds ..."
_REPORTS = re.compile(r"\b(?:stud(?:y|ies)|research|trials?|findings|data|survey|review|scientists|researchers)\b[^.;]{0,80}?"
                      r"\b(?:finds?|found|shows?|showed|shown|suggests?|suggested|reveals?|revealed|indicates?|concludes?)\b"
                      r"|\b(?:new|latest|recent)\s+(?:findings|research|data)\b", _I)
_QUOTED = re.compile(r"^\W{0,2}['‘\"“]")
_YOU = re.compile(r"\b(?:you|your|yourself)\b", _I)
_WHERE_TO_BUY = re.compile(r"\byou\s+(?:can|could|may)\s+(?:\w+\s+)?(?:buy|find|get(?!\s+hold)|order|purchase|pick\s+up)\b", _I)


def _instructions(s: SentenceAnalysis, text: str) -> list[int]:
    """Where the instructions to the reader start in ``text`` (the verb, or the advice phrase)."""
    out = []
    if is_imperative(text):
        out.append(0)
    m = CLAUSE_THEN_VERB.match(text)
    if m and m.group(1).lower() in ADVICE_VERBS and not re.match(r"\s+in\s+mind\b", text[m.end(1) :], _I):
        out.append(m.start(1))
    so = advice_after_so(text)  # "It's cheap, so add a glass to your breakfast", "there's no harm in brewing a cup"
    if so is not None:
        out.append(so)
    for m in _YOU_SHOULD.finditer(text):
        g = 1 if m.group(1) else 2
        verb = m.group(g).lower()
        modal = m.group(0).lower()
        if verb in _AVAILABLE and re.search(r"\b(?:can|could)\b", modal):
            continue
        if verb in _TAKING_VERBS or verb.endswith("ing") and (verb[:-3] in _TAKING_VERBS or verb[:-3] + "e" in _TAKING_VERBS):
            out.append(m.start(g))
    for t in s.terms:
        if t.lexicon == "roles" and t.kind == "advice":
            at = t.start - s.start
            phrase = text[at : t.end - s.start].lower()
            if phrase in ("is recommended", "are recommended") or phrase.startswith(("you ", "we ")):
                continue  # a guideline reported ("Aspirin is recommended now for ..."); "you should" is read above
            if at <= 25 or re.search(r"\b(?:you|your|yourself|we|our|us)\b", text[at : at + 45], _I):
                out.append(at)  # addressed to the reader, not "... to make sure patients take their medicine"
    return sorted(set(out))


def _about_taking(s: SentenceAnalysis, text: str, at: int, product_page: bool, context: str = "") -> bool:
    """The instruction at ``text[at:]`` is about something to take or use: a product, drug, dose or remedy named
    within a few words of it (a food or a kitchen measure only when the sentence gives a health purpose)."""
    lo, hi = at, min(len(text), at + 70)
    part = text[lo:hi]
    near = [t for t in s.terms if lo <= t.start - s.start < hi]
    if any(t.lexicon == "drugs" or t.lexicon == "products" and t.kind not in _FOOD_KINDS and (t.kind != "form" or product_page)
           for t in near):
        return True  # a form alone ("use the formula", "a can of spray") only on a page about products
    if _DOSE.search(part):
        return True
    for m in _REMEDY.finditer(part):
        if not (m.group(0)[:1].isupper() and lo + m.start() > 0):
            return True  # not the "Medicine" of "Baylor College of Medicine"
    food = any(t.lexicon == "products" and t.kind in _FOOD_KINDS for t in near) or bool(_KITCHEN.search(part))
    purpose = any(t.lexicon in ("effects", "conditions") for t in s.terms) or bool(_PURPOSE.search(text)) \
        or bool(HEALTH_PURPOSE.search(text)) or bool(
        context and _PURPOSE.search(context))
    return food and purpose


def _advice(a: ArticleAnalysis, s: SentenceAnalysis, text: str, product_page: bool) -> bool:
    """The writer tells the reader what to take or use for their health."""
    role = s.role
    if role == "attributed" and imperative(text) and not _SPEECH.search(text):
        role = "advice"  # "Try adding two drops...": the analysis reads "Try ... adding" as a speech tag
    if role in ("quote", "attributed", "question", "negated", "caveat", "method", "plan", "definition", "reported"):
        return False
    instructions = _instructions(s, text)
    if not (instructions or role == "advice" or _OFFERED.search(text) or _HOW_TO.match(text)):
        return False  # nothing told, dosed, recommended or offered as the answer: no advice whatever else it says
    if _SPEECH.search(text) or _QUOTED.match(text) or _NOT_ADVICE.search(text):
        return False  # someone else's advice, or a turn of phrase ("Put in absolute terms", "Take this crisis")
    if _HOW_TO.match(text) and (s.headline or s.position == "heading"):
        return not reports_research(a)
    if (_RECOMMENDATION.search(text) or DOSING_FACT.search(text) and _DOSE.search(text)) and not s.facts.citations:
        return True  # "Typical dosages range from 300-600mg daily", "Most people take between 300 and 600 mg a day"
    if _ANSWER.search(text) and any(t.lexicon == "products" and t.kind in _PRODUCTS for t in s.terms) and (
            _YOU.search(text) or product_page):
        return True  # "If you struggle to fall asleep, magnesium before bed could be the answer"
    if _REPORTS.search(text):
        return False  # "consider new findings out of ...", "Pour on the olive oil: a study finds ..."
    if _DOSE.search(text) and _YOU.search(text) and s.role in ("claim", "advice") and not _WHERE_TO_BUY.search(text):
        return True  # "If you can get hold of it, taking 500 mg a day could add years to your life"
    context = " ".join(a.text_of(j) for j in range(max(0, s.index - 2), s.index) if a.block_of(j) >= a.block_of(s.index) - 1)
    return any(_about_taking(s, text, at, product_page, context) for at in instructions) or bool(
        _EXCLAIMED.search(text)) and bool(instructions or s.role == "advice")


# ---- promotion --------------------------------------------------------------------------
_SELLER = re.compile(r"\bour\s+(?:[\w'’-]+\s+){0,3}?(?:gumm(?:y|ies)|oils?|tinctures?|capsules?|products?|formulas?|blends?|teas?"
                     r"|supplements?|extracts?|softgels?|creams?|balms?|powders?|kits?|range|edibles|stack|pills?|tablets?|drops|"
                     r"syrups?|cbd|hemp|remedies)\b"
                     r"|\b(?:we|i)\s+(?:make|sell|offer|formulate|craft|manufacture|stock|ship)\b", _I)
_PRODUCTS = frozenset({"supplement", "herb", "cannabis", "natural"})
_HEALTH_GOODS = ("supplement", "herb", "cannabis", "natural", "form")
_HEALTH_OUTCOMES = frozenset({"disease", "symptom", "function", "body", "measure"})
_HOW_WHY = re.compile(r"^\W*(?:how|why|what\s+makes)\b", _I)
_RESEARCH = re.compile(r"\b(?:stud(?:y|ies)|research\w*|trials?|findings?|evidence|scientists?|experiments?|data|results?"
                       r"|proof|review|survey|analysis|published|journal|tests?|tested|patients|participants|volunteers)\b", _I)
_DESCRIBED = re.compile(r"\b(?:thought|believed|understood|known|said|considered)\s+to\b|\bit'?s\s+believed\b", _I)


def reports_research(a: ArticleAnalysis) -> bool:
    """The article is a report of research: its headline or opening paragraph describes a study or its researchers."""
    found = a.doc.derived.get("missing-disclaimer:news")
    if found is None:
        found = any(s.position in ("title", "deck", "lede") and (s.study is not None or s.role == "reported"
                                                                  or s.has("roles", "research"))
                    for s in a.sentences)
        a.doc.derived["missing-disclaimer:news"] = found
    return found  # type: ignore[no-any-return]


def _promotes(a: ArticleAnalysis, s: SentenceAnalysis, text: str, product_page: bool) -> bool:
    """The writer states, in their own voice, that a product treats or relieves a health problem."""
    f = s.frame
    if f is None or s.role not in ("claim", "advice") or s.study is not None or s.facts.negated:
        return False
    if _SPEECH.search(text) or _RESEARCH.search(text) or _QUOTED.match(text) or _DESCRIBED.search(text):
        return False  # a finding or someone's claim reported, or the science described ("is thought to promote sleep")
    question = bool(s.facts.question)
    if question and not _HOW_WHY.match(text):
        return False
    if f.strength not in ("causal", "conditional") and not (question and f.predicate_kind):
        return False
    if f.outcome_kind not in _HEALTH_OUTCOMES or f.species:
        return False
    kind = f.exposure_kind
    if kind == "food":  # a food only as a cure ("Garlic reverses high blood pressure")
        if f.predicate_kind != "therapy" or f.outcome_kind != "disease":
            return False
    elif kind not in _PRODUCTS and not (kind in ("form", "pronoun") and product_page):
        return False
    if f.predicate_kind not in ("therapy", "help") and not (f.predicate_kind in ("lower", "raise")
                                                          and f.outcome_kind in ("disease", "symptom")):
        return False  # "lowers cholesterol", "boosts energy": a function described, not a cure pitched
    if reports_research(a):  # news: the headline and lede report the study; a body claim may rest on it
        if s.position in ("title", "deck", "lede") or a.profile.nearest(s.index, topic=text) is not None:
            return False
    return True


@dataclass(slots=True)
class Trigger:
    sentence: int
    what: str  # "advice" | "promotion" | "sale"


def triggers(a: ArticleAnalysis) -> Iterator[Trigger]:
    """The writer's advice, sales and promotion, in document order (worked out as they are asked for)."""
    product_page = sum(1 for s in a.sentences if s.has("products", *_PRODUCTS)) >= 3
    # a sale needs a disclaimer on a page about health products, not a fast-food chain's taco kit
    sold = {c.sentence for c in calls(a)} if any(
        s.has("products", *_HEALTH_GOODS) or s.has("drugs") or s.frame is not None and s.frame.states_effect and s.frame.health_outcome
        for s in a.sentences) else set()
    for s in a.sentences:
        if s.position not in WRITER_POSITIONS:
            continue
        text = a.text_of(s.index)
        if s.index in sold:
            yield Trigger(s.index, "sale")
        elif s.role not in ("quote", "attributed") and s.has("products") and _SELLER.search(text):
            yield Trigger(s.index, "sale")
        elif _advice(a, s, text, product_page):
            yield Trigger(s.index, "advice")
        elif _promotes(a, s, text, product_page):
            yield Trigger(s.index, "promotion")


def first_trigger(a: ArticleAnalysis) -> Trigger | None:
    """The first trigger, unless every trigger is a headline's promotion: a headline alone ("Berries may ward off
    Parkinson's") is a news story's, unless the page goes on."""
    found = triggers(a)
    first = next(found, None)
    if first is None or not (first.what == "promotion" and a.sentences[first.sentence].headline):
        return first
    for t in found:
        if not (t.what == "promotion" and a.sentences[t.sentence].headline):
            return first
    return None


_WHAT = {"advice": "advises readers", "promotion": "promotes a product for a health problem", "sale": "sells a product"}


def _message(a: ArticleAnalysis, t: Trigger) -> str:
    text = " ".join(a.text_of(t.sentence).split())
    if len(text) > 80:
        text = text[:77].rstrip() + "..."
    return (f"the page {_WHAT[t.what]} (first at line {a.line_of(t.sentence)}: \"{text}\") but has no medical "
            f"disclaimer: add one, e.g. \"This article is not medical advice; talk to your doctor or pharmacist before "
            f"you start, stop or change any treatment.\"")


_NOTE = "advice or promotion with no disclaimer"


@register("missing-disclaimer")
def missing_disclaimer(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    a = analysis.article
    first = first_trigger(a)  # most pages neither advise nor sell: look for a disclaimer only on those that do
    if first is not None and disclaimer(a, list(options.get("accept") or [])) is None:
        s = a.sentences[first.sentence]
        yield Hit(0, 0, message=_message(a, first), related=[(s.start, s.end, _NOTE)], document_level=True)


missing_disclaimer.document_level = True  # type: ignore[attr-defined]  # one finding per document, on line 1
