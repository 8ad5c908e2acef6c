"""The document analysis: sentence roles, claim frames, the article's evidence, and the evidence
rules built on them. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text
from healthlint.analyse.article import analyse
from healthlint.analyse.terms import find_terms, normalise, plural, verb_forms
from healthlint.read import read_source


def analysis(text: str, fmt: str = "markdown"):
    return analyse(read_source(text, "t.md" if fmt == "markdown" else "t.txt", fmt))


def roles(text: str, fmt: str = "markdown") -> list[str]:
    return [s.role for s in analysis(text, fmt).sentences]


# ---- lexicons -------------------------------------------------------------------------------
def test_inflections_are_made_once_from_the_base_form() -> None:
    assert plural("remedy") == "remedies" and plural("tumour") == "tumours" and plural("mouse") == "mice"
    assert plural("hiv") == "hivs"  # only s, x, z, ch, sh take "es": no "hives"
    assert verb_forms("reduce") == ["reduce", "reduces", "reduced", "reducing"]
    assert verb_forms("stop") == ["stop", "stops", "stopped", "stopping"]
    assert verb_forms("worry") == ["worry", "worries", "worried", "worrying"]


def test_terms_match_whole_words_in_one_pass_with_folded_apostrophes() -> None:
    low = normalise("Alzheimer’s and arthritis eased; artsy people relax.")
    found = {(t.lexicon, t.kind, low[t.start:t.end]) for t in find_terms(low)}
    assert ("conditions", "disease", "alzheimer's") in found
    assert ("conditions", "disease", "arthritis") in found
    assert not any(text == "art" for _, _, text in found)


# ---- roles ----------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, role", [
    ("Vitamin C is an antioxidant that protects cells from damage.", "definition"),
    ("The mice were fed a high-fat diet for ten weeks.", "method"),
    ("The study cannot prove that tea causes the fall in blood pressure.", "caveat"),
    ("There is no evidence that turmeric cures cancer.", "negated"),
    ("No study has shown that garlic lowers blood pressure.", "negated"),     # a finding denied
    ("Studies have not shown that zinc shortens colds.", "negated"),
    ("Research has yet to show that fasting prevents cancer.", "negated"),
    ("A study has shown that garlic lowers blood pressure.", "claim"),       # not denied
    ("Does coffee raise blood pressure?", "question"),
    ("How does garlic lower cholesterol?", "claim"),
    ("Take two capsules with breakfast.", "advice"),
    ("Researchers say beetroot juice lowers blood pressure.", "hearsay"),
    ("The study found that walkers slept better.", "reported"),
    ("Garlic lowers cholesterol, said Dr Ines Moreau of the Lyon Heart Centre.", "attributed"),
    ("Garlic lowers cholesterol.", "claim"),
    ("The team plans to test the drug in 40 volunteers next year.", "plan"),
    ("According to folk medicine, nettle tea purifies the blood.", "belief"),
    ("Some shoppers freeze their coins in the belief that cold kills germs.", "belief"),
    ("The thinking has been that fish oil protects the heart.", "belief"),
    ("The label says the drink will soothe a sore throat.", "attributed"),
    ("Several small trials suggest that ginger eases nausea.", "reported"),
    ("Many people believe that fasting cleanses the liver.", "belief"),
    ("Doctors working at the Riverside Clinic (RC) said the cream healed the rash.", "attributed"),
    ("Doctors treating the outbreak said the drug cured most patients.", "hearsay"),
    ("She had heard that garlic kills the flu virus.", "belief"),
    ("They share the data with the hope that it will lead to fewer deaths.", "belief"),
    ("Dark chocolate protects the heart, she warned.", "attributed"),
    ("The scans aren’t effective for slow-growing cancers.", "negated"),
    ("The researchers are trying to find ways to repair heart tissue.", "claim"),
    ("The survey couldn't prove that walking caused the drop in deaths.", "caveat"),
])
def test_each_sentence_gets_one_role(sentence: str, role: str) -> None:
    assert roles(sentence, "text") == [role]


def test_quotations_and_introduced_passages_are_quotes() -> None:
    text = ('"Coffee protects the liver," said Dr Ana Ruiz.\n\n'
            "The researchers wrote:\n\nCoffee drinkers had fewer liver problems.\n")
    assert roles(text, "text") == ["quote", "attributed", "quote"]


@pytest.mark.parametrize("text", [
    "'Resting does not fix the injury,' the coach told reporters.\n",
    "'We were surprised. The patches cut pain in half, which nobody expected,' she said.\n",
    "‘Oats lower cholesterol,’ he wrote.\n",
])
def test_passages_in_single_quotation_marks_are_quotes(text: str) -> None:
    assert set(roles(text, "text")) == {"quote"}


@pytest.mark.parametrize("text", [
    "Coffee's caffeine levels vary a lot.\n",        # an apostrophe, not a quotation
    "The '90s diet fads faded fast.\n",
])
def test_apostrophes_open_no_quotation(text: str) -> None:
    assert "quote" not in roles(text, "text")


def test_headline_deck_lede_and_page_furniture() -> None:
    text = ("- Other story one\n- Other story two\n"
            "Green Tea Sharpens Memory\n"
            "Photo: a cup of tea\n\n"
            "Drinking green tea every day keeps the memory sharp in later life, a new study suggests.\n\n"
            "The study followed 900 adults for five years.\n\n"
            "Share this article\n")
    a = analysis(text, "text")
    positions = [s.position for s in a.sentences]
    assert positions == ["chrome", "chrome", "title", "chrome", "lede", "body", "chrome"]


# ---- frames ---------------------------------------------------------------------------------
def test_frame_has_predicate_outcome_and_whom_it_is_stated_for() -> None:
    a = analysis("Nuts lower your risk of heart disease.", "text")
    f = a.sentences[0].frame
    assert f is not None and f.strength == "causal" and f.predicate_kind == "lower"
    assert f.outcome is not None and f.outcome_kind in ("risk", "disease") and f.outcome_after and f.general


@pytest.mark.parametrize("sentence", [
    "Heart disease is one of the leading causes of death.",      # a noun, not a claim
    "Strokes caused by bleeding were rarer.",                   # a participle describing strokes
    "The team set out to reduce the number of falls.",          # a purpose clause
    "Nurses handed out protective masks at the door.",           # an adjective naming a kind of mask
    "She edits the Daily Health Impact Review on weekends.",     # a capitalised word in a name
    "The purported health benefits of cold plunges were tested.",  # disowned by the writer
    "Shares fell on news of the economic damage of the lockdown.",  # a noun with "of"
    "If infections keep falling at this rate the ward will close by May.",  # a supposition
    "The trial was supported by a grant from the health ministry.",  # who paid
    "Newborns of infected mothers are treated as possible cases.",   # a way of regarding them
    "The scan helped doctors spot the tumour early.",                 # helping people do something
    "The marathon was postponed because of the flu outbreak.",       # the disease is the cause, not the outcome
    "The aim was to test whether zinc shortened colds.",              # an open question
    "People who cut their salt intake were less likely to have strokes.",  # who-clause describes the group
    "The surgeon spent the morning making repairs to a torn tendon.",  # a noun after "making"
    "Most families are receiving help with meals.",                    # a noun after "receiving"
    "The team adjusted for habits that can influence heart risk, such as smoking.",  # confounders
    "Cutting the cord is a big moment for new parents.",               # an -ing subject of "is"
    "Hand washing is important in preventing the spread of flu.",      # an -ing noun after "in"
    "Her liver damage was found on a routine scan.",                   # "damage" inside a condition's name
])
def test_words_of_cause_that_make_no_causal_claim(sentence: str) -> None:
    f = analysis(sentence, "text").sentences[0].frame
    assert f is None or f.strength != "causal"


def test_health_in_the_name_of_a_service_is_no_health_outcome() -> None:
    f = analysis("The closures raise hard choices for health care workers.", "text").sentences[0].frame
    assert f is None or not f.health_outcome
    assert analysis("Sleep loss harms your health.", "text").sentences[0].frame.health_outcome


def test_makes_more_likely_is_causal_and_may_is_conditional() -> None:
    assert analysis("Screen time makes depression more likely.", "text").sentences[0].frame.strength == "causal"
    assert analysis("Screen time may make depression more likely.", "text").sentences[0].frame.strength == "conditional"


# ---- the article's evidence -----------------------------------------------------------------
def test_passing_mention_of_animals_is_no_study_but_an_experiment_is() -> None:
    a = analysis("We share this hormone with rats and every other mammal.\n\nRats given the hormone drank less.\n")
    assert a.sentences[0].study is None
    assert a.sentences[1].study is not None and a.sentences[1].study.kind == "animal"


@pytest.mark.parametrize("sentence", [
    "Fruit flies that were kept awake at night died weeks earlier, the study found.",
    "The worms lived a third longer than untreated ones, the researchers reported.",
    "Older macaques remembered more shapes in the experiment.",
    "Sleep-deprived zebrafish swam less, according to the research.",
    "The researchers laced the zebrafish's water with the drug, and hearing improved.",   # what was done to them
    "The team spiked the monkeys' food with the extract.",
    "The researchers supplemented the pigs' feed with zinc, and the piglets grew faster.",
])
def test_an_animal_that_is_the_subject_of_a_research_sentence_is_a_study(sentence: str) -> None:
    st = analysis(sentence + "\n").sentences[0].study
    assert st is not None and st.kind == "animal"


@pytest.mark.parametrize("sentence", [
    "Flies gathered around the clinic's bins all summer.",                          # no research
    "We share many genes with flies, which is why researchers like them.",          # not the subject
    "Dogs can tell when their owners are ill, owners often say.",                   # no research
])
def test_an_animal_named_without_an_experiment_is_no_study(sentence: str) -> None:
    assert analysis(sentence + "\n").sentences[0].study is None


def test_planned_human_trial_does_not_make_the_evidence_human() -> None:
    a = analysis("Mice given the compound lost weight.\n\nThe team hopes to begin a trial in 60 volunteers next year.\n")
    assert a.profile.dominant_non_human() is not None


def test_what_the_evidence_mostly_is_outweighs_a_passing_mention() -> None:
    text = ("Mice given the extract ran further.\n\nRats fed the extract lived longer.\n\n"
            "In a third experiment, mice given a high dose lost weight.\n\n"
            "A small trial in people is due to report next year; an older survey of 300 adults found nothing.\n")
    assert analysis(text).profile.dominant_non_human() is not None


def test_design_inferred_from_wording_only_when_the_article_names_no_other() -> None:
    text = "In a study of 4,000 adults, people who walked daily were less likely to develop dementia.\n"
    st = analysis(text).sentences[0].study
    assert st is not None and st.kind == "observational"


@pytest.mark.parametrize("text, groups", [
    ("Adults aged 65 and older took part.", ["older_adults"]),
    ("Children aged 5 to 12 were enrolled.", ["children"]),
    ("The dose was above 75 milligrams a day.", []),
    ("Prices rose between 4 and 7 percent.", []),
    ("The cohort was followed for over 60 years.", []),
])
def test_ages_are_people_not_doses_or_durations(text: str, groups: list[str]) -> None:
    from healthlint.analyse.groups import age_groups
    assert age_groups(text) == groups


def test_a_difference_must_be_a_result_of_research() -> None:
    assert analysis("The shop is open only for those who pay by card.\n").profile.difference() is None
    assert analysis("A study of 500 adults found the drug worked. Next we will explore how results differ by sex.\n"
                    ).profile.difference() is None
    assert analysis("A study of 500 adults found the drug worked, but only in people with diabetes.\n"
                    ).profile.difference() is not None


@pytest.mark.parametrize("text", [
    "A review of 40 trials found fewer chest infections, mainly in people who were deficient to begin with.",
    "A study of 900 adults found the pills helped, mostly among patients with kidney disease.",
    "The trial of 2,000 adults showed a benefit largely for those who started with low levels.",
])
def test_a_result_held_mainly_in_a_subgroup_is_a_difference(text: str) -> None:
    assert analysis(text + "\n").profile.difference() is not None


@pytest.mark.parametrize("text", [
    "A review of 40 trials found fewer chest infections, mainly in winter.",
    "A study of 900 adults found the pills helped, mostly within a month.",
    "The clinic mainly treats people who live nearby.",
])
def test_near_misses_of_a_result_held_mainly_in_a_subgroup(text: str) -> None:
    assert analysis(text + "\n").profile.difference() is None


def test_subgroup_and_results_that_differed() -> None:
    a = analysis("A trial in 300 postmenopausal women found that the drug eased hot flushes.\n")
    assert a.profile.subgroup() is not None and a.profile.subgroup()[0] == "postmenopausal"
    b = analysis("The benefit was similar in men and women.\n\nA trial in 300 women found the drug helped.\n")
    assert b.profile.subgroup() is None
    c = analysis("Female mice lost weight, but male mice did not get the same benefit.\n")
    assert c.profile.difference() is not None


# ---- the evidence rules on it ---------------------------------------------------------------
MOUSE = ("# Oxytocin and alcohol\n\n"
         "Researchers gave the hormone to 30 alcohol-dependent rats for two weeks.\n\n"
         "The rats drank less.\n\n"
         "The hormone reduces the urge to drink.\n")


def test_message_names_the_evidence_and_its_line() -> None:
    (f,) = lint_text(MOUSE, ["animal-extrapolation"], fmt="markdown", path="a.md")
    assert f.line == 7 and f.column == 1
    # the study most about the claim's words wins over a nearer one: the hormone given to rats (line 3)
    assert "(line 3)" in f.message and "rats" in f.message
    line3 = MOUSE.splitlines()[2]
    assert f.related and (f.related[0].line, f.related[0].column) == (3, line3.index("rats") + 1)


def test_claim_before_the_study_is_judged_too() -> None:
    text = ("Eating walnuts protects the brain from memory loss.\n\n"
            "In the experiment, 40 mice were fed walnuts for eight weeks and found their way through a maze faster.\n")
    (f,) = lint_text(text, ["animal-extrapolation"])
    assert f.line == 1 and "line 3" in f.message


def test_lede_claim_is_judged_against_the_whole_article() -> None:
    text = ("# Coffee Compound Reverses Memory Loss\n\n"
            "A compound in coffee reverses memory loss, scientists said on Monday.\n\n"
            "The team at a university in Porto published the work in a neuroscience journal.\n\n"
            "Old mice given the compound for a month found a hidden platform as fast as young mice.\n")
    lines = sorted(f.line for f in lint_text(text, ["animal-extrapolation"], fmt="markdown", path="a.md"))
    assert lines == [1, 3]


def test_qualified_continuation_and_other_topics_stay_quiet() -> None:
    assert lint_text("In mice, the drug lowered blood sugar. It also reduces weight gain.\n", ["animal-extrapolation"]) == []
    filler = "".join(f"Paragraph {i} talks about something else entirely.\n\n" for i in range(5))
    far = "Mice given the extract ran longer on a wheel.\n\n" + filler + "Regular cycling improves endurance.\n"
    assert lint_text(far, ["animal-extrapolation"]) == []  # another subject, far from the study
    # (what the study tested, claimed paragraphs below it, rests on it: tests/test_page_openings.py)


def test_causal_from_association_names_the_design_and_hedging_is_quiet() -> None:
    text = ("In a cohort study of 12,000 nurses, short sleep was associated with weight gain.\n\n"
            "Short sleep causes weight gain.\n")
    (f,) = lint_text(text, ["causal-from-association"])
    assert f.line == 3 and "observational" in f.message and "line 1" in f.message
    assert lint_text(text.replace("Short sleep causes", "Short sleep may cause"), ["causal-from-association"]) == []


def test_trial_evidence_and_named_quotes_are_quiet() -> None:
    assert lint_text("In a randomised controlled trial of 400 adults, the drug lowered blood pressure.\n\n"
                     "The drug lowers blood pressure.\n", ["causal-from-association"]) == []
    assert lint_text("A survey of 900 adults linked coffee to lower gout rates.\n\n"
                     "“Coffee prevents gout,” said Dr Lena Park, who led the survey.\n", ["causal-from-association"]) == []


def test_subgroup_named_in_claim_is_fine_and_missing_is_flagged() -> None:
    base = "A trial in 400 men found that the drug lowered blood pressure.\n\n"
    (f,) = lint_text(base + "The drug lowers blood pressure.\n", ["subgroup-generalization"])
    assert "men" in f.message and "line 1" in f.message
    assert lint_text(base + "The drug lowers blood pressure in men.\n", ["subgroup-generalization"]) == []
    assert lint_text("A survey of 2,000 men found that coffee drinkers had less erectile dysfunction.\n\n"
                     "Coffee lowers the risk of erectile dysfunction.\n", ["subgroup-generalization"]) == []
    assert lint_text("A trial of 600 men found the test cut deaths.\n\nA positive P.S.A. test leads to a biopsy.\n",
                     ["subgroup-generalization"]) == []


MOUSE_DRUG = ("# In mice, an old gout drug eased kidney damage\n\n"
              "Researchers gave the gout drug to 40 mice with damaged kidneys for eight weeks.\n\n"
              "The treated mice had less scarring.\n\n")


def test_an_animal_study_supports_only_claims_about_what_it_tested() -> None:
    (f,) = lint_text(MOUSE_DRUG + "The gout drug repairs the kidneys.\n", ["animal-extrapolation"])
    assert "mice" in f.message
    assert lint_text(MOUSE_DRUG + "Drinking water and cutting salt remain the main ways to protect the kidneys.\n",
                     ["animal-extrapolation"]) == []


@pytest.mark.parametrize("people", [
    "In a second experimental group of 12 healthy humans, the researchers found that the drug lowered uric acid.",
    "In a cohort of 2,000 older adults, the team found that the drug lowered uric acid.",
    "In a small group of 30 volunteers, the researchers found that the drug lowered uric acid.",
    "A sample of 150 patients was studied, and the researchers found that the drug lowered uric acid.",
])
def test_a_study_in_people_described_by_its_group_is_evidence_in_people(people: str) -> None:
    assert lint_text(MOUSE_DRUG + people + "\n", ["animal-extrapolation"]) == []


@pytest.mark.parametrize("claim", [
    "The gout drug lowers uric acid.",                                  # stated for everyone after mice
    "A group of friends tried it, and the gout drug lowers uric acid.",  # a group, but no research: no study
])
def test_a_group_that_is_no_study_of_people_leaves_the_mouse_evidence(claim: str) -> None:
    assert lint_text(MOUSE_DRUG + claim + "\n", ["animal-extrapolation"])


def test_a_part_in_a_mechanism_is_no_effect_claim() -> None:
    text = "Mice given the protein lived longer.\n\nThe protein plays a key role in heart repair.\n"
    assert lint_text(text, ["animal-extrapolation"]) == []
    assert lint_text("Mice given the protein lived longer.\n\nThe protein repairs the heart.\n", ["animal-extrapolation"])


def test_subgroup_claims_must_be_about_what_the_study_tested() -> None:
    study = ("# Beetroot and blood pressure\n\nA trial in 300 women found that beetroot juice lowered blood pressure.\n\n"
             "Nurses measured it every week.\n\n")
    (f,) = lint_text(study + "Beetroot juice lowers blood pressure.\n", ["subgroup-generalization"])
    assert "women" in f.message
    assert lint_text(study + "Regular walking eases back pain.\n", ["subgroup-generalization"]) == []
    assert lint_text(study + "Statins lower blood pressure too.\n", ["subgroup-generalization"]) == []


@pytest.mark.parametrize("text", [
    # a group counted that is no study: a charity's books, an organisation's members
    "Donations will help deliver 7 million books to children in need.\n\nReading improves wellbeing.\n",
    "The union supports about 85,000 athletes worldwide.\n\nExercise lowers blood pressure.\n",
    # smoking in smokers: the group is the claim's exposure
    "A cohort of 20,000 smokers was followed for ten years.\n\nCigarette smoke causes most lung cancer.\n",
    # the study's result, told in the past
    "A trial in 80 children found the game helped.\n\nThe game was also able to increase reading scores.\n",
    # the claim is itself the study's result
    "In a study of 15,000 people with diabetes, those who took metformin had a 40 percent lower risk of dementia.\n",
])
def test_subgroup_evidence_must_be_a_study_of_that_group(text: str) -> None:
    assert lint_text(text, ["subgroup-generalization"]) == []


COHORT = ("# Tea and memory\n\nA cohort study of 9,000 adults found that tea drinkers were less likely to develop dementia.\n\n"
          "Other findings were reported on sleep.\n\nThe registry also tracked hospital stays.\n\n"
          "Most people sleep about seven hours.\n\n")


def test_an_association_is_the_evidence_when_it_is_all_the_article_shows() -> None:
    text = ("# Shift work and health\n\nNight shifts raise the risk of diabetes.\n\nShift work is common.\n\n"
            "Many hospitals run around the clock.\n\nUnions have asked for shorter rotas.\n\n"
            "Nurses who worked night shifts were more likely to develop diabetes, the researchers said.\n")
    (f,) = lint_text(text, ["causal-from-association"])
    assert f.line == 3 and "line 11" in f.message


def test_a_study_paragraphs_away_supports_only_claims_about_its_subject() -> None:
    (f,) = lint_text(COHORT + "Tea prevents dementia.\n", ["causal-from-association"])
    assert "line 3" in f.message
    assert lint_text(COHORT + "Vaccines prevent measles.\n", ["causal-from-association"]) == []
    assert lint_text(COHORT + "Exercise lowers blood pressure.\n", ["causal-from-association"]) == []
    # another study, named in the claim's own sentence, whose design is not given
    assert lint_text(COHORT + "A Danish study found that tea reduced dementia.\n", ["causal-from-association"]) == []
    # a drug the study never mentions: its effect rests on other evidence
    assert lint_text(COHORT + "Statins lower the risk of dementia.\n", ["causal-from-association"]) == []


def test_analyze_shows_role_frame_and_study() -> None:
    a = analysis(MOUSE)
    last = a.to_dict(len(a.sentences) - 1)
    assert last["role"] == "claim" and last["frame"]["strength"] == "causal"
    assert a.to_dict(1)["study"]["kind"] == "animal"

