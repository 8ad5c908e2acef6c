"""animal-extrapolation and people named only as a hope: "a finding that could lead to treatments in humans"
says the result is not yet shown in people, which is the caution the rule asks for. Every text here is
written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text

RULE = ["animal-extrapolation"]
PAGE = ("# Old mice learn again\n\n"
        "A drug called rapazine restored the memory of old mice in a lab study. {claim}\n\n"
        "The team gave rapazine to 60 mice aged 18 months and tested them in a water maze.\n")


@pytest.mark.parametrize("claim", [
    "Scientists found rapazine can reverse memory loss, a finding that could lead to treatments in humans.",
    "Rapazine reverses memory loss, and the team hopes to test it in people within five years.",
    "Rapazine can reverse the decline in memory, though it is not yet known whether it works in humans.",
    "Rapazine reverses memory loss and may one day help patients with dementia.",
])
def test_people_named_only_as_a_hope_for_the_future_are_a_caution(claim: str) -> None:
    assert lint_text(PAGE.format(claim=claim), RULE, fmt="markdown") == []


@pytest.mark.parametrize("claim", [
    "Rapazine reverses memory loss in humans, a finding that could change medicine.",
    "Rapazine reverses memory loss in people with dementia, and it could be sold soon.",
    "Rapazine reverses memory loss in older people, the team says.",
])
def test_near_misses_people_named_as_the_claims_own_still_fire(claim: str) -> None:
    found = lint_text(PAGE.format(claim=claim), RULE, fmt="markdown")
    assert [f.line for f in found] == [3], found


# -- an outcome only one sex can have, in its plural: a study of women about breast cancers is about them
@pytest.mark.parametrize("claim, fires", [
    ("Soy prevents breast cancers, but in some cases it encourages tumors.", False),
    ("Soy prevents breast cancer in the long run.", False),
    ("Soy prevents tumors in the long run.", True),  # an outcome both sexes have
])
def test_a_sex_specific_outcome_in_the_plural_is_the_groups_own(claim: str, fires: bool) -> None:
    text = ("A trial of 3,000 women found that those who ate soy every day had fewer tumors.\n\n" + claim + "\n")
    found = lint_text(text, ["subgroup-generalization"])
    assert bool(found) is fires, found
