"""The README documents every rule and the two set-up commands."""

from __future__ import annotations

from pathlib import Path

from conftest import all_rules
from healthlint.run.internal import INTERNAL_RULES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_rule_table_lists_every_rule_with_its_severity() -> None:
    rows = {line.split("|")[1].strip().strip("`"): line for line in README.splitlines()
            if line.startswith("| `")}
    for rule in list(all_rules().values()) + list(INTERNAL_RULES.values()):
        assert rule.id in rows, f"README rule table misses {rule.id}"
        assert f"| {rule.severity} |" in rows[rule.id], f"README severity for {rule.id} is stale"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python3 -m pip install -e ".[test]" && python3 -m pytest' in ci
    assert 'python3 -m pip install -e ".[test]" && python3 -m pytest' in README
