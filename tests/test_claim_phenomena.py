"""More claim-strength phenomena (Yu et al. 2019 scale): examples that must get a label and
near-misses that must not. All sentences are our own."""

from __future__ import annotations

import pytest

from healthlint.analyse import analyze_sentence


def claim(text: str) -> str:
    return analyze_sentence(text).claim


# --- a light verb ("represent", "serve as", "offer") frames an efficacy adjective as a predicate ---

@pytest.mark.parametrize("text, label", [
    ("Home visits may represent a more effective way to support new mothers.", "conditional"),
    ("Peer mentoring could serve as a useful strategy for smoking cessation.", "conditional"),
    ("Group singing represents an effective intervention for low mood in care homes.", "causal"),
])
def test_light_verb_with_efficacy_adjective_is_a_claim(text: str, label: str) -> None:
    assert claim(text) == label


@pytest.mark.parametrize("text", [
    "The leaflet represents the views of the local patient panel.",
    "The charity offers free advice sessions on Tuesdays.",
    "An effective leaflet was handed to every visitor.",
    "This audit offers valuable information for planning winter beds.",
    "The interviews provide useful insights into how carers cope.",
])
def test_light_verb_without_efficacy_predicate_is_no_causal_claim(text: str) -> None:
    assert claim(text) not in ("causal", "conditional")


# --- advice is its own clause after ", suggesting that" or in a second predicate ("and should") ---

@pytest.mark.parametrize("text, label", [
    ("We saw a strong link between loneliness and poor sleep, suggesting that befriending schemes should be funded.",
     "correlational"),
    ("Hand grip scores are predictors of falls and should be measured at every visit.", "correlational"),
    ("Night work was associated with weight gain, indicating that canteens must offer healthier food.",
     "correlational"),
])
def test_finding_before_advice_clause_survives(text: str, label: str) -> None:
    assert claim(text) == label


@pytest.mark.parametrize("text", [
    "Schools and clinics should work together to reduce teenage smoking.",
    "Our results suggest that councils should fund cycle lanes to cut pollution.",
    "Larger trials are needed, and funders should support them to confirm this association.",
])
def test_advice_clause_still_makes_no_claim(text: str) -> None:
    assert claim(text) == "none"


# --- a risk predicated of a group ("are at risk of", "had a high risk of") is correlational ---

@pytest.mark.parametrize("text", [
    "Retired miners are at risk for chronic lung disease.",
    "Children from damp homes had a high risk of asthma.",
    "Lorry drivers have a considerable risk of back pain.",
    "Smokers with gum disease were at particular risk of tooth loss.",
])
def test_predicated_risk_is_correlational(text: str) -> None:
    assert claim(text) == "correlational"


@pytest.mark.parametrize("text", [
    "Nurses can then follow up patients who have a high risk of pressure sores.",
    "The helpline supports families at risk of eviction.",
    "The review was judged to have a high risk of bias.",
])
def test_risk_that_picks_out_a_group_is_no_claim(text: str) -> None:
    assert claim(text) == "none"


@pytest.mark.parametrize("text", [
    "The falls programme had nearly halved the risk of hip fracture.",
    "Folic acid has cut the risk of spina bifida in two countries.",
    "The new inhaler had sharply cut the risk of attacks by spring.",
])
def test_causal_verb_before_risk_is_not_swallowed(text: str) -> None:
    assert claim(text) == "causal"


# --- a comparison with a benchmark (earlier reports, expectations, a threshold) compares no groups ---

@pytest.mark.parametrize("text", [
    "Scurvy was seen less often than previously reported in the region.",
    "The dropout rate was higher than expected.",
    "Vitamin D levels were lower than the recommended threshold in a third of nurses.",
    "Waiting times were shorter than in earlier audits.",
])
def test_comparison_with_a_benchmark_is_no_claim(text: str) -> None:
    assert claim(text) == "none"


@pytest.mark.parametrize("text, label", [
    ("Night nurses slept less than day nurses.", "correlational"),
    ("The app was more effective than usual care at raising activity.", "causal"),
    ("Smokers had higher blood pressure than non-smokers.", "correlational"),
    ("Gout was more common than previously reported and was associated with kidney disease.", "correlational"),
])
def test_comparison_between_groups_stays_a_claim(text: str, label: str) -> None:
    assert claim(text) == label


# --- "associated" before a noun means "accompanying": no relationship is stated ---

@pytest.mark.parametrize("text", [
    "The clinic treats diabetes and associated foot problems.",
    "Falls and their associated costs were recorded by the ward staff.",
    "Associated symptoms were listed in the discharge letter.",
])
def test_attributive_associated_is_no_claim(text: str) -> None:
    assert claim(text) == "none"


@pytest.mark.parametrize("text", [
    "Hearing loss is associated, in older men, with depression.",
    "Loneliness was strongly associated with depression.",
    "Statin-associated muscle pain was reported by one patient in ten.",
    "Gum disease and heart disease were closely associated in this cohort.",
])
def test_associated_with_a_partner_is_correlational(text: str) -> None:
    assert claim(text) == "correlational"


