"""HTML reader on the stdlib ``HTMLParser`` with exact source offsets.

``getpos()`` counts lines by ``"\\n"`` only, so offsets come from our own
``"\\n"``-only line-start table (CRLF and lone CR stay right). Text runs are
added verbatim; runs of whitespace collapse to one ``" "`` separator, as a
browser shows them; bare URLs in text are dropped. Entities are
``add_replaced`` with the decoded character.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser

import regex

from .document import Document, DocumentBuilder
from .inline import without_urls

SKIP = frozenset(
    "script style template noscript svg math pre code kbd samp textarea select "
    "iframe object canvas button".split()
)
NON_BODY = frozenset({"nav", "footer", "header", "aside"})
VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen".split()
)
BLOCK = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li "
    "main nav ol p section summary table tbody td tfoot th thead title tr ul".split()
)
_KIND = {"li": "list_item", "td": "table_cell", "th": "table_cell", "blockquote": "blockquote", "title": "heading"}
_INHERIT = frozenset({"list_item", "table_cell", "blockquote", "heading"})
# Opening these closes an open element of the group, unless a boundary comes first.
_IMPLIED = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "body": (frozenset({"head"}), frozenset()),
}
_P = frozenset({"p"})
_P_BOUNDS = BLOCK - _P
_ENTITY = regex.compile(r"&(?:#[xX][0-9a-fA-F]*|#[0-9]*|[A-Za-z][-.A-Za-z0-9]*);?")
_RUN = regex.compile(r"\S+(?: \S+)*")


@dataclass(slots=True, frozen=True)
class _Frame:
    tag: str
    skip: bool = False
    head: bool = False
    nonbody: bool = False
    quoted: bool = False
    kind: str = "paragraph"
    level: int = 0


_ROOT = _Frame("#root")


def _child(parent: _Frame, tag: str) -> _Frame:
    kind, level = parent.kind, parent.level
    if tag in _KIND:
        kind = _KIND[tag]
        level = 1 if tag == "title" else level
    elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        kind, level = "heading", int(tag[1])
    elif tag in BLOCK and kind not in _INHERIT:
        kind = "paragraph"
    return _Frame(
        tag,
        skip=parent.skip or tag in SKIP,
        head=(parent.head or tag == "head") and tag != "title",
        nonbody=parent.nonbody or tag in NON_BODY,
        quoted=parent.quoted or tag == "blockquote",
        kind=kind,
        level=level,
    )


class _Extractor(HTMLParser):
    def __init__(self, builder: DocumentBuilder, source: str, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self.b = builder
        self.src = source
        self.base = start
        self.end = end
        self.nl = [0]
        find = source.find
        i = find("\n", start, end)
        while i >= 0:
            self.nl.append(i + 1 - start)
            i = find("\n", i + 1, end)
        self.stack: list[_Frame] = []
        self.top = _ROOT
        self.open = False
        self.space = False

    # -- structure -------------------------------------------------------
    def _break(self) -> None:
        if self.open:
            self.b.close_block()
            self.open = False
        self.space = False

    def _pop_to(self, index: int) -> None:
        popped = self.stack[index:]
        del self.stack[index:]
        self.top = self.stack[-1] if self.stack else _ROOT
        if any(f.tag in BLOCK for f in popped):
            self._break()

    def _find(self, tags: frozenset[str], bounds: frozenset[str]) -> int:
        for i in range(len(self.stack) - 1, -1, -1):
            t = self.stack[i].tag
            if t in tags:
                return i
            if t in bounds:
                return -1
        return -1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag == "br":
                if self.open:
                    self.b.add_separator("\n")
                self.space = False
            elif tag == "hr":
                self._break()
            return
        if tag in _IMPLIED:
            i = self._find(*_IMPLIED[tag])
            if i >= 0:
                self._pop_to(i)
        if tag in BLOCK:
            i = self._find(_P, _P_BOUNDS)
            if i >= 0:
                self._pop_to(i)
            self._break()
        self.top = _child(self.top, tag)
        self.stack.append(self.top)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            self.handle_starttag(tag, attrs)
        elif tag in BLOCK:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                self._pop_to(i)
                return

    # -- text ------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.base + self.nl[line - 1] + col

    def _hidden(self) -> bool:
        return self.top.skip or self.top.head

    def _ensure_block(self) -> None:
        if not self.open:
            t = self.top
            self.b.open_block(t.kind, quoted=t.quoted, level=t.level, body=not t.nonbody)
            self.open = True
            self.space = False
        elif self.space:
            self.b.add_separator(" ")
            self.space = False

    def handle_data(self, data: str) -> None:
        if self._hidden():
            return
        off = self._offset()
        if not self.src.startswith(data, off):  # never mis-position: drop instead
            return
        pos = 0
        for m in _RUN.finditer(data):
            if m.start() > pos:
                self.space = True
            pos = m.end()
            pieces = without_urls(off + m.start(), m.group())
            if not pieces:  # only a URL: it reads as a gap
                self.space = True
                continue
            self._ensure_block()
            for at, piece in pieces:
                self.b.add(at, piece)
        if pos < len(data):
            self.space = True

    def _reference(self) -> None:
        if self._hidden():
            return
        off = self._offset()
        m = _ENTITY.match(self.src, off, self.end)
        if m is None:
            return
        raw = m.group()
        decoded = html.unescape(raw)
        self._ensure_block()
        if decoded == raw:
            self.b.add(off, raw)
        else:
            self.b.add_replaced(off, m.end(), decoded)

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()


_MARKUP_OPEN = regex.compile(r"<[A-Za-z/!?]")


def unterminated(source: str, start: int, end: int) -> int:
    """Offset of the first markup in ``source[start:end]`` that can never be closed, else ``end``.

    A tag needs a later ``>``, a comment a later ``-->``, a marked section a later
    ``]]>``. Like a browser, healthlint reads such markup (and everything after it)
    as part of the unfinished tag, so it is not prose. Cutting it off before parsing
    also keeps ``html.parser`` linear: it rescans to the end of the input for every
    unclosed ``<`` (a file of ``<a <a <a ...`` took minutes).
    """
    cut = end
    gt = source.rfind(">", start, end)
    m = _MARKUP_OPEN.search(source, max(gt, start), end)
    if m:
        cut = m.start()
    for opener, closer in (("<!--", "-->"), ("<![", "]]>")):
        c = source.rfind(closer, start, cut)
        i = source.find(opener, max(c + len(closer), start) if c >= 0 else start, cut)
        if i >= 0:
            cut = i
    return cut


def extract_html(builder: DocumentBuilder, source: str, start: int = 0, end: int | None = None) -> None:
    """Emit the prose of ``source[start:end]`` (HTML) as blocks into ``builder``."""
    end = len(source) if end is None else end
    cut = unterminated(source, start, end)
    p = _Extractor(builder, source, start, cut)
    try:
        p.feed(source[start:cut])
        p.close()
    except Exception as e:  # noqa: BLE001 - garbage HTML must never crash a run
        builder.warnings.append(f"HTML parse error ({e.__class__.__name__}); rest of the markup skipped")
    p._break()
    if cut < end and source[cut:end].strip(" \t\r\n<"):
        line = source.count("\n", 0, cut) + source.count("\r", 0, cut) - source.count("\r\n", 0, cut) + 1
        builder.warnings.append(f"unclosed HTML markup at line {line} ({source[cut:cut + 4]!r}...): "
                                "the text after it is not checked")


def read_html(source: str, path: str = "<string>") -> Document:
    """Read an HTML document."""
    b = DocumentBuilder(path, source, "html")
    extract_html(b, source)
    return b.build()
