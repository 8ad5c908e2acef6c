"""The results cache, the compiled-rule cache and the syllable table (behaviour, not speed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import run_cli
from healthlint.run.store import file_store

ARTICLE = """---
title: Magnesium and sleep
---

# Can magnesium help you sleep?

Studies show that magnesium is the most important mineral for relaxation. In one
experiment, mice fed a low-magnesium diet slept less. Magnesium restores deep sleep.
The difference in sleep time was significant (p = 0.21). A large cohort study of 3,964
adults reported that people who ate more magnesium were less likely to report short
sleep, and it's thought that the mineral's role in muscle relaxation may explain part
of this. Take 300 mg of magnesium glycinate every night for the best results, though
the evidence is limited and people with kidney disease should be careful with any
supplement. Nutritionists recommend leafy greens, pumpkin seeds, almonds and black
beans as everyday sources of magnesium.
"""

pytestmark = pytest.mark.usefixtures("no_cache_env")  # these test the default cache folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text(ARTICLE.replace("mice", "rats"), encoding="utf-8")
    (tmp_path / ".healthlint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    return tmp_path


def check(project: Path, *extra: str) -> tuple[int, dict]:
    code, out, err = run_cli(["check", "--format", "json", *extra, "docs"], cwd=project)
    assert code in (0, 1), err
    return code, json.loads(out)


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("v*/*") if p.is_file())


def test_hit_gives_identical_json_and_skips_analysis(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = check(project, "--jobs", "1")
    assert len(entries(project / ".healthlint_cache")) == 2
    from healthlint.run import linter

    def boom(*a: object, **k: object) -> None:
        raise AssertionError("a cached file was linted again")

    monkeypatch.setattr(linter.Linter, "lint", boom)
    assert check(project, "--jobs", "1") == first
    assert first[1]["findings"], "the article should have findings"
    assert any("related" in f for f in first[1]["findings"])


def test_changed_file_config_or_rule_invalidates(project: Path) -> None:
    _, before = check(project)
    last = max(f["line"] for f in before["findings"] if f["path"].endswith("a.md"))
    a = project / "docs" / "a.md"
    a.write_text(ARTICLE + "\nThis cures insomnia.\n", encoding="utf-8")
    for _ in range(2):  # linted, then served from the cache
        _, out = check(project)
        assert any(f["path"].endswith("a.md") and f["line"] > last for f in out["findings"])
    (project / ".healthlint.yaml").write_text("select: [ALL]\nignore: [overclaim]\n", encoding="utf-8")
    _, out = check(project)
    assert not any(f["rule"] == "overclaim" for f in out["findings"])
    (project / ".healthlint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    _, out = check(project, "--select", "overclaim")
    assert out["findings"] and {f["rule"] for f in out["findings"]} == {"overclaim"}
    # A custom rule pack: adding a rule invalidates, editing it again invalidates.
    rules = project / "house"
    rules.mkdir()
    pack = rules / "house.yaml"
    pack.write_text(_pack("glycinate"), encoding="utf-8")
    (project / ".healthlint.yaml").write_text("extend-rules: [house]\n", encoding="utf-8")
    _, out = check(project)
    assert any(f["rule"] == "house-word" and "glycinate" in f["message"] for f in out["findings"])
    pack.write_text(_pack("almonds"), encoding="utf-8")
    _, out = check(project)
    hits = [f["message"] for f in out["findings"] if f["rule"] == "house-word"]
    assert hits and all("almonds" in m for m in hits)


def _pack(word: str) -> str:
    return f"""pack: house
rules:
  - id: house-word
    category: style
    severity: warning
    message: "house style avoids '{{match}}'"
    rationale: House style.
    sources: [house style guide]
    examples: {{fire: ["We like {word}."], pass: ["Nothing here."]}}
    kind: existence
    terms: [{word}]
