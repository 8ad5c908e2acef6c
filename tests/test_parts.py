"""Long Markdown files linted a part at a time give exactly the findings of linting them whole.

Parts are forced small here (``PART_CHARS``) so that every top-level heading is a cut,
which puts each rule that looks beyond its sentence across a cut somewhere.
"""

from __future__ import annotations

from typing import Any

import pytest

from healthlint import parallel, parts
from healthlint.config import Settings
from healthlint.findings import FileResult
from healthlint.linter import ActiveRule, Linter
from healthlint.readers import read_source
from healthlint.readers.markdown import can_read_in_parts, read_markdown_parts
from healthlint.rule import Rule

from conftest import all_rules

MAGNESIUM = "Take 200 mg of magnesium every night to sleep better."
DISCLAIMER = "This article is not medical advice; talk to your doctor first."
MOUSE_STUDY = "Researchers fed 40 mice a diet rich in green tea extract for eight weeks."
COHORT = "A cohort study of 9,000 adults found that tea drinkers were less likely to have strokes."
NEW_STUDY = "A new study found that walking after meals lowers blood sugar."
SOURCE = "The study was published in the journal Diabetes Care."
HARD = ("Epidemiological investigations consistently demonstrate that individuals maintaining substantially "
        "elevated consumption of ultra-processed comestibles experience considerably increased probabilities "
        "of developing cardiometabolic complications")


def _linter(select: list[str] | None = None) -> Linter:
    settings = Settings()
    settings.base.select = select or ["ALL"]
    return Linter(settings, all_rules())


def _rows(result: FileResult) -> list[tuple[Any, ...]]:
    return [(f.rule, f.severity, f.start, f.end, f.line, f.column, f.end_line, f.end_column, f.message,
             [(r.message, r.line, r.column, r.end_line, r.end_column) for r in f.related])
            for f in result.findings]


def _both(text: str, monkeypatch: pytest.MonkeyPatch, part_chars: int = 1, jobs: int = 1,
          select: list[str] | None = None) -> tuple[FileResult, FileResult]:
    linter = _linter(select)
    whole = linter.lint(read_source(text, "doc.md", "markdown"), "doc.md")
    monkeypatch.setattr(parts, "PART_CHARS", part_chars)
    split = parts.lint_in_parts(linter, text, "doc.md", "doc.md", [], jobs)
    assert split is not None
    return whole, split


def _count_parts(text: str, part_chars: int = 1) -> int:
    return read_markdown_parts(text, "doc.md", lambda doc: None, part_chars)[0]


def _sections(*bodies: str) -> str:
    return "".join(f"## Section {i}\n\n{body}\n\n" for i, body in enumerate(bodies))


def _examples_document() -> str:
    """Every rule's examples, each under its own heading, with front matter and directives."""
    bodies = []
    for rule in all_rules().values():
        bodies += [*rule.examples_fire, *rule.examples_pass]
    bodies.insert(3, "<!-- healthlint-disable overclaim -->")
    bodies.insert(12, "<!-- healthlint-enable overclaim -->")
    bodies.insert(20, "- Take 2 capsules a day\n- with food\n\n> Studies show that zinc cures colds.")
    return "---\ntitle: Examples\n---\n\n# Everything at once\n\n" + _sections(*bodies)


