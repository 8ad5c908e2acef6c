"""Sentence splitting: abbreviations, numbers, quotes, blocks and trimming."""

from __future__ import annotations

import pytest

from healthlint.read.document import Block
from healthlint.read import read_source
from healthlint.read.sentences import split_sentences
from healthlint.analyse.context import DocumentAnalysis


def split(text: str, kind: str = "paragraph") -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, [Block(kind, 0, len(text))])]


@pytest.mark.parametrize(
    "text",
    [
        "Brown et al. reported fewer falls in the treated group.",
        "Leafy greens, e.g. kale, contain folate.",
        "Some fats, i.e. omega-3s, are essential.",
        "Dr. Okafor and Prof. Lee ran the trial.",
        "Walking vs. running was compared.",
        "Fig. 3 shows the dose curve.",
        "Each serving has approx. 40 calories.",
        "See No. 5 in the list.",
        "Results are on p. 12 of the report.",
        "J. R. Hartley wrote the review.",
        "The U.S. Food and Drug Administration approved it.",
        "Take 2.5 mg twice daily.",
        "The effect was significant (p < .05) in adults.",
        "He paused... then kept reading.",
    ],
)
def test_one_sentence(text):
    assert split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iron helps. Zinc helps too.", ["Iron helps.", "Zinc helps too."]),
        ("Is it safe? Most studies say yes! Ask first.", ["Is it safe?", "Most studies say yes!", "Ask first."]),
        ("The difference was small (p = 0.003). Bigger trials followed.",
         ["The difference was small (p = 0.003).", "Bigger trials followed."]),
        ("The risk fell, p = 0.003. Bigger trials followed.",
         ["The risk fell, p = 0.003.", "Bigger trials followed."]),
        ('"It works." She said it twice.', ['"It works."', "She said it twice."]),
        ("“It works.” She said it twice.", ["“It works.”", "She said it twice."]),
        ("(This is an aside.) The main point follows.", ["(This is an aside.)", "The main point follows."]),
        ("It faded... The pain came back.", ["It faded...", "The pain came back."]),
        ("It faded… The pain came back.", ["It faded…", "The pain came back."]),
        ("Get enough vitamin D. It matters in winter.", ["Get enough vitamin D.", "It matters in winter."]),
        ("Shots protect against hepatitis B. Ask your nurse.", ["Shots protect against hepatitis B.", "Ask your nurse."]),
        ("Pack snacks, water, etc. Then set off.", ["Pack snacks, water, etc.", "Then set off."]),
        ("They were approved. mRNA vaccines work well.", ["They were approved.", "mRNA vaccines work well."]),
        ("1. Wash your hands. 2. Dry them well.", ["1. Wash your hands.", "2. Dry them well."]),
        ("It lasted 3 days. 40 people recovered.", ["It lasted 3 days.", "40 people recovered."]),
    ],
)
def test_split(text, expected):
    assert split(text) == expected


def test_sentences_are_trimmed_and_indexed():
    text = "  First one.   Second one.  \n"
    sents = split_sentences(text, [Block("paragraph", 0, len(text))])
    assert [(s.start, s.end, s.index) for s in sents] == [(2, 12, 0), (15, 26, 1)]


def test_sentences_never_cross_blocks():
    doc = read_source("It helps\n\nthe body. And more.\n", fmt="text")
    assert [doc.sentence_text(s) for s in doc.sentences] == ["It helps", "the body.", "And more."]
    assert [s.block for s in doc.sentences] == [0, 1, 1]
    assert [s.index for s in doc.sentences] == [0, 1, 2]


def test_heading_is_one_sentence_unless_it_plainly_holds_several():
    assert split("Step 2. Mix", kind="heading") == ["Step 2. Mix"]
    assert split("Vitamin D. Facts", kind="heading") == ["Vitamin D. Facts"]
    assert split("Is coffee bad for you? What the research says", kind="heading") == [
        "Is coffee bad for you?",
        "What the research says",
    ]


def test_empty_and_whitespace_blocks():
    assert split_sentences("", []) == []
    assert split("   ") == []
    assert split("No stop at the end") == ["No stop at the end"]


def test_line_breaks_inside_a_paragraph_do_not_split():
    assert split("Vitamin C\nhelps wound healing.\nIt is cheap.") == [
        "Vitamin C\nhelps wound healing.",
        "It is cheap.",
    ]


def test_document_lookups_after_compaction():
    doc = read_source('He said "It works." Then "stop. Now." Here.\n\n> Quoted one. Another.', fmt="markdown")
    flags = [DocumentAnalysis(doc).is_quoted(s) for s in doc.sentences]
    assert all(type(f) is bool for f in flags)
    assert flags[-2:] == [True, True] and flags[0] is False
    for s in doc.sentences:
        assert doc.sentence_at(s.start) is s and doc.sentence_at(s.end - 1) is s
    assert doc.sentence_at(doc.sentences[0].end) is None  # the space between two sentences


def test_stop_followed_by_the_block_end_or_a_run_of_spaces():
    doc = read_source("One.  \t Two!\n\nThree?", fmt="markdown")
    assert [doc.sentence_text(s) for s in doc.sentences] == ["One.", "Two!", "Three?"]
    assert [s.index for s in doc.sentences] == [0, 1, 2]
    # a whitespace-like control character is not a sentence gap
    doc = read_source("Dr. A said so.\x1cNext one. Last.", fmt="text")
    assert [doc.sentence_text(s) for s in doc.sentences] == ["Dr. A said so.\x1cNext one.", "Last."]


def test_titles_months_and_dotted_names_do_not_end_a_sentence() -> None:
    from healthlint.read import read_source

    def count(text: str) -> int:
        return len(read_source(text, "t.txt", "text").sentences)

    assert count("Gov. Ames signed the order. It starts today.") == 2
    assert count("The trial ends on Feb. 24 this year. Results follow.") == 2
    assert count("Mayor J.B. Rowan spoke. Nobody asked questions.") == 2
    assert count("It was approved in the U.S. The UK followed.") == 2
