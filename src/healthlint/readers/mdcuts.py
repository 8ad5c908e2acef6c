"""Where the parts of a long Markdown file start, predicted from the source before parsing.

A long file is read in parts cut before top-level ATX headings (``# Title`` at
column 0; see :func:`~healthlint.readers.markdown.read_markdown_parts`). When
several processes share the parts, each would otherwise parse the whole file to
find where its parts start. :func:`predict_cuts` finds those places with a line
scan instead: column-0 ``#`` headings outside fenced code and HTML blocks, cut
by the same sizes. A process then starts parsing at the last heading before its
part (``jump``), a place where the whole-file parse starts a fresh top-level
block, so the tokens from there on are the ones the whole-file parse gives.

The scan is a prediction, not a parser (a heading inside an unusual HTML block
looks like one to it). So each process checks the part it builds: its parse
must end the part at the predicted cut and pass the next part's ``jump`` as a
top-level heading. Checked part by part from the start of the file, that makes
every jump exact; when a check fails the caller reads the file again, whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from ..records import record

# A line that may open or close something the scan tracks: an ATX heading at column 0,
# a code fence, or an HTML block (all indented at most 3 spaces but the heading).
_MARK = r"#{1,6}(?=[ \t\r\n]|\Z)|[ ]{0,3}(?:`{3,}|~{3,}|<)"
_LINE = re.compile(_MARK)  # at the first line
_NEXT_LINE = re.compile(r"\n(" + _MARK + ")")  # after a line break: a literal to skip to, fast
_FENCE_REST = re.compile(r"[^\r\n]*")
# HTML blocks of CommonMark types 1-5 end at a marker, whatever lines (blank or not) come first.
_HTML_ENDS = (
    (re.compile(r"<(?:script|pre|style|textarea)(?:[ \t>]|$)", re.I | re.M), re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def part_size(length: int, start: int, part_chars: int) -> int:
    """How long the part starting at ``start`` is at least: ``part_chars``, or a quarter of
    what is left near the end (down to a sixteenth of ``part_chars``: the last parts are short,
    so processes sharing them finish close together)."""
    return max(1, min(part_chars, max(part_chars // 16, (length - start) // 4)))


@record(slots=True)
class Cuts:
    """Predicted parts: part ``k`` starts at offset ``starts[k]``; for ``k`` >= 1, reading
    it may begin at source line ``jump_lines[k]`` (offset ``jumps[k]``), the last heading before it."""

    starts: list[int]
    jumps: list[int]
    jump_lines: list[int]

    @property
    def count(self) -> int:
        return len(self.starts)


def _marks(source: str, body_start: int) -> Iterator[tuple[int, str]]:
    """(offset, text) of each line start from ``body_start`` on where :data:`_MARK` matches."""
    if body_start == 0 or source[body_start - 1] == "\n":
        m = _LINE.match(source, body_start)
        if m is not None:
            yield body_start, m.group()
    for m in _NEXT_LINE.finditer(source, body_start):
        yield m.start(1), m.group(1)


def headings(source: str, body_start: int = 0) -> list[int]:
    """Offsets of the lines from ``body_start`` on that look like top-level ATX headings."""
    out: list[int] = []
    length = len(source)
    fence: tuple[str, int] | None = None  # the open code fence: its character and length
    html_end = -1  # inside an HTML block of types 1-5 until this offset
    html_run = -1  # start of a line opening another HTML block (it runs to a blank line)
    for at, mark in _marks(source, body_start):
        if at < html_end:
            continue
        head = mark.lstrip(" ")
        if fence is not None:  # only the closing fence matters
            rest = _FENCE_REST.match(source, at + len(mark)).group()  # type: ignore[union-attr]
            if head[0] == fence[0] and len(head) >= fence[1] and not rest.strip():
                fence = None
        elif head[0] == "#":
            if html_run < 0 or _BLANK_LINE.search(source, html_run, at):
                out.append(at)
        elif head[0] == "<":
            html_run = at  # types 6 and 7 run to a blank line
            for opens, ends in _HTML_ENDS:
                if opens.match(source, at + len(mark) - 1):
                    end = ends.search(source, at + len(mark))
                    html_end, html_run = (length if end is None else end.end()), -1
                    break
        else:
            rest = _FENCE_REST.match(source, at + len(mark)).group()  # type: ignore[union-attr]
            if head[0] == "~" or "`" not in rest:  # a backtick fence's info string has no backtick
                fence = (head[0], len(head))
    return out


def predict_cuts(source: str, line_starts: Sequence[int], body_start: int, part_chars: int) -> Cuts | None:
    """The parts :func:`~healthlint.readers.markdown.read_markdown_parts` should cut ``source``
    into, with a jump line for each; None when lines end in a lone CR (not scanned here)."""
    if "\r" in source and source.count("\r") != source.count("\r\n"):
        return None
    length = len(source)
    starts, jumps = [body_start], [body_start]
    start, size, last = body_start, part_size(length, body_start, part_chars), body_start
    for at in headings(source, body_start):
        if at - start >= size:
            starts.append(at)
            jumps.append(last)
            start, size = at, part_size(length, at, part_chars)
        last = at
    return Cuts(starts, jumps, [bisect_right(line_starts, j) - 1 for j in jumps])
