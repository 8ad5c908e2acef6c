"""Phenomena of subgroup-generalization met on pages nobody here tuned on, each with sentences of our own that fire
and near misses that stay quiet; every text here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text

SG = ["subgroup-generalization"]


# -- advice drawn from a result found in one group, given to every reader without naming the group
SWIM = ("# Swimming sharpens memory\n\n"
        "Swimming three times a week improves memory in middle-aged adults, a trial from the Harbour Institute has found.\n\n"
        "The trial enrolled 300 adults aged 45 to 60. Among the women, swimmers remembered more words than those who "
        "stretched. In the men, there was no difference between the groups.\n\n"
        "## What it means for you\n\n"
        "{advice}\n")
CHILD_TRIAL = ("# Fish oil and asthma\n\n"
               "A daily spoonful of fish oil cut asthma attacks, a trial has found.\n\n"
               "The trial enrolled 400 children aged 5 to 10 with asthma. Half took fish oil and half an olive oil "
               "placebo for a year.\n\n"
               "{advice}\n")


@pytest.mark.parametrize("page, advice", [
    (SWIM, "If you want a sharper memory in midlife, take up swimming."),
    (SWIM, "Everyone should add a few lengths of swimming to their week to protect their memory."),
    (SWIM, "Try swimming twice a week, and your memory should improve within months."),
    (CHILD_TRIAL, "The result suggests that asthma sufferers of every age should take fish oil through the winter."),
])
def test_advice_from_a_subgroup_result_given_to_every_reader(page: str, advice: str) -> None:
    text = page.format(advice=advice)
    last = text.count("\n")
    found = [f for f in lint_text(text, SG, fmt="markdown") if f.line == last]
    assert len(found) == 1 and "advises every reader" in found[0].message, found


@pytest.mark.parametrize("page, advice", [
    (SWIM, "If you are a woman in midlife, take up swimming to sharpen your memory."),  # names the group
    (SWIM, "Talk to your doctor before taking up swimming if you have a heart condition."),  # routes to a clinician
    (SWIM, "The trial's authors say you should try swimming for the sake of your memory."),  # their advice
    (SWIM, "Put in plain terms, the women who swam remembered more."),  # a turn of phrase, not an instruction
    (SWIM, "Take up swimming if you enjoy it."),  # no health outcome
    (CHILD_TRIAL, "Parents should keep giving their child the inhaler their doctor prescribed."),
    (CHILD_TRIAL, "Children with asthma should take fish oil only if their doctor agrees."),
])
def test_near_misses_of_advice_from_a_subgroup_result(page: str, advice: str) -> None:
    text = page.format(advice=advice)
    assert [f for f in lint_text(text, SG, fmt="markdown") if f.line == text.count("\n")] == []


# -- results that differed by age ("split sharply by age", "in those under 60 ... not significant") limit the claim
LIGHT = ("# Morning light improves sleep\n\n"
         "A randomised trial of 480 adults aged 25 to 79 tested a bright light box each morning for eight weeks. "
         "{result}\n\n"
         "Morning light improves sleep.\n")


@pytest.mark.parametrize("result, fires", [
    ("The results split sharply by age: those aged 60 and over slept 30 minutes longer.", True),
    ("In those under 60, the difference was just four minutes and was not statistically significant.", True),
    ("Younger participants saw no benefit at all.", True),
    ("The results were similar in younger and older participants.", False),
    ("In those under 60, sleep improved by 20 minutes, much as in older participants.", False),
])
def test_results_that_differed_by_age(result: str, fires: bool) -> None:
    found = [f for f in lint_text(LIGHT.format(result=result), SG, fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- "keeps your memory in shape", "boosts brainpower": idioms of effect
@pytest.mark.parametrize("claim, fires", [
    ("Whether you're 30 or 80, swimming twice a week will keep your memory in shape.", True),
    ("Swimming boosts brainpower.", True),
    ("Swimming keeps the pool staff in shape.", False),  # no health outcome of the reader
])
def test_idioms_of_effect_on_memory(claim: str, fires: bool) -> None:
    text = ("# Swimming and memory\n\nA trial of 200 women aged 65 to 80 found that swimming twice a week improved "
            "their memory.\n\n" + claim + "\n")
    found = [f for f in lint_text(text, SG, fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- an imperative headline is advice too: "Swap your cereal for eggs to stop blood sugar spikes"
DIABETES_TRIAL = ("# {title}\n\n"
                  "A savoury breakfast keeps blood sugar steadier, a new trial shows.\n\n"
                  "The trial enrolled 120 adults with type 2 diabetes who wore glucose monitors for two weeks.\n")


@pytest.mark.parametrize("title, fires", [
    ("Swap your cereal for eggs to stop blood sugar spikes", True),
    ("Swap your toast for eggs to stop the mid-morning energy crash", True),
    ("Got type 2 diabetes? Swap your cereal for eggs to stop blood sugar spikes", False),  # names the group
    ("Swap your cereal for eggs to keep your diabetes in check", False),  # the group's own condition
])
def test_an_imperative_headline_from_a_subgroup_trial(title: str, fires: bool) -> None:
    found = [f for f in lint_text(DIABETES_TRIAL.format(title=title), SG, fmt="markdown") if f.line == 1]
    assert bool(found) is fires, found


# -- "resets the body clock", "deepens sleep": effects on sleep in other words
@pytest.mark.parametrize("claim, fires", [
    ("Light therapy resets the body clock and deepens sleep.", True),
    ("A morning walk deepens sleep.", True),
    ("Resetting your router will not help you sleep, the engineers joked.", False),
])
def test_effects_on_the_body_clock(claim: str, fires: bool) -> None:
    text = ("# Light and sleep\n\nA randomised trial of 400 adults aged 20 to 80 tested a light box each morning. "
            "The results split sharply by age.\n\n" + claim + "\n")
    found = [f for f in lint_text(text, SG, fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- who took part, told in a sentence of its own: "All 150 participants were postmenopausal women"
BEET = ("# Beet juice sharpens your memory\n\n"
        "Drinking beet juice every day sharpens memory, a new trial has found.\n\n"
        "{who} Half drank beet juice daily for 12 weeks and half drank a placebo juice.\n")


@pytest.mark.parametrize("who, fires", [
    ("All 150 participants were postmenopausal women.", True),
    ("The 90 volunteers, all over 70, lived in care homes.", True),
    ("The study included only women.", True),
    ("Participants were 200 adults over the age of 65.", True),
    ("Participants were 300 adults aged 18 to 80.", False),  # adults in general
    ("All 150 participants lived in Leeds.", False),  # no group named
])
def test_who_took_part_told_in_a_sentence_of_its_own(who: str, fires: bool) -> None:
    found = lint_text(BEET.format(who=who), SG, fmt="markdown")
    assert bool(found) is fires, found


# -- results that differed by sex or age, in other words: "confined to women", "Men, however, saw no change"
YOGA = ("# Yoga eases back pain\n\n"
        "A weekly yoga class eases back pain, a trial has found.\n\n"
        "The trial enrolled 400 adults aged 30 to 70 with back pain. {result}\n")


@pytest.mark.parametrize("result, fires", [
    ("The benefit was confined to women.", True),
    ("Only the women improved.", True),
    ("The effect was limited to people over 60.", True),
    ("Men, however, saw no change.", True),
    ("Women reported less pain after 12 weeks; in men, pain scores did not change.", True),
    ("Among men, the yoga group did no better than the control group.", True),
    ("The effect was strongest in older participants and absent in those under 40.", True),
    ("The benefit was similar in men and women.", False),
    ("Only the yoga group improved.", False),
    ("The study was limited to adults with back pain.", False),
])
def test_results_that_differed_in_other_words(result: str, fires: bool) -> None:
    found = [f for f in lint_text(YOGA.format(result=result), SG, fmt="markdown") if f.line in (1, 3)]
    assert bool(found) is fires, found


def test_the_question_a_study_asked_is_no_claim() -> None:
    text = ("# Chelation trial divides doctors\n\nDoctors are arguing over a large study presented on Sunday.\n\n"
            "The study tested whether a disputed alternative therapy, known as chelation, could reduce heart attacks and "
            "other heart problems in people who had survived a first heart attack.\n\n"
            "Later analysis found the benefits were limited to those with diabetes, not patients as a whole.\n")
    assert lint_text(text, SG + ["causal-from-association"], fmt="markdown") == []


# -- groups by what they do ("1,140 army recruits", "48,000 female nurses", "14 trained cyclists"), groups told as
# "All 14 riders were men", people still to be studied ("we need to see this in men"), "healthy volunteers"
GROUP_PAGE = ("# Blister-proof socks\n\n"
              "Synthetic-blend socks cut foot blisters, a new trial has found.\n\n"
              "{who}\n")


@pytest.mark.parametrize("who, fires", [
    ("The researchers randomly assigned 1,140 army recruits to wear synthetic-blend or cotton socks.", True),
    ("The trial followed 300 trained cyclists who wore synthetic-blend or cotton socks for a season.", True),
    ("The team tested the socks on 40 riders. All 40 riders were men in their twenties.", True),
    ("The trial enrolled 600 adults aged 18 to 70 who wore synthetic-blend or cotton socks.", False),
])
def test_groups_by_what_they_do_and_all_n_were(who: str, fires: bool) -> None:
    found = [f for f in lint_text(GROUP_PAGE.format(who=who), SG, fmt="markdown") if f.line == 3]
    assert bool(found) is fires, found


def test_people_still_to_be_studied_are_not_studied() -> None:
    text = ("# Coffee and gallstones\n\nThree cups of coffee a day cut gallstone risk, a study has found.\n\n"
            "The study followed 48,000 female nurses for 16 years. \"We need to see this in men before anyone draws "
            "firm conclusions,\" said Dr Mara Costa. The team now wants to test men and older adults.\n")
    found = [f for f in lint_text(text, SG, fmt="markdown") if f.line == 3]
    assert len(found) == 1 and "female" in found[0].message, found


def test_healthy_volunteers_do_not_undo_a_study_of_men() -> None:
    text = ("# Short nights sap your energy\n\nA week of short nights saps energy, a sleep study shows.\n\n"
            "Participants, all men between 18 and 30, slept in the lab for eight nights. The team recruited 24 healthy "
            "volunteers with no sleep problems.\n")
    assert [f.line for f in lint_text(text, SG, fmt="markdown")][:1] == [1]


@pytest.mark.parametrize("sentence, selling", [
    ("The $12 sock swap that halves blisters", False),  # an amount describing a thing
    ("Get yours for $12 today.", True),
    ("A £3 pill could save the NHS millions.", False),
    ("Only £12.99 while stocks last.", True),
])
def test_an_amount_describing_a_thing_is_no_shop_price(sentence: str, selling: bool) -> None:
    from healthlint.analyse.money import shop_price
    assert shop_price(sentence) is selling


# -- a result concentrated in one group, and the takeaway section that states it for everyone
TRE = ("# Eating in an eight-hour window\n\n"
       "Eating only between 10am and 6pm led to weight loss in a six-month trial of 260 adults aged 25 to 65. "
       "\"The benefit we saw was concentrated in people living with obesity,\" said the lead author.\n\n"
       "## {heading}\n\n"
       "{claim}\n")


@pytest.mark.parametrize("heading, claim, fires", [
    ("The bottom line", "Eating in an eight-hour window helps you lose weight.", True),
    ("What this means for you", "An eight-hour eating window helps you lose weight without counting calories.", True),
    ("The bottom line", "If you live with obesity, an eight-hour eating window may help you lose weight.", False),
    ("Background", "Weight loss lowers blood pressure in most people.", False),
])
def test_a_result_concentrated_in_one_group_and_the_takeaway(heading: str, claim: str, fires: bool) -> None:
    found = [f for f in lint_text(TRE.format(heading=heading, claim=claim), SG, fmt="markdown") if f.line == 7]
    assert bool(found) is fires, found


# -- a result in some of the people studied, by any trait: "Among fast metabolisers, there was no meaningful change"
GENE = ("# Coffee raises blood pressure\n\n"
        "Two cups of coffee a day raise blood pressure, a randomised trial of 320 healthy adults has found. {result}\n")


@pytest.mark.parametrize("result, fires", [
    ("Among fast metabolisers, there was no meaningful change.", True),
    ("Only slow metabolisers saw a rise in blood pressure.", True),
    ("In the placebo group, there was no meaningful change.", False),  # the control group
    ("Only the participants who drank coffee saw a rise.", False),
])
def test_a_result_in_some_of_the_people_studied(result: str, fires: bool) -> None:
    found = [f for f in lint_text(GENE.format(result=result), SG, fmt="markdown") if f.line == 1]
    assert bool(found) is fires, found


# -- more idioms of effect: "makes your bones denser", "give your stamina a boost", "keeping your gallbladder healthy"
@pytest.mark.parametrize("claim, fires", [
    ("Lifting heavy weights makes your bones denser.", True),
    ("This smoothie will give your stamina a boost, whatever your sport.", True),
    ("Your morning coffee is keeping your gallbladder healthy.", True),
    ("The new gym will give the town a boost.", False),  # no health outcome
])
def test_more_idioms_of_effect(claim: str, fires: bool) -> None:
    text = ("# Strong at any age\n\nA trial of 200 men aged 20 to 40 found that lifting weights, a beetroot smoothie and "
            "coffee improved their bones, their stamina and their gallbladder health.\n\n" + claim + "\n")
    found = [f for f in lint_text(text, SG, fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- a subheading that states the claim frames the article like its headline: "## Cinnamon lowers blood sugar"
CINNAMON = ("# Can cinnamon help? What a new trial says\n\n"
            "Researchers enrolled 180 adults with type 2 diabetes. Half took 1 g of cinnamon a day for 12 weeks.\n\n"
            "## {heading}\n\n"
            "Compounds in cinnamon are being studied for how they act on cells.\n")


@pytest.mark.parametrize("heading, fires", [
    ("Cinnamon lowers blood sugar", True),
    ("Cinnamon keeps your blood sugar steady", True),
    ("Cinnamon lowers blood sugar in people with type 2 diabetes", False),  # names the group
    ("What the trial found", False),
])
def test_a_subheading_that_states_the_claim(heading: str, fires: bool) -> None:
    found = [f for f in lint_text(CINNAMON.format(heading=heading), SG, fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found
