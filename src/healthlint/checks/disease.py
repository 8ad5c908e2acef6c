"""``disease-claim``: a supplement, herb, CBD, food-as-remedy or "natural" product presented as
treating, curing, preventing or relieving a disease (21 CFR 101.93(g)).

A sentence is a disease claim when it names a product (or, on a page about one, speaks of
"it", "this formula" or the page's product in its headline), uses a verb or noun of therapy
("treats", "relieves", "fights", "a remedy for", "a natural cure for") and names a disease
from the ``conditions`` lexicon. Quiet: structure/function claims ("supports joint comfort":
no disease), symptoms alone, an approved drug for its approved use, a study's finding reported
with hedged or attributed wording, denials and debunks, and plain questions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any, Iterator

from ..analyse.article import ArticleAnalysis, SentenceAnalysis
from ..analyse.quotes import in_embedded_quote
from ..analyse.terms import Term
from ..kinds.base import Hit
from . import register
from .unattributed import sourced

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document

PRODUCT_KINDS = ("supplement", "herb", "cannabis", "natural", "form")
CLAIM_ROLES = frozenset({"claim", "reported", "hearsay", "belief", "advice", "quote", "attributed", "definition", "question",
                         "hypothetical"})  # "Imagine a life without arthritis - TurmeriX ends it": sales copy
_THERAPY = ("therapy", "therapy_noun", "lower", "help")
_PRONOUN = re.compile(r"^\W*(?:\d+[.)]\s*)?(?:it|this|these|they|our|my|your|its)\b|^\W*(?:the|this|our)\s+(?:\w+\s+){0,2}"
                      r"(?:product|formula|blend|supplement|oil|tea|tincture|gummies|capsules|powder|extract|remedy|tonic|herb|spice"
                      r"|drops|gel|cream|spray|pills|tablets|stack|hormones?)\b", re.IGNORECASE)
_APPROVED = re.compile(r"\b(?:fda[- ]approved|approved\s+(?:drug|medicine|treatment|by|in|for|to\s+treat)|prescription\s+(?:drug|medicine|only)"
                       r"|licensed\s+(?:medicine|drug|for|to\s+treat))\b", re.IGNORECASE)
_STUDY_SUBJECTS = re.compile(r"\b(?:stud(?:y|ies)|trials?|research|researchers|scientists|team|review|analysis|evidence|findings|report"
                             r"|authors)\b", re.IGNORECASE)
_IN_A_STUDY = re.compile(r"^\W*(?:in|during)\s+(?:a|an|the|one|this|another)\s+(?:[\w,-]+\s+){0,5}?(?:trial|study|experiment|review)\b",
                         re.IGNORECASE)
_PARTICIPANTS = re.compile(
    r"\b(?:participants|patients|subjects|volunteers|the\s+(?:treatment|placebo|control)\s+group)\b"
    r"|\b(?:people|men|women|adults|children|kids|those|individuals|drinkers|users|mice|rats)\s+(?:\w+\s+){0,2}?(?:who\s+)?"
    r"(?:drank|drink|drinking|consum\w+|took|take|taking|ate|eat|eating|used|use|using|given|received|had\s+(?:higher|more))\b",
    re.IGNORECASE)
_FOOD_REMEDY = re.compile(r"\b(?:remed(?:y|ies)|naturally|natural|kitchen|home[- ]made|homemade|tonic|recipe|cure)\b", re.IGNORECASE)


def _approved_use(a: ArticleAnalysis, s: SentenceAnalysis, disease: Term, verb: Term) -> bool:
    """A drug named before the therapy words, for one of its approved uses (nabiximols for MS pain);
    a drug named after them is a comparison ("as well as any prescription"), which is the claim."""
    uses = _approved_uses()
    for t in s.terms:
        if t.lexicon == "drugs" and t.start < verb.start:
            allowed = uses.get(t.text)
            if allowed is None or any(u in disease.text or disease.text in u for u in allowed):
                return True  # a drug: not a supplement claim
    return False


_USES: dict[str, tuple[str, ...]] = {}


def _approved_uses() -> dict[str, tuple[str, ...]]:
    if not _USES:
        import yaml
        from importlib import resources

        from ..analyse.terms import _Loader  # libyaml's safe loader when there is one, as for the lexicons

        data = yaml.load((resources.files("healthlint") / "lexicons" / "drugs.yaml").read_text(encoding="utf-8"), Loader=_Loader)
        for name, uses in (data.get("approved_uses") or {}).items():
            _USES[str(name).lower()] = tuple(str(u).lower() for u in uses)
    return _USES


def _product(a: ArticleAnalysis, s: SentenceAnalysis, before: int) -> Term | None:
    """The product the sentence is about: a product word before the therapy words, or any in a headline; for a
    sentence that opens with "It" or "They", the product that opens the sentence before in its paragraph."""
    text = a.text_of(s.index)
    if _IT.match(text) and s.index > 0 and a.block_of(s.index - 1) == a.block_of(s.index):
        first = next((t for t in a.sentences[s.index - 1].terms if t.lexicon in ("products", "drugs")), None)
        if first is not None and first.lexicon == "products" and first.kind in _NATURAL and not _APPROVED.search(
                a.text_of(s.index - 1)):  # not "Melatonin is a prescription medicine here. It is licensed to treat ..."
            return first  # "Colloidal silver kills germs. It knocks out colds."
    products = [t for t in s.terms if t.lexicon == "products" and (
        t.kind in ("supplement", "herb", "cannabis", "natural")
        or t.kind == "form" and a.product_page
        or t.kind == "food" and a.product_page and (_FOOD_REMEDY.search(a.doc.text[:4000]) or _FOOD_REMEDY.search(text)))]
    near = [t for t in products if t.start < before] or (products if s.position in ("title", "deck", "heading") else [])
    return near[-1] if near else None


def disease_claims(a: ArticleAnalysis) -> Iterator[tuple[SentenceAnalysis, Term, Term]]:
    """(sentence, therapy words, disease) for each disease claim of the page."""
    if a.news or a.reporting:
        return  # news and reporting that sell nothing: their claims are judged by the evidence rules
    heads_name_product = a.product_page and _headline_names_product(a)  # once per page
    for s in a.sentences:
        if s.position == "chrome" or s.role not in CLAIM_ROLES:
            continue
        text = a.text_of(s.index)
        if s.role == "quote" and (not a.product_page or s.study is not None or _STUDY_SUBJECTS.search(text)):
            continue  # quoted study text is evidence; a customer's testimonial on a product page is a claim
        if s.source == "another publication":
            continue  # "sellers say that ...": the writer reports others' claims
        if s.role == "question" and not re.match(r"^\W*(?:how|why)\b", text, re.I):
            continue
        therapy = [t for t in s.terms if t.lexicon == "effects" and t.kind in _THERAPY]
        farewell = _FAREWELL.match(text) if heads_name_product and not therapy else None
        if farewell:  # "No more insomnia or restless nights": a product box's promise that the disease ends
            therapy = [Term(s.start + farewell.start(1), s.start + farewell.end(1), "effects", "therapy", farewell.group(1).lower())]
        suited = _SUITED.search(text) if a.product_page else None
        if suited and _NOT_BEFORE.search(text, 0, suited.start()):
            suited = None  # "Not a good pick for people with kidney disease": a warning
        if suited:  # "A good pick for people with arthritis": a product box recommending the product for a disease
            therapy = [Term(s.start + suited.start(1), s.start + suited.end(1), "effects", "therapy", suited.group(1).lower())] + therapy
        answer = _ANSWER_FOR.match(text)
        if answer:  # "For people living with depression, rhodiola could be a gentler alternative to antidepressants"
            therapy = therapy + [Term(s.start + answer.start(1), s.start + answer.end(1), "effects", "therapy", answer.group(1).lower())]
        inner = _inside_others(s.terms)
        diseases = [t for t in s.terms if t.lexicon == "conditions" and t.kind == "disease" and id(t) not in inner
                    and not any(c.start <= t.start and t.end <= c.end for c in s.facts.citations)]  # not in a journal's name
        if not therapy or not diseases:
            continue
        pair = _verb_and_disease(a.doc.text, therapy, diseases)
        if pair is None:
            continue  # "to quell a protest ... at a prison hit by COVID": the verb's object is no disease
        verb, disease = pair
        if s.facts.negated or _denied(text) or verb.kind == "therapy_noun" and _NOT_BEFORE.search(text, 0, verb.start - s.start):
            continue  # (and "There is no miracle herb for it", "not a cure for")
        if not a.selling and in_embedded_quote(text, verb.start - s.start):
            continue  # the words of a petition or a speaker, quoted in a report: not the writer's claim
        product = _product(a, s, s.end)
        implicit = a.product_page and heads_name_product and (
            (_PRONOUN.match(text) or _PRONOUN_SUBJECT.search(text)) and _refers_to_page(a, s)
            or _BENEFIT_BULLET.match(text) or farewell or suited or s.position in ("title", "deck", "lede", "heading")
            or any(b in text for b in a.brands()))
        if product is None and not implicit:
            continue
        if _APPROVED.search(text) or (product is None or _drug_is_subject(s, verb)) and not _OURS.match(text) \
                and _approved_use(a, s, disease, verb):
            continue
        if _reports_a_study(a, s, text):
            continue
        yield s, verb, disease


_FAREWELL = re.compile(r"^\W*(no\s+more|bye-?bye(?:\s+to)?|farewell\s+to)\s+(?!than\b)", re.IGNORECASE)
_IT = re.compile(r"^\W*(?:it|they)\s", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\b(?:not|never|isn't|aren't|isn’t|aren’t|no)\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE)
# a product recommended for the people who have a disease: "A good pick for people with arthritis", "ideal for IBS sufferers"
_SUITED = re.compile(r"\b((?:good|great|top|best|ideal|perfect|smart|solid|excellent|go-to)\s+(?:pick|choice|option|buy|bet)\s+for"
                     r"|(?:ideal|perfect|made|designed|formulated)\s+for)\s+(?:(?:people|anyone|those|adults|women|men|someone|folks)"
                     r"\s+(?:with|who\s+(?:have|has|suffer\s+from|live\s+with)|suffering\s+from|living\s+with)\s+)?(?=[\w'-]+(?:\s+[\w'-]+){0,2}"
                     r"\s*(?:sufferers\b|patients\b|[,.;:!)]|$))", re.IGNORECASE)
# a product offered as the answer for the people who have a disease, named first: "For anyone living with high blood pressure,
# reishi could be the natural answer" (not "..., magnesium is not the answer" nor "..., talk to your doctor")
_ANSWER_FOR = re.compile(r"^\W*(for\s+(?:people|anyone|those|adults|women|men|folks|someone|patients)\s+(?:living\s+with|with|who\s+"
                         r"(?:have|has|live\s+with|suffer\s+from)|suffering\s+from))\s+[^,.;]{1,80},\s*(?:(?!not\b|never\b|no\b)[\w'’-]+\s+)"
                         r"{1,6}?(?:be|is|are|offers?)\s+(?:the|a|an|your)\s+(?:[\w-]+\s+){0,2}?(?:answer|alternative|solution|remedy"
                         r"|option|fix|godsend|lifesaver|cure)\b", re.IGNORECASE)
_NATURAL = frozenset({"supplement", "herb", "cannabis", "natural"})
_BETWEEN = re.compile(r"^[^.;:!?()]{0,60}$")  # verb ... disease within one clause: "relieves the pain of arthritis"
_BREAK = re.compile(r",\s*(?:and|but|while|which|who|as)\b|\s(?:but|while|whereas)\s|\s[-–—]\s")


def _verb_and_disease(text: str, therapy: list[Term], diseases: list[Term]) -> tuple[Term, Term] | None:
    """The first therapy word whose disease follows it in its clause ("cures arthritis", "relief from
    migraine") or just precedes it ("arthritis relief", "for colds and flu relief")."""
    starts = [d.start for d in diseases]
    for verb in therapy:
        i = bisect_left(starts, verb.end)  # the nearest disease after the verb, then the nearest before it:
        after = diseases[i] if i < len(diseases) else None  # a farther one only adds words to the gap
        j = i - 1
        while j >= 0 and diseases[j].end > verb.start:
            j -= 1
        before = diseases[j] if j >= 0 else None
        for d in (after, before):
            if d is None:
                continue
            gap = text[verb.end : d.start] if d is after else text[d.end : verb.start]
            limit = 60 if d is after else 25
            if d is before and _SUBJECT_GAP.search(gap):
                continue  # "a condition such as coeliac disease that stops your gut absorbing it": the disease acts
            if len(gap) <= limit and _BETWEEN.match(gap) and not _BREAK.search(gap):
                return verb, d
    return None


_SUBJECT_GAP = re.compile(r"\b(?:that|which|who)\b", re.IGNORECASE)
_DISTANCED = re.compile(r"\b(?:touted|so-called|supposed(?:ly)?|reputed(?:ly)?|alleged(?:ly)?|(?:is|are)\s+claimed\s+to|marketed\s+as"
                        r"|credited\s+with|hailed\s+as|billed\s+as|said\s+to"
                        r"|promoted\s+as|sold\s+as|advertised\s+as)\b", re.IGNORECASE)


_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they)\s+(?:\w+ly\s+)?(?:can|could|may|might|will|also|helps?|works?|(?!is\b|was\b|has\b|does\b)\w+s)\b"
                              r"|\bmy\s+(?:[\w-]+\s+){0,3}?(?:ha(?:s|ve)|is|are|was|were)\s+(?:\w+\s+){0,2}?(?:gone|calmed|cleared|disappeared|eased)\b"
                              # the page's product as the thing used: "customers have used it to clear eczema"
                              r"|\b(?:use[sd]?|using|take[sn]?|took|taking)\s+(?:it|them)\s+to\b",
                              re.IGNORECASE)
