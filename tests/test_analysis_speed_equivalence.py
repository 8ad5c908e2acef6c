"""The analysis gives exactly the facts of the straightforward one it replaced.

``_old_facts`` below is the earlier, plain implementation (one named group per
lexicon run, one scan per sentence), kept as the reference. The analysis is
checked against it, and the batch scan against one scan per sentence, on
generated sentences built to hit every cue kind, sentence boundaries, odd case
and non-ASCII characters.
"""

from __future__ import annotations

import ast
import random
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import healthlint.analyse.article as article
from healthlint.analyse import analyze_sentence, analyze_sentences, batch, claims, cues, lower_same_length, study
from healthlint.analyse.facts import NO_FACTS, SentenceFacts
from healthlint.analyse.lexicon import expand, split_top
from healthlint.analyse.scan import FACTS
from healthlint.read import read_source
from healthlint.analyse.context import DocumentAnalysis

REPO = Path(__file__).resolve().parents[1]

# --- the reference: the earlier implementation ------------------------------------------


def _old_lexicon(entries: list[tuple[str, str]], after: str = r"(?![a-z])") -> tuple[re.Pattern[str], dict[str, str]]:
    """The earlier Lexicon regex: a named group around each run of one kind."""
    buckets: dict[str, list[tuple[str, str]]] = {}
    for kind, pattern in entries:
        for part in split_top(pattern):
            for alt in expand(part):
                first, rest = (alt[:2], alt[2:]) if alt[0] == "\\" else (alt[0], alt[1:])
                buckets.setdefault(first, []).append((kind, rest))
    kinds: dict[str, str] = {}
    branches = []
    for first, alts in buckets.items():
        parts, run_kind, run = [], None, []  # type: ignore[var-annotated]
        for kind, rest in alts + [(None, "")]:  # type: ignore[list-item]
            if kind != run_kind and run:
                name = f"k{len(kinds)}"
                kinds[name] = run_kind  # type: ignore[assignment]
                parts.append(f"(?P<{name}>{'|'.join(run)})")
                run = []
            run_kind = kind
            if kind is not None:
                run.append(rest)
        lit = first if first.startswith("\\") else re.escape(first)
        branches.append(lit + ("(?:" + "|".join(parts) + ")" if len(parts) > 1 else parts[0]))
    return re.compile(r"(?<![a-z])(?:" + "|".join(branches) + ")" + after), kinds


OLD_FACTS = _old_lexicon([("d" + k, p) for k, p in study.DESIGN_ENTRIES] + [("p" + k, p) for k, p in study.POPULATION_ENTRIES]
                         + [("s" + k, p) for k, p in study.SPECIES_ENTRIES] + [("b" + k, p) for k, p in cues.BOOSTER_ENTRIES]
                         + [("h" + k, p) for k, p in cues.HEDGE_ENTRIES] + [("g" + k, p) for k, p in study.GATE_ENTRIES])
OLD_SAMPLE = re.compile(
    r"(?<![\w.,])(?P<num>" + study._NUM + "|" + "|".join(sorted(study._WORD_NUMS, key=len, reverse=True)) + r")\s+"
    r"(?:(?!years?\b|months?\b|weeks?\b|days?\b|hours?\b|percent\b|per\b|of\b|times\b|more\b|fewer\b|mg\b|kg\b"
    r"|to\b|in\b|for\b|from\b|at\b|on\b|by\b|into\b|than\b|and\b|or\b)[a-z-]+\s+){0,3}?"
    r"(?:" + study._SUBJECTS + r")\b"
)


OLD_N_EQ = re.compile(r"(?<![a-z])n\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)")
OLD_CITATION = re.compile(
    r"(?P<doi>doi:\s*10\.\d{4,9}/[^\s\"<>]+|https?://(?:dx\.)?doi\.org/10\.[^\s\"<>]+|(?<![\d.])10\.\d{4,9}/[^\s\"<>]+)"
    r"|(?P<url>https?://[^\s<>\"]+|www\.[^\s<>\"]+)"
    r"|(?P<pmid>(?:PMID|pmid|PubMed\s+ID)\s*:?\s*\d{5,9}|PMC\d{5,9})"
)


