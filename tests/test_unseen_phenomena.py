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


# -- advice drawn from a result found in one group, given to every reader without naming the group
SG = ["subgroup-generalization"]
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
