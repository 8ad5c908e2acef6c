"""``unattributed-claim``: research or experts invoked without a source.

Reports the writer's sentences that pin a claim on unnamed research ("studies show",
"research suggests", "a new randomized, double-blind study confirms", "modern research backs
up", "previous research has suggested", "has been shown to"), on unnamed authority ("experts
agree", "according to many medical experts", "researchers think", "dermatologists agree") or
describe a study no one can find ("In a cohort of 90,000 adults ..."). The research nouns and
the unnamed authorities are the ``sources`` lexicon.

Satisfied by a source in the same sentence or the next one (or earlier in the same paragraph,
when that sentence introduces the study): a named person ("Dr Osei", "Jane Smith, a
dietitian"), an institution, a journal, a year ("a 2001 study"), a footnote number or bracketed
reference ("(3)", "[12]"), an author-year reference, a link or a DOI. Not a claim: research that
is asked about or wished for ("further studies are needed", "whether studies show"), denied ("no
study has shown"), general ("an observational study can show"), a named study or organisation
("the study", "the Cholesterol Treatment Trialists' Collaboration found"), quoted or attributed
statements and speech tags ("..., she said"), headings without a claim ("What Studies Say").
"Researchers say" is also quiet once the article has named the study whose researchers they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

from ..analyse.article import ArticleAnalysis, SentenceAnalysis
from ..analyse.terms import normalise, words
from ..kinds.base import Hit
from . import register
from .overclaim import _about_health

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document

_I = re.IGNORECASE


def _alternation(*kinds: str) -> str:
    forms = sorted(words("sources", *kinds), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"


_RESEARCH = _alternation("research")
_AUTHORITY = _alternation("authority")
_QUALIFIERS = (r"(?:(?:many|some|several|numerous|recent|new|newer|emerging|previous|past|earlier|prior|other|more|most|modern"
               r"|current|countless|multiple|further|early|scientific|clinical|medical|published|independent)\s+)*")
_REPORTING = (r"(?:show(?:s|ed|n)?|found|finds|find|suggest(?:s|ed)?|reveal(?:s|ed)?|point(?:s|ed|ing)?\s+to|(?:is|are)\s+pointing"
              r"|indicate[sd]?|estimate[sd]?|confirm(?:s|ed)?|prove[sdn]?|demonstrat(?:es|ed)|backs?\s+up|backed\s+up|support(?:s|ed)?\s+(?:the|its|their|this|that)"
              r"|says?|tells?\s+us|link(?:s|ed|ing)|looked\s+at|looking\s+at|(?:is|are)\s+looking|focused\s+on"
              r"|agree[sd]?|concluded|documented|established|discovered|observed|uncovered)")
_VERB_GAP = r"(?:\s+\([^)]{0,40}\))?(?:\s+(?!that\b|the\s+(?:researchers|authors|team|investigators|scientists)\b)[\w,'’-]+){0,3}?\s+(?:have\s+|has\s+|had\s+)?(?:also\s+|now\s+|long\s+|consistently\s+|repeatedly\s+|just\s+)?"
# research that "reduced" or "increased" something ("studies on exposure reduced oxytocin"), within its own clause: not
# "Taking all 26 trials together, deaths were reduced"
_CHANGED = r"(?:\s+(?!that\b)[\w'’-]+){0,3}?\s+(?:have\s+|has\s+|had\s+)?(?:also\s+|actually\s+)?(?:reduced|increased)"
_PATTERNS = [
    ("research", r"(?<![\w-])" + _QUALIFIERS + _RESEARCH + r"(?:" + _VERB_GAP + _REPORTING + r"|" + _CHANGED + r")\b"),
    ("study", r"\b(?:a|an|one|another)\s+(?:(?!but\b|and\b|or\b|that\b|which\b|while\b)[\w,'’-]+\s+){0,5}?(?:study|trial|experiment|review|paper|survey|analysis|meta-analysis"
              r"|report)" + _VERB_GAP + _REPORTING + r"\b"),
    ("authority", r"(?<![\w-])" + _AUTHORITY + r"\s+(?:now\s+|have\s+long\s+|have\s+|long\s+|generally\s+|all\s+|widely\s+)?"
                  r"(?:say|says|agree[sd]?|believe[sd]?|think|thinks|recommend(?:s|ed)?|know|have\s+found|warn(?:s|ed)?"
                  r"|claim(?:s|ed)?|suggest(?:s|ed)?|proven|shown|discovered|concluded|argue[sd]?|insist|maintain|consider"
                  r"|contend|report(?:s|ed)?|explain|tell\s+us|are\s+convinced|are\s+certain|suspect(?:s|ed)?)\b"),
    ("according", r"\baccording\s+to\s+(?:many\s+|most\s+|some\s+|leading\s+|top\s+)?(?:medical\s+|health\s+)?(?:new\s+|recent\s+)?"
                  r"(?:" + _AUTHORITY + r"|" + _RESEARCH + r")\b"),
    ("known", r"\b(?:it\s+is|it's|it’s|it\s+has\s+been|it's\s+been|it’s\s+been)\s+(?:now\s+)?(?:well\s+|widely\s+|scientifically\s+)?(?:known|established|proven|documented"
              r"|accepted)\s+that\b|\bscience\s+(?:says|shows|proves|tells\s+us|has\s+shown)\b"),
    ("shown", r"\b(?:has|have)\s+(?:also\s+|already\s+|repeatedly\s+|consistently\s+)?been\s+(?:clinically\s+|scientifically\s+)?"
              r"(?:shown|proven|found|demonstrated)\s+to\b"),
    ("evidence", r"\bthere\s+is\s+(?:now\s+)?(?:some\s+|growing\s+|mounting\s+|increasing\s+|strong\s+|good\s+|plenty\s+of\s+|ample\s+)?"
                 r"(?:scientific\s+)?evidence\s+(?:to\s+suggest|suggesting|that|showing)\b"),
    ("cohort", r"^\W*in\s+(?:a|one|another)\s+(?:[\w-]+\s+){0,3}?(?:study|trial|cohort|survey|review|experiment|analysis)\s+"
               r"(?:of|with|involving|among|in|that\s+followed)\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+|almost\s+)?[\d,]{2,}"),
]
_TRIGGERS = [(kind, re.compile(p, _I)) for kind, p in _PATTERNS]
# what a sentence must hold for each pattern to be tried: a term of the sources lexicon, or a head word of the
# pattern's kind (lexicon pattern_heads), both found by the one pass over the text
_NEEDS_TERM = {"research": ("research",), "authority": ("authority",), "according": ("research", "authority")}
_NEEDS_HEAD = frozenset({"study", "known", "shown", "evidence", "cohort"})

# ---- what is not a claim ------------------------------------------------------------------
_NAMED_BEFORE = re.compile(r"\b(?:this|the|these|those|our|their|his|her|its|such|that|which|whose|same|said)\s+"
                           r"(?:(?:new|recent|latest|original|current|present|above|earlier|previous|large|small|two|three)\s+)*$", _I)
_NOT_A_CLAIM_BEFORE = re.compile(r"\b(?:if|when|whether|unless|until|no|not|never|nor|without|few|little|lack\s+of|none\s+of|what"
                                 r"|limited|weak|scant|scarce|insufficient|mixed|inconclusive|poor|low-quality|conflicting|sparse"
                                 r"|why|how|wait\s+for|need|needs|needed|want|hope|hopes)\s+(?:[\w.-]+\s+){0,3}$", _I)
_GENERAL = re.compile(r"\b(?:can|could|cannot|can't|may|might|should|would|will|must)\s+(?:not\s+|only\s+|never\s+)?"
                      r"(?:show|prove|find|tell|suggest|confirm|demonstrate|establish|look)\b", _I)
_NEEDED = re.compile(r"\b(?:is|are|was|were|remains?)\s+(?:still\s+|very\s+|too\s+)?(?:needed|required|warranted|necessary|under\s*way|ongoing|planned|limited|mixed"
                     r"|scarce|lacking|sparse|inconclusive|thin|weak)\b", _I)
_NEGATED = re.compile(r"\b(?:no|not|never|none|neither|nor|cannot|can't|haven't|hasn't|didn't|don't|doesn't|isn't|aren't|few|little)\b"
                      r"(?:\s+[\w-]+){0,3}\s*$", _I)

# ---- what counts as a source ----------------------------------------------------------------
_YEAR_STUDY = re.compile(r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,3}?(?:study|studies|trial|trials|review|paper|survey|analysis"
                         r"|meta-analysis|report|experiment|cohort)\b|\((?:[^()]{0,40}[\s,])?(?:19|20)\d\d[a-z]?\)"
                         r"|\b(?:in|from|since|during)\s+(?:\w+\s+)?(?:19|20)\d\d\b", _I)
_FOOTNOTE = re.compile(r"\(\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\)|\[\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]"
                       r"|(?<=[a-z)][.,])\d{1,3}(?=\s|$)|\bref(?:erence)?s?\.?\s*\d")
_PERSON = re.compile(r"\b(?:Dr|Prof|Professor|Drs)\.?\s+[A-Z][\w'’-]+|\b[A-Z][a-z'’-]+\s+(?:[A-Z]\.\s*)?[A-Z][a-z'’-]+(?:,\s+(?:a|an|the|who|lead"
                     r"|senior|professor|director|chief|head|author|researcher)\b|\s+(?:and\s+colleagues|and\s+his|and\s+her|et\s+al"
                     r"|said|says|told|explained|noted|found|reported|wrote|of\s+the|at\s+the|from\s+the))|\bet\s+al\b")
_ORGANISATION = re.compile(r"\b(?:the\s+)?(?:[A-Z][\w'’&-]+\s+){1,6}(?:Foundation|Society|Association|Institute|Institutes|University"
                           r"|College|Hospital|Clinic|Centre|Center|Council|Agency|Administration|Organi[sz]ation|Collaboration"
                           r"|Consortium|Group|Academy|Board|Department|Ministry|Service|Trust|Network|Journal|Review|Laboratory|Lab|Panel"
                           r"|Committee|Commission|Task\s+Force|Registry|Biobank|Study)\b"
                           r"|\b(?:Laboratory|Institute|University|Centre|Center|School|Department|College|Hospital|Faculty|Division)\s+"
                           r"(?:of|for)\s+[A-Z]|\b(?:published|run|led|conducted|funded|carried\s+out)\s+by\s+(?:the\s+)?(?:same\s+)?[A-Z]"
                           r"|\b(?:study|report|review|analysis|survey|trial|paper|research)\s+(?:by|from)\s+(?:the\s+)?[A-Z]"
                           r"|\b(?:NIH|CDC|WHO|FDA|NHS|NICE|EFSA|AHA|ACS|ADA|USDA|Cochrane|Harvard|Stanford|Yale|Oxford|Cambridge"
                           r"|Mayo|Johns\s+Hopkins|MIT|UCLA|UCSF|Karolinska)\b|\b(?:published|appeared|reported)\s+(?:online\s+)?in\s+"
                           r"(?:the\s+)?(?:journal\s+)?[A-Z]|\bjournal\s+[A-Z]")
_LINK = re.compile(r"\]\(|<a\s|href=|https?://|www\.|\bdoi\b|10\.\d{4,}/|\bPMID\b|\bPMC\d", _I)
_SPEECH_TAG = re.compile(r"(?:,|[\"”'’])\s*(?:he|she|they)\s+(?:said|says|added|explained|noted|told|argued|wrote|warned|continued)\b"
                         r"|\b(?:he|she)\s+(?:said|says|added|explained|noted|told)\b", _I)
_NAMED_TAG = re.compile(r"\b(?!(?:Studies|Research|Experts|Scientists|Researchers|Doctors|Science|Evidence|Many|Most|Some)\b)"
                        r"[A-Z][\w'’-]+\s+(?:said|says|told|tells|added|explained|noted|wrote|writes|argued|cautioned)\b")
# the study's own researchers, speaking: "..., researchers say", "according to researchers"
_RESEARCHERS_SAY = re.compile(r"^(?:according\s+to\s+)?(?:the\s+)?(?:researchers|scientists|authors|investigators|study\s+authors)"
                              r"(?:\s+(?:say|said|says|think|thinks|believe|believes|suggest|suggests|suggested|note|noted|caution"
                              r"|cautioned|explain|explained|report|reported|add|added|conclude|concluded|write|wrote|warn|warned)\b|$)", _I)
# the news convention: "A new study finds ..." in the opening, the study named further down
_RESEARCHERS_FOUND = re.compile(r"(?:the\s+)?(?:researchers|scientists|investigators|doctors)\s+(?:have\s+)?(?:found|discovered"
                                r"|developed|identified|created|built|designed|shown)\b", _I)
_SOME = re.compile(r"\b(?:some|many|other|most|several|few)\s+$", _I)  # researchers in general, not the study's
_SINGLE_NEW_STUDY = re.compile(r"\b(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:new|recent|latest)\s+(?:[\w-]+\s+){0,2}?(?:study|trial|paper"
                               r"|report|review|analysis)\b", _I)
_EMPHATIC = re.compile(r"\b(?:confirm\w*|prove\w*|proven|demonstrat\w+|establish\w*)\b", _I)  # not the neutral "suggests"
_NEW_STUDY = re.compile(r"\b(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:new|recent|latest|just-published|newly\s+published)\s+(?:[\w-]+\s+){0,2}?(?:study|trial"
                        r"|review|analysis|report|survey|paper)|\b(?:new|recent|latest)\s+(?:research|findings|data|studies)\b", _I)
_QUIET_ROLES = frozenset({"quote", "attributed", "question", "caveat", "plan"})


_CONNECTIVE = re.compile(r"^(?:But|And|So|Yet|Still|Also|Now)\s+")  # "But he cautions": a capital, but no name


def sourced(a: ArticleAnalysis, i: int, person: bool = True) -> bool:
    """Does sentence ``i`` name a source: a person (unless not ``person``), an institution, a journal, a year, a footnote,
    a link or a DOI?"""
    s = a.sentences[i]
    if s.facts.citations or person and s.role == "attributed" and re.search(r"[A-Z]", _CONNECTIVE.sub("", s.source or "")) and not re.match(
            r"(?:the\s+)?(?:authors?|researchers|scientists|team|experts)\b", s.source or "", _I):
        return True  # "..., said Dr Ruiz", not "..., the authors cautioned"
    text = a.text_of(i)
    if _YEAR_STUDY.search(text) or _FOOTNOTE.search(text) or person and _PERSON.search(text) or _ORGANISATION.search(text):
        return True
    lo, hi = a.doc.source_span(s.start, s.end)
    nxt = a.doc.source[hi : hi + 3]  # a footnote or a link right after the sentence's last word
    return bool(_LINK.search(a.doc.source[lo:hi]) or re.match(r"\s?(?:\[\d|\(\d|<sup|\^)", nxt))


_PLURAL_RESEARCH = re.compile(r"(?:[\w-]+\s+){0,2}?(?:studies|research|trials|experiments)\b", _I)
_BACK_REFERENCE = re.compile(r"\b(?:further|a\s+second|the\s+second|a\s+third|the\s+third|the\s+other|one\s+of\s+the|the\s+same"
                             r"|both|(?:the\s+)?follow-up)\s+(?:[\w-]+\s+)?(?:stud(?:y|ies)|research|trials?|analys[ie]s|experiments?)\b", _I)


_STUDY_PERSON = re.compile(r"\b(?:study|lead|senior|principal)\s+(?:author|researcher|investigator|scientist)\b"
                           r"|\b(?:who|which)\s+led\s+the\s+(?:study|research|trial|work)\b", _I)


def _source_near(a: ArticleAnalysis, i: int, other: bool, studies: bool = False) -> bool:
    """A source in sentence ``i``, the next one, or (unless the claim is about ``other`` research: "previous
    studies") an earlier one of its paragraph that introduces a study."""
    n = len(a.sentences)
    if sourced(a, i) or i + 1 < n and a.sentences[i + 1].position != "chrome" and sourced(a, i + 1, person=not studies):
        return True  # ("Studies show ..." is not sourced by a person speaking next, only by a study named)
    if not other and i > 0 and a.sentences[i - 1].position in ("lede", "body") and sourced(a, i - 1) \
            and _STUDY_PERSON.search(a.text_of(i - 1)):
        return True  # the sentence before names the study's researcher: '"...," says study researcher Irva Hertz-Picciotto.'

    if _BACK_REFERENCE.search(a.text_of(i)) and any(
            (a.sentences[j].study is not None or a.sentences[j].role in ("reported", "method")) and sourced(a, j) for j in range(i)):
        return True  # "A second study showed ...", "Further research found ...": of the studies the article named
    if other:
        return False
    block = a.block_of(i)
    j = i - 1
    while j >= 0 and a.block_of(j) == block and i - j <= 3:
        if (a.sentences[j].study is not None or a.sentences[j].role in ("reported", "method")) and sourced(a, j):
            return True
        j -= 1
    return False


def _opening(a: ArticleAnalysis) -> set[int]:
    """The headline and the first three paragraphs of the article (after any breadcrumb or byline)."""
    found = a.doc.derived.get("unattributed-claim:opening")
    if found is None:
        found, paragraphs = set(), []
        for s in a.sentences:
            if s.position in ("title", "deck"):
                found.add(s.index)
            elif s.position in ("lede", "body") and len(a.text_of(s.index).split()) >= 6 or s.position == "lede" and paragraphs:
                b = a.block_of(s.index)
                if b not in paragraphs:
                    if len(paragraphs) == 3:
                        break
                    paragraphs.append(b)
                found.add(s.index)
        a.doc.derived["unattributed-claim:opening"] = found
    return found  # type: ignore[no-any-return]


_ONE_STUDY = re.compile(r"\b(?:a|the|this|one)\s+(?:[\w-]+\s+){0,3}?(?:study|trial|analysis|review|survey|report|experiment)\b"
                        r"|\b(?:new|recent|latest)\s+(?:research|findings|data)\b|\bresearchers\b", _I)


def _report_facts(a: ArticleAnalysis) -> tuple[int | None, bool]:
    """The first sentence of the opening that reports a study (None: none), and whether a later one describes how it
    was done (who took part, how many, what the researchers did)."""
    found = a.doc.derived.get("unattributed-claim:report")
    if found is None:
        opening = [i for i in sorted(_opening(a)) if a.sentences[i].study is not None or _ONE_STUDY.search(a.text_of(i))]
        first = opening[0] if opening else None
        described = any((first is None or s.index > first) and (
            s.study is not None or s.role == "method" or s.facts.sample_size or s.facts.designs or s.has("roles", "method")
            or re.match(r"\W*(?:the\s+)?(?:researchers|investigators|scientists|the\s+team|the\s+authors|participants|they)\b",
                        a.text_of(s.index), _I)) for s in a.sentences if s.position in ("body", "lede"))
        found = a.doc.derived["unattributed-claim:report"] = (first, described)
    return found  # type: ignore[no-any-return]


def reports_a_study(a: ArticleAnalysis) -> bool:
    """Is the article a report of one study: its opening reports a finding and later sentences describe how it was done?"""
    first, described = _report_facts(a)
    return first is not None and described


_PUBLISHED = re.compile(r"\b(?:the|this|that|their)\s+(?:new\s+)?(?:study|trial|research|findings|paper|results|report|analysis|review)"
                        r"\b[^.;]{0,80}?\b(?:(?:was|were|is|are)\s+)?(?:published|appeared|appears|reported|presented)\s+(?:online\s+)?"
                        r"(?:in|at)\s+(?:the\s+)?(?:journal\s+)?(?-i:[A-Z])", _I)


def names_its_study(a: ArticleAnalysis) -> bool:
    """Does the article say where the study it reports was published ("The study was published in Diabetes Care")?"""
    found = a.doc.derived.get("unattributed-claim:named")
    if found is None:
        found = any(_PUBLISHED.search(a.text_of(j)) for j, s in enumerate(a.sentences) if s.position != "chrome")
        a.doc.derived["unattributed-claim:named"] = found
    return found  # type: ignore[no-any-return]


def _claim(a: ArticleAnalysis, s: SentenceAnalysis, text: str) -> tuple[int, int, str] | None:
    """The first unsourced appeal to research or authority in sentence ``text``: (start, end, kind)."""
    low = a.low[s.start : s.end]
    sources = {t.kind for t in s.terms if t.lexicon == "sources"}
    for kind, rx_ in _TRIGGERS:
        if kind in _NEEDS_TERM and sources.isdisjoint(_NEEDS_TERM[kind]) or kind in _NEEDS_HEAD and not s.has("pattern_heads", kind):
            continue  # the pattern needs a word the sentence does not have
        for m in rx_.finditer(low):
            at = m.start()
            words_ = text[m.start() : m.end()]
            before = low[max(0, at - 40) : at]
            named = _NAMED_BEFORE.search(before)
            if named and kind in ("research", "study", "authority") and not _relative_clause(named.group(0), before, low, m.end()) and not (
                    named.group(0).startswith("that") and re.search(r"\b(?:is|was|are|were|say|says|said|know|knows|think|thinks"
                                                                    r"|mean|means|show|shows|note|notes|found|find|believe|suggest"
                                                                    r"|suggests|claim|claims|fact|so)\s+$", before[: named.start()])):
                continue  # "the study found", "these researchers say": a study named before (not "is that studies show")
            if kind in ("research", "study") and re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\b", " ".join(words_.split()[1:-1])) \
                    and not s.headline and s.position != "heading":
                continue  # someone named does the research: "Doing research online, Amy Price discovered ..."
            if kind == "study" and not s.headline and s.position != "heading" and _names_its_maker(words_):
                continue  # "A Gallup survey found", "a Cochrane review concluded": who made it is named
            if kind == "research" and _RESEARCH_VERB.search(before):
                continue  # research done, not cited: "I challenge you to research and prove it"
            start_of_line = not re.search(r"\w", text[:at]) or text[:at].rstrip(" ").endswith(("\n", ".", ":", ";", "!", "?", "\u2022"))
            if kind in ("research", "study", "authority") and not start_of_line and not s.headline and s.position != "heading" and (
                    words_[:1].isupper() or re.search(r"[A-Z][\w'’-]*\s+$", text[:at]) and not re.search(r"(?:^|[.:;!?\n]\s*)[A-Z][\w'’-]*\s+$", text[:at])):
                continue  # part of a name: "the Cholesterol Treatment Trials Collaboration found"
            if _in_quotes(text, at):
                continue  # a mention: 'Be wary of phrases such as "studies show"'

            if _NOT_A_CLAIM_BEFORE.search(before) or _NEGATED.search(before):
                continue  # "whether studies show", "no study has shown", "we need studies that show"
            span = low[at : m.end() + 30]
            if _GENERAL.search(low[at : m.end() + 5]) or _NEEDED.search(span[: len(words_) + 25]):
                continue  # "an observational study can show", "further studies are needed"
            return m.start(), m.end(), kind
    return None


# "a reaction that research indicates is linked to clotting", "foods which studies show can lower cholesterol": the research
# is cited inside a relative clause whose verb follows it, not named before
_CLAUSE_VERB = re.compile(r"\s+(?:also\s+|often\s+|actually\s+)?(?:is|are|was|were|can|could|may|might|will|would|does|do|has|have"
                          r"|had|helps?|plays?|raises?|lowers?|reduces?|increases?|causes?|leads?|protects?|boosts?|works?)\b")


def _relative_clause(named: str, before: str, low: str, end: int) -> bool:
    return named.startswith(("that", "which")) and bool(re.search(r"[a-z]\s+$", before[: len(before) - len(named)])) \
        and bool(_CLAUSE_VERB.match(low, end))


_RESEARCH_VERB = re.compile(r"\b(?:to|you|we|i|they|must|should|can|could|please)\s+$", _I)
# capitalised words of a study's phrase that say where it was done, not who made it
_PLACE_WORDS = frozenset({"new", "recent", "government", "national", "federal", "state", "uk", "us", "u.s.", "usa", "eu", "nhs",
                          "european", "america", "britain", "england", "china", "india", "africa", "asia", "europe", "japan",
                          "canada", "australia", "france", "germany", "italy", "spain", "scotland", "wales", "ireland"})
_STUDY_NOUN = re.compile(r"(?:study|trial|experiment|review|paper|survey|analysis|meta-analysis|report)$")
_DEMONYM = re.compile(r"(?:an|ese|ish|ch|i|ic)$")  # American, Chinese, Danish, French, Israeli, Nordic


def _names_its_maker(words_: str) -> bool:
    """The study phrase names who made it between its article and its noun: "A Gallup survey found", "an NIH
    report showed"; not a nationality or a place ("a Chinese study", "a UK survey") nor "A" at a sentence's start."""
    for w in words_.split()[1:]:
        w = w.strip(",'’")
        if _STUDY_NOUN.match(w.lower()):
            return False  # past the noun: "a study of Medicare claims" names what was studied
        if w[:1].isupper() and w.lower() not in _PLACE_WORDS and not (w.istitle() and _DEMONYM.search(w.lower())):
            return True
    return False


def _in_quotes(text: str, at: int) -> bool:
    before = text[:at]
    return sum(before.count(q) for q in "\"“”") % 2 == 1 or before.count("‘") > before.count("’")


def _headline_without_claim(s: SentenceAnalysis, text: str) -> bool:
    return s.position in ("heading", "deck", "title") and (s.frame is None or not s.frame.states_effect) and len(text.split()) <= 6


@dataclass(slots=True)
class Candidate:
    """An unsourced appeal to research: sentence, prose span, words, and what in the rest of the article would
    excuse it (``report``: the article turns out to report the study; ``named``: it says where that study was
    published)."""

    sentence: int
    start: int
    end: int
    words: str
    excused_by: frozenset[str]


def candidates(a: ArticleAnalysis) -> list[Candidate]:
    """Each of the writer's unsourced appeals to research or experts, with what could still excuse it."""
    out = []
    for s in a.sentences:
        if s.position == "chrome" or s.role in _QUIET_ROLES:
            continue
        text = a.text_of(s.index)
        found = _claim(a, s, text)
        if found is None:
            continue
        if _SPEECH_TAG.search(text) or _NAMED_TAG.search(text) or _headline_without_claim(s, text):
            continue  # "..., she said" after a named speaker; "What Studies Say"
        at, end, kind = found
        claim_words = normalise(text[at:end])
        other = bool(re.match(r"(?:previous|earlier|past|prior|other|older)\b", claim_words))
        if _source_near(a, s.index, other, studies=kind == "research" and bool(_PLURAL_RESEARCH.match(claim_words))):
            continue
        if not _about_health(a, s, normalise(text), True):
            continue  # "Experts say Van Dyck's portrait captures the vanity of the king": not a health claim
        if kind in ("study", "research") and re.search(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:study|trial|analysis|review)\b",
                                                      normalise(text[:at]), _I):
            continue  # "The Finnish study involved 1,031 men who were part of a larger study ...": the study described
        excused: set[str] = set()
        if kind in ("authority", "according") and _RESEARCHERS_SAY.match(claim_words) and not _SOME.search(text, 0, at):
            excused.add("report")  # "..., researchers say" in a report of a study: its researchers (not "some researchers")
        if s.index in _opening(a) and not other and (_NEW_STUDY.search(claim_words) or kind in ("study", "shown") or s.headline
                                                     or _RESEARCHERS_SAY.match(claim_words) or _RESEARCHERS_FOUND.match(claim_words)) \
                and not _EMPHATIC.search(claim_words):
            excused.add("report")  # "A new study finds ...": the opening of a report that describes the study further down
        if _SINGLE_NEW_STUDY.search(claim_words):
            excused.add("named")  # "A new study found ..." and, later, "The study was published in Diabetes Care"
        out.append(Candidate(s.index, s.start + at, s.start + end, " ".join(text[at:end].split()), frozenset(excused)))
    return out


def _excused(c: Candidate, a: ArticleAnalysis) -> bool:
    """Does the rest of the article excuse ``c`` (worked out only for a candidate it could excuse)?"""
    return "report" in c.excused_by and reports_a_study(a) or "named" in c.excused_by and names_its_study(a)


def _message(words_: str) -> str:
    return (f"\"{words_}\" cites research or experts without naming them: add the source (the study's authors, journal "
            f"and year, the institution, or a link) in this or the next sentence, so readers can check it")


@register("unattributed-claim")
def unattributed_claim(doc: "Document", analysis: "DocumentAnalysis", params: dict[str, Any], options: dict[str, Any],
        ) -> Iterator[Hit]:
    a = analysis.article
    for c in candidates(a):
        if not _excused(c, a):
            yield Hit(c.start, c.end, message=_message(c.words))
