"""Hostile config, rule packs and article content: clear errors, no code run, no hang, safe reports."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from healthlint.errors import ConfigError
from healthlint.run.packs import load_pack
from healthlint.read.yamlsafe import MAX_NODES, load_yaml

ARTICLE = "Studies show that this tea cures insomnia.\n"
RULE = {
    "id": "x-rule", "category": "style", "severity": "warning", "message": "m {match}", "rationale": "r",
    "sources": ["s"], "examples": {"fire": ["a bad word"], "pass": ["a good word"]}, "kind": "existence",
    "terms": ["bad"],
}

pytestmark = pytest.mark.usefixtures("no_cache_env")  # these test the default cache folder


def project(tmp_path: Path, config: str | None = None, article: str = ARTICLE) -> Path:
    if config is not None:
        (tmp_path / ".healthlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text(article, encoding="utf-8")
    return tmp_path


def bomb(levels: int = 9, width: int = 10) -> str:
    """``levels * width`` aliases (under the alias limit) that expand to ``width ** levels`` values."""
    lines = ["- &a0 [" + ", ".join(["x"] * width) + "]"]
    lines += [f"- &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def indent(text: str, n: int) -> str:
    return "".join(" " * n + line + "\n" for line in text.splitlines())


# -- config ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "needle"),
    [
        ("select: [overclaim\n", "invalid YAML (line 2"),
        ("\tselect: x\n", "invalid YAML"),
        ("- just\n- a list\n", "expected a mapping of settings"),
        ("fail-on: [error]\n", "key 'fail-on'"),
        ("jobs: many\n", "key 'jobs'"),
        ("jobs: true\n", "key 'jobs'"),
        ("exclude: {a: 1}\n", "key 'exclude'"),
        ("extend-rules: 7\n", "key 'extend-rules'"),
        ("cache-dir: [a]\n", "key 'cache-dir'"),
        ("per-path: [a]\n", "key 'per-path'"),
        ("per-path: {'x/**': {fail-on: error}}\n", "per-path.x/**.fail-on"),
        ("rules: {readability: {target: nine}}\n", "readability.target"),
        ("rules: {overclaim: 3}\n", "key 'rules.overclaim'"),
        ("severity: {overclaim: loud}\n", "severity.overclaim"),
        ("colour: red\n", "unknown key 'colour'"),
        ("? [a, b]\n: c\n", "unhashable key"),
        ("1: x\n", "unknown key '1'"),
        ("select: !!binary aGVsbG8=\n", "key 'select'"),
        ("x: &a [*a]\n", "recursive"),
        ("rules:\n  missing-disclaimer:\n    accept:\n" + indent(bomb(), 6), "possible YAML bomb"),
        ("select: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested more than"),
        ("a: " + "*x " * 200, "invalid YAML"),
    ],
)
def test_hostile_config_is_one_clear_line(tmp_path: Path, config: str, needle: str) -> None:
    project(tmp_path, config)
    t = time.monotonic()
    code, out, err = run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)
    assert time.monotonic() - t < 10
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and needle in err and ".healthlint.yaml" in err, err


def test_yaml_bomb_under_the_alias_limit_is_refused_quickly() -> None:
    """90 aliases, 10**9 values: counting aliases is not enough; the expanded size is checked."""
    t = time.monotonic()
    with pytest.raises(ConfigError, match="possible YAML bomb"):
        load_yaml(bomb(), "bomb.yaml")
    with pytest.raises(ConfigError, match="more than 100 YAML aliases"):
        load_yaml(bomb(levels=3, width=60), "wide.yaml")
    assert time.monotonic() - t < 2
    assert load_yaml(bomb(levels=3, width=10), "ok.yaml")[2][0][0] == ["x"] * 10  # 1,000 values: fine
    assert 10**6 == MAX_NODES


def _marker_payloads(marker: Path) -> list[str]:
    cmd = f"touch {marker}"
    return [
        f"!!python/object/apply:os.system [{cmd!r}]",
        f"!!python/object/apply:subprocess.call [[touch, {str(marker)!r}]]",
        "!!python/name:os.system",
        f"!!python/object/new:os.system [{cmd!r}]",
        f"!!python/module:os",
    ]


def test_python_tags_in_config_are_rejected_and_run_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    for payload in _marker_payloads(marker):
        project(tmp_path, f"select: {payload}\n")
        code, _, err = run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)
        assert code == 2 and "could not determine a constructor" in err, err
        assert not marker.exists()


def test_python_tags_in_a_pack_and_front_matter_are_rejected(tmp_path: Path) -> None:
    import yaml

    marker = tmp_path / "pwned"
    (tmp_path / "packs").mkdir()
    for payload in _marker_payloads(marker):
        text = yaml.safe_dump({"pack": "t", "rules": [RULE]}).replace("kind: existence", f"kind: {payload}")
        (tmp_path / "packs" / "p.yaml").write_text(text, encoding="utf-8")
        project(tmp_path, "extend-rules: [packs]\n", f"---\ntitle: {payload}\n---\n\n{ARTICLE}")
        code, _, err = run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)
        assert code == 2 and "p.yaml" in err and "could not determine a constructor" in err
        (tmp_path / ".healthlint.yaml").unlink()
        code, out, _ = run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)  # front matter: a warning
        assert code == 1 and "a.md: notice: front matter ignored" in out
        assert not marker.exists()


def test_check_by_module_path_or_file_cannot_load_code(tmp_path: Path) -> None:
    """``check:`` names only registered checks; a module or a path in the project never imports."""
    import subprocess

    import yaml

    marker = tmp_path / "pwned"
    (tmp_path / "evil.py").write_text(f"open({str(marker)!r}, 'w').write('x')\ndef run(*a): return []\n")
    (tmp_path / "packs").mkdir()
    project(tmp_path, "extend-rules: [packs]\n")
    for name in ("evil", "evil.run", "evil:run", "./evil.py", str(tmp_path / "evil.py"), "os.system",
                 "healthlint.run.cli.main"):
        rule = {**RULE, "kind": "check", "check": name}
        del rule["terms"]
        (tmp_path / "packs" / "p.yaml").write_text(yaml.safe_dump({"pack": "t", "rules": [rule]}), encoding="utf-8")
        # A fresh interpreter with the project folder first on sys.path, as `python -m healthlint` has it.
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
        proc = subprocess.run([sys.executable, "-m", "healthlint", "check", "--no-cache", "a.md"], cwd=tmp_path,
                              capture_output=True, text=True, env=env, timeout=60)
        assert proc.returncode == 2 and "no check named" in proc.stderr, proc.stderr
        assert not marker.exists()


@pytest.mark.parametrize("key", ["extend-rules", "cache-dir"])
@pytest.mark.parametrize("where", ["../outside", "/", "link"])
def test_config_paths_may_not_leave_the_project(tmp_path: Path, key: str, where: str) -> None:
    """Decision: folders named in a config must be inside the config's folder (symlinks followed)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    proj = tmp_path / "proj"
    proj.mkdir()
    os.symlink(outside, proj / "link")
    project(proj, f"{key}: {where}\n" if key == "cache-dir" else f"{key}: [{where}]\n")
    code, _, err = run_cli(["check", "a.md"], cwd=proj)
    assert code == 2 and f"key '{key}'" in err and "outside the project folder" in err
    assert list(outside.iterdir()) == []


