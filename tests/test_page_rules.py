"""commercial-cta, missing-disclaimer, overclaim and unattributed-claim, phenomenon by phenomenon.

Each group names a kind of sentence or page the rules must judge, with examples that must
fire and near-misses that must stay quiet (written for these tests).
"""

from __future__ import annotations

import pytest

from conftest import lint_text


def found(rule: str, text: str, fmt: str = "markdown") -> list:
    return [f for f in lint_text(text, [rule], fmt=fmt, path="page.md" if fmt == "markdown" else "page.txt") if f.rule == rule]


def both_ways(rule: str, fire: list[str], quiet: list[str], fmt: str = "markdown") -> None:
    for text in fire:
        assert found(rule, text, fmt), f"{rule} should fire on: {text!r}"
    for text in quiet:
        assert not found(rule, text, fmt), f"{rule} should stay quiet on: {text!r} -> {[f.message for f in found(rule, text, fmt)]}"


# ---- commercial-cta ---------------------------------------------------------------------------

def test_cta_product_box_price_lines() -> None:
    both_ways("commercial-cta", fire=[
        "## 2. Slumber Bears\n\nTasty and vegan.\n\n**$31.50 for 60 gummies · [Check price](https://go.example/x)**\n",
        "Our pick: Ridgeway Magnesium Glycinate, 120 capsules for $19.99\n",
        "Special bundle: 3 jars for $75 at Meadowroot.\n",
    ], quiet=[
        "Insulin prices rose from $21 to $275 a vial between 2002 and 2019.\n",
        "The clinic spent $3 million on new scanners last year.\n",
        "A year of the drug costs about $15,000 in the US, and insurers often refuse to pay.\n",
    ])


def test_cta_one_finding_per_calling_sentence_naming_its_passage() -> None:
    box = ("Calm your evenings with our lavender drops. Use code DREAM15 for 15% off. Free shipping on every order. "
           "Add to cart before Friday.\n")
    hits = found("commercial-cta", box)
    assert len(hits) == 3 and all("product box or sales passage" in f.message for f in hits)
    two = ("**$20 for 30 capsules · [Buy now](https://x.example)**\n\nSome text about sleep and how much people need.\n\n"
           "**$35 for 60 capsules · [Buy now](https://y.example)**\n")
    assert len(found("commercial-cta", two)) == 2


def test_cta_calls_to_buy_in_the_writers_voice() -> None:
    both_ways("commercial-cta", fire=[
        "Alternatively, you can take 300 mg of ashwagandha at night. Buy them here.\n",
        "Looking for something stronger? Check out our hemp tinctures and night balms!\n",
        "Below we list the top brands you should consider buying this year.\n",
    ], quiet=[
        "You can buy ibuprofen from most pharmacies and supermarkets.\n",
        "Participants were asked to buy their own running shoes.\n",
        "\"Nobody should start buying probiotic powders on the strength of this,\" said Dr Imre Vass.\n",
    ])


def test_cta_retail_phrasing_beyond_buy_now() -> None:
    both_ways("commercial-cta", fire=[
        "Click here to order your first bottle.\n",
        "Get it on Amazon.\n",
        "Claim your free trial before Sunday.\n",
        "Save 25% when you subscribe.\n",
        "Use coupon CALM10 at checkout.\n",
        "Our balm is available in two sizes for $24.99.\n",
    ], quiet=[
        "Patients in the trial got a free bottle of the drug.\n",
        "Ask for a free trial of the glucose monitor at your clinic.\n",
        "The hospital will save 25% on staffing costs.\n",
        "You can get the flu jab free at most pharmacies.\n",
    ])


