"""Study facts of one sentence: design, species, population, sample size, citations.

Kinds (``Cue.kind``):

* designs: ``in_vitro, animal, case_report, observational, cohort, cross_sectional,
  case_control, survey, rct, meta_analysis, systematic_review, pilot, preprint,
  trial`` (a clinical trial not said to be randomised).
* species (normalised): ``mice, rats, rodents, voles, hamsters, guinea_pigs, rabbits,
  pigs, dogs, cats, sheep, cattle, horses, primates, zebrafish, fish, worms, flies,
  yeast, cells, animals, humans``.
* populations: ``men, women, male, female, boys, girls, children, infants,
  adolescents, young_adults, adults, older_adults, pregnant, postmenopausal,
  premenopausal, people_with, patients, healthy, smokers, athletes, students,
  veterans``. A ``people_with`` cue ("women with diabetes") also yields the
  head's own kind ("women").
* citations: ``url, doi, pmid, journal, author_year, institution``.

Lower-case patterns run on the lower-cased sentence; names (journals, authors,
institutions) are matched case-sensitively on the original text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from sys import intern

from .facts import Cue
from .lexicon import Lexicon

_STUDY = r"(?:stud(?:y|ies)|trials?|analys[ie]s|data|research|evidence|reviews?)"

DESIGN_ENTRIES = [
    ("meta_analysis", r"meta-?\s?analy(?:sis|ses|tic)|pooled\s+analys[ie]s"),
    ("systematic_review", r"(?:systematic|cochrane|umbrella)\s+reviews?"),
    ("pilot", r"pilot(?=\s+(?:study|studies|trials?|randomi|rct|program))|feasibility\s+(?:study|trial)"),
    ("rct", r"randomi[sz]ed(?:,?\s+(?:double|single|triple)[-\s]blind(?:ed)?)?(?:,?\s+(?:placebo|sham)[-\s]controlled)?"
            r"(?:\s+(?:controlled|clinical|crossover|cross-over|multi-?cent(?:er|re)|parallel(?:-group)?|intervention))*"
            r"\s+(?:trials?|stud(?:y|ies))"
            r"|rcts?|randomly\s+(?:assigned|allocated)|placebo[-\s]controlled|double[-\s]blind(?:ed)?"),
    ("trial", r"(?:clinical|controlled|open-label|single-arm|non-?randomi[sz]ed|phase\s+(?:[1-4]|iv|i{1,3})(?:/(?:[1-4]|i{1,3}))?)"
              r"\s+trials?"),
    ("cross_sectional", r"cross-?\s?sectional"),
    ("case_control", r"case[-\s]control(?:led)?"),
    ("cohort", r"(?:prospective\s+|retrospective\s+|longitudinal\s+|birth\s+)?cohorts?(?:\s+stud(?:y|ies))?"
               r"|(?:longitudinal|prospective)\s+stud(?:y|ies)"),
    ("case_report", r"case\s+(?:reports?|series)|(?:we|here\s+we)\s+(?:report|describe|present)\s+(?:a|the|an)\s+(?:\w+\s+)?(?:case|patient)"),
    ("survey", r"surveys?"),  # not a poll of opinions, nor a questionnaire (a trial's instrument too)
    ("observational", r"observational|epidemiolog(?:ical|ic)\s+" + _STUDY + r"|population-based|registry(?:-based)?\s+" + _STUDY
                      + r"|ecological\s+stud(?:y|ies)|mendelian\s+randomi[sz]ation|retrospective\s+(?:stud(?:y|ies)|analys[ie]s|reviews?|chart)"
                      # records kept for care, data on people gathered before, people tracked for years
                      r"|(?:patients?'?|gp|hospital|prescription|prescribing|primary[-\s]care|insurance|death)\s+records"
                      r"|(?:analy[sz]ed|examined|studied|looked\s+at|used|reviewed|took|drew\s+on)\s+(?:the\s+)?(?:health\s+|medical\s+)?"
                      r"data\s+(?:on|from|of)\s+(?:more\s+than\s+|almost\s+|nearly\s+|over\s+|around\s+|some\s+)?\d[\d,.]*"
                      # what people already do, read from them: "analysed the eating habits of 7,500 adults"
                      r"|(?:analy[sz]ed|examined|studied|looked\s+at|surveyed|compared|reviewed)\s+the\s+(?:[\w-]+\s+)?"
                      r"(?:habits|diets|lifestyles|routines|patterns|histories|records)\s+of\s+(?:more\s+than\s+|almost\s+|nearly\s+"
                      r"|over\s+|around\s+|some\s+)?\d[\d,.]*"
                      r"|(?:followed|tracked|monitored)\s+(?:\w+\s+){0,4}?for\s+(?:up\s+to\s+|an\s+average\s+of\s+|more\s+than\s+"
                      r"|almost\s+|nearly\s+|over\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\s+years"),
    ("in_vitro", r"in\s+vitro|test[-\s]tubes?|petri\s+dish(?:es)?|cell\s+cultures?|cultured\s+(?:\w+\s+)?cells|cell\s+lines?"
                 r"|(?:lab|laboratory)[-\s]grown|laboratory\s+dish(?:es)?"),
    ("animal", r"animal\s+(?:stud(?:y|ies)|models?|experiments?|research|trials?|testing|data)"
               r"|(?:mouse|mice|murine|rat|rodent|primate|zebrafish|porcine|canine|monkey)\s+(?:models?|stud(?:y|ies)|experiments?)"
               r"|pre-?clinical"),
    ("preprint", r"pre-?prints?|medrxiv|biorxiv|not\s+(?:yet\s+)?(?:been\s+)?peer[-\s]reviewed|ahead\s+of\s+peer\s+review"),
]

SPECIES_ENTRIES = [
    ("mice", "mice|mouse|murine"), ("rats", "rats?"), ("rodents", "rodents?"), ("voles", "voles?"),
    ("hamsters", "hamsters?"), ("guinea_pigs", r"guinea\s+pigs?"), ("rabbits", "rabbits?"),
    ("pigs", "pigs?|piglets?|swine|porcine"), ("dogs", "dogs?|canine"), ("cats", "cats?|feline"),
    ("sheep", "sheep|ewes?|lambs?|ovine"), ("cattle", "cattle|cows?|bovine"), ("horses", "horses?|equine"),
    ("primates", r"monkeys?|macaques?|(?:non-?human\s+)?primates?|chimpanzees?|baboons?|marmosets?"),
    ("zebrafish", r"zebra\s?fish"), ("fish", r"fish(?!\s+(?:oil|intake|consumption|meals?|diet|eaters?|and\b))"),
    ("worms", r"(?:round)?worms?|nematodes?|c\.\s?elegans|caenorhabditis"),
    ("flies", r"fruit\s+fl(?:y|ies)|flies|drosophila"), ("yeast", "yeasts?"),
    ("cells", r"(?:human|cancer|tumou?r|cultured|stem|skin|brain|liver|lab-grown|isolated|animal|mouse|immune|nerve"
              r"|muscle|fat|breast|lung|colon|prostate|heart|kidney|blood|bone|islet|beta|t)\s+cells|cell\s+lines?|in\s+cells|organoids?"),
    ("animals", "animals?"),
    ("humans", r"humans|human\s+(?:subjects|participants|volunteers|trials?|stud(?:y|ies)|data)|in\s+people"),
]
# species named inside a design cue ("mouse model", "cell lines")
DESIGN_SPECIES = {"mouse": "mice", "mice": "mice", "murine": "mice", "rat": "rats", "rodent": "rodents",
                  "primate": "primates", "monkey": "primates", "zebrafish": "zebrafish", "porcine": "pigs",
                  "canine": "dogs", "animal": "animals", "cell": "cells", "cultured": "cells"}

_PEOPLE_HEADS = (
    r"people|patients|adults|children|individuals|those|persons|participants|subjects|women|men|kids|girls|boys|adolescents"
    r"|teens|teenagers|infants|babies|mothers|survivors|veterans|smokers|users"
)
PEOPLE_WITH = (
    r"(?:" + _PEOPLE_HEADS + r")\s+(?:living\s+)?(?:with|who\s+have|who\s+had|suffering\s+from|diagnosed\s+with"
    r"|(?:being\s+)?treated\s+for|receiving\s+treatment\s+for|in\s+treatment\s+for)\s+"
    r"(?!(?:the|a|an|and|or|their|no|this|these|his|her|its|our|each|other|all|both|similar|different|normal"
    # what people did or got, not a condition they have: "adults who had failed to improve", "patients who had complete responses"
    r"|been|failed|received|taken|undergone|completed|complete|partial|responded|improved|stopped|started|used|tried|given"
    r"|lost|gained)\b)"
    r"(?:(?:type\s+[12i]+|high|low|chronic|severe|mild|early|advanced|late-stage|a\s+history\s+of|heart|kidney|liver|lung"
    r"|breast|prostate|colon|mental|bipolar|multiple|rheumatoid|cystic|major)\s+)?[a-z'-]+"
)
POPULATION_ENTRIES = [
    ("people_with", PEOPLE_WITH),
    ("pregnant", r"pregnant(?:\s+(?:women|people|mothers|patients))?|expectant\s+mothers|mothers-to-be"),
    ("postmenopausal", r"post-?menopausal(?:\s+women)?"), ("premenopausal", r"pre-?menopausal(?:\s+women)?"),
    ("older_adults", r"older\s+(?:adults|people|persons|patients|women|men|individuals|americans|population|participants)"
                     r"|elderly|seniors|aged\s+\d\d\s+(?:and|or)\s+(?:over|older|above)|over-?(?:60|65|70|75|80)s|people\s+over\s+\d\d"),
    ("young_adults", r"young\s+(?:adults|people|men|women)"),
    ("adolescents", r"adolescents?|teen(?:ager)?s|youths?"),
    ("children", "children|child|kids|schoolchildren|paediatric|pediatric"), ("boys", "boys"), ("girls", "girls"),
    ("infants", "infants?|babies|newborns?|neonates?|toddlers?"),
    ("healthy", r"healthy\s+(?:adults|volunteers|people|participants|subjects|individuals|men|women)"),
    ("men", "men"), ("women", "wom[ae]n"), ("male", "males?"), ("female", "females?"), ("adults", "adults"),
    ("patients", "patients"), ("smokers", "smokers"), ("students", "students"), ("veterans", "veterans"),
    # groups by what they do: a study of army recruits or nurses is a study of that group
    ("athletes", r"athletes|(?:trained\s+|elite\s+|amateur\s+)?(?:cyclists|runners|marathoners|footballers|swimmers|rowers)"),
    ("soldiers", r"(?:army\s+|military\s+)?recruits|soldiers|troops|service\s+members"),
    ("nurses", r"(?:registered\s+)?nurses"), ("shift_workers", r"(?:night|shift)[- ]workers"),
]
_HEAD_KIND = {"women": "women", "men": "men", "children": "children", "kids": "children", "girls": "girls",
              "boys": "boys", "adolescents": "adolescents", "teens": "adolescents", "teenagers": "adolescents",
              "infants": "infants", "babies": "infants", "adults": "adults", "patients": "patients",
              "smokers": "smokers", "veterans": "veterans"}

_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?"
_WORD_NUMS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
    " seventeen eighteen nineteen twenty".split())}
_WORD_NUMS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                   "ninety": 90, "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12})
_SUBJECTS = (
    r"participants|patients|people|persons|adults|subjects|volunteers|women|men|children|individuals|infants"
    r"|adolescents|students|respondents|mice|rats|veterans|cases|twins|families|residents|nurses|doctors|physicians"
    r"|smokers|users|girls|boys|babies|teenagers|employees|workers|athletes|households|pregnancies|births|members"
    r"|americans|britons|survivors|couples|newborns|men\s+and\s+women|women\s+and\s+men|pairs|animals|dogs|volunteers"
)
# "n = 67", not after a letter (looked for from after the "n": a literal first is found fast)
_N_EQ = re.compile(r"n(?<![a-z]n)\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)")


_NOT_AFTER = r"(?<![\w.,])"
SAMPLE_RE = re.compile(
    _NOT_AFTER + r"(?P<num>" + _NUM + "|" + "|".join(sorted(_WORD_NUMS, key=len, reverse=True)) + r")\s+"
    r"(?:(?!years?\b|months?\b|weeks?\b|days?\b|hours?\b|percent\b|per\b|of\b|times\b|more\b|fewer\b|mg\b|kg\b"
    r"|to\b|in\b|for\b|from\b|at\b|on\b|by\b|into\b|than\b|and\b|or\b)[a-z-]+\s+){0,3}?"
    r"(?:" + _SUBJECTS + r")\b"
)

# DOIs, URLs and PubMed ids: a Lexicon, whose alternatives all start with a letter or digit, which the regex
# engine rules out fast (so a bare DOI's "10." looks back from after its "1": not after a digit or a dot)
CITATION = Lexicon([
    ("doi", r"doi:\s*10\.\d{4,9}/[^\s\"<>]+|https?://(?:dx\.)?doi\.org/10\.[^\s\"<>]+|1(?<![\d.]1)0\.\d{4,9}/[^\s\"<>]+"),
    ("url", r"https?://[^\s<>\"]+|www\.[^\s<>\"]+"),
    ("pmid", r"(?:PMID|pmid|PubMed\s+ID)\s*:?\s*\d{5,9}|PMC\d{5,9}"),
], before="", after="")
_NAME = r"[A-Z][A-Za-z'\u2019-]+"
_CAPS = r"(?:\s+(?:of|and|for|in|the|&|" + _NAME + r"))*"
NAMED_RE = re.compile(
    r"(?<![A-Za-z])(?:"
    r"(?P<author_year>" + _NAME + r"(?:\s+(?:and|&)\s+" + _NAME + r")?\s+et\s+al\.?(?:,?\s*\(?(?:19|20)\d\d[a-z]?\)?)?"
    r"|\(\s*" + _NAME + r"(?:\s+(?:and|&)\s+" + _NAME + r")?,?\s+(?:19|20)\d\d[a-z]?(?:\s*[;,][^)]{0,80})?\)"
    r"|" + _NAME + r"\s+\((?:19|20)\d\d[a-z]?\))"
    r"|(?P<journal>(?:(?:published|reported|appears?|appeared)\s+(?:online\s+|today\s+|this\s+week\s+)?in\s+(?:the\s+)?(?:journal\s+)?"
    r"|the\s+journal\s+)(?:" + _NAME + r"|JAMA|BMJ|PLOS|PNAS)" + r"(?:\s+(?:of|and|for|in|the|&|ONE|" + _NAME + r"))*"
    r"|(?:(?:American|British|European|International|Canadian|Australian|New\s+England)\s+)?Journal\s+of" + _CAPS +
    r"|(?:Annals|Archives)\s+of" + _CAPS + r"|The\s+Lancet(?:\s+" + _NAME + r")*|Lancet(?:\s+" + _NAME + r")*"
    r"|JAMA(?:\s+" + _NAME + r")?|BMJ(?:\s+Open)?|NEJM|PNAS|PLo[Ss]\s+(?:ONE|One|Medicine|Biology|Genetics)|eLife"
    r"|Nature\s+(?:Medicine|Communications|Genetics|Neuroscience|Metabolism)|Cell\s+(?:Metabolism|Reports)"
    r"|Science\s+(?:Advances|Translational\s+Medicine)|Proceedings\s+of\s+the\s+National\s+Academy\s+of\s+Sciences"
    r"|Diabetes\s+Care|Diabetologia|Circulation|Pediatrics|Cochrane\s+Database(?:\s+of\s+Systematic\s+Reviews)?)"
    r"|(?P<institution>University\s+of" + _CAPS + r"|(?:" + _NAME + r"\s+){1,3}University"
    r"|Harvard(?:\s+(?:Medical\s+School|T\.\s?H\.\s+Chan\s+School\s+of\s+Public\s+Health|University))?|Stanford|Yale"
    r"|Johns\s+Hopkins|Mayo\s+Clinic|Cleveland\s+Clinic|Karolinska(?:\s+Institutet?)?|Imperial\s+College(?:\s+London)?"
    r"|King's\s+College(?:\s+London)?|Oxford|Cambridge|MIT|UCLA|UCSF|NIH|National\s+Institutes?\s+of\s+Health"
    r"|CDC|Centers\s+for\s+Disease\s+Control(?:\s+and\s+Prevention)?|WHO|World\s+Health\s+Organi[sz]ation|FDA"
    r"|Food\s+and\s+Drug\s+Administration|EFSA|NHS|NICE|Public\s+Health\s+England|Cochrane"
    r"|(?:" + _NAME + r"\s+){1,4}(?:Institute|Hospital|Medical\s+(?:Center|Centre|School)|School\s+of\s+(?:Medicine|Public\s+Health)"
    r"|Foundation|Society|Association|Clinic)(?:\s+(?:of|for)" + _CAPS + r")?)"
    r")(?![A-Za-z])"
)
_TRAIL = ".,;:)]}'\""
def design_cues(kind: str, text: str, s: int, e: int, offset: int) -> tuple[Cue, Cue | None]:
    """A design cue and, for "mouse model" / "cell lines", the species it names."""
    cue = Cue(offset + s, offset + e, intern(text[s:e]), kind)
    if kind in ("animal", "in_vitro"):
        first = text[s:e].split(None, 1)[0].lower()
        sp = DESIGN_SPECIES.get(first) or ("cells" if "cell" in text[s:e].lower() else None)
        if sp:
            return cue, Cue(offset + s, offset + s + len(first), intern(text[s : s + len(first)]), sp)
    return cue, None


def population_cues(kind: str, text: str, s: int, e: int, offset: int) -> list[Cue]:
    """A population cue; a ``people_with`` cue is preceded by its head's own kind."""
    cue = Cue(offset + s, offset + e, intern(text[s:e]), kind)
    if kind != "people_with":
        return [cue]
    head = text[s:e].split(None, 1)[0]
    hk = _HEAD_KIND.get(head.lower())
    return [Cue(offset + s, offset + s + len(head), intern(head), hk), cue] if hk else [cue]


