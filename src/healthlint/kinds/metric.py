"""``metric``: a readability formula (textstat) over the document's body prose.

YAML settings: ``formula`` (``flesch_kincaid_grade`` or ``smog_index`` or
another grade-level textstat formula) and the user options ``target``
(highest acceptable grade) and ``min_words`` (shorter documents are not
scored: formulas are unreliable on a few sentences). textstat is imported
only when a metric rule runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator

from .base import Hit, expect

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

KEYS = frozenset({"formula"})
FORMULAS = ("flesch_kincaid_grade", "smog_index", "coleman_liau_index", "automated_readability_index",
            "gunning_fog")
PROSE_BLOCKS = ("paragraph", "list_item")


def compile(rule: "Rule", where: str) -> Callable[["Document", dict[str, Any]], Iterator[Hit]]:
    formula = rule.settings.get("formula", "flesch_kincaid_grade")
    expect(formula in FORMULAS, where, rule.id, "formula", f"one of {', '.join(FORMULAS)}")

    def check(doc: "Document", options: dict[str, Any]) -> Iterator[Hit]:
        target = float(options.get("target", 8))
        min_words = int(options.get("min_words", 100))
        name = str(options.get("formula") or formula)
        if name not in FORMULAS:
            name = formula
        parts = [doc.text[b.start : b.end] for b in doc.blocks
                 if b.body and not b.quoted and b.kind in PROSE_BLOCKS]
        prose = "\n".join(parts)
        words = len(prose.split())
        if words < min_words:
            return
        score = grade(prose, name)
        if score > target:
            yield Hit(0, 0, {"score": f"{score:.1f}", "target": f"{target:g}", "formula": name.replace("_", " "),
                             "words": words}, document_level=True)

    return check


def grade(text: str, formula: str) -> float:
    """The reading grade of ``text`` by a textstat formula."""
    import textstat  # imported lazily: it loads a pronouncing dictionary

    return float(getattr(textstat, formula)(text))
