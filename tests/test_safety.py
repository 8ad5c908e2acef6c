"""Never touch what is not healthlint's, never hang, never crash (each case through the CLI).

The cache folder: healthlint writes and deletes only inside a folder it made and marked as
its own. Output: never over an input, never a partial file, every path and message escaped on
every stream, in any console encoding. Bad input, config or packs: one clear line, exit 2.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_cli

ARTICLE = "Studies show that this tea cures insomnia.\n"


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path below ``folder`` (links not followed) with a file's bytes (None for a folder)."""
    out: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            out[str(p.relative_to(folder))] = p.read_bytes() if p.is_file() and not p.is_symlink() else None
    return out


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("healthlint: error: ")


# -- the cache folder (items 1 and 2) -----------------------------------------------------------------


def test_a_committed_cache_link_leading_outside_the_project_is_refused(tmp_path: Path, user_cache: Path) -> None:
    """``.healthlint_cache -> ../elsewhere``: nothing is written or deleted in the link's target."""
    outside = tmp_path / "elsewhere"
    (outside / "v1").mkdir(parents=True)
    (outside / "v1" / "data.txt").write_text("keep", encoding="utf-8")
    (outside / "v2").mkdir()
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "a.md").write_text(ARTICLE, encoding="utf-8")
    os.symlink(outside, proj / ".healthlint_cache")
    before = snapshot(outside)
    for args in (["check", "a.md"], ["check", "--jobs", "2", "."]):
        code, out, err = run_cli(args, cwd=proj)
        assert code == 2 and out == "" and one_line(err), err
        assert ".healthlint_cache" in err and "outside the project" in err
        assert snapshot(outside) == before
    empty = tmp_path / "empty"  # an empty folder outside: refused all the same
    empty.mkdir()
    (proj / ".healthlint_cache").unlink()
    os.symlink(empty, proj / ".healthlint_cache")
    assert run_cli(["check", "a.md"], cwd=proj)[0] == 2 and list(empty.iterdir()) == []
    # The operator may name it on the command line: healthlint then makes it its own.
    code, _, err = run_cli(["check", "--cache-dir", str(proj / ".healthlint_cache"), "a.md"], cwd=proj)
    assert code == 1, err
    assert (empty / ".healthlint-cache").is_file() and (empty / "v3").is_dir()


@pytest.mark.parametrize("how", ["config", "flag"])
def test_a_cache_folder_holding_other_files_is_refused(tmp_path: Path, user_cache: Path, how: str) -> None:
    """``cache-dir: site`` (or ``--cache-dir site``, or ``.``): its ``v1``/``v2`` stay, no ``.gitignore`` is written."""
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    for sub in ("v1", "v2"):
        (tmp_path / "site" / sub).mkdir(parents=True)
        (tmp_path / "site" / sub / "index.html").write_text("<p>old docs</p>", encoding="utf-8")
    for folder in ("site", "."):
        if how == "config":
            (tmp_path / ".healthlint.yaml").write_text(f"cache-dir: {folder}\n", encoding="utf-8")
            args = ["check", "a.md"]
        else:
            args = ["check", "--cache-dir", folder, "a.md"]
        before = snapshot(tmp_path)
        code, out, err = run_cli(args, cwd=tmp_path)
        assert code == 2 and out == "" and one_line(err), err
        shown = str(tmp_path / folder) if how == "config" else folder  # a config's path is resolved
        assert repr(os.path.normpath(shown)) in err and "not made by healthlint" in err
        assert snapshot(tmp_path) == before
        assert not (tmp_path / ".gitignore").exists() and not (tmp_path / "site" / ".gitignore").exists()


