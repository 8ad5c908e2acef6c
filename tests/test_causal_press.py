"""causal-from-association on the way press stories tell an observational study: the causal verb after a
"people who ..." subject, a finding told as "new research has found that X cuts Y" with the design given
paragraphs away, a survey beside people whose design goes unsaid, and the verbs of undoing harm.
Each phenomenon has examples that must fire and near misses that must stay quiet. Every text here is
written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text
from healthlint.analyse.article import analyse
from healthlint.read import read_source

RULE = ["causal-from-association"]


def first(sentence: str):
    return analyse(read_source(sentence, "t.txt", "text")).sentences[0]


def causal(sentence: str) -> bool:
    f = first(sentence).frame
    return f is not None and f.strength == "causal" and f.health_outcome and f.outcome_after


# -- "People who skip breakfast raise their risk": the who-clause has its verb, the next verb is the sentence's own
@pytest.mark.parametrize("sentence", [
    "People who skip breakfast raise their risk of heart disease.",
    "Women who drink two cups of tea a day cut their chances of having a stroke by a fifth.",
    "Men who regularly sleep less than six hours increase their risk of diabetes.",
    "Teenagers who play team sports lower the risk of depression later in life.",
])
def test_the_verb_after_a_whole_who_clause_states_the_cause(sentence: str) -> None:
    assert causal(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "People who lower their salt intake were followed for ten years.",  # the clause's own verb
    "Women who don't cut their sugar intake were also studied.",  # only an auxiliary before it
    "Adults who'd increased their activity were asked about their sleep.",  # "'d" is no verb of its own
    "Patients who eat fish and reduce their meat intake were compared with others.",  # coordinated in the clause
])
def test_a_verb_inside_the_who_clause_is_no_claim(sentence: str) -> None:
    assert not causal(sentence), sentence


# -- "New research has found that X cuts Y", the design given further down
REPORTED = ("Sunny childhood may guard the nerves\n\n"
            "Parents have long been told to keep children in the shade.\n\n"
            "But new research has found that more time outdoors in childhood reduces the risk of multiple sclerosis.\n\n"
            "Adults who recalled long summers outside as children were less likely to develop the nerve disease, "
            "the team reported.\n\n"
            "The scientists questioned 400 patients and 800 healthy volunteers about their early years.\n")


def test_a_finding_told_as_a_cause_rests_on_the_articles_association() -> None:
    (f,) = lint_text(REPORTED, RULE)
    assert f.line == 5 and "less likely" in f.message


@pytest.mark.parametrize("lead", [
    "But several studies have found that more time outdoors in childhood reduces the risk of multiple sclerosis.",
    "But previous research showed that more time outdoors in childhood reduces the risk of multiple sclerosis.",
    "But a Danish study from 2009 found that more time outdoors in childhood reduces the risk of multiple sclerosis.",
])
def test_a_finding_of_other_research_does_not_rest_on_the_articles_study(lead: str) -> None:
    text = REPORTED.replace(
        "But new research has found that more time outdoors in childhood reduces the risk of multiple sclerosis.", lead)
    assert lint_text(text, RULE) == []


def test_a_finding_told_as_a_cause_over_a_trial_stays_quiet() -> None:
    trial = REPORTED.replace("Adults who recalled long summers outside as children were less likely",
                             "In a randomised trial, children sent outdoors for two hours a day were less likely")
    assert lint_text(trial, RULE) == []


# -- a survey named beside people whose design goes unsaid
SURVEY = ("Short walks may undo the harm of sitting\n\n"
          "Office workers fear their long days at the desk.\n\n"
          "A brisk walk each day can undo damage done by sitting all day, a study has found.\n\n"
          "The study by a university team in Leeds looked at 5,000 adults.\n\n"
          "Those who walked also reported better sleep.\n\n"
          "The data came from a national health survey run every year.\n")


def test_a_named_survey_beside_unnamed_people_makes_the_article_observational() -> None:
    (f,) = lint_text(SURVEY, RULE)
    assert f.line == 5 and "survey" in f.message


def test_a_survey_beside_a_trial_leaves_the_design_open() -> None:
    text = SURVEY.replace("Those who walked also reported better sleep.",
                          "In a randomised trial, office workers told to walk at lunch slept better.")
    assert lint_text(text, RULE) == []


# -- the verbs and objects of undoing harm, and "heightens"
@pytest.mark.parametrize("sentence", [
    "Antibiotic use in middle age heightens the risk of bowel polyps.",
    "Regular cycling offsets the harmful effects of a few glasses of wine.",
    "Two hours of brisk walking a week can undo damage done by sitting.",
    "A daily jog can cancel out damage caused by heavy drinking.",
])
def test_heightening_risk_and_undoing_harm_state_a_cause(sentence: str) -> None:
    assert causal(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "The campaign heightened awareness of bowel polyps among GPs.",
    "Critics said the harmful effects of wine were overstated by the campaign.",
    "The damage done by the storm closed the clinic for a week.",
    "The team hopes to undo years of neglect at the hospital.",
])
def test_near_misses_of_undoing_harm_are_no_health_cause(sentence: str) -> None:
    assert not causal(sentence), sentence
