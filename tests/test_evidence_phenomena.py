"""The evidence rules on phenomena read from real pages: people named only as a hope ("a finding that could
lead to treatments in humans") are a caution; a headline naming a lab design is qualified; a claim in the
paragraph after an animal study on its subject rests on it; plural sex-specific outcomes; groups named in a
title-case headline. Each with sentences that fire and near misses that stay quiet; every text here is
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


# -- a headline that names a lab design ("Lab-Grown", "Test-Tube", "In Vitro") says where the result comes from
LAB = ("# {title}\n\n"
       "Skin cells grown in a laboratory dish healed a scratch faster when honey was added, a team at the Avon "
       "Institute reports.\n\n"
       "The researchers scratched 40 dishes of cells and filmed how fast they closed.\n")


@pytest.mark.parametrize("title, fires", [
    ("Lab-Grown Skin Heals Faster With Honey", False),
    ("Test-Tube Study: Honey Heals Skin Faster", False),
    ("In Vitro Work Hints Honey Heals Skin Faster", False),
    ("Honey Heals Skin Faster", True),       # the headline names no lab
    ("Honey Heals Skin Faster, Study Finds", True),
])
def test_a_headline_naming_a_lab_design_is_qualified(title: str, fires: bool) -> None:
    found = lint_text(LAB.format(title=title), RULE, fmt="markdown")
    assert [f.line for f in found if f.line == 1] == ([1] if fires else []), found


def test_the_message_names_the_lab_in_plain_words() -> None:
    text = ("# Fibre Heals the Bowel\n\n"
            "Tiny balls of bowel tissue grown in the lab healed faster when bathed in a fibre extract, a team reports.\n")
    (f,) = lint_text(text, RULE, fmt="markdown")
    assert "from cells or tissue in the lab (line 3)" in f.message and "from in" not in f.message


# -- a claim in the paragraph right after an animal study, on the same subject, rests on it (even in a section
#    that goes on to a study of people)
SECTION = ("# What cold water can and cannot do\n\n"
           "## The evidence\n\n"
           "{study}\n\n"
           "{claim}\n\n"
           "A pilot study of 14 volunteers at the Harbour Clinic found that 9 of them said they slept better.\n")


@pytest.mark.parametrize("study, claim", [
    ("In rats, cold water baths after a muscle injury shrank the swelling, according to a 2021 study from the "
     "Tarn Institute.", "Cold water heals injured muscles."),
    ("In mice given a stroke, a week of cold exposure reduced the brain damage, a 2019 study found.",
     "Cold exposure protects the brain after a stroke."),
    ("Rats that swam in cold water every day had lower blood pressure than rats kept warm, researchers at the "
     "Esk Institute reported.", "Cold swimming lowers blood pressure."),
])
def test_a_claim_in_the_next_paragraph_on_the_studys_subject_rests_on_it(study: str, claim: str) -> None:
    found = lint_text(SECTION.format(study=study, claim=claim), RULE, fmt="markdown")
    assert [f.line for f in found] == [7], found


@pytest.mark.parametrize("study, claim", [
    ("In rats, cold water baths after a muscle injury shrank the swelling, according to a 2021 study from the "
     "Tarn Institute.", "Sunlight lifts the mood of people with depression."),                     # another subject
    ("In mice given a stroke, a week of cold exposure reduced the brain damage, a 2019 study found.",
     "Cold exposure protects the brains of mice after a stroke."),                                  # says so
    ("Rats that swam in cold water every day had lower blood pressure than rats kept warm, researchers at the "
     "Esk Institute reported.", "Whether cold swimming lowers blood pressure in people is not yet known."),
])
def test_near_misses_of_a_claim_in_the_next_paragraph(study: str, claim: str) -> None:
    assert lint_text(SECTION.format(study=study, claim=claim), RULE, fmt="markdown") == []


# -- a group named in a headline in title case ("Robs Teenagers of Sleep") is named, not part of a name
TEENS = ("# {title}\n\n"
         "A survey of 7,800 pupils aged 13 to 17 found that those who scrolled in bed slept less.\n")


@pytest.mark.parametrize("title, fires", [
    ("Bedtime Scrolling Robs Teenagers of Sleep", False),
    ("Phones in Bed Rob Teens of Sleep", False),
    ("Bedtime Scrolling Robs You of Sleep", True),     # stated for the reader
])
def test_a_group_in_a_title_case_headline_is_named(title: str, fires: bool) -> None:
    found = lint_text(TEENS.format(title=title), ["subgroup-generalization"], fmt="markdown")
    assert bool(found) is fires, found


def test_a_group_word_inside_a_name_is_still_a_name() -> None:
    from healthlint.analyse.article import analyse
    from healthlint.read import read_source
    s = analyse(read_source("Doctors at Brigham and Women's Hospital say the drug lowers blood pressure.", "t.txt",
                            "text")).sentences[0]
    assert "women" not in s.frame.populations


# -- a condition that defines the group excuses the condition, not the sex: "in people with lupus" from a
#    trial in women with lupus drops the sex
LUPUS = ("# A malaria pill for lupus\n\n"
         "A trial enrolled 600 women who had lupus and gave half of them hydroxyzoline for a year.\n\n"
         "Flares were a third less common among the women taking it.\n\n"
         "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Hydroxyzoline cuts lupus flares in people with lupus.", True),
    ("For anyone with lupus, hydroxyzoline cuts lupus flares by a third.", True),
    ("Hydroxyzoline cuts lupus flares.", False),                       # the condition defines the group
    ("Hydroxyzoline cuts lupus flares in women with lupus.", False),   # names the sex
])
def test_a_condition_that_defines_the_group_does_not_excuse_the_sex(claim: str, fires: bool) -> None:
    found = [f for f in lint_text(LUPUS.format(claim=claim), ["subgroup-generalization"], fmt="markdown") if f.line == 7]
    assert bool(found) is fires, found


# -- people as the source of a lab study's cells ("stem cells donated by 14 patients") are no study of people
@pytest.mark.parametrize("sentence, kind", [
    ("The organoids were grown from stem cells donated by 14 patients having bowel surgery.", "cells"),
    ("The team grew liver cells taken from 20 patients in dishes and bathed them in coffee extract.", "cells"),
    ("Cells collected from 30 volunteers were exposed to the compound in the lab.", "cells"),
    ("In a study of 200 patients, those whose tumour cells carried the mutation lived longer.", "human"),
])
def test_people_who_gave_the_cells_are_not_the_studys_subjects(sentence: str, kind: str) -> None:
    from healthlint.analyse.article import analyse
    from healthlint.read import read_source
    s = analyse(read_source(sentence, "t.txt", "text")).sentences[0]
    assert s.study is not None and (s.study.kind in ("cells", "animal")) is (kind == "cells"), (sentence, s.study)


def test_a_diet_claim_after_a_study_of_donated_cells_rests_on_the_lab() -> None:
    text = ("# Fibre and the gut lining\n\n"
            "Tiny balls of gut tissue healed faster when bathed in a fatty acid that bacteria make from fibre, a "
            "team at the Tarn Institute reports.\n\n"
            "The organoids were grown from stem cells donated by 14 patients having bowel surgery.\n\n"
            "Eating more fibre helps the gut lining heal after a flare of colitis.\n")
    found = lint_text(text, RULE, fmt="markdown")
    assert [f.line for f in found] == [7], found


# -- a paragraph that opens with the claim and backs it with the animal study in its next sentence
BACKED = ("# {title}\n\n"
          "Our readers often ask about home remedies.\n\n"
          "A trial of 200 adults found that walking after meals lowered blood sugar.\n\n"
          "{claim} {study}\n")


@pytest.mark.parametrize("title, claim, study", [
    ("Kitchen cures", "Green tea melts belly fat.",
     "In a study at the Orchard Institute, mice given green tea extract gained less weight than mice given water."),
    ("Spice rack", "Saffron lifts depression.",
     "Rats fed saffron for a month swam longer in a stress test than rats fed plain chow."),
    ("Berry good", "Blueberries sharpen memory in old age.",
     "Researchers fed aged rats blueberry powder for eight weeks, and they ran mazes faster than before."),
    # a subject the lexicons do not know, named again by the study
    ("Eat less, live longer", "Fasting rejuvenates your cells and extends lifespan.",
     "In a study at the Meridian Institute, mice fasting every other day lived about 10% longer."),
    ("Cold comfort", "Cold-water swimming sharpens the mind.",
     "In an experiment at Tarn University, rats made to swim in cold water each day learned mazes faster."),
])
def test_a_claim_backed_by_the_animal_study_right_after_it_fires(title: str, claim: str, study: str) -> None:
    found = lint_text(BACKED.format(title=title, claim=claim, study=study), RULE, fmt="markdown")
    assert [f.line for f in found] == [7], found


@pytest.mark.parametrize("claim, study", [
    ("Green tea is popular across Asia.",  # no claim
     "In a study at the Orchard Institute, mice given green tea extract gained less weight than mice given water."),
    ("Saffron lifts depression in adults, a trial of 60 patients found.",  # the claim has its own study in people
     "Rats fed saffron for a month also swam longer in a stress test than rats fed plain chow."),
    ("Blueberries sharpen memory in rats.",  # said of the animals
     "Researchers fed aged rats blueberry powder for eight weeks, and they ran mazes faster than before."),
    ("Chamomile calms the nerves.",  # the study tested something else
     "Rats fed saffron for a month swam longer in a stress test than rats fed plain chow."),
    ("Walking sharpens the mind.",  # a subject the study does not name
     "In an experiment at Tarn University, rats made to swim in cold water each day learned mazes faster."),
])
def test_near_misses_of_a_claim_before_its_study_stay_quiet(claim: str, study: str) -> None:
    assert lint_text(BACKED.format(title="Notes", claim=claim, study=study), RULE, fmt="markdown") == []


# -- an effect word after a possessive and a word of habit is a noun ("their usual remedy", "her secret remedy"):
# the claim's verb is the next effect word
HABIT = "{study}\n\n{claim}\n"


@pytest.mark.parametrize("study, claim", [
    ("Rats given willow bark extract limped less after an injury than rats given water.",
     "For back pain sufferers, their usual remedy now has backing: willow bark eases pain within days."),
    ("Old rats given sage tea found their way through mazes faster than rats given water.",
     "Grandma was right: her secret remedy, sage tea, restores memory."),
    ("Rats given green tea were calmer in a maze than rats given water.",
     "Tea drinkers rejoice: your daily boost calms anxious minds."),
    ("Mice fed cocoa extract for ten weeks remembered new objects better than untreated mice.",
     "Cocoa fans, celebrate: your favourite treat protects the ageing brain."),
])
def test_an_effect_word_after_a_possessive_and_a_habit_word_is_a_noun(study: str, claim: str) -> None:
    found = lint_text(HABIT.format(study=study, claim=claim), RULE)
    assert [f.line for f in found] == [3], found


@pytest.mark.parametrize("claim", [
    "Many grandmothers kept their own remedy for forgetfulness in the kitchen.",
    "Her favourite cure for a cold was a bowl of soup.",
    "Your usual boost of caffeine wears off by noon.",
])
def test_near_misses_a_habit_noun_with_no_effect_verb_stays_quiet(claim: str) -> None:
    study = "Old rats given sage tea found their way through mazes faster than rats given water."
    assert lint_text(HABIT.format(study=study, claim=claim), RULE + ["causal-from-association", "disease-claim"]) == []


# -- "that"/"this" before a verb form is a relative pronoun or a subject, not a determiner: "Molecule That Regrows Hair"
FOUND = ("# {title}\n\n"
         "A team at the Levant Institute shaved patches of fur from 40 mice and rubbed a new cream onto half of them.\n\n"
         "Within three weeks the treated patches had grown back, the researchers reported.\n")


@pytest.mark.parametrize("title, fires", [
    ("Scientists Find Molecule That Regrows Hair", True),
    ("Researchers Discover Cream That Rebuilds Thinning Hair", True),
    ("Team Unveils Molecule That Regenerates Hair Follicles", True),
    ("Scientists Find Molecule That Regrows Hair in Mice", False),  # qualified
    ("Scientists Find a Molecule Tied to Hair Growth", False),  # no effect claimed
    ("That Cure for Baldness Was Only Ever Tested on Mice", False),  # "That" + a noun
])
def test_that_before_a_verb_form_carries_the_headlines_claim(title: str, fires: bool) -> None:
    found = lint_text(FOUND.format(title=title), RULE, fmt="markdown")
    assert [f.line for f in found] == ([1] if fires else []), found


# -- a conclusion drawn from the animal study told just before it ("That means ...", "In other words, ...")
DRAWN = "Our guide to herbs.\n\nA trial of 80 adults found that yoga eased stress.\n\n{study} {claim}\n"


@pytest.mark.parametrize("study, claim, fires", [
    ("In rats, ashwagandha extract protected brain cells from damage after a stroke.",
     "That means it can help prevent Alzheimer's.", True),
    ("Mice given turmeric had far less joint swelling than mice given water.",
     "This means turmeric eases arthritis.", True),
    ("Rats fed blueberries ran mazes faster than rats fed chow.",
     "In other words, blueberries boost brain power.", True),
    ("Mice given turmeric had far less joint swelling than mice given water.",
     "This means more research in people is needed.", False),  # no claim
    ("Mice given turmeric had far less joint swelling than mice given water.",
     "That means it works in mice, not yet in people.", False),  # said of the animals
    ("Mice given turmeric had far less joint swelling than mice given water.",
     "This means little for people until a trial is done.", False),
])
def test_a_conclusion_drawn_from_the_animal_study_just_told(study: str, claim: str, fires: bool) -> None:
    found = lint_text(DRAWN.format(study=study, claim=claim), RULE)
    assert [f.line for f in found] == ([5] if fires else []), found


# -- an eponymous disease ("Alzheimer's", "Parkinson's", "Crohn's") is an outcome, not part of a name
@pytest.mark.parametrize("claim, fires", [
    ("So drinking coffee every day can help prevent Parkinson's.", True),
    ("That is why a cup a day is said to keep Crohn's flares away.", False),  # "said to": attributed
    ("Coffee drinkers have long been courted by the Parkinson's Foundation.", False),  # a name
])
def test_an_eponymous_disease_in_a_lower_case_sentence_is_an_outcome(claim: str, fires: bool) -> None:
    text = ("A survey of 4,000 adults who filled in food questionnaires found that coffee drinkers were less likely "
            "to develop Parkinson's.\n\n" + claim + "\n")
    found = lint_text(text, ["causal-from-association"])
    assert [f.line for f in found] == ([3] if fires else []), found


# -- a three-letter exposure ("nap", "tea", "egg") is a content word: the claim paragraphs later is on the study's topic
SHORT = "# Notes from the clinic\n\n{study}\n\nOur team answers readers' questions every week.\n\n{claim}\n"
NAP = "A study of 2,000 adults over 70 in Spain found that those who took a nap after lunch scored better on memory tests."


@pytest.mark.parametrize("study, claim, fires", [
    (NAP, "A daily nap protects against mental decline.", True),
    ("A study of 3,000 adults over 70 in Japan found that those who drank tea every day scored better on memory tests.",
     "A cup of tea protects against mental decline.", True),
    ("A study of 3,000 women over 60 in Italy found that those who ate an egg every day had stronger hips.",
     "An egg a day prevents fractures.", True),
    (NAP, "A daily walk protects against mental decline.", False),  # another exposure
    (NAP, "For all of us, the old advice to get out and about protects against mental decline.", False),  # only function words
])
def test_a_three_letter_exposure_ties_a_claim_to_its_study(study: str, claim: str, fires: bool) -> None:
    found = lint_text(SHORT.format(study=study, claim=claim), ["subgroup-generalization"])
    assert [f.line for f in found] == ([7] if fires else []), found


# -- a result told of the cells or tissue the lab worked on is the lab's result, not a claim about people
MATERIAL = ("# Notes from the lab\n\n"
            "A team at the Tarn Institute grew skin cells in laboratory dishes and added a new cream to half of them.\n\n"
            "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Skin cells treated with the cream divided twice as fast, the team says.", False),
    ("Tiny sheets of skin tissue healed faster when bathed in the cream.", False),
    ("The cream heals wounds twice as fast.", True),
    ("The cream helps skin heal after a burn.", True),
])
def test_a_result_told_of_the_cells_or_tissue_studied_is_the_labs(claim: str, fires: bool) -> None:
    found = lint_text(MATERIAL.format(claim=claim), RULE, fmt="markdown")
    assert [f.line for f in found] == ([5] if fires else []), found


# -- a result that differed between the sexes, stated for a group of both sexes ("older adults") or for everyone;
# quiet when the claim names the sex, or when the next sentence qualifies it at once
ASPIRIN = ("# Aspirin news\n\n"
           "A trial of 2,000 adults over 70 found that daily aspirin cut the number of heart attacks. "
           "Women did not benefit, the researchers reported; the drop was seen only in men.\n\n"
           "Our columnist answers readers' questions every week.\n\n{claim}\n")


@pytest.mark.parametrize("claim, lines", [
    ("Daily aspirin protects older adults from heart attacks.", [7]),
    ("Daily aspirin protects people from heart attacks.", [7]),
    ("Daily aspirin protects older men from heart attacks.", []),
    ("Daily aspirin protects men over 70 from heart attacks.", []),
])
def test_a_result_that_differed_by_sex_stated_for_both_sexes(claim: str, lines: list[int]) -> None:
    found = lint_text(ASPIRIN.format(claim=claim), ["subgroup-generalization"], fmt="markdown")
    assert [f.line for f in found] == lines, found


# -- the result told in the researchers' name ("The team reports that ...", "..., the researchers said") is how the
# article states it; their own guess ("they suggest", "could help, he says") is not
TEAM = ("# Muscle news\n\n"
        "Old mice put on a fasting diet for three months ran longer on a wheel than mice that ate freely, a study "
        "at the Tarn Institute found.\n\n{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("The team reports in the Journal of Muscle Ageing that the diet rebuilds worn-out muscle.", True),
    ("The diet rebuilds worn-out muscle and restores grip strength, the researchers said.", True),
    ("The diet may one day help rebuild worn-out muscle, the researchers suggest.", False),
    ("The diet rebuilds worn-out muscle in mice, the researchers said.", False),
    ('"It rebuilds worn-out muscle in older people," said Dr Lee Moss, who was not involved.', False),
])
def test_a_result_told_in_the_researchers_name(claim: str, fires: bool) -> None:
    found = lint_text(TEAM.format(claim=claim), RULE, fmt="markdown")
    assert [f.line for f in found] == ([5] if fires else []), found


# -- effect verbs and idioms of news copy: "wipes out", "destroys", "shields", "turns back the clock on"
@pytest.mark.parametrize("title, fires", [
    ("Citrus Molecule Wipes Out Pancreatic Cancer", True),
    ("Berry Pigment Destroys Tumours", True),
    ("Cocoa Shields the Brain From Stroke Damage", True),
    ("Fasting Turns Back the Clock on Ageing Muscles", True),
    ("Citrus Molecule Wipes Out Pancreatic Cancer in Mice", False),
])
def test_effect_idioms_of_news_copy(title: str, fires: bool) -> None:
    text = (f"# {title}\n\nMice given the compound for six weeks did better than untreated mice, a team at the "
            "Avon Institute reports.\n\nThe work was done in 40 mice.\n")
    found = lint_text(text, RULE, fmt="markdown")
    assert [f.line for f in found] == ([1] if fires else []), found


# -- tissue donated by patients is a lab study's material; "in the dishes" is the lab
def test_tissue_donated_by_patients_is_a_lab_studys_material() -> None:
    from healthlint.analyse.article import analyse
    from healthlint.read import read_source
    text = ("The team tested the compound on cancer cells grown in plastic dishes and on slices of tumour tissue "
            "donated by surgical patients. In the dishes, it killed most of the cancer cells.")
    studies = [s.study.kind for s in analyse(read_source(text, "t.txt", "text")).sentences if s.study is not None]
    assert studies == ["cells", "cells"]


# -- "raised issues", "raised money": no effect on health
@pytest.mark.parametrize("sentence", [
    "They raised issues at a meeting the day after people with a cough were told to stay home.",
    "The charity raised money for children with asthma.",
    "The finding raised hopes among people with diabetes.",
])
def test_raising_issues_money_or_hopes_is_no_effect(sentence: str) -> None:
    text = ("A survey of 5,000 adults found that those who slept less were more likely to have asthma.\n\n" + sentence + "\n")
    assert lint_text(text, ["causal-from-association"]) == []


# -- the study an article is about may be described past its middle, after background and quotes
def test_the_articles_study_told_past_the_middle_is_its_study() -> None:
    text = ("# Citrus Molecule Wipes Out Pancreatic Cancer\n\n"
            "A molecule from orange peel destroys pancreatic tumours, scientists say.\n\n"
            "Pancreatic cancer is often found late. It is one of the hardest cancers to treat. Surgery is often "
            "impossible.\n\n"
            '"We were surprised," said Dr Amara Lind. "It was very selective."\n\n'
            "Orange peel is usually thrown away. Juice makers produce tonnes of it. Some is fed to cattle.\n\n"
            "The team tested the molecule on cancer cells grown in plastic dishes. In the dishes, it killed most of "
            "the cancer cells within two days.\n\n"
            "The molecule is not sold as a supplement. It is cheap to make. A patent has been filed.\n")
    found = lint_text(text, RULE, fmt="markdown")
    assert [f.line for f in found] == [1, 3], found


# -- subgroups as news tells them: a trial in children with asthma is no trial of adults with asthma; a result that
# held in one sex told in other words; a takeaway section's advice judged by the article's study
SG = ["subgroup-generalization"]
KIDS = ("# {title}\n\n"
        "A trial of 540 children aged 6 to 11 with asthma found that those given vitamin D drops had fewer severe "
        "attacks than those given dummy drops.\n\nThe children took the drops for two years.\n")


@pytest.mark.parametrize("title, fires", [
    ("Vitamin D Drops Cut Asthma Attacks", True),  # "drops" names the product's form; the age is dropped
    ("Vitamin D Cuts Asthma Attacks", True),
    ("Vitamin D Drops Cut Asthma Attacks in Children", False),
])
def test_a_condition_shared_by_an_age_group_does_not_excuse_the_age(title: str, fires: bool) -> None:
    found = lint_text(KIDS.format(title=title), SG, fmt="markdown")
    assert [f.line for f in found] == ([1] if fires else []), found


@pytest.mark.parametrize("sentence", [
    "In the 198 men, there was no measurable difference between the two groups.",
    "The men saw no benefit at all.",
    "There was a clear split between women and men.",
])
def test_a_result_in_one_sex_told_in_other_words(sentence: str) -> None:
    text = ("# Intervals sharpen your memory\n\n"
            "A trial of 410 adults aged 45 to 64 found that interval training improved memory. " + sentence + "\n")
    found = lint_text(text, SG, fmt="markdown")
    assert [f.line for f in found] == [1], found


TAKEAWAY = ("# Walking after dinner\n\n"
            "A crossover trial of 48 adults with type 2 diabetes found that a ten-minute walk after dinner lowered "
            "their blood sugar peak.\n\n## {heading}\n\n{claim}\n")


@pytest.mark.parametrize("heading, claim, fires", [
    ("What this means for you", "Whether or not you have diabetes, a short walk after dinner keeps your blood sugar "
                                "steady.", True),
    ("The bottom line", "A short walk after dinner keeps blood sugar from spiking in everyone.", True),
    ("What this means for you", "Walking too far on a hot day can cause dehydration, though.", False),  # not measured
    ("Where to walk", "Whether or not you have diabetes, a short walk after dinner keeps your blood sugar steady.",
     False),  # no takeaway: a section of its own
])
def test_a_takeaway_section_is_judged_by_the_articles_study(heading: str, claim: str, fires: bool) -> None:
    found = lint_text(TAKEAWAY.format(heading=heading, claim=claim), SG, fmt="markdown")
    assert [f.line for f in found] == ([7] if fires else []), found


def test_all_and_every_are_no_claim_for_everyone() -> None:
    from healthlint.analyse.article import analyse
    from healthlint.read import read_source
    s = analyse(read_source("Weight training and stretching are activities all shown to prevent back pain.", "t.txt",
                            "text")).sentences[0]
    assert s.frame is not None and not s.frame.universal


@pytest.mark.parametrize("claim, fires", [
    ("Magnesium helps you fall asleep faster and stay asleep longer.", True),
    ("Magnesium helps postmenopausal women fall asleep faster.", False),
])
def test_falling_asleep_is_a_health_outcome(claim: str, fires: bool) -> None:
    text = ("# Magnesium for sleep\n\nA 2020 randomized trial of 96 postmenopausal women found that those taking 350 mg of "
            "magnesium fell asleep 11 minutes faster than those taking a placebo. " + claim + "\n")
    found = lint_text(text, ["subgroup-generalization"], fmt="markdown")
    assert [f.line for f in found] == ([3] if fires else []), found


# -- results similar in both sexes come from a study's report, not from the writer's own claim for both
NURSES = ("# Garlic and your heart\n\nIn a 2018 observational study of 41,000 female nurses, women who ate the most garlic "
          "were 35% less likely to have a stroke over ten years. {second}\n")


@pytest.mark.parametrize("second, fires", [
    ("Garlic lowers blood pressure in both men and women and cuts the risk of stroke.", True),
    ("The study found the result was similar in men and women in a second cohort. Garlic cuts the risk of stroke.", False),
])
def test_results_similar_in_both_sexes_are_a_studys_report(second: str, fires: bool) -> None:
    found = lint_text(NURSES.format(second=second), ["subgroup-generalization"], fmt="markdown")
    assert bool(found) is fires, found
