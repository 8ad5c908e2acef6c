"""Configuration discovery, validation, selection, severities, options, per-path and excludes."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from healthlint.run.config import load_settings
from healthlint.errors import ConfigError

FLAWED = "Studies show that this tea cures insomnia.\n"


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_discovered_by_walking_up(tmp_path: Path) -> None:
    write(tmp_path / ".healthlint.yaml", "ignore: [overclaim]\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    s = load_settings(cwd=sub)
    assert s.base.ignore == ["overclaim"]
    assert s.source.endswith(".healthlint.yaml")


def test_pyproject_section(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.healthlint]\nfail-on = "error"\nignore = ["readability"]\n')
    s = load_settings(cwd=tmp_path)
    assert s.fail_on == "error" and s.base.ignore == ["readability"]


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".healthlint.yaml", "fail-on: info\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert load_settings(cwd=tmp_path / "sub").fail_on == "info"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("colour: red\n", "unknown key 'colour'"),
        ("fail-on: sometimes\n", "key 'fail-on'"),
        ("severity: {overclaim: loud}\n", "key 'severity.overclaim'"),
        ("select: 5\n", "key 'select'"),
        ("per-path: {'*.md': {exclude: [x]}}\n", "per-path.*.md.exclude"),
        ("rules: [1, 2]\n", "key 'rules'"),
        ("extend-rules: [does-not-exist]\n", "extend-rules"),
        ("a: [unclosed\n", "invalid YAML"),
        ("- just\n- a list\n", "expected a mapping"),
    ],
)
def test_malformed_config_is_one_line_error(tmp_path: Path, text: str, needle: str) -> None:
    cfg = write(tmp_path / ".healthlint.yaml", text)
    with pytest.raises(ConfigError) as e:
        load_settings(str(cfg))
    assert needle in str(e.value) and str(cfg) in str(e.value)
    assert "\n" not in str(e.value)


def test_cli_config_error_exit_2(tmp_path: Path) -> None:
    write(tmp_path / ".healthlint.yaml", "select: [no-such-rule]\n")
    art = write(tmp_path / "a.txt", FLAWED)
    code, out, err = run_cli(["check", str(art)], cwd=tmp_path)
    assert code == 2
    assert "unknown rule or category 'no-such-rule'" in err and ".healthlint.yaml" in err


def test_unknown_rule_option_rejected(tmp_path: Path) -> None:
    write(tmp_path / ".healthlint.yaml", "rules: {readability: {targte: 10}}\n")
    art = write(tmp_path / "a.txt", FLAWED)
    code, _, err = run_cli(["check", str(art)], cwd=tmp_path)
    assert code == 2 and "targte" in err and "target" in err


def test_wrong_option_type_rejected(tmp_path: Path) -> None:
    write(tmp_path / ".healthlint.yaml", "rules: {readability: {target: ten}}\n")
    art = write(tmp_path / "a.txt", FLAWED)
    code, _, err = run_cli(["check", str(art)], cwd=tmp_path)
    assert code == 2 and "rules.readability.target" in err


def rules_of(out: str) -> set[str]:
    import json

    return {f["rule"] for f in json.loads(out)["findings"]}


def test_select_ignore_by_id_and_category(tmp_path: Path) -> None:
    art = write(tmp_path / "a.txt", FLAWED)
    code, out, _ = run_cli(["check", "--format", "json", str(art)], cwd=tmp_path)
    assert {"overclaim", "unattributed-claim"} <= rules_of(out)
    write(tmp_path / ".healthlint.yaml", "ignore: [certainty]\n")
    code, out, _ = run_cli(["check", "--format", "json", str(art)], cwd=tmp_path)
    assert "overclaim" not in rules_of(out) and "unattributed-claim" in rules_of(out)
    write(tmp_path / ".healthlint.yaml", "select: [overclaim]\n")
    code, out, _ = run_cli(["check", "--format", "json", str(art)], cwd=tmp_path)
    assert rules_of(out) == {"overclaim"}


def test_severity_override_and_fail_on(tmp_path: Path) -> None:
    import json

    art = write(tmp_path / "a.txt", "This tea cures insomnia.\n")
    write(tmp_path / ".healthlint.yaml", "severity: {overclaim: info}\nfail-on: warning\n")
    code, out, _ = run_cli(["check", "--format", "json", str(art)], cwd=tmp_path)
    found = json.loads(out)["findings"]
    assert [f["severity"] for f in found if f["rule"] == "overclaim"] == ["info"]
    assert code == 0
    write(tmp_path / ".healthlint.yaml", "rules: {overclaim: {severity: error}}\nfail-on: error\n")
    code, out, _ = run_cli(["check", "--format", "json", str(art)], cwd=tmp_path)
    assert code == 1 and json.loads(out)["findings"][0]["severity"] == "error"


def test_rule_option_readability_target(tmp_path: Path) -> None:
    words = " ".join(["Considerable physiological investigations demonstrate substantial variability."] * 30)
    art = write(tmp_path / "a.txt", words + "\n")
    code, out, _ = run_cli(["check", "--select", "readability", "--format", "json", str(art)], cwd=tmp_path)
    assert "readability" in rules_of(out)
    write(tmp_path / ".healthlint.yaml", "rules: {readability: {target: 99}}\n")
    code, out, _ = run_cli(["check", "--select", "readability", "--format", "json", str(art)], cwd=tmp_path)
    assert "readability" not in rules_of(out)


def test_disclaimer_accept_option(tmp_path: Path) -> None:
    art = write(tmp_path / "a.txt", "Take 200 mg of magnesium at night.\n\nCall our nutrition helpline first.\n")
    code, out, _ = run_cli(["check", "--select", "missing-disclaimer", "--format", "json", str(art)], cwd=tmp_path)
    assert "missing-disclaimer" in rules_of(out)
    write(tmp_path / ".healthlint.yaml", "rules:\n  missing-disclaimer:\n    accept: ['call our nutrition helpline']\n")
    code, out, _ = run_cli(["check", "--select", "missing-disclaimer", "--format", "json", str(art)], cwd=tmp_path)
    assert "missing-disclaimer" not in rules_of(out)


def test_per_path_overrides(tmp_path: Path) -> None:
    write(tmp_path / ".healthlint.yaml", "per-path:\n  'news/**':\n    ignore: [overclaim]\n")
    a = write(tmp_path / "news" / "a.txt", "This tea cures insomnia.\n")
    b = write(tmp_path / "blog" / "b.txt", "This tea cures insomnia.\n")
    code, out, _ = run_cli(["check", "--format", "json", "news", "blog"], cwd=tmp_path)
    import json

    by_path = {f["path"] for f in json.loads(out)["findings"] if f["rule"] == "overclaim"}
    assert by_path == {str(Path("blog") / "b.txt")}
    assert a.exists() and b.exists()


def test_exclude_globs_and_hidden_folders(tmp_path: Path) -> None:
    write(tmp_path / ".healthlint.yaml", "exclude: ['drafts/**', '*.html']\n")
    write(tmp_path / "drafts" / "x.md", "This tea cures insomnia.\n")
    write(tmp_path / "page.html", "<p>This tea cures insomnia.</p>\n")
    write(tmp_path / ".git" / "y.md", "This tea cures insomnia.\n")
    write(tmp_path / "node_modules" / "z.md", "This tea cures insomnia.\n")
    write(tmp_path / "ok.md", "This tea cures insomnia.\n")
    write(tmp_path / "notes.py", "print('cures')\n")
    code, out, _ = run_cli(["check", "--format", "json", "."], cwd=tmp_path)
    import json

    paths = {Path(f["path"]).name for f in json.loads(out)["findings"]}
    assert paths == {"ok.md"}


def test_extend_rules_user_pack(tmp_path: Path) -> None:
    pack = tmp_path / "house-rules" / "house.yaml"
    write(pack, """pack: house
rules:
  - id: no-superfood
    category: style
    severity: warning
    message: avoid "{match}"
    rationale: House style.
    sources: [House style guide]
    examples: {fire: [Kale is a superfood.], pass: [Kale is a vegetable.]}
    kind: existence
    terms: [superfood]
""")
    write(tmp_path / ".healthlint.yaml", "extend-rules: [house-rules]\nselect: [no-superfood]\n")
    art = write(tmp_path / "a.md", "Kale is a superfood.\n")
    code, out, _ = run_cli(["check", "--format", "json", str(art)], cwd=tmp_path)
    assert rules_of(out) == {"no-superfood"} and code == 1


def test_explicit_config_flag(tmp_path: Path) -> None:
    cfg = write(tmp_path / "custom.yaml", "select: [overclaim]\n")
    art = write(tmp_path / "a.txt", FLAWED)
    code, out, _ = run_cli(["check", "--config", str(cfg), "--format", "json", str(art)], cwd=tmp_path)
    assert rules_of(out) == {"overclaim"}
    code, _, err = run_cli(["check", "--config", str(tmp_path / "missing.yaml"), str(art)], cwd=tmp_path)
    assert code == 2 and "config file not found" in err
