"""The cue patterns of :mod:`.claims` (lower-cased text), one alternation per kind of cue.

``CAUSAL_VERBS`` ("reduces", "led to"), ``CAUSAL_ADJ`` (efficacy predicates: "was effective",
"has an effect on", "plays a role"), ``CAUSAL_NOUNS`` ("reduction", "effect of") and ``CORREL``
(relationship and comparison wording: "associated with", "higher than", "at risk for").
:mod:`.claims` decides from the context which cue makes a claim.
"""

CAUSAL_VERBS = (
    r"caus(?:e[sd]?|ing)|reduc(?:e[sd]?|ing)|decreas(?:e[sd]?|ing)|increas(?:e[sd]?|ing)"
    r"|involved\s+in\s+(?:the\s+)?(?:\w+\s+)?(?:etiology|aetiology|pathogenesis|pathophysiology|progression|onset"
    r"|causation|regulat(?:ion|ing)|mediating|modulating|controlling)"
    r"|lower(?:s|ed|ing)|rais(?:es|ed|ing)|prevent(?:s|ed|ing)?|protect(?:s|ed|ing)?"
    r"|boost(?:s|ed|ing)?|improv(?:e[sd]?|ing)|enhanc(?:e[sd]?|ing)|lead(?:s|ing)?\s+to|led\s+to"
    r"|result(?:s|ed|ing)?\s+in|cut(?:s|ting)?|trigger(?:s|ed|ing)?|induc(?:e[sd]?|ing)"
    r"|promot(?:e[sd]?|ing)|inhibit(?:s|ed|ing)?|suppress(?:es|ed|ing)?|attenuat(?:e[sd]?|ing)"
    r"|amelioriat(?:e[sd]?|ing)|ameliorat(?:e[sd]?|ing)|alleviat(?:e[sd]?|ing)|worsen(?:s|ed|ing)?"
    r"|impair(?:s|ed|ing)?|affect(?:s|ed|ing)?|influenc(?:e[sd]?|ing)|impact(?:s|ed|ing)?"
    r"|contribut(?:e[sd]?|ing)|(?:up|down)-?regulat(?:e[sd]?|ing)|driv(?:e[sn]?|ing)|drove|elevat(?:e|es|ing)|modulat(?:e[sd]?|ing)|confer(?:s|red|ring)?|diminish(?:es|ed|ing)?"
    r"|mitigat(?:e[sd]?|ing)|restor(?:e[sd]?|ing)|benefit(?:s|ed|ted|ing|ting)?|help(?:s|ed|ing)?"
    r"|stimulat(?:e[sd]?|ing)|accelerat(?:e[sd]?|ing)|delay(?:s|ed|ing)?|slow(?:s|ed|ing)?|halt(?:s|ed|ing)?"
    r"|revers(?:e[sd]?|ing)|eliminat(?:e[sd]?|ing)|amplif(?:y|ies|ied|ying)|aggravat(?:e[sd]?|ing)"
    r"|exacerbat(?:e[sd]?|ing)|predispos(?:e[sd]?|ing)|damag(?:e[sd]?|ing)|harm(?:s|ed|ing)?"
    r"|kill(?:s|ed|ing)?|cur(?:es?|ed|ing)|strengthen(?:s|ed|ing)?|weaken(?:s|ed|ing)?|facilitat(?:e[sd]?|ing)"
    r"|translat(?:e[sd]?|ing)\s+into|mediat(?:e[sd]?|ing)|counteract(?:s|ed|ing)?|avert(?:s|ed|ing)?"
    r"|relie(?:ve[sd]?|ving)|eas(?:e[sd]?|ing)|fight(?:s|ing)?|fought|combat(?:s|ed|ing)?|curb(?:s|ed|ing)?"
    r"|slash(?:es|ed|ing)?|halv(?:e[sd]?|ing)|doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|fuel(?:s|ed|led|ing)?"
    r"|spark(?:s|ed|ing)?|(?:ward|stave|fend)(?:s|ed|ing)?\s+off|shield(?:s|ed|ing)?|shorten(?:s|ed|ing)?|prolong(?:s|ing)?|extend(?:s|ed|ing)?"
    r"|(?:lower|raise|cut)(?=\s+(?:the|your|their|his|her|its|our|blood|cholesterol|risk|levels?|mortality)\b)"
)
CAUSAL_ADJ = (
    r"(?:cost[-\s])?effective|successful|beneficial|detrimental|harmful|protective|causal(?:ly)?|causes?\s+of"
    r"|responsible\s+for|attributable\s+to|attributed\s+to"
    r"|ha(?:s|d|ve|ving)\s+(?:a|an|no|any|little|the)?\s*(?:\w+\s+){0,2}?(?:effects?|impacts?|influence|benefits?)\s+(?:on|in|for|of)"
    r"|play(?:s|ed|ing)?\s+(?:a|an|no|any)?\s*(?:\w+\s+){0,2}?role"
    r"|(?:be|prove[sd]?|represent(?:s|ed)?|serve[sd]?\s+as|offer(?:s|ed)?|provide[sd]?)\s+(?:\w+\s+){0,3}?(?:useful|effective|beneficial|helpful|valuable"
    r"|protective|efficient|advantageous|(?:important|useful|effective|novel|new|promising|viable|valuable|good|better)"
    r"\s+(?:strategy|strategies|interventions?|treatments?|therap(?:y|ies)|approach(?:es)?|targets?|options?|tools?\s+(?:to|for)))"
)
CAUSAL_NOUNS = (
    r"reductions?|improvements?|increases?|decreases?|benefits?|effects?\s+(?:of|on)|impacts?\s+(?:of|on)|roles?\s+(?:of|for)"
    r"|influence\s+(?:of|on)|prevention|protection|worsening|enhancement|efficacy|effectiveness|efficacious|due\s+to"
    r"|(?:side|adverse|therapeutic|treatment|protective|beneficial|harmful|positive|negative|causal|preventive|direct"
    r"|additive|synergistic)\s+effects?"
)
CORREL = (
    r"associat(?:ed|ion|ions|ing|e|es)|correlat(?:ed|es|e|ion|ions|ing)|co-?occur\w*"
    r"|link(?:ed|s|age)?\s+(?:to|with|between)|link\s+between|relat(?:ed|ion|ions|ionships?)\s+(?:to|with|between)"
    r"|predict(?:s|ed|ing|ors?|ive|ion)?|prognostic|risk\s+factors?|(?:bio)?markers?|determinants?"
    r"|odds|hazard|likelihood|(?:more|less|most|least)\s+likely|probability\s+of"
    r"|(?:higher|highest|increased|greater|elevated|excess|lower|lowest|reduced|decreased|same|similar|relative|absolute)\s+risks?"
    r"|(?:is|are|was|were|be|been|remain(?:s|ed)?)\s+(?:\w+ly\s+)?at\s+(?:an?\s+)?(?:\w+\s+)?risks?\s+(?:of|for)\b"
    r"|(?:ha(?:s|d|ve|ving)|carr(?:y|ies|ied))\s+(?:not\s+only\s+)?(?:an?\s+)?(?:(?:\w+ly|high|low|increased|elevated"
    r"|significant|substantial|considerable|particular|small|slight|modest|moderate|large|excess|lifetime|additional"
    r"|serious|real|great|similar|the\s+same|twice\s+the|double\s+the|triple\s+the|\d[\d.,]*%?|percent|fold|times)\s+){0,3}"
    r"(?:increase\s+in\s+(?:their\s+|the\s+)?)?risks?\s+(?:of|for)\b(?!\s+bias)"
    r"|at\s+(?:higher|increased|greater|lower|reduced|elevated|an\s+increased|a\s+higher|a\s+lower)\s+risk|tend(?:s|ed)?\s+to|differ(?:s|ed|ence|ences|ent\s+between)?|dependen(?:t|ce)\s+on|depend(?:s|ed)?\s+on"
    r"|(?:more|less|fewer|greater|higher|lower|larger|smaller|longer|shorter|better|worse|poorer|stronger|weaker)\s+(?:\w+\s+){0,4}?(?:than|compared|relative\s+to|versus|vs\b)"
    r"|(?:highest|lowest|greatest|most\s+\w+|least\s+\w+)\s+(?:\w+\s+){0,3}?(?:among|in)"
    r"|(?:higher|lower|greater|increased|decreased|elevated|reduced)\s+(?:\w+\s+){0,2}?(?:among|in)\s+(?:patients|those|people|individuals|women|men|children|subjects|participants|the|obese|users|smokers|groups?)"
    r"|(?:was|were|is|are)\s+(?:\w+\s+)?(?:higher|lower|greater|increased|decreased|elevated|reduced)\s+(?:in|among|for)"
    r"|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|different\s+(?:in|between|among|from)"
    r"|(?:had|have|has|having|showed|show|shows|exhibited|experienced|displayed)\s+(?:a\s+|an\s+)?(?:\w+ly\s+)?(?:more|less|fewer"
    r"|higher|lower|greater|increased|decreased|reduced|elevated|poorer|better|worse|longer|shorter|excess)\b"
    r"|(?:more|less|highly)\s+(?:susceptible|prone|vulnerable|prevalent|common|frequent)|indicators?\s+of"
    r"|(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:common|frequent|prevalent|high|low|higher|lower)\s+(?:among|in)"
)
