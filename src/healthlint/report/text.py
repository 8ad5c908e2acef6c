"""Human-readable output: ``path:line:col: severity [rule] message``."""

from __future__ import annotations

import re
from typing import Callable, TextIO

from .findings import SORT_KEY, Finding, RunResult

# C0, DEL, C1, bidi/format controls, line separators and lone surrogates:
# anything that could move the cursor, recolour or reorder a terminal line.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

_SGR = {"error": "1;31", "warning": "33", "info": "36", "notice": "34", "path": "1", "summary": "1"}


def _escape(m: re.Match[str]) -> str:
    cp = ord(m.group())
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def neutralise(s: str, keep: str = "") -> str:
    """Show control characters as visible ``\\x1b``/``\\u202e`` escapes.

    Characters in ``keep`` (e.g. ``"\\r\\n"``) are left for the caller to escape.
    """
    if s.isprintable():  # every UNSAFE character is unprintable: nothing to escape
        return s
    if keep:
        return UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m), s)
    return UNSAFE.sub(_escape, s)


def _paint(s: str, style: str, color: bool) -> str:
    return f"\x1b[{_SGR[style]}m{s}\x1b[0m" if color else s


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(run: RunResult) -> str:
    """``2 files checked, 1 skipped: 3 findings (1 error, 2 warnings, 0 info)``."""
    s = run.summary()
    skipped = s["files_skipped"]
    head = _plural(s["files"] - skipped, "file") + " checked"
    if skipped:
        head += f", {skipped} skipped"
    if not s["findings"]:
        return f"{head}: no findings"
    by = s["by_severity"]
    return (
        f"{head}: {_plural(s['findings'], 'finding')} ("
        f"{_plural(by.get('error', 0), 'error')}, "
        f"{_plural(by.get('warning', 0), 'warning')}, {by.get('info', 0)} info)"
    )


def file_messages(run: RunResult) -> list[tuple[str, str, str]]:
    """``(path, level, message)`` for unreadable/skipped files and notices."""
    out: list[tuple[str, str, str]] = []
    for r in run.files:
        if r.error:
            out.append((r.path, "notice" if r.skipped else "error", r.error))
        elif r.skipped and not r.notices:
            out.append((r.path, "notice", "skipped"))
        out.extend((r.path, "notice", n) for n in r.notices)
    return out


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    """Write one line per finding/file message, then a blank line and a summary.

    Rows are sorted first and each line is formatted as it is written.
    """
    rows: list[tuple[str, str, str] | Finding] = []
    keys: list[tuple[object, ...]] = []
    for i, m in enumerate(file_messages(run)):
        rows.append(m)
        keys.append((m[0], 0, 0, "", i))
    for f in run.findings:
        rows.append(f)
        keys.append(SORT_KEY(f))
    order = sorted(range(len(rows)), key=keys.__getitem__)
    del keys
    shown: dict[str, str] = {}  # each path and rule id made safe once (thousands of findings share them)
    for i in order:
        r = rows[i]
        if isinstance(r, tuple):
            path, level, msg = r
            line = f"{_paint(neutralise(path), 'path', color)}: {_paint(level, level, color)}: {neutralise(msg)}"
        else:
            path, rule = shown.get(r.path), shown.get(r.rule)
            if path is None:
                path = shown[r.path] = neutralise(r.path)
            if rule is None:
                rule = shown[r.rule] = neutralise(r.rule)
            if color:
                where = _paint(f"{path}:{r.line}:{r.column}", "path", color)
                sev = _paint(r.severity, r.severity if r.severity in _SGR else "warning", color)
                line = f"{where}: {sev} [{rule}] {neutralise(r.message)}"
            else:
                line = f"{path}:{r.line}:{r.column}: {r.severity} [{rule}] {neutralise(r.message)}"
        out.write(line + "\n")
    if rows:
        out.write("\n")
    out.write(_paint(summary_line(run), "summary", color) + "\n")


def caret_lines(source: str, f: Finding) -> list[str]:
    """The finding's line (control characters escaped) and a caret line under the flagged words; a
    span running onto later lines is underlined to the end of its first line."""
    shown = neutralise(source)
    if shown != source:  # escapes changed the widths: underline from the column, as far as the text goes
        source = shown
    start = max(0, min(f.column - 1, len(source)))
    end = f.end_column - 1 if f.end_line == f.line else len(source)
    end = max(start + 1, min(end, len(source)))
    pad = "".join(c if c == "\t" else " " for c in source[:start])
    return [f"  {source}", f"  {pad}{'^' * (end - start)}"]


def render_lines(run: RunResult, out: TextIO, *, color: bool = False,
                 source: Callable[[str, int], str | None] | None = None, summary: bool = True) -> None:
    """The findings, one line each (``--quiet``: nothing else; no file notices, no summary); with
    ``source(path, line)``, each followed by its line and a caret under the flagged words."""
    if summary:
        for path, level, msg in file_messages(run):
            out.write(f"{_paint(neutralise(path), 'path', color)}: {_paint(level, level, color)}: {neutralise(msg)}\n")
    for f in sorted(run.findings, key=SORT_KEY):
        where = _paint(f"{neutralise(f.path)}:{f.line}:{f.column}", "path", color)
        sev = _paint(f.severity, f.severity if f.severity in _SGR else "warning", color)
        out.write(f"{where}: {sev} [{neutralise(f.rule)}] {neutralise(f.message)}\n")
        text = source(f.path, f.line) if source is not None else None
        if text is not None:
            out.write("\n".join(caret_lines(text, f)) + "\n")
    if summary:
        out.write("\n" + _paint(summary_line(run), "summary", color) + "\n")


def render_statistics(run: RunResult, out: TextIO, *, quiet: bool = False) -> None:
    """``--statistics``: the number of findings per rule, most first (as ruff prints them)."""
    counts: dict[str, list[object]] = {}
    for f in run.findings:
        row = counts.setdefault(f.rule, [0, f.severity])
        row[0] = int(row[0]) + 1  # type: ignore[call-overload]
    rows = sorted(counts.items(), key=lambda kv: (-int(kv[1][0]), kv[0]))  # type: ignore[call-overload]
    width = max((len(str(r[0])) for _, r in rows), default=1)
    rid_width = max((len(neutralise(rid)) for rid, _ in rows), default=1)
    for rid, (n, severity) in rows:
        out.write(f"{str(n).rjust(width)}  {neutralise(rid).ljust(rid_width)}  {severity}\n")
    if not quiet:
        out.write(("\n" if rows else "") + summary_line(run) + "\n")
