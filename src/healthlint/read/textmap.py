"""Prose text with an exact map back to offsets in the source file.

Readers never copy markup into the prose. They append pieces of the source
(``add``), replacements for escapes and entities (``add_replaced``) and
separators that exist only in the prose (``add_separator``). Every prose
character can then be mapped to the source offset it came from, so a match
found in the prose is reported at the right place without searching for the
matched text again.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence


class TextMap:
    """Map prose offsets to source offsets using runs and ``bisect``.

    The runs are kept in compact arrays (8 bytes an offset, 1 byte a flag).
    """

    __slots__ = ("_prose", "_src", "_src_end", "_verbatim", "length")

    def __init__(
        self,
        prose: Sequence[int],
        src: Sequence[int],
        src_end: Sequence[int],
        verbatim: Sequence[bool] | bytes,
        length: int,
    ) -> None:
        self._prose = prose
        self._src = src
        self._src_end = src_end
        self._verbatim = verbatim
        self.length = length

    def _run(self, i: int) -> int:
        return bisect_right(self._prose, i) - 1

    def to_source(self, i: int) -> int:
        """Source offset of the prose character at ``i`` (start of a span)."""
        if not self._prose:
            return 0
        i = max(0, min(i, self.length - 1 if self.length else 0))
        r = self._run(i)
        if r < 0:
            return self._src[0]
        if self._verbatim[r]:
            # Beyond a run's end (a separator) moves to the next mapped character.
            pos = self._src[r] + (i - self._prose[r])
            if pos >= self._src_end[r] and r + 1 < len(self._src):
                return self._src[r + 1]
            return min(pos, self._src_end[r])
        return self._src[r]

    def to_source_end(self, i: int) -> int:
        """Source offset just after the prose character at ``i - 1`` (end of a span)."""
        if not self._prose or i <= 0:
            return self._src[0] if self._src else 0
        r = self._run(i - 1)
        if r < 0:
            return self._src[0]
        if self._verbatim[r]:
            return min(self._src[r] + (i - self._prose[r]), self._src_end[r])
        return self._src_end[r]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span for the prose span ``[start, end)``."""
        s = self.to_source(start)
        e = self.to_source_end(end) if end > start else s
        return s, max(s, e)


class TextBuilder:
    """Accumulate prose pieces and their source offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._prose = array("q")
        self._src = array("q")
        self._src_end = array("q")
        self._verbatim = bytearray()
        self.length = 0

    def add(self, src_start: int, text: str) -> None:
        """Append ``text``, which is the source from ``src_start`` verbatim."""
        if not text:
            return
        n = len(text)
        if (
            self._verbatim
            and self._verbatim[-1]
            and self._src_end[-1] == src_start
            and self._prose[-1] + (self._src_end[-1] - self._src[-1]) == self.length
        ):
            self._src_end[-1] = src_start + n
        else:
            self._prose.append(self.length)
            self._src.append(src_start)
            self._src_end.append(src_start + n)
            self._verbatim.append(1)
        self._parts.append(text)
        self.length += n

    def add_replaced(self, src_start: int, src_end: int, text: str) -> None:
        """Append ``text`` standing for the source span ``[src_start, src_end)``."""
        if not text:
            return
        self._prose.append(self.length)
        self._src.append(src_start)
        self._src_end.append(src_end)
        self._verbatim.append(0)
        self._parts.append(text)
        self.length += len(text)

    def add_separator(self, text: str) -> None:
        """Append prose-only text (block separators); it maps to its neighbours."""
        self._parts.append(text)
        self.length += len(text)

    def ends_with(self, suffix: str) -> bool:
        """True when the prose so far ends with ``suffix`` (checks the last part)."""
        return bool(self._parts) and self._parts[-1].endswith(suffix)

    def build(self) -> tuple[str, TextMap]:
        text = "".join(self._parts)
        self._parts = [text]  # the pieces are no longer needed
        return text, TextMap(self._prose, self._src, self._src_end, bytes(self._verbatim), len(text))
