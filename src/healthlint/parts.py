"""Long Markdown files linted a part at a time.

The reader hands out a part as soon as it is read (see
:func:`~healthlint.readers.markdown.read_markdown_parts`): a run of whole
sections, cut before a top-level ``#`` heading, with its neighbouring blocks as
context. Each part is linted and dropped, so memory is that of a part (plus
the source and the findings) however long the file. With ``jobs`` > 1, forked
helpers read the file too and the parts are shared out, so reading is spread
over the cores as well. Rules whose verdict needs the whole file (the disclaimer
requirement, readability, a headline against the article's evidence, ``scope:
document`` conditions) keep a small state per part and decide in their
``finish`` once every part is done. The findings are the same as linting the
file whole (tests compare both).

Parts go to whichever process is free: their numbers wait in a pipe, and a
process that has finished a part reads the next number and goes on to that part.
So a process that drew slow parts is not left behind by one that drew quick ones.
Where each part starts is predicted before the fork (:mod:`.readers.mdcuts`), so
a process parses only near its own parts; each part's parse checks the prediction,
and the file is read whole, here, if a check fails.
"""

from __future__ import annotations

import gc
import marshal
import os
import pickle
import sys
from bisect import bisect_right
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .cache import decode_findings, encode_findings
from .findings import SORT_KEY, FileResult, Finding
from .linter import PARTS_MIN
from .parallel import can_fork, forked

if TYPE_CHECKING:
    from .document import Document
    from .linter import ActiveRule, Linter
    from .positions import LineIndex
    from .readers.mdcuts import Cuts

PART_CHARS = 160_000  # source per part: a part ends at the first top-level heading after this much
MAX_SHARES = 4  # processes that share one file's parts


def can_split(active: dict[str, "ActiveRule"], fmt: str, length: int) -> bool:
    """Can a file of ``fmt`` and ``length`` characters be linted in parts under ``active``?

    Markdown only, long files only, and every rule must be able to work on parts
    (a plugin check that does not say ``part_safe = True`` keeps its file whole).
    """
    return fmt == "markdown" and length >= PARTS_MIN and all(
        getattr(ar.rule.checker, "part_safe", True) for ar in active.values())


class Claims:
    """Part numbers handed out in order, each to the first process that asks.

    The numbers wait in a pipe whose writing end is closed before any process
    starts, so a read never blocks: it takes the next number (reads of one
    4-byte number from a pipe are atomic) or finds the pipe empty. A part whose
    number could not be queued, or whose process failed, is linted afterwards by
    the parent (see :func:`lint_in_parts`).
    """

    SIZE = 4

    def __init__(self, count: int) -> None:
        self.fd, w = os.pipe()
        try:
            os.set_blocking(w, False)
            for lo in range(0, count, 128):  # 512-byte writes (POSIX's least PIPE_BUF) are never torn
                os.write(w, b"".join(i.to_bytes(self.SIZE, "little") for i in range(lo, min(lo + 128, count))))
        except (BlockingIOError, OSError):
            pass  # the pipe is full: the numbers not queued are left to the parent
        finally:
            os.close(w)
        self.want = -1  # the part this process claimed last

    def keep(self, index: int) -> bool:
        """Is part ``index`` (reached in reading order) this process's? Claims the next one when due."""
        if self.want < index:
            try:
                got = os.read(self.fd, self.SIZE)
            except OSError:
                got = b""
            self.want = int.from_bytes(got, "little") if len(got) == self.SIZE else sys.maxsize
        return index == self.want

    def ahead(self, index: int) -> int | None:
        """The part this process builds next after ``index`` (claimed by :meth:`keep`); None: no more."""
        return self.want if index < self.want < sys.maxsize else None

    def close(self) -> None:
        os.close(self.fd)