def test_cta_disclosures_options_and_chrome_are_not_calls() -> None:
    both_ways("commercial-cta", fire=[], quiet=[
        "When you buy through links on our site, we may earn a commission at no extra cost to you.\n",
        "This guide is reader-supported: we earn a small commission on some purchases.\n",
        "Compare your options: surgery, physiotherapy or waiting to see how the knee settles.\n",
    ])
    html = ("<html><body><nav><a href='/shop'>Shop now</a> | <a href='/sale'>20% off everything</a></nav>"
            "<article><p>Magnesium is a mineral found in nuts, seeds and leafy greens.</p></article>"
            "<footer><p>Free shipping on orders over $40.</p></footer></body></html>")
    assert not [f for f in lint_text(html, ["commercial-cta"], fmt="html", path="p.html") if f.rule == "commercial-cta"]


# ---- missing-disclaimer -----------------------------------------------------------------------

def test_disclaimer_instruction_after_an_opening_clause() -> None:
    both_ways("missing-disclaimer", fire=[
        "To try it, take 20 grams of creatine powder in water the evening before an exam.\n",
        "If your knees are sore, stir half a teaspoon of turmeric into hot milk and sip it morning and night to ease them.\n",
        "Before bed, dissolve two capsules of magnesium in a glass of water.\n",
    ], quiet=[
        "To try it, researchers gave 30 volunteers 20 grams of creatine powder before a sleepless night.\n",
        "If that sounds onerous, consider new findings from a team in Houston.\n",
        "Put in absolute terms, about 8 in every 100 people in the group developed dementia.\n",
    ])


def test_disclaimer_dose_addressed_to_the_reader() -> None:
    both_ways("missing-disclaimer", fire=[
        "If you can get hold of metformin, taking 500 mg a day could add healthy years to your life.\n",
        "A couple of 300 mg capsules with your breakfast is all you need to feel calmer.\n",
        "For your immune system, 2,000 IU of vitamin D every morning works wonders.\n",
    ], quiet=[
        "You can buy 50 capsules of milk thistle extract for about $10 at health food stores.\n",
        "In the trial, volunteers took 500 mg of metformin a day for a year.\n",
        "If you go on the operator's website, you can see the 5G coverage map.\n",
    ])


def test_disclaimer_promotion_of_a_product_for_a_condition() -> None:
    both_ways("missing-disclaimer", fire=[
        "Garlic reverses high blood pressure naturally.\n",
        "Ashwagandha calms anxiety and restores deep sleep.\n",
        "Turmeric is a golden spice used in curries.\n\nHow does turmeric prevent arthritis?\n",
    ], quiet=[
        "# Berries may ward off Parkinson's disease\n\nA study of 130,000 adults found that men who ate the most berries "
        "were 40% less likely to develop Parkinson's. The researchers followed them for 20 years.\n",
        "Ashwagandha calms anxiety, a small trial in 60 adults found.\n",
        "Claims that alkaline water cures cancer are false.\n",
    ])


def test_disclaimer_dosing_told_as_a_fact_and_products_as_the_answer() -> None:
    both_ways("missing-disclaimer", fire=[
        "## Dosage\n\nMost people take between 300 and 600 mg of ashwagandha a day, usually with food.\n",
        "A typical dose is two 500 mg capsules of valerian an hour before bed.\n",
        "If you struggle to fall asleep, magnesium glycinate before bed could be the answer.\n",
        "# Liver detox\n\nA gentle cleanse gives your liver a break.\n\nStart each morning with warm lemon water and a "
        "spoonful of apple cider vinegar.\n",
    ], quiet=[
        "In the trial, most people took between 300 and 600 mg a day, the researchers reported.\n",
        "A new app could be the answer to long waits for therapy, its makers say.\n",
        "# Lunch ideas\n\nStart each morning with warm lemon water and a slice of toast.\n",
    ])


