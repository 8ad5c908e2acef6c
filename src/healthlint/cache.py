"""On-disk caches: lint results per file (like ruff's) and small atomic-file helpers.

A results entry is keyed by the file's content hash and a fingerprint of
everything else that decides its findings: healthlint's version and code, the
rule packs, the settings and the path it is shown and matched under. Entries
are marshal data behind a checksum; anything unreadable, corrupt or of another
shape is a miss (and is rewritten), never a wrong result. Writes are atomic
(temporary file + ``os.replace``) and only ever go inside the cache folder.

A folder is healthlint's to write in and clean up only when it holds healthlint's marker
file (:data:`MARKER`): healthlint writes it into a folder it creates, or into an empty
one, or into a folder made by an older version (holding nothing but healthlint's own
layout); it is checked again before anything is deleted. Any other folder is refused.

The checksum is keyed with a secret kept outside the project
(``$XDG_CACHE_HOME/healthlint/cache-key``, else ``~/.cache/healthlint``), so
entries planted in a content repository are not trusted: they fail the check
and are never unmarshalled or unpickled.
"""

from __future__ import annotations

import io
import marshal
import os
import sys
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import Any, Iterable, Iterator

try:  # the built-in module: hashlib would also load OpenSSL, a few ms of every start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

from . import __version__
from .findings import FileResult, Finding, Related
from .parallel import Forked, forked

FORMAT = 3  # bump when the entry layout changes (3: one folder of entries, no fan-out)
DEFAULT_DIR = ".healthlint_cache"
_DIGEST = 16


def default_dir(settings: Any) -> Path:
    """``cache-dir`` from the config, else ``.healthlint_cache`` in the config's folder (or cwd)."""
    if settings.cache_dir:
        return Path(settings.cache_dir)
    return Path(settings.root) / DEFAULT_DIR


_KEY: bytes | None = None


def user_dir() -> Path | None:
    """This user's healthlint folder: ``$XDG_CACHE_HOME/healthlint``, else ``~/.cache/healthlint``."""
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "healthlint"
    except RuntimeError:  # no home directory
        return None


def _secret() -> bytes:
    """This user's cache key (created on first use); a per-process key when it cannot be stored."""
    global _KEY
    if _KEY is None:
        base = user_dir()
        key = _read_or_create_key(base / "cache-key") if base is not None else b""
        _KEY = key if len(key) == 32 else os.urandom(32)
    return _KEY


