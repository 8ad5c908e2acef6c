"""Phenomena of the product rules (disease-claim, self-treatment) and the page kind met on pages nobody here tuned on, each with sentences of our own that fire
and near misses that stay quiet; every text here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text

SG = ["subgroup-generalization"]


# -- a product box recommending the product for the people who have a disease: "A good pick for people with arthritis"
PICKS = ("# The Best Turmeric Capsules of the Year\n\n"
         "We tested twelve turmeric supplements for purity and price. Buy now through our links and save 15%.\n\n"
         "## 1. GoldenRoot Turmeric\n\n"
         "{verdict}\n")


@pytest.mark.parametrize("verdict, fires", [
    ("A good pick for people with arthritis, thanks to its high curcumin content.", True),
    ("Ideal for IBS sufferers who want a gentle daily capsule.", True),
    ("The go-to choice for anyone with type 2 diabetes.", True),
    ("Not a good pick for people with kidney disease, because of its oxalate content.", False),
    ("A good pick for people with sensitive stomachs.", False),  # no disease
    ("A good pick for vegans on a budget.", False),
])
def test_a_product_recommended_for_people_with_a_disease(verdict: str, fires: bool) -> None:
    found = lint_text(PICKS.format(verdict=verdict), ["disease-claim"], fmt="markdown")
    assert bool(found) is fires, found


def test_near_miss_a_drug_best_for_a_disease_in_the_news_is_no_product_box() -> None:
    text = ("# Inhaler study\n\nA new inhaler cut attacks in a trial of 800 adults, the researchers said.\n\n"
            "The inhaler is ideal for people with severe asthma, said Dr Lee Park, who led the trial.\n")
    assert lint_text(text, ["disease-claim"], fmt="markdown") == []


def test_near_miss_a_sellers_dosing_after_a_trial_in_one_group_is_not_subgroup_advice() -> None:
    text = ("# The Best Magnesium for Sleep\n\n"
            "A 2019 trial of 52 older adults found that magnesium helped them fall asleep faster.\n\n"
            "## Our top pick\n\n"
            "Take two capsules before bed for deeper, more restful sleep. Buy now for $24.95.\n")
    assert lint_text(text, SG, fmt="markdown") == []


# -- "a miracle herb for hypothyroidism": hype that names the disease is a disease claim
@pytest.mark.parametrize("claim, fires", [
    ("Ashwagandha is honestly a miracle herb for hypothyroidism.", True),
    ("Turmeric is a wonder herb for arthritis.", True),
    ("There is no miracle herb for hypothyroidism.", False),
    ("A good night's sleep is a miracle for your mood.", False),
])
def test_a_miracle_for_a_disease(claim: str, fires: bool) -> None:
    text = "# My thyroid journey\n\nI have tried a lot of things over the years.\n\n" + claim + "\n"
    found = lint_text(text, ["disease-claim"], fmt="markdown")
    assert bool(found) is fires, found


# -- "order glandular thyroid capsules online without a prescription": the object named between verb and "without"
@pytest.mark.parametrize("sentence, fires", [
    ("You can order glandular thyroid capsules online without a prescription.", True),
    ("Just buy desiccated thyroid tablets without a prescription from an overseas site.", True),
    ("Shoppers can buy over-the-counter painkillers without a prescription at any supermarket.", False),
    ("Never order thyroid hormone online without a prescription.", False),  # a warning
])
def test_obtaining_a_named_product_without_a_prescription(sentence: str, fires: bool) -> None:
    text = "# Thyroid health\n\nMany readers ask me about their thyroid.\n\n" + sentence + "\n"
    found = lint_text(text, ["self-treatment"], fmt="markdown")
    assert bool(found) is fires, found


# -- a practitioner passing on a dose: "I tell my clients to start on the same dose"
@pytest.mark.parametrize("sentence, fires", [
    ("I take 600 mg of ashwagandha every morning, and I tell my clients to start on the same dose.", True),
    ("We always ask our members to take 2 g of fish oil a day.", True),
    ("I tell my clients to ask their doctor before taking 600 mg of anything.", False),  # routed to a doctor
    ("I tell my clients to drink more water and sleep more.", False),  # no dose
])
def test_a_practitioner_passing_on_a_dose(sentence: str, fires: bool) -> None:
    text = "# My supplement routine\n\nI run a small wellness studio.\n\n" + sentence + "\n"
    found = lint_text(text, ["self-treatment"], fmt="markdown")
    assert bool(found) is fires, found


# -- an instruction after an opening clause that names no product: "For severe anxiety, double the dose."
@pytest.mark.parametrize("sentence, fires", [
    ("For severe anxiety, double the dose.", True),
    ("On bad nights, take a second dropper.", True),
    ("For severe anxiety, see your doctor before changing the dose.", False),  # routed
    ("For the best flavour, double the lemon.", False),  # no dose
])
def test_an_instruction_after_an_opening_clause(sentence: str, fires: bool) -> None:
    text = ("# Calmleaf CBD Oil\n\nCalmleaf CBD oil comes in a 30 ml bottle. Buy now for $39.\n\n"
            "Take one dropper under the tongue each morning. " + sentence + "\n")
    found = [f for f in lint_text(text, ["self-treatment"], fmt="markdown") if f.column > 1]
    assert bool(found) is fires, found
