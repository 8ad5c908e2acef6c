"""Benchmark healthlint against proselint on the same generated files, in one run.

Usage (from the repository root):

    python benchmarks/bench.py              # every case, median of several runs
    python benchmarks/bench.py --quick      # fewer runs, no 10 MB case
    python benchmarks/bench.py --markdown   # also print the table as Markdown

The corpus (realistic Markdown health articles written by corpus_gen.py) goes to
benchmarks/corpus/ (git-ignored). Each command runs as a child process; wall time
is measured around it and peak memory is the child's maximum resident set size
from ``os.wait4`` (for a parallel run: its largest process). healthlint runs with
every rule enabled and its caches warm (compiled rules, syllable table) but with
no cached results, as after editing the files; the "unchanged" rows show a re-run
served from the results cache. proselint is run when it is installed; for each case the
two tools' runs alternate, so a drift in the machine's speed changes both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus_gen import write_corpus  # noqa: E402

CORPUS = HERE / "corpus"
CACHE = CORPUS / ".hl-cache"


# A small process, started before the corpus is generated, starts every timed command. A
# child's peak memory (ru_maxrss) counts the pages of the process it was forked from, so
# forking the commands from this script (tens of MB once the corpus is written) would report
# that floor as every small run's peak, and copying its page tables would slow each start.
_LAUNCHER = r"""
import json, os, sys, time
for line in sys.stdin:
    cmd, env, cwd, err = json.loads(line)
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(cwd)
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
            os.execvpe(cmd[0], cmd, env)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    print(json.dumps([wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)]), flush=True)
"""


class Launcher:
    """Runs commands from a small child process; each run's wall time and peak RSS come back."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        self.err = Path(tempfile.mkstemp(prefix="hl-bench-", suffix=".err")[1])
        self.floor = self.run(["true"], dict(os.environ), str(HERE))[1]  # what any run's peak includes

    def run(self, cmd: list[str], env: dict[str, str], cwd: str) -> tuple[float, float, int]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps([cmd, env, cwd, str(self.err)]) + "\n")
        self.proc.stdin.flush()
        wall, peak, code = json.loads(self.proc.stdout.readline())
        return wall, peak, code

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()
        self.err.unlink(missing_ok=True)


LAUNCHER: Launcher | None = None


def measure(cmd: list[str], env: dict[str, str], before=None) -> tuple[float, float]:  # noqa: ANN001
    """(wall seconds, peak RSS in MB) of one run of ``cmd``."""
    if before:
        before()
    assert LAUNCHER is not None
    wall, peak, code = LAUNCHER.run(cmd, env, str(CORPUS))
    if code not in (0, 1):
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}\n{LAUNCHER.err.read_text(errors='replace')}")
    return wall, peak


