"""Phenomena of animal-extrapolation and causal-from-association met on pages nobody here tuned on, each with sentences of our own that fire
and near misses that stay quiet; every text here is written for these tests."""

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


# -- a claim made unhedged before a "could" that names patients is still a claim; a hope for the future is a caution
CELL_STUDY = ("# A root extract and pancreatic cancer\n\n"
              "In the dishes, an extract of kalvari root killed cultured pancreatic tumour cells within two days, "
              "a team at the Norland Cancer Centre reports.\n\n"
              "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Kalvarin shrinks tumours and could spare patients the harsh side effects of chemotherapy.", True),
    ("The extract halts tumour growth and might save patients from surgery.", True),
    ("Kalvarin shrinks tumours and may one day help patients with pancreatic cancer.", False),
    ("Kalvarin could lead to new treatments for patients, the team hopes.", False),
    ("Kalvarin shrank tumour cells in the dish and could spare patients chemotherapy if it works in people.", False),
])
def test_a_claim_before_a_could_that_names_patients(claim: str, fires: bool) -> None:
    found = lint_text(CELL_STUDY.format(claim=claim), ANIMAL, fmt="markdown")
    assert bool(found) is fires, found


# -- news that states its case in the opening (or in a takeaway section) and tells the mouse study under a subheading
SECTIONS = ("# Beetroot pigment and memory\n\n"
            "{opening}\n\n"
            "## What the study did\n\n"
            "The team fed 40 old mice chow laced with betanin for eight weeks; the other mice ate ordinary chow.\n\n"
            "The treated mice found a hidden platform in a water maze 30 per cent faster.\n\n"
            "## {heading}\n\n"
            "{closing}\n")
PLAIN = "Beetroot is a root vegetable."


@pytest.mark.parametrize("opening, heading, closing, line", [
    ("Betanin, a pigment in beetroot, sharpens memory in old age, a team at the Wexford Institute reports.",
     "Background", PLAIN, 3),
    (PLAIN, "Should you eat more beetroot?", "A daily glass of beetroot juice keeps your memory sharp into old age.", 13),
    (PLAIN, "What this means for you", "Betanin protects the ageing brain against memory loss.", 13),
])
def test_a_claim_in_the_opening_or_takeaway_rests_on_the_study_told_below(opening: str, heading: str, closing: str,
                                                                           line: int) -> None:
    found = lint_text(SECTIONS.format(opening=opening, heading=heading, closing=closing), ANIMAL, fmt="markdown")
    assert [f.line for f in found] == [line], found


@pytest.mark.parametrize("opening, heading, closing", [
    ("In old mice, betanin, a pigment in beetroot, sharpened memory, a team at the Wexford Institute reports.",
     "Background", PLAIN),  # qualified
    (PLAIN, "Other research", "A trial in 300 adults found that beetroot juice lowers blood pressure."),  # a study of its own
    (PLAIN, "The catch", "Betanin breaks down quickly in the gut."),  # no effect claimed
])
def test_near_misses_of_claims_in_the_opening_or_takeaway(opening: str, heading: str, closing: str) -> None:
    assert lint_text(SECTIONS.format(opening=opening, heading=heading, closing=closing), ANIMAL, fmt="markdown") == []


# -- a news site's navigation ("Shop our supplement range") does not make its science story a seller's page
NEWS_WITH_SHOP = ("<html><body><nav><a href='/shop'>Shop our supplement range</a> <a href='/sub'>Subscribe and get 20% off"
                  "</a></nav><article><h1>Spice extract kills bowel cancer</h1>"
                  "<p>An extract of amberleaf, a kitchen spice, wipes out bowel cancer, according to researchers at the "
                  "Calder Institute.</p><h2>Inside the lab</h2>"
                  "<p>The team tested the extract on bowel tumour cells grown in plastic dishes.</p>"
                  "<p>In the dishes, the extract killed most of the cancer cells within two days.</p>"
                  "</article><footer>Buy a gift subscription</footer></body></html>")


def test_a_shop_link_in_the_navigation_leaves_a_lab_story_to_the_evidence_rules() -> None:
    found = lint_text(NEWS_WITH_SHOP, ["animal-extrapolation", "disease-claim"], fmt="html")
    assert {f.rule for f in found} == {"animal-extrapolation"}, found
    assert len(found) == 2  # the headline and the lede


