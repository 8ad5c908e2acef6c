"""The linter loop: read a file, run the active rules, map hits to findings."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any, Iterable

from .. import kinds
from ..analyse.context import DocumentAnalysis
from ..errors import ConfigError
from ..kinds.base import Hit, format_message
from ..kinds.rule import Rule
from ..read.document import Document
from ..report.findings import SEVERITY_RANK, SORT_KEY, FileResult, Finding, Related
from . import suppress
from .config import RuleSettings, Settings
from .internal import INTERNAL_RULES


@dataclass(slots=True)
class ActiveRule:
    rule: Rule
    severity: str
    options: dict[str, Any]


def _categories(rules: dict[str, Rule]) -> frozenset[str]:
    return frozenset(r.category for r in rules.values())


def _matches(selector: str, rule: Rule, categories: frozenset[str] = frozenset()) -> bool:
    """Whether ``selector`` (a rule id, ``pack/id``, a category, ``pack:NAME`` or a pack name) names
    ``rule``. A name that is both a category and a pack means the category, as ``healthlint rules``
    shows it (``evidence``); ``pack:evidence`` names the pack."""
    s = selector.strip()
    if s.lower() == "all" or s in (rule.id, rule.qualified_id, rule.category):
        return True
    if s.startswith("pack:"):
        return s[5:] == rule.pack
    return s == rule.pack and s not in categories


def suggestion(name: str, rules: dict[str, Rule]) -> str:
    """`` (did you mean 'overclaim'?)`` for a mistyped rule or category, else ``""``."""
    import difflib

    names = sorted({r.id for r in rules.values()} | {r.category for r in rules.values()}
                   | {r.pack for r in rules.values()} | set(INTERNAL_RULES))
    close = difflib.get_close_matches(name.strip(), names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def validate_selectors(settings: Settings, rules: dict[str, Rule], extra: Iterable[str] = ()) -> None:
    """Every rule id / category named in the config must exist."""
    known = list(rules.values())
    cats = _categories(rules)
    groups = [("", settings.base)] + [(f"per-path.{g}.", rs) for g, _, rs in settings.per_path]
    for prefix, rs in groups:
        for key, names in (("select", rs.select or []), ("ignore", rs.ignore)):
            for n in names:
                if not any(_matches(n, r, cats) for r in known):
                    raise ConfigError(settings.source or "command line",
                                      f"key '{prefix}{key}': unknown rule or category '{n}'{suggestion(n, rules)}")
        for key, names in (("severity", rs.severity), ("rules", rs.options)):
            for n in names:
                rule = rules.get(n.rsplit("/", 1)[-1])
                if rule is None:
                    raise ConfigError(settings.source or "command line",
                                      f"key '{prefix}{key}': unknown rule '{n}'{suggestion(n, rules)}")
                if key == "rules":
                    _check_options(rule, rs.options[n], settings.source, f"{prefix}rules.{n}")
    for n in extra:
        if not any(_matches(n, r, cats) for r in known):
            raise ConfigError("command line", f"unknown rule or category '{n}'{suggestion(n, rules)}")


def _check_options(rule: Rule, opts: dict[str, Any], where: str, key: str) -> None:
    for name, value in opts.items():
        if name not in rule.options:
            allowed = ", ".join(sorted(rule.options)) or "none"
            raise ConfigError(where, f"key '{key}.{name}': rule '{rule.id}' has no such option (options: {allowed})")
        default = rule.options[name]
        ok = (isinstance(value, (int, float)) and not isinstance(value, bool)) if isinstance(default, (int, float)) \
            and not isinstance(default, bool) else isinstance(value, type(default)) or default is None
        if not ok:
            raise ConfigError(where, f"key '{key}.{name}': expected {type(default).__name__}, got {value!r}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(where, f"key '{key}.{name}': expected a finite number, got {value!r}")
        problem = kinds.option_problem(rule, name, value)
        if problem:
            raise ConfigError(where, f"key '{key}.{name}': {problem}, got {value!r}")


def resolve(layers: list[RuleSettings], rules: dict[str, Rule]) -> dict[str, ActiveRule]:
    """The rules in force for one file, with their severity and options."""
    selected: dict[str, Rule] = dict(rules)
    cats = _categories(rules)
    for rs in layers:
        if rs.select is not None:
            selected = {rid: r for rid, r in rules.items() if any(_matches(s, r, cats) for s in rs.select)}
        if rs.ignore:
            selected = {rid: r for rid, r in selected.items() if not any(_matches(s, r, cats) for s in rs.ignore)}
    active = {}
    for rid, rule in selected.items():
        severity, options = rule.severity, dict(rule.options)
        for rs in layers:
            for key in (rule.id, rule.qualified_id):
                severity = rs.severity.get(key, severity)
                options.update(rs.options.get(key, {}))
        active[rid] = ActiveRule(rule, severity, options)
    return active


class Linter:
    """Runs rules over documents according to the settings."""

    def __init__(self, settings: Settings, rules: dict[str, Rule]) -> None:
        self.settings = settings
        self.rules = rules
        self._resolved: dict[tuple[int, ...], dict[str, ActiveRule]] = {}

    def active_for(self, rel: str) -> dict[str, ActiveRule]:
        layers = self.settings.for_path(rel)
        key = tuple(id(x) for x in layers)
        if key not in self._resolved:
            self._resolved[key] = resolve(layers, self.rules)
        return self._resolved[key]

    def lint(self, doc: Document, rel: str) -> FileResult:
        """Lint one read document; ``rel`` is its path for per-path settings.

        Every rule gets the document and its analysis (see :mod:`healthlint.kinds`), made here
        once: its parts are computed when a rule first asks for them.
        """
        active = self.active_for(rel)
        sup, findings = self.directives(doc)
        findings += self._run_rules(doc, DocumentAnalysis(doc), active)
        return self.finish_result(doc.path, sup, self.precedence(findings), list(doc.warnings))

    def directives(self, doc: Document) -> tuple[suppress.Suppressions, list[Finding]]:
        """The file's suppression directives, and a finding for each that names no rule."""
        sup = suppress.parse(doc, lambda n: n in self.rules or n in INTERNAL_RULES)
        findings = [self._internal(doc, "invalid-directive", d.start, d.end,
                                   f"healthlint directive names unknown rule '{name}': "
                                   "check the spelling (`healthlint rules` lists every rule)")
                    for d, name in sup.unknown]
        return sup, findings

    def precedence(self, findings: list[Finding]) -> list[Finding]:
        """Where two rules flag the same words, the more specific one wins: drop the findings of the
        rules a rule ``supersedes`` whose span holds one of its own or lies inside it ("cures arthritis":
        disease-claim, not overclaim on "cures"; "more effective than a complete cure" stays an overclaim)."""
        winners = sorted((f for f in findings if f.rule in self.rules and self.rules[f.rule].supersedes),
                         key=lambda w: w.start)
        if not winners:
            return findings
        starts = [w.start for w in winners]
        longest = max(w.end - w.start for w in winners)

        def beaten(f: Finding) -> bool:  # only winners that start near enough to hold f, or to lie inside it
            lo, hi = bisect_left(starts, f.start - longest), bisect_right(starts, f.end)
            return any(f.rule in self.rules[w.rule].supersedes and (
                w.start <= f.start and f.end <= w.end or f.start <= w.start and w.end <= f.end) for w in winners[lo:hi])
        return [f for f in findings if not beaten(f)]

    @staticmethod
    def finish_result(path: str, sup: suppress.Suppressions, findings: list[Finding],
                      notices: list[str]) -> FileResult:
        """The file's result: findings not suppressed, in order."""
        kept = [f for f in findings if not sup.suppressed(f.rule, f.line) or f.rule in INTERNAL_RULES]
        kept.sort(key=SORT_KEY)
        return FileResult(path, notices=notices, findings=kept)

    def _run_rules(self, doc: Document, analysis: DocumentAnalysis, active: dict[str, ActiveRule]) -> list[Finding]:
        """The findings of the ``active`` rules."""
        findings: list[Finding] = []
        for rid, ar in active.items():
            try:
                for hit in ar.rule.checker(doc, analysis, ar.options):  # type: ignore[misc]
                    findings.append(self._finding(doc, ar, hit))
            except TimeoutError:
                findings.append(self._internal(
                    doc, "rule-timeout", 0, 0,
                    f"rule '{rid}' was stopped: one of its patterns took too long on this file "
                    "(a pattern with catastrophic backtracking?); its findings here are incomplete"))
        return findings

    def _span(self, doc: Document, start: int, end: int, document_level: bool) -> tuple[int, int, int, int, int, int]:
        if document_level:
            lo, hi = doc.lines.line_span(1, doc.source)
        else:
            lo, hi = doc.source_span(start, end)
        l1, c1 = doc.lines.position(lo)
        l2, c2 = doc.lines.position(max(lo, hi))
        return lo, hi, l1, c1, l2, c2

    def _finding(self, doc: Document, ar: ActiveRule, hit: Hit) -> Finding:
        rule = ar.rule
        lo, hi, l1, c1, l2, c2 = self._span(doc, hit.start, hit.end, hit.document_level)
        message = hit.message or format_message(rule.message, hit.vars)
        related = []
        for s, e, note in hit.related:
            _, _, rl1, rc1, rl2, rc2 = self._span(doc, s, e, False)
            related.append(Related(note, rl1, rc1, rl2, rc2))
        severity = ar.severity
        if hit.severity is not None and SEVERITY_RANK[hit.severity] > SEVERITY_RANK[severity]:
            severity = hit.severity
        return Finding(rule.id, severity, message, lo, hi, doc.path, l1, c1, l2, c2, rule.category,
                       related, rule.fix or None)

    def _internal(self, doc: Document, rid: str, start: int, end: int, message: str) -> Finding:
        rule = INTERNAL_RULES[rid]
        if end > start:
            l1, c1 = doc.lines.position(start)
            l2, c2 = doc.lines.position(end)
        else:
            l1, c1, l2, c2 = 1, 1, 1, 1
        return Finding(rid, rule.severity, message, start, end, doc.path, l1, c1, l2, c2, rule.category)
