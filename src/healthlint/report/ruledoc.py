"""A rule's explanation — what ``healthlint explain RULE`` prints — as Markdown or HTML.

The sections and their order are those of :func:`healthlint.run.explain.render_explanation`:
the title line, the summary, why, how to fix, sources, options, and the examples
that are flagged and not flagged. The language server's hover shows the Markdown,
the HTML report the HTML.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any


def title(rule: Any) -> str:
    return f"{rule.id} ({rule.pack}, {rule.category}, default severity: {rule.severity})"


def sections(rule: Any) -> list[tuple[str, str, list[str]]]:
    """(heading, kind, items): kind ``text`` (one paragraph), ``list``, ``code`` (a list of
    code items), ``fire`` or ``pass`` (examples)."""
    flat = lambda s: " ".join(str(s).split())  # noqa: E731
    out: list[tuple[str, str, list[str]]] = []
    if getattr(rule, "summary", ""):
        out.append(("", "text", [flat(rule.summary)]))
    out.append(("Why", "text", [flat(rule.rationale)]))
    if getattr(rule, "fix", ""):
        out.append(("How to fix", "text", [flat(rule.fix)]))
    out.append(("Sources", "list", [flat(s) for s in rule.sources]))
    if getattr(rule, "options", None):
        out.append(("Options (set under rules.<id> in .healthlint.yaml)", "code",
                    [f"{k}: {json.dumps(v)}" for k, v in rule.options.items()]))
    if getattr(rule, "examples_fire", None):
        out.append(("Flagged", "fire", [flat(e) for e in rule.examples_fire]))
    if getattr(rule, "examples_pass", None):
        out.append(("Not flagged", "pass", [flat(e) for e in rule.examples_pass]))
    return out


_MD_INLINE = re.compile(r"([\\`*_\[\]<>~|])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([#+=-])|(\d+)([.)]))")


def md_text(s: str) -> str:
    """One line of plain text as Markdown that renders as the same text: no emphasis, code,
    links, HTML, entities, nor a heading or list started by its first character."""
    s = _MD_INLINE.sub(r"\\\1", s.replace("&", "&amp;"))
    return _MD_LINE_START.sub(lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2)
                                                      else m.group(3) + "\\" + m.group(4)), s)


def md_code(s: str) -> str:
    """A Markdown code span that survives backticks in ``s``."""
    longest = max((len(m) for m in re.findall(r"`+", s)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") or not s.strip() else ""
    return f"{ticks}{pad}{s}{pad}{ticks}"


def markdown(rule: Any) -> str:
    """The explanation as Markdown (for an editor's hover)."""
    parts = [f"**{md_text(rule.id)}** ({md_text(rule.pack)}, {md_text(rule.category)}, "
             f"default severity: {md_text(rule.severity)})"]
    for heading, kind, items in sections(rule):
        block = f"**{md_text(heading)}:**\n" if heading else ""
        if kind == "text":
            block += md_text(items[0])
        elif kind == "list":
            block += "\n".join(f"- {md_text(i)}" for i in items)
        else:
            mark = {"fire": "✗ ", "pass": "✓ "}.get(kind, "")
            block += "\n".join(f"- {mark}{md_code(i)}" for i in items)
        parts.append(block)
    return "\n\n".join(parts)


def html(rule: Any) -> str:
    """The explanation as an HTML fragment (every piece of text escaped)."""
    parts = [f'<p class="rule-title">{escape(title(rule))}</p>']
    for heading, kind, items in sections(rule):
        if heading:
            parts.append(f"<h4>{escape(heading)}</h4>")
        if kind == "text":
            parts.append(f"<p>{escape(items[0])}</p>")
        else:
            cls = f' class="ex-{kind}"' if kind in ("fire", "pass") else ""
            wrap = ("<code>", "</code>") if kind != "list" else ("", "")
            lis = "".join(f"<li>{wrap[0]}{escape(i)}{wrap[1]}</li>" for i in items)
            parts.append(f"<ul{cls}>{lis}</ul>")
    return "".join(parts)
