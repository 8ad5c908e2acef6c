"""Where a sentence stands in the article and what it does there.

*Position*: ``title`` (the article's headline), ``deck`` (headings between the
title and the first paragraph: subtitles, captions), ``heading`` (a section
heading), ``lede`` (the first paragraph's opening sentences), ``body``, or
``chrome`` (navigation and page furniture: "Skip to content", a list of other
stories, "Share this article", related links).

*Role*: what the sentence does. Only ``claim``, ``reported`` and ``hearsay``
are the writer's assertions about effects:

* ``quote`` - quoted or introduced material (a study's or a person's words);
* ``attributed`` - a statement tagged as a named person's or organisation's
  ("..., said Dr Ruiz", "according to the WHO");
* ``hearsay`` - pinned on unnamed authority ("researchers say", "experts agree");
* ``belief`` - a belief or tradition described ("according to traditional medicine",
  "in the belief that it kills the virus");
* ``reported`` - a study's finding reported ("the study found that ...");
* ``question`` - asks (a "how does X cure Y?" question presupposes a claim and
  is a ``claim``);
* ``negated`` - denies or debunks ("there is no evidence that X cures Y");
* ``caveat`` - a limitation ("the study cannot prove cause and effect");
* ``method`` - what researchers did ("Mice were fed a high-fat diet");
* ``plan`` - research still to be done ("The team will test it in people next year");
* ``definition`` - says what something is ("Vitamin C is an antioxidant that...");
* ``advice`` - tells the reader what to do;
* ``hypothetical`` - a supposition ("Imagine a pill that ...", "Let's say you believe that ...");
* ``claim`` - the writer's own statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, AbstractSet, Sequence

from .instructions import imperative_after_colon, is_imperative
from .lexicon import one_of
from .terms import Term, words

if TYPE_CHECKING:
    from ..read.document import Document

# research that "claims that" X: a verb of reporting ("a recent research, which claims that loneliness can put your
# heart at risk"), not claims disputed ("Some labels claim that CBD cures cancer", "claims that X are false")
_RESEARCH_CLAIMS = re.compile(r"\b(?:which|research|study|report|paper|review|researchers|scientists|team|authors)\s+(?:also\s+)?"
                              r"(?:claims?|claimed)\s+that\b", re.IGNORECASE)


def _reports_a_claim(t: str, terms: Sequence[Term]) -> bool:
    """The sentence's only word of debunking is research that "claims that": reporting, not a debunk."""
    debunk = [x.text for x in terms if x.lexicon == "roles" and x.kind == "debunk"]
    return all(w.startswith("claim") for w in debunk) and bool(_RESEARCH_CLAIMS.search(t))


WRITER_ROLES = frozenset({"claim", "reported", "hearsay"})

_CHROME_LINE = re.compile(
    r"^\W*(?:skip to (?:main )?content|skip navigation|share(?: this)?(?: article| story| post| page)?|email this(?: article| story)?"
    r"|print(?: this)?(?: article)?|read more|read next|related(?: content| articles?| stories| posts| reading| links)?"
    r"|more information|more on this|you may also like|you might also like|recommended(?: for you| reading)?|advertisement"
    r"|sponsored|subscribe(?: now)?|sign up|sign in|log in|follow us|back to [\w ]{0,40}|return to [\w ]{0,40}|source|sources"
    r"|posted|tags?|comments?|post a comment|leave a (?:reply|comment)|no comments|click here|see also|menu|home|search"
    r"|contact us|about us|table of contents|references|footnotes|full text.{0,60}|abstract/full text.{0,60}"
    r"|(?:by|by:|written by|reviewed by|medically reviewed by|updated|published|last updated|page last reviewed)\b.{0,80}"
    r"|image:?.{0,60}|photo:?.{0,60}|credit:?.{0,60}|representative image"
    r"|(?:more|read\s+more|related|see\s+also|also\s+read|also\s+see|watch|listen|opinion|advertisement)\s*:.{0,120})\W*$",
    re.IGNORECASE,
)
_RELATED = re.compile(r"^\W*(?:read more|read next|related\b.*|more on this|you may also like|you might also like|see also"
                      r"|recommended(?: for you| reading)?|more from .*|other stories|popular(?: stories| now)?|trending)\W*$",
                      re.IGNORECASE)
