"""Load only markdown-it-py's block parser, the part the Markdown reader uses.

``import markdown_it`` runs the package's ``__init__``, which imports the whole
library: the inline parser and its rules, the core rules, the renderer and URL
normalisation (``mdurl``, punycode). The reader disables inline parsing, so a
cold run (a pre-commit hook) paid about 10 ms for code it never ran.

:func:`block_parser` registers the package without running its ``__init__``
and imports the block parser alone (:mod:`healthlint.lazypkg`). The ``__init__``
still runs, in full, the first time anything reads an attribute of the package,
so ``from markdown_it import MarkdownIt`` anywhere else in the process works as usual. If markdown-it is imported already, or its
layout is not what this expects, the ordinary ``MarkdownIt`` is used.
Tests check that both give the same block rules, options and tokens.
"""

from __future__ import annotations

from typing import Any

# What MarkdownIt("commonmark") sets (markdown_it/presets/commonmark.py); the block rules read
# "maxNesting" and "html" (and "alerts", "tasklists", "inline_definitions", absent: False).
COMMONMARK_OPTIONS: dict[str, Any] = {
    "maxNesting": 20, "html": True, "linkify": False, "typographer": False, "quotes": "\u201c\u201d\u2018\u2019",
    "xhtmlOut": True, "breaks": False, "langPrefix": "language-", "highlight": None,
}


class BlockOnly:
    """What block rules read from their ``MarkdownIt``: ``block`` (also as ``md["block"]``),
    ``options`` and, for link reference definitions, ``helpers``, ``normalizeLink`` and
    ``validateLink`` (loaded then)."""

    def __init__(self) -> None:
        from markdown_it.parser_block import ParserBlock
        from markdown_it.utils import OptionsDict

        self.block = ParserBlock()  # every block rule enabled: commonmark's and "table"
        self.options = OptionsDict(dict(COMMONMARK_OPTIONS))

    def __getitem__(self, name: str) -> Any:  # MarkdownIt's md["block"]
        if name == "block":
            return self.block
        raise KeyError(name)

    @property
    def helpers(self) -> Any:
        import markdown_it.helpers as helpers  # the submodule, without the package's __init__

        return helpers

    def normalizeLink(self, url: str) -> str:  # noqa: N802 - markdown-it's name
        from markdown_it.common.normalize_url import normalizeLink

        return normalizeLink(url)

    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's name
        from markdown_it.common.normalize_url import validateLink

        return validateLink(url)


def prepare() -> None:
    """Register the ``markdown_it`` package without running its ``__init__`` (if not imported yet).

    Call before importing any ``markdown_it`` submodule; later calls do nothing.
    """
    from ..lazypkg import register

    register("markdown_it")


def block_parser() -> Any:
    """What ``StateBlock`` needs as its ``md``: :class:`BlockOnly`, else (a markdown-it whose layout
    is not what this expects) ``MarkdownIt("commonmark")`` with tables and no inline pass."""
    try:
        return BlockOnly()
    except Exception:  # noqa: BLE001
        return reference_parser()


def reference_parser() -> Any:
    """The parser the reader's behaviour is defined by (CommonMark + tables, no inline)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable("inline")
