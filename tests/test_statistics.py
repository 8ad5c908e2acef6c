"""stat-inconsistency: intervals against their estimates, significance against p and intervals,
impossible values, signs, and notation damaged by text extraction."""

from __future__ import annotations

import pytest

from conftest import lint_text

RULE = "stat-inconsistency"


def hits(text: str, fmt: str = "text") -> list:
    return [f for f in lint_text(text, [RULE], fmt=fmt) if f.rule == RULE]


@pytest.mark.parametrize(("text", "said"), [
    # an interval that does not hold its estimate, or a ratio's estimate on a bound
    ("The hazard ratio was 1.42 (95% CI 1.01 to 1.38) for heavy users.", "outside its own confidence interval"),
    ("Risk was lower in users (RR 0.61; 95% CI, 0.64-0.88).", "outside"),
    ("Deaths fell (relative risk 0.90, 95 percent confidence interval [CI], 0.90 to 0.97).", "exactly on a bound"),
    ("The mean difference was 3.4 points (95% CI 0.2 to 2.9).", "outside"),
    # significance against p
    ("The gummies significantly improved sleep (p = 0.08).", "not below the usual 0.05"),
    ("Mood scores rose significantly (P=.12).", "not below"),
    ("The change was statistically significant (p > 0.05).", "not below"),
    ("The result reached significance, with a p-value of 0.21.", "not below"),
    # significance against an interval
    ("Coffee drinkers were significantly less likely to have gout (OR 0.91, 95% CI 0.78 to 1.06).", "includes no effect"),
    ("Drinkers were significantly less likely to fall (0.86, 95% CI 0.71-1.04).", "a ratio of 1"),
    ("The tea significantly shortened colds by 0.9 days (95% CI -0.2 to 2.0).", "a difference of 0"),
    # impossible values
    ("Some 118% of users said it worked.", "impossible share"),
    ("The survey found 105 percent of parents agreed.", "impossible share"),
    ("Stress and sleep were linked (r = -1.2).", "|r| is never above 1"),
    ("The correlation coefficient was 1.8 in older adults.", "|r| is never above 1"),
    ("The trend was clear (p = 2.3).", "p is never above 1"),
    # signs
    ("Fibre intake was inversely associated with weight gain (r = 0.27).", "positive coefficient"),
    ("Steps showed a positive linear correlation with mood (rho = -0.33).", "negative coefficient"),
    # damaged notation
    ("Mood improved (p ¼ .004).", "read 'p = .004'"),
    ("Levels rose from 45 Â± 12 to 78 Â± 15 nmol/L.", "read '45 ± 12'"),
    ("Scores were correlated (r ¼ 0.58, n ¼ 40).", "damaged"),
    ("The effect was small (d = 0Â·21).", "read '0·21'"),
    ("Scores ranged 12â€“18 points.", "read '12–18'"),
    ("Weight changed by Ϫ1.2 kg.", "read '−1.2'"),
])
def test_fires(text: str, said: str) -> None:
    found = hits(text)
    assert len(found) == 1, text
    assert said in found[0].message, found[0].message


@pytest.mark.parametrize("text", [
    "The hazard ratio was 1.22 (95% CI 1.01 to 1.38) for heavy users.",
    "Deaths fell (relative risk 0.93, 95 percent confidence interval [CI], 0.90 to 0.97).",
    "Hazard ratios came to 0.95 (95% CI 0.89 to 1.02) for a single glass and 0.87 (95% CI 0.81 to 0.92) for three.",
    "The median stay was 2 days (95% CI 2 to 3).",
    "At 12 months (95% CI 0.5 to 0.9) the hazard ratio was 0.7.",
    "Risk was 18% lower (HR 0.82, 95% CI 0.74 to 0.89).",
    "The gummies did not significantly improve sleep (p = 0.08).",
    "The difference fell short of statistical significance (p = 0.06).",
    "There was a trend towards significance (p = 0.07).",
    "A non-significant rise was seen (p = 0.3).",
    "The result was significant (p = 0.05).",
    "Scores rose significantly in the walking group (p = 0.01) but not in the yoga group (p = 0.30).",
    "Drinkers were significantly less likely to fall (OR 0.81, 95% CI 0.71 to 0.93), though not in women (OR 0.95, 95% CI 0.80 to 1.12).",
    "The tea shortened colds by 0.9 days (95% CI -0.2 to 2.0), which was not significant.",
    "Prices rose by 150% of their 2010 level.",
    "The supplement gives 250% of an adult's daily vitamin D.",
    "A 300% increase in sales followed.",
    "Fibre intake was inversely associated with weight gain (r = -0.27).",
    "Steps were positively correlated with mood (r = 0.33) and negatively with stress (r = -0.21).",
    "The R rate was 1.4 in the region last week.",
    "Stir in ¼ cup of yoghurt.",
    "Itâ€™s a busy time for the cafÃ© down the road.",
    "This significant study of 2,000 adults was published in 2021.",
])
def test_quiet(text: str) -> None:
    assert hits(text) == [], (text, [f.message for f in hits(text)])


def test_quoted_study_text_is_checked_too() -> None:
    text = 'The abstract reads:\n\n> Mood improved significantly (p = 0.21).\n'
    assert len(hits(text, fmt="markdown")) == 1


def test_one_finding_per_sentence() -> None:
    assert len(hits("Scores rose significantly (p = 0.3), and 120% of users agreed (r = 1.4).")) == 1


@pytest.mark.parametrize("text", [
    "A significant number of patients dropped out, and pain scores did not differ (p = 0.31).",
    "The drug had significant side effects, while the benefit on sleep was small (p = 0.2).",
    "Mood was significantly better at week 4, but the difference at week 8 was not significant (p = 0.09).",
])
def test_everyday_or_taken_back_significance_is_quiet(text: str) -> None:
    assert hits(text) == [], text


@pytest.mark.parametrize("text", [
    "The cream produced a significant reduction in redness (p = 0.09).",
    "There was a significant difference between the groups (p = 0.3).",
    "A significant association with migraine was found (OR 1.12, 95% CI 0.95 to 1.31).",
])
def test_statistical_significance_is_still_checked(text: str) -> None:
    assert len(hits(text)) == 1, text


def test_built_in_and_configured_mangled_notation_both_work() -> None:
    """The built-in patterns run on Python's engine; a configured list runs on ``regex`` with a time-out."""
    from healthlint.checks.statistics import _problem, prepare

    built_in = prepare({}, "core.yaml", "stat-inconsistency")["mangled"]
    own = prepare({"mangled": [r"\d\s?Ж\s?\d"]}, "pack.yaml", "stat-inconsistency")["mangled"]
    assert built_in is not own
    assert _problem("Sleep was related to mood (r ¼ 0.41).", built_in)[1].startswith("statistical notation damaged")
    assert _problem("Weight fell by 2Ж4 kg.", built_in) is None
    found = _problem("Weight fell by 2Ж4 kg.", own)
    assert found is not None and "'2Ж4'" in found[1]
    assert _problem("Sleep was related to mood (r ¼ 0.41).", own) is None