# --- a cue inside a hyphenated compound modifier is no verb: "cut-off value", "triple-negative" ---

@pytest.mark.parametrize("text", [
    "The best cut-off value for the score was 12.",
    "Women with triple-negative tumours were younger.",
    "We report cause-specific mortality for each region.",
])
def test_cue_in_hyphenated_compound_is_no_causal_claim(text: str) -> None:
    assert claim(text) != "causal"


@pytest.mark.parametrize("text", [
    "Statin-induced muscle pain reduced adherence in older patients.",
    "The slow-release tablet cut night-time pain.",
    "Lipid-lowering drugs prevented strokes in the trial.",
])
def test_hyphenated_modifier_beside_a_causal_verb_stays_causal(text: str) -> None:
    assert claim(text) == "causal"


# --- a change by an amount ("fell by 25%", "rose to 40%") with no object is a change statement ---

@pytest.mark.parametrize("text", [
    "Hospital admissions for asthma decreased by 25% after the smoking ban.",
    "Vaccine uptake increased to 80% in the second year.",
    "Teen pregnancies declined and clinic visits increased by 12 percent over the decade.",
])
def test_change_by_an_amount_is_correlational(text: str) -> None:
    assert claim(text) == "correlational"


@pytest.mark.parametrize("text", [
    "The smoking ban decreased asthma admissions by 25%.",
    "The reminder letters increased vaccine uptake to 80%.",
    "Free fruit in schools reduced sweet snacking.",
])
def test_change_with_an_object_is_causal(text: str) -> None:
    assert claim(text) == "causal"


# --- "tend to" + verb states a tendency, a correlational trend ---

@pytest.mark.parametrize("text", [
    "Grip strength tended to decrease with age.",
    "Sleep quality tends to improve as the weather warms.",
    "Blood pressure tended to rise with longer shifts.",
])
def test_tend_to_is_correlational(text: str) -> None:
    assert claim(text) == "correlational"


@pytest.mark.parametrize("text", [
    "The older pill tended to cause stomach bleeding.",
    "Warm baths tend to improve sleep in older adults.",
    "Spicy food tends to worsen reflux symptoms.",
])
def test_tend_to_with_an_object_stays_causal(text: str) -> None:
    assert claim(text) == "causal"


@pytest.mark.parametrize("text, label", [
    ("Napping has been shown to improve alertness in pilots.", "causal"),
    ("Dance classes appeared to improve balance.", "conditional"),
    ("The ward aims to reduce falls.", "none"),
])
def test_other_to_infinitives_keep_their_label(text: str, label: str) -> None:
    assert claim(text) == label


# --- "be involved in" a disease process (aetiology, onset, regulation) is causal involvement ---

@pytest.mark.parametrize("text, label", [
    ("Gut bacteria are involved in the onset of coeliac disease.", "causal"),
    ("Stress hormones were involved in the progression of the ulcers.", "causal"),
    ("This gene variant may be involved in regulating appetite.", "conditional"),
])
def test_involved_in_a_disease_process_is_causal(text: str, label: str) -> None:
    assert claim(text) == label


@pytest.mark.parametrize("text", [
    "Patients were involved in the design of the questionnaire.",
    "The proteins involved in the onset of migraine were listed in a table.",
    "Nurses were involved in every ward round.",
])
def test_other_involvement_is_no_claim(text: str) -> None:
    assert claim(text) == "none"


# --- a reporting verb presents the role or effect of an exposure as a finding ---

@pytest.mark.parametrize("text", [
    "Our study highlights the role of poor sleep in raising blood pressure.",
    "These results underline the effect of noise on hospital recovery.",
    "The audit highlighted the benefit of early physiotherapy after hip surgery.",
])
def test_reported_role_or_effect_is_causal(text: str) -> None:
    assert claim(text) == "causal"


@pytest.mark.parametrize("text", [
    "The role of school nurses in asthma care is unclear.",
    "We describe the role of pharmacists in the vaccination campaign.",
    "The meeting will highlight the need for more staff.",
])
def test_mentioned_role_is_no_claim(text: str) -> None:
    assert claim(text) == "none"


# --- "who may benefit" picks out a group of people; it asserts no effect ---

@pytest.mark.parametrize("text", [
    "Nurses use the checklist to find patients who may benefit from a dietitian.",
    "GPs should refer smokers who could benefit from a quit service.",
    "A short survey spots pupils who might benefit from reading support.",
])
def test_who_may_benefit_is_no_claim(text: str) -> None:
    assert claim(text) == "none"


@pytest.mark.parametrize("text, label", [
    ("Patients who took the tablets improved faster.", "causal"),
    ("Older walkers may benefit from a second daily session.", "conditional"),
    ("Adults who joined the walking group lowered their blood pressure.", "causal"),
])
def test_benefit_of_a_subject_stays_a_claim(text: str, label: str) -> None:
    assert claim(text) == label