def _old_finditer(lex: tuple[re.Pattern[str], dict[str, str]], low: str) -> Any:
    for m in lex[0].finditer(low):
        yield lex[1][m.lastgroup], m  # type: ignore[index]


def _old_clause_left(low: str, start: int) -> str:
    left = low[max(0, start - 80) : start]
    cut = -1
    for c in claims._BREAK_CHARS:
        cut = max(cut, left.rfind(c))
    for w in claims._BREAK_WORDS:
        i = left.rfind(w)
        if i >= 0 and i + len(w) - 1 > cut:
            cut = i + len(w) - 1
    return left[cut + 1 :] if cut >= 0 else left


def _old_is_negated(words: list[str]) -> bool:
    return any(w in claims.NEGATION_WORDS or w.endswith("n't") or w in claims._FAIL_WORDS for w in words[-5:])


_CLASSIFIER_KEYS = ("claim", "claim_cue", "negated", "question")
_OLD_HAS_NUMBER = re.compile(r"\d|(?<![a-z])(?:" + "|".join(study._WORD_NUMS) + r")\s")


def _old_facts(text: str) -> dict[str, Any]:
    """``analyze_sentence(text).to_dict()`` as the earlier implementation computed it."""
    low = lower_same_length(text)
    found: dict[str, list[Any]] = {k: [] for k in ("hedges", "boosters", "designs", "species", "populations")}
    gate = False
    for kind, m in _old_finditer(OLD_FACTS, low):
        cat, kind = kind[0], kind[1:]
        s, e = m.span()
        if cat == "h":
            if cues.keep_hedge(text, low, s, e):
                found["hedges"].append(study.Cue(s, e, text[s:e], kind))
        elif cat in "bs":
            found["boosters" if cat == "b" else "species"].append(study.Cue(s, e, text[s:e], kind))
        elif cat == "p":
            found["populations"].extend(study.population_cues(kind, text, s, e, 0))
        elif cat == "d":
            cue_, sp = study.design_cues(kind, text, s, e, 0)
            found["designs"].append(cue_)
            if sp is not None:
                found["species"].append(sp)
        else:
            gate = True
    sample = None
    if any(d in low for d in "0123456789") or _OLD_HAS_NUMBER.search(low):
        m = OLD_N_EQ.search(low) if "=" in low else None
        if m:
            sample = study._number(m.group(1))
        else:
            for m in OLD_SAMPLE.finditer(low):
                n = study._number(m.group("num"))
                if n is not None and n > 0 and (sample is None or n > sample):
                    sample = n
    names = gate or any(a in text for a in study._ACRONYMS) or (
        any(d in text for d in "0123456789") and bool(study._YEAR.search(text)))
    out: list[Any] = []
    if any(h in text for h in ("://", "www.", "10.", "PMID", "pmid", "PubMed", "PMC", "doi")):
        for m in OLD_CITATION.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in study._TRAIL:
                e -= 1
            out.append(study.Cue(s, e, text[s:e], m.lastgroup or ""))
    citations = out + (study.find_citations(text, 0, True)[len(out):] if names else [])
    as_dicts = {k: [c.to_dict() for c in v] for k, v in found.items()}
    return {"hedge": bool(found["hedges"]),
            **as_dicts, "sample_size": sample, "citations": [c.to_dict() for c in citations]}


# --- sentences ------------------------------------------------------------------------------