_TAIL = re.compile(r"^\W*(?:share(?: this)?(?: article| story| post)?|email this(?: article| story)?|post a comment"
                   r"|leave a (?:reply|comment)|comments?|no comments|you must sign in.*|about the author"
                   r"|notes? (?:to|for) editors?|editors'? notes?|media (?:contacts?|enquiries|inquiries))\W*$", re.IGNORECASE)
# the article's own sign-off: what follows is the site's (its shop, its other books), whatever its length
_SIGN_OFF = re.compile(r"^\W*(?:comment on this (?:article|story|post)|join the (?:discussion|conversation)(?: below| here)?"
                       r"|(?:leave|post) a comment below)\b.{0,80}$", re.IGNORECASE)
# "Wellbeing > Healthy Ageing", "Home » News", "Science | Ageing | Longevity"
_BREADCRUMB = re.compile(r"\w\s+(?:>|»|›)\s+\w|\w\s+([|/])\s+\w.*\w\s+\1\s+\w")
BODY_MIN_WORDS = 12
LEDE_MIN_WORDS = 8  # shorter first lines are bylines, datelines and captions
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'’”)\]*_]*\s*$")


@dataclass(slots=True)
class Placement:
    """Positions of every sentence, and the blocks that hold the title and the lede."""

    positions: list[str]
    title_block: int
    lede_block: int


def _words(text: str) -> int:
    return len(text.split())


def place(doc: "Document") -> Placement:
    """The position of each sentence of ``doc``."""
    blocks = doc.blocks
    text = doc.text
    chrome = [not b.body for b in blocks]
    kinds = [b.kind for b in blocks]
    btext = [text[b.start : b.end] for b in blocks]
    nwords = [_words(t) for t in btext]
    # related-links lists and the page's tail
    related = False
    for i, t in enumerate(btext):
        line = t.strip()
        if _RELATED.match(line):
            chrome[i] = related = True
            continue
        if related:
            if kinds[i] in ("list_item", "heading") or nwords[i] < BODY_MIN_WORDS:
                chrome[i] = True
                continue
            related = False
        if nwords[i] <= 12 and (_CHROME_LINE.match(line) or _BREADCRUMB.search(line)):
            chrome[i] = True
    prose = [not chrome[i] and kinds[i] in ("paragraph", "blockquote") and nwords[i] >= BODY_MIN_WORDS
             for i in range(len(blocks))]
    first_prose = next((i for i in range(len(blocks)) if prose[i]), len(blocks))
    for i in range(first_prose + 1, len(blocks)):
        line = btext[i].strip()
        if _SIGN_OFF.match(line) or _TAIL.match(line) and sum(prose[i + 1 :]) <= 2:  # the page's tail, not a "Comments" link mid-story
            for j in range(i, len(blocks)):
                chrome[j] = True
            break
    first_para = next((i for i in range(len(blocks)) if prose[i]), len(blocks))
    title = -1
    for i in range(min(first_para, len(blocks))):
        if not chrome[i] and kinds[i] == "heading" and nwords[i] >= 3:
            title = i
            break
    if title < 0 and blocks and kinds[0] == "heading" and not chrome[0]:
        title = 0
    if title > 0:  # what comes before the headline (other stories' headlines, breadcrumbs) is page furniture
        for i in range(title):
            if kinds[i] in ("list_item", "heading") or nwords[i] < BODY_MIN_WORDS:
                chrome[i] = True
    # the lede: the first paragraph (or list item: pages copied as bullets) after the headline
    # (a short line that ends no sentence is a dateline: "Health Desk · Filed from the congress, Lisbon")
    first_body = next((i for i in range(title + 1, len(blocks)) if not chrome[i] and kinds[i] != "heading"
                       and nwords[i] >= LEDE_MIN_WORDS and (nwords[i] >= BODY_MIN_WORDS or _ENDS_SENTENCE.search(btext[i]))),
                      len(blocks))
    positions: list[str] = []
    lede_seen: dict[int, int] = {}
    for s in doc.sentences:
        b = s.block
        if chrome[b]:
            pos = "chrome"
        elif b == title:
            pos = "title"
        elif kinds[b] == "heading":
            pos = "deck" if title >= 0 and title < b < first_body else "heading"
        elif b == first_body and lede_seen.setdefault(b, 0) < 3:
            lede_seen[b] += 1
            pos = "lede"
        else:
            pos = "body"
        positions.append(pos)
    return Placement(positions, title, first_body)


