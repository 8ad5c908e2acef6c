"""``healthlint analyze``: the per-sentence analysis, for writers and for measurement."""

from __future__ import annotations

import argparse
import io
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
    from ..read import ReadError, format_for, read_source
    from .cli import read_stdin
    from .output import notice, write_report

    if not args.paths:
        raise UsageError("no files given: try 'healthlint analyze FILE'")
    if args.output:
        from .runner import refuse_output_over_input

        refuse_output_over_input(args.output, [(p, None) for p in args.paths])
    paths = _expand(args)
    how = (args.input_format, args.format)
    results = _analyse_files([p for p in paths if p != "-"], how, args.jobs)
    pieces: list[str] = []
    errors = 0
    for p in paths:
        if p == "-":
            fmt = args.input_format or format_for(args.stdin_filename) or "text"
            try:
                result = _render(sentence_records(read_source(read_stdin(args.stdin_filename)[0],
                                                              args.stdin_filename, fmt)), args.format)
            except ReadError as e:
                result = (False, str(e))
        else:
            result = results.pop(0)
        ok, text = result
        if not ok:
            notice(text)
            errors += 1
        elif text:
            pieces.append(text)

    def report(out: TextIO) -> None:
        if args.format == "json":  # the pieces are JSON objects: one list, as json.dumps writes it
            out.write('{"sentences": [' + ", ".join(pieces) + "]}\n")
        else:
            out.write("".join(pieces))

    write_report(args.output, report, json_text=args.format == "json")
    return 2 if errors and errors == len(paths) else 0


Rendered = tuple[bool, str]  # (read?, the file's records as output text, else why it could not be read)


def _render(records: list[dict[str, Any]], output: str) -> Rendered:
    """``records`` as output text: for JSON, the objects joined by ", " (one list's items)."""
    if output == "json":
        from ..report.json_out import _safe

        return True, ", ".join(_safe(json.dumps({**json_path(r["path"]), **{k: v for k, v in r.items() if k != "path"}},
                                                ensure_ascii=False)) for r in records)  # valid UTF-8
    out = io.StringIO()
    _text(records, out)
    return True, out.getvalue()


def _analyse_one(how: tuple[str | None, str], path: str) -> Rendered:
    """One file analysed and rendered (in a worker, so that only text comes back), or why it could not be read."""
    from ..read import ReadError, read_path

    try:
        return _render(sentence_records(read_path(path, fmt=how[0])), how[1])
    except ReadError as e:
        return False, str(e)


def _analyse_files(paths: list[str], how: tuple[str | None, str], jobs: int | None) -> list[Rendered]:
    """:func:`_analyse_one` of each path, in order; on several processes when the files are worth it."""
    import os

    from functools import partial

    from .parallel import LinterSpec, default_jobs, run_ordered, worth_it

    jobs = jobs or default_jobs()
    sizes = []
    for p in paths:
        try:
            sizes.append(os.path.getsize(p))
        except OSError:
            sizes.append(0)
    if not worth_it(jobs, sizes):
        return [_analyse_one(how, p) for p in paths]
    order = sorted(range(len(paths)), key=lambda i: -sizes[i])  # biggest first balances the load
    return run_ordered(_analyse_one, how, paths, order, jobs, spec=LinterSpec(), make_context=partial(_given, how))


def _given(how: tuple[str | None, str], _linter: Any) -> tuple[str | None, str]:
    """A spawned worker's context: how to read and render (the linter it is handed is not needed)."""
    return how


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
