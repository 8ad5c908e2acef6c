"""Machine-readable output: ``{"findings": [...], "summary": {...}}``.

The document is written finding by finding (each one dumped on its own and
indented to its place), so a run with many findings never holds the whole
report, or a dict per finding, in memory. The bytes are those of
``json.dumps(whole, ensure_ascii=False, indent=2)``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from .findings import SORT_KEY, RunResult

# json.dumps(ensure_ascii=False) escapes C0 only; also escape DEL, C1, bidi
# controls and line separators (they occur only in strings). A lone surrogate
# (an undecodable byte of a file name) becomes U+FFFD: the report is valid UTF-8.
_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(m: re.Match[str]) -> str:
    cp = ord(m.group())
    return "\ufffd" if 0xD800 <= cp <= 0xDFFF else f"\\u{cp:04x}"


def _safe(text: str) -> str:
    return _UNSAFE.sub(_escape, text)


def dumps(obj: Any) -> str:
    """Pretty JSON, UTF-8 friendly, with no raw control characters."""
    return _safe(json.dumps(obj, ensure_ascii=False, indent=2))


def dumps_at(obj: Any, depth: int) -> str:
    """:func:`dumps` of ``obj`` as it reads nested ``depth`` levels deep in an indented document.

    JSON strings never hold a raw line break, so every ``"\\n"`` is indentation.
    """
    return dumps(obj).replace("\n", "\n" + "  " * depth)


def write_array(out: TextIO, items: Iterable[Any], depth: int) -> None:
    """Write the items of a JSON array value nested ``depth`` levels deep, as ``dumps`` would."""
    pad = "\n" + "  " * (depth + 1)
    first = True
    for item in items:
        out.write(("[" if first else ",") + pad + dumps_at(item, depth + 1))
        first = False
    out.write("[]" if first else "\n" + "  " * depth + "]")


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    """Write the findings (sorted) and the run summary as one JSON document."""
    findings = sorted(run.findings, key=SORT_KEY)
    out.write('{\n  "findings": ')
    write_array(out, (f.to_dict() for f in findings), 1)
    out.write(',\n  "summary": ' + dumps_at(run.summary(), 1) + "\n}\n")
