"""Shared helpers: lint a text with chosen rules, run the CLI in-process."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from healthlint.run.cli import main
from healthlint.run.config import Settings
from healthlint.report.findings import Finding
from healthlint.run.linter import Linter
from healthlint.run.packs import load_rules
from healthlint.read import read_source

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_RULES: dict[str, Any] = {}


def all_rules() -> dict[str, Any]:
    if not _RULES:
        _RULES.update(load_rules())
    return _RULES


def lint_text(text: str, select: list[str] | None = None, fmt: str = "text",
              options: dict[str, dict[str, Any]] | None = None, path: str = "example.txt") -> list[Finding]:
    """Lint ``text`` as a document of format ``fmt`` with only ``select`` rules."""
    settings = Settings()
    settings.base.select = select
    settings.base.options = options or {}
    doc = read_source(text, path, fmt)
    return Linter(settings, all_rules()).lint(doc, path).findings


def run_cli(args: list[str], stdin: str | None = None, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run ``healthlint ARGS`` in-process; returns (status, stdout, stderr)."""
    import os

    out, err = io.StringIO(), io.StringIO()
    old_cwd = os.getcwd()
    old_stdin = sys.stdin
    try:
        if cwd:
            os.chdir(cwd)
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        with redirect_stdout(out), redirect_stderr(err):
            code = main(args)
    finally:
        os.chdir(old_cwd)
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def rules() -> dict[str, Any]:
    return all_rules()


@pytest.fixture
def user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private user cache folder (``$XDG_CACHE_HOME/healthlint``): nothing goes to ``~/.cache``."""
    from healthlint.run import store

    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setattr(store, "_KEY", None)
    return home / "healthlint"


def _private_caches() -> None:
    """Every cache of the suite goes to a temporary folder, never ``~/.cache/healthlint`` nor a
    ``.healthlint_cache`` in the checkout: the user cache (``XDG_CACHE_HOME``) and the results cache
    (``HEALTHLINT_CACHE_DIR``) are pointed at one for this process and every process it starts.
    Tests of the default cache location remove ``HEALTHLINT_CACHE_DIR`` themselves (``no_cache_env``)."""
    import atexit
    import os
    import shutil
    import tempfile

    top = tempfile.mkdtemp(prefix="healthlint-tests-")
    atexit.register(shutil.rmtree, top, ignore_errors=True)
    os.environ["XDG_CACHE_HOME"] = os.path.join(top, "xdg")
    os.environ["HEALTHLINT_CACHE_DIR"] = os.path.join(top, "results")
    os.environ.setdefault("PRE_COMMIT_HOME", os.path.join(top, "pre-commit"))


_private_caches()


@pytest.fixture
def no_cache_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The results cache at its default place (``.healthlint_cache`` next to the config, or here)."""
    monkeypatch.delenv("HEALTHLINT_CACHE_DIR", raising=False)
