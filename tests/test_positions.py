"""Exact positions: prose offsets map back to the right source line and column."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.read.positions import LineIndex
from healthlint.read import read_path, read_source

_BREAKS = re.compile(r"\r\n|\r|\n")


def where(doc, word: str, nth: int = 0) -> tuple[int, int]:
    """(line, column) in the source of the ``nth`` occurrence of ``word`` in the prose."""
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(word, i + 1)
    start, end = doc.source_span(i, i + len(word))
    return doc.lines.position(start)


def expected(source: str, line: int, word: str) -> tuple[int, int]:
    """Independent answer: the word's column on the given (1-based) line."""
    return line, _BREAKS.split(source)[line - 1].index(word) + 1


def assert_at(doc, word: str, line: int, nth: int = 0) -> None:
    got = where(doc, word, nth)
    assert got == expected(doc.source, line, word)
    text_line = _BREAKS.split(doc.source)[got[0] - 1]
    assert text_line[got[1] - 1 :].startswith(word)


def test_line_index_breaks():
    idx = LineIndex("a\r\nb\rc\nd")
    assert list(idx.starts) == [0, 3, 5, 7]
    assert idx.position(5) == (3, 1) and idx.position(8) == (4, 2)


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_crlf_lone_cr_and_tabs(fmt):
    src = "Title line\r\n\r\nFirst\tline has iron.\r\nSecond line\thas zinc.\rThird line has folate.\n"
    doc = read_source(src, fmt=fmt)
    assert_at(doc, "iron", 3)
    assert_at(doc, "zinc", 4)
    assert_at(doc, "folate", 5)


def test_multibyte_characters_count_as_one_column():
    src = "# Café 😀 guide\n\nThe café serves 绿茶 tea 😀 daily. Ünïcödé words follow.\n"
    doc = read_source(src, fmt="markdown")
    assert_at(doc, "guide", 1)
    assert_at(doc, "绿茶", 3)
    assert_at(doc, "daily", 3)
    assert_at(doc, "follow", 3)
    assert where(doc, "daily") == (3, 26)  # T-h-e-space-c-a-f-é... one column per code point


def test_utf8_bom_columns_start_after_it(tmp_path):
    p = tmp_path / "bom.md"
    p.write_bytes(codecs.BOM_UTF8 + b"Salt raises pressure.\r\nSugar too.\r\n")
    doc = read_path(str(p))
    assert where(doc, "Salt") == (1, 1)
    assert where(doc, "pressure") == (1, 13)
    assert where(doc, "too") == (2, 7)


def test_markdown_inline_markup_inside_a_sentence():
    src = (
        "Intro.\n\n"
        "> Some **bold claim** with [a *linked* word](https://x.org \"t\") and `code` then\n"
        ">   the\ttail &amp; more after_snake \\*escaped\\* text.\n"
    )
    doc = read_source(src, fmt="markdown")
    for word, line in [("bold", 3), ("claim", 3), ("linked", 3), ("word", 3), ("then", 3),
                       ("tail", 4), ("more", 4), ("after_snake", 4), ("text", 4)]:
        assert_at(doc, word, line)
    i = doc.text.index("*escaped*")
    s, e = doc.source_span(i, i + 1)
    assert doc.source[s] == "*" and doc.source[s - 1] == "\\"
    i = doc.text.index("&")
    s, e = doc.source_span(i, i + 1)
    assert doc.source[s:e] == "&amp;"


def test_markdown_lists_tables_and_headings():
    src = "## Heading *word* ##\n\n-\tTabbed item word\n   1. Nested *item*\n\n| a | b |\n|---|---|\n| cell\\|x | **other** |\n"
    doc = read_source(src, fmt="markdown")
    assert_at(doc, "Heading", 1)
    assert_at(doc, "word", 1)
    assert_at(doc, "Tabbed", 3)
    assert_at(doc, "Nested", 4)
    assert_at(doc, "item", 4, nth=1)
    assert_at(doc, "cell", 8)
    assert_at(doc, "other", 8)


def test_html_entities_and_crlf():
    src = "<html>\r\n<body>\r\n<p>Caf&eacute; &amp; tea\rare fine &mdash; <b>mostly</b>.</p>\r\n<p>Next</p>\r\n</body></html>"
    doc = read_source(src, fmt="html")
    assert_at(doc, "Caf", 3)
    assert_at(doc, "tea", 3)
    assert_at(doc, "fine", 4)
    assert_at(doc, "mostly", 4)
    assert_at(doc, "Next", 5)
    i = doc.text.index("é")
    s, e = doc.source_span(i, i + 1)
    assert doc.source[s:e] == "&eacute;"
    assert doc.lines.position(s) == (3, 7)


def test_front_matter_does_not_shift_positions():
    src = "---\ntitle: Iron\n---\n\nIron is *needed*.\n"
    doc = read_source(src, fmt="markdown")
    assert_at(doc, "needed", 5)


_PIECES = st.sampled_from(
    ["word", "é", "😀", " ", "\t", "\n", "\r\n", "\n\n", "*", "**", "_", "`", "[", "]", "(", ")", "<b>", "</b>",
     "&amp;", "&#233;", "> ", "- ", "1. ", "| ", "#", "\\", "!", "https://x.org", ".", "<!--", "-->"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.sampled_from(["markdown", "html", "text"]))
def test_every_letter_maps_to_itself(pieces, fmt):
    doc = read_source("".join(pieces), fmt=fmt)
    for i, ch in enumerate(doc.text):
        s, e = doc.source_span(i, i + 1)
        if ch.isalpha() and doc.source[s] != "&":
            assert doc.source[s] == ch
    for sent in doc.sentences:
        assert doc.text[sent.start : sent.end].strip() == doc.text[sent.start : sent.end] != ""


@pytest.mark.parametrize("text", ["", "a", "a\n", "\n", "\n\n", "a\nb", "a\n\nb\n", "x\r\ny\rz\n", "é\n😀\nz"])
def test_line_starts_match_every_break(text):
    import regex

    from healthlint.read.positions import line_starts

    want = [0] + [m.end() for m in regex.finditer(r"\r\n|\r|\n", text)]
    assert list(line_starts(text)) == want
    assert LineIndex(text).line_count == len(want)