def _number(raw: str) -> int | None:
    raw = raw.strip()
    if raw in _WORD_NUMS:
        return _WORD_NUMS[raw]
    mult = 1
    if raw.endswith("million"):
        raw, mult = raw[:-7].strip(), 1_000_000
    elif raw.endswith("thousand"):
        raw, mult = raw[:-8].strip(), 1_000
    try:
        return int(float(raw.replace(",", "")) * mult)
    except (ValueError, OverflowError):  # OverflowError: a 400-digit count is inf as a float
        return None


def find_sample_size(text: str, low: str | None = None, nums: Sequence[str] | None = None) -> int | None:
    """Sample size: an explicit ``n = 67`` wins, else the largest "N participants" count.

    ``nums``: the ``num`` group of every :data:`SAMPLE_RE` match in ``low``, when known.
    """
    low = text.lower() if low is None else low
    m = _N_EQ.search(low)
    if m:
        return _number(m.group(1))
    best: int | None = None
    for raw in (m.group("num") for m in SAMPLE_RE.finditer(low)) if nums is None else nums:
        n = _number(raw)
        if n is not None and n > 0 and (best is None or n > best):
            best = n
    return best


GATE_ENTRIES = [("gate",
    r"et\s+al|universit(?:y|ies)|institut(?:e|es|et|ion)?|hospitals?|medical|schools?|foundation|society|association"
    r"|clinics?|journals?|published|annals|archives|lancet|proceedings|nature|science|cell|diabetes\s+care|diabetologia"
    r"|circulation|pediatrics|cochrane|harvard|stanford|yale|hopkins|mayo|karolinska|imperial|king's|oxford|cambridge"
    r"|national\s+institutes?|centers\s+for|world\s+health|food\s+and\s+drug|public\s+health|elife|plos")]
