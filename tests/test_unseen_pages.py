"""Phenomena met on real and unseen pages this round, each with sentences of our own that fire and near misses that
stay quiet; every text here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text
from healthlint.analyse.article import analyse
from healthlint.read import read_source

CAUSAL = ["causal-from-association"]


# -- "tends to" is an observational result only when people tend to do or have something; how a disease or a body
#    behaves ("the tumour tends to grow slowly") is background, and no study for a causal sentence to rest on
@pytest.mark.parametrize("sentence, observational", [
    ("In the study, people who walked briskly every day tended to report less knee pain.", True),
    ("Walkers in the study tended to have stronger thigh muscles and less pain.", True),
    ("In the survey, those who walked more than an hour a day tended to need fewer painkillers.", True),
    ("Knee pain tends to get worse in cold weather, the lead author of the study said.", False),
    ("In the study, arthritis tended to affect the knees first.", False),
    ("Cartilage tends to thin with age, the researchers of the study noted.", False),
])
def test_tends_to_is_a_result_only_about_people(sentence: str, observational: bool) -> None:
    a = analyse(read_source(f"# Walking and knee pain\n\n{sentence}\n", "t.md", "markdown"))
    assert any(st.kind == "observational" for st in a.profile.done) is observational


def test_a_tendency_of_a_disease_gives_a_causal_claim_no_study() -> None:
    text = ("# A new scan for lung nodules\n\nThe old operation is major surgery and results in the loss of lung tissue.\n\n"
            "\"Lung cancer tends to develop deep in the lung,\" said Dr Lena Moss, who led the research.\n")
    assert lint_text(text, CAUSAL, fmt="markdown") == []


UNATTRIBUTED = ["unattributed-claim"]


# -- research cited inside a relative clause ("a reaction that research indicates is linked to clotting") is cited,
#    not named before; and a study that "estimates" reports a finding like one that "shows"
@pytest.mark.parametrize("sentence, fires", [
    ("Poor sleep sets off an inflammatory response that research indicates is also linked to heart disease.", True),
    ("Oats hold a soluble fibre which studies show can lower cholesterol.", True),
    ("Slouching is a habit that experts say raises the risk of back pain.", True),
    ("One study of hospital patients estimates that a fifth of them developed blood clots.", True),
    ("That research shows the fibre is safe for children with coeliac disease.", False),  # the research named before
    ("Oats hold a soluble fibre which the 2019 Harlow study showed can lower cholesterol.", False),
    ("A 2020 study of hospital patients estimates that a fifth of them developed blood clots.", False),
    ("Doctors can estimate how likely a clot is from a blood test.", False),
])
def test_research_cited_in_a_relative_clause_or_estimating(sentence: str, fires: bool) -> None:
    text = f"# Sleep, fibre and clots\n\nThe Lowmoor Trust reviewed the evidence on everyday health last year.\n\n{sentence}\n"
    found = lint_text(text, UNATTRIBUTED, fmt="markdown")
    assert bool(found) is fires, found


# -- a hedge in an earlier clause ("probably isn't good for you, but ...") does not hedge the claim of the next one
COFFEE_CASES = ("# Coffee and mouth cancer\n\n"
                "{claim}\n\n"
                "Researchers compared 5,000 people with mouth cancer to 9,000 people without it, and heavy coffee drinkers "
                "had 39% lower odds of the disease, an association that held after adjusting for smoking.\n")


@pytest.mark.parametrize("claim, fires", [
    ("Lots of coffee probably isn't good for you, but it does lower your risk of mouth cancer.", True),
    ("Coffee may not suit everyone, but it lowers the risk of mouth cancer.", True),
    ("Coffee probably won't make you live forever; it cuts the risk of mouth cancer.", True),
    ("Coffee is cheap, but it may lower the risk of mouth cancer.", False),
    ("Coffee probably lowers the risk of mouth cancer, but more work is needed.", False),
    ("Coffee might taste bitter, but it could lower the risk of mouth cancer.", False),
])
def test_a_hedge_in_an_earlier_clause(claim: str, fires: bool) -> None:
    found = lint_text(COFFEE_CASES.format(claim=claim), CAUSAL, fmt="markdown")
    assert any(f.line == 3 for f in found) is fires, found


# -- a trial the team plans ("now plans a small pilot study in volunteers") is no trial done: it is not evidence beside
#    the mice the article describes
@pytest.mark.parametrize("plan, done", [
    ("The team now plans a small pilot study in healthy volunteers over 65.", False),
    ("The group plans a trial in 40 older volunteers next year.", False),
    ("A small pilot study in 30 healthy volunteers over 65 found the same effect.", True),
])
def test_a_planned_trial_is_no_evidence(plan: str, done: bool) -> None:
    text = ("# Fasting drink and the ageing gut\n\nA fasting drink renewed the gut lining of elderly mice, researchers at the "
            f"Orrin Institute report.\n\n{plan}\n")
    a = analyse(read_source(text, "t.md", "markdown"))
    assert any(st.kind in ("trial", "human") for st in a.profile.done) is done


# -- "in the laboratory" beside cells, dishes or tissue is a lab of cells, not of animals
@pytest.mark.parametrize("sentence, kind", [
    ("The extract was added to colon cancer cells grown in plastic dishes in the laboratory.", "cells"),
    ("In the laboratory, the team added the extract to dishes of cultured tumour tissue.", "cells"),
    ("Rats given the extract in the laboratory grew fewer tumours.", "animal"),
])
def test_a_laboratory_of_cells_is_no_animal_study(sentence: str, kind: str) -> None:
    a = analyse(read_source(f"# A berry extract and bowel cancer\n\nA team at the Brannock School of Pharmacy tested a "
                            f"berry extract.\n\n{sentence}\n", "t.md", "markdown"))
    assert [st.kind for st in a.profile.done] == [kind]


# -- a page's first line over a byline is its headline however long; a headline's claim may sit in a relative clause
#    ("Superfruit that KILLS cancer"), in capitals for emphasis, and its cancer cells are what the product is said to
#    kill, not where it was tested
LAB_PAGE = ("{headline}\n"
            "By JO PARRY, HEALTH CORRESPONDENT\n"
            "A team at the Brannock School of Pharmacy added an extract of the dark purple berry to bowel cancer cells "
            "grown in plastic dishes in the laboratory, where nine in ten of the cells died within 48 hours.\n"
            "The researchers say the work is at an early stage and has not been tested in animals or people.\n")


@pytest.mark.parametrize("headline, fires", [
    ("Wonder fruit that KILLS cancer: humble berry wipes out 90% of bowel tumour cells in a day", True),
    ("The humble garden berry that fights bowel cancer, according to a new study by pharmacists", True),
    ("Humble berry WIPES OUT bowel cancer in just two days, scientists at a university find", True),
    ("Berry extract kills bowel cancer cells in lab dishes within two days, pharmacists report", False),
    ("Lab study: a berry extract killed nine in ten bowel cancer cells grown in plastic dishes", False),
])
def test_a_long_headline_over_a_byline(headline: str, fires: bool) -> None:
    found = lint_text(LAB_PAGE.format(headline=headline), ["animal-extrapolation"], fmt="text")
    assert any(f.line == 1 for f in found) is fires, found


def test_a_long_first_line_with_a_blank_line_after_it_is_still_a_paragraph() -> None:
    text = ("A long look at vitamin B12 for tired legs, night cramps and the odd link with strong coffee\n\n"
            "Vitamin B12 is made by bacteria, and it does a great deal more in the body than most of us ever "
            "learn at school.\n")
    a = analyse(read_source(text, "t.txt", "text"))
    assert a.sentences[0].position != "title"
    a = analyse(read_source(text.replace("\n\n", "\nBy A WRITER\n"), "t.txt", "text"))
    assert a.sentences[0].position == "title"


# -- "only in males" in a story of mice is said of the mice: it is no study in people beside them
@pytest.mark.parametrize("first, kind", [
    ("A fasting drink renewed the gut lining of elderly mice, researchers at the Orrin Institute report.", "animal"),
    ("Rats given the drink for a month had healthier guts, researchers at the Orrin Institute report.", "animal"),
    ("A fasting drink improved gut health in 300 adults in a trial at the Orrin Institute.", "trial"),
])
def test_only_in_males_is_said_of_the_animals(first: str, kind: str) -> None:
    text = f"# A fasting drink and the gut\n\n{first}\n\nThe effect was seen only in males; females showed no change.\n"
    a = analyse(read_source(text, "t.md", "markdown"))
    assert a.profile.done[-1].kind == (kind if kind != "trial" else "human"), a.profile.done


# -- a claim a few paragraphs below the study rests on it when its short subject is what the study measured
#    ("Skipping breakfast leads to poor concentration" after a survey that asked pupils how often they ate breakfast),
#    even when its outcome is one the study did not name
SURVEY = ("# Breakfast and exam grades\n\n"
          "A cross-sectional survey of 9,000 pupils asked how often they ate breakfast and matched the answers to "
          "exam results.\n\n"
          "Teachers say the difference shows every morning.\n\n"
          "Head teachers have long argued for free school meals.\n\n"
          "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Skipping breakfast leads to poor concentration in morning lessons.", True),
    ("Missing breakfast causes poor concentration in class.", True),
    ("It leads to poor concentration in morning lessons.", False),  # no subject of its own
    ("The rise in exam stress across the country since the pandemic leads to poor concentration.", False),
])
def test_a_short_subject_the_study_measured(claim: str, fires: bool) -> None:
    found = lint_text(SURVEY.format(claim=claim), CAUSAL, fmt="markdown")
    assert bool(found) is fires, found


DISEASE = ["disease-claim"]
HERB_PAGE = ("# The 5 best herbal supplements for calm, tested\n\n"
             "Our testers tried 20 capsules over three months. Prices start at $14.\n\n"
             "{sentence}\n")


# -- a product offered as the answer for people with a disease, the disease named first: "For people living with
#    depression, rhodiola could be a gentler alternative to antidepressants"
@pytest.mark.parametrize("sentence, fires", [
    ("For people living with depression, rhodiola could be a gentler alternative to prescription antidepressants.", True),
    ("For anyone with high blood pressure, reishi could be the natural answer your doctor never mentioned.", True),
    ("For those suffering from arthritis, turmeric capsules may be the solution.", True),
    ("For people with kidney disease, magnesium is not the answer.", False),
    ("For people with depression, the first step is a talk with your doctor.", False),
    ("For people with depression, rhodiola can interact with antidepressants.", False),
])
def test_a_product_offered_as_the_answer_for_a_disease(sentence: str, fires: bool) -> None:
    found = lint_text(HERB_PAGE.format(sentence=sentence), DISEASE, fmt="markdown")
    assert bool(found) is fires, found


# -- a disease that does something ("a condition such as coeliac disease that stops your gut absorbing it") is the
#    subject of the verb, not what a product stops
@pytest.mark.parametrize("sentence, fires", [
    ("Low iron can come from a condition such as coeliac disease that stops your gut absorbing iron supplements.", False),
    ("Tea with meals is one cause of low iron; a condition like coeliac disease that stops absorption is another.", False),
    ("Iron supplements stop anaemia in its tracks.", True),
])
def test_a_disease_that_acts_is_no_disease_claim(sentence: str, fires: bool) -> None:
    text = "# Iron supplements: our picks\n\nWe rank the best iron supplements. Buy now and save 10%.\n\n" + sentence + "\n"
    found = lint_text(text, DISEASE, fmt="markdown")
    assert bool(found) is fires, found


# -- a risk told as a fraction or a multiple of another group's ("drops to about half that of someone who still
#    smokes") is relative, and needs the absolute figures beside it
@pytest.mark.parametrize("sentence, fires", [
    ("Within a year of quitting, your risk of a heart attack drops to about half that of someone who still smokes.", True),
    ("Ten years on, the risk of lung cancer is a third of that of people who kept smoking.", True),
    ("For heavy drinkers, the risk of liver disease rises to three times that of people who drink little.", True),
    ("Within a year of quitting, your risk of a heart attack drops to about 2 in 100.", False),  # an absolute risk
    ("Within a year, the risk of a heart attack drops to half that of a smoker: from 4 in 100 to 2 in 100.", False),
])
def test_a_risk_as_a_share_of_another_groups(sentence: str, fires: bool) -> None:
    found = lint_text(f"# Quitting smoking\n\n{sentence}\n", ["relative-risk-only"], fmt="markdown")
    assert bool(found) is fires, found


# -- an instruction backed by the study's dose ("Drink one 70 ml shot every morning, the dose used in the trial") is
#    still an instruction; the study's own dosing is not
@pytest.mark.parametrize("sentence, fires", [
    ("Drink one 70 ml shot every morning, the dose used in the trial.", True),
    ("Take 500 mg of magnesium at night, as the volunteers in the study did.", True),
    ("Participants were asked to drink one 70 ml shot every morning.", False),
    ("In the trial, volunteers took 500 mg of magnesium at night.", False),
])
def test_an_instruction_backed_by_the_studys_dose(sentence: str, fires: bool) -> None:
    text = ("# Beetroot shots and blood pressure\n\nA trial of 186 adults tested concentrated beetroot shots.\n\n"
            f"{sentence}\n")
    found = lint_text(text, ["self-treatment"], fmt="markdown")
    assert bool(found) is fires, found


# -- idioms of cause: "steals your sleep", "is behind the rise in", "are to blame for"
SNACK_SURVEY = ("# Late-night eating and sleep\n\n"
                "A cross-sectional survey of 3,000 adults found that people who ate within an hour of bed slept worse.\n\n"
                "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Late-night snacking steals your sleep.", True),
    ("Late-night snacking is behind the rise in insomnia.", True),
    ("Late-night snacks are to blame for poor sleep.", True),
    ("The team behind the survey works at the Ashdown Institute.", False),
    ("Late-night snacking was linked to poorer sleep.", False),
    ("Nobody yet knows what is behind the link.", False),
])
def test_idioms_of_cause(claim: str, fires: bool) -> None:
    found = lint_text(SNACK_SURVEY.format(claim=claim), CAUSAL, fmt="markdown")
    assert bool(found) is fires, found


# -- a sale needs a medical disclaimer on a page about health goods or health effects, not on a taco kit's promotion
@pytest.mark.parametrize("text, fires", [
    ("# A taco bar for your kitchen\n\nThe chain now sells an at-home taco bar for $25. Order yours today while supplies "
     "last, and use code TACO10 for 10% off.\n", False),
    ("# Turmeric capsules for joints\n\nOur turmeric capsules cost $25 a jar. Order yours today and use code TURM10 for "
     "10% off.\n", True),
    ("# A salad kit for your kitchen\n\nOur salad kit lowers your blood pressure in a month. Order yours today and use "
     "code SALAD10 for 10% off.\n", True),
])
def test_a_sale_needs_a_disclaimer_only_on_health_pages(text: str, fires: bool) -> None:
    found = lint_text(text, ["missing-disclaimer"], fmt="markdown")
    assert bool(found) is fires, found


# -- the study's researcher named in the sentence before ('..., says study researcher Ana Ruiz.') is the source of
#    "new research shows" after it; someone else named before is not
@pytest.mark.parametrize("before, fires", [
    ('"Mothers who took the vitamins had fewer children with asthma," says study researcher Ana Ruiz, a professor of epidemiology.', False),
    ("Dr Ana Ruiz, who led the study, works at the Harlow Institute.", False),
    ('"I was so relieved," says Maria Lopez, a mother of two.', True),
])
def test_the_studys_researcher_named_just_before(before: str, fires: bool) -> None:
    text = (f"# Vitamins in pregnancy and asthma\n\n{before}\n\n"
            "Taking vitamins in pregnancy may lower the risk of asthma in children, new research shows.\n")
    found = lint_text(text, UNATTRIBUTED, fmt="markdown")
    assert bool(found) is fires, found


# -- a seller's remedy claim that rests on a mouse study is reported once, as the disease claim it is: on the pages
#    we measured, writers and editors label it so, and a second finding on the same words was noise
def test_a_remedy_claim_resting_on_a_mouse_study_is_the_disease_claim() -> None:
    text = ("# Reishi: benefits, dosage and our top pick\n\nReishi is one of the best-selling herbal supplements. We may "
            "earn a commission if you buy through our links.\n\n"
            "Reishi treats insomnia naturally, without the side effects of sleeping pills.\n\n"
            "In mice, reishi extract protected brain cells from damage after a stroke. That means it can help prevent "
            "Alzheimer's.\n")
    rules = sorted(f.rule for f in lint_text(text, ["disease-claim", "animal-extrapolation"], fmt="markdown") if f.line == 7)
    assert rules == ["disease-claim"]


ANIMAL = ["animal-extrapolation"]


# -- fish are an experiment's animals when something is done to them ("added a gene to the hearts of adult fish ...
#    than untreated fish"), not when they are food; "The therapy ..." is the study's intervention, named by what it is
FISH = ("# A gene that mends hearts\n\n"
        "A gene called regen-H lets some animals regrow heart muscle, scientists at the Westmarch Institute said.\n\n"
        "{study}\n\n"
        "{claim}\n")


@pytest.mark.parametrize("study, claim, fires", [
    ("The team added an extra copy of regen-H to the hearts of adult fish, and those fish grew back more muscle than "
     "untreated fish.", "The therapy restores pumping strength after a heart attack.", True),
    ("The team added an extra copy of regen-H to the hearts of adult fish, and those fish grew back more muscle than "
     "untreated fish.", "Switching the gene on could reverse heart failure after a heart attack.", True),
    ("People who ate oily fish twice a week had stronger hearts, the team found.",
     "The therapy restores pumping strength after a heart attack.", False),
    ("The team added an extra copy of regen-H to the hearts of adult fish, and those fish grew back more muscle than "
     "untreated fish.", "In the fish, the therapy restored pumping strength after an injury.", False),
])
def test_fish_given_a_treatment_and_the_therapy_as_subject(study: str, claim: str, fires: bool) -> None:
    found = lint_text(FISH.format(study=study, claim=claim), ANIMAL, fmt="markdown")
    assert any(f.line == 7 for f in found) is fires, found


# -- a press release's "Notes to editors" ends the story: the university's 21,000 students below it are no study
def test_notes_to_editors_end_the_story() -> None:
    text = ("New molecule clears fat from the liver\nUniversity of Carrowmere | Press releases\n"
            "Tests on lab-grown mini-livers show a compound called CLX-41 strips out stored fat in a dish of liver cells.\n"
            "The molecule reverses fatty liver disease, the most common liver condition in the country, the team said.\n"
            "The team hopes to start trials in people next year.\n"
            "Notes to editors\n"
            "The University of Carrowmere is a research university with 21,000 students and 4,000 staff.\n")
    a = analyse(read_source(text, "t.txt", "text"))
    assert a.sentences[-1].position == "chrome"
    assert all(st.kind != "human" for st in a.profile.done)


# -- over a study in rats: "the tastiest way to keep your memory in shape" is a claim told of its subject (not a
#    purpose, nor a hope for people to come); "The treat slows ..." names the article's subject by what it is
COCOA = ("# Dark chocolate and memory\n\n"
         "An ingredient in dark chocolate was added to the feed of rats at the Pellingham Institute for twelve weeks.\n\n"
         "The animals that ate it found their way around a water maze far faster, a sign of a better memory.\n\n"
         "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("So a square of dark chocolate after dinner could be the tastiest way to keep your memory in shape.", True),
    ("The treat slows memory decline in old age.", True),
    ("A daily square of dark chocolate could be a simple way to keep your memory sharp.", True),
    ("There is no easy way to keep your memory in shape, the researchers warned.", False),
    ("The ingredient could one day lead to a way to keep patients' memory in shape.", False),
    ("In the rats, the treat slowed memory decline.", False),
])
def test_a_way_told_of_its_subject_and_the_treat(claim: str, fires: bool) -> None:
    found = lint_text(COCOA.format(claim=claim), ANIMAL, fmt="markdown")
    assert any(f.line == 7 for f in found) is fires, found


# -- "protects the brain" is an effect; in "X protects the brain and could help survivors walk" the "could" is the second
#    predicate's; "Prior studies have shown ..." is other research's claim
PIGS = ("# A stroke drug in pigs\n\n"
        "The research team tested the drug RMU-118 on 24 young pigs given a stroke, and the treated pigs had a third less "
        "brain damage.\n\n"
        "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("RMU-118 protects the brain after a stroke and could help survivors regain the use of their arms.", True),
    ("RMU-118 protects the brain after a stroke.", True),
    ("RMU-118 shields the heart and may protect the brain after a stroke.", True),
    ("RMU-118 is now being tested in a trial of 30 stroke patients.", False),
    ("In the pigs, RMU-118 protected the brain after a stroke.", False),
    ("Nobody knows yet whether RMU-118 protects the brain in people.", False),
])
def test_protects_the_and_a_second_hedged_predicate(claim: str, fires: bool) -> None:
    found = lint_text(PIGS.format(claim=claim), ANIMAL, fmt="markdown")
    assert any(f.line == 5 for f in found) is fires, found


def test_prior_studies_as_subject_are_other_research() -> None:
    text = ("# Fibre and breast cancer\n\nWomen who ate the most fibre had a 24 percent lower risk of breast cancer in a "
            "cohort study of 44,000 nurses.\n\n{claim}\n")
    assert lint_text(text.format(claim="Prior studies have shown fibre can protect against bowel cancer and may lower "
                                       "the risk of diabetes."), CAUSAL, fmt="markdown") == []
    assert lint_text(text.format(claim="Fibre protects against breast cancer and may lower the risk of diabetes."),
                     CAUSAL, fmt="markdown")


# -- "shows promise against", "offers hope to" claim an effect; a condition only one sex has (postpartum depression,
#    premature ejaculation) is no subgroup claim over a study in that sex
@pytest.mark.parametrize("title, fires", [
    ("Vaccine shows promise against deadly bone cancer", True),
    ("New drug may offer hope to stroke survivors, researchers say", True),
    ("Vaccine trial in dogs shows promise against bone cancer", False),
])
def test_promise_and_hope_in_a_headline(title: str, fires: bool) -> None:
    text = (f"# {title}\n\nA team at the Kelmont veterinary school gave a new vaccine to 31 dogs with bone cancer, and "
            "the dogs lived twice as long as dogs given surgery alone.\n")
    found = lint_text(text, ANIMAL, fmt="markdown")
    assert any(f.line == 1 for f in found) is fires, found


@pytest.mark.parametrize("title, fires", [
    ("Drug shows promise for quick treatment of postpartum depression", False),
    ("Treatment shows promise for premature ejaculation", False),
    ("Drug shows promise for quick treatment of depression", True),
])
def test_a_condition_of_one_sex_is_no_subgroup_claim(title: str, fires: bool) -> None:
    sex = "men" if "ejaculation" in title else "women"
    text = f"# {title}\n\nIn the trial, 7 of the 10 {sex} who took the drug improved within three days.\n"
    found = lint_text(text, ["subgroup-generalization"], fmt="markdown")
    assert any(f.line == 1 for f in found) is fires, found


# -- the article's only study, told in its last line ("so far it has only been tested on gum cells grown in a dish"),
#    is still the article's evidence; "swine flu" and "monkey pox" name illnesses, not animals studied
def test_the_only_study_told_last() -> None:
    body = "".join(f"Gum disease is common, and paragraph {n} of this article talks about it at some length.\n\n"
                   for n in range(1, 9))
    text = ("# Clove compound rebuilds receding gums\n\nA compound in clove oil helps gum tissue grow back, a dental "
            f"school reports.\n\n{body}So far, the compound has only been tested on human gum cells grown in a dish.\n")
    found = lint_text(text, ANIMAL, fmt="markdown")
    assert any(f.line == 1 for f in found), found


def test_swine_flu_names_an_illness_not_an_animal_study() -> None:
    text = ("# Vaccines harm millions, a blogger claims\n\nIn the 1970s a vaccine for swine flu was administered to 45 "
            "million people in ten weeks.\n")
    a = analyse(read_source(text, "t.md", "markdown"))
    assert all(st.kind not in ("animal", "cells") for st in a.profile.done), a.profile.done


# -- "Studies show ..." is sourced by a study named next, not by a person speaking next about something else
@pytest.mark.parametrize("after, fires", [
    ('"Our worms lived longer," said Dr Kasimir Nyborg, who led the new work.', True),
    ("Dr Ana Ruiz said the next step is to test the drink in older volunteers.", True),
    ("The largest of them, a 2019 study in the Journal of Tea Science, followed 90,000 adults.", False),
    ("Those studies are listed by the Cochrane Collaboration.", False),
])
def test_studies_show_needs_a_study_named_not_a_speaker(after: str, fires: bool) -> None:
    text = ("# Green tea and long life\n\nA compound in green tea made worms live longer, a lab at the Orrin Institute "
            f"found.\n\nStudies show that green tea drinkers live longer than coffee drinkers. {after}\n")
    found = lint_text(text, UNATTRIBUTED, fmt="markdown")
    assert any("Studies show" in f.message for f in found) is fires, found
