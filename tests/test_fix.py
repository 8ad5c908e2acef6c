"""``--fix`` and ``--diff`` through the CLI: only fixes that cannot change meaning, written atomically,
byte-identical outside the fixed spans (encoding, byte order mark, line endings), idempotent."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import run_cli

DAMAGED = ("Sleep and mood{nl}{nl}In a survey of 200 adults, sleep was linked to mood (r ¼ 0.58, p ¼ 0.01).{nl}"
           "The spread was 4.1 Â± 0.3 hours, with a tab\there.{nl}")
DISCLAIMER = "This page is general information, not medical advice: ask your pharmacist before you change a treatment."
ADVICE = "# Magnesium for sleep\n\nTake 300 mg of magnesium glycinate every night to sleep better.\n"


def _fixed(text: str) -> str:
    return text.replace("r ¼", "r =").replace("p ¼", "p =").replace("Â±", "±")


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")])
def test_fix_keeps_every_byte_outside_the_fixed_spans(tmp_path: Path, nl: str, encoding: str, bom: bytes) -> None:
    text = DAMAGED.format(nl=nl)
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode(encoding))
    os.chmod(path, 0o640)
    code, out, err = run_cli(["check", "--fix", "--select", "stat-inconsistency", "a.txt"], cwd=tmp_path)
    assert code == 0 and "no findings" in out and "fixed 3 findings in 1 file" in err
    assert path.read_bytes() == bom + _fixed(text).encode(encoding)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".healthlint")) == ["a.txt"]
    before = path.stat().st_mtime_ns
    code, out, err = run_cli(["check", "--fix", "--select", "stat-inconsistency", "a.txt"], cwd=tmp_path)
    assert code == 0 and "fixed" not in err and path.stat().st_mtime_ns == before  # a second run changes nothing


def test_diff_shows_the_fixes_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    original = DAMAGED.format(nl="\n").encode("utf-8")
    path.write_bytes(original)
    code, out, _ = run_cli(["check", "--diff", "a.md"], cwd=tmp_path)
    assert code == 1 and path.read_bytes() == original
    assert out.startswith("--- a/a.md\n+++ b/a.md\n")
    assert "-In a survey of 200 adults, sleep was linked to mood (r ¼ 0.58, p ¼ 0.01).\n" in out
    assert "+In a survey of 200 adults, sleep was linked to mood (r = 0.58, p = 0.01).\n" in out
    assert "+The spread was 4.1 ± 0.3 hours" in out
    path.write_text("Magnesium is a mineral.\n", encoding="utf-8")
    assert run_cli(["check", "--diff", "a.md"], cwd=tmp_path)[:2] == (0, "")


def test_only_meaning_preserving_fixes_are_applied(tmp_path: Path) -> None:
    text = "Studies show that this tea cures insomnia (p = 0.21 was called significant).\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    code, out, _ = run_cli(["check", "--fix", "a.md"], cwd=tmp_path)
    assert code == 1 and "[overclaim]" in out
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text


def test_the_configured_disclaimer_is_appended_once(tmp_path: Path) -> None:
    (tmp_path / ".healthlint.yaml").write_text(f'disclaimer: "{DISCLAIMER}"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(ADVICE, encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Take 300 mg of magnesium glycinate every night to sleep "
                                     "better.</p>\r\n</body></html>\r\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Take two capsules of valerian every night", encoding="utf-8")  # no final line break
    code, out, err = run_cli(["check", "--fix", "--select", "missing-disclaimer", "."], cwd=tmp_path)
    assert code == 0 and "no findings" in out, out + err
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == ADVICE + "\n" + DISCLAIMER + "\n"
    assert (tmp_path / "b.html").read_bytes().endswith(
        f"better.</p>\r\n<p>{DISCLAIMER}</p>\r\n</body></html>\r\n".encode())
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == (
        "Take two capsules of valerian every night\n\n" + DISCLAIMER + "\n")
    snapshot = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    code, _, err = run_cli(["check", "--fix", "."], cwd=tmp_path)
    assert "fixed" not in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == snapshot


def test_without_a_configured_disclaimer_nothing_is_appended(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ADVICE, encoding="utf-8")
    code, out, _ = run_cli(["check", "--fix", "--select", "missing-disclaimer", "a.md"], cwd=tmp_path)
    assert code == 1 and (tmp_path / "a.md").read_text(encoding="utf-8") == ADVICE


def test_a_file_that_would_not_round_trip_is_left_alone(tmp_path: Path) -> None:
    data = DAMAGED.format(nl="\n").encode("utf-8") + b"Caf\xe9\n"  # invalid UTF-8
    (tmp_path / "a.txt").write_bytes(data)
    code, out, err = run_cli(["check", "--fix", "a.txt"], cwd=tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == data
    assert "a.txt: not fixed" in err


def test_a_link_stays_a_link_and_its_target_is_fixed(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(DAMAGED.format(nl="\n"), encoding="utf-8")
    os.symlink("real.txt", tmp_path / "link.txt")
    run_cli(["check", "--fix", "link.txt"], cwd=tmp_path)
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == _fixed(DAMAGED.format(nl="\n"))


def test_fix_refuses_standard_input_and_diff_together() -> None:
    assert run_cli(["check", "--fix", "-"], stdin="x")[0] == 2
    code, _, err = run_cli(["check", "--fix", "--diff", "a.md"])
    assert code == 2 and "--diff" in err
