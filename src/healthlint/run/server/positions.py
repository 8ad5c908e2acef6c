"""Positions between healthlint and a language client.

healthlint counts 1-based lines and columns in characters (code points); the
Language Server Protocol counts 0-based lines and, within a line, code units of
the negotiated encoding: UTF-16 unless client and server agreed on UTF-8 or
UTF-32. Both end lines at ``\\r\\n``, ``\\n`` or a lone ``\\r``, so only the
column needs converting: an emoji is one healthlint column and two UTF-16 units.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BREAK = re.compile(r"\r\n|\r|\n")


def _units_utf16(s: str) -> int:
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)


def _units_utf8(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


def _units_utf32(s: str) -> int:
    return len(s)


_UNITS = {"utf-16": _units_utf16, "utf-8": _units_utf8, "utf-32": _units_utf32}


class TextLines:
    """The line starts of one text, and conversions between offsets, healthlint
    (line, column) and LSP (line, character) positions."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]
        self.units = _UNITS.get(str(encoding).lower(), _units_utf16)

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_bounds(self, line0: int) -> tuple[int, int]:
        """Offsets of the content of 0-based ``line0`` (without its line break)."""
        line0 = max(0, min(line0, len(self.starts) - 1))
        start = self.starts[line0]
        end = self.starts[line0 + 1] if line0 + 1 < len(self.starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_text(self, line0: int) -> str:
        lo, hi = self.line_bounds(line0)
        return self.text[lo:hi]

    def line_break(self, line0: int) -> str:
        """The line break ending ``line0``; for the last line, the text's first one (else ``\\n``)."""
        lo, hi = self.line_bounds(line0)
        nxt = self.starts[line0 + 1] if line0 + 1 < len(self.starts) else None
        if nxt is not None and nxt > hi:
            return self.text[hi:nxt]
        m = _BREAK.search(self.text)
        return m.group(0) if m else "\n"

    def offset(self, line: int, column: int) -> int:
        """The offset of a healthlint 1-based (line, column), clamped to its line."""
        lo, hi = self.line_bounds(line - 1)
        return max(lo, min(lo + column - 1, hi))

    def to_lsp(self, offset: int) -> tuple[int, int]:
        """The LSP (line, character) of an offset."""
        offset = max(0, min(offset, len(self.text)))
        line0 = bisect_right(self.starts, offset) - 1
        lo, hi = self.line_bounds(line0)
        return line0, self.units(self.text[lo:min(offset, hi)])

    def from_lsp(self, line0: int, character: int) -> int:
        """The offset of an LSP (line, character); past the end of a line is its end, and a
        position inside a character (half a surrogate pair) is that character's start."""
        if line0 >= len(self.starts):
            return len(self.text)
        lo, hi = self.line_bounds(max(0, line0))
        if character <= 0:
            return lo
        count = 0
        for i in range(lo, hi):
            count += self.units(self.text[i])
            if count > character:
                return i
            if count == character:
                return i + 1
        return hi

    def lsp_range(self, line: int, column: int, end_line: int, end_column: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """The LSP range of a healthlint span (its end column is exclusive)."""
        start = self.offset(line, column)
        end = max(start, self.offset(end_line, end_column))
        return self.to_lsp(start), self.to_lsp(end)
