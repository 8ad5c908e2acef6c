"""relative-risk-only: the wordings of a relative change, the absolute figures that quiet it, ratio figures."""

from __future__ import annotations

import pytest

from conftest import lint_text

RULE = "relative-risk-only"


def hits(text: str, fmt: str = "text", **options: str) -> list:
    opts = {RULE: dict(options)} if options else None
    return [f for f in lint_text(text, [RULE], fmt=fmt, options=opts) if f.rule == RULE]


@pytest.mark.parametrize("text", [
    # percent wordings
    "Runners were 31% less likely to develop knee arthritis.",
    "Shift workers were 30 percent more likely to be obese.",
    "Women taking the pill had a 25 per cent decrease in likelihood of ovarian cancer.",
    "The programme brought a 12% drop in a child's risk of asthma attacks.",
    "Statin users had a 45% increased risk of muscle pain.",
    "Daily flossing reduces the risk of death from pneumonia (a lung infection) by 20%.",
    "The jab cut hospital admissions by 70%.",
    "Eating fish was linked to 25% fewer strokes.",
    # fractions and multiples
    "Moderate exercise reduces the risk of heart failure by almost half.",
    "They saw a drop in risk of about a third.",
    "The vaccine cut their risk in half.",
    "Vaping triples the odds of taking up smoking.",
    "People with gum disease have twice the risk of a heart attack.",
    "Heavy drinkers are four times more likely to develop cirrhosis.",
    "Those who slept less than five hours had a two-fold higher risk of diabetes.",
    "The risk of a second fracture was halved.",
    "Their risk of dementia fell by 18%.",
    "The risk of infection was 60% lower in the treated group.",
    # headline case
    "Green Tea Reduces Prostate Cancer Risk by 40 Percent",
])
def test_relative_wordings_fire(text: str) -> None:
    assert len(hits(text)) == 1, text


@pytest.mark.parametrize("text", [
    # absolute figures in the same sentence
    "The vaccine cut the risk of flu by 60%, from 5 in 100 people to 2 in 100.",
    "Risk fell by half, from 4% to 2%.",
    "The pill halves the risk: 2% of the placebo group had a stroke, against 1% of those on the drug.",
    "The drug reduced deaths by 20%; 41 of 200 patients died on it, against 51 of 200 on placebo.",
    "Screening cut deaths by 20%, or 1 fewer death per 1,000 women screened.",
    "The absolute risk fell by 1 percentage point, a 25% lower risk.",
    "The number needed to treat was 40 for a 30% lower risk of stroke.",
    # absolute figures in the adjacent sentence
    "Over ten years, 3 in 100 walkers had a heart attack, compared with 4 in 100 non-walkers. That is a 25% lower risk.",
    "Smokers were ten times more likely to get lung cancer. About 15 in 100 smokers get it, against 1.5 in 100 non-smokers.",
    "Fewer flares followed: flares were 30% less likely. Someone who would have had 10 flares a year might have had 7.",
    # not a change in risk
    "About 40% of adults take a daily supplement.",
    "More than half of the volunteers were over 60.",
    "Blood pressure fell by 10% in the diet group.",
    "The supplement raises vitamin D levels by 30%.",
    "Take the capsules twice a day.",
    "Sales rose by 200% in a year.",
    "The team doubled the dose after a week.",
    # denied, explained, supposed
    "The study did not show that coffee cuts the risk of diabetes by 30%.",
    "A 50% lower risk means different things for a rare and a common disease.",
    "Suppose a drug halves your risk of a stroke.",
])
def test_quiet(text: str) -> None:
    assert hits(text) == [], text


def test_one_finding_per_sentence() -> None:
    text = "Walkers had a 30% lower risk of stroke and a 20% lower risk of heart attack."
    assert len(hits(text)) == 1


def test_a_reference_number_ends_a_sentence() -> None:
    text = ("Men who drank coffee were 40% less likely to have gout than those who did not.2 "
            "Those who drank tea were 20% less likely to have it.2")
    assert len(hits(text)) == 2


