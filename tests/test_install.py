"""Installation facts: rule packs ship in the wheel, textstat works offline."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

OFFLINE = r"""
import socket
def refuse(*a, **k):
    raise OSError("network disabled by test")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import textstat
grade = textstat.flesch_kincaid_grade("The cat sat on the mat. Physiological investigations demonstrate variability.")
assert grade > 0, grade
from healthlint.run.cli import main
raise SystemExit(main(["check", "--select", "readability", "--format", "json", sys_argv_file]))
"""


def test_textstat_pin_works_offline(tmp_path: Path) -> None:
    """textstat >= 0.7.10 fetches CMUdict through nltk at run time; the pinned one must not touch the network."""
    art = tmp_path / "a.txt"
    art.write_text(" ".join(["Considerable physiological investigations demonstrate variability."] * 30),
                   encoding="utf-8")
    code = OFFLINE.replace("sys_argv_file", repr(str(art)))
    env = {**os.environ, "NLTK_DATA": str(tmp_path / "no-nltk")}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]  # readability is info; fail-on is warning
    assert '"rule": "readability"' in p.stdout


@pytest.mark.slow
def test_wheel_contains_rule_packs(tmp_path: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    (wheel,) = tmp_path.glob("healthlint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "healthlint/packs/core.yaml" in names
    assert "healthlint/run/cli.py" in names
    assert "healthlint/lexicons/effects.yaml" in names
    assert any(n.endswith("entry_points.txt") for n in names)


# The pre-commit hook is tested in test_setup.py (try-repo, and the README's config).
