"""The results cache: lint results per file (like ruff's), never a wrong result.

A results entry is keyed by the file's content hash and a fingerprint of
everything else that decides its findings: healthlint's version and code, the
rule packs, the settings and the path it is shown and matched under. Entries
are marshal data behind a keyed checksum (:mod:`.store`); anything unreadable,
corrupt or of another shape is a miss (and is rewritten). Writes are atomic
(temporary file + ``os.replace``) and only ever go inside healthlint's own folder.
"""

from __future__ import annotations

import os
import sys
from hashlib import blake2b
from operator import attrgetter
from pathlib import Path
from typing import Any, Iterable, Iterator

from .. import __version__
from ..report.findings import FileResult, Finding, Related
from .store import dump_stream, load_stream, owned, prepare_dir, write_atomic

FORMAT = 3  # bump when the entry layout changes (3: one folder of entries, no fan-out)
DEFAULT_DIR = ".healthlint_cache"


def default_dir(settings: Any) -> Path:
    """``cache-dir`` from the config, else ``.healthlint_cache`` in the config's folder (or cwd)."""
    if settings.cache_dir:
        return Path(settings.cache_dir)
    return Path(settings.root) / DEFAULT_DIR


PACKAGE = Path(__file__).resolve().parents[1]  # the healthlint package: its rules, analysis and lexicons too