def test_config_paths_inside_the_project_and_cache_dir_flag(tmp_path: Path) -> None:
    (tmp_path / "style").mkdir()
    project(tmp_path, "extend-rules: [style]\ncache-dir: build/cache\n")
    code, _, err = run_cli(["check", "a.md"], cwd=tmp_path)
    assert code == 1, err
    elsewhere = tmp_path.parent / f"{tmp_path.name}-cache"
    code, _, err = run_cli(["check", "--cache-dir", str(elsewhere), "a.md"], cwd=tmp_path)
    assert code == 1, err  # the operator's flag may point anywhere


# -- rule packs --------------------------------------------------------------------------------------


def _pack(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "p.yaml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("pack: t\nrules: [\n", "invalid YAML"),
        ("pack: t\nrules:\n" + indent(bomb(), 2), "possible YAML bomb"),
        ("pack: t\nrules: &r [*r]\n", "recursive"),
        ("pack: " + "[" * 100_000 + "\n", "nested more than"),
        ("pack: t\nrules: [{id: x, patterns: ['(?<=a+)b']}]\n", "missing field"),
    ],
)
def test_hostile_pack_is_a_clear_error(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(ConfigError) as e:
        load_pack(_pack(tmp_path, text))
    assert needle in str(e.value) and "p.yaml" in str(e.value)


@pytest.mark.parametrize("pattern", ["(unclosed", "a{2,1}", "\\", "[z-a]", "(?<=a+"])
def test_pattern_that_does_not_compile(tmp_path: Path, pattern: str) -> None:
    import yaml

    rule = {**RULE, "patterns": [pattern]}
    del rule["terms"]
    with pytest.raises(ConfigError, match="does not compile"):
        load_pack(_pack(tmp_path, yaml.safe_dump({"pack": "t", "rules": [rule]})))


@pytest.mark.parametrize(
    ("rule_changes", "article"),
    [
        ({"patterns": ["(a+)+$"]}, "a" * 5000 + "!"),  # defused by the regex module itself: must be quick
        ({"patterns": ["(a|aa)+$"]}, "a" * 60 + "!"),  # really backtracks: must time out
        ({"terms": ["x"], "unless": [{"patterns": ["(a|aa)+$"], "scope": "document"}]}, "x " + "a" * 60 + "!"),
    ],
    ids=["defused", "catastrophic", "in-condition"],
)
def test_slow_patterns_never_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule_changes: dict,
                                  article: str) -> None:
    """Extends test_packs' timeout test: a condition's pattern is limited too, and other rules still run."""
    import yaml

    import healthlint.kinds.base as base
    import healthlint.kinds.conditions as conditions
    import healthlint.kinds.existence as existence

    for mod in (base, existence, conditions):
        monkeypatch.setattr(mod, "REGEX_TIMEOUT", 0.2, raising=False)
    rule = {**RULE, **rule_changes}
    if "patterns" in rule_changes:
        del rule["terms"]
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "p.yaml").write_text(yaml.safe_dump({"pack": "t", "rules": [rule]}), encoding="utf-8")
    project(tmp_path, "extend-rules: [packs]\n", article + "\n\n" + ARTICLE)
    t = time.monotonic()
    code, out, _ = run_cli(["check", "--no-cache", "-j1", "--format", "json", "a.md"], cwd=tmp_path)
    assert time.monotonic() - t < 20
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert "overclaim" in rules and code == 1  # the other rules are unaffected
    if "defused" not in str(rule_changes) and rule_changes.get("patterns") != ["(a+)+$"]:
        timeout = [f for f in json.loads(out)["findings"] if f["rule"] == "rule-timeout"]
        assert timeout and "x-rule" in timeout[0]["message"] and timeout[0]["severity"] == "error"


