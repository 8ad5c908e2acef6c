"""Front matter at the very top of a file: YAML (``---``) or TOML (``+++``).

Front matter is metadata, never prose. A fence that is never closed is not
front matter (in Markdown it is a thematic break). Malformed front matter is
reported as a warning and ignored.

Most front matter is a few ``key: value`` lines that no rule reads. When the
YAML is of a shape that certainly parses to a mapping (:func:`plain_mapping`),
it is parsed only when a key that occurs in its text is looked up, so a run
that needs no metadata does not import the YAML parser at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .. import rx

from ..errors import HealthlintError

_OPEN = rx.compile(r"(---|\+\+\+)[ \t]*(?=\r\n|\r|\n)")
_CLOSE = {
    "---": rx.compile(r"(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)"),
    "+++": rx.compile(r"(?:\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)"),
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
    if fence == "---" and plain_mapping(raw):
        return LazyYaml(raw), close.end(), []
    if fence == "---":
        meta, warning = _load_yaml(raw)
    else:
        meta, warning = _load_toml(raw)
    return meta, close.end(), [warning] if warning else []


def _load_yaml(raw: str) -> tuple[dict[str, Any], str | None]:
    from ..yamlsafe import load_yaml

    try:
        data = load_yaml(raw, "front matter")
    except HealthlintError as e:
        return {}, f"front matter ignored: {getattr(e, 'message', str(e))}"
    except Exception as e:  # noqa: BLE001 - never crash on a file's metadata
        return {}, f"front matter ignored: {e}"
    return _mapping(data)


def _load_toml(raw: str) -> tuple[dict[str, Any], str | None]:
    from ..tomlsafe import load_toml  # imported here: most front matter is YAML

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


class LazyYaml(Mapping[str, Any]):
    """Front matter that :func:`plain_mapping` accepted, parsed on first real use.

    A key that does not occur in the text cannot be one of the mapping's keys (the
    accepted shape writes keys literally), so such lookups need no parsing.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._data: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        if self._data is None:
            self._data = _load_yaml(self.raw)[0]
        return self._data

    def __getitem__(self, key: str) -> Any:
        if isinstance(key, str) and key not in self.raw:
            raise KeyError(key)
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __repr__(self) -> str:
        return repr(self._load())


# What plain_mapping accepts: printable text without tabs or YAML 1.1's extra line breaks.
_ODD_CHARS = rx.compile("[^\n\r\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]")
_KEY_LINE = rx.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:( +)(.*?))?( +#.*)?")
_ITEM_LINE = rx.compile(r"( +)- +(.*?)( +#.*)?")
_QUOTED = rx.compile(r'"[^"\\]*"|\'[^\']*\'')
_FLOW_ITEM = rx.compile(r'[A-Za-z][A-Za-z0-9 _.+/()\'-]*|"[^"\\]*"')
_DATE = rx.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def plain_mapping(raw: str) -> bool:
    """True when ``raw`` is certainly a YAML mapping that parses without error: ``key: value``
    lines at the margin (values plain, quoted without escapes, or a flow list of words),
    ``- item`` lists under a key without a value, blank lines and comments. Anything
    else, however valid, is False (and parsed at once)."""
    if _ODD_CHARS.search(raw):
        return False
    list_indent: str | None = None  # after "key:" with no value: None, then the items' indent
    open_list = False
    for line in raw.split("\n"):
        line = line[:-1] if line.endswith("\r") else line
        if "\r" in line:
            return False
        stripped = line.strip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        m = _KEY_LINE.fullmatch(line)
        if m:
            value = m.group(3)
            if len(m.group(1)) > 200:  # a long simple key is an error in YAML
                return False
            if not value:
                open_list, list_indent = True, None
                continue
            open_list = False
            if not _value_ok(value, flow_ok=True):
                return False
            continue
        m = _ITEM_LINE.fullmatch(line)
        if m and open_list and (list_indent is None or m.group(1) == list_indent) \
                and _value_ok(m.group(2), flow_ok=False):
            list_indent = m.group(1)
            continue
        return False
    return True


def _value_ok(value: str, flow_ok: bool) -> bool:
    if not value:
        return False
    if _QUOTED.fullmatch(value):
        return True
    if value.startswith("["):
        if not (flow_ok and value.endswith("]")):
            return False
        inner = value[1:-1].strip(" ")
        items = [i.strip(" ") for i in inner.split(",")] if inner else []
        return all(_FLOW_ITEM.fullmatch(i) for i in items)
    if not value[0].isalnum() or value.endswith(":") or ": " in value or " #" in value:
        return False
    if value[0].isdigit() and "-" in value:  # a timestamp is parsed, and may be invalid
        return _valid_date(value)
    return True


def _valid_date(value: str) -> bool:
    m = _DATE.fullmatch(value)
    if not m:
        return False
    year, month, day = (int(g) for g in m.groups())
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= days[month - 1]
