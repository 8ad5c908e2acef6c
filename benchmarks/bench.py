"""Benchmark healthlint against proselint on what users run, in one run.

Usage (from the repository root):

    python benchmarks/bench.py              # every case, median of several paired runs
    python benchmarks/bench.py --quick      # 2 runs per case, no 10 MB file
    python benchmarks/bench.py --markdown   # also print the table as Markdown
    python benchmarks/bench.py --against OTHER/src   # this tree against another healthlint tree

Real-article cases, run when ``../shared/data/health_corpus_dev.jsonl`` exists (next to
the repository; a note is printed when it does not): its 1,091 stories written as
Markdown files (``# title``, a blank line, the text) to a temporary folder outside the
repository, and linted as a folder (CI over a content repository), five of them (a
pre-commit run) and one of about 3 kB (a draft). Synthetic cases (corpus_gen.py, written
to benchmarks/corpus/, git-ignored): a 1 MB and a 10 MB file, only to check that the cost
grows linearly with the size of a file.

Each command runs as a child of a small launcher process; wall time is measured around
it and peak memory is the child's maximum resident set size from ``os.wait4`` (for a
parallel run, its largest process). healthlint runs with every rule enabled and its
syllable table built, but with no cached results (deleted before every run: every file
is linted, as after an edit); "cold" means a new process with no cached result for the
file. For each case, healthlint's and proselint's runs alternate, so a change in the
machine's speed changes both alike: the ratio is what the targets are about.
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
STORIES = REPO.parent / "shared" / "data" / "health_corpus_dev.jsonl"

# A small process, started before anything is generated, starts every timed command. A
# child's peak memory (ru_maxrss) counts the pages of the process it was forked from, so
# forking the commands from this script (tens of MB once the corpus is read) would report
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
        CORPUS.mkdir(exist_ok=True)  # every command runs there; on a fresh checkout it is not made yet
        self.proc = subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        self.err = Path(tempfile.mkstemp(prefix="hl-bench-", suffix=".err")[1])
        self.floor = self.run(["true"], dict(os.environ))[1]  # what any run's peak includes

    def run(self, cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
        """(wall seconds, peak RSS in MB) of one run of ``cmd`` (in the corpus folder)."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps([cmd, env, str(CORPUS), str(self.err)]) + "\n")
        self.proc.stdin.flush()
        wall, peak, code = json.loads(self.proc.stdout.readline())
        if code not in (0, 1):
            raise SystemExit(f"failed ({code}): {' '.join(cmd)}\n{self.err.read_text(errors='replace')}")
        return wall, peak

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()
        self.err.unlink(missing_ok=True)


class Tool:
    """A command line to time, its environment, and what to do before each run."""

    def __init__(self, name: str, cmd: list[str], env: dict[str, str], cache: Path | None = None) -> None:
        self.name, self.cmd, self.env, self.cache = name, cmd, env, cache

    def run(self, launcher: Launcher, paths: list[str]) -> tuple[float, float]:
        if self.cache is not None:  # forget cached results: every file is linted
            shutil.rmtree(self.cache / "v3", ignore_errors=True)
        return launcher.run(self.cmd + paths, self.env)


def healthlint(src: Path, cache: Path, name: str = "healthlint") -> Tool:
    # Bytecode as an installation has it (pip compiles on install), even under PYTHONDONTWRITEBYTECODE.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src / "healthlint")],
                   capture_output=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE=""))
    env = dict(os.environ, PYTHONPATH=str(src) + os.pathsep + os.environ.get("PYTHONPATH", ""), NO_COLOR="1")
    cmd = [sys.executable, "-m", "healthlint", "check", "--config", str(CORPUS / ".healthlint.yaml"),
           "--cache-dir", str(cache)]
    subprocess.run(cmd + [str(CORPUS / "draft-3kB.md")], env=env, cwd=CORPUS, capture_output=True)  # syllable table
    return Tool(name, cmd, env, cache)


def proselint() -> Tool | None:
    found = shutil.which("proselint") or shutil.which("proselint", path=str(Path(sys.executable).parent))
    return Tool("proselint", [found, "check"], dict(os.environ)) if found else None


def paired(launcher: Launcher, runs: int, mine: Tool, other: Tool | None, paths: list[str],
           ) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """Medians of wall time (and the largest peak) of ``mine`` and ``other``, run alternately."""
    a, b = [], []
    for _ in range(runs):
        a.append(mine.run(launcher, paths))
        if other is not None:
            b.append(other.run(launcher, paths))

    def summary(rs: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in rs), max(r[1] for r in rs)

    return summary(a), summary(b) if b else None


