"""A deterministic corpus of Markdown health articles for the benchmark (see bench.py).

Every article is generated from a seeded random generator and templates written
for this project: front matter, headings, paragraphs (hedged and overclaiming
sentences, statistics, citations, quotes, links), lists, blockquotes, a table and
code blocks. The same seed always gives byte-identical files.
"""

from __future__ import annotations

import random
from pathlib import Path

NUTRIENTS = ["magnesium", "vitamin D", "omega-3 fish oil", "zinc", "melatonin", "green tea extract",
             "turmeric", "probiotics", "vitamin B12", "iron", "folic acid", "creatine", "fibre",
             "intermittent fasting", "a Mediterranean diet", "daily walking", "resistance training"]
OUTCOMES = ["sleep quality", "blood pressure", "LDL cholesterol", "depressive symptoms", "migraine frequency",
            "insulin sensitivity", "bone density", "fatigue", "joint pain", "cold duration",
            "cognitive decline", "heart disease risk", "inflammation markers", "anxiety", "body weight"]
CONDITIONS = ["insomnia", "hypertension", "type 2 diabetes", "osteoporosis", "depression", "migraine",
              "heart disease", "arthritis", "anaemia", "the common cold"]
POPULATIONS = ["older adults", "postmenopausal women", "adults with obesity", "college students",
               "people with type 2 diabetes", "shift workers", "children aged 6 to 12", "pregnant women",
               "healthy volunteers", "patients after a heart attack"]
DESIGNS = ["randomised controlled trial", "cohort study", "cross-sectional survey", "meta-analysis",
           "pilot study", "case-control study", "systematic review", "crossover trial"]
JOURNALS = ["JAMA", "The Lancet", "BMJ", "Nutrients", "Sleep Medicine", "Circulation", "PLoS One",
            "the American Journal of Clinical Nutrition"]
AUTHORS = ["Smith", "Okafor", "Nguyen", "García", "Kowalski", "Haddad", "Tanaka", "Johansson", "Patel"]
CITIES = ["Boston", "Lagos", "Osaka", "Madrid", "Melbourne", "Toronto", "Kraków", "Cairo"]

SENTENCES = [
    "{Nut} is involved in hundreds of chemical reactions in the body, including some that affect {out}.",
    "A {year} {design} of {n} {pop} found that those given {nut} had slightly better {out} than those given a placebo.",
    "The study was small and short, and the effect was modest.",
    "In one experiment, mice fed extra {nut} showed lower {out} after eight weeks.",
    "{Nut} restores {out} and calms the nervous system.",
    "Studies show that {nut} is the most important supplement for {out}.",
    "A large {design} of {n} adults reported that people who consumed more {nut} were less likely to report poor {out}.",
    "Eating more {nut} prevents {cond}.",
    "The difference in {out} was significant (p = 0.{p2}).",
    "People with {cond} had a {pct}% lower risk (hazard ratio {hr}, 95% CI {lo} to {hi}).",
    "The association was weaker after adjusting for age, income and smoking (r = 0.{r}).",
    "These results may not apply to {pop}, who were not included in the trial.",
    "Researchers from {city} suggest that {nut} might modestly improve {out} in some people.",
    "{Auth} and colleagues, writing in {journal} in {year}, cautioned that the evidence is still limited.",
    "It is possible that {nut} helps {pop}, but larger trials are needed.",
    "Experts agree that {nut} cures {cond} in weeks.",
    "Some people report side effects such as nausea, headache or diarrhoea at high doses.",
    "The recommended daily intake for adults is around {mg} mg, though needs vary.",
    "Talk to your doctor before starting any supplement, especially if you take other medicines.",
    "A review of {k} trials found no clear effect on {out} overall.",
    "Participants in the {design} were followed for {months} months on average.",
    "Only {pct}% of participants completed the study, which makes the result harder to interpret.",
    "This proves that {nut} is a miracle solution for {cond}.",
    "Levels of {out} were {pct}% higher in the group taking {nut} than in the control group.",
    "However, {pop} in the trial were already healthier than average, which limits what we can conclude.",
    "Shop our {nut} gummies online and use code HEALTH{pct} for {pct}% off.",
    "Scientists believe {nut} could play a role in {out}, although the mechanisms are unclear.",
    "Always read the label and do not exceed the stated dose.",
]
HEADINGS = ["What the research says", "How much do you need?", "Who might benefit", "Possible side effects",
            "Food sources", "The bottom line", "What we still do not know", "Should you take it?",
            "How the studies were done", "Questions to ask your doctor"]


