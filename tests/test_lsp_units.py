"""The language server's parts without a client: position conversion, safe fixes and
suppression edits (applied, then the text linted again), the engine's configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.run.server.engine import Engine, document_format
from healthlint.run.server.fixes import apply, disable_fix, safe_fix
from healthlint.run.server.positions import TextLines


# --- positions ---------------------------------------------------------------------------

def test_utf16_columns_count_an_emoji_as_two_units() -> None:
    text = "# Sleep 😴\n😴😴 Studies show it.\n"
    lines = TextLines(text)
    # healthlint: line 2, column 4 ("Studies"); LSP: line 1, character 5 (two surrogate pairs and a space)
    assert lines.to_lsp(lines.offset(2, 4)) == (1, 5)
    assert lines.lsp_range(2, 4, 2, 16) == ((1, 5), (1, 17))
    assert lines.from_lsp(1, 5) == text.index("Studies")
    assert lines.from_lsp(1, 1) == text.index("😴😴")  # inside a surrogate pair: the character's start
    assert lines.from_lsp(1, 999) == text.index(" it.") + len(" it.")  # past the end: the line's end


@pytest.mark.parametrize("encoding, expected", [("utf-16", 5), ("utf-8", 9), ("utf-32", 3)])
def test_the_negotiated_encoding_decides_the_units(encoding: str, expected: int) -> None:
    lines = TextLines("😴😴 Studies", encoding)
    assert lines.to_lsp(3) == (0, expected)
    assert lines.from_lsp(0, expected) == 3


def test_crlf_and_lone_cr_end_lines_as_in_healthlint() -> None:
    text = "one\r\ntwo 😴 three\rfour\n"
    lines = TextLines(text)
    assert lines.line_count == 4
    assert lines.line_text(1) == "two 😴 three"
    assert lines.line_break(0) == "\r\n" and lines.line_break(1) == "\r"
    assert lines.to_lsp(text.index("three")) == (1, 7)
    assert lines.to_lsp(text.index("four")) == (2, 0)
    # an offset on the line break itself is the end of the line, never past it
    assert lines.to_lsp(text.index("\r\n") + 1) == (0, 3)


# --- safe fixes --------------------------------------------------------------------------

def _finding(rule: str, text: str, needle: str) -> object:
    from healthlint.report.findings import Finding

    lines = TextLines(text)
    lo = text.index(needle)
    (l1, c1), (l2, c2) = lines.to_lsp(lo), lines.to_lsp(lo + len(needle))
    return Finding(rule, "error", "", lo, lo + len(needle), "x", l1 + 1, TextLines(text, "utf-32").to_lsp(lo)[1] + 1,
                   l2 + 1, TextLines(text, "utf-32").to_lsp(lo + len(needle))[1] + 1)


def test_mangled_equals_is_fixed_from_the_findings_own_span(tmp_path: Path) -> None:
    text = "😴 Sleep quality was linked to screen time (r ¼ 0.41).\n"
    out = Engine().lint(text, str(tmp_path / "a.md"), "markdown")
    [f] = [f for f in out.findings if f.rule == "stat-inconsistency"]
    fix = safe_fix(text, TextLines(text), f)
    assert fix is not None and fix.preferred
    assert fix.title == "Replace '¼' with '=' (r ¼ 0.41 → r = 0.41)"
    fixed = apply(text, fix.edits)
    assert fixed == text.replace("¼", "=")
    assert not [f for f in Engine().lint(fixed, str(tmp_path / "a.md"), "markdown").findings
                if f.rule == "stat-inconsistency"]


def test_plus_minus_mojibake_is_fixed_and_other_problems_are_not(tmp_path: Path) -> None:
    text = "Weight fell by 2.1 kg Â± 0.4 kg over the trial.\n\nThe difference was significant (p = 0.21).\n"
    out = Engine().lint(text, str(tmp_path / "a.md"), "markdown")
    fixes = {f.line: safe_fix(text, TextLines(text), f) for f in out.findings if f.rule == "stat-inconsistency"}
    assert set(fixes) == {1, 3}
    assert apply(text, fixes[1].edits) == text.replace("Â±", "±")
    assert fixes[3] is None  # "significant" with p = 0.21 needs the writer's judgement


def test_no_fix_when_the_flagged_text_is_not_exactly_the_damage() -> None:
    text = "Sleep (r ¼ 0.41).\n"
    f = _finding("stat-inconsistency", text, "(r ¼ 0")
    assert safe_fix(text, TextLines(text), f) is None
    assert safe_fix(text, TextLines(text), _finding("overclaim", text, "r ¼ 0")) is None


# --- suppression edits --------------------------------------------------------------------

def _lint(text: str, path: Path, language: str) -> list:
    return Engine().lint(text, str(path), language).findings


@pytest.mark.parametrize("name, language, newline", [
    ("a.md", "markdown", "\n"), ("a.md", "markdown", "\r\n"), ("a.html", "html", "\n"),
    ("a.txt", "plaintext", "\n"), ("a.txt", "plaintext", "\r\n"),
])
def test_disable_next_line_suppresses_only_that_finding(tmp_path: Path, name: str, language: str,
                                                        newline: str) -> None:
    body = ["Magnesium is the most important mineral for relaxation.", "",
            "Zinc is the most important mineral for skin."]
    if language == "html":
        body = ["<html><body>", "<p>" + body[0] + "</p>", "<p>" + body[2] + "</p>", "</body></html>"]
    text = newline.join(body) + newline
    path = tmp_path / name
    before = [f for f in _lint(text, path, language) if f.rule == "overclaim"]
    assert len(before) == 2
    lines = TextLines(text)
    fix = disable_fix(text, lines, document_format(name, language), before[1])
    fixed = apply(text, fix.edits)
    after = [f for f in _lint(fixed, path, language) if f.rule == "overclaim"]
    assert [(f.line, f.column) for f in after] == [(before[0].line, before[0].column)]
    directive = ("healthlint-disable-next-line overclaim" if language == "plaintext"
                 else "<!-- healthlint-disable-next-line overclaim -->")
    assert (directive + newline) in fixed
    assert "\r\n" not in fixed or "\n" not in fixed.replace("\r\n", "")  # one kind of line break


def test_a_second_rule_joins_the_directive_above(tmp_path: Path) -> None:
    text = ("<!-- healthlint-disable-next-line overclaim -->\n"
            "Studies show that magnesium is the most important mineral for relaxation.\n")
    path = tmp_path / "a.md"
    [f] = _lint(text, path, "markdown")
    assert f.rule == "unattributed-claim"
    fix = disable_fix(text, TextLines(text), "markdown", f)
    fixed = apply(text, fix.edits)
    assert fixed.splitlines()[0] == "<!-- healthlint-disable-next-line overclaim, unattributed-claim -->"
    assert _lint(fixed, path, "markdown") == []


def test_the_indentation_and_quote_markers_of_the_line_are_kept(tmp_path: Path) -> None:
    text = "Intro line.\n\n> Quoted line.\n> Magnesium is the most important mineral.\n"
    path = tmp_path / "a.md"
    f = _finding("overclaim", text, "the most important")
    fixed = apply(text, disable_fix(text, TextLines(text), "markdown", f).edits)
    assert "> <!-- healthlint-disable-next-line overclaim -->\n> Magnesium" in fixed


@pytest.mark.parametrize("text, expected_start", [
    ("---\ntitle: Sleep\n---\n\nTake 300 mg of magnesium every night.\n",
     "---\ntitle: Sleep\nhealthlint: {disable: [missing-disclaimer]}\n---\n"),
    ("# Sleep\n\nTake 300 mg of magnesium every night.\n",
     "<!-- healthlint-disable missing-disclaimer -->\n# Sleep\n"),
])
def test_whole_document_findings_are_disabled_for_the_file(tmp_path: Path, text: str, expected_start: str) -> None:
    path = tmp_path / "a.md"
    [f] = [f for f in _lint(text, path, "markdown") if f.rule == "missing-disclaimer"]
    fix = disable_fix(text, TextLines(text), "markdown", f, document_level=True)
    fixed = apply(text, fix.edits)
    assert fixed.startswith(expected_start)
    assert not [f for f in _lint(fixed, path, "markdown") if f.rule == "missing-disclaimer"]


def test_no_file_directive_when_front_matter_already_configures_healthlint() -> None:
    text = "---\nhealthlint: {disable: [overclaim]}\n---\nTake 300 mg.\n"
    f = _finding("missing-disclaimer", text, "---")
    assert disable_fix(text, TextLines(text), "markdown", f, document_level=True) is None


# --- engine -------------------------------------------------------------------------------

def test_engine_uses_the_configuration_of_the_documents_folder(tmp_path: Path) -> None:
    text = "Magnesium is the most important mineral for relaxation.\n"
    strict = tmp_path / "strict"
    strict.mkdir()
    (strict / ".healthlint.yaml").write_text("severity: {overclaim: error}\nexclude: ['drafts/**']\n")
    (strict / "drafts").mkdir()
    plain = tmp_path / "plain"
    plain.mkdir()
    engine = Engine()
    assert [f.severity for f in engine.lint(text, str(strict / "a.md"), "markdown").findings] == ["error"]
    assert [f.severity for f in engine.lint(text, str(plain / "a.md"), "markdown").findings] == ["warning"]
    excluded = engine.lint(text, str(strict / "drafts" / "a.md"), "markdown")
    assert excluded.excluded and excluded.findings == []
    # an edited config is read again
    (strict / ".healthlint.yaml").write_text("ignore: [overclaim]\n# longer, so the size changes too\n")
    assert engine.lint(text, str(strict / "a.md"), "markdown").findings == []
    (strict / ".healthlint.yaml").write_text("select: [no-such-rule]\n")
    broken = engine.lint(text, str(strict / "a.md"), "markdown")
    assert broken.error and "no-such-rule" in broken.error


def test_engine_reads_only_the_documents_it_knows() -> None:
    assert document_format("a.py", "python") is None
    assert document_format("notes", "plaintext") == "text"
    assert document_format("a.htm", None) == "html"
    assert Engine().lint("Studies show X.", "/tmp/a.py", "python").findings == []