def test_disclaimer_imperative_read_as_a_speech_tag() -> None:
    both_ways("missing-disclaimer", fire=[
        "Try adding two drops of CBD oil under your tongue before bed.\n",
        "Try taking a 200 mg magnesium tablet with dinner.\n",
        "Try drinking a cup of chamomile tea for your nerves.\n",
    ], quiet=[
        "Try adding two drops of CBD oil under your tongue. Talk to your doctor first if you take other medicines.\n",
        "Try taking a 200 mg magnesium tablet with dinner. This is not medical advice.\n",
        "\"Try drinking chamomile tea,\" said Dr Hanna Ek, a GP in Malmo.\n",
    ])


def test_disclaimer_news_and_turns_of_phrase_stay_quiet() -> None:
    both_ways("missing-disclaimer", fire=[], quiet=[
        "Take this winter, for example: flu cases doubled in three weeks.\n",
        "Here's what you need to know about the new shingles vaccine schedule.\n",
        "Aspirin is recommended for people at high risk of heart disease, according to the new guideline.\n",
        "Keep track of how many cases have been reported in each region on the map below.\n",
    ])


def test_disclaimer_routing_to_a_clinician_counts() -> None:
    advice = "Take 400 mg of magnesium at night to sleep better.\n\n"
    for disclaimer in ("Check with your pharmacist before you start.", "If you are over 60, get yourself to an eye "
                       "specialist.", "These statements have not been evaluated by the FDA.", "For informational "
                       "purposes only."):
        assert not found("missing-disclaimer", advice + disclaimer + "\n"), disclaimer
    assert found("missing-disclaimer", advice + "You don't need to see a doctor for this.\n")


# ---- overclaim ---------------------------------------------------------------------------------

def test_overclaim_marketing_superlatives_and_marvels() -> None:
    both_ways("overclaim", fire=[
        "Ginger is a natural panacea for many common ailments.\n",
        "Reviewers called it the nigh-miraculous fix for their eczema, and we agree.\n",
        "People are finally discovering this root's unlimited potential as a painkiller.\n",
        "Milk thistle and dandelion are the two most powerful liver herbs on the planet.\n",
    ], quiet=[
        "Melatonin isn't a miracle sleep aid, but it can help with jet lag.\n",
        "Be wary of headlines that promise a 'miracle' from one pill.\n",
        "Turmeric is one of the most powerful spices in the kitchen, chefs say.\n",
        "Breakthrough infections were rare among vaccinated adults.\n",
    ])


def test_overclaim_marketing_promises() -> None:
    both_ways("overclaim", fire=[
        "This balm works wonders for eczema.\n",
        "Our serum instantly relieves joint pain.\n",
        "Heal your gut in 3 days with this simple tea.\n",
        "This is the best natural remedy for anxiety.\n",
        "Beetroot juice will lower your blood pressure, guaranteed.\n",
        "Proven results in just 7 days.\n",
    ], quiet=[
        "Most cuts heal in 10 days without any treatment.\n",
        "Beware of so-called superfoods.\n",
        "There's no guarantee it will work for you.\n",
        "The rash usually clears in a few days.\n",
    ])


def test_overclaim_quiet_when_a_named_speaker_says_it_after_a_long_appositive() -> None:
    both_ways("overclaim", fire=[
        "The new knee brace has no side effects and works from the first day.\n",
        "The new knee brace has no side effects, the makers of the brace and its online shop promise on every box they sell.\n",
    ], quiet=[
        "The new knee brace has no side effects, Dr Ana Ruiz, head of the sports medicine unit at the Royal Northern "
        "Hospital in Leeds and an adviser to two football clubs, said on Monday.\n",
        "The brace has no side effects, Prof Tom Hale, who leads the orthopaedic research group at Keele and has studied "
        "braces for twenty years, told reporters.\n",
    ])


def test_overclaim_absolute_safety_and_totals() -> None:
    both_ways("overclaim", fire=[
        "The treatment is safe because the extract only reaches tumour cells.\n",
        "Unlike prescription pills, our tincture has no side effects.\n",
        "It completely flushes out toxins in two weeks.\n",
        "The cleanse leaves you glowing by flushing out all toxins from the liver.\n",
    ], quiet=[
        "Coffee is unlikely to be a completely risk-free drink for people with heart disease.\n",
        "Melatonin is generally considered safe for short-term use.\n",
        "No side effects were reported during the six-week trial.\n",
        "Officials say it is safe to reopen schools next month.\n",
    ])


