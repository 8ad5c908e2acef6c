"""Output formats. Each lives in its own module, imported only when used."""

from __future__ import annotations

import os
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover
    from .findings import RunResult

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "html")
_MODULES = {"text": "text", "json": "json_out", "sarif": "sarif", "github": "github", "gitlab": "gitlab",
            "junit": "junit", "html": "html"}


def render(fmt: str, run: RunResult, out: TextIO, *, color: bool = False) -> None:
    """Write ``run`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`)."""
    try:
        name = _MODULES[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})") from None
    import_module(f"{__name__}.{name}").render(run, out, color=color)


def use_color(out: TextIO, mode: str = "auto") -> bool:
    """Decide colour: ``always``/``never``, or ``auto`` = a TTY, unless NO_COLOR.

    ``auto`` also honours FORCE_COLOR (non-empty) and ``TERM=dumb``.
    """
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(out, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False
