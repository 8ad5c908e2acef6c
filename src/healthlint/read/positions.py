"""Offset -> (line, column) map, built once per file.

Lines end at ``\\r\\n``, ``\\n`` or a lone ``\\r`` (as editors count them).
Lines and columns are 1-based; columns count characters (code points) of the
decoded file, so a tab, an ``é`` or an emoji is one column each.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> array:
    """Offsets where the lines of ``text`` start, as a compact ``array('q')``."""
    return array("q", [0, *[m.end() for m in _BREAK.finditer(text)]])


class LineIndex:
    """Line starts of a text (an ``array('q')``) and a ``bisect`` lookup over them."""

    __slots__ = ("starts", "length")

    def __init__(self, text: str) -> None:
        self.starts = line_starts(text)
        self.length = len(text)

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, self.length))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """Offset of a 1-based (line, column)."""
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + column - 1, self.length)

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        """Offsets of the content of ``line`` (without its line break)."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else self.length
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end