# "Prevents flu and keeps your little one in class", "Relieves arthritis pain": a product box's benefit bullet
_BENEFIT_BULLET = re.compile(r"^\W*(?:\d+[.)]\s*)?(?:\w+ly\s+)?[A-Z][a-z]+s\b")


_IN_PATIENTS = re.compile(r"\b(?:people|patients|those|adults|children|kids|anyone)\s+(?:with|who\s+have|suffering\s+from)\b", re.I)
_OURS = re.compile(r"^\W*(?:our|my)\b", re.IGNORECASE)


def _headline_names_product(a: ArticleAnalysis) -> bool:
    """The page's headline, lede or first heading names a product or a brand: a sentence without one
    ("Relieves joint pain fast") speaks of that product."""
    heads = []
    for x in a.sentences:  # the first four of them
        if x.position in ("title", "deck", "heading", "lede"):
            heads.append(x)
            if len(heads) == 4:
                break
    brands = a.brands()
    return any(x.has("products") or any(b in a.text_of(x.index) for b in brands) for x in heads)


def _refers_to_page(a: ArticleAnalysis, s: SentenceAnalysis) -> bool:
    """A pronoun stands for the page's product unless the sentence before it, in its paragraph, names something
    else first (a drug, a hormone: "Oxytocin reduced craving. It also decreased anxiety.")."""
    j = s.index - 1
    if j < 0 or a.block_of(j) != a.block_of(s.index):
        return True
    prev = a.sentences[j]
    drugs = [t for t in prev.terms if t.lexicon == "drugs"]
    products = [t for t in prev.terms if t.lexicon == "products"]
    return not drugs or bool(products) and products[0].start < drugs[0].start


