"""One analysis of a document that every rule queries.

Per sentence: its lexicon terms, its facts (claim strength, hedges, study
facts), its position and role (:mod:`.roles`), its claim frame (:mod:`.frames`)
and the study it describes (:mod:`.evidence`). Per document: the evidence
:class:`~.evidence.Profile`. Built once per document by :func:`analyse`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Sequence

import re

from . import SentenceFacts, analyze_sentences, lower_same_length
from .evidence import Profile, Study, study_of
from .groups import Difference, difference_of
from .frames import Frame, build_frame
from .money import shop_price
from .quotes import quoted_flags
from .roles import WRITER_ROLES, RoleInfo, place, role_of
from .terms import Term, find_terms, normalise

if TYPE_CHECKING:
    from ..read.document import Document




# a capitalised name: CamelCase ("NordicPure") or two or more capitalised words ("Beet Vitality")
# a product's name: "NordicPure", "Beet Vitality", "Floracalm IBS Relief" (an acronym inside), "ZEN CALM"
_NAME = re.compile(r"\b[A-Z][a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))+\b|\b[A-Z]{3,}(?:\s+[A-Z]{3,})+\b")
_JOURNALISM = re.compile(r"\b(?:published\s+(?:online\s+)?(?:in|on)|appears?\s+in\s+the|presented\s+at|led\s+by|the\s+journal)\b",
                         re.IGNORECASE)
# a food as a cure in the page's headline or lede ("How Apple Cider Vinegar Reversed My Prediabetes"): a remedy page
_CURES = frozenset({"cure", "reverse", "heal", "beat", "banish", "get rid of", "eliminate", "eradicate", "undo"})
_MINE = re.compile(r"\b(?:my|our)\b", re.IGNORECASE)
_SELLER = re.compile(r"\W*(?:our|we|we're|we’ve|we've|shop|buy|order|add\s+to)\b", re.IGNORECASE)
_READER = re.compile(r"\b(?:you|your|yourself|i|my|we|our)\b", re.IGNORECASE)
_COMMON = frozenset("""the best how what why when your our this these new study studies health news more most top guide
review reviews benefits natural home remedies remedy""".split())


@dataclass(slots=True)
class SentenceAnalysis:
    """Everything the analysis knows of one sentence."""

    index: int
    start: int
    end: int
    position: str
    role: str
    source: str
    facts: SentenceFacts
    terms: list[Term]
    frame: Frame | None
    study: Study | None
    kinds: frozenset[tuple[str, str]] = frozenset()  # (lexicon, kind) of its terms, and (lexicon, "") for each lexicon

    @property
    def writers_claim(self) -> bool:
        """The writer asserts it (not quoted, attributed, asked, denied, a caveat, a method or a definition)."""
        return self.role in WRITER_ROLES and self.position != "chrome"

    @property
    def headline(self) -> bool:
        return self.position in ("title", "deck")

    def has(self, lexicon: str, *kinds: str) -> bool:
        """A term of ``lexicon`` (of one of ``kinds``, if given) is in the sentence."""
        if not kinds:
            return (lexicon, "") in self.kinds
        return any((lexicon, k) in self.kinds for k in kinds)

    def first(self, lexicon: str, *kinds: str) -> Term | None:
        return next((t for t in self.terms if t.lexicon == lexicon and (not kinds or t.kind in kinds)), None)


CHUNK = 2048  # sentences whose facts are found together (bounds the memory of their joined text)
_RESULT_WORDS = frozenset({"study_context", "research_verb", "experiment", "design_trial", "design_observational"})


def _about_results(terms: Sequence[Term], studies: Sequence["Study | None"], sents: Sequence[object], s: object) -> bool:
    """The sentence speaks of research, or follows a study in its paragraph."""
    if any(t.lexicon == "evidence" and t.kind in _RESULT_WORDS for t in terms):
        return True
    j = len(studies) - 2  # the sentences before this one (its own study is the last)
    while j >= 0 and j >= len(studies) - 4 and sents[j].block == s.block:  # type: ignore[attr-defined]
        if studies[j] is not None:
            return True
        j -= 1
    return False


class ArticleAnalysis:
    """The analysis of one document: ``sentences[i]`` for each of ``doc.sentences``, and ``profile``."""

    def __init__(self, doc: "Document", quoted: bytes | None = None) -> None:
        self.doc = doc
        text = doc.text
        sents = doc.sentences
        if quoted is None:
            quoted = bytes(quoted_flags(doc))
        self.low = normalise(text)
        all_terms = find_terms(self.low)
        starts = [t.start for t in all_terms]
        texts = [text[s.start : s.end] for s in sents]
        facts: list[SentenceFacts] = []
        for lo in range(0, len(sents), CHUNK):  # a few thousand at a time: the joined text stays small
            part = range(lo, min(len(sents), lo + CHUNK))
            facts += analyze_sentences([texts[i] for i in part], [sents[i].start for i in part],
                                       [lower_same_length(texts[i]) for i in part])
        placement = place(doc)
        self.title_block = placement.title_block
        self.lede_block = placement.lede_block
        self.sentences: list[SentenceAnalysis] = []
        studies: list[Study | None] = []
        differences: list[Difference] = []
        similar: list[Difference] = []
        for s, t, f, pos in zip(sents, texts, facts, placement.positions):
            lo = bisect_left(starts, s.start)
            hi = bisect_left(starts, s.end, lo)
            terms = [x for x in all_terms[lo:hi] if x.end <= s.end]
            is_quoted = quoted[s.index] == 1
            prev = texts[max(0, s.index - 4) : s.index]
            kinds = frozenset([(x.lexicon, x.kind) for x in terms] + [(x.lexicon, "") for x in terms])
            info: RoleInfo = role_of(t, terms, f, is_quoted, prev, s.start, kinds)
            frame = build_frame(t, s.start, terms, f)
            study = study_of(s.index, t, s.start, terms, f, is_quoted, info.role, pos)
            studies.append(study)
            if pos in ("body", "lede") and info.role not in ("hearsay", "question", "plan") and (
                    study is not None or _about_results(terms, studies, sents, s)):
                d = difference_of(s.index, t, s.start, terms)
                if d is not None:
                    differences.append(d)  # a result that held in one group, not "only for those who fall ill"
            if (any(x.kind == "sex" for x in terms) or "regardless" in t or " age" in t) and (
                    study is not None or frame is None or not frame.states_effect
                    or any(x.lexicon == "evidence" and x.kind in _RESULT_WORDS for x in terms)):
                # may say results were similar across groups ("The benefit was similar in men and women"), unless it
                # is the writer's own effect claim ("Garlic lowers blood pressure in both men and women")
                similar.append(Difference(s.index, s.start, s.end, ""))
            self.sentences.append(SentenceAnalysis(s.index, s.start, s.end, pos, info.role, info.source, f, terms,
                                                   frame, study, kinds))
        self.profile = Profile(doc, studies, differences, similar)
        self._brands: list[str] | None = None
        self._around: tuple[dict[int, list[int]], list[int], dict[int, list[int]]] | None = None

    # ---- what kind of page: worked out when a rule first asks ----
    @cached_property
    def selling(self) -> bool:
        """Selling words ("buy now", "add to cart") or a shop's price in the page's text, not money in the news ("costs
        $3,000")."""
        return any((s.has("roles", "selling") or shop_price(self.text_of(s.index))) and s.position != "chrome"
                   for s in self.sentences)  # not a news site's "Shop our range" in its navigation

    @cached_property
    def product_page(self) -> bool:
        return self._about_a_product()

    @cached_property
    def news(self) -> bool:
        return self._news()

    @cached_property
    def routes_to_clinician(self) -> bool:
        """At least two sentences send the reader to a doctor, nurse or pharmacist."""
        return sum(s.has("roles", "clinician") for s in self.sentences) >= 2

    @cached_property
    def medicine_page(self) -> bool:
        """A page about licensed medicines (named in its headline or lede, or in three sentences) more than supplements."""
        drugs = [s for s in self.sentences if s.has("drugs") and s.position != "chrome"]
        supplements = [s for s in self.sentences if s.has("products", "supplement", "herb", "cannabis", "natural")]
        return (any(s.position in ("title", "deck", "lede") for s in drugs) or len(drugs) >= 3) and \
            len(supplements) < len(drugs)

    def _about_a_product(self) -> bool:
        """Is the page about a product or remedy (a vendor, affiliate or home-remedy page)?

        Product words (supplements, herbs, CBD, natural remedies, product forms) in the
        headline or lede, or in at least three sentences, or selling words ("buy", a price,
        "our formula") with at least one product word."""
        remedy = any(s.has("roles", "remedy_frame") or s.position in ("title", "deck", "lede") and s.role == "claim"
                     and s.has("products", "food") and s.has("conditions", "disease")
                     and any(t.lexicon == "effects" and t.text in _CURES for t in s.terms) for s in self.sentences)
        kinds = ("supplement", "herb", "cannabis", "natural", "form") + (("food",) if remedy else ())
        with_product = [s for s in self.sentences if s.position != "chrome" and s.has("products", *kinds)]
        if not with_product:
            return False
        prominent = any(s.position in ("title", "deck", "lede") for s in with_product) or len(with_product) >= 3
        claimers = ("supplement", "herb", "cannabis", "natural") + (("food",) if remedy else ())
        pitch = self.selling or any(
            s.has("effects", "therapy", "therapy_noun", "help") and s.has("conditions", "disease") and s.role in ("claim", "advice")
            and not s.facts.negated and s.has("products", *claimers) for s in with_product)
        return prominent and bool(pitch)

    def _news(self) -> bool:
        """Research news: it describes studies, sells nothing and does not address the reader."""
        studies = sum(1 for s in self.profile.done if not s.background)
        if studies < 2 or self.selling:
            return False
        body = [s for s in self.sentences if s.position != "chrome" and s.role != "quote"]
        if any(s.role == "advice" for s in body):
            return False
        if not (any(s.role == "attributed" for s in body) or _JOURNALISM.search(self.doc.text)):
            return False  # no reporting
        talk = 0  # sentences that address the reader: at most one
        for s in body:
            if _READER.search(self.text_of(s.index)):
                talk += 1
                if talk > 1:
                    return False
        return True

    @cached_property
    def reporting(self) -> bool:
        """Reporting, not promotion: the page quotes or attributes, or names where research appeared,
        and neither sells nor is about a product."""
        body = [s for s in self.sentences if s.position != "chrome"]
        # "my doctor said": the writer's own story, not sources a reporter quotes
        attributed = sum(1 for s in body if s.role in ("attributed", "reported") and not _MINE.search(s.source))
        # (a page about a food, selling nothing, reports like any other: "Beetroot compound reverses hearing loss")
        food_only = all(t.kind == "food" for s in body for t in s.terms if t.lexicon == "products")
        if self.product_page and not food_only or self.selling:  # news about a product: many sources, no seller's "we"
            voice = sum(1 for s in body if _SELLER.match(self.text_of(s.index)))
            return attributed >= 6 and attributed >= len(body) / 10 and voice < 2
        return attributed >= 3 or attributed >= 1 and bool(_JOURNALISM.search(self.doc.text))

    def brands(self) -> list[str]:
        """Product names the page repeats: capitalised words of its headline that recur in the body
        ("NordicPure", "Beet Vitality"), found once."""
        if self._brands is None:
            heads = [self.text_of(s.index) for s in self.sentences if s.position in ("title", "deck", "heading")]
            body = self.doc.text
            found: list[str] = []
            for h in heads:
                for m in _NAME.finditer(h):
                    name = m.group(0)
                    if name.lower() in _COMMON or len(name) < 4:
                        continue
                    if len(re.findall(r"\b" + re.escape(name) + r"\b", body)) >= 2 and name not in found:
                        found.append(name)
            self._brands = found
        return self._brands

    def text_of(self, i: int) -> str:
        s = self.sentences[i]
        return self.doc.text[s.start : s.end]

    def line_of(self, i: int) -> int:
        s = self.sentences[i]
        return self.doc.lines.position(self.doc.source_span(s.start, s.end)[0])[0]

    def line_at(self, start: int) -> int:
        return self.doc.lines.position(self.doc.source_span(start, start + 1)[0])[0]

    def block_of(self, i: int) -> int:
        return self.doc.sentences[i].block

    def around(self, j: int) -> list[int]:
        """The sentences of sentence ``j``'s paragraph and the paragraphs next to it, and of the page's
        headline and lede: where a claim's subject should be named again if ``j``'s study is about it."""
        block = self.block_of(j)
        if self._around is None:
            by_block: dict[int, list[int]] = {}
            for x in self.doc.sentences:
                by_block.setdefault(x.block, []).append(x.index)
            heads = [x.index for x in self.sentences if x.position in ("title", "deck", "lede")]
            self._around = (by_block, heads, {})
        by_block, heads, done = self._around
        if block not in done:  # once per paragraph: every claim and study of a long page asks
            near = [k for b in (block - 1, block, block + 1) for k in by_block.get(b, ())]
            done[block] = sorted(set(near).union(heads))
        return done[block]

    def to_dict(self, i: int) -> dict[str, Any]:
        """What ``healthlint analyze`` shows of sentence ``i`` beyond its facts."""
        s = self.sentences[i]
        out: dict[str, Any] = {"position": s.position, "role": s.role}
        if s.source:
            out["source"] = s.source
        f = s.frame
        if f is not None:
            out["frame"] = {
                "strength": f.strength, "predicate": f.predicate_text, "predicate_kind": f.predicate_kind or None,
                "exposure": f.exposure.text if f.exposure else (f.exposure_kind or None),
                "outcome": f.outcome.text if f.outcome else None, "outcome_kind": f.outcome_kind or None,
                "general": f.general, "populations": list(f.populations), "species": list(f.species),
            }
        if s.study is not None:
            st = s.study
            out["study"] = {"kind": st.kind, "label": st.label, "planned": st.planned, "background": st.background,
                            "populations": list(st.populations)}
        return out


def analyse(doc: "Document") -> ArticleAnalysis:
    """The analysis of ``doc`` (rules get it from the linter as ``analysis.article``)."""
    return ArticleAnalysis(doc)