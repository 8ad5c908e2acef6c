"""``check: statistics`` — numbers that contradict the words or are mangled.

Reports, once per sentence (page chrome aside; quoted study text included, since
a wrong number is wrong wherever it stands), the first of:

- extraction damage in statistical notation: "r ¼ 0.58" and "p ¼ 0.003" for "=",
  "Â±" for "±", "0Â·05" for the decimal point "0·05", "â€“" between numbers for
  "–", "âˆ’" for "−", "â‰¤" for "≤", "Ã—" for "×", and the symbol-font glyphs some
  PDFs leave ("p Ͻ 0.05", "Ϫ0.4", "2.1 Ϯ 0.3", "p \\ 0.05", "2.1 Æ 0.4");
- impossible values: p > 1, |r| > 1, a share of people over 100% ("118% of users";
  a change of 200% is not a share);
- a confidence interval that does not hold its own point estimate ("0.72 (95% CI
  0.78 to 0.95)"), or a ratio estimate that sits exactly on a bound ("relative risk
  0.83, 95% CI 0.83 to 0.88");
- a "negative" correlation with a positive r (or a "positive" one with r < 0);
- "significant" for p > 0.05 ("p = 0.08", "p=.12", "p > 0.05"), or for a confidence
  interval that includes no effect (1 for a ratio, 0 for a difference), unless the
  sentence also holds a result that is significant (p < 0.05, an interval excluding
  no effect) or the word is negated ("not significant", "failed to reach
  significance", "a trend towards significance").

p = 0.05 exactly is left alone: reported to two decimals it may be 0.046.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

import regex

from ..kinds.base import Hit, build_pattern, time_limit
from . import register

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document

NUM = r"[-−–]?\s?\d*[.·]?\d+"
# a correlation coefficient: r (lower case: "R = 1.2" is a reproduction number), r(98), rho, Spearman's rho
_R = regex.compile(
    r"(?<![\w.])(?:(?-i:r)(?:\s?\(\s?\d+\s?\))?|rho|ρ|(?-i:r_s|rs)|Pearson['’]s\s+(?-i:r)|Spearman['’]s\s+(?:rho|ρ|(?-i:r)))"
    rf"\s*(?:=|¼)\s*(?P<v>{NUM})"
    rf"|\bcorrelation\s+coefficient(?:\s*\((?-i:r)\))?\s+(?:of|was|=|:)\s*(?P<v>{NUM})",
    regex.IGNORECASE,
)
_P = regex.compile(
    r"(?<![\w.])p(?:[- ]?values?)?\s*(?P<op>=|¼|<|>|≤|≥|<=|>=|⩽|⩾)\s*(?P<v>\d*[.·]?\d+)"
    r"|(?<![\w.])p[- ]?values?\s+(?:of|was|were|is|at)\s+(?P<v>\d*[.·]?\d+)",
    regex.IGNORECASE,
)
_GROUP = (r"(?:participants|patients|people|persons|subjects|respondents|women|men|children|kids|adults|volunteers"
          r"|users|customers|buyers|clients|consumers|members|students|doctors|physicians|nurses|smokers|parents"
          r"|mothers|fathers|americans|britons|residents|employees|workers|readers|those\s+(?:surveyed|asked|tested"
          r"|treated|studied|who)|(?:the\s+)?(?:sample|group|cohort|population|class))")
_SHARE = regex.compile(
    r"(?<![\w.])(?P<v>\d{3,}(?:[.·]\d+)?)\s?(?:%|per\s?cent|percent)\s+of\s+(?:the\s+|all\s+|our\s+|their\s+|these\s+"
    rf"|those\s+|its\s+)?(?:[\w-]+\s+){{0,2}}?{_GROUP}\b(?!['’])",
    regex.IGNORECASE,
)
_NEG = regex.compile(r"\b(?:negative(?:ly)?|inverse(?:ly)?)\s+(?:\w+\s+)?(?:correlat|associat|relat|link)", regex.IGNORECASE)
_POS = regex.compile(r"\bpositive(?:ly)?\s+(?:\w+\s+)?(?:correlat|associat|relat|link)", regex.IGNORECASE)
_SIG = regex.compile(r"\b(?:statistically\s+)?significan(?:t|tly|ce)\b|\bstatistical\s+significance\b", regex.IGNORECASE)
# what before a "significant" takes it back: "not", "non-", "failed to reach", "a trend towards", "clinically"...
_SIG_UNSAID = regex.compile(
    r"(?:\b(?:not|no|nor|never|without|lack\s+of|lacked|lacking|failed\s+to\s+(?:reach|achieve|show)|fell\s+short\s+of"
    r"|did\s*n[o']?t\s+(?:reach|achieve|show)|short\s+of|approach(?:ed|es|ing)?|near(?:ly)?|almost|borderline"
    r"|marginal(?:ly)?|trend(?:ed|ing|s)?\s+(?:toward|towards)|clinically|lost|no\s+longer|neither|whether)\s+"
    r"(?:[\w-]+\s+){0,3}?|\bnon-?\s*)$",
    regex.IGNORECASE,
)
_CI = regex.compile(
    r"(?:(?P<pct>\d{2}(?:[.·]\d+)?)\s?(?:%|per\s?cent|percent)\s*[(\[]?\s*)?"
    r"(?:\b(?-i:CI|C\.I\.|CrI)\b|confidence\s+interval|credible\s+interval)(?:\s*[(\[]\s*(?-i:CI)\s*[)\]])?"
    rf"[\s:,=]*(?:of\s+|was\s+|from\s+)?[(\[]?\s*(?P<lo>{NUM})\s*(?P<lp>%)?\s*(?:,|to|–|—|-(?=\s?[-−]?\d)|;|and)\s*"
    rf"(?P<hi>{NUM})\s*(?P<hp>%)?",
    regex.IGNORECASE,
)
_RATIO = regex.compile(r"\b(?:(?-i:a?OR|a?RR|a?HR|IRR|sHR)|odds\s+ratios?|risk\s+ratios?|hazard\s+ratios?|rate\s+ratios?"
                    r"|relative\s+risks?)\b", regex.IGNORECASE)
_LABEL = regex.compile(r"\b(?:(?-i:a?OR|a?RR|a?HR|IRR|sHR|MD|SMD|WMD)|(?:odds|risk|hazard|rate)\s+ratios?|relative\s+risks?"
                    r"|difference|estimate|effect(?:\s+size)?|coefficient|β|beta|correlation|reduction|increase|change)\b",
                    regex.IGNORECASE)
# "significant" in its everyday sense: "a significant number of", "significant side effects"
_EVERYDAY = regex.compile(r"\s+(?:number|amount|portion|proportion|role|step|part|problem|concern|side[- ]effects?|impact"
                       r"|cost|costs|money|time|minority|majority|share|percentage|challenge|burden|other|others"
                       r"|figure|player|factor|investment|progress|source|contributor)\b", regex.IGNORECASE)
# the point estimate just before an interval: "0.72 (", "relative risk 0.83, ", "by 2.1 days ("
_EST = regex.compile(r"(?P<lead>\b(?:by|of|was|were|is|are)\s+|[=:]\s*)?(?<![\w.·])(?P<est>[-−–]?\d*[.·]?\d+)"
                  r"(?P<unit>\s?(?:%|per\s?cent|percent))?"
                  r"(?P<u2>\s+(?:kg|g|mg|lbs?|pounds|points?|days?|mmHg|mm\s?Hg|cm|mm|hours?|minutes?|units?"
                  r"|mmol/L|nmol/L|mg/dL))?\s*[;,:]?\s*[(\[]?\s*$", regex.IGNORECASE)
_RATIO_WORDS = regex.compile(r"\b(?:less|more)\s+likely\b|\b(?:lower|higher|reduced|increased)\s+(?:\w+\s+)?(?:risk|odds)\b"
                          r"|\bodds\b", regex.IGNORECASE)
_NOT_RATIO = regex.compile(r"\b(?:difference|mean|average|points?|scores?|percentage\s+points?)\b", regex.IGNORECASE)

# Each glyph in both cases (the list runs without IGNORECASE), and patterns that begin alike share
# their beginning, so that a sentence is scanned quickly.
DEFAULT_MANGLED = [
    # between two digits: "0Â·05" and "1â€“3" (the decimal point and an en or em dash read as Latin-1 or
    # Windows-1252), "2Ã—3" (×), "2.1 Æ 0.4" and "2.1 Ϯ 0.3" (± in a symbol font)
    r"\d\s?(?:[Ââ](?:·\s?|€[“”]\s?[-−]?)|[Ãã]—\s?|[Ææ]\s?|[Ϯϯ]\s?)\d",
    r"[Ââ](?:±|ˆ’\s?\.?\d|‰[¤¥]\s?[-−]?\.?\d)",  # "Â±" for ±; the minus sign, ≤ and ≥ read as Windows-1252
    r"[Ϫϫ]\s?\.?\d",  # − in a symbol font
    # "r ¼ 0.58", "p ¼ .003", "OR ¼ 1.2", "n ¼ 40": ¼ for "=" (a font's glyph for "=" read as U+00BC);
    # "p Ͻ 0.05", "p \\ 0.05": < and > in a symbol font
    r"(?<![\w.])(?:(?:[rpntfdzbmRPNTFDZBMβΒϐ]|[rR][hH][oO]|[oOhHrR][rR]|[cC][iIİı]|[sSſ][dDeE]|[dD][fF]|[χΧ]2)"
    r"\s?¼\s?[-−]?\.?\d|[pP]\s?[ϽϾͻͼ\\]\s?0?\.\d)",
]
_FIXES = [("¼", "="), ("Â±", "±"), ("Â·", "·"), ("â€“", "–"), ("â€”", "—"), ("âˆ’", "−"), ("â‰¤", "≤"),
          ("â‰¥", "≥"), ("Ã—", "×"), ("Æ", "±"), ("Ϫ", "−"), ("Ϯ", "±"), ("Ͻ", "<"), ("Ͼ", ">"), ("\\", "<")]
_REST_OF_NUMBER = regex.compile(r"(?<=[\d.·])[\d.·]*\d|\s?(?<=[±Â])\s?[-−]?\d[\d.·]*|")
_NUMBER_BEFORE = regex.compile(r"(?<![\d.·])\d[\d.·]*\s?$")


def _num(s: str) -> float:
    try:
        return float(s.replace("−", "-").replace("–", "-").replace("·", ".").replace(" ", ""))
    except ValueError:  # a digit regex knows (newer Unicode tables) but float() does not: no claim
        return float("nan")


# the built-in patterns, vetted (tests hold them to linear time): Python's own engine, no time-out needed
_DEFAULT_RE = re.compile("|".join(f"(?:{p})" for p in DEFAULT_MANGLED))


def prepare(params: dict[str, Any], where: str, rid: str) -> dict[str, Any]:
    """Compile the (configurable) list of mangled-notation patterns once: a user's own run with a time-out."""
    patterns = params.get("mangled", DEFAULT_MANGLED)
    if patterns == DEFAULT_MANGLED:
        return {"mangled": _DEFAULT_RE}
    return {"mangled": build_pattern({"patterns": patterns}, where, rid, "params.mangled", word_boundary=False)}


