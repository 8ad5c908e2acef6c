"""HTML reader: blocks and flags, skipped elements, entities, broken markup."""

from __future__ import annotations

from healthlint.read import read_source

PAGE = """<!DOCTYPE html>
<html>
<head>
  <title>Salt &amp; blood pressure</title>
  <meta name="description" content="Salt is deadly">
  <style>p { color: red }</style>
  <script>var claim = "<p>cures all</p>";</script>
</head>
<body>
  <header><p>Site banner</p></header>
  <nav><a href="/">Home</a></nav>
  <h2>How   much salt?</h2>
  <p>Most adults eat <b>too much</b> salt.
     Cutting back <a href="https://x.org">lowers</a> pressure.</p>
  <ul><li>Read labels<li>Cook at home</ul>
  <blockquote><p>Less is more.</p></blockquote>
  <table><tr><th>Food<th>Salt</tr><tr><td>Bread<td>High</tr></table>
  <dl><dt>Sodium</dt><dd>Part of salt.</dd></dl>
  <figure><img src="a.png" alt="A chart"><figcaption>Intake by age.</figcaption></figure>
  <!-- a comment that cures -->
  <pre>code cures</pre><p>Run <code>cure()</code> now.</p>
  <template><p>hidden template</p></template><noscript>enable JS</noscript>
  <div>Loose div text<section>Section text</section></div>
  <aside>Related links</aside>
  <footer>Copyright</footer>
</body>
</html>
"""


def test_blocks_kinds_and_flags():
    doc = read_source(PAGE, "page.html", fmt="html")
    got = [(b.kind, b.level, b.quoted, b.body, doc.block_text(b)) for b in doc.blocks]
    assert got == [
        ("heading", 1, False, True, "Salt & blood pressure"),
        ("paragraph", 0, False, False, "Site banner"),
        ("paragraph", 0, False, False, "Home"),
        ("heading", 2, False, True, "How much salt?"),
        ("paragraph", 0, False, True, "Most adults eat too much salt. Cutting back lowers pressure."),
        ("list_item", 0, False, True, "Read labels"),
        ("list_item", 0, False, True, "Cook at home"),
        ("blockquote", 0, True, True, "Less is more."),
        ("table_cell", 0, False, True, "Food"),
        ("table_cell", 0, False, True, "Salt"),
        ("table_cell", 0, False, True, "Bread"),
        ("table_cell", 0, False, True, "High"),
        ("paragraph", 0, False, True, "Sodium"),
        ("paragraph", 0, False, True, "Part of salt."),
        ("paragraph", 0, False, True, "Intake by age."),
        ("paragraph", 0, False, True, "Run now."),
        ("paragraph", 0, False, True, "Loose div text"),
        ("paragraph", 0, False, True, "Section text"),
        ("paragraph", 0, False, False, "Related links"),
        ("paragraph", 0, False, False, "Copyright"),
    ]
    for word in ("cures", "deadly", "color", "hidden", "enable", "chart", "description"):
        assert word not in doc.text
    assert [b.section for b in doc.blocks[:4]] == [1, 1, 1, 2]


def test_br_splits_lines_and_entities_are_decoded():
    src = "<p>One&nbsp;two &rsquo;three&#8217; &#x2014; four<br>five &bogus; six</p>"
    doc = read_source(src, fmt="html")
    assert doc.text == "One\xa0two ’three’ — four\nfive &bogus; six"
    i = doc.text.index("—")
    at = src.index("&#x2014;")
    assert doc.source_span(i, i + 1) == (at, at + len("&#x2014;"))


def test_broken_html_does_not_crash():
    for src in (
        "<p>unclosed <b>bold <i>italic</p></div></span> tail",
        "<<<>>> </p> <p <p> & &# &#x; <!-- never closed",
        "<script>no end",
        "</html><html><body>text after junk",
        "<table><td>cell<tr><td>next</table",
        "",
    ):
        doc = read_source(src, fmt="html")
        assert "script" not in doc.text
        for i, ch in enumerate(doc.text):
            if ch.isalpha():
                assert doc.source[doc.source_span(i, i + 1)[0]] == ch
    doc = read_source("<p>unclosed <b>bold <i>italic</p></div></span> tail", fmt="html")
    assert [doc.block_text(b) for b in doc.blocks] == ["unclosed bold italic", "tail"]


def test_implied_end_tags():
    doc = read_source("<p>First<p>Second<ul><li>a<li>b</ul><dl><dt>t<dd>d</dl>", fmt="html")
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("paragraph", "First"),
        ("paragraph", "Second"),
        ("list_item", "a"),
        ("list_item", "b"),
        ("paragraph", "t"),
        ("paragraph", "d"),
    ]


def test_inline_elements_do_not_split_words():
    doc = read_source("<p>Omega<em>-3</em> fats and <span>vitamin</span>&nbsp;E.</p>", fmt="html")
    assert doc.text == "Omega-3 fats and vitamin\xa0E."


def test_bare_urls_in_text_are_dropped():
    doc = read_source('<p>See <a href="https://x.org">https://x.org/cures</a> or www.x.org/a. Done.</p>', fmt="html")
    assert doc.text == "See or . Done."
