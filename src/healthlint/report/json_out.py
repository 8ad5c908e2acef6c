"""Machine-readable output: ``{"findings": [...], "summary": {...}}``."""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from healthlint.findings import RunResult

# json.dumps(ensure_ascii=False) escapes C0 only; also escape DEL, C1, bidi
# controls, line separators and lone surrogates (they occur only in strings).
_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def dumps(obj: Any) -> str:
    """Pretty JSON, UTF-8 friendly, with no raw control characters."""
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    """Write the findings (sorted) and the run summary as one JSON document."""
    findings = sorted(run.findings, key=lambda f: f.sort_key())
    out.write(dumps({"findings": [f.to_dict() for f in findings], "summary": run.summary()}))
    out.write("\n")
