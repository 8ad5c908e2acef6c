"""Never touch what is not healthlint's, never hang, never crash (each case through the CLI).

The cache folder: healthlint writes and deletes only inside a folder it made and marked as
its own. Output: never over an input, never a partial file, every path and message escaped on
every stream, in any console encoding. Bad input, config or packs: one clear line, exit 2.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import run_cli

ARTICLE = "Studies show that this tea cures insomnia.\n"

pytestmark = pytest.mark.usefixtures("no_cache_env")  # these test the default cache folder


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
    from healthlint.run import cache, store

    folder = tmp_path / "c"
    _old_cache(folder)
    cache._drop_old_versions(folder)
    assert (folder / "v1").is_dir() and (folder / "v2").is_dir()
    assert store.prepare_dir(folder) and store.owned(folder)
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
        proc = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=sink if stdout else subprocess.PIPE,
                                stderr=subprocess.PIPE, env=full_env, start_new_session=True)
        try:
            out, err = proc.communicate(stdin or b"", timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)  # the run and its workers
            proc.communicate()
            raise
    return proc.returncode, out or b"", err.decode((env or {}).get("PYTHONIOENCODING", "utf-8"), "replace")


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


# -- no hang on adversarial text (items 5 and 6; test_fuzz runs every rule on such runs) --------------


def test_adversarial_runs_finish_without_a_timed_out_rule(tmp_path: Path, user_cache: Path) -> None:
    """A 100 kB digit run in a risk sentence took minutes (a quadratic ``unless`` pattern); runs of one
    trigger word, run-on sentences whose every match a condition rules out, and a paragraph of
    thousands of claims with no study behind them were quadratic too: each is now a moment."""
    import json

    runs = {
        "digits.md": "This tea reduces the risk by " + "9" * 100_000 + "% in adults.\n",
        "cures.md": "cures cures cure cured curing " * 3_400 + "\n",
        "products.md": ("CBD oil cures anxiety and hemp gummies treat insomnia, " * 1_500)[:80_000]
        + " but there is no good evidence for any of it.\n",
        "hedged.md": "the most important " * 5_300 + "may help.\n",
        "discount.md": "discount " * 11_000 + "\n",
        "claims.md": "Blueberries sharpen memory. " * 15_000 + "\n",
    }
    for name, text in runs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, err = cli(["check", "--no-cache", "--format", "json", "."], tmp_path, user_cache, timeout=300)
    assert code in (0, 1), err
    data = json.loads(out)
    assert data["summary"]["files"] == len(runs) and data["summary"]["files_skipped"] == 0
    assert not [f for f in data["findings"] if f["rule"] == "rule-timeout"], err


_PIECES = ["Blueberries sharpen memory. ", "In mice, turmeric cured cancer. ", "A trial of 80 adults found less pain. ",
           "The tea is nice. ", "People who walk live longer, a cohort study of 3,000 adults found. ",
           "\n\n", "\n\n", "\n\n# Heading\n\n", "\n\n> A study in rats found this. ", "\n\n- In cells, it worked. ",
           "\"In mice it cured everything,\" she said. "]


def test_the_nearest_study_is_the_same_when_only_the_studies_around_a_claim_are_weighed() -> None:
    """A claim weighs only the 24 studies on each side of it (linear on a page of thousands of claims
    and studies); with fewer than that around, the answer is what weighing every study gives."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    import healthlint.analyse.evidence as evidence
    from healthlint.analyse.article import analyse
    from healthlint.read import read_source

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["markdown", "text"]), st.booleans())
    def check(pieces: list[str], fmt: str, on_topic: bool) -> None:
        text = "".join(pieces)
        a = analyse(read_source(text, "x", fmt))
        got = [a.profile.nearest(i, a.text_of(i) if on_topic else None) for i in range(len(a.sentences))]
        wide = analyse(read_source(text, "x", fmt))
        saved, evidence.MAX_STUDIES_NEAR = evidence.MAX_STUDIES_NEAR, 10**9
        try:
            want = [wide.profile.nearest(i, wide.text_of(i) if on_topic else None) for i in range(len(wide.sentences))]
        finally:
            evidence.MAX_STUDIES_NEAR = saved
        if len(a.profile.done) <= evidence.MAX_STUDIES_NEAR:
            assert [g and g.sentence for g in got] == [w and w.sentence for w in want]

    check()


