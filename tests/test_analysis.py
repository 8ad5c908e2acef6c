"""Tests for healthlint.analyse (per-sentence facts). All sentences are our own."""

from __future__ import annotations

import json

import pytest

from healthlint.analyse import Cue, SentenceFacts, analyze_sentence
from healthlint.analyse.lexicon import Lexicon, expand


# --- claim strength -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Green tea reduces blood pressure in adults.",
    "Daily walking lowers the risk of heart disease.",
    "Smoking causes lung cancer.",
    "The vaccine prevents severe illness.",
    "Regular exercise protects against depression.",
    "Folic acid supplements cut the risk of neural tube defects.",
    "The new drug improved survival in patients with melanoma.",
    "High salt intake leads to hypertension.",
    "The programme resulted in fewer hospital admissions.",
    "Vitamin C boosts immune function.",
    "Sugar can cause tooth decay.",
    "Statins significantly reduced the rate of heart attacks.",
    "Metformin was effective in lowering blood glucose.",
    "Our results suggest that the supplement improves sleep quality.",
    "Stress triggers migraine attacks in susceptible people.",
    "The therapy was more effective than placebo.",
])
def test_causal(text: str) -> None:
    assert analyze_sentence(text).claim == "causal"


@pytest.mark.parametrize("text", [
    "Coffee may reduce the risk of liver disease.",
    "This diet might help people lose weight.",
    "Air pollution could lead to dementia.",
    "Probiotics possibly improve gut health.",
    "Eating nuts is likely to lower cholesterol.",
    "The drug appears to protect nerve cells.",
    "Mindfulness may be an effective treatment for anxiety.",
    "Higher doses could potentially increase side effects.",
])
def test_conditional(text: str) -> None:
    assert analyze_sentence(text).claim == "conditional"


@pytest.mark.parametrize("text", [
    "Red meat consumption was associated with colorectal cancer.",
    "Poor sleep is linked to obesity in children.",
    "Screen time correlated with lower test scores.",
    "Loneliness is a risk factor for early death.",
    "Blood pressure predicts stroke in older adults.",
    "Smokers were more likely than non-smokers to develop gum disease.",
    "Vitamin D levels were higher in runners than in office workers.",
    "Obese patients had a higher rate of wound infection.",
    "Women with the gene variant are at increased risk of breast cancer.",
])
def test_correlational(text: str) -> None:
    assert analyze_sentence(text).claim == "correlational"


@pytest.mark.parametrize("text", [
    "We recruited volunteers from three hospitals.",
    "Participants completed a food diary every week.",
    "Further research is needed to determine whether fasting improves memory.",
    "The aim of this trial was to reduce waiting times.",
    "Doctors should discuss the benefits with each patient.",
    "Reduced appetite was reported by some patients.",
    "More than half of the patients were women.",
    "The clinic opens at nine.",
])
def test_no_claim(text: str) -> None:
    facts = analyze_sentence(text)
    assert facts.claim == "none"
    assert facts.asserted_claim == "none"


@pytest.mark.parametrize("text, claim", [
    ("Aspirin did not reduce the risk of dementia.", "causal"),
    ("The supplement does not cause weight gain.", "causal"),
    ("Coffee was not associated with heart disease.", "correlational"),
    ("There was no association between diet soda and stroke.", "correlational"),
    ("Antibiotics had no effect on recovery time.", "causal"),
])
def test_negated_keeps_kind_but_asserts_nothing(text: str, claim: str) -> None:
    facts = analyze_sentence(text)
    assert facts.negated
    assert facts.claim == claim
    assert facts.asserted_claim == "none"
    assert not facts.is_causal


@pytest.mark.parametrize("text", [
    "Vitamin D reduces the risk of fractures.",
    "Sleep loss is associated with weight gain.",
])
def test_not_negated(text: str) -> None:
    assert not analyze_sentence(text).negated


@pytest.mark.parametrize("text", [
    "Does coffee cause cancer?",
    "Can walking reduce the risk of diabetes?",
    "Is red wine linked to longer life? ",
])
def test_questions_make_no_claim(text: str) -> None:
    facts = analyze_sentence(text)
    assert facts.question
    assert facts.claim == "none"
    assert facts.claim_cue is not None  # the relationship asked about is still reported


