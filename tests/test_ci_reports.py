"""Report formats for CI, through the CLI: GitLab Code Quality, JUnit XML, GitHub annotations, SARIF help."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import run_cli

FLAWED = "Studies show that this tea cures insomnia.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "bad.md").write_text(FLAWED, encoding="utf-8")
    (tmp_path / "content" / "good.md").write_text("Magnesium is a mineral.\n", encoding="utf-8")
    return tmp_path


def test_gitlab_code_quality_report(project: Path) -> None:
    code, out, _ = run_cli(["check", "--format", "gitlab", "./content"], cwd=project)
    issues = json.loads(out)
    assert code == 1 and isinstance(issues, list) and issues
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] == "content/bad.md"  # relative, no ./
        assert issue["location"]["lines"]["begin"] == 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # stable: lines moving do not change the fingerprints
    (project / "content" / "bad.md").write_text("# Tea\n\nIntro.\n\n" + FLAWED, encoding="utf-8")
    _, moved, _ = run_cli(["check", "--format", "gitlab", "--select", "overclaim,unattributed-claim", "./content"],
                          cwd=project)
    before = {i["fingerprint"] for i in issues if i["check_name"] in ("healthlint/overclaim", "healthlint/unattributed-claim")}
    assert {i["fingerprint"] for i in json.loads(moved)} == before
    assert {i["location"]["lines"]["begin"] for i in json.loads(moved)} == {5}


def test_junit_report(project: Path) -> None:
    (project / "content" / "bin.md").write_bytes(b"\x00\x01")
    code, out, _ = run_cli(["check", "--format", "junit", "content"], cwd=project)
    root = ET.fromstring(out)
    suite = root.find("testsuite")
    assert code == 1 and suite is not None
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"content/bad.md", "content/good.md", "content/bin.md"}
    assert not list(cases["content/good.md"])
    failures = cases["content/bad.md"].findall("failure")
    assert {f.get("type") for f in failures} >= {"overclaim", "unattributed-claim"}
    assert int(suite.get("failures")) == len(failures)
    assert any(f.get("message").startswith("1:28: ") for f in failures)


def test_junit_escapes_control_characters_and_markup(tmp_path: Path) -> None:
    name = "a<b>&\x1b.md"
    (tmp_path / name).write_text(FLAWED, encoding="utf-8")
    _, out, _ = run_cli(["check", "--format", "junit", name], cwd=tmp_path)
    root = ET.fromstring(out)  # well-formed
    assert root.find("testsuite/testcase").get("name") == "a<b>&\\x1b.md"


def test_github_annotations_paths_columns_and_limit(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(project))
    _, out, _ = run_cli(["check", "--format", "github", "./bad.md"], cwd=project / "content")
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert lines and all("file=content/bad.md," in line for line in lines)
    monkeypatch.delenv("GITHUB_WORKSPACE")
    _, out, _ = run_cli(["check", "--format", "github", "./bad.md"], cwd=project / "content")
    assert "file=bad.md," in out and "file=./" not in out
    # a finding over two lines: line and endLine, no columns
    (project / "two.md").write_text("Studies show that this tea\ncures insomnia in everyone.\n", encoding="utf-8")
    _, out, _ = run_cli(["check", "--format", "json", "two.md"], cwd=project)
    multi = [f for f in json.loads(out)["findings"] if f["end_line"] > f["line"]]
    _, out, _ = run_cli(["check", "--format", "github", "two.md"], cwd=project)
    for f in multi:
        [line] = [x for x in out.splitlines() if f"[{f['rule']}]" in x and f"line={f['line']}," in x]
        assert "col=" not in line and "endColumn=" not in line and f"endLine={f['end_line']}" in line
    # more than GitHub shows per step: a notice says so
    (project / "many.md").write_text("\n\n".join(["Studies show that this tea cures insomnia."] * 12) + "\n",
                                     encoding="utf-8")
    _, out, _ = run_cli(["check", "--format", "github", "many.md"], cwd=project)
    assert "::notice title=healthlint%3A more findings than GitHub shows::" in out
    _, out, _ = run_cli(["check", "--format", "github", "content/bad.md"], cwd=project)
    assert "more findings than GitHub shows" not in out


def test_sarif_rules_carry_help_uri_and_markdown_help(project: Path) -> None:
    _, out, _ = run_cli(["check", "--format", "sarif", "content"], cwd=project)
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        if rule["id"] in ("overclaim", "unattributed-claim"):
            assert rule["helpUri"].startswith("https://") and rule["help"]["markdown"]
