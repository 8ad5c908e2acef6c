"""disease-claim and self-treatment on real-looking pages: what promotes and instructs, and what only
reports or cooks. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import lint_text


NEWS_ABOUT_A_SUPPLEMENT = (
    "# Fish oil trial reports mixed results\n\n"
    "A bottle of the capsules costs about $20.\n\n"
    "Fish oil eases joint pain in arthritis, the company claims.\n\n"
    "Dr Ana Ruiz, who led the trial, said the effect was small.\n\n"
    "Prof Tom Bell of Leeds University said more work was needed.\n\n"
    "The results were reported by the researchers in March.\n\n"
    "According to Dr Ruiz, the capsules were well tolerated.\n\n"
    "Dr Bell added that patients should talk to their doctor.\n\n"
    "The trial was published in the Journal of Joint Health, Dr Ruiz noted.\n\n"
    "Fish oil relieves arthritis.\n")


def test_disease_claims_are_for_promotion_not_news_with_many_sources() -> None:
    assert lint_text(NEWS_ABOUT_A_SUPPLEMENT, ["disease-claim"]) == []
    shop = ("# JointEase Fish Oil\n\nOur fish oil relieves arthritis pain. Buy now for $20.\n\n"
            "It also prevents gout.\n")
    assert len(lint_text(shop, ["disease-claim"])) == 2


def test_a_sentence_without_a_product_speaks_of_the_page_product_only_if_the_headline_names_one() -> None:
    page = "# Feeling better this winter\n\nWe sell remedies. Buy now for $20.\n\nRelieves arthritis pain fast.\n"
    assert lint_text(page, ["disease-claim"]) == []
    page = "# Turmeric capsules\n\nWe sell remedies. Buy now for $20.\n\nRelieves arthritis pain fast.\n"
    assert len(lint_text(page, ["disease-claim"])) == 1



# Money in a story is not a sale: what care costs or research is paid with says nothing of selling
STORY_PRICES = [
    "A full course of the scans can run upward of $2,000.",
    "The hospital's trial of the seaweed extract is funded with $3 million from the state.",
    "Without insurance, the new injection costs $640 a month.",
    "The herb is expensive: a year of it comes to more than $900 out of pocket.",
]
SHOP_PRICES = ["Only $24.95 for a two-month supply.", "Price: $19.99, shipped in two days.", "Yours today for $30."]


@pytest.mark.parametrize("price", STORY_PRICES)
def test_money_in_a_story_does_not_make_a_page_about_a_product(price: str) -> None:
    page = (f"# New hope for migraine\n\nThe turmeric extract was given to forty volunteers. {price}\n\n"
            "It relieves migraine, the first results suggest.\n\nThe team will report the full data next year.\n")
    assert lint_text(page, ["disease-claim"]) == []


@pytest.mark.parametrize("price", SHOP_PRICES)
def test_a_shop_price_still_makes_a_page_about_a_product(price: str) -> None:
    page = (f"# Turmeric extract\n\nThe turmeric extract comes in capsules. {price}\n\n"
            "It relieves migraine.\n")
    assert [f.rule for f in lint_text(page, ["disease-claim"])] == ["disease-claim"]


def test_the_money_words_are_shared_with_the_price_lines_of_commercial_cta() -> None:
    from healthlint.analyse.money import shop_price

    assert not any(shop_price(p) for p in STORY_PRICES)
    assert all(shop_price(p) for p in SHOP_PRICES)
    assert not shop_price("The company is worth $4 billion.")


@pytest.mark.parametrize("text", [
    "Mix the flour with half a teaspoon of cinnamon and stir in two cloves of garlic.\n",   # a recipe
    "Take your vitamins and get some sleep.\n",                        # no dose, no medicine
    "Use of the booking app surged in April.\n",                       # "Use" is a noun; "bag" holds no dose
    "Use a piping bag to fill the cups.\n",
    '"I just stopped taking my tablets," she said.\n',                 # someone's story, quoted
    "Most people drop their prescriptions off and leave.\n",           # no stopping
])
def test_self_treatment_quiet_on_recipes_stories_and_general_advice(text: str) -> None:
    assert lint_text(text, ["self-treatment"]) == []


@pytest.mark.parametrize("text, kind", [
    ("Take 500 mg of berberine with breakfast.\n", "dose"),
    ("You can give toddlers ibuprofen for a fever.\n", "dose"),
    ("Many readers find they can cut their metformin dose in half.\n", "stop"),
    ("Stop your statins and try red yeast rice instead.\n", "stop"),
])
def test_self_treatment_fires_on_doses_medicines_and_stopping(text: str, kind: str) -> None:
    (f,) = lint_text(text, ["self-treatment"])
    assert ("stop" in f.message) == (kind == "stop")


def test_a_disease_claim_supersedes_an_overclaim_on_its_own_words_only() -> None:
    page = "# Turmeric capsules\n\nTurmeric cures arthritis.\n"
    assert [f.rule for f in lint_text(page, ["disease-claim", "overclaim"])] == ["disease-claim"]
    page = "# Turmeric capsules\n\nThis miracle root is guaranteed to help, and turmeric cures arthritis.\n"
    rules = sorted(f.rule for f in lint_text(page, ["disease-claim", "overclaim"]))
    assert rules[0] == "disease-claim" and "overclaim" in rules


# An instruction after an opening clause or a label is still an instruction to the reader
PAGE = "# Turmeric for stiff joints\n\nOur turmeric extract comes in capsules.\n\n"


@pytest.mark.parametrize("text", [
    "For stiff joints, take 1,000 mg of the turmeric extract with breakfast.",
    "During hay fever season, give two gummies a day.",
    "Directions: take three capsules each evening with water.",
    "If you can't sleep, swallow two melatonin tablets an hour before bed.",
    "Stiff knees or hips: hold 5 ml of the tincture under the tongue, three times a day.",  # a label that names a complaint
    "Bad flare-ups: rub 20 mg of turmeric paste into the joint each night.",
])
def test_self_treatment_reads_an_instruction_after_an_opening_clause(text: str) -> None:
    assert [f.rule for f in lint_text(PAGE + text + "\n", ["self-treatment"], fmt="markdown")] == ["self-treatment"]


@pytest.mark.parametrize("text", [
    "During the trial, participants took 1,000 mg of the extract a day.",       # a study's dose
    "If your doctor agrees, take 1,000 mg of the turmeric extract with breakfast.",  # routed through a clinician
    "When cooking, add two cloves of garlic to the pan.",                          # a recipe
    "For best results, store the capsules somewhere cool.",                        # no dose to take
    "Among the tips doctors give: take 1,000 mg of the extract with food.",         # a report of others' advice
    "Stiff knees or hips: see a physiotherapist before you take 1,000 mg of anything.",  # routed through a clinician
])
def test_self_treatment_quiet_after_an_opening_clause_that_is_no_dosing(text: str) -> None:
    assert lint_text(PAGE + text + "\n", ["self-treatment"], fmt="markdown") == []


# A dose told by a count of one more, or by when to take what the sentence before names
@pytest.mark.parametrize("text", [
    "Take one capsule with breakfast. On bad days, add a third capsule at lunch.",
    "Turmeric gummies ease stiff joints. Chew one every four hours while the pain lasts.",
    "Zinc lozenges shorten a cold. Suck one twice a day until it clears.",
])
def test_self_treatment_a_count_of_one_more_or_a_time_to_take_it(text: str) -> None:
    assert "self-treatment" in [f.rule for f in lint_text(PAGE + text + "\n", ["self-treatment"], fmt="markdown")]


@pytest.mark.parametrize("text", [
    "Walk for twenty minutes every morning.",                                  # no product, no medicine
    "Stiff joints are worse in winter. Stretch every morning before breakfast.",  # a habit, nothing named to take
    "Zinc lozenges shorten a cold.\n\nWash your hands twice a day at least.",      # another paragraph, no dosing verb
])
def test_self_treatment_quiet_on_habits_with_a_schedule(text: str) -> None:
    assert lint_text(PAGE + text + "\n", ["self-treatment"], fmt="markdown") == []


# A product named in the sentence before ("It ..."), or used by the page's customers, is the claim's subject
@pytest.mark.parametrize("text", [
    "# Home remedies for winter\n\nColloidal silver is easy to make at home. It knocks out flu within two days.\n",
    "# Home remedies for winter\n\nElderberry syrup is cheap and tastes good. It cures sinusitis in a week.\n",
    "# CalmLeaf Turmeric Capsules\n\nBuy CalmLeaf turmeric capsules today: only $24.95 for a two-month supply.\n\nMany of our customers have used it to clear eczema.\n",
    "# CalmLeaf Turmeric Capsules\n\nBuy CalmLeaf turmeric capsules today: only $24.95 for a two-month supply.\n\n\"A month on CalmLeaf and my arthritis flare-ups have eased.\"\n",
])
def test_disease_claim_about_the_product_named_before_or_used_by_customers(text: str) -> None:
    assert [f.rule for f in lint_text(text, ["disease-claim"], fmt="markdown")] == ["disease-claim"]


@pytest.mark.parametrize("text", [
    "# Home remedies for winter\n\nColloidal silver is easy to make at home. It is sold in most health shops.\n",  # no disease
    "# Sleep medicines\n\nIn the UK, melatonin is a prescription medicine. It is licensed to treat insomnia in older adults.\n",
    "# Flu medicines\n\nTamiflu is an antiviral drug. It treats flu if taken early.\n",                           # a drug
    "# Home remedies for winter\n\nElderberry syrup is cheap.\n\nIt is winter, and flu is everywhere.\n",          # another paragraph
])
def test_disease_claim_quiet_when_the_thing_before_is_no_product_or_no_disease_is_treated(text: str) -> None:
    assert lint_text(text, ["disease-claim"], fmt="markdown") == []


def test_self_treatment_without_a_dose_quotes_the_instruction_and_its_medicine() -> None:
    page = "# Fever in children\n\nFevers are common in small children.\n\nYou can give children over three months ibuprofen for a fever.\n"
    (f,) = lint_text(page, ["self-treatment"], fmt="markdown")
    assert '"give children over three months ibuprofen"' in f.message


# -- a ranked list of products whose names hold an acronym ("1. Zentrol GI Calm"): the names are the page's brands
RANKED = ("# The Best Gut Supplements, Ranked\n\n"
          "I tried eleven gut supplements over a year and ranked them.\n\n"
          "{claim}\n\n"
          "## 1. Zentrol GI Calm\n\n"
          "Zentrol GI Calm comes as a capsule with five strains of bacteria. Buy it for $29.99 at our shop.\n\n"
          "## 2. Marlow PRO Flora\n\n"
          "Marlow PRO Flora is cheaper, at $19 a month, and comes as a powder.\n")


@pytest.mark.parametrize("claim", [
    "Skip the random blends: Zentrol GI Calm cures IBS in four weeks.",
    "Marlow PRO Flora heals ulcerative colitis for good.",
    "Zentrol GI Calm reverses Crohn's disease in most people.",
])
def test_a_ranked_products_name_with_an_acronym_is_a_product(claim: str) -> None:
    found = lint_text(RANKED.format(claim=claim), ["disease-claim"], fmt="markdown")
    assert [f.line for f in found] == [5], found


@pytest.mark.parametrize("claim", [
    "Skip the random blends: most do little for IBS.",                  # no product claimed to treat it
    "At the Harbour GI Clinic, Dr Ellen Park cures IBS with a change of diet.",  # a name not among the products
    "Zentrol GI Calm does not cure IBS, and nothing else does either.",  # denied
])
def test_near_misses_of_a_ranked_products_name(claim: str) -> None:
    assert lint_text(RANKED.format(claim=claim), ["disease-claim"], fmt="markdown") == []


# -- stopping a medicine the drugs lexicon names, whatever its suffix ("stop your allopurinol", "the warfarin")
@pytest.mark.parametrize("sentence", [
    "When a flare hits, stop your allopurinol and drink cherry juice instead.",
    "Come off the warfarin a week before you start the garlic cure.",
    "Skip your levothyroxine on the days you take the kelp tablets.",
])
def test_stopping_a_named_medicine_is_self_treatment(sentence: str) -> None:
    (f,) = lint_text("# A kitchen cure\n\n" + sentence + "\n", ["self-treatment"], fmt="markdown")
    assert f.severity == "error" and "stop" in f.message.lower(), f


@pytest.mark.parametrize("sentence", [
    "Never stop your allopurinol without talking to your doctor.",     # a warning
    "Stop your allopurinol only if your GP agrees.",                   # routed through a clinician
    "Patients in the trial stopped their warfarin a week before surgery.",  # a study, not the reader
])
def test_near_misses_of_stopping_a_named_medicine(sentence: str) -> None:
    assert lint_text("# A kitchen cure\n\n" + sentence + "\n", ["self-treatment"], fmt="markdown") == []


# -- a dose told as the norm on a product page: "Most adults do well on 200 to 400 mg a day"
SHOP = ("# CalmMag Night Capsules\n\n"
        "CalmMag is a magnesium supplement for restful nights. Buy a tub of 90 capsules for $24.99.\n\n"
        "{sentence}\n")


@pytest.mark.parametrize("sentence", [
    "Most adults do well on 200 to 400 mg of magnesium a day, split between lunch and bedtime.",
    "Many women take two capsules of CalmMag with dinner.",
    "A typical dose is 300 mg of magnesium an hour before bed.",
])
def test_a_dose_told_as_the_norm_is_self_treatment(sentence: str) -> None:
    found = lint_text(SHOP.format(sentence=sentence), ["self-treatment"], fmt="markdown")
    assert [f.line for f in found] == [5], found


@pytest.mark.parametrize("sentence", [
    "Most adults get enough magnesium from food alone.",                            # no dose
    "In the trial, most participants took 400 mg of magnesium a day.",              # a study's dose
    "Most adults do well on 200 to 400 mg a day, but ask your pharmacist first.",   # routed
])
def test_near_misses_of_a_dose_told_as_the_norm(sentence: str) -> None:
    assert lint_text(SHOP.format(sentence=sentence), ["self-treatment"], fmt="markdown") == []


# -- a heading that names stopping as its topic ("Coming Off Your Medication") tells nobody to stop; one that
#    says "Stop" does
@pytest.mark.parametrize("heading, fires", [
    ("## Coming Off Your Medication", False),
    ("## Stopping Your Antidepressant Safely", False),
    ("## Stop Your Antidepressant Now", True),
    ("## Ditch the Statins", True),
])
def test_a_heading_that_names_stopping_as_its_topic(heading: str, fires: bool) -> None:
    page = "# Calm, naturally\n\nHerbal teas soothe the mind.\n\n" + heading + "\n\nThe herbs do the rest.\n"
    found = [f for f in lint_text(page, ["self-treatment"], fmt="markdown") if f.line == 5]
    assert bool(found) is fires, found


# -- a shop's words with the product between them ("Add Moonleaf to your basket", "15% off with code ...") sell:
# the page is promotion, not reporting, even when it cites a trial and an expert
SHOP_PAGE = ("# Why Walkers Love Moonleaf\n\n"
             "Willow bark has been used for centuries, and today it is the heart of Moonleaf, a blend with ginger.\n\n"
             "According to many herbalists, willow bark is gentler than aspirin. A 2018 trial of 90 adults, published in "
             "Herbal Medicine Reports, found a small drop in back pain. Dr Ana Ruiz, who led it, said the effect was modest.\n\n"
             "Moonleaf supports comfortable movement. For people with arthritis, it relieves joint pain within days.\n\n"
             "{ending}\n")


@pytest.mark.parametrize("ending, fires", [
    ("Add Moonleaf to your basket today.", True),
    ("Get 15% off with code LEAF15.", True),
    ("Enter coupon code WALK at checkout.", True),
    ("Walk a little every day.", False),  # nothing sold: a report of others' claims and a trial
    ("Ask your pharmacist which pain relief suits you.", False),
])
def test_shop_words_around_a_product_name_make_the_page_sell(ending: str, fires: bool) -> None:
    found = lint_text(SHOP_PAGE.format(ending=ending), ["disease-claim"], fmt="markdown")
    assert [f.line for f in found] == ([7] if fires else []), found


# -- words quoted inside the writer's sentence (a warning letter, a petition) are reported, not claimed; on a page
# that sells, the seller quoting its customers still claims
QUOTING = ("# Elderberry: what the fuss is about\n\n"
           "Elderberry syrup is one of the best-selling herbal remedies in the country, and elderberry gummies are "
           "everywhere.\n\n{claim}\n\n{ending}\n")


@pytest.mark.parametrize("claim, ending, fires", [
    ("Regulators warned one seller for claiming its elderberry syrup \u201ccures the flu in a day.\u201d",
     "Elderberry is a shrub.", False),
    ('A petition by fans urged the agency "to let elderberry syrup treat the flu in hospitals."',
     "Elderberry is a shrub.", False),
    ("Elderberry syrup cures the flu in a day.", "Elderberry is a shrub.", True),
    ("Happy customers say our elderberry syrup \u201ccures the flu in a day.\u201d",
     "Buy now: free shipping on two bottles.", True),
])
def test_words_quoted_in_a_report_are_not_the_writers_disease_claim(claim: str, ending: str, fires: bool) -> None:
    found = lint_text(QUOTING.format(claim=claim, ending=ending), ["disease-claim"], fmt="markdown")
    assert [f.line for f in found] == ([5] if fires else []), found


# -- an instruction after a colon ("It's simple: take 500 mg ...") and "you don't need a prescription for it"
MAGNESIUM = "# Magnesium for sleep\n\nMagnesium glycinate is a popular supplement for sleep.\n\n{sentence}\n"


@pytest.mark.parametrize("sentence, fires", [
    ("It's simple: take 500 mg of magnesium glycinate every night.", True),
    ("Here is the trick: swallow two capsules of magnesium glycinate before bed.", True),
    ("You don't need a prescription for progesterone cream: order it online today.", True),
    ("The label is clear: the dose is 500 mg of magnesium glycinate.", False),  # no one told to take it
    ("Researchers gave one instruction: take 500 mg of magnesium glycinate every night.", False),  # a study's method
    ("You don't need a prescription for nicotine patches, but ask your pharmacist which strength suits you.", False),
    ("Most people don't need a prescription pad to feel better.", False),
])
def test_instructions_after_a_colon_and_no_prescription_needed(sentence: str, fires: bool) -> None:
    found = lint_text(MAGNESIUM.format(sentence=sentence), ["self-treatment"], fmt="markdown")
    assert [f.line for f in found] == ([5] if fires else []), found


# -- on a seller's page: "Research suggests ..." names no study, so the claim is the seller's; a denial in a later
# clause ("... but it will not cure the flu") denies; "say goodbye to" a disease is a cure
SELLER = ("# ZestJoint Collagen\n\n"
          "ZestJoint is our best-selling collagen powder, and shoppers love the flavour. Buy now: free shipping on two tubs.\n\n"
          "{claim}\n")


@pytest.mark.parametrize("claim, fires", [
    ("Research suggests that hydrolyzed collagen reverses osteoarthritis within three months.", True),
    ("Research suggests that collagen may ease osteoarthritis pain (Lind et al., Journal of Joint Health, 2021).", False),
    ("Collagen is unlikely to harm most adults, but it will not cure osteoarthritis.", False),
    ("ZestJoint collagen: say goodbye to osteoarthritis.", True),
])
def test_seller_research_claims_denials_and_farewells(claim: str, fires: bool) -> None:
    found = lint_text(SELLER.format(claim=claim), ["disease-claim"], fmt="markdown")
    assert [f.line for f in found] == ([5] if fires else []), found


# -- doses told without naming the product again: "double the evening dose", "you can take up to four" on the
# product's page, and dosing told for a group ("Kids over two can have half a teaspoon")
GUMMIES = ("# NightRest Ashwagandha Gummies\n\n"
           "NightRest gummies are our best-selling sleep aid. Buy now: free shipping on two jars.\n\n"
           "Take two gummies an hour before bed.\n\n{sentence}\n")


@pytest.mark.parametrize("sentence, fires", [
    ("For stubborn sleep problems, you can take up to four.", True),
    ("If you are living with anxiety, double the evening dose for the first two weeks.", True),
    ("Kids over two can have half a teaspoon.", True),
    ("Most people notice a difference within four weeks.", False),
    ("Adults can have a look at our sleep guide for more tips.", False),  # no dose
    ("You can take up to four weeks to feel the full effect, so be patient.", False),  # a time, not a count
])
def test_doses_told_without_naming_the_product(sentence: str, fires: bool) -> None:
    found = lint_text(GUMMIES.format(sentence=sentence), ["self-treatment"], fmt="markdown")
    assert [f.line for f in found] == ([5, 7] if fires else [5]), found


# -- a first-person remedy blog: "my doctor said" is the writer's story, not reporting; a food told as the cure in the
# headline makes it a remedy page
BLOG = ("# How Ginger Tea {verb} My Migraines\n\n"
        "Last year my doctor told me I had chronic migraine, and I refused to live on pills.\n\n"
        "Every morning I grate fresh ginger into hot water. Drink it twice a day, before breakfast and before dinner.\n\n"
        "Ginger tea cured my migraines, plain and simple, and my doctor said she had never seen anything like it.\n")


@pytest.mark.parametrize("verb, rules", [
    ("Cured", {"disease-claim", "self-treatment"}),
    ("Helped With", set()),  # no cure told in the headline: a food diary, not a remedy page
])
def test_a_first_person_remedy_blog_is_no_report(verb: str, rules: set[str]) -> None:
    found = lint_text(BLOG.format(verb=verb), ["disease-claim", "self-treatment"], fmt="markdown")
    assert {f.rule for f in found} == rules, found


def test_near_miss_news_of_a_food_study_is_a_report() -> None:
    text = ("# Ginger May Ease Migraines, Study Finds\n\nA trial of 100 adults with migraine, published in the Journal of "
            "Headache Research, found that ginger eased attacks, said Dr Ana Ruiz, who led it. \"It is a small study,\" "
            "she said. The team reported that 40% of those given ginger felt better within two hours.\n")
    assert lint_text(text, ["disease-claim"], fmt="markdown") == []


def test_teens_are_a_group_dosing_is_told_for() -> None:
    text = "# Elderberry syrup\n\nElderberry syrup is popular in winter.\n\nTeens can have two teaspoons a day.\n"
    assert [f.line for f in lint_text(text, ["self-treatment"], fmt="markdown")] == [5]


# -- a product box's farewell to a disease ("No more insomnia", "Bye-bye migraines") promises a cure
FAREWELL_PAGE = ("# DreamWell CBD Drops\n\n"
                 "DreamWell CBD Drops are made from organic hemp. Buy now: free shipping on two bottles.\n\n"
                 "- {bullet}\n")


@pytest.mark.parametrize("bullet, fires", [
    ("No more insomnia or restless nights", True),
    ("Bye-bye migraines", True),
    ("No more than two droppers a day", False),
    ("No more sticky gummies to chew", False),  # no disease
])
def test_a_product_boxs_farewell_to_a_disease(bullet: str, fires: bool) -> None:
    found = lint_text(FAREWELL_PAGE.format(bullet=bullet), ["disease-claim"], fmt="markdown")
    assert [f.line for f in found] == ([5] if fires else []), found
