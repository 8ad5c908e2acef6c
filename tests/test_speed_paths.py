"""Fast paths give exactly what the general code they replace gives."""

from __future__ import annotations

from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthlint.checks import statistics
from healthlint.kinds import anchors
from healthlint.kinds.base import build_pattern, time_limit
from healthlint.kinds.existence import _anchored
from healthlint.quotes import _ATTRIBUTION, _still_open
from healthlint.records import replace


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
    if _ATTRIBUTION.search(t):  # the cheap gate before the attribution search
        assert '"' in t or "”" in t


STAT_PIECES = ["p", "P", "r", "rho", "ρ", "=", "¼", "<", ">", "≤", "≥", "<=", "0.03", "0.5", ".07", "1.4", "-0.4",
               "−0.2", "0·05", "120", "95", "%", " percent", " CI ", "confidence interval", "OR", "HR 0.8", "to", ",",
               "of participants", " of users", "significant", "significantly", "not significant", "p-value of",
               "correlation coefficient of", "negative correlation", "positively associated", "Â±", "Â·", "â€“",
               "âˆ’", "Ã—", "Ϫ", "Ͻ", "\\", "â€", "Ã©", "æ", "ã", "3 Æ 4", "n ¼ 5", " ", " ", "(", ")", "x", ";"]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(STAT_PIECES), max_size=16))
def test_gated_statistics_find_the_same_problem(pieces: list[str]) -> None:
    """Skipping patterns whose needed characters or words are absent changes no answer."""
    t = "".join(pieces)
    params = statistics.prepare({}, "x", "stat")
    assert params["hint"] is not None
    full = statistics._problem(t, params["mangled"], None, gated=False)
    assert statistics._problem(t, params["mangled"], params["hint"]) == full
    custom = statistics.prepare({"mangled": ["xyz"]}, "x", "stat")
    assert custom["hint"] is None
    assert statistics._problem(t, custom["mangled"], None) == statistics._problem(t, custom["mangled"], None,
                                                                                  gated=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(STAT_PIECES + [". ", "! ", "\n\n", "A trial of 40 adults. ", "Â", "ã",
                                              "120% of participants", "significant (95% CI 0.8 to 1.2)"]),
                max_size=30))
def test_statistics_looks_only_at_sentences_with_a_needed_character(pieces: list[str]) -> None:
    from healthlint.readers import read_source

    doc = read_source("".join(pieces), "x.txt", "text")
    params = statistics.prepare({}, "x", "stat")
    got = [(h.start, h.end, h.vars) for h in statistics.check(doc, params, {})]
    want = []  # every sentence of the body with a digit or mojibake, as before the scan for needed characters
    for s in doc.sentences:
        if not doc.blocks[s.block].body or statistics._MAYBE.search(doc.text, s.start, s.end) is None:
            continue
        hit = statistics._problem(doc.text[s.start : s.end], params["mangled"], params["hint"])
        if hit:
            want.append((s.start + hit[0][0], s.start + hit[0][1], {"problem": hit[1]}))
    assert got == want


def test_hints_cover_every_case_variant() -> None:
    """Each character the gated patterns need, in any case, is in the gate."""
    def variants(chars: str) -> set[str]:
        cls = regex.compile("[" + regex.escape(chars) + "]", regex.IGNORECASE | regex.VERSION0)
        return {chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and cls.match(chr(c))}

    # the literal each default mangled pattern holds: ¼, Â (of "Â±", "Â·"), â (of "â€", "âˆ’", "â‰"), Ã, Æ,
    # the symbol-font glyphs Ϫ, Ϯ, Ͻ, Ͼ and the backslash
    assert all(statistics._MANGLED_HINT.match(c) for c in variants("¼ÂâÃÆϪϮϽϾ\\"))
    assert all(statistics._OP.match(c) for c in variants("=¼<>≤≥⩽⩾"))
    assert variants("%") == {"%"}
    # the scan for sentences worth a look finds each of these characters in any case
    for c in variants("¼ÂâÃÆϪϮϽϾ\\=<>≤≥⩽⩾%"):
        assert statistics._WORTH.match(c), c


