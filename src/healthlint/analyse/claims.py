"""Claim strength of one sentence on the scale of Yu, Li & Wang (2019).

Labels: ``"none"`` (no relationship stated), ``"correlational"`` ("associated
with", "linked to", "predicts", group comparisons such as "higher in X than Y",
"at increased risk"), ``"conditional"`` (a causal verb governed by a hedge:
"may reduce", "could lead to", "might help", "is likely to improve", "appears to
protect", "may be an effective treatment") and ``"causal"`` ("reduces",
"causes", "prevents", "led to", "was effective", past-tense result statements
such as "X improved Y" or "Y was reduced by X").

Decisions, documented:

* **"can" is causal.** "Salt can raise blood pressure" is read as causal
  (Adams et al. 2017) and Yu's annotators rarely mark "can" conditional, so
  ``can``/``will`` + causal verb is ``"causal"``; only epistemic hedges
  (may, might, could, would, possibly, potentially, probably, likely to,
  appears/seems to, perhaps) make a claim ``"conditional"``.
* **Negation keeps the label, sets ``negated``.** Yu's annotators label the
  *kind of relationship language*: "X did not reduce Y" is direct causal language
  and "X was not associated with Y" correlational. ``claim`` follows that and
  ``negated`` is True; :attr:`SentenceFacts.asserted_claim` gives ``"none"``
  for such sentences, which is what rules deciding "is an effect asserted?"
  should use.
* **Questions assert nothing:** ``claim`` is ``"none"`` (the cue is still
  reported in ``claim_cue``) and ``question`` is True.
* **"suggest that X reduces Y" stays causal**: the reporting verb hedges the
  sentence (``hedge`` is True) but Yu's annotators label the embedded claim.
* Causal verbs inside purpose clauses ("to reduce"), embedded questions
  ("whether X reduces"), recommendations ("should improve") and attributive
  participles ("reduced risk", "identified increased levels") make no claim.
* **Advice is scoped to its clause:** any cue in a clause that recommends or
  calls for research ("larger trials are needed to confirm this association")
  is no finding; a finding in another clause, a reported one ("has been shown
  to reduce") or a hedged one ("may slow") still counts.
* **Role nouns need a predicate:** "risk factor", "marker", "predictor",
  "determinant" are correlational only when predicated or naming an outcome
  ("X is a risk factor", "a marker of Y"), not as a mention ("adjusted for
  risk factors").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from sys import intern

from .claimwords import CAUSAL_ADJ, CAUSAL_NOUNS, CAUSAL_VERBS, CORREL
from .facts import Cue
from .lexicon import Lexicon, one_of


CLAIM = Lexicon([("ca", CAUSAL_ADJ), ("co", CORREL), ("cv", CAUSAL_VERBS), ("cn", CAUSAL_NOUNS)], after=r"\b")
CLAIM_RE = CLAIM.regex  # applied to lower-cased text

_EMBEDDED = re.compile(
    r"(?<![a-z])(?:whether|if|how|why|what|to\s+(?:determine|assess|examine|investigate|evaluate|explore|test|study"
    r"|understand|elucidate|clarify|confirm|establish|identify|compare|see|learn|know|measure)|in\s+order)\b"
)
_WORD = re.compile(r"[a-z]+(?:'t)?")
_LAST_WORD = re.compile(r"([a-z]+)[^a-z]*$")
_QUESTION = re.compile(r"\?[\s\"'\u201d\u2019)\]]*$")
is_question = _QUESTION.search  # a "?" ends the sentence (only closing quotes or brackets after it)

HEDGE_WORDS = frozenset(
    "may might could would possibly potentially probably perhaps maybe likely unlikely appear appears"
    " appeared seem seems seemed putative putatively potential plausibly conceivably presumably suggestive"
    " hypothetically".split()
)
DEONTIC_WORDS = frozenset("should must ought need needs shall".split())
NEGATION_WORDS = frozenset("not no never neither nor cannot without none can't don't doesn't didn't won't isn't aren't wasn't weren't".split())
_TEND = frozenset(("tend", "tends", "tended"))
_MODALS = frozenset("may might could would will".split())
_FAIL_WORDS = frozenset("fail fails failed unable lack absence".split())
_CLAIM_INF = frozenset(
    "shown found proven proved demonstrated known reported observed able help helps helped used likely unlikely"
    " appear appears appeared seem seems seemed tend tends tended expected thought believed predicted going continue"
    " continues continued fail fails failed unable seen suggested estimated confirmed".split()
)
DETERMINERS = frozenset(
    "a an the of with for in on at by from and or to among this these those its their his her our your any"
    " more less most significant greater further non no versus vs than into"
    " between after before during under over via as both such some modest small large slight moderate mild potential"
    " possible overall relative absolute mean median rapid progressive marked modestly highly associated showed show"
    " major main common leading primary underlying root known biggest chief principal percent cent fold"
    " shows had has have having experienced exhibited reported observed produced identified detected revealed noted found demonstrated".split()
)
_OBJECT_START = re.compile(r"\s+(?:the|a|an|their|its|his|her|our|your|both|all|this|these|that|those|patients?|symptoms?|levels?|risk)\b")
_NOUNABLE = frozenset(
    "increase increases decrease decreases impact impacts benefit benefits influence help damage harm delay delays"
    " boost boosts trigger triggers cut cuts block drive drives cause causes reverse slow".split()
)
_EFFICACY_ADJ = frozenset("successful effective efficient instrumental superior safe useful helpful beneficial".split())
_REPORT_WORDS = frozenset(
    "suggest suggests suggested demonstrate demonstrates demonstrated confirm confirms confirmed support supports"
    " supported show shows showed shown reveal reveals revealed indicate indicates indicated evidence"
    " highlight highlights highlighted underline underlines underlined underscore underscores underscored".split()
)
_EFFECT_NOUNS = ("effect", "benefit", "impact", "influence", "efficacy", "effectiveness", "role")
_ROLE_NOUN = re.compile(r"(?:risk\s+factors?|(?:bio)?markers?|determinants?|predictors?)")
_ROLE_AFTER = re.compile(r"\s+(?:for|of|to|in|among|\w+\s+(?:were|are|was|is|included?|includes))\b")
_ROLE_PREDICATES = frozenset(
    "is are was were be been being as remain remains remained emerged identified considered represent represents"
    " represented constitute constitutes constituted include includes included including share shared".split()
)
_OF_NEXT = re.compile(r"\s+of\b")
_DO = frozenset(("did", "does", "do"))  # do-support: "use did increase over time" is a change statement
_PREPOSITIONS = frozenset("of in into on for with to from by at about among between".split())
_EFFECT_NEXT = re.compile(r"\s+(?:effects?|benefits?|impacts?|influence|role)\b")  # "protective| effect"
# verbs whose object is an effect noun make a causal predicate of it ("exerts an effect on")
_SUPPORT_VERBS = frozenset(
    "exert exerts exerted exerting produce produces produced producing provide provides provided providing"
    " confer confers conferred yield yields yielded".split()
)
_QUANTITY = re.compile(r"(?:more|less|fewer|higher|lower|greater|longer|shorter|larger|smaller)\s+than$")
_BENCHMARK = re.compile(
    r"\s+(?:\w+ly\s+)?(?:reported|expected|anticipated|predicted|recommended|acceptable|assumed|targeted"
    r"|(?:in\s+)?(?:the\s+)?(?:literature|previous|prior|earlier|published)\b|(?:the\s+)?(?:\w+\s+)?(?:thresholds?|cut-?offs?|targets?)\b)")
_LINK_NEXT = re.compile(r"\s+(?:\w+ly\s+)?(?:with|to|between|among|in)\b")
_NUMBER_AFTER = re.compile(r"\s*(?:\d|half|a\s+(?:third|quarter|half|fifth|tenth)|one|two|three|four|five|six|seven|eight|nine|ten"
                           r"|twice|double|a\s+(?:few|dozen|hundred|thousand|million)|\w+\s+(?:hundred|thousand|million))")
_RECOMMEND = re.compile(
    r"(?<![a-z])" + one_of(r"should|must|needs?\s+to|(?:is|are)\s+(?:\w+\s+)?(?:needed|required|warranted|necessary)|warrant(?:s|ed)?"
                          r"|recommend(?:s|ed)?|(?:further|future|larger|prospective)\s+(?:\w+\s+)?(?:research|studies|investigations?"
                          r"|work|trials)") + r"\b"
)
_HELP_NON_CAUSAL = re.compile(
    r"\s+(?:to\s+)?(?:identify|explain|understand|guide|inform|determine|predict|select|detect|clarify|elucidate"
    r"|interpret|answer|define|design|assess|evaluate|decide|shape)\b"
)
BE_WORDS = frozenset("is are was were be been being get got gets become became".split())
_PREDICATE = frozenset("proven proved shown found remains remained equally very highly more most less as".split())
_ADJ_COMPLEMENT = re.compile(r"\s+(?:in|for|against|to|at|on)\b")
_INTRANSITIVE = re.compile(
    r"\s*(?:[,.;:)]|$|(?:significantly|substantially|markedly|slightly|modestly|dramatically|gradually|steadily"
    r"|rapidly|sharply|considerably|progressively|over|during|after|before|with|across|from|throughout|until"
    r"|when|while|between|since|following|each|per|again|also|only|as|in|at|among|by\s+\d+|and|or|but|to\s+\d+)\b)"
)
_NEG_SENT = re.compile(
    r"(?<![a-z])no\s+(?:\w+\s+){0,2}?(?:evidence|association|associations|effect|effects|benefit|difference|differences"
    r"|relationship|link|correlation|impact|change|changes|role)\b"
    # "an association rather than proof that night work causes diabetes": the cause is denied
    r"|\b(?:rather\s+than|instead\s+of|short\s+of|not)\s+(?:\w+\s+)?(?:proof|evidence)\s+that\b"
)


_BREAK_CHARS = ";:()[]"
_BREAK_WORDS = (" but ", " whereas ", " although ", " while ", ", and ", ", which ", ", though ", ", suggesting ",
                ", indicating ", ", implying ")
# The clause break nearest the cue: the first match in the *reversed* text left of
# the cue is the break that ends last (one regex search instead of 14 rfinds).
_LAST_BREAK = re.compile("|".join([re.escape(c) for c in _BREAK_CHARS]
                                  + [re.escape(w[::-1]) for w in _BREAK_WORDS]))
# Part of the embedding test, not a shortcut: the clause must also hold one of these, so "what's"
# and "if," embed nothing (without it, 15 sentences of the development corpora change their claim).
_EMBED_WORD = re.compile("whether|if |how |why |what |to |in order")
_NEXT_BREAK = re.compile("|".join([re.escape(c) for c in _BREAK_CHARS] + [re.escape(w) for w in _BREAK_WORDS]))
_FINDING_TO = re.compile(r"(?:shown|found|demonstrated|proven|proved|known)\s+to\s+$")  # "has been shown to reduce"


def _advice_clauses(low: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each clause of ``low`` that recommends or calls for research ("should be
    offered", "further studies are needed"): a claim cue inside one is advice, not a finding."""
    out = []
    for m in _RECOMMEND.finditer(low):
        b = _LAST_BREAK.search(low[m.start() - 1 :: -1]) if m.start() else None
        start = m.start() - b.start() if b else 0
        if low.endswith(" and ", 0, m.start()):
            start = m.start() - 4  # "X predicts Y and should be measured": the advice is the second predicate
        b = _NEXT_BREAK.search(low, m.end())
        out.append((start, b.start() if b else len(low)))
    return out
