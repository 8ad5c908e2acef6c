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

from bisect import bisect_right
from typing import TYPE_CHECKING

import regex
from markdown_it import MarkdownIt

from .document import Document, DocumentBuilder
from .frontmatter import split_front_matter
from .inline import InlineScanner
from .positions import LineIndex

if TYPE_CHECKING:
    from markdown_it.token import Token

# CommonMark and tables; only the block pass runs (the inline scanner below reads the prose).
PARSER = MarkdownIt("commonmark").enable("table").disable("inline")
_ATX_OPEN = regex.compile(r"#{1,6}(?=[ \t]|$)")
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
    _Reader(b, source, index, body_start).run()
    doc = b.build()
    doc._lines = index
    return doc


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

    def run(self) -> None:
        """Read the body's blocks into the builder."""
        env: dict[str, object] = {}
        tokens = PARSER.parse(self.src[self.body_start :] if self.body_start else self.src, env)
        self._blocks(tokens, frozenset(env.get("references", {})))  # type: ignore[arg-type]
        if self.dropped:
            self.b.warnings.append(f"{self.dropped} Markdown line(s) could not be mapped exactly; skipped")

    def _blocks(self, tokens: list[Token], refs: frozenset[str]) -> None:
        """Turn the block tokens, in order, into blocks of the document."""
        scanner = InlineScanner(self.b, refs)
        containers: list[str] = []
        kind, level, atx = "paragraph", 0, False
        cells: list[tuple[int, str]] = []
        cell_i = 0
        b = self.b
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
