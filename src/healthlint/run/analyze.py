"""``healthlint analyze``: the per-sentence analysis, for writers and for measurement."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from ..errors import UsageError
from ..report.findings import json_path


def sentence_records(doc: Any) -> list[dict[str, Any]]:
    """One JSON-ready record per prose sentence of ``doc``: its facts, role, frame and evidence."""
    from ..analyse.context import DocumentAnalysis

    a = DocumentAnalysis(doc).article
    out = []
    for s in doc.sentences:
        sa = a.sentences[s.index]
        lo, hi = doc.source_span(s.start, s.end)
        l1, c1 = doc.lines.position(lo)
        l2, c2 = doc.lines.position(hi)
        rec: dict[str, Any] = {"path": doc.path, "line": l1, "column": c1, "end_line": l2, "end_column": c2,
                               "text": " ".join(doc.text[s.start : s.end].split())}
        rec.update(sa.facts.to_dict())
        rec["quoted"] = sa.role == "quote"
        rec["block"] = doc.blocks[s.block].kind
        rec.update(a.to_dict(s.index))
        ev = a.profile.nearest(s.index)
        if ev is not None and ev.sentence != s.index:
            rec["evidence"] = f"{ev.kind} ({ev.label}) at line {a.line_of(ev.sentence)}"
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
    paths = _expand(args)
    for p in paths:
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
    return 2 if errors and errors == len(paths) else 0


def _expand(args: argparse.Namespace) -> list[str]:
    """The files to analyse: a folder stands for the files ``check`` would lint in it."""
    import os

    if not any(p != "-" and os.path.isdir(p) for p in args.paths):
        return list(args.paths)
    from .config import load_settings
    from .runner import collect

    settings = load_settings(args.config)
    out: list[str] = []
    for p in args.paths:
        out.extend([p] if p == "-" or not os.path.isdir(p) else [t.path for t in collect([p], settings) if not t.error])
    return out


def _cues(rec: dict[str, Any], key: str) -> str:
    items = rec.get(key) or []
    return ", ".join(f"{c['text']} ({c['kind']})" if c.get("kind") not in (None, "", key.rstrip("s"))
                     else c["text"] for c in items)


def _text(records: list[dict[str, Any]], out: TextIO) -> None:
    from ..report.text import neutralise

    for r in records:
        out.write(f"{neutralise(r['path'])}:{r['line']}:{r['column']}: {neutralise(r['text'])}\n")
        flags = [f"{r.get('position', 'body')}, {r.get('role', 'claim')}", f"claim: {r.get('claim', 'none')}"]
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
        frame = r.get("frame")
        if frame and frame.get("predicate"):
            parts = [f"{frame['strength']} \"{frame['predicate']}\""]
            if frame.get("exposure"):
                parts.append(f"exposure: {frame['exposure']}")
            if frame.get("outcome"):
                parts.append(f"outcome: {frame['outcome']} ({frame['outcome_kind']})")
            if frame.get("species"):
                parts.append("qualified: " + ", ".join(frame["species"]))
            elif frame.get("populations"):
                parts.append("for: " + ", ".join(frame["populations"]))
            elif frame.get("general"):
                parts.append("for: people in general")
            out.write(f"    frame: {neutralise('; '.join(parts))}\n")
        study = r.get("study")
        if study:
            extra = " (planned)" if study.get("planned") else " (earlier research)" if study.get("background") else ""
            out.write(f"    study: {study['kind']}{extra}: {neutralise(study['label'])}\n")
        if r.get("evidence"):
            out.write(f"    evidence: {neutralise(str(r['evidence']))}\n")
