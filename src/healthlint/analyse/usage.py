"""How a word is used in its sentence: a finite verb or a noun, a participle describing a noun, inside an
aside, a purpose, an open question or a supposition. The claim frames ask these before an effect word counts."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import one_of
from .terms import Term


PURPOSE = re.compile(r"(?:^|\W)(?:to|in\s+order\s+to|so\s+as\s+to)\s+(?:\w+ly\s+)?(?:help\s+(?:\w+\s+)?)?$", re.IGNORECASE)


CLAIM_INFINITIVE = re.compile(r"\b" + one_of(r"found|shown|proven|proved|known|seen|said|reported|thought|believed|likely|unlikely|able|"
                               r"appears?|seems?|tends?|expected|going|continues?|fails?|designed|meant|set|able|way|ways|tool|"
                               r"method|means|solution|remedy|treatment|option|answer|strategy|help|helps|helped") + r"\s+to\s+"
                               r"(?:\w+ly\s+)?(?:help\s+(?:\w+\s+)?)?$", re.IGNORECASE)


DETERMINER_BEFORE = re.compile(
    r"\b" + one_of(r"the|a|an|this|that|these|those|its|their|his|her|our|your|of|for|with|by|common|major|main|leading|other"
                   r"|top|all|root|possible|potential|known|underlying|primary|many|several|most|some|home|natural|herbal|such|any"
                   r"|no|new|best") + r"\s+"
    # "a striking increase in survival", "a 20% drop", "their favourite treat": a word between the determiner and the noun
    r"(?:(?:" + one_of(r"significant|striking|dramatic|sharp|modest|small|large|big|slight|marked|substantial|steep|huge|minor"
                      r"|moderate|notable|further|greater|overall|first|only|strongest|biggest|greatest|largest|key|important|strong"
                      # "their favourite treat", "your usual remedy", "our secret cure": a habit or a pick, a noun
                      r"|favourite|favorite|usual|regular|daily|nightly|weekly|everyday|secret|ultimate|perfect|ideal|simple|own")
    + r"|\d[\d.,]*\s*(?:%|percent|per\s+cent|-fold|fold|-point|points?))\s+)?$", re.I)


def determined(text: str, t: object, offset: int) -> bool:
    """A determiner (or a word like one) comes right before term ``t``: the term is a noun ("the cure", "a 20% drop").
    Not "that"/"this" before a verb form in -s or -ed: "a molecule that regrows hair", "this boosts immunity"."""
    at = t.start - offset  # type: ignore[attr-defined]
    m = DETERMINER_BEFORE.search(text, max(0, at - 30), at)
    if m is None:
        return False
    word = text[at : t.end - offset].split()[0].lower()  # type: ignore[attr-defined]
    return not (m.group(0).split()[0].lower() in ("that", "this")
                and (word.endswith(("s", "ed")) and not word.endswith("ss") or word in ("fight", "cure")))  # "foods that fight"


# "for every 10 degree increase in latitude", "each 1-degree temperature rise": a unit of change, a noun


PER_UNIT = re.compile(r"\b(?:every|each|per)\s+(?:[\w.,-]+\s+){0,3}$|\b\d[\d.,]*(?:%|-|\s+)(?:[\w%-]+\s+){0,2}$", re.IGNORECASE)


def per_unit(text: str, t: object, offset: int) -> bool:
    at, end = t.start - offset, t.end - offset  # type: ignore[attr-defined]
    m = PER_UNIT.search(text, max(0, at - 40), at)
    noun = text.startswith((" in ", " of "), end) or text[at:end].lower() in NOUN_FORMS
    return m is not None and noun


WHETHER = re.compile(r"\b(?:whether|if)\b[^,;:.]*(?:,[^,;:.]*?\b(?:or|and)\b[^,;:.]*)?$|\b"
                     + one_of(r"of|about|on|understand|explain|know|asks?|asked|wonder(?:s|ed)?|investigat\w+"
                              r"|examin\w+|stud(?:y|ied|ying)|look(?:ed|ing)?\s+at|determine|assess|test(?:ed)?")
                     + r"\s+(?:why|how|what)\b[^,;:.]*$", re.IGNORECASE)


CONDITION_CLAUSE = re.compile(r"^\W*(?:if|unless|whether|until|once|should)\b[^,;:]*", re.IGNORECASE)


def in_condition(text: str, at: int) -> bool:
    """Inside an opening if-clause ("If cases continue to decrease, ..."), or an open question ("to look at
    whether vitamin E impacted stroke rates"): a supposition, not a claim."""
    m = CONDITION_CLAUSE.match(text)
    return m is not None and at < m.end() or bool(WHETHER.search(text, max(0, at - 150), at))


RELATIVE_OPEN = re.compile(r"\b(?:" + one_of(r"(?:in|by|to|through|on|from|of)\s+which|which|who|whom|whose") + r"|(?P<noun>\w+)\s+that)\b",
                           re.IGNORECASE)


COMPLEMENT_TAKERS = re.compile(r"^(?:found|find|finds|shows?|showed|shown|suggests?|suggested|says?|said|believes?|believed|thinks?"
                                r"|thought|claims?|claimed|argues?|argued|reports?|reported|concluded?|concludes|confirms?|confirmed"
                                r"|reveals?|revealed|indicates?|indicated|means|meant|is|are|was|were|note[sd]?|notes|knows?|known"
                                r"|likely|clear|true|evidence|fact|hope|hopes|hoped|so|such|now|noting|shows|proves?|proved|demonstrated?)$",
                                re.IGNORECASE)


MAIN_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|can|may|might|will|could|would|\w+(?<!ss)s|\w+ed)\s+(?:\w+\s+){0,3}?"
                        r"(?:risk|likely|linked|associated|caused|causes|reduc\w+|increas\w+|lower\w*|rais\w+|prevent\w*|help\w*)\b",
                        re.IGNORECASE)