def test_near_miss_a_shop_inside_the_article_still_sells() -> None:
    text = NEWS_WITH_SHOP.replace("</article>", "<p>Shop our amberleaf capsules now: $19.99 a bottle.</p></article>")
    assert "disease-claim" in {f.rule for f in lint_text(text, ["disease-claim"], fmt="html")}


# -- harm told in tabloid verbs: "wrecks", "sabotages", "makes you pile on the pounds"; gut bacteria as an outcome
RAT_SWEETENER = ("# A sweetener and weight\n\n"
                 "Rats given the sweetener lumatose in their water for ten weeks gained more weight than rats given "
                 "plain water, a team at the Fairlie Institute reports.\n\n"
                 "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Lumatose makes you pile on the pounds.", True),
    ("Lumatose wrecks the balance of your gut bacteria.", True),
    ("Bottom line: lumatose sabotages your weight loss.", True),
    ("The rats given lumatose piled on the pounds.", False),  # told of the rats
    ("Lumatose wrecked the rats' gut bacteria.", False),
    ("Lumatose is sold in blue sachets and wrecks nothing but the budget.", False),
])
def test_tabloid_verbs_of_harm(claim: str, fires: bool) -> None:
    found = lint_text(RAT_SWEETENER.format(claim=claim), ANIMAL, fmt="markdown")
    assert bool(found) is fires, found


# -- trials that are wanted, not done ("we need trials", "until those trials are done") are no evidence of design
COHORT_THEN_WISH = ("# Late dinners raise your risk of diabetes\n\n"
                    "Eating after 9pm makes diabetes more likely, according to research that followed 30,000 adults.\n\n"
                    "The research used data from an observational study of 30,000 adults followed for ten years.\n\n"
                    "{wish}\n")


@pytest.mark.parametrize("wish", [
    "Dr Ana Holm said: \"It is a good cohort, but we need trials that move mealtimes.\" Until those trials are done, "
    "there is little harm in eating earlier.",
    "Trials are needed to test whether eating earlier helps. Until such trials report, eat when it suits you.",
    "Dr Ana Holm called for trials of earlier mealtimes. No trial has tested the idea yet.",
])
def test_a_trial_wanted_is_no_trial_done(wish: str) -> None:
    found = lint_text(COHORT_THEN_WISH.format(wish=wish), ["causal-from-association"], fmt="markdown")
    assert [f.line for f in found] == [1, 3], found


def test_near_miss_a_trial_done_is_the_evidence() -> None:
    text = ("# Earlier dinners lower blood sugar\n\nA randomised trial of 800 adults found that moving dinner two hours "
            "earlier lowered blood sugar. An earlier observational study of 30,000 adults had linked late meals to diabetes.\n")
    assert lint_text(text, ["causal-from-association"], fmt="markdown") == []


# -- an effect word used as an adjective after a copula ("the evidence is clear:") is no predicate
SURVEY = ("# Dog owners and blood pressure\n\n"
          "A survey of 4,000 adults found that dog owners were less likely to have high blood pressure.\n\n"
          "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("If you've been on the fence, the evidence is clear: a dog keeps your blood pressure in check.", True),
    ("The picture is clear enough: owning a dog lowers blood pressure.", True),
    ("The link is clear, but the survey cannot say whether dogs lower blood pressure.", False),
    ("The message is clear: ask your doctor to check your blood pressure.", False),
])
def test_an_effect_word_after_a_copula_is_an_adjective(claim: str, fires: bool) -> None:
    found = lint_text(SURVEY.format(claim=claim), ["causal-from-association"], fmt="markdown")
    assert bool(found) is fires, found


