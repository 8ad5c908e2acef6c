"""``overclaim``: boosters and absolutes about a health effect or the evidence, in the writer's voice.

The words come from the ``boosters`` lexicon (proof, cures, marvels, hype, absolute safety,
guarantees, totals) and from patterns for absolutes that need a little grammar: universal
"all"/"every" over health ("flushes out all toxins", "tied to every mental health issue"),
unhedged safety of a product or method ("The method is safe"), "never"/"always" with an
effect verb ("never irritates the scalp"), total effects ("completely flushes out toxins",
"cures obesity for good"), superiority to medicine ("more effective than a complete cure",
"works better than drugs") and superlatives about remedies ("the most powerful natural
anti-inflammatory", "the two most powerful liver herbs").

Quiet when the words are negated in their clause ("there is no cure", "isn't a miracle", "not
every supplement"), hedged in it ("unlikely to be risk-free", "could be a breakthrough",
"usually cures"), mentioned rather than used (in quotation marks, or after "claims that",
"promise", "marketed as", "so-called", "searching for"), hypothetical ("the perfect pill, with
no side effects, is still a dream"), said by someone ("..., she said") or quoted, a question or
a caveat, in page chrome, or not about health at all ("he proved that on Saturday"). A cure is
an overclaim when a product, food, remedy or "it" cures, not when a treatment or a doctor does
or when researchers look for one; "safe" when a product or method is declared safe, not "it
is safe to reopen". One finding per sentence, on the first words that overclaim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from ..analyse.article import ArticleAnalysis, SentenceAnalysis
from ..kinds.base import Hit
from . import register

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document

_I = re.IGNORECASE
QUIET_ROLES = frozenset({"quote", "attributed", "question", "caveat", "method", "plan"})

_HEALTH_NOUNS = (r"(?:behaviou?rs?|mental\s+health\s+(?:issues?|problems?|conditions?|disorders?)|mental\s+illness(?:es)?"
                 r"|diseases?|illness(?:es)?|ailments?|conditions?|symptoms?|disorders?|cancers?|toxins?|pollutants?|impurities"
                 r"|poisons?|viruses?|virus|bacteri(?:a|um)|germs?|pathogens?|microbes?|infections?|fung(?:us|i)|aches?|pains?"
                 r"|health\s+(?:problems?|issues?|conditions?|complaints?)|inflammation|allergies|allergens)")
_REMEDY_NOUNS = (r"(?:things?|steps?|ways?|herbs?|spices?|remed(?:y|ies)|treatments?|supplements?|vitamins?|nutrients?|minerals?"
                 r"|medicines?|cures?|anti-?inflammator(?:y|ies)|antioxidants?|foods?|superfoods?|ingredients?|compounds?"
                 r"|pieces?\s+of\s+(?:[\w-]+\s+){0,3}?research|discover(?:y|ies)|habits?|tools?|weapons?|defen[cs]es?|protection"
                 r"|fat\s+burners?|detox\w*|oils?|teas?|drinks?|exercises?)")
_PATTERNS = {
    "universal": r"\b(?:all|every|each\s+and\s+every)\s+(?:known\s+|single\s+|kind\s+of\s+|type\s+of\s+|human\s+|other\s+|the\s+)?"
                 r"(?:autoimmune\s+|chronic\s+|inflammatory\s+|major\s+|serious\s+|common\s+|modern\s+)?" + _HEALTH_NOUNS + r"\b(?!\s+(?:cases|patients|deaths|diagnoses|registr\w+|types|data|records|studies|trials))",
    "safe": r"\b(?:is|are|'s|’s|remains?)\s+(?:completely\s+|perfectly\s+|totally\s+|100%\s+|absolutely\s+)?(?:safe|harmless"
            r"|non-toxic)\b(?!\s+to\s+(?:say|assume|bet))",
    "always": r"\b(?:never|always)\s+(?:causes?|irritates?|fails?|harms?|hurts?|damages?|upsets?|triggers?|stains?|burns?"
              r"|works?|helps?|heals?|cures?|prevents?|relieves?|removes?|leads?\s+to|results?\s+in|gives?\s+(?:you\s+)?"
              r"(?:side\s+effects|a\s+reaction))\b",
    "total": r"\b(?:completely|totally|entirely|permanently|fully|100%)\s+(?:flush(?:es|ing)?\s+out|eliminat(?:es?|ing)"
             r"|eradicat(?:es?|ing)|cur(?:es?|ing)|revers(?:es?|ing)|heal(?:s|ing)?|remov(?:es?|ing)|gets?\s+rid\s+of"
             r"|detoxif(?:y|ies|ying)|cleans(?:es?|ing)|restor(?:es?|ing)|wip(?:es?|ing)\s+out|destroy(?:s|ing)?|kill(?:s|ing)?)\b"
             r"|\b(?:cures?|reverses?|eliminates?|banish(?:es)?|gets?\s+rid\s+of)\b[^.;:]{1,40}?\bfor\s+good\b",
    "superior": r"\b(?:more\s+effective|(?:works?|worked)\s+better|stronger|safer|more\s+powerful)\s+than\s+(?:any\s+|most\s+)?"
                r"(?:(?:prescription|conventional|pharmaceutical|modern)\s+(?:drugs?|medicines?|medications?|treatments?|pills?)"
                r"|drugs|medicines|medications|antibiotics|chemotherapy|surgery)\b"
                r"|\bmore\s+effective\s+than\s+(?:a\s+)?(?:complete\s+)?cure\b"
                # "cures the flu faster than anything from the pharmacy"
                r"|\b(?:faster|better|more\s+effectively)\s+than\s+(?:anything|any\s+\w+)\s+(?:from|at|in|your)\s+(?:the\s+)?"
                r"(?:pharmacy|chemist|drugstore|doctor|gp)\b",
    "everyone": r"\b(?:safe|effective|works?|helps?)\s+(?:for|in)\s+(?:everyone|everybody|anyone|all\s+ages|all\s+people)\b",
    "instant": r"\b(?:instantly|overnight)\s+(?:relieves?|cures?|heals?|melts?|eliminates?|stops?|clears?|removes?|fixes?"
               r"|reverses?|erases?|banish(?:es)?)\b|\b(?:heal|cure|reverse|fix|erase|melt|banish|clear|detox|cleanse)s?\s+your\b[^.;]{0,30}?"
               r"\bin\s+(?:just\s+|only\s+|as\s+little\s+as\s+)?(?:\d+|one|two|three|seven|ten)\s+(?:days?|hours?|minutes|weeks?)\b",
    "best": r"\bthe\s+(?:very\s+)?best\s+(?:natural|home|herbal|all-natural)\s+(?:remed(?:y|ies)|cures?|treatments?|solutions?"
            r"|painkillers?|antibiotics?)\b",
    "hype": r"\b(?:is|are)\s+(?:a\s+)?(?:true\s+|real\s+|genuine\s+|bona\s+fide\s+)?superfoods?\b|\blife[-\s]changing\s+(?:[\w-]+\s+)?(?:cures?|results?|benefits?|effects?|remed(?:y|ies)|supplements?|products?"
            r"|formula|treatments?|relief|pills?|gel|oil|tea|powder)\b",
    "superlative": r"\bthe\s+(?:(?:two|three|single|very|world'?s|planet'?s)\s+)?(?:most\s+(?:important|effective|powerful|potent"
                   r"|beneficial|healing|nutritious)|healthiest|number\s+one|#1)\s+(?:[\w-]+\s+){0,2}?" + _REMEDY_NOUNS + r"\b",
}
# each pattern is tried only in a sentence holding one of its head words (lexicon pattern_heads, kind = the
# pattern's kind), found by the one pass over the text: the patterns tried on every sentence cost a tenth of a run
_STRUCTURED = [(kind, re.compile(p, _I)) for kind, p in _PATTERNS.items()]

# what makes a booster word something else
_NOT_A_BOOST = {
    "proof": re.compile(r"prov(?:en|es|ed)\s+(?:wrong|otherwise|false|incorrect)\b|proof\s+of\s+(?:concept|principle)"
                        # "has proven to be insulation", "proved to be a turning point": turned out to be, no proof of an effect
                        r"|prov(?:en|ed)\s+to\s+be\s+(?:an?\s+|the\s+)?(?!(?:\w+ly\s+|more\s+|most\s+|as\s+|just\s+as\s+)?"
                        r"(?:effective|safe|safer|beneficial|helpful|useful|successful|efficacious|superior|better|protective"
                        r"|harmful|dangerous|toxic|cure|cures|treatment|remedy|best|worthwhile|valuable|powerful|potent)\b)[a-z]", _I),
    "hype": re.compile(r"breakthrough\s+(?:infections?|cases?|bleeding|pain|seizures?|therapy|device|designation|status|prize"
                       r"|covid)|revolutionary\s+(?:war|guard|struggle)", _I),
    "marvel": re.compile(r"miracle\s+(?:fruit|berry|berries|tree|network|league|on\s+ice|workers?|mineral)", _I),
}
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nor|neither|cannot|can't|won't|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|hasn't"
    r"|haven't|hadn't|shouldn't|wouldn't|couldn't|without|far\s+from|hardly|rarely|lack\s+of|absence\s+of|fails?\s+to"
    r"|failed\s+to|yet\s+to|no\s+longer|nothing|nobody|no\s+one|absent|barring|short\s+of|fewer|(?<!a\s)few|(?<!a\s)little"
    r"|unable|inability|rather\s+than|instead\s+of)\b")
_NOT_NEGATION = re.compile(r"\b(?:not|isn't|is\s+not|aren't|wasn't)\s+(?:just|only|merely|simply|solely)\b|\bnot\s+least\b"
                           r"|\bno\s+(?:less|doubt|wonder)\b")
_HEDGE = re.compile(
    r"\b(?:may|might|could|would|possibly|perhaps|potentially|potential|probably|likely|unlikely|maybe|appears?\s+to"
    r"|seems?\s+to|suggests?|suggested|hope|hopes|hoped|hoping|promising|usually|often|generally|typically|sometimes"
    r"|in\s+some\s+cases|thought\s+to|believed?|believes|think|thinks|if|whether|until|unless|some\s+(?:people|say)"
    r"|arguably|possible|almost|nearly|such\s+a|early|preliminary|have\s+to\s+be|has\s+to\s+be|must\s+be|needs?\s+to\s+be"
    r"|to\s+be\s+proven|so\s+far|to\s+date|thus\s+far)\b")
_MENTION = re.compile(
    r"\b(?:claims?|claimed|claiming|promis(?:e|es|ed|ing)|market(?:ed|ing)\s+as|sold\s+as|billed\s+as|tout\w*|hailed\s+as"
    r"|advertis\w*|promot\w*\s+(?:\w+\s+){0,3}?as|push\w*\s+(?:\w+\s+){0,3}?as|peddl\w+|described\s+as|branded|label(?:l?ed|s)?"
    r"|calls?|called|calling|dubbed|so-called|myths?|hype[sd]?|headlines?|search\w*\b[^.]{0,30}\bfor|hunt\w*\s+for|quest\s+for"
    r"|hope\s+(?:for|of)|looking\s+for|find(?:ing)?\s+(?:a|an|the)|no\s+such\s+thing\s+as|beware\s+of|wary\s+of|sceptical\s+of"
    r"|skeptical\s+of|red\s+flags?|warning\s+signs?|buzzwords?|words\s+like|phrases\s+like|terms\s+like|such\s+as|dream\s+of)\b")
_HYPOTHETICAL = re.compile(r"\b(?:a\s+dream|still\s+a\s+dream|holy\s+grail|imagine|wish|the\s+perfect|an\s+ideal|someday|one\s+day"
                           r"|would\s+be)\b")
_FACT_CHECK = re.compile(r"^\W*(?:claim|myth|false|fact\s+check|rumou?r|misleading)\s*:")
_ENDORSED = re.compile(r"\b(?:we|i)\s+(?:completely\s+|fully\s+|totally\s+)?(?:agree|concur)\b|\bwe\s+think\s+so\s+too\b"
                       r"|\band\s+(?:rightly|they're\s+right)\b")
_SPEECH_TAG = re.compile(r"(?:,|[\"”'’])\s*(?:he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+(?:said|says|added|explained|noted"
                         r"|told|argued|wrote|warned|continued|insisted)\b|\b(?:said|says|according\s+to)\s+(?:Dr\.?\s+|Prof\w*\s+)?[A-Z]")
_REPORTED_SPEECH = re.compile(r"\b(?:stress|say|argu|insist|not|warn|maintain|assert|contend)(?:e|es|ed|ing|s)?\s+that\b")
_TRANSCRIPT = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*:\s")  # "Peter Daszak: The breakthrough drug ..."
_QUOTED_SENTENCE = re.compile(r"^\W{0,2}['‘\"“]|:\s*['‘\"“]")
_CLAUSE_BREAK = re.compile(r"[.;:!?]|,\s*(?:but|while|whereas|although|though|yet)\b|\s(?:but|whereas|although)\s|\s[—–-]\s")
_STUDY_SIDE_EFFECTS = re.compile(r"\b(?:reported|observed|seen|noted|recorded|experienced|found|occurred|detected)\b")
_REPORTED = re.compile(r"\b(?:shows?|showed|shown|found|finds|suggests?|concluded|concludes|study|trial|research|researchers"
                       r"|scientists|data)\b")
_MEDICAL = re.compile(r"\b(?:treatments?|therap(?:y|ies)|surger(?:y|ies)|transplants?|doctors?|physicians?|medicine|medications?"
                      r"|drugs?|antibiotics?|chemo\w*|radiation|vaccines?|immunotherapy|procedures?|operations?|researchers"
                      r"|scientists|he|she|they|we|you|i|government)\b")
_PRODUCT_SUBJECT = re.compile(r"\b(?:it|this|these|they|that)\s+(?:\w+\s+){0,2}$")
_HEALTH_WORDS = re.compile(r"\b(?:health\w*|symptoms?|diseases?|illness|ailments?|sick|heal\w*|cure\w*|pain|body|skin|sleep|immun\w+|toxins?"
                           r"|drugs?|medicines?|exercise|walking|diet|nutrition|vitamins?|doctors?|hospitals?|virus|infections?"
                           r"|breakfast|meals?|foods?|eat|eating|drink\w*|calories|obes\w+|fitness|mental|stress|aging|ageing"
                           r"|side\s+effects|safe|patients?|medic\w+|clinical\w*|therap\w+|supplements?|remed\w+|weight|brain|heart"
                           r"|liver|gut|cancer|diabetes|anxiety|depression|stud(?:y|ies)|research|science|scientific|evidence|trials?|findings?)\b")
_CONTEXT_FREE = frozenset({"safety", "universal", "superior"})  # the words themselves are about health
_NEAR_CONTEXT = frozenset({"proof", "superlative", "guarantee", "everyone", "best", "instant"})  # health may be named in the sentences before
_EFFECT_WORDS = re.compile(r"\b(?:effective|safe|works?|beneficial|useful|helpful|cures?|benefits?|heal\w*|help\w*|reduc\w+"
                           r"|lower\w*|improv\w+|prevent\w*|protect\w*|treat\w*|relie\w+|boost\w*|drug|sugar|addictive"
                           r"|harm\w*|caus\w+|linked|start\s+later)\b")
_NOTE_Q = "\"“”"
MAX_CUES = 16  # booster words weighed per sentence (one is reported; a run-on sentence may hold thousands)


def _clause(low: str, at: int, end: int) -> tuple[str, str]:
    """The text of the booster's clause before it and after it (at most 60 characters each way)."""
    left = low[max(0, at - 60) : at]
    last = None
    for m in _CLAUSE_BREAK.finditer(left):
        last = m
    before = left[last.end() :] if last else left
    right = low[end : end + 60]
    m = _CLAUSE_BREAK.search(right)
    after = right[: m.start()] if m else right
    return before, after


