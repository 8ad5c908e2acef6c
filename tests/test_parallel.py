"""``check --jobs N``: the same report, in the same order, as ``--jobs 1``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from healthlint.run import parallel

TEXTS = [
    "Studies show that this tea cures insomnia.\n",
    "Magnesium is a mineral found in nuts and seeds.\n",
    "# Zinc\n\nExperts agree zinc is the most important mineral. The effect was significant (p = 0.3).\n",
    "In mice, resveratrol prevents ageing. Shop our resveratrol online and use code AGE10.\n",
]

pytestmark = pytest.mark.usefixtures("no_cache_env")  # these test the default cache folder


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


LONG = "\n\n".join(
    f"## Part {i}\n\n" + TEXTS[i % len(TEXTS)].strip() + " A 2019 cohort study of 3,964 adults found that people"
    " who drank green tea had a lower risk of stroke, which shows that green tea prevents strokes."
    for i in range(900)
)


def test_linting_a_document_twice_gives_the_same_findings() -> None:
    from healthlint.run.config import Settings
    from healthlint.run.linter import Linter
    from healthlint.run.packs import load_rules
    from healthlint.read import read_source

    settings = Settings()
    settings.base.select = ["ALL"]
    linter = Linter(settings, load_rules())
    doc = read_source(LONG[:20_000], "long.md", "markdown")
    first = linter.lint(doc, "long.md").findings
    assert linter.lint(doc, "long.md").findings == first and len(first) > 10
