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
    "But a second study, out the same week, found that more time outdoors in childhood reduces the risk of multiple sclerosis.",
    "A further study found that more time outdoors in childhood reduces the risk of multiple sclerosis.",
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


# -- designs told without the word: records kept for care, data on people gathered before, people tracked for years,
# -- and a caveat that names the design ("As it was observational, ...")
@pytest.mark.parametrize("method", [
    "The team analysed data on 120,000 adults from three countries.",
    "The researchers used GP records of 80,000 patients in Wales.",
    "Some 30,000 nurses were tracked for up to twelve years.",
    "Because the study was observational, it cannot show that the pills themselves were to blame.",
    "The researchers analysed the sleeping habits of 9,000 pensioners.",
    "They examined the medical histories of more than 40,000 people over 65.",
    "The team compared the daily routines of 2,300 retired teachers.",
])
def test_a_design_told_without_its_name_makes_a_cause_an_overclaim(method: str) -> None:
    text = f"Sleeping pills raise the risk of dementia in older people, a study has found.\n\n{method}\n"
    (f,) = lint_text(text, RULE)
    assert f.line == 1


@pytest.mark.parametrize("method", [
    "The team analysed the results of the new test.",
    "Patients in the trial were randomly assigned to pills or a placebo and followed for two years.",
    "The researchers looked at hospital waiting times in Wales.",
    "The researchers analysed the blood samples of 300 volunteers.",
    "The team studied the sleeping habits of the ward's night staff.",
    "They reviewed the results of 14 earlier trials.",
])
def test_near_misses_of_a_design_told_without_its_name(method: str) -> None:
    text = f"Sleeping pills raise the risk of dementia in older people, a study has found.\n\n{method}\n"
    assert lint_text(text, RULE) == []


# -- what is not the study's finding though it says "cause": a projection from a model, a drug's known mechanism,
# -- another study referred back to, a causal phrase taken for the wording of an association
COHORT = "In a cohort study of 40,000 adults, people who walked daily were less likely to have a stroke.\n\n"


@pytest.mark.parametrize("sentence", [
    "At current rates, scans done this year will cause 12,000 cancers.",
    "Blood thinners lower the risk of stroke by thinning the blood.",
    "A 2012 study from Norway found that cycling helps too. The research also found that swimmers reduced their risk of stroke.",
    "It is important to remember that smoking can lead to stroke.",
])
def test_what_the_study_did_not_find_stays_quiet(sentence: str) -> None:
    assert lint_text(COHORT + sentence + "\n", RULE) == []


@pytest.mark.parametrize("sentence", [
    "Walking will cut the risk of stroke.",  # a future with no number: still a claim
    "Walking lowers the risk of stroke by a quarter.",
    "The research also found that swimmers reduced their risk of stroke.",  # the article's own study
])
def test_near_misses_of_what_the_study_did_not_find(sentence: str) -> None:
    assert len(lint_text(COHORT + sentence + "\n", RULE)) == 1, sentence


def test_a_cause_that_says_more_likely_is_no_association() -> None:
    text = "A study from a Spanish university found that keeping a food diary makes dieters more likely to lose weight.\n"
    assert lint_text(text, RULE) == []
    text = "Food diaries boost weight loss\n\n" \
           "A study from a Spanish university found that dieters who kept a food diary were more likely to lose weight.\n"
    assert len(lint_text(text, RULE)) == 1


@pytest.mark.parametrize("sentence", [
    "Scans showed calcium deposits, reduced brain volume and scarring.",
    "One of the strongest influences on hormone levels is the body clock.",
    "New findings add to the debate over whether taking aspirin, ibuprofen or naproxen reduces the risk of melanoma.",
])
def test_nouns_lists_and_open_questions_make_no_causal_claim(sentence: str) -> None:
    assert not causal(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "Doctors who fail to refer patients quickly are driving up death rates from cancer.",
    "Painkillers such as ibuprofen and naproxen increase the risk of heart failure.",
    "Aspirin, ibuprofen or naproxen taken daily reduces the risk of melanoma.",  # a list with no "whether"
])
def test_near_misses_of_nouns_lists_and_questions_still_state_a_cause(sentence: str) -> None:
    assert causal(sentence), sentence


