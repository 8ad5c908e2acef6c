"""A loaded, validated rule: metadata from YAML plus its compiled checker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator


DOCUMENT_KINDS = ("requirement", "metric")


@dataclass(slots=True)
class Rule:
    """One rule of a pack. ``checker`` yields findings for a document."""

    id: str
    pack: str
    category: str
    severity: str
    message: str
    rationale: str
    sources: list[str]
    kind: str
    settings: dict[str, Any]
    examples_fire: list[str] = field(default_factory=list)
    examples_pass: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    summary: str = ""
    fix: str = ""
    file: str = ""
    builtin: bool = False  # from a pack shipped with healthlint (its patterns are checked by the test suite)
    supersedes: list[str] = field(default_factory=list)  # rules whose findings on the same words this one replaces
    checker: Callable[..., Iterator[Any]] | None = None

    @property
    def qualified_id(self) -> str:
        return f"{self.pack}/{self.id}"

    @property
    def document_level(self) -> bool:
        return self.kind in DOCUMENT_KINDS or bool(self.settings.get("document_level"))

    def one_line(self) -> str:
        return self.summary or self.rationale.strip().split("\n", 1)[0]