# ---- roles ------------------------------------------------------------------------------

_SPEECH = words("roles", "speech")
_REPORT = words("roles", "report")
_RESEARCH = words("roles", "research")
_TITLES = words("roles", "named_title")
_METHOD = words("roles", "method")

# a name: capitalised words, the first not a pronoun, determiner or research noun ("This suggests", "Research shows")
_NOT_NAME = (r"(?!(?:This|That|These|Those|It|Its|They|There|Here|Research|Studies|Study|Science|Data|Evidence|Results|Findings"
             r"|Experts|Scientists|Researchers|Doctors|Some|Many|Most|Other|One|Another|A|An|The|Such|What|Which|Who|I|We|You"
             r"|So|But|And|Yet|Thus|Hence|Also|Still|Then|Now|Plus|Or)\b)")  # "So adding turmeric ...": no one speaks
_NAME = _NOT_NAME + r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|di|al|bin|of|the|for|and|&))*"
_SPEECH_TAG = re.compile(
    r"(?:^(?:(?i:but|and|so|yet|still|also|now)\s+)?|[,;:(]\s*|[\"”]\s*,?\s*)(?:(?:he|she|they|it)\s+|(?:the\s+)?" + _NAME + r"(?:,[^,]{1,160},)?\s+(?:also\s+)?"
    r"|(?:the\s+|a\s+|an\s+)?[\w -]{0,40}?"
    r"(?:author|researcher|scientist|professor|doctor|spokesperson|director|expert|agency|team|authors|researchers|scientists|"
    r"organi[sz]ation|group|institute|university|society|association|centre|center|department|ministry|fda|nhs|who|cdc|nih)\s+"
    r"(?:[\w ,.'’()-]{0,60}?\s+)?)"
    r"(?:" + "|".join(sorted((re.escape(w) for w in _SPEECH), key=len, reverse=True)) + r")\b",
)
_SAID_NAME = re.compile(r"(?:said|says|added|explained|noted|told|wrote|warned|according\s+to)\s+(?:the\s+)?"
                        r"(?:Dr\.?|Prof\.?|Professor|Mr\.?|Ms\.?|Mrs\.?|[A-Z][a-z]+\s+(?:(?:van|von|de|der|den|da|del|della|di|du|la|le|al|el|bin|ibn)\s+)*[A-Z])")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:]{0,80})", re.IGNORECASE)
_UNNAMED = re.compile(r"^(?:(?:many|most|some|several|other|leading|top|medical|health|scientific|independent|various)\s+)*"
                      r"(?:researchers|scientists|experts|doctors|studies|research|scientific\s+research|data|evidence|the\s+experts"
                      r"|science|specialists|nutritionists|physicians|health\s+experts|medical\s+experts|sources|reports|surveys"
                      r"|proponents|advocates|supporters|fans|believers|practitioners|the\s+(?:manufacturer|company|maker|seller)s?)\b",
                      re.IGNORECASE)
