"""Safe YAML loading: never constructs Python objects, refuses alias bombs.

Only PyYAML's safe loaders are used, so tags such as ``!!python/object/apply``
are errors, never code. Before anything is built, the node graph is checked:
aliases may not form a cycle, and the document expanded as a tree (what a
validator, a JSON dump or a message's ``repr`` walks) may not exceed
:data:`MAX_NODES`. Counting aliases alone is not enough: nine levels of ten
aliases each (90 aliases) expand to 10**9 nodes.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import ConfigError

try:  # the C loader is much faster; both are "safe" loaders
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_ALIASES = 100
MAX_BYTES = 2_000_000
MAX_NODES = 1_000_000  # nodes of the document expanded as a tree
MAX_DEPTH = 200  # nesting of collections


def load_yaml(text: str, where: str) -> Any:
    """Parse ``text`` with a safe loader; errors name ``where`` and the line."""
    if len(text) > MAX_BYTES:
        raise ConfigError(where, f"YAML file is larger than {MAX_BYTES} bytes")
    _check_events(text, where)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_graph(node, where)
        return loader.construct_document(node)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        loc = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(where, f"invalid YAML{loc}: {problem}") from None
    except RecursionError:
        raise ConfigError(where, "invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()


def _check_graph(root: yaml.Node, where: str) -> None:
    """Refuse cyclic aliases, too deep nesting and documents that expand to more than MAX_NODES."""
    size: dict[int, int] = {}
    on_path: set[int] = set()
    # Iterative post-order walk: (node, depth, children expanded yet?)
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1 + sum(size[id(c)] for c in _children(node))
            if total > MAX_NODES:
                _bomb(node.start_mark, where, f"expands to more than {MAX_NODES:,} values; refusing (possible YAML bomb)")
            size[key] = total
            continue
        if key in size:
            continue
        if key in on_path:
            _bomb(node.start_mark, where, "an alias refers to a node that contains it (recursive structure)")
        if depth > MAX_DEPTH:
            _bomb(node.start_mark, where, f"nested more than {MAX_DEPTH} levels deep")
        kids = _children(node)
        if not kids:
            size[key] = 1
            continue
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in kids if id(c) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _bomb(mark: yaml.Mark | None, where: str, why: str) -> None:
    loc = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
    raise ConfigError(where, f"invalid YAML{loc}: {why}")


def _check_events(text: str, where: str) -> None:
    """Count aliases and nesting on the event stream, before the (recursive, C) composer
    sees the text: 100,000 nested ``[`` crash it with a segmentation fault."""
    aliases = depth = 0
    try:
        for ev in yaml.parse(text, Loader=_Loader):
            if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    _bomb(ev.start_mark, where, f"nested more than {MAX_DEPTH} levels deep")
            elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            elif isinstance(ev, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise ConfigError(
                        where, f"more than {MAX_ALIASES} YAML aliases; refusing to expand (possible YAML bomb)")
    except yaml.YAMLError as e:
        if "nesting depth" in str(getattr(e, "problem", "")):
            # PyYAML >= 6.0.4 stops deep flow collections in its scanner, before any event: same verdict
            _bomb(getattr(e, "problem_mark", None), where, f"nested more than {MAX_DEPTH} levels deep")
        return  # the real load reports it, with its line