def test_quotation_marks_and_blockquotes_are_quiet() -> None:
    assert hits('The old headline read "Coffee cuts cancer risk by half" and was wrong.') == []
    assert hits("“Aspirin cuts the risk of bowel cancer by a quarter,” said Dr Amal Haddad.") == []
    assert hits("Results:\n\n> Participants on the drug were 40% less likely to relapse.\n", fmt="markdown") == []


def test_indirect_speech_is_the_writers_choice() -> None:
    assert len(hits("A TV channel says that daily walks are tied to a 20% drop in a person's risk of dying early.")) == 1


def test_chrome_is_quiet() -> None:
    text = ("# Walking and the heart\n\nA study of 2,000 adults looked at walking and heart health over ten years, "
            "and found that brisk walkers lived longer.\n\nRelated stories\n\n"
            "- Tea drinkers are 20% less likely to have a stroke\n- Dogs and blood pressure\n")
    assert hits(text, fmt="markdown") == []


# ---- ratio figures ---------------------------------------------------------------------------

BARE = "Nurses who worked nights had a hazard ratio for breast cancer of 1.3."
WITH_CI = "Nurses who worked nights had a hazard ratio for breast cancer of 1.3 (95% CI 1.1 to 1.6)."
EXPLAINED = ("Nurses who worked nights had a hazard ratio for breast cancer of 1.3. "
             "A hazard ratio compares how often something happens in two groups over time.")


def test_bare_ratio_fires() -> None:
    assert len(hits(BARE)) == 1
    assert len(hits("Among regular users the odds ratio for migraine was 2.4.")) == 1
    assert len(hits("Loneliness predicted dementia (HR 1.4).")) == 1


def test_ratio_with_interval_or_absolute_numbers_or_explained_is_quiet() -> None:
    assert hits(WITH_CI) == []
    assert hits("Night work predicted breast cancer (HR 1.3, 1.1-1.6).") == []
    assert hits("Night work predicted breast cancer (HR 1.3): 13 in 1,000 night workers against 10 in 1,000 others.") == []
    assert hits(EXPLAINED) == []


def test_ratio_option() -> None:
    assert len(hits(WITH_CI, ratios="all")) == 1
    assert hits(BARE, ratios="off") == []
    # wordings are reported whatever the option, with or without an interval
    text = "Night work was tied to a 30% higher risk of breast cancer (HR 1.3, 95% CI 1.1 to 1.6)."
    assert len(hits(text, ratios="off")) == 1


def test_not_ratios() -> None:
    assert hits("The asteroid 1998 OR2 will pass the Earth next week.") == []
    assert hits("The head of HR 2 years ago wrote the policy.") == []
    assert hits("The hazard ratio was lower in women.") == []


def test_message_says_what_was_seen_and_how_to_fix() -> None:
    (f,) = hits("Gardeners were 42% less likely to be depressed.")
    assert '"42% less likely"' in f.message and "in 100" in f.message
    (g,) = hits(BARE)
    assert "hazard ratio for breast cancer of 1.3" in g.message and "absolute" in g.message


@pytest.mark.parametrize("text", [
    "Carriers are twice as likely to get the disease. Only 1% of women get it in the first place.",
    "The drug cut the risk of a second stroke by a third. Without it, the risk of a second stroke is about 6% a year.",
    "Heavy snorers were 50% more likely to have a heart attack; the lifetime risk for an adult man is around 20%.",
])
def test_a_baseline_level_nearby_is_an_absolute_figure(text: str) -> None:
    assert hits(text) == [], text


@pytest.mark.parametrize("text", [
    "Carriers are twice as likely to get the disease. About 1% of the budget goes to research.",
    "The drug cut the risk of a second stroke by a third. The risk was 30% lower in women.",
    "Heavy snorers were 50% more likely to have a heart attack. About 40% of adults snore.",
])
def test_not_a_baseline(text: str) -> None:
    assert len(hits(text)) >= 1, text