_UNNAMED_TAG = re.compile(r"(?:^|,\s*)(?:(?:the|many|most|some|several|other|leading|top|medical|health)\s+)*"
                          r"(?:researchers|scientists|experts|doctors|specialists|studies|research|health\s+experts)\s+"
                          r"(?:say|said|says|believe|believes|think|thinks|agree|suggest|warn|claim|theori[sz]e|hypothesi[sz]e"
                          r"|speculate|propose|suspect)\b", re.IGNORECASE)
_GROUP_TAG = re.compile(r"(?:^|,\s*)(?:the\s+)?(?:researchers|scientists|experts|doctors|authors|investigators)\s+"
                        r"(?P<gap>[\w ,.'’()&-]{1,80}?)\s+(?:said|say|says|told|added|explained|noted|wrote|warned|believe|believes"
                        r"|think|thinks|hope|hoped|reported|argue|argued|cautioned)\b", re.IGNORECASE)
_STUDY_SUBJECT = re.compile(
    r"\b" + one_of(r"stud(?:y|ies)|research|trials?|analys[ie]s|review|survey|paper|report|findings|results|data|researchers|team"
                   r"|scientists|authors|experiments?|investigators")
    + r"\b[^.;:!?]{0,110}?\b(?<!to )" + one_of(r"found|finds|find|showed|shows|show|revealed|reveals"
    r"|suggests|suggested|indicates|indicated|reported|reports|concluded|concludes|demonstrated|demonstrates|confirms|confirmed"
    r"|discovered|observed|noted|offers|offered|provides|provided|adds|added|gives|gave|suggest|indicate|confirm|reveal"
    r"|demonstrate|offer|provide|add|give") + r"\b",
    re.IGNORECASE,
)
_OTHERS_CLAIM = re.compile(
    r"\b" + one_of(r"headlines?|articles?|stor(?:y|ies)|reports?|papers?|press\s+releases?|tweets?|posts?|ads?|adverts?"
                   r"|advertisements?|labels?|marketing|websites?|sellers?|vendors?|companies|brands?|claims?|media|coverage|bottles?"
                   r"|packag(?:e|es|ing)|boxes|box|jars?|tubs?|cartons?|manufacturers?|makers?|sites?|ads?|commercials?|brochures?"
                   r"|leaflets?") + r"\s+(?:\w+\s+){0,4}?"
    + one_of(r"implied|implies|claimed|claims|said|says|say|suggested|suggest|suggests|stated|states|read|reads|promised|promise"
             r"|promises|proclaimed|insisted") + r"\b"
    r"|[\"”]\s*,?\s*(?:read|reads|said|says|proclaimed|claimed|announced|screamed|declared)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
    r"(?:headline|article|story|report|paper|tweet|post|ad|advert|label|website)", re.IGNORECASE)
_PERSON_SOURCE = re.compile(r"\b(?:he|she|who|Dr\.?|Prof\.?|Professor|[A-Z][a-z]+\s+[A-Z]\.?\s*[A-Z][a-z]+|[A-Z][a-z]+\s+[A-Z][a-z]+,)"
                            r"|\b(?:author|researcher|scientist|professor|director|spokes\w+|expert|doctor|physician)\b")
_PLAN = re.compile(r"^\W*(?:(?:the|a|our|their|his|her)\s+)?(?:\w+\s+){0,3}?(?:team|group|authors|researchers|scientists|doctors|investigators|they|we"
                   r"|company|he|she|lab)\s+(?:\w+\s+){0,2}?(?:will|plans?|intends?|hopes?|aims?|wants?)\b", re.IGNORECASE)
_SAYS_THAT = re.compile(r"\b(?:says|said|say|reports|reported|writes|wrote)\s+that\b", re.IGNORECASE)
_IN_STUDY = re.compile(r"^(?:in|according\s+to)\s+(?:the|this|that|their|a|one|another)\s+(?:[\w-]+\s+){0,3}?"
                       r"(?:study|trial|analysis|research|survey|experiment|review)\b", re.IGNORECASE)