def test_overclaim_cures_belong_to_products_not_to_medicine_or_searches() -> None:
    both_ways("overclaim", fire=[
        "This tea cures insomnia.\n",
        "Apple cider vinegar is a natural cure for acid reflux.\n",
        "Elderberry syrup is more effective than any prescription drug against flu.\n",
    ], quiet=[
        "A course of antibiotics usually cures a urinary tract infection.\n",
        "Scientists are racing to find a cure for the new virus.\n",
        "Existing treatments can cure about half of the cases.\n",
        "There is no known cure for arthritis.\n",
    ])


def test_overclaim_proof_about_health_only() -> None:
    both_ways("overclaim", fire=[
        "The new study proves that red meat shortens life.\n",
        "Our capsules have been proven to restore memory in weeks.\n",
        "Clinically proven to erase wrinkles in 14 days.\n",
    ], quiet=[
        "He proved that on Saturday with a hat-trick.\n",
        "This trial does not prove that the tea improves sleep.\n",
        "Labels that say \"clinically proven\" rarely say which trial they mean.\n",
    ])


# ---- unattributed-claim ------------------------------------------------------------------------

def test_unattributed_speech_tags_after_a_named_speaker() -> None:
    both_ways("unattributed-claim", fire=[
        "Many teenagers now sleep with their phones. Studies show that screens delay sleep by an hour.\n",
    ], quiet=[
        "Dr Lena Ortiz, a psychiatrist in Boston, treats teenagers. There is growing research showing a link between "
        "phones and anxiety, she said.\n",
        "Marta Kovacs, who runs a sleep clinic in Leeds, was not surprised. Research shows screens delay sleep, she "
        "explained.\n",
        "Kovacs said studies show that light at night shifts the body clock.\n",
    ])


def test_unattributed_sources_that_count() -> None:
    both_ways("unattributed-claim", fire=[
        "A new randomised, double-blind, placebo-controlled study confirms that fish oil eases joint pain.\n",
        "Herbalists have trusted sage for generations, and recent research supports its use.\n",
        "According to many medical experts, adults need eight hours of sleep.\n",
    ], quiet=[
        "A 2004 study found that elderberry shortened flu by four days.\n",
        "One trial found that zinc shortened colds by a day.(4)\n",
        "Studies show that magnesium improves sleep [12].\n",
        "A review by the Cochrane Collaboration found no benefit of vitamin C for colds.\n",
    ])


def test_unattributed_a_study_named_by_its_maker_or_research_done_by_the_reader() -> None:
    intro = "# Why we reach for pills\n\nStress is common at work and at home.\n\n"
    both_ways("unattributed-claim", fire=[
        intro + "A Danish study has confirmed that potassium falls in severe infections.\n",   # a nationality, no maker
        intro + "A UK survey found that most adults sleep less than seven hours to cope with stress.\n",
        intro + "A study of Medicare records found that many men take testosterone without a test.\n",  # what was studied
        intro + "Research shows that sugar harms the liver.\n",
    ], quiet=[
        intro + "A Kantar survey found that 40 percent of shoppers said they bought vitamins to ease stress.\n",
        intro + "An Ofcom report found that most parents search online for advice on colds.\n",
        intro + "I dare you to research and prove my view of sugar wrong.\n",   # research as a verb: nothing cited
        intro + "You should research and compare the side effects of each pill before you decide.\n",
    ])


