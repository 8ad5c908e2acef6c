"""Command line: ``healthlint [check] PATH...``, ``analyze``, ``rules``, ``explain``."""

from __future__ import annotations

import argparse
import io
import os
import sys
from typing import Any, NoReturn, Sequence, TextIO

from .. import __version__
from ..errors import HealthlintError, UsageError
from .output import degrade_streams, error, notice, write_report

COMMANDS = ("check", "analyze", "rules", "explain", "server")
DESCRIPTION = """\
healthlint checks health writing for claims that outrun their evidence:
mouse results told as human ones, causal words over associations, unhedged
certainty, unsourced "studies show", sales pitches inside medical content,
missing disclaimers and mangled statistics. Every finding has an exact
line:column, says why, and says what would fix it.

examples:
  healthlint draft.md                    lint one file (same as: healthlint check draft.md)
  healthlint check articles/             lint every .md/.html/.txt file below a folder
  healthlint check --format github .     annotations for a GitHub pull request
  cat draft.md | healthlint check - --stdin-filename draft.md
  healthlint analyze draft.md            show what healthlint sees in each sentence
  healthlint rules                       list every rule
  healthlint explain overclaim           why a rule exists, its sources and examples
  healthlint server                      language server for editors (LSP over stdio)

exit status: 0 no findings at or above fail-on, 1 findings, 2 usage, config or input errors.
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the width so that it does not import shutil to ask."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)


def _columns() -> int:
    """``shutil.get_terminal_size().columns``, as argparse would ask for it."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """argparse's parser, with its error line made safe (an argument may hold a line break or ESC)."""

    def error(self, message: str) -> NoReturn:
        from ..report.text import neutralise

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {neutralise(message)}\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser; with ``command``, only that subcommand's (a run parses one)."""
    p = _Parser(prog="healthlint", description=DESCRIPTION, formatter_class=_Formatter)
    p.add_argument("--version", action="version", version=f"healthlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    if command in (None, "check"):
        _check_parser(sub)
    if command in (None, "analyze"):
        a = sub.add_parser("analyze", help="show the per-sentence analysis (claim strength, hedges, study facts)",
                           description="Show what healthlint sees in each sentence: claim strength, hedges, "
                           "boosters, study design, species, population, sample size and citations.",
                           formatter_class=_Formatter)
        a.add_argument("paths", nargs="*", metavar="PATH")
        _common(a)
        a.add_argument("--format", choices=("text", "json"), default="text")
        a.add_argument("--output", "-o", metavar="FILE")
    if command in (None, "rules"):
        r = sub.add_parser("rules", help="list every rule", description="List every rule with its severity.",
                           formatter_class=_Formatter)
        r.add_argument("--config", metavar="FILE", help="use this config file (to include extend-rules packs)")
        r.add_argument("--format", choices=("text", "json"), default="text")
    if command in (None, "explain"):
        e = sub.add_parser("explain", help="explain a rule: rationale, sources, examples", formatter_class=_Formatter)
        e.add_argument("rule", metavar="RULE")
        e.add_argument("--config", metavar="FILE")
    if command in (None, "server"):
        sub.add_parser("server", help="run the language server (LSP over standard input and output)",
                       description="A Language Server Protocol server over stdio for editors: diagnostics "
                       "as you type, the rule's explanation on hover, and quick fixes. Each document is "
                       "linted with the configuration found from its folder.", formatter_class=_Formatter)
    return p


def _check_parser(sub: Any) -> None:
    c = sub.add_parser("check", help="lint files (the default command)",
                       description="Lint Markdown, HTML and text files and report findings.", formatter_class=_Formatter)
    c.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; '-' reads standard input")
    _common(c)
    c.add_argument("--format", choices=("text", "json", "sarif", "github", "html"), default="text",
                   help="report format (default: text; html: a self-contained page, with --output)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    c.add_argument("--select", metavar="RULES", help="only these rules or categories (comma-separated)")
    c.add_argument("--ignore", metavar="RULES", help="skip these rules or categories (comma-separated)")
    c.add_argument("--fail-on", choices=("error", "warning", "info"),
                   help="lowest severity that makes the exit status 1 (default: warning)")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="color the text report")
    c.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    c.add_argument("--jobs", "-j", type=_positive, metavar="N",
                   help="lint files on N processes (default: config 'jobs', at most the number of cores, "
                   "else the number of cores)")
    c.add_argument("--no-cache", action="store_true",
                   help="read and write no cache (results, compiled rules, syllable table): slower, same findings")
    c.add_argument("--cache-dir", metavar="DIR",
                   help="results cache folder (default: config 'cache-dir', else .healthlint_cache)")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE", help="config file (default: nearest .healthlint.yaml or "
                   "pyproject.toml [tool.healthlint])")
    p.add_argument("--stdin-filename", metavar="NAME", default="-",
                   help="name (and so format) of the text read from '-'")
    p.add_argument("--input-format", choices=("markdown", "html", "text"),
                   help="read every file as this format instead of by extension")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return n


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").replace(",", " ").split() if v]


def run() -> None:
    """The ``healthlint`` command: :func:`main`, then a quick exit.

    Once the report is flushed and every cache written, nothing is left to do, so
    the process ends without the interpreter's tear-down (freeing every module and
    compiled pattern one by one: about 12 ms of a cold run on one story).
    """
    code = main()
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as e:  # a full disk, a closed pipe: one line, exit status 2
        if code != 2:  # (2: already reported by main, whose own flush failed the same way)
            error(f"cannot write to standard output: {getattr(e, 'strerror', None) or e}")
        code = 2
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    degrade_streams()
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "check")
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "analyze":
            from .analyze import cmd_analyze

            return cmd_analyze(args)
        if args.command == "server":
            from .server import main as serve

            return serve()
        if args.command == "rules":
            from .explain import cmd_rules

            return cmd_rules(args)
        from .explain import cmd_explain

        return cmd_explain(args)
    except HealthlintError as e:
        error(str(e))
        return 2
    except KeyboardInterrupt:
        print("healthlint: interrupted", file=sys.stderr)
        return 130


