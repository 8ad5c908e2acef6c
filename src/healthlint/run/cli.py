"""Command line: ``healthlint [check] PATH...``, ``analyze``, ``rules``, ``explain``, ``init``, ``server``."""

from __future__ import annotations

import argparse
import io
import os
import sys
from typing import Sequence, TextIO

from ..errors import HealthlintError, UsageError
from .cli_args import COMMANDS, build_parser
from .output import degrade_streams, error, quiet_broken_pipe

def run() -> None:
    """The ``healthlint`` command: :func:`main`, its output flushed, and its exit status."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `healthlint check . | head -1`: the reader has what it wanted
        quiet_broken_pipe()
    except (OSError, ValueError) as e:  # a full disk, a closed pipe: one line, exit status 2
        if code != 2:  # (2: already reported by main, whose own flush failed the same way)
            error(f"cannot write to standard output: {getattr(e, 'strerror', None) or e}")
        code = 2
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    degrade_streams()
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version", "-V"):
        typo = _mistyped_command(argv[0])
        if typo:
            build_parser().print_usage(sys.stderr)
            error(f"unknown command {argv[0]!r} (did you mean {typo!r}?); "
                  f"commands: {', '.join(COMMANDS)}")
            return 2
        argv.insert(0, "check")
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.command is None:
        parser.print_usage(sys.stderr)
        error("no command given: try 'healthlint check FILE', or 'healthlint --help'")
        return 2
    try:
        if args.command == "check":
            from .check import cmd_check

            return cmd_check(args)
        if args.command == "analyze":
            from .analyze import cmd_analyze

            return cmd_analyze(args)
        if args.command == "init":
            from .init import cmd_init

            return cmd_init(args)
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
    except BrokenPipeError:
        quiet_broken_pipe()
        return 0
    except KeyboardInterrupt:
        print("healthlint: interrupted", file=sys.stderr)
        return 130


def _mistyped_command(word: str) -> str | None:
    """The command ``word`` is a typo of (``chek``: ``check``), when it is no path and looks like a word."""
    import difflib

    if not word or word.startswith("-") or os.path.lexists(word) or not word.isalpha():
        return None
    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


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