WORDS = ["a", "A", "an", "about", "a_", "aé", "a\u0301", "A2", "an-", "another", "one", "ones", "some", "study",
         "studies", "found", "show", "showed", "cure", "cures", "it's", "it’s", "it", "is", "known", "that", "ſome",
         "İt", "\u212aill", "ﬁnd", "Straße", "100", "1000", "50%", "lower", "buy", "now", ".", ",", "—", "\n\n"]
PATTERNS = [r"(?:a|an|one|another)\s+(?:[\w,'’-]+\s+){0,3}?(?:study|studies)\s+(?:found|show(?:s|ed)?)",
            r"(?:it\s+is|it's|it’s)\s+(?:well\s+)?known\s+that", r"cures?", r"(?:some|all)\s+studies",
            r"\d+%\s+lower", r"buy\s+now", r"a"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.lists(st.sampled_from(["", " ", "\n"]), max_size=30))
def test_exact_anchor_words_skip_only_places_that_cannot_match(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))

    class Doc:
        pass

    doc = Doc()
    doc.text = text  # type: ignore[attr-defined]
    for p in PATTERNS:
        found = anchors.first_words([p])
        assert found is not None
        pattern = build_pattern({"patterns": [p]}, "x", "r", "patterns")
        assert pattern is not None
        index = anchors.WordIndex(text, frozenset(w for w, _ in found if w not in (anchors.DIGIT, anchors.START)))
        assert set(index.candidates(found)) <= set(index.starts(found))
        doc.derived = {}  # type: ignore[attr-defined]
        got = [m.span() for m in _anchored(pattern, doc, found, 100.0)]  # type: ignore[arg-type]
        assert got == [m.span() for m in pattern.finditer(text)], (p, text)


REQUIRE = [r"not\s+(?:intended\s+)?(?:as\s+|to\s+be\s+)?(?:professional\s+)?medical\s+advice",
           r"(?:consult|talk\s+(?:to|with)|see)\s+(?:your|a|an)\s+(?:own\s+)?(?:doctor|gp)",
           r"(?:a|b)+c|(?:x|y)?z|(?:d|(?:e|f)g)h", r"^(?:start|begin)s?\b", r"(?:end|stop)$"]
REQUIRE_PIECES = ["not", "intended", "as", "to be", "professional", "medical", "advice", "consult", "talk", "to",
                  "with", "see", "your", "a", "an", "own", "doctor", "GP", "ab", "c", "x", "yz", "z", "eg", "fgh",
                  "dh", "start", "begins", "end", "stop", "cannot", " ", " ", "\n", "."]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(REQUIRE_PIECES), max_size=20), st.booleans())
def test_split_requirement_finds_what_the_whole_one_finds(pieces: list[str], ic: bool) -> None:
    from healthlint.kinds.requirement import _any_found, _union_parts

    text = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    spec = {"patterns": REQUIRE, "terms": ["see a doctor"]}
    whole = build_pattern(spec, "x", "r", "require", ignorecase=ic, word_boundary=False)
    parts = _union_parts(spec, "x", "r", ic)
    assert whole is not None and parts is not None and len(parts) > len(REQUIRE) + 1
    assert _any_found(parts, text, 100.0) == bool(whole.search(text))


def test_requirement_patterns_it_cannot_split_stay_whole() -> None:
    from healthlint.kinds.requirement import _union_parts

    for p in [r"(a)\1", r"(?i)(?:a|b)", r"(?>a|b)c", r"[]a](?:b|c)", r"(?P<n>a)(?:b|c)"]:
        assert _union_parts({"patterns": [p]}, "x", "r", True) is None
    assert _union_parts(["plain list"], "x", "r", True) is None


def _conditions() -> list[Any]:
    from conftest import all_rules

    from healthlint.kinds.conditions import parse_conditions

    out = []
    for rid, rule in sorted(all_rules().items()):
        for key in ("unless", "when"):
            if isinstance(rule.settings.get(key), list):
                out += parse_conditions(rule.settings[key], "x", rid, key, rule.settings.get("ignorecase", True))
    out += parse_conditions([{"patterns": [r"(?:^never\s+been)"], "scope": "match"},
                             {"patterns": [r"\?\s*$"], "scope": "before", "window": 5},
                             {"terms": ["see a DOCTOR"], "scope": "paragraph"},
                             {"patterns": [r"https?://|\bdoi\b"], "scope": "section", "in_source": True}],
                            "x", "custom", "unless", True)
    return out