"""


def test_an_edit_anywhere_in_the_package_invalidates_cached_results(tmp_path: Path) -> None:
    """The code fingerprint covers every module and lexicon of healthlint, not only the run folder's."""
    from healthlint.run.cache import PACKAGE, code_fingerprint

    assert (PACKAGE / "checks").is_dir() and (PACKAGE / "analyse").is_dir() and (PACKAGE / "lexicons").is_dir()
    pkg = tmp_path / "pkg"
    for rel in ("run/cache.py", "checks/rule.py", "lexicons/terms.yaml", "notes.txt"):
        (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
        (pkg / rel).write_text("x = 1\n", encoding="utf-8")
    before = code_fingerprint(pkg)
    (pkg / "notes.txt").write_text("not code\n", encoding="utf-8")
    assert code_fingerprint(pkg) == before
    for rel in ("checks/rule.py", "lexicons/terms.yaml"):
        (pkg / rel).write_text("x = 22\n", encoding="utf-8")
        assert code_fingerprint(pkg) != before
        before = code_fingerprint(pkg)


def test_corrupt_entries_are_ignored_and_rebuilt(project: Path) -> None:
    _, first = check(project)
    for i, p in enumerate(entries(project / ".healthlint_cache")):
        data = p.read_bytes()
        p.write_bytes(data[:-7] + b"garbage" if i == 0 else b"\x00" * 5)
    for p in (project / ".healthlint_cache").glob("*.bin"):
        p.write_bytes(p.read_bytes()[:100])
    assert check(project) == (1, first)
    assert check(project) == (1, first)  # rebuilt entries read back the same


def test_no_cache_writes_nothing(project: Path) -> None:
    check(project, "--no-cache")
    assert not (project / ".healthlint_cache").exists()


def test_cache_dir_flag_and_config(project: Path) -> None:
    _, first = check(project, "--cache-dir", "elsewhere")
    assert entries(project / "elsewhere") and not (project / ".healthlint_cache").exists()
    (project / ".healthlint.yaml").write_text("select: [ALL]\ncache-dir: .cfgcache\n", encoding="utf-8")
    assert check(project)[1] == first
    assert entries(project / ".cfgcache")


def test_cache_dir_that_is_a_file_is_not_used(project: Path) -> None:
    target = project / "docs" / "a.md"
    before = target.read_bytes()
    _, out = check(project, "--cache-dir", str(target))
    assert out["findings"] and target.read_bytes() == before


def test_linted_files_are_untouched(project: Path) -> None:
    files = sorted((project / "docs").iterdir())
    old = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in files}
    for _ in range(2):
        check(project)
        check(project, "--jobs", "2")
    assert sorted((project / "docs").iterdir()) == files
    assert {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in files} == old


def test_fast_flesch_kincaid_equals_textstat(tmp_path: Path) -> None:
    import textstat

    from healthlint.kinds import metric

    metric.use_store(file_store(tmp_path))
    try:
        table = metric._syllable_table()
        assert table is not None
        texts = [ARTICLE, "", "Hi.", "... !!!", "It's the patients' rock-and-roll, don't you think? Yes.",
                 "Ünïcödé wörds İstanbul. Glycinate, bisglycinate and nutraceuticals!",
                 "Zzyzx qwrtp brrr. Hmm. Supercalifragilistic pharmacokinetics and 3.5 mg/kg."]
        for text in texts:
            assert metric.fk_grade(text, table) == textstat.flesch_kincaid_grade(text)
        metric.use_store(file_store(tmp_path))  # reloaded from the file written above
        assert metric._syllable_table() is not None
        assert metric.fk_grade(ARTICLE, metric._syllable_table()) == textstat.flesch_kincaid_grade(ARTICLE)
    finally:
        metric.use_store(None)


@pytest.mark.parametrize("seed", range(4))
def test_short_sentences_are_counted_as_stripping_then_splitting_counts_them(seed: int) -> None:
    """textstat's short-sentence count (at most two words once punctuation is stripped), counted
    without stripping: words with no word character, apostrophes, Unicode spaces and marks."""
    import random

    from healthlint.kinds import metric

    rng = random.Random(seed)
    alphabet = " \n\t\u00a0\u2003'\u2019-\u2014.,!?;:()\"*aAb\u00e9\u0301\u0661_1\x1cxyz'tsdvlr"
    for _ in range(3000):
        sentences = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
                     for _ in range(rng.randint(1, 6))]
        want = sum(1 for x in sentences if len(metric._strip(x).split()) <= 2)
        assert metric._short_sentences(sentences) == want, sentences