# -- reports are safe --------------------------------------------------------------------------------

EVIL = "<script>alert(1)</script> %0A::error file=x::pwned \x1b[31mred\x1b]0;title\x07 \x00nul \u202eevil\u202c \r\n"
NAMES = ["<script>alert(1)</script>", "%0A::error", "\x1b[2J", "\u202ecod.exe", "a\x00b", "x,y:z"]


def _evil_project(tmp_path: Path) -> Path:
    """``a.txt`` (UTF-8) and a hostile-named ``.md`` (UTF-16, so it may hold NUL) full of hostile text.

    A pack rule quotes the article's text back (``{match}``), and directives name hostile "rules"
    (``invalid-directive`` quotes them), so the hostile text reaches every report.
    """
    import yaml

    rule = {**RULE, "message": "found {match}", "patterns": [r"<script>[^\n]*|%0A::error[^\n]*"],
            "word_boundary": False}
    del rule["terms"]
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "p.yaml").write_text(yaml.safe_dump({"pack": "t", "rules": [rule]}), encoding="utf-8")
    directives = "".join(f"<!-- healthlint-disable-next-line {n} -->\nhealthlint-disable-next-line {n}\n"
                         for n in NAMES)
    article = f"{directives}\n{EVIL}\nStudies show \x1b[31m that this tea cures insomnia. {EVIL}\n"
    project(tmp_path, "extend-rules: [packs]\n")
    (tmp_path / "a.md").unlink()
    # A NUL byte makes a UTF-8 file binary (skipped); in UTF-16 it is text and reaches the reports.
    (tmp_path / "a.txt").write_text(article.replace("\x00", ""), encoding="utf-8", newline="")
    (tmp_path / EVIL_NAME).write_text(article, encoding="utf-16", newline="")
    return tmp_path