CONDITIONS = _conditions()
DOC_PIECES = ["Never been", "never", "been", "better", "?", ".", "!", " ", " ", "\n\n", "# Title\n\n", "- ",
              "A study", "(Smith, 2020)", "et al", "[link](https://x.org)", "DOI", "doı", "İt", "ſee a doctor",
              "see a doctor", "may", "MAY", "CBD", "Kratom", "K", "vitamin", "studies show", "published in Nature",
              "cannot", "10.1000/x", "5 in 100", "50%"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(DOC_PIECES), min_size=1, max_size=40))
def test_condition_start_gate_changes_no_answer(pieces: list[str]) -> None:


    from healthlint.readers import read_source

    doc = read_source("".join(pieces), "x.md", "markdown")
    gated = [c for c in CONDITIONS if c.starts is not None]
    assert len(gated) >= 5
    for s in doc.sentences:
        spans = [(s.start, s.end), (s.start, min(s.end, s.start + 3)), ((s.start + s.end) // 2, s.end)]
        for c in gated:
            whole = replace(c, starts=None)
            for start, end in spans:
                assert c.holds(doc, s, start, end) == whole.holds(doc, s, start, end), (c.pattern.pattern, start)


EFFECT_PIECES = ["Reduces", "REDUCED", "reduce", "cures", "makes", "people", "Makes you HAPPIER", "leads to",
                 "Leads\tTo", "helps", "HELPED", "Cut", "cuts", "x", "_", "1", "-", " ", " ", "\x1c", "\n", ".",
                 "kills", "KILLS", "stopped", "Stops", "lower", "lowers", "\x1f"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(EFFECT_PIECES), max_size=14), st.integers(0, 5), st.integers(0, 5))
def test_ascii_effect_gate_misses_no_effect(pieces: list[str], lo: int, cut: int) -> None:
    from healthlint.context import _EFFECT_ASCII, EFFECT

    assert not any(c.isupper() for c in regex.sub(r"\\.", "", EFFECT.pattern))  # literals are lower case
    text = "".join(pieces)
    hi = max(lo, len(text) - cut)
    if EFFECT.search(text, lo, hi) is not None:
        assert _EFFECT_ASCII.search(text.lower(), lo, hi) is not None
    if not any("\x1c" <= c <= "\x1f" for c in text):  # then the lower-case twin finds the very span
        m, twin = EFFECT.search(text, lo, hi), _EFFECT_ASCII.search(text.lower(), lo, hi)
        assert (m and m.span()) == (twin and twin.span())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(EFFECT_PIECES + ["reduced", "restores", "eased", "ease", "cause", "caused",
                                                 "Shortened", "lengthens", "makes it better", "shrinks"]),
                max_size=14), st.integers(0, 5), st.integers(0, 5))
def test_effect_grouped_by_first_letter_matches_as_the_plain_alternation(pieces: list[str], lo: int, cut: int) -> None:
    from healthlint.context import EFFECT, EFFECT_WORDS

    plain = regex.compile(r"\b(?:" + "|".join(EFFECT_WORDS) + r")\b", regex.IGNORECASE)
    text = "".join(pieces)
    hi = max(lo, len(text) - cut)
    assert [m.span() for m in EFFECT.finditer(text, lo, hi)] == [m.span() for m in plain.finditer(text, lo, hi)]


NON_HUMAN_PIECES = ["In", "in", "MICE", "mice", "rats", "Rat", "the", "LAB", "laboratory", "cell", "Cell-Lines",
                    "lines", "study", "studies", "preclinical", "In Vitro", "not", "yet", "been", "tested", "shown",
                    "in people", "humans", "a", "petri", "dishes", "-", " ", " ", "\t", "\n", "x", "_", "1",
                    "in mice", "On Mice", "of rats", "with cells", "in vitro", "not yet tested in humans", "\x1c"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NON_HUMAN_PIECES), max_size=14), st.integers(0, 5), st.integers(0, 5))