def _read_or_create_key(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        pass
    if not prepare_dir(path.parent):
        return b""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(os.urandom(32))
    except OSError:
        pass  # another process created it first, or the folder is not writable
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=_DIGEST, key=_secret()).digest()


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> bool:
    """Write ``data`` (or its pieces, in order, as they are made) to ``path`` through a
    temporary file and ``os.replace``; False on failure."""
    parent = str(path.parent)
    tmp = os.path.join(parent, f".tmp-{os.urandom(8).hex()}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        try:
            fd = os.open(tmp, flags, 0o600)
        except FileNotFoundError:  # the folder does not exist yet
            os.makedirs(parent, exist_ok=True)
            fd = os.open(tmp, flags, 0o600)
    except OSError:
        return False
    try:
        try:
            for piece in (data,) if isinstance(data, bytes) else data:
                view = memoryview(piece)
                while view:
                    view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


def dump_checked(obj: Any) -> bytes:
    """Marshal ``obj`` behind a checksum (see :func:`load_checked`)."""
    body = marshal.dumps(obj)
    return _digest(body) + body


def dump_stream(objs: Iterable[Any]) -> Iterator[bytes]:
    """Marshal each of ``objs`` as it comes, then a checksum of them all (see :func:`load_stream`):
    a large entry is written piece by piece, never built whole in memory."""
    h = blake2b(digest_size=_DIGEST, key=_secret())
    for obj in objs:
        body = marshal.dumps(obj)
        h.update(body)
        yield body
    yield h.digest()


def load_stream(path: Path) -> list[Any] | None:
    """The objects stored by :func:`dump_stream`, or None when missing or corrupt."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) <= _DIGEST:
        return None
    body = memoryview(data)[:-_DIGEST]
    if blake2b(body, digest_size=_DIGEST, key=_secret()).digest() != data[-_DIGEST:]:
        return None
    f = io.BytesIO(body)
    out = []
    try:
        while f.tell() < len(body):
            out.append(marshal.load(f))
    except (ValueError, EOFError, TypeError):
        return None
    return out


def load_checked(path: Path) -> Any:
    """The object stored by :func:`dump_checked`, or None when missing or corrupt."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body = data[_DIGEST:]
    if len(data) <= _DIGEST or _digest(body) != data[:_DIGEST]:
        return None
    try:
        return marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None


MARKER = ".healthlint-cache"  # in every folder healthlint made its own (see prepare_dir)
MARKER_TEXT = (b"healthlint cache folder\n# Made by healthlint, which may delete and rewrite what is in this "
               b"folder (and nothing outside it). Delete the whole folder to clear the cache.\n")
GITIGNORE = b"# Created by healthlint\n*\n"
CACHEDIR_TAG = b"Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache of healthlint results.\n"


def _text_is(path: Path, expected: bytes) -> bool:
    """True when ``path`` is a regular file holding exactly ``expected``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        import stat

        return stat.S_ISREG(os.fstat(fd).st_mode) and os.read(fd, len(expected) + 1) == expected
    except OSError:
        return False
    finally:
        os.close(fd)


def owned(folder: Path) -> bool:
    """Does ``folder`` hold healthlint's marker (so healthlint made it its cache folder)?"""
    return _text_is(folder / MARKER, MARKER_TEXT)


def _adoptable(folder: Path) -> bool:
    """True when ``folder`` may become healthlint's: this user's healthlint folder (named so by
    the XDG convention: see :func:`user_dir`), or a folder that is empty or holds only what
    healthlint writes in a cache folder (a folder of an older version, made before the marker
    existed: entry folders ``v<N>`` count only beside healthlint's ``CACHEDIR.TAG``)."""
    import re

    mine = user_dir()
    try:
        if mine is not None and folder.resolve() == mine.resolve():
            return True
    except (OSError, RuntimeError):
        return False

    known = re.compile(r"cache-key|(?:patterns|syllables)-[0-9a-f]+\.bin|\.tmp-[0-9a-f]{16}")
    entry = re.compile(r"[0-9a-f]{40}|\.tmp-[0-9a-f]{16}")
    versions = False
    try:
        with os.scandir(folder) as it:
            for e in it:
                name = e.name
                if name in (MARKER, ".gitignore", "CACHEDIR.TAG"):
                    text = {MARKER: MARKER_TEXT, ".gitignore": GITIGNORE, "CACHEDIR.TAG": CACHEDIR_TAG}[name]
                    if not _text_is(folder / name, text):
                        return False
                elif name[:1] == "v" and name[1:].isascii() and name[1:].isdigit() \
                        and e.is_dir(follow_symlinks=False):
                    if not _only_entries(Path(e.path), entry, fan_out=True):
                        return False
                    versions = True
                elif not (known.fullmatch(name) and e.is_file(follow_symlinks=False)):
                    return False
    except OSError:
        return False
    return not versions or _text_is(folder / "CACHEDIR.TAG", CACHEDIR_TAG)


def _only_entries(folder: Path, entry: Any, fan_out: bool) -> bool:
    """``folder`` holds only results entries (and, with ``fan_out``, two-letter folders of them)."""
    with os.scandir(folder) as it:
        for e in it:
            if entry.fullmatch(e.name) and e.is_file(follow_symlinks=False):
                continue
            if fan_out and len(e.name) == 2 and all(c in "0123456789abcdef" for c in e.name) \
                    and e.is_dir(follow_symlinks=False) and _only_entries(Path(e.path), entry, False):
                continue
            return False
    return True


def prepare_dir(folder: Path) -> bool:
    """Make ``folder`` healthlint's cache folder (created, or claimed when :func:`_adoptable`,
    with the marker, a ``.gitignore`` and ``CACHEDIR.TAG``); False when it is not healthlint's
    to write in (a file, or a folder holding anything else)."""
    try:
        try:
            folder.mkdir(parents=True)
        except FileExistsError:
            if not folder.is_dir() or not (owned(folder) or _adoptable(folder)):
                return False
        for name, text in ((MARKER, MARKER_TEXT), (".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            if not os.path.lexists(folder / name):  # the marker first: another process may look
                write_atomic(folder / name, text)
        return owned(folder)
    except OSError:
        return False


def check_dir(folder: Path, explicit: bool, root: Path) -> Path | None:
    """The results cache folder to use, links resolved; None when ``folder`` is a file.

    Refused (:class:`.UsageError`) when it is a folder healthlint may not write in (see
    :func:`prepare_dir`), or, unless given on the command line (``explicit``), when it
    leads outside the project folder ``root``.
    """
    from .errors import UsageError
    from .report.text import neutralise

    shown = neutralise(repr(str(folder)))
    try:
        real = folder.resolve()
        top = Path(root).resolve()
    except (OSError, RuntimeError) as e:
        raise UsageError(f"cache folder {shown}: cannot be resolved ({e})") from None
    if not explicit and real != top and top not in real.parents:
        raise UsageError(f"cache folder {shown} leads outside the project folder {neutralise(repr(str(top)))} "
                         f"(to {neutralise(repr(str(real)))}): remove the link, or name a folder with "
                         "--cache-dir, or pass --no-cache")
    if real.exists() and not real.is_dir():
        return None
    if real.is_dir() and not (owned(real) or _adoptable(real)):
        raise UsageError(f"cache folder {shown} is not empty and was not made by healthlint (it has no "
                         f"{MARKER} file): healthlint writes and deletes only in its own cache folder; "
                         "name a new or empty folder (cache-dir, --cache-dir) or pass --no-cache")
    return real


def code_fingerprint() -> str:
    """healthlint's version and the size/mtime of its own modules (a development edit invalidates)."""
    h = blake2b(digest_size=16)
    h.update(f"{__version__}|{FORMAT}|{sys.version_info[:2]}".encode())
    pkg = Path(__file__).resolve().parent
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
    """Delete the entries of other entry formats (``v2``...): no version of healthlint reads them again.
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

    def put(self, key: str, result: FileResult, background: bool = False) -> None:
        """Store a clean result (no read error, no timed-out rule).

        ``background``: encode and write it in a forked copy of this process, while this one
        goes on (to its report): :func:`finish_writes` waits for it before the run ends.
        """
        if not self.enabled or result.error or any(f.rule == "rule-timeout" for f in result.findings):
            return
        if self.writes == 0:
            if not prepare_dir(self.folder):
                self.enabled = False
                return
            _drop_old_versions(self.folder)
        write = partial(_write_entry, self._path(key), result)
        writer = forked(write) if background else None
        if writer is not None:
            _writers.append(writer)
            self.writes += 1
        elif write():
            self.writes += 1


_writers: list[Forked] = []  # forked copies writing entries (see ResultsCache.put)


def _write_entry(path: Path, result: FileResult) -> bool:
    return write_atomic(path, dump_stream(_encode(result)))


def finish_writes() -> None:
    """Wait for the entries being written in the background (see :meth:`ResultsCache.put`)."""
    while _writers:
        _writers.pop().result()

