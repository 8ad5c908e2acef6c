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
TITLE_MAX_WORDS = 30  # a page's first line over a byline or a date: a tabloid headline runs long
UNWRAPPED_MIN = 100  # a line this long is a whole paragraph copied from a page, not wrapped prose

# A line: (kind, source offset of its prose, prose text, indentation); kind is "plain", "bullet" or "quote".
Line = tuple[str, int, str, int]


def read_text(source: str, path: str = "<string>") -> Document:
    """Read a plain-text document (front matter allowed)."""
    b = DocumentBuilder(path, source, "text")
    meta, body_start, warnings = split_front_matter(source)
    b.metadata = meta
    b.warnings.extend(warnings)
    for n, group in enumerate(_groups(source, body_start)):
        _emit_group(b, group, first=n == 0)
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
            cur.append((kind, lstart + skip + lead, text, lead if kind == "plain" else 0))
        if m.end() >= len(source):
            break
    if cur:
        groups.append(cur)
    return groups


def _heading_level(group: list[Line], first: bool = False) -> int:
    """Heading level of a group, or 0 when it is not a heading (``first``: the document's first line, which may be a
    long headline)."""
    if len(group) == 2 and group[0][0] == "plain" and _UNDERLINE.fullmatch(group[1][2]):
        return 1 if group[1][2].lstrip()[0] == "=" else 2
    if len(group) != 1 or group[0][0] != "plain":
        return 0
    text = group[0][2]
    if _SENTENCE_END.search(text) or len(text.split()) > (TITLE_MAX_WORDS if first else HEADING_MAX_WORDS):
        return 0
    return 2 if any(c.isalpha() for c in text) else 0


def _split(group: list[Line]) -> list[list[Line]]:
    """Blocks of a group of lines: one per line when the lines are not wrapped prose.

    Text copied from web pages puts each paragraph (and each heading) on one line with no
    blank line between them; hard-wrapped prose has short lines that run on. So when a
    line is longer than :data:`UNWRAPPED_MIN` characters, every line that follows a line
    ending a sentence, and every short unpunctuated line, starts a block of its own. A
    plain line after a bullet that is not indented under it starts a block too.
    """
    unwrapped = any(len(line[2]) > UNWRAPPED_MIN for line in group) or all(
        _is_heading_line(line[2]) and not line[2][:1].islower() for line in group)
    out: list[list[Line]] = []
    prev: Line | None = None
    for line in group:
        kind, _, text, _ = line
        new = prev is None
        if prev is not None:
            if kind == "plain" and prev[0] == "bullet" and not line[3]:
                new = True
            elif kind == "bullet" and prev[0] == "plain":
                new = True  # "How to take it" over a numbered list: the line is the list's heading
            elif unwrapped and kind == "plain" and (
                    _SENTENCE_END.search(prev[2]) or _is_heading_line(text) or _is_heading_line(prev[2])):
                new = True
        if new or not out:
            out.append([line])
        else:
            out[-1].append(line)
        prev = line
    return out


def _is_heading_line(text: str) -> bool:
    return not _SENTENCE_END.search(text) and len(text.split()) <= HEADING_MAX_WORDS and any(c.isalpha() for c in text)


def _emit_group(b: DocumentBuilder, group: list[Line], first: bool = False) -> None:
    parts = _split(group)
    for k, part in enumerate(parts):
        _emit_block(b, part, first and k == 0 and len(parts) > 1)  # a headline over a byline, a date or a breadcrumb


def _emit_block(b: DocumentBuilder, group: list[Line], first: bool = False) -> None:
    level = _heading_level(group, first)
    if level:
        b.open_block("heading", level=level)
        for off, piece in without_urls(group[0][1], group[0][2]):
            b.add(off, piece)
        b.close_block()
        return
    current = ""
    for kind, start, text, _ in group:
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
