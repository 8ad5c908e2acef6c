"""Whether two passages are about the same thing: their content words, crudely stemmed."""

from __future__ import annotations

import re

CONTENT = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset("""about above after again against among because before being below between both could does doing during
each either every from further have having here into itself just more most much must never other over same should since
some such than that their theirs them then there these they this those through under until very were what when where
which while whom will with would your yours also been like only even many people study studies researchers research
found shows showed said says according year years time times group groups result results effect effects risk higher
lower less likely help helps helped helping reduce reduces reduced improve improves improved increase increases
increased
the and for but not you can may its his her our are was had has who how why all any one two six ten new now per via yet too
say see get got use way day own out off set put let did few lot big old men age end top low key far try ago own due non pre
she him they use lab mice rat rats""".split())


def stems(t: str, min_length: int = 3) -> set[str]:
    """The content words of ``t``, each cut to a crude stem (its first four letters)."""
    return {w[:4] for w in (x.lower() for x in re.findall(r"[^\W\d_]{%d,}" % min_length, t)) if w not in _STOP}


def shares_topic(a: str, b: str, min_length: int = 3) -> bool:
    """Two sentences share a content word."""
    return bool(stems(a, min_length) & stems(b, min_length))
