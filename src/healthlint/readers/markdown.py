"""Markdown reader: markdown-it-py block tokens + exact line mapping + inline scanner.

markdown-it-py runs with its ``inline`` core rule disabled: block tokens carry
``.map`` (line ranges) and ``.content``. Each content line is a suffix of its
source line once container prefixes (``> ``, list markers, indentation) are
removed, so it is located at the end of that line; a line that cannot be
located exactly is dropped rather than mis-positioned. Table cells are split
from the row's source line the way markdown-it splits them.

Fenced and indented code are not prose. A top-level ``html_block`` is read
with the HTML reader's extractor (comments, scripts and tags are dropped, the
text inside ``<p>``/``<details>`` and the like is kept); HTML blocks inside
lists or quotes are skipped, because their lines carry container prefixes.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING

from .. import rx

from ..document import Document, DocumentBuilder, Part
from ..positions import LineIndex
from .frontmatter import split_front_matter
from .inline import InlineScanner
from .mdblock import parse_blocks
from .mdcuts import Cuts, part_size

if TYPE_CHECKING:
    from markdown_it.token import Token
_ATX_OPEN = rx.compile(r"#{1,6}(?=[ \t]|$)")
_MD_TRIM = " \t\n\r\f\v"
# Closing tokens the reader has nothing to do for.
_IGNORED = frozenset({"paragraph_close", "heading_close", "bullet_list_open", "bullet_list_close",
                      "ordered_list_open", "ordered_list_close", "th_close", "td_close", "tr_close",
                      "thead_open", "thead_close", "tbody_open", "tbody_close", "table_open", "table_close"})


def read_markdown(source: str, path: str = "<string>") -> Document:
    """Read a Markdown (CommonMark + tables) document."""
    b = DocumentBuilder(path, source, "markdown")
    meta, body_start, warnings = split_front_matter(source)
    b.metadata = meta
    b.warnings.extend(warnings)
    index = LineIndex(source)
    if not _Reader(b, source, index, body_start).run(stream=True):
        b = DocumentBuilder(path, source, "markdown")  # pragma: no cover - see _Reader.run
        b.metadata = meta
        b.warnings.extend(warnings)
        _Reader(b, source, index, body_start).run(stream=False)
    doc = b.build()
    doc._lines = index
    return doc


def can_read_in_parts(source: str) -> bool:
    """False when the body has reference definitions (``]:``): links then depend on the whole file."""
    _, body_start, _ = split_front_matter(source)
    return source.find("]:", body_start) < 0  # searched in place: a long file is not copied


def read_markdown_parts(source: str, path: str, on_part: Callable[[Document], None], part_chars: int,
                        keep: Callable[[int], bool] = lambda i: True, index: LineIndex | None = None,
                        ahead: Callable[[int], int | None] | None = None,
                        cuts: Cuts | None = None) -> tuple[int, int, bool]:
    """Read a long Markdown document a part at a time: ``on_part`` gets each part as it is read.

    A part ends before the first top-level ATX heading (``#`` at column 0) ``part_chars``
    or more characters of source after its start, so every section (and every evidence
    link, which never crosses a heading) is whole in one part. Towards the end of the file
    parts shrink to a quarter of what is left (down to a sixteenth of ``part_chars``):
    processes that share the parts then finish at nearly the same time. Each part also
    holds, as context that is not its own (see :class:`~healthlint.document.Part`), the
    last top-level block before it and the heading after it: a rule that looks at a
    neighbouring sentence sees what it sees in the whole document. Parts share the source
    and its line index, so their offsets are the file's.

    Only the parts whose index ``keep`` accepts are built (several processes can share the
    parts of one file: the cuts depend on the source alone). With ``cuts``
    (:func:`~.mdcuts.predict_cuts`) and ``ahead`` (the next index after a given one that
    ``keep`` will accept, or None), the parse skips to the next part to build instead of
    reading the ones between, and checks the predicted cuts of the parts it builds.
    Returns (number of parts, lines of the built parts that could not be mapped, whether
    the predicted cuts held). Call only when :func:`can_read_in_parts`.
    """
    meta, body_start, warnings = split_front_matter(source)
    index = index or LineIndex(source)
    reader = _Reader(DocumentBuilder(path, source, "markdown"), source, index, body_start)
    return _PartSink(reader, path, meta, warnings, on_part, part_chars, keep, ahead, cuts).run()


_END = sys.maxsize  # a line to skip to that ends the parse


class _PartSink:
    """Feeds top-level token groups to the builder of the part being read and cuts before headings."""

    def __init__(self, reader: "_Reader", path: str, meta: object, warnings: list[str],
                 on_part: Callable[[Document], None], part_chars: int, keep: Callable[[int], bool],
                 ahead: Callable[[int], int | None] | None, cuts: Cuts | None) -> None:
        self.reader = reader
        self.path = path
        self.meta = meta
        self.warnings = list(warnings)  # the front matter's: they go with the first part
        self.on_part = on_part
        self.part_chars = part_chars
        self.keep = keep
        self.ahead = ahead if cuts is not None else None
        self.cuts = cuts
        self.exact = True  # every cut checked here was where ``cuts`` said
        self.jump_seen = False  # the next part's jump line passed as a top-level heading
        self.prev: list[Token] = []
        self.index = 0  # the part being read
        self.start = reader.body_start  # where it starts in the source
        self.dropped = 0
        self.size = self._size()  # the current part ends at the first top-level heading this far on
        self.building = keep(0)
        if self.building:
            self._begin()

    def _size(self) -> int:
        return part_size(len(self.reader.src), self.start, self.part_chars)

    def _begin(self) -> None:
        b = DocumentBuilder(self.path, self.reader.src, "markdown")
        b.metadata = self.meta  # type: ignore[assignment]
        if self.index == 0:
            b.warnings.extend(self.warnings)
        self.reader.b = b
        self.consumer = self.reader._consume(frozenset())
        next(self.consumer)
        if self.prev:
            self.consumer.send(self.prev)  # leading context: the block before the heading
        self.own_start = b.text.length
        self.jump_seen = False

    def sink(self, tokens: list[Token]) -> int | None:
        r = self.reader
        first = tokens[0]
        jump = None
        if first.type == "heading_open" and first.map and first.markup[:1] == "#":
            at = r.starts[r.line0 + first.map[0]]
            if r.src[at] != "#":
                pass  # indented: never a cut
            elif at - self.start >= self.size:
                if self.cuts is not None and not self._cut_holds(at):
                    self.exact = False
                    return _END  # the caller reads the file again, whole
                if self.building:
                    own_end = r.b.text.length
                    self.consumer.send(tokens)  # trailing context: the heading that starts the next part
                    self._emit(own_end, last=False)
                self.index += 1
                self.start = at
                self.size = self._size()
                self.building = self.keep(self.index)
                if self.building:
                    self._begin()
                elif self.cuts is not None:
                    jump = self._skip(r.line0 + first.map[0])
            elif self.cuts is not None and self.building and at == self._next_jump():
                self.jump_seen = True
        if self.building:
            before = r.dropped
            self.consumer.send(tokens)
            self.dropped += r.dropped - before
        self.prev = list(tokens)  # the sink's list is emptied after the call (after a jump, the blocks read next replace it)
        return jump

    def _next_jump(self) -> int:
        cuts = self.cuts
        assert cuts is not None
        return cuts.jumps[self.index + 1] if self.index + 1 < cuts.count else -1

    def _cut_holds(self, at: int) -> bool:
        """Is the cut found at ``at`` the predicted one, and (ending a part built here) was the
        next part's jump line a top-level heading of this part (or its start)?"""
        cuts = self.cuts
        assert cuts is not None
        k = self.index + 1
        if k >= cuts.count or cuts.starts[k] != at:
            return False
        return not self.building or self.jump_seen or cuts.jumps[k] == self.start

    def _skip(self, here: int) -> int | None:
        """Not building the part just begun: the line of the next part to build (None: read on)."""
        cuts = self.cuts
        assert cuts is not None and self.ahead is not None
        nxt = self.ahead(self.index)
        if nxt is None or nxt >= cuts.count:
            return _END  # nothing more to build here
        line = cuts.jump_lines[nxt]
        if line <= here:
            return None  # its jump line is behind: reading on gets there
        self.index = nxt - 1  # as if the parts before had been read
        self.start = cuts.starts[nxt - 1]
        self.size = self._size()
        return line

    def run(self) -> tuple[int, int, bool]:
        r = self.reader
        first, r.line0 = r.line0, 0  # the tokens' lines are the file's: the body is not copied
        if not self.building and self.cuts is not None:
            jump = self._skip(first)
            first = first if jump is None else jump
        if first < _END:
            parse_blocks(r.src, self.sink, first)
        if self.building and self.exact:
            if self.cuts is not None and self.index != self.cuts.count - 1:
                self.exact = False  # the file ended before a predicted cut
            else:
                self._emit(r.b.text.length, last=True)
        parts = self.cuts.count if self.cuts is not None else self.index + 1
        return parts, self.dropped, self.exact

    def _emit(self, own_end: int, last: bool) -> None:
        self.consumer.close()
        doc = self.reader.b.build()
        doc._lines = self.reader.index
        doc.part = Part(self.index, self.own_start, own_end, last)
        self.on_part(doc)


class _Reader:
    def __init__(self, b: DocumentBuilder, source: str, index: LineIndex, body_start: int) -> None:
        self.b = b
        self.src = source
        self.index = index
        self.starts = index.starts
        self.body_start = body_start
        self.line0 = bisect_right(self.starts, body_start) - 1 if body_start else 0
        self.dropped = 0
        self.shift = 0
        self.nul = "\0" in source

    def line(self, n: int) -> tuple[int, str]:
        """Start offset and text (without line break) of 0-based body line ``n``."""
        k = self.line0 + n
        start = self.starts[k]
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.src)
        while end > start and self.src[end - 1] in "\r\n":
            end -= 1
        return start, self.src[start:end]

    def run(self, stream: bool) -> bool:
        """Read the body into the builder; False when a streamed read must be redone.

        Links written ``[text]`` depend on reference definitions anywhere in the
        file, so blocks are read as they are parsed only when the body has no
        ``]:`` (which every definition contains); otherwise all tokens are
        collected first.
        """
        body = self.src[self.body_start :] if self.body_start else self.src
        if stream and "]:" not in body:
            consumer = self._consume(frozenset())
            next(consumer)
            env = parse_blocks(body, consumer.send)
            if env.get("references"):
                return False  # cannot happen: a definition needs "]:"
        else:
            tokens: list[Token] = []
            env = parse_blocks(body, tokens.extend)
            del body
            consumer = self._consume(frozenset(env.get("references", {})))
            next(consumer)
            consumer.send(tokens)
        consumer.close()
        if self.dropped:
            self.b.warnings.append(f"{self.dropped} Markdown line(s) could not be mapped exactly; skipped")
        return True

    def _consume(self, refs: frozenset[str]) -> Generator[None, list[Token], None]:
        """Turn the block tokens sent in, in order, into blocks of the document."""
        scanner = InlineScanner(self.b, refs)
        containers: list[str] = []
        kind, level, atx = "paragraph", 0, False
        cells: list[tuple[int, str]] = []
        cell_i = 0
        b = self.b
        while True:
            tokens = yield
            for tok in tokens:
                t = tok.type
                if t in _IGNORED:
                    continue
                if t == "inline":
                    if kind == "table_cell":
                        lines = self._cell(cells, cell_i, tok.content)
                        cell_i += 1
                    else:
                        lines = self._lines(tok.map, tok.content, atx)
                    if lines:
                        b.open_block(kind, quoted="blockquote" in containers, level=level)
                        scanner.scan(lines)
                        b.close_block()
                elif t == "paragraph_open":
                    inner = containers[-1] if containers else ""
                    kind = "list_item" if inner == "list_item" else "blockquote" if inner else "paragraph"
                    level, atx = 0, False
                elif t == "heading_open":
                    kind, level, atx = "heading", int(tok.tag[1:]), tok.markup.startswith("#")
                elif t in ("blockquote_open", "list_item_open"):
                    containers.append(t[:-5])
                elif t in ("blockquote_close", "list_item_close"):
                    containers.pop()
                elif t == "tr_open":
                    cells = self._row(tok.map[0]) if tok.map else []
                    cell_i = 0
                elif t in ("th_open", "td_open"):
                    kind, level, atx = "table_cell", 0, False
                elif t == "html_block" and not containers and tok.map:
                    start = self.line(tok.map[0])[0]
                    k = self.line0 + tok.map[1]
                    end = self.starts[k] if k < len(self.starts) else len(self.src)
                    from .html import extract_html  # most Markdown has no HTML block: not imported before

                    extract_html(b, self.src, start, end)

    def _lines(self, span: list[int] | None, content: str, atx: bool) -> list[tuple[int, str]]:
        """Locate each content line at the end of its source line."""
        if not span:
            return []
        out: list[tuple[int, str]] = []
        src, starts = self.src, self.starts
        last = len(starts) - 1
        for i, cl in enumerate(content.split("\n")):
            text = cl.strip()
            if not text:
                continue
            if atx and i == 0 or self.nul:
                start, sl = self.line(span[0] + i)
                if "\0" in sl:  # markdown-it replaced NUL with U+FFFD, one for one
                    sl = sl.replace("\0", "\ufffd")
                if atx and i == 0:
                    m = _ATX_OPEN.search(sl)
                    pos = sl.find(text, m.end()) if m else -1
                    if pos < 0 or sl[m.end() : pos].strip():  # type: ignore[union-attr]
                        self.dropped += 1
                        continue
                    out.append((start + pos, text))
                    continue
                slr = sl.rstrip()
                if slr.endswith(text):
                    out.append((start + len(slr) - len(text), text))
                else:
                    self.dropped += 1
                continue
            k = self.line0 + span[0] + i
            start = starts[k]
            end = starts[k + 1] if k < last else len(src)
            while end > start and src[end - 1].isspace():  # the line break, then as str.rstrip
                end -= 1
            if src.endswith(text, start, end):
                out.append((end - len(text), text))
            else:
                self.dropped += 1
        return out

    def _row(self, n: int) -> list[tuple[int, str]]:
        """Cells of a table row as ``(offset, source text)``, split like markdown-it.

        The first cell may still hold a container prefix (``> ``, a list marker);
        :meth:`_cell` aligns cells with the tokens.
        """
        start, sl = self.line(n)
        segs: list[tuple[int, int]] = []
        last = 0
        for i, ch in enumerate(sl):
            if ch == "|" and not (i and sl[i - 1] == "\\"):
                segs.append((last, i))
                last = i + 1
        segs.append((last, len(sl)))
        if len(segs) > 1 and not sl[segs[-1][0] : segs[-1][1]].strip(_MD_TRIM):
            segs.pop()
        cells = []
        for a, e in segs:
            raw = sl[a:e]
            lead = len(raw) - len(raw.lstrip(_MD_TRIM))
            cells.append((start + a + lead, raw.strip(_MD_TRIM)))
        self.shift = 1 if cells and not cells[0][1].strip(" \t>") else 0
        return cells

    def _cell(self, cells: list[tuple[int, str]], i: int, content: str) -> list[tuple[int, str]]:
        if not content:
            return []
        if i == 0 and not _same(cells, self.shift, content) and _same(cells, self.shift + 1, content):
            self.shift += 1  # a list marker before the row's leading pipe
        k = i + self.shift
        if k < len(cells):
            off, text = cells[k]
            if text.replace("\\|", "|") == content:
                return [(off, text)]
            if "\\|" not in text and text.endswith(content):  # container prefix in the first cell
                return [(off + len(text) - len(content), content)]
        self.dropped += 1
        return []


def _same(cells: list[tuple[int, str]], k: int, content: str) -> bool:
    return k < len(cells) and cells[k][1].replace("\\|", "|") == content