class Writer:
    """Generates articles from one seeded random generator."""

    def __init__(self, seed: int = 2024) -> None:
        self.r = random.Random(seed)

    def fill(self, template: str) -> str:
        r = self.r
        nut = r.choice(NUTRIENTS)
        lo = r.randint(50, 90) / 100
        values = {
            "nut": nut, "Nut": nut[0].upper() + nut[1:], "out": r.choice(OUTCOMES), "cond": r.choice(CONDITIONS),
            "pop": r.choice(POPULATIONS), "design": r.choice(DESIGNS), "journal": r.choice(JOURNALS),
            "Auth": r.choice(AUTHORS), "city": r.choice(CITIES), "year": r.randint(1998, 2024),
            "n": f"{r.randint(20, 40000):,}", "p2": r.randint(1, 60), "pct": r.randint(5, 60),
            "hr": f"{lo + 0.05:.2f}", "lo": f"{lo:.2f}", "hi": f"{lo + r.randint(10, 40) / 100:.2f}",
            "r": r.randint(10, 90), "mg": r.choice([200, 300, 400, 1000]), "k": r.randint(3, 40),
            "months": r.randint(2, 60),
        }
        return template.format(**values)

    def paragraph(self) -> str:
        r = self.r
        sents = [self.fill(r.choice(SENTENCES)) for _ in range(r.randint(2, 5))]
        if r.random() < 0.3:
            i = r.randrange(len(sents))
            words = sents[i].split()
            j = r.randrange(len(words))
            words[j] = f"[{words[j]}](https://example.org/{r.randint(1, 9999)})"
            sents[i] = " ".join(words)
        if r.random() < 0.2:
            sents.append(f"As one researcher put it, \"{self.fill(r.choice(SENTENCES))}\"")
        if r.random() < 0.2:
            sents.insert(0, f"The `{r.choice(['dose_mg', 'n', 'hr'])}` value matters here.")
        return " ".join(sents)

    def section(self, level: int = 2) -> str:
        r = self.r
        parts = [f"{'#' * level} {r.choice(HEADINGS)}", self.paragraph()]
        kind = r.random()
        if kind < 0.3:
            parts.append("\n".join(f"- {self.fill(r.choice(SENTENCES))}" for _ in range(r.randint(2, 5))))
        elif kind < 0.45:
            parts.append("\n".join(f"{i}. {self.fill(r.choice(SENTENCES))}" for i in range(1, r.randint(3, 5))))
        elif kind < 0.55:
            parts.append("> " + self.fill(r.choice(SENTENCES)) + "\n> " + self.fill(r.choice(SENTENCES)))
        elif kind < 0.62:
            parts.append("```python\n# dose calculator\ndose_mg = weight_kg * 4.5\nprint(f\"{dose_mg:.0f} mg\")\n```")
        elif kind < 0.68:
            rows = "\n".join(f"| {r.choice(NUTRIENTS)} | {r.randint(50, 900)} mg | {r.choice(CONDITIONS)} |"
                             for _ in range(r.randint(2, 4)))
            parts.append("| Supplement | Dose | Studied for |\n|---|---|---|\n" + rows)
        parts.append(self.paragraph())
        return "\n\n".join(parts)

    def front_matter(self, title: str) -> str:
        r = self.r
        return (f"---\ntitle: \"{title}\"\nauthor: {r.choice(AUTHORS)} Health Desk\n"
                f"date: {r.randint(2015, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}\n"
                f"tags: [{r.choice(NUTRIENTS)}, {r.choice(CONDITIONS)}]\n---\n\n")

    def article(self, size: int) -> str:
        """One article of about ``size`` characters."""
        nut = self.r.choice(NUTRIENTS)
        title = f"Can {nut} help with {self.r.choice(CONDITIONS)}?"
        parts = [self.front_matter(title) + f"# {title}", self.paragraph()]
        total = sum(len(p) for p in parts)
        while total < size:
            parts.append(self.section())
            total += len(parts[-1]) + 2
        return "\n\n".join(parts) + "\n"


def write_corpus(root: Path, folder_files: int = 370, seed: int = 2024) -> dict[str, Path]:
    """Write (or reuse) the benchmark files under ``root``; returns case name -> path."""
    root.mkdir(parents=True, exist_ok=True)
    out = {"3kB": root / "draft-3kB.md", "1MB": root / "article-1MB.md", "10MB": root / "article-10MB.md",
           "folder": root / "folder-370"}
    stamp = root / f".generated-{seed}-{folder_files}-v3"
    if stamp.exists() and all(p.exists() for p in out.values()):
        return out
    w = Writer(seed)
    out["3kB"].write_text(w.article(2400), encoding="utf-8")
    big = w.article(1_000_000)
    out["1MB"].write_text(big, encoding="utf-8")
    # 10 MB: the 1 MB article followed by nine more generated sections' worth (no repetition).
    more = [big.rstrip("\n")]
    size = len(big)
    while size < 10_000_000:
        more.append(w.section())
        size += len(more[-1]) + 2
    out["10MB"].write_text("\n\n".join(more) + "\n", encoding="utf-8")
    out["folder"].mkdir(exist_ok=True)
    for i in range(folder_files):
        (out["folder"] / f"article-{i:03d}.md").write_text(w.article(2250), encoding="utf-8")
    (root / ".healthlint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    stamp.write_text("ok\n")
    return out