def test_unattributed_the_verb_belongs_to_the_research_not_to_a_later_clause() -> None:
    intro = "# Fibre and the gut\n\nFibre is in beans, oats and vegetables.\n\n"
    both_ways("unattributed-claim", fire=[
        intro + "Studies on fibre actually reduced bowel polyps in older adults.\n",  # research said to change something
        intro + "Several trials have increased hopes that fibre prevents polyps.\n",
        intro + "One study of nurses found that fibre cut polyps by a third.\n",
    ], quiet=[
        intro + "Taking all 12 trials together, polyps were reduced by a fifth.\n",   # the clause's own subject changed
        intro + "After allowing for one of the study diets, the researchers found that fibre cut polyps.\n",
        intro + "In one analysis of the records, the authors found fewer polyps in fibre eaters.\n",
    ])


def test_unattributed_evidence_and_science_invoked() -> None:
    both_ways("unattributed-claim", fire=[
        "Evidence suggests that probiotics ease anxiety.\n",
        "Growing evidence shows that vitamin C prevents colds.\n",
        "It's been scientifically proven that CBD calms the mind.\n",
        "Science has shown that fasting resets the immune system.\n",
    ], quiet=[
        "There is no evidence that probiotics ease anxiety.\n",
        "There's very limited evidence to suggest that acupuncture helps insomnia.\n",
        "Evidence from a 2019 Cochrane review suggests that zinc shortens colds.\n",
        "We need more studies to know whether zinc shortens colds.\n",
    ])


def test_unattributed_not_claims() -> None:
    both_ways("unattributed-claim", fire=[], quiet=[
        "Further studies are needed before anyone takes it for anxiety.\n",
        "No study has shown that detox teas remove toxins.\n",
        "An observational study can show a link, but not that one thing causes another.\n",
        "Be wary of vague phrases such as \"studies show\" when no study is named.\n",
        "## What Studies Say\n\nMagnesium is a mineral.\n",
        "Here's what experts say you need to know about the new vaccine:\n",
        "Doing research online, Amy Price found a trial of a gene therapy in Milan.\n",
    ])


def test_unattributed_news_lede_convention() -> None:
    story = ("# Fizzy drinks may raise gout risk\n\n"
             "Adults who drink fizzy drinks daily may be more prone to gout, a new study suggests.\n\n"
             "Researchers followed 90,000 nurses for 20 years. They asked about what they drank every two "
             "years.\n")
    assert not found("unattributed-claim", story)
    blog = ("# PMS relief at last\n\nA new randomised study confirms that fatty acids reduce PMS symptoms.\n\n"
            "The researchers recruited 120 women and gave them one or two grams a day.\n")
    assert found("unattributed-claim", blog)  # "confirms" is not the neutral news convention


@pytest.mark.parametrize("rule", ["commercial-cta", "overclaim", "unattributed-claim"])
def test_findings_point_at_the_words(rule: str) -> None:
    text = {"commercial-cta": "Sleep matters. Use code REST20 for 20% off.\n",
            "overclaim": "Sleep matters. This tea cures insomnia.\n",
            "unattributed-claim": "Sleep matters. Studies show that magnesium helps.\n"}[rule]
    hits = found(rule, text)
    assert len(hits) == 1 and hits[0].column > 1


def test_cta_urgency_and_price_comparison_sell() -> None:
    both_ways("commercial-cta", fire=[
        "Hollis Ridge collagen dropped to $29 this week: grab it before the sale ends.\n",
        "[Compare all 7 options and prices](https://picks.example/go)\n",
        "Only a few left at this price, so stock up on the gummies.\n",
    ], quiet=[
        "The clinic compares treatment options with each patient before surgery.\n",
        "Sales of collagen grew by a third last year, the market report says.\n",
    ])


def test_overclaim_beating_whatever_the_pharmacy_sells() -> None:
    both_ways("overclaim", fire=[
        "Garlic honey works faster than anything from the pharmacy for a sore throat.\n",
        "This tea clears a cold better than any pill your doctor can give.\n",
    ], quiet=[
        "The pharmacy is open later than anything else on the high street.\n",
    ])
