"""``commercial-cta``: a call to buy inside the body of health content.

A sentence is a call to action when it asks the reader to buy, order or shop ("Buy them
here", "Order yours today", "Add to cart"), offers a deal ("20% off", "use code CALM20",
"free shipping", "buy 2 bottles, get 1 free"), sends the reader to a price ("Check price on
Amazon", "See today's deal"), pitches the seller's own range ("check out our Delta 8
products", "brands you should consider buying") or is a product box's price line ("$54.99
at Hushberry", "$32 for 30 capsules"). Literal phrases come from the ``commerce`` lexicon;
structured ones (codes, percentages, prices) are patterns here. Each calling sentence is one
finding; consecutive ones (a product box, a sales paragraph) say that they are a passage.

Not calls to action: page chrome (navigation, footers, related links), affiliate and
sponsorship disclosures ("we may earn a commission when you buy through links"), a neutral
mention of where a treatment is sold ("You can buy ibuprofen from pharmacies"), "compare
your options" between treatments, and prices in news ("the drug costs $1,300 a month").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from ..analyse.article import ArticleAnalysis
from ..analyse.money import MONEY, NEWS_PRICE
from ..analyse.terms import Term
from ..kinds.base import Hit
from . import register

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document

_I = re.IGNORECASE
_CAP = r"(?-i:[A-Z])"  # a capital letter even in a case-insensitive pattern: a brand or shop name

_DISCLOSURE = re.compile(
    r"\b(?:earn(?:s|ed)?\s+(?:a\s+)?(?:small\s+)?(?:commission|fee|money)|commissions?\s+(?:on|from|if|when)|affiliate"
    r"|reader[-\s]supported|sponsored\s+by|paid\s+partnership|receive\s+(?:a\s+)?(?:small\s+)?(?:commission|compensation)"
    r"|(?:we|i)\s+(?:may\s+)?(?:get|receive|make)\s+(?:a\s+)?(?:small\s+)?(?:commission|cut|share))", _I)

# what a shop sells by: containers and counts, not doses, months of treatment or vials in a news story
_UNIT = (r"(?:bottles?|jars?|tubs?|pouch(?:es)?|bags?|tins?|kits?|boxe?s?|packs?|packets?|cartons?|tubes?|sachets?|capsules?"
         r"|caps|tablets?|gumm(?:y|ies)|softgels?|soft\s*gels?|servings?|scoops?|sticks?|count|ct|bundles?|sets?"
         r"|(?:[\w'’-]+\s+)?supply|starter\s+pack)")
_PRICE_LINE = re.compile(
    MONEY + r"\s*(?:(?:per|a|an|each|/)\s*" + _UNIT + r"\b|for\s+(?:a\s+|\d+\s+|one\s+|two\s+|three\s+)(?:[\w-]+\s+)?" + _UNIT
    + r"\b|at\s+" + _CAP + r"|\s*[·|•])"
    r"|\b(?:\d+|one|two|three|four|six)\s+(?:[\w-]+\s+)?" + _UNIT + r"\s+(?:for|at)\s+(?:just\s+|only\s+)?" + MONEY
    + r"|\b(?:available|yours)\b[^.;]{0,40}\bfor\s+(?:just\s+|only\s+)?" + MONEY
    + r"|[·|•]\s*" + MONEY, _I)

_PATTERNS = [
    # buy / order / shop addressed to the reader (literal ones are in the commerce lexicon)
    r"\bbuy\s+(?:it|them|yours|one)\s+(?:on|at|from)\s+" + _CAP,
    r"\bbuy\s+(?:it|them|yours|one|some)?\s*(?:from\s+(?:us|our)\b|through\s+(?:us|our\s+(?:shop|store|site)))",
    r"^\W{0,3}buy\s+(?:" + _CAP + r"[\w&'-]*|\d+\s+(?:bottles?|jars?|packs?|boxe?s?|kits?|tubs?)|the\s+" + _CAP + r")",
    r"\bbuy\s+(?:\d+|two|three)\s+(?:[\w-]+\s+)?(?:,\s*)?(?:and\s+)?get\s+(?:\d+|one|a\s+third|the\s+third)\s+(?:\w+\s+)?(?:free|half)",
    r"\byou\s+should\s+(?:definitely\s+)?(?:consider\s+)?buy(?:ing)?\b",
    r"\border\s+(?:it\s+|them\s+)?(?:now|today|here)\b|\border\s+your\s+(?:first\s+|next\s+)?(?:bottle|jar|box|kit|supply|pack|bag|pouch)",
    r"\border\s+(?:online\s+)?(?:at|from)\s+(?:our\b|\w+\.(?:com|example|co|net|org)\b)",
    r"\bshop\s+(?:our|" + _CAP + r")",
    r"(?:^|[:·|•]\s*)\W{0,3}shop(?:\s+and\s+compare)?(?:\s+[\w-]+){0,5}?\s+(?:online|now|here|today)\b",
    r"\b(?:use|with|enter|apply)\s+(?:the\s+|our\s+|my\s+)?(?:promo(?:tional)?\s+|discount\s+|coupon\s+|voucher\s+)?code\s+"
    + _CAP + r"?[\w-]*\d[\w-]*|\b(?:use|with|enter|apply)\s+(?:the\s+|our\s+|my\s+)?(?:promo(?:tional)?\s+|discount\s+|coupon\s+"
    r"|voucher\s+)?code\s+(?-i:[A-Z][A-Z0-9-]{2,})\b",
    r"\b(?:promo(?:tional)?|discount|coupon|voucher)\s+codes?\b",
    r"\b\d{1,2}(?:\.\d)?\s?(?:%|percent)\s+off\b",
    r"(?:^|[,:;!·|•]\s*|\band\s+|\byou(?:'ll|\s+will|\s+can)?\s+|\bto\s+)save\s+(?:an\s+extra\s+|up\s+to\s+)?(?:\d{1,2}\s?(?:%|percent\b)"
    r"|[$£€]\s?\d)",
    r"\b(?:use|with|enter|apply)\s+(?:the\s+|our\s+|my\s+)?(?:coupon|voucher|promo)\s+(?-i:[A-Z0-9][A-Z0-9-]{2,})\b",
    r"\bclick\s+(?:here|below|the\s+(?:link|button)(?:\s+below)?)\s+to\s+(?:buy|order|shop|purchase|get\s+(?:yours|your|one|a)|claim|try)\b",
    r"\b(?:available|buy\s+(?:it|them)?|get\s+(?:it|them|yours)|order\s+(?:it|them)?|find\s+(?:it|them|us))\s*(?:now\s+)?on\s+"
    r"(?:amazon|iherb|ebay|etsy|walmart\.com|our\s+(?:online\s+)?(?:shop|store|website|site))\b",
    r"\b(?:start|claim|get|begin|grab|order|request)\s+(?:your|a|our)\s+(?:free|risk[-\s]free)\s+trial\b|\btry\s+it\s+risk[-\s]free\b"
    r"|\brisk[-\s]free\s+trial\b|\bfree\s+trial\s+(?:today|now|offer)\b",
    r"(?:^|[,:;!·|•]\s*|\band\s+)\W{0,3}(?:claim|grab|get|order|pick\s+up)\s+(?:your|a|an)\s+(?:free\s+|first\s+|discounted\s+)?"
    r"(?:bottle|jar|pack|box|tub|pouch|trial|sample|discount|offer)\b",
    r"\bget\s+(?:\d+|one|two|three|a)\s+(?:extra\s+)?(?:bottles?|jars?|packs?|boxe?s?|tubs?)\s+free\b",
    r"\bcheck\s+(?:out\s+)?(?:the\s+|today'?s\s+|latest\s+|current\s+|best\s+|lowest\s+)*(?:price|prices|pricing|availability)\b",
    r"\bsee\s+(?:the\s+)?(?:today'?s\s+|latest\s+|current\s+|best\s+|lowest\s+)+(?:price|prices|deal|deals|offer|offers)\b",
    r"\bsee\s+(?:the\s+|today'?s\s+)?deal\s+(?:on|at|for)\b",
    r"\b(?:view|get|grab|claim)\s+(?:the\s+|this\s+|your\s+|today'?s\s+)?(?:deal|discount|offer)\b",
    r"\bget\s+your\s+(?:first\s+|free\s+)?(?:bottle|jar|box|kit|supply|pack|bag|pouch|sample)\b",
    r"\b(?:get|grab)\s+(?:all\s+(?:three|two|four|of\s+them)|everything|it\s+all)\s+in\s+our\b",
    r"\b(?:check|try|browse|explore|shop|visit|discover|see|grab|get)\s+(?:out\s+)?our\s+(?:[\w,&+-]+\s+){0,6}?"
    r"(?:products?|range|collection|line|shop|store|selection|bundles?|kits?|gummies|oils?|tinctures?|capsules?|teas?"
    r"|supplements?|formulas?|blends?|creams?|balms?|edibles|vapes?|stack|picks?)\b",
    r"\b(?:top|best)\s+(?:brands|products|picks)\s+(?:you\s+(?:should|can|could|might)\s+)?(?:consider\s+)?(?:buying|to\s+buy)\b",
    r"\bcompare\s+(?:the\s+)?(?:prices|deals|brands)\b",
    r"\bbook\s+(?:now|today)\s+(?:and|to)\s+(?:get|save|claim)\b",
]
_CTA = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), _I | re.M)
# "compare ... options" is a call to buy only about products ("compare turmeric capsule options"), not treatments
_COMPARE_OPTIONS = re.compile(r"\b(?:shop\s+and\s+)?compare\s+((?:[\w-]+\s+){0,4}?)(?:options|brands|products)\b", _I)
_NOT_PRODUCT_OPTIONS = re.compile(r"\b(?:your|treatment|treatments|the|these|those|their|his|her|care|dosing|dose|surgical"
                                  r"|medical|screening|contraceptive|contraception|two|three|both|different|all)\b", _I)
# what no question, quotation or denial turns into something other than a sale: a price, a code, a discount
_STRONG = re.compile(MONEY + r"|\bcode\s+(?-i:[A-Z][A-Z0-9-]{2,})\b|\b\d{1,2}\s?(?:%|percent)\s+off\b|\badd\s+to\s+cart\b", _I)
_NOT_A_SALE = re.compile(r"^\W*buy\s+(?:this\s+)?(?:photo|reprints?)\b|\bsubscribe\s+to\b|\b(?:try|read)\s+(?-i:[A-Z])\w+\s+for\s+"
                         r"(?:only\s+|just\s+)?" + MONEY + r"\s+(?:per|a)\s+(?:week|month|year)", _I)


@dataclass(slots=True)
class Call:
    """A call to action in one sentence: prose ``[start, end)`` of its words, and the words."""

    sentence: int
    start: int
    end: int
    words: str


def _cue(text: str, terms: Sequence[Term]) -> bool | None:
    """True: the sentence has a cue word, a call or offer of the lexicon; False: only a currency sign; None: neither
    (every call holds one of them)."""
    if any(t.lexicon == "commerce" and t.kind in ("cue", "call", "offer") for t in terms):
        return True
    return False if "$" in text or "£" in text or "€" in text else None


def _first_call(text: str, terms: Sequence[Term], offset: int, cue: bool) -> tuple[int, int] | None:
    """Where the first call-to-action words of sentence ``text`` (at prose ``offset``, with a :func:`_cue`) are, in
    ``text``."""
    spans: list[tuple[int, int]] = []
    m = _CTA.search(text) if cue else None
    if m:
        spans.append(m.span())
    for t in terms:
        if t.lexicon == "commerce" and t.kind in ("call", "offer"):
            spans.append((t.start - offset, t.end - offset))
            break
    m = _COMPARE_OPTIONS.search(text)
    if m and not _NOT_PRODUCT_OPTIONS.search(m.group(1)) and (
            m.group(0).lower().startswith("shop") or any(t.lexicon == "products" and m.start() <= t.start - offset < m.end()
                                                          for t in terms)):
        spans.append(m.span())
    m = _PRICE_LINE.search(text)
    if m and not NEWS_PRICE.search(text):
        spans.append(m.span())
    return min(spans, key=lambda x: (x[0], -x[1])) if spans else None


def calls(a: ArticleAnalysis) -> list[Call]:
    """Every sentence of the article body that calls the reader to buy (one :class:`Call` each)."""
    found = a.doc.derived.get("commercial-cta")
    if found is not None:
        return found  # type: ignore[no-any-return]
    out: list[Call] = []
    doc = a.doc
    for s in a.sentences:
        if s.position == "chrome":
            continue
        text = a.text_of(s.index)
        cue = _cue(text, s.terms)
        if cue is None:
            continue
        # what rules a sentence out whatever its call, first when it is cheaper than the patterns: a disclosure ("we may
        # earn a commission when you buy through our links"), or a question or quotation that names no price, code or
        # discount ("Can I buy statins without a prescription?", "Nobody should start buying probiotics," she said.)
        if s.has("commerce", "disclosure") or s.role in ("question", "quote", "attributed") and not _STRONG.search(text):
            continue
        span = _first_call(text, s.terms, s.start, cue)
        if span is None or _DISCLOSURE.search(text) or _NOT_A_SALE.search(text):
            continue
        out.append(Call(s.index, s.start + span[0], s.start + span[1], " ".join(text[span[0] : span[1]].split())))
    doc.derived["commercial-cta"] = out
    return out


def passages(a: ArticleAnalysis) -> list[list[Call]]:
    """Calls to action grouped into passages: a call in the sentence right after another joins its passage."""
    groups: list[list[Call]] = []
    for c in calls(a):
        if groups and c.sentence == groups[-1][-1].sentence + 1:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


@register("commercial-cta")
def commercial_cta(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    a = analysis.article
    for group in passages(a):
        where = "a product box or sales passage" if len(group) > 1 else "the article body"
        for c in group:  # one finding per sentence, each saying whether it is part of a sales passage
            s = a.sentences[c.sentence]
            message = (f"call to buy (\"{c.words}\") inside {where}: readers cannot tell the health information from "
                       f"the sales pitch. Move prices, offers and shop links out of the article, or label them clearly "
                       f"as advertising")
            yield Hit(s.start, s.end, message=message)


