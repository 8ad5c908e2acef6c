"""Helpers give exactly what their plain definitions give."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthlint.analyse.quotes import _ATTRIBUTION, _still_open


def _still_open_by_char(t: str, inside: bool) -> bool:
    balance = inside
    for ch in t:
        if ch in "“„«":
            balance = True
        elif ch in "”»":
            balance = False
        elif ch == '"':
            balance = not balance
    return balance


QUOTE_PIECES = ["“", "„", "«", "”", "»", '"', "a", " said Dr Lee", ", ", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(QUOTE_PIECES), max_size=12), st.booleans())
def test_quotation_state_is_the_character_walk(pieces: list[str], inside: bool) -> None:
    t = "".join(pieces)
    assert _still_open(t, inside) == _still_open_by_char(t, inside)


def _quoted_flags_in_full(doc: Any) -> list[bool]:
    """:func:`healthlint.analyse.quotes.quoted_flags` walking every character of every sentence."""
    from healthlint.analyse.quotes import _OPEN, _introduced_blocks

    flags = [False] * len(doc.sentences)
    introduced = _introduced_blocks(doc)
    open_quote_block = -1
    for s in doc.sentences:
        t = doc.text[s.start : s.end]
        if doc.blocks[s.block].quoted or s.block in introduced:
            flags[s.index] = True
            continue
        inside = open_quote_block == s.block
        opens = t[:1] in _OPEN
        if inside or opens:
            flags[s.index] = True
        open_quote_block = s.block if _still_open_by_char(t, inside) else -1
        if not flags[s.index] and _ATTRIBUTION.search(t) and (opens or t.count('"') + t.count("”") >= 1
                                                               and t.lstrip()[:1] in _OPEN):
            flags[s.index] = True
    return flags


QUOTED_DOC_PIECES = QUOTE_PIECES + [". ", "! ", "\n\n", "\n\n> ", "A study found:", "\n\n- ", "Yes.", " he said.",
                                    "Results:", "“It works,” she said. ", "\"Maybe. ", "Then"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(QUOTED_DOC_PIECES), min_size=1, max_size=40))
def test_quoted_flags_are_those_of_the_character_walk(pieces: list[str]) -> None:
    from healthlint.analyse.quotes import quoted_flags
    from healthlint.read import read_source

    doc = read_source("".join(pieces), "x.md", "markdown")
    assert quoted_flags(doc) == _quoted_flags_in_full(doc)


def test_messages_are_filled_from_templates_split_once() -> None:
    """format_message keeps a template's pieces: the same text as substituting each field."""
    import random

    from healthlint.kinds.base import _FIELD, format_message

    def reference(template: str, values: dict[str, object]) -> str:
        return _FIELD.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)

    assert format_message('"{match}" is {match}', {"match": "cures"}) == '"cures" is cures'
    assert format_message("{unknown} {0.__class__} { match }", {"match": 1}) == "{unknown} {0.__class__} { match }"
    assert format_message("grade {score}", {"score": 9.5}) == "grade 9.5"
    rng = random.Random(5)
    pieces = ["{a}", "{b}", "{zz}", "{", "}", "{{a}}", "x", " ", "é", "{a b}"]
    for _ in range(2000):
        template = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        values = {"a": rng.choice(["1", "{b}", ""]), "b": rng.randint(0, 9)}
        assert format_message(template, values) == reference(template, values), template