# A cause in the passive: the subject is what was affected, what follows "by" the exposure
_SALT = "# Salt and strokes\n\nA survey of 9,000 nurses found a link between salt and strokes.\n\n"


@pytest.mark.parametrize("claim", [
    "Many strokes are caused by eating too much salt.",
    "Strokes in older nurses were triggered by salty diets.",
    "Strokes are prevented by eating less salt.",
    "Most of the strokes were caused by salty food.",
    "Many strokes are due to eating too much salt.",              # the same cause told with "due to"
    "Half of these strokes were largely due to salty food.",
])
def test_a_cause_in_the_passive_rests_on_the_survey(claim: str) -> None:
    assert [f.rule for f in lint_text(_SALT + claim + "\n", ["causal-from-association"], fmt="markdown")] == [
        "causal-from-association"]


@pytest.mark.parametrize("claim", [
    "He died of a stroke that was triggered by a blood clot.",   # one event, in a relative clause
    "Many strokes are caused by atrial fibrillation.",           # what a disease does
    "Strokes were linked to salty diets.",                       # an association
    "Strokes may be caused by eating too much salt.",            # hedged
    "Many strokes may be due to salty food.",
    "Many strokes are due to atrial fibrillation.",              # a disease's doing
    "The delay in the survey was due to the pandemic.",          # no health outcome
])
def test_quiet_on_passives_that_claim_no_cause_of_an_exposure(claim: str) -> None:
    assert lint_text(_SALT + claim + "\n", ["causal-from-association"], fmt="markdown") == []


# -- a drug claim told beside the study of people it comes from, while the article's association is told elsewhere
PILLS = ("Everyday pills and the heart\n\n"
         "Doctors have long worried about common medicines.\n\n"
         "Sales of such pills rose again last year.\n\n"
         "{claim}\n\n"
         "{study}\n\n"
         "Many people take such pills every day for back pain.\n\n"
         "Users over 65 showed a 20% increased risk of heart failure.\n")


@pytest.mark.parametrize("claim, study", [
    ("A study has found that ibuprofen and naproxen are putting people's hearts at risk.",
     "Researchers looked at 2 million adults who took the drugs for pain."),
    ("New research shows that diclofenac raises the risk of heart failure.",
     "The team looked at 90,000 older adults who were given the pills."),
    ("More than half of heart failure admissions in older people are due to naproxen.",
     "Researchers looked at 3,000 adults over 70 admitted to hospital. Naproxen is sold over the counter."),
])
def test_a_drug_claim_rests_on_the_study_of_people_told_beside_it(claim: str, study: str) -> None:
    (f,) = lint_text(PILLS.format(claim=claim, study=study), RULE)
    assert f.line == 7 and "increased risk" in f.message


@pytest.mark.parametrize("claim, study", [
    # the writer's own claim, beside a study that never names its drug
    ("Ibuprofen and naproxen put the heart at risk.", "Researchers looked at 2 million adults who drank coffee."),
    # a reported finding a paragraph away from a study that never names its drug
    ("A study has found that ibuprofen puts the heart at risk.\n\nHeart failure is common.",
     "Researchers looked at 2 million adults who drank coffee."),
    ("More than half of heart failure admissions in older people are due to naproxen.",
     "Researchers looked at 3,000 adults over 70 admitted to hospital."),
])
def test_a_drug_claim_beside_a_study_of_something_else_stays_quiet(claim: str, study: str) -> None:
    assert lint_text(PILLS.format(claim=claim, study=study), RULE) == []


