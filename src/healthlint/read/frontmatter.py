"""Front matter at the very top of a file: YAML (``---``) or TOML (``+++``).

Front matter is metadata, never prose. A fence that is never closed is not
front matter (in Markdown it is a thematic break). Malformed front matter is
reported as a warning and ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

from ..errors import HealthlintError
from .yamlsafe import load_yaml

_OPEN = regex.compile(r"(---|\+\+\+)[ \t]*(?=\r\n|\r|\n)")
_CLOSE = {
    "---": regex.compile(r"(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)"),
    "+++": regex.compile(r"(?:\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)"),
}


def split_front_matter(source: str) -> tuple[Mapping[str, Any], int, list[str]]:
    """Return ``(metadata, body_start, warnings)``; ``body_start`` is 0 without front matter."""
    m = _OPEN.match(source)
    if m is None:
        return {}, 0, []
    fence = m.group(1)
    close = _CLOSE[fence].search(source, m.end())
    if close is None:
        return {}, 0, []
    # Starting at the opening fence's line break keeps parser line numbers equal to file lines.
    raw = source[m.end() : close.start()]
    if fence == "---":
        meta, warning = _load_yaml(raw)
    else:
        meta, warning = _load_toml(raw)
    return meta, close.end(), [warning] if warning else []


def _load_yaml(raw: str) -> tuple[dict[str, Any], str | None]:
    try:
        data = load_yaml(raw, "front matter")
    except HealthlintError as e:
        return {}, f"front matter ignored: {getattr(e, 'message', str(e))}"
    except Exception as e:  # noqa: BLE001 - never crash on a file's metadata
        return {}, f"front matter ignored: {e}"
    return _mapping(data)


def _load_toml(raw: str) -> tuple[dict[str, Any], str | None]:
    from .tomlsafe import load_toml  # imported here: most front matter is YAML

    try:
        return _mapping(load_toml(raw, "front matter"))
    except HealthlintError as e:  # too large or too deep (refused unparsed), or invalid
        return {}, f"front matter ignored: {getattr(e, 'message', str(e))}"
    except Exception as e:  # noqa: BLE001 - never crash on a file's metadata (no TOML parser...)
        return {}, f"front matter ignored: {e}"


def _mapping(data: Any) -> tuple[dict[str, Any], str | None]:
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, "front matter ignored: not a mapping"
    return data, None