def write_stories(folder: Path) -> dict[str, list[str]]:
    """The stories as Markdown files in ``folder``; the paths of each real-article case."""
    sizes = []
    with STORIES.open(encoding="utf-8") as f:
        for line in f:
            story = json.loads(line)
            path = folder / f"{story['id']}.md"
            data = f"# {story['title']}\n\n{story['text']}\n".encode()
            path.write_bytes(data)
            sizes.append((len(data), path.name))
    sizes.sort()
    median = sizes[len(sizes) // 2][0]
    five = sorted(sorted(sizes, key=lambda s: (abs(s[0] - median), s[1]))[:5], key=lambda s: s[1])
    draft = min(sizes, key=lambda s: (abs(s[0] - 3000), s[1]))
    return {"folder": [str(folder)], "five": [str(folder / n) for _, n in five], "draft": [str(folder / draft[1])]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="paired runs per case (median); the 10 MB case runs once")
    ap.add_argument("--quick", action="store_true", help="2 runs per case, no 10 MB case")
    ap.add_argument("--no-proselint", action="store_true", help="do not run proselint even if installed")
    ap.add_argument("--against", metavar="SRC", help="compare with the healthlint package under SRC instead of "
                    "proselint (ratio = this tree / that tree)")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = ap.parse_args()
    launcher = Launcher()  # before this process grows
    try:
        return bench(args, launcher, 2 if args.quick else args.runs)
    finally:
        launcher.close()


def bench(args: argparse.Namespace, launcher: Launcher, runs: int) -> int:
    files = write_corpus(CORPUS)
    hl = healthlint(REPO / "src", CORPUS / ".hl-cache")
    if args.against:
        other = healthlint(Path(args.against).resolve(), CORPUS / ".hl-cache-other", "other")
    else:
        other = None if args.no_proselint else proselint()
    vs = other.name if other else "-"
    rows: list[tuple[str, tuple[float, float], tuple[float, float] | None, str]] = []
    verdicts: list[str] = []

    def case(label: str, paths: list[str], n: int, target: float | None, peak_mb: float | None = None,
             compare: bool = True) -> tuple[float, float]:
        h, p = paired(launcher, n, hl, other if compare else None, paths)
        ratio = h[0] / p[0] if p else None
        rows.append((label, h, p, f"{ratio:.2f}x" if ratio is not None else "-"))
        print(f"  measured {label}", file=sys.stderr)
        if target is not None and other is not None and other.name == "proselint":
            ok = ratio is not None and ratio <= target and (peak_mb is None or h[1] <= peak_mb)
            extra = f", peak {h[1]:.0f} MB (target <= {peak_mb:.0f} MB)" if peak_mb else ""
            verdicts.append(f"{label}: {ratio:.2f}x proselint (target <= {target}x){extra}: "
                            f"{'met' if ok else 'NOT MET'}")
        return h

    if STORIES.is_file():
        tmp = Path(tempfile.mkdtemp(prefix="hl-bench-stories-"))
        try:
            (tmp / "stories").mkdir()
            real = write_stories(tmp / "stories")
            n_files = len(list((tmp / "stories").iterdir()))
            case(f"{n_files:,} real stories, a folder", real["folder"], runs, 0.35, 150)
            case("five real stories, cold", real["five"], runs, 0.8)
            size = os.path.getsize(real["draft"][0]) / 1000
            case(f"one real story ({size:.1f} kB), cold", real["draft"], runs, 1.0)
            jobs1 = Tool(hl.name, hl.cmd + ["--jobs", "1"], hl.env, hl.cache)
            h1 = paired(launcher, max(2, runs // 2), jobs1, None, real["folder"])[0]
            rows.append((f"{n_files:,} real stories, --jobs 1", h1, None, "-"))
            unchanged = Tool(hl.name, hl.cmd, hl.env)  # results kept: the last run's are served from the cache
            h2 = paired(launcher, runs, unchanged, None, real["folder"])[0]
            rows.append((f"{n_files:,} real stories, unchanged (cached)", h2, None, "-"))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"note: {STORIES} not found: the real-article cases are skipped", file=sys.stderr)
        verdicts.append(f"real-article cases: skipped ({STORIES} not found)")

    one = case("1 MB synthetic file", [str(files["1MB"])], runs, None, compare=bool(args.against))
    if not args.quick:
        ten = case("10 MB synthetic file", [str(files["10MB"])], 1, None, compare=bool(args.against))
        scale = ten[0] / one[0]
        mem = ten[1] / (files["10MB"].stat().st_size / 1e6)
        verdicts.append(f"10 MB time / 1 MB time: {scale:.1f}x (target <= 12x): {'met' if scale <= 12 else 'NOT MET'}")
        verdicts.append(f"10 MB peak memory / file size: {mem:.1f}x (target <= 10x): {'met' if mem <= 10 else 'NOT MET'}")
    else:
        verdicts.append("10 MB linear-growth check: not run (--quick)")

    print(f"\nhealthlint benchmark  (python {sys.version.split()[0]}, {os.cpu_count()} cores, median wall "
          f"time of {runs} paired runs; peak = max RSS, floor {launcher.floor:.0f} MB)\n")
    head = f"{'case':40} {'healthlint':>10} {'peak MB':>8} {vs:>10} {'peak MB':>8} {'ratio':>7}"
    print(head)
    print("-" * len(head))
    md = [f"| case | healthlint s | peak MB | {vs} s | peak MB | ratio |", "|---|---|---|---|---|---|"]
    for label, h, p, ratio in rows:
        ps, pm = (f"{p[0]:.3f}", f"{p[1]:.0f}") if p else ("-", "-")
        print(f"{label:40} {h[0]:>10.3f} {h[1]:>8.0f} {ps:>10} {pm:>8} {ratio:>7}")
        md.append(f"| {label} | {h[0]:.3f} | {h[1]:.0f} | {ps} | {pm} | {ratio} |")
    print()
    for line in verdicts:
        print(line)
    if args.markdown:
        print("\n" + "\n".join(md) + "\n")
        for line in verdicts:
            print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