@register("statistics")
def check(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
          ) -> Iterator[Hit]:
    mangled = params["mangled"]
    text = doc.text
    blocks = doc.blocks
    for s in doc.sentences:
        if not blocks[s.block].body:
            continue  # page furniture
        hit = _problem(text[s.start : s.end], mangled)
        if hit:
            (lo, hi), why = hit
            yield Hit(s.start + lo, s.start + hi, {"problem": why}, message=None)


_DIGIT = re.compile(r"\d")


def _problem(t: str, mangled: "re.Pattern[str] | regex.Pattern[str]") -> tuple[tuple[int, int], str] | None:
    """The sentence's first problem."""
    m = mangled.search(t) if isinstance(mangled, re.Pattern) else mangled.search(t, timeout=time_limit(len(t)))
    if m:
        end = m.end() + len(_REST_OF_NUMBER.match(t, m.end()).group(0))  # the whole number
        before = _NUMBER_BEFORE.search(t, max(0, m.start() - 12), m.start())
        start = before.start() if before else m.start()
        seen = t[start:end]
        fixed = seen
        for bad, good in _FIXES:
            fixed = fixed.replace(bad, good)
        if fixed != seen:
            return (start, end), (f"statistical notation damaged by text extraction: '{seen}' should probably read "
                                  f"'{fixed}'; check the source and restore the symbol")
        return (start, end), (f"statistical notation looks damaged by text extraction: '{seen}'; check the source "
                              "and restore the symbol that was lost ('=', '±', '−', '<')")
    if _DIGIT.search(t) is None:
        return None  # every other problem is in a number: a p-value, a correlation, a share, an interval
    ps = list(_P.finditer(t))
    for m in ps:
        if _num(m["v"]) > 1:
            return m.span(), f"impossible p-value '{m.group(0)}' (p is never above 1): check the source"
    rs = list(_R.finditer(t))
    for m in rs:
        if abs(_num(m["v"])) > 1:
            return m.span(), f"impossible correlation '{m.group(0)}' (|r| is never above 1): check the source"
    for m in _SHARE.finditer(t):
        if _num(m["v"]) > 100:
            return m.span(), (f"impossible share '{m.group(0)}': no more than 100% of a group can do or have "
                              "something; check the figure (a rise of 200% is a change, not a share)")
    found = list(_CI.finditer(t))
    seen = _Seen(t) if found else None
    cis = [(m, *_interval(t, m, seen)) for m in found]
    for m, est, lo, hi, ratio in cis:
        if est is None:
            continue
        v, shown = est
        if v < lo or v > hi:
            return (shown[0], m.end()), (
                f"the estimate {t[shown[0]:shown[1]]} lies outside its own confidence interval ({m['lo']} to "
                f"{m['hi']}): an interval always holds its estimate, so one of the numbers is wrong; check the source")
        if ratio and lo < hi and (v == lo or v == hi) and "." in t[shown[0]:shown[1]]:
            return (shown[0], m.end()), (
                f"the estimate {t[shown[0]:shown[1]]} sits exactly on a bound of its confidence interval "
                f"({m['lo']} to {m['hi']}): a ratio's estimate lies inside its interval, so a figure was probably "
                "mistyped; check the source")
    if rs:
        neg, pos = _NEG.search(t), _POS.search(t)
        values = [_num(m["v"]) for m in rs]
        if neg and not pos and all(v > 0 for v in values):
            return neg.span(), (f"says '{neg.group(0)}…' but reports a positive coefficient '{rs[0].group(0)}': "
                                "the sign or the wording is wrong")
        if pos and not neg and all(v < 0 for v in values):
            return pos.span(), (f"says '{pos.group(0)}…' but reports a negative coefficient '{rs[0].group(0)}': "
                                "the sign or the wording is wrong")
    if not (ps or cis):
        return None
    said = [s for s in _SIG.finditer(t) if not _EVERYDAY.match(t, s.end())]  # "a significant number" is not a test
    if not said or any(_SIG_UNSAID.search(t, max(0, s.start() - 40), s.start()) for s in said):
        return None  # no claim of significance, or one that is taken back: which result it is about is unclear
    sig = said[0]
    above = []
    for m in ps:
        v, sign = _num(m["v"]), m["op"] or "="
        if sign in ("<", "≤", "<=", "⩽") and v <= 0.05 or sign in ("=", "¼") and v < 0.05:
            return None  # a significant result is reported too: the word may be about that one
        if sign in ("=", "¼") and v > 0.05 or sign in (">", "≥", ">=", "⩾") and v >= 0.05:
            above.append(m)
    crossing = []
    for m, _est, lo, hi, ratio in cis:
        null = 1.0 if ratio else 0.0
        if not lo < null < hi:
            if not (lo == null or hi == null):
                return None  # an interval that excludes no effect
            continue
        crossing.append((m, null))
    if above:
        m = above[0]
        return sig.span(), (f"called '{sig.group(0)}' but '{m.group(0)}' is not below the usual 0.05 threshold: "
                            "say the result was not statistically significant, or check the p-value")
    if crossing:
        m, null = crossing[0]
        what = "a ratio of 1" if null == 1 else "a difference of 0"
        return sig.span(), (f"called '{sig.group(0)}' but the confidence interval {m['lo']} to {m['hi']} includes "
                            f"no effect ({what}): say the result was not statistically significant, or check the "
                            "interval")
    return None


