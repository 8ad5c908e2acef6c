"""Rule packs are validated on load; errors name the file, the rule and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from healthlint.errors import ConfigError
from healthlint.run.packs import builtin_packs_dir, load_pack, load_rules

GOOD = {
    "id": "x-rule", "category": "style", "severity": "warning", "message": "m {match}", "rationale": "r",
    "sources": ["s"], "examples": {"fire": ["a bad word"], "pass": ["a good word"]}, "kind": "existence",
    "terms": ["bad"],
}


def write_pack(tmp_path: Path, **changes: object) -> Path:
    import yaml

    rule = {**GOOD, **changes}
    rule = {k: v for k, v in rule.items() if v is not None}
    p = tmp_path / "p.yaml"
    p.write_text(yaml.safe_dump({"pack": "t", "rules": [rule]}), encoding="utf-8")
    return p


def test_good_pack_loads(tmp_path: Path) -> None:
    (rule,) = load_pack(write_pack(tmp_path))
    assert rule.id == "x-rule" and rule.checker is not None


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"severity": "fatal"}, "field 'severity'"),
        ({"message": None}, "missing field 'message'"),
        ({"sources": None}, "missing field 'sources'"),
        ({"colour": "red"}, "unknown field 'colour'"),
        ({"kind": "magic"}, "field 'kind'"),
        ({"terms": None, "patterns": ["(unclosed"]}, "does not compile"),
        ({"examples": {"fire": ["x"]}}, "examples.pass"),
        ({"only_in": ["sidebar"]}, "field 'only_in'"),
        ({"unless": [{"patterns": ["x"], "scope": "galaxy"}]}, "unless[0].scope"),
        ({"kind": "check", "terms": None, "check": "no-such-check"}, "no check named"),
        ({"kind": "metric", "terms": None, "formula": "astrology"}, "field 'formula'"),
    ],
)
def test_invalid_rule_named_in_error(tmp_path: Path, changes: dict, needle: str) -> None:
    path = write_pack(tmp_path, **changes)
    with pytest.raises(ConfigError) as e:
        load_pack(path)
    msg = str(e.value)
    assert needle in msg and str(path) in msg and "x-rule" in msg


def test_bad_pack_via_cli_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    write_pack(folder, severity="loud")
    (tmp_path / ".healthlint.yaml").write_text("extend-rules: [packs]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("hello\n", encoding="utf-8")
    code, _, err = run_cli(["check", "a.md"], cwd=tmp_path)
    assert code == 2 and "x-rule" in err and "severity" in err


def test_catastrophic_pattern_times_out_instead_of_hanging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import healthlint.kinds.base as base
    monkeypatch.setattr(base, "REGEX_TIMEOUT", 0.2)
    folder = tmp_path / "packs"
    folder.mkdir()
    # `(a+)+$` is handled by the regex module's safeguards; `(a|aa)+$` still backtracks exponentially.
    write_pack(folder, terms=None, patterns=["(a|aa)+$"], examples={"fire": ["aaa"], "pass": ["b"]})
    (tmp_path / ".healthlint.yaml").write_text("extend-rules: [packs]\nselect: [x-rule]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a" * 60 + "!\n", encoding="utf-8")
    import json
    import time

    t = time.monotonic()
    code, out, _ = run_cli(["check", "--format", "json", "a.txt"], cwd=tmp_path)
    assert time.monotonic() - t < 30
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert "rule-timeout" in rules and code == 1


def test_builtin_packs_found() -> None:
    assert any(p.name == "core.yaml" for p in builtin_packs_dir().iterdir())


def test_only_the_shipped_packs_are_marked_builtin(tmp_path: Path) -> None:
    """Built-in patterns run without a per-match time-out (tested on adversarial text instead);
    a user's pack keeps it (see test_catastrophic_pattern_times_out_instead_of_hanging)."""
    folder = tmp_path / "packs"
    folder.mkdir()
    write_pack(folder)
    rules = load_rules([str(folder)])
    assert rules["x-rule"].builtin is False
    assert all(r.builtin for rid, r in rules.items() if rid != "x-rule")
    assert load_pack(next(folder.iterdir()))[0].builtin is False
