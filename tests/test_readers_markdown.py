"""Markdown reader: blocks, kinds and flags, and what is not prose."""

from __future__ import annotations

from healthlint.read import format_for, read_source


def md(src: str):
    return read_source(src, "guide.md", fmt="markdown")


def blocks(doc) -> list[tuple[str, str]]:
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


def test_format_for():
    assert format_for("a/b/Guide.MD") == "markdown"
    assert format_for("x.markdown") == "markdown"
    assert format_for("x.htm") == "html" and format_for("x.html") == "html"
    assert format_for("notes.txt") == "text"
    assert format_for("photo.png") is None and format_for("Makefile") is None


def test_block_kinds_levels_and_sections():
    doc = md(
        "# Sleep\n\nAdults need rest.\n\n## Naps\n\n- Short naps help.\n- Long naps do not.\n\n"
        "> Sleep is a pillar of health.\n\n| Age | Hours |\n|-----|-------|\n| 30 | 7 |\n"
    )
    assert blocks(doc) == [
        ("heading", "Sleep"),
        ("paragraph", "Adults need rest."),
        ("heading", "Naps"),
        ("list_item", "Short naps help."),
        ("list_item", "Long naps do not."),
        ("blockquote", "Sleep is a pillar of health."),
        ("table_cell", "Age"),
        ("table_cell", "Hours"),
        ("table_cell", "30"),
        ("table_cell", "7"),
    ]
    assert [b.level for b in doc.blocks[:3]] == [1, 0, 2]
    assert [b.section for b in doc.blocks] == [1, 1, 2, 2, 2, 2, 2, 2, 2, 2]
    assert [b.quoted for b in doc.blocks] == [False] * 5 + [True] + [False] * 4


def test_nested_containers_and_setext_heading():
    doc = md("Intro\n=====\n\n> - quoted item\n>   still item\n\n- item\n\n  > quote in item\n")
    assert [(b.kind, b.quoted, b.level) for b in doc.blocks] == [
        ("heading", False, 1),
        ("list_item", True, 0),
        ("list_item", False, 0),
        ("blockquote", True, 0),
    ]
    assert doc.block_text(doc.blocks[1]) == "quoted item\nstill item"


def test_code_front_matter_and_comments_are_not_prose():
    doc = md(
        "---\ntitle: Iron\ntags: [diet]\n---\n\nIron matters.\n\n```python\nprint('cure')\n```\n\n"
        "    indented code cures\n\n<!-- cures everything -->\n\nDone.\n"
    )
    assert doc.metadata == {"title": "Iron", "tags": ["diet"]}
    assert blocks(doc) == [("paragraph", "Iron matters."), ("paragraph", "Done.")]


def test_toml_front_matter():
    doc = md('+++\ntitle = "Zinc"\n+++\nZinc text.\n')
    assert doc.metadata == {"title": "Zinc"}
    assert doc.text == "Zinc text."


def test_malformed_front_matter_is_a_warning():
    doc = md("---\ntitle: Salt\nsummary: a: b\n---\n\nBody.\n")
    assert doc.metadata == {}
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith("front matter ignored")
    assert "line 3, column 11" in doc.warnings[0]
    assert doc.text == "Body."


def test_unclosed_front_matter_fence_is_a_thematic_break():
    doc = md("---\nJust text.\n")
    assert doc.metadata == {} and doc.text == "Just text."


def test_inline_markup_is_removed():
    doc = md(
        "**Vitamin D** and *zinc* and ~~old~~ and _fish_ oil, see [the NHS page](https://nhs.uk \"NHS\").\n"
        "Run `cure --all` ![chart](c.png) <span class=\"x\">now</span> <https://x.org> or https://example.com/a_b.\n"
        "Use my_snake_case and 2*3 and a * b &amp; &rsquo; &#8217; \\*literal\\* stars.\n"
    )
    assert doc.text == (
        "Vitamin D and zinc and old and fish oil, see the NHS page.\n"
        "Run   now  or .\n"
        "Use my_snake_case and 2*3 and a * b & ’ ’ *literal* stars."
    )


def test_reference_links_keep_text():
    doc = md("See [the review][rev] and [Cochrane] and [not a link].\n\n[rev]: https://x.org\n[cochrane]: https://c.org\n")
    assert doc.text == "See the review and Cochrane and [not a link]."


def test_link_text_with_markup_and_nested_image_badge():
    doc = md("[**Bold** `code` link](u) then [![badge](b.svg)](u) end.\n")
    assert doc.text == "Bold  link then  end."


def test_html_block_text_is_extracted_at_top_level():
    doc = md("<details>\n<summary>More on sodium</summary>\n<script>alert('no')</script>\n</details>\n\nAfter.\n")
    assert blocks(doc) == [("paragraph", "More on sodium"), ("paragraph", "After.")]


def test_hard_breaks_and_line_joins():
    doc = md("Line one  \nline two\\\nline three\n")
    assert doc.text == "Line one\nline two\nline three"


def test_table_with_escaped_pipe_and_code_in_blockquote():
    doc = md("> | Drug | Note |\n> |---|---|\n> | A \\| B | `x` ok |\n")
    assert blocks(doc) == [
        ("table_cell", "Drug"),
        ("table_cell", "Note"),
        ("table_cell", "A | B"),
        ("table_cell", " ok"),
    ]
    assert all(b.quoted for b in doc.blocks)


def test_thematic_break_and_empty_document():
    assert md("").blocks == []
    assert md("***\n\n---\n").text == ""


def test_nul_character_line_is_still_mapped():
    doc = md("Odd\x00char then iron.\n")
    assert doc.warnings == []
    i = doc.text.index("iron")
    assert doc.source[doc.source_span(i, i + 4)[0] :].startswith("iron")


def test_reference_links_defined_later_still_resolve() -> None:
    # an early "[text]" knows the definition further down
    doc = read_source("See [the trial] here.\n\n[the trial]: http://x.org\n", fmt="markdown")
    assert doc.text == "See the trial here."
    doc = read_source("See [the trial] here.\n", fmt="markdown")
    assert doc.text == "See [the trial] here."
