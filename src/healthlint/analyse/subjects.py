"""Animals and cells that stand for a study: what makes "mice" or "fruit flies" the subjects of an
experiment ("Mice given the extract ...", "The researchers laced the flies' food ..."), not a
passing mention ("we share this hormone with rats", "made in a lab", "animal shelters")."""

from __future__ import annotations

import re

from .terms import Term

IN_ANIMALS = re.compile(r"\b(?:in|on|among)\s+(?:\w+\s+)?(?:mice|rats|rodents|animals|monkeys|primates|zebrafish|fish|flies|worms|pigs)\b"
                        r"|-fed\b|-treated\b", re.IGNORECASE)
# what animals or cells undergo in an experiment (GIVEN), or where they are named as its subjects (TREATED)
GIVEN = re.compile(
    r"\b(?:given|gave|fed|feeding|injected|injections?|treated|treating|exposed|exposing|bred|engineered|dosed|implanted|"
    r"administered|tested\s+(?:on|in)|experiments?\s+(?:on|in|with)|infected\s+with|grown|cultured|incubated|raised\s+on|kept\s+on"
    r"|laced|spiked|supplemented|sprayed|kept\s+awake)\b|-fed\b|-treated\b"
    # compared with animals left alone: "grew back more muscle than untreated fish", "than control mice"
    r"|\b(?:untreated|control)\s+(?:\w+\s+)?(?:mice|rats|animals|fish|flies|worms|monkeys|pigs|dogs)\b", re.IGNORECASE)
TREATED = re.compile(
    GIVEN.pattern + r"|\b(?:in|on|among)\s+(?:\w+\s+)?(?:mice|rats|rodents|animals|monkeys|primates|zebrafish|fish|fruit\s+flies|flies|worms|pigs|dogs"
    r"|rabbits|cells|cell\s+lines)\b", re.IGNORECASE)
GROWN_CELLS = re.compile(
    r"\b(?:grew|grow|grown|growing|cultured|culturing|incubated|infected|exposed|treated|bathed|dosed)\s+(?:\w+\s+){0,4}?cells\b"
    r"|\bcells\s+(?:\w+\s+){0,4}?(?:were|was)\s+(?:grown|cultured|incubated|infected|exposed|treated|bathed)\b", re.IGNORECASE)
_RODENT_SUBJECT = re.compile(r"^\W*(?:(?:the|these|those|all|most|some|both|older?|young(?:er)?|aged|female|male|treated|untreated|obese"
                             r"|diabetic|\w+-fed|\w+ed)\s+){0,3}(?:mice|rats|rodents)\b", re.IGNORECASE)
# what may stand before an animal that is the sentence's subject: "The", "Sleep-deprived", "Older female"
_ANIMAL_SUBJECT = re.compile(r"^\W*(?:(?:the|these|those|all|most|some|both|older?|young(?:er)?|aged|female|male|treated|untreated"
                             r"|\w+-\w+|\w+ed)\s+){0,3}$", re.IGNORECASE)
_MOUSE_STUDY = re.compile(r"\b(?:mouse|rat)\s+(?:model|stud|experiment)", re.IGNORECASE)
_IVF = re.compile(r"\s*fertili[sz]ation|\s*fertili", re.IGNORECASE)


def stands_for_study(t: Term, text: str, offset: int, experiment: bool, context: bool, treated: bool) -> bool:
    """Does this non-human term describe a study here (not "made in a lab", "animal shelters", "IVF")?
    ``treated``: the sentence says what was done to its subjects (see :data:`TREATED`)."""
    if t.kind == "cells" and t.text == "in vitro" and _IVF.match(text, t.end - offset):
        return False
    if t.kind == "lab" and t.text not in _PLACE_ONLY:
        return True  # "an animal study", "a mouse model", "preclinical"
    if t.kind == "cells" and t.text not in _PLACE_ONLY:
        return True  # "cell lines", "in vitro", "a petri dish"
    if t.kind == "rodent" and _RODENT_SUBJECT.match(text):
        return True  # "The rats drank less", "Mice given the extract...": the study's animals
    if t.kind == "rodent":
        if t.end - t.start <= 5 and t.text in ("mice",) and text[t.start - offset : t.end - offset].lower() in ("mouse", "rat"):
            return treated or experiment and bool(_MOUSE_STUDY.search(text))
        return experiment or context
    if t.kind == "animal" and experiment and _ANIMAL_SUBJECT.match(text[: t.start - offset]):
        return True  # "Fruit flies kept awake died earlier, the research found": the study's animals, as its subject
    return treated  # other animals, "in the lab", "cancer cells": only what an experiment does


# lab words that describe a study by themselves ("in vitro", "an animal study"), not just a place ("made in a lab")
_PLACE_ONLY = frozenset({"in the lab", "in a lab", "in the laboratory", "in a laboratory", "cancer cells", "human cells",
                         "stem cells"})


# animals as the hosts or sources of an infection, not an experiment's subjects: viruses that "live only in animals",
# "pass from animals to people", "spread from bats to camels", "a market selling live animals"
_HOST_BEFORE = re.compile(r"\b(?:live|lives|lived|living|found|circulat\w+|originat\w+|jump\w*|spread\w*|spill\w*|came|comes|come|passed"
                          r"|pass|passes|transmitted|carried|harbou?red|hosted|occurs?|infects?|infecting)\s+(?:\w+\s+){0,2}?"
                          r"(?:in|from|to|between|among|by)\s+(?:\w+\s+)?$|\b(?:live|wild|infected|sick|farm|farmed)\s+$", re.IGNORECASE)
_HOST_AFTER = re.compile(r"\s*(?:markets?|to\s+(?:humans|people))\b", re.IGNORECASE)


def hosts(text: str, at: int) -> bool:
    """The animal word at ``at`` names where an infection lives or comes from, not the subjects of an experiment."""
    end = at + len(text[at:].split(None, 1)[0]) if text[at:].strip() else at
    return bool(_HOST_BEFORE.search(text, max(0, at - 60), at) or _HOST_AFTER.match(text, end)) \
        and not GIVEN.search(text, max(0, at - 40), end + 40)  # ("mice infected with the virus": an experiment)
