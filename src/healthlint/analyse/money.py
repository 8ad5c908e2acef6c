"""Amounts of money, told apart: a shop's price ("$29.99", "Only £12") or money in the news
("the drug costs $1,300 a month", "$22 million for a five-year study").

Shared by the article's page kind (:attr:`~.article.ArticleAnalysis.selling`) and by
``commercial-cta``'s price lines.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# a currency amount, not a sum of the economy ("$3 billion", "£2bn"); ``{start}``: where a written-out amount may start
_MONEY = (r"(?:[$£€]\s?\d[\d,]*(?:\.\d{{1,2}})?|{start}\d[\d,]*(?:\.\d{{2}})?\s?(?:USD|GBP|EUR|dollars|euros)\b)"
          r"(?!\s*(?:[mbk]n?\b|million|billion|trillion|thousand))")
MONEY = _MONEY.format(start=r"\b")
# the same, starting only where a number starts: linear on long runs of digits and commas
ANY_MONEY = re.compile(_MONEY.format(start=r"(?<![\w,.])"), _I)
# words of a story about money: what care costs, who paid, a fine, a market
NEWS_PRICE = re.compile(r"\b(?:cost|costs|costing|spent|spend|spends|paid|pay|pays|priced|rose|fell|raised|raise|funding"
                        r"|grant|fine|fined|billion|million|tax|insurance|insurers?|medicare|medicaid|nhs|per\s+patient|sells?"
                        r"|selling|sold|ranges?|ranging|average|averaged|estimated|charges?|charged|retails?|retailing|market"
                        r"|stock|shares|expensive|cheap|cheaper|afford|affordable|upwards?\s+of|out[- ]of[- ]pocket|bills?|budget"
                        r"|salary|income|wages?|donated|donations?|revenue|sales|profits?|worth|lawsuit|settlement|damages|fees?"
                        r"|co-?pays?|deductibles?|premiums?|reimburse\w*|per\s+(?:year|visit|procedure|treatment|test|scan|course))\b",
                        _I)


# an amount that describes a thing ("the $12 sock swap", "a £3 pill"): what it costs, not a shop's offer
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|this|that|your)\s+$", _I)
_NOUN_AFTER = re.compile(r"[ -](?!(?:for|per|off|each|now|only|with|a|an|at|from|or|and|to)\b)[A-Za-z]", _I)


def shop_price(text: str) -> bool:
    """``text`` (a sentence) states an amount of money, not as a story about money nor as a thing's description."""
    return any(not (_ATTRIBUTIVE.search(text, max(0, m.start() - 8), m.start()) and _NOUN_AFTER.match(text, m.end()))
               for m in ANY_MONEY.finditer(text)) and NEWS_PRICE.search(text) is None
