"""``regex`` patterns without loading the package's Python layer when the pattern cache has them.

``import regex`` runs the package's pure-Python compiler (``regex._regex_core``
and ``regex._main``: about 10 ms of a cold process), though a warm run compiles
nothing: :mod:`.recache` rebuilds every pattern from the engine's own compiled
data with the C engine ``regex._regex`` alone. Modules therefore compile through
:func:`compile`, which returns those patterns, and import ``regex`` itself only
for a pattern not in the cache (or for any other name: ``rx.escape``,
``rx.error``). The patterns are what ``regex.compile`` returns for the same
arguments (tests compare them).

:func:`engine` loads ``regex._regex`` after registering the ``regex`` package
without running its ``__init__`` (:mod:`.lazypkg`, as :mod:`.readers.mdload` does for
markdown-it's block parser), so ``import regex`` anywhere else in the process still
gives the whole package.
"""

from __future__ import annotations

import sys
from typing import Any

# regex's flag values (tests compare them with regex's own)
IGNORECASE = 0x2
MULTILINE = 0x8
DOTALL = 0x10
VERSION0 = 0x2000

_READY: dict[tuple[str, int], Any] = {}  # (pattern, flags) -> pattern rebuilt from the cache
_engine: Any = None


def compile(pattern: str, flags: int = 0) -> Any:  # noqa: A001 - regex's name
    """``regex.compile(pattern, flags)``: from the pattern cache when it holds it."""
    found = _READY.get((pattern, flags))
    if found is not None and _default_version():
        return found
    import regex

    return regex.compile(pattern, flags)


def ready(pattern: str, flags: int, compiled: Any) -> None:
    """Keep ``compiled`` (the engine's pattern for these arguments, version 0) for :func:`compile`."""
    _READY[(pattern, int(flags))] = compiled


def _default_version() -> bool:
    """Does ``regex.compile`` still default to version 0 (what the cached patterns were made with)?
    A program changes that by setting ``regex.DEFAULT_VERSION``."""
    pkg = sys.modules.get("regex")
    return pkg is None or vars(pkg).get("DEFAULT_VERSION", VERSION0) == VERSION0


def engine() -> Any:
    """The C engine ``regex._regex`` (loaded without the package's ``__init__`` if ``regex`` is not
    imported yet); None when it cannot be found."""
    global _engine
    if _engine is None:
        from .lazypkg import register

        register("regex")
        try:
            import importlib

            _engine = importlib.import_module("regex._regex")
        except ImportError:
            return None
    return _engine


def __getattr__(name: str) -> Any:  # noqa: N807 - anything else is regex's: escape, error, Pattern...
    if name.startswith("__"):
        raise AttributeError(name)
    import regex

    return getattr(regex, name)
