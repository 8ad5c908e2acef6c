"""Phenomena met on pages nobody here tuned on, each with sentences of our own that fire and near misses
that stay quiet; every text here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text

ANIMAL = ["animal-extrapolation"]

# -- a hedged claim credited to experts in general is the article's advice, not the study team's speculation
RAT_STUDY = ("# Seaweed and ageing\n\n"
             "Rats fed a seaweed extract for six months kept their memory longer than rats on a normal diet, "
             "a team at the Fenwick Institute reports.\n\n"
             "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Experts say adding seaweed to your meals could help protect your memory as you age.", True),
    ("Nutrition experts believe a daily spoonful of seaweed may ward off dementia.", True),
    ("Doctors say seaweed could help keep memory loss at bay.", True),
    ("The researchers think the extract may also slow memory loss.", False),  # the team's own speculation
    ("Scientists say the fibre in seaweed might protect the memory.", False),
    ("The team believes the extract could protect the brain from dementia.", False),
])
def test_a_hedged_claim_credited_to_experts_in_general(claim: str, fires: bool) -> None:
    found = lint_text(RAT_STUDY.format(claim=claim), ANIMAL, fmt="markdown")
    assert bool(found) is fires, found


# -- measures of fat and insulin are health outcomes: "cuts fat storage", "lowers liver fat", "insulin response"
MOUSE_DIET = ("# A gut microbe and belly fat\n\n"
              "Mice given the microbe Rhenobacter for eight weeks gained less weight on a fatty diet, a team at "
              "the Lakeside Institute reports.\n\n"
              "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Rhenobacter cuts fat storage and improves the body's response to insulin, the researchers report.", True),
    ("A daily dose of Rhenobacter lowers liver fat, the team found.", True),
    ("Rhenobacter boosts fat burning and raises insulin levels.", True),
    ("In the mice, Rhenobacter cut fat storage by a third.", False),
    ("The mice given Rhenobacter stored less fat in the liver.", False),
    ("Fat storage is how the body keeps energy for later.", False),
])
def test_fat_and_insulin_measures_are_health_outcomes(claim: str, fires: bool) -> None:
    found = lint_text(MOUSE_DIET.format(claim=claim), ANIMAL, fmt="markdown")
    assert bool(found) is fires, found