# -- every path and message escaped on every stream, in any console encoding (items 7, 8, 9, 12) -----

HOSTILE = "a\n::error file=README.md,line=1::pwned\x1b[31m\x1b]0;title\x07\u202e"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile_names(folder: Path) -> None:
    """A readable article and an unreadable (binary) one, both with hostile names."""
    (folder / f"{HOSTILE}.md").write_text(ARTICLE, encoding="utf-8")
    (folder / f"{HOSTILE}-bin.md").write_bytes(b"\x00\x01binary")


def test_notices_on_standard_error_are_escaped_in_every_format(tmp_path: Path, user_cache: Path) -> None:
    """GitHub Actions reads standard error too: a file name must not start a workflow command there."""
    _hostile_names(tmp_path)
    runs = [["check", "--no-cache", "--format", fmt, "."] for fmt in ("text", "json", "sarif", "github")]
    runs += [["check", "--no-cache", "-q", "."], ["analyze", f"{HOSTILE}-bin.md"],
             ["check", "--config", f"{HOSTILE}.yaml", "."], ["check", "--format", HOSTILE, "."],
             ["check", "--no-cache", "--cache-dir", f"{HOSTILE}.md", "-o", f"{HOSTILE}.md", "."]]
    for args in runs:
        code, out, err = run_cli(args, cwd=tmp_path)
        for stream in (out, err):
            assert not CONTROL.search(stream), (args, stream)
            assert not any(line.startswith("::error file=README") for line in stream.splitlines()), (args, stream)
        # named, escaped: on standard error (in the text report, on standard output, for "check" in text)
        assert "::error file=README.md,line=1::pwned" in (out if args[-2:] == ["text", "."] else err), args


def test_quiet_output_is_escaped_and_names_unreadable_files(tmp_path: Path, user_cache: Path) -> None:
    _hostile_names(tmp_path)
    (tmp_path / "plain.md").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_cli(["check", "--no-cache", "-q", "."], cwd=tmp_path)
    assert code == 1
    finding = re.compile(r"[^\n]+:\d+:\d+: (error|warning|info) \[[a-z-]+\] [^\n]+")
    lines = out.splitlines()
    assert len(lines) == 4 and all(finding.fullmatch(line) for line in lines), out  # 2 findings x 2 files
    assert not CONTROL.search(out)
    assert f"-bin.md: binary file, skipped" in err and err.count("\n") == 1  # the unreadable file is named


@pytest.mark.skipif(os.name != "posix", reason="file names of arbitrary bytes")
def test_a_file_name_that_is_not_utf8(tmp_path: Path, user_cache: Path) -> None:
    """Quiet and text output escape it; JSON stays valid UTF-8 (U+FFFD) with the bytes in ``path_bytes``."""
    import json

    name = b"bad\xff\xfe.md"
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as f:
        f.write(ARTICLE.encode())
    (tmp_path / "bin\xe9.md").write_bytes(b"\x00binary")
    for args in (["-q"], [], ["--format", "github"]):
        code, out, err = cli(["check", "--no-cache", *args, "."], tmp_path, user_cache)
        assert code == 1, err
        text = out.decode("utf-8")  # valid UTF-8
        assert "bad\\udcff\\udcfe.md" in text and "Traceback" not in err
    for args in (["check", "--no-cache", "--format", "json", "."], ["check", "--no-cache", "--format", "sarif", "."],
                 ["analyze", "--format", "json", name.decode("utf-8", "surrogateescape")]):
        code, out, err = cli(args, tmp_path, user_cache)
        assert code in (0, 1) and "Traceback" not in err, err
        text = out.decode("utf-8")  # valid UTF-8, and no escaped lone surrogate either
        assert not re.search(r"\\ud[89a-f][0-9a-f]{2}", text, re.IGNORECASE), text
        data = json.loads(text)
        if args[0] == "analyze":
            paths = {(r["path"], r["path_bytes"]) for r in data["sentences"]}
            assert paths == {("bad\ufffd\ufffd.md", name.hex())}
        elif "json" in args:
            assert {(f["path"], f.get("path_bytes")) for f in data["findings"]} == {("./bad\ufffd\ufffd.md",
                                                                                     (b"./" + name).hex())}


