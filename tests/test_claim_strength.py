"""Claim strength (Yu et al. 2019 scale), one block per linguistic phenomenon.

Each block has sentences that must get a label and near-misses that must not.
All sentences are our own.
"""

from __future__ import annotations

import pytest

from healthlint.analyse import analyze_sentence


def claim(text: str) -> str:
    return analyze_sentence(text).claim


# --- advice: a cue inside a clause that recommends or calls for work is no finding ---

@pytest.mark.parametrize("text", [
    "Clinics should offer walking groups to reduce loneliness in older people.",
    "Programmes that lower sugar intake in schools are needed.",
    "Larger trials are warranted to confirm this association with gum disease.",
    "We recommend that parents limit screen time and improve bedtime routines.",
    "Town planners must add cycle lanes to cut traffic injuries.",
])
def test_advice_clause_makes_no_claim(text: str) -> None:
    assert claim(text) == "none"


@pytest.mark.parametrize("text, label", [
    # the finding sits in its own clause, the advice in another
    ("Night shifts were associated with poor sleep, but larger studies are needed.", "correlational"),
    ("The exercise class reduced falls in care homes; clinics should offer it.", "causal"),
    # a reported finding inside the advice stays a finding
    ("Since iron has been shown to reduce fatigue, doctors should check ferritin.", "causal"),
    # a hedged effect is the writer's own claim even beside advice
    ("The drug may slow memory loss and should be studied further.", "conditional"),
])
def test_claim_beside_advice_survives(text: str, label: str) -> None:
    assert claim(text) == label


# --- an efficacy adjective before a noun is attributive; its verb frame is not ---

@pytest.mark.parametrize("text", [
    "The survey listed several protective and harmful habits for bone health.",
    "Nurses wore protective gowns during the outbreak.",
    "Harmful drinking patterns were common among the students.",
])
def test_attributive_efficacy_adjective_is_no_causal_claim(text: str) -> None:
    assert claim(text) != "causal"


@pytest.mark.parametrize("text", [
    "Regular sauna use had a protective effect on blood pressure.",
    "Daily stretching plays a role in preventing back pain.",
    "Beta blockers have a strong effect on heart rate.",
])
def test_verb_frame_with_efficacy_word_is_causal(text: str) -> None:
    assert claim(text) == "causal"


# --- a support verb ("exert", "produce", "confer") makes an effect noun a causal predicate ---

@pytest.mark.parametrize("text", [
    "Green tea extract exerts a mild beneficial effect in anxious adults.",
    "The two drugs produced additive effects on blood sugar.",
    "Breastfeeding confers lasting benefits on infant gut health.",
    "In older rats, the diet yielded a marked protective effect.",
])
def test_support_verb_with_effect_noun_is_causal(text: str) -> None:
    assert claim(text) == "causal"


@pytest.mark.parametrize("text", [
    "The report provides a window into side effect reporting in clinics.",
    "This review provides an overview of treatment effects in the literature.",
    "The protective effect of tea was the subject of the workshop.",
])
def test_effect_noun_without_support_verb_is_no_causal_claim(text: str) -> None:
    assert claim(text) != "causal"


# --- a role noun (risk factor, marker, predictor, determinant) claims only when predicated ---

@pytest.mark.parametrize("text", [
    "Shift work is a risk factor for type 2 diabetes.",
    "Grip strength emerged as a strong predictor of frailty.",
    "The risk factors identified were age, smoking and low income.",
    "Gout and kidney stones share several dietary risk factors.",
    "Salivary cortisol may serve as a marker of chronic stress.",
])
def test_predicated_role_noun_is_correlational(text: str) -> None:
    assert claim(text) == "correlational"


@pytest.mark.parametrize("text", [
    "The rise in cases is not explained by the usual risk factors.",
    "Teenagers with several risk factors were offered a home visit.",
    "The panel (blood pressure, lipids and biomarkers) took an hour to run.",
    "Our clinic records this potential risk factor at every visit.",
])
def test_mentioned_role_noun_is_no_claim(text: str) -> None:
    assert claim(text) == "none"