# -- a change told of its subject ("Sales dropped 14 percent"): the verb has an amount, not an object
@pytest.mark.parametrize("sentence", [
    "Sales of sleeping pills dropped about 14 percent in the first quarter, and flu cases rose.",
    "Hospital admissions for asthma fell by a third after the smoking ban in bars and cancer wards.",
    "Deaths from heart disease declined nearly 40 percent over the decade of the diabetes programme.",
    "Visits to the clinic increased 25% in the year the stroke unit opened.",
])
def test_a_verb_followed_by_an_amount_is_a_change_not_a_cause(sentence: str) -> None:
    assert not causal(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "Drinking coffee dropped the risk of stroke by 14 percent.",
    "Eating nuts lowered cholesterol by a tenth in a month.",
    "Walking daily cut the chances of heart disease in half.",
    "Aspirin cuts 3 common cancers by a fifth.",  # a number inside the object, not an amount of change
])
def test_a_verb_with_an_object_and_then_an_amount_still_states_a_cause(sentence: str) -> None:
    assert causal(sentence), sentence


# -- a verb form before "is"/"was" is a noun ("This time delay is the reason ..."), not the sentence's verb
@pytest.mark.parametrize("sentence", [
    "This time delay is the reason the test did not detect the infection.",
    "The price cut was welcome news for people with diabetes.",
    "That sugar boost is what raises the risk of diabetes, some think.",
    "Each treatment delay was linked to a higher risk of death from cancer.",
])
def test_an_effect_word_before_a_copula_is_a_noun(sentence: str) -> None:
    f = first(sentence).frame
    assert f is None or f.predicate_text.lower() not in ("delay", "cut", "boost"), sentence


@pytest.mark.parametrize("sentence", [
    "Statins delay the onset of heart disease.",
    "Exercise cuts the risk of dementia, which is good news.",
    "Vitamin D helps prevent flu, and this is why doctors prescribe it.",
])
def test_an_effect_verb_before_its_object_is_still_the_verb(sentence: str) -> None:
    assert causal(sentence), sentence


# -- idioms of effect: "keeps your brain sharp", "keeps the pounds away", "adds years to your life"
@pytest.mark.parametrize("sentence", [
    "A short walk after dinner keeps your brain sharp.",
    "Walnuts keep the pounds away.",
    "A glass of red wine a day keeps heart disease at bay.",
    "Daily walks add years to your life.",
])
def test_an_idiom_of_effect_states_a_cause(sentence: str) -> None:
    assert causal(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "Many older women take calcium to keep their bones strong.",      # a purpose
    "Here are five ways to keep your memory sharp.",                  # a purpose
    "She keeps her running shoes away from the dog.",                 # no health outcome
    "The nurses kept the ward quiet at night.",
])
def test_near_misses_of_an_idiom_of_effect(sentence: str) -> None:
    assert not causal(sentence), sentence


def test_an_idiom_in_a_headline_rests_on_the_articles_association() -> None:
    text = ("# Almonds Keep the Pounds Away\n\n"
            "Adults who ate a handful of almonds a day gained less weight over ten years than those who did not, "
            "according to an observational study of 20,000 adults by the Tay Institute.\n")
    (f,) = lint_text(text, RULE, fmt="markdown")
    assert f.line == 1 and "Keep the Pounds Away" in f.message


# -- research in general ("researchers have found", "scientists have long known") and a fact a study sets out to
# explain ("... Now a new study may help explain why.") are not claims resting on the article's cohort
COHORT = ("# Coffee and diabetes\n\n"
          "A study that followed 20,000 adults in Norway for ten years found that coffee drinkers were less likely to "
          "develop type 2 diabetes.\n\n"
          "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Researchers have found that coffee lowers the risk of type 2 diabetes.", False),
    ("Scientists have long known that coffee lowers the risk of type 2 diabetes.", False),
    ("Coffee lowers the risk of type 2 diabetes. Now the new study may help explain why.", False),
    ("Coffee lowers the risk of type 2 diabetes. Researchers now think they know how.", False),
    ("The researchers have found that coffee lowers the risk of type 2 diabetes.", True),  # the article's team
    ("Coffee lowers the risk of type 2 diabetes. The team asked people about their habits every two years.", True),
    ("Coffee lowers the risk of type 2 diabetes, and the study shows it clearly.", True),
])
def test_research_in_general_and_a_fact_to_explain_rest_on_no_cohort(claim: str, fires: bool) -> None:
    found = lint_text(COHORT.format(claim=claim), RULE, fmt="markdown")
    assert [f.line for f in found] == ([5] if fires else []), found


