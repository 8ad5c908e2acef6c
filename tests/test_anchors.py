"""First-word anchors: an anchored scan finds exactly what a full ``finditer`` scan finds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import all_rules
from healthlint.kinds import anchors
from healthlint.kinds.base import build_pattern
from healthlint.kinds.existence import _anchored, _anchors


class Doc:
    def __init__(self, text: str) -> None:
        self.text = text


@pytest.mark.parametrize("patterns, expected", [
    (["cures?"], [("cure", False)]),
    (["(?:a|an|one)\\s+study"], [("a", True), ("an", True), ("one", True)]),
    (["stud(?:y|ies)\\s+show"], [("stud", False)]),
    (["(?:the\\s+)?most\\s+important"], [("most", True), ("the", True)]),
    (["[Cc]ure"], [("cure", True)]),
    (["\\d+% lower"], [(anchors.DIGIT, False)]),
    (["as seen on TV"], [("as", True)]),
    (["(?<!not )proven"], [("proven", True)]),
    (["^\\W*take"], [(anchors.START, True)]),
    (["(?m)^take"], [("take", True)]),  # a line start, but still the word "take"
])
def test_first_words(patterns: list[str], expected: list[tuple[str, bool]]) -> None:
    assert anchors.first_words(patterns) == sorted(expected)


@pytest.mark.parametrize("pattern", [
    "[a-z]+ics",         # a class: any word
    "\\w+ly proven",     # starts with any word character
    "(?:cure)?",         # may match empty
    "#1 doctor",         # starts with punctuation: not at a word start
    "(?<name>cure)",     # regex-only syntax that re's parser refuses
    "\\p{L}+ure",        # likewise
    "(?>cure|heal)",     # an atomic group: not analysed
    ".ure",              # any character
    "éclair",            # non-ASCII first word
])
def test_unknown_starts_fall_back_to_a_full_scan(pattern: str) -> None:
    assert anchors.first_words([pattern]) is None


def _existence_rules() -> list[tuple[str, Any, list[tuple[str, bool]]]]:
    out = []
    for rid, rule in sorted(all_rules().items()):
        if rule.kind != "existence":
            continue
        s = rule.settings
        pattern = build_pattern({k: s[k] for k in ("terms", "patterns") if k in s}, "x", rid, "terms/patterns",
                                ignorecase=s.get("ignorecase", True), word_boundary=s.get("word_boundary", True))
        anchored = _anchors(s)
        if anchored is not None:
            out.append((rid, pattern, anchored))
    # patterns of rules that have since become checks: the anchored scan stays tested on them too
    kept = yaml.safe_load((Path(__file__).parent / "anchor_patterns.yaml").read_text(encoding="utf-8"))
    for rid, patterns in kept["patterns"].items():
        pattern = build_pattern({"patterns": patterns}, "x", rid, "patterns")
        anchored = _anchors({"patterns": patterns})
        if anchored is not None:
            out.append((f"legacy/{rid}", pattern, anchored))
    return out


RULES = _existence_rules()


def test_the_patterns_under_test_are_anchored() -> None:
    """Every kept pattern set anchors (built-in rules are checks now; users' existence rules use the scan)."""
    assert {rid for rid, _, _ in RULES} >= {"legacy/commercial-cta", "legacy/overclaim", "legacy/unattributed-claim"}


def _same(text: str) -> None:
    for rid, pattern, anchored in RULES:
        full = [m.span() for m in pattern.finditer(text)]
        got = [m.span() for m in _anchored(pattern, Doc(text), anchored, 100.0)]
        assert got == full, (rid, text)


def test_rule_examples_scan_the_same() -> None:
    for _, rule in sorted(all_rules().items()):
        for text in rule.examples_fire + rule.examples_pass:
            _same(text)
            _same(text.upper())
            _same("x" + text + " " + text.lower())


WORDS = ["cure", "cures", "CURED", "studies", "show", "study", "a", "an", "the", "most", "important", "proven",
         "buy", "now", "online", "use", "code", "SAVE20", "50%", "lower", "risk", "take", "500", "mg", "daily",
         "research", "shows", "doubles", "clinically", "İs", "ıs", "ſtudies", "\u212aill", "²cure", "x\u0301cure",
         "ﬁght", "Straße", "don't", "it’s", "—", "-", "(", ")", ",", ".", "\n\n", "  ", "\t", "#", "*", "_cure"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.lists(st.sampled_from(["", " ", "", "\n"]), max_size=40))
def test_random_texts_scan_the_same(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    _same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_arbitrary_unicode_scans_the_same(text: str) -> None:
    _same(text)
    _same("cure " + text + " studies show")


def test_index_finds_anchor_words_case_folded_at_word_starts() -> None:
    """Places where an anchor word starts (a superset: the pattern decides whole-word matches)."""
    idx = anchors.WordIndex("Cure cures. İS is ſtudies 3kg 12 secure", frozenset({"cure", "is", "stud"}))
    assert idx.starts([("cure", True)]) == [0, 5]  # not inside "secure"
    assert idx.starts([("is", True)]) == [12, 15]
    assert idx.starts([("stud", False)]) == [18]
    assert idx.starts([(anchors.DIGIT, False)]) == [26, 30]
    assert idx.starts([(anchors.START, True), ("cure", True)]) == [0, 5]
    assert idx.starts([("heal", True)]) == []


def test_word_index_is_shared_and_grows_for_unknown_words() -> None:
    doc = Doc("Buy cures now.")
    doc.derived = {}  # type: ignore[attr-defined]
    first = anchors.word_index(doc, [("cure", False)])
    assert anchors.word_index(doc, [("cure", False)]) is first
    grown = anchors.word_index(doc, [("zzqx", True), ("now", True)])
    assert grown is not first and grown.starts([("now", True)]) == [10] and grown.starts([("cure", False)]) == [4]


def test_a_slow_pattern_still_times_out() -> None:
    pattern = regex.compile(r"(?<!\w)(?:(?:a|aa)+$)(?!\w)")
    found = anchors.first_words([r"(?:a|aa)+$"])
    assert found == [("a", False)]
    with pytest.raises(TimeoutError):
        list(_anchored(pattern, Doc("a" * 60 + "!"), found, 0.2))