class _Seen:
    """What a sentence says once, whatever the number of intervals in it: where its first ratio and
    label end, and whether it speaks of ratios at all."""

    def __init__(self, t: str) -> None:
        self.ratio_end = min((r.end() for r in _RATIO.finditer(t)), default=len(t) + 1)
        self.label_end = min((x.end() for x in _LABEL.finditer(t)), default=len(t) + 1)
        self.ratio_words = bool(_RATIO_WORDS.search(t)) and not _NOT_RATIO.search(t)


def _interval(t: str, m: Any, seen: _Seen) -> tuple[tuple[float, tuple[int, int]] | None, float, float, bool]:
    """(the point estimate before the interval ``m`` and its span, or None; low; high; is it a ratio's?)."""
    lo, hi = sorted((_num(m["lo"]), _num(m["hi"])))
    before = t[max(0, m.start() - 120) : m.start()]
    ratio = seen.ratio_end <= m.start() or _RATIO.search(t, m.start(), m.start() + 40) is not None
    if not ratio and not (m["lp"] or m["hp"]) and 0 < lo and hi < 10 and "." in m["lo"] + m["hi"] and seen.ratio_words:
        ratio = True  # "significantly less likely (0.88, 95% CI 0.74-1.05)": a ratio's interval
    e = _EST.search(before)
    if e is None:
        return None, lo, hi, ratio
    shift = m.start() - len(before)
    span = (shift + e.start("est"), shift + e.end("est"))
    est_text = e["est"]
    v = _num(est_text)
    has_pct = e["unit"] is not None
    if has_pct != bool(m["lp"] or m["hp"]):
        return None, lo, hi, ratio  # "18% lower (HR 0.82, ...)": the percentage and the interval are on other scales
    if e["u2"] is not None and e["lead"] is None:
        return None, lo, hi, ratio  # "at 12 months (95% CI ...)": a number with a unit is an estimate only after "by", "of"
    if e["u2"] is None and not has_pct and seen.label_end > m.start():
        return None, lo, hi, ratio  # a bare number with nothing saying what it estimates
    if "." not in est_text and 1900 <= v <= 2100:
        return None, lo, hi, ratio  # a year
    return (v, span), lo, hi, ratio


check.prepare = prepare  # type: ignore[attr-defined]
