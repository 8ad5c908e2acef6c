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
without running its ``__init__`` (the way :mod:`.readers.mdload` loads
markdown-it's block parser). The ``__init__`` runs, in full, the first time
anything reads or sets a public attribute of the package, so ``import regex``
anywhere else in the process works as usual.
"""

from __future__ import annotations

import sys
import types
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
        if "regex" not in sys.modules:
            _register_package()
        try:
            import importlib

            _engine = importlib.import_module("regex._regex")
        except ImportError:
            return None
    return _engine


class _Package(types.ModuleType):
    """The ``regex`` package before its ``__init__`` has run: reading a name it lacks, or setting
    a public one (``regex.DEFAULT_VERSION = ...``), runs the ``__init__`` first."""

    _loader: Any = None

    def __getattr__(self, name: str) -> Any:
        self._init()
        return getattr(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if not name.startswith("_"):  # the import system sets submodules (_regex...) and dunders
            self._init()
        types.ModuleType.__setattr__(self, name, value)

    def _init(self) -> None:
        loader = vars(self).pop("_loader", None)
        if loader is not None:
            self.__class__ = types.ModuleType  # from now on an ordinary module
            loader.exec_module(self)


def _register_package() -> None:
    """Put the ``regex`` package in ``sys.modules`` without running its ``__init__`` (see :class:`_Package`)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("regex")
    except (ImportError, ValueError):
        return
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        return
    pkg = importlib.util.module_from_spec(spec)
    pkg.__class__ = _Package
    vars(pkg)["_loader"] = spec.loader
    sys.modules["regex"] = pkg


def __getattr__(name: str) -> Any:  # noqa: N807 - anything else is regex's: escape, error, Pattern...
    if name.startswith("__"):
        raise AttributeError(name)
    import regex

    return getattr(regex, name)