_BE_OR_PREDICATE = BE_WORDS | _PREDICATE
# :data:`.claimwords.CAUSAL_ADJ` cues that carry their own verb ("has an effect on", "play a role", "prove useful", "represent an effective tool")
_VERB_FRAMES = ("has ", "had ", "have ", "having ", "play", "prov", "represent", "serve", "offer")
_NEGATING = NEGATION_WORDS | _FAIL_WORDS
_KNOWLEDGE_NEXT = re.compile(r"\s+(?:information|insights?|data|evidence|knowledge|clues?|perspectives?|lessons?)\b")


def _clause_left(low: str, start: int) -> str:
    """Text from the start of the cue's clause (at most 80 chars back) to the cue (typographic apostrophes
    made plain: "aren’t" negates as "aren't" does)."""
    left = low[max(0, start - 80) : start].replace("’", "'")
    m = _LAST_BREAK.search(left[::-1])
    return left[len(left) - m.start() :] if m else left


def prev_word(left: str) -> str:
    """The last word of ``left`` ("" when there is none)."""
    m = _LAST_WORD.search(left)
    return m.group(1) if m else ""


def _is_negated(words: list[str], left: str = "n't") -> bool:
    """A negation among the last five words (``left``: the text they come from)."""
    recent = words[-5:]
    if recent and recent[-1] == "without":
        return True
    return not _NEGATING.isdisjoint(recent[:-1] if "without" in recent else recent) and any(
        w in _NEGATING and w != "without" for w in recent) or ("n't" in left and any(w.endswith("n't") for w in recent))