_WHO_SUBJECT = re.compile(r"\b(?:people|persons|men|women|adults|children|kids|teens|teenagers|adolescents|those|anyone|individuals"
                          r"|patients|participants|smokers|drinkers|mothers|fathers|parents|girls|boys|babies|infants|users|workers"
                          r"|someone|volunteers|players|couples|pensioners|students|consumers|athletes|nurses|doctors)\s*$", re.IGNORECASE)
_REL_FILLER = frozenset("do does did don't doesn't didn't not never also often regularly always still are is were was have has had "
                        "can could may might will would just only even really usually already".split())
_AUXILIARY = frozenset("is are was were has have had can could will would may might".split())  # "who smoke are raising ..."
_OWN_OBJECT = re.compile(r"[\w'’-]+\s+(?:their|his|her|your|its|our|the)\s", re.IGNORECASE)


def _after_who_clause(text: str, who: "re.Match[str]", at: int) -> bool:
    """The word at ``at`` follows a whole who-clause that has its own verb, after a subject that names people,
    and takes an object of its own ("Women who drink coffee cut their risk"): the main clause's verb."""
    between = text[who.end() : at].split()
    return bool(_WHO_SUBJECT.search(text, max(0, who.start() - 40), who.start())) and bool(between) \
        and between[-1].lower() not in ("and", "or", "to", "but", "nor") \
        and any(w.lower() not in _REL_FILLER and not w.lower().endswith("ly") and w[0].isalpha() for w in between) \
        and (bool(_OWN_OBJECT.match(text, at)) or len(between) > 1 and between[-1].lower() in _AUXILIARY)


_APPOSITIVE = re.compile(r",\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_DASHED = re.compile(r"\s[-–—]\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$")


_WHICH_IS_WHY = re.compile(r"\s*(?:is|was)\s+(?:why|how)\b|\s*(?:explains|explained)\s+why\b", re.IGNORECASE)


_BECAUSE = re.compile(r",\s*because\s", re.IGNORECASE)  # a new clause of the sentence's own


def in_relative_clause(text: str, at: int) -> bool:
    """Is position ``at`` inside a relative clause ("stroke, which is caused by a clot", "genes that play a role")?
    "found that X reduces Y" is a complement, not a relative clause."""
    lo = max(0, at - 120)
    for c in ";:()":  # the clause holding ``at`` (not cut at a comma: a relative clause may follow one)
        lo = max(lo, text.rfind(c, lo, at) + 1)
    last = aside = None
    for m in RELATIVE_OPEN.finditer(text, lo, at):
        if aside is None and m.group(0).lower().startswith("which") and text[: m.start()].rstrip().endswith(
                (",", "-", "–", "—")) and "," not in text[m.end() : at]:
            aside = m
        elif aside is None and m.group("noun") is not None and _DASHED.search(text, max(0, m.start() - 40), m.start()) \
                and not re.search(r"\s[-–—]\s", text[m.end() : at]):
            aside = m  # "antibodies - the kind that confers immunity -": an appositive between dashes  # "the meninges, which are the tissues that protect the brain": still inside the aside
        last = m
    if last is None or re.search(r"[;:()]", text[last.end() : at]):
        return False
    noun = last.group("noun")
    if noun is not None and COMPLEMENT_TAKERS.match(noun):
        return False  # "found that X reduces Y", ", which shows that nuts reduce ...": a complement
    if _WHICH_IS_WHY.match(text, last.end()):
        return False  # "..., which is why late meals cause diabetes": the cause is asserted
    if _BECAUSE.search(text, last.end(), at):
        return False  # "Parents who want calm teenagers should set a curfew, because cutting screen time lowers anxiety"
    if aside is not None:
        return True
    if _APPOSITIVE.search(text, max(0, last.start() - 40), last.start()) and "," not in text[last.end() : at]:
        return True  # "arthrogryposis, a condition in which the joints stiffen": the appositive defines a word
    if last.group(0).lower().startswith("who"):
        # "People who boosted their activity ...": describes whom, claims nothing; but in "People who skip
        # breakfast raise their risk" the clause has its verb ("skip") and "raise" is the sentence's own
        return not _after_who_clause(text, last, at)
    if text[: last.start()].rstrip().endswith(","):
        return "," not in text[last.end() : at]  # ", which can cause stroke": an aside (until it closes)
    # "a compound that can reverse diabetes" carries the claim unless the main clause makes one of its own
    return bool(MAIN_VERB.search(text, 0, last.start()))


PASSIVE_BEFORE = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:being\s+)?|(?:has|have|had)\s+been\s+"
                             r"|(?:will|can|may|might|could|would|should|must)\s+be\s+)(?:\w+ly\s+)?$", re.IGNORECASE)


