"""Findings and run results: what rules produce and reporters print."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any


SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: i for i, name in enumerate(SEVERITIES)}


def json_path(path: str) -> dict[str, str]:
    """``{"path": path}`` for a JSON report. A file name that is not valid UTF-8 (its undecodable
    bytes kept as lone surrogates) is shown with U+FFFD instead, and its bytes, in hex, are in
    ``path_bytes``: the report stays valid UTF-8 and the file can still be found."""
    try:
        path.encode("utf-8")
        return {"path": path}
    except UnicodeEncodeError:
        try:
            raw = path.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = path.encode("utf-8", "surrogatepass")
        return {"path": raw.decode("utf-8", "replace"), "path_bytes": raw.hex()}


@dataclass(slots=True)
class Related:
    """A place that explains a finding (the evidence it rests on)."""

    message: str
    line: int
    column: int
    end_line: int
    end_column: int


SORT_FIELDS = ("path", "line", "column", "rule", "end_line", "end_column")
SORT_KEY = attrgetter(*SORT_FIELDS)  # Finding.sort_key without a Python call (sorting thousands)


@dataclass(slots=True)
class Finding:
    """One problem at an exact place in one file.

    ``start``/``end`` are offsets into the decoded source; ``line``/``column``
    (1-based, characters) are filled from them by the linter.
    """

    rule: str
    severity: str
    message: str
    start: int
    end: int
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    category: str = ""
    related: list[Related] = field(default_factory=list)
    fix: str | None = None

    def sort_key(self) -> tuple[Any, ...]:
        return SORT_KEY(self)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            **json_path(self.path),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
        }
        if self.related:
            d["related"] = [
                {"message": r.message, "line": r.line, "column": r.column,
                 "end_line": r.end_line, "end_column": r.end_column}
                for r in self.related
            ]
        if self.fix:
            d["fix"] = self.fix
        return d


@dataclass(slots=True)
class FileResult:
    """What linting one file gave: findings, or why it could not be read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    notices: list[str] = field(default_factory=list)
    skipped: bool = False


@dataclass(slots=True)
class RunResult:
    """All files of one run plus what reporters need to describe the rules."""

    files: list[FileResult]
    rules: dict[str, Any]
    fail_on: str = "warning"
    tool_version: str = ""

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    def failing(self) -> list[Finding]:
        bar = SEVERITY_RANK[self.fail_on]
        return [f for f in self.findings if SEVERITY_RANK.get(f.severity, 0) >= bar]

    def summary(self) -> dict[str, Any]:
        counts = {s: 0 for s in reversed(SEVERITIES)}
        for f in self.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
        return {
            "files": len(self.files),
            "files_with_findings": sum(1 for r in self.files if r.findings),
            "files_skipped": sum(1 for r in self.files if r.skipped or r.error),
            "findings": sum(counts.values()),
            "by_severity": counts,
            "errors": [{**json_path(r.path), "message": r.error} for r in self.files if r.error],
            "fail_on": self.fail_on,
        }

    def exit_code(self) -> int:
        """2 when there were inputs and none could be read (missing, unreadable, binary...)."""
        if self.files and all(r.error or r.skipped for r in self.files):
            return 2
        return 1 if self.failing() else 0
