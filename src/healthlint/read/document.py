"""The document model every reader produces and every rule consumes.

A :class:`Document` holds the decoded source, the prose extracted from it
(``text``: blocks joined by blank lines, markup removed), an exact map from
prose offsets to source offsets, blocks, sentences and a line index.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .positions import LineIndex
from .textmap import TextBuilder, TextMap

BLOCK_KINDS = ("heading", "paragraph", "list_item", "blockquote", "table_cell")
BLOCK_SEPARATOR = "\n\n"


@dataclass(slots=True)
class Block:
    """A block of prose: ``text[start:end]`` of the document."""

    kind: str
    start: int
    end: int
    section: int = 0
    quoted: bool = False
    level: int = 0
    body: bool = True


@dataclass(slots=True)
class Sentence:
    """A sentence: ``text[start:end]`` of the document, inside ``block``."""

    start: int
    end: int
    block: int
    index: int = 0


@dataclass(slots=True)
class Document:
    """A read file: source, prose, blocks, sentences and position maps."""

    path: str
    source: str
    text: str
    textmap: TextMap
    blocks: list[Block]
    format: str = "text"
    metadata: Mapping[str, Any] = field(default_factory=dict)  # front matter
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _lines: LineIndex | None = None
    _sentence_starts: array | None = None
    _sections: dict[int, tuple[int, int]] | None = None
    derived: dict[str, Any] = field(default_factory=dict)  # what rules compute once per document

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets for the prose span ``[start, end)``."""
        return self.textmap.span(start, end)

    def sentence_text(self, s: Sentence) -> str:
        return self.text[s.start : s.end]

    def block_text(self, b: Block) -> str:
        return self.text[b.start : b.end]

    def sentences_in(self, block_index: int) -> list[Sentence]:
        return [s for s in self.sentences if s.block == block_index]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing prose offset ``offset``, if any."""
        if self._sentence_starts is None:
            self._sentence_starts = array("q", [s.start for s in self.sentences])
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def section_span(self, section: int) -> tuple[int, int]:
        """Prose span of all blocks of a section (a heading starts one)."""
        if self._sections is None:
            spans: dict[int, tuple[int, int]] = {}
            for b in self.blocks:
                lo, _ = spans.get(b.section, (b.start, b.end))
                spans[b.section] = (lo, b.end)
            self._sections = spans
        return self._sections.get(section, (0, 0))


class DocumentBuilder:
    """Helps readers emit blocks; sentences are split when the document is built."""

    def __init__(self, path: str, source: str, fmt: str) -> None:
        self.path = path
        self.source = source
        self.format = fmt
        self.text = TextBuilder()
        self.blocks: list[Block] = []
        self.metadata: Mapping[str, Any] = {}
        self.warnings: list[str] = []
        self.section = 0
        self._open: Block | None = None
        self._has_content = False

    def open_block(self, kind: str, *, quoted: bool = False, level: int = 0, body: bool = True) -> None:
        """Start a block; text added until :meth:`close_block` belongs to it."""
        self.close_block()
        if kind == "heading":
            self.section += 1
        if self.text.length:
            self.text.add_separator(BLOCK_SEPARATOR)
        self._open = Block(kind, self.text.length, self.text.length, self.section, quoted, level, body)
        self._has_content = False

    def add(self, src_start: int, text: str) -> None:
        self.text.add(src_start, text)
        if not self._has_content and not text.isspace():
            self._has_content = True

    def add_replaced(self, src_start: int, src_end: int, text: str) -> None:
        self.text.add_replaced(src_start, src_end, text)
        if not self._has_content and not text.isspace():
            self._has_content = True

    def add_separator(self, text: str) -> None:
        self.text.add_separator(text)

    def close_block(self) -> None:
        b = self._open
        if b is None:
            return
        self._open = None
        b.end = self.text.length
        if b.end > b.start and self._has_content:
            self.blocks.append(b)

    def build(self) -> Document:
        from .sentences import split_sentences

        self.close_block()
        text, tmap = self.text.build()
        doc = Document(self.path, self.source, text, tmap, self.blocks, self.format, self.metadata)
        doc.warnings.extend(self.warnings)
        doc.sentences = split_sentences(text, self.blocks)  # each one's index is its position
        return doc
