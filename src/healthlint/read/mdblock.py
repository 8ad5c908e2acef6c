"""markdown-it-py's block pass, made cheaper without changing a single token.

markdown-it tries every block rule, in order, at the start of every block
and, as paragraph terminators, on every continuation line. Almost all of those
calls return ``False`` at once, after a debug-log call, because the line does
not start with the rule's marker character. Here each rule chain is replaced
by one dispatcher that looks at the line's first character and calls only the
rules that can match it, in the original order. A skipped rule is always one
that would have returned ``False`` at that character test, before touching
the parser state, so the token stream is the same (tests compare both
parsers). The one rule that mutates state before failing (``lheading`` sets
``parentType``) gets the same mutation when it is skipped.

Tokens are :class:`LightToken` (fields filled on first use) and are handed to
a sink one top-level block at a time, so a large file never holds all its
tokens at once. The core chain is bypassed: only ``normalize`` and ``block``
matter to us (``inline`` is off and ``text_join`` only touches inline
children).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate, repeat
from operator import add, sub
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token

__all__ = ["block_tokens", "parse_blocks", "reference_parser", "LightToken"]

Rule = Callable[[StateBlock, int, int, bool], bool]

# The rule each first character can start (a rule's own first test).
_CHARS = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}


_ORDER = ("table", "code", "fence", "blockquote", "hr", "list", "reference", "html_block", "heading",
          "lheading", "paragraph")


def _chain(rules: list[tuple[str, Rule]], top: bool = False) -> Rule:
    """One rule doing what the chain ``rules`` does, skipping rules that cannot match.

    With ``top`` (the main chain) it also hands finished tokens to the state's sink.
    """
    names = [n for n, _ in rules]
    fns = dict(rules)
    table = fns.get("table")
    code = fns.get("code")
    lheading = fns.get("lheading")
    paragraph = fns.get("paragraph")
    known = [n for n in _ORDER if n in fns]
    if names != known:
        raise ValueError(f"unexpected block rules or order: {names}")
    by_char: dict[str, tuple[Rule, ...]] = {}
    for name, fn in rules:
        for ch in _CHARS.get(name, ""):
            by_char[ch] = by_char.get(ch, ()) + (fn,)

    def chain(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        if top and not silent and state.level == 0 and state.tokens:
            # A new top-level block: no rule touches the tokens of earlier ones again
            # (only the list rule looks back, and only at tokens of its own call).
            jump = _State.flush(state)
            if jump is not None and jump > line:  # the sink skips ahead: as if a block ended there
                state.line = min(jump, state.lineMax)
                return True
        src = state.src
        pos = state.bMarks[line] + state.tShift[line]
        if table is not None and line + 2 <= end:
            n = line + 1
            p = state.bMarks[n] + state.tShift[n]
            if p < state.eMarks[n] and src[p] in "|-:" and table(state, line, end, silent):
                return True
        if code is not None and state.sCount[line] - state.blkIndent >= 4 and code(state, line, end, silent):
            return True
        if pos < len(src):
            for fn in by_char.get(src[pos], ()):
                if fn(state, line, end, silent):
                    return True
        if lheading is not None:
            if _may_underline(state, line, end):
                if lheading(state, line, end, silent):
                    return True
            elif not state.is_code_block(line):
                state.parentType = "paragraph"  # what a failed lheading leaves behind
        if paragraph is not None:
            return paragraph(state, line, end, silent)
        return False

    return chain


def _may_underline(state: StateBlock, line: int, end: int) -> bool:
    """False when no line of the paragraph starting at ``line`` starts with ``-``/``=``."""
    src, b, t, e = state.src, state.bMarks, state.tShift, state.eMarks
    n = line + 1
    while n < end:
        p = b[n] + t[n]
        if p >= e[n]:
            return False
        if src[p] in "-=":
            return True
        n += 1
    return False


def _fast(md: Any) -> Any:
    ruler = md.block.ruler
    ruler.getRules("")
    names = {r.fn: r.name for r in ruler.__rules__}
    cache = ruler.__cache__
    assert cache is not None
    for chain_name, fns in list(cache.items()):
        cache[chain_name] = [_chain([(names[f], f) for f in fns], top=chain_name == "")]
    return md


def reference_parser() -> MarkdownIt:
    """The parser the reader's behaviour is defined by (CommonMark + tables, no inline)."""
    return MarkdownIt("commonmark").enable("table").disable("inline")


