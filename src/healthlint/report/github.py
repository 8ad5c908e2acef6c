"""GitHub Actions workflow commands (``::error file=...::message``)."""

from __future__ import annotations

import os
from typing import TextIO

from .findings import SORT_KEY, RunResult
from .text import file_messages, neutralise, summary_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice", "notice": "notice"}


def escape_data(s: str) -> str:
    """Escape a command's message the way the runner unescapes it."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """Escape a property value (also ``:`` and ``,``)."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _safe(s: str, prop: bool = False) -> str:
    # CR/LF are %-escaped; other control characters are shown as \x1b escapes.
    s = neutralise(s, keep="\r\n")
    return escape_property(s) if prop else escape_data(s)


def command(name: str, props: dict[str, object], message: str) -> str:
    """One ``::name k=v,...::message`` line, fully escaped."""
    body = ",".join(f"{k}={_safe(str(v), prop=True)}" for k, v in props.items())
    return f"::{name} {body}::{_safe(message)}" if body else f"::{name}::{_safe(message)}"


PER_STEP = 10  # GitHub shows at most this many annotations of each level per step (50 per job)


def annotation_path(path: str) -> str:
    """The path GitHub matches against the pull request's files: relative to ``GITHUB_WORKSPACE``
    when it is set (and the file is inside it), with forward slashes and no leading ``./``."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace and path != "-":
        try:
            rel = os.path.relpath(os.path.realpath(path), os.path.realpath(workspace))
            if not rel.startswith(".."):
                path = rel
        except ValueError:
            pass
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    """One workflow command per finding and unreadable file, then a summary (and a notice when
    GitHub will not show them all)."""
    counts: dict[str, int] = {}
    for path, lvl, msg in file_messages(run):
        counts[COMMANDS[lvl]] = counts.get(COMMANDS[lvl], 0) + 1
        out.write(command(COMMANDS[lvl], {"file": annotation_path(path)}, msg) + "\n")
    for f in sorted(run.findings, key=SORT_KEY):
        props: dict[str, object] = {"file": annotation_path(f.path)}
        if f.line >= 1:
            props["line"] = f.line
            one_line = f.end_line in (0, f.line)
            if f.column >= 1 and one_line:  # GitHub takes columns only on a one-line range
                props["col"] = f.column
            if f.end_line >= f.line:
                props["endLine"] = f.end_line
                if f.end_column >= 1 and one_line:
                    props["endColumn"] = f.end_column
        props["title"] = f"healthlint [{f.rule}]"
        level = COMMANDS.get(f.severity, "warning")
        counts[level] = counts.get(level, 0) + 1
        out.write(command(level, props, f.message) + "\n")
    over = {lvl: n for lvl, n in counts.items() if n > PER_STEP}
    if over:
        shown = ", ".join(f"{n} {lvl}s" for lvl, n in sorted(over.items()))
        out.write(command("notice", {"title": "healthlint: more findings than GitHub shows"},
                          f"{shown}: GitHub shows only {PER_STEP} annotations of each level per step, so some "
                          "are not on the pull request. Every finding is in this step's log; for all of them "
                          "in the code scanning view, upload --format sarif.") + "\n")
    out.write(summary_line(run) + "\n")
