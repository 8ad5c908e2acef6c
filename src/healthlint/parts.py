"""Long Markdown files linted a part at a time.

The reader hands out a part as soon as it is read (see
:func:`~healthlint.readers.markdown.read_markdown_parts`): a run of whole
sections, cut before a top-level heading, with its neighbouring blocks as
context. Each part is linted and dropped, so memory is that of a part (plus
the source and the findings) however long the file. With ``jobs`` > 1, forked
helpers read the file too (the block parse is a small share of the work) and
each builds and lints every ``n``-th part, so reading is spread over the cores
as well. Rules whose verdict needs the whole file (the disclaimer requirement,
readability, a headline against the article's evidence, ``scope: document``
conditions) keep a small state per part and decide in their ``finish`` once
every part is done. The findings are the same as linting the file whole
(tests compare both).
"""

from __future__ import annotations

import pickle
from functools import partial
from typing import TYPE_CHECKING, Any

from .findings import FileResult, Finding
from .linter import PARTS_MIN
from .parallel import can_fork, forked

if TYPE_CHECKING:
    from .document import Document
    from .linter import ActiveRule, Linter
    from .positions import LineIndex

PART_CHARS = 160_000  # source per part: a part ends at the first top-level heading after this much
MAX_SHARES = 4  # processes that share one file's parts

PartResult = tuple[list[Finding], dict[str, Any], list[str]]  # findings, rules' states, notices


def can_split(active: dict[str, "ActiveRule"], fmt: str, length: int) -> bool:
    """Can a file of ``fmt`` and ``length`` characters be linted in parts under ``active``?

    Markdown only, long files only, and every rule must be able to work on parts
    (a plugin check that does not say ``part_safe = True`` keeps its file whole).
    """
    return fmt == "markdown" and length >= PARTS_MIN and all(
        getattr(ar.rule.checker, "part_safe", True) for ar in active.values())


class _Share:
    """The parts one process lints: those whose index is ``k`` modulo ``n``."""

    def __init__(self, linter: "Linter", rel: str, k: int, n: int) -> None:
        self.linter = linter
        self.active = linter.active_for(rel)
        self.ids = list(self.active)
        self.k, self.n = k, n
        self.results: dict[int, bytes] = {}  # pickled PartResult of each part linted
        self.directives: tuple[Any, list[Finding]] | None = None  # from the first part (the file's)
        self.parts = 0  # in the file
        self.dropped = 0  # Markdown lines of the parts linted here that could not be mapped
        self.source: str | None = None
        self.index: "LineIndex | None" = None

    def keep(self, index: int) -> bool:
        return index % self.n == self.k

    def on_part(self, doc: "Document") -> None:
        assert doc.part is not None
        if doc.part.index == 0:  # its source, line index and front matter are the whole file's
            self.directives = self.linter.directives(doc)
        findings = self.linter._run_rules(doc, self.active, self.ids)
        # Kept pickled until every part is done: one compact block each, instead of many small
        # objects scattered among the parts' freed ones (memory that could not be given back).
        self.results[doc.part.index] = pickle.dumps((findings, doc.part.states, doc.warnings),
                                                    pickle.HIGHEST_PROTOCOL)

    def run(self, source: str, path: str) -> "_Share":
        from .positions import LineIndex
        from .readers.markdown import read_markdown_parts

        self.source = source
        self.index = LineIndex(source)
        self.parts, self.dropped = read_markdown_parts(source, path, self.on_part, PART_CHARS, self.keep,
                                                       self.index)
        return self


def _finish(linter: "Linter", path: str, shares: list[_Share], notices: list[str]) -> FileResult:
    """Every part's findings, then what the whole-file rules decide from the parts' states."""
    results: dict[int, bytes] = {}
    for sh in shares:
        results.update(sh.results)
        sh.results = {}
    main = shares[0]
    assert main.directives is not None
    sup, findings = main.directives[0], list(main.directives[1])
    timeouts: set[str] = set()
    states: list[dict[str, Any]] = []
    for i in range(main.parts):
        part_findings, part_states, warnings = pickle.loads(results.pop(i))
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
                  jobs: int = 1) -> FileResult | None:
    """Lint a long Markdown file part by part; None when it must be read whole (reference links).

    With ``jobs`` > 1, forked helpers read the file too and lint every ``n``-th part
    (``n`` = ``jobs``, at most :data:`MAX_SHARES`); a helper that fails is redone here.
    """
    from .readers.markdown import can_read_in_parts

    if not can_read_in_parts(source):
        return None
    n = min(jobs, MAX_SHARES) if can_fork() else 1
    helpers = [(k, forked(partial(_lint_share, linter, rel, k, n, source, path))) for k in range(1, n)]
    shares = [_Share(linter, rel, 0, n).run(source, path)]
    for k, helper in helpers:
        got = helper.result() if helper is not None else None
        shares.append(got if got is not None else _Share(linter, rel, k, n).run(source, path))  # failed: redo
    return _finish(linter, path, shares, list(notices))


def _lint_share(linter: "Linter", rel: str, k: int, n: int, source: str, path: str) -> "_Share":
    share = _Share(linter, rel, k, n).run(source, path)
    share.linter = share.source = share.index = None  # type: ignore[assignment]  # not sent back
    share.active = {}
    return share


__all__ = ["PARTS_MIN", "PART_CHARS", "can_split", "lint_in_parts"]