def median_of(runs: int, cmd: list[str], env: dict[str, str], before=None) -> tuple[float, float]:  # noqa: ANN001
    results = [measure(cmd, env, before) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def paired(runs: int, cmd: list[str], other: list[str] | None, env: dict[str, str],
           before=None) -> tuple[tuple[float, float], tuple[float, float] | None]:  # noqa: ANN001
    """Medians of ``cmd`` and ``other`` run alternately, so that a machine whose speed drifts
    during the benchmark slows both alike (the ratio is what the targets are about)."""
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(measure(cmd, env, before))
        if other:
            theirs.append(measure(other, env))

    def summary(rs: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in rs), max(r[1] for r in rs)

    return summary(mine), summary(theirs) if theirs else None


def drop_results() -> None:
    """Forget cached results (keep the compiled-rule and syllable caches): every file is linted."""
    for d in CACHE.glob("v*"):
        shutil.rmtree(d, ignore_errors=True)


def analysis_rate(path: Path, env: dict[str, str]) -> tuple[int, float]:
    """Sentences and seconds of ``doc.analysis`` alone on ``path`` (in a child, one core)."""
    code = (
        "import sys, time\n"
        "from healthlint.readers import read_path\n"
        "doc = read_path(sys.argv[1])\n"
        "from healthlint.context import DocumentAnalysis\n"
        "DocumentAnalysis(read_path(sys.argv[2]))\n"  # warm up imports on another file
        "t = time.perf_counter(); doc.analysis; t = time.perf_counter() - t\n"
        "print(len(doc.sentences), t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path), str(CORPUS / "draft-3kB.md")], env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), float(out[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="runs per case (median); the 10 MB case runs once")
    ap.add_argument("--quick", action="store_true", help="2 runs, no 10 MB case")
    ap.add_argument("--no-proselint", action="store_true", help="do not run proselint even if installed")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = ap.parse_args()
    runs = 2 if args.quick else args.runs
    global LAUNCHER
    LAUNCHER = Launcher()  # before this process grows
    try:
        return bench(args, runs)
    finally:
        LAUNCHER.close()


def bench(args: argparse.Namespace, runs: int) -> int:
    files = write_corpus(CORPUS)
    # Bytecode as an installation has it (pip compiles on install), even under PYTHONDONTWRITEBYTECODE.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src" / "healthlint")],
                   capture_output=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE=""))
    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
               NO_COLOR="1")
    hl = [sys.executable, "-m", "healthlint", "check", "--config", str(CORPUS / ".healthlint.yaml"),
          "--cache-dir", str(CACHE)]
    prose_bin = shutil.which("proselint") or (shutil.which("proselint", path=str(Path(sys.executable).parent)))
    prose = None if args.no_proselint or not prose_bin else [prose_bin, "check"]

    cases = [("3kB", "one 3 kB draft, cold process", runs, 0.8),
             ("1MB", "1 MB single file", runs, 0.2),
             ("folder", "370 files, 1 MB in all", runs, 0.3)]
    if not args.quick:
        cases.append(("10MB", "10 MB single file", 1, None))
    subprocess.run(hl + [str(files["3kB"])], env=env, cwd=CORPUS, capture_output=True)  # warm the caches
    rows = []
    times: dict[str, tuple[float, float]] = {}
    for key, label, n, target in cases:
        target_file = str(files[key])
        h, p = paired(n, hl + [target_file], prose + [target_file] if prose else None, env, drop_results)
        times[key] = h
        ratio = h[0] / p[0] if p else None
        ok = "" if ratio is None or target is None else ("yes" if ratio <= target else "NO")
        rows.append((label, h, p, ratio, f"<= {target}x" if target else "", ok))
        print(f"  measured {label}", file=sys.stderr)
    for key, label in (("3kB", "3 kB draft, unchanged (cached)"), ("folder", "370 files, unchanged (cached)")):
        h = median_of(runs, hl + [str(files[key])], env)
        rows.append((label, h, None, None, "", ""))
    h1 = median_of(max(2, runs // 2), hl + ["--jobs", "1", str(files["folder"])], env, drop_results)
    rows.append(("370 files, --jobs 1", h1, None, None, "", ""))

    print(f"\nhealthlint benchmark  (python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"median wall time; peak = max RSS, floor {LAUNCHER.floor:.0f} MB)\n")
    head = f"{'case':34} {'healthlint':>10} {'peak MB':>8} {'proselint':>10} {'peak MB':>8} {'ratio':>7} {'target':>9} {'ok':>3}"
    print(head)
    print("-" * len(head))
    md = ["| case | healthlint s | peak MB | proselint s | peak MB | ratio | target | ok |", "|---|---|---|---|---|---|---|---|"]
    for label, h, p, ratio, target, ok in rows:
        ps = f"{p[0]:.3f}" if p else "-"
        pm = f"{p[1]:.0f}" if p else "-"
        rs = f"{ratio:.2f}x" if ratio is not None else "-"
        print(f"{label:34} {h[0]:>10.3f} {h[1]:>8.0f} {ps:>10} {pm:>8} {rs:>7} {target:>9} {ok:>3}")
        md.append(f"| {label} | {h[0]:.3f} | {h[1]:.0f} | {ps} | {pm} | {rs} | {target} | {ok} |")
    print()
    extra = []
    if "10MB" in times:
        scale = times["10MB"][0] / times["1MB"][0]
        size_mb = files["10MB"].stat().st_size / 1e6
        mem = times["10MB"][1] / size_mb
        extra.append(f"10 MB time / 1 MB time: {scale:.1f}x (target <= 12x) {'ok' if scale <= 12 else 'NO'}")
        extra.append(f"10 MB peak memory / file size: {mem:.1f}x (target <= 10x) {'ok' if mem <= 10 else 'NO'}")
    n_sent, secs = analysis_rate(files["1MB"], env)
    rate = n_sent / secs
    extra.append(f"analysis alone (doc.analysis, 1 MB file, one core): {n_sent} sentences in {secs:.2f} s = "
                 f"{rate:,.0f} sentences/s (target >= 10,000) {'ok' if rate >= 10_000 else 'NO'}")
    for line in extra:
        print(line)
    if args.markdown:
        print("\n" + "\n".join(md) + "\n")
        for line in extra:
            print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
