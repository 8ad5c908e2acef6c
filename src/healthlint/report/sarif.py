"""SARIF 2.1.0 output (for GitHub code scanning and SARIF viewers)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote_from_bytes

from .findings import SORT_KEY, Finding, Related, RunResult
from .json_out import _safe, dumps, dumps_at
from .text import file_messages

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
from .. import HOMEPAGE, RULES_URL

INFORMATION_URI = HOMEPAGE
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "healthlint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note", "notice": "note"}


def level(severity: str) -> str:
    """SARIF level for a healthlint severity."""
    return LEVELS.get(severity, "warning")


def camel_case(rule_id: str) -> str:
    """``absolute-cure`` -> ``AbsoluteCure``."""
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^0-9A-Za-z]+", rule_id) if p) or rule_id


def artifact_location(path: str) -> dict[str, Any]:
    """A path as a URI: relative (to %SRCROOT%, forward slashes) or ``file:``."""
    if PurePath(path).is_absolute():
        try:
            return {"uri": Path(path).as_uri()}
        except ValueError:
            pass
    p = path.replace(os.sep, "/") if os.sep != "/" else path
    while p.startswith("./"):
        p = p[2:]
    return {"uri": quote_from_bytes(os.fsencode(p), safe="/"), "uriBaseId": SRCROOT}


def region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int] | None:
    """A SARIF region, dropping any part that is unknown (0) or inconsistent."""
    if line < 1:
        return None
    reg = {"startLine": line}
    if column >= 1:
        reg["startColumn"] = column
    if end_line >= line:
        reg["endLine"] = end_line
        if end_column >= 1 and (end_line > line or end_column >= column):
            reg["endColumn"] = end_column
    return reg


def _physical(path: str, line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    loc: dict[str, Any] = {"artifactLocation": artifact_location(path)}
    reg = region(line, column, end_line, end_column)
    if reg:
        loc["region"] = reg
    return loc


def _code(s: str) -> str:
    """A Markdown code span that survives backticks in ``s``."""
    longest = max((len(m) for m in re.findall(r"`+", s)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{ticks}{pad}{s}{pad}{ticks}"


def _help(rule: Any) -> dict[str, str]:
    rationale = (getattr(rule, "rationale", "") or "").strip()
    sources = list(getattr(rule, "sources", None) or [])
    fix = (getattr(rule, "fix", "") or "").strip()
    fire = list(getattr(rule, "examples_fire", None) or [])
    ok = list(getattr(rule, "examples_pass", None) or [])
    text, md = [rationale] if rationale else [], [rationale] if rationale else []
    if fix:
        text.append(f"How to fix: {fix}")
        md.append(f"**How to fix:** {fix}")
    for title, items, code in (
        ("Sources", sources, False),
        ("Examples that fire", fire, True),
        ("Examples that pass", ok, True),
    ):
        if items:
            text.append(f"{title}:\n" + "\n".join(f"- {i}" for i in items))
            md.append(f"**{title}**\n\n" + "\n".join(f"- {_code(i) if code else i}" for i in items))
    return {"text": "\n\n".join(text) or rule_id_of(rule), "markdown": "\n\n".join(md) or rule_id_of(rule)}


def rule_id_of(rule: Any) -> str:
    return str(getattr(rule, "id", "") or "")


def descriptor(rule_id: str, rule: Any | None) -> dict[str, Any]:
    """A ``reportingDescriptor`` for one rule (minimal when ``rule`` is unknown)."""
    d: dict[str, Any] = {"id": rule_id, "name": camel_case(rule_id)}
    if rule is None:
        return d
    one = rule.one_line() if hasattr(rule, "one_line") else ""
    if one:
        d["shortDescription"] = {"text": one}
    rationale = (getattr(rule, "rationale", "") or "").strip()
    if rationale:
        d["fullDescription"] = {"text": rationale}
    d["help"] = _help(rule)
    d["helpUri"] = RULES_URL
    d["defaultConfiguration"] = {"level": level(getattr(rule, "severity", "warning"))}
    category = getattr(rule, "category", "") or ""
    tags = [t for t in dict.fromkeys([getattr(rule, "pack", ""), category]) if t]
    d["properties"] = {"category": category, "tags": tags}
    return d


def fingerprint(f: Finding, uri: str) -> str:
    """Stable across line shifts: hash of rule, file and message."""
    return hashlib.sha256("\0".join((f.rule, uri, f.message)).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _related(f: Finding, r: Related, i: int) -> dict[str, Any]:
    return {
        "id": i,
        "message": {"text": r.message},
        "physicalLocation": _physical(f.path, r.line, r.column, r.end_line, r.end_column),
    }


def results(run: RunResult, findings: list[Finding], index: dict[str, int]) -> Iterator[dict[str, Any]]:
    """The ``results`` entries, one finding at a time (fingerprints count repeats in order)."""
    seen: dict[str, int] = {}
    for f in findings:
        loc = _physical(f.path, f.line, f.column, f.end_line, f.end_column)
        fp = fingerprint(f, loc["artifactLocation"]["uri"])
        seen[fp] = seen.get(fp, 0) + 1
        res: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": level(f.severity),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": loc}],
            "partialFingerprints": {FINGERPRINT_KEY: f"{fp}:{seen[fp]}"},
        }
        if f.related:
            res["relatedLocations"] = [_related(f, r, i) for i, r in enumerate(f.related)]
        yield res


def _frame(run: RunResult, ids: list[str], results: list[Any]) -> dict[str, Any]:
    """The SARIF log around ``results``."""
    notes = [
        {
            "level": "error" if lvl == "error" else "note",
            "message": {"text": msg},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}],
        }
        for path, lvl, msg in file_messages(run)
    ]
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(r.error and not r.skipped for r in run.files)
    }
    if notes:
        invocation["toolExecutionNotifications"] = notes
    driver: dict[str, Any] = {"name": "healthlint"}
    if run.tool_version:
        driver["version"] = run.tool_version
    driver["informationUri"] = INFORMATION_URI
    driver["rules"] = [descriptor(rid, run.rules.get(rid)) for rid in ids]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _prepare(run: RunResult) -> tuple[list[Finding], list[str], dict[str, int]]:
    findings = sorted(run.findings, key=SORT_KEY)
    ids = sorted(run.rules)
    ids += sorted({f.rule for f in findings} - set(ids))
    return findings, ids, {rid: i for i, rid in enumerate(ids)}


def build(run: RunResult) -> dict[str, Any]:
    """The SARIF log as a dict."""
    findings, ids, index = _prepare(run)
    return _frame(run, ids, list(results(run, findings, index)))


_SLOT = "\x00healthlint:results\x00"  # stands for the results array while the frame is dumped


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    """Write the run as a SARIF 2.1.0 log, one result at a time (same bytes as ``dumps(build(run))``)."""
    findings, ids, index = _prepare(run)
    if not findings:
        out.write(dumps(_frame(run, ids, [])))
        out.write("\n")
        return
    slot = json.dumps(_SLOT)
    head, tail = json.dumps(_frame(run, ids, [_SLOT]), ensure_ascii=False, indent=2).split(slot)
    # head ends with the "results" key, a line break and the indentation of the items (depth 4).
    head, pad = head.rsplit("\n", 1)
    out.write(_safe(head))
    first = True
    for res in results(run, findings, index):
        out.write(("\n" if first else ",\n") + pad + dumps_at(res, 4))
        first = False
    out.write(_safe(tail))
    out.write("\n")