# --- a participle right after a noun modifies it; after the main clause and a comma it states a result ---

@pytest.mark.parametrize("text", [
    "Falls resulting in hip fracture were frequent and often linked to poor eyesight.",
    "Infections leading to hospital stays were associated with older age.",
    "Patients receiving dialysis tended to report lower quality of life.",
])
def test_reduced_relative_participle_is_no_causal_claim(text: str) -> None:
    assert claim(text) == "correlational"


@pytest.mark.parametrize("text", [
    "The new triage rules shortened waiting times, leading to fewer complaints.",
    "Nurses phoned every patient after discharge, resulting in fewer readmissions.",
    "The tax made sugary drinks dearer, reducing sales within a year.",
])
def test_result_participle_clause_is_causal(text: str) -> None:
    assert claim(text) == "causal"


@pytest.mark.parametrize("text", [
    "Thus, reducing salt in bread could be a useful public health step.",
    "Overall, improving sleep may help people with migraine.",
    "In short, lowering rents might reduce homelessness.",
])
def test_sentence_initial_gerund_after_adverb_is_no_result_clause(text: str) -> None:
    assert claim(text) == "conditional"


# --- a participle right after a verb of finding is attributive: "revealed increased X" ---

@pytest.mark.parametrize("text", [
    "Blood tests revealed increased ferritin in runners compared with walkers.",
    "The survey identified reduced vaccine uptake in rural districts compared with towns.",
    "We found lowered vitamin D levels in night workers compared with day workers.",
])
def test_participle_after_finding_verb_is_attributive(text: str) -> None:
    assert claim(text) == "correlational"


@pytest.mark.parametrize("text", [
    "The scan revealed that the drug reduced swelling.",
    "The trial found the lotion reduced itching within a week.",
    "The new diet reduced ferritin in runners.",
])
def test_finding_verb_before_a_clause_keeps_the_causal_verb(text: str) -> None:
    assert claim(text) == "causal"


# --- a verb-or-noun cue before "of" is a noun: "the clinical impact of" ---

@pytest.mark.parametrize("text", [
    "The clinical impact of the new guideline is hard to judge.",
    "A steady increase of obesity in toddlers worries paediatricians.",
    "The long-term benefit of the scheme is still unknown.",
])
def test_nounable_cue_before_of_is_no_causal_claim(text: str) -> None:
    assert claim(text) != "causal"


@pytest.mark.parametrize("text", [
    "Cold water swimming increases the release of noradrenaline.",
    "Loud music impacts the quality of sleep.",
    "The scheme benefits children of low-income families.",
])
def test_verb_before_object_with_of_stays_causal(text: str) -> None:
    assert claim(text) == "causal"


# --- "effectively" is a manner adverb, not an efficacy claim ---

@pytest.mark.parametrize("text", [
    "The nurses effectively explained the new visiting rules.",
    "Wound dressings can be effectively applied at home by carers.",
    "Volunteers were effectively trained in two afternoons.",
])
def test_effectively_alone_is_no_claim(text: str) -> None:
    assert claim(text) == "none"


@pytest.mark.parametrize("text", [
    "Zinc lozenges effectively shortened colds in office workers.",
    "The cream was effective against mild eczema.",
    "Text reminders were more effective than letters at raising attendance.",
])
def test_efficacy_with_a_predicate_stays_causal(text: str) -> None:
    assert claim(text) == "causal"


# --- do-support with no object is a change statement: "use did increase over time" ---

@pytest.mark.parametrize("text", [
    "Sales of fresh fruit did increase during the summer.",
    "Waiting times do decrease in spring.",
    "Eczema does improve with age in many children.",
])
def test_do_support_change_statement_is_correlational(text: str) -> None:
    assert claim(text) == "correlational"


@pytest.mark.parametrize("text", [
    "The new drug did reduce pain in the first week.",
    "Exercise does improve mood in older adults.",
    "The sugar tax did cut soft drink sales.",
])
def test_do_support_with_object_is_causal(text: str) -> None:
    assert claim(text) == "causal"
