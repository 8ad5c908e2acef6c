"""One combined pass for hedges, boosters, designs, species, populations and name hints.

Each :class:`~healthlint.analyse.lexicon.Lexicon` scan costs a few microseconds
per sentence whatever it contains, so :func:`scan` runs the lexicons of
:mod:`.cues` and :mod:`.study` as a single alternation (kinds prefixed by
category) and dispatches the matches. Designs come first so that "mouse model"
and "cell lines" are read as designs (the species they name is added).
"""

from __future__ import annotations

from collections.abc import Sequence
from sys import intern

from .cues import BOOSTER_ENTRIES, HEDGE_ENTRIES, keep_hedge
from .facts import Cue, Cues
from .lexicon import Lexicon
from .study import (DESIGN_ENTRIES, GATE_ENTRIES, POPULATION_ENTRIES, SPECIES_ENTRIES, design_cues,
                    population_cues)

FACTS = Lexicon(
    [("d" + k, p) for k, p in DESIGN_ENTRIES]
    + [("p" + k, p) for k, p in POPULATION_ENTRIES]
    + [("s" + k, p) for k, p in SPECIES_ENTRIES]
    + [("b" + k, p) for k, p in BOOSTER_ENTRIES]
    + [("h" + k, p) for k, p in HEDGE_ENTRIES]
    + [("g" + k, p) for k, p in GATE_ENTRIES]
)


# group name -> (category, kind); the kinds are shared strings, not one slice per cue
CATEGORY_KIND = {name: (k[0], intern(k[1:])) for name, k in FACTS.kinds.items()}


def fact_hits(low: str) -> list[tuple[str, int, int]]:
    """``(group name, start, end)`` of every :data:`FACTS` match in ``low``."""
    return [(m.lastgroup, m.start(), m.end()) for m in FACTS.regex.finditer(low)]  # type: ignore[misc]


def scan(text: str, low: str, offset: int = 0, hits: Sequence[tuple[str, int, int]] | None = None,
         ) -> tuple[Cues, Cues, Cues, Cues, Cues, bool]:
    """Return ``(hedges, boosters, designs, species, populations, name_hint)`` for one sentence.

    ``hits``: :func:`fact_hits` of ``low`` when the caller already has them.
    """
    if hits is None:
        hits = fact_hits(low)
    if not hits:
        return (), (), (), (), (), False
    hedges: list[Cue] = []
    boosters: list[Cue] = []
    designs: list[Cue] = []
    species: list[Cue] = []
    populations: list[Cue] = []
    gate = False
    for name, s, e in hits:
        cat, kind = CATEGORY_KIND[name]
        if cat == "h":
            if keep_hedge(text, low, s, e):
                hedges.append(Cue(offset + s, offset + e, intern(text[s:e]), kind))
        elif cat == "b":
            boosters.append(Cue(offset + s, offset + e, intern(text[s:e]), kind))
        elif cat == "s":
            species.append(Cue(offset + s, offset + e, intern(text[s:e]), kind))
        elif cat == "p":
            populations.extend(population_cues(kind, text, s, e, offset))
        elif cat == "d":
            cue, sp = design_cues(kind, text, s, e, offset)
            designs.append(cue)
            if sp is not None:
                species.append(sp)
        else:
            gate = True
    return tuple(hedges), tuple(boosters), tuple(designs), tuple(species), tuple(populations), gate  # () is shared