def _quoted(text: str, at: int, end: int) -> bool:
    """Are ``text[at:end]`` inside quotation marks (a quotation or a scare quote: a mention)?"""
    before = text[:at]
    if sum(before.count(q) for q in _NOTE_Q) % 2 == 1 or before.count("‘") > before.count("’"):
        return True
    return bool(re.search(r"(?:^|\s)'[^']{0,40}$", before) and re.match(r"[^']{0,40}'(?:\s|[.,;:!?]|$)", text[end:]))


def _cure(s: SentenceAnalysis, low: str, before: str, at: int, end: int) -> bool:
    """Is the "cure" at ``low[at:end]`` a product curing something (not a treatment, a doctor, or a search for one)?"""
    word = low[at:end]
    if word.startswith("cure-all") or word == "cure all" and not re.match(r"\s+(?:[\w-]+\s+){0,4}ills\b", low[end:]):
        return True
    if re.match(r"\s+(?:rates?|meats?|ham|bacon|sausages?|salmon|pork|fish|beef|olives)\b", low[end:]):
        return False
    if _MEDICAL.search(before) or any(t.lexicon == "drugs" and at - len(before) <= t.start - s.start < at for t in s.terms):
        return False  # "existing treatments can cure about half", "gene therapy had cured 20 children", "help cure people"
    product = any(t.lexicon == "products" and at - len(before) <= t.start - s.start < at for t in s.terms) or bool(
        _PRODUCT_SUBJECT.search(before))
    if word in ("cures", "cured", "curing") or re.search(r"\b(?:can|will|does|do|to|that|which)\s+(?:\w+ly\s+)?$", before):
        return product and not re.search(r"\b(?:being|been|were|was|are|is)\s+$", before)  # not "classed as being cured"
    # the noun: "X is a natural cure for Y", "the miracle cure"
    return product and bool(re.search(r"\b(?:is|are|was|as|be)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$", before)) or bool(
        re.search(r"\b(?:natural|miracle|kitchen|home|herbal|ancient|amazing|simple|secret|real|permanent|complete)\s+$", before))


