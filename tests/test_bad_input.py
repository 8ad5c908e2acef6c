"""Bad input, through the real CLI: each case has a clear message naming the file.

One bad file never stops the others; the exit status is 2 only when no input
could be read at all; the summary counts the files skipped.
"""

from __future__ import annotations

import codecs
import json
import os
import time
from pathlib import Path

import pytest

from conftest import run_cli
from healthlint.read.positions import LineIndex

FLAWED = "Studies show that this tea cures insomnia.\n"


def check_json(folder: Path, *paths: str) -> tuple[int, dict, str]:
    code, out, err = run_cli(["check", "--no-cache", "-j1", "--format", "json", *paths], cwd=folder)
    return code, json.loads(out), err


def check_text(folder: Path, *paths: str) -> tuple[int, str, str]:
    return run_cli(["check", "--no-cache", "-j1", *paths], cwd=folder)


def at(source: str, f: dict) -> str:
    """The source text a JSON finding points at."""
    idx = LineIndex(source)
    return source[idx.offset(f["line"], f["column"]) : idx.offset(f["end_line"], f["end_column"])]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.md"
    p.write_text(FLAWED, encoding="utf-8")
    return p


def test_binary_file_is_skipped_with_a_notice(tmp_path: Path, good: Path) -> None:
    (tmp_path / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, out, _ = check_text(tmp_path, "photo.md", "good.md")
    assert "photo.md: notice: binary file, skipped" in out
    assert code == 1 and "good.md:1:1: warning [unattributed-claim]" in out
    assert "1 file checked, 1 skipped" in out
    code, data, err = check_json(tmp_path, "photo.md")  # nothing else: no input could be read
    assert code == 2 and data["summary"]["files_skipped"] == 1 and "photo.md" in err


def test_invalid_utf8_is_replaced_with_a_warning_and_positions_stay_right(tmp_path: Path) -> None:
    raw = b"Caf\xe9 \xff\xfe news.\nStudies show that \xc3 this tea cures insomnia.\n"
    (tmp_path / "latin.md").write_bytes(raw)
    code, out, _ = check_text(tmp_path, "latin.md")
    assert "latin.md: notice: invalid UTF-8 at byte 3; replaced" in out
    code, data, _ = check_json(tmp_path, "latin.md")
    source = raw.decode("utf-8", errors="replace")
    assert code == 1
    cures = next(f for f in data["findings"] if f["rule"] == "overclaim")
    assert (cures["line"], cures["column"]) == (2, 30) and at(source, cures) == "cures"
    studies = next(f for f in data["findings"] if f["rule"] == "unattributed-claim")
    assert at(source, studies).startswith("Studies show")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    text = "Title\r\n\r\nSleep 😀 matters. " + FLAWED
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    (tmp_path / "wide.md").write_bytes(bom + text.encode(codec))
    code, data, _ = check_json(tmp_path, "wide.md")
    assert code == 1 and data["summary"]["files_skipped"] == 0
    cures = next(f for f in data["findings"] if f["rule"] == "overclaim")
    assert (cures["line"], cures["column"]) == (3, 45)  # the BOM is not a column; 😀 is one
    assert at(text, cures) == "cures"


@pytest.mark.parametrize("content", [b"", b"\n", b"   \r\n\t\r\n", codecs.BOM_UTF8, b"---\n---\n"])
def test_empty_and_blank_files(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "empty.md").write_bytes(content)
    code, data, _ = check_json(tmp_path, "empty.md")
    assert code == 0 and data["findings"] == [] and data["summary"]["files"] == 1
    assert data["summary"]["files_skipped"] == 0


def _big_article(size: int) -> str:
    """Mostly plain prose with a claim now and then, ``size`` characters."""
    plain = ("The clinic opened in spring, and the staff met on Tuesdays to plan the garden, "
             "the new library and the bus timetable for the coming year.\n\n")
    claim = "Studies show that this tea cures insomnia.\n\n"
    block = plain * 40 + claim
    return (block * (size // len(block) + 1))[:size]


@pytest.mark.slow
def test_fifty_megabyte_file_completes(tmp_path: Path) -> None:
    text = _big_article(50 * 1024 * 1024)
    (tmp_path / "huge.md").write_text(text, encoding="utf-8")
    t = time.monotonic()
    code, data, err = check_json(tmp_path, "huge.md")
    elapsed = time.monotonic() - t
    assert code == 1, err
    assert data["summary"]["files"] == 1 and data["summary"]["files_skipped"] == 0
    idx = LineIndex(text)
    claims = [f for f in data["findings"] if f["rule"] == "overclaim"]
    assert claims
    for f in claims[:50] + claims[-50:]:
        assert at(text, f) == "cures", f
    assert all(1 <= f["line"] <= idx.line_count for f in data["findings"])
    print(f"50 MB: {elapsed:.0f} s, {len(data['findings'])} findings")
    # the time limit scales with the text, so sound built-in patterns never time out on big files
    assert not [f for f in data["findings"] if f["rule"] == "rule-timeout"]
    assert len(claims) == text.count("cures")


def test_file_over_the_size_limit_is_skipped(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from healthlint.read import decode

    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 1000)
    (tmp_path / "dump.txt").write_text("x " * 1000, encoding="utf-8")
    code, out, _ = check_text(tmp_path, "dump.txt", "good.md")
    assert "dump.txt: notice: larger than 0 MB, skipped" in out and code == 1 and "1 skipped" in out


def test_directory_where_a_file_is_expected(tmp_path: Path, good: Path) -> None:
    (tmp_path / "notes.md").mkdir()  # a folder with a file's name is walked: it holds nothing to lint
    code, out, _ = check_text(tmp_path, "notes.md", "good.md")
    assert code == 1 and "good.md:1:1" in out
    code, _, err = run_cli(["check", "--config", str(tmp_path / "notes.md"), "good.md"], cwd=tmp_path)
    assert code == 2 and "notes.md: is a directory" in err
    code, _, err = run_cli(["check", "--output", str(tmp_path / "notes.md"), "good.md"], cwd=tmp_path)
    assert code == 2 and "notes.md" in err


def test_missing_path(tmp_path: Path, good: Path) -> None:
    code, out, _ = check_text(tmp_path, "nope.md")
    assert code == 2 and "nope.md: error: no such file" in out
    code, out, _ = check_text(tmp_path, "nope.md", "good.md")  # a typo is an error even next to a good path
    assert code == 2 and "nope.md: error: no such file" in out and "1 skipped" in out
    assert "good.md:1:" in out  # which is still linted


def test_unreadable_file(tmp_path: Path, good: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(FLAWED, encoding="utf-8")
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running as root: a mode-000 file is still readable")
        code, out, _ = check_text(tmp_path, "secret.md", "good.md")
        assert "secret.md: error: permission denied" in out and code == 1 and "1 skipped" in out
        assert check_text(tmp_path, "secret.md")[0] == 2
    finally:
        secret.chmod(0o644)


def test_unreadable_file_simulated(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path when running as root: the open itself is denied."""
    import builtins

    from healthlint.read import decode

    real_open = builtins.open

    def deny(path, *args, **kwargs):  # noqa: ANN001, ANN202
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(decode, "open", deny, raising=False)
    (tmp_path / "secret.md").write_text(FLAWED, encoding="utf-8")
    code, out, _ = check_text(tmp_path, "secret.md", "good.md")
    assert "secret.md: error: permission denied" in out and code == 1 and "1 skipped" in out


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loop(tmp_path: Path, good: Path) -> None:
    os.symlink("loop.md", tmp_path / "loop.md")
    os.symlink("b.md", tmp_path / "a.md")
    os.symlink("a.md", tmp_path / "b.md")
    sub = tmp_path / "sub"
    sub.mkdir()
    os.symlink("..", sub / "up")  # a folder loop: never followed by the walk
    (sub / "x.md").write_text(FLAWED, encoding="utf-8")
    code, out, _ = check_text(tmp_path, "loop.md", "good.md")
    assert code == 1 and "loop.md: error: " in out and "symbolic links" in out
    t = time.monotonic()
    code, data, _ = check_json(tmp_path, ".")
    assert time.monotonic() - t < 30
    paths = sorted(f["path"] for f in data["findings"])
    assert code == 1 and {"./good.md", "./sub/x.md"} <= set(paths)
    assert not any("/up/" in p for p in paths)
    assert {e["path"] for e in data["summary"]["errors"]} == {"./a.md", "./b.md", "./loop.md"}
    assert check_text(tmp_path, "loop.md")[0] == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_pipes_and_devices_are_skipped_not_read(tmp_path: Path, good: Path) -> None:
    """``a.md -> /dev/zero`` or a named pipe in a content folder must neither hang nor fill memory."""
    os.mkfifo(tmp_path / "pipe.md")
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", tmp_path / "zero.md")
    for cache in (["--no-cache"], []):
        t = time.monotonic()
        code, out, _ = run_cli(["check", "-j1", *cache, "."], cwd=tmp_path)
        assert time.monotonic() - t < 30
        assert code == 1 and "./pipe.md: notice: not a regular file" in out
        assert "./good.md:1:1" in out


def test_path_outside_the_working_tree(tmp_path: Path) -> None:
    """A file named outside the project is linted and shown as given; config paths stay inside."""
    outside = tmp_path / "outside.md"
    outside.write_text(FLAWED, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / ".healthlint.yaml").write_text("exclude: ['drafts/**']\n", encoding="utf-8")
    (project / "a.md").write_text(FLAWED, encoding="utf-8")
    code, out, _ = run_cli(["check", "--no-cache", "../outside.md", str(outside)], cwd=project)
    assert code == 1
    assert "../outside.md:1:1: warning [unattributed-claim]" in out
    assert f"{outside}:1:1: warning [unattributed-claim]" in out


def test_one_bad_file_never_stops_the_others(tmp_path: Path, good: Path) -> None:
    (tmp_path / "photo.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "latin.md").write_bytes(b"Caf\xe9 tea cures insomnia.\n")
    (tmp_path / "empty.md").write_bytes(b"")
    os.symlink("loop.md", tmp_path / "loop.md")
    paths = ["photo.md", "nope.md", "loop.md", "latin.md", "empty.md", "good.md"]
    code, data, err = check_json(tmp_path, *paths)
    assert code == 2  # nope.md does not exist; the others are still linted
    assert data["summary"]["files"] == 6 and data["summary"]["files_skipped"] == 3
    assert {f["path"] for f in data["findings"]} == {"latin.md", "good.md"}
    for name in ("photo.md", "nope.md", "loop.md"):
        assert f"healthlint: {name}: " in err
    # Nothing readable at all: 2, a skipped binary alone included (README: "no input could be read").
    assert check_json(tmp_path, "nope.md", "loop.md")[0] == 2
    assert check_json(tmp_path, "photo.md")[0] == 2


def test_symlink_out_of_walked_folder_is_not_followed(tmp_path: Path) -> None:
    """A link inside a content folder must not make healthlint read a file outside it."""
    import json

    from conftest import run_cli

    secret = tmp_path / "outside.md"
    secret.write_text("This tea cures everything.\n", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "inside.md").write_text("This tea cures colds.\n", encoding="utf-8")
    (content / "linked.md").symlink_to(secret)
    (content / "alias.md").symlink_to(content / "inside.md")
    code, out, _ = run_cli(["check", "--no-cache", "--select", "overclaim", "--format", "json", str(content)])
    paths = sorted(Path(f["path"]).name for f in json.loads(out)["findings"])
    assert paths == ["alias.md", "inside.md"]