# -- a cohort's result told in its team's name with a causal verb; "doubles a teenager's chance"
@pytest.mark.parametrize("claim, fires", [
    ("Drinking three cups a day halved the odds of liver cancer, the team reports in the Journal of Liver Health.", True),
    ("Spending three hours a day on social apps doubles a teenager's chance of depression.", True),
    ("Drinking three cups a day was linked to half the odds of liver cancer, the team reports.", False),
    ("Coffee can halve the odds of liver cancer, the authors noted, citing earlier trials.", False),  # a remark
    ("The number of coffee drinkers doubled in a decade.", False),
])
def test_a_cohorts_result_told_in_its_teams_name_and_other_causal_wordings(claim: str, fires: bool) -> None:
    text = ("# Coffee and your liver\n\n"
            "A case-control study that compared 900 people with liver cancer with 1,800 people without it found that "
            "coffee drinkers were less likely to have the disease.\n\n" + claim + "\n")
    found = lint_text(text, RULE, fmt="markdown")
    assert [f.line for f in found] == ([5] if fires else []), found


# -- a cause denied ("an association rather than proof that ... causes"), an idiom inside a description ("insulin, the
# hormone that keeps blood sugar in check"): no causal claim, no claim of proof
@pytest.mark.parametrize("sentence, rules", [
    ("The study was observational, so it shows an association rather than proof that night work itself causes diabetes.",
     ["causal-from-association", "overclaim"]),
    ("It is a link, not evidence that night work causes diabetes.", ["causal-from-association", "overclaim"]),
    ("Type 2 diabetes develops when the body stops responding to insulin, the hormone that keeps blood sugar in check.",
     ["causal-from-association"]),
])
def test_a_denied_cause_and_a_described_idiom_are_quiet(sentence: str, rules: list[str]) -> None:
    text = ("# Night shifts and diabetes\n\nA registry study of 200,000 workers found that those on night shifts were more "
            "likely to develop type 2 diabetes.\n\n" + sentence + "\n")
    assert lint_text(text, rules, fmt="markdown") == []


def test_near_miss_an_unhedged_cause_over_the_registry_still_fires() -> None:
    text = ("# Night shifts and diabetes\n\nA registry study of 200,000 workers found that those on night shifts were more "
            "likely to develop type 2 diabetes.\n\nNight work causes diabetes, and a regular bedtime keeps blood sugar "
            "in check.\n")
    assert [f.line for f in lint_text(text, RULE, fmt="markdown")] == [5]


# -- "a raised risk" names a risk (no cause told); "supports previous studies" is evidence agreeing, not an effect;
# "In August, a study by ... found" is another, dated study
@pytest.mark.parametrize("claim", [
    "Refugees have a raised risk of mental conditions such as post-traumatic stress disorder.",
    "The research supports previous studies which acknowledge the health benefits of a Mediterranean diet.",
    "In August, a study by the Department of Epidemiology in Milan found a diet rich in nuts cut the chances of early "
    "death in heart patients by a third.",
])
def test_a_named_risk_agreeing_evidence_and_a_dated_study_are_quiet(claim: str) -> None:
    text = ("# Diet and health\n\nA cohort study that followed 20,000 adults found that those who ate the most olive oil "
            "were less likely to die early.\n\n" + claim + "\n")
    assert lint_text(text, RULE, fmt="markdown") == []


def test_near_miss_a_cause_told_of_the_cohort_still_fires() -> None:
    text = ("# Diet and health\n\nA cohort study that followed 20,000 adults found that those who ate the most olive oil "
            "were less likely to die early.\n\nOlive oil cuts the chances of early death by a third.\n")
    assert [f.line for f in lint_text(text, RULE, fmt="markdown")] == [5]