WORDS = """may might could would not no never don't didn't reduce reduces reduced reducing causes caused lowers
improved prevents protective effective effectiveness benefit benefits helps more less fewer than higher lower risk
odds likely unlikely potential whether if should must to is was were are be been the a an of in and but while which
that this these it we they mice mouse rats rodents cells humans people women men boys girls children infants
adults patients volunteers participants respondents subjects users mothers smokers athletes veterans students
randomised randomized placebo controlled trial trials cohort survey observational epidemiological pilot preprint
study studies data results group research evidence suggest suggests indicate appears seems proves clearly always all
every never miracle cure breakthrough instantly years percent one two three twelve twenty hundred dozen half third
million thousand Smith Jones Lee Harvard Stanford Oxford University Institute Hospital Journal Lancet Nature Cell
NIH WHO FDA CDC JAMA BMJ published reported appeared followed over time decreased increased levels promising novel
strategy treatment therapy role effect impact influence due responsible attributable unclear unknown think believe
May could-not İstanbul ΣΑΣ ſurvey Kelvin ó café naïve “quoted” ’s""".split()
PHRASES = ["associated with", "linked to", "correlated with", "more than", "more than half", "less than 5%",
           "at increased risk", "compared with", "was higher in", "had a higher", "leads to", "led to", "resulted in",
           "play a role", "has an effect on", "may help to identify", "successful in reducing", "for reducing",
           "reduced risk", "an increase", "the impact of", "no evidence of", "no association", "failed to",
           "unable to", "without", "in order to reduce", "whether it reduces", "further research is needed",
           "more studies are warranted", "this association should be confirmed", "levels decreased over time",
           "was reduced after surgery", "be an effective treatment", "cost-effective", "side effects",
           "mouse model", "cell lines", "in vitro", "in people", "people with diabetes", "women with breast cancer",
           "older adults", "randomised controlled trial", "double-blind", "placebo-controlled", "cross-sectional",
           "case-control", "meta-analysis", "systematic review", "pilot study", "not yet peer reviewed",
           "300 participants", "1,200 women", "n = 67", "n=12", "two hundred patients", "a dozen mice",
           "5.5 million people", "25 years", "Smith et al.", "(Smith, 2019)", "Jones (2020)", "(Lee and Kim 2021a)",
           "published in the Journal of Nutrition", "the journal Nutrients", "University of Oxford",
           "Harvard Medical School", "Mayo Clinic", "www.example.org", "https://doi.org/10.1000/xyz",
           "doi:10.1234/abc.5", "PMID: 12345678", "PMC1234567", "in May 2010", "could not be detected",
           "as indicated by", "membrane potential", "we found", "people who", "followed 300 women",
           "it appears", "we think", "remains unclear", "the best", "100%", "fish oil", "no one", "20 mg"]
GLUE = [" ", " ", " ", " ", "", ", ", "; ", ": ", " (", ") ", "-", " but ", " while ", ", and ", ", which ", "\n", "  "]
ENDS = [".", ".", "?", "!", "", "?\"", "?)", " ?"]


def _sentence(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 14)):
        tok = rng.choice(PHRASES) if rng.random() < 0.4 else rng.choice(WORDS)
        if rng.random() < 0.1:
            tok = tok.upper() if rng.random() < 0.5 else tok.capitalize()
        parts.append(tok)
        parts.append(rng.choice(GLUE))
    return "".join(parts[:-1]) + rng.choice(ENDS)


def _generated(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [_sentence(rng) for _ in range(n)]


def _test_strings() -> list[str]:
    """Every string literal of the analysis tests (hand-written sentences)."""
    tree = ast.parse((REPO / "tests" / "test_analysis.py").read_text(encoding="utf-8"))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.strip()]


BOUNDARIES = [  # neighbours that would change a scan of the joined text if a match could cross the separator
    ["It was more", "research is needed."], ["We saw one", "hundred patients."], ["Levels", "decreased over time."],
    ["", "Mice may age."], ["a\x00b may reduce it", "\x00", "mice"], ["n =", "67 people"], ["more than", "half"],
    ["associated", "with risk"], ["published in the", "Journal of Things"], ["www.", "x.org"], ["20", "19 people"],
]


