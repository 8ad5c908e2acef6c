"""Inline suppression: disable/enable ranges, next-line, front matter, unknown rules."""

from __future__ import annotations

from conftest import lint_text

CLAIM = "This tea cures insomnia."


def rules_at(findings, rule="overclaim"):  # noqa: ANN001, ANN201
    return sorted(f.line for f in findings if f.rule == rule)


def test_markdown_disable_enable_range() -> None:
    md = (f"{CLAIM}\n\n<!-- healthlint-disable overclaim -->\n\n{CLAIM}\n\n{CLAIM}\n\n"
          f"<!-- healthlint-enable -->\n\n{CLAIM}\n")
    assert rules_at(lint_text(md, ["overclaim"], fmt="markdown", path="a.md")) == [1, 11]


def test_markdown_disable_next_line_only_affects_next_line() -> None:
    md = f"<!-- healthlint-disable-next-line overclaim -->\n{CLAIM}\n\n{CLAIM}\n"
    assert rules_at(lint_text(md, ["overclaim"], fmt="markdown", path="a.md")) == [4]


def test_disable_without_rules_disables_all() -> None:
    md = f"<!-- healthlint-disable -->\n\nStudies show that {CLAIM.lower()}\n"
    assert lint_text(md, ["overclaim", "unattributed-claim"], fmt="markdown", path="a.md") == []


def test_disable_other_rule_keeps_this_one() -> None:
    md = f"<!-- healthlint-disable-next-line commercial-cta -->\n{CLAIM}\n"
    assert rules_at(lint_text(md, ["overclaim"], fmt="markdown", path="a.md")) == [2]


def test_plain_text_directives_on_their_own_line() -> None:
    txt = f"healthlint-disable-next-line overclaim\n{CLAIM}\n\n{CLAIM}\n"
    found = lint_text(txt, ["overclaim"])
    assert rules_at(found) == [4]


def test_html_comment_directive() -> None:
    html = f"<p>{CLAIM}</p>\n<!-- healthlint-disable-next-line overclaim -->\n<p>{CLAIM}</p>\n"
    assert rules_at(lint_text(html, ["overclaim"], fmt="html", path="a.html")) == [1]


def test_front_matter_file_switch() -> None:
    md = f"---\ntitle: x\nhealthlint:\n  disable: [overclaim]\n---\n\n{CLAIM}\n"
    assert lint_text(md, ["overclaim"], fmt="markdown", path="a.md") == []


def test_unknown_rule_in_directive_is_reported() -> None:
    md = f"<!-- healthlint-disable-next-line overclaimm -->\n{CLAIM}\n"
    found = lint_text(md, ["overclaim"], fmt="markdown", path="a.md")
    bad = [f for f in found if f.rule == "invalid-directive"]
    assert len(bad) == 1 and "overclaimm" in bad[0].message and bad[0].line == 1
    assert rules_at(found) == [2]  # the typo silences nothing


def test_unknown_rule_in_front_matter_is_reported() -> None:
    md = f"---\nhealthlint: {{disable: [no-such]}}\n---\n{CLAIM}\n"
    found = lint_text(md, ["overclaim"], fmt="markdown", path="a.md")
    assert any(f.rule == "invalid-directive" and "no-such" in f.message for f in found)


def test_plain_text_directive_lines_work_with_every_line_break() -> None:
    for newline in ("\n", "\r\n", "\r"):
        txt = newline.join(["healthlint-disable-next-line overclaim", CLAIM, "", CLAIM]) + newline
        assert rules_at(lint_text(txt, ["overclaim"], fmt="text", path="a.txt")) == [4], repr(newline)