@pytest.mark.parametrize("seed", range(3))
def test_tokens_stripped_one_at_a_time_count_as_the_stripped_text(seed: int) -> None:
    """fk_counts strips each distinct token once: the same words and syllables as stripping,
    lower-casing and splitting the whole text (textstat's order), and the raw token count."""
    import random
    from collections import Counter

    from healthlint.kinds import metric

    metric.use_store(None)
    table = metric._syllable_table()
    assert table is not None
    rng = random.Random(seed)
    pieces = ["the", "Trial", "don't", "'tis", "rock'n'roll", "İstanbul", "ΟΔΟΣ", "Σ", "naïve", "e\u0301",
              "x_y", "٣", "--", "'", "’s", "(r", "0.58)", ".", "Dr.", "it's'", "''", "q'd", "we've", "'ll"]
    spaces = [" ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c"]
    for _ in range(300):
        words = [rng.choice(pieces) + rng.choice(["", "", ",", ".", "'", "!", "’"]) for _ in range(rng.randint(0, 30))]
        text = "".join(w + rng.choice(spaces) for w in words)
        stripped = metric._strip(text).lower().split()
        want_syllables = sum(table.count(w) for w in stripped)
        got = metric.fk_counts_raw(text, table)
        assert got[0] == len(stripped) and got[3] == want_syllables, text
        assert got[4] == len(text.split())
        assert Counter(text.split()).keys() <= table.tokens.keys()


def test_syllable_table_finds_every_word_and_only_those() -> None:
    """The prefix index finds each CMUdict line's count, and misses what is not a whole word."""
    from healthlint.kinds import metric

    metric.use_store(None)
    table = metric._syllable_table()
    assert table is not None
    lines = [line.split("\t") for line in table.blob.strip("\n").split("\n")]
    assert len(lines) > 100_000
    assert all(table._lookup(w) == int(n) for w, n in lines)
    known = {w for w, _ in lines}
    probes = [w[:-1] for w, _ in lines[::97]] + [w + "q" for w, _ in lines[::89]] + ["", "\t", "\n", "zz\t1"]
    assert all(table._lookup(w) is None for w in probes if w not in known)


