"""Plain-text reader: blank lines split blocks, bullets and ``>`` lines are marked.

A block that is one short line without sentence-ending punctuation is taken
as a heading (so evidence rules get section boundaries); so is a line
underlined with ``===`` or ``---``. Lines in a block are joined by ``"\\n"``;
bare URLs are not prose.
"""

from __future__ import annotations

import regex

from .document import Document, DocumentBuilder
from .frontmatter import split_front_matter
from .inline import without_urls

_LINE = regex.compile(r"([^\r\n]*)(?:\r\n|\r|\n|\Z)")
DIRECTIVE = regex.compile(r"^\s*healthlint-(?:disable-next-line|disable|enable)\b")
_BULLET = regex.compile(r"[ \t]*(?:[-*+–][ \t]+|[•·‣◦▪][ \t]*|\d{1,3}[.)][ \t]+)(?=\S)")
_QUOTE = regex.compile(r"[ \t]*(?:>[ \t]?)+")
_UNDERLINE = regex.compile(r"[ \t]*(?:=+|-+)[ \t]*")
_SENTENCE_END = regex.compile(r"[.!?;:,…][\"'”’)\]]*$")
HEADING_MAX_WORDS = 12

# A line: (kind, source offset of its prose, prose text); kind is "plain", "bullet" or "quote".
Line = tuple[str, int, str]


def read_text(source: str, path: str = "<string>") -> Document:
    """Read a plain-text document (front matter allowed)."""
    b = DocumentBuilder(path, source, "text")
    meta, body_start, warnings = split_front_matter(source)
    b.metadata = meta
    b.warnings.extend(warnings)
    for group in _groups(source, body_start):
        _emit_group(b, group)
    return b.build()


def _groups(source: str, start: int) -> list[list[Line]]:
    groups: list[list[Line]] = []
    cur: list[Line] = []
    for m in _LINE.finditer(source, start):
        line = m.group(1)
        lstart = m.start(1)
        if not line.strip() or DIRECTIVE.match(line):
            if cur:
                groups.append(cur)
                cur = []
            if m.end() >= len(source):
                break
            continue
        kind = "plain"
        cut = _BULLET.match(line)
        if cut:
            kind = "bullet"
        else:
            cut = _QUOTE.match(line)
            if cut:
                kind = "quote"
        skip = cut.end() if cut else 0
        body = line[skip:]
        lead = len(body) - len(body.lstrip())
        text = body.strip()
        if text:
            cur.append((kind, lstart + skip + lead, text))
        if m.end() >= len(source):
            break
    if cur:
        groups.append(cur)
    return groups


def _heading_level(group: list[Line]) -> int:
    """Heading level of a group, or 0 when it is not a heading."""
    if len(group) == 2 and group[0][0] == "plain" and _UNDERLINE.fullmatch(group[1][2]):
        return 1 if group[1][2].lstrip()[0] == "=" else 2
    if len(group) != 1 or group[0][0] != "plain":
        return 0
    text = group[0][2]
    if _SENTENCE_END.search(text) or len(text.split()) > HEADING_MAX_WORDS:
        return 0
    return 2 if any(c.isalpha() for c in text) else 0


def _emit_group(b: DocumentBuilder, group: list[Line]) -> None:
    level = _heading_level(group)
    if level:
        b.open_block("heading", level=level)
        for off, piece in without_urls(group[0][1], group[0][2]):
            b.add(off, piece)
        b.close_block()
        return
    current = ""
    for kind, start, text in group:
        if kind == "bullet":
            b.open_block("list_item")
            current = "list_item"
        elif kind == "quote" and current != "blockquote":
            b.open_block("blockquote", quoted=True)
            current = "blockquote"
        elif kind == "plain" and current not in ("paragraph", "list_item"):
            b.open_block("paragraph")
            current = "paragraph"
        else:
            b.add_separator("\n")
        for off, piece in without_urls(start, text):
            b.add(off, piece)
    b.close_block()