def setup(args: argparse.Namespace, extra_selectors: list[str] | None = None):  # noqa: ANN201
    """Load settings and rules; validate what the config and flags name."""
    from .config import load_settings
    from .linter import Linter, validate_selectors
    from .packs import load_rules

    settings = load_settings(args.config)
    rules = load_rules(settings.extend_rules)
    validate_selectors(settings, rules, extra_selectors or [])
    return settings, rules, Linter(settings, rules)


def read_stdin(name: str = "-") -> tuple[str, list[str]]:
    """Standard input's text and decoding notes (invalid UTF-8 replaced...); :class:`.ReadError`
    when it cannot be linted (NUL bytes: binary, or UTF-16 without a byte order mark)."""
    from ..read.decode import MAX_FILE_BYTES, ReadError, decode_bytes

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(name, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, skipped", skipped=True)
    try:
        return decode_bytes(data, name)
    except ReadError:
        raise ReadError(name, "binary input (NUL bytes; UTF-16 needs a byte order mark), skipped",
                        skipped=True) from None


def cmd_check(args: argparse.Namespace) -> int:
    if not args.paths:
        raise UsageError("no files given: try 'healthlint check FILE' or 'healthlint check .'")
    select, ignore = _split(args.select), _split(args.ignore)
    settings, rules, linter, cache = _setup_check(args, select + ignore)
    from ..report.findings import SORT_KEY
    from .internal import INTERNAL_RULES
    from .parallel import LinterSpec, default_jobs
    from ..report import render
    from .runner import run

    if select:
        settings.base.select = select
    if ignore:
        settings.base.ignore = list(settings.base.ignore) + ignore
    if args.fail_on:
        settings.fail_on = args.fail_on
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

        try:
            stdin_text = read_stdin(args.stdin_filename)
        except ReadError as e:
            stdin_text = e
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

    def report(out: TextIO) -> None:
        color = args.color == "always" or (args.color == "auto" and out is sys.stdout and _isatty(out)
                                           and not os.environ.get("NO_COLOR"))
        if args.format == "text" and args.quiet:
            from ..report.text import neutralise

            for f in sorted(result.findings, key=SORT_KEY):
                out.write(f"{neutralise(f.path)}:{f.line}:{f.column}: {f.severity} [{neutralise(f.rule)}] "
                          f"{neutralise(f.message)}\n")
        else:
            render(args.format, result, out, color=color)

    write_report(args.output, report, json_text=args.format in ("json", "sarif"))
    for r in result.files:
        if r.error and (args.format != "text" or args.quiet):  # (the text report names them itself)
            notice(f"{r.path}: {r.error}")
    return result.exit_code()


def _setup_check(args: argparse.Namespace, selectors: list[str]):  # noqa: ANN202
    """:func:`setup` for ``check``, with the results cache (None under ``--no-cache``)."""
    from pathlib import Path

    from .cache import ResultsCache, default_dir
    from .store import check_dir
    from .config import load_settings
    from .linter import Linter, validate_selectors
    from .packs import load_rules

    settings = load_settings(args.config)
    cache = None
    if not args.no_cache:
        given = Path(args.cache_dir) if args.cache_dir else default_dir(settings)
        folder = check_dir(given, explicit=bool(args.cache_dir), root=settings.root)
        if folder is not None:
            cache = ResultsCache(folder, "")
    rules = load_rules(settings.extend_rules)
    validate_selectors(settings, rules, selectors)
    return settings, rules, Linter(settings, rules), cache


class Progress:
    """``done/total files`` on a terminal's standard error, for runs longer than a moment."""

    DELAY = 0.5  # seconds before the first update: short runs print nothing

    def __init__(self, stream: TextIO) -> None:
        import time

        self.stream = stream
        self.clock = time.monotonic
        self.start = self.clock()
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        """``done`` of ``total`` files linted."""
        if self._due(done >= total):
            self._show(f"healthlint: {done}/{total} files ({100 * done // max(total, 1)}%)")

    def _due(self, last: bool) -> bool:
        now = self.clock()
        if now - self.start < self.DELAY or (now - self.last < 0.1 and not last):
            return False
        self.last = now
        return True

    def _show(self, line: str) -> None:
        self.stream.write(("\r\x1b[K" if self.shown else "\r") + line)  # wipe a longer line before
        self.shown = True
        self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return False