def _role_predicated(low: str, end: int, left: str) -> bool:
    """A role noun ("risk factor", "marker", "predictor", "determinant") states a relationship only
    when it names its outcome ("a risk factor for stroke") or is predicated of something ("X is a
    strong predictor", "risk factors identified were ...", "share risk factors")."""
    return bool(_ROLE_AFTER.match(low, end)) or not _ROLE_PREDICATES.isdisjoint(_WORD.findall(left)[-4:])


def _after_support_verb(words: list[str]) -> bool:
    """The cue is the object of a :data:`_SUPPORT_VERBS` verb within four words ("exerts a marked")."""
    for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[k] in _SUPPORT_VERBS:
            return True
        if words[k] in _PREPOSITIONS:
            return False  # "provides a window into side effect ..."
    return False


def claim_hits(low: str) -> list[tuple[str, int, int]]:
    """``(group, start, end)`` of every :data:`CLAIM` match in ``low``."""
    kinds = CLAIM.kinds
    return [(kinds[m.lastgroup], m.start(), m.end()) for m in CLAIM.regex.finditer(low)]  # type: ignore[index]


def classify_claim(text: str, offset: int = 0, low: str | None = None,
                   hits: Sequence[tuple[str, int, int]] | None = None) -> tuple[str, Cue | None, bool, bool]:
    """Return ``(claim, claim_cue, negated, question)`` for one sentence.

    ``low`` is ``text.lower()`` when the caller already has it (same length);
    ``hits`` is :func:`claim_hits` of ``low`` when the caller already has it.
    """
    if low is None:
        low = text.lower()
    question = bool(_QUESTION.search(text))
    if hits is None:
        hits = claim_hits(low)
    if not hits:
        return "none", None, False, question
    causal = conditional = correl = weak = change = None  # (start, end, clause left of it)
    weak_hedged = False
    advice = _advice_clauses(low)
    for group, s, e in hits:
        if conditional is not None:
            break  # it wins whatever follows
        if group == "co" and correl is not None and "effective" not in low[s:e]:
            continue  # only the first correlational cue counts
        left = _clause_left(low, s)
        if _EMBED_WORD.search(left) and _EMBEDDED.search(left):
            continue  # inside an embedded question or purpose: "whether X reduces Y"
        if advice and any(a <= s < b for a, b in advice) and not _FINDING_TO.search(left) and (
                group == "co" or HEDGE_WORDS.isdisjoint(_WORD.findall(left)[-5:])):
            continue  # advice ("should be offered to reduce", "is needed to confirm this association"), not "may reduce"
        word = low[s:e]
        if group == "co":
            if _QUANTITY.match(word) and _NUMBER_AFTER.match(low, e) or word.endswith("than") and _BENCHMARK.match(low, e):
                continue  # "more than half"; "higher than previously reported": a quantity or a benchmark, not groups
            if word == "associated" and (not s or prev_word(low[max(0, s - 20) : s]) in DETERMINERS) and not _LINK_NEXT.match(low, e):
                continue  # attributive: "obesity and associated joint pain", "its associated costs"
            if _ROLE_NOUN.fullmatch(word) and not _role_predicated(low, e, left):
                continue  # a mere mention: "adjusted for conventional risk factors"
            if "risk" in word and left.endswith(("who ", "that ")):
                continue  # a group picked out, not a finding: "to monitor patients who have a high risk of falls"
            if "effective" not in word:
                if correl is None:
                    correl = (s, e, left)
                continue
            group = "ca"  # "more effective than"
        words = _WORD.findall(left)
        # the last two words not ending in "ly" ("content" words); prev is "" when there is none
        prev = before = ""
        n_content = 0
        for w in reversed(words):
            if not w.endswith("ly"):
                n_content += 1
                if n_content == 1:
                    prev = w
                else:
                    before = w
                    break
        if low.startswith("-", e):
            continue  # part of a compound modifier: "cut-off value", "triple-negative", "cause-specific"
        if group == "cv":
            if word.startswith("help") and _HELP_NON_CAUSAL.match(low, e):
                continue  # "helps explain", "may help to identify"
            if len(words) > 1 and words[-2] == "who" and words[-1] in _MODALS:
                continue  # a group picked out: "to identify patients who may benefit from surgery"
            if word.startswith("involved") and prev not in BE_WORDS:
                continue  # reduced relative: "the genes involved in the pathogenesis of gout were ..."
            if prev == "to" and not left.endswith("-"):
                if (len(words) < 2 or words[-2] not in _CLAIM_INF) and (n_content < 2 or before not in _CLAIM_INF):
                    continue  # purpose clause: "to reduce"
            elif not left.strip() or prev in DETERMINERS or left.endswith("-"):
                if word.endswith("ing") and prev in ("in", "for", "at") and n_content > 1 and before in _EFFICACY_ADJ:
                    pass  # "successful in reducing"
                elif " " in word or _OBJECT_START.match(low, e):
                    pass  # "this leads to", "significantly reduced the rate"
                elif word.endswith(("ed", "ing")):
                    continue  # attributive participle / gerund: "reduced risk", "for reducing"
                elif word in _NOUNABLE:
                    group = "cn"  # a noun: "an increase", "the impact"
            elif word in _NOUNABLE and _OF_NEXT.match(low, e):
                group = "cn"  # a noun before "of": "the clinical impact of", "a sharp increase of"
            elif word.partition(" ")[0].endswith("ing") and prev not in BE_WORDS and not (
                    len(words) > 2 and left.rstrip().endswith(",")):
                continue  # gerund or reduced relative ("events leading to"): the main verb decides
                # (a result clause after the main clause, "..., leading to fewer falls", is a claim)
            if not DEONTIC_WORDS.isdisjoint(words[-4:]):
                continue  # recommendation: "should improve"
        elif group == "ca":
            if word.startswith("effective") and not DEONTIC_WORDS.isdisjoint(words[-4:]) or _KNOWLEDGE_NEXT.match(low, e):
                continue  # "should be effective"; "offers valuable information" (a source, not an effect)
            if not (word.startswith(_VERB_FRAMES) or not _BE_OR_PREDICATE.isdisjoint(words[-3:])
                    or _ADJ_COMPLEMENT.match(low, e)):
                group = "cn"  # attributive: "an effective treatment option"
        recent = words[-5:]
        hedged = not HEDGE_WORDS.isdisjoint(recent)
        if group == "cn":
            effect = word.startswith(_EFFECT_NOUNS)
            if _after_support_verb(words) and (effect or "effect" in word or _EFFECT_NEXT.match(low, e)):
                group = "ca"  # "exerts a protective effect", "produced synergistic effects on"
            elif effect and not hedged and ("no" in recent or not _REPORT_WORDS.isdisjoint(recent)):
                group = "ca"  # "no benefit of X", "support the effectiveness of X"
            else:
                if weak is None:
                    weak = (s, e, left)
                    weak_hedged = hedged or "promising" in recent
                continue
        if group == "cv" and not hedged and (word.endswith(("ed", "es")) or prev in _DO or prev == "to" and before in _TEND) \
                and _INTRANSITIVE.match(low, e):
            if change is None:
                change = (s, e, left)  # a change statement: "levels decreased over time", "tended to rise with age"
            continue
        if hedged:
            if conditional is None:
                conditional = (s, e, left)
        elif causal is None:
            causal = (s, e, left)
    if conditional is not None:
        label, span = "conditional", conditional
    elif causal is not None:
        label, span = "causal", causal
    elif correl is not None:
        label, span = "correlational", correl
    elif change is not None:
        label, span = "correlational", change
    elif weak is not None and weak_hedged:
        label, span = "conditional", weak
    else:
        return "none", None, False, question
    s, e, left = span
    negated = _is_negated(_WORD.findall(left), left) or _NEG_SENT.search(low) is not None
    cue = Cue(offset + s, offset + e, intern(text[s:e]), label)  # cue words repeat: share them
    if question:
        label = "none"
    return label, cue, negated, question