def test_ascii_twin_of_the_non_human_qualifier_agrees(pieces: list[str], lo: int, cut: int) -> None:
    from healthlint.context import _NON_HUMAN_ASCII, NON_HUMAN_QUALIFIER

    assert not any(c.isupper() for c in regex.sub(r"\\.", "", NON_HUMAN_QUALIFIER.pattern))
    text = "".join(pieces)
    hi = max(lo, len(text) - cut)
    m, twin = NON_HUMAN_QUALIFIER.search(text, lo, hi), _NON_HUMAN_ASCII.search(text.lower(), lo, hi)
    if m is not None:
        assert twin is not None  # the twin misses nothing
    if not any("\x1c" <= c <= "\x1f" for c in text):
        assert (m and m.span()) == (twin and twin.span())


def _quoted_flags_in_full(doc: Any) -> list[bool]:
    """:func:`healthlint.quotes.quoted_flags` walking every character of every sentence."""
    from healthlint.quotes import _OPEN, _introduced_blocks

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
    from healthlint.quotes import quoted_flags
    from healthlint.readers import read_source

    doc = read_source("".join(pieces), "x.md", "markdown")
    assert quoted_flags(doc) == _quoted_flags_in_full(doc)


# The sentence-stop candidate pattern, as it was written for ``regex`` (look-behind first).
_CAND_REGEX = regex.compile(r"(?<![.!?…‽])[.!?…‽]++[\"'”’»)\]]*+(\s++)")
STOP_PIECES = [".", "..", "!", "?", "…", "‽", '"', "”", "’", "»", ")", "]", " ", "  ", "\n", "\t",
               "\x1c", "\x1f", "\x85", "\xa0", "\u2003", "\u3000", "a", "Dr", "1", "é"]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(STOP_PIECES), max_size=20), st.integers(0, 30), st.integers(0, 30))
def test_sentence_stop_candidates_are_the_regex_patterns(pieces: list[str], lo: int, cut: int) -> None:
    from healthlint.sentences import _CAND

    t = "".join(pieces)
    lo = min(lo, len(t))
    hi = max(lo, len(t) - cut)
    got = [(m.span(), m.span(1)) for m in _CAND.finditer(t, lo, hi)]
    assert got == [(m.span(), m.span(1)) for m in _CAND_REGEX.finditer(t, lo, hi)]


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


def test_gathered_condition_patterns_occur_where_the_written_ones_do() -> None:
    """Built-in conditions gather their \\b alternatives behind one \\b: on every rule's examples,
    alone and run together, and on random mixes of their words, each occurs exactly where the
    pattern as written does."""
    import random

    import regex

    from conftest import all_rules
    from healthlint.kinds.conditions import gathered

    rules = all_rules()
    texts = [t for r in rules.values() for t in (*r.examples_fire, *r.examples_pass)]
    texts += [" ".join(texts[i : i + 3]) for i in range(0, len(texts), 2)]
    rng = random.Random(11)
    changed = 0
    for r in rules.values():
        for field_name in ("unless", "when"):
            for item in r.settings.get(field_name) or []:
                pats = item.get("patterns")
                if not pats or gathered(pats) == pats:
                    continue
                changed += 1
                flags = regex.V0 | (regex.IGNORECASE if item.get("ignorecase", r.settings.get("ignorecase", True))
                                    else 0)
                written = regex.compile("|".join(f"(?:{p})" for p in pats), flags)
                gath = regex.compile("|".join(f"(?:{p})" for p in gathered(pats)), flags)
                words = regex.findall(r"[A-Za-z]{2,}|\d", " ".join(pats)) + ["1999", "2021", "12", "(", ")", "%",
                                                                             "x", "-", ",", "."]
                mixes = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(400)]
                for t in texts + mixes:
                    assert bool(gath.search(t)) == bool(written.search(t)), (r.id, t)
    assert changed >= 3
    assert gathered([r"\bet\s+al\b|x", r"\bin\s+\d", "y"]) == [r"\b(?:et\s+al\b|in\s+\d)", "x", "y"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(EFFECT_PIECES + NON_HUMAN_PIECES + ["é", "“", "x1"]), max_size=14),
       st.integers(0, 8), st.integers(0, 5))
