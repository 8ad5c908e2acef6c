"""The head words of pattern_heads: every match of a pattern the analysis or a check tries only where one of
its kind's head words was found holds such a word, so gating by the one lexicon pass loses no match. Checked on
our own articles and on sentences written to hit each pattern, odd spacing and case included."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.analyse.article import analyse
from healthlint.analyse.frames import _DUE_TO, _MAKES_LIKELY
from healthlint.analyse.terms import normalise
from healthlint.checks.overclaim import _STRUCTURED
from healthlint.checks.unattributed import _NEEDS_HEAD, _TRIGGERS
from healthlint.read import read_path, read_source

ARTICLES = Path(__file__).parent / "articles"
SENTENCES = [
    "Screen time makes teenage depression far MORE likely.", "Smoking puts your  heart at risk.",
    "Sugar is partly to blame for the rise in diabetes.", "Most of these deaths were due to heart failure.",
    "The tea flushes out all known toxins.", "This cream is completely safe.", "It never causes side effects.",
    "It totally eliminates acne.", "It cures eczema for good.", "It works better than drugs.",
    "It is safe for everyone.", "It instantly relieves pain.", "It will heal your skin in 3 days.",
    "The best natural remedy for colds.", "Kale is a true superfood.", "Life-changing results in a week.",
    "The most powerful healing herbs on earth.", "The #1 detox tea for bloating.", "Rates fell, due in part to vaccines.",
    "Turmeric completely cures arthritis for good.", "It is safer than prescription drugs.", "Heal your gut in 3 days.",
    "It works for everyone.", "All toxins are flushed out.", "A new study found that nuts help.",
    "It is well known that salt raises blood pressure.", "Vitamin C has been shown to shorten colds.",
    "There is growing evidence that sleep matters.", "In a large study of 2,000 adults, walking helped.",
    "A recent meta-analysis shows that fish oil helps.", "Science says coffee is fine.",
]
PATTERNS = [("makes_likely", _MAKES_LIKELY, True), ("due_to", _DUE_TO, True)] + [(k, rx, False) for k, rx in _STRUCTURED] + [
    (k, rx, True) for k, rx in _TRIGGERS if k in _NEEDS_HEAD]


def _sentences():
    for text in SENTENCES:
        a = analyse(read_source(text, "t.txt", "text"))
        yield from ((a.text_of(s.index), s) for s in a.sentences)
    for path in sorted(ARTICLES.rglob("*")):
        if path.suffix in (".md", ".txt", ".html"):
            a = analyse(read_path(str(path)))
            yield from ((a.text_of(s.index), s) for s in a.sentences)


def test_every_match_holds_a_head_word_of_its_kind() -> None:
    matched = set()
    for text, s in _sentences():
        heads = {t.kind for t in s.terms if t.lexicon == "pattern_heads"}
        for kind, rx, lower in PATTERNS:
            if rx.search(normalise(text) if lower else text):
                matched.add(kind)
                assert kind in heads, (kind, text)
    assert matched == {k for k, _, _ in PATTERNS}  # every pattern was exercised


@pytest.mark.parametrize("text, kind", [("Nothing here makes sense to anyone.", "makes_likely"),
                                        ("The due date is near.", "due_to"), ("It is all fine.", "universal")])
def test_a_head_word_alone_is_not_a_match(text: str, kind: str) -> None:
    s = analyse(read_source(text, "t.txt", "text")).sentences[0]
    assert kind in {t.kind for t in s.terms if t.lexicon == "pattern_heads"}
    assert s.frame is None or s.frame.predicate_text.lower().split()[0] not in ("makes", "due")
