"""How a page opens, and what a claim near a study is about: phenomena met on unseen pages, each with texts of our own
that change the result and near misses that must not."""

from __future__ import annotations

import pytest

from conftest import lint_text
from healthlint.analyse.article import analyse
from healthlint.read import read_source

ANIMAL = ["animal-extrapolation"]
CAUSAL = ["causal-from-association"]


# -- a short line under the headline that ends no sentence is a dateline or a desk's name, not the lede; a short
#    line that is a sentence is the lede
@pytest.mark.parametrize("first, lede", [
    ("*Cardiology Desk · Filed from the Northern Heart Congress, Leeds*", False),
    ("Updated 10:15 AM GMT, Tuesday 3 October 2023, Health Team", False),
    ("Wellbeing Section | Reporting from the Annual Diabetes Meeting", False),
    ("Daily walks cut knee pain, a new trial finds.", True),
    ("Walking eases knee pain, say physiotherapists in Leeds!", True),
    ("Knee pain eased with daily walks in the trial:", True),
])
def test_a_dateline_is_not_the_lede(first: str, lede: bool) -> None:
    text = (f"# Walking and knee pain\n\n{first}\n\n"
            "Older adults who walked for half an hour a day had less knee pain after twelve weeks than those who rested.\n")
    a = analyse(read_source(text, "t.md", "markdown"))
    second = next(s for s in a.sentences if a.text_of(s.index).startswith("Older adults"))
    assert (second.position == "lede") is (not lede)


# -- a claim in the study's own paragraph finds its subject in that paragraph: the page's lede naming the claim's
#    subject does not tie it to a study of something else told beside it
SAFETY = ("# Hidden drugs in slimming pills\n\n"
          "Testing by the regulator found {drug}, a withdrawn weight-loss medicine, in forty herbal slimming products.\n\n"
          "## Why it matters\n\n"
          "{claim} Another product held phenolphthalein, a laxative withdrawn from sale after studies in rats linked it "
          "to bladder tumours.\n")


@pytest.mark.parametrize("drug, claim, fires", [
    ("sibutramine", "Sibutramine can raise blood pressure and heart rate.", False),
    ("lorcaserin", "Lorcaserin can quicken the heartbeat.", False),
    ("rimonabant", "Rimonabant can worsen low mood.", False),
    ("phenolphthalein", "Phenolphthalein shrinks bladder tumours.", True),  # the subject the study in rats is about
])
def test_a_claim_beside_a_study_of_something_else(drug: str, claim: str, fires: bool) -> None:
    found = lint_text(SAFETY.format(drug=drug, claim=claim), ANIMAL, fmt="markdown")
    assert bool(found) is fires, found


# -- "the fight against the virus" is a noun, not a claim that something fights it; "foods that fight" is one
OBS = "\n\nIn a survey, 9,000 adults filled out food questionnaires, and those who ate more {food} had fewer {outcome}.\n"


@pytest.mark.parametrize("sentence, food, outcome, fires", [
    ("The minister called it a turning point in the fight against obesity.", "vegetables", "weight problems", False),
    ("Clinics were at the front line of the fight against the flu.", "fruit", "colds", False),
    ("Doctors have searched for decades for the cure for arthritis.", "oily fish", "joint problems", False),
    ("Five foods that fight arthritis", "oily fish", "joint problems", True),
    ("Vegetables fight obesity.", "vegetables", "weight problems", True),
])
def test_the_fight_against_is_a_noun(sentence: str, food: str, outcome: str, fires: bool) -> None:
    heading = "# " + sentence if not sentence.endswith(".") else "# Food and health\n\n" + sentence
    found = lint_text(heading + OBS.format(food=food, outcome=outcome), CAUSAL, fmt="markdown")
    assert bool(found) is fires, found


SUBGROUP = ["subgroup-generalization"]