def _escape_pack(folder: Path) -> None:
    import yaml

    evil = "\x1b[2J\x1b]8;;http://x\x07\u202e"
    rule = {"id": "evil-rule", "category": "style", "severity": "warning", "message": f"m {evil}",
            "summary": f"sum {evil}", "rationale": f"why {evil}", "sources": [f"src {evil}"], "fix": f"fix {evil}",
            "examples": {"fire": [f"a bad word {evil}"], "pass": [f"a good word {evil}"]}, "kind": "existence",
            "terms": ["bad"]}
    (folder / "packs").mkdir()
    (folder / "packs" / "p.yaml").write_text(yaml.safe_dump({"pack": "t", "rules": [rule]}), encoding="utf-8")
    (folder / ".healthlint.yaml").write_text("extend-rules: [packs]\n", encoding="utf-8")


def test_rules_and_explain_escape_what_a_pack_says(tmp_path: Path, user_cache: Path) -> None:
    import json

    _escape_pack(tmp_path)
    for args in (["rules"], ["explain", "evil-rule"], ["rules", "--format", "json"]):
        code, out, err = run_cli(args, cwd=tmp_path)
        assert code == 0, err
        assert "evil" in out and not CONTROL.search(out), (args, out)
    data = json.loads(run_cli(["rules", "--format", "json"], cwd=tmp_path)[1])
    assert {r["id"]: r["summary"] for r in data["rules"]}["evil-rule"] == "sum \x1b[2J\x1b]8;;http://x\x07\u202e"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_a_console_that_cannot_show_a_character_gets_an_escape_not_a_crash(tmp_path: Path, user_cache: Path,
                                                                          encoding: str) -> None:
    import json

    (tmp_path / "café ☕.md").write_text("Le café ☕ cures “insomnia”. Studies show it.\n", encoding="utf-8")
    (tmp_path / "bïn.md").write_bytes(b"\x00")
    env = {"PYTHONIOENCODING": encoding}
    for args in (["check"], ["check", "-q"], ["check", "--format", "github"], ["check", "--format", "json"],
                 ["check", "--format", "sarif"], ["analyze", "café ☕.md"], ["analyze", "--format", "json", "café ☕.md"],
                 ["explain", "overclaim"], ["rules"]):
        if args[0] == "check":
            args = [*args, "--no-cache", "."]
        code, out, err = cli(args, tmp_path, user_cache, env=env)
        assert code in (0, 1) and "Traceback" not in err and "UnicodeEncodeError" not in err, (args, err)
        text = out.decode(encoding)
        if "json" in args or "sarif" in args:
            data = json.loads(text)  # characters the console lacks are JSON escapes
            if "json" in args and args[0] == "check":
                assert {f["path"] for f in data["findings"]} == {"./café ☕.md"}
        elif args[0] == "check":
            assert "caf" in text and re.search(r"b(ï|\\xef)n\.md", text + err)  # the unreadable file named


# -- crashes become one clear line and exit status 2; what cannot be read is named (items 10-11, 13, 15-17)


@pytest.mark.parametrize("data", [b"Tea cures\x00insomnia.\n", "Tea cures insomnia.\n".encode("utf-16-le"),
                                  "Tea cures insomnia.\n".encode("utf-16-be")])
def test_standard_input_that_is_binary_or_utf16_without_bom(tmp_path: Path, user_cache: Path, data: bytes) -> None:
    for args in (["check", "-"], ["check", "--format", "json", "-"], ["analyze", "-"]):
        code, out, err = cli(args, tmp_path, user_cache, stdin=data)
        assert code == 2 and "Traceback" not in err, err
        assert "binary input" in (err if args[0] == "analyze" or "json" in args else out.decode())


def test_invalid_utf8_on_standard_input_is_a_warning(tmp_path: Path, user_cache: Path) -> None:
    code, out, err = cli(["check", "--stdin-filename", "draft.md", "-"], tmp_path, user_cache,
                         stdin=b"Caf\xe9 tea cures insomnia.\n")
    assert code == 1, err
    assert "draft.md: notice: invalid UTF-8 at byte 3; replaced" in out.decode()


