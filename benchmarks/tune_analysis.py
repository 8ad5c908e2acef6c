"""Score healthlint.analyse against the shared development data (dev script).

Usage: PYTHONPATH=src python benchmarks/tune_analysis.py [--data DIR] [--errors CLASS] [--hedge-errors N]

Prints claim strength per-class P/R/F1 and macro-F1 on the Yu et al. 2019 sentences,
hedge P/R/F1 on the BioScope abstracts and full papers, and sentences/second.
The data are read at run time from ../shared/data (relative to the repo); nothing
from them is stored in the project.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time

from healthlint.analyse import analyze_sentence

CLAIM_ORDER = ["none", "correlational", "conditional", "causal"]
YU2019 = {"0": "none", "1": "causal", "2": "conditional", "3": "correlational"}
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data"))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def clean(text: str) -> str:
    return " ".join(text.split())  # as the official scorer writes sentences


def score_claims(path: str, show: str | None) -> tuple[float, list[str]]:
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    sents = [clean(r["sentence"]) for r in rows]
    gold = [YU2019[str(r["label"])] for r in rows]
    pred = [analyze_sentence(s).claim for s in sents]
    print(f"claims: {path}")
    print(f"  {'class':14} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
    f1s = []
    for c in CLAIM_ORDER:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        p, r, f = prf(tp, fp, fn)
        f1s.append(f)
        print(f"  {c:14} {p:9.3f} {r:7.3f} {f:6.3f} {tp + fn:5}")
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    macro = sum(f1s) / len(f1s)
    print(f"  sentences={len(gold)} accuracy={acc:.3f} macro_f1={macro:.3f}")
    if show:
        for s, g, p in zip(sents, gold, pred):
            if g != p and show in (g, "all", f"->{p}"):
                f = analyze_sentence(s)
                cue = f.claim_cue.text if f.claim_cue else "-"
                print(f"  [{g} -> {p} | {cue}] {s[:230]}")
    return macro, sents


def score_hedges(path: str, show: int) -> tuple[float, list[str]]:
    rows = [ln.rstrip("\n").split("\t", 1) for ln in open(path, encoding="utf-8") if "\t" in ln]
    tp = fp = fn = 0
    errors = []
    for label, text in rows:
        facts = analyze_sentence(clean(text))
        pred, gold = facts.hedge, label.strip() == "1"
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
        if pred != gold:
            errors.append(f"  [{'FN' if gold else 'FP'} {[h.text for h in facts.hedges]}] {text[:200]}")
    p, r, f = prf(tp, fp, fn)
    print(f"hedges: {os.path.basename(path)} sentences={len(rows)} hedged={tp + fn} "
          f"precision={p:.3f} recall={r:.3f} f1={f:.3f}")
    for e in errors[:show]:
        print(e)
    return f, [clean(t) for _, t in rows]


def speed(sents: list[str], rounds: int = 5) -> float:
    best = 0.0
    for _ in range(rounds):
        t0 = time.process_time()
        for s in sents:
            analyze_sentence(s)
        best = max(best, len(sents) / (time.process_time() - t0))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--errors", help="print claim errors for a gold class (none/causal/...), 'all' or '->pred'")
    ap.add_argument("--hedge-errors", type=int, default=0, help="print N hedge errors per file")
    args = ap.parse_args()
    yu = os.path.join(args.data, "yu2019_claims_dev.csv")
    if not os.path.exists(yu):
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    macro, yu_sents = score_claims(yu, args.errors)
    f_abs, abs_sents = score_hedges(os.path.join(args.data, "bioscope_abstracts_dev.tsv"), args.hedge_errors)
    f_full, _ = score_hedges(os.path.join(args.data, "bioscope_full_papers_dev.tsv"), args.hedge_errors)
    print(f"speed: yu {speed(yu_sents):,.0f} sentences/second; bioscope abstracts "
          f"{speed(abs_sents, 2):,.0f} sentences/second (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
