""""I" and "we" are the writer, not a named source: "I recommend two tablets a day" is the page's own advice,
which the product rules judge, not someone else's words reported; and who a study left out is not whom it
studied. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text
from healthlint.analyse.article import analyse
from healthlint.read import read_source


def role(sentence: str) -> str:
    return analyse(read_source(sentence, "t.txt", "text")).sentences[0].role


@pytest.mark.parametrize("sentence", [
    "For my clients, I recommend two tablespoons of cider vinegar before meals.",
    "I recommend taking two zinc tablets in water once a day.",
    "We think of gout as a disease of rich men.",
    "You say you sleep badly, and magnesium may help.",
])
def test_the_writers_first_person_is_not_a_named_source(sentence: str) -> None:
    assert role(sentence) not in ("attributed", "hearsay"), sentence


@pytest.mark.parametrize("sentence", [
    "Ian recommends two tablets of zinc a day.",
    "Dr Ina Weber said the tablets work within a week.",
    "The tablets work within a week, Weber says.",
])
def test_near_misses_a_named_person_is_still_a_source(sentence: str) -> None:
    assert role(sentence) == "attributed", sentence


def test_the_writers_own_dosing_advice_is_self_treatment() -> None:
    page = ("# Zinc and the winter\n\n"
            "Zinc is a mineral found in meat and shellfish.\n\n"
            "I recommend taking two zinc tablets in water once a day when a cold starts.\n")
    found = lint_text(page, ["self-treatment"], fmt="markdown")
    assert [f.line for f in found] == [5], found


# -- who a study left out is not who it studied: "Pregnant women were excluded" describes no study population
@pytest.mark.parametrize("sentence, study", [
    ("Pregnant women and people with diabetes were excluded from the trial of 300 adults.", False),
    ("Children have not been studied in any trial of the drug.", False),
    ("The trial of 300 adults with diabetes lasted a year.", True),
    ("The trial enrolled 300 pregnant women.", True),
])
def test_who_a_study_left_out_is_not_its_population(sentence: str, study: bool) -> None:
    s = analyse(read_source(sentence, "t.txt", "text")).sentences[0]
    assert (s.study is not None) is study, sentence


# -- a turn of phrase before a comma ("Put simply, ...") is no instruction: the sentence after it is the claim
@pytest.mark.parametrize("sentence, expected", [
    ("Put simply, eating your greens prevents heart disease.", "claim"),
    ("Put another way, coffee cuts your risk of diabetes.", "claim"),
    ("Simply put, walnuts lower cholesterol.", "claim"),
    ("Put two drops of the oil under your tongue.", "advice"),
    ("Put the warm pack on your belly for an hour.", "advice"),
])
def test_a_turn_of_phrase_is_no_instruction(sentence: str, expected: str) -> None:
    assert role(sentence) == expected, sentence


# -- a capitalised connective ("So", "But") is no speaker: "So adding turmeric ... protects" is the writer's claim;
# "But Kopans noted that ..." is still Kopans's; "But he cautions" names nobody for a claim before it
def test_a_connective_is_no_speaker() -> None:
    from healthlint.analyse.article import analyse
    from healthlint.read import read_source
    text = ("So adding turmeric to your cooking protects you against cancer. But Dr Kopans noted that the study was small. "
            "But he cautions that supplements vary.")
    roles = [(s.role, s.source) for s in analyse(read_source(text, "t.txt", "text")).sentences]
    assert roles[0][0] != "attributed" and roles[1] == ("attributed", "But Dr Kopans noted") and roles[2][0] == "attributed"


def test_a_connective_before_he_does_not_source_the_claim_before_it() -> None:
    text = ("Milk thistle is popular. For instance, studies have shown that the compound can slow the hepatitis C virus. "
            "But he cautions that supplements vary.\n")
    assert [f.rule for f in lint_text(text, ["unattributed-claim"])] == ["unattributed-claim"]