@pytest.mark.parametrize("text", [
    "Night owls had 20% less risk of gallstones, oddly.",
    "Teens who vape are 2x more likely to start smoking.",
    "Walkers were a third less likely to need a hip replacement.",
    "Their risk of kidney stones more than doubled.",
    "The study found an increase of 25% in the risk of gout.",
    "Long commutes raised the risk of back pain threefold.",
    "Obesity increased the risk of knee surgery four times over.",
    "Coffee Cuts Diabetes Risk 25%",
    "Loneliness predicted dementia (HR, 1.4).",
])
def test_more_wordings_fire(text: str) -> None:
    assert len(hits(text)) == 1, text


@pytest.mark.parametrize("text", [
    "Take the tablets three times a day to lower the risk of a flare.",
    "Twice as many people signed up this year.",
    "The risk of a fall doubled as a talking point in the campaign.",
    "Patients had 20% less pain after surgery.",
    "Drinks with 30% less sugar are on sale.",
    "It reduces risk, 30% of the doctors said.",
])
def test_more_near_misses_stay_quiet(text: str) -> None:
    assert hits(text) == [], text


def test_ratio_followed_by_a_comma() -> None:
    text = "Night work predicted breast cancer (HR 1.3, 95% CI 1.1 to 1.6)."
    assert hits(text) == []
    assert len(hits(text, ratios="all")) == 1
    assert len(hits("Night work predicted breast cancer (odds ratio 1.3, adjusted for age).")) == 1


def test_message_of_a_ratio_with_its_interval_does_not_ask_for_the_interval() -> None:
    (f,) = hits(WITH_CI, ratios="all")
    assert "no confidence interval" not in f.message and "absolute" in f.message


@pytest.mark.parametrize(("text", "n"), [
    ("The drug brought a 30% reduction in deaths from heart failure.", 1),
    ("Aspirin users saw a 20 percent drop in strokes.", 1),
    ("Hip protectors led to a 40% fall in fractures among residents.", 1),
    ("The risk was 2.3 times higher among smokers.", 1),
    ("Walkers had a reduced risk of 20%.", 1),
    ("Vapers showed an increased risk of 48 percent.", 1),
    # counts changing over time, not a risk
    ("The region saw a 30% rise in cases this week.", 0),
    ("There was a 12% increase in admissions over the winter.", 0),
    ("Deaths fell from 120 to 90 per 100,000 people, a 25% reduction in deaths.", 0),
])
def test_events_and_late_amounts(text: str, n: int) -> None:
    assert len(hits(text)) == n, text


@pytest.mark.parametrize("text", [
    "Infection was six times more likely in carers. Among carers, 1.3% tested positive.",
    "Heavy drinkers were 40% more likely to die early; 8% of the heavy drinkers died during the study.",
    "Night workers had a 25% higher risk of diabetes. Over ten years, 4.2 percent developed it.",
])
def test_an_event_rate_nearby_is_an_absolute_figure(text: str) -> None:
    assert hits(text) == [], text


@pytest.mark.parametrize("text", [
    "Infection was six times more likely in carers. About 30% of carers work nights.",
    "Heavy drinkers were 40% more likely to die early; 8% of them were women.",
    "Night workers had a 25% higher risk of diabetes. About 20% of workers do shifts.",
])
def test_a_share_that_is_not_an_event_rate_does_not_quiet_it(text: str) -> None:
    assert len(hits(text)) == 1, text


def test_rates_per_person_side_by_side_are_absolute_figures() -> None:
    from conftest import lint_text
    text = ("Children who took the vitamin had 38 per cent fewer severe attacks. On average there were 0.9 severe attacks "
            "per child per year in the vitamin D group, against 1.45 in the placebo group.\n")
    assert lint_text(text, ["relative-risk-only"]) == []
    alone = "Children who took the vitamin had 38 per cent fewer severe attacks. The trial lasted two years.\n"
    assert [f.rule for f in lint_text(alone, ["relative-risk-only"])] == ["relative-risk-only"]
