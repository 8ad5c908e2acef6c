"""Register a package without running its ``__init__``, so that one of its submodules loads alone.

Some packages' ``__init__`` imports the whole library (markdown-it's, regex's), though
healthlint needs one submodule of each on its hot path. :func:`register` puts the package
in ``sys.modules`` as an :class:`Uninitialised` module; importing a submodule then loads
that submodule only. The ``__init__`` runs, in full, the first time anything reads a name
the package lacks or sets a public one (``regex.DEFAULT_VERSION = ...``), so any other
``import`` of the package in the process works as usual.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class Uninitialised(types.ModuleType):
    """A package whose ``__init__`` has not run yet (see the module docstring)."""

    def __getattr__(self, name: str) -> Any:
        if not self._init():
            raise AttributeError(name)
        return getattr(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        # the import system sets submodules and dunders; anything else is a program's setting
        if not (name.startswith("_") or isinstance(value, types.ModuleType)):
            self._init()
        types.ModuleType.__setattr__(self, name, value)

    def _init(self) -> bool:
        """Run the ``__init__`` (once); False if it has run already."""
        loader = vars(self).pop("_lazy_loader", None)
        if loader is None:
            return False
        self.__class__ = types.ModuleType  # from now on an ordinary module
        loader.exec_module(self)
        return True


def register(name: str) -> bool:
    """Put package ``name`` in ``sys.modules`` without running its ``__init__`` (if it is not
    imported yet); False when it is imported already or cannot be found."""
    if name in sys.modules:
        return False
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        return False
    pkg = importlib.util.module_from_spec(spec)
    pkg.__class__ = Uninitialised
    vars(pkg)["_lazy_loader"] = spec.loader
    sys.modules[name] = pkg
    return True
