"""Markdown inline scanner: keep the prose of a block, drop the markup.

The lines of a block (each an exact piece of the source) are joined with
``"\\n"`` and scanned with one compiled alternation. Text between matches is
emitted verbatim, line by line, so every prose character maps to its source
character; line joins become ``"\\n"`` separators. Removed: code spans,
autolinks, bare URLs, inline HTML, images, link targets and reference labels,
emphasis markers, hard-break backslashes. Escapes keep the escaped character;
entities are replaced by the character they stand for.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection

import regex

from .document import DocumentBuilder

_BRACKETED = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
_DEST = (
    r"[ \t\n]*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"""(?:[ \t\n]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t\n]*"""
)
_ATTR = r"""\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_DOMAIN = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"

INLINE = regex.compile(
    "(?s)"
    r"(?P<esc>\\(?P<escc>[!-/:-@\[-`{-~])|\\(?=\n))"
    r"|(?P<code>(?<!`)(?P<bt>`+)(?!`).+?(?<!`)(?P=bt)(?!`))"
    r"|(?P<auto><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + _DOMAIN + r"(?:\." + _DOMAIN + r")*)>)"
    r"|(?P<html><!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>"
    r"|</?(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?:" + _ATTR + r")*\s*/?>)"
    r"|(?P<img>!\[(?P<alt>" + _BRACKETED + r")\](?P<itarget>\(" + _DEST + r"\)|\[[^\[\]]*\])?)"
    r"|(?P<link>\[(?P<ltext>" + _BRACKETED + r")\](?P<ltarget>\(" + _DEST + r"\)|\[[^\[\]]*\])?)"
    r"|(?P<ent>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<url>(?<![\w/@.-])(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,:;\"'!?*_~)\]])"
    r"|(?P<emph>\*+|_+|~~+)"
)

BARE_URL = regex.compile(r"(?<![\w/@.-])(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,:;\"'!?*_~)\]]")


def without_urls(offset: int, text: str) -> list[tuple[int, str]]:
    """Pieces ``(source offset, text)`` of ``text`` (at ``offset``) with bare URLs cut out."""
    pieces = []
    pos = 0
    for m in BARE_URL.finditer(text):
        if m.start() > pos:
            pieces.append((offset + pos, text[pos : m.start()]))
        pos = m.end()
    if pos < len(text):
        pieces.append((offset + pos, text[pos:]))
    return pieces


_BREAK_TAGS = frozenset({"br", "p", "div", "li", "tr", "td", "th"})


class InlineScanner:
    """Emit the prose of Markdown inline content into a :class:`DocumentBuilder`."""

    def __init__(self, builder: DocumentBuilder, references: Collection[str] = ()) -> None:
        self.b = builder
        self.refs = references
        self._j = ""
        self._starts: list[int] = [0]
        self._offs: list[int] = [0]

    def scan(self, lines: list[tuple[int, str]]) -> None:
        """Scan one block given as ``(source_offset, line_text)`` pairs."""
        if not lines:
            return
        if len(lines) == 1:
            off, j = lines[0]
            self._starts, self._offs = [0], [off]
        else:
            starts = []
            pos = 0
            for _, t in lines:
                starts.append(pos)
                pos += len(t) + 1
            self._starts = starts
            self._offs = [o for o, _ in lines]
            j = "\n".join(t for _, t in lines)
        self._j = j
        self._scan(0, len(j))

    def _src(self, i: int) -> int:
        k = bisect_right(self._starts, i) - 1 if len(self._starts) > 1 else 0
        return self._offs[k] + i - self._starts[k]

    def _emit(self, a: int, b: int) -> None:
        """Emit ``joined[a:b]`` verbatim; line joins become separators."""
        j = self._j
        if len(self._starts) == 1:
            if a < b:
                self.b.add(self._offs[0] + a, j[a:b])
            return
        starts = self._starts
        k = bisect_right(starts, a) - 1
        while a < b:
            line_end = starts[k + 1] - 1 if k + 1 < len(starts) else len(j)
            end = min(b, line_end)
            if a < end:
                self.b.add(self._offs[k] + a - starts[k], j[a:end])
            if end >= b:
                return
            self.b.add_separator("\n")
            a = line_end + 1
            k += 1

    def _scan(self, a: int, b: int) -> None:
        j = self._j
        pos = a
        for m in INLINE.finditer(j, a, b):
            kind = m.lastgroup
            s, e = m.span()
            if kind == "emph" and _literal_run(j, s, e, a, b):
                continue
            if kind == "ent":
                import html  # on the first entity only (its table costs a cold run about 2 ms)

                decoded = html.unescape(m.group())
                if decoded == m.group():
                    continue
            self._emit(pos, s)
            pos = e
            if kind == "esc":
                if m.group("escc"):
                    self.b.add(self._src(s + 1), m.group("escc"))
            elif kind == "ent":
                src = self._src(s)
                self.b.add_replaced(src, src + (e - s), decoded)
            elif kind == "link":
                self._link(m, "ltext", "ltarget")
            elif kind == "img":
                if m.group("itarget") is None and not self._is_ref(m.group("alt")):
                    self._emit(s, s + 1)  # "!" then a literal bracket group
                    self._link(m, "alt", "itarget")
            elif kind == "html" and m.group("tag") and m.group("tag").lower() in _BREAK_TAGS:
                self.b.add_separator("\n")
            # code, auto, url, emph, other html: dropped
        self._emit(pos, b)

    def _link(self, m: regex.Match[str], text: str, target: str) -> None:
        ts, te = m.span(text)
        if m.group(target) is not None or self._is_ref(m.group(text)):
            self._scan(ts, te)
        else:  # not a link: keep the brackets
            self._emit(ts - 1, ts)
            self._scan(ts, te)
            self._emit(te, te + 1)

    def _is_ref(self, label: str) -> bool:
        if not self.refs:
            return False
        from markdown_it.common.utils import normalizeReference  # only for files with definitions

        return normalizeReference(label) in self.refs


def _literal_run(j: str, s: int, e: int, a: int, b: int) -> bool:
    """True when a ``*``/``_``/``~`` run is text, not an emphasis delimiter."""
    prev = j[s - 1] if s > a else " "
    nxt = j[e] if e < b else " "
    if prev.isspace() and nxt.isspace():
        return True
    c = j[s]
    if c == "_":
        return prev.isalnum() and nxt.isalnum()
    if c == "*":
        return prev.isdigit() and nxt.isdigit()
    return False
