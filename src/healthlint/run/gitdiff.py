"""``--diff-base REV``: only findings on lines changed since a git revision (a pull request's base).

The changed lines are those ``git diff -U0 REV`` adds or changes in the working tree (commits
since REV, staged and unstaged edits), plus every line of files git does not track yet. A
finding is kept when one of its lines is changed; a finding about a whole document is reported
on its first line, so it is kept when that line changed (a new file: always).
"""

from __future__ import annotations

import os
import re
import subprocess
from typing import Any

from ..errors import UsageError

ALL = None  # every line of the file changed (a file that is new or untracked)
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _git(args: list[str], cwd: str | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True,
                              timeout=300, check=False)
    except FileNotFoundError:
        raise UsageError("--diff-base needs git, and git is not installed (or not on the PATH)") from None
    except subprocess.TimeoutExpired:
        raise UsageError("--diff-base: git took longer than 5 minutes") from None


def _unquote(path: bytes) -> str:
    """A path as ``git diff`` prints it: C-quoted when it holds unusual characters."""
    if path.startswith(b'"') and path.endswith(b'"'):
        raw = path[1:-1].decode("unicode_escape").encode("latin-1")
        return os.fsdecode(raw)
    return os.fsdecode(path)


def changed_lines(rev: str) -> dict[str, set[int] | None]:
    """Resolved path -> its changed line numbers (``None``: all of them), for the working tree
    against ``rev``; a :class:`.UsageError` outside a git repository or for an unknown revision."""
    top = _git(["rev-parse", "--show-toplevel"])
    if top.returncode != 0:
        raise UsageError(f"--diff-base {rev!r}: {os.getcwd()!r} is not inside a git repository "
                         "(run healthlint from the repository's folder, or leave out --diff-base)")
    root = os.fsdecode(top.stdout.rstrip(b"\n"))
    if rev.startswith("-") or _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).returncode:
        raise UsageError(f"--diff-base {rev!r}: no such revision in this repository "
                         "(in CI, fetch it first: e.g. 'git fetch origin main' and use origin/main)")
    diff = _git(["diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", rev, "--"], root)
    if diff.returncode != 0:
        raise UsageError(f"--diff-base {rev!r}: git diff failed: {os.fsdecode(diff.stderr).strip()[:300]}")
    out: dict[str, set[int] | None] = {}
    current: set[int] | None = None
    for line in diff.stdout.split(b"\n"):
        if line.startswith(b"+++ "):
            name = line[4:]
            if name == b"/dev/null":
                current = set()  # deleted: nothing to lint
                continue
            path = _unquote(name)
            path = path[2:] if path.startswith("b/") else path
            current = out.setdefault(os.path.realpath(os.path.join(root, path)), set())
        elif line.startswith(b"@@") and current is not None:
            m = _HUNK.match(line.decode("ascii", "replace"))
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                current.update(range(start, start + count))
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    for name in untracked.stdout.split(b"\0"):
        if name:
            out[os.path.realpath(os.path.join(root, os.fsdecode(name)))] = ALL
    return out


def keep_changed(result: Any, changed: dict[str, set[int] | None]) -> None:
    """Drop from ``result`` (a :class:`.RunResult`) the findings on lines not in ``changed``."""
    for r in result.files:
        real = os.path.realpath(r.path)
        if real not in changed:
            r.findings = []
            continue
        lines = changed[real]
        if lines is ALL:
            continue
        r.findings = [f for f in r.findings
                      if any(n in lines for n in range(f.line, max(f.line, f.end_line) + 1))]