def test_claim_cue_text_and_span() -> None:
    text = "In this trial, aspirin lowers the risk of stroke."
    facts = analyze_sentence(text, offset=100)
    cue = facts.claim_cue
    assert cue is not None and cue.text == "lowers"
    assert text[cue.start - 100 : cue.end - 100] == "lowers"


def test_conditional_cue_is_the_verb() -> None:
    cue = analyze_sentence("Coffee may reduce gout.").claim_cue
    assert cue is not None and cue.text == "reduce" and cue.kind == "conditional"


# --- hedges and boosters ----------------------------------------------------------

@pytest.mark.parametrize("text, cue", [
    ("The results may apply to older people.", "may"),
    ("Fasting might change gut bacteria.", "might"),
    ("These findings suggest a role for inflammation.", "suggest"),
    ("The effect is possibly due to chance.", "possibly"),
    ("The gene appears to regulate appetite.", "appears"),
    ("It is likely that diet plays a part.", "likely"),
    ("These are preliminary findings.", "preliminary"),
    ("The mechanism remains unclear.", "unclear"),
    ("More research is needed before doctors recommend it.", "More research is needed"),
    ("We tested whether the drug works in children.", "whether"),
    ("The compound is a potential treatment for gout.", "potential"),
    ("We hypothesize that the protein binds zinc.", "hypothesize"),
    ("This could explain the lower rates in rural areas.", "could"),
])
def test_hedges(text: str, cue: str) -> None:
    facts = analyze_sentence(text)
    assert facts.hedge
    assert cue in [h.text for h in facts.hedges]
    assert all(h.kind == "hedge" for h in facts.hedges)


@pytest.mark.parametrize("text", [
    "The trial enrolled 300 adults in 2019.",
    "Blood samples were taken every morning.",
    "The protein could not be detected in the samples.",
    "Smokers were more likely to develop asthma.",
    "The study began in May 2012 and ended in June.",
])
def test_no_hedge(text: str) -> None:
    facts = analyze_sentence(text)
    assert not facts.hedge, facts.hedges


@pytest.mark.parametrize("text, cue, kind", [
    ("This study proves that sugar is toxic.", "proves", "certainty"),
    ("The treatment is clinically proven to work.", "clinically proven", "certainty"),
    ("The benefit was clearly visible.", "clearly", "certainty"),
    ("It definitely helps.", "definitely", "certainty"),
    ("Salt always raises blood pressure.", "always", "universal"),
    ("You should never skip breakfast.", "never", "universal"),
    ("Every adult needs this vitamin.", "Every", "universal"),
    ("Sleep is the most important factor for health.", "the most important", "superlative"),
    ("This diet is 100% natural.", "100%", "hype"),
    ("Results are guaranteed within a week.", "guaranteed", "hype"),
    ("A miracle fruit for your heart.", "miracle", "hype"),
    ("Scientists hail a breakthrough in diabetes care.", "breakthrough", "hype"),
    ("Turmeric cures arthritis.", "cures", "hype"),
])
def test_boosters(text: str, cue: str, kind: str) -> None:
    boosters = analyze_sentence(text).boosters
    assert (cue, kind) in [(b.text, b.kind) for b in boosters]


# --- study design, species, populations -------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Cells were grown in vitro for two days.", "in_vitro"),
    ("The compound was tested in human cell lines.", "in_vitro"),
    ("In an animal model of obesity, the drug reduced fat.", "animal"),
    ("We report a case of a woman with a rare rash.", "case_report"),
    ("This observational study followed nurses for a decade.", "observational"),
    ("A prospective cohort study of 5,000 men found a link.", "cohort"),
    ("In a cross-sectional analysis, sleep and mood were linked.", "cross_sectional"),
    ("A case-control study compared patients with healthy controls.", "case_control"),
    ("An online survey of parents asked about screen time.", "survey"),
    ("In a randomized controlled trial, the drug lowered pain.", "rct"),
    ("The patients were randomly assigned to two groups.", "rct"),
    ("A meta-analysis of 40 studies found a small effect.", "meta_analysis"),
    ("A systematic review found mixed evidence.", "systematic_review"),
    ("This small pilot study enrolled 20 people.", "pilot"),
    ("The results, posted as a preprint, have not been peer-reviewed.", "preprint"),
    ("The phase 3 trial met its main goal.", "trial"),
])
def test_designs(text: str, kind: str) -> None:
    assert kind in [d.kind for d in analyze_sentence(text).designs]


