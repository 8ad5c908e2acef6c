"""Front matter of a plain shape is parsed only when needed, and then exactly as PyYAML would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.errors import HealthlintError
from healthlint.read.frontmatter import LazyYaml, plain_mapping, split_front_matter
from healthlint.read.yamlsafe import load_yaml

PLAIN = ("---\ntitle: \"Can walking help?\"\nauthor: Kowalski Health Desk\ndate: 2018-12-14\n"
         "tags: [vitamin B12, anaemia]\nurl: https://example.org/a#b\n# a comment\nseries:\n  - one\n"
         "  - 'two'\ndraft: no\n---\nBody.\n")

# Pieces of YAML, harmless and hostile, for lines to be made of.
KEYS = ["title", "date", "tags", "yes", "null", "healthlint", "a-b", "_x", "k" * 1100, "1x", "-k", "k k"]
VALUES = ["", "plain words", "2018-12-14", "2018-02-30", "2019-13-01", "2020-02-29", "2021-02-29", "3-4 days",
          "12:30", "0x1F", "1e5", ".inf", "=", "<<", "~", "a: b", "a:", "a #c", "a#c", "x:y", "[a, b]", "[]",
          "[a, [b]]", "[\"q\", w]", "[yes, 1]", "[a: b]", "\"q\"", "\"q\\n\"", "'it''s'", "'x'", "&anchor a",
          "*alias", "!!python/name:os.system", "|", ">", "{a: 1}", "@x", "`x`", "%x", "- x", "? x", "é", "²",
          "a\tb", "a\x85b", "a\u2028b", "a\ufeffb", "a\x00b", "ok # comment", "'unterminated", "\"x"]
LINES = st.one_of(
    st.builds(lambda k, v: f"{k}: {v}" if v else f"{k}:", st.sampled_from(KEYS), st.sampled_from(VALUES)),
    st.builds(lambda i, v: f"{' ' * i}- {v}", st.integers(0, 4), st.sampled_from(VALUES)),
    st.sampled_from(["", "   ", "# note", "  # indented note", "key: value\r", "\r", "  nested: x", "\t- x"]),
)


def _parse(raw: str) -> dict | None:
    try:
        data = load_yaml(raw, "front matter")
    except HealthlintError:
        return None
    return {} if data is None else data if isinstance(data, dict) else None


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, max_size=8))
def test_accepted_front_matter_always_parses_to_a_mapping(lines: list[str]) -> None:
    raw = "\n" + "\n".join(lines) + "\n"
    if plain_mapping(raw):
        eager = _parse(raw)
        assert eager is not None, raw
        lazy = LazyYaml(raw)
        for key in [*KEYS, "absent", "healthlint", "title"]:
            assert lazy.get(key) == eager.get(key)
        assert dict(lazy) == eager


def test_common_front_matter_is_accepted_and_not_parsed_until_used() -> None:
    meta, start, warnings = split_front_matter(PLAIN)
    assert isinstance(meta, LazyYaml) and warnings == [] and PLAIN[start:] == "Body.\n"
    assert meta.get("healthlint") is None and "healthlint" not in meta and meta._data is None
    assert meta["author"] == "Kowalski Health Desk" and meta._data is not None
    assert meta["tags"] == ["vitamin B12", "anaemia"] and meta["series"] == ["one", "two"]
    assert meta["draft"] is False and str(meta["date"]) == "2018-12-14"


def test_other_shapes_are_parsed_at_once_with_their_warnings() -> None:
    for raw, warned in (("---\nhealthlint: {disable: all}\n---\n", False), ("---\ndate: 2018-02-30\n---\n", True),
                        ("---\n- a list\n---\n", True), ("---\nkey: [unclosed\n---\n", True)):
        assert not plain_mapping(raw[3:raw.rindex("---")])
        meta, _, warnings = split_front_matter(raw)
        assert not isinstance(meta, LazyYaml) and bool(warnings) == warned, raw
