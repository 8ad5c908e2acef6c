"""Readers: turn a file (Markdown, HTML or plain text) into a :class:`Document`.

>>> doc = read_source("# Title\\n\\nSome *prose*.", fmt="markdown")
>>> doc.text
'Title\\n\\nSome prose.'
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ..document import Document
from .decode import ReadError, decode_bytes, read_bytes
from .html import read_html
from .markdown import read_markdown
from .text import read_text

__all__ = ["FORMATS", "ReadError", "format_for", "read_path", "read_source"]

FORMATS: dict[str, Callable[[str, str], Document]] = {
    "markdown": read_markdown,
    "html": read_html,
    "text": read_text,
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
        reader = FORMATS[fmt]
    except KeyError:
        raise ReadError(path, f"unknown format {fmt!r} (known: {', '.join(FORMATS)})") from None
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
