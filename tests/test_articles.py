"""The test articles (``tests/articles``): short pages written for this project, with answer keys.

Careful pages (patient information, careful journalism) must get no finding at all. On the
rest, each rule must reach the precision and recall below: the figures measured when the
rule was last changed, rounded down, so that a change that makes detection worse fails.
"""

from __future__ import annotations

from collections import Counter

import pytest

from articlekey import CORE, check, entries

CAREFUL = ("careful", "patient-info")
# rule: (precision, recall) floors on the test articles
FLOORS = {  # what each rule reaches now, less a margin: a change that costs more fails here
    "animal-extrapolation": (0.80, 0.60),
    "causal-from-association": (0.90, 0.82),
    "subgroup-generalization": (0.80, 0.55),
    "disease-claim": (0.95, 0.75),
    "self-treatment": (0.95, 0.80),
    "commercial-cta": (0.95, 0.95),
    "missing-disclaimer": (0.95, 0.95),
    "overclaim": (0.95, 0.95),
    "unattributed-claim": (0.95, 0.95),
    "relative-risk-only": (0.95, 0.95),
    "stat-inconsistency": (0.95, 0.95),
}
ALL = entries()


@pytest.mark.parametrize("path, item", [(p, i) for p, i in ALL if p.parent.name in CAREFUL],
                         ids=lambda v: getattr(v, "name", ""))
def test_careful_pages_get_no_false_finding(path, item) -> None:
    outcome = check(path, item)
    assert not outcome.extra, f"{path.name}: {outcome.extra}"
    assert not outcome.missed, f"{path.name}: {outcome.missed}"


def test_every_article_has_a_key_and_every_quote_is_found() -> None:
    from articlekey import ROOT

    files = {p for p, _ in ALL}
    on_disk = {p for p in ROOT.glob("*/*") if p.suffix in (".md", ".html", ".txt")}
    assert len(ALL) >= 100 and files == on_disk
    for path, item in ALL:
        check(path, item)  # raises when a quote is not in the article


@pytest.fixture(scope="module")
def totals() -> tuple[Counter, Counter, Counter]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for path, item in ALL:
        o = check(path, item)
        tp.update(o.matched)
        fp.update(r for r, _, _ in o.extra)
        fn.update(r for r, _ in o.missed)
    return tp, fp, fn


@pytest.mark.parametrize("rule", sorted(FLOORS))
def test_rule_reaches_its_precision_and_recall(rule: str, totals) -> None:
    tp, fp, fn = totals
    p = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
    r = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
    floor_p, floor_r = FLOORS[rule]
    assert (p, r) >= (floor_p, 0) and r >= floor_r, f"{rule}: precision {p:.2f}, recall {r:.2f}"


def test_the_floors_cover_only_core_rules() -> None:
    assert set(FLOORS) <= CORE
