"""Every rule's YAML examples: each ``fire`` example must fire, each ``pass`` must not."""

from __future__ import annotations

import pytest

from conftest import all_rules, lint_text
from healthlint.run.internal import INTERNAL_RULES

CASES = [
    pytest.param(rule.id, kind, i, text, id=f"{rule.id}-{kind}-{i}")
    for rule in list(all_rules().values()) + list(INTERNAL_RULES.values())
    for kind, texts in (("fire", rule.examples_fire), ("pass", rule.examples_pass))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("rule_id", "kind", "index", "text"), CASES)
def test_example(rule_id: str, kind: str, index: int, text: str) -> None:
    select = [rule_id] if rule_id not in INTERNAL_RULES else ["overclaim"]
    hits = [f for f in lint_text(text, select) if f.rule == rule_id]
    if kind == "fire":
        assert hits, f"{rule_id} should fire on example {index}: {text!r}"
        for f in hits:
            assert f.line >= 1 and f.column >= 1
    else:
        assert not hits, f"{rule_id} should not fire on pass example {index}: {text!r} -> {[h.message for h in hits]}"


def test_every_rule_has_examples_both_ways() -> None:
    for rule in all_rules().values():
        assert len(rule.examples_fire) >= 1 and len(rule.examples_pass) >= 1, rule.id
        assert rule.rationale.strip() and rule.sources, rule.id


def test_lexicon_and_context_rules_have_eight_examples_each_way() -> None:
    for rule in all_rules().values():
        if rule.kind in ("existence", "check"):
            assert len(rule.examples_fire) >= 8 and len(rule.examples_pass) >= 8, rule.id


def test_core_rule_ids_present() -> None:
    expected = {"commercial-cta", "missing-disclaimer", "overclaim", "unattributed-claim",
                "stat-inconsistency", "readability", "animal-extrapolation", "causal-from-association",
                "subgroup-generalization", "relative-risk-only", "self-treatment", "disease-claim"}
    assert expected <= set(all_rules())
