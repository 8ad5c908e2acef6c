"""Compiled regular expressions kept across runs, so a cold process does not recompile them.

healthlint compiles a few hundred patterns per run (the analysis lexicons, the
readers, the rule packs); parsing them is pure Python and was most of a
pre-commit run's start-up. Both engines keep a compile cache keyed by pattern
and flags, so :func:`restore` seeds those caches from a file in the cache folder
and ``re.compile(p)`` / ``regex.compile(p)`` then return at once:

- ``re``: the compiled form is a list of integers from ``re``'s compiler, stored
  packed (4 bytes each: marshal reads it as one string, not an object per number)
  and rebuilt with ``_sre.compile`` (which validates the code);
- ``regex``: a pattern's pickled form is its compiled code in plain data
  (``Pattern._pickled_data``), stored as marshal data and rebuilt with
  ``regex._regex.compile``, which is what unpickling calls; no pickle is read.
  The C engine is loaded alone and the patterns are handed to :func:`.rx.compile`,
  so a warm run never imports ``regex``'s Python compiler.

The file sits behind the results cache's keyed checksum and its name covers the
Python build and the ``regex`` version. Anything missing, corrupt or of another
shape is ignored and rebuilt; on a Python whose internals differ this does nothing.
"""

from __future__ import annotations

import marshal
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from . import rx

try:  # CPython internals; absent or different elsewhere
    import _sre

    _parser: Any = getattr(re, "_parser", None)
    _compiler: Any = getattr(re, "_compiler", None)
    _RE_CACHE: Any = getattr(re, "_cache", None)
    RE_SUPPORTED = (_parser is not None and _compiler is not None and isinstance(_RE_CACHE, dict)
                    and hasattr(_sre, "compile") and hasattr(_compiler, "_code"))
except ImportError:  # pragma: no cover - not CPython
    RE_SUPPORTED = False

MAX_ENTRIES = 2000  # per engine; beyond it, only what this run compiled is kept
MIN_NEW_CHARS = 2000  # once the file exists, rewrite it only for this much new `re` pattern text
_re_entries: dict[tuple[str, int], tuple[Any, ...]] = {}
_memo: dict[str, Any] = {}  # other values derived from patterns alone (see memo)
_memo_new = False
_rx_entries: dict[tuple[Any, ...], Any] = {}
_loaded: set[Path] = set()


def _regex_main() -> Any:
    from regex import _main

    ok = all(isinstance(getattr(_main, n, None), dict) for n in ("_cache", "_named_args", "_locale_sensitive"))
    return _main if ok else None


def _regex_tag() -> str:
    """Which ``regex`` build made the stored data: its engine's magic number, and the size and
    time of its engine and compiler files (an upgrade changes them), read without importing it."""
    import os

    engine = rx.engine()
    if engine is None:
        return "none"
    found = [str(getattr(engine, "MAGIC", "")), str(getattr(engine, "CODE_SIZE", ""))]
    so = getattr(engine, "__file__", None) or ""
    for path in (so, os.path.join(os.path.dirname(so), "_regex_core.py")):
        try:
            st = os.stat(path)
            found.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            found.append("?")
    return "|".join(found)


def _file(folder: Path) -> Path:
    from .cache import blake2b

    tag = f"4|{sys.version}|{sys.implementation.cache_tag}|{sys.byteorder}|{_regex_tag()}"
    if RE_SUPPORTED:
        tag += f"|{_sre.MAGIC}|{_sre.CODESIZE}"
    return Path(folder) / f"patterns-{blake2b(tag.encode(), digest_size=10).hexdigest()}.bin"


# --- re -----------------------------------------------------------------------------------