@pytest.mark.parametrize("text, kind", [
    ("The diet extended lifespan in mice.", "mice"),
    ("A mouse given the drug ate less.", "mice"),
    ("Rats fed sugar gained weight.", "rats"),
    ("Prairie voles formed pair bonds.", "voles"),
    ("The vaccine protected monkeys from infection.", "primates"),
    ("Zebrafish regrew their fins.", "zebrafish"),
    ("The gene extends life in worms.", "worms"),
    ("Fruit flies lived longer on the diet.", "flies"),
    ("The compound killed cancer cells in a dish.", "cells"),
    ("The effect was seen in animals but not in humans.", "animals"),
    ("The effect was seen in animals but not in humans.", "humans"),
])
def test_species(text: str, kind: str) -> None:
    assert kind in [s.kind for s in analyze_sentence(text).species]


def test_fish_oil_is_not_a_species() -> None:
    assert analyze_sentence("Fish oil capsules were taken daily.").species == ()


@pytest.mark.parametrize("text, kind", [
    ("The study included 200 men.", "men"),
    ("Women who walked daily slept better.", "women"),
    ("Male participants reported more pain.", "male"),
    ("Children who ate breakfast did better at school.", "children"),
    ("Adolescents spent four hours a day online.", "adolescents"),
    ("Older adults benefited most from the exercise.", "older_adults"),
    ("Pregnant women should avoid raw fish.", "pregnant"),
    ("Postmenopausal women lost bone density.", "postmenopausal"),
    ("People with diabetes should check their feet.", "people_with"),
    ("Infants born early need extra care.", "infants"),
])
def test_populations(text: str, kind: str) -> None:
    assert kind in [p.kind for p in analyze_sentence(text).populations]


@pytest.mark.parametrize("text", [
    "The device was cleared for adults who had failed to improve on two drugs.",
    "Patients who had complete responses were followed for a year.",
    "People who have received both doses can travel.",
])
def test_what_people_did_or_got_is_no_condition_they_have(text: str) -> None:
    assert "people_with" not in [p.kind for p in analyze_sentence(text).populations]


@pytest.mark.parametrize("text", [
    "Patients who had advanced cancer were recruited.",
    "Adults who have asthma took part.",
    "People diagnosed with gout were included.",
])
def test_near_misses_people_with_a_condition(text: str) -> None:
    assert "people_with" in [p.kind for p in analyze_sentence(text).populations]


def test_people_with_carries_condition_and_head_kind() -> None:
    pops = analyze_sentence("Women with type 2 diabetes were recruited.").populations
    texts = {(p.kind, p.text) for p in pops}
    assert ("people_with", "Women with type 2 diabetes") in texts
    assert ("women", "Women") in texts


@pytest.mark.parametrize("text, n", [
    ("The trial enrolled 67 participants.", 67),
    ("Results are based on a sample (n = 1,234).", 1234),
    ("Data came from a cohort of 12,345 adults.", 12345),
    ("We followed 2.5 million people for ten years.", 2_500_000),
    ("Twelve healthy volunteers took the pill.", 12),
    ("Some 340 older women answered the survey.", 340),
    ("N=48 mice were used.", 48),
])
def test_sample_size(text: str, n: int) -> None:
    assert analyze_sentence(text).sample_size == n


@pytest.mark.parametrize("text", [
    "Levels fell by 30 percent over 5 years.",
    "People aged 65 years and older took part.",
    "The dose was 500 mg per day.",
])
def test_no_sample_size(text: str) -> None:
    assert analyze_sentence(text).sample_size is None


