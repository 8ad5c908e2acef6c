"""Predicted cuts: a process that jumps to its part builds exactly the part a whole read builds.

A wrong prediction is never trusted: the part's own parse checks it, and the file is then read whole.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from healthlint import parallel, parts
from healthlint.positions import LineIndex
from healthlint.readers import markdown as md
from healthlint.readers.frontmatter import split_front_matter
from healthlint.readers.markdown import read_markdown_parts
from healthlint.readers.mdblock import parse_blocks
from healthlint.readers.mdcuts import Cuts, headings, predict_cuts

from test_parts import _both, _examples_document, _rows

PIECES = [
    "# Head", "## Head two ##", "### Three", "  # indented head", "#not a head", "Setext", "===", "---",
    "- item", "* item", "1. one", "> quote", "> # quoted head", "    code", "```", "```py", "~~~", "# comment",
    "| a | b |", "|---|---|", "<div>", "</div>", "<!-- c", "-->", "<pre>", "</pre>", "  - sub", "",
    "", "", "Text about sleep. Another sentence here.", "Lazy continuation line", "- a\n\n  b",
    "  ```", "<span>inline</span>", "####### seven",
]


def markdown(rng: random.Random) -> str:
    lines = [rng.choice(PIECES) for _ in range(rng.randint(5, 60))]
    body = rng.choice(["\n", "\n", "\r\n"]).join(lines)
    return rng.choice(["", "---\ntitle: T\n---\n"]) + body


def _snapshot(doc: Any) -> tuple[Any, ...]:
    p = doc.part
    return (p.index, p.own_start, p.own_end, p.last, doc.text, doc.warnings,
            [(b.kind, b.start, b.end, b.level) for b in doc.blocks], [(s.start, s.end) for s in doc.sentences])


def _read(text: str, size: int, keep: Any = lambda i: True, cuts: Cuts | None = None) -> tuple[dict, int, bool]:
    got: dict[int, tuple[Any, ...]] = {}
    ahead = None
    if cuts is not None:
        def ahead(i: int) -> int | None:
            return next((k for k in range(i + 1, cuts.count) if keep(k)), None)
    n, _, exact = read_markdown_parts(text, "doc.md", lambda d: got.setdefault(d.part.index, _snapshot(d)), size,
                                      keep, LineIndex(text), ahead, cuts)
    return got, n, exact


def _cuts(text: str, size: int) -> Cuts | None:
    return predict_cuts(text, LineIndex(text).starts, split_front_matter(text)[1], size)


@pytest.mark.parametrize("size", [1, 400, 3000])
def test_predicted_cuts_are_the_cuts_of_a_whole_read(size: int) -> None:
    text = _examples_document()
    lines = LineIndex(text)
    starts: list[int] = []  # where each part's own source begins: the start of its heading's line

    def on_part(d: Any) -> None:
        at = d.source_span(d.part.own_start, d.part.own_end)[0]
        starts.append(lines.starts[lines.position(at)[0] - 1])

    read_markdown_parts(text, "doc.md", on_part, size)
    cuts = _cuts(text, size)
    assert cuts is not None and cuts.count == len(starts) > 3
    assert cuts.starts[1:] == starts[1:]


@pytest.mark.parametrize("size", [1, 400])
def test_jumping_to_the_chosen_parts_builds_the_same_parts(size: int) -> None:
    text = _examples_document()
    every, n, _ = _read(text, size)
    cuts = _cuts(text, size)
    for keep in (lambda i: i % 2 == 1, lambda i: i % 3 == 2, lambda i: i == n - 1, lambda i: False):
        got, count, exact = _read(text, size, keep, cuts)
        assert exact and count == n
        assert got == {i: s for i, s in every.items() if keep(i)}


@pytest.mark.parametrize("seed", range(80))
def test_random_documents_jump_exactly_or_say_the_prediction_failed(seed: int) -> None:
    rng = random.Random(seed)
    text = markdown(rng)
    size = rng.choice([1, 20, 80])
    every, n, _ = _read(text, size)
    cuts = _cuts(text, size)
    assert cuts is not None
    chosen = {i for i in range(max(n, cuts.count)) if rng.random() < 0.4}
    mine, count, exact = _read(text, size, chosen.__contains__, cuts)  # two processes share the parts
    theirs, _, exact_too = _read(text, size, lambda i: i not in chosen, cuts)
    if exact and exact_too:
        assert count == n
        assert {**mine, **theirs} == every


@pytest.mark.parametrize("seed", range(40))
def test_a_parse_started_at_a_top_level_heading_gives_the_whole_parse_tokens(seed: int) -> None:
    """What a jump relies on: from a top-level block's first line, a fresh parse sees what the whole parse sees."""
    text = markdown(random.Random(seed)).replace("\r\n", "\n")
    groups: list[list[tuple[Any, ...]]] = []
    parse_blocks(text, lambda toks: groups.append([(t.type, t.tag, t.map, t.content, t.markup) for t in toks]))
    for k, group in enumerate(groups):
        if group[0][0] == "heading_open" and k:
            rest: list[list[tuple[Any, ...]]] = []
            parse_blocks(text, lambda toks, rest=rest: rest.append(  # type: ignore[misc]
                [(t.type, t.tag, t.map, t.content, t.markup) for t in toks]), group[0][2][0])
            assert rest == groups[k:], (text, k)


