"""Configuration: ``.healthlint.yaml``, ``[tool.healthlint]`` in pyproject.toml, or ``--config``.

Found by walking up from the current directory. Validated strictly: an
unknown key or a value of the wrong type is a one-line error naming the file
and the key. Config is data only; it never runs code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..read.yamlsafe import load_yaml
from ..report.findings import SEVERITIES
from .globs import compile_glob

CONFIG_NAMES = (".healthlint.yaml", ".healthlint.yml")
TOP_KEYS = ("select", "ignore", "severity", "rules", "extend-rules", "exclude", "per-path", "fail-on",
            "cache-dir", "jobs", "respect-gitignore", "disclaimer")
PER_PATH_KEYS = ("select", "ignore", "severity", "rules")


@dataclass(slots=True)
class RuleSettings:
    """The settings that can differ per path."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Settings:
    """A whole, validated configuration."""

    base: RuleSettings = field(default_factory=RuleSettings)
    per_path: list[tuple[str, Any, RuleSettings]] = field(default_factory=list)
    extend_rules: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    cache_dir: str | None = None
    jobs: int | None = None
    root: Path = field(default_factory=Path.cwd)
    source: str = ""
    raw: dict[str, Any] = field(default_factory=dict)
    respect_gitignore: bool = True
    disclaimer: str | None = None  # the text ``--fix`` appends to a document that needs a disclaimer

    def __post_init__(self) -> None:
        self.set_exclude(self.exclude)

    def set_exclude(self, patterns: list[str]) -> None:
        """Use these gitignore-style ``exclude`` patterns (``/drafts`` anchored at the config's folder,
        ``!keep.md`` re-includes, a trailing ``/`` only folders): :mod:`pathspec`'s gitignore rules."""
        self.exclude = list(patterns)
        self._exclude = exclude_spec(self.exclude, self.source or "command line")
        self.exclude_used: set[int] = set()  # the patterns that decided about a path
        self.walked = False  # a folder was walked (files named one by one say nothing of unused patterns)

    def excluded(self, rel: str, is_dir: bool = False) -> bool:
        if not self.exclude:
            return False
        rel = rel.replace(os.sep, "/")
        while rel.startswith("./"):
            rel = rel[2:]
        rel = rel + "/" if is_dir and not rel.endswith("/") else rel
        r = self._exclude.check_file(rel)
        if r.index is not None and r.index not in self.exclude_used:
            if not self.exclude[r.index].startswith("!") or self._before(r.index).match_file(rel):
                self.exclude_used.add(r.index)  # (a '!' pattern counts when it brought a path back)
        return bool(r.include)

    def _before(self, index: int) -> Any:
        """The spec of the exclude patterns before ``index``."""
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(self.exclude[:index])

    def unused_excludes(self) -> list[str]:
        """The exclude patterns that matched no path of a run that walked a folder (a typo, or a
        folder since moved)."""
        if not self.walked:
            return []
        return [p for i, p in enumerate(self.exclude) if i not in self.exclude_used]

    def for_path(self, rel: str) -> list[RuleSettings]:
        """The base settings followed by every per-path override that matches ``rel``."""
        rel = rel.replace(os.sep, "/")
        return [self.base] + [rs for _, pat, rs in self.per_path if pat.match(rel)]


def exclude_spec(patterns: list[str], where: str) -> Any:
    """``patterns`` as one :class:`pathspec.GitIgnoreSpec`; a :class:`.ConfigError` naming the bad one."""
    if not patterns:
        return None  # (pathspec is not even imported)
    import pathspec

    for p in patterns:
        try:
            pathspec.GitIgnoreSpec.from_lines([p])
        except Exception as e:  # noqa: BLE001 - pathspec's GitWildMatchPatternError, ValueError
            raise ConfigError(where, f"key 'exclude': {p!r} is not a valid glob ({e})") from None
    return pathspec.GitIgnoreSpec.from_lines([p.replace("\\", "/") for p in patterns])


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pp = folder / "pyproject.toml"
        if pp.is_file() and _pyproject_section(pp) is not None:
            return pp
    return None


MAX_CONFIG_BYTES = 2_000_000  # a config file or rule pack larger than this is refused unread


