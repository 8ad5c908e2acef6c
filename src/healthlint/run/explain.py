"""``healthlint rules`` and ``healthlint explain RULE``."""

from __future__ import annotations

import argparse
import json
import textwrap

from ..errors import UsageError
from ..kinds.rule import Rule
from .internal import INTERNAL_RULES


def _all_rules(args: argparse.Namespace) -> dict[str, Rule]:
    from .config import load_settings
    from .packs import load_rules

    settings = load_settings(getattr(args, "config", None))
    return {**load_rules(settings.extend_rules), **INTERNAL_RULES}


def cmd_rules(args: argparse.Namespace) -> int:
    from .output import write_report
    from ..report.json_out import dumps
    from ..report.text import neutralise

    rules = _all_rules(args)
    if args.format == "json":
        data = [{"id": r.id, "pack": r.pack, "category": r.category, "severity": r.severity,
                 "kind": r.kind, "summary": r.one_line(), "options": r.options} for r in rules.values()]
        write_report(None, lambda out: out.write(dumps({"rules": data}) + "\n"))
        return 0
    width = max(len(r.id) for r in rules.values())
    cat_w = max(len(r.category) for r in rules.values())
    lines = [f"{r.id:<{width}}  {r.category:<{cat_w}}  {r.severity:<7}  {r.one_line()}"
             for r in sorted(rules.values(), key=lambda r: (r.pack != "core", r.pack, r.id))]
    write_report(None, lambda out: out.writelines(neutralise(line) + "\n" for line in lines))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    rules = _all_rules(args)
    rid = args.rule.rsplit("/", 1)[-1]
    rule = rules.get(rid)
    if rule is None:
        close = [r for r in rules if rid in r or r in rid]
        hint = f" (did you mean: {', '.join(close)}?)" if close else " ('healthlint rules' lists them)"
        raise UsageError(f"unknown rule '{args.rule}'{hint}")
    from .output import write_report
    from ..report.text import neutralise

    text = neutralise(render_explanation(rule), keep="\n")  # a pack's text may hold escape sequences
    write_report(None, lambda out: out.write(text + "\n"))
    return 0


def render_explanation(rule: Rule) -> str:
    wrap = lambda s: textwrap.fill(" ".join(s.split()), 88)  # noqa: E731
    parts = [f"{rule.id} ({rule.pack}, {rule.category}, default severity: {rule.severity})", ""]
    if rule.summary:
        parts += [wrap(rule.summary), ""]
    parts += ["Why:", textwrap.indent(wrap(rule.rationale), "  "), ""]
    if rule.fix:
        parts += ["How to fix:", textwrap.indent(wrap(rule.fix), "  "), ""]
    parts.append("Sources:")
    parts += [f"  - {s}" for s in rule.sources]
    if rule.options:
        parts += ["", "Options (set under rules.<id> in .healthlint.yaml):"]
        parts += [f"  {k}: {json.dumps(v)}" for k, v in rule.options.items()]
    if rule.examples_fire:
        parts += ["", "Flagged:"] + [f"  ✗ {' '.join(e.split())}" for e in rule.examples_fire]
    if rule.examples_pass:
        parts += ["", "Not flagged:"] + [f"  ✓ {' '.join(e.split())}" for e in rule.examples_pass]
    return "\n".join(parts)