CONFIG_CRASHES = [
    ("exclude: ['[z-a]']\n", "key 'exclude': '[z-a]' is not a valid glob"),
    ("per-path: {'[z-a]': {ignore: [overclaim]}}\n", "key 'per-path.[z-a]': '[z-a]' is not a valid glob"),
    ("rules: {readability: {min_words: .nan}}\n", "key 'rules.readability.min_words': expected a finite number"),
    ("rules: {readability: {min_words: -.inf}}\n", "key 'rules.readability.min_words': expected a finite number"),
    ("per-path: {'x/**': {rules: {readability: {target: .inf}}}}\n", "readability.target': expected a finite"),
    ("rules: {readability: {formula: os.system}}\n", "key 'rules.readability.formula': expected one of"),
]


@pytest.mark.parametrize(("config", "needle"), CONFIG_CRASHES)
def test_config_values_that_crashed_or_were_accepted_are_one_clear_line(tmp_path: Path, user_cache: Path,
                                                                       config: str, needle: str) -> None:
    (tmp_path / ".healthlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    for args in (["check", "a.md"], ["check", "--jobs", "2", "--format", "json", "."]):
        code, out, err = run_cli(args, cwd=tmp_path)
        assert code == 2 and out == "" and one_line(err) and needle in err and ".healthlint.yaml" in err, err


def _pack_rule(**changes: object) -> str:
    import yaml

    rule = {"id": "x-rule", "category": "style", "severity": "warning", "message": "m", "rationale": "r",
            "sources": ["s"], "examples": {"fire": ["a bad word"], "pass": ["a good word"]}, "kind": "existence",
            "terms": ["bad"], **changes}
    return yaml.safe_dump({"pack": "t", "rules": [{k: v for k, v in rule.items() if v is not None}]})


@pytest.mark.parametrize(("pack", "needle"), [
    (_pack_rule().encode() + b"# caf\xe9\n", "p.yaml: not UTF-8"),
    (_pack_rule(terms=None, patterns=["(?V1)[[a-z]--[aeiou]]+"]).encode(), "does not compile"),
    (_pack_rule(unless=[{"patterns": ["(?V1)[[a-z]--[aeiou]]+"], "scope": "sentence"}]).encode(), "does not compile"),
])
def test_rule_packs_that_crashed_are_one_clear_line(tmp_path: Path, user_cache: Path, pack: bytes, needle: str) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "p.yaml").write_bytes(pack)
    (tmp_path / ".healthlint.yaml").write_text("extend-rules: [packs]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    for args in (["check", "a.md"], ["rules"], ["explain", "x-rule"]):
        code, out, err = run_cli(args, cwd=tmp_path)
        assert code == 2 and out == "" and one_line(err) and needle in err, err


@pytest.mark.parametrize("kind", ["config", "pack", "pyproject"])
def test_a_huge_sparse_config_or_pack_is_refused_unread(tmp_path: Path, user_cache: Path, kind: str) -> None:
    """3 GB of nothing (a sparse file) was read whole before its size was looked at."""
    big = {"config": ".healthlint.yaml", "pack": "packs/p.yaml", "pyproject": "pyproject.toml"}[kind]
    if kind == "pack":
        (tmp_path / "packs").mkdir()
        (tmp_path / ".healthlint.yaml").write_text("extend-rules: [packs]\n", encoding="utf-8")
    with open(tmp_path / big, "wb") as f:
        f.write(b"[tool.healthlint]\n" if kind == "pyproject" else b"select: [ALL]\n")
        f.truncate(3 << 30)
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    code, out, err = cli(["check", "--no-cache", "a.md"], tmp_path, user_cache, timeout=60)
    assert code == 2 and err.count("\n") == 1 and "refusing to read it" in err and big.split("/")[-1] in err, err


def test_an_ancestor_pyproject_that_is_not_utf8(tmp_path: Path, user_cache: Path) -> None:
    """Another tool's pyproject.toml (no healthlint in it) is not healthlint's business, whatever its encoding;
    one that configures healthlint and is not UTF-8 is a clear error."""
    proj = tmp_path / "repo" / "content"
    proj.mkdir(parents=True)
    (proj / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.black]\n# caf\xe9\nline-length = 100\n")
    code, out, err = run_cli(["check", "--no-cache", "a.md"], cwd=proj)
    assert code == 1 and "[overclaim]" in out, err
    (tmp_path / "repo" / "pyproject.toml").write_bytes(b"[tool.healthlint]\n# caf\xe9\nignore = []\n")
    code, out, err = run_cli(["check", "--no-cache", "a.md"], cwd=proj)
    assert code == 2 and one_line(err) and "pyproject.toml: not UTF-8" in err, err


@pytest.mark.parametrize("value", ["{disable: 5}", "[1, 2]", "{disabled: [overclaim]}", "7", "{disable: {a: 1}}"])
def test_front_matter_healthlint_values_it_cannot_use_are_warnings(tmp_path: Path, user_cache: Path,
                                                                   value: str) -> None:
    (tmp_path / "a.md").write_text(f"---\ntitle: x\nhealthlint: {value}\n---\n\n{ARTICLE}", encoding="utf-8")
    code, out, err = run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)
    assert code == 1 and "[overclaim]" in out, err  # nothing switched off, and said so
    assert re.search(r"a\.md: notice: front matter key 'healthlint[.a-z]*' ignored: ", out), out


