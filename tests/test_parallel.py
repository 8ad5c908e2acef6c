"""``check --jobs N``: the same report, in the same order, as ``--jobs 1``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from healthlint import parallel

TEXTS = [
    "Studies show that this tea cures insomnia.\n",
    "Magnesium is a mineral found in nuts and seeds.\n",
    "# Zinc\n\nExperts agree zinc is the most important mineral. The effect was significant (p = 0.3).\n",
    "In mice, resveratrol prevents ageing. Shop our resveratrol online and use code AGE10.\n",
]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)  # small files: use the workers anyway
    for i in range(23):
        sub = tmp_path / "docs" / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"f{i:02d}.md").write_text(TEXTS[i % len(TEXTS)] * (1 + i % 5), encoding="utf-8")
    (tmp_path / "docs" / "broken.md").write_bytes(b"\x00\x01binary")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_jobs_2_output_identical_to_jobs_1(tree: Path, fmt: str) -> None:
    one = run_cli(["check", "--no-cache", "--format", fmt, "--jobs", "1", "docs"], cwd=tree)
    two = run_cli(["check", "--no-cache", "--format", fmt, "--jobs", "2", "docs"], cwd=tree)
    assert one == two
    assert one[0] == 1


def test_parallel_with_cache_matches_and_fills_cache(tree: Path) -> None:
    one = run_cli(["check", "--no-cache", "--format", "json", "--jobs", "1", "docs"], cwd=tree)
    two = run_cli(["check", "--format", "json", "--jobs", "2", "docs"], cwd=tree)
    again = run_cli(["check", "--format", "json", "--jobs", "2", "docs"], cwd=tree)
    assert one == two == again
    assert len(list((tree / ".healthlint_cache").glob("v*/*"))) == 23
    paths = [f["path"] for f in json.loads(one[1])["findings"]]
    assert paths == sorted(paths)


def test_jobs_must_be_positive(tree: Path) -> None:
    code, _, err = run_cli(["check", "--jobs", "0", "docs"], cwd=tree)
    assert code == 2 and "--jobs" in err


def test_worth_it() -> None:
    assert not parallel.worth_it(1, [10**6, 10**6])
    assert not parallel.worth_it(4, [10**7])
    assert not parallel.worth_it(4, [3000, 3000, 3000])
    assert parallel.worth_it(2, [10**6, 10**6])


def test_run_ordered_keeps_order() -> None:
    items = list(range(20))
    out = parallel.run_ordered(lambda ctx, x: ctx * x, 3, items, list(reversed(items)), 2)
    assert out == [3 * x for x in items]


# --- one long file: pattern rules in a forked process, context checks here ---------------------

LONG = "\n\n".join(
    f"## Part {i}\n\n" + TEXTS[i % len(TEXTS)].strip() + " A 2019 cohort study of 3,964 adults found that people"
    " who drank green tea had a lower risk of stroke, which shows that green tea prevents strokes."
    for i in range(900)
)


def _lint_long(jobs: int, monkeypatch: pytest.MonkeyPatch, threshold: int = 1000) -> list[tuple]:
    from healthlint import linter as linter_mod
    from healthlint.config import Settings
    from healthlint.linter import Linter
    from healthlint.packs import load_rules
    from healthlint.readers import read_source

    monkeypatch.setattr(linter_mod, "SPLIT_MIN_CHARS", threshold)
    settings = Settings()
    settings.base.select = ["ALL"]
    doc = read_source(LONG + "\n\n<!-- healthlint-disable overclaim -->\n", "long.md", "markdown")
    result = Linter(settings, load_rules()).lint(doc, "long.md", jobs)
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.message) for f in result.findings]


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_long_file_split_over_two_processes_gives_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = parallel.forked

    def spy(func):  # noqa: ANN001, ANN202
        calls.append(func)
        return real(func)

    from healthlint import linter as linter_mod

    one = _lint_long(1, monkeypatch)
    monkeypatch.setattr(linter_mod, "forked", spy)
    two = _lint_long(2, monkeypatch)
    assert calls, "the long file should have been split"
    assert two == one and len(one) > 100
    assert {r for r, *_ in one} >= {"unattributed-claim", "causal-from-association"}


def test_split_rules_keeps_checks_here_and_short_files_whole() -> None:
    from healthlint.config import Settings
    from healthlint.linter import Linter, split_rules
    from healthlint.packs import load_rules

    settings = Settings()
    settings.base.select = ["ALL"]
    active = Linter(settings, load_rules()).active_for("a.md")
    here, there = split_rules(active, 10_000_000)
    if parallel.can_fork():
        assert sorted(here + there) == sorted(active) and here and there
        assert all(active[r].rule.kind == "check" for r in here)
        assert all(active[r].rule.kind != "check" for r in there)
    assert split_rules(active, 100) == (list(active), [])


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
@pytest.mark.parametrize("failure", ["raises", "dies"])
def test_a_failing_helper_process_is_replaced_by_running_its_rules_here(monkeypatch: pytest.MonkeyPatch,
                                                                        failure: str) -> None:
    import os

    from healthlint import linter as linter_mod

    one = _lint_long(1, monkeypatch)
    real = parallel.forked

    def broken(func):  # noqa: ANN001, ANN202
        def bad():  # noqa: ANN202
            if failure == "raises":
                raise MemoryError("simulated")
            os._exit(3)
        return real(bad)

    monkeypatch.setattr(linter_mod, "forked", broken)
    assert _lint_long(2, monkeypatch) == one


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_forked_returns_the_value() -> None:
    job = parallel.forked(lambda: {"x": [1, 2, 3] * 50_000})  # bigger than a pipe buffer
    assert job is not None and job.result() == {"x": [1, 2, 3] * 50_000}


class _Unpicklable:
    def __reduce__(self):  # noqa: ANN204
        raise TypeError("not picklable")


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_a_result_that_fails_half_way_through_pickling_reads_as_a_failure() -> None:
    # the first 200,000 items are already written (in frames) when the last one fails
    job = parallel.forked(lambda: [list(range(200_000)), _Unpicklable()])
    assert job is not None and job.result() is None


def test_linting_frees_the_analysis_and_a_second_lint_gives_the_same_findings() -> None:
    from healthlint.config import Settings
    from healthlint.linter import Linter
    from healthlint.packs import load_rules
    from healthlint.readers import read_source

    settings = Settings()
    settings.base.select = ["ALL"]
    linter = Linter(settings, load_rules())
    doc = read_source(LONG[:20_000], "long.md", "markdown")
    first = linter.lint(doc, "long.md").findings
    assert doc._analysis is None and not doc.derived  # freed once the rules have run
    assert doc.analysis.facts  # and computed again when asked for
    assert linter.lint(doc, "long.md").findings == first and len(first) > 10