def is_passive(text: str, start: int, end: int) -> bool:
    """A one-word participle after a form of "be" ("are being lifted", "was reduced"), not "was linked to"."""
    word = text[start:end]
    return " " not in word and word.lower().endswith("ed") and bool(PASSIVE_BEFORE.search(text, max(0, start - 30), start))


def finite(text: str, t: Term, offset: int) -> bool:
    """Is the effect term used as a finite verb ("nuts lessen", "can reverse"), not a noun, gerund or participle?"""
    word = text[t.start - offset : t.end - offset].split()[0].lower()
    if word.endswith("ing"):
        return False
    left = text[max(0, t.start - offset - 30) : t.start - offset]
    if re.match(r"\s+(?:of|for)\b", text[t.end - offset :], re.I) and " " not in text[t.start - offset : t.end - offset]:
        return False  # a noun: "causes of death", "a cure for"
    if word.endswith(("s", "ed")) and not word.endswith("ss"):
        return not determined(text, t, offset)
    if re.search(r"\b(?:can|will|may|might|could|would|does|do|did|to|also)\s+(?:\w+ly\s+)?$", left, re.I):
        return True
    # a plural or pronoun subject right before a base form: "Screens ruin sleep", "Nuts lower cholesterol"
    return bool(re.search(r"(?:^|[,;:]\s*|\b(?:that|and)\s+)\W*(?:\w+\s+){0,3}?(?:they|we|you|i|\w+[^s\W]s)\s+(?:\w+ly\s+)?$", left, re.I))


ADJECTIVE_CUE = re.compile(r"(?:protective|beneficial|harmful|detrimental|successful|effective)\s+(?!effects?\b|role\b|factors?\b"
                            r"|benefits?\b|against\b|for\b|of\b|in\b|to\b|on\b|and\b|or\b|when\b|if\b|as\b|than\b|at\b|with\b)[a-z]",
                            re.IGNORECASE)
# "patients with reduced kidney function", "including reduced brain volume": a participle describing a noun


PARTICIPLE_AFTER = re.compile(r"\b(?:with|including|of|showed|shows|show|exhibited|displayed|experienced|experience|experiencing"
                              r"|more|less|better|best|most|least|a|an|the|their|its|his|her|your|our)"
                               r"\s+(?:\w+ly\s+)?$", re.IGNORECASE)


_LISTED = re.compile(r"\b(?:including|such\s+as|like|with|showed|had)\s[^.;:()]{0,80},\s*(?:and\s+|or\s+)?$", re.IGNORECASE)
NOUN_NEXT = re.compile(r"\s+(?!(?:the|a|an|by|in|on|of|for|to|with|their|his|her|its|your|our|and|or|from|at|than)\b)[a-z]")


_COMPARATIVES = frozenset({"lower", "higher", "greater", "better", "worse", "fewer", "less", "more"})


