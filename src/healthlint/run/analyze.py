"""``healthlint analyze``: the per-sentence analysis, for writers and for measurement."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from ..errors import UsageError
from ..report.findings import json_path


def sentence_records(doc: Any) -> list[dict[str, Any]]:
    """One JSON-ready record per prose sentence of ``doc``."""
    from ..analyse.context import DocumentAnalysis

    analysis = DocumentAnalysis(doc)
    out = []
    for s in doc.sentences:
        facts = analysis.facts[s.index]
        lo, hi = doc.source_span(s.start, s.end)
        l1, c1 = doc.lines.position(lo)
        l2, c2 = doc.lines.position(hi)
        rec: dict[str, Any] = {"path": doc.path, "line": l1, "column": c1, "end_line": l2, "end_column": c2,
                               "text": " ".join(doc.text[s.start : s.end].split())}
        rec.update(facts.to_dict())
        rec["quoted"] = analysis.is_quoted(s)
        rec["block"] = doc.blocks[s.block].kind
        ev = analysis.evidence_note(s.index)
        if ev:
            rec["evidence"] = ev
        out.append(rec)
    return out


def cmd_analyze(args: argparse.Namespace) -> int:
    from ..read import ReadError, format_for, read_path, read_source
    from .cli import read_stdin
    from .output import notice, write_report

    if not args.paths:
        raise UsageError("no files given: try 'healthlint analyze FILE'")
    if args.output:
        from .runner import refuse_output_over_input

        refuse_output_over_input(args.output, [(p, None) for p in args.paths])
    records: list[dict[str, Any]] = []
    errors = 0
    for p in args.paths:
        try:
            if p == "-":
                fmt = args.input_format or format_for(args.stdin_filename) or "text"
                doc = read_source(read_stdin(args.stdin_filename)[0], args.stdin_filename, fmt)
            else:
                doc = read_path(p, fmt=args.input_format)
        except ReadError as e:
            notice(str(e))
            errors += 1
            continue
        records.extend(sentence_records(doc))
    def report(out: TextIO) -> None:
        if args.format == "json":
            from ..report.json_out import _safe

            shown = [{**json_path(r["path"]), **{k: v for k, v in r.items() if k != "path"}} for r in records]
            out.write(_safe(json.dumps({"sentences": shown}, ensure_ascii=False)) + "\n")  # valid UTF-8
        else:
            _text(records, out)

    write_report(args.output, report, json_text=args.format == "json")
    return 2 if errors and errors == len(args.paths) else 0


def _cues(rec: dict[str, Any], key: str) -> str:
    items = rec.get(key) or []
    return ", ".join(f"{c['text']} ({c['kind']})" if c.get("kind") not in (None, "", key.rstrip("s"))
                     else c["text"] for c in items)


def _text(records: list[dict[str, Any]], out: TextIO) -> None:
    from ..report.text import neutralise

    for r in records:
        out.write(f"{neutralise(r['path'])}:{r['line']}:{r['column']}: {neutralise(r['text'])}\n")
        flags = [f"claim: {r.get('claim', 'none')}"]
        if r.get("hedge"):
            flags.append("hedged")
        if r.get("negated"):
            flags.append("negated")
        if r.get("question"):
            flags.append("question")
        if r.get("quoted"):
            flags.append("quoted")
        out.write("    " + "; ".join(flags) + "\n")
        for key, label in (("hedges", "hedges"), ("boosters", "boosters"), ("designs", "design"),
                           ("species", "species"), ("populations", "population"), ("citations", "source")):
            val = _cues(r, key)
            if val:
                out.write(f"    {label}: {neutralise(val)}\n")
        if r.get("sample_size"):
            out.write(f"    sample size: {r['sample_size']}\n")
        if r.get("evidence"):
            out.write(f"    evidence: {neutralise(str(r['evidence']))}\n")
