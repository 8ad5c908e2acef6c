"""``check: statistics`` — numbers that contradict the words or are mangled.

Reports, once per sentence, the first of:
- extraction damage in statistical notation ("r ¼ 0.58" for "r = 0.58", "Â±");
- impossible values: p > 1, |r| > 1, a share of people over 100%;
- a "negative" correlation with a positive r (or a "positive" one with r < 0);
- "significant" for p > 0.05, or for a confidence interval that includes no
  effect (1 for ratios, 0 for differences).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

import regex

from ..kinds.base import Hit, build_pattern, time_limit
from . import register

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document

NUM = r"[-−–]?\s?\d*\.?\d+"
_R = regex.compile(rf"(?<![\w.])(?:r|rho|ρ|r_s|rs)\s*(?:=|¼)\s*(?P<v>{NUM})", regex.IGNORECASE)
_P = regex.compile(rf"(?<![\w.])p\s*(?P<op>=|¼|<|>|≤|≥|<=|>=)\s*(?P<v>\d*\.?\d+)", regex.IGNORECASE)
_SHARE = regex.compile(
    r"(?<![\w.])(?P<v>\d{3,}(?:\.\d+)?)\s?%\s+of\s+(?:the\s+)?(?:participants|patients|people|subjects|"
    r"respondents|women|men|children|adults|volunteers|the\s+sample)\b",
    regex.IGNORECASE,
)
_NEG = regex.compile(r"\b(?:negative(?:ly)?|inverse(?:ly)?)\s+(?:correlat|associat|relat)", regex.IGNORECASE)
_POS = regex.compile(r"\bpositive(?:ly)?\s+(?:correlat|associat|relat)", regex.IGNORECASE)
_SIG = regex.compile(r"\bsignificant(?:ly)?\b|\bstatistically\s+significant", regex.IGNORECASE)
_NOT_SIG = regex.compile(
    r"\b(?:not|no|non-?|in)\s*(?:statistically\s+)?significan|\bfailed\s+to\s+reach|\btrend|\bmarginal",
    regex.IGNORECASE,
)
_CI = regex.compile(
    rf"(?P<pct>\d{{2}}(?:\.\d)?)\s?%\s*(?:CI|confidence\s+interval)[\s:,=]*\(?\[?\s*(?P<lo>{NUM})\s*"
    rf"(?:,|to|–|—|-(?=\s?\d)|;)\s*(?P<hi>{NUM})",
    regex.IGNORECASE,
)
_RATIO = regex.compile(r"\b(?:OR|RR|HR|IRR|odds\s+ratio|risk\s+ratio|hazard\s+ratio|relative\s+risk)\b")
DEFAULT_MANGLED = [r"(?<![\w.])[rpntF]\s?¼\s?[-−]?\d", r"Â±", r"â€", r"Ã[\x80-\xbf©¨]", r"\d\s?Æ\s?\d"]


def _num(s: str) -> float:
    try:
        return float(s.replace("−", "-").replace("–", "-").replace(" ", ""))
    except ValueError:  # a digit regex knows (newer Unicode tables) but float() does not: no claim
        return float("nan")


def prepare(params: dict[str, Any], where: str, rid: str) -> dict[str, Any]:
    """Compile the (configurable) list of mangled-notation patterns once."""
    patterns = params.get("mangled", DEFAULT_MANGLED)
    return {"mangled": build_pattern({"patterns": patterns}, where, rid, "params.mangled", word_boundary=False)}


@register("statistics")
def check(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
          ) -> Iterator[Hit]:
    text = doc.text
    for s in doc.sentences:
        hit = _problem(text[s.start : s.end], params["mangled"])
        if hit:
            (lo, hi), why = hit
            yield Hit(s.start + lo, s.start + hi, {"problem": why}, message=None)


def _problem(t: str, mangled: regex.Pattern[str]) -> tuple[tuple[int, int], str] | None:
    """The sentence's first problem."""
    m = mangled.search(t, timeout=time_limit(len(t)))
    if m:
        return m.span(), (
            f"statistical notation looks damaged by text extraction ('{m.group(0)}'): "
            "check the source for the symbol ('=', '±', '−') that was lost"
        )
    for m in _P.finditer(t):
        if _num(m["v"]) > 1:
            return m.span(), f"impossible p-value '{m.group(0)}' (p is never above 1)"
    rs = list(_R.finditer(t))
    for m in rs:
        if abs(_num(m["v"])) > 1:
            return m.span(), f"impossible correlation '{m.group(0)}' (|r| is never above 1)"
    for m in _SHARE.finditer(t):
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
        for m in _P.finditer(t):
            v, sign = _num(m["v"]), m["op"]
            if (sign in ("=", "¼", ">", "≥", ">=") and v > 0.05) or (sign in (">", "≥", ">=") and v >= 0.05):
                return sig.span(), f"called '{sig.group(0)}' but '{m.group(0)}' is above the usual 0.05 threshold"
        for m in _CI.finditer(t):
            lo, hi = sorted((_num(m["lo"]), _num(m["hi"])))
            null = 1.0 if _RATIO.search(t) else 0.0
            if lo <= null <= hi:
                return sig.span(), (f"called '{sig.group(0)}' but the confidence interval "
                                    f"{m['lo']} to {m['hi']} includes no effect ({null:g})")
    return None


check.prepare = prepare  # type: ignore[attr-defined]