def test_twins_searched_from_the_character_before_find_the_same_span(pieces: list[str], lo: int, cut: int) -> None:
    """context._find searches a sentence from the character before it with a separator in place
    of the leading \\b: the span found is the twin's (the boundary looks back past the start too)."""
    from healthlint.context import _EFFECT_AFTER, _EFFECT_ASCII, _NON_HUMAN_AFTER, _NON_HUMAN_ASCII

    low = "".join(pieces).lower()
    lo = min(lo, len(low))
    hi = max(lo, len(low) - cut)
    for twin, after in ((_EFFECT_ASCII, _EFFECT_AFTER), (_NON_HUMAN_ASCII, _NON_HUMAN_AFTER)):
        want = twin.search(low, lo, hi)
        got = after.search(low, lo - 1, hi) if lo else twin.search(low, lo, hi)
        assert (want and want.span()) == (got and (got.start() + (1 if lo else 0), got.end())), (low, lo, hi)


def test_after_separator_needs_a_boundary_and_a_word_in_front_of_each_alternative() -> None:
    from healthlint.context import after_separator

    assert after_separator(r"\bab|\b(?:c|d)e").pattern == r"\W(?:ab|(?:c|d)e)"
    with pytest.raises(ValueError):
        after_separator(r"\bab|cd")
    with pytest.raises(ValueError):
        after_separator(r"\b-x")


def _dispatching_rules() -> list[Any]:
    from conftest import all_rules

    from healthlint.kinds.existence import _anchors
    from healthlint.kinds.dispatch import Dispatch

    out = []
    for r in all_rules().values():
        s = r.settings
        if r.kind != "existence":
            continue
        items = [("terms", t) for t in s.get("terms") or []] + [("patterns", p) for p in s.get("patterns") or []]
        anchors = _anchors(s)
        if Dispatch.usable(items, anchors):
            pattern = build_pattern({k: s[k] for k in ("terms", "patterns") if k in s}, "x", r.id, "p",
                                    ignorecase=s.get("ignorecase", True), word_boundary=s.get("word_boundary", True))
            out.append((r, Dispatch(items, anchors, pattern, s.get("ignorecase", True), s.get("word_boundary", True),
                                    "x", r.id), pattern))
    # patterns of rules that have since become checks (tests/anchor_patterns.yaml): dispatch stays tested on them
    from pathlib import Path
    from types import SimpleNamespace

    import yaml

    kept = yaml.safe_load((Path(__file__).parent / "anchor_patterns.yaml").read_text(encoding="utf-8"))
    for rid, patterns in kept["patterns"].items():
        s = {"patterns": patterns}
        items = [("patterns", p) for p in patterns]
        anchors = _anchors(s)
        if Dispatch.usable(items, anchors):
            r = SimpleNamespace(id=f"legacy/{rid}", settings=s, examples_fire=[])
            pattern = build_pattern(s, "x", r.id, "p")
            out.append((r, Dispatch(items, anchors, pattern, True, True, "x", r.id), pattern))
    return out


def test_dispatched_rules_find_what_their_whole_alternation_finds() -> None:
    """Each built-in rule tried item by item at its anchor words gives finditer's matches, on its
    own examples, on all examples run together, and on random mixes of its words."""
    import random

    from conftest import all_rules

    class Doc:
        def __init__(self, text: str) -> None:
            self.text = text
            self.derived: dict[str, Any] = {}

    examples = [t for r in all_rules().values() for t in (*r.examples_fire, *r.examples_pass)]
    rng = random.Random(7)
    rules = _dispatching_rules()
    assert rules  # existence rules move to checks one by one (relative-risk-only is a check now)
    for r, dispatch, pattern in rules:
        source = " ".join([*r.settings.get("terms", []), *r.settings.get("patterns", []), *r.examples_fire])
        words = regex.findall(r"[A-Za-z]+|\d+", source) + ["10%", "3 times", "the", "a", "It", ".", ",", "—", "é",
                                                            "\n", "50 %", "x2", "_a"]
        texts = examples + [" ".join(examples)]
        texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(600)]
        texts += ["".join(rng.choice(words) + rng.choice(["", " ", "-"]) for _ in range(rng.randint(1, 10)))
                  for _ in range(300)]
        for text in texts:
            want = [m.span() for m in pattern.finditer(text)]
            got = [m.span() for m in dispatch.matches(Doc(text), 100.0)]  # type: ignore[arg-type]
            assert got == want, (r.id, text)
