"""Lint a text held in memory with the configuration that governs its path.

This module is the language server's only door into healthlint's internals: the
configuration discovery, rule loading and linting that ``healthlint check`` does
for a file on disk, done here for the text an editor holds (which may differ from
the file on disk, or have no file at all). Everything else in
:mod:`healthlint.run.server` works on the :class:`Outcome` it returns.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any

MAX_SETUPS = 16  # configurations kept loaded (a session may visit many projects)

# Editor language ids -> healthlint formats; other documents go by their extension.
LANGUAGES = {
    "markdown": "markdown",
    "md": "markdown",
    "html": "html",
    "htm": "html",
    "plaintext": "text",
    "text": "text",
    "txt": "text",
}


@dataclass
class Outcome:
    """The findings for one text, and what is needed to describe them."""

    findings: list[Any] = field(default_factory=list)  # healthlint.report.findings.Finding
    rules: dict[str, Any] = field(default_factory=dict)  # rule id -> healthlint.kinds.rule.Rule
    fmt: str | None = None  # the format the text was read as; None: not a document healthlint reads
    error: str | None = None  # a configuration or rule-pack error: nothing was linted
    excluded: bool = False  # the configuration's `exclude` covers this path


def document_format(path: str | None, language_id: str | None) -> str | None:
    """The healthlint format of a document: by the editor's language id, else by extension."""
    from ...read import format_for

    if language_id and language_id.lower() in LANGUAGES:
        return LANGUAGES[language_id.lower()]
    return format_for(path) if path else None


class Engine:
    """Lints texts; remembers the loaded settings and rules per configuration file
    (reloaded when the file, or a pack of its ``extend-rules``, changes)."""

    def __init__(self) -> None:
        self._setups: dict[Any, tuple[Any, Any, dict[str, Any], str]] = {}
        self._lock = threading.Lock()  # one lint at a time: the linter's caches are not shared-safe

    def lint(self, text: str, path: str | None, language_id: str | None = None,
             folder: str | None = None) -> Outcome:
        """Lint ``text`` as the document at ``path`` (None: an unsaved buffer, configured from
        ``folder`` or the current folder)."""
        fmt = document_format(path, language_id)
        if fmt is None:
            return Outcome()
        from ...errors import HealthlintError
        from ...read import ReadError, read_source

        start = Path(path).parent if path else Path(folder or os.getcwd())
        with self._lock:
            try:
                settings, linter, rules = self._setup(start)
            except HealthlintError as e:
                return Outcome(fmt=fmt, error=str(e))
            shown = path or "untitled"
            rel = _rel(path, settings.root) if path else "untitled"
            if path and settings.excluded(rel):
                return Outcome(rules=rules, fmt=fmt, excluded=True)
            try:
                doc = read_source(text, shown, fmt)
            except ReadError as e:  # pragma: no cover - readers take any text
                return Outcome(rules=rules, fmt=fmt, error=e.message)
            result = linter.lint(doc, rel)
        return Outcome(list(result.findings), rules, fmt)

    def rules_for(self, path: str | None, folder: str | None = None) -> dict[str, Any]:
        """Every rule (packs of the governing configuration included) by id; empty on a config error."""
        from ...errors import HealthlintError

        start = Path(path).parent if path else Path(folder or os.getcwd())
        with self._lock:
            try:
                return self._setup(start)[2]
            except HealthlintError:
                return {}

    def _setup(self, start: Path) -> tuple[Any, Any, dict[str, Any]]:
        """Settings, linter and rules for documents in folder ``start`` (the CLI's discovery)."""
        from ..config import find_config, load_settings
        from ..internal import INTERNAL_RULES
        from ..linter import Linter, validate_selectors
        from ..packs import load_rules, rules_signature

        config = find_config(start)
        # Without a config every folder has the default settings (which name no paths): one setup.
        key = (str(config), _stamp(config)) if config else None
        cached = self._setups.get(key)
        if cached is not None and cached[3] == rules_signature(cached[0].extend_rules):
            return cached[0], cached[1], cached[2]
        settings = load_settings(str(config) if config else None, cwd=start)
        rules = load_rules(settings.extend_rules)
        validate_selectors(settings, rules)
        setup = (settings, Linter(settings, rules), {**rules, **INTERNAL_RULES}, rules_signature(settings.extend_rules))
        self._setups.pop(key, None)
        self._setups[key] = setup
        while len(self._setups) > MAX_SETUPS:  # the least recently loaded goes
            del self._setups[next(iter(self._setups))]
        return setup[0], setup[1], setup[2]


def _stamp(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _rel(path: str, root: Path) -> str:
    """``path`` relative to the configuration's folder (for `exclude` and `per-path`), as the CLI does."""
    try:
        return Path(os.path.realpath(path)).relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return Path(path).as_posix()


def explanation(rule: Any) -> str:
    """What ``healthlint explain RULE`` prints for ``rule``."""
    from ..explain import render_explanation

    return render_explanation(rule)
