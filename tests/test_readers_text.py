"""Plain-text reader: paragraphs, bullets, quotes, headings, directives, front matter."""

from __future__ import annotations

from healthlint.read import read_source


def txt(src: str):
    return read_source(src, "notes.txt", fmt="text")


def shape(doc) -> list[tuple[str, bool, str]]:
    return [(b.kind, b.quoted, doc.block_text(b)) for b in doc.blocks]


def test_paragraphs_bullets_quotes_and_headings():
    doc = txt(
        "Eating for a healthy heart\n\n"
        "Fiber lowers cholesterol. Oats are\na good source.\n\n"
        "Good choices:\n- oats\n* beans that wrap\n  onto a second line\n• lentils\n1. barley\n2) rye\n\n"
        "> Food is medicine.\n> Or so they say.\n\n"
        "What to avoid\n\n"
        "Trans fats raise risk.\n"
    )
    assert shape(doc) == [
        ("heading", False, "Eating for a healthy heart"),
        ("paragraph", False, "Fiber lowers cholesterol. Oats are\na good source."),
        ("paragraph", False, "Good choices:"),
        ("list_item", False, "oats"),
        ("list_item", False, "beans that wrap\nonto a second line"),
        ("list_item", False, "lentils"),
        ("list_item", False, "barley"),
        ("list_item", False, "rye"),
        ("blockquote", True, "Food is medicine.\nOr so they say."),
        ("heading", False, "What to avoid"),
        ("paragraph", False, "Trans fats raise risk."),
    ]
    assert [b.section for b in doc.blocks] == [1] * 9 + [2, 2]


def test_not_headings():
    doc = txt(
        "A single line that ends with a stop.\n\n"
        "one two three four five six seven eight nine ten eleven twelve thirteen\n\n"
        "Short line\nwith a second line\n\n2.5 mg\n"
    )
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "paragraph", "heading"]
    assert doc.block_text(doc.blocks[3]) == "2.5 mg"


def test_underlined_heading():
    doc = txt("Sleep Basics\n============\n\nRest well.\n")
    assert shape(doc) == [("heading", False, "Sleep Basics"), ("paragraph", False, "Rest well.")]
    assert doc.blocks[0].level == 1


def test_directives_are_not_prose():
    doc = txt("healthlint-disable hedging\nCoffee cures cancer.\n  healthlint-enable\n\nhealthlint-disable-next-line\nTea is fine.\n")
    assert "healthlint" not in doc.text
    assert shape(doc) == [("paragraph", False, "Coffee cures cancer."), ("paragraph", False, "Tea is fine.")]


def test_front_matter_in_text_and_crlf():
    doc = txt("---\r\nauthor: Ana\r\n---\r\nLine one here.\r\nLine two here.\r\n")
    assert doc.metadata == {"author": "Ana"}
    assert doc.text == "Line one here.\nLine two here."
    assert "author" not in doc.text


def test_bullet_marker_needs_a_space():
    doc = txt("-5 degrees is cold.\n*not a bullet*\n")
    assert shape(doc) == [("paragraph", False, "-5 degrees is cold.\n*not a bullet*")]


def test_empty_and_blank_input():
    assert txt("").blocks == []
    assert txt("\n \n\t\n").text == ""


def test_bare_urls_are_not_prose():
    src = "More at https://example.org/cure_all.html. Or www.example.org today.\n"
    doc = txt(src)
    assert doc.text == "More at . Or  today."
    i = doc.text.index("today")
    assert doc.source[doc.source_span(i, i + 5)[0] :].startswith("today")
