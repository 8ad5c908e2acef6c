"""Files healthlint keeps for itself: written atomically, behind a keyed checksum, only in its own folders.

A folder is healthlint's to write in and clean up only when it holds healthlint's marker
file (:data:`MARKER`): healthlint writes it into a folder it creates, or into an empty
one, or into a folder made by an older version (holding nothing but healthlint's own
layout); it is checked again before anything is deleted. Any other folder is refused.

The checksum is keyed with a secret kept outside the project
(``$XDG_CACHE_HOME/healthlint/cache-key``, else ``~/.cache/healthlint``), so
files planted in a content repository are not trusted: they fail the check
and are never unmarshalled.
"""

from __future__ import annotations

import io
import marshal
import os
from hashlib import blake2b
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

_DIGEST = 16


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
    from ..errors import UsageError
    from ..report.text import neutralise

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


def file_store(folder: Path) -> tuple[Callable[[str], Any], Callable[[str, Any], None]]:
    """``(load, save)`` of checked files by name in ``folder`` (for the syllable table: see
    :func:`healthlint.kinds.metric.use_store`)."""

    def save(name: str, data: Any) -> None:
        if prepare_dir(folder):
            write_atomic(folder / name, dump_checked(data))

    return (lambda name: load_checked(folder / name)), save