def _safe(s: SentenceAnalysis, low: str, before: str, at: int) -> bool:
    """Is the "is safe" at ``low[at:]`` a product or method declared safe without qualification?"""
    if re.search(r"(?:^|\s)(?:it|that|this)\s*$", before) and re.match(r"\s*(?:'s|is|’s)\s+safe\s+to\b", low[at - 1 :] if at else low):
        return False  # "it's safe to reopen", "before it is safe to end social distancing"
    if re.search(r"\b(?:feel|feels|felt|feeling|keep|keeps|stay|stays|make|makes|ensure|ensures|sure)\b", before):
        return False  # "they feel they are safe", "to make sure it is safe"
    if _REPORTED.search(before):
        return False  # "New study shows it's safe": the finding, reported
    if s.facts.hedges or re.search(r"\b(?:in\s+moderation|in\s+small\s+amounts|at\s+(?:usual|normal|recommended)\s+doses"
                                   r"|when\s+used\s+as|short[-\s]term|for\s+most|considered|well[-\s]tolerated|relatively|largely"
                                   r"|mostly|generally)\b", low):
        return False  # qualified safety ("generally considered safe at usual doses")
    subject = any(t.lexicon in ("products", "drugs") and at - len(before) <= t.start - s.start < at for t in s.terms)
    return subject or bool(re.search(r"\b(?:the\s+)?(?:method|treatment|procedure|product|supplement|remedy|formula|cleanse|detox"
                                     r"|diet|tea|oil|extract|gel|cream|device|protocol|program(?:me)?|therapy|it|this|they|these)\s+"
                                     r"(?:\w+\s+){0,2}$", before))


