"""Find the files to lint and lint each one (cached, in parallel when it pays); one bad file never stops the others."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

from ..read import ReadError, format_for, read_source
from ..read.decode import decode_bytes, read_bytes
from ..report.findings import FileResult, RunResult
from .cache import ResultsCache
from .config import Settings
from .linter import Linter
from .parallel import LinterSpec, run_ordered, worth_it

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox",
                       ".mypy_cache", ".pytest_cache", ".healthlint_cache", "site-packages"})


@dataclass(slots=True)
class Target:
    """A file to lint: the path to print, the path to open, and its error if any."""

    display: str
    path: str
    rel: str
    error: str | None = None
    real: str | None = None  # the resolved path, when already known


def _rel(path: str, root: Path, real: str | None = None) -> str:
    """``path`` relative to ``root`` (resolved; ``real`` if known), else ``path`` as given."""
    try:
        return Path(real or os.path.realpath(path)).relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):
        return Path(path).as_posix()


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def collect(paths: list[str], settings: Settings) -> list[Target]:
    """Expand directories (known extensions, no hidden or ignored folders, no excludes, nothing
    a ``.gitignore`` ignores unless ``settings.respect_gitignore`` is off)."""
    out: list[Target] = []
    root = settings.root
    gitignore = None
    if settings.respect_gitignore:
        from .ignore import GitIgnore

        gitignore = GitIgnore()
    for given in paths:
        if os.path.isdir(given):
            settings.walked = True
            found: list[Target] = []
            top = os.path.realpath(given)

            def unlisted(e: OSError, found: list[Target] = found) -> None:  # a folder it cannot read
                path = e.filename if isinstance(e.filename, str) else given
                why = "permission denied" if isinstance(e, PermissionError) else (e.strerror or str(e))
                found.append(Target(path, path, _rel(path, root), error=f"cannot read folder: {why}"))

            for dirpath, dirnames, filenames in os.walk(given, onerror=unlisted, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS
                                     and not settings.excluded(_rel(os.path.join(dirpath, d), root), True)
                                     and not (gitignore and gitignore.ignored(os.path.join(dirpath, d), True, given)))
                real_dir = os.path.realpath(dirpath)  # once per folder, not per file
                for name in sorted(filenames):
                    if name.startswith(".") or format_for(name) is None:
                        continue
                    full = os.path.join(dirpath, name)
                    if os.path.islink(full):
                        real = os.path.realpath(full)
                        if not _inside(real, top):
                            continue  # a link found while walking may not lead out of the folder
                    else:
                        real = os.path.join(real_dir, name)
                    rel = _rel(full, root, real)
                    if not settings.excluded(rel) and not (gitignore and gitignore.ignored(full, False, given)):
                        found.append(Target(full, full, rel, real=real))
            out.extend(found)
        else:
            rel = _rel(given, root)
            if os.path.lexists(given) and settings.excluded(rel):
                continue
            out.append(Target(given, given, rel))
    return out


def lint_target(linter: Linter, t: Target, fmt: str | None = None) -> FileResult:
    """Read and lint one file (no cache)."""
    try:
        data = read_bytes(t.path)
    except ReadError as e:
        return FileResult(t.display, error=e.message, skipped=e.skipped)
    decoded = _decode(t, data)
    del data  # only the text is kept while linting (a 10 MB file is not held twice)
    return _lint_text(linter, t, decoded, fmt)


def _decode(t: Target, data: bytes) -> tuple[str, list[str]] | FileResult:
    """The file's text and decoding notes, or the error result."""
    try:
        return decode_bytes(data, t.display)
    except ReadError as e:
        return FileResult(t.display, error=e.message, skipped=e.skipped)


def _lint_text(linter: Linter, t: Target, decoded: tuple[str, list[str]] | FileResult, fmt: str | None) -> FileResult:
    if isinstance(decoded, FileResult):
        return decoded
    text, warnings = decoded
    fmt = fmt or format_for(t.path) or "text"
    try:
        doc = read_source(text, t.display, fmt)
    except ReadError as e:
        return FileResult(t.display, error=e.message, skipped=e.skipped)
    doc.warnings[:0] = warnings
    return linter.lint(doc, t.rel)


@dataclass(slots=True)
class _Context:
    linter: Linter
    fmt: str | None
    cache: ResultsCache | None


def _make_context(fmt: str | None, cache: ResultsCache | None, linter: Linter) -> _Context:
    return _Context(linter, fmt, cache)


