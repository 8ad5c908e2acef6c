"""Load and validate YAML rule packs.

A pack is a YAML file with ``pack`` (a name), optional ``description`` and a
list of ``rules``. Every rule is checked on load: unknown keys, missing
fields, bad severities, options of the wrong type and regexes that do not
compile are errors that name the file, the rule and the field.
"""

from __future__ import annotations

import importlib.util
import io
import os
import pickle
from pathlib import Path
from typing import Any

from . import kinds
from .errors import ConfigError
from .findings import SEVERITIES
from .rule import Rule
from .yamlsafe import load_yaml

REQUIRED = ("id", "category", "severity", "message", "rationale", "sources", "examples", "kind")
OPTIONAL = ("summary", "fix", "options")
PACK_KEYS = ("pack", "description", "rules")


def builtin_packs_dir() -> Path:
    """Folder of the shipped packs: ``healthlint/packs`` when installed, ``rules/`` in a checkout."""
    spec = importlib.util.find_spec("healthlint.packs")
    if spec and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            if Path(loc).is_dir():
                return Path(loc)
    here = Path(__file__).resolve().parent
    for cand in (here / "packs", here.parents[1] / "rules"):
        if cand.is_dir():
            return cand
    raise ConfigError(str(here), "the built-in rule packs are missing from this installation")


def pack_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_pack(path: Path) -> list[Rule]:
    """Load one pack file into validated, compiled rules."""
    where = str(path)
    data = load_yaml(path.read_text(encoding="utf-8"), where)
    if not isinstance(data, dict):
        raise ConfigError(where, "a rule pack must be a mapping with 'pack' and 'rules'")
    for key in data:
        if key not in PACK_KEYS:
            raise ConfigError(where, f"unknown key '{key}' (expected one of: {', '.join(PACK_KEYS)})")
    name = data.get("pack")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(where, "'pack' must be a non-empty string naming the pack")
    items = data.get("rules")
    if not isinstance(items, list) or not items:
        raise ConfigError(where, "'rules' must be a non-empty list")
    rules = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        rule = parse_rule(item, name, where, i)
        if rule.id in seen:
            raise ConfigError(where, f"rule '{rule.id}' is defined twice")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def _need(cond: bool, where: str, rid: str, field: str, expected: str) -> None:
    if not cond:
        raise ConfigError(where, f"rule '{rid}', field '{field}': expected {expected}")


def parse_rule(item: Any, pack: str, where: str, index: int) -> Rule:
    if not isinstance(item, dict):
        raise ConfigError(where, f"rules[{index}]: expected a mapping")
    rid = item.get("id")
    if not isinstance(rid, str) or not rid:
        raise ConfigError(where, f"rules[{index}], field 'id': expected a non-empty string")
    for key in REQUIRED:
        if key not in item:
            raise ConfigError(where, f"rule '{rid}': missing field '{key}'")
    kind = item["kind"]
    _need(kind in kinds.KINDS, where, rid, "kind", f"one of {', '.join(kinds.KINDS)}")
    kind_keys = kinds.settings_keys(kind)
    for key in item:
        if key not in REQUIRED and key not in OPTIONAL and key not in kind_keys:
            raise ConfigError(
                where, f"rule '{rid}': unknown field '{key}' (kind '{kind}' takes: {', '.join(sorted(kind_keys))})"
            )
    _need(item["severity"] in SEVERITIES, where, rid, "severity", "error, warning or info")
    for key in ("category", "message", "rationale"):
        _need(isinstance(item[key], str) and item[key].strip() != "", where, rid, key, "a non-empty string")
    sources = item["sources"]
    _need(isinstance(sources, list) and sources and all(isinstance(s, str) for s in sources),
          where, rid, "sources", "a non-empty list of strings")
    ex = item["examples"]
    _need(isinstance(ex, dict) and set(ex) <= {"fire", "pass"}, where, rid, "examples", "a mapping with 'fire' and 'pass'")
    fire, passing = ex.get("fire") or [], ex.get("pass") or []
    for label, lst in (("examples.fire", fire), ("examples.pass", passing)):
        _need(isinstance(lst, list) and lst and all(isinstance(s, str) for s in lst),
              where, rid, label, "a non-empty list of example texts")
    options = item.get("options") or {}
    _need(isinstance(options, dict), where, rid, "options", "a mapping of option names to default values")
    settings = {k: item[k] for k in item if k in kind_keys}
    rule = Rule(
        id=rid, pack=pack, category=item["category"], severity=item["severity"],
        message=item["message"], rationale=item["rationale"], sources=list(sources), kind=kind,
        settings=settings, examples_fire=list(fire), examples_pass=list(passing), options=dict(options),
        summary=str(item.get("summary") or ""), fix=str(item.get("fix") or ""), file=where,
    )
    rule.checker = kinds.compile_rule(rule, where)
    return rule


