"""The command line: commands, formats, exit statuses, stdin, --output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from healthlint import __version__

FLAWED = "Studies show that this tea cures insomnia.\n"
CLEAN = "Magnesium is a mineral found in nuts and seeds.\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    bad = tmp_path / "bad.md"
    good = tmp_path / "good.md"
    bad.write_text(FLAWED, encoding="utf-8")
    good.write_text(CLEAN, encoding="utf-8")
    return bad, good


def test_exit_status_clean_and_findings(files: tuple[Path, Path]) -> None:
    bad, good = files
    assert run_cli(["check", str(good)])[0] == 0
    code, out, _ = run_cli(["check", str(bad)])
    assert code == 1
    assert f"{bad}:1:1: warning [unattributed-claim]" in out
    assert f"{bad}:1:28: warning [overclaim]" in out


def test_default_command_is_check(files: tuple[Path, Path]) -> None:
    bad, _ = files
    code, out, _ = run_cli([str(bad)])
    assert code == 1 and "[overclaim]" in out
    code, out, _ = run_cli(["--format", "json", str(bad)])
    assert code == 1 and json.loads(out)["findings"]


def test_usage_errors_exit_2(files: tuple[Path, Path]) -> None:
    assert run_cli(["check"])[0] == 2
    assert run_cli(["check", "--format", "yaml", str(files[0])])[0] == 2
    assert run_cli(["check", "--select", "nonsense", str(files[0])])[0] == 2


def test_missing_path_is_2_even_next_to_good_ones_which_are_still_linted(files: tuple[Path, Path],
                                                                         tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    code, out, err = run_cli(["check", str(missing)])
    assert code == 2 and "nope.md" in out + err
    code, out, err = run_cli(["check", "--format", "json", str(missing), str(files[0])])
    data = json.loads(out)
    assert code == 2 and data["findings"] and data["summary"]["files_skipped"] == 1
    assert "nope.md" in err
    code, out, err = run_cli(["check", str(missing), str(files[1])])  # a typo next to a clean file
    assert code == 2 and "nope.md: error: no such file" in out


def test_json_contract(files: tuple[Path, Path]) -> None:
    code, out, _ = run_cli(["check", "--format", "json", str(files[0])])
    data = json.loads(out)
    for f in data["findings"]:
        for key in ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message"):
            assert key in f
        assert f["path"] == str(files[0])
    assert data["summary"]["findings"] == len(data["findings"])


def test_sarif_and_github_formats(files: tuple[Path, Path]) -> None:
    code, out, _ = run_cli(["check", "--format", "sarif", str(files[0])])
    sarif = json.loads(out)
    results = sarif["runs"][0]["results"]
    assert code == 1 and {r["ruleId"] for r in results} >= {"overclaim", "unattributed-claim"}
    code, out, _ = run_cli(["check", "--format", "github", str(files[0])])
    assert "::warning file=" in out and "line=1" in out


def test_output_file(files: tuple[Path, Path], tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    code, out, _ = run_cli(["check", "--format", "json", "--output", str(report), str(files[0])])
    assert code == 1 and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["findings"]


def test_stdin_with_filename_picks_format() -> None:
    md = "Some `cures` code.\n\n```\nthis cures all\n```\n\nThis tea cures colds.\n"
    code, out, _ = run_cli(["check", "-", "--stdin-filename", "draft.md", "--format", "json"], stdin=md)
    found = json.loads(out)["findings"]
    assert [(f["path"], f["line"], f["column"]) for f in found if f["rule"] == "overclaim"] == [("draft.md", 7, 10)]


def test_fail_on_flag(files: tuple[Path, Path]) -> None:
    assert run_cli(["check", "--fail-on", "error", str(files[0])])[0] == 0


def test_rules_and_explain() -> None:
    code, out, _ = run_cli(["rules"])
    assert code == 0
    for rid in ("commercial-cta", "missing-disclaimer", "overclaim", "unattributed-claim",
                "stat-inconsistency", "readability"):
        assert rid in out
    code, out, _ = run_cli(["explain", "overclaim"])
    assert code == 0 and "Sources:" in out and "Flagged:" in out and "Not flagged:" in out
    assert "Sumner" in out
    code, _, err = run_cli(["explain", "overclaims"])
    assert code == 2 and "overclaim" in err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--version"])
    assert code == 0
    assert __version__ in out + capsys.readouterr().out


def test_help_lists_every_command_and_each_command_has_its_own(capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run_cli(["--help"])
    out += capsys.readouterr().out
    assert code == 0 and all(c in out for c in ("check", "analyze", "rules", "explain"))
    listing = out[out.index("positional arguments:"):]  # the description above is preformatted
    assert max(len(line) for line in listing.splitlines()) <= 60 and "(claim\n" in listing
    for command, option in (("check", "--no-cache"), ("analyze", "--format"), ("rules", "--config"),
                            ("explain", "RULE")):
        code, out, _ = run_cli([command, "--help"])
        out += capsys.readouterr().out
        assert code == 0 and f"usage: healthlint {command}" in out and option in out


def test_directory_walk_is_sorted_and_stable(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html"):
        (tmp_path / name).write_text("This tea cures colds.\n" if name != "c.html" else
                                     "<p>This tea cures colds.</p>", encoding="utf-8")
    code, out, _ = run_cli(["check", "--format", "json", "--select", "overclaim", str(tmp_path)])
    paths = [Path(f["path"]).name for f in json.loads(out)["findings"]]
    assert paths == ["a.txt", "b.md", "c.html"]


def test_analyze_json_contract(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("# Title\n\nCoffee is associated with lower risk. It may reduce gout.\n", encoding="utf-8")
    code, out, _ = run_cli(["analyze", "--format", "json", str(p)])
    sents = json.loads(out)["sentences"]
    assert code == 0
    assert [s["text"] for s in sents] == ["Title", "Coffee is associated with lower risk.", "It may reduce gout."]
    assert [s["claim"] for s in sents] == ["none", "correlational", "conditional"]
    assert [s["hedge"] for s in sents] == [False, False, True]
    assert (sents[2]["line"], sents[2]["column"]) == (3, 39)
    code, out, _ = run_cli(["analyze", str(p)])
    assert "claim: conditional" in out


def test_analyze_a_folder_means_the_files_check_would_lint(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.md").write_text("Coffee cuts the risk of gout.\n", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Tea may help.\n", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.md").write_text("Hidden text.\n", encoding="utf-8")
    code, out, _ = run_cli(["analyze", "--format", "json", str(tmp_path)])
    assert code == 0
    assert [s["text"] for s in json.loads(out)["sentences"]] == ["Coffee cuts the risk of gout.", "Tea may help."]


def test_analyze_on_several_processes_reports_what_one_does(tmp_path: Path) -> None:
    """Files worth a second core are analysed in workers; output and errors keep their order."""
    body = ("Coffee cuts the risk of gout, a study of 900 nurses found. Mice given the extract lived longer. "
            "It may help you sleep.\n\n") * 200
    for i in range(6):
        (tmp_path / f"a{i}.md").write_text(f"# Story {i}\n\n" + body, encoding="utf-8")
    (tmp_path / "a3.md").write_bytes(b"\x00\x01 not text")
    paths = sorted(str(p) for p in tmp_path.iterdir())
    one = run_cli(["analyze", "--format", "json", "--jobs", "1", *paths])
    two = run_cli(["analyze", "--format", "json", "--jobs", "2", *paths])
    assert one == two and one[0] == 0 and "a3.md" in one[2]
    sents = json.loads(two[1])["sentences"]
    assert [s["text"] for s in sents if s["text"].startswith("Story")] == ["Story 0", "Story 1", "Story 2", "Story 4",
                                                                            "Story 5"]
    assert run_cli(["analyze", "--jobs", "2", *paths])[1] == run_cli(["analyze", "--jobs", "1", *paths])[1]


def test_the_command_flushes_everything_before_its_quick_exit(tmp_path: Path) -> None:
    """``python -m healthlint`` ends with os._exit: the whole report must be out first."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    text = "".join(f"Study {i} proves that this tea cures colds.\n\n" for i in range(400))
    (tmp_path / "long.md").write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    args = ["check", "--no-cache", "--format", "json", "long.md"]
    proc = subprocess.run([sys.executable, "-m", "healthlint", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    code, out, _ = run_cli(args, cwd=tmp_path)
    assert proc.returncode == code == 1
    assert proc.stdout == out and len(json.loads(out)["findings"]) >= 400
    proc = subprocess.run([sys.executable, "-m", "healthlint", *args, "--output", "r.json"], cwd=tmp_path,
                          env=env, capture_output=True, text=True)
    assert proc.returncode == 1 and (tmp_path / "r.json").read_text(encoding="utf-8") == out


def test_a_check_leaves_no_cyclic_garbage_behind() -> None:
    """Every format, damaged files included: what a check allocates is freed by reference counting."""
    import gc

    from healthlint.analyse.context import DocumentAnalysis
    from healthlint.read.document import Document, Sentence

    corpus = str(Path(__file__).parent / "corpus")
    run_cli(["check", "--no-cache", "-j1", corpus])  # warm: lazy imports and tables
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    gc.disable()
    try:
        run_cli(["check", "--no-cache", "-j1", corpus])
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, (Document, DocumentAnalysis, Sentence))]
    finally:
        gc.enable()
        gc.set_debug(flags)
        gc.garbage.clear()
    assert left == []