def test_an_unreadable_folder_is_named_and_counted(tmp_path: Path, user_cache: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs" / "locked").mkdir(parents=True)
    (tmp_path / "docs" / "locked" / "x.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "docs" / "ok.md").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "docs" / "locked"
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # running as root: the folder is still readable, so deny it here
            real = os.scandir

            def scandir(path=".", *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
                if os.path.realpath(path) == str(locked.resolve()):
                    raise PermissionError(13, "Permission denied", os.fspath(path))
                return real(path, *a, **k)

            monkeypatch.setattr(os, "scandir", scandir)
        code, out, err = run_cli(["check", "--no-cache", "docs"], cwd=tmp_path)
        assert code == 1 and "docs/locked: error: cannot read folder: permission denied" in out, out
        assert "docs/ok.md:1:1" in out and "1 file checked, 1 skipped" in out
        code, out, err = run_cli(["check", "--no-cache", "docs/locked"], cwd=tmp_path)
        assert code == 2 and "docs/locked: error: cannot read folder: permission denied" in out, out
        code, out, err = run_cli(["check", "--no-cache", "--format", "json", "docs"], cwd=tmp_path)
        import json

        assert json.loads(out)["summary"]["files_skipped"] == 1 and "docs/locked" in err
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize("inputs", [["bin.md"], ["zero.md"], ["wide.md"], ["bin.md", "wide.md"]])
def test_exit_status_2_when_no_input_could_be_read(tmp_path: Path, user_cache: Path, inputs: list[str]) -> None:
    (tmp_path / "bin.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", tmp_path / "zero.md")
    else:
        (tmp_path / "zero.md").write_bytes(b"\x00" * 10)
    (tmp_path / "wide.md").write_bytes("Tea cures insomnia.\n".encode("utf-16-le"))  # no byte order mark
    (tmp_path / "good.md").write_text(ARTICLE, encoding="utf-8")
    for fmt in ("text", "json"):
        code, out, err = run_cli(["check", "--no-cache", "--format", fmt, *inputs], cwd=tmp_path)
        assert code == 2, (out, err)
        code, out, err = run_cli(["check", "--no-cache", "--format", fmt, *inputs, "good.md"], cwd=tmp_path)
        assert code == 1, (out, err)  # something was read (and has findings)


@pytest.mark.skipif(not os.path.isdir("/proc") or not hasattr(os, "killpg"), reason="Linux process groups")
def test_ctrl_c_with_workers_exits_130_without_tracebacks(tmp_path: Path, user_cache: Path) -> None:
    """Ctrl-C goes to the whole process group: the workers leave it to the parent, which stops the pool."""
    import signal
    import subprocess
    import sys
    import time

    import healthlint

    block = ("The clinic opened in spring, and the staff met on Tuesdays to plan the garden. " * 40
             + "\n\nStudies show that this tea cures insomnia.\n\n")
    (tmp_path / "docs").mkdir()
    for i in range(60):
        (tmp_path / "docs" / f"a{i}.md").write_text(block * 45, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(healthlint.__file__).resolve().parents[1]),
           "XDG_CACHE_HOME": str(user_cache.parent)}
    proc = subprocess.Popen([sys.executable, "-m", "healthlint", "check", "--no-cache", "--jobs", "4", "docs"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)

    def workers() -> int:
        count = 0
        for d in os.listdir("/proc"):
            try:
                with open(f"/proc/{d}/stat") as f:
                    count += int(f.read().rsplit(")", 1)[1].split()[1]) == proc.pid
            except (OSError, ValueError, IndexError):
                pass
        return count

    try:
        start = time.monotonic()
        while workers() < 4 and proc.poll() is None and time.monotonic() - start < 60:
            time.sleep(0.05)
        time.sleep(0.3)  # the workers are linting
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    text = err.decode("utf-8", "replace")
    assert proc.returncode == 130, text
    assert text == "healthlint: interrupted\n", text


# -- what a repository's config may ask for (item 18) --------------------------------------------------


def test_a_pack_file_linked_from_outside_the_project_is_refused(tmp_path: Path, user_cache: Path) -> None:
    """``extend-rules: [style]`` with ``style/a.yaml -> /elsewhere/secret.yaml``: not read, nothing echoed."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.yaml").write_text("password-of-the-day: hunter2\n", encoding="utf-8")
    proj = tmp_path / "proj"
    (proj / "style").mkdir(parents=True)
    os.symlink(outside / "secret.yaml", proj / "style" / "a.yaml")
    (proj / ".healthlint.yaml").write_text("extend-rules: [style]\n", encoding="utf-8")
    (proj / "a.md").write_text(ARTICLE, encoding="utf-8")
    for args in (["check", "a.md"], ["rules"], ["explain", "overclaim"]):
        code, out, err = run_cli(args, cwd=proj)
        assert code == 2 and out == "" and one_line(err), err
        assert "'style/a.yaml' leads outside the project folder" in err and "password" not in err
    # A link to a pack inside the project is fine.
    (proj / "shared").mkdir()
    (proj / "shared" / "p.yaml").write_text(_pack_rule(), encoding="utf-8")
    (proj / "style" / "a.yaml").unlink()
    os.symlink(proj / "shared" / "p.yaml", proj / "style" / "a.yaml")
    code, out, err = run_cli(["explain", "x-rule"], cwd=proj)
    assert code == 0 and "x-rule" in out, err


def test_jobs_from_a_config_is_capped_at_the_cores_but_not_the_flag(tmp_path: Path, user_cache: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """``jobs: 1000`` in a repository's config started a process per file; ``--jobs`` is the operator's."""
    from healthlint.run import runner
    from healthlint.run.parallel import default_jobs

    asked: list[int] = []
    real = runner.run

    def run(*args, jobs: int = 1, **kwargs):  # noqa: ANN002, ANN003, ANN202
        asked.append(jobs)
        return real(*args, jobs=1, **kwargs)

    monkeypatch.setattr(runner, "run", run)
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".healthlint.yaml").write_text("jobs: 1000\n", encoding="utf-8")
    assert run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)[0] == 1
    assert run_cli(["check", "--no-cache", "--jobs", "1000", "a.md"], cwd=tmp_path)[0] == 1
    (tmp_path / ".healthlint.yaml").write_text("jobs: 1\n", encoding="utf-8")
    assert run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)[0] == 1
    assert asked == [default_jobs(), 1000, 1]


def test_the_user_cache_folder_is_healthlints_whatever_it_holds(tmp_path: Path, user_cache: Path) -> None:
    """``$XDG_CACHE_HOME/healthlint`` is healthlint's by name: the key is kept there even when
    something else of healthlint's (another command's files) came first."""
    (user_cache / "rule-docs").mkdir(parents=True)
    (user_cache / "rule-docs" / "overclaim-0123.md").write_text("# overclaim\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    code, _, err = cli(["check", "a.md"], tmp_path, user_cache)
    assert code == 1, err
    assert (user_cache / ".healthlint-cache").is_file() and (user_cache / "cache-key").is_file()
    assert (user_cache / "rule-docs" / "overclaim-0123.md").is_file()
