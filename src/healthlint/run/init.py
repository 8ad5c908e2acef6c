"""``healthlint init``: a commented configuration to start from. It never overwrites one."""

from __future__ import annotations

import argparse
import os
from typing import Any

from ..errors import UsageError
from .config import CONFIG_NAMES
from .output import notice

SAMPLE_DISCLAIMER = ("This article is for general information and is not medical advice. Talk to your "
                     "doctor or pharmacist before you start, stop or change any treatment.")


def _rule_lines(rules: dict[str, Any], comment: str) -> list[str]:
    width = max(len(r.id) for r in rules.values())
    return [f"{comment}   {r.id.ljust(width)}  {r.category:<12} {r.severity:<8} {r.one_line()}"
            for r in rules.values()]


def yaml_config(rules: dict[str, Any]) -> str:
    lines = [
        "# healthlint configuration (https://github.com/healthlint/healthlint#configuration).",
        "# Every key is optional; delete what you do not need.",
        "#",
        "# The rules (healthlint rules; healthlint explain RULE for why, sources and examples):",
        *_rule_lines(rules, "#"),
        "",
        "select: [ALL]             # rule ids or categories; ALL is every rule",
        "ignore: []                # e.g. [readability]",
        "fail-on: warning          # lowest severity that makes the exit status 1: error, warning or info",
        "# severity:",
        "#   overclaim: error",
        "# rules:",
        "#   readability: {target: 9}",
        "",
        "# Appended by `healthlint check --fix` to a document that needs a disclaimer and has none",
        "# (and recognised as a disclaimer): write your own wording.",
        f"disclaimer: \"{SAMPLE_DISCLAIMER}\"",
        "",
        "# Files to leave out (gitignore patterns; .gitignore files are respected already):",
        "exclude: []               # e.g. [\"/drafts/\", \"vendor/\"]",
        "# per-path:",
        "#   \"news/**\":",
        "#     ignore: [missing-disclaimer]   # news reports give no advice",
        "",
    ]
    return "\n".join(lines)


def toml_config(rules: dict[str, Any]) -> str:
    lines = [
        "[tool.healthlint]",
        "# healthlint configuration: every key is optional. The rules (healthlint rules):",
        *_rule_lines(rules, "#"),
        'select = ["ALL"]',
        "ignore = []",
        'fail-on = "warning"',
        "# Appended by `healthlint check --fix` to a document that needs a disclaimer:",
        f'disclaimer = "{SAMPLE_DISCLAIMER}"',
        "exclude = []",
        "",
    ]
    return "\n".join(lines)


def _create(path: str, text: str) -> None:
    """Create ``path`` with ``text``; never replaces an existing file (``O_EXCL``)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise UsageError(f"{path} already exists: healthlint init never overwrites a configuration") from None
    except OSError as e:
        raise UsageError(f"{path}: cannot create it ({e.strerror or e})") from None
    with open(fd, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def cmd_init(args: argparse.Namespace) -> int:
    from .packs import load_rules

    rules = load_rules([])
    if not args.pyproject:
        for name in CONFIG_NAMES:
            if os.path.lexists(name):
                raise UsageError(f"{name} already exists: healthlint init never overwrites a configuration")
        _create(CONFIG_NAMES[0], yaml_config(rules))
        notice(f"wrote {CONFIG_NAMES[0]}: edit it, then run healthlint check .")
        return 0
    path = "pyproject.toml"
    if not os.path.lexists(path):
        _create(path, toml_config(rules))
        notice(f"wrote {path} with a [tool.healthlint] table")
        return 0
    with open(path, "rb") as f:
        data = f.read()
    if b"[tool.healthlint" in data:
        raise UsageError(f"{path} already has a [tool.healthlint] table: healthlint init never overwrites a configuration")
    from .fix import write_atomic

    nl = b"\r\n" if b"\r\n" in data else b"\n"
    sep = b"" if not data or data.endswith(b"\n") else nl
    write_atomic(path, data + sep + nl + toml_config(rules).encode("utf-8").replace(b"\n", nl))
    notice(f"added a [tool.healthlint] table to {path}")
    return 0
