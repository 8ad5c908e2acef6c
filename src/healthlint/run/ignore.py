"""``.gitignore`` files, as git reads them (with :mod:`pathspec`'s gitignore rules, not hand-written globs).

Folders walked for files to lint skip what the ``.gitignore`` files of the repository ignore:
those of every folder from the repository's top (the folder holding ``.git``; outside a
repository, the folder walked) down to the file, deeper files overriding shallower ones, and
``.git/info/exclude``. A file named on the command line is linted even when ignored, as in ruff.
"""

from __future__ import annotations

import os
from typing import Any


class GitIgnore:
    """Answers "is this path ignored?" for paths found while walking a folder."""

    def __init__(self) -> None:
        self._specs: dict[str, Any] = {}  # folder -> its spec (None: no .gitignore there)
        self._tops: dict[str, str] = {}  # walked folder -> the folder the .gitignore files start at

    def top(self, walked: str) -> str:
        """The repository's top folder above ``walked`` (absolute), else ``walked`` itself."""
        walked = os.path.abspath(walked)
        if walked not in self._tops:
            top = walked
            for folder in [walked, *_parents(walked)]:
                if os.path.exists(os.path.join(folder, ".git")):
                    top = folder
                    break
            self._tops[walked] = top
        return self._tops[walked]

    def _spec(self, folder: str, name: str = ".gitignore") -> Any:
        key = os.path.join(folder, name)
        if key not in self._specs:
            spec = None
            try:
                with open(key, encoding="utf-8", errors="replace") as f:
                    lines = f.read(1_000_000).splitlines()
            except OSError:
                lines = []
            if lines:
                import pathspec

                try:
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except Exception:  # noqa: BLE001 - a line pathspec cannot read: the file is not used
                    spec = None
            self._specs[key] = spec
        return self._specs[key]

    def ignored(self, path: str, is_dir: bool, walked: str) -> bool:
        """Whether ``path`` (found below the folder ``walked``) is ignored."""
        path = os.path.abspath(path)
        top = self.top(walked)
        if not (path + os.sep).startswith(top + os.sep):
            return False
        rel_top = os.path.relpath(path, top)
        suffix = "/" if is_dir else ""
        verdict = None
        info = self._spec(os.path.join(top, ".git", "info"), "exclude") if os.path.isdir(
            os.path.join(top, ".git")) else None
        if info is not None:
            verdict = info.check_file(rel_top.replace(os.sep, "/") + suffix).include
        folder, chain = os.path.dirname(path), []
        while True:
            chain.append(folder)
            if folder == top or len(folder) <= len(top):
                break
            folder = os.path.dirname(folder)
        for folder in reversed(chain):
            spec = self._spec(folder)
            if spec is None:
                continue
            rel = os.path.relpath(path, folder).replace(os.sep, "/") + suffix
            include = spec.check_file(rel).include
            if include is not None:
                verdict = include
        return bool(verdict)


def _parents(path: str) -> list[str]:
    out = []
    while True:
        parent = os.path.dirname(path)
        if parent == path:
            return out
        out.append(parent)
        path = parent
