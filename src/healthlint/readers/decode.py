"""Bytes -> text: BOMs, UTF-8 with replacement, binary detection, file errors."""

from __future__ import annotations

import codecs
import os

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


def read_bytes(path: str) -> bytes:
    """Read a file's bytes; failures become :class:`ReadError` with a clear message."""
    if os.path.isdir(path):
        raise ReadError(path, "is a directory")
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory") from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as e:
        raise ReadError(path, e.strerror or str(e)) from None
