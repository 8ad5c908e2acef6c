"""What real news mixes in with its claims: asides, purposes, units of change, beliefs, settled
background, other studies, mixed samples. Each phenomenon has sentences that must stay quiet and
near misses that must still count. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text
from healthlint.analyse.article import analyse
from healthlint.read import read_source


def first(sentence: str):
    return analyse(read_source(sentence, "t.txt", "text")).sentences[0]


@pytest.mark.parametrize("sentence", [
    # an aside that describes, nested in another aside
    "Tumours grew in the meninges, which are the layers that cover and protect the brain.",
    "Sleep is set by the body clock - which synchronises hormones with daylight.",
    # a purpose after "help" as a noun
    "Fewer than half of the patients sought help to ease their back pain.",
    "Many families need help to manage a child's asthma.",
    # a unit of change: a noun, not a verb
    "For every 10 degree increase in latitude, symptoms began a month earlier.",
    "Each 1-degree temperature rise was associated with more hospital visits for asthma.",
    "The drug was associated with a striking increase in survival after surgery.",
    # a gradient that was observed
    "The more fruit people ate, the lower their risk of stroke.",
    # effects on no health outcome
    "The recall fuels concerns about the safety of blood pressure pills.",
    "Those gains are directly attributable to the pandemic.",
    "Restrictions on hospital visits were lifted last week.",
    # participles describing a noun
    "Patients with reduced kidney function should see their doctor.",
    "All scans showed reduced brain volume and some calcium deposits.",
    "Increased awareness of stroke symptoms brought more people to hospital.",
    # "stop" with an activity, an open question further back
    "After they stopped working, most of the retirees moved closer to family.",
    "The team then ran statistical tests to assess whether a high body mass index in late adolescence "
    "was linked to an increase in liver cancer.",
    "In terms of why poisonings have increased over time, the data say little.",
    # an appositive between dashes, a name, a use that is no effect, an adjusted-for list, a comparison
    "Few developed antibodies - the kind that confers lasting immunity - after the infection.",
    "The guideline also supports the position of the American Heart Association.",
    "Blood tests have been found to be useful to gauge how well patients with cancer will do.",
    "They took into account improved rates of breast cancer survival.",
    "Those with lower levels were more protected against inflammation.",
    "Scientists found the first clear evidence of the virus in heart cells.",
    # an appositive that defines a word: "X, a condition in which ..."
    "All the babies had arthrogryposis, a condition in which calcium builds up in the joints.",
    "Scans showed gliosis, the scarring that damages the brain after a stroke.",
    "The child had sepsis, an illness that can kill within hours.",
])
def test_words_of_cause_in_asides_units_and_purposes_make_no_causal_claim(sentence: str) -> None:
    f = first(sentence).frame
    assert f is None or f.strength != "causal" or not (f.health_outcome and f.outcome_after)


def test_a_supposed_mechanism_is_hedged_but_advice_to_you_is_not() -> None:
    assert first("If that vessel is in the brain, the blockage can cause a stroke.").frame.hedged
    f = first("If you drink coffee every day, it lowers your risk of diabetes.").frame
    assert f.strength == "causal" and not f.hedged


@pytest.mark.parametrize("sentence", [
    "Statins, which are cheap, lower cholesterol in adults.",
    "Each extra daily walk cuts the risk of stroke.",
    "The risk of stroke was reduced by the new drug.",
    "Exercise improved mood and reduced blood pressure in adults.",
    "Green tea lowers your chance of having a stroke.",
    "A daily walk helps to lower blood pressure.",
    "Coffee, a drink that millions enjoy, lowers the risk of gout.",    # the appositive closes before the claim
    "Turmeric is a spice that reduces swelling in the joints.",         # no comma: the predicate itself
])
def test_near_misses_still_state_a_cause(sentence: str) -> None:
    f = first(sentence).frame
    assert f is not None and f.strength == "causal" and f.health_outcome and f.outcome_after


@pytest.mark.parametrize("sentence, role", [
    ("He rejected the popular notion that cold weather causes colds.", "belief"),
    ("It has long been thought that red wine protects the heart.", "belief"),
    ("It was once believed that coffee stunts growth in children.", "belief"),
    ("The doctors were led to believe the rash came from the new cream.", "belief"),
    ("His family believe his illness was caused by the well water.", "belief"),
    ("Our results support the idea that exercise lifts mood.", "claim"),  # the finding, not a belief
    ("The study showed that exercise lifts mood, a notion many coaches share.", "reported"),
    ("This can lead to stiff joints, said Anna van der Berg, who led the work.", "attributed"),
])
def test_beliefs_and_speakers_with_particles(sentence: str, role: str) -> None:
    assert first(sentence).role == role


COHORT = "In a cohort study of 40,000 adults, people who ate more fibre were less likely to get bowel cancer.\n\n"


def test_settled_background_and_other_studies_are_not_the_cohort_claim() -> None:
    quiet = [COHORT + "It is well known that fibre prevents constipation.\n",
             COHORT + "There is a growing scientific consensus that fibre protects the gut.\n",
             COHORT + "A 2015 study of eight adults found that a fibre drink reduced bowel cancer markers.\n",
             COHORT + "A trial last year found that fibre supplements reduced bowel cancer markers.\n"]
    for text in quiet:
        assert lint_text(text, ["causal-from-association"]) == [], text
    (f,) = lint_text(COHORT + "Fibre prevents bowel cancer.\n", ["causal-from-association"])
    assert f.line == 3


def test_an_opinion_poll_is_no_study_a_causal_claim_rests_on() -> None:
    text = ("A poll of 2,000 voters found wide support for the new rules.\n\n"
            "The new rules will cut infections in care homes.\n")
    assert lint_text(text, ["causal-from-association"]) == []
    survey = text.replace("A poll of 2,000 voters found wide support for the new rules",
                          "A survey of 2,000 care homes linked the new rules to fewer infections")
    assert len(lint_text(survey, ["causal-from-association"])) == 1


@pytest.mark.parametrize("study, claim", [
    ("In a cohort of 3,000 adults (58% were women), walkers had lower blood pressure.", "Walking lowers blood pressure."),
    ("In a cohort of 3,000 adults aged 65 and older, walkers were less likely to develop dementia.",
     "Walking protects against dementia."),
    ("In a trial of 600 infants, those given peanut early were less likely to develop peanut allergy.",
     "Eating peanuts early lowers the risk of peanut allergy."),
    ("In a trial of 300 patients with melanoma, the drug pair shrank tumours more than one drug alone.",
     "The drug pair helps the immune system fight melanoma."),
])
def test_the_group_the_claim_implies_is_no_subgroup(study: str, claim: str) -> None:
    assert lint_text(f"{study}\n\n{claim}\n", ["subgroup-generalization"]) == []


def test_a_subgroup_claim_stated_for_everyone_still_fires() -> None:
    text = ("In a cohort of 3,000 women aged 40 to 60, walkers had lower blood pressure.\n\n"
            "Walking lowers blood pressure.\n")
    (f,) = lint_text(text, ["subgroup-generalization"])
    assert "women" in f.message
    named = ("In a trial of 300 people with type 2 diabetes, eating within eight hours lowered blood pressure.\n\n"
             "Eating within eight hours lowers blood pressure.\n")
    (g,) = lint_text(named, ["subgroup-generalization"])
    assert "people with type 2 diabetes" in g.message


SHOP = "# CalmLeaf Turmeric Capsules\n\nBuy CalmLeaf turmeric capsules today.\n\n"


def test_a_treatment_word_needs_a_disease_as_its_object() -> None:
    assert lint_text(SHOP + "Guards used pepper spray to quell a protest at the prison, which was hit by COVID-19.\n",
                     ["disease-claim"], fmt="markdown") == []
    assert lint_text(SHOP + "CalmLeaf turmeric is sold in a jar that eases storage, and it is popular with people who "
                     "have arthritis.\n", ["disease-claim"], fmt="markdown") == []
    (f,) = lint_text(SHOP + "CalmLeaf turmeric relieves arthritis.\n", ["disease-claim"], fmt="markdown")
    assert "arthritis" in f.message


def test_a_study_referred_back_to_is_sourced_by_the_one_named_earlier() -> None:
    named = "Researchers at Leeds University, writing in The Lancet in 2021, found that walking cut knee pain.\n\n"
    for back in ("A second study showed that cycling also eases knee pain.",
                 "Further research found that swimming helps as well."):
        assert lint_text(named + back + "\n", ["unattributed-claim"]) == [], back
    (f,) = lint_text(named + "Studies show that yoga helps too.\n", ["unattributed-claim"])
    assert f.line == 3
    assert len(lint_text("A second study showed that cycling eases knee pain.\n", ["unattributed-claim"])) == 1


@pytest.mark.parametrize("sentence, fires", [
    ("Isolation has proven to be insulation against flu in rural counties.", False),
    ("The new clinic proved to be a turning point for heart patients in the town.", False),
    ("Turmeric has been proven to be effective against arthritis.", True),
    ("Fish oil is proven to lower the risk of heart disease.", True),
])
def test_proven_to_be_a_thing_is_turned_out_to_be(sentence: str, fires: bool) -> None:
    assert bool(lint_text(sentence + "\n", ["overclaim"])) == fires


def test_people_who_filled_in_questionnaires_are_an_observational_study_unless_there_is_a_trial() -> None:
    study = "The study followed 900 adults who filled out food questionnaires for ten years.\n\n"
    (f,) = lint_text(study + "Leafy greens protect against memory loss.\n", ["causal-from-association"])
    assert "questionnaires" in f.message
    trial = "In a randomised controlled trial, 400 adults were given spinach or a placebo.\n\n"
    assert lint_text(trial + study + "Leafy greens protect against memory loss.\n", ["causal-from-association"]) == []


def test_the_group_is_named_without_the_words_after_it() -> None:
    text = ("In a trial of 300 people with diabetes who went on to walk daily, walking lowered blood pressure.\n\n"
            "Walking lowers blood pressure.\n")
    (f,) = lint_text(text, ["subgroup-generalization"])
    assert "people with diabetes" in f.message and "who" not in f.message.split("people with diabetes")[1][:5]


def test_a_general_claim_right_after_a_mouse_experiment_rests_on_it() -> None:
    section = ("## What the research says\n\nIn a trial of 60 adults, zinc shortened colds a little.\n\n"
               "In one experiment, mice fed extra zinc had less eczema. {claim}\n")
    (f,) = lint_text(section.format(claim="Zinc eases eczema."), ["animal-extrapolation"], fmt="markdown")
    assert "mice" in f.message
    for quiet in ("They also grew thicker fur.",          # the experiment goes on: its result
                  "It also calmed the animals.",
                  "Eczema flares in dry winter air."):  # no product tested: background
        assert lint_text(section.format(claim=quiet), ["animal-extrapolation"], fmt="markdown") == [], quiet


def test_after_the_articles_sign_off_comes_the_sites_shop() -> None:
    story = ("# Ward rounds\n\nNurses on the night shift describe how the ward copes when two staff are off sick, "
             "and what the hospital plans to do about it next winter.\n\n{buy}"
             "Comment on this article at ExampleHealthNews.com.\n\n"
             "In this memoir a former surgeon explains why she left medicine and what she learned on the way out.\n\n"
             "Book – Scrubbed Out: A Surgeon's Story ORDER HERE!\n\nSay NO to Night Shifts T-Shirt – Order here!\n")
    assert lint_text(story.format(buy=""), ["commercial-cta"], fmt="markdown") == []
    inside = story.format(buy="Order our calming tea today and use code NIGHT10 for 10% off.\n\n")
    (f,) = lint_text(inside, ["commercial-cta"], fmt="markdown")
    assert f.line == 5


# -- a round-up of studies: the claim beside a study in one group is judged by that study, though other
# -- paragraphs report studies of adults in general
ROUNDUP = ("# What the evidence says about nuts\n\n"
           "Nuts are a popular snack, and research on them is growing.\n\n"
           "In a trial of 400 adults, eating nuts daily did not change body weight.\n\n"
           "{paragraph}\n\n"
           "In a cohort of 9,000 adults, people who ate nuts were less likely to die of heart disease.\n")


@pytest.mark.parametrize("paragraph", [
    "In a trial of 48 postmenopausal women, a daily handful of walnuts lowered LDL by 6%. Walnuts lower cholesterol.",
    "In a trial of 60 men aged 50 to 70, pistachios eased erection problems. Pistachios improve blood flow.",
    "In a study of 120 women, almonds cut hunger at lunch. Almonds curb appetite in men and women alike.",
])
def test_a_claim_beside_a_study_in_one_group_of_a_roundup_fires(paragraph: str) -> None:
    (f,) = lint_text(ROUNDUP.format(paragraph=paragraph), ["subgroup-generalization"], fmt="markdown")
    assert f.line == 7 and "was only in" in f.message


@pytest.mark.parametrize("paragraph", [
    # the study goes on: its result, told with a pronoun
    "In a trial of 48 postmenopausal women, a daily handful of walnuts lowered LDL by 6%. They also lowered triglycerides.",
    # the claim names the group
    "In a trial of 48 postmenopausal women, a daily handful of walnuts lowered LDL by 6%. Walnuts lower cholesterol in older women.",
    # the paragraph's study covered adults in general
    "In a trial of 480 adults, a daily handful of walnuts lowered LDL by 6%. Walnuts lower cholesterol.",
    # hedged and stated for no one
    "In a trial of 48 postmenopausal women, a daily handful of walnuts lowered LDL by 6%. Walnuts may lower cholesterol.",
])
def test_near_misses_of_a_claim_beside_a_study_in_one_group(paragraph: str) -> None:
    assert lint_text(ROUNDUP.format(paragraph=paragraph), ["subgroup-generalization"], fmt="markdown") == []


# -- a paragraph about what a disease does goes on about it: its mechanism is background, not a claim on the study
COHORT_GOUT = ("# Cherries and gout\n\n"
               "In a cohort of 4,000 adults, people who ate cherries were less likely to have gout attacks.\n\n"
               "{paragraph}\n")


@pytest.mark.parametrize("paragraph", [
    "Gout affects one adult in forty. In gout, uric acid crystals inflame the joint. This causes sudden, severe pain.",
    "Gout affects one adult in forty. Crystals build up in the joint and trigger attacks of pain.",
    "Gout damages the joints over the years. It causes swelling that lasts for days.",
])
def test_the_mechanism_of_a_disease_told_after_it_is_background(paragraph: str) -> None:
    assert lint_text(COHORT_GOUT.format(paragraph=paragraph), ["causal-from-association"], fmt="markdown") == []


@pytest.mark.parametrize("paragraph", [
    "Gout affects one adult in forty. Cherry juice prevents gout attacks.",
    "Gout affects one adult in forty.\n\nThis fruit prevents gout attacks.",  # another paragraph: a claim again
    "Cherries prevent gout attacks. Gout affects one adult in forty.",
])
def test_near_misses_a_claim_beside_a_disease_paragraph_still_fires(paragraph: str) -> None:
    assert len(lint_text(COHORT_GOUT.format(paragraph=paragraph), ["causal-from-association"], fmt="markdown")) == 1


@pytest.mark.parametrize("sentence", [
    "In a 20-person study, daily yoga improved well-being, as patients rated it on a 30-question survey.",
    "In a 40-person study, tai chi improved sleep scored using a standard survey.",
    "In a 30-person study, massage improved mood measured through a short survey.",
])
def test_a_survey_that_measured_an_outcome_is_no_design(sentence: str) -> None:
    assert lint_text(sentence + "\n", ["causal-from-association"]) == []


@pytest.mark.parametrize("sentence", [
    "In a survey of 2,000 adults, daily yoga improved well-being.",
    "A national survey of 5,000 nurses found that night shifts raise the risk of diabetes.",
    "Daily yoga improved well-being, according to a survey of 900 office workers.",
])
def test_near_misses_a_survey_of_people_is_the_design(sentence: str) -> None:
    assert len(lint_text(sentence + "\n", ["causal-from-association"])) == 1


MICE = "# A protein that guards memory\n\nIn a study of 40 mice, the protein protected nerve cells from damage.\n\n{claim}\n"


@pytest.mark.parametrize("claim", [
    "Now imagine that protein inside your brain, protecting you from memory loss.",
    "Imagine a world where the protein protects your memory.",
    "Picture this: the protein protects your memory for life.",
    "Suppose the protein protects your memory for life.",
])
def test_a_supposition_is_no_claim(claim: str) -> None:
    assert lint_text(MICE.format(claim=claim), ["animal-extrapolation"], fmt="markdown") == []


@pytest.mark.parametrize("claim", [
    "The protein protects your memory.",
    "Picture books about the brain are popular, and the protein protects your memory.",
    "Supposedly, the protein protects your memory.",
])
def test_near_misses_of_a_supposition_still_claim(claim: str) -> None:
    assert len(lint_text(MICE.format(claim=claim), ["animal-extrapolation"], fmt="markdown")) == 1


def test_a_supposition_in_sales_copy_is_still_a_product_claim() -> None:
    page = "# CalmLeaf Turmeric\n\nBuy CalmLeaf turmeric capsules today.\n\nImagine a life where CalmLeaf turmeric cures your arthritis.\n"
    (f,) = lint_text(page, ["disease-claim"], fmt="markdown")
    assert "arthritis" in f.message


@pytest.mark.parametrize("claim", [
    "For years, doctors have treated gout with pills that lower uric acid.",
    "Hospitals now routinely treat gout attacks with steroid injections.",
    "GPs usually treat gout with allopurinol.",
])
def test_what_clinicians_do_is_no_effect_claim(claim: str) -> None:
    text = "# Cherries and gout\n\nIn a cohort of 4,000 adults, cherry eaters were less likely to have gout attacks.\n\n" + claim + "\n"
    assert lint_text(text, ["causal-from-association"], fmt="markdown") == []


@pytest.mark.parametrize("claim", [
    "Cherries treat gout.",
    "Cherries treat gout, and doctors prescribe pills for it too.",
    "Cherry juice treats gout as well as the pills that doctors prescribe.",
])
def test_near_misses_of_what_clinicians_do(claim: str) -> None:
    text = "# Cherries and gout\n\nIn a cohort of 4,000 adults, cherry eaters were less likely to have gout attacks.\n\n" + claim + "\n"
    assert len(lint_text(text, ["causal-from-association"], fmt="markdown")) == 1


# -- the product was tested in the animals in a sentence of its own, apart from where the study is introduced
FLIES = ("# Short sleep shortens life\n\n"
         "Fruit flies kept awake at night died weeks earlier than rested flies, researchers reported.\n\n"
         "The team studied 400 flies over two months.\n\n"
         "{experiment}\n\n"
         "We share many genes with flies, which is why they are studied.\n\n"
         "{claim}\n")


@pytest.mark.parametrize("experiment, claim", [
    ("When the researchers laced the food of sleepless flies with curcumin, those flies lived a near-normal lifespan.",
     "Curcumin protects the heart in people who sleep badly."),
    ("Sleepless flies given melatonin in their food lived almost as long as rested ones.",
     "Melatonin protects the heart in people who sleep badly."),
    ("Flies fed ginseng extract slept better and lived longer.",
     "Ginseng protects the heart in people who sleep badly."),
])
def test_a_claim_about_what_the_animals_were_given_elsewhere_rests_on_them(experiment: str, claim: str) -> None:
    found = lint_text(FLIES.format(experiment=experiment, claim=claim), ["animal-extrapolation"], fmt="markdown")
    assert [f.line for f in found if f.line > 1] == [11]


@pytest.mark.parametrize("experiment, claim", [
    ("Curcumin is the yellow pigment of turmeric.", "Curcumin protects the heart in people who sleep badly."),  # no animals
    ("When the researchers laced the food of sleepless flies with curcumin, those flies lived a near-normal lifespan.",
     "Curcumin protects the hearts of flies that sleep badly."),                                               # says so
    ("When the researchers laced the food of sleepless flies with curcumin, those flies lived a near-normal lifespan.",
     "Aspirin protects the heart in people who sleep badly."),                                                 # not tested
])
def test_near_misses_of_a_claim_about_what_the_animals_were_given(experiment: str, claim: str) -> None:
    found = lint_text(FLIES.format(experiment=experiment, claim=claim), ["animal-extrapolation"], fmt="markdown")
    assert [f.line for f in found if f.line > 1] == []


@pytest.mark.parametrize("claim, given, fires", [
    ("Experimental drug raises good cholesterol.", "the experimental drug", False),  # a medicine, tried in its patients
    ("The new pill lowers blood pressure.", "the new pill", False),
    ("A weekly jab lowers blood pressure.", "a weekly jab", False),
    ("Beetroot juice lowers blood pressure.", "beetroot juice", True),  # a food: stated for everyone, tried in patients only
])
def test_a_medicine_named_by_a_generic_word_is_for_the_patients_it_was_tried_in(claim: str, given: str, fires: bool) -> None:
    study = f"In a trial of 300 people with kidney disease, {given} lowered blood pressure by 8 points.\n\n"
    assert bool(lint_text(study + claim + "\n", ["subgroup-generalization"])) == fires


LAB = "# Plant extract in the lab\n\nIn lab dishes, the extract killed breast cancer cells within two days.\n\n"


@pytest.mark.parametrize("claim", [
    "The extract triggers cancer cell death through heat.",
    "The extract slows tumour cell growth.",
    "The team showed how the extract caused cancer cell death.",
])
def test_a_disease_that_names_the_cells_leaves_the_outcome_in_the_cells(claim: str) -> None:
    assert lint_text(LAB + claim + "\n", ["animal-extrapolation"], fmt="markdown") == []


@pytest.mark.parametrize("claim", [
    "The extract cures breast cancer.",
    "The extract stops cancer from spreading.",
    "The extract cures cancer, killing the cells within days.",
])
def test_near_misses_a_disease_as_the_outcome_still_fires(claim: str) -> None:
    assert len(lint_text(LAB + claim + "\n", ["animal-extrapolation"], fmt="markdown")) == 1


WALKERS = "# Walking and blood pressure\n\nIn a cohort of 5,000 adults, walkers had lower blood pressure.\n\n"


@pytest.mark.parametrize("sentence", [
    "The programme gives people tools to plan meals, cut salt and lower blood pressure.",
    "Nurses teach patients exercises to sleep better, reduce stress or ease pain.",
    "Clinics hand out leaflets to explain the risks and prevent strokes.",
])
def test_an_effect_verb_in_a_purpose_clause_list_is_no_claim(sentence: str) -> None:
    assert lint_text(WALKERS + sentence + "\n", ["causal-from-association"], fmt="markdown") == []


@pytest.mark.parametrize("sentence", [
    "Walking builds muscle, cuts salt cravings and lowers blood pressure.",   # finite verbs of its own
    "Walking helps people to sleep better and lowers blood pressure.",
    "To stay well, walk daily: walking eases stress and lowers blood pressure.",   # after a purpose, its own verbs
])
def test_near_misses_of_a_purpose_clause_list_still_claim(sentence: str) -> None:
    assert len(lint_text(WALKERS + sentence + "\n", ["causal-from-association"], fmt="markdown")) == 1


GIRLS = "# Team sport and mood\n\nIn a survey of 4,000 teenage girls, those who played a team sport were less likely to feel low.\n\n"


@pytest.mark.parametrize("claim", [
    "Team sport protects young people against depression.",
    "Team sport protects teenagers against depression.",
    "Team sport protects boys and girls against depression.",
])
def test_a_claim_for_a_group_of_both_sexes_over_a_study_of_one_generalises(claim: str) -> None:
    assert len(lint_text(GIRLS + claim + "\n", ["subgroup-generalization"], fmt="markdown")) == 1


@pytest.mark.parametrize("claim", [
    "Team sport protects teenage girls against depression.",
    "Team sport protects healthy women against depression.",   # a group that may be the sex studied: not told apart
    "Team sport protects girls and young women against depression.",
])
def test_near_misses_a_claim_that_names_the_sex_studied(claim: str) -> None:
    assert lint_text(GIRLS + claim + "\n", ["subgroup-generalization"], fmt="markdown") == []
