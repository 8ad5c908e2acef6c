"""markdown-it-py's block parser loaded alone: same rules and options, the rest still importable."""

from __future__ import annotations

import json
import subprocess
import sys

from markdown_it import MarkdownIt

from healthlint.readers import mdload

CHAINS = ("", "paragraph", "reference", "blockquote", "list")

# In a fresh process: read Markdown, report what was imported, read Markdown with a reference link
# (which needs markdown-it's link helpers), then use the whole library. Printed as JSON: (modules
# loaded after the first read, the second document's prose, rendered HTML).
PROBE = r"""
import json, sys
from healthlint.readers import read_source
read_source("# Title\n\nWalking *may* help [sleep](https://example.org).\n", "x.md", "markdown")
loaded = sorted(m for m in sys.modules if m.startswith("markdown_it"))
doc = read_source("# Title\n\nSee [the trial][t] and *this*.\n\n[t]: https://example.org/t\n", "x.md", "markdown")
from markdown_it import MarkdownIt
html = MarkdownIt().render("Some *emphasis* and a [link](https://example.org).")
print(json.dumps([loaded, doc.text, html]))
"""


def _active(md: object) -> dict[str, list[str]]:
    ruler = md.block.ruler  # type: ignore[attr-defined]
    return {c: [r.name for r in ruler.__rules__ if r.enabled and (c == "" or c in r.alt)] for c in CHAINS}


def test_block_only_has_commonmark_options_and_rules() -> None:
    reference = MarkdownIt("commonmark").enable("table").disable("inline")
    light = mdload.BlockOnly()
    assert dict(light.options) == dict(reference.options)
    assert _active(light) == _active(reference)
    assert light["block"] is light.block


def test_prepare_leaves_an_imported_package_alone() -> None:
    before = sys.modules["markdown_it"]
    mdload.prepare()
    assert sys.modules["markdown_it"] is before


def _probe(pre: str = "") -> list:
    out = subprocess.run([sys.executable, "-c", pre + PROBE], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_a_cold_read_loads_only_the_block_parser_and_the_library_still_works() -> None:
    loaded, text, html = _probe()
    assert "markdown_it.parser_block" in loaded
    for heavy in ("markdown_it.main", "markdown_it.parser_inline", "markdown_it.renderer"):
        assert heavy not in loaded
    assert "the trial" in text and "[t]" not in text  # the reference link was resolved
    assert html == '<p>Some <em>emphasis</em> and a <a href="https://example.org">link</a>.</p>\n'
    # the same document and rendering with markdown-it imported in full first
    _, text_full, html_full = _probe("import markdown_it\n")
    assert (text, html) == (text_full, html_full)