_SUBJECT_LABEL = re.compile(r"^\W*(?:this|the|that|these|a|an|our|new|so-called)?\s*$", re.IGNORECASE)


def _quiet(a: ArticleAnalysis, s: SentenceAnalysis, text: str, low: str, at: int, end: int, kind: str) -> bool:
    """Is the booster at ``text[at:end]`` negated, hedged, mentioned, hypothetical or not a booster here?"""
    rule = _NOT_A_BOOST.get(kind)
    if rule is not None and rule.match(low, at):
        return True
    words = text[at:end]
    if kind == "marvel" and words[:1].isupper() and at > 0 and not s.headline and not text[:at].rstrip().endswith((".", ":", "!", "?")):
        return True  # a name ("Miracle Network")
    before, after = _clause(low, at, end)
    if _NEGATION.search(before) and not _NOT_NEGATION.search(before):
        return True  # "there is no known cure", "isn't a miracle", "has not been proven"
    if _HEDGE.search(before) or kind not in ("safety",) and re.search(r"\b(?:may|might|could|would|possibly|potentially)\b", after) \
            and not (kind in ("marvel", "hype") and _SUBJECT_LABEL.match(before)):
        return True  # "unlikely to be risk-free", "could be a breakthrough", "the most effective way ... may be" (but "This
        # miracle microbe could ..." names its subject a miracle whatever the verb after it says)
    pitched = re.search(r"\bas\s+(?:a|an|the)\s+(?:[\w-]+\s+)?$", before) and re.search(
        r"\b(?:push|promot|tout|sell|sold|market|advertis|bill|hail|pitch|peddl|hawk)\w*", low[:at])
    if (_MENTION.search(before) or _quoted(text, at, end) or pitched) and not _ENDORSED.search(low):
        return True  # "labels that say 'clinically proven'", "headlines that promise a 'miracle'", "searching for a cure"
    if kind == "cure" and not _cure(s, low, before, at, end):
        return True
    if kind == "safe" and not _safe(s, low, before, at):
        return True
    if kind == "safety" and low[at:end].startswith(("no ", "with no", "zero", "without")) and (
            _STUDY_SIDE_EFFECTS.search(after) or _STUDY_SIDE_EFFECTS.search(before) or s.study is not None):
        return True  # "No side effects were reported": a study's result
    if kind == "always" and not text[:at].strip(" \"'“‘*_-•"):
        return True  # "Always work with a doctor", "Never take two doses": advice, not a claim
    if kind == "superlative" and re.search(r"\b(?:one|two|three|some|several|many|among)\s+(?:of\s+)?$", low[max(0, at - 14) : at]):
        return True  # "one of the most powerful": a softer claim
    if kind == "universal" and (s.study is not None or s.role == "reported" or not any(t.lexicon == "effects" for t in s.terms)
                                and not re.search(r"\b(?:tied|linked|connected|related)\s+to\b|\bbehind\b|\bresponsible\s+for\b"
                                                  r"|\broot\s+(?:cause|of)\b|\bcause\s+of\b|\bmanag\w+|\bcontrols?\b|\bpanacea\b", low)):
        return True  # "researchers looked at all cancers", "important for all cancers": no effect claimed
    if kind not in _CONTEXT_FREE and kind not in ("cure", "safe") and not _about_health(a, s, low, kind in _NEAR_CONTEXT):
        return True  # not about health: "laboratory breakthroughs in programming robots", "compassion never failed"
    if kind == "proof" and not re.match(r"(?:clinically|scientifically|medically)", low[at:]) and not (any(t.lexicon in ("effects", "conditions", "outcomes") and t.start - s.start >= at for t in s.terms)
                                or _EFFECT_WORDS.search(after + low[end : end + 80])):
        return True  # proof of something other than a health effect ("isolation has proven to be insulation")
    return False


