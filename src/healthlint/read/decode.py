"""Bytes -> text: BOMs, UTF-8 with replacement, binary detection, file errors."""

from __future__ import annotations

import codecs
import os
import stat

BINARY_PROBE = 8192

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """A file that cannot be read; ``skipped`` marks files left out on purpose (binary)."""

    def __init__(self, path: str, message: str, skipped: bool = False) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        self.skipped = skipped


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, list[str]]:
    """Decode ``data``; return the text (without any BOM) and warnings.

    Raises :class:`ReadError` (skipped) for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                return _decode_utf8(body, len(bom))
            try:
                return body.decode(encoding), []
            except UnicodeDecodeError as e:
                text = body.decode(encoding, errors="replace")
                return text, [f"invalid {encoding.upper()} at byte {e.start + len(bom)}; replaced"]
    if b"\x00" in data[:BINARY_PROBE]:
        raise ReadError(path, "binary file, skipped", skipped=True)
    return _decode_utf8(data, 0)


def _decode_utf8(data: bytes, base: int) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        first = e.start + base
    return data.decode("utf-8", errors="replace"), [f"invalid UTF-8 at byte {first}; replaced"]


MAX_FILE_BYTES = 100 * 1024 * 1024  # larger files are skipped: prose is never this big


def _nonblocking(path: str, flags: int) -> int:
    # A pipe that appeared after the stat must not block the open.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_bytes(path: str) -> bytes:
    """Read a regular file's bytes; failures become :class:`ReadError` with a clear message.

    Devices, pipes and sockets (``a.md -> /dev/zero`` in a content repository)
    are refused without reading, so they can neither hang nor exhaust memory.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError(path, "no such file" if not os.path.islink(path) else "broken symlink") from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as e:  # ELOOP: a symlink loop; ENAMETOOLONG...
        raise ReadError(path, e.strerror or str(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(path, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(path, "not a regular file (device, pipe or socket), skipped", skipped=True)
    if st.st_size > MAX_FILE_BYTES:
        raise ReadError(path, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, skipped", skipped=True)
    try:
        with open(path, "rb", opener=_nonblocking) as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped since the stat above
                raise ReadError(path, "not a regular file (device, pipe or socket), skipped", skipped=True)
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory") from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as e:
        raise ReadError(path, e.strerror or str(e)) from None
    if len(data) > MAX_FILE_BYTES:  # grew since the stat
        raise ReadError(path, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, skipped", skipped=True)
    return data
