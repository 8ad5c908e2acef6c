"""``check: statistics`` — numbers that contradict the words or are mangled.

Reports, once per sentence, the first of:
- extraction damage in statistical notation ("r ¼ 0.58" for "r = 0.58", "Â±");
- impossible values: p > 1, |r| > 1, a share of people over 100%;
- a "negative" correlation with a positive r (or a "positive" one with r < 0);
- "significant" for p > 0.05, or for a confidence interval that includes no
  effect (1 for ratios, 0 for differences).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from .. import rx

from ..kinds.base import Hit, build_pattern, time_limit
from . import register

if TYPE_CHECKING:
    import regex
    from ..document import Document

NUM = r"[-−–]?\s?\d*\.?\d+"
_R = rx.compile(rf"(?<![\w.])(?:r|rho|ρ|r_s|rs)\s*(?:=|¼)\s*(?P<v>{NUM})", rx.IGNORECASE)
_P = rx.compile(rf"(?<![\w.])p\s*(?P<op>=|¼|<|>|≤|≥|<=|>=)\s*(?P<v>\d*\.?\d+)", rx.IGNORECASE)
_SHARE = rx.compile(
    r"(?<![\w.])(?P<v>\d{3,}(?:\.\d+)?)\s?%\s+of\s+(?:the\s+)?(?:participants|patients|people|subjects|"
    r"respondents|women|men|children|adults|volunteers|the\s+sample)\b",
    rx.IGNORECASE,
)
_NEG = rx.compile(r"\b(?:negative(?:ly)?|inverse(?:ly)?)\s+(?:correlat|associat|relat)", rx.IGNORECASE)
_POS = rx.compile(r"\bpositive(?:ly)?\s+(?:correlat|associat|relat)", rx.IGNORECASE)
_SIG = rx.compile(r"\bsignificant(?:ly)?\b|\bstatistically\s+significant", rx.IGNORECASE)
_NOT_SIG = rx.compile(
    r"\b(?:not|no|non-?|in)\s*(?:statistically\s+)?significan|\bfailed\s+to\s+reach|\btrend|\bmarginal",
    rx.IGNORECASE,
)
_CI = rx.compile(
    rf"(?P<pct>\d{{2}}(?:\.\d)?)\s?%\s*(?:CI|confidence\s+interval)[\s:,=]*\(?\[?\s*(?P<lo>{NUM})\s*"
    rf"(?:,|to|–|—|-(?=\s?\d)|;)\s*(?P<hi>{NUM})",
    rx.IGNORECASE,
)
_RATIO = rx.compile(r"\b(?:OR|RR|HR|IRR|odds\s+ratio|risk\s+ratio|hazard\s+ratio|relative\s+risk)\b")
_MAYBE = rx.compile(r"\d|Â|â|Ã")  # sentences without a digit or mojibake cannot have a problem
DEFAULT_MANGLED = [r"(?<![\w.])[rpntF]\s?¼\s?[-−]?\d", r"Â±", r"â€", r"Ã[\x80-\xbf©¨]", r"\d\s?Æ\s?\d"]
# Every match of the default mangled patterns holds one of these (their case variants included).
_MANGLED_HINT = re.compile("[¼ÂâÃãÆæ]")
_OP = re.compile("[=¼<>≤≥]")  # every _P and _R match holds one; every _SHARE and _CI match holds "%"
# With the default mangled patterns, a sentence without one of these has no problem (see _problem).
_WORTH = re.compile("[=¼<>≤≥%" + _MANGLED_HINT.pattern[1:-1] + "]")


def _num(s: str) -> float:
    try:
        return float(s.replace("−", "-").replace("–", "-").replace(" ", ""))
    except ValueError:  # a digit regex knows (newer Unicode tables) but float() does not: no claim
        return float("nan")


def prepare(params: dict[str, Any], where: str, rid: str) -> dict[str, Any]:
    """Compile the (configurable) list of mangled-notation patterns once."""
    patterns = params.get("mangled", DEFAULT_MANGLED)
    return {"mangled": build_pattern({"patterns": patterns}, where, rid, "params.mangled", word_boundary=False),
            "hint": _MANGLED_HINT if patterns == DEFAULT_MANGLED else None}


@register("statistics")
def check(doc: "Document", params: dict[str, Any], options: dict[str, Any]) -> Iterator[Hit]:
    mangled = params["mangled"]
    hint = params.get("hint")
    text = doc.text
    for s in _worth_a_look(doc) if hint is not None else doc.sentences:
        if _MAYBE.search(text, s.start, s.end) is None:
            continue
        t = text[s.start : s.end]
        hit = _problem(t, mangled, hint)
        if hit:
            (lo, hi), why = hit
            yield Hit(s.start + lo, s.start + hi, {"problem": why}, message=None)


def _worth_a_look(doc: "Document") -> Iterator[Any]:
    """The sentences holding a character of :data:`_WORTH`, in order (one scan of the text)."""
    last = -1
    for m in _WORTH.finditer(doc.text):
        s = doc.sentence_at(m.start())
        if s is not None and s.index != last:
            last = s.index
            yield s


def _problem(t: str, mangled: regex.Pattern[str], hint: re.Pattern[str] | None = None,
             ) -> tuple[tuple[int, int], str] | None:
    """The sentence's first problem; ``hint``: a pattern every ``mangled`` match holds a match of.

    Patterns are skipped when the characters each of their matches needs are absent.
    """
    m = mangled.search(t, timeout=time_limit(len(t))) if hint is None or hint.search(t) else None
    if m:
        return m.span(), (
            f"statistical notation looks damaged by text extraction ('{m.group(0)}'): "
            "check the source for the symbol ('=', '±', '−') that was lost"
        )
    op, pct = _OP.search(t) is not None, "%" in t
    if not (op or pct):
        return None
    for m in _P.finditer(t) if op else ():
        if _num(m["v"]) > 1:
            return m.span(), f"impossible p-value '{m.group(0)}' (p is never above 1)"
    rs = list(_R.finditer(t)) if op else []
    for m in rs:
        if abs(_num(m["v"])) > 1:
            return m.span(), f"impossible correlation '{m.group(0)}' (|r| is never above 1)"
    for m in _SHARE.finditer(t) if pct else ():
        if _num(m["v"]) > 100:
            return m.span(), f"impossible share '{m.group(0)}' (over 100% of a group)"
    neg, pos = (_NEG.search(t), _POS.search(t)) if rs else (None, None)
    for m in rs:
        v = _num(m["v"])
        if neg and v > 0 and not pos:
            return neg.span(), (f"says '{neg.group(0)}…' but reports a positive coefficient '{m.group(0)}': "
                                "the sign or the wording is wrong")
        if pos and v < 0 and not neg:
            return pos.span(), (f"says '{pos.group(0)}…' but reports a negative coefficient '{m.group(0)}': "
                                "the sign or the wording is wrong")
    sig = _SIG.search(t)
    if sig and not _NOT_SIG.search(t):
        for m in _P.finditer(t) if op else ():
            v, sign = _num(m["v"]), m["op"]
            if (sign in ("=", "¼", ">", "≥", ">=") and v > 0.05) or (sign in (">", "≥", ">=") and v >= 0.05):
                return sig.span(), f"called '{sig.group(0)}' but '{m.group(0)}' is above the usual 0.05 threshold"
        for m in _CI.finditer(t) if pct else ():
            lo, hi = sorted((_num(m["lo"]), _num(m["hi"])))
            null = 1.0 if _RATIO.search(t) else 0.0
            if lo <= null <= hi:
                return sig.span(), (f"called '{sig.group(0)}' but the confidence interval "
                                    f"{m['lo']} to {m['hi']} includes no effect ({null:g})")
    return None


check.prepare = prepare  # type: ignore[attr-defined]


check.part_safe = True  # type: ignore[attr-defined]  # sentence by sentence

from . import risk as _risk  # noqa: E402,F401  (registers ``check: relative-risk``; loaded with the built-in checks)
