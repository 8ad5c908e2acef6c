"""Set-up that works as written: the README's commands in fresh copies of the checkout under the
oldest and newest Pythons on the machine (with the CLI tests under each), pre-commit for real
(``try-repo`` and a ``.pre-commit-config.yaml`` made by the README's commands), the GitHub Action's
script, and the CI recipe. Everything runs offline, in temporary folders."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
GIT = ["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t", "-c", "commit.gpgsign=false"]
FLAWED = "Studies show this tea cures insomnia.\n"
CLEAN = "Magnesium is a mineral found in nuts and seeds.\n"
SKIP = {".venv", ".venv-ci", ".git", ".healthlint_cache", "__pycache__", ".pytest_cache", ".hypothesis",
        "build", "dist", "artifacts"}
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    return README[start : README.find("\n## ", start + 1)]


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def _python(version: str) -> str | None:
    """A working ``python<version>`` with venv (a pyenv shim that is not active does not count)."""
    candidates = [shutil.which(f"python{version}"), f"/usr/bin/python{version}", f"/usr/local/bin/python{version}",
                  *sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/{version}*/bin/python{version}")))]
    for c in candidates:
        if c and os.path.exists(c):
            try:
                ok = subprocess.run([c, "-c", "import venv, ensurepip"], capture_output=True, timeout=60).returncode == 0
            except (OSError, subprocess.TimeoutExpired):
                ok = False
            if ok:
                return c
    return None


def copy_checkout(dest: Path) -> Path:
    """The checkout's source files (no virtual environments, caches or build output) copied to ``dest``."""
    for folder, dirs, files in os.walk(REPO):
        dirs[:] = [d for d in dirs if d not in SKIP and not d.startswith(".venv") and not d.endswith(".egg-info")]
        rel = Path(folder).relative_to(REPO)
        (dest / rel).mkdir(parents=True, exist_ok=True)
        for name in files:
            src = Path(folder) / name
            if src.is_symlink() or name == ".git":
                continue
            shutil.copy2(src, dest / rel / name)
    return dest


def snapshot_repo(dest: Path) -> tuple[Path, str]:
    """A git repository holding the checkout as it is now (committed or not): its path and commit."""
    copy_checkout(dest)
    subprocess.run(GIT + ["init", "-q", str(dest)], check=True)
    subprocess.run(GIT + ["add", "-A"], cwd=dest, check=True)
    subprocess.run(GIT + ["commit", "-qm", "snapshot"], cwd=dest, check=True)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=dest, capture_output=True, text=True, check=True)
    return dest, rev.stdout.strip()


def _run(cmd: str | list[str], cwd: Path, timeout: int = 900, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          shell=isinstance(cmd, str), executable="/bin/bash" if isinstance(cmd, str) else None,
                          **kw)  # type: ignore[call-overload]


# --- the README's commands, under the oldest and newest Python --------------------------------

QUICK = _blocks(_section("Quick start"), "sh")


