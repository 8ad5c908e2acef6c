"""The command line's parsers: ``check``, ``analyze``, ``rules``, ``explain``, ``init``, ``server``."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, NoReturn

from .. import __version__

COMMANDS = ("check", "analyze", "rules", "explain", "init", "server")
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
  healthlint check --diff-base origin/main .   only lines changed since a revision
  healthlint check --baseline .healthlint-baseline.json .   only findings not in the baseline
  healthlint check --fix .               apply the fixes that cannot change meaning
  healthlint init                        write a commented .healthlint.yaml
  cat draft.md | healthlint check - --stdin-filename draft.md
  healthlint analyze draft.md            show what healthlint sees in each sentence
  healthlint rules                       list every rule
  healthlint explain overclaim           why a rule exists, its sources and examples
  healthlint server                      language server for editors (LSP over stdio)

exit status: 0 no findings at or above fail-on, 1 findings, 2 usage, config or input errors
(a path that does not exist included).
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
    p.add_argument("-V", "--version", action="version", version=f"healthlint {__version__}")
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
        a.add_argument("--jobs", "-j", type=_positive, metavar="N",
                       help="analyse files on N processes (default: the number of cores)")
    if command in (None, "rules"):
        r = sub.add_parser("rules", help="list every rule", description="List every rule with its severity.",
                           formatter_class=_Formatter)
        r.add_argument("--config", metavar="FILE", help="use this config file (to include extend-rules packs)")
        r.add_argument("--format", choices=("text", "json"), default="text")
    if command in (None, "explain"):
        e = sub.add_parser("explain", help="explain a rule: rationale, sources, examples", formatter_class=_Formatter)
        e.add_argument("rule", metavar="RULE")
        e.add_argument("--config", metavar="FILE")
    if command in (None, "init"):
        i = sub.add_parser("init", help="write a commented configuration (.healthlint.yaml)",
                           description="Write a commented .healthlint.yaml in the current folder (or, with "
                           "--pyproject, a [tool.healthlint] table in pyproject.toml) listing every rule and a "
                           "sample disclaimer. Never overwrites an existing configuration.",
                           formatter_class=_Formatter)
        i.add_argument("--pyproject", action="store_true", help="add [tool.healthlint] to pyproject.toml instead")
    if command in (None, "server"):
        sub.add_parser("server", help="run the language server (LSP over standard input and output)",
                       description="A Language Server Protocol server over stdio for editors: diagnostics "
                       "as you type, the rule's explanation on hover, and quick fixes. Each document is "
                       "linted with the configuration found from its folder.", formatter_class=_Formatter)
    return p


FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "html")


def _check_parser(sub: Any) -> None:
    c = sub.add_parser("check", help="lint files (the default command)",
                       description="Lint Markdown, HTML and text files and report findings.", formatter_class=_Formatter)
    c.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; '-' reads standard input")
    _common(c)
    c.add_argument("--format", "--output-format", dest="format", choices=FORMATS, default="text",
                   help="report format (default: text; gitlab: Code Quality JSON; junit: XML; "
                   "html: a self-contained page, with --output)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    c.add_argument("--select", metavar="RULES", help="only these rules or categories (comma-separated)")
    c.add_argument("--extend-select", metavar="RULES", help="these rules or categories as well as the selected ones")
    c.add_argument("--ignore", metavar="RULES", help="skip these rules or categories (comma-separated)")
    c.add_argument("--exclude", metavar="PATTERNS", help="gitignore-style patterns of files to leave out, "
                   "instead of the config's 'exclude' (comma-separated)")
    c.add_argument("--extend-exclude", metavar="PATTERNS", help="patterns to leave out as well as the config's")
    c.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                   help="also lint files that .gitignore files (and .git/info/exclude) leave out")
    c.add_argument("--fail-on", choices=("error", "warning", "info"),
                   help="lowest severity that makes the exit status 1 (default: warning)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings "
                   "(usage, config and input errors still exit 2)")
    c.add_argument("--statistics", action="store_true", help="print the number of findings per rule instead of each one")
    c.add_argument("--show-source", action="store_true", help="show each finding's line with a caret under the words")
    c.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline file")
    c.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE (and report nothing)")
    c.add_argument("--diff-base", metavar="REV", help="report only findings on lines changed since git revision REV")
    c.add_argument("--fix", action="store_true", help="apply the fixes that cannot change meaning, then report the rest")
    c.add_argument("--diff", action="store_true", help="show those fixes as a unified diff; write nothing")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="color the text report")
    c.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    c.add_argument("--jobs", "-j", type=_positive, metavar="N",
                   help="lint files on N processes (default: config 'jobs', at most the number of cores, "
                   "else the number of cores)")
    c.add_argument("--no-cache", action="store_true",
                   help="read and write no cache (results, compiled rules, syllable table): slower, same findings")
    c.add_argument("--cache-dir", metavar="DIR",
                   help="results cache folder (default: $HEALTHLINT_CACHE_DIR, else config 'cache-dir', "
                   "else .healthlint_cache)")


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


def split_list(value: str | None) -> list[str]:
    """``a, b c`` -> ``["a", "b", "c"]``."""
    return [v for v in (value or "").replace(",", " ").split() if v]