class _Share:
    """The parts one process lints: those ``keep`` accepts."""

    def __init__(self, linter: "Linter", rel: str, keep: Callable[[int], bool],
                 ahead: Callable[[int], int | None] | None = None, cuts: "Cuts | None" = None,
                 lines: "LineIndex | None" = None, within: Callable[[str, float], None] | None = None) -> None:
        self.linter = linter
        self.active = linter.active_for(rel)
        self.ids = list(self.active)
        self.keep = keep
        self.ahead = ahead
        self.cuts = cuts
        self.exact = True  # the predicted cuts held in the parts read here
        self.results: dict[int, tuple[bytes, bytes]] = {}  # each part linted: findings, (states, notices)
        self.directives: tuple[Any, list[Finding]] | None = None  # from the first part (the file's)
        self.parts = 0  # in the file
        self.dropped = 0  # Markdown lines of the parts linted here that could not be mapped
        self.source: str | None = None
        self.index = lines
        self.within = within  # told how far through the file each part linted here ends

    def on_part(self, doc: "Document") -> None:
        assert doc.part is not None
        if doc.part.index == 0:  # its source, line index and front matter are the whole file's
            self.directives = self.linter.directives(doc)
        findings = self.linter._run_rules(doc, self.active, self.ids)
        findings.sort(key=SORT_KEY)  # the file's findings are then runs already in order: a quick final sort
        # Kept marshalled until every part is done: compact blocks, instead of many small objects
        # scattered among the parts' freed ones (memory that could not be given back). Findings go
        # column by column through marshal (several times faster than pickle); the rules' states,
        # which a plugin's rule may make of anything, are pickled.
        self.results[doc.part.index] = (marshal.dumps(list(encode_findings(findings))),
                                        pickle.dumps((doc.part.states, doc.warnings), pickle.HIGHEST_PROTOCOL))
        if self.within is not None:  # parts are claimed in file order: one done here ends near the front
            end = len(doc.source) if doc.part.last else doc.source_span(doc.part.own_start, doc.part.own_end)[1]
            self.within(doc.path, end / max(len(doc.source), 1))
        doc.drop_caches()  # the analysis points back at the document: no cycle is left for the collector

    def run(self, source: str, path: str) -> "_Share":
        from .positions import LineIndex
        from .readers.markdown import read_markdown_parts

        self.source = source
        self.index = self.index or LineIndex(source)
        with _collector_paused():
            self.parts, self.dropped, self.exact = read_markdown_parts(source, path, self.on_part, PART_CHARS,
                                                                       self.keep, self.index, self.ahead, self.cuts)
        return self


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while parts are read and linted.

    A part's objects (blocks, sentences, facts: about a hundred thousand) live until the
    part is done, and the collector would walk each of them two or three times, about
    4% of the run, to find nothing: :meth:`_Share.on_part` breaks the one cycle (the
    analysis and its document) and reference counting frees the rest. Tests check that
    a part leaves no cyclic garbage behind.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _finish(linter: "Linter", path: str, shares: list[_Share], notices: list[str]) -> FileResult:
    """Every part's findings, then what the whole-file rules decide from the parts' states."""
    results: dict[int, bytes] = {}
    for sh in shares:
        results.update(sh.results)
        sh.results = {}
    main = shares[0]
    sup, found = next(sh.directives for sh in shares if sh.directives is not None)
    findings = list(found)
    timeouts: set[str] = set()
    states: list[dict[str, Any]] = []
    for i in range(main.parts):
        encoded, rest = results.pop(i)
        part_findings = decode_findings(marshal.loads(encoded))
        part_states, warnings = pickle.loads(rest)
        states.append(part_states)
        notices = notices + warnings
        for f in part_findings:
            if f.rule == "rule-timeout":
                if f.message in timeouts:
                    continue  # the same rule stopped in several parts: reported once
                timeouts.add(f.message)
            findings.append(f)
    dropped = sum(sh.dropped for sh in shares)
    if dropped:
        notices.append(f"{dropped} Markdown line(s) could not be mapped exactly; skipped")
    assert main.source is not None and main.index is not None
    doc = _Whole(path, main.source, main.index)
    active = main.active
    for rid in main.ids:
        ar = active[rid]
        finish = getattr(ar.rule.checker, "finish", None)
        if finish is not None:
            of_rule = [st.get(rid) for st in states]
            findings += [linter._finding(doc, ar, hit) for hit in finish(doc, of_rule, ar.options)]  # type: ignore[arg-type]
    return linter.finish_result(path, sup, findings, notices)


