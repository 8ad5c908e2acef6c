"""One combined pass for hedges, boosters, designs, species, populations and name hints.

Each :class:`~healthlint.analysis.lexicon.Lexicon` scan costs a few microseconds
per sentence whatever it contains, so :func:`scan` runs the lexicons of
:mod:`.cues` and :mod:`.study` as a single alternation (kinds prefixed by
category) and dispatches the matches. Designs come first so that "mouse model"
and "cell lines" are read as designs (the species they name is added).
"""

from __future__ import annotations

from .cues import BOOSTER_ENTRIES, HEDGE_ENTRIES, keep_hedge
from .facts import Cue
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


def scan(text: str, low: str, offset: int = 0) -> tuple[list[Cue], list[Cue], list[Cue], list[Cue], list[Cue], bool]:
    """Return ``(hedges, boosters, designs, species, populations, name_hint)`` for one sentence."""
    hedges: list[Cue] = []
    boosters: list[Cue] = []
    designs: list[Cue] = []
    species: list[Cue] = []
    populations: list[Cue] = []
    gate = False
    for kind, m in FACTS.finditer(low):
        cat, kind = kind[0], kind[1:]
        s, e = m.span()
        if cat == "h":
            if keep_hedge(text, low, s, e):
                hedges.append(Cue(offset + s, offset + e, text[s:e], kind))
        elif cat == "b":
            boosters.append(Cue(offset + s, offset + e, text[s:e], kind))
        elif cat == "s":
            species.append(Cue(offset + s, offset + e, text[s:e], kind))
        elif cat == "p":
            populations.extend(population_cues(kind, text, s, e, offset))
        elif cat == "d":
            cue, sp = design_cues(kind, text, s, e, offset)
            designs.append(cue)
            if sp is not None:
                species.append(sp)
        else:
            gate = True
    return hedges, boosters, designs, species, populations, gate