# -- "here's how you can help your child sleep": a how-to promise, not a finding
@pytest.mark.parametrize("claim, fires", [
    ("Here's how you can help your child sleep better.", False),
    ("Find out how we can protect our hearts as we age.", False),
    ("Reading at bedtime helps children sleep better.", True),
    ("The study shows how bedtime reading helps children sleep better.", True),
])
def test_how_you_can_is_a_how_to_promise(claim: str, fires: bool) -> None:
    text = ("# Bedtime stories\n\nA survey of 3,000 parents found that children who were read to at bedtime were "
            "less likely to wake in the night.\n\n" + claim + "\n")
    found = [f for f in lint_text(text, ["causal-from-association"], fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- research "which claims that" X reports a finding; "claims that X" disputed by the writer debunk it
@pytest.mark.parametrize("sentence, fires", [
    ("Being alone is not healthy, according to the research, which claims that loneliness can put your heart at risk.", True),
    ("The study claims that loneliness raises the risk of heart disease.", True),
    ("Claims that loneliness causes heart disease go too far.", False),
    ("Some websites claim that loneliness causes heart disease.", False),
])
def test_research_that_claims_reports_a_finding(sentence: str, fires: bool) -> None:
    text = ("# Lonely hearts\n\nA survey of 5,000 adults found that lonely people were more likely to have heart "
            "disease.\n\n" + sentence + "\n")
    found = [f for f in lint_text(text, ["causal-from-association"], fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- "..., which is why late meals cause diabetes": a relative clause that asserts the cause
COHORT = ("# Late dinners and diabetes\n\nAn observational study of 30,000 adults linked late dinners to diabetes.\n\n"
          "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Late meals leave blood sugar high overnight, which is why they cause diabetes.", True),
    ("Late meals unsettle the body clock, which explains why they raise the risk of diabetes.", True),
    ("Late meals often follow a long commute, which can cause stress.", False),  # a description in passing
    ("Late meals leave blood sugar high, which is why doctors advise earlier dinners.", False),  # no effect claim
])
def test_which_is_why_asserts_the_cause(claim: str, fires: bool) -> None:
    found = [f for f in lint_text(COHORT.format(claim=claim), ["causal-from-association"], fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- a hedge in the next clause does not hedge the first ("X protects you against Y, and it may help Z too");
# "protects you against", "protects your heart"
@pytest.mark.parametrize("claim, fires", [
    ("Moving dinner earlier protects you against diabetes, and it may help you sleep better too.", True),
    ("An early dinner protects your pancreas from overwork.", True),
    ("Moving dinner earlier may protect you against diabetes, and it helps you sleep.", False),  # hedged itself
    ("Moving dinner earlier could protect you against diabetes.", False),
])
def test_a_hedge_in_the_next_clause(claim: str, fires: bool) -> None:
    found = [f for f in lint_text(COHORT.format(claim=claim), ["causal-from-association"], fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- unsourced appeals in other words: "some researchers believe", "experts suspect", "studies linking"
REPORT = ("# Vitamin D and colds\n\nA new study found that children given vitamin D had fewer colds, the researchers say. "
          "The study was published in the Journal of Child Health.\n\n{sentence}\n")


@pytest.mark.parametrize("sentence, fires", [
    ("Some researchers believe that most people need more vitamin D than is recommended.", True),
    ("If we eat too little fish, experts suspect our vitamin D levels fall in winter.", True),
    ("Vitamin D has been widely studied, with studies linking low levels to depression.", True),
    ("The researchers believe vitamin D helps the immune system fight viruses.", False),  # the study's researchers
    ("Dr Ana Holm of Leeds University suspects the effect is small.", False),  # named
])
def test_unsourced_appeals_in_other_words(sentence: str, fires: bool) -> None:
    found = [f for f in lint_text(REPORT.format(sentence=sentence), ["unattributed-claim"], fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- absolute figures in the next paragraph count only when they are about the same outcome
@pytest.mark.parametrize("after, fires", [
    ("Children born by planned caesarean were also more likely to use an asthma inhaler: 10.3% against 9.6%.", True),
    ("Put another way, 2.1% of the planned group developed type 1 diabetes, against 1.6% of the others.", False),
    ("In all, 2.1% of the planned group and 1.6% of the others were affected.", False),  # no other outcome named
])
def test_absolute_figures_in_the_next_paragraph_must_be_the_same_outcomes(after: str, fires: bool) -> None:
    text = ("Caesarean births\n\nBabies born by planned caesarean had a 35 percent higher risk of type 1 diabetes than "
            "those born by emergency caesarean.\n\n" + after + "\n")
    found = [f for f in lint_text(text, ["relative-risk-only"]) if f.line == 3]
    assert bool(found) is fires, found