# -- a study told over two sentences: the cohort in one ("The finding comes from a cohort of 60,000 female teachers"),
#    its result in the next ("Women who drank green tea ..."); a claim later in the page on what the result is about
#    rests on that cohort; a claim on another subject, or another research's, does not
COHORT = ("# Tea and the heart\n\nTea drinkers seem to fare better, a long study suggests.\n\n"
          "The finding comes from the Harbour Teachers Cohort, which has followed 60,000 female teachers since 2001. "
          "Women who drank three cups of green tea a day had a 15% lower risk of heart failure than those who drank none, the researchers reported.\n\n"
          "Tea is also rich in compounds called catechins.\n\n{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("In short, green tea protects against heart failure.", True),
    ("The takeaway: drinking green tea prevents heart failure.", True),
    ("So green tea cuts the risk of heart failure.", True),
    ("Smoking raises the risk of heart failure.", False),  # not what the cohort looked at
    ("Studies show green tea lowers blood pressure too.", False),  # other research's claim
    ("Several trials have shown that green tea lowers cholesterol.", False),
])
def test_a_cohort_told_over_two_sentences(claim: str, fires: bool) -> None:
    found = lint_text(COHORT.format(claim=claim), SUBGROUP, fmt="markdown")
    assert bool(found) is fires, found


# -- "X is a simple way to protect yourself against Y" says what a food, product or habit does: a claim, not a
#    definition; a medicine's place in care ("Insulin shots are the standard way to bring down blood sugar") and what
#    something is ("Vitamin C is an antioxidant that protects cells") stay background
@pytest.mark.parametrize("sentence, claim", [
    ("Eating a handful of berries every day is a simple way to protect yourself against bowel cancer.", True),
    ("An egg breakfast is the cleverest way for anyone to avoid a mid-morning slump in blood sugar.", True),
    ("It is a natural way to fight cancer that your doctor probably won't mention.", True),
    ("Insulin shots are the standard way to bring down blood sugar in type 1 diabetes.", False),
    ("Vitamin C is an antioxidant that protects cells from damage.", False),
    ("Statins are the usual way to lower cholesterol in people at high risk.", False),
])
def test_a_way_to_is_a_claim(sentence: str, claim: bool) -> None:
    a = analyse(read_source(f"# Food and health\n\nA new review looked at diet and disease this year.\n\n{sentence}\n",
                            "t.md", "markdown"))
    s = a.sentences[-1]
    assert (s.role != "definition") is claim, s.role


# -- news of a study of a food reports like any other news even when its headline says the food cures: the mice
#    are the problem (animal-extrapolation), not a seller's disease claim; a remedy page with no reporting sells
FOOD_NEWS = ("{title}\n\nBy Ana Lind, Health Reporter\n\n"
             "A pigment found in {food} can reverse {disease}, according to researchers at Marlow University.\n\n"
             "The team reported in the journal Sensory Repair that 40 old mice given the pigment for eight weeks "
             "did better than untreated mice.\n\n"
             "\"We were surprised by how much came back in the mice,\" said lead author Dr Ivo Brandt.\n\n"
             "Add {food} to your breakfast every day.\n")
REMEDY = ("{title}\n\nMy grandmother swore by it, and now I do too.\n\n"
          "I started eating {food} every morning last spring, and within weeks my {disease} had cleared.\n\n"
          "So add some {food} to your breakfast.\n")


@pytest.mark.parametrize("title, food, disease", [
    ("Beet pigment REVERSES age-related hearing loss", "beetroot", "age-related hearing loss"),
    ("Blueberry compound cures dementia", "blueberries", "dementia"),
    ("Cherry pigment reverses arthritis", "cherries", "arthritis"),
])
def test_food_news_is_judged_by_its_evidence(title: str, food: str, disease: str) -> None:
    news = lint_text(FOOD_NEWS.format(title=title, food=food, disease=disease), ["animal-extrapolation", "disease-claim"])
    assert {f.rule for f in news} == {"animal-extrapolation"}, news
    remedy = lint_text(REMEDY.format(title=title, food=food, disease=disease), ["disease-claim"])
    assert remedy, "a remedy page's cure claim is still a disease claim"