# --- citations ------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, cue", [
    ("See https://example.org/study for details.", "url", "https://example.org/study"),
    ("More at www.example.com.", "url", "www.example.com"),
    ("The paper (doi:10.1234/abcd.5678) is open access.", "doi", "doi:10.1234/abcd.5678"),
    ("Full text: https://doi.org/10.5555/xyz.99.", "doi", "https://doi.org/10.5555/xyz.99"),
    ("Indexed as PMID: 12345678 in the database.", "pmid", "PMID: 12345678"),
    ("It was published in the journal Nutrients last week.", "journal", "published in the journal Nutrients"),
    ("A report in The Lancet described the outbreak.", "journal", "The Lancet"),
    ("Writing in JAMA, the authors urged caution.", "journal", "JAMA"),
    ("The Journal of Clinical Sleep Medicine printed the study.", "journal", "Journal of Clinical Sleep Medicine"),
    ("As Smith et al., 2015 showed, the effect is small.", "author_year", "Smith et al., 2015"),
    ("This was shown before (Jones 2019).", "author_year", "(Jones 2019)"),
    ("Brown and Green (2020) disagree.", "author_year", "Green (2020)"),
    ("Researchers at the University of Leeds ran the trial.", "institution", "University of Leeds"),
    ("A team from Harvard analysed the data.", "institution", "Harvard"),
    ("Doctors at the Mayo Clinic advise rest.", "institution", "Mayo Clinic"),
    ("The NIH funded the work.", "institution", "NIH"),
])
def test_citations(text: str, kind: str, cue: str) -> None:
    cites = analyze_sentence(text).citations
    assert (kind, cue) in [(c.kind, c.text) for c in cites], cites


def test_no_citation_in_plain_sentence() -> None:
    assert analyze_sentence("who knows what the doctor said about the nih rules").citations == ()


# --- offsets, serialisation, API --------------------------------------------------------

def test_offsets_are_shifted_for_every_cue() -> None:
    text = "In a randomised trial of 80 women at Stanford, yoga may reduce pain (Lee 2021)."
    off = 1000
    facts = analyze_sentence(text, offset=off)
    cues: tuple[Cue, ...] = facts.hedges + facts.boosters + facts.designs + facts.species + facts.populations
    cues += facts.citations + ((facts.claim_cue,) if facts.claim_cue else ())
    assert len(cues) >= 5
    for c in cues:
        assert text[c.start - off : c.end - off] == c.text


def test_offset_zero_default() -> None:
    facts = analyze_sentence("Mice may age slower.")
    assert [(s.start, s.end) for s in facts.species] == [(0, 4)]


def test_offsets_with_unicode_lowercase_change() -> None:
    text = "İstanbul doctors say coffee may help."
    facts = analyze_sentence(text, 5)
    for c in facts.hedges:
        assert text[c.start - 5 : c.end - 5] == c.text


def test_to_dict_is_json_ready() -> None:
    facts = analyze_sentence("A cohort of 500 women in Oxford may show benefits (n = 500).")
    data = facts.to_dict()
    json.dumps(data)
    for key in ("claim", "hedge", "negated", "question", "hedges", "boosters", "designs", "species",
                "populations", "citations", "sample_size"):
        assert key in data
    assert data["sample_size"] == 500
    assert data["hedges"][0].keys() >= {"text", "kind", "start", "end"}


def test_empty_sentence() -> None:
    facts = analyze_sentence("")
    assert isinstance(facts, SentenceFacts)
    assert facts.claim == "none" and not facts.hedge and facts.sample_size is None


def test_helpers() -> None:
    animal = analyze_sentence("In mice, the drug reduced tumour growth.")
    assert animal.non_human and not animal.human_evidence
    human = analyze_sentence("In a cohort of adults, coffee was linked to longer life.")
    assert human.human_evidence and human.observational


# --- lexicon builder ---------------------------------------------------------------------

def test_expand_leading_groups() -> None:
    assert expand("(?:a|b)c") == ["ac", "bc"]
    assert expand("(?:x\\s+)?y") == ["x\\s+y", "y"]


def test_lexicon_kinds_and_order() -> None:
    lex = Lexicon([("long", r"abc\s+d"), ("short", "abc"), ("other", "xyz")])
    found = [(k, m.group()) for k, m in lex.finditer("abc d, abc and xyz; zabc")]
    assert found == [("long", "abc d"), ("short", "abc"), ("other", "xyz")]