def test_an_empty_or_new_cache_folder_is_made_healthlints(tmp_path: Path, user_cache: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    for folder in ("empty", "new/cache"):
        code, _, err = run_cli(["check", "--cache-dir", folder, "a.md"], cwd=tmp_path)
        assert code == 1, err
        made = tmp_path / folder
        assert (made / ".healthlint-cache").is_file() and (made / ".gitignore").read_text() == "# Created by healthlint\n*\n"
        assert run_cli(["check", "--cache-dir", folder, "a.md"], cwd=tmp_path)[0] == 1  # and used again
    assert not (tmp_path / ".gitignore").exists() and not (tmp_path / "new" / ".gitignore").exists()


def _old_cache(folder: Path) -> None:
    """A results cache folder as healthlint made it before the marker existed."""
    (folder / "v2" / "ab").mkdir(parents=True)
    (folder / "v2" / "ab" / ("ab" + "0" * 38)).write_bytes(b"stale")
    (folder / "v1").mkdir()
    (folder / "v1" / ("cd" * 20)).write_bytes(b"stale")
    (folder / ".gitignore").write_bytes(b"# Created by healthlint\n*\n")
    (folder / "CACHEDIR.TAG").write_bytes(b"Signature: 8a477f597d28d172789f06886806bc55\n"
                                            b"# This folder is a cache of healthlint results.\n")
    (folder / "syllables-0123abcd.bin").write_bytes(b"x")


def test_a_cache_folder_of_an_older_version_is_adopted_only_when_it_holds_nothing_else(
        tmp_path: Path, user_cache: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / ".healthlint_cache"
    _old_cache(folder)
    code, _, err = run_cli(["check", "a.md"], cwd=tmp_path)
    assert code == 1, err
    assert (folder / ".healthlint-cache").is_file()  # adopted: marked as healthlint's
    assert not (folder / "v1").exists() and not (folder / "v2").exists() and (folder / "v3").is_dir()
    # The same layout with anything else in it, or without healthlint's CACHEDIR.TAG, is not healthlint's.
    for extra in ("notes.txt", "v2/ab/readme.md", "CACHEDIR.TAG"):
        other = tmp_path / f"other-{extra.replace('/', '-')}"
        _old_cache(other)
        (other / extra).write_bytes(b"Signature: 8a477f597d28d172789f06886806bc55\n" if extra == "CACHEDIR.TAG"
                                    else b"mine")
        before = snapshot(other)
        code, _, err = run_cli(["check", "--cache-dir", other.name, "a.md"], cwd=tmp_path)
        assert code == 2 and "not made by healthlint" in err, (extra, err)
        assert snapshot(other) == before


def test_old_entry_folders_are_deleted_only_in_a_marked_folder(tmp_path: Path, user_cache: Path) -> None:
    """The marker is checked again just before the clean-up."""
    from healthlint import cache

    folder = tmp_path / "c"
    _old_cache(folder)
    cache._drop_old_versions(folder)
    assert (folder / "v1").is_dir() and (folder / "v2").is_dir()
    assert cache.prepare_dir(folder) and cache.owned(folder)
    cache._drop_old_versions(folder)
    assert not (folder / "v1").exists() and not (folder / "v2").exists()


# -- the report never goes over an input, and is never left half written (items 3 and 14) -------------


def test_an_output_that_is_one_of_the_inputs_is_refused(tmp_path: Path, user_cache: Path) -> None:
    (tmp_path / "docs").mkdir()
    victim = tmp_path / "docs" / "victim.md"
    victim.write_text(ARTICLE, encoding="utf-8")
    os.symlink(victim, tmp_path / "link.md")
    os.link(victim, tmp_path / "hard.md")
    cases = [
        (["check", "docs/victim.md"], "docs/victim.md"),
        (["check", "docs/victim.md"], "./docs/../docs/victim.md"),
        (["check", "docs"], "docs/victim.md"),  # found by the walk
        (["check", "link.md"], "docs/victim.md"),  # the same file through a link
        (["check", "docs"], "link.md"),
        (["check", "docs"], "hard.md"),  # another name of the same file
        (["check", "--format", "json", "docs/victim.md"], "docs/victim.md"),
        (["analyze", "docs/victim.md"], "docs/victim.md"),
        (["analyze", "--format", "json", "link.md"], "hard.md"),
    ]
    for args, output in cases:
        code, out, err = run_cli([*args, "-o", output], cwd=tmp_path)
        assert code == 2 and out == "" and one_line(err) and "one of the files to lint" in err, (args, output, err)
        assert victim.read_text(encoding="utf-8") == ARTICLE
    code, _, err = run_cli(["check", "--no-cache", "-o", "report.txt", "docs"], cwd=tmp_path)
    assert code == 1 and "[overclaim]" in (tmp_path / "report.txt").read_text(encoding="utf-8"), err


def test_a_report_that_cannot_be_written_leaves_no_partial_file(tmp_path: Path, user_cache: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk half way through the report: one clear line, exit status 2, the old report kept."""
    import errno

    from healthlint.report import json_out

    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    real = json_out.render

    def disk_full(run, out, *, color=False):  # noqa: ANN001, ANN202
        out.write('{\n  "findings": [')
        out.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(json_out, "render", disk_full)
    code, out, err = run_cli(["check", "--no-cache", "--format", "json", "-o", "new.json", "a.md"], cwd=tmp_path)
    assert code == 2 and one_line(err) and "new.json" in err and "No space left on device" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]  # no report, no temporary file
    (tmp_path / "old.json").write_text("the last report\n", encoding="utf-8")
    code, _, err = run_cli(["check", "--no-cache", "--format", "json", "-o", "old.json", "a.md"], cwd=tmp_path)
    assert code == 2 and (tmp_path / "old.json").read_text(encoding="utf-8") == "the last report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "old.json"]
    monkeypatch.setattr(json_out, "render", real)
    code, _, _ = run_cli(["check", "--no-cache", "--format", "json", "-o", "old.json", "a.md"], cwd=tmp_path)
    assert code == 1 and '"overclaim"' in (tmp_path / "old.json").read_text(encoding="utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [["check", "a.md", "-o", "/dev/full"], ["check", "a.md"], ["rules"],
                                  ["explain", "overclaim"], ["analyze", "a.md"],
                                  ["check", "--format", "sarif", "a.md"]])
def test_writing_to_a_full_device_is_one_clear_line(tmp_path: Path, user_cache: Path, args: list[str]) -> None:
    (tmp_path / "a.md").write_text(ARTICLE * 200, encoding="utf-8")
    code, _, err = cli(args, tmp_path, user_cache, stdout="/dev/full")
    assert code == 2 and err.count("\n") == 1 and "No space left on device" in err, err


def cli(args: list[str], cwd: Path, user_cache: Path, *, stdout: str | None = None, stdin: bytes | None = None,
        env: dict[str, str] | None = None, timeout: float = 120) -> tuple[int, bytes, str]:
    """``healthlint ARGS`` in a new process with its own user cache folder: (status, stdout bytes,
    stderr); standard output goes to the file ``stdout`` when named."""
    import subprocess
    import sys

    import healthlint

    src = str(Path(healthlint.__file__).resolve().parents[1])  # the healthlint these tests import
    full_env = {**os.environ, "PYTHONPATH": src, "XDG_CACHE_HOME": str(user_cache.parent),
                **(env or {})}
    command = [sys.executable, "-m", "healthlint", *args]
    with open(stdout or os.devnull, "wb") as sink:
        proc = subprocess.run(command, cwd=cwd, input=stdin, stdout=sink if stdout else subprocess.PIPE,
                              stderr=subprocess.PIPE, env=full_env, timeout=timeout)
    return proc.returncode, proc.stdout or b"", proc.stderr.decode("utf-8", "replace")


# -- TOML is bounded before it is parsed (item 4) -----------------------------------------------------


def _limited_memory() -> None:  # in the child, before it runs: 2 GB of address space
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs preexec_fn")
def test_toml_with_very_long_dotted_keys_is_refused_before_parsing(tmp_path: Path, user_cache: Path) -> None:
    """60 kB of ``a.a.a...`` took 3.5 GB; refused unparsed: a notice for front matter, an error for a config."""
    import json
    import subprocess
    import sys

    import healthlint

    env = {**os.environ, "PYTHONPATH": str(Path(healthlint.__file__).resolve().parents[1]),
           "XDG_CACHE_HOME": str(user_cache.parent)}
    key = ".".join(["a"] * 30_000)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "healthlint", *args], cwd=tmp_path, env=env, text=True,
                              capture_output=True, timeout=120, preexec_fn=_limited_memory)

    (tmp_path / "a.md").write_text(f"+++\n{key} = 1\n+++\n\n{ARTICLE}", encoding="utf-8")
    proc = run("check", "--no-cache", "--format", "json", "a.md")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert {f["rule"] for f in data["findings"]} >= {"overclaim"}  # the article is still linted
    out = run("check", "--no-cache", "a.md").stdout
    assert "a.md: notice: front matter ignored: TOML refused: a key nested more than 100 levels deep" in out
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    for table in (f"[tool.healthlint]\n{key} = 1\n", f"[tool.healthlint.{key}]\n", f"[tool]\nx = {{ {key} = 1 }}\n"
                  "[tool.healthlint]\n"):
        (tmp_path / "pyproject.toml").write_text(table, encoding="utf-8")
        proc = run("check", "--no-cache", "a.md")
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
        assert "pyproject.toml: TOML refused: a key nested more than 100 levels deep" in proc.stderr
