"""What the evidence checks share: which sentences are claims, and how to name the evidence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..analyse.article import ArticleAnalysis, SentenceAnalysis
from ..analyse.topics import stems

if TYPE_CHECKING:
    from ..analyse.evidence import Study

CLAIM_POSITIONS = frozenset({"title", "deck", "lede", "body", "heading"})


def effect_claims(a: ArticleAnalysis) -> list[SentenceAnalysis]:
    """The writer's own sentences that state an effect (headlines included); worked out once per document
    (animal-extrapolation, causal-from-association and subgroup-generalization all ask)."""
    found = a.doc.derived.get("claims:effect")
    if found is not None:
        return found  # type: ignore[no-any-return]
    out = []
    about_condition = -1  # the paragraph that has told what a disease does
    for s in a.sentences:
        if s.position not in CLAIM_POSITIONS or s.frame is None or not s.frame.states_effect:
            continue
        if s.frame.exposure_kind == "condition":
            about_condition = a.block_of(s.index)
            continue  # what a disease does ("Heart disease kills one in four"): background, not a claim about a study
        if about_condition == a.block_of(s.index) and s.frame.exposure_kind in ("", "pronoun"):
            continue  # goes on about that disease ("In gout, crystals inflame the joint. This causes pain.")
        if not (s.writers_claim or s.role == "attributed" and s.position in ("title", "deck", "lede")):
            continue  # someone else's claim (a lede that credits its claim to someone is still the article's framing)
        if _KNOWN.search(a.text_of(s.index)):
            continue  # "It's well known that fibre prevents constipation": settled background, not the study's result
        if s.frame.predicate and _ASKED.search(a.doc.text, s.start, s.frame.predicate[0]):
            continue  # "The study tested whether chelation could reduce heart attacks": the question a study asked
        if _A_ROLE.search(s.frame.predicate_text):
            continue  # "plays a role in": a part in a mechanism, not an effect a study could show
        if s.frame.predicate and _TREAT.match(s.frame.predicate_text) and _PRACTICE.search(
                a.doc.text, max(s.start, s.frame.predicate[0] - 80), s.frame.predicate[0]):
            continue  # "For decades, doctors have treated it with pills": what clinicians do, not an effect claimed
        out.append(s)
    a.doc.derived["claims:effect"] = out
    return out


def told_by_the_team(a: ArticleAnalysis) -> list[SentenceAnalysis]:
    """Body sentences that tell the study's result in its team's name ("The team reports that the diet rebuilds
    worn-out muscle", "..., the researchers found"): how the article states the result, so judged like its own."""
    return [s for s in a.sentences if s.role == "attributed" and s.position == "body" and s.frame is not None
            and s.frame.strength == "causal" and not s.frame.hedged and _THE_TEAM.search(s.source or "")]


# the study's own team reporting its result ("the team reports", "the researchers found"), not someone's remark ("he said")
_THE_TEAM = re.compile(r"\b(?:the|their|its)\s+(?:research\s+)?(?:team|researchers|scientists|authors|investigators|study|paper)"
                       r"\s+(?:\w+\s+)?(?:reports?|reported|found|finds|shows?|showed|concludes?|concluded|writes?|wrote)\b",
                       re.IGNORECASE)
_KNOWN = re.compile(r"\b(?:well[-\s]known|well[-\s]established|long\s+been\s+known|(?:is|was|are|were)\s+(?:\w+\s+)?known\s+that"
                    r"|(?:growing|general|scientific|broad|medical)\s+(?:\w+\s+)?consensus|we\s+(?:have\s+)?(?:long\s+)?know[n]?\s+"
                    r"(?:for\s+\w+\s+)?that|(?:textbook|common)\s+knowledge|(?:key|important|worth)\s+(?:to\s+)?(?:remember|remembering|bearing\s+in\s+mind)\s+that)\b",
                    re.IGNORECASE)
_PRACTICE = re.compile(r"\b(?:doctors|physicians|gps|clinicians|surgeons|hospitals|clinics|nurses|specialists|dermatologists"
                       r"|cardiologists|oncologists|psychiatrists|dentists|vets|veterinarians)\s+(?:(?:have|had|has|are|were|now|often"
                       r"|usually|typically|commonly|long|generally|still|also|traditionally|routinely|mostly|sometimes)\s+){0,3}$",
                       re.IGNORECASE)
_TREAT = re.compile(r"(?:treat|manag|prescrib|cur)", re.IGNORECASE)
_ASKED = re.compile(r"\b(?:test(?:ed|s|ing)?|examin\w+|investigat\w+|studied|ask(?:ed|s)?|explor\w+|look(?:ed|s)?\s+at|to\s+see"
                    r"|find\s+out|learn|know|determine|assess\w*|check(?:ed|s)?)\s+(?:whether|if)\b[^.;:]*$", re.IGNORECASE)
_A_ROLE = re.compile(r"\bplay(?:s|ed|ing)?\s+(?:a|an|no|any|the)?\s*(?:\w+\s+)?role\b", re.IGNORECASE)


def where(a: ArticleAnalysis, ev: "Study") -> str:
    return f"line {a.line_of(ev.sentence)}"


_PAST_FORMS = frozenset("cut fell rose grew made lost gave saw did had was were led kept took ate ran slept drank showed "
                        "brought fought sought began became felt held left met paid put set shut spread stood won".split())


def continues_study(a: ArticleAnalysis, s: SentenceAnalysis, ev: "Study") -> bool:
    """The evidence comes earlier in the claim's own paragraph, and the claim names no people:
    it goes on describing that study ("In mice, ... It also eased withdrawal.")."""
    if not (ev.sentence < s.index and a.block_of(ev.sentence) == a.block_of(s.index) and not s.has("evidence", "people")):
        return False
    f = s.frame  # a result of that study: past tense or "it", "they"; "Magnesium restores deep sleep" is a new, general claim
    word = (f.predicate_text.split() or [""])[0].lower() if f is not None else ""
    return f is None or f.exposure_kind == "pronoun" or word.endswith("ed") or word in _PAST_FORMS


def evidence_for(a: ArticleAnalysis, s: SentenceAnalysis, dominant: "Study | None", *, on_topic: bool = True,
                 fallback: bool = False) -> "Study | None":
    """The study a claim rests on: the article's for a headline or lede (when its evidence is all of
    one kind), else the nearest one (on the claim's topic, with ``on_topic``); with ``fallback``,
    the article's when no study is near."""
    topic = a.text_of(s.index) if on_topic else None
    if s.position in ("title", "deck", "lede"):
        return dominant or a.profile.nearest(s.index, topic=topic)
    near = a.profile.nearest(s.index, topic=topic)
    if near is not None and a.profile.main is None and a.block_of(near.sentence) != a.block_of(s.index):
        return None  # an article about no study in particular: only a study in the claim's own paragraph counts
    if near is None and fallback and dominant is not None and (topic is None or shares_subject(a, s, dominant.sentence)):
        return dominant
    if near is not None and topic is not None and not _adjacent(a, near.sentence, s.index) \
            and not shares_subject(a, s, near.sentence) and not subject_named_in(a, s, near.sentence):
        return None  # a study paragraphs away counts only when it is about the claim's product, outcome or subject
    return near


def _adjacent(a: ArticleAnalysis, j: int, i: int) -> bool:
    """Study sentence ``j`` is in claim ``i``'s paragraph or the paragraph just before or after it."""
    return abs(a.block_of(j) - a.block_of(i)) <= 1


_SUBJECT_LEXICONS = frozenset({"products", "drugs", "conditions"})
_VAGUE = frozenset({"generic", "risk", "measure"})
_BY_KIND = frozenset({"death", "life"})


_OTHER_STUDY = re.compile(r"\b(?:(?i:another|a\s+separate|a\s+different|an\s+earlier|a\s+previous|a\s+prior|an\s+older|one|a\s+(?:second|third|further|follow-up))"
                          r"|[Aa]n?\s+(?:[A-Z][a-z]+|(?:19|20)\d\d))\s+(?:\w+\s+){0,2}?(?i:study|trial|analysis|review|experiment|paper)\b"
                          r"|\b(?i:study|trial|analysis|review|experiment|paper)\s+(?:\w+\s+){0,3}?(?i:last\s+year|in\s+(?:19|20)\d\d"
                          r"|earlier\s+this\s+year|\w+\s+years\s+ago)\b"
                          # "In August, a study by ... found": a study dated apart from the article's
                          r"|^\W*(?i:in|last|this|earlier\s+this)\s+(?i:january|february|march|april|may|june|july|august|september|october"
                          r"|november|december|spring|summer|autumn|fall|winter)\b,?\s+(?i:a|an|one)\s+(?:\w+\s+){0,2}?"
                          r"(?i:study|trial|analysis|review|paper)\b")


def cites_another_study(a: ArticleAnalysis, s: SentenceAnalysis) -> bool:
    """The sentence reports a study of its own, other than the article's ("A Spanish study found that ...",
    "Another trial showed ..."): what it claims rests on that study, whose design it does not give."""
    return s.role == "reported" and bool(_OTHER_STUDY.search(a.text_of(s.index)))


# "Several studies have found", "previous research shows"; "researchers have found", "scientists have long known":
# research other than the article's own, or research in general
_OTHER_RESEARCH = re.compile(r"\b(?:studies|trials|(?:previous|earlier|prior|past|other|older|existing)\s+(?:\w+\s+)?"
                             r"(?:research|work|evidence|study|trial))\b", re.IGNORECASE)
_GENERAL_RESEARCH = re.compile(r"(?<!\bthe\s)\b(?:researchers|scientists|doctors|experts)\s+have\s+(?:long\s+|already\s+)?"
                               r"(?:found|shown|known|established|discovered|observed)\b", re.IGNORECASE)
# "Prior studies have shown dietary fiber can protect against colorectal cancer": other research, as the sentence's subject
_OTHER_OPENING = re.compile(r"^\W*(?:(?:prior|previous|earlier|past|other|many|several|some|numerous|recent)\s+)?(?:studies|research|trials)"
                            r"\s+(?:have\s+|has\s+|had\s+)?(?:also\s+|long\s+|consistently\s+)?(?:shown|found|suggested|linked|indicated"
                            r"|demonstrated|show|suggest)\b", re.IGNORECASE)
# "Experts agree that pets are good for your heart": what experts in general hold, not a study's finding
_EXPERTS_AGREE = re.compile(r"^\W*(?:(?:most|many|some|other|health|medical)\s+)?(?:experts|doctors|scientists|nutritionists|dietitians"
                            r"|specialists)\s+(?:\w+\s+)?(?:agree|say|believe|think|recommend|suggest|advise|maintain)\b", re.IGNORECASE)
_BACK = re.compile(r"\W*(?:the|that|this)\s+(?:research|study|team|researchers|findings|authors|work|paper)\b", re.IGNORECASE)


def other_research(a: ArticleAnalysis, s: SentenceAnalysis) -> bool:
    """The sentence tells what other research, or research in general, found ("A Spanish study found that ...",
    "Several studies have shown ...", "Scientists have long known ..."), or goes on about a study the sentence before
    cited ("A 2016 study showed ... The research also found that ..."): its claim is not the article's study's."""
    text = a.text_of(s.index)
    if cites_another_study(a, s) or s.role == "reported" and _OTHER_RESEARCH.search(text) or _GENERAL_RESEARCH.search(text) \
            or _OTHER_OPENING.match(text) or _EXPERTS_AGREE.match(text):
        return True
    return s.role == "reported" and bool(_BACK.match(text)) and s.index > 0 and a.block_of(s.index - 1) == a.block_of(s.index) \
        and cites_another_study(a, a.sentences[s.index - 1])


def names_exposure_near(a: ArticleAnalysis, s: SentenceAnalysis, j: int, *, besides: bool = False) -> bool:
    """The claim's product or drug (if it names one) is named near study sentence ``j`` too: "statins lower
    cholesterol" does not rest on a survey of coffee drinkers. With ``besides``, the claim itself does not count."""
    f = s.frame
    if f is None or f.exposure is None or f.exposure.lexicon not in ("products", "drugs") or j == s.index:
        return True
    # any product or drug of the claim's subject: "NSAIDs, like ibuprofen and aspirin, ..." is about all three
    mine = {t.text for t in s.terms if t.lexicon in ("products", "drugs") and t.end <= f.predicate[0]} if f.predicate else set()
    return any(t.text in (mine or {f.exposure.text}) for k in a.around(j) if not (besides and k == s.index)
               for t in a.sentences[k].terms)


def told_beside(a: ArticleAnalysis, s: SentenceAnalysis, study: "Study") -> bool:
    """Reported finding ``s`` comes right before the sentence that describes ``study`` ("A study has found that
    NSAIDs put people's health at risk. Researchers looked at ten million people who took the drugs."):
    the finding is that study's."""
    return study.sentence == s.index + 1 and a.block_of(study.sentence) - a.block_of(s.index) <= 1


def subject_on_topic(a: ArticleAnalysis, s: SentenceAnalysis, j: int) -> bool:
    """The words before the claim's verb (its subject) share a content word with study sentence ``j``'s
    paragraph or the page's headline and lede; a pronoun or an empty subject stands for the study's
    ("It reverses fibrosis"). "Losing weight and staying active remain the main ways to manage it" is
    about something else than a drug tested in mice."""
    f = s.frame
    if f is None or f.predicate is None:
        return True
    subject = a.doc.text[s.start : f.predicate[0]]
    words = stems(subject)
    if not words or f.exposure_kind == "pronoun" or _THE_INTERVENTION.match(subject):
        return True
    # (a claim in the study's own paragraph must find its subject there: "Sibutramine raises blood pressure" beside a study
    # of another drug is not on the study's topic because the page's lede names sibutramine)
    same = a.block_of(s.index) == a.block_of(j)
    context = " ".join(a.text_of(k) for k in a.around(j) if k != s.index and not (same and a.sentences[k].position in _HEADS))
    return bool(words & stems(context))


_HEADS = frozenset({"title", "deck", "lede"})


# "The therapy restores pumping strength": the study's intervention, named by what it is
_THE_INTERVENTION = re.compile(r"^\W*(?:the|this|that|these)\s+(?:new\s+|experimental\s+)?(?:therapy|treatment|drug|compound|molecule"
                               r"|pill|vaccine|jab|injection|extract|gene\s+therapy|medicine|remedy|supplement|capsule|powder|treat"
                               r"|snack|drink|brew|spice|herb|fruit|berry|berries|root|seed|vegetable|juice|tea|oil)s?\s*$", re.IGNORECASE)


def subject_in(a: ArticleAnalysis, s: SentenceAnalysis, j: int) -> bool:
    """The claim's subject (the words before its verb) shares a content word with sentence ``j`` itself:
    "Fasting rejuvenates your cells. In mice, fasting every other day ..."."""
    f = s.frame
    if f is None or f.predicate is None:
        return False
    return bool(stems(a.doc.text[s.start : f.predicate[0]]) & _stems_of(a, j))


def _stems_of(a: ArticleAnalysis, j: int) -> set[str]:
    """The content words of sentence ``j`` (a study sentence many claims of a long page ask about), found once."""
    key = f"claims:stems:{j}"
    found = a.doc.derived.get(key)
    if found is None:
        found = a.doc.derived[key] = stems(a.text_of(j))
    return found  # type: ignore[return-value]


def subject_named_in(a: ArticleAnalysis, s: SentenceAnalysis, j: int) -> bool:
    """The claim's subject is a few words of its own ("Skipping breakfast leads to ...", not "It leads to ...") that study
    sentence ``j`` itself names ("asked pupils how often they ate breakfast")."""
    f = s.frame
    if f is None or f.predicate is None or f.exposure_kind == "pronoun":
        return False
    return len(a.doc.text[s.start : f.predicate[0]].split()) <= 4 and subject_in(a, s, j)  # a short subject, not a clause


def shares_subject(a: ArticleAnalysis, s: SentenceAnalysis, j: int) -> bool:
    """The claim names a product, drug, condition or outcome that study sentence ``j``'s paragraph (or the
    paragraphs next to it, or the page's headline and lede) names too: the study is about what the claim is about."""
    def named(t) -> bool:
        return t.lexicon in _SUBJECT_LEXICONS or t.lexicon == "outcomes" and t.kind not in _VAGUE
    def key(t) -> str:
        return t.kind if t.kind in _BY_KIND else t.text  # "dying", "died", "deaths": one subject
    mine = {key(t) for t in s.terms if named(t)}
    if not mine:  # nothing the lexicons know: its words must be the study's
        return a.profile.on_topic(a.text_of(s.index), j)
    return any(key(t) in mine for k in a.around(j) for t in a.sentences[k].terms if named(t))


_TAKEAWAY = re.compile(r"\b(?:means?|bottom\s+line|take-?aways?|upshot|verdict|what\s+(?:you\s+can|to)\s+do|should\s+you"
                       r"|for\s+you|advice|tips)\b", re.IGNORECASE)


def takeaway_section(a: ArticleAnalysis, section: int) -> bool:
    """Section ``section`` opens with a heading that draws the lesson for the reader ("What this means for you")."""
    blocks = a.doc.blocks
    head = next((b for b in blocks if b.section == section and b.kind == "heading"), None)
    return head is not None and bool(_TAKEAWAY.search(a.doc.text, head.start, head.end))


# "The bottom line: ...", "The message is simple: ...", "In short, ...": the writer's conclusion from the article's evidence
_TAKEAWAY_LABEL = re.compile(r"^\W*(?:(?:the|my|our)\s+)?(?:bottom\s+line|message|take-?away|take-home(?:\s+message)?|upshot|lesson"
                             r"|verdict)(?:\s+(?:is|here\s+is)\s+(?:simple|clear))?\s*[:\u2014-]|^\W*(?:in\s+short|in\s+a\s+nutshell)\b",
                             re.IGNORECASE)


_LABEL_ALONE = re.compile(r"^\W*(?:(?:the|my|our)\s+)?(?:bottom\s+line|verdict|take-?away|upshot|lesson)\s*[?:.!]?\W*$", re.IGNORECASE)


def takeaway(a: ArticleAnalysis, s: SentenceAnalysis) -> bool:
    """Sentence ``s`` draws the lesson: it stands in a takeaway section or opens with a takeaway's label."""
    if _TAKEAWAY_LABEL.match(a.text_of(s.index)) or takeaway_section(a, a.doc.blocks[a.block_of(s.index)].section):
        return True
    i = s.index - 1  # "The verdict? Weighted blankets improve sleep.": the label told as a question of its own
    return i >= 0 and a.block_of(i) == a.block_of(s.index) and bool(_LABEL_ALONE.match(a.text_of(i)))


def opening_or_takeaway(a: ArticleAnalysis, s: SentenceAnalysis, study: "Study") -> bool:
    """Sentence ``s`` stands where an article states its case, apart from where ``study`` is described: in its opening
    section (before the subheading under which the study is told) or in a takeaway section with no study of its own
    ("Should you eat more blueberries?", "What this means for you")."""
    sents, blocks = a.doc.sentences, a.doc.blocks
    section = blocks[sents[s.index].block].section
    if section == blocks[sents[study.sentence].block].section:
        return False
    if a.lede_block is not None and section == blocks[a.lede_block].section:
        return True
    return takeaway_section(a, section) and not any(blocks[sents[x.sentence].block].section == section for x in a.profile.done)


_EXPOSURE_LEXICONS = frozenset({"products", "drugs"})


def claimed_exposure(a: ArticleAnalysis) -> set[str]:
    """The content words of what the headline and lede claim works (the words before their effect verb)."""
    words: set[str] = set()
    for s in a.sentences:
        if s.position in ("title", "deck", "lede") and s.frame is not None and s.frame.predicate is not None:
            words |= stems(a.doc.text[s.start : s.frame.predicate[0]])
    return words


def tells_what_was_tested(a: ArticleAnalysis, s: SentenceAnalysis, text: str, j: int, tested: set[str]) -> bool:
    """The advice names the product or drug of the study at ``j`` (its paragraph, headline or lede), a word of what the
    headline or lede claims works ("swap your jog for intervals" under "Sprint intervals improve memory"), or a word of
    the study sentence itself ("switch to synthetic-blend socks" after "... assigned recruits to synthetic-blend socks")."""
    key = f"claims:tested:{j}"
    known = a.doc.derived.get(key)
    if known is None:  # once per study: every advice sentence of a long page asks
        study = a.sentences[j]
        named = stems(" ".join(t.text for t in study.terms if t.lexicon in ("outcomes", "conditions", "evidence")))
        near = {t.text for k in a.around(j) for t in a.sentences[k].terms if t.lexicon in _EXPOSURE_LEXICONS}
        known = a.doc.derived[key] = (near, _stems_of(a, j) - named)
    near, words = known  # type: ignore[misc]
    mine = {t.text for t in s.terms if t.lexicon in _EXPOSURE_LEXICONS}
    return bool(mine & near) or bool(stems(text) & (tested | words))
