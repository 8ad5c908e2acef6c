"""Hedge (speculation) and booster (certainty / hype) cues.

Hedges follow the BioScope notion of a speculation cue: epistemic modals (may,
might, could, would), speculative verbs (suggest, indicate, appear to, seem,
propose, hypothesise, speculate), adverbs and adjectives (possibly, probably,
likely, putative, potential), open questions (whether, unclear, unknown,
remains to be shown) and calls for more research ("more research is needed").
Cue kinds: ``"hedge"`` for all of them.

Boosters carry more certainty than evidence allows. Kinds:
``"certainty"`` (proves, proven, clearly, definitely, conclusively...),
``"universal"`` (always, never, all, every, everyone),
``"superlative"`` (the most important, the best, the only),
``"hype"`` (miracle, breakthrough, cure, guaranteed, 100%, revolutionary).
"""

from __future__ import annotations

import re

_F = re.IGNORECASE

HEDGE_ENTRIES = [("hedge",
    r"ma(?:y(?:be)?)|might|could|would"
    r"|suggest(?:s|ed|ing|ive|ion|ions)?"
    r"|indicat(?:e|es|ed|ing)"
    r"|possib(?:le|ly|ility|ilities)|probabl[ey]|(?:un)?likely|perhaps|presum(?:ably|ed|ptive)"
    r"|putative(?:ly)?|potential(?:ly)?"
    r"|hypothes(?:is|es|i[sz]e[sd]?|i[sz]ing)|speculat(?:e[sd]?|ing|ion|ive)"
    r"|whether|seem(?:s|ed|ingly)?|appear(?:s|ed)?(?=\s+(?:to|that)\b)|it\s+appears"
    r"|propos(?:e|es|ing)|(?:has|have|been|was|were|is|are)\s+proposed"
    r"|(?:thought|believed|assumed|predicted|expected|considered)\s+to\s+(?:be|have|play|act|function|contribute|represent|involve|reflect|result|mediate|participate|regulate|cause)"
    r"|(?:we|i)\s+(?:think|believe|suspect|assume|speculate)|suspect(?:s|ed)?\s+(?:that|to)"
    r"|impl(?:y|ies|ying)|tend(?:s|ed)?\s+to|conceivabl[ey]|plausibl[ey]"
    r"|unclear|uncertain(?:ty|ties)?|(?:remains?|remained|is|are|still|largely|currently)\s+unknown"
    r"|not\s+(?:yet\s+)?(?:known|clear|understood|established)"
    r"|assum(?:e|es|ed|ing)\s+that|(?:generally|widely|commonly|often)\s+(?:believed|thought|assumed)|believed\s+that"
    r"|suspected|proposals?\s+that|implicat(?:es|ing)|should\s+(?:be\s+useful|contribute|help|facilitate|allow|provide)"
    r"|inconclusive|preliminary|questionable|debat(?:ed|able)|controversial|unproven"
    r"|remains?\s+to\s+be|raises?\s+the\s+(?:possibility|question)|open\s+question"
    r"|(?:support|consistent\s+with|favou?r)s?\s+(?:the|a|an|our)\s+(?:idea|notion|hypothesis|view|possibility|model|interpretation)"
    r"|(?:more|further|additional|larger|future)\s+(?:\w+\s+){0,3}?(?:research|studies|study|work|trials|investigations?|data|evidence)\s+(?:is|are|will\s+be)\s+(?:needed|required|warranted|necessary)"
    r"|(?:needs?|requires?|warrants?)\s+(?:further|more)\s+(?:research|study|studies|investigation|confirmation|validation)"
    r"|or\s+not\b"
)]

# "could" reporting a past ability or a finding, not speculation
_COULD_NOT_HEDGE = re.compile(
    r"\s+(?:not\b|n't|also\s+be\s+|be\s+|have\s+been\s+)?(?:(?:readily|clearly|easily|successfully|only|still|also)\s+)?"
    r"(?:detect|observ|found|seen|shown|show|demonstrat|identif|confirm|isolat|obtain|measur|establish|recover|reproduc|achiev|record|visuali|purif|induc|block|abolish|restor|distinguish|not)",
    _F,
)
_INDICATE_NOT_HEDGE = re.compile(r"(?:\bas\s+|\bwhere\s+)$|^\w*\s+(?:by|in|on|at|with|for)\b", _F)
_POTENTIAL_NOT_HEDGE = re.compile(
    r"(?:membrane|action|redox|zeta|resting|electrical|mitochondrial|oxidation|reduction|evoked|field)\s+$", _F
)


def keep_hedge(text: str, low: str, s: int, e: int) -> bool:
    """False for hedge-word matches that are not speculation ("could not be detected", "in May 2010")."""
    lw = low[s:e]
    if lw == "could":
        return not _COULD_NOT_HEDGE.match(text, e)
    if lw == "may":
        return not (text[s] == "M" and s > 0 and re.match(r"\s*\d", text[e : e + 3]))  # the month
    if lw.startswith("indicat"):
        return not (_INDICATE_NOT_HEDGE.search(text, max(0, s - 7), s) or _INDICATE_NOT_HEDGE.match(text[s : e + 8]))
    if lw == "likely":
        return not (low.endswith(("more ", "less ", "as "), 0, s) and low.startswith(" to ", e))
    if lw == "potential":
        return not _POTENTIAL_NOT_HEDGE.search(low[max(0, s - 16) : s])
    return True


BOOSTER_ENTRIES = [
    ("certainty", r"(?:prov(?:es|en)|proved\s+(?:that|to)|clearly|definite(?:ly)?|definitive(?:ly)?|conclusive(?:ly)?"
    r"|certainly|undoubtedly|unquestionabl[ey]|indisputabl[ey]|irrefutabl[ey]|undeniabl[ey]|obviously"
    r"|without\s+(?:a|any)\s+doubt|no\s+doubt|beyond\s+(?:any|a)\s+doubt|(?:scientifically|clinically)\s+proven"
    r"|establishe[sd]\s+(?:that|beyond)|settled\s+science|(?:it\s+is|it's)\s+(?:a\s+)?(?:fact|certain)|the\s+fact\s+that)\b"),
    ("universal", r"(?:always|never|all|every|everyone|everybody|nobody|no\s+one|none|any\s+and\s+all|without\s+exception)\b"),
    ("superlative", r"(?:the\s+(?:most\s+(?:important|effective|powerful|significant|beneficial|dangerous)|best|only|single\s+(?:best|biggest|most\s+\w+)|number\s+one|#1)\b)"),
    ("hype", r"(?:100\s*(?:%|percent\b)|(?:guarantee[sd]?|miracles?|miraculous(?:ly)?|breakthroughs?|cur(?:es?|ed|ing)|revolutionar(?:y|ize[sd]?)|game[-\s]chang(?:er|ing)|wonder\s+(?:drug|food|pill)|superfoods?|magic\s+bullet|secret\s+(?:to|of)|risk[-\s]free|instant(?:ly)?|groundbreaking|life[-\s]changing)\b)"),
]
