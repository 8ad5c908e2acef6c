"""Command-line conventions (ruff, yamllint and markdownlint-cli2 are the models), through the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

FLAWED = "Studies show that this tea cures insomnia.\n"
CLEAN = "Magnesium is a mineral found in nuts and seeds.\n"
HEALTHLINT = [sys.executable, "-m", "healthlint"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "bad.md").write_text(FLAWED, encoding="utf-8")
    (tmp_path / "good.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_a_mistyped_command_is_a_usage_error_with_a_suggestion(project: Path) -> None:
    code, out, err = run_cli(["chek", "bad.md"], cwd=project)
    assert code == 2 and out == ""
    assert "unknown command 'chek' (did you mean 'check'?)" in err and "usage:" in err
    code, out, _ = run_cli(["bad.md"], cwd=project)  # a path is still linted by default
    assert code == 1 and "[overclaim]" in out


def test_a_mistyped_rule_is_a_usage_error_with_a_suggestion(project: Path) -> None:
    code, _, err = run_cli(["check", "--select", "overclam", "bad.md"], cwd=project)
    assert code == 2 and "unknown rule or category 'overclam' (did you mean 'overclaim'?)" in err
    (project / ".healthlint.yaml").write_text("ignore: [readabilty]\n", encoding="utf-8")
    code, _, err = run_cli(["check", "bad.md"], cwd=project)
    assert code == 2 and "did you mean 'readability'?" in err and ".healthlint.yaml" in err


def test_a_path_that_does_not_exist_is_an_error_even_next_to_good_ones(project: Path) -> None:
    code, out, err = run_cli(["check", "good.md", "god.md"], cwd=project)
    assert code == 2 and "god.md: error: no such file" in out
    code, out, err = run_cli(["check", "-q", "good.md", "god.md"], cwd=project)
    assert code == 2 and "god.md: no such file" in err  # -q still names the file it could not read


def test_exit_zero_version_and_bare_command(project: Path) -> None:
    assert run_cli(["check", "--exit-zero", "bad.md"], cwd=project)[0] == 0
    assert run_cli(["check", "--exit-zero", "missing.md"], cwd=project)[0] == 2  # errors still count
    p = subprocess.run([*HEALTHLINT, "-V"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and p.stdout.startswith("healthlint ")
    p = subprocess.run(HEALTHLINT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "usage: healthlint" in p.stderr and p.stdout == ""


def test_output_format_is_an_alias_of_format(project: Path) -> None:
    code, out, _ = run_cli(["check", "--output-format", "json", "bad.md"], cwd=project)
    assert code == 1 and json.loads(out)["findings"]


def test_statistics_counts_findings_per_rule(project: Path) -> None:
    (project / "worse.md").write_text(FLAWED + "\nExperts agree that it cures colds.\n", encoding="utf-8")
    code, out, _ = run_cli(["check", "--statistics", "bad.md", "worse.md"], cwd=project)
    assert code == 1
    rows = [line.split() for line in out.splitlines() if line.strip() and "checked" not in line]
    counts = {r[1]: int(r[0]) for r in rows}
    assert counts["unattributed-claim"] == 3 and counts["overclaim"] >= 2
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)


def test_show_source_puts_a_caret_under_the_flagged_words(project: Path) -> None:
    code, out, _ = run_cli(["check", "--show-source", "--select", "overclaim", "bad.md"], cwd=project)
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if "[overclaim]" in line)
    assert lines[i + 1] == "  " + FLAWED.rstrip("\n")
    caret = lines[i + 2]
    start = caret.index("^")
    assert FLAWED[start - 2 : start - 2 + caret.count("^")] == "cures"


def test_extend_select_adds_to_the_configured_selection(project: Path) -> None:
    (project / ".healthlint.yaml").write_text("select: [unattributed-claim]\n", encoding="utf-8")
    _, out, _ = run_cli(["check", "bad.md"], cwd=project)
    assert "[unattributed-claim]" in out and "[overclaim]" not in out
    _, out, _ = run_cli(["check", "--extend-select", "overclaim", "bad.md"], cwd=project)
    assert "[unattributed-claim]" in out and "[overclaim]" in out


def test_select_of_a_category_means_the_category_rules_shows(project: Path) -> None:
    _, rules, _ = run_cli(["rules", "--format", "json"])
    evidence = {r["id"] for r in json.loads(rules)["rules"] if r["category"] == "evidence"}
    (project / "study.md").write_text("In a study of mice, magnesium cured anxiety. Magnesium cures anxiety.\n",
                                      encoding="utf-8")
    _, out, _ = run_cli(["check", "--format", "json", "--select", "evidence", "study.md"], cwd=project)
    assert {f["rule"] for f in json.loads(out)["findings"]} <= evidence


def _tree(root: Path) -> None:
    for rel in ("drafts/a.md", "news/b.md", "news/keep/c.md", "site/drafts/d.md", "build/e.md", "f.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(FLAWED, encoding="utf-8")


def _linted(out: str) -> set[str]:
    return {Path(f["path"]).as_posix().removeprefix("./") for f in json.loads(out)["findings"]}


def test_exclude_patterns_follow_gitignore_rules(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".healthlint.yaml").write_text('exclude: ["/drafts", "news/*", "!news/keep"]\n', encoding="utf-8")
    code, out, err = run_cli(["check", "--format", "json", "."], cwd=tmp_path)
    assert _linted(out) == {"site/drafts/d.md", "news/keep/c.md", "build/e.md", "f.md"}, err
    assert "warning" not in err
    # --exclude replaces the config's patterns, --extend-exclude adds to them
    _, out, _ = run_cli(["check", "--format", "json", "--exclude", "build/", "."], cwd=tmp_path)
    assert _linted(out) == {"drafts/a.md", "news/b.md", "news/keep/c.md", "site/drafts/d.md", "f.md"}
    _, out, _ = run_cli(["check", "--format", "json", "--extend-exclude", "f.md", "."], cwd=tmp_path)
    assert _linted(out) == {"site/drafts/d.md", "news/keep/c.md", "build/e.md"}


def test_an_exclude_pattern_that_matches_nothing_is_warned_about(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".healthlint.yaml").write_text('exclude: ["/draft", "!news/**"]\n', encoding="utf-8")
    code, out, err = run_cli(["check", "--format", "json", "."], cwd=tmp_path)
    assert "exclude pattern '/draft' matched no file or folder" in err
    assert "exclude pattern '!news/**' re-included no file" in err
    assert len(_linted(out)) == 6
    _, _, err = run_cli(["check", "f.md"], cwd=tmp_path)  # files named one by one (pre-commit): no warning
    assert "exclude pattern" not in err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_is_respected_unless_told_otherwise(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _tree(tmp_path)
    (tmp_path / ".gitignore").write_text("build/\n/drafts\n", encoding="utf-8")
    (tmp_path / "news" / ".gitignore").write_text("b.md\n", encoding="utf-8")
    (tmp_path / ".git" / "info" / "exclude").write_text("f.md\n", encoding="utf-8")
    _, out, _ = run_cli(["check", "--format", "json", "."], cwd=tmp_path)
    assert _linted(out) == {"news/keep/c.md", "site/drafts/d.md"}
    _, out, _ = run_cli(["check", "--format", "json", "--no-respect-gitignore", "."], cwd=tmp_path)
    assert len(_linted(out)) == 6
    _, out, _ = run_cli(["check", "--format", "json", "build/e.md"], cwd=tmp_path)  # named: linted
    assert _linted(out) == {"build/e.md"}


def test_a_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    for i in range(300):
        (tmp_path / f"a{i:03}.md").write_text(FLAWED * 5, encoding="utf-8")
    p = subprocess.Popen([*HEALTHLINT, "check", "--no-cache", "."], cwd=tmp_path, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()  # what `| head -1` does
    err = p.stderr.read().decode()
    p.wait(timeout=120)
    assert first.startswith(b"./a000.md:1:")
    assert "Traceback" not in err and "BrokenPipe" not in err and "Broken pipe" not in err, err


def test_quiet_output_is_escaped_like_the_rest(tmp_path: Path) -> None:
    name = "evil\x1b[2J\x1bc.md"
    (tmp_path / name).write_text(FLAWED, encoding="utf-8")
    code, out, err = run_cli(["check", "-q", name], cwd=tmp_path)
    assert code == 1 and "\x1b" not in out and "evil\\x1b[2J\\x1bc.md:1:" in out
    (tmp_path / "bin.md").write_bytes(b"\x00\x01")
    code, out, err = run_cli(["check", "-q", name, "bin.md"], cwd=tmp_path)
    assert "bin.md" in err and "\x1b" not in err


def test_the_results_cache_folder_can_be_set_by_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.md").write_text(FLAWED, encoding="utf-8")
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert run_cli(["check", "bad.md"], cwd=tmp_path)[0] == 1
    assert (tmp_path / "elsewhere").is_dir() and not (tmp_path / ".healthlint_cache").exists()


def test_the_suite_never_writes_the_users_cache() -> None:
    """conftest points every cache of the suite (and of the processes it starts) at a temporary folder."""
    import tempfile

    tmp = os.path.realpath(tempfile.gettempdir())
    for var in ("XDG_CACHE_HOME", "HEALTHLINT_CACHE_DIR"):
        assert os.path.realpath(os.environ[var]).startswith(tmp), var