def test_headings_skip_code_html_and_indented_lines() -> None:
    text = ("# One\n\n```sh\n# install\n```\n\n<!--\n# hidden\n-->\n\n<div>\n# in html\n</div>\n\n"
            "<pre>\n\n# still pre\n</pre>\n  # indented\n#nospace\n\n## Two\n~~~\n# tilde code\n~~~~\n# Three\n")
    found = [text[a : text.index("\n", a)] for a in headings(text)]
    assert found == ["# One", "## Two", "# Three"]


@pytest.mark.parametrize("seed", range(60))
def test_the_line_scan_finds_the_marks_at_every_line_start(seed: int) -> None:
    """The scan skips from line break to line break: it sees what a line-by-line (``^``) scan sees,
    from any body start (at a line start or not, the file's first line or another)."""
    import re

    from healthlint.readers import mdcuts

    rng = random.Random(seed)
    text = markdown(rng)
    by_line = re.compile(mdcuts._MARK.join(["^(?:", ")"]), re.M)
    for start in {0, split_front_matter(text)[1], rng.randrange(len(text) + 1), len(text)}:
        want = [(m.start(), m.group()) for m in by_line.finditer(text, start)]
        assert list(mdcuts._marks(text, start)) == want, (text, start)


def test_crlf_is_scanned_and_a_lone_cr_is_not() -> None:
    text = "# A\r\n\r\n" + "Words here. " * 50 + "\r\n\r\n# B\r\n\r\nMore.\r\n"
    cuts = _cuts(text, 100)
    assert cuts is not None and cuts.starts == [0, text.index("# B")]
    assert cuts.jump_lines[1] == 0
    assert _cuts(text.replace("\r\n", "\r"), 100) is None


def test_a_wrong_prediction_is_caught_by_the_part_that_crosses_it() -> None:
    text = _examples_document()
    good = _cuts(text, 400)
    assert good is not None
    moved = Cuts(list(good.starts), list(good.jumps), list(good.jump_lines))
    moved.starts[2] += 1  # a cut one character off
    _, _, exact = _read(text, 400, lambda i: i in (1, 3), moved)
    assert not exact
    bad_jump = Cuts(list(good.starts), list(good.jumps), list(good.jump_lines))
    bad_jump.jumps[3] = good.starts[2] + 1  # not a heading of part 2
    _, _, exact = _read(text, 400, lambda i: i == 2, bad_jump)
    assert not exact
    fewer = Cuts(good.starts[:-1], good.jumps[:-1], good.jump_lines[:-1])  # a real cut left out
    _, _, exact = _read(text, 400, lambda i: i == fewer.count - 1, fewer)
    assert not exact


def test_a_process_with_nothing_more_to_build_stops_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _examples_document()
    cuts = _cuts(text, 400)
    assert cuts is not None and cuts.count > 4
    groups: list[int] = []
    real = md._PartSink.sink
    monkeypatch.setattr(md._PartSink, "sink", lambda self, toks: groups.append(1) or real(self, toks))
    _read(text, 400)
    everything = len(groups)
    groups.clear()
    got, count, exact = _read(text, 400, lambda i: i == 2, cuts)  # jumps to part 2, stops after it
    assert exact and list(got) == [2] and count == cuts.count
    assert len(groups) < everything / 2


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_a_mispredicted_file_is_read_whole_with_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    # A fence indented in a list item looks open to the scan, but the column-0 heading ends the
    # item (and the fence): the scan misses a real heading, and a part's parse notices.
    text = _examples_document().replace("## Section 30\n", "- item\n\n  ```\n## Section 30\n", 1)
    assert 3 < _cuts(text, 400).count < _read(text, 400)[1]  # type: ignore[union-attr]
    reads: list[tuple[bool, bool]] = []  # in this process: (with predicted cuts, cuts held)
    real = parts._Share.run

    def spy(self: Any, source: str, path: str) -> Any:
        out = real(self, source, path)
        reads.append((self.cuts is not None, out.exact))
        return out

    monkeypatch.setattr(parts._Share, "run", spy)
    whole, split = _both(text, monkeypatch, 400, 2)
    assert _rows(split) == _rows(whole)
    assert reads[0][0] and reads[-1][0] is False  # shared with predictions, then read whole here