def re_entry(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``_sre.compile`` needs besides the pattern: final flags, code (packed when every word
    fits in 32 bits, as ``_sre``'s do), groups, group names."""
    p = _parser.parse(pattern, flags)
    code: Any = [int(c) for c in _compiler._code(p, flags)]
    try:
        code = array("I", code).tobytes() if array("I").itemsize == 4 else code
    except OverflowError:  # a word wider than 32 bits: kept as a list
        pass
    groupindex = {str(k): int(v) for k, v in p.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | p.state.flags), code, int(p.state.groups - 1), groupindex, tuple(indexgroup))


def re_build(pattern: str, entry: tuple[Any, ...]) -> Any:
    """A compiled ``re`` pattern from :func:`re_entry`'s data, without parsing."""
    final_flags, code, groups, groupindex, indexgroup = entry
    if isinstance(code, bytes):
        words = array("I")
        if words.itemsize != 4:
            raise ValueError("packed code needs 4-byte words")
        words.frombytes(code)
        code = words.tolist()
    else:
        code = list(code)
    return _sre.compile(pattern, final_flags, code, groups, dict(groupindex), tuple(indexgroup))


def _restore_re(items: Any) -> None:
    for item in items:
        try:
            pattern, flags, entry = item
            key = (str, pattern, flags)
            if key in _RE_CACHE:  # compiled before the restore (by an earlier import)
                _re_entries[(pattern, flags)] = tuple(entry)
                continue
            compiled = re_build(pattern, tuple(entry))
            if compiled.pattern != pattern:
                continue
        except Exception:  # noqa: BLE001 - a bad entry is a miss, never an error
            continue
        _RE_CACHE[key] = compiled
        _re_entries[(pattern, flags)] = tuple(entry)


def _collect_re(force: bool) -> bool:
    new = [k for k in list(_RE_CACHE) if len(k) == 3 and k[0] is str and isinstance(k[1], str)
           and type(k[2]) is int and (k[1], k[2]) not in _re_entries]
    if not force and sum(len(k[1]) for k in new) < MIN_NEW_CHARS:
        return False  # a few short patterns (some libraries build them in set order): not worth a rewrite
    if len(_re_entries) + len(new) > MAX_ENTRIES:
        _re_entries.clear()
    added = False
    for _, pattern, flags in new[:MAX_ENTRIES]:
        try:
            _re_entries[(pattern, flags)] = re_entry(pattern, flags)
            added = True
        except Exception:  # noqa: BLE001 - skip what cannot be rebuilt
            continue
    return added


# --- regex --------------------------------------------------------------------------------

def _restore_regex(items: Any) -> None:
    """Rebuild the stored patterns with the C engine alone, for :func:`.rx.compile` (and, when
    ``regex`` is imported already, for its own cache too)."""
    engine = rx.engine()
    if engine is None or not isinstance(items, list):
        return
    m = _regex_main() if "regex._main" in sys.modules else None
    for item in items:
        try:
            pattern, flags, version, data = item
            if not (isinstance(pattern, str) and type(flags) is int and isinstance(data, tuple)
                    and data[:1] == (pattern,)):
                continue
            compiled = engine.compile(*data)
            key = (pattern, str, flags, frozenset(), version, None)
        except Exception:  # noqa: BLE001 - a bad entry is a miss, never an error
            continue
        if version == rx.VERSION0:
            rx.ready(pattern, flags, compiled)
        if m is not None:
            m._named_args.setdefault((pattern, str, flags), frozenset())
            m._locale_sensitive.setdefault((str, pattern), False)
            m._cache.setdefault(key, compiled)
        _rx_entries[key] = data


def _collect_regex() -> bool:
    m = _regex_main()
    if m is None:
        return False
    new = {k: v for k, v in list(m._cache.items())
           if k not in _rx_entries and len(k) == 6 and k[1] is str and isinstance(k[0], str)
           and isinstance(k[2], int) and isinstance(k[4], int) and k[3] == frozenset() and k[5] is None}
    # Any new pattern is stored, however short: a miss costs a warm process the import of
    # regex's Python compiler (about 10 ms; see :mod:`.rx`).
    if len(_rx_entries) + len(new) > MAX_ENTRIES:
        _rx_entries.clear()
    for k, v in list(new.items())[:MAX_ENTRIES]:
        data = getattr(v, "_pickled_data", None)
        if isinstance(data, tuple):
            _rx_entries[k] = data
    return bool(new)


# --- other derived values -----------------------------------------------------------------

def memo(namespace: str, key: list[str], compute: Any, copy: bool = False) -> Any:
    """``compute()``, remembered across runs under ``namespace`` and ``key`` (strings that fully
    determine the value, such as patterns or a file's text). Only plain data (what marshal
    stores) is remembered; with ``copy``, each caller gets its own copy to change."""
    global _memo_new
    k = namespace + "\0" + "\0".join(key)
    if k in _memo:
        return marshal.loads(marshal.dumps(_memo[k])) if copy else _memo[k]
    value = compute()
    try:
        blob = marshal.dumps(value)
    except ValueError:  # e.g. a date in a YAML file: computed again next time
        return value
    if len(_memo) < MAX_ENTRIES:
        _memo[k] = marshal.loads(blob) if copy else value
        _memo_new = True
    return value


# --- the file -----------------------------------------------------------------------------

def restore(folder: Path) -> None:
    """Seed both engines' compile caches from ``folder`` (once per folder and process)."""
    from . import cache

    folder = Path(folder)
    if folder in _loaded:
        return
    _loaded.add(folder)
    data = cache.load_checked(_file(folder))
    if not (isinstance(data, tuple) and len(data) == 3):
        return
    if isinstance(data[2], dict):
        for k, v in data[2].items():
            _memo.setdefault(k, v)
    if RE_SUPPORTED and isinstance(data[0], list):
        _restore_re(data[0])
    if data[1]:
        _restore_regex(data[1])


def save(folder: Path) -> bool:
    """Store what this process compiled and the file does not hold yet; True if written."""
    from . import cache

    global _memo_new
    path = _file(folder)
    force = not path.exists()
    added = _collect_re(force) if RE_SUPPORTED else False
    added = (_collect_regex() if "regex._main" in sys.modules else False) or added or _memo_new
    if not (added or force):
        return False
    _memo_new = False
    try:
        rx = [(k[0], int(k[2]), int(k[4]), v) for k, v in _rx_entries.items()]
        blob = cache.dump_checked(([(p, f, e) for (p, f), e in _re_entries.items()], rx, _memo))
    except Exception:  # noqa: BLE001 - something that cannot be stored: keep compiling at import
        return False
    if not cache.prepare_dir(Path(folder)):
        return False
    return cache.write_atomic(path, blob)