def code_fingerprint(pkg: Path = PACKAGE) -> str:
    """healthlint's version and the size/mtime of every module and lexicon of ``pkg`` (a development edit invalidates)."""
    h = blake2b(digest_size=16)
    h.update(f"{__version__}|{FORMAT}|{sys.version_info[:2]}".encode())
    for dirpath, dirnames, filenames in os.walk(pkg):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".py", ".yaml", ".yml")):
                try:
                    st = os.stat(os.path.join(dirpath, name))
                except OSError:
                    continue
                h.update(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _pack_digest(rules: dict[str, Any]) -> str:
    h = blake2b(digest_size=16)
    for f in sorted({r.file for r in rules.values() if getattr(r, "file", "")}):
        try:
            h.update(f.encode() + b"\0" + Path(f).read_bytes() + b"\0")
        except OSError:
            h.update(f.encode() + b"\0missing\0")
    return h.hexdigest()


def settings_fingerprint(settings: Any, rules: dict[str, Any], extra: Any = None) -> str:
    """A digest of the code, rule packs, settings (after command-line overrides) and ``extra``."""
    base = settings.base
    state = {
        "code": code_fingerprint(),
        "packs": _pack_digest(rules),
        "raw": settings.raw,
        "select": base.select,
        "ignore": base.ignore,
        "severity": base.severity,
        "options": base.options,
        "root": str(settings.root),
        "extra": extra,
    }
    return blake2b(canonical(state).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def canonical(value: Any) -> str:
    """A text that is equal for equal values whatever the order of dict keys and set members."""
    if isinstance(value, dict):
        items = sorted((canonical(k), canonical(v)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, (set, frozenset)):
        return "set(" + ",".join(sorted(canonical(v) for v in value)) + ")"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    return repr(value)


# Finding fields stored column by column (every field but ``related``): a list per field
# holds the findings' own objects, where a tuple per finding would be a new object each.
_COLUMNS = ("rule", "severity", "message", "start", "end", "path", "line", "column", "end_line",
            "end_column", "category", "fix")
_GETTERS = [attrgetter(name) for name in _COLUMNS]
_MESSAGE = _COLUMNS.index("message")


CHUNK = 1000  # findings marshalled at a time


def encode_findings(fs: list[Finding]) -> Iterator[tuple[list[list[Any]], list[tuple[Any, ...]]]]:
    """``fs`` as marshal-ready data, :data:`CHUNK` findings at a time, column by column
    (marshalled, several times faster than pickling the objects)."""
    for lo in range(0, len(fs), CHUNK):
        part = fs[lo : lo + CHUNK]
        cols = [list(map(get, part)) for get in _GETTERS]
        same: dict[str, str] = {}  # one object per distinct message: marshal writes the others as references
        cols[_MESSAGE] = [same.setdefault(m, m) for m in cols[_MESSAGE]]
        yield (cols,
               [(i, x.message, x.line, x.column, x.end_line, x.end_column)
                for i, f in enumerate(part) for x in f.related])


def decode_findings(chunks: Iterable[Any]) -> list[Finding]:
    """The findings :func:`encode_findings` gave; ValueError (or TypeError) when malformed."""
    findings: list[Finding] = []
    for cols, rel in chunks:
        related: dict[int, list[Related]] = {}
        for i, *x in rel:
            related.setdefault(i, []).append(Related(*x))
        if len(cols) != len(_COLUMNS) or len({len(c) for c in cols}) > 1:
            raise ValueError("malformed findings")
        findings += [Finding(rule, sev, msg, start, end, fpath, line, col, eline, ecol, cat,
                             related.get(i, []), fix)
                     for i, (rule, sev, msg, start, end, fpath, line, col, eline, ecol, cat, fix)
                     in enumerate(zip(*cols))]
    return findings


def _encode(r: FileResult) -> Iterator[Any]:
    """A header, then the findings (see :func:`encode_findings`)."""
    yield {"path": r.path, "notices": list(r.notices), "count": len(r.findings)}
    yield from encode_findings(r.findings)


def _decode(objs: list[Any], path: str) -> FileResult | None:
    try:
        head = objs[0]
        if head.get("path") != path:
            return None
        findings = decode_findings(objs[1:])
        if len(findings) != head["count"]:
            return None
        notices = [str(n) for n in head["notices"]]
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return None
    return FileResult(path, findings=findings, notices=notices)


def _drop_old_versions(folder: Path) -> None:
    """Delete what no version of healthlint reads again: the entries of other entry formats
    (``v2``...) and the compiled-pattern files (``patterns-*.bin``) that earlier versions kept.
    Only in a folder marked as healthlint's (checked here, just before)."""
    if not owned(folder):
        return
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name[:1] == "v" and name[1:].isascii() and name[1:].isdigit() and name != f"v{FORMAT}" \
                and not os.path.islink(folder / name):
            import shutil  # only then: importing it costs a run about 3 ms

            shutil.rmtree(folder / name, ignore_errors=True)
        elif name.startswith("patterns-") and name.endswith(".bin"):
            try:
                os.unlink(folder / name)
            except OSError:
                pass


class ResultsCache:
    """Lint results on disk, keyed by file content and a settings fingerprint."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        self.enabled = True
        self.hits = 0
        self.writes = 0

    def key(self, data: bytes, display: str, rel: str, fmt: str | None) -> str:
        h = blake2b(digest_size=20)
        h.update(f"{self.fingerprint}\0{display}\0{rel}\0{fmt}\0".encode("utf-8", "surrogateescape"))
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        # One folder, no two-letter fan-out: making a sub-folder cost more than the entry's
        # own write (a folder of 370 files: 34 ms of writes with fan-out, 24 ms without).
        return self.folder / f"v{FORMAT}" / key

    def get(self, key: str, display: str) -> FileResult | None:
        if not self.enabled:
            return None
        found = load_stream(self._path(key))
        result = _decode(found, display) if found else None
        if result is not None:
            self.hits += 1
        return result

    def put(self, key: str, result: FileResult) -> None:
        """Store a clean result (no read error, no timed-out rule)."""
        if not self.enabled or result.error or any(f.rule == "rule-timeout" for f in result.findings):
            return
        if self.writes == 0:
            if not prepare_dir(self.folder):
                self.enabled = False
                return
            _drop_old_versions(self.folder)
        if write_atomic(self._path(key), dump_stream(_encode(result))):
            self.writes += 1