_ACRONYMS = ("NIH", "CDC", "WHO", "FDA", "NHS", "NICE", "MIT", "UCLA", "UCSF", "EFSA", "JAMA", "BMJ", "NEJM", "PNAS")
_ACRONYM = re.compile("|".join(_ACRONYMS))
_YEAR = re.compile(r"(?:19|20)\d\d")


def names_allowed(text: str, gate_word: bool) -> bool:
    """Named sources (journals, institutions, authors) count only in a sentence that also has a
    source word (:data:`GATE_ENTRIES`: ``gate_word``), one of the acronyms or a year: "reported
    in Boston" alone is not a journal."""
    return gate_word or bool(_ACRONYM.search(text)) or bool(_YEAR.search(text))


def find_citations(text: str, offset: int, names: bool) -> list[Cue]:
    """URLs, DOIs, PMIDs and, when ``names`` (see :func:`names_allowed`), journals, author-year
    references and institutions."""
    out: list[Cue] = []
    for m in CITATION.regex.finditer(text):
        s, e = m.span()
        while e > s and text[e - 1] in _TRAIL:
            e -= 1
        out.append(Cue(offset + s, offset + e, intern(text[s:e]), CITATION.kinds[m.lastgroup]))  # type: ignore[index]
    if not names:
        return out
    for m in NAMED_RE.finditer(text):
        s, e = m.span()
        kind = m.lastgroup or ""
        if kind == "institution" and text.startswith(("The ", "A "), s):
            s = text.index(" ", s) + 1
        elif kind == "author_year" and text[e - 1] == ")" and "(" not in text[s:e]:
            e -= 1
        out.append(Cue(offset + s, offset + e, intern(text[s:e]), kind))
    return out


_INSTRUMENT = re.compile(r"\b(?:on|using|via|through)\s+(?:a|an|the)\s+(?:\d+-(?:question|item|point)\s+|short\s+|standard\s+)?$",
                         re.IGNORECASE)


def instrument(text: str, at: int) -> bool:
    """The survey at ``at`` measured something in a study ("rated on a 28-question survey"): no design."""
    return bool(_INSTRUMENT.search(text, max(0, at - 40), at))