def test_entries_planted_without_the_users_key_are_ignored(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """A cache committed to a content repository was checksummed with someone else's key: never trusted."""
    import hashlib
    import marshal

    from healthlint.run import store

    good = store.dump_checked({"a": 1})
    entry = tmp_path / "entry"
    entry.write_bytes(good)
    assert store.load_checked(entry) == {"a": 1}
    body = marshal.dumps({"a": 2})
    planted = hashlib.blake2b(body, digest_size=16).digest() + body  # an unkeyed checksum
    entry.write_bytes(planted)
    assert store.load_checked(entry) is None
    other_key = hashlib.blake2b(body, digest_size=16, key=b"x" * 32).digest() + body
    entry.write_bytes(other_key)
    assert store.load_checked(entry) is None


def test_flesch_kincaid_counted_in_pieces_equals_the_whole(tmp_path: Path) -> None:
    """The readability rule counts a long document piece by piece; the grade must not change."""
    from healthlint.kinds import metric
    from healthlint.read import read_source

    metric.use_store(file_store(tmp_path))
    try:
        table = metric._syllable_table()
        assert table is not None
        source = "\n\n".join([ARTICLE.split("---", 2)[2], "Is it? Yes! It's 'quoted'.", "No stop here",
                              "Dr. Smith's trial... ended.", "'Tis the season", "...", "A. B. C d e f."] * 7)
        doc = read_source(source, "a.md", "markdown")
        parts = [(b.start, b.end) for b in doc.blocks if b.kind in metric.PROSE_BLOCKS]
        whole = metric.fk_grade("\n".join(doc.text[lo:hi] for lo, hi in parts), table)
        for size in (1, 7, 100, 10_000):
            pieces = list(metric._chunks(doc.text, parts, size))
            assert "".join(pieces) == "\n".join(doc.text[lo:hi] for lo, hi in parts)
            assert metric.fk_from_counts(metric._add(metric.fk_counts(p, table) for p in pieces)) == whole
        assert len(list(metric._chunks(doc.text, parts, 1))) > 10
    finally:
        metric.use_store(None)


def test_canonical_text_ignores_key_and_member_order_only() -> None:
    from healthlint.run.cache import canonical

    a = {"b": [1, {"y": 2, "x": {3, 1}}], "a": "1", "c": None}
    b = {"c": None, "a": "1", "b": [1, {"x": {1, 3}, "y": 2}]}
    assert canonical(a) == canonical(b)
    for changed in ({**a, "a": 1}, {**a, "c": False}, {**a, "b": [1, {"y": 2, "x": {3}}]}, {**a, "d": None},
                    {**a, "b": [{"y": 2, "x": {3, 1}}, 1]}):
        assert canonical(changed) != canonical(a)


def test_a_lone_file_is_read_and_hashed_once(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A miss hands the bytes and key it computed to the lint (two files: each read twice, as the
    workers read them again)."""
    from healthlint.run import cache, runner

    reads: list[str] = []
    keys: list[str] = []
    real_read, real_key = runner.read_bytes, cache.ResultsCache.key
    monkeypatch.setattr(runner, "read_bytes", lambda p: reads.append(p) or real_read(p))
    monkeypatch.setattr(cache.ResultsCache, "key", lambda self, *a: keys.append(a[1]) or real_key(self, *a))
    code, out, err = run_cli(["check", "--format", "json", "docs/a.md"], cwd=project)
    assert code == 1, err
    assert len(reads) == 1 and len(keys) == 1
    assert len(entries(project / ".healthlint_cache")) == 1  # stored under the key computed once
    assert check(project, "--jobs", "1")[1]["findings"]  # and found again by a fresh key
    reads.clear()
    run_cli(["check", "--format", "json", "--no-cache", "docs/a.md"], cwd=project)
    assert len(reads) == 1


def test_the_bytes_read_for_the_cache_key_are_not_held_while_linting(project: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A long file's bytes are dropped once decoded, whether the cache look read them or the lint did."""
    import sys

    from healthlint.run import runner

    held: list[int] = []
    real = runner._decode

    def decode(t: object, data: bytes) -> object:
        held.append(sys.getrefcount(data))
        return real(t, data)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "_decode", decode)
    run_cli(["check", "--format", "json", "--no-cache", "docs/a.md"], cwd=project)  # read by the lint
    run_cli(["check", "--format", "json", "docs/a.md"], cwd=project)  # read by the cache look
    assert len(held) == 2 and held[0] == held[1]


def test_entries_of_an_older_format_are_deleted_when_new_ones_are_written(project: Path) -> None:
    from healthlint.run import cache

    folder = project / ".healthlint_cache"
    check(project, "--jobs", "1", "--select", "overclaim")  # the folder made (and marked) by healthlint
    old = folder / f"v{cache.FORMAT - 1}" / "ab"
    old.mkdir(parents=True)
    (old / ("ab" + "0" * 38)).write_bytes(b"stale")
    keep = folder / "v-notes"  # not a version folder: left alone
    keep.mkdir()
    check(project, "--jobs", "1")
    assert not (folder / f"v{cache.FORMAT - 1}").exists() and keep.exists()
    assert {p.parent.name for p in entries(folder)} == {f"v{cache.FORMAT}"}  # one folder of entries


def test_compiled_pattern_files_of_earlier_versions_are_deleted_and_never_written(project: Path) -> None:
    folder = project / ".healthlint_cache"
    check(project, "--jobs", "1")  # the folder is made, and marked as healthlint's
    (folder / "patterns-0123456789abcdef0123.bin").write_bytes(b"stale")
    (folder / "patterns-notes.txt").write_bytes(b"kept")  # not one of them: left alone
    (project / "docs" / "a.md").write_text("A new text cures everything.\n", encoding="utf-8")  # a new entry
    check(project, "--jobs", "1")
    names = sorted(p.name for p in folder.iterdir())
    assert "patterns-0123456789abcdef0123.bin" not in names and "patterns-notes.txt" in names
    assert not [n for n in names if n.endswith(".bin") and not n.startswith("syllables-")]