# -- advice to use what an animal study tested, for the health effect it promises the reader, extrapolates from the
#    animals; advice on something else, advice to see a doctor, or the same advice over a trial in people does not
MICE = ("# {food} pigment protects hearing\n\n"
        "A pigment found in {food} protected the ears of ageing animals, researchers at Marlow University reported.\n\n"
        "In the experiment, 40 old mice were given the pigment in their water for eight weeks and kept more of their "
        "hearing than untreated mice.\n\n{advice}\n")
PEOPLE = MICE.replace("40 old mice were given the pigment in their water", "400 older adults were given the pigment in a drink") \
    .replace("ageing animals", "older adults").replace("untreated mice", "people given a dummy drink")


@pytest.mark.parametrize("food, advice, fires", [
    ("Beetroot", "Add a glass of beetroot juice to your breakfast to keep your hearing sharp.", True),
    ("Blueberry", "If you like blueberries, there's no harm in eating a handful a day to protect your hearing.", True),
    ("Cherry", "Snack on cherries every afternoon to help keep your ears young.", True),
    ("Beetroot", "Wear ear plugs at concerts to protect your hearing.", False),  # not what the study tested
    ("Blueberry", "Ask your GP about blueberry extract to protect your hearing.", False),  # to a clinician
    ("Cherry", "Cherries are in season, and a bowl of them makes a fine dessert.", False),  # no effect promised
])
def test_advice_resting_on_an_animal_study(food: str, advice: str, fires: bool) -> None:
    found = lint_text(MICE.format(food=food, advice=advice), ANIMAL, fmt="markdown")
    advised = [f for f in found if f.line == 7]
    assert bool(advised) is fires, found
    assert not [f for f in lint_text(PEOPLE.format(food=food, advice=advice), ANIMAL, fmt="markdown") if f.line == 7]


