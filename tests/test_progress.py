"""The progress indicator: on a terminal's standard error only, never in the report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from healthlint.run import cli
from conftest import run_cli


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _progress() -> tuple[cli.Progress, io.StringIO, _Clock]:
    stream, clock = io.StringIO(), _Clock()
    p = cli.Progress(stream)
    p.clock = clock
    p.start = clock.now
    return p, stream, clock


def test_a_short_run_prints_nothing_and_clears_nothing() -> None:
    p, stream, clock = _progress()
    clock.now += p.DELAY / 2
    p(1, 2)
    p(2, 2)
    p.clear()
    assert stream.getvalue() == ""


def test_a_long_run_shows_done_of_total_throttled_and_is_cleared() -> None:
    p, stream, clock = _progress()
    clock.now += p.DELAY
    p(1, 4)
    clock.now += 0.01
    p(2, 4)  # too soon after the last update: skipped
    clock.now += 0.2
    p(3, 4)
    clock.now += 0.01
    p(4, 4)  # the last one is always shown
    assert stream.getvalue() == ("\rhealthlint: 1/4 files (25%)\r\x1b[Khealthlint: 3/4 files (75%)"
                                 "\r\x1b[Khealthlint: 4/4 files (100%)")
    p.clear()
    assert stream.getvalue().endswith("\r\x1b[K")  # the line is wiped before the report


def _folder(tmp_path: Path, n: int = 5) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    for i in range(n):
        (d / f"a{i}.md").write_text(f"# Note {i}\n\nThis tea cures insomnia in everyone.\n", encoding="utf-8")
    return d


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_goes_to_a_terminals_stderr_and_never_into_the_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setattr(cli.Progress, "DELAY", 0.0)
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)  # stderr (and stdout) are "terminals"
    code, out, err = run_cli(["check", "--no-cache", "--format", "json", "--jobs", jobs, str(folder)])
    assert code == 1
    assert "healthlint: 5/5 files (100%)" in err and err.endswith("\r\x1b[K")
    report = json.loads(out)  # the report is untouched: valid JSON with every file's findings
    assert "healthlint:" not in out
    assert len({f["path"] for f in report["findings"]}) == 5


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setattr(cli.Progress, "DELAY", 0.0)
    code, out, err = run_cli(["check", "--no-cache", "--format", "json", str(folder)])
    assert code == 1 and err == ""
    assert len(json.loads(out)["findings"]) >= 5
