"""Lint many files on several processes; results come back in input order.

With the ``fork`` start method (Linux and other Unixes) the workers inherit the
parent's compiled rules, so nothing but a file index crosses the process
boundary on the way in. Elsewhere (``spawn``) each worker rebuilds the linter
from a :class:`LinterSpec`. Callers decide whether a run is big enough to be
worth the start-up (see :func:`worth_it`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable


# Below this much uncached input, start-up costs more than a second core saves.
MIN_BYTES = 96_000
MIN_FILES = 2


@dataclass(slots=True)
class LinterSpec:
    """How to rebuild the run's linter in a fresh (spawned) process."""

    config: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    cwd: str = field(default_factory=os.getcwd)


def build_linter(spec: LinterSpec) -> Any:
    """Settings, rules and the command-line overrides, as ``healthlint check`` sets them up."""
    from pathlib import Path

    from .config import load_settings
    from .linter import Linter, validate_selectors
    from .packs import load_rules

    settings = load_settings(spec.config, cwd=Path(spec.cwd))
    rules = load_rules(settings.extend_rules)
    validate_selectors(settings, rules, spec.select + spec.ignore)
    if spec.select:
        settings.base.select = list(spec.select)
    if spec.ignore:
        settings.base.ignore = list(settings.base.ignore) + list(spec.ignore)
    if spec.fail_on:
        settings.fail_on = spec.fail_on
    return Linter(settings, rules)


def default_jobs() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def worth_it(jobs: int, sizes: list[int]) -> bool:
    """True when ``sizes`` (bytes of the files still to lint) justify starting workers."""
    return jobs > 1 and len(sizes) >= MIN_FILES and sum(sizes) >= MIN_BYTES


# Worker state: set in the parent before forking, or by _init in a spawned worker.
_STATE: dict[str, Any] = {}


def _quiet() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the pool (a worker would print a traceback)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init(state: dict[str, Any]) -> None:
    _quiet()
    spec = state.pop("spec")
    state["context"] = state["make_context"](build_linter(spec))
    _STATE.update(state)


def _work(index: int) -> tuple[int, Any]:
    return index, _STATE["func"](_STATE["context"], _STATE["items"][index])


def run_ordered(
    func: Callable[[Any, Any], Any],
    context: Any,
    items: list[Any],
    order: list[int],
    jobs: int,
    *,
    spec: LinterSpec | None = None,
    make_context: Callable[[Any], Any] | None = None,
    done: Callable[[int, Any], None] | None = None,
) -> list[Any]:
    """``[func(context, items[i]) for i in range(len(items))]`` on ``jobs`` processes.

    ``order`` is the dispatch order (biggest files first balances the load);
    ``done(i, result)`` is called in the parent as each result arrives. Under
    ``spawn``, ``make_context(linter)`` rebuilds ``context`` from ``spec``.
    """
    import multiprocessing  # only runs that start workers pay for importing it

    results: list[Any] = [None] * len(items)
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        ctx = multiprocessing.get_context("fork")
        _STATE.clear()
        _STATE.update(func=func, context=context, items=items)
        initializer, initargs = _quiet, ()
    elif spec is not None and make_context is not None:
        ctx = multiprocessing.get_context("spawn")
        initializer, initargs = _init, ({"func": func, "items": items, "spec": spec,
                                         "make_context": make_context},)
    else:
        for i in order:
            results[i] = func(context, items[i])
            if done:
                done(i, results[i])
        return results
    try:
        with ctx.Pool(min(jobs, len(items)), initializer=initializer, initargs=initargs) as pool:
            # Small batches: fewer round trips, while the biggest files (first) still spread out.
            chunk = max(1, min(8, len(order) // (jobs * 8)))
            for i, res in pool.imap_unordered(_work, order, chunksize=chunk):
                results[i] = res
                if done:
                    done(i, res)
    finally:
        _STATE.clear()
    return results