def _lint_cached(ctx: _Context, t: Target, probed: tuple[bytes, str] | None = None) -> FileResult:
    """Lint one file, reading from and writing to the results cache.

    ``probed``: the file's bytes and cache key when a look in the cache just missed.
    """
    cache = ctx.cache
    if probed is not None:
        data, key = probed
        probed = None  # the bytes are dropped below, once decoded
    else:
        try:
            data = read_bytes(t.path)
        except ReadError as e:
            return FileResult(t.display, error=e.message, skipped=e.skipped)
        key = cache.key(data, t.display, t.rel, ctx.fmt) if cache is not None else None
        if cache is not None and key is not None:
            hit = cache.get(key, t.display)
            if hit is not None:
                return hit
    decoded = _decode(t, data)
    del data  # only the text is kept while linting
    result = _lint_text(ctx.linter, t, decoded, ctx.fmt)
    if cache is not None and key is not None:
        cache.put(key, result)
    return result


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def run(
    linter: Linter,
    paths: list[str],
    *,
    stdin_text: str | tuple[str, list[str]] | ReadError | None = None,
    stdin_filename: str = "-",
    fmt: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: ResultsCache | None = None,
    jobs: int = 1,
    spec: LinterSpec | None = None,
    output: str | None = None,
) -> RunResult:
    """Lint ``paths`` (``-`` is standard input: ``stdin_text``, its text, or its text and decoding
    notes, or why it cannot be read) and collect the results in input order.

    Cached results are used for unchanged files; files still to lint go to
    ``jobs`` worker processes when there is enough of them to pay off. ``progress(done, total)``
    follows the files. ``output``: the report file, refused when it is one of the files to lint.
    """
    settings = linter.settings
    targets: list[Target] = []
    for p in paths:
        if p == "-":
            targets.append(Target(stdin_filename, "-", _rel(stdin_filename, settings.root)))
        else:
            targets.extend(collect([p], settings))
    if output:
        refuse_output_over_input(output, [(t.path, t.real) for t in targets])
    if cache is not None:
        _protect(cache, targets)
    ctx = _Context(linter, fmt, cache)
    results: list[FileResult | None] = [None] * len(targets)
    finished = 0

    def done(i: int, r: FileResult) -> None:
        nonlocal finished
        results[i] = r
        finished += 1
        if progress:
            progress(finished, len(targets))

    todo: list[int] = []
    probed: dict[int, tuple[bytes, str]] = {}  # a lone file's bytes and key: not read and hashed twice
    for i, t in enumerate(targets):
        if t.path == "-":
            done(i, _lint_stdin(linter, t, stdin_text, fmt or format_for(stdin_filename) or "text"))
            continue
        if t.error is not None:  # a folder that could not be listed
            done(i, FileResult(t.display, error=t.error))
            continue
        if cache is not None and cache.enabled:
            hit, seen = _cached(cache, t, fmt)
            if hit is not None:
                done(i, hit)
                continue
            if seen is not None and len(targets) == 1:
                probed[i] = seen
            del seen  # the bytes live on in ``probed`` only, dropped once decoded
        todo.append(i)
    sizes = [_size(targets[i].path) for i in todo]
    if worth_it(jobs, sizes):
        metric = any(ar.rule.kind == "metric" for ar in linter.active_for(targets[todo[0]].rel).values())
        _warm_up({fmt or format_for(targets[i].path) or "text" for i in todo}, metric)
        order = [todo[k] for k in sorted(range(len(todo)), key=lambda k: -sizes[k])]
        run_ordered(_lint_cached, ctx, targets, order, jobs, spec=spec,
                    make_context=partial(_make_context, fmt, cache), done=done)
    else:
        for i in todo:
            done(i, _lint_cached(ctx, targets[i], probed.pop(i, None)))
    return RunResult([r for r in results if r is not None], {}, settings.fail_on)


def _lint_stdin(linter: Linter, t: Target, given: str | tuple[str, list[str]] | ReadError | None,
                fmt: str) -> FileResult:
    """Lint standard input (see :func:`run`); its decoding notes become the file's notices."""
    if isinstance(given, ReadError):
        return FileResult(t.display, error=given.message, skipped=given.skipped)
    text, notes = given if isinstance(given, tuple) else (given or "", [])
    try:
        doc = read_source(text, t.display, fmt)
    except ReadError as e:
        return FileResult(t.display, error=e.message, skipped=e.skipped)
    doc.warnings[:0] = notes
    return linter.lint(doc, t.rel)


def _warm_up(formats: set[str], syllables: bool) -> None:
    """Import and load once, before forking, what every worker would otherwise load itself:
    the analysis, the readers of these formats and (for the readability rule) the syllable table."""
    from importlib import import_module

    from ..analyse import article, terms  # noqa: F401 - the sentence analysis and its patterns
    from ..kinds import metric
    from ..read import FORMATS

    for f in formats:
        if f in FORMATS:
            import_module(f"healthlint.read.{FORMATS[f][0]}")
    terms.find_terms("warm up")  # the lexicons and their automaton, built once
    if syllables:
        metric.warm_up()


def _cached(cache: ResultsCache, t: Target, fmt: str | None) -> tuple[FileResult | None, tuple[bytes, str] | None]:
    """The cached result of ``t`` if any, else (None, its bytes and key; None if unreadable)."""
    try:
        data = read_bytes(t.path)  # not open(): a pipe or /dev/zero must not hang the run
    except ReadError:
        return None, None
    key = cache.key(data, t.display, t.rel, fmt)
    hit = cache.get(key, t.display)
    return hit, None if hit is not None else (data, key)


def refuse_output_over_input(output: str, paths: list[tuple[str, str | None]]) -> None:
    """:class:`.UsageError` when the report file ``output`` is one of ``paths`` (each with its
    resolved path when known): the same file after following links, or another name of it."""
    from ..errors import UsageError

    real = os.path.realpath(output)
    try:
        st: os.stat_result | None = os.stat(real)
    except OSError:
        st = None  # not there yet: only a name that resolves to it can be the same
    for path, known in paths:
        if path == "-":
            continue
        same = (known or os.path.realpath(path)) == real
        if not same and st is not None:
            try:
                same = os.path.samestat(st, os.stat(path))
            except OSError:
                pass
        if same:
            raise UsageError(f"--output {output!r} is {path!r}, one of the files to lint: the report would "
                             "overwrite it; write the report elsewhere")


def _protect(cache: ResultsCache, targets: list[Target]) -> None:
    """Never write the cache over, or inside the place of, a file being linted."""
    try:
        folder = os.path.realpath(cache.folder)
    except OSError:
        cache.enabled = False
        return
    for t in targets:
        if t.path == "-":
            continue
        real = t.real or os.path.realpath(t.path)
        if real == folder or real.startswith(folder + os.sep):
            cache.enabled = False
            return
