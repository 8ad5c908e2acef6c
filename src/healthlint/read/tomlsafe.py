"""TOML front matter and ``pyproject.toml``, bounded before the parser sees them.

The standard library's parser keeps every prefix of a dotted key, so memory grows with the
square of a key's length (60 kB of ``a.a.a...`` took 3.5 GB) and with the number of key
parts. A text is therefore refused before parsing when it is larger than :data:`MAX_BYTES`,
when a key is deeper than :data:`MAX_DEPTH` (its dotted parts plus the tables and arrays it is
nested in) or when it holds more than :data:`MAX_PARTS` key parts in all. Found by one scan
that skips strings and comments, so quoted text never counts.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from ..errors import ConfigError

MAX_BYTES = 1_000_000
MAX_DEPTH = 100
MAX_PARTS = 100_000

_TOKEN = re.compile(r'''
    "{3}(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}    # multi-line basic string
  | '{3}[\s\S]*?'{3,5}                       # multi-line literal string
  | "(?:[^"\\\n]|\\.)*"?                     # basic string (a quoted key part)
  | '[^'\n]*'?                               # literal string
  | \#[^\n]*                                 # comment
  | [A-Za-z0-9_-]+                           # a bare key part (or a value)
  | [ \t]+ | \n | .                          # spaces; a line break; = . [ ] { } , and the rest
''', re.VERBOSE)


def problem(text: str) -> str | None:
    """Why ``text`` is not handed to the TOML parser, or None."""
    if len(text) > MAX_BYTES:
        return f"larger than {MAX_BYTES:,} characters"
    nesting = 0  # open [ and {
    run = 0  # parts of the dotted key being read
    parts = 0
    dot = False  # the last token was a "." (spaces aside)
    for m in _TOKEN.finditer(text):
        tok = m.group()
        c = tok[0]
        if c in " \t#":
            continue
        if c == "." and len(tok) == 1:
            dot = True
            continue
        if c.isalnum() or c in "_-\"'":
            run = run + 1 if dot and run else 1
            parts += 1
            if nesting + run > MAX_DEPTH:
                return f"a key nested more than {MAX_DEPTH} levels deep"
            if parts > MAX_PARTS:
                return f"more than {MAX_PARTS:,} key parts"
        else:
            run = 0
            if c in "[{":
                nesting += 1
            elif c in "]}" and nesting:
                nesting -= 1
        dot = False
    return None


def load_toml(text: str, where: str) -> dict[str, Any]:
    """Parse ``text`` (refused when :func:`problem` finds one); errors name ``where``."""
    why = problem(text)
    if why is not None:
        raise ConfigError(where, f"TOML refused: {why}")
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except Exception as e:  # noqa: BLE001 - TOMLDecodeError, RecursionError...
        raise ConfigError(where, f"invalid TOML: {e}") from None
