"""Edits an editor can apply to a finding: safe fixes, and suppression directives.

A *safe fix* changes only what the finding flags, and only when the flagged text is
exactly a shape whose correction is certain. Today that is damaged statistical
notation (``stat-inconsistency``): PDF extraction turns ``=`` into ``¼`` ("r ¼ 0.58"
is "r = 0.58") and UTF-8 ``±`` read as Latin-1 into ``Â±``. Anything else
(a sign, a word) needs the writer's judgement and gets no fix.

A *suppression* inserts ``healthlint-disable-next-line RULE`` above the finding's
line (a comment in Markdown and HTML, a line of its own in plain text; an existing
directive right above gains the rule). Findings about the whole document (reported
on line 1) are switched off for the file instead: ``healthlint: {disable: [RULE]}``
in YAML front matter, else a ``healthlint-disable RULE`` directive on the first line.

Offsets are into the text the finding was computed on; :class:`.positions.TextLines`
turns them into editor positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .positions import TextLines


@dataclass
class Edit:
    start: int
    end: int
    new_text: str


@dataclass
class Fix:
    title: str
    edits: list[Edit] = field(default_factory=list)
    kind: str = "quickfix"
    preferred: bool = False


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied."""
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: e.start] + e.new_text + text[e.end :]
    return text


# --- safe fixes ---------------------------------------------------------------------

_EQUALS_AS_QUARTER = re.compile(r"[rpntF]\s?(¼)\s?[-−]?\d(?:[\d.]*\d)?")  # what the statistics check flags
_NUMBER_REST = re.compile(r"[\d.]*\d|")  # the rest of the number it flags the first digit of
_PLUS_MINUS = re.compile(r"[\w.,%\s−-]*?(Â±)[\w.,%\s−-]*")  # "Â±", or the measure around it


def _stat_notation(text: str, start: int, end: int) -> Fix | None:
    """The fix when the flagged span is exactly damaged notation: ``r ¼ 0`` (or all of ``r ¼ 0.58``),
    ``Â±`` (or the measure around it, ``4.1 Â± 0.3``); nothing else is touched."""
    flagged = text[start:end]
    m = _EQUALS_AS_QUARTER.fullmatch(flagged)
    if m is not None:
        at = start + m.start(1)
        shown = flagged + _NUMBER_REST.match(text, end).group(0)
        return Fix(f"Replace '¼' with '=' ({shown} → {shown.replace('¼', '=')})",
                   [Edit(at, at + 1, "=")], preferred=True)
    m = _PLUS_MINUS.fullmatch(flagged)
    if m is not None:
        return Fix("Replace 'Â±' with '±' (a plus-minus sign damaged by a wrong encoding)",
                   [Edit(start + m.start(1), start + m.end(1), "±")], preferred=True)
    return None


SAFE_FIXES: dict[str, Callable[[str, int, int], Fix | None]] = {
    "stat-inconsistency": _stat_notation,
}


def safe_fix(text: str, lines: TextLines, finding: Any) -> Fix | None:
    """The safe fix of ``finding`` in ``text``, if its rule has one and the flagged text fits it."""
    maker = SAFE_FIXES.get(finding.rule)
    if maker is None:
        return None
    start = lines.offset(finding.line, finding.column)
    end = lines.offset(finding.end_line, finding.end_column)
    return maker(text, start, end) if end > start else None


# --- suppression ----------------------------------------------------------------------

_NEXT_LINE = {
    "text": re.compile(r"^(?P<pre>[ \t]*(?:#|//|;)?[ \t]*healthlint-disable-next-line\b)(?P<names>[^\r\n]*?)"
                       r"(?P<post>[ \t]*)$"),
    "comment": re.compile(r"^(?P<pre>[ \t>]*<!--\s*healthlint-disable-next-line\b)(?P<names>.*?)"
                          r"(?P<post>\s*-->[ \t]*)$"),
}
_MD_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?[ \t]*)*")  # indentation and blockquote markers
_FRONT_OPEN = re.compile(r"---[ \t]*$")
_FRONT_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*$")
_FRONT_KEY = re.compile(r"healthlint\s*:")


def directive(fmt: str, action: str, rule: str) -> str:
    if fmt == "text":
        return f"healthlint-{action} {rule}"
    return f"<!-- healthlint-{action} {rule} -->"


def disable_fix(text: str, lines: TextLines, fmt: str, finding: Any, document_level: bool = False) -> Fix | None:
    """An edit that suppresses ``finding``'s rule where it is reported, or None if none is safe."""
    rule = finding.rule
    if document_level:
        return _disable_file(text, lines, fmt, rule)
    line0 = max(0, finding.line - 1)
    if line0 > 0:
        m = _NEXT_LINE["text" if fmt == "text" else "comment"].match(lines.line_text(line0 - 1))
        if m is not None:
            return _extend(lines, line0 - 1, m, rule)
    lo, _ = lines.line_bounds(line0)
    here = lines.line_text(line0)
    prefix = _MD_PREFIX.match(here).group(0) if fmt != "text" else re.match(r"[ \t]*", here).group(0)
    if fmt == "html":
        prefix = re.match(r"[ \t]*", here).group(0)
    new = prefix + directive(fmt, "disable-next-line", rule) + lines.line_break(line0)
    return Fix(f"Disable {rule} for this line (healthlint-disable-next-line)", [Edit(lo, lo, new)])


def _extend(lines: TextLines, line0: int, m: re.Match[str], rule: str) -> Fix | None:
    """Add ``rule`` to the ``disable-next-line`` directive ``m`` that is all of line ``line0``."""
    names = [n.rsplit("/", 1)[-1] for n in re.split(r"[\s,]+", m.group("names").strip()) if n]
    if not names or rule in names:
        return None  # it already covers every rule, or this one: nothing to add
    start = lines.line_bounds(line0)[0] + m.end("names")
    return Fix(f"Disable {rule} for this line (add it to the directive above)",
               [Edit(start, start, ", " + rule)])


def _disable_file(text: str, lines: TextLines, fmt: str, rule: str) -> Fix | None:
    title = f"Disable {rule} for this file"
    if fmt != "html" and lines.line_count > 1 and _FRONT_OPEN.match(lines.line_text(0)):
        for line0 in range(1, lines.line_count):
            content = lines.line_text(line0)
            if _FRONT_CLOSE.match(content):
                lo, _ = lines.line_bounds(line0)
                return Fix(title + " (front matter)",
                           [Edit(lo, lo, f"healthlint: {{disable: [{_yaml_name(rule)}]}}" + lines.line_break(0))])
            if _FRONT_KEY.match(content):
                return None  # the front matter already has healthlint settings: the writer merges them
        # an unclosed fence is no front matter: fall through to a directive
    if fmt != "html" and lines.line_text(0).startswith("+++"):
        return None  # TOML front matter: a line above it would end it
    return Fix(title, [Edit(0, 0, directive(fmt, "disable", rule) + lines.line_break(0))])


def _yaml_name(rule: str) -> str:
    """A rule id as a YAML flow scalar: bare when that is safe, else double-quoted."""
    import json

    return rule if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_./-]*", rule) else json.dumps(rule)
