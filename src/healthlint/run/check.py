"""``healthlint check``: settings from the config and the flags, fixes, the run, the filters
(changed lines, baseline), and the report."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, TextIO

from .. import __version__
from ..errors import UsageError
from .cli_args import split_list
from .output import notice, write_report


def cmd_check(args: argparse.Namespace) -> int:
    if not args.paths:
        raise UsageError("no files given: try 'healthlint check FILE' or 'healthlint check .'")
    if args.fix and args.diff:
        raise UsageError("--fix writes the fixes and --diff only shows them: give one of them")
    if (args.fix or args.diff) and "-" in args.paths:
        raise UsageError("--fix and --diff work on files, not standard input")
    select, extend, ignore = split_list(args.select), split_list(args.extend_select), split_list(args.ignore)
    settings, rules, linter, cache = _setup_check(args, select + extend + ignore)
    from ..report import render
    from ..report.findings import SORT_KEY
    from .internal import INTERNAL_RULES
    from .parallel import LinterSpec, default_jobs
    from .runner import run

    if select:
        settings.base.select = select
    if extend and settings.base.select is not None:
        settings.base.select = list(settings.base.select) + extend
        select = settings.base.select
    if ignore:
        settings.base.ignore = list(settings.base.ignore) + ignore
    if args.fail_on:
        settings.fail_on = args.fail_on
    if args.exclude is not None:
        settings.set_exclude(split_list(args.exclude))
    if args.extend_exclude:
        settings.set_exclude(settings.exclude + split_list(args.extend_exclude))
    if not args.respect_gitignore:
        settings.respect_gitignore = False
    changed = None
    if args.diff_base:
        from .gitdiff import changed_lines

        changed = changed_lines(args.diff_base)
    if args.fix or args.diff:
        from .fix import fix_files

        fixed, diff = fix_files(linter, args.paths, args.input_format, write=args.fix)
        if args.diff:
            write_report(args.output, lambda out: out.write(diff))
            return 1 if diff else 0
        if fixed:
            notice(f"fixed {fixed[0]} finding{'s' if fixed[0] != 1 else ''} in {fixed[1]} "
                   f"file{'s' if fixed[1] != 1 else ''}")
    if cache is not None:
        from ..kinds import metric
        from .cache import settings_fingerprint
        from .store import file_store

        cache.fingerprint = settings_fingerprint(settings, rules, args.input_format)
        metric.use_store(file_store(cache.folder))
    # a repository's config may ask for fewer processes than cores, never more (--jobs may)
    jobs = args.jobs or (min(settings.jobs, default_jobs()) if settings.jobs else default_jobs())
    spec = LinterSpec(args.config, select, ignore, args.fail_on)
    stdin_text: Any = None  # (text, notes), or why it cannot be linted
    if "-" in args.paths:
        from ..read.decode import ReadError
        from .cli import read_stdin

        try:
            stdin_text = read_stdin(args.stdin_filename)
        except ReadError as e:
            stdin_text = e
    from .cli import Progress, _isatty

    progress = Progress(sys.stderr) if _isatty(sys.stderr) else None
    try:
        result = run(linter, args.paths, stdin_text=stdin_text, stdin_filename=args.stdin_filename,
                     fmt=args.input_format, progress=progress,
                     cache=cache, jobs=jobs, spec=spec, output=args.output)
    finally:
        if progress:
            progress.clear()
    result.rules = {**rules, **INTERNAL_RULES}
    result.tool_version = __version__
    texts = _Texts(stdin_text)
    if changed is not None:
        from .gitdiff import keep_changed

        keep_changed(result, changed)
    if args.write_baseline:
        from .baseline import write_baseline

        n = write_baseline(args.write_baseline, result, texts)
        notice(f"wrote {n} finding{'s' if n != 1 else ''} to the baseline {args.write_baseline}")
        _notices(args, result, settings, show_errors=True)
        return 2 if _missing(args.paths) or result.exit_code() == 2 else 0
    if args.baseline:
        from .baseline import drop_known

        drop_known(args.baseline, result, texts)

    def report(out: TextIO) -> None:
        color = args.color == "always" or (args.color == "auto" and out is sys.stdout and _isatty(out)
                                           and not os.environ.get("NO_COLOR"))
        from ..report import text as text_report

        if args.format == "text" and args.statistics:
            text_report.render_statistics(result, out, quiet=args.quiet)
        elif args.format == "text" and (args.quiet or args.show_source):
            source = texts.line if args.show_source else None
            text_report.render_lines(result, out, color=color, source=source, summary=not args.quiet)
        else:
            render(args.format, result, out, color=color)

    write_report(args.output, report, json_text=args.format in ("json", "sarif", "gitlab"))
    _notices(args, result, settings, show_errors=args.format != "text" or args.quiet or args.statistics)
    code = result.exit_code()
    if _missing(args.paths):
        return 2
    return 0 if args.exit_zero and code == 1 else code


def _notices(args: argparse.Namespace, result: Any, settings: Any, show_errors: bool) -> None:
    """Unreadable files (the text report names them itself) and exclude patterns that matched nothing."""
    for r in result.files:
        if r.error and show_errors:
            notice(f"{r.path}: {r.error}")
    for pattern in settings.unused_excludes():
        if pattern.startswith("!"):
            notice(f"warning: exclude pattern {pattern!r} re-included no file (a '!' pattern only brings back "
                   "what an earlier pattern leaves out)")
        else:
            notice(f"warning: exclude pattern {pattern!r} matched no file or folder here (a typo? patterns are "
                   f"relative to {str(settings.root)!r})")


def _missing(paths: list[str]) -> list[str]:
    """The paths given that do not exist (a typo): an error, even next to paths that do."""
    return [p for p in paths if p != "-" and not os.path.lexists(p)]


class _Texts:
    """The decoded text of linted files, read again when a report or the baseline needs it."""

    def __init__(self, stdin: Any) -> None:
        self.stdin = stdin[0] if isinstance(stdin, tuple) else stdin if isinstance(stdin, str) else None
        self._texts: dict[str, str | None] = {}
        self._lines: dict[str, list[str]] = {}

    def text(self, path: str) -> str | None:
        if path not in self._texts:
            from ..read.decode import ReadError, decode_bytes, read_bytes

            try:
                self._texts[path] = decode_bytes(read_bytes(path), path)[0]
            except ReadError:
                self._texts[path] = self.stdin  # standard input is shown under its --stdin-filename
        return self._texts[path]

    def line(self, path: str, line: int) -> str | None:
        if path not in self._lines:
            text = self.text(path)
            import re

            self._lines[path] = re.split(r"\r\n|\r|\n", text) if text is not None else []
        lines = self._lines[path]
        return lines[line - 1] if 0 < line <= len(lines) else None


def _setup_check(args: argparse.Namespace, selectors: list[str]):  # noqa: ANN202
    """:func:`.cli.setup` for ``check``, with the results cache (None under ``--no-cache``)."""
    from pathlib import Path

    from .cache import ResultsCache, default_dir
    from .config import load_settings
    from .linter import Linter, validate_selectors
    from .packs import load_rules
    from .store import check_dir

    settings = load_settings(args.config)
    cache = None
    if not args.no_cache:
        chosen = args.cache_dir or os.environ.get("HEALTHLINT_CACHE_DIR") or None
        given = Path(chosen) if chosen else default_dir(settings)
        folder = check_dir(given, explicit=bool(chosen), root=settings.root)
        if folder is not None:
            cache = ResultsCache(folder, "")
    rules = load_rules(settings.extend_rules)
    validate_selectors(settings, rules, selectors)
    return settings, rules, Linter(settings, rules), cache
