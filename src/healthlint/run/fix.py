"""``--fix`` and ``--diff``: the fixes that cannot change what a text says.

- damaged statistical notation (``stat-inconsistency``): ``r ¼ 0.58`` -> ``r = 0.58`` and
  ``Â±`` -> ``±`` (the same safe fixes as the editor's quick fixes, :mod:`.server.fixes`);
- a missing disclaimer (``missing-disclaimer``): the configured ``disclaimer`` text is appended
  (Markdown and text: a paragraph at the end; HTML: a paragraph before ``</body>``).

A file is rewritten only when its bytes decode and encode back to exactly the same bytes (the
encoding and byte order mark it has, its line endings kept), so everything outside the fixed
spans stays byte-identical. The new bytes are written to a temporary file in the same folder and
renamed over the file (``os.replace``), so it is never half written; its permissions are kept.
A second run finds nothing left to fix.
"""

from __future__ import annotations

import difflib
import html
import os
import re
import stat
from typing import Any

from ..read import ReadError, format_for, read_source
from ..read.decode import decode_bytes, read_bytes
from .output import notice
from .server.fixes import SAFE_FIXES, Edit, apply

_BOM_ENCODINGS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def _encoding(data: bytes) -> tuple[bytes, str]:
    for bom, name in _BOM_ENCODINGS:
        if data.startswith(bom):
            return bom, name
    return b"", "utf-8"


def _line_break(text: str) -> str:
    m = re.search(r"\r\n|\r|\n", text)
    return m.group() if m else "\n"


def disclaimer_edit(text: str, fmt: str, disclaimer: str) -> Edit | None:
    """Append ``disclaimer`` to ``text`` (unless it is there already)."""
    if " ".join(disclaimer.lower().split()) in " ".join(text.lower().split()) or not text.strip():
        return None
    nl = _line_break(text)
    if fmt == "html":
        para = f"<p>{html.escape(disclaimer)}</p>{nl}"
        m = None
        for m in re.finditer(r"</body\s*>", text, re.I):
            pass
        if m is not None:
            return Edit(m.start(), m.start(), para)
        return Edit(len(text), len(text), ("" if text.endswith(("\n", "\r")) else nl) + para)
    ending = "" if text.endswith(("\n", "\r")) else nl
    return Edit(len(text), len(text), f"{ending}{nl}{disclaimer}{nl}")


def fixes_for(text: str, fmt: str, findings: list[Any], disclaimer: str | None) -> list[Edit]:
    """The safe edits for ``findings`` of ``text`` (non-overlapping, at most one per span)."""
    edits: list[Edit] = []
    for f in findings:
        maker = SAFE_FIXES.get(f.rule)
        if maker is not None and f.end > f.start:
            fix = maker(text, f.start, f.end)
            if fix is not None:
                edits.extend(fix.edits)
        elif f.rule == "missing-disclaimer" and disclaimer:
            e = disclaimer_edit(text, fmt, disclaimer)
            if e is not None:
                edits.append(e)
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if not out or e.start >= out[-1].end and (e.start, e.end) != (out[-1].start, out[-1].end):
            out.append(e)
    return out


MAX_PASSES = 10  # a fix can reveal another (a rule reports one damaged symbol per sentence)


def fix_text(linter: Any, text: str, fmt: str, path: str, rel: str) -> tuple[str, int]:
    """``text`` with every safe fix applied, linted again after each pass until nothing is left to fix
    (so a second run changes nothing), and the number of fixes."""
    count = 0
    for _ in range(MAX_PASSES):
        try:
            findings = linter.lint(read_source(text, path, fmt), rel).findings
        except ReadError:
            break
        edits = fixes_for(text, fmt, findings, linter.settings.disclaimer)
        if not edits:
            break
        text = apply(text, edits)
        count += len(edits)
    return text, count


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at ``path`` (links followed) by ``data``: a temporary file in its folder, then
    ``os.replace``; its permission bits are kept. Nothing is left behind when the write fails."""
    real = os.path.realpath(path)
    mode = stat.S_IMODE(os.stat(real).st_mode)
    tmp = os.path.join(os.path.dirname(real), f".{os.path.basename(real)}.{os.urandom(4).hex()}.healthlint-tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with open(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fix_files(linter: Any, paths: list[str], fmt: str | None, write: bool) -> tuple[tuple[int, int] | None, str]:
    """Fix the files of ``paths`` (``write``), or only show the fixes: ((findings fixed, files changed)
    or None, the unified diff)."""
    from .runner import collect

    fixed, files, diff = 0, 0, []
    for t in collect(paths, linter.settings):
        if t.error is not None:
            continue  # reported by the run that follows
        try:
            data = read_bytes(t.path)
            text, notes = decode_bytes(data, t.display)
        except ReadError:
            continue
        bom, encoding = _encoding(data)
        if notes or bom + text.encode(encoding, "surrogatepass") != data:
            notice(f"{t.display}: not fixed: its bytes do not decode and encode back unchanged ({notes[0] if notes else encoding})")
            continue
        kind = fmt or format_for(t.path) or "text"
        new, count = fix_text(linter, text, kind, t.display, t.rel)
        if not count:
            continue
        fixed += count
        files += 1
        if not write:
            shown = t.display.replace(os.sep, "/")
            diff.extend(difflib.unified_diff(text.splitlines(keepends=True), new.splitlines(keepends=True),
                                             f"a/{shown}", f"b/{shown}"))
            if diff and not diff[-1].endswith(("\n", "\r")):
                diff[-1] += "\n\\ No newline at end of file\n"
            continue
        try:
            write_atomic(t.path, bom + new.encode(encoding, "surrogatepass"))
        except OSError as e:
            notice(f"{t.display}: not fixed: cannot write it ({e.strerror or e})")
            fixed -= count
            files -= 1
    return ((fixed, files) if files else None), "".join(diff)