def attributive(text: str, t: object, offset: int) -> bool:
    """An effect adjective before a noun names a kind of thing ("protective masks", "effective
    communication"); "a protective effect" and "is protective against" still claim."""
    start, end = t.start - offset, t.end - offset  # type: ignore[attr-defined]
    word = (text[start:end].lower().split() or [""])[0]
    if (word.endswith("ed") or word in _COMPARATIVES) and NOUN_NEXT.match(text, end) and (
            PARTICIPLE_AFTER.search(text, max(0, start - 30), start) or not text[:start].strip(" \"'“‘*_-•")):
        return True  # "with reduced kidney function"; "Increased awareness has ...": a participle before its noun
    if word.endswith("ed") and NOUN_NEXT.match(text, end) and _LISTED.search(text, max(0, start - 100), start):
        return True  # "scans showed calcium deposits, reduced brain volume and ...": one finding in a list of them
    return bool(ADJECTIVE_CUE.match(text, start))


_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


@lru_cache(maxsize=64)
def _lower_words(text: str) -> tuple[int, int]:
    """(words of four letters or more that start in lower case, all such words) of a sentence, counted once."""
    words = re.findall(r"[A-Za-z]{4,}", text)
    return sum(w[0].islower() for w in words), len(words)


def in_name(text: str, t: object, offset: int) -> bool:
    """A capitalised cue inside a sentence mostly in lower case is part of a name ("Health Impact News")."""
    start = t.start - offset  # type: ignore[attr-defined]
    word = text[start : t.end - offset]  # type: ignore[attr-defined]
    before = text[max(0, start - 80) : start]  # enough to see the words just before it
    if not word[:1].isupper() or start <= 80 and not before.strip(" \t\"'“‘(") or before.rstrip()[-1:] in ".:!?":
        return False
    if len(word) > 2 and word.isupper():
        return False  # emphasis, not a name: "Superfruit that KILLS cancer"
    if word.endswith(("'s", "’s")) and not _CAPITAL_NEXT.match(text, t.end - offset):  # type: ignore[attr-defined]
        return False  # an eponym ("prevent Alzheimer's", "Crohn's flares"), not "the Alzheimer's Association"
    lower, total = _lower_words(text)
    if lower > total / 2:
        return True
    # between two capitalised words in a sentence that is not in title case ("the Daily Health Impact Review")
    return lower > 0 and bool(re.search(r"[A-Z][\w'’-]*\s+$", before)) and bool(_CAPITAL_NEXT.match(text, t.end - offset))  # type: ignore[attr-defined]


def bare_participle(text: str, t: object, offset: int) -> bool:
    """A past participle after a noun with no auxiliary: "strokes caused by bleeding" describes, it does not claim."""
    start, end = t.start - offset, t.end - offset  # type: ignore[attr-defined]
    word = text[start:end].split()[0].lower() if text[start:end].split() else ""
    return word.endswith("ed") and bool(re.match(r"\s+by\b", text[end:])) and not re.search(
        r"\b(?:is|was|were|are|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?$", text[:start], re.I)


NOUN_FORMS = frozenset("increase decrease rise drop fall boost cut improvement reduction benefit decline change gain loss influence "
                       "influences".split())
VERB_NOUNS = frozenset({"fight", "fights", "cure", "cures"})  # "the fight against the virus": a noun after a determiner


THE_MORE = re.compile(r"\bthe\s+(?:more|less|fewer|higher|lower|greater|longer|shorter|bigger|smaller)\b", re.IGNORECASE)


def comparative(text: str, t: Term, offset: int) -> bool:
    """ "double that of Wales", "triple England's": a comparison of numbers, not an effect; "the more ...,
    the lower their risk": a gradient that was observed."""
    word = text[t.start - offset : t.end - offset].lower()
    if text[max(0, t.start - offset - 4) : t.start - offset].lower() == "the " and len(THE_MORE.findall(text)) >= 2:
        return True
    return word.startswith(("doubl", "tripl", "quadrupl", "halv")) and not re.match(
        r"\s+(?:the|your|their|his|her|a|an|one's)?\s*(?:[\w'’]+\s+)?(?:risk|chances?|odds|likelihood|rate\s+of)\b",
        text[t.end - offset :], re.IGNORECASE)


PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|for|of|by|about|on|from|toward|towards|with|without|after|before)\s+$", re.IGNORECASE)


def after_preposition(text: str, t: object, offset: int) -> bool:
    """An -ing word after a preposition is a noun ("important in preventing the spread"): no claim of its own."""
    at = t.start - offset  # type: ignore[attr-defined]
    return text[at : t.end - offset].split()[0].lower().endswith("ing") and bool(  # type: ignore[attr-defined]
        PREPOSITION_BEFORE.search(text, max(0, at - 12), at))


