"""``self-treatment``: readers told to take, dose, obtain, stop or change a medicine, hormone,
supplement or unapproved product on their own.

A finding needs an instruction to the reader (an imperative, "you can/should...", "I
recommend...") about a dose or a medicine or product, or words that send readers to obtain
one without a prescription ("order it online", "no GP referral needed", "can be bought from
compounding pharmacies"). Stopping or cutting a prescribed medicine ("stop your
antidepressant", "you won't need your inhaler") is reported as an error. Quiet: advice that
routes through a clinician in the same passage, a study's doses described as such, warnings
("do not take more than..."), and lifestyle advice with no product or medicine.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from ..analyse.article import ArticleAnalysis, SentenceAnalysis
from ..analyse.terms import Term
from ..analyse.instructions import imperative, is_imperative
from ..kinds.base import Hit
from . import register
from .disclaimer import DOSING_FACT

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document

_NUM = r"(?:\d[\d,.]*|½|¼|¾|one|two|three|four|five|six|ten|half\s+a|a\s+half|(?:a|an)\s+(?:second|third|fourth|extra)|another|one\s+more|a|an)"
DOSE = re.compile(
    r"(?<![\w.])" + _NUM + r"(?:\s*(?:-|–|to|or)\s*" + _NUM + r")?\s*"
    r"(?:mg|mcg|µg|ug|g|grams?|milligrams?|micrograms?|ml|millilitres?|milliliters?|iu|ppm|drops?|droppers?|dropperfuls?|capsules?|caps"
    r"|tablets?|pills?|gummies|gummy|softgels?|sprays?|squirts?|pumps?|puffs?|scoops?|teaspoons?|teaspoonfuls?|tsp|tablespoons?|tbsp"
    r"|cups?|cloves?|spoonfuls?|sachets?|lozenges?|shots?|doses?)\b"
    r"|\b(?:your|the)\s+(?:daily\s+|morning\s+|evening\s+|night-?time\s+|bedtime\s+|usual\s+|starting\s+)?(?:dose|dosage)\b"
    # a count of a product's units with its name between: "two melatonin tablets", "three fish oil capsules"
    r"|(?<![\w.])" + _NUM + r"\s+(?:[a-z][\w-]*\s+){1,2}?(?:capsules|tablets|gummies|softgels|lozenges|pills|drops|sprays)\b",
    re.IGNORECASE)
# stopping or cutting a prescribed medicine
_MEDICINE = (r"(?:medications?|medicines?|meds|pills|tablets|prescriptions?|drugs?|inhalers?|insulin|antidepressants?|statins?"
             r"|blood\s+thinners?|beta[- ]blockers?|\w+(?:pril|sartan|olol|statin|pine|mab|formin|oxetine|aline|pam|lam|lol))")
# "stop your", "come off the", "wean yourself off all your": a verb of stopping before the reader's medicine
_STOP_YOUR = (r"\b(?:stop|stopping|come\s+off|coming\s+off|quit|ditch|throw\s+away|halve|cut|cutting|reduce|lower|skip|drop"
              r"|wean\s+(?:yourself\s+)?off)\s+(?:taking\s+|using\s+)?(?:your|the|all\s+your)\s+(?:\w+\s+){0,2}?")
_STOP = re.compile(
    _STOP_YOUR + _MEDICINE + r"\b"
    r"|\b(?:won't|will\s+not|wouldn't|don't|do\s+not|no\s+longer)\s+need\s+(?:your|their|the|any)\s+(?:\w+\s+){0,2}?" + _MEDICINE + r"\b"
    r"|\b(?:cut|halve|reduce|lower)\s+(?:your|their)\s+(?:\w+\s+){0,2}?dose\b", re.IGNORECASE)
# the same verbs before a medicine the drugs lexicon names: "stop your allopurinol", "come off the warfarin"
_STOP_BEFORE = re.compile(_STOP_YOUR + "$", re.IGNORECASE)
_OBTAIN = re.compile(
    r"\b(?:order|buy|get|purchase|source)\s+(?!(?:[\w'-]+\s+){0,3}?(?:over-the-counter|otc|non-prescription)\b)(?:it\s+|them\s+|this\s+|some\s+|yours\s+|one\s+|(?:[\w'-]+\s+){1,4}?)?(?:online\s+from|from\s+(?:overseas|abroad|a\s+compounding|online)"
    r"|online\s+without|without\s+a\s+prescription)"
    r"|\b(?:without|no)\s+(?:a\s+)?(?:prescription|gp\s+referral|referral|doctor's\s+note)(?:\s+or\s+\w+)?\s+(?:needed|required|necessary)"
    r"|\b(?:don't|do\s+not|won't|will\s+not)\s+need\s+a\s+(?:prescription|gp\s+referral|referral|doctor's\s+note)(?=\s+(?:for|to)\b|\s*[:;,.!]|$)"
    r"|\bcan\s+be\s+(?:\w+\s+)?(?:bought|purchased|ordered|obtained)\s+(?:now\s+)?(?:online|from|over\s+the\s+counter|without)"
    r"|\bget\s+hold\s+of\b|\b(?:ships?|shipped|delivered|delivers)\s+(?:\w+\s+){0,4}?to\s+your\s+door\b"
    r"|\beasy\s+to\s+(?:get|buy|order|find)\s+online\b", re.IGNORECASE)
_YOU = re.compile(r"\b(?:you|we)\s+(?:can|could|should|must|might|may|need\s+to|have\s+to|ought\s+to|'ll|will)\s+(?:\w+\s+)?"
                  r"(?:take|use|try|drink|add|apply|give|start|increase|double|stop|go|move|put|place|swallow|rub|spray|make|cut|halve"
                  r"|order|buy|get|mix|stir|chew|suck|inhale)\b"
                  r"|\b(?:i|we)\s+(?:recommend|suggest|advise|prescribe)\b|\brecommended\s+(?:daily\s+)?(?:dose|dosage)\s+is\b"
                  # "I tell my clients to start on the same dose": the writer's own instruction, passed on
                  r"|\b(?:i|we)\s+(?:always\s+|often\s+|usually\s+)?(?:tell|get|ask|have|advise)\s+(?:all\s+)?(?:my\s+|our\s+)?"
                  r"(?:clients|patients|readers|followers|friends|family|members)\s+to\s+(?:start|take|use|try|add|drink)\b",
                  re.IGNORECASE)
# dosing told for a group: "Kids over two can have half a teaspoon", "Adults may take up to four"
_GROUP_MAY = re.compile(r"\b(?:adults|kids|children|teens|teenagers|women|men|anyone|everyone|people)\b[^.;]{0,25}?\b(?:can|may|should)"
                        r"\s+(?:safely\s+|also\s+)?(?:have|take|use|try|drink|chew)\b", re.IGNORECASE)
# a bare count of the page's product: "you can take up to four", "chew two before bed"
_COUNT = re.compile(r"\b(?:take|have|chew|swallow|suck)\s+(?:up\s+to\s+|another\s+|only\s+|just\s+)?(?:one|two|three|four|five|six"
                    r"|\d+)\b(?!\s*(?:%|per\s*cent|percent|times|days?|weeks?|months?|years?|hours?|minutes?))", re.IGNORECASE)
_WARNING = re.compile(r"^\W*(?:do\s+not|don't|never|avoid|stop\s+taking\s+\w+\s+and\s+see)\b|\b(?:no\s+more\s+than|do\s+not\s+exceed|not\s+exceed)\b",
                      re.IGNORECASE)
_STUDY = re.compile(r"\b(?:participants|patients|subjects|volunteers|the\s+trial|the\s+study|received|were\s+given|were\s+asked|"
                    r"researchers|the\s+(?:treatment|placebo|control)\s+group|in\s+the\s+(?:trial|study))\b", re.IGNORECASE)
PRODUCT_KINDS = frozenset({"supplement", "herb", "cannabis", "natural", "form"})
# verbs of taking a dose; "use", "add", "put", "start" count only with an amount ("put 3 ml in a nebuliser")
_DOSING = re.compile(r"\b(?:take|taking|swallow|drink|give|apply|rub|spray|squirt|inhale|place|suck|chew|double|increase|dab|go\s+up"
                     r"|move\s+up|halve)\b", re.IGNORECASE)
_DOSING_WITH_AMOUNT = re.compile(r"\b(?:use|add|put|start|hold|mix|stir|cut)\b", re.IGNORECASE)
_CAUTION = re.compile(r"\b(?:if|when|before|but|however|only|risk|risks|warn\w*|unsafe|fake|counterfeit|illegal|unregulated|dangerous"
                      r"|caution|careful|beware|may\s+contain)\b", re.IGNORECASE)


# when to take it: "every two hours", "twice a day", "morning and night", "before bed"
_SCHEDULE = re.compile(r"\b(?:every\s+(?:\w+\s+)?(?:hours?|morning|night|evening|day|meal)|(?:once|twice|three\s+times|four\s+times"
                       r"|\d+\s+times)\s+(?:a|per|each)\s+(?:day|week)|morning\s+and\s+(?:night|evening)|before\s+(?:bed|meals|breakfast))\b",
                       re.IGNORECASE)
_KITCHEN = re.compile(r"(?:teaspoons?|teaspoonfuls?|tsp|tablespoons?|tbsp|cups?|cloves?|spoonfuls?)", re.IGNORECASE)


def _medicine_after(s: SentenceAnalysis, text: str, dosing: "re.Match[str] | None") -> Term | None:
    """A medicine or hormone within six words after the verb of taking ("take ibuprofen", "give children
    as young as three months paracetamol")."""
    if dosing is None:
        return None
    window = re.match(r"(?:\W*\w+){0,8}", text[dosing.end():])
    end = s.start + dosing.end() + (window.end() if window else 0)
    return next((t for t in s.terms if t.lexicon == "drugs" and s.start + dosing.end() <= t.start < end), None)


def _stops_named_drug(s: SentenceAnalysis, text: str) -> str | None:
    """The words telling the reader to stop or cut a medicine the drugs lexicon names ("stop your allopurinol")."""
    for t in s.terms:
        if t.lexicon == "drugs":
            at = t.start - s.start
            m = _STOP_BEFORE.search(text, max(0, at - 60), at)
            if m:
                return text[m.start() : t.end - s.start]
    return None


def _food_only(s: SentenceAnalysis) -> bool:
    things = [t for t in s.terms if t.lexicon in ("drugs", "products")]
    return bool(things) and all(t.lexicon == "products" and t.kind == "food" for t in things)


def _drug_only(s: SentenceAnalysis) -> bool:
    """The instruction is about a licensed medicine, not a supplement or product."""
    return any(t.lexicon == "drugs" for t in s.terms) and not any(
        t.lexicon == "products" and t.kind in ("supplement", "herb", "cannabis", "natural") for t in s.terms)


def _has_thing(a: ArticleAnalysis, s: SentenceAnalysis, text: str) -> bool:
    """A dose, a medicine, or a product (a food only on a remedy page; "it" on a product page); or a time to take
    what the sentence before names ("Zinc lozenges stop a cold. Suck one every two hours.")."""
    if DOSE.search(text):
        return True
    if _SCHEDULE.search(text) and _DOSING.search(text) and s.index > 0 and a.block_of(s.index - 1) == a.block_of(s.index) \
            and _names_thing(a, a.sentences[s.index - 1]):
        return True
    return _names_thing(a, s) or a.product_page and bool(re.search(r"\b(?:it|them|one|this)\b", text, re.IGNORECASE)
                                                          or _COUNT.search(text))


def _names_thing(a: ArticleAnalysis, s: SentenceAnalysis) -> bool:
    """The sentence names a medicine or a product (a food only on a product page)."""
    return any(t.lexicon == "drugs" or t.lexicon == "products" and (t.kind in PRODUCT_KINDS or a.product_page) for t in s.terms)


def _routed(a: ArticleAnalysis, i: int) -> bool:
    """A clinician is in the same passage: this sentence, the one before or after, or the same paragraph or list."""
    block = a.block_of(i)
    blocks = a.doc.blocks
    for j in range(max(0, i - 2), min(len(a.sentences), i + 3)):
        near = abs(j - i) <= 1 or a.block_of(j) == block or (
            blocks[a.block_of(j)].kind == "list_item" and blocks[block].kind == "list_item" and abs(a.block_of(j) - block) <= 3)
        if near and a.sentences[j].has("roles", "clinician"):
            return True
    return False


def instructions(a: ArticleAnalysis) -> Iterator[tuple[SentenceAnalysis, str, str]]:
    """(sentence, kind, words) for each self-treatment instruction: kind is "stop", "obtain" or "dose"."""
    for s in a.sentences:
        if s.position == "chrome" or s.role in ("quote", "attributed", "question", "method", "caveat", "definition"):
            continue
        things = s.has("drugs") or s.has("products")
        text = a.text_of(s.index)
        group = _GROUP_MAY.search(text) if s.has("evidence", "people") else None  # every group it names is "people"
        if not (things or s.role == "advice" or s.has("roles", "addressee") or group
                or s.has("roles", "advice_verb") and imperative(text)):
            continue  # no medicine or product named, and nobody told to do anything
        study = _STUDY.search(text)
        if study and not (imperative(text) and 0 <= text.find(",") < study.start()) or _WARNING.search(text):
            continue  # a study's dosing, not "Drink one 70 ml shot every morning, the dose used in the trial"
        m = _STOP.search(text)
        stop = m.group(0) if m else _stops_named_drug(s, text)
        heading = s.position in ("title", "deck", "heading")  # "Coming Off Your Medication" names a topic; "Stop Your Statins" tells
        if stop and (not heading and re.search(r"\b(?:you|your|can)\b", text, re.I) or is_imperative(text)) and not s.facts.question:
            if not _routed(a, s.index):
                yield s, "stop", stop
            continue
        m = _OBTAIN.search(text) if things else None  # a medicine or product to obtain
        if m and not _CAUTION.search(text):
            if not _routed(a, s.index):
                yield s, "obtain", m.group(0)
            continue
        if heading:
            continue  # "How To Take It": a heading, the instructions follow
        # "For joint pain, take ...", and a dose told as the norm: "Most adults do well on 200 to 400 mg a day"
        norm = DOSING_FACT.search(text) if DOSE.search(text) else None
        group_may = group if group and DOSE.search(text) else None  # "Kids over two can have half a teaspoon"
        told = imperative(text) or _YOU.search(text) or s.role == "advice" or norm or group_may
        if not told or not _has_thing(a, s, text):
            continue
        if s.role == "negated" or _routed(a, s.index):
            continue
        amount = DOSE.search(text)
        if amount and _KITCHEN.fullmatch(amount.group(0).split()[-1]) and not (_DOSING.search(text) or group_may):
            amount = None  # "mix in half a teaspoon of cinnamon": a recipe's measure, not a dose
        dosing = _DOSING.search(text) or norm or group_may
        amount = amount or (_SCHEDULE.search(text) if dosing else None) or (_COUNT.search(text) if a.product_page else None)
        if not (dosing or amount and _DOSING_WITH_AMOUNT.search(text)):
            continue  # a recipe step ("stir it into honey"), not a dose to take
        if not amount and not _medicine_after(s, text, dosing):
            continue  # "take your vitamins": told to take something, but no dose and no medicine
        if not amount and _food_only(s):
            continue  # "drink plenty of water": a food is a remedy only when it is dosed
        if (_drug_only(s) or a.medicine_page) and a.routes_to_clinician:
            continue  # a medicine leaflet: the doses are the prescriber's
        m = DOSE.search(text) or _SCHEDULE.search(text)
        medicine = _medicine_after(s, text, dosing) if m is None else None
        yield s, "dose", m.group(0) if m else text[dosing.start() : medicine.end - s.start] if dosing and medicine else text.split()[0]


@register("self-treatment")
def self_treatment(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    a = analysis.article
    for s, kind, words in instructions(a):
        if kind == "stop":
            yield Hit(s.start, s.end, severity="error", message=(
                f"tells readers to stop or cut a prescribed medicine on their own (\"{words}\"): stopping can be "
                "dangerous; say that any change must be agreed with the prescriber"))
        elif kind == "obtain":
            yield Hit(s.start, s.end, message=(
                f"points readers to obtain a medicine or product without a clinician (\"{words}\"): route the advice "
                "through a doctor or pharmacist and say what the evidence covers"))
        else:
            yield Hit(s.start, s.end, message=(
                f"tells readers how to dose a product or medicine on their own (\"{words}\"): route the advice through "
                "a doctor or pharmacist (\"ask your doctor whether...\") and say what the evidence covers"))