def _inside_others(terms: list[Term]) -> set[int]:
    """The ids of terms inside a longer term of another lexicon ("cancer" of "cancer cells"), in one sweep."""
    inner: set[int] = set()
    reach: dict[str, tuple[int, int]] = {}  # per lexicon: the furthest end so far, and that term's length
    for t in sorted(terms, key=lambda t: (t.start, -t.end)):
        if any(lex != t.lexicon and end >= t.end and length > t.end - t.start for lex, (end, length) in reach.items()):
            inner.add(id(t))
        if t.end > reach.get(t.lexicon, (-1, 0))[0]:
            reach[t.lexicon] = (t.end, t.end - t.start)
    return inner


def _drug_is_subject(s: SentenceAnalysis, verb: Term) -> bool:
    """A drug is named before the therapy words and no product is: the sentence is about the drug."""
    drugs = [t for t in s.terms if t.lexicon == "drugs" and t.start < verb.start]
    products = [t for t in s.terms if t.lexicon == "products" and t.start < verb.start]
    return bool(drugs) and (not products or drugs[-1].start > products[-1].start)


def _denied(text: str) -> bool:
    if _DISTANCED.search(text):
        return True  # "another widely touted natural remedy": the writer reports, and distances, others' claims
    return bool(re.search(r"\b(?:no|not|never|cannot|can't|won't|doesn't|don't|isn't|aren't|unproven|myth|false|no\s+evidence)\b",
                          text, re.IGNORECASE)) and bool(re.search(
        r"\b(?:no\s+(?:good\s+|strong\s+|scientific\s+|reliable\s+)?evidence|not\s+(?:been\s+)?(?:proven|shown)"
        r"|(?:(?:does|do|did|will|would|can|could|may|might)\s+not|cannot|can't|won't|doesn't|don't|didn't|wouldn't|couldn't)\s+"
        r"(?:\w+\s+)?(?:cure|treat|prevent|heal|stop|relieve|reverse|fix)|no\s+(?:supplement|herb|product|food)"
        r"|is\s+not\s+a\s+(?:cure|treatment)|isn't\s+a\s+(?:cure|treatment)|myth|false|unproven|there\s+is\s+no\s+cure)\b", text, re.IGNORECASE))