def read_config_text(path: Path, where: str, mentions: bytes | None = None) -> str | None:
    """The UTF-8 text of a config file or rule pack, read at most :data:`MAX_CONFIG_BYTES` at once
    (a huge or sparse file is refused, never read whole); a :class:`.ConfigError` otherwise.
    ``mentions``: None (not healthlint's file) when it does not hold these bytes."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_CONFIG_BYTES + 1)
    except OSError as e:
        raise ConfigError(where, f"cannot read: {e.strerror or e}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(where, f"larger than {MAX_CONFIG_BYTES:,} bytes; refusing to read it")
    if mentions is not None and mentions not in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(where, f"not UTF-8 (invalid byte at offset {e.start})") from None


def _pyproject_section(path: Path) -> dict[str, Any] | None:
    text = read_config_text(path, str(path), mentions=b"healthlint")  # another tool's file: not read as TOML
    if text is None:
        return None
    from ..read.tomlsafe import load_toml

    data = load_toml(text, str(path))  # too large or deep keys: refused before parsing
    section = data.get("tool", {}).get("healthlint")
    if section is not None and not isinstance(section, dict):
        raise ConfigError(str(path), "[tool.healthlint] must be a table")
    return section


def load_settings(explicit: str | None = None, cwd: Path | None = None) -> Settings:
    """Load ``explicit`` or the discovered config; defaults when there is none."""
    cwd = cwd or Path.cwd()
    if explicit:
        path = Path(explicit)
        if path.is_dir():
            raise ConfigError(explicit, "is a directory, not a config file (name the .healthlint.yaml or pyproject.toml)")
        if not path.is_file():
            raise ConfigError(explicit, "config file not found")
    else:
        path = find_config(cwd)
        if path is None:
            return Settings(root=cwd)
    where = str(path)
    if path.name == "pyproject.toml":
        data = _pyproject_section(path) or {}
    else:
        text = read_config_text(path, where)
        assert text is not None
        data = load_yaml(text, where)
        if data is None:
            data = {}
    return parse_settings(data, where, path.parent.resolve())


def _str_list(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(where, f"key '{key}': expected a list of strings")
    return list(value)


def _rule_settings(data: dict[str, Any], where: str, prefix: str) -> RuleSettings:
    rs = RuleSettings()
    if "select" in data:
        rs.select = _str_list(data["select"], where, prefix + "select")
    if "ignore" in data:
        rs.ignore = _str_list(data["ignore"], where, prefix + "ignore")
    sev = data.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError(where, f"key '{prefix}severity': expected a mapping of rule id to error|warning|info")
    for rid, level in sev.items():
        if level not in SEVERITIES:
            raise ConfigError(where, f"key '{prefix}severity.{rid}': expected error, warning or info, got {level!r}")
        rs.severity[str(rid)] = level
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(where, f"key '{prefix}rules': expected a mapping of rule id to its options")
    for rid, opts in rules.items():
        if not isinstance(opts, dict):
            raise ConfigError(where, f"key '{prefix}rules.{rid}': expected a mapping of option names to values")
        opts = dict(opts)
        if "severity" in opts:
            level = opts.pop("severity")
            if level not in SEVERITIES:
                raise ConfigError(where, f"key '{prefix}rules.{rid}.severity': expected error, warning or info")
            rs.severity[str(rid)] = level
        rs.options[str(rid)] = opts
    return rs


def _inside_root(value: str, root: Path, where: str, key: str) -> Path:
    """``value`` resolved against ``root``; refused when it leads outside it.

    A config file lives in the content repository it configures, so whoever can
    edit the content can edit it. Paths in it may therefore not reach outside
    the config's folder (after following symlinks): a pack folder elsewhere
    would let the repository read other YAML files on the machine into error
    messages, a cache folder elsewhere would let it write there. Command-line
    options (``--config``, ``--cache-dir``) are the operator's choice and may
    point anywhere.
    """
    if "\0" in value:
        raise ConfigError(where, f"key '{key}': {value!r} is not a valid path")
    try:
        p = (root / value).resolve()
        inside = p == root.resolve() or root.resolve() in p.parents
    except (OSError, RuntimeError, ValueError):
        inside, p = False, root / value
    if not inside:
        fix = "pass --cache-dir on the command line" if key == "cache-dir" else "move the rule packs into the project"
        raise ConfigError(where, f"key '{key}': {value!r} is outside the project folder {str(root)!r}; "
                          f"a config may only name folders inside it ({fix})")
    return p


def _packs_inside(folder: Path, given: str, root: Path, where: str) -> None:
    """Refuse a pack file of ``folder`` that is a link leading outside the project folder ``root``
    (it would be read, and its keys echoed in error messages), as for the folder itself."""
    top = root.resolve()
    try:
        names = sorted(os.listdir(folder))
    except OSError as e:
        raise ConfigError(where, f"key 'extend-rules': {given!r}: cannot read it ({e.strerror or e})") from None
    for name in names:
        if not name.endswith((".yaml", ".yml")):
            continue
        try:
            real = (folder / name).resolve()
        except (OSError, RuntimeError):
            continue  # a link loop: not a file, so not a pack (see packs.pack_files)
        if real != top and top not in real.parents:
            shown = f"{given.rstrip('/')}/{name}"
            raise ConfigError(where, f"key 'extend-rules': {shown!r} leads outside the project folder "
                              f"{str(root)!r}; a config may only name rule packs inside it (move the pack in)")


def _glob(glob: str, where: str, key: str) -> Any:
    """``glob`` compiled (see :func:`.globs.compile_glob`); a :class:`.ConfigError` when it cannot be."""
    try:
        return compile_glob(glob)
    except Exception as e:  # noqa: BLE001 - regex.error, ValueError...: a bad range such as [z-a]
        why = getattr(e, "msg", None) or e
        raise ConfigError(where, f"key '{key}': {glob!r} is not a valid glob ({why})") from None


def parse_settings(data: Any, where: str, root: Path) -> Settings:
    """Validate a config mapping (from YAML or TOML)."""
    if not isinstance(data, dict):
        raise ConfigError(where, "expected a mapping of settings at the top level")
    data = {str(k).replace("_", "-"): v for k, v in data.items()}
    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(where, f"unknown key '{key}' (expected one of: {', '.join(TOP_KEYS)})")
    base = _rule_settings(data, where, "")
    per_path = []
    pp = data.get("per-path", {})
    if not isinstance(pp, dict):
        raise ConfigError(where, "key 'per-path': expected a mapping of glob to settings")
    for glob, sub in pp.items():
        if not isinstance(sub, dict):
            raise ConfigError(where, f"key 'per-path.{glob}': expected a mapping of settings")
        for key in sub:
            if key not in PER_PATH_KEYS:
                raise ConfigError(where, f"key 'per-path.{glob}.{key}': unknown (expected: {', '.join(PER_PATH_KEYS)})")
        per_path.append((str(glob), _glob(str(glob), where, f"per-path.{glob}"),
                         _rule_settings(sub, where, f"per-path.{glob}.")))
    fail_on = data.get("fail-on", "warning")
    if fail_on not in SEVERITIES:
        raise ConfigError(where, f"key 'fail-on': expected error, warning or info, got {fail_on!r}")
    extend = _str_list(data.get("extend-rules", []), where, "extend-rules")
    extend_abs = []
    for d in extend:
        p = _inside_root(d, root, where, "extend-rules")
        if not p.is_dir():
            raise ConfigError(where, f"key 'extend-rules': {d!r} is not a directory")
        _packs_inside(p, d, root, where)
        extend_abs.append(str(p))
    cache_dir = data.get("cache-dir")
    if cache_dir is not None and not isinstance(cache_dir, str):
        raise ConfigError(where, "key 'cache-dir': expected a path")
    if cache_dir:
        _inside_root(cache_dir, root, where, "cache-dir")
    jobs = data.get("jobs")
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        raise ConfigError(where, "key 'jobs': expected a positive integer")
    exclude = _str_list(data.get("exclude", []), where, "exclude")
    respect = data.get("respect-gitignore", True)
    if not isinstance(respect, bool):
        raise ConfigError(where, "key 'respect-gitignore': expected true or false")
    disclaimer = data.get("disclaimer")
    if disclaimer is not None and (not isinstance(disclaimer, str) or not disclaimer.strip()):
        raise ConfigError(where, "key 'disclaimer': expected the text of a disclaimer")
    if disclaimer:  # the configured disclaimer counts as one (so that a fixed file passes)
        opts = base.options.setdefault("missing-disclaimer", {})
        opts["accept"] = [*(opts.get("accept") or []), " ".join(disclaimer.split())]
    return Settings(
        base=base, per_path=per_path, extend_rules=extend_abs,
        exclude=exclude, fail_on=fail_on,
        cache_dir=str((root / cache_dir).resolve()) if cache_dir else None, jobs=jobs,
        root=root, source=where, raw=data, respect_gitignore=respect,
        disclaimer=" ".join(disclaimer.split()) if disclaimer else None,
    )