# -- a claim whose first verb acts on a mechanism and whose second acts on health ("clears the protein clumps and
#    restores lost memory") is a health claim; a mechanism alone, or health named only in a later clause, is not
MAZE = ("# A spice compound and the brain\n\nResearchers at Kelby University gave the compound to 30 mice bred to develop "
        "plaques, and treated mice found their way through a maze faster.\n\n{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("The compound clears the toxic protein clumps and restores lost memory.", True),
    ("The compound breaks down amyloid plaques and reverses memory loss.", True),
    ("The compound dissolves protein clumps and relieves depression.", True),
    ("The compound clears the toxic protein clumps and switches on the brain's clean-up cells.", False),
    ("The compound clears protein clumps and blocks an enzyme, which in time leads to memory loss.", False),
])
def test_a_mechanism_then_a_health_effect(claim: str, fires: bool) -> None:
    found = [f for f in lint_text(MAZE.format(claim=claim), ANIMAL, fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- what experts in general hold ("Experts agree that pets are good for your heart") is not the finding of the
#    article's study: no causal claim resting on its survey; the writer's own claim still is
PETS = ("# Dog owners and blood pressure\n\nDog owners are less likely to have high blood pressure than people without "
        "pets, according to a survey of 9,000 adults by the Westmoor Institute.\n\n{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Experts agree that dogs are good for your heart.", False),
    ("Many doctors believe that walking a dog lowers blood pressure.", False),
    ("Most nutritionists say that owning a pet prevents heart disease.", False),
    ("Owning a dog lowers blood pressure.", True),
    ("Walking a dog every day prevents heart disease.", True),
])
def test_what_experts_in_general_hold(claim: str, fires: bool) -> None:
    found = [f for f in lint_text(PETS.format(claim=claim), CAUSAL, fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- how common a disease is ("affects about one in three women past 50, according to a bone registry") is a
#    statistic: no effect claimed, and no observational study for a later claim to rest on
@pytest.mark.parametrize("sentence, study", [
    ("Osteoporosis affects about one in three women past 50, according to the Dunmore Bone Registry.", False),
    ("Migraine strikes about 15% of adults, according to the national health survey.", False),
    ("Gout affects millions of adults, according to registry figures.", False),
    ("In a registry study of 40,000 adults, coffee drinkers had fewer gout attacks.", True),
    ("A survey of 2,000 women found that those who lifted weights had denser bones.", True),
])
def test_how_common_a_disease_is_is_no_study(sentence: str, study: bool) -> None:
    a = analyse(read_source(f"# Bones and joints\n\nThe clinic answers readers' questions.\n\n{sentence}\n", "t.md", "markdown"))
    assert bool(a.profile.done) is study


@pytest.mark.parametrize("sentence", [
    "It affects around one in eleven pregnancies.",
    "Asthma affects 1 in 12 children in the region.",
    "The condition affects an estimated 2 million people.",
])
def test_how_common_a_disease_is_is_no_effect_claim(sentence: str) -> None:
    text = ("# Walking in pregnancy\n\nIn an observational study of 3,000 pregnant women, those who walked daily were less "
            f"likely to develop gestational diabetes.\n\nGestational diabetes is high blood sugar in pregnancy. {sentence}\n")
    assert lint_text(text, CAUSAL, fmt="markdown") == []


# -- a sentence that opens with a takeaway's label ("The message is simple:", "The bottom line:", "In short,") draws
#    the lesson from the article's evidence, wherever it stands
LESSON = ("# Lifting weights builds bone, trial finds\n\n"
          "Researchers randomly assigned 200 postmenopausal women with low bone mass to lifting or stretching for a year, "
          "and the lifters gained bone density.\n\n## Why it matters\n\n"
          "Broken hips can end independent living.\n\n{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("The message is simple: heavy lifting makes your bones denser.", True),
    ("The bottom line: lifting weights builds bone density.", True),
    ("In short, lifting weights strengthens your bones.", True),
    ("Lifting weights strengthens your bones.", False),  # a section's claim with no study of its own: not a lesson
    ("The bottom line: lifting weights builds bone density in women past menopause.", False),
])
def test_a_takeaway_label_draws_on_the_articles_evidence(claim: str, fires: bool) -> None:
    found = [f for f in lint_text(LESSON.format(claim=claim), ["subgroup-generalization"], fmt="markdown") if f.line == 9]
    assert bool(found) is fires, found


# -- a label given to the subject ("This miracle microbe could ...") is not softened by the modal of its predicate;
#    a label inside a hedged predicate ("could be a breakthrough") is
@pytest.mark.parametrize("sentence, fires", [
    ("This miracle microbe could spell the end of crash diets.", True),
    ("The wonder pill may soon reach pharmacies.", True),
    ("A breakthrough jab could end migraines for good.", True),
    ("The new jab could be a breakthrough for people with migraines.", False),
    ("This could be a miracle for migraine sufferers, one day.", False),
])
def test_a_label_given_to_the_subject(sentence: str, fires: bool) -> None:
    found = lint_text(f"# Migraine news\n\n{sentence}\n", ["overclaim"], fmt="markdown")
    assert bool(found) is fires, found


# -- trials that may come ("Should that work, trials in people might follow", "we would need proper clinical trials")
#    are not done: a lab study stays the article's only evidence
@pytest.mark.parametrize("later, lab_only", [
    ("Should that work, human trials might follow.", True),
    ("\"We would need proper clinical trials to show it is safe in people,\" said Dr Ann Poll.", True),
    ("Larger studies are needed, the team said.", True),
    ("A trial in 300 women found the extract cut tumour growth.", False),  # a trial that was done
])
def test_trials_that_may_come_are_not_evidence(later: str, lab_only: bool) -> None:
    text = ("# Gourd extract may halt breast cancer\n\nA gourd extract may help shield women against breast cancer, "
            "researchers say.\n\nFor the study, the team treated breast cancer cells in lab dishes with the extract, "
            f"which slowed their growth.\n\n{later}\n")
    a = analyse(read_source(text, "t.md", "markdown"))
    assert (a.profile.dominant_non_human() is not None) is lab_only


# -- "may help shield women" is a hedged claim about people, still resting on the lab study; "may one day help
#    patients" is a hope, and says the result is not yet shown in them
@pytest.mark.parametrize("lede, fires", [
    ("A gourd extract may help shield women against breast cancer, researchers say.", True),
    ("A gourd extract could help women fight off breast cancer, scientists report.", True),
    ("A gourd extract may one day help shield women against breast cancer, researchers say.", False),
    ("A gourd extract could eventually lead to treatments for women with breast cancer.", False),
])
def test_a_hedged_claim_about_people_is_no_hope(lede: str, fires: bool) -> None:
    text = (f"# Gourd news\n\nBy Ann Poll\n\n{lede}\n\nFor the study, the team treated breast cancer cells in lab dishes "
            "with the extract, which slowed their growth.\n")
    found = [f for f in lint_text(text, ANIMAL, fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- animals as the hosts or source of an infection (viruses that live only in animals or pass from animals to people,
#    a market selling live animals) are no experiment; animals infected or given something by researchers are
@pytest.mark.parametrize("sentence, animal_study", [
    ("Many coronaviruses live only in animals, but scientists have found seven that infect people.", False),
    ("Every so often a virus jumps from animals to humans, scientists say.", False),
    ("Several of the first cases had shopped at a market selling live animals, where sick animals may have passed it on, officials said.", False),
    ("Scientists infected 20 mice with the virus and treated half of them with the drug.", True),
    ("In the study, researchers gave the drug to monkeys infected with the virus.", True),
])
def test_animals_as_hosts_are_no_experiment(sentence: str, animal_study: bool) -> None:
    a = analyse(read_source(f"# A new virus\n\nHealth officials are watching a new virus.\n\n{sentence}\n", "t.md", "markdown"))
    assert any(st.kind == "animal" for st in a.profile.done) is animal_study


# -- "mental function", "mental sharpness", "reaction time" are health outcomes a claim can be about
@pytest.mark.parametrize("headline, fires", [
    ("Growth hormone sharpens mental function", True),
    ("Hormone sharpens reaction time", True),
    ("Hormone improves mental performance", True),
    ("Growth hormone sharpens mental function in older adults", False),
])
def test_mental_function_is_an_outcome(headline: str, fires: bool) -> None:
    text = (f"# {headline}\n\nIn a trial, researchers randomly assigned 150 healthy adults aged 60 to 85 to the hormone "
            "or a placebo for six months.\n")
    assert bool(lint_text(text, ["subgroup-generalization"], fmt="markdown")) is fires


# -- a headline's "may help" still tells every reader what a study found in one sex or age group; a hedged sentence
#    in the body, or a headline over a study of the people a treatment is for, does not
@pytest.mark.parametrize("headline, study, fires", [
    ("Tomatoes may help cut stroke risk", "a cohort of 1,000 men aged 46 to 65 followed for 12 years", True),
    ("Peanut patch may ease food allergies", "a trial in 55 children aged 4 to 11", True),
    ("Caffeine might slow down ageing", "a study of 100 adults aged over 60", True),
    ("Tomatoes may help cut stroke risk in men", "a cohort of 1,000 men aged 46 to 65 followed for 12 years", False),
    ("Stem cell transplants may help multiple sclerosis", "a trial in 110 patients with multiple sclerosis", False),
])
def test_a_hedged_headline_over_one_group(headline: str, study: str, fires: bool) -> None:
    text = f"# {headline}\n\nResearchers reported results from {study}, published in the Journal of Lifelong Health.\n"
    found = [f for f in lint_text(text, ["subgroup-generalization"], fmt="markdown") if f.line == 1]
    assert bool(found) is fires, found


# -- advice after "so" ("It's cheap, so add a glass to your breakfast to keep your hearing sharp") or a soft "there's no
#    harm in brewing an extra cup ... to keep your cells young" advises the reader: the page needs a disclaimer
@pytest.mark.parametrize("sentence, fires", [
    ("Beetroot juice is cheap, so add a glass of it to your breakfast to keep your hearing sharp.", True),
    ("There's no harm in brewing an extra cup of green tea a day to keep your cells young.", True),
    ("Blueberries are in season, so add a handful to your porridge to protect your memory.", True),
    ("Beetroot is cheap, so add a glass of the juice to your smoothie for colour.", False),  # no health purpose
    ("The clinic was busy, so wait times rose to keep up with demand.", False),
])
def test_advice_after_so_needs_a_disclaimer(sentence: str, fires: bool) -> None:
    text = f"# Kitchen news\n\nA pigment in food kept the hearing of old mice sharper, researchers reported.\n\n{sentence}\n"
    assert bool(lint_text(text, ["missing-disclaimer"], fmt="markdown")) is fires


# -- on a page whose only evidence is an animal study, a claim paragraphs below it rests on it when it names what the
#    study tested ("Periodic fasting slows ..." after "a fasting-mimicking drink ... in elderly mice"); one about
#    something else does not
FAR = ("# Fasting drink rejuvenates the gut\n\n"
       "A five-day fasting-mimicking drink rejuvenated the gut lining of elderly mice, researchers report.\n\n"
       "The drink restored the stem cells that renew the lining of the gut.\n\n"
       "\"We wanted to know whether it could wake them up,\" said the senior author, Dr Mia Holt.\n\n"
       "Intestinal cells are replaced every few days.\n\n"
       "The team was surprised by the size of the effect.\n\n"
       "The work was funded by a charity.\n\n"
       "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Periodic fasting slows the ageing of the digestive system.", True),
    ("A fasting drink protects the gut against inflammation.", True),
    ("Monthly fasting keeps your gut young.", True),
    ("Regular exercise slows the ageing of the heart.", False),
    ("Fasting slowed the ageing of the gut in the mice.", False),
])
def test_a_claim_far_below_the_only_animal_study(claim: str, fires: bool) -> None:
    found = [f for f in lint_text(FAR.format(claim=claim), ANIMAL, fmt="markdown") if f.line == 15]
    assert bool(found) is fires, found


# -- a lede that reports the article's only study ("A chemical in black cumin clears ..., according to new research")
#    is about what the study tested, whatever it calls it ("the compound, thymoquinol, given to mice")
@pytest.mark.parametrize("lede, fires", [
    ("A chemical found in black cumin seeds clears the protein clumps behind Alzheimer's and restores memory, according to new research.", True),
    ("An ingredient of turmeric reverses memory loss, researchers report.", True),
    ("A substance in green tea restores lost memory, scientists say.", True),
    ("A chemical found in black cumin seeds restored memory in mice with Alzheimer's-like changes, according to new research.", False),
])
def test_a_lede_reporting_the_only_study(lede: str, fires: bool) -> None:
    text = (f"Spice compound and memory\nBy Dan Marsh, Health Reporter\n{lede}\n"
            "Researchers at Kelby University gave the compound, thymoquinol, to mice bred to develop plaques. After six "
            "weeks, treated animals had fewer plaques and found their way around a maze faster.\n")
    found = [f for f in lint_text(text, ANIMAL) if f.line == 3]
    assert bool(found) is fires, found


# -- "adds over half an hour of sleep", "can add bone": an effect on a health outcome; "she added", "add a glass
#    of juice", "added sugar" are not
@pytest.mark.parametrize("sentence, effect", [
    ("Twenty minutes of morning daylight adds over half an hour of sleep a night.", True),
    ("Two sessions a week under the bar can add bone where you need it most.", True),
    ("Lifting weights adds muscle even in your seventies.", True),
    ("\"We were surprised by the result,\" she added.", False),
    ("Add a glass of juice to your breakfast.", False),
    ("Drinks with added sugar are cheap.", False),
])
def test_adding_sleep_or_bone_is_an_effect(sentence: str, effect: bool) -> None:
    a = analyse(read_source(f"# Health news\n\nA trial was reported this week.\n\n{sentence}\n", "t.md", "markdown"))
    f = a.sentences[-1].frame
    assert (f is not None and f.states_effect and f.health_outcome) is effect


# -- a claim told to every age ("Whether you're 30 or 80, ...", "at any age") is judged against the article's study
#    in one age group wherever it stands
AGES = ("# Lifting weights builds bone\n\nResearchers randomly assigned 200 postmenopausal women aged 55 to 70 to lifting "
        "or stretching for a year, and the lifters gained bone density.\n\n## How to start\n\n"
        "Book a few coached sessions first.\n\n{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Whether you're 30 or 80, lifting weights twice a week builds bone density.", True),
    ("At any age, lifting weights builds bone density.", True),
    ("Lifting weights builds bone density at every stage of life.", True),
    ("Lifting weights builds bone density.", False),  # a section of its own, told to no one in particular
    ("Whether you're 30 or 80, a good coach makes lifting safer.", False),  # not what the study measured
])
def test_a_claim_told_to_every_age(claim: str, fires: bool) -> None:
    found = [f for f in lint_text(AGES.format(claim=claim), ["subgroup-generalization"], fmt="markdown") if f.line == 9]
    assert bool(found) is fires, found