_MD = _fast(reference_parser())

_DEFAULTS: dict[str, Callable[[], Any]] = {
    "attrs": dict, "meta": dict, "map": lambda: None, "children": lambda: None,
    "content": str, "markup": str, "info": str, "hidden": bool, "block": bool,
}


class LightToken(Token):
    """A :class:`Token` that fills its fields only when they are first read or set.

    ``Token``'s dataclass ``__init__`` sets 14 fields and builds two dicts per
    token; the block rules set three or four. Unset fields read as Token's defaults.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:  # only reached for a slot never set
        try:
            value = _DEFAULTS[name]()
        except KeyError:
            raise AttributeError(name) from None
        setattr(self, name, value)
        return value


_new = LightToken.__new__


class _State(StateBlock):
    """``StateBlock`` whose tokens are :class:`LightToken` (same values, less work) and whose
    line arrays are built a line at a time with string methods (markdown-it walks each line's
    indentation in Python: a few milliseconds per MB, paid by every process sharing a file).

    ``sink`` receives the tokens of finished top-level blocks, in order.
    """

    sink: Callable[[list[Token]], Any] | None = None

    def __init__(self, src: str, md: Any, env: Any, tokens: list[Token]) -> None:
        super().__init__("", md, env, tokens)  # every field as markdown-it sets it, for no lines
        self.src = src
        lines = src.split("\n")
        if lines[-1].strip(" \t") == "":  # markdown-it gives a last line of only spaces and tabs no marks
            lines.pop()
        # column by column with C-level maps: a line at a time in Python took 6.5 ms per MB
        sizes = list(map(len, lines))
        shift = list(map(sub, sizes, map(len, map(str.lstrip, lines, repeat(" \t")))))
        begin = list(accumulate(map(add, sizes[:-1], repeat(1)), initial=0)) if lines else []
        self.bMarks = begin + [len(src)]
        self.eMarks = list(map(add, begin, sizes)) + [len(src)]
        self.tShift = shift + [0]
        if "\t" in src:
            self.sCount = [_columns(line, n) if "\t" in line[:n] else n for line, n in zip(lines, shift)] + [0]
        else:
            self.sCount = shift + [0]
        self.bsCount = [0] * len(self.bMarks)
        self.lineMax = len(lines)

    def flush(self) -> int | None:
        """Hand the finished tokens to the sink; what it returns is a line to go on from (or None)."""
        jump = None
        if self.sink is not None and self.tokens:
            jump = self.sink(self.tokens)
            self.tokens.clear()
        return jump

    def push(self, ttype: str, tag: str, nesting: Any) -> Token:
        token = _new(LightToken)
        token.type = ttype
        token.tag = tag
        token.nesting = nesting
        token.block = True
        if nesting < 0:
            self.level -= 1
        token.level = self.level
        if nesting > 0:
            self.level += 1
        self.tokens.append(token)
        return token


def _columns(line: str, n: int) -> int:
    """The width of the first ``n`` characters (spaces and tabs) of ``line``, tabs to multiples of 4."""
    width = 0
    for ch in line[:n]:
        width += 4 - width % 4 if ch == "\t" else 1
    return width


def parse_blocks(src: str, sink: Callable[[list[Token]], Any], start_line: int = 0) -> dict[str, Any]:
    """Parse ``src`` from line ``start_line`` (0-based); block tokens go to ``sink`` a top-level
    block at a time.

    ``sink`` gets a list it must not keep (the list is emptied afterwards); the
    tokens of one call are final, their lines counted from the start of ``src``.
    A sink may return a later line number: parsing goes on from there, as if it
    started there (see :mod:`.mdcuts` for when that gives the whole parse's tokens).
    Returns the parse environment (reference definitions are complete only once
    parsing is done). Starting at a line gives the tokens that parsing the text
    from that line on would give, without copying it.
    """
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in src:
        src = src.replace("\0", "\ufffd")
    env: dict[str, Any] = {}
    if src:
        state = _State(src, _MD, env, [])
        state.sink = sink
        _MD.block.tokenize(state, start_line, state.lineMax)
        state.flush()
    return env


def block_tokens(src: str) -> tuple[list[Token], dict[str, Any]]:
    """All block tokens of ``src`` and the parse environment (reference definitions)."""
    tokens: list[Token] = []
    env = parse_blocks(src, tokens.extend)
    return tokens, env
