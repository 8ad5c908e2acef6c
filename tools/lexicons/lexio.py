"""Shared YAML writing for the lexicon tools: one style for every lexicon file."""

from __future__ import annotations

import yaml


class Dumper(yaml.SafeDumper):
    """Block style, long strings folded, lists of terms one per line, indented."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = ">" if len(data) > 80 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


Dumper.add_representer(str, _str)


def dump(obj: object, flow_lists: bool = False) -> str:
    return yaml.dump(obj, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=88,
                     default_flow_style=None if flow_lists else False)


def render(doc: dict, header_comment: str = "", mapping_keys: tuple[str, ...] = ()) -> str:
    """The text of a lexicon file: head, the mappings (short lists in flow style), terms."""
    head = {k: doc[k] for k in ("lexicon", "purpose", "sources", "notes")}
    text = header_comment + dump(head)
    for key in mapping_keys:
        if doc.get(key):
            text += dump({key: {k: sorted(set(v)) for k, v in sorted(doc[key].items())}},
                         flow_lists=True)
    if doc.get("inflect"):
        text += dump({"inflect": doc["inflect"]})
    text += dump({"terms": {k: sorted(set(v)) for k, v in doc["terms"].items()}})
    return text
