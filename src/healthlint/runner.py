"""Find the files to lint and lint each one; one bad file never stops the others."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .config import Settings
from .findings import FileResult, RunResult
from .linter import Linter
from .readers import ReadError, format_for, read_path, read_source

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox",
                       ".mypy_cache", ".pytest_cache", ".healthlint_cache", "site-packages"})


@dataclass(slots=True)
class Target:
    """A file to lint: the path to print, the path to open, and its error if any."""

    display: str
    path: str
    rel: str
    error: str | None = None


def _rel(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):
        return Path(path).as_posix()


def collect(paths: list[str], settings: Settings) -> list[Target]:
    """Expand directories (known extensions, no hidden or ignored folders, no excludes)."""
    out: list[Target] = []
    root = settings.root
    for given in paths:
        if os.path.isdir(given):
            found = []
            for dirpath, dirnames, filenames in os.walk(given, onerror=None, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS
                                     and not settings.excluded(_rel(os.path.join(dirpath, d), root)))
                for name in sorted(filenames):
                    if name.startswith(".") or format_for(name) is None:
                        continue
                    full = os.path.join(dirpath, name)
                    rel = _rel(full, root)
                    if not settings.excluded(rel):
                        found.append(Target(full, full, rel))
            out.extend(found)
        else:
            rel = _rel(given, root)
            if os.path.lexists(given) and settings.excluded(rel):
                continue
            out.append(Target(given, given, rel))
    return out


def lint_target(linter: Linter, t: Target, fmt: str | None = None) -> FileResult:
    try:
        doc = read_path(t.path, fmt=fmt, display_path=t.display)
    except ReadError as e:
        return FileResult(t.display, error=e.message, skipped=e.skipped)
    return linter.lint(doc, t.rel)


def run(
    linter: Linter,
    paths: list[str],
    *,
    stdin_text: str | None = None,
    stdin_filename: str = "-",
    fmt: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Lint ``paths`` (``-`` is standard input) and collect the results in order."""
    settings = linter.settings
    results: list[FileResult] = []
    targets: list[Target] = []
    for p in paths:
        if p == "-":
            targets.append(Target(stdin_filename, "-", _rel(stdin_filename, settings.root)))
        else:
            targets.extend(collect([p], settings))
    for i, t in enumerate(targets):
        if t.path == "-":
            f = fmt or format_for(stdin_filename) or "text"
            doc = read_source(stdin_text or "", stdin_filename, f)
            results.append(linter.lint(doc, t.rel))
        else:
            results.append(lint_target(linter, t, fmt))
        if progress:
            progress(i + 1, len(targets))
    return RunResult(results, {}, settings.fail_on)