# --- the checks -----------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["generated", "tests"])
def test_fast_facts_equal_the_reference(source: str) -> None:
    texts = _generated(1500) if source == "generated" else _test_strings()
    for t in texts:
        facts = analyze_sentence(t).to_dict()
        for key in _CLASSIFIER_KEYS:  # the claim classifier has moved on (tests/test_claim_strength.py tests it)
            del facts[key]
        assert facts == _old_facts(t), t


def test_batch_equals_one_call_per_sentence() -> None:
    texts = _generated(1500, seed=11)
    groups = [texts] + BOUNDARIES + [[t] for t in texts[:50]]
    for group in groups:
        offsets = [i * 1000 for i in range(len(group))]
        assert analyze_sentences(group, offsets) == [analyze_sentence(t, o) for t, o in zip(group, offsets)], group


def test_a_separator_that_can_match_would_be_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The boundary cases above are sharp: with a space as separator the batch differs."""
    monkeypatch.setattr(batch, "SEP", " ")
    assert any(analyze_sentences(g, [0] * len(g)) != [analyze_sentence(t) for t in g] for g in BOUNDARIES)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS + PHRASES + GLUE), max_size=12).map("".join), min_size=1, max_size=6))
def test_batch_property(texts: list[str]) -> None:
    assert analyze_sentences(texts, list(range(len(texts)))) == [analyze_sentence(t, i) for i, t in enumerate(texts)]


def test_document_analysis_equals_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    """Facts found a chunk of sentences at a time equal the facts of each sentence alone."""
    monkeypatch.setattr(article, "CHUNK", 7)
    paras = [" ".join(s if s[-1:] in ".?!" else s + "." for s in _generated(6, seed=i)) for i in range(200)]
    doc = read_source("\n\n".join(paras), "x.md", "markdown")
    facts = DocumentAnalysis(doc).facts
    assert len(facts) == len(doc.sentences) > 300
    for s in doc.sentences:
        assert facts[s.index] == analyze_sentence(doc.text[s.start : s.end], s.start)


def _can_touch_nul(items: Any) -> bool:
    """Whether a parsed ``re`` pattern may match NUL or depends on the string's ends."""
    from re import _constants as C  # type: ignore[attr-defined]

    for op, av in items:
        if op in (C.ANY, C.NOT_LITERAL, C.GROUPREF, C.GROUPREF_EXISTS) or (op is C.LITERAL and av == 0):
            return True
        if op is C.AT and av not in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
            return True
        if op is C.IN:
            for iop, iav in av:
                if iop is C.NEGATE or (iop is C.LITERAL and iav == 0) or (iop is C.RANGE and iav[0] == 0):
                    return True
                if iop is C.CATEGORY and iav not in (C.CATEGORY_WORD, C.CATEGORY_SPACE, C.CATEGORY_DIGIT):
                    return True
        subs = {C.BRANCH: lambda v: v[1], C.SUBPATTERN: lambda v: [v[-1]], C.ASSERT: lambda v: [v[1]],
                C.ASSERT_NOT: lambda v: [v[1]], C.MAX_REPEAT: lambda v: [v[2]], C.MIN_REPEAT: lambda v: [v[2]],
                C.POSSESSIVE_REPEAT: lambda v: [v[2]], C.ATOMIC_GROUP: lambda v: [v]}
        if op in subs and any(_can_touch_nul(sub) for sub in subs[op](av)):
            return True
    return False


def test_batched_patterns_cannot_match_nul() -> None:
    from re import _parser  # type: ignore[attr-defined]

    for rx in (claims.CLAIM.regex, FACTS.regex, study.SAMPLE_RE):
        parsed = _parser.parse(rx.pattern, rx.flags)
        assert not _can_touch_nul(parsed), rx.pattern[:60]
        assert parsed.getwidth()[0] > 0  # never an empty match
    for bad in (".", "[^a]", r"\W", r"\S", r"\D", "a$", "^a", r"\Z", "\x00", "[\x00-a]", r"(?<=[^a])b"):
        assert _can_touch_nul(_parser.parse(bad)), bad
    assert not _can_touch_nul(_parser.parse(r"(?<![a-z])ab\s+\d(?=\w)\b"))


