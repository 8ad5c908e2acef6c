"""The Python API: lint or analyse a text in memory (a CMS hook, a notebook, a test).

    >>> import healthlint
    >>> [f.rule for f in healthlint.lint_text("Studies show this tea cures insomnia.")]
    ['unattributed-claim', 'overclaim']

Nothing is read from or written to disk except the configuration file you name (no cache);
the results are the same as ``healthlint check`` gives for the same text and settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Union

from ..report.findings import Finding, Related

__all__ = ["lint_text", "analyze_text", "Finding", "Related", "SentenceAnalysis"]

FORMATS = ("markdown", "html", "text")
ConfigLike = Union[None, Mapping[str, Any], str, "os.PathLike[str]"]
_RULES: dict[tuple[str, ...], Any] = {}


@dataclass(frozen=True)
class SentenceAnalysis:
    """What healthlint sees in one sentence (``healthlint analyze``); positions are 1-based."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    claim: str  # none, correlational, conditional or causal
    hedged: bool
    quoted: bool
    role: str | None
    hedges: list[str] = field(default_factory=list)
    boosters: list[str] = field(default_factory=list)
    designs: list[str] = field(default_factory=list)
    species: list[str] = field(default_factory=list)
    populations: list[str] = field(default_factory=list)
    sample_size: int | None = None
    citations: list[str] = field(default_factory=list)
    evidence: str | None = None  # the study the sentence rests on, with its line
    details: dict[str, Any] = field(default_factory=dict)  # every field of `healthlint analyze --format json`


def _document(text: str, format: str, path: str) -> Any:
    from ..read import read_source

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    return read_source(text, path, format)


def _settings(config: ConfigLike) -> Any:
    from .config import Settings, load_settings, parse_settings

    if config is None:
        return Settings()
    if isinstance(config, Mapping):
        return parse_settings(dict(config), "config", Path.cwd().resolve())
    return load_settings(os.fspath(config))


def lint_text(text: str, format: str = "markdown", config: ConfigLike = None, *, path: str = "<text>") -> list[Finding]:
    """The findings of ``text`` (``format``: markdown, html or text), in order.

    ``config``: None for the defaults, a mapping with the keys of ``.healthlint.yaml``
    (``{"ignore": ["readability"]}``), or the path of a config file. ``path`` is the name shown
    in findings and matched by ``per-path``. A :class:`healthlint.errors.ConfigError` for a bad config.
    """
    from .linter import Linter, validate_selectors
    from .packs import load_rules

    doc = _document(text, format, path)
    settings = _settings(config)
    key = tuple(settings.extend_rules)
    if key not in _RULES:
        _RULES[key] = load_rules(settings.extend_rules)
    rules = _RULES[key]
    validate_selectors(settings, rules)
    return Linter(settings, rules).lint(doc, path).findings


def analyze_text(text: str, format: str = "markdown", *, path: str = "<text>") -> list[SentenceAnalysis]:
    """What healthlint sees in each prose sentence of ``text``: claim strength, hedges, boosters,
    study design, species, population, sample size, citations and the evidence it rests on."""
    from .analyze import sentence_records

    out = []
    for rec in sentence_records(_document(text, format, path)):
        names = lambda key: [str(x.get("text", x)) if isinstance(x, dict) else str(x) for x in rec.get(key) or []]  # noqa: E731
        out.append(SentenceAnalysis(
            line=rec["line"], column=rec["column"], end_line=rec["end_line"], end_column=rec["end_column"],
            text=rec["text"], claim=rec.get("claim", "none"), hedged=bool(rec.get("hedge")),
            quoted=bool(rec.get("quoted")), role=rec.get("role"), hedges=names("hedges"),
            boosters=names("boosters"), designs=names("designs"), species=names("species"),
            populations=names("populations"), sample_size=rec.get("sample_size"), citations=names("citations"),
            evidence=rec.get("evidence"), details=rec))
    return out
