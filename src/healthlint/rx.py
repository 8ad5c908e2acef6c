"""``regex``, imported on first use (``rx.compile``, ``rx.escape``, ``rx.IGNORECASE``...)."""

from __future__ import annotations

from typing import Any

# regex's flag values (tests compare them with regex's own)
IGNORECASE = 0x2
MULTILINE = 0x8
DOTALL = 0x10
VERSION0 = 0x2000


def compile(pattern: str, flags: int = 0) -> Any:  # noqa: A001 - regex's name
    """``regex.compile(pattern, flags)``."""
    import regex

    return regex.compile(pattern, flags)


def __getattr__(name: str) -> Any:  # noqa: N807 - anything else is regex's: escape, error, Pattern...
    if name.startswith("__"):
        raise AttributeError(name)
    import regex

    return getattr(regex, name)
