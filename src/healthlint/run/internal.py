"""Rules built into the engine itself (not from packs): always on."""

from __future__ import annotations

from ..kinds.rule import Rule

INTERNAL_RULES: dict[str, Rule] = {
    "invalid-directive": Rule(
        id="invalid-directive", pack="healthlint", category="engine", severity="warning",
        message="healthlint directive names an unknown rule",
        rationale="A suppression directive that names a rule that does not exist silences nothing; "
        "it is usually a typo that leaves the finding it was meant for in place, or hides a rule "
        "that was renamed.",
        sources=["healthlint documentation: Suppression"], kind="internal", settings={},
        examples_fire=["healthlint-disable-next-line no-such-rule\nA plain sentence."],
        examples_pass=["healthlint-disable-next-line overclaim\nA plain sentence."],
        summary="A suppression directive names a rule that does not exist.",
    ),
    "rule-timeout": Rule(
        id="rule-timeout", pack="healthlint", category="engine", severity="error",
        message="a rule was stopped because one of its patterns took too long",
        rationale="Every pattern runs with a time limit so that a pathological regular expression in a "
        "rule pack reports an error instead of hanging a CI job. The rule's findings for that file "
        "are incomplete.",
        sources=["healthlint documentation: Guarantees"], kind="internal", settings={},
        examples_fire=[], examples_pass=["A plain sentence."],
        summary="A rule's pattern exceeded its time limit on a file.",
    ),
}