# -- a headline's comparison ("Morning workouts lower blood pressure more than evening sessions") over a result that
#    differed between the sexes states the effect for everyone
@pytest.mark.parametrize("headline, fires", [
    ("Morning workouts lower blood pressure more than evening sessions", True),
    ("Morning walks cut blood pressure more than evening walks", True),
    ("Morning workouts lower blood pressure more than evening sessions in men", False),
    ("Morning workouts may lower blood pressure more than evening sessions", False),  # hedged
])
def test_a_comparison_over_a_result_that_differed(headline: str, fires: bool) -> None:
    text = (f"# {headline}\n\nIn a randomised trial, 200 adults with high blood pressure exercised either in the morning or "
            "in the evening for 12 weeks.\n\nThe results differed sharply between the sexes: men who trained in the "
            "morning gained most, while women did better in the evening.\n")
    found = [f for f in lint_text(text, ["subgroup-generalization"], fmt="markdown") if f.line == 1]
    assert bool(found) is fires, found


def test_a_broken_hip_is_a_health_outcome() -> None:
    text = ("# Daily vitamin D tablet halves the risk of a broken hip\n\nIn a trial, researchers gave 3,000 women aged 65 "
            "and over vitamin D or a placebo for three years.\n")
    assert lint_text(text, ["subgroup-generalization"], fmt="markdown")
    assert not lint_text(text.replace("a broken hip", "a broken hip in older women"), ["subgroup-generalization"], fmt="markdown")


