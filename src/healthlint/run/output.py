"""What healthlint writes: reports (to standard output or a file, never half written) and
one-line notices on standard error, safe for a terminal and a CI log in any console encoding."""

from __future__ import annotations

import io
import os
import sys
from typing import Callable, TextIO

from ..errors import UsageError


def error(message: str) -> None:
    """``healthlint: error: MESSAGE`` on standard error (see :func:`notice`)."""
    notice(f"error: {message}")


def notice(message: str) -> None:
    """``healthlint: MESSAGE`` on standard error, made safe for a terminal and a CI log: control
    characters (a line break, ESC) are shown as escapes, so a file name cannot start a line of its
    own (a GitHub workflow command, a forged finding) or move the cursor."""
    from ..report.text import neutralise

    try:
        print(f"healthlint: {neutralise(message)}", file=sys.stderr)
    except (OSError, ValueError):
        pass


def quiet_broken_pipe() -> None:
    """Standard output's reader has gone (``healthlint check . | head -1``): end quietly, like a Unix
    tool. Standard output is pointed at the null device so that no later flush fails again."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _json_escape(e: UnicodeError) -> tuple[str, int]:
    """Characters the output encoding lacks, as JSON ``\\uXXXX`` escapes (valid in any JSON string)."""
    assert isinstance(e, UnicodeEncodeError)
    out = []
    for ch in e.object[e.start : e.end]:
        cp = ord(ch)
        if cp > 0xFFFF:
            cp -= 0x10000
            out.append(f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}")
        else:
            out.append(f"\\u{cp:04x}")
    return "".join(out), e.end


def degrade_streams() -> None:
    """Make standard output and error show a character their encoding lacks (an ASCII or Latin-1
    console, ``PYTHONIOENCODING=ascii``) as an escape such as ``\\xe9``, never fail on it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) in ("strict", "surrogateescape"):
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError, TypeError):
                pass


def write_report(path: str | None, write: Callable[[TextIO], None], json_text: bool = False) -> None:
    """``write(stream)`` to standard output, or to ``path`` (UTF-8).

    A regular file is written beside itself under a temporary name and renamed over ``path``
    only once complete, so a full disk leaves no partial report (and the old one in place).
    A failed write is a :class:`.UsageError` (one line, exit status 2). ``json_text``: on a
    standard output whose encoding lacks a character, it is written as a JSON escape.
    """
    if not path:
        stream = sys.stdout
        errors = getattr(stream, "errors", None)
        if json_text and errors is not None and hasattr(stream, "reconfigure"):
            import codecs

            codecs.register_error("healthlint-json", _json_escape)
            stream.reconfigure(errors="healthlint-json")
        try:
            write(stream)
            stream.flush()
        except BrokenPipeError:
            raise  # the reader has gone: ends quietly (see quiet_broken_pipe)
        except OSError as e:
            raise UsageError(f"cannot write to standard output: {e.strerror or e}") from None
        finally:
            if json_text and errors is not None and hasattr(stream, "reconfigure"):
                try:
                    stream.reconfigure(errors=errors)
                except (OSError, ValueError):
                    pass
        return
    real = os.path.realpath(path)
    try:
        st: os.stat_result | None = os.stat(real)
    except OSError:
        st = None
    import stat

    tmp = None  # a device or a pipe is written as it is
    if st is None or stat.S_ISREG(st.st_mode):
        tmp = os.path.join(os.path.dirname(real), f".{os.path.basename(real)}.{os.urandom(4).hex()}.tmp")
    try:
        if tmp is None:
            fh = open(real, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        else:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            fh = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as e:
        raise UsageError(f"--output {path}: cannot write: {e.strerror or e}") from None
    try:
        try:
            write(fh)
        finally:
            fh.close()
        if tmp is not None:
            if st is not None:
                os.chmod(tmp, stat.S_IMODE(st.st_mode))
            os.replace(tmp, real)
    except BaseException as e:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if isinstance(e, OSError):
            raise UsageError(f"--output {path}: cannot write: {e.strerror or e}") from None
        raise
