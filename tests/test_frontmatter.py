"""YAML front matter: parsed with the safe loader; what cannot be used is a warning."""

from __future__ import annotations

from healthlint.read.frontmatter import split_front_matter

PLAIN = ("---\ntitle: \"Can walking help?\"\nauthor: Kowalski Health Desk\ndate: 2018-12-14\n"
         "tags: [vitamin B12, anaemia]\nurl: https://example.org/a#b\n# a comment\nseries:\n  - one\n"
         "  - 'two'\ndraft: no\n---\nBody.\n")


def test_common_front_matter_is_metadata() -> None:
    meta, start, warnings = split_front_matter(PLAIN)
    assert warnings == [] and PLAIN[start:] == "Body.\n"
    assert meta.get("healthlint") is None and "healthlint" not in meta
    assert meta["author"] == "Kowalski Health Desk"
    assert meta["tags"] == ["vitamin B12", "anaemia"] and meta["series"] == ["one", "two"]
    assert meta["draft"] is False and str(meta["date"]) == "2018-12-14"


def test_front_matter_that_cannot_be_used_is_a_warning() -> None:
    for raw, warned in (("---\nhealthlint: {disable: all}\n---\n", False), ("---\ndate: 2018-02-30\n---\n", True),
                        ("---\n- a list\n---\n", True), ("---\nkey: [unclosed\n---\n", True)):
        _, _, warnings = split_front_matter(raw)
        assert bool(warnings) == warned, raw
