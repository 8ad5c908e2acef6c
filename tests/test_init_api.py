"""``healthlint init`` (through the CLI) and the Python API (``healthlint.lint_text``, ``analyze_text``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import healthlint
from conftest import all_rules, run_cli

FLAWED = "Studies show that this tea cures insomnia.\n"
ADVICE = "# Magnesium\n\nTake 300 mg of magnesium glycinate every night to sleep better.\n"


def test_init_writes_a_commented_config_that_works_and_never_overwrites(tmp_path: Path) -> None:
    code, out, err = run_cli(["init"], cwd=tmp_path)
    assert code == 0 and "wrote .healthlint.yaml" in err
    text = (tmp_path / ".healthlint.yaml").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f"#   {rule}" in text
    assert "disclaimer:" in text and text.count("#") > 10
    (tmp_path / "a.md").write_text(ADVICE, encoding="utf-8")
    assert run_cli(["check", "--select", "missing-disclaimer", "a.md"], cwd=tmp_path)[0] == 1
    code, _, err = run_cli(["check", "--fix", "--select", "missing-disclaimer", "a.md"], cwd=tmp_path)
    assert code == 0, err  # the sample disclaimer is appended, and counts as one
    (tmp_path / ".healthlint.yaml").write_text("# mine\n", encoding="utf-8")
    code, _, err = run_cli(["init"], cwd=tmp_path)
    assert code == 2 and "already exists" in err
    assert (tmp_path / ".healthlint.yaml").read_text(encoding="utf-8") == "# mine\n"


def test_init_pyproject_adds_a_table_and_keeps_the_rest(tmp_path: Path) -> None:
    original = b'[project]\r\nname = "content"\r\n'
    (tmp_path / "pyproject.toml").write_bytes(original)
    code, _, err = run_cli(["init", "--pyproject"], cwd=tmp_path)
    assert code == 0, err
    data = (tmp_path / "pyproject.toml").read_bytes()
    assert data.startswith(original) and b"[tool.healthlint]" in data and b"\n" not in data.replace(b"\r\n", b"")
    (tmp_path / "a.md").write_text(FLAWED, encoding="utf-8")
    assert run_cli(["check", "a.md"], cwd=tmp_path)[0] == 1  # the table is a valid configuration
    code, _, err = run_cli(["init", "--pyproject"], cwd=tmp_path)
    assert code == 2 and "already has a [tool.healthlint] table" in err
    assert (tmp_path / "pyproject.toml").read_bytes() == data


def test_lint_text_returns_typed_findings() -> None:
    findings = healthlint.lint_text(FLAWED)
    assert all(isinstance(f, healthlint.Finding) for f in findings)
    assert {f.rule for f in findings} >= {"unattributed-claim", "overclaim"}
    over = next(f for f in findings if f.rule == "overclaim")
    assert (over.line, over.column) == (1, 28) and over.severity == "warning" and over.message
    assert [f.rule for f in healthlint.lint_text(FLAWED, config={"select": ["overclaim"]})] == ["overclaim"]
    html = healthlint.lint_text("<p>Studies show that this tea cures insomnia.</p>", format="html")
    assert {f.rule for f in html} >= {"overclaim"} and all(f.line == 1 for f in html)


def test_lint_text_takes_a_config_file_and_reports_bad_input_clearly(tmp_path: Path) -> None:
    from healthlint.errors import ConfigError

    cfg = tmp_path / "h.yaml"
    cfg.write_text("ignore: [overclaim]\n", encoding="utf-8")
    assert "overclaim" not in {f.rule for f in healthlint.lint_text(FLAWED, config=cfg)}
    with pytest.raises(ConfigError, match="did you mean 'overclaim'"):
        healthlint.lint_text(FLAWED, config={"select": ["overclam"]})
    with pytest.raises(ValueError, match="format"):
        healthlint.lint_text(FLAWED, format="docx")


def test_analyze_text_returns_typed_sentences() -> None:
    sentences = healthlint.analyze_text("In a study of 40 mice, magnesium eased anxiety. Magnesium cures anxiety.")
    assert all(isinstance(s, healthlint.SentenceAnalysis) for s in sentences)
    first, second = sentences
    assert first.species == ["mice"] and first.sample_size == 40
    assert second.claim == "causal" and second.line == 1 and second.column > 1


def test_the_api_is_what_the_cli_reports(tmp_path: Path) -> None:
    import json

    (tmp_path / "a.md").write_text(ADVICE + FLAWED, encoding="utf-8")
    _, out, _ = run_cli(["check", "--format", "json", "a.md"], cwd=tmp_path)
    cli = [(f["rule"], f["line"], f["column"]) for f in json.loads(out)["findings"]]
    api = [(f.rule, f.line, f.column) for f in healthlint.lint_text(ADVICE + FLAWED, path="a.md")]
    assert api == cli


def test_import_healthlint_stays_cheap() -> None:
    code = "import sys, healthlint; assert 'healthlint.run.api' not in sys.modules; print(healthlint.__version__)"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr


def test_the_readme_api_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    import re

    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Python API\n")
    (code,) = re.findall(r"```python\n(.*?)```", readme[start : readme.index("\n## ", start + 1)], re.S)
    exec(code, {})  # noqa: S102 - the README's own example
    out = capsys.readouterr().out
    assert "warning overclaim" in out and "['mice'] 40" in out
