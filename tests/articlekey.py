"""Compare healthlint's findings on the test articles (``tests/articles``) with their answer keys.

Each ``expected.yaml`` names, per article, the findings a careful linter must report
(``expected``: a rule and a quote from the offending sentence) and those it may report
(``borderline``). A finding matches an item when the rules agree and the finding lies in
the sentence that holds the quote (document-level rules match anywhere).
Run as a script for a table of precision and recall per rule (``--root DIR``: another set in the same layout,
``-v``: every miss and false positive).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from healthlint.run.config import Settings
from healthlint.run.linter import Linter
from healthlint.run.packs import load_rules
from healthlint.read import read_path

ROOT = Path(__file__).parent / "articles"
CORE = {"animal-extrapolation", "causal-from-association", "subgroup-generalization", "commercial-cta",
        "missing-disclaimer", "overclaim", "unattributed-claim", "stat-inconsistency", "relative-risk-only",
        "self-treatment", "disease-claim"}
DOC_LEVEL = {"missing-disclaimer"}


_RULES: dict = {}


def lint_file(path: Path):
    """The document and findings of ``path`` with every rule but readability."""
    if not _RULES:
        _RULES.update(load_rules())
    settings = Settings()
    settings.base.ignore = ["readability"]
    doc = read_path(str(path))
    return doc, Linter(settings, _RULES).lint(doc, str(path)).findings


@dataclass
class Outcome:
    path: Path
    missed: list[tuple[str, str]] = field(default_factory=list)
    extra: list[tuple[str, int, str]] = field(default_factory=list)
    matched: Counter = field(default_factory=Counter)


def entries(root: Path = ROOT) -> list[tuple[Path, dict]]:
    out = []
    for key in sorted(root.glob("*/expected.yaml")):
        for item in yaml.safe_load(key.read_text(encoding="utf-8")) or []:
            out.append((key.parent / item["file"], item))
    return out


def _sentence_span(doc, quote: str) -> tuple[int, int] | None:
    """Source span of the sentence of ``doc`` that holds ``quote``."""
    words = quote.lower().split()
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    low = doc.text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    q = pattern.pattern.replace("’", "'")
    m = re.search(q, low)
    if not m:
        return None
    s = doc.sentence_at(m.start())
    if s is None:
        return None
    return doc.source_span(s.start, s.end)


def check(path: Path, item: dict, strict: bool = True) -> Outcome:
    doc, findings = lint_file(path)
    out = Outcome(path)
    found = [f for f in findings if f.rule in CORE]
    used = [False] * len(found)

    def overlaps(f, item) -> bool:
        if f.rule != item["rule"]:
            return False
        if f.rule in DOC_LEVEL:
            return True
        span = _sentence_span(doc, item["quote"])
        if span is None:
            if strict:
                raise AssertionError(f"{path.name}: quote not found: {item['quote']!r}")
            return False  # another set's key may quote text the reader does not keep: counted as missed
        return f.start < span[1] and f.end > span[0]

    for exp in item.get("expected") or []:
        hit = next((k for k, f in enumerate(found) if not used[k] and overlaps(f, exp)), None)
        if hit is None:
            out.missed.append((exp["rule"], exp.get("quote", "")))
        else:
            used[hit] = True
            out.matched[exp["rule"]] += 1
    allowed = (item.get("expected") or []) + (item.get("borderline") or [])
    for k, f in enumerate(found):
        if not used[k] and not any(overlaps(f, a) for a in allowed):
            out.extra.append((f.rule, f.line, f.message))
    return out


def main() -> int:
    tp, fp, fn = Counter(), Counter(), Counter()
    verbose = "-v" in sys.argv
    root = Path(sys.argv[sys.argv.index("--root") + 1]) if "--root" in sys.argv else ROOT  # another set in this layout
    for path, item in entries(root):
        o = check(path, item, strict=root == ROOT)
        tp.update(o.matched)
        for r, q in o.missed:
            fn[r] += 1
            if verbose:
                print(f"missed: {path.parent.name}/{path.name} {r} \"{q}\"")
        for r, line, msg in o.extra:
            fp[r] += 1
            if verbose:
                print(f"false positive: {path.parent.name}/{path.name}:{line} {r} {msg[:120]}")
    print(f"{'rule':26} {'tp':>4} {'fp':>4} {'fn':>4}  precision  recall")
    for r in sorted(CORE):
        t, p, n = tp[r], fp[r], fn[r]
        print(f"{r:26} {t:4} {p:4} {n:4}  {t / (t + p) if t + p else 1:9.2f}  {t / (t + n) if t + n else 1:6.2f}")
    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"total tp={T} fp={P} fn={N} precision={T / (T + P) if T + P else 1:.3f} recall={T / (T + N) if T + N else 1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
