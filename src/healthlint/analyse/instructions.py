"""Instructions to the reader: a sentence that opens with a verb addressed to them ("Take two capsules"), or reaches
one after an opening clause, a label or the writer's lead-in and a colon ("To try it, take ...", "Sore throat: hold
...", "It's simple: take ...")."""

from __future__ import annotations

import re

from .terms import words

ADVICE_VERBS = words("roles", "advice_verb")
_IMPERATIVE_SKIP = re.compile(r"^[\W\d]*(?:(?:step\s+)?\d+[.):]\s*)?")


def _first_word(t: str) -> str:
    m = _IMPERATIVE_SKIP.match(t)
    rest = t[m.end() if m else 0 :].lstrip("\"“'‘*_([")
    w = rest.split(None, 1)
    return w[0].lower().strip(",.:;!") if w else ""


_DISCOURSE = re.compile(r"^\W*(?:put\s+(?:simply|plainly|bluntly|briefly|another\s+way|differently|in\s+(?:\w+\s+){0,2}?(?:terms|numbers|words|perspective))|simply\s+put"
                        r"|to\s+put\s+it\s+\w+(?:\s+way)?)\s*[,:]", re.IGNORECASE)
# an opening clause or a label, then the verb: "To try it, take ...", "During a cold, give ...", "Sore throat: hold ..."
CLAUSE_THEN_VERB = re.compile(r"^\W*(?:(?:to|if|for|when|once|after|before|in|during|at|on|alternatively|otherwise|instead|then"
                              r"|also|and|so|next|first|finally)\b[^,;:]{0,60}[,;:]|(?:directions|dosage|dose|suggested\s+use"
                              r"|recommended\s+use|how\s+to\s+(?:use|take)|to\s+use|usage"
                              # a short label that names no one ("Sore throat or cold: hold ...")
                              r"|(?!(?:among|amongst|the|a|an|this|that|these|those|it|they|we|you|i|he|she|of|in|on|at|for|with|by"
                              r"|from|as|but|and|or|so|here|there|what|which|who)\b)[a-z][\w'’ -]{0,40})\s*:)\s*(?:just\s+|simply\s+|then\s+)?"
                              r"([a-z]+)", re.IGNORECASE)


_OTHERS = re.compile(r"\b(?:doctors?|experts?|researchers|scientists|studies|guidelines?|labels?|officials|they|he|she)\b",
                     re.IGNORECASE)


def imperative(t: str) -> bool:
    """An instruction to the reader, at the start, after an opening clause or label ("To try it, take 20 grams..."),
    or after a colon ("You don't need a prescription: buy it online and rub ...")."""
    if is_imperative(t):
        return True
    m = CLAUSE_THEN_VERB.match(t)
    return bool(m) and m.group(1).lower() in ADVICE_VERBS or imperative_after_colon(t)


def imperative_after_colon(t: str) -> bool:
    """The writer's lead-in, a colon, then an instruction: "It's simple: take two ...", not "Among the tips doctors
    give: take ..." (others' advice, reported)."""
    colon = t.find(": ")
    if colon <= 0 or _OTHERS.search(t, 0, colon):
        return False
    after = t[colon + 2 :].lstrip()
    return is_imperative(after[:1].upper() + after[1:])


def is_imperative(t: str) -> bool:
    """Starts with a base verb addressed to the reader ("Take two capsules", "1. Add turmeric"), not a turn of
    phrase ("Put simply, ...")."""
    first = _first_word(t)
    if first not in ADVICE_VERBS or _DISCOURSE.match(t):
        return False
    m = _IMPERATIVE_SKIP.match(t)
    rest = t[m.end() if m else 0 :].lstrip("\"“'‘*_([")
    return rest[:1].isupper() or rest[:1].isdigit() or m is not None and m.end() > 0


# the writer's conclusion, then an instruction: "It's cheap, so add a glass to your breakfast", "So try it"; a soft one:
# "there's no harm in brewing an extra cup"
_SO_THEN = re.compile(r"(?:^\W*(?:so|and\s+so)|,\s*so)\s+(?:just\s+|simply\s+)?([a-z]+)\s"
                      r"|\b(?:there'?s|there\s+is|it\s+does\s+no|no)\s+harm\s+in\s+()([a-z]+ing)\b", re.IGNORECASE)


def advice_after_so(t: str) -> int | None:
    """Where an instruction after "so" (or a "there's no harm in ...") starts in ``t``, if there is one."""
    for m in _SO_THEN.finditer(t):
        if m.group(1) and m.group(1).lower() in ADVICE_VERBS:
            return m.start(1)
        if m.group(3):
            return m.start(3)
    return None


# a purpose that promises the reader a health effect: "to keep your hearing sharp", "to protect your memory", "to stay young"
HEALTH_PURPOSE = re.compile(r"\bto\s+(?:help\s+)?(?:(?:keep|protect|boost|sharpen|strengthen|shield|guard|support|improve|slow"
                            r"|lower|cut|ease|fight|prevent|stop|ward\s+off|stave\s+off)\s+(?:your|you)\b|stay\s+(?:young|sharp|healthy"
                            r"|fit|strong|slim|well)\b)", re.IGNORECASE)
