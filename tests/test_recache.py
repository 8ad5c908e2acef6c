"""Compiled patterns kept across runs: rebuilt patterns are the very patterns ``re``/``regex`` compile."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
import regex

from healthlint import recache

pytestmark = pytest.mark.skipif(not recache.RE_SUPPORTED, reason="needs CPython's re internals")


def _fresh(prefix: str) -> str:
    return rf"(?<![a-z]){prefix}{uuid.uuid4().hex}(?:ing|ed|s)?\b(?P<tail>[0-9]+)?"


def test_rebuilt_re_patterns_equal_compiled_ones() -> None:
    """``re.Pattern`` equality compares the compiled code, so this proves the code is identical."""
    import healthlint.context  # noqa: F401 - compiles the analysis lexicons
    import healthlint.readers.markdown  # noqa: F401

    keys = [k for k in list(re._cache) if len(k) == 3 and k[0] is str and type(k[2]) is int]  # type: ignore[attr-defined]
    assert len(keys) > 50
    for _, pattern, flags in keys:
        rebuilt = recache.re_build(pattern, recache.re_entry(pattern, flags))
        fresh = re.compile(pattern, flags)
        assert rebuilt == fresh and rebuilt.groupindex == fresh.groupindex and rebuilt.groups == fresh.groups


def test_re_code_is_stored_packed_and_rebuilt_from_either_form() -> None:
    from array import array

    pattern, flags = r"(?<![a-z])(?:walk(?:ing|s)?|x{2,7})(?P<n>\d+)?", int(re.IGNORECASE)
    entry = recache.re_entry(pattern, flags)
    assert isinstance(entry[1], bytes) and len(entry[1]) % 4 == 0  # 4 bytes a word, read as one string
    as_list = (entry[0], array("I", entry[1]).tolist(), *entry[2:])
    fresh = re.compile(pattern, flags)
    for form in (entry, as_list):
        rebuilt = recache.re_build(pattern, form)
        assert rebuilt == fresh and rebuilt.groupindex == fresh.groupindex


def test_save_then_restore_in_a_new_process_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p_re, p_rx = _fresh("re"), _fresh("rx")
    re.compile(p_re, re.IGNORECASE)
    regex.compile(p_rx)
    assert recache.save(tmp_path)
    assert list(tmp_path.glob("patterns-*.bin"))
    # A new process: empty compile caches, nothing restored yet.
    from regex import _main

    monkeypatch.setattr(recache, "_RE_CACHE", {})
    monkeypatch.setattr(re, "_cache", recache._RE_CACHE)
    monkeypatch.setattr(_main, "_cache", {})
    monkeypatch.setattr(recache, "_re_entries", {})
    monkeypatch.setattr(recache, "_rx_entries", {})
    monkeypatch.setattr(recache, "_loaded", set())
    recache.restore(tmp_path)
    key = (str, p_re, int(re.IGNORECASE))
    assert key in re._cache  # type: ignore[attr-defined]
    restored = re.compile(p_re, re.IGNORECASE)
    assert restored is re._cache[key]  # type: ignore[attr-defined]
    assert restored == recache.re_build(p_re, recache.re_entry(p_re, int(re.IGNORECASE)))
    assert any(k[0] == p_rx for k in _main._cache)
    got = regex.compile(p_rx)
    assert got.pattern == p_rx and got.groupindex == {"tail": 1}


def test_restored_patterns_match_like_fresh_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    word = uuid.uuid4().hex[:8]
    p = rf"(?<![a-z])(?:{word})(?P<suffix>s|ed)?(?![a-z])"
    re.compile(p)
    recache.save(tmp_path)
    monkeypatch.setattr(recache, "_RE_CACHE", {})
    monkeypatch.setattr(re, "_cache", recache._RE_CACHE)
    monkeypatch.setattr(recache, "_re_entries", {})
    monkeypatch.setattr(recache, "_loaded", set())
    recache.restore(tmp_path)
    restored = re.compile(p)
    text = f"{word} {word}s x{word} {word}ed {word}er"
    assert [m.span() for m in restored.finditer(text)] == [(0, 8), (9, 18), (29, 39)]
    assert restored.search(f"{word}s").group("suffix") == "s"


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_damaged_or_planted_files_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    re.compile(_fresh("dm"))
    recache.save(tmp_path)
    (path,) = tmp_path.glob("patterns-*.bin")
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    else:
        import marshal

        path.write_bytes(b"\0" * 32 + marshal.dumps(([("x", 0, [1, 2, 3])], b"")))  # no valid checksum
    monkeypatch.setattr(recache, "_RE_CACHE", {})
    monkeypatch.setattr(re, "_cache", recache._RE_CACHE)
    monkeypatch.setattr(recache, "_loaded", set())
    recache.restore(tmp_path)
    assert recache._RE_CACHE == {}


def test_bad_code_is_refused_by_sre_not_crashing(tmp_path: Path) -> None:
    """A well-formed file with invalid code (say, from another Python) is a miss, not a crash."""
    with pytest.raises(Exception):  # noqa: B017 - _sre's own validation error
        recache.re_build("abc", (32, [99999, 1, 2, 3], 0, {}, (None,)))


def test_cli_writes_patterns_to_cache_dir_and_not_under_no_cache(tmp_path: Path) -> None:
    from conftest import run_cli

    (tmp_path / "a.md").write_text("Studies show magnesium cures insomnia.\n", encoding="utf-8")
    run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)
    assert not list(tmp_path.rglob("patterns-*.bin"))
    run_cli(["check", "--cache-dir", "cc", "a.md"], cwd=tmp_path)
    assert list((tmp_path / "cc").glob("patterns-*.bin"))


def test_memo_values_survive_a_save_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = [uuid.uuid4().hex, "cures?"]
    calls = []

    def compute() -> list[tuple[str, bool]]:
        calls.append(1)
        return [("cure", False)]

    assert recache.memo("test", key, compute) == [("cure", False)]
    assert recache.memo("test", key, compute) == [("cure", False)] and len(calls) == 1
    assert recache.save(tmp_path)
    monkeypatch.setattr(recache, "_memo", {})
    monkeypatch.setattr(recache, "_loaded", set())
    recache.restore(tmp_path)
    assert recache.memo("test", key, compute) == [("cure", False)] and len(calls) == 1


def test_regex_entries_that_do_not_match_their_pattern_are_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    import regex
    from regex import _main

    fresh = regex.compile(_fresh("rg"))
    good = fresh._pickled_data
    monkeypatch.setattr(_main, "_cache", {})
    monkeypatch.setattr(recache, "_rx_entries", {})
    recache._restore_regex([("other", 0, 0, good), ("bad", 0, 0, ("bad", "not code")), "junk", ("x",)])
    assert _main._cache == {}
    recache._restore_regex([(good[0], good[1], regex.DEFAULT_VERSION, good)])
    (compiled,) = _main._cache.values()
    assert compiled is not fresh and compiled.pattern == fresh.pattern
    word = re.search(r"rg[0-9a-f]{32}", fresh.pattern).group(0)
    text = f"see {word}ed, {word} 12 and x{word}"
    assert [m.span("tail") for m in compiled.finditer(text)] == [m.span("tail") for m in fresh.finditer(text)]
    assert len(compiled.findall(text)) == 2


def test_memo_keeps_only_plain_data_and_copies_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime

    monkeypatch.setattr(recache, "_memo", {})
    day = datetime.date(2020, 1, 2)
    assert recache.memo("t", ["d"], lambda: {"when": day}) == {"when": day}
    assert recache._memo == {}  # not plain data: computed again next time, never breaks saving
    first = recache.memo("t", ["x"], lambda: {"a": [1]}, copy=True)
    first["a"].append(2)
    again = recache.memo("t", ["x"], lambda: pytest.fail("recomputed"), copy=True)
    assert again == {"a": [1]} and again is not recache._memo["t\0x"]