def _reports_a_study(a: ArticleAnalysis, s: SentenceAnalysis, text: str) -> bool:
    """A study's result, reported as such: a method or a result about the study's participants,
    or a hedged finding attributed to research with a source."""
    if s.role == "method":
        return True
    if _PARTICIPANTS.search(text) or _IN_A_STUDY.match(text):
        return True  # "In a trial of 180 people, fish oil eased pain": a result framed by the study that found it  # "patients given elderberry needed less medication": a result in the study's participants
    hedged = s.frame is not None and s.frame.hedged or bool(s.facts.hedges)
    if not (hedged and _STUDY_SUBJECTS.search(text) and s.role in ("reported", "attributed", "quote")):
        return False
    # a seller's "Research suggests that collagen reverses osteoarthritis" names no study: still the seller's claim
    return not a.product_page or sourced(a, s.index) or s.index + 1 < len(a.sentences) and sourced(a, s.index + 1)


@register("disease-claim")
def disease_claim(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    a = analysis.article
    for s, verb, disease in disease_claims(a):
        what = a.doc.text[verb.start : verb.end]
        start, end = min(verb.start, disease.start), max(verb.end, disease.end)
        yield Hit(start, end, message=(
            f"presents a product as a treatment: \"{what}\" ... \"{a.doc.text[disease.start:disease.end]}\". "
            "A supplement or natural product may not be sold as treating, curing or preventing a disease: "
            "describe what a named study found, in whom, or remove the claim"))