# -- "adults being treated for depression or ADHD" are people with a condition; "The verdict? X" labels X as the
#    lesson; "Whether you're a restless sleeper or an insomniac, ..." tells everyone
BLANKETS = ("# Weighted blankets and sleep\n\nA heavy blanket could help you sleep, new research shows. The trial gave "
            "120 adults being treated for depression or ADHD a heavy or a light blanket for four weeks.\n\n"
            "## Results\n\nIn these patients, insomnia scores dropped by half under the heavy blanket.\n\n"
            "## Our view\n\nI tried one myself last winter.\n\n{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("The verdict? Weighted blankets improve sleep quality.", True),
    ("Whether you're a light sleeper or an insomniac, a weighted blanket will help you sleep better.", True),
    ("The bottom line: a heavy blanket improves sleep.", True),
    ("Weighted blankets come in many colours, and mine is blue.", False),
    ("The verdict? For people with ADHD or depression, weighted blankets improve sleep quality.", False),
])
def test_treated_for_a_condition_and_the_lesson_drawn(claim: str, fires: bool) -> None:
    found = [f for f in lint_text(BLANKETS.format(claim=claim), ["subgroup-generalization"], fmt="markdown") if f.line == 13]
    assert bool(found) is fires, found


# -- a ", because ..." clause after a relative clause is the sentence's own claim, not part of the relative clause
@pytest.mark.parametrize("sentence, fires", [
    ("Parents who want calmer teenagers should set a phone curfew, because cutting screen time at night lowers anxiety.", True),
    ("Schools that ban phones are wise, because less screen time reduces anxiety.", True),
    ("Teenagers who cut screen time at night had less anxiety.", False),  # the survey's result
    ("Parents who say that cutting screen time lowers anxiety are often right.", False),  # inside the relative clause
])
def test_because_after_a_relative_clause(sentence: str, fires: bool) -> None:
    text = ("# Screens and anxiety\n\nIn a survey of 4,000 teenagers, those who used phones after 10pm were more likely "
            f"to report anxiety.\n\n{sentence}\n")
    found = [f for f in lint_text(text, CAUSAL, fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- "X could be the secret to keeping your memory sharp" says what X does, as "is the tastiest way to keep ..." does
@pytest.mark.parametrize("headline, fires", [
    ("Red cabbage could be the secret to keeping your memory sharp", True),
    ("Blueberries may be the key to keeping your brain young", True),
    ("Beetroot is the answer to keeping your blood pressure in check", True),
    ("The secret to keeping your memory sharp is still unknown, say experts", False),
])
def test_the_secret_to_keeping_is_a_claim(headline: str, fires: bool) -> None:
    text = (f"# {headline}\n\nIn the experiment, 40 old mice fed the vegetable's pigment for ten weeks found their way "
            "through a maze faster than mice fed a normal diet.\n")
    found = [f for f in lint_text(text, ANIMAL, fmt="markdown") if f.line == 1]
    assert bool(found) is fires, found


# -- "halves blisters", "doubles asthma attacks": a condition halved or doubled is an effect; "double that of Wales" is
#    numbers compared
@pytest.mark.parametrize("sentence, effect", [
    ("The new socks halve blisters on long walks.", True),
    ("Damp homes double asthma attacks in children.", True),
    ("A sock swap that halves blisters.", True),
    ("The rate in Scotland is double that of Wales.", False),
    ("Prices have tripled since the spring.", False),
])
def test_a_condition_halved_is_an_effect(sentence: str, effect: bool) -> None:
    a = analyse(read_source(f"# Health news\n\nA trial was reported this week.\n\n{sentence}\n", "t.md", "markdown"))
    f = a.sentences[-1].frame
    assert (f is not None and f.states_effect) is effect


# -- a cure claimed for a product is disease-claim's; another overclaim in the same sentence ("faster than anything
#    from the pharmacy", "100% safe") is still told
@pytest.mark.parametrize("sentence, overclaim", [
    ("My elderberry syrup cures the flu faster than anything from the pharmacy.", True),
    ("My elderberry syrup cures colds and is 100% safe for everyone.", True),
    ("My elderberry syrup cures the flu, guaranteed.", True),
    ("My elderberry syrup cures the flu.", False),  # the cure alone: disease-claim
])
def test_a_second_overclaim_beside_a_cure(sentence: str, overclaim: bool) -> None:
    text = f"# Elderberry syrup for colds and flu\n\nBuy our elderberry syrup today.\n\n{sentence}\n"
    found = lint_text(text, ["overclaim", "disease-claim"], fmt="markdown")
    assert any(f.rule == "disease-claim" for f in found), found
    assert any(f.rule == "overclaim" for f in found) is overclaim, found


# -- hype about a study's finding ("this finding looks like a real breakthrough") is about health research; hype
#    about robots or phones is not
@pytest.mark.parametrize("sentence, fires", [
    ("Even so, this finding looks like a real breakthrough.", True),
    ("It is a groundbreaking finding.", True),
    ("The findings are a game-changer.", True),
    ("He has made laboratory breakthroughs in programming robots.", False),
    ("The new phone is a breakthrough in battery design.", False),
])
def test_hype_about_a_finding(sentence: str, fires: bool) -> None:
    found = lint_text(f"# Weekly roundup\n\nNews from the week.\n\n{sentence}\n", ["overclaim"], fmt="markdown")
    assert bool(found) is fires, found


# -- "the hidden cause of every autoimmune disease", "cures all chronic diseases": a universal claim across a class of
#    diseases; "all autoimmune disease patients were tested" counts people
@pytest.mark.parametrize("sentence, fires", [
    ("Wheat is the hidden cause of every autoimmune disease, no question.", True),
    ("This tonic cures all chronic diseases.", True),
    ("Sugar is behind every inflammatory disease.", True),
    ("In the study, all autoimmune disease patients were tested for gluten antibodies.", False),
])
def test_every_disease_of_a_class(sentence: str, fires: bool) -> None:
    found = lint_text(f"# Gluten and health\n\nMy thoughts on gluten.\n\n{sentence}\n", ["overclaim"], fmt="markdown")
    assert bool(found) is fires, found