EVIL_NAME = "evil\x1b[31m%0A::error ,:\u202e.md"


def _outputs(tmp_path: Path) -> dict[str, tuple[int, str, str]]:
    return {fmt: run_cli(["check", "--no-cache", "-j1", "--color", "never", "--format", fmt, "."], cwd=tmp_path)
            for fmt in ("text", "json", "sarif", "github")}


def test_reports_escape_hostile_article_text(tmp_path: Path) -> None:
    _evil_project(tmp_path)
    outs = _outputs(tmp_path)
    for fmt, (code, out, err) in outs.items():
        assert code == 1, (fmt, err)
        for bad in ("\x1b", "\x00", "\x07", "\u202e", "\u202c"):
            assert bad not in out and bad not in err, (fmt, repr(bad))
    # JSON: parses, and round-trips the article's own text exactly.
    data = json.loads(outs["json"][1])
    messages = [f["message"] for f in data["findings"]]
    in_md = "found " + " ".join(EVIL[EVIL.index("%0A"):].split())  # Markdown drops the <script> tags
    in_txt = "found " + " ".join(EVIL.replace("\x00", "").split())
    assert in_md in messages and "\x00nul" in in_md and in_txt in messages, messages
    for n in NAMES[1:-1]:  # "<script>...</script>" and "x,y:z" name several rules
        assert f"healthlint directive names unknown rule '{n}'" in " ".join(messages), n
    assert {f["path"] for f in data["findings"]} == {"./a.txt", "./" + EVIL_NAME}
    # SARIF: parses, same text.
    sarif = json.loads(outs["sarif"][1])
    texts = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert in_md in texts and in_txt in texts
    # GitHub: one command per line, each line a single command that cannot be split.
    lines = outs["github"][1].splitlines()
    assert len([ln for ln in lines if not ln.startswith("::notice")]) == len(data["findings"]) + 1  # + summary
    for ln in lines[:-1]:
        assert ln.startswith("::") and "\r" not in ln
        if ln.startswith("::notice title=healthlint%3A more findings than GitHub shows::"):
            continue  # the run's own notice (more annotations than GitHub shows per step)
        head, _, message = ln[2:].partition("::")
        # Properties hold no raw ':' or ',', so the command ends where the message starts; a "%" in the
        # text is "%25", so the runner's unescaping gives back "%0A" as text, never a line break.
        assert re.fullmatch(r"(error|warning|notice) (file|title)=[^:,]*(,[a-zA-Z]+=[^:,]*)*", head), head  # or the limit notice
        assert not re.search(r"%(?!25|0A|0D)", message), message
    assert any("%250A::error" in ln for ln in lines)
    assert any("evil\\x1b[31m%250A%3A%3Aerror %2C%3A\\u202e.md" in ln for ln in lines)
    # Text: no raw control characters at all, but the path and text are still recognisable.
    text = outs["text"][1]
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)
    assert "evil\\x1b[31m%0A::error ,:\\u202e.md" in text


# -- healthlint never writes to what it lints ---------------------------------------------------------


def test_a_full_run_leaves_every_input_untouched(tmp_path: Path) -> None:
    _evil_project(tmp_path)
    (tmp_path / "b.html").write_text("<p>Studies show zinc cures colds.</p>", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"Caf\xe9 \xff tea cures insomnia.\r\n")
    (tmp_path / "d.md").write_bytes(b"\x00binary")
    past = 1_000_000_000
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    for p in files:
        os.utime(p, ns=(past, past))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in files}
    for cache in (["--no-cache"], [], []):  # without, then a cold and a warm cache
        for fmt in ("text", "json", "sarif", "github"):
            for jobs in ("1", "2"):
                code, _, err = run_cli(["check", *cache, "-j", jobs, "--format", fmt, "."], cwd=tmp_path)
                assert code == 1, err
        run_cli(["analyze", "a.md"], cwd=tmp_path)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in files}
    assert after == before
    new = {p for p in tmp_path.rglob("*") if p.is_file()} - set(files)
    assert all(".healthlint_cache" in p.parts for p in new), new
