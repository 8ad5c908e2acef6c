"""``--format html``: one self-contained page an editor would rather read than a terminal.

The page has no external assets (inline CSS and JavaScript, system fonts) and works
offline. It shows a summary by rule and by file (counts and bars), then each article's
text with the flagged words highlighted by severity and, under the line where a finding
ends, a card with its message, the evidence it rests on (linked to that line) and the
rule's explanation (``healthlint explain``) to open on click. Checkboxes filter findings
and highlights by rule and by severity.

The report needs the articles' text: it reads each file with findings again, decoded
as the linter decoded it, so columns match. A file that cannot be read again (standard
input, a file deleted since) shows its findings without text.

Everything that comes from articles, messages, paths and rule packs is HTML-escaped;
control characters, bidi overrides and lone surrogates are shown as visible escapes.
Element ids are made from counters, never from paths or rule ids.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html import escape
from typing import Any, TextIO

from . import ruledoc
from .findings import SEVERITIES, SORT_KEY, Finding, RunResult
from .html_assets import CSS, JS

ORDER = ("error", "warning", "info")
RANK = {s: i for i, s in enumerate(SEVERITIES)}  # info 0 < warning 1 < error 2
_BREAK = re.compile(r"\r\n|\r|\n")
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")


def _code(ch: str) -> str:
    cp = ord(ch)
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def esc(s: str) -> str:
    """Text for element content: escaped, control characters shown as visible escapes."""
    s = escape(str(s), quote=True)
    if s.isprintable() and "\t" not in s:
        return s
    return _UNSAFE.sub(lambda m: f'<span class="ctl">{_code(m.group())}</span>', s)


def attr(s: str) -> str:
    """Text for an attribute value (always written between double quotes)."""
    return _UNSAFE.sub(lambda m: _code(m.group()), escape(str(s), quote=True))


def source_text(path: str) -> str | None:
    """The text of ``path`` as the linter read it (same decoding, so columns match), or None."""
    if not path or path == "-":
        return None
    from ..read.decode import ReadError, decode_bytes, read_bytes

    try:
        return decode_bytes(read_bytes(path), path)[0]
    except (ReadError, OSError, ValueError):
        return None


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def bounds(self, i: int) -> tuple[int, int]:
        """Offsets of the content of 0-based line ``i`` (without its line break)."""
        lo = self.starts[i]
        hi = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        while hi > lo and self.text[hi - 1] in "\r\n":
            hi -= 1
        return lo, hi

    def offset(self, line: int, column: int) -> int | None:
        """The offset of a 1-based (line, column); None when it is not in the text."""
        if not 1 <= line <= len(self.starts):
            return None
        lo, hi = self.bounds(line - 1)
        return max(lo, min(lo + column - 1, hi))

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


class _Item:
    """A finding on the page: its id, span (offsets, when known) and evidence spans."""

    __slots__ = ("fid", "f", "lo", "hi", "evidence", "whole")

    def __init__(self, fid: str, f: Finding, whole: bool) -> None:
        self.fid, self.f, self.whole = fid, f, whole
        self.lo: int | None = None
        self.hi: int | None = None
        self.evidence: list[tuple[int, int]] = []


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:  # noqa: ARG001 - the reporters' signature
    rules = run.rules or {}
    files = run.files
    findings = run.findings
    by_rule: dict[str, list[str]] = {}  # rule id -> the severities of its findings
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f.severity)
    rule_ids = sorted(by_rule, key=lambda r: (-len(by_rule[r]), r))
    rule_index = {rid: i + 1 for i, rid in enumerate(rule_ids)}
    out.write(_head(run))
    out.write(_summary(run, by_rule, rule_ids, rule_index))
    out.write('<main id="articles">\n')
    n = 0
    for fr in files:
        if not fr.findings and not fr.error and not fr.notices:
            continue
        n += 1
        out.write(_article(fr, n, rules, rule_index))
    if n == 0:
        out.write('<p class="empty">No findings.</p>\n')
    out.write("</main>\n")
    out.write(_rule_docs(rule_ids, rule_index, rules))
    out.write(f"<script>{JS}</script>\n</body>\n</html>\n")


# --- page parts --------------------------------------------------------------------------

def _head(run: RunResult) -> str:
    s = run.summary()
    title = f"healthlint report: {s['findings']} finding{'s' if s['findings'] != 1 else ''}"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
    )


def _bar(count: int, top: int, cls: str) -> str:
    pct = 100.0 * count / top if top else 0.0
    return f'<span class="bar {cls}" style="width:{pct:.1f}%"></span>'


def _summary(run: RunResult, by_rule: dict[str, list[str]], rule_ids: list[str], rule_index: dict[str, int]) -> str:
    s = run.summary()
    by_sev = s["by_severity"]
    version = f" {esc(run.tool_version)}" if run.tool_version else ""
    files_checked = s["files"] - s["files_skipped"]
    parts = [
        '<header class="top">',
        f'<h1>healthlint report</h1><p class="sub">healthlint{version} · {files_checked} '
        f'file{"s" if files_checked != 1 else ""} checked'
        + (f", {s['files_skipped']} skipped" if s["files_skipped"] else "")
        + f' · {s["files_with_findings"]} with findings</p>',
        '<div class="totals">',
    ]
    for sev in ORDER:
        parts.append(f'<span class="total sev-{sev}"><b>{by_sev.get(sev, 0)}</b> {sev}</span>')
    parts.append("</div></header>")
    # filters
    parts.append('<nav class="filters" aria-label="filters"><span class="flabel">Severity</span>')
    for sev in ORDER:
        parts.append(f'<label class="chip sev-{sev}"><input type="checkbox" class="f-sev" value="{sev}" checked> '
                     f'{sev} <span class="n">{by_sev.get(sev, 0)}</span></label>')
    parts.append('<span class="flabel">Rule</span>')
    counts = {rid: len(by_rule[rid]) for rid in rule_ids}
    for rid in rule_ids:
        parts.append(f'<label class="chip rule"><input type="checkbox" class="f-rule" value="{attr(rid)}" '
                     f'checked> {esc(rid)} <span class="n">{counts[rid]}</span></label>')
    parts.append('<button type="button" id="f-all">all</button><button type="button" id="f-none">none</button>'
                 '<span id="f-shown" class="shown"></span></nav>')
    # by rule
    parts.append('<section class="summary"><div class="card-s"><h2>By rule</h2><table class="chart">'
                 "<thead><tr><th>rule</th><th>category</th><th class=\"num\">findings</th><th></th></tr></thead><tbody>")
    top = max(counts.values(), default=0)
    for rid in rule_ids:
        sevs = by_rule[rid]
        main = max(set(sevs), key=lambda x: (sevs.count(x), RANK.get(x, 0)))  # its most common severity
        rule = run.rules.get(rid)
        category = getattr(rule, "category", "") if rule is not None else ""
        parts.append(f'<tr data-rule="{attr(rid)}"><td><a href="#doc-r{rule_index[rid]}" class="rid">{esc(rid)}</a></td>'
                     f'<td class="cat">{esc(category)}</td><td class="num">{counts[rid]}</td>'
                     f'<td class="barcell">{_bar(counts[rid], top, "sev-" + main)}</td></tr>')
    if not rule_ids:
        parts.append('<tr><td colspan="4" class="empty">No findings.</td></tr>')
    parts.append("</tbody></table></div>")
    # by file
    parts.append('<div class="card-s"><h2>By file</h2><table class="chart"><thead><tr><th>file</th>'
                 + "".join(f'<th class="num">{sev}</th>' for sev in ORDER)
                 + "<th></th></tr></thead><tbody>")
    top = max((len(fr.findings) for fr in run.files), default=0)
    n = 0
    for fr in run.files:
        sev_counts = {sev: 0 for sev in ORDER}
        for f in fr.findings:
            sev_counts[f.severity] = sev_counts.get(f.severity, 0) + 1
        shown = fr.findings or fr.error or fr.notices
        if shown:
            n += 1
        name = (f'<a href="#a{n}">{esc(fr.path)}</a>' if shown else esc(fr.path))
        if fr.error:
            name += f' <span class="note">({esc(fr.error)})</span>'
        stack = "".join(_bar(sev_counts[sev], top, "sev-" + sev) for sev in ORDER)
        parts.append(f"<tr><td class=\"file\">{name}</td>"
                     + "".join(f'<td class="num">{sev_counts[sev] or ""}</td>' for sev in ORDER)
                     + f'<td class="barcell"><span class="stack">{stack}</span></td></tr>')
    parts.append("</tbody></table></div></section>\n")
    return "".join(parts)


def _article(fr: Any, n: int, rules: dict[str, Any], rule_index: dict[str, int]) -> str:
    aid = f"a{n}"
    ordered = sorted(fr.findings, key=SORT_KEY)
    items = [_Item(f"{aid}f{i + 1}", f, bool(getattr(rules.get(f.rule), "document_level", False)))
             for i, f in enumerate(ordered)]
    text = source_text(fr.path) if fr.findings else None
    lines = _Lines(text) if text is not None else None
    if lines is not None:
        for it in items:
            f = it.f
            if not it.whole:
                lo, hi = lines.offset(f.line, f.column), lines.offset(f.end_line, f.end_column)
                if lo is not None and hi is not None and hi > lo:
                    it.lo, it.hi = lo, hi
            for r in f.related:
                lo, hi = lines.offset(r.line, r.column), lines.offset(r.end_line, r.end_column)
                if lo is not None and hi is not None and hi > lo:
                    it.evidence.append((lo, hi))
    counts = {sev: sum(1 for f in fr.findings if f.severity == sev) for sev in ORDER}
    head = "".join(f'<span class="total sev-{sev}"><b>{counts[sev]}</b> {sev}</span>' for sev in ORDER if counts[sev])
    parts = [f'<section class="article" id="{aid}"><h2><span class="path">{esc(fr.path)}</span> {head}</h2>']
    if fr.error:
        parts.append(f'<p class="note">{esc(fr.error)}</p>')
    for notice in fr.notices:
        parts.append(f'<p class="note">{esc(notice)}</p>')
    whole = [it for it in items if it.whole or it.lo is None]
    if whole:
        parts.append('<div class="whole"><h3>About the whole article</h3>' if lines is not None
                     else '<div class="whole"><h3>Findings (the text could not be read again)</h3>')
        parts.extend(_card(it, aid, lines, rule_index) for it in whole)
        parts.append("</div>")
    if lines is not None:
        parts.append(_text(aid, lines, [it for it in items if it.lo is not None], items, rule_index))
    parts.append("</section>\n")
    return "".join(parts)


def _text(aid: str, lines: _Lines, spans: list[_Item], items: list[_Item], rule_index: dict[str, int]) -> str:
    """The article's lines with highlights, and each finding's card under its last line."""
    text = lines.text
    nlines = len(lines.starts)
    if nlines > 1 and lines.starts[-1] == len(text):
        nlines -= 1  # the text ends with a line break: no empty line after it
    by_line: dict[int, list[_Item]] = {}
    cards_after: dict[int, list[_Item]] = {}
    for it in spans:
        assert it.lo is not None and it.hi is not None
        first, last = lines.line_of(it.lo), lines.line_of(it.hi - 1)
        for i in range(first, last + 1):
            by_line.setdefault(i, []).append(it)
        cards_after.setdefault(last, []).append(it)
    ev_line: dict[int, list[tuple[int, int, _Item]]] = {}
    for it in items:
        for lo, hi in it.evidence:
            for i in range(lines.line_of(lo), lines.line_of(hi - 1) + 1):
                ev_line.setdefault(i, []).append((lo, hi, it))
    out = ['<div class="text">']
    for i in range(nlines):
        lo, hi = lines.bounds(i)
        marks, evs = by_line.get(i, []), ev_line.get(i, [])
        cls = ' class="ln flagged"' if marks else ' class="ln"'
        out.append(f'<div{cls} id="{aid}-L{i + 1}"><a class="no" href="#{aid}-L{i + 1}">{i + 1}</a><span class="tx">')
        if not marks and not evs:
            out.append(esc(text[lo:hi]))
        else:
            cuts = {lo, hi}
            for it in marks:
                cuts.update(x for x in (it.lo, it.hi) if lo < x < hi)  # type: ignore[operator]
            for a, b, _ in evs:
                cuts.update(x for x in (a, b) if lo < x < hi)
            pts = sorted(cuts)
            for a, b in zip(pts, pts[1:]):
                piece = esc(text[a:b])
                cover = [it for it in marks if it.lo <= a and it.hi >= b]  # type: ignore[operator]
                cited = [it for (x, y, it) in evs if x <= a and y >= b]
                if cited:
                    ids = " ".join(it.fid for it in cited)
                    piece = f'<span class="ev" data-e="{ids}">{piece}</span>'
                if cover:
                    top = max(cover, key=lambda it: RANK.get(it.f.severity, 0)).f.severity
                    ids = " ".join(it.fid for it in cover)
                    tip = attr(" · ".join(f"{it.f.rule}: {it.f.message}" for it in cover))
                    piece = f'<mark class="hl sev-{top}" data-f="{ids}" title="{tip}">{piece}</mark>'
                out.append(piece)
        out.append("</span></div>")
        if i in cards_after:
            out.append('<div class="cards">')
            out.extend(_card(it, aid, lines, rule_index) for it in cards_after[i])
            out.append("</div>")
    out.append("</div>")
    return "".join(out)


def _card(it: _Item, aid: str, lines: _Lines | None, rule_index: dict[str, int]) -> str:
    f = it.f
    where = f"{f.line}:{f.column}"
    loc = (f'<a class="loc" href="#{aid}-L{f.line}">{where}</a>' if lines is not None and not it.whole
           else f'<span class="loc">{where}</span>')
    parts = [f'<div class="finding sev-{attr(f.severity)}" id="{it.fid}" data-rule="{attr(f.rule)}" '
             f'data-sev="{attr(f.severity)}">',
             f'<div class="fh"><span class="sev">{esc(f.severity)}</span> <span class="rid">{esc(f.rule)}</span> {loc}</div>',
             f'<p class="msg">{esc(f.message)}</p>']
    if f.related:
        parts.append('<ul class="evidence">')
        for r in f.related:
            excerpt = ""
            if lines is not None:
                lo, hi = lines.offset(r.line, r.column), lines.offset(r.end_line, r.end_column)
                if lo is not None and hi is not None and hi > lo:
                    quote = " ".join(lines.text[lo:hi].split())
                    excerpt = f' <q>{esc(quote[:120] + ("…" if len(quote) > 120 else ""))}</q>'
            target = (f'<a href="#{aid}-L{r.line}">line {r.line}</a>' if lines is not None
                      else f"line {r.line}")
            parts.append(f"<li><span class=\"elabel\">Evidence</span> {esc(r.message)}: {target}{excerpt}</li>")
        parts.append("</ul>")
    k = rule_index.get(f.rule)
    if k is not None:
        parts.append(f'<details class="explain" data-doc="doc-r{k}"><summary>Why is this flagged? '
                     f'About <code>{esc(f.rule)}</code></summary><div class="doc"></div></details>')
    parts.append("</div>")
    return "".join(parts)


def _rule_docs(rule_ids: list[str], rule_index: dict[str, int], rules: dict[str, Any]) -> str:
    if not rule_ids:
        return ""
    parts = ['<section class="rules"><h2>The rules in this report</h2>']
    for rid in rule_ids:
        rule = rules.get(rid)
        body = ruledoc.html(rule) if rule is not None else f"<p>{esc(rid)}</p>"
        parts.append(f'<details class="ruledoc" id="doc-r{rule_index[rid]}"><summary><code>{esc(rid)}</code>'
                     f'{" — " + esc(rule.one_line()) if rule is not None and hasattr(rule, "one_line") else ""}'
                     f'</summary><div class="doc">{body}</div></details>')
    parts.append("</section>\n")
    return "".join(parts)
