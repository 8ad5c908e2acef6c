"""Errors that end a run with exit status 2 and a one-line message."""

from __future__ import annotations


class HealthlintError(Exception):
    """Base class: ``str(e)`` is the one-line message printed to the user."""


class ConfigError(HealthlintError):
    """A configuration or rule-pack problem, named by file (and key)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class UsageError(HealthlintError):
    """A command-line problem."""