class _Whole:
    """What a rule's ``finish`` may read of the file: its path, source and line index."""

    def __init__(self, path: str, source: str, lines: "LineIndex") -> None:
        self.path = path
        self.source = source
        self.lines = lines


def lint_in_parts(linter: "Linter", source: str, path: str, rel: str, notices: list[str],
                  jobs: int = 1, within: Callable[[str, float], None] | None = None) -> FileResult | None:
    """Lint a long Markdown file part by part; None when it must be read whole (reference links).

    With ``jobs`` > 1, forked helpers (``jobs`` - 1 of them, at most
    :data:`MAX_SHARES` processes in all) read the file too, and each process lints
    the parts it claims (see :class:`Claims`). The parent claims the first part, whose
    directives are the file's; a part no process delivered is linted by the parent last.
    ``within(path, fraction)`` is told, in this process, where each part it lints ends.
    """
    from .readers.markdown import can_read_in_parts

    if not can_read_in_parts(source):
        return None
    from .positions import LineIndex
    from .readers.frontmatter import split_front_matter
    from .readers.mdcuts import predict_cuts

    n = min(jobs, MAX_SHARES) if can_fork() else 1
    lines = LineIndex(source)
    cuts = predict_cuts(source, lines.starts, split_front_matter(source)[1], PART_CHARS) if n > 1 else None

    def whole() -> FileResult:  # one process reads every part, without predictions
        return _finish(linter, path, [_Share(linter, rel, lambda i: True, lines=lines, within=within)
                                      .run(source, path)], list(notices))

    if cuts is None or cuts.count < 2:
        return whole()
    claims = Claims(cuts.count)
    claims.keep(0)
    try:
        helpers = [forked(partial(_lint_share, linter, rel, claims, cuts, lines, source, path))
                   for _ in range(1, n)]
        shares = [_Share(linter, rel, claims.keep, claims.ahead, cuts, lines, within).run(source, path)]
        shares += [got for got in (h.result() if h is not None else None for h in helpers) if got is not None]
    finally:
        claims.close()
    missing = set(range(cuts.count)).difference(*(sh.results for sh in shares))
    if missing and all(sh.exact for sh in shares):  # a helper failed or the pipe was full: done here
        again = _Share(linter, rel, missing.__contains__, partial(_next_of, sorted(missing)), cuts, lines)
        shares.append(again.run(source, path))
    if not all(sh.exact for sh in shares):  # the scan mispredicted a cut: read the file whole, here
        return whole()
    return _finish(linter, path, shares, list(notices))


def _next_of(wanted: list[int], index: int) -> int | None:
    """The first of ``wanted`` (sorted) after ``index``."""
    k = bisect_right(wanted, index)
    return wanted[k] if k < len(wanted) else None


def _lint_share(linter: "Linter", rel: str, claims: Claims, cuts: "Cuts", lines: "LineIndex", source: str,
                path: str) -> "_Share":
    """A helper's share (in the forked child, whose copy of ``claims`` still holds the parent's claim)."""
    claims.want = -1
    share = _Share(linter, rel, claims.keep, claims.ahead, cuts, lines).run(source, path)
    share.linter = share.source = share.index = share.keep = share.ahead = share.cuts = share.within = None  # type: ignore[assignment]  # not sent back
    share.active = {}
    return share


__all__ = ["PARTS_MIN", "PART_CHARS", "can_split", "lint_in_parts"]
