"""The fast block pass gives markdown-it's own tokens; streaming and the inline prefilter change nothing."""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from healthlint.read import read_source
from healthlint.read.mdblock import LightToken, block_tokens, parse_blocks, reference_parser

FIELDS = [f.name for f in dataclasses.fields(Token)]
REFERENCE = reference_parser()

PIECES = [
    "# Head", "## Head two ##", "Setext", "===", "---", "***", "- item", "* item", "+ item", "1. one",
    "2) two", "10. ten", "> quote", "> > nested", ">", "    code", "\tcode", "```", "```py", "~~~",
    "| a | b |", "|---|:-:|", "a | b", "--- | ---", "[ref]: http://x.org 'T'", "[ref]", "<div>",
    "</div>", "<!-- c -->", "<p>para</p>", "<script>", "</script>", "  - sub", "   - deep", "",
    "", "Text with *emph*, `code` and [link](http://a.b).", "Lazy continuation line", "  indented two",
    "Nul\0char", "* * *", "1.", "-", "#", "#5 not heading", "| x |", "x|y", "- > quote in list",
    "> - list in quote", "> | t | t |", "> |---|---|", "- a\n\n  b", "<table>", "  > 1. x", "-\tx",
]


def markdown(rng: random.Random) -> str:
    lines = [rng.choice(PIECES) for _ in range(rng.randint(1, 30))]
    return rng.choice(["\n", "\n", "\r\n", "\r"]).join(lines)


def fields(tokens: list[Token]) -> list[list[object]]:
    return [[getattr(t, f) for f in FIELDS] for t in tokens]


def assert_same_tokens(src: str) -> None:
    env: dict = {}
    want = REFERENCE.parse(src, env)
    got, got_env = block_tokens(src)
    assert fields(got) == fields(want), repr(src)
    assert got_env == env


@pytest.mark.parametrize("seed", range(40))
def test_same_tokens_as_markdown_it(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(10):
        assert_same_tokens(markdown(rng))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#>-*+_=|:`~[]<!\n\t 1.)aZ\\")), max_size=80))
def test_same_tokens_on_any_text(src: str) -> None:
    assert_same_tokens(src)


def test_setext_lazy_lines_and_interrupting_lists() -> None:
    # lheading is skipped for most paragraphs; lists may or may not interrupt them
    for src in ("- a\nb\n- c", "> a\n> b\n-", "- a\n  ---\n- b", "1. a\n2. b\nc\n3. d", "a\n---\nb\n==="):
        assert_same_tokens(src)


def test_tokens_arrive_one_top_level_block_at_a_time() -> None:
    batches: list[list[str]] = []
    parse_blocks("# T\n\npara\n\n- a\n- b\n\n> q", lambda toks: batches.append([t.type for t in toks]))
    assert batches[0] == ["heading_open", "inline", "heading_close"]
    assert batches[1] == ["paragraph_open", "inline", "paragraph_close"]
    assert batches[2][0] == "bullet_list_open" and batches[2][-1] == "bullet_list_close"
    assert batches[3][0] == "blockquote_open" and len(batches) == 4


def test_light_token_defaults_are_per_token() -> None:
    a, b = LightToken.__new__(LightToken), LightToken.__new__(LightToken)
    a.attrSet("class", "x")
    assert a.attrs == {"class": "x"} and b.attrs == {}
    assert (b.map, b.content, b.hidden, b.children) == (None, "", False, None)
    with pytest.raises(AttributeError):
        b.no_such_field  # noqa: B018


def test_reference_links_defined_later_still_resolve() -> None:
    # "]:" in the body: all tokens are read first, so an early "[text]" knows the later definition
    doc = read_source("See [the trial] here.\n\n[the trial]: http://x.org\n", fmt="markdown")
    assert doc.text == "See the trial here."
    doc = read_source("See [the trial] here.\n", fmt="markdown")
    assert doc.text == "See [the trial] here."


def test_streamed_and_collected_reads_agree() -> None:
    rng = random.Random(7)
    for _ in range(30):
        src = markdown(rng).replace("[ref]:", "ref:")
        assert "]:" not in src
        with_def = src + "\n\n[zz-unused]: /u\n"  # forces the collect-first path
        a, b = read_source(src, fmt="markdown"), read_source(with_def, fmt="markdown")
        assert b.text[: len(a.text)] == a.text
        assert [(x.kind, x.start, x.end) for x in b.blocks[: len(a.blocks)]] == [
            (x.kind, x.start, x.end) for x in a.blocks
        ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\u00a0\u3000ab#-")), max_size=60))
def test_line_marks_are_markdown_its(src: str) -> None:
    """The parser state's line arrays, computed a line at a time, are StateBlock's own."""
    from markdown_it.rules_block.state_block import StateBlock

    from healthlint.read.mdblock import _MD, _State

    want, got = StateBlock(src, REFERENCE, {}, []), _State(src, _MD, {}, [])
    for name in ("bMarks", "eMarks", "tShift", "sCount", "bsCount", "lineMax", "src", "line", "blkIndent",
                 "parentType", "level", "tight", "ddIndent", "listIndent", "_code_enabled"):
        assert getattr(got, name) == getattr(want, name), name