def load_rules(extra_dirs: list[str] | None = None, cache_dir: Path | None = None) -> dict[str, Rule]:
    """All rules: the built-in packs, then the user's ``extend-rules`` folders.

    With ``cache_dir``, the compiled regular expressions of the packs are kept
    there (see :class:`_PatternCache`), so later runs skip compiling them.
    """
    folders = [builtin_packs_dir()] + [Path(d) for d in (extra_dirs or [])]
    files: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError(str(folder), "extend-rules: not a directory")
        files.extend(pack_files(folder))
    patterns = _PatternCache(cache_dir, files) if cache_dir is not None else None
    if patterns:
        patterns.restore()
    rules: dict[str, Rule] = {}
    for path in files:
        for rule in load_pack(path):
            if rule.id in rules:
                prev = rules[rule.id]
                raise ConfigError(str(path), f"rule '{rule.id}' is already defined in {prev.file}")
            rules[rule.id] = rule
    if patterns:
        patterns.save()
    return rules


class _PatternCache:
    """The packs' compiled ``regex`` patterns, pickled in the cache folder.

    Rules are always parsed and validated; only compiling their patterns is
    skipped, by seeding the ``regex`` module's own compile cache with the
    patterns that loading these pack files compiled last time. ``regex``
    pickles a pattern as its compiled code, and the unpickler accepts nothing
    but that, so a tampered file cannot run code. The file name covers the pack
    files' bytes, healthlint's code, regex and Python versions; anything
    unreadable is ignored and rebuilt.
    """

    def __init__(self, folder: Path, files: list[Path]) -> None:
        import hashlib
        import sys

        import regex

        from . import cache

        h = hashlib.blake2b(digest_size=16)
        h.update(f"{cache.code_fingerprint()}|{regex.__version__}|{sys.version}".encode())
        for f in files:
            try:
                h.update(f"{f}\0".encode() + f.read_bytes() + b"\0")
            except OSError:
                h.update(f"{f}\0missing\0".encode())
        self.path = Path(folder) / f"rules-{h.hexdigest()}.bin"
        self.restored = False
        self.before: set[Any] = set()

    def _internals(self) -> Any:
        from regex import _main

        if not all(isinstance(getattr(_main, n, None), dict) for n in ("_cache", "_named_args", "_locale_sensitive")):
            return None
        return _main

    def restore(self) -> None:
        from . import cache

        m = self._internals()
        if m is None:
            return
        self.before = set(m._cache)
        data = cache.load_checked(self.path)
        if not isinstance(data, bytes):
            return
        try:
            entries = _SafeUnpickler(io.BytesIO(data)).load()
            for pattern, flags, version, compiled in entries:
                if not (isinstance(pattern, str) and isinstance(flags, int) and compiled.pattern == pattern):
                    return
                m._named_args.setdefault((pattern, str, flags), frozenset())
                m._locale_sensitive.setdefault((str, pattern), False)
                m._cache.setdefault((pattern, str, flags, frozenset(), version, None), compiled)
            self.restored = True
        except Exception:  # noqa: BLE001 - any corrupt entry is a miss
            return

    def save(self) -> None:
        import pickle

        from . import cache

        m = self._internals()
        if self.restored or m is None:
            return
        entries = [(k[0], k[2], k[4], v) for k, v in list(m._cache.items())
                   if k not in self.before and len(k) == 6 and k[1] is str and k[3] == frozenset() and k[5] is None]
        if not entries:
            return
        try:
            blob = pickle.dumps(entries, protocol=4)
        except Exception:  # noqa: BLE001 - nothing to cache
            return
        if cache.prepare_dir(self.path.parent):
            cache.write_atomic(self.path, cache.dump_checked(blob))


class _SafeUnpickler(pickle.Unpickler):
    """Unpickles only ``regex`` patterns and their flag values."""

    ALLOWED = {("_regex", "compile"), ("regex._regex", "compile"), ("regex._regex_core", "RegexFlag"),
               ("regex._main", "RegexFlag"), ("regex", "RegexFlag")}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not allowed in a rule cache: {module}.{name}")


def rules_signature(extra_dirs: list[str] | None = None) -> str:
    """A cheap fingerprint of every pack file (name, size, mtime) for caches."""
    parts = []
    for folder in [builtin_packs_dir()] + [Path(d) for d in (extra_dirs or [])]:
        if folder.is_dir():
            for p in pack_files(folder):
                st = os.stat(p)
                parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)