def gerund(text: str, t: Term, offset: int) -> bool:
    """An -ing word inside the sentence that is no verb of it ("..., cutting down on alcohol and ...");
    "is reducing" and a headline's opening "Killing Cancer Cells" are verbs."""
    at = t.start - offset
    word = text[at : t.end - offset].split()[0].lower()
    if not word.endswith("ing") or not text[:at].strip(" \"'“*_-•"):
        return False
    return not re.search(r"\b(?:is|are|was|were|been|be|keeps?|kept|by)\s+(?:\w+ly\s+)?$", text[:at], re.IGNORECASE)
# "Cutting the cord is a big moment": the -ing phrase is the subject of "is", no effect is claimed


COPULA_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,5}?\s+(?:is|was|are|were|can\s+be|may\s+be|remains)\b", re.IGNORECASE)


def subject_gerund(text: str, t: Term, offset: int) -> bool:
    """An -ing word that opens the sentence names the exposure ("Cutting out ready meals lifts..."), not the
    effect; in a headline with no other verb it is the predicate ("Killing Cancer Cells Using Plant Extract")."""
    at = t.start - offset
    return text[at : t.end - offset].split()[0].lower().endswith("ing") and not text[:at].strip(" \"'“*_-•")


_BASE_FORM = re.compile(r"[a-z]+(?<![sd])(?<!ing)\b")  # "reduce", not "reduces", "reduced", "reducing"
HELP_AS_OBJECT = re.compile(r"\b(?:sought|seek|seeks|seeking|get|gets|getting|got|need|needs|needed|ask\w*\s+for|receiv\w+|offer\w*"
                             r"|provid\w+|want\w*|find|found|finding)\s+(?:\w+\s+)?help\s+to\s+$", re.IGNORECASE)


# a purpose clause's list goes on: "tools to build friendships, reduce drinking and manage ..."
_PURPOSE_LIST = re.compile(r"(?:^|\W)to\s+[a-z]+\s+(?:[\w'’-]+,?\s+){0,5}?[\w'’-]+(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$",
                           re.IGNORECASE)


_HOW_YOU_CAN = re.compile(r"\bhow\s+(?:you|we)\s+(?:can|could|might)\s+(?:\w+ly\s+)?(?:help\s+(?:\w+\s+)?)?$", re.IGNORECASE)


def in_purpose(text: str, at: int) -> bool:
    """An effect verb in a purpose clause ("to help them regain function"), or in its list ("to build friendships,
    reduce drinking"), not a claim; "found to lower" is one."""
    left = text[max(0, at - 40) : at]
    if _HOW_YOU_CAN.search(left):
        return True  # "here's how you can help your child sleep": a how-to promise, not a finding
    if PURPOSE.search(left):
        return not CLAIM_INFINITIVE.search(left) or bool(HELP_AS_OBJECT.search(left))
    if not _BASE_FORM.match(text, at):
        return False  # "helps people to sleep and reduces stress": a verb of its own
    wide = text[max(0, at - 80) : at]
    m = _PURPOSE_LIST.search(wide)
    return bool(m) and not CLAIM_INFINITIVE.search(wide, 0, m.start() + 4)


_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|seems?|seemed|looks?|remains?|stays?)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_CLAUSE_AFTER = re.compile(r"\s*(?:[:;,.!?)]|$|\s(?:that|about|enough)\b)", re.IGNORECASE)


def predicative(text: str, t: Term, offset: int) -> bool:
    """An effect word used as an adjective after a copula: "the evidence is clear:", "she stayed calm"."""
    word = text[t.start - offset : t.end - offset]
    return not word.lower().endswith("ed") and bool(_COPULA_BEFORE.search(text, max(0, t.start - offset - 30), t.start - offset)) \
        and bool(_CLAUSE_AFTER.match(text, t.end - offset))


# how common a condition is: "affects roughly one in three women over 50", "strikes 1 in 11 pregnancies", "affects
# millions of adults": a statistic, neither an effect claimed nor a study of an exposure
PREVALENCE = re.compile(r"\b(?:affects?|affecting|strikes?|striking)\s+(?:(?:roughly|about|around|nearly|almost|some|up\s+to|more\s+than"
                        r"|over|an\s+estimated|as\s+many\s+as)\s+)?(?:(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)"
                        r"\s+in\s+(?:every\s+)?\w+|\d[\d,.]*\s*(?:%|percent|per\s+cent)\s+of|(?:millions|thousands|hundreds|tens\s+of\s+"
                        r"(?:millions|thousands))\s+of|\d[\d,.]*\s+(?:million|billion|thousand)\b)", re.IGNORECASE)
