"""JUnit XML, for CI dashboards (Jenkins, GitLab's test reports, Azure Pipelines...).

One ``<testsuite>`` for the run, one ``<testcase>`` per file: a file with findings fails, with
one ``<failure>`` per finding (its type the rule, its message ``line:column: message``); a file
that could not be read is an ``<error>``. Every text is XML-escaped, and characters XML 1.0
cannot hold (control characters) are shown as visible escapes.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.sax.saxutils import quoteattr

from .findings import SORT_KEY, RunResult
from .text import neutralise

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(s: str) -> str:
    """``s`` as an XML attribute value (quoted), with no character XML 1.0 refuses."""
    return quoteattr(_NOT_XML.sub("\ufffd", neutralise(s)))


def _t(s: str) -> str:
    from xml.sax.saxutils import escape

    return escape(_NOT_XML.sub("\ufffd", neutralise(s, keep="\n")))


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    by_file: dict[str, list] = {r.path: [] for r in run.files}
    for f in sorted(run.findings, key=SORT_KEY):
        by_file.setdefault(f.path, []).append(f)
    errors = {r.path: r.error for r in run.files if r.error}
    failures = sum(len(v) for v in by_file.values())
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="healthlint" tests="{len(by_file)}" failures="{failures}" errors="{len(errors)}">\n')
    out.write(f'  <testsuite name="healthlint" tests="{len(by_file)}" failures="{failures}" '
              f'errors="{len(errors)}" skipped="0">\n')
    for path, findings in by_file.items():
        out.write(f"    <testcase classname={_x('healthlint')} name={_x(path)} file={_x(path)}")
        if not findings and path not in errors:
            out.write("/>\n")
            continue
        out.write(">\n")
        if path in errors:
            out.write(f"      <error message={_x(errors[path] or '')}/>\n")
        for f in findings:
            where = f"{path}:{f.line}:{f.column}"
            out.write(f"      <failure type={_x(f.rule)} message={_x(f'{f.line}:{f.column}: {f.message}')}>"
                      f"{_t(f'{where}: {f.severity} [{f.rule}] {f.message}')}</failure>\n")
        out.write("    </testcase>\n")
    out.write("  </testsuite>\n</testsuites>\n")