def _about_health(a: ArticleAnalysis, s: SentenceAnalysis, low: str, near: bool) -> bool:
    """Does the sentence (or, with ``near``, the paragraph it stands in or follows) speak of health?"""
    if any(t.lexicon in ("conditions", "outcomes", "effects", "products", "drugs") for t in s.terms) or _HEALTH_WORDS.search(low):
        return True
    if not near:
        return False
    block = a.block_of(s.index)
    for j in range(s.index - 1, max(-1, s.index - 6), -1):
        if a.block_of(j) < block - 1:
            break
        if _HEALTH_WORDS.search(a.low[a.sentences[j].start : a.sentences[j].end]):
            return True
    return False


def _cues(s: SentenceAnalysis, text: str) -> list[tuple[int, int, str]]:
    """Candidate boosters of the sentence: (start, end, kind), offsets in ``text``."""
    out = [(t.start - s.start, t.end - s.start, t.kind) for t in s.terms if t.lexicon == "boosters"]
    for kind, rx_ in _STRUCTURED:
        if not s.has("pattern_heads", kind):
            continue
        for m in rx_.finditer(text):
            out.append((m.start(), m.end(), kind))
    out.sort(key=lambda c: (c[0], -c[1]))
    return out


_WHAT = {
    "proof": "claims proof", "cure": "promises a cure", "marvel": "calls it a marvel", "hype": "hypes it",
    "safety": "promises total safety", "safe": "declares it safe without qualification", "guarantee": "guarantees a result",
    "total": "claims it always works, fully or for everyone", "superlative": "ranks it above everything else",
    "universal": "makes a universal claim", "always": "claims it always or never happens", "superior": "claims it beats medicine",
    "everyone": "claims it works for everyone", "instant": "promises a fast, total result", "best": "ranks it above every remedy",
}