_DEFINITION = re.compile(
    r"^(?:[\w'’()-]+\s+){1,6}?(?:is|are|was|were)\s+(?:(?:also|now|often|usually|commonly|generally|sometimes|simply|basically"
    r"|essentially|actually)\s+)?(?:a|an|the|one\s+of\s+the|made|found|derived|produced|extracted|known|called|defined|considered"
    r"|classed|classified|sold|available|used\s+(?:in|as|for)|present|naturally)\b",
    re.IGNORECASE,
)
_A_WAY_TO = re.compile(r"\b(?:is|are)\s+(?:a|an|the|one\s+of\s+the)\s+(?:[\w'’-]+\s+){0,3}?(?:way|ways|means|fix|secret|key|answer)\s+"
                       r"(?:for\s+(?:anyone|everyone|you|people|us)\s+)?to\s", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:that|which|who|whose|where|to)\b|,\s*(?:a|an)\s", re.IGNORECASE)
# British style: 'Bereavement is a major life event,' he said. (a quotation in single marks)
_SINGLE_QUOTED = re.compile(r"^\W{0,2}‘|^[^‘’]{0,60}:\s*‘")
_TRADITION = re.compile(r"(?:the\s+)?(?:(?:traditional|folk|chinese|ayurvedic|alternative|ancient)\s+(?:\w+\s+)?(?:medicine|healers|wisdom|lore)"
                        r"|tradition|folklore|ayurveda|legend|myth|popular\s+belief|old\s+wives)\b", re.IGNORECASE)
_BELIEF = re.compile(r"\b(?:(?:in|with)\s+the\s+(?:mistaken\s+)?(?:belief|hope|hopes)|in\s+hopes?|believing|hoping|under\s+the\s+impression)\b(?!\s+to\b)"
                     r"|^\W*(?:the|a|one|their|his|her)\s+(?:\w+\s+)?(?:reasoning|thinking|theory|idea|belief|assumption|hypothesis|notion"
                     r"|view|argument|premise|rationale)\s+(?:has\s+been|had\s+been|was|is|goes|went)\s+that\b"
                     r"|\b(?<!,\s)(?<!support\s)(?<!supports\s)(?<!supported\s)(?<!confirm\s)(?<!confirms\s)(?<!confirmed\s)(?<!back\s)(?<!backs\s)"
                     r"(?<!strengthen\s)(?<!strengthens\s)(?<!reinforce\s)(?<!reinforces\s)"
                     r"(?:the|a|this|that)\s+(?:[\w-]+\s+){0,2}?(?:notion|idea|belief|assumption|myth|perception|misconception)\s+that\b"
                     r"|\b(?:has|had|have)\s+(?:\w+\s+)?been\s+(?:thought|believed|assumed|presumed)\s+that\b"
                     r"|\b(?:it|many|some)\s+(?:is|was|are|were)\s+(?:\w+\s+)?(?:thought|believed|assumed|presumed)\s+that\b"
                     r"|\b(?:led|leads|lead)\s+to\s+believe\b"
                     r"|\b(?:you|many\s+people|some\s+people|most\s+people|many|some|people|(?:his|her|their)\s+(?:family|families|relatives"
                     r"|parents|friends|wife|husband|mother|father))\s+(?:\w+\s+)?(?:believes?|think|thinks|assume|suppose"
                     r"|are\s+convinced)\s+(?:that\b|(?=(?:his|her|their|the|a|an|it|this|they|he|she)\b))|\b(?:heard|was\s+told|were\s+told|had\s+read)\s+(?:\w+\s+){0,2}?that\b", re.IGNORECASE)
