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


FIRST = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/healthlint check examples/magnesium-sleep.md"
SECOND = '.venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest'


def test_ci_runs_the_readme_commands() -> None:
    """The Quick start's two commands are the two shell blocks there, and .ci/run runs both as written."""
    import re

    quick = README[README.index("## Quick start\n") : README.index("\n## ", README.index("## Quick start\n") + 1)]
    assert [b.strip() for b in re.findall(r"```sh\n(.*?)```", quick, re.S)] == [FIRST, SECOND]
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert FIRST in ci and SECOND in ci


def test_the_check_in_writing_rules_runs_as_documented(tmp_path: Path) -> None:
    """The README's example of a Python check, registered and used by a rule of a pack."""
    import re

    from conftest import run_cli
    from healthlint import checks

    section = README[README.index("## Writing rules\n") : README.index("\n## ", README.index("## Writing rules\n") + 1)]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)
    namespace: dict[str, object] = {}
    exec(code, namespace)  # noqa: S102 - the README's own example
    checks.register("readme-example")(namespace["check"])
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: no-miracle\n    category: style\n    severity: warning\n"
        "    message: 'claims {problem}'\n    rationale: r\n    sources: [s]\n"
        "    examples: {fire: [a miracle], pass: [a cure]}\n    kind: check\n    check: readme-example\n",
        encoding="utf-8")
    (tmp_path / ".healthlint.yaml").write_text("extend-rules: [packs]\nselect: [no-miracle]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("This tea is a miracle.\n\n> \"A miracle,\" she said.\n", encoding="utf-8")
    code_, out, err = run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)
    assert code_ == 1, err
    assert "a.md:1:1: warning [no-miracle] claims a miracle" in out and out.count("[no-miracle]") == 1
