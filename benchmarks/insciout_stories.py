#!/usr/bin/env python3
"""Story-level precision and recall of `causal-from-association` against the InSciOut coders.

A story is *expected* to be flagged when the journal article it reports is observational
(`ja_design` 1, 2 or 6) and the coders rated the story's main statement 5 ("can cause") or
6 (direct causal). healthlint *flags* a story when it reports at least one
causal-from-association finding in it. Also prints the same figures per severity and the
lines flagged in a few false positives, for error analysis.

usage: python benchmarks/insciout_stories.py [PATH_TO/insciout_news_dev.jsonl] [--show N]
The data live outside this repository (../shared/data); nothing from them is copied here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "insciout_news_dev.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=0, help="print the flagged sentences of N false positives")
    args = ap.parse_args()
    path = Path(args.data)
    if not path.exists():
        print(f"data not found: {path}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if r.get("ja_design") in (1, 2, 6)
            and isinstance(r.get("news_ms_code"), int) and r["news_ms_code"] >= 0]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, r in enumerate(rows):
            p = Path(tmp) / f"story{i:04}.txt"
            p.write_text(r["text"], encoding="utf-8")
            files.append(str(p))
        out = subprocess.run([sys.executable, "-m", "healthlint", "check", "--no-cache", "--select",
                              "causal-from-association", "--format", "json", *files],
                             capture_output=True, text=True)
        if out.returncode not in (0, 1):
            print(out.stderr, file=sys.stderr)
            return 2
        findings = json.loads(out.stdout)["findings"]
    by_story: dict[str, list[dict]] = {}
    for f in findings:
        by_story.setdefault(Path(f["path"]).name, []).append(f)
    tp = fp = fn = 0
    false_pos = []
    for i, r in enumerate(rows):
        gold = r["news_ms_code"] >= 5
        name = f"story{i:04}.txt"
        pred = name in by_story
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
        if pred and not gold:
            false_pos.append((i, r, by_story[name]))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"stories={len(rows)} expected={tp + fn} flagged={tp + fp} tp={tp} fp={fp} fn={fn}")
    print(f"causal-from-association, story level: precision={prec:.3f} recall={rec:.3f} f1={f1:.3f}")
    for i, r, fs in false_pos[: args.show]:
        print(f"\n-- story {i} (coded {r['news_ms_code']}):")
        for f in fs:
            print(f"   line {f['line']}: {f['message'][:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