_HOW_WHY = re.compile(r"^\W*(?:how|why|in\s+what\s+way)\s+(?:can|could|does|do|did|will|would|is|are|might|may)\b", re.IGNORECASE)
_PRONOUN_TAG = re.compile(r"\b(?:he|she)\s+(?:said|says|added|explained|noted|told|wrote|warned)\b", re.IGNORECASE)
_PERSON = re.compile(r"\b(?:Dr\.?|Prof\.?|Professor|Mr\.?|Ms\.?|Mrs\.?)\s+[A-Z]|\b[A-Z][a-z]+\s+[A-Z][a-z]+,\s|\b[A-Z][a-z]+\s+[A-Z][a-z]+\s+"
                     r"(?:said|says|of|from|at|who)\b")
_YOU_ADVICE = re.compile(r"\b(?:you|we)\s+(?:should|must|need\s+to|have\s+to|ought\s+to|can\s+(?:take|use|try|drink|add|buy|order|get|eat|apply|mix))\b"
                         r"|\bit\s+is\s+(?:important|essential|imperative|advisable|vital|crucial|best)\s+(?:that|to)\b", re.IGNORECASE)


@dataclass(slots=True)
class RoleInfo:
    role: str
    source: str = ""  # the named source of an attributed statement, or the unnamed authority of hearsay


def attribution(t: str, prev: Sequence[str], according: bool = True, verbs: tuple[int, int] | None = None) -> RoleInfo | None:
    """A speech tag or "according to" naming who says it; ``prev``: the sentences before, nearest last;
    ``verbs``: where in ``t`` the speech verbs are (the first's start, the last's end), when known."""
    m = _ACCORDING.search(t) if according else None
    if m:
        who = m.group("who").strip()
        if _TRADITION.match(who):
            return RoleInfo("belief", who)  # "according to traditional medicine": a belief reported, not a claim
        if _UNNAMED.match(who):
            return RoleInfo("hearsay", who)
        if re.match(r"(?:the|a|an|this|that|one|new|recent|latest|their|our)?\s*(?:[\w-]+\s+){0,3}?"
                    r"(?:study|studies|research|results|findings|data|report|analysis|trial|survey|paper|review)\b", who, re.I):
            return RoleInfo("reported", who)
        if who[:1].isupper() or re.match(r"(?:the\s+)?(?:" + "|".join(sorted(map(re.escape, _TITLES))) + r")\b", who, re.I):
            return RoleInfo("attributed", who)
    m = _UNNAMED_TAG.search(t)
    if m:
        return RoleInfo("hearsay", m.group(0).strip(" ,"))
    m = _GROUP_TAG.search(t)
    if m:  # "Scientists leading the work for the British Heart Foundation said": named by their institution
        named = re.search(r"\b[A-Z]", m.group("gap"))
        return RoleInfo("attributed" if named else "hearsay", m.group(0).strip(" ,"))
    lo, hi = (0, len(t)) if verbs is None else (max(0, verbs[0] - 200), verbs[1])
    m = _SPEECH_TAG.search(t, lo, hi) or _SAID_NAME.search(t)  # a tag ends with its verb: no need to look past the last
    if m:
        tag = m.group(0)
        if _PRONOUN_TAG.search(tag) and not any(_PERSON.search(p) for p in prev[-4:]):
            return RoleInfo("attributed", tag.strip(" ,;:(\"”"))  # "she warned": someone's words, named further back
        if re.match(r"[,;:(\s]*(?:it)\s", tag, re.I):
            return None
        return RoleInfo("attributed", tag.strip(" ,;:(\"”"))
    return None