def overclaims(a: ArticleAnalysis) -> list[tuple[int, int, int, str, str]]:
    """(sentence, start, end, kind, words) of the first overclaim in each of the writer's sentences."""
    out = []
    for s in a.sentences:
        if s.position == "chrome" or s.role in QUIET_ROLES and s.role != "attributed":
            continue  # page chrome; someone else's words (only "attributed" ones can be endorsed, see below)
        text = a.text_of(s.index)
        low = a.low[s.start : s.end]
        cues = _cues(s, text)
        if not cues:
            continue  # no booster word or absolute: nothing to weigh
        endorsed = bool(_ENDORSED.search(low))
        if s.role in QUIET_ROLES and not (s.role == "attributed" and endorsed):
            continue  # someone else's words, unless the writer signs up to them ("..., and we agree")
        if not endorsed and (_SPEECH_TAG.search(text) or _QUOTED_SENTENCE.search(text)) or _FACT_CHECK.match(low) or (
                s.position in ("body", "lede") and _TRANSCRIPT.match(text)):
            continue  # "..., she says", "He continued: '...'", "CLAIM: ..."
        if _HYPOTHETICAL.search(low) or _REPORTED_SPEECH.search(low):
            continue  # "a perfect pill, with no side effects, is still a dream"
        # a cure claim is disease-claim's when a product is its subject: another overclaim of the sentence is told first
        for at, end, kind in sorted(cues[:MAX_CUES], key=lambda c: c[2] == "cure"):
            if not _quiet(a, s, text, low, at, end, kind):
                out.append((s.index, s.start + at, s.start + end, kind, " ".join(text[at:end].split())))
                break
    return out


@register("overclaim")
def overclaim(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    a = analysis.article
    for _, start, end, kind, words in overclaims(a):
        message = (f"\"{words}\" {_WHAT.get(kind, 'overstates')}: more certainty than health evidence can give. Say what "
                   f"was found, in whom and how strongly (\"in a trial of 80 adults, it eased pain a little\"), or qualify it")
        yield Hit(start, end, message=message)


