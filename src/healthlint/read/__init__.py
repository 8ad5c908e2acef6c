"""Readers: turn a file (Markdown, HTML or plain text) into a :class:`Document`.

>>> doc = read_source("# Title\\n\\nSome *prose*.", fmt="markdown")
>>> doc.text
'Title\\n\\nSome prose.'
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import import_module

from .decode import ReadError, decode_bytes, read_bytes
from .document import Document

__all__ = ["FORMATS", "ReadError", "format_for", "read_path", "read_source"]

# Format -> the reader's module and function, imported when a file of that format is read
# (a pre-commit run on one Markdown file never imports the HTML reader).
FORMATS: dict[str, tuple[str, str]] = {
    "markdown": ("markdown", "read_markdown"),
    "html": ("html", "read_html"),
    "text": ("text", "read_text"),
}
EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


def format_for(path: str) -> str | None:
    """The format for a file name by its extension, or None when it is not one of ours."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def read_source(source: str, path: str = "<string>", fmt: str = "text") -> Document:
    """Read already-decoded ``source`` in format ``fmt``."""
    try:
        module, func = FORMATS[fmt]
    except KeyError:
        raise ReadError(path, f"unknown format {fmt!r} (known: {', '.join(FORMATS)})") from None
    reader: Callable[[str, str], Document] = getattr(import_module(f"{__name__}.{module}"), func)
    return reader(source, path)


def read_path(path: str, fmt: str | None = None, display_path: str | None = None) -> Document:
    """Read and decode a file; ``fmt`` defaults to the extension's format, else text."""
    shown = display_path or path
    try:
        data = read_bytes(path)
    except ReadError as e:
        raise ReadError(shown, e.message, e.skipped) from None
    text, warnings = decode_bytes(data, shown)
    doc = read_source(text, shown, fmt or format_for(path) or "text")
    doc.warnings[:0] = warnings
    return doc