def test_rewritten_helpers_equal_their_plain_versions() -> None:
    rng = random.Random(3)
    alphabet = list("ab ;:()[],-'") + [" but ", " while ", ", and ", ", which ", " though ", " although ", "n't"]
    for _ in range(3000):
        low = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(low))
        assert claims._clause_left(low, start) == _old_clause_left(low, start), (low, start)
        words = claims._WORD.findall(low)
        assert claims._is_negated(words, low) == _old_is_negated(words)
    for t in _generated(600, seed=5):
        low = t.lower()
        assert [m.span() for m in study.SAMPLE_RE.finditer(low)] == [m.span() for m in OLD_SAMPLE.finditer(low)]
    for low in ["n = 67", "n=12", "in = 5", "an n =3", "n =", "n\n=\n1,234", "ñn = 4", "0n = 7"] + [t.lower() for t in _generated(600, seed=6)]:
        assert [m.span(1) for m in study._N_EQ.finditer(low)] == [m.span(1) for m in OLD_N_EQ.finditer(low)], low


def test_facts_are_shared_and_read_only() -> None:
    f = analyze_sentence("The sky was grey.")
    assert f is NO_FACTS and f == SentenceFacts() and f.hedges == ()
    with pytest.raises(AttributeError):
        f.claim = "causal"  # type: ignore[misc]
    g = analyze_sentence("Mice may age.")
    assert isinstance(g.species, tuple) and g.species[0].text == "Mice"


def test_citation_lexicon_equals_the_plain_pattern() -> None:
    """The bucketed citation pattern finds what one named group per kind found."""
    rng = random.Random(9)
    bits = ["doi:", "doi: ", "10.", "1", "0", ".", "1234", "56789", "/", "x", " ", "\"", "<", "http://", "https://",
            "dx.", "doi.org/", "10.1234/", "doi:10.12345/", "www.", "PMID", "pmid", "PubMed ID", "PMC", ":", "a", "9", "\n", "é"]
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 20))) for _ in range(5000)]
    texts += ["see https://doi.org/10.1000/xyz.", "1.10.1234/abc", "a10.1234/abc", "(10.12345/q)", "PMID: 12345678"]
    for t in texts:
        assert [(m.span(), k) for k, m in study.CITATION.finditer(t)] == \
            [(m.span(), m.lastgroup) for m in OLD_CITATION.finditer(t)], t


def test_one_of_matches_what_the_plain_alternation_matches() -> None:
    """A first-character-bucketed alternation finds the same matches as the alternation as written."""
    from healthlint.analyse.lexicon import one_of

    cases = [r"the|a|an|this|that|these|those|its|their|of|for|with|by|all|any|no|new|best",
             r"found|finds|find|showed|shows|show|stud(?:y|ies)|(?:more|less)\s+likely|look(?:ed|ing)?\s+at|test(?:ed)?",
             r"so-called|so\s+called|s|se|see|seen|'s|-fold|&"]
    rng = random.Random(4)
    alphabet = list("thaesoflwdinbyu") + [" ", "  ", "-", "'", "&", "S", "T", "ſ", "ı", "\n"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for case in cases:
        for flags in (0, re.IGNORECASE):
            plain = re.compile(r"\b(?:" + case + r")\b", flags)
            bucketed = re.compile(r"\b" + one_of(case) + r"\b", flags)
            for t in texts:
                assert [m.span() for m in plain.finditer(t)] == [m.span() for m in bucketed.finditer(t)], (case, t)
    for bad in (r"\w+s|a", r"[ab]c|d", r"a|(?:b|\s+c)", r"x?|y", r"A|a"):
        with pytest.raises(ValueError):
            one_of(bad)
