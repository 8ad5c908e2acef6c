"""Evidence linking: which study a claim rests on, and the messages that name it."""

from __future__ import annotations

from conftest import lint_text
from healthlint.read import read_source
from healthlint.analyse.context import DocumentAnalysis

MOUSE = (
    "# Oxytocin and alcohol\n\n"
    "Researchers gave the hormone to 30 alcohol-dependent rats for two weeks.\n\n"
    "The rats drank less.\n\n"
    "The hormone reduces the urge to drink.\n"
)


def test_message_names_the_evidence_and_its_line() -> None:
    (f,) = [f for f in lint_text(MOUSE, ["animal-extrapolation"], fmt="markdown", path="a.md")]
    assert f.line == 7 and f.column == 1
    # the nearest study described wins: "The rats drank less." (line 5)
    assert "(line 5)" in f.message and "rats" in f.message
    assert f.related and (f.related[0].line, f.related[0].column) == (5, 5)


def test_heading_starts_a_new_section() -> None:
    text = MOUSE.replace("The hormone reduces", "# In people\n\nThe hormone reduces")
    assert lint_text(text, ["animal-extrapolation"], fmt="markdown", path="a.md") == []


def test_species_said_once_at_paragraph_start_qualifies_the_paragraph() -> None:
    text = "In mice, the drug lowered blood sugar. It also reduces weight gain.\n"
    assert lint_text(text, ["animal-extrapolation"]) == []


def test_nearest_study_wins() -> None:
    text = ("Mice given the extract ran longer on a wheel.\n\n"
            "A randomised trial in 120 adults then found that the extract improved endurance.\n\n"
            "The extract improves endurance.\n")
    assert lint_text(text, ["animal-extrapolation"]) == []
    text2 = ("A randomised trial in 120 adults found that the extract improved endurance.\n\n"
             "Mice given the extract ran longer on a wheel.\n\n"
             "The extract improves endurance.\n")
    assert [f.line for f in lint_text(text2, ["animal-extrapolation"])] == [5]


def test_evidence_too_far_back_is_not_linked() -> None:
    filler = "".join(f"Paragraph {i} talks about something else entirely.\n\n" for i in range(5))
    text = "Mice given the extract ran longer on a wheel.\n\n" + filler + "The extract improves endurance.\n"
    assert lint_text(text, ["animal-extrapolation"]) == []


def test_headline_judged_against_whole_article() -> None:
    text = ("# Green tea may prevent dementia\n\n"
            "Mice given green tea extract made fewer errors in a maze than mice given water.\n")
    (f,) = lint_text(text, ["animal-extrapolation"], fmt="markdown", path="a.md")
    assert f.line == 1 and "headline" in f.message and "line 3" in f.message


def test_causal_from_association_names_the_design() -> None:
    text = ("In a cohort study of 12,000 nurses, short sleep was associated with weight gain.\n\n"
            "Short sleep causes weight gain.\n")
    (f,) = lint_text(text, ["causal-from-association"])
    assert f.line == 3 and "observational" in f.message and "line 1" in f.message
    hedged = text.replace("Short sleep causes", "Short sleep may cause")
    assert lint_text(hedged, ["causal-from-association"]) == []


def test_trial_evidence_allows_causal_wording() -> None:
    text = ("In a randomised controlled trial of 400 adults, the drug lowered blood pressure.\n\n"
            "The drug lowers blood pressure.\n")
    assert lint_text(text, ["causal-from-association"]) == []


def test_quoted_claim_is_evidence_not_the_writers_claim() -> None:
    text = ("A survey of 900 adults linked coffee to lower gout rates.\n\n"
            "“Coffee prevents gout,” said Dr Lena Park, who led the survey.\n")
    assert lint_text(text, ["causal-from-association"]) == []


def test_subgroup_named_in_claim_is_fine_and_missing_is_flagged() -> None:
    base = "A trial in 400 men found that the drug lowered blood pressure.\n\n"
    (f,) = lint_text(base + "The drug lowers blood pressure.\n", ["subgroup-generalization"])
    assert "men" in f.message and "line 1" in f.message
    assert lint_text(base + "The drug lowers blood pressure in men.\n", ["subgroup-generalization"]) == []


def test_analysis_marks_quotes_and_evidence() -> None:
    doc = read_source(MOUSE, "a.md", "markdown")
    a = DocumentAnalysis(doc)
    notes = [a.evidence_note(s.index) for s in doc.sentences]
    assert notes[-1] is not None and "rats" in notes[-1] and "line 5" in notes[-1]
    quoted = read_source("Researchers found that:\n\n- mice slept more\n- mice ate less\n\nFine.\n", "a.md", "markdown")
    flags = [DocumentAnalysis(quoted).is_quoted(s) for s in quoted.sentences]
    assert flags == [False, True, True, False]


def test_evidence_summary_is_the_first_lab_study_and_any_study_in_people() -> None:
    text = ("# Green tea\n\nGreen tea is popular.\n\nIn a study, researchers fed 40 mice green tea extract.\n\n"
            "A second experiment used 20 rats.\n\nA cohort study of 9,000 adults found tea drinkers had fewer "
            "strokes.\n\nMore text follows here.\n\nAnother trial in 300 patients was randomised.\n")
    doc = read_source(text, "t.md", "markdown")
    a = DocumentAnalysis(doc)
    every = a.document_evidence()
    animal, people = a.evidence_summary()
    assert animal == next(e for e in every if e.kind in ("animal", "cells")) and animal.label == "mice"
    assert people is True and any(e.kind in ("trial", "observational", "human") for e in every)
    fresh = DocumentAnalysis(read_source(text, "t.md", "markdown"))
    assert fresh.evidence_summary() == (animal, True)
    assert fresh._pending > 0  # stopped once both were known: the last sentences were not looked at
    only_mice = read_source("# Tea\n\nResearchers fed 40 mice green tea.\n\nTea is nice.\n", "t.md", "markdown")
    assert DocumentAnalysis(only_mice).evidence_summary()[1] is False
