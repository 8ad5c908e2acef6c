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

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

import regex

if TYPE_CHECKING:
    from .document import Document

_COMMENT = regex.compile(r"<!--\s*healthlint-(disable-next-line|disable|enable)\b(.*?)-->", regex.DOTALL)
_LINE = regex.compile(
    r"^[ \t]*(?:#|//|;)?[ \t]*healthlint-(disable-next-line|disable|enable)\b([^\r\n]*)$", regex.MULTILINE
)
_ALL = None


@dataclass(slots=True)
class Directive:
    action: str
    rules: frozenset[str] | None  # None: every rule
    line: int
    start: int
    end: int


@dataclass
class Suppressions:
    """Which (rule, line) pairs are switched off in one file."""

    file_rules: set[str] = field(default_factory=set)
    file_all: bool = False
    ranges: list[tuple[int, int, frozenset[str] | None]] = field(default_factory=list)
    unknown: list[tuple[Directive, str]] = field(default_factory=list)

    def suppressed(self, rule: str, line: int) -> bool:
        if self.file_all or rule in self.file_rules:
            return True
        for lo, hi, rules in self.ranges:
            if lo <= line <= hi and (rules is None or rule in rules):
                return True
        return False


def _names(raw: str) -> frozenset[str] | None:
    names = [n for n in regex.split(r"[\s,]+", raw.strip().rstrip("-").strip()) if n]
    return frozenset(n.rsplit("/", 1)[-1] for n in names) if names else None


def parse(doc: "Document", is_rule: Callable[[str], bool]) -> Suppressions:
    """Collect the directives of ``doc``; ``is_rule`` says whether an id exists."""
    sup = Suppressions()
    meta = doc.metadata.get("healthlint") if isinstance(doc.metadata, dict) else None
    if isinstance(meta, dict):
        disable = meta.get("disable")
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
    if "healthlint-" not in src:
        return sup
    pattern = _LINE if doc.format == "text" else _COMMENT
    lines = doc.lines
    directives = []
    for m in pattern.finditer(src):
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
