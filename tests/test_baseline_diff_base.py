"""Adopting healthlint on an existing repository: a baseline, and only the lines a change touches
(git for real, in temporary repositories)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli

OLD = "# Tea and sleep\n\nStudies show that this tea cures insomnia.\n\nMagnesium is a mineral.\n"
NEW_CLAIM = "Experts agree that chamomile is the best remedy for anxiety.\n"
GIT = ["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t", "-c", "commit.gpgsign=false"]
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _rules(out: str) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in json.loads(out)["findings"]]


def test_baseline_reports_only_new_findings_and_survives_moved_lines(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    code, out, err = run_cli(["check", "--write-baseline", "baseline.json", "a.md"], cwd=tmp_path)
    assert code == 0 and out == "" and "wrote" in err
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["findings"] and all(e["path"] == "a.md" for e in data["findings"])
    code, out, _ = run_cli(["check", "--baseline", "baseline.json", "a.md"], cwd=tmp_path)
    assert code == 0 and "no findings" in out
    # lines move (a paragraph above), the old sentence stays: still known; a new claim is reported
    (tmp_path / "a.md").write_text("# Tea and sleep\n\nA new intro.\n\n" + OLD.split("\n\n", 1)[1] + "\n" + NEW_CLAIM,
                                   encoding="utf-8")
    code, out, _ = run_cli(["check", "--format", "json", "--baseline", "baseline.json", "a.md"], cwd=tmp_path)
    found = _rules(out)
    assert code == 1 and found and all(line == 9 for _, line in found), found
    assert "unattributed-claim" in {r for r, _ in found}
    # editing the old sentence makes its findings new
    (tmp_path / "a.md").write_text(OLD.replace("this tea", "this herbal tea"), encoding="utf-8")
    code, out, _ = run_cli(["check", "--format", "json", "--baseline", "baseline.json", "a.md"], cwd=tmp_path)
    assert code == 1 and {line for _, line in _rules(out)} == {3}


def test_a_missing_or_broken_baseline_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    code, _, err = run_cli(["check", "--baseline", "nope.json", "a.md"], cwd=tmp_path)
    assert code == 2 and "nope.json" in err and "--write-baseline" in err
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    code, _, err = run_cli(["check", "--baseline", "bad.json", "a.md"], cwd=tmp_path)
    assert code == 2 and "bad.json" in err and "not a healthlint baseline" in err


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "content"
    subprocess.run(GIT + ["init", "-q", "-b", "main", str(repo)], check=True)
    (repo / "a.md").write_text(OLD, encoding="utf-8")
    (repo / "b.md").write_text(OLD, encoding="utf-8")
    subprocess.run(GIT + ["add", "."], cwd=repo, check=True)
    subprocess.run(GIT + ["commit", "-qm", "old content"], cwd=repo, check=True)
    return repo


@needs_git
def test_diff_base_reports_only_changed_lines(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    subprocess.run(GIT + ["checkout", "-qb", "feature"], cwd=repo, check=True)
    (repo / "a.md").write_text(OLD + "\n" + NEW_CLAIM, encoding="utf-8")  # line 7 is new
    subprocess.run(GIT + ["commit", "-qam", "new claim"], cwd=repo, check=True)
    (repo / "c.md").write_text(NEW_CLAIM, encoding="utf-8")  # untracked: every line is new
    code, out, err = run_cli(["check", "--format", "json", "--diff-base", "main", "."], cwd=repo)
    by_file: dict[str, set[int]] = {}
    for f in json.loads(out)["findings"]:
        by_file.setdefault(Path(f["path"]).name, set()).add(f["line"])
    assert code == 1, err
    assert by_file["a.md"] == {7} and by_file["c.md"] == {1} and "b.md" not in by_file
    code, out, _ = run_cli(["check", "--diff-base", "HEAD", "a.md", "b.md"], cwd=repo)
    assert code == 0 and "no findings" in out  # nothing changed since HEAD in these


@needs_git
def test_diff_base_outside_a_repository_or_with_an_unknown_revision_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "lone").mkdir()
    (tmp_path / "lone" / "a.md").write_text(OLD, encoding="utf-8")
    code, out, err = run_cli(["check", "--diff-base", "main", "a.md"], cwd=tmp_path / "lone")
    assert code == 2 and "not inside a git repository" in err and out == ""
    repo = _repo(tmp_path)
    code, _, err = run_cli(["check", "--diff-base", "no-such-branch", "a.md"], cwd=repo)
    assert code == 2 and "no such revision" in err
