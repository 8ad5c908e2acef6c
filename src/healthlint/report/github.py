"""GitHub Actions workflow commands (``::error file=...::message``)."""

from __future__ import annotations

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


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    """One workflow command per finding and unreadable file, then a summary."""
    for path, lvl, msg in file_messages(run):
        out.write(command(COMMANDS[lvl], {"file": path}, msg) + "\n")
    for f in sorted(run.findings, key=SORT_KEY):
        props: dict[str, object] = {"file": f.path}
        if f.line >= 1:
            props["line"] = f.line
            if f.column >= 1:
                props["col"] = f.column
            if f.end_line >= f.line:
                props["endLine"] = f.end_line
                if f.end_column >= 1:
                    props["endColumn"] = f.end_column
        props["title"] = f"healthlint [{f.rule}]"
        out.write(command(COMMANDS.get(f.severity, "warning"), props, f.message) + "\n")
    out.write(summary_line(run) + "\n")