def role_of(t: str, terms: Sequence[Term], facts: "object", quoted: bool, prev: Sequence[str], offset: int = 0,
            kinds: AbstractSet[tuple[str, str]] | None = None) -> RoleInfo:
    """The role of sentence ``t`` at prose ``offset`` (with its lexicon ``terms`` and per-sentence ``facts``;
    ``kinds``: the terms' ``(lexicon, kind)`` pairs, when known)."""
    if quoted or _SINGLE_QUOTED.match(t):
        return RoleInfo("quote")
    question = getattr(facts, "question", False)
    if question and not _HOW_WHY.match(t):
        return RoleInfo("question")
    if _HYPOTHETICAL.match(t):
        return RoleInfo("hypothetical")
    if kinds is None:
        kinds = {(x.lexicon, x.kind) for x in terms}
    speech = ("roles", "speech") in kinds or ("roles", "report") in kinds or ("roles", "according") in kinds
    if speech and ("roles", "publication") in kinds and _OTHERS_CLAIM.search(t):
        return RoleInfo("attributed", "another publication")  # "The Courier's headline implied that eggs cause..."
    att = None
    if speech:
        said = [x for x in terms if x.lexicon == "roles" and x.kind in ("speech", "report", "according")]
        att = attribution(t, prev, ("roles", "according") in kinds, (said[0].start - offset, said[-1].end - offset))
    if att is not None and att.role == "attributed" and _SAYS_THAT.search(t) and not _PERSON_SOURCE.search(att.source + " " + t):
        att = RoleInfo("reported", att.source)  # "TIME says that new research finds...": a finding relayed
    if att is not None and att.role == "attributed":
        return att
    if ("roles", "caveat") in kinds:
        return RoleInfo("caveat")
    if ("roles", "belief") in kinds and _BELIEF.search(t):
        return RoleInfo("belief", "a belief")  # "microwave them in the belief it kills the virus"
    if getattr(facts, "negated", False) or ("roles", "debunk") in kinds and not _reports_a_claim(t, terms):
        return RoleInfo("negated")
    if is_imperative(t) or ("roles", "addressee") in kinds and _YOU_ADVICE.search(t) or ("roles", "advice") in kinds \
            or imperative_after_colon(t):
        return RoleInfo("advice")
    if att is not None:
        return att
    research = ("roles", "research") in kinds or ("evidence", "study_context") in kinds
    if research and (_STUDY_SUBJECT.search(t) or _IN_STUDY.match(t)):
        return RoleInfo("reported")
    if _method(t, kinds, facts):
        return RoleInfo("method")
    if ("evidence", "planned") in kinds or ("roles", "future") in kinds and _PLAN.search(t):
        return RoleInfo("plan")
    if _definition(t, facts) and not (_A_WAY_TO.search(t) and not any(lex == "drugs" for lex, _ in kinds)):
        return RoleInfo("definition")  # (but "Eating a handful a day is a simple way to protect yourself against it" says
        # what a food or a habit does; "insulin shots are the standard way to bring down blood sugar" is medicine's background)
    return RoleInfo("claim")


_HYPOTHETICAL = re.compile(r"\W*(?:(?:now|so|just|but|and)\s+)?(?:imagine|suppose|let[’']s\s+say|let\s+us\s+say|say\s+(?:that\s+)?you"
                           r"|picture\s+(?:a|an|the|this|that|these|those|your|yourself|you))\b", re.IGNORECASE)


def _method(t: str, kinds: AbstractSet[tuple[str, str]], facts: "object") -> bool:
    """What researchers did: a method verb, no finding ("found", "showed") and no claim of its own."""
    if ("roles", "method") not in kinds or ("roles", "report") in kinds:
        return False
    low = t.lower()
    return bool(re.search(r"\b(?:researchers|scientists|the\s+team|investigators|participants|subjects|volunteers|patients|mice|rats"
                          r"|animals|women|men|children|adults|group|groups|they|we|each|half|one\s+group|the\s+other)\b", low)) \
        and getattr(facts, "claim", "none") in ("none", "correlational", "causal")


def _definition(t: str, facts: "object") -> bool:
    """A copular sentence that says what something is; any effect verb sits in its relative clause."""
    m = _DEFINITION.match(t)
    if not m:
        return False
    cue = getattr(facts, "claim_cue", None)
    if cue is None:
        return True
    # the claim cue must come after a relative pronoun or infinitive that follows the copula
    rest = t[m.end() :]
    rel = _RELATIVE.search(rest)
    return rel is not None
