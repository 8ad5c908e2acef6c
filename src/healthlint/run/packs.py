"""Load and validate YAML rule packs.

A pack is a YAML file with ``pack`` (a name), optional ``description`` and a
list of ``rules``. Every rule is checked on load: unknown keys, missing
fields, bad severities, options of the wrong type and regexes that do not
compile are errors that name the file, the rule and the field.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..kinds import KINDS
from ..kinds.rule import Rule
from ..read.yamlsafe import load_yaml
from ..report.findings import SEVERITIES
from .config import read_config_text

REQUIRED = ("id", "category", "severity", "message", "rationale", "sources", "examples", "kind")
OPTIONAL = ("summary", "fix", "options", "supersedes")
PACK_KEYS = ("pack", "description", "rules")


def builtin_packs_dir() -> Path:
    """Folder of the shipped packs: ``healthlint/packs`` when installed, ``rules/`` in a checkout."""
    spec = importlib.util.find_spec("healthlint.packs")
    if spec and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            if Path(loc).is_dir():
                return Path(loc)
    here = Path(__file__).resolve().parents[1]  # the healthlint package
    for cand in (here / "packs", here.parents[1] / "rules"):
        if cand.is_dir():
            return cand
    raise ConfigError(str(here), "the built-in rule packs are missing from this installation")


def pack_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    except OSError as e:
        raise ConfigError(str(folder), f"cannot read the rule pack folder: {e.strerror or e}") from None


def load_pack(path: Path, builtin: bool = False) -> list[Rule]:
    """Load one pack file into validated, compiled rules (``builtin``: a pack shipped with healthlint)."""
    where = str(path)
    text = read_config_text(path, where)  # bounded, UTF-8 (a ConfigError otherwise)
    assert text is not None
    data = load_yaml(text, where)
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
        rule = parse_rule(item, name, where, i, builtin)
        if rule.id in seen:
            raise ConfigError(where, f"rule '{rule.id}' is defined twice")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def _need(cond: bool, where: str, rid: str, field: str, expected: str) -> None:
    if not cond:
        raise ConfigError(where, f"rule '{rid}', field '{field}': expected {expected}")


def _kind(kind: str) -> Any:
    """The module of a rule kind: its ``KEYS`` and ``compile(rule, where)`` (imported when used)."""
    if kind == "check":
        from .. import checks as module
    elif kind == "existence":
        from ..kinds import existence as module
    elif kind == "requirement":
        from ..kinds import requirement as module
    else:
        from ..kinds import metric as module
    return module


def parse_rule(item: Any, pack: str, where: str, index: int, builtin: bool = False) -> Rule:
    if not isinstance(item, dict):
        raise ConfigError(where, f"rules[{index}]: expected a mapping")
    rid = item.get("id")
    if not isinstance(rid, str) or not rid:
        raise ConfigError(where, f"rules[{index}], field 'id': expected a non-empty string")
    for key in REQUIRED:
        if key not in item:
            raise ConfigError(where, f"rule '{rid}': missing field '{key}'")
    kind = item["kind"]
    _need(kind in KINDS, where, rid, "kind", f"one of {', '.join(KINDS)}")
    kind_keys = _kind(kind).KEYS
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
    supersedes = item.get("supersedes") or []
    _need(isinstance(supersedes, list) and all(isinstance(x, str) and x for x in supersedes),
          where, rid, "supersedes", "a list of rule ids")
    settings = {k: item[k] for k in item if k in kind_keys}
    rule = Rule(
        id=rid, pack=pack, category=item["category"], severity=item["severity"],
        message=item["message"], rationale=item["rationale"], sources=list(sources), kind=kind,
        settings=settings, examples_fire=list(fire), examples_pass=list(passing), options=dict(options),
        summary=str(item.get("summary") or ""), fix=str(item.get("fix") or ""), file=where, builtin=builtin,
        supersedes=list(supersedes),
    )
    rule.checker = _kind(kind).compile(rule, where)
    return rule


def load_rules(extra_dirs: list[str] | None = None) -> dict[str, Rule]:
    """All rules: the built-in packs, then the user's ``extend-rules`` folders."""
    folders = [builtin_packs_dir()] + [Path(d) for d in (extra_dirs or [])]
    files: list[tuple[Path, bool]] = []
    for i, folder in enumerate(folders):
        if not folder.is_dir():
            raise ConfigError(str(folder), "extend-rules: not a directory")
        files.extend((p, i == 0) for p in pack_files(folder))
    rules: dict[str, Rule] = {}
    for path, builtin in files:
        for rule in load_pack(path, builtin):
            if rule.id in rules:
                prev = rules[rule.id]
                raise ConfigError(str(path), f"rule '{rule.id}' is already defined in {prev.file}")
            rules[rule.id] = rule
    return rules


def rules_signature(extra_dirs: list[str] | None = None) -> str:
    """A cheap fingerprint of every pack file (name, size, mtime) for caches."""
    parts = []
    for folder in [builtin_packs_dir()] + [Path(d) for d in (extra_dirs or [])]:
        if folder.is_dir():
            for p in pack_files(folder):
                st = os.stat(p)
                parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)