@pytest.mark.parametrize("part_chars", [1, 400, 5000])
def test_every_rule_example_gives_the_same_findings_in_parts(monkeypatch: pytest.MonkeyPatch,
                                                            part_chars: int) -> None:
    text = _examples_document()
    assert _count_parts(text, part_chars) > 3
    whole, split = _both(text, monkeypatch, part_chars)
    assert _rows(split) == _rows(whole)
    assert split.notices == whole.notices
    assert len({f.rule for f in whole.findings}) >= 8  # the document exercises most rules


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
@pytest.mark.parametrize("jobs", [2, 3])
def test_parts_shared_among_processes_give_the_same_findings(monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    linted: list[list[int]] = []  # the parts each process linted
    real = parts._finish

    def spy(linter: Linter, path: str, shares: list[Any], notices: list[str]) -> FileResult:
        linted.extend(sorted(sh.results) for sh in shares)
        return real(linter, path, shares, notices)

    monkeypatch.setattr(parts, "_finish", spy)
    text = _examples_document()
    whole, split = _both(text, monkeypatch, 400, jobs)
    assert _rows(split) == _rows(whole)
    assert len(linted) == jobs
    assert sorted(i for share in linted for i in share) == list(range(_count_parts(text, 400)))  # once each


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_a_failing_helper_process_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    real = parallel.forked
    monkeypatch.setattr(parts, "forked", lambda func: real(lambda: os._exit(3)))
    whole, split = _both(_examples_document(), monkeypatch, 400, 2)
    assert _rows(split) == _rows(whole)


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_parts_a_helper_claimed_before_it_died_are_linted_by_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def claim_two_and_die(linter: Any, rel: str, claims: parts.Claims, *rest: Any) -> None:
        claims.want = -1
        claims.keep(1)  # claims the next number
        claims.keep(claims.want + 1)  # and the one after
        os._exit(3)

    monkeypatch.setattr(parts, "_lint_share", claim_two_and_die)
    whole, split = _both(_examples_document(), monkeypatch, 400, 2)
    assert _rows(split) == _rows(whole)


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_parts_whose_numbers_the_pipe_could_not_hold_are_linted_by_the_parent(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Short(parts.Claims):
        def __init__(self, count: int) -> None:
            super().__init__(3)

    monkeypatch.setattr(parts, "Claims", Short)
    text = _examples_document()
    whole, split = _both(text, monkeypatch, 400, 2)
    assert _count_parts(text, 400) > 3
    assert _rows(split) == _rows(whole)


def test_claims_give_each_part_to_exactly_one_process() -> None:
    import copy

    claims = parts.Claims(9)
    a, b = claims, copy.copy(claims)  # two processes' views of one pipe
    owners: dict[int, list[str]] = {}
    for i in range(8):  # both read the file in order; b takes its turn first at every part
        for name, view in (("b", b), ("a", a)):
            if view.keep(i):
                owners.setdefault(i, []).append(name)
    claims.close()
    assert sorted(owners) == list(range(8))
    assert all(len(who) == 1 for who in owners.values())
    assert {w[0] for w in owners.values()} == {"a", "b"}


def test_claims_past_the_queued_numbers_keep_nothing() -> None:
    claims = parts.Claims(2)
    assert [claims.keep(i) for i in range(4)] == [True, True, False, False]
    claims.close()
    many = parts.Claims(1000)  # queued in several writes
    assert all(many.keep(i) for i in range(1000)) and not many.keep(1000)
    many.close()


@pytest.mark.parametrize("with_disclaimer", [False, True])
def test_disclaimer_anywhere_in_the_file_counts(monkeypatch: pytest.MonkeyPatch, with_disclaimer: bool) -> None:
    text = "# Sleep\n\n" + _sections(MAGNESIUM, "Magnesium is a mineral.", "Rest matters.",
                                     DISCLAIMER if with_disclaimer else "Sleep well.")
    whole, split = _both(text, monkeypatch, select=["missing-disclaimer"])
    assert _rows(split) == _rows(whole)
    assert len(whole.findings) == (0 if with_disclaimer else 1)
    if not with_disclaimer:
        assert whole.findings[0].related[0].line == 5  # the advice, in the first part


@pytest.mark.parametrize("human_evidence", [False, True])
def test_headline_is_judged_on_the_evidence_of_every_part(monkeypatch: pytest.MonkeyPatch,
                                                          human_evidence: bool) -> None:
    text = "# Green tea prevents cancer\n\n" + _sections(
        "Green tea is popular.", "It is brewed hot.", MOUSE_STUDY, COHORT if human_evidence else "It is cheap.")
    whole, split = _both(text, monkeypatch, select=["animal-extrapolation"])
    assert _rows(split) == _rows(whole)
    titles = [f for f in whole.findings if "headline" in f.message]
    assert len(titles) == (0 if human_evidence else 1)


@pytest.mark.parametrize("cited", [False, True])
def test_document_scope_condition_sees_every_part(monkeypatch: pytest.MonkeyPatch, cited: bool) -> None:
    text = "# Walking\n\n" + _sections(NEW_STUDY, "Walking is free.", SOURCE if cited else "Shoes help.")
    whole, split = _both(text, monkeypatch, select=["unattributed-claim"])
    assert _rows(split) == _rows(whole)
    assert len(whole.findings) == (0 if cited else 1)


def test_neighbouring_sentence_across_a_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    # The citation is in the heading that starts the next part.
    text = "# Sleep\n\nStudies show that magnesium improves sleep.\n\n## Smith et al. (2019) in JAMA\n\nMore.\n"
    whole, split = _both(text, monkeypatch, select=["unattributed-claim"])
    assert _count_parts(text) == 2
    assert _rows(split) == _rows(whole) == []


def test_readability_counts_add_up_across_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pieces that end a sentence and pieces that do not (list items) fall on both sides of cuts.
    bodies = [f"{HARD}.", f"- {HARD}\n- {HARD}", f"{HARD}", f"{HARD}!", "- short item\n- another"] * 3
    text = "# Hard\n\n" + _sections(*bodies)
    whole, split = _both(text, monkeypatch, select=["readability"])
    assert len(whole.findings) == 1
    assert _rows(split) == _rows(whole)


def test_suppression_directives_span_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# Claims\n\n<!-- healthlint-disable unattributed-claim -->\n\n" + _sections(
        "Studies show that zinc cures colds.", "Research suggests that cold water boosts immunity.",
        "<!-- healthlint-enable unattributed-claim -->", "Studies show that kale improves mood.")
    whole, split = _both(text, monkeypatch, select=["unattributed-claim"])
    assert _rows(split) == _rows(whole)
    assert [f.line for f in whole.findings] == [19]  # only the claim after the enable


def test_reference_definitions_keep_the_file_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# Links\n\nSee [the trial][t].\n\n## More\n\nText.\n\n[t]: https://example.org\n"
    assert not can_read_in_parts(text)
    monkeypatch.setattr(parts, "PART_CHARS", 1)
    assert parts.lint_in_parts(_linter(), text, "doc.md", "doc.md", [], 1) is None


def test_only_markdown_long_files_and_part_safe_rules_are_split() -> None:
    linter = _linter()
    active = linter.active_for("doc.md")
    assert parts.can_split(active, "markdown", parts.PARTS_MIN)
    assert not parts.can_split(active, "markdown", parts.PARTS_MIN - 1)
    assert not parts.can_split(active, "html", parts.PARTS_MIN)
    from healthlint.checks import register
    from healthlint.kinds import compile_rule

    register("test-plugin-check")(lambda doc, params, options: iter(()))  # says nothing about parts
    rule = Rule("plugin", "p", "c", "warning", "m", "", [], "check", {"check": "test-plugin-check"})
    rule.checker = compile_rule(rule, "test")
    plugin = {**active, "plugin": ActiveRule(rule, "warning", {})}
    assert not parts.can_split(plugin, "markdown", parts.PARTS_MIN)  # a check that does not say part_safe


def test_keep_builds_only_the_chosen_parts() -> None:
    text = _examples_document()
    every: dict[int, str] = {}
    read_markdown_parts(text, "doc.md", lambda d: every.setdefault(d.part.index, d.text), 400)
    odd: dict[int, str] = {}
    n, _, _ = read_markdown_parts(text, "doc.md", lambda d: odd.setdefault(d.part.index, d.text), 400,
                               keep=lambda i: i % 2 == 1)
    assert n == len(every) > 3
    assert odd == {i: t for i, t in every.items() if i % 2 == 1}


def test_parts_shrink_towards_the_end_of_the_file() -> None:
    text = "# Notes\n\n" + _sections(*[f"Paragraph {i} about sleep and diet. " * 3 for i in range(400)])
    spans: list[tuple[int, int]] = []  # each part's own source span

    def on_part(doc: Any) -> None:
        spans.append(doc.source_span(doc.part.own_start, doc.part.own_end))

    size = 4000
    read_markdown_parts(text, "doc.md", on_part, size)
    lengths = [hi - lo for lo, hi in spans]
    assert len(lengths) > 8
    assert all(n >= size for n in lengths[:3])  # full size while much is left
    assert all(size // 20 <= n < size for n in lengths[-4:-1])  # a quarter of what is left, at least ~size / 16
    assert lengths[-4:-1] == sorted(lengths[-4:-1], reverse=True)
    assert min(lengths[-4:-1]) < size // 4  # the last parts are short


def test_parts_own_every_block_once() -> None:
    text = _examples_document()
    whole = read_source(text, "doc.md", "markdown")
    own: list[str] = []

    def collect(doc: Any) -> None:
        p = doc.part
        own.extend(doc.block_text(b) for b in doc.blocks if p.owns(b.start))
        assert p.last == (p.index == n_parts - 1)

    n_parts = _count_parts(text, 400)
    read_markdown_parts(text, "doc.md", collect, 400)
    assert own == [whole.block_text(b) for b in whole.blocks]


def test_cli_lints_a_long_file_in_parts(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from healthlint import runner

    from conftest import run_cli

    (tmp_path / "long.md").write_text(_examples_document(), encoding="utf-8")
    args = ["check", "--no-cache", "--select", "ALL", "--format", "json", "long.md"]
    whole = run_cli(args + ["-j", "1"], cwd=tmp_path)
    calls = []
    real = parts.lint_in_parts
    monkeypatch.setattr(parts, "lint_in_parts", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(runner, "PARTS_MIN", 100)
    monkeypatch.setattr(parts, "PARTS_MIN", 100)
    monkeypatch.setattr(parts, "PART_CHARS", 300)
    for jobs in ("1", "2"):
        assert run_cli(args + ["-j", jobs], cwd=tmp_path) == whole
    assert len(calls) == 2


def test_parts_leave_no_cyclic_garbage_and_the_collector_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is paused while parts are linted: each part must be freed by reference
    counting alone (its document and analysis point at each other until the part is dropped)."""
    import gc

    from healthlint.context import DocumentAnalysis
    from healthlint.document import Document, Sentence

    linter = _linter()
    text = _examples_document()
    monkeypatch.setattr(parts, "PART_CHARS", 400)
    parts.lint_in_parts(linter, text, "doc.md", "doc.md", [], 1)  # warm: patterns, tables, lazy imports
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        assert gc.isenabled()
        result = parts.lint_in_parts(linter, text, "doc.md", "doc.md", [], 1)
        assert result is not None and result.findings
        assert gc.isenabled()  # switched back on afterwards
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, (Document, DocumentAnalysis, Sentence))]
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
    assert _count_parts(text, 400) > 3
    assert left == []
