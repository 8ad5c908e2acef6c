"""GitLab Code Quality report: a JSON array of issues (``artifacts: reports: codequality``).

Each issue has a ``fingerprint`` that GitLab uses to tell new issues from fixed ones between a
merge request and its target branch: a hash of the rule, the path and the message, and of how
many times the same triple came before in the file, so it does not change when lines move.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any, TextIO

from .findings import SORT_KEY, RunResult
from .json_out import write_array
from .text import file_messages

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _path(path: str) -> str:
    p = path.replace(os.sep, "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def issues(run: RunResult) -> list[dict[str, Any]]:
    seen: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    for path, level, msg in file_messages(run):
        if level == "error":
            key = "\0".join(("healthlint-file", _path(path), msg))
            out.append({"type": "issue", "check_name": "healthlint/unreadable-file", "description": msg,
                        "categories": ["Bug Risk"], "severity": "major",
                        "fingerprint": hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest(),
                        "location": {"path": _path(path), "lines": {"begin": 1}}})
    for f in sorted(run.findings, key=SORT_KEY):
        key = "\0".join((f.rule, _path(f.path), f.message))
        seen[key] = seen.get(key, 0) + 1
        fp = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass")).hexdigest()
        out.append({
            "type": "issue",
            "check_name": f"healthlint/{f.rule}",
            "description": f"[{f.rule}] {f.message}",
            "categories": ["Style"],
            "severity": SEVERITY.get(f.severity, "minor"),
            "fingerprint": fp,
            "location": {"path": _path(f.path), "lines": {"begin": max(1, f.line), "end": max(1, f.end_line, f.line)}},
        })
    return out


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    """The issues as one JSON array (escaped as the JSON report is)."""
    write_array(out, issues(run), 0)
    out.write("\n")
