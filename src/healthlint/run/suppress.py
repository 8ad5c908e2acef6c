"""Inline suppression directives.

Markdown and HTML use comments; plain text uses a line of its own::

    <!-- healthlint-disable overclaim, commercial-cta -->  ...  <!-- healthlint-enable -->
    <!-- healthlint-disable-next-line overclaim -->
    healthlint-disable-next-line overclaim

Front matter can switch rules off for the whole file:
``healthlint: {disable: [overclaim]}``. With no rule named, a directive
applies to every rule. A directive naming an unknown rule is reported.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

import regex

if TYPE_CHECKING:
    from ..read.document import Document

_COMMENT = regex.compile(r"<!--\s*healthlint-(disable-next-line|disable|enable)\b(.*?)-->", regex.DOTALL)
# A line of its own, ended by "\n", "\r\n" or a lone "\r" (``$`` alone would miss CRLF files).
_LINE = regex.compile(
    r"(?:^|(?<=\r))[ \t]*(?:#|//|;)?[ \t]*healthlint-(disable-next-line|disable|enable)\b([^\r\n]*)(?=[\r\n]|\Z)",
    regex.MULTILINE,
)
_NAME_BREAKS = regex.compile(r"[\s,]+")
_ALL = None


@dataclass(slots=True)
class Directive:
    action: str
    rules: frozenset[str] | None  # None: every rule
    line: int
    start: int
    end: int


@dataclass(slots=True)
class Suppressions:
    """Which (rule, line) pairs are switched off in one file."""

    file_rules: set[str] = field(default_factory=set)
    file_all: bool = False
    ranges: list[tuple[int, int, frozenset[str] | None]] = field(default_factory=list)
    unknown: list[tuple[Directive, str]] = field(default_factory=list)
    _index: dict[str | None, tuple[list[int], list[int]]] | None = field(default=None, repr=False)
    _indexed: int = field(default=-1, repr=False)

    def suppressed(self, rule: str, line: int) -> bool:
        if self.file_all or rule in self.file_rules:
            return True
        if not self.ranges:
            return False
        if self._index is None or self._indexed != len(self.ranges):  # ranges may be added after a lookup
            self._index = _index(self.ranges)
            self._indexed = len(self.ranges)
        return _covers(self._index.get(None), line) or _covers(self._index.get(rule), line)


def _index(ranges: list[tuple[int, int, frozenset[str] | None]]) -> dict[str | None, tuple[list[int], list[int]]]:
    """Per rule (None: every rule), merged line intervals as sorted (starts, ends).

    A file with thousands of directives and findings stays fast: each lookup is a bisect.
    """
    by: dict[str | None, list[tuple[int, int]]] = {}
    for lo, hi, rules in ranges:
        for key in rules if rules is not None else (None,):
            by.setdefault(key, []).append((lo, hi))
    out: dict[str | None, tuple[list[int], list[int]]] = {}
    for key, spans in by.items():
        starts: list[int] = []
        ends: list[int] = []
        for lo, hi in sorted(spans):
            if starts and lo <= ends[-1] + 1:
                ends[-1] = max(ends[-1], hi)
            else:
                starts.append(lo)
                ends.append(hi)
        out[key] = (starts, ends)
    return out


def _covers(spans: tuple[list[int], list[int]] | None, line: int) -> bool:
    if spans is None:
        return False
    i = bisect_right(spans[0], line) - 1
    return i >= 0 and line <= spans[1][i]


def _names(raw: str) -> frozenset[str] | None:
    names = [n for n in _NAME_BREAKS.split(raw.strip().rstrip("-").strip()) if n]
    return frozenset(n.rsplit("/", 1)[-1] for n in names) if names else None


def parse(doc: "Document", is_rule: Callable[[str], bool]) -> Suppressions:
    """Collect the directives of ``doc``; ``is_rule`` says whether an id exists."""
    sup = Suppressions()
    meta = doc.metadata.get("healthlint") if isinstance(doc.metadata, Mapping) else None
    if meta is not None and not isinstance(meta, dict):
        doc.warnings.append("front matter key 'healthlint' ignored: expected a mapping such as "
                            "{disable: [overclaim]}")
    if isinstance(meta, dict):
        disable = meta.get("disable")
        for key in meta:
            if key != "disable":
                doc.warnings.append(f"front matter key 'healthlint.{key}' ignored: unknown (expected: disable)")
        if disable not in (None, False, True, "all") and not isinstance(disable, (list, str)):
            doc.warnings.append("front matter key 'healthlint.disable' ignored: expected a rule id, a list of "
                                f"rule ids or all, got {repr(disable)[:60]}")
        if disable is True or disable == "all":
            sup.file_all = True
        elif isinstance(disable, (list, str)):
            names = [disable] if isinstance(disable, str) else [str(x) for x in disable]
            for n in names:
                n = n.rsplit("/", 1)[-1]
                if is_rule(n):
                    sup.file_rules.add(n)
                else:
                    sup.unknown.append((Directive("disable", frozenset([n]), 1, 0, 0), n))
    src = doc.source
    lines = doc.lines
    directives = []
    if doc.format == "text":
        found = _LINE.finditer(src)
    else:
        # A "<!-- healthlint-..." with no "-->" after it is not a directive; stopping the
        # search at the last "-->" keeps many unclosed ones from costing quadratic time.
        close = src.rfind("-->")
        found = _COMMENT.finditer(src, 0, close + 3) if close >= 0 else iter(())
    for m in found:
        line = lines.position(m.start())[0]
        d = Directive(m.group(1), _names(m.group(2)), line, m.start(), m.end())
        for n in sorted(d.rules or ()):
            if not is_rule(n):
                sup.unknown.append((d, n))
        directives.append(d)
    open_ranges: dict[str | None, int] = {}
    last = lines.line_count
    for d in directives:
        if d.action == "disable-next-line":
            nxt = _next_content_line(src, lines, d.end)
            sup.ranges.append((nxt, nxt, d.rules))
        elif d.action == "disable":
            for key in d.rules or (_ALL,):
                open_ranges.setdefault(key, d.line)
        else:
            keys = list(open_ranges) if d.rules is None else [k for k in d.rules if k in open_ranges]
            for key in keys:
                start = open_ranges.pop(key)
                sup.ranges.append((start, d.line, None if key is None else frozenset([key])))
    for key, start in open_ranges.items():
        sup.ranges.append((start, last, None if key is None else frozenset([key])))
    return sup


def _next_content_line(src: str, lines, offset: int) -> int:  # noqa: ANN001 - LineIndex
    line = lines.position(offset)[0] + 1
    while line <= lines.line_count:
        lo, hi = lines.line_span(line, src)
        if src[lo:hi].strip():
            return line
        line += 1
    return line
