"""Baselines: adopt healthlint on an existing content repository by recording today's findings
(``--write-baseline FILE``) and reporting only new ones (``--baseline FILE``).

A finding is known by its fingerprint: the rule, the file's path (relative to the current
folder, forward slashes) and the sentence it is in, normalised (case, spacing and Markdown
emphasis marks do not count). Line numbers are not part of it, so a finding stays known when
lines above it are added or removed; editing the sentence makes it new. Repeats count: a
sentence flagged twice by one rule needs two entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from typing import Any

from ..errors import UsageError

VERSION = 1
_END = re.compile(r"[.!?](?=[\s\"')\]]|$)|\n[ \t]*\n|\r\n[ \t]*\r\n")
_MARKS = re.compile(r"[*_`#>~\[\]]+")


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line run between blank lines) around ``text[start:end]``, normalised."""
    lo = 0
    for m in _END.finditer(text, 0, max(0, start)):
        lo = m.end()
    m = _END.search(text, max(start, end - 1 if end > start else start))
    hi = m.end() if m else len(text)
    return " ".join(_MARKS.sub(" ", text[lo:hi]).lower().split())


def _path(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = path
    return rel.replace(os.sep, "/")


def fingerprint(rule: str, path: str, sentence: str) -> str:
    data = "\0".join((rule, _path(path), sentence)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


def fingerprints(result: Any, texts: Any) -> list[tuple[Any, str, str]]:
    """``(finding, fingerprint, sentence)`` for every finding of the run."""
    out = []
    for r in result.files:
        text = texts.text(r.path) if r.findings else None
        for f in r.findings:
            sentence = sentence_at(text, f.start, f.end) if text is not None else f.message
            out.append((f, fingerprint(f.rule, r.path, sentence), sentence))
    return out


def write_baseline(path: str, result: Any, texts: Any) -> int:
    """Write the baseline of ``result`` to ``path`` (atomically); the number of findings in it."""
    from .output import write_report

    entries = [{"fingerprint": fp, "rule": f.rule, "path": _path(f.path), "line": f.line, "sentence": s[:200]}
               for f, fp, s in fingerprints(result, texts)]
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule"]))
    doc = {"healthlint-baseline": VERSION, "findings": entries}
    write_report(path, lambda out: out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n"))
    return len(entries)


def load_baseline(path: str) -> dict[str, int]:
    """Fingerprint -> how many findings of it the baseline holds; a :class:`.UsageError` naming the file."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.loads(f.read(50_000_000))
    except FileNotFoundError:
        raise UsageError(f"--baseline {path!r}: no such file (make one with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise UsageError(f"--baseline {path!r}: not a healthlint baseline ({getattr(e, 'strerror', None) or e})") from None
    if not isinstance(doc, dict) or doc.get("healthlint-baseline") != VERSION or not isinstance(doc.get("findings"), list):
        raise UsageError(f"--baseline {path!r}: not a healthlint baseline (version {VERSION})")
    counts: dict[str, int] = {}
    for e in doc["findings"]:
        fp = e.get("fingerprint") if isinstance(e, dict) else None
        if isinstance(fp, str):
            counts[fp] = counts.get(fp, 0) + 1
    return counts


def drop_known(path: str, result: Any, texts: Any) -> None:
    """Keep in ``result`` only the findings the baseline at ``path`` does not hold."""
    known = load_baseline(path)
    new_ids: set[int] = set()
    for f, fp, _ in fingerprints(result, texts):
        if known.get(fp, 0) > 0:
            known[fp] -= 1
        else:
            new_ids.add(id(f))
    for r in result.files:
        r.findings = [f for f in r.findings if id(f) in new_ids]