@pytest.mark.slow
@pytest.mark.parametrize("version", ["3.10", "3.13"])
def test_readme_commands_and_cli_tests_under_each_python(version: str, tmp_path: Path) -> None:
    python = _python(version)
    if python is None:
        pytest.skip(f"python{version} is not installed here")
    first, second = (b.strip() for b in QUICK)
    assert first.startswith("python3 -m venv .venv && ")
    work = copy_checkout(tmp_path / "checkout")
    p = _run(first.replace("python3 -m venv", f"{python} -m venv", 1), work)
    assert p.returncode == 1, p.stdout[-2000:] + p.stderr[-3000:]  # the example has findings
    assert "examples/magnesium-sleep.md:1:1:" in p.stdout and "findings" in p.stdout
    # Python 3.10 has no tomllib: a pyproject.toml naming healthlint must still work (tomli)
    content = tmp_path / "content"
    content.mkdir()
    (content / "pyproject.toml").write_text('[tool.healthlint]\nignore = ["overclaim"]\n', encoding="utf-8")
    (content / "a.md").write_text(FLAWED, encoding="utf-8")
    p = _run([str(work / ".venv" / "bin" / "healthlint"), "check", "a.md"], content)
    assert p.returncode == 1 and "[unattributed-claim]" in p.stdout and "[overclaim]" not in p.stdout, p.stderr
    # the second command's installation, then the suite's CLI tests with this Python
    install = second.split(" && ")[0]
    p = _run(install, work)
    assert p.returncode == 0, p.stderr[-3000:]
    p = _run([str(work / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
              "tests/test_cli.py", "tests/test_cli_conventions.py", "tests/test_config.py"], work, timeout=1200)
    assert p.returncode == 0, p.stdout[-4000:] + p.stderr[-2000:]
    assert sys.version_info >= (3, 10)


# --- pre-commit, for real -------------------------------------------------------------------------

def _content_repo(path: Path) -> Path:
    subprocess.run(GIT + ["init", "-q", str(path)], check=True)
    (path / "flawed.md").write_text(FLAWED, encoding="utf-8")
    (path / "clean.md").write_text(CLEAN, encoding="utf-8")
    subprocess.run(GIT + ["add", "."], cwd=path, check=True)
    return path


def _env() -> dict[str, str]:
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    env.pop("PRE_COMMIT", None)
    return env


@pytest.mark.slow
@needs_git
def test_pre_commit_try_repo_on_this_checkout(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    assert (REPO / ".pre-commit-hooks.yaml").is_file()
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "healthlint" and hooks[0]["language"] == "python"
    repo = _content_repo(tmp_path / "content")
    source = REPO if (REPO / ".git").exists() else snapshot_repo(tmp_path / "healthlint")[0]

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        return _run([sys.executable, "-m", "pre_commit", "try-repo", str(source), "healthlint", "--files", name],
                    repo, env=_env())

    bad = hook("flawed.md")
    assert bad.returncode == 1, bad.stdout[-3000:] + bad.stderr[-2000:]
    assert "overclaim" in bad.stdout and "flawed.md:1:" in bad.stdout
    good = hook("clean.md")
    assert good.returncode == 0, good.stdout[-3000:] + good.stderr[-2000:]


@pytest.mark.slow
@needs_git
def test_the_readme_pre_commit_config_works_as_written(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    healthlint, rev = snapshot_repo(tmp_path / "healthlint")
    [script] = _blocks(_section("pre-commit"), "sh")
    assert "HEALTHLINT=~/src/healthlint\n" in script and "rev-parse HEAD" in script
    script = script.replace("HEALTHLINT=~/src/healthlint\n", f"HEALTHLINT={healthlint}\n")
    repo = _content_repo(tmp_path / "content")
    p = _run(script, repo, env=_env())
    assert p.returncode == 1, p.stdout[-3000:] + p.stderr[-2000:]
    assert "flawed.md:1:" in p.stdout and "clean.md" not in p.stdout
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["rev"] == rev and config["repos"][0]["hooks"][0]["id"] == "healthlint"
    (repo / "flawed.md").unlink()
    subprocess.run(GIT + ["add", "-A"], cwd=repo, check=True)
    p = _run([sys.executable, "-m", "pre_commit", "run", "--all-files"], repo, env=_env())
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]
    # the example config of the README is valid and names the hook
    example = yaml.safe_load(_blocks(_section("pre-commit"), "yaml")[0])
    assert example["repos"][0]["hooks"][0]["id"] == "healthlint"
    assert re.fullmatch(r"[0-9a-f]{40}", example["repos"][0]["rev"])


# --- the GitHub Action and the CI recipes -----------------------------------------------------------

@needs_git
def test_the_action_annotates_only_changed_lines_of_a_pull_request(tmp_path: Path) -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = {s.get("name", s.get("uses")): s for s in action["runs"]["steps"]}
    assert '"$GITHUB_ACTION_PATH"' in steps["Install healthlint"]["run"]  # installs from the action's checkout
    run = steps["Run healthlint"]
    assert "${{" not in run["run"]  # inputs reach the script as environment variables only
    repo = tmp_path / "site"
    subprocess.run(GIT + ["init", "-q", "-b", "main", str(repo)], check=True)
    (repo / "content").mkdir()
    (repo / "content" / "old.md").write_text(FLAWED, encoding="utf-8")
    subprocess.run(GIT + ["add", "."], cwd=repo, check=True)
    subprocess.run(GIT + ["commit", "-qm", "base"], cwd=repo, check=True)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    (repo / "content" / "new.md").write_text(CLEAN + "\nExperts agree that it cures colds.\n", encoding="utf-8")
    subprocess.run(GIT + ["add", "."], cwd=repo, check=True)
    subprocess.run(GIT + ["commit", "-qm", "pull request"], cwd=repo, check=True)
    env = {**_env(), "GITHUB_WORKSPACE": str(repo), "HEALTHLINT_PATHS": "content/",
           "HEALTHLINT_ARGS": "--fail-on warning", "HEALTHLINT_CHANGED_ONLY": "true", "HEALTHLINT_BASE": base}
    p = _run(run["run"], repo, env=env)
    assert p.returncode == 1, p.stderr
    annotations = [line for line in p.stdout.splitlines() if line.startswith("::")]
    assert annotations and all("file=content/new.md,line=3," in a for a in annotations), annotations
    env["HEALTHLINT_CHANGED_ONLY"] = "false"
    p = _run(run["run"], repo, env=env)
    assert "file=content/old.md," in p.stdout


def test_ci_recipes_install_from_the_repository() -> None:
    ci = _section("CI")
    assert "pip install healthlint\n" not in ci and "pip install healthlint " not in ci
    assert ci.count("git+https://") == 2
    for block in _blocks(ci, "yaml"):
        yaml.safe_load(block)
    [gitlab] = [yaml.safe_load(b) for b in _blocks(ci, "yaml") if "codequality" in b]
    script = " ".join(gitlab["healthlint"]["script"])
    assert "--format gitlab" in script and "--format junit" in script


def test_python_310_gets_tomli() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'"tomli[^"]*; python_version < \'3\.11\'"', text)
    assert '"pathspec' in text
