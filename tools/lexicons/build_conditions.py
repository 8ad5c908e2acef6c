#!/usr/bin/env python3
"""Build ``src/healthlint/lexicons/conditions.yaml``.

Two inputs:

* ICD-10-CM (the tabular list shipped by the ``simple-icd-10-cm`` package, pinned in
  ``requirements.txt``): every 3-character category of chapters A-N (infectious diseases
  to genitourinary diseases) gives a ``disease`` term from its title, simplified to the
  name a writer uses ("Other hypothyroidism" -> "hypothyroidism", "Acute
  nasopharyngitis [common cold]" -> "acute nasopharyngitis", "common cold").
  Titles that do not simplify to such a name are either renamed by hand
  (``icd.rename`` in ``conditions_extra.yaml``, keyed by code) or skipped
  (``icd.skip``). Codes from other chapters (symptoms in R, pregnancy in O, congenital
  in Q, ...) and 4-character subcategories are taken only when ``icd.add`` names them.
* ``conditions_extra.yaml``: the lay names real health writing uses, by kind, and the
  ``exclude`` list of terms too generic or too ambiguous to keep.

Every term then gets its spelling variants (US <-> UK: "anemia"/"anaemia",
"tumor"/"tumour", ...), the spaced form of a hyphenated term, and the apostrophe-less
forms of an eponym ("alzheimer's disease" -> "alzheimers disease", "alzheimer
disease"). Output is sorted and therefore deterministic; a provenance table
(``conditions_provenance.tsv``: term, kind, ICD code or "lay") is written next to this
script so a reviewer can see where each term came from.

Usage (from the repository root, in a venv with ``tools/lexicons/requirements.txt``)::

    python tools/lexicons/build_conditions.py            # write the files
    python tools/lexicons/build_conditions.py --check    # exit 1 if they are stale
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexio  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXTRA = HERE / "conditions_extra.yaml"
OUT = ROOT / "src" / "healthlint" / "lexicons" / "conditions.yaml"
PROVENANCE = HERE / "conditions_provenance.tsv"

KINDS = ("disease", "symptom", "function", "death")
DISEASE_CHAPTERS = set("ABCDEFGHIJKLMN")  # ICD-10-CM chapters 1-14

# ---------------------------------------------------------------- ICD title simplification

# Qualifiers removed wherever they stand (order matters: longest first).
_DROP = [
    ", not elsewhere classified", " not elsewhere classified",
    " in diseases classified elsewhere", " classified elsewhere",
    ", not otherwise specified", ", unspecified", ", site unspecified",
    ", part unspecified", ", any site", " of unspecified site", " of other sites",
    ", unspecified organism",
]
_LEADING = ("other and unspecified ", "unspecified ", "other specified ", "other ",
            "certain ", "specified ")
# A simplified title containing one of these words is not a name writers use.
_BANNED = set("""of with without due to in for by from other unspecified specified
classified elsewhere complication complications sequelae sequela following affecting
associated encounter findings finding abnormal abnormalities site sites nos
postprocedural intraoperative except predominantly involving related resulting
specific specified mentioned part parts""".split())
# Plural head words in ICD titles and their singular (the loader adds plurals back).
_SINGULAR = {
    "fevers": "fever", "disorders": "disorder", "diseases": "disease",
    "infections": "infection", "neoplasms": "neoplasm", "tumors": "tumor",
    "warts": "wart", "anemias": "anemia", "lymphomas": "lymphoma",
    "leukemias": "leukemia", "syndromes": "syndrome", "ulcers": "ulcer",
    "hernias": "hernia", "cataracts": "cataract", "seizures": "seizure",
    "attacks": "attack", "polyps": "polyp", "cysts": "cyst",
    "arthropathies": "arthropathy", "neuropathies": "neuropathy",
    "myopathies": "myopathy", "mycoses": "mycosis", "varices": "varices",
    "rickettsioses": "rickettsiosis", "helminthiases": "helminthiasis",
    "spondylopathies": "spondylopathy", "dorsopathies": "dorsopathy",
    "enthesopathies": "enthesopathy", "bursopathies": "bursopathy",
    "osteochondropathies": "osteochondropathy", "vasculopathies": "vasculopathy",
    "hemorrhoids": "hemorrhoid", "lesions": "lesion", "immunodeficiencies": "immunodeficiency",
    "lipidemias": "lipidemia", "deformities": "deformity", "headaches": "headache",
    "effects": "effect", "opacities": "opacity", "detachments": "detachment",
    "breaks": "break", "occlusions": "occlusion", "disturbances": "disturbance",
    "palsies": "palsy", "calculi": "calculus",
}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]{1,5}$")


def _singular(name: str) -> str:
    words = name.split()
    if words and words[-1] in _SINGULAR:
        words[-1] = _SINGULAR[words[-1]]
    return " ".join(words)


def simplify(title: str) -> list[str]:
    """Candidate writer's names for one ICD title (may be empty)."""
    alts: list[str] = []
    # [bracketed] alternative names: "Varicella [chickenpox]" -> "chickenpox"
    for inner in re.findall(r"\[([^\]]+)\]", title):
        if not re.search(r"includ|\d", inner, re.I):
            alts.append(inner)
    # (ACRONYM) -> an alternative name; other parentheticals are qualifiers
    for inner in re.findall(r"\(([^)]+)\)", title):
        if _ACRONYM.match(inner):
            alts.append(inner)
    base = re.sub(r"\s*\[[^\]]*\]", "", title)
    base = re.sub(r"\s*\([^)]*\)", "", base)
    out = []
    for cand in [base, *alts]:
        t = cand.lower().strip()
        for d in _DROP:
            t = t.replace(d, "")
        changed = True
        while changed:
            changed = False
            for lead in _LEADING:
                if t.startswith(lead):
                    t, changed = t[len(lead):], True
        t = re.sub(r"\s+", " ", t).strip(" ,")
        parts = [t]
        # "Glanders and melioidosis" -> both; but not "Atrial fibrillation and flutter"
        # (a distributive adjective) nor a title with a comma list.
        if " and " in t and "," not in t and not (set(t.split()) & _BANNED):
            a, b = t.split(" and ", 1)
            if not (len(a.split()) > 1 and len(b.split()) == 1) and " and " not in b:
                parts = [a, b]
        for p in parts:
            p = _singular(p.strip())
            if p:
                out.append(p)
    return out


def acceptable(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 4:
        return False
    if any(w in _BANNED for w in words):
        return False
    return re.fullmatch(r"[a-z0-9' -]+", name) is not None and len(name) > 2


# ---------------------------------------------------------------- variants

# US -> UK spellings: (regex, replacement), each applied alone and all together.
US_UK = [(re.compile(a), b) for a, b in [
    (r"\bhem(?=orrh|ophil|atom|atur|angiom|oglobin|olytic|ochromatosis|optysis|atemesis|atolog)", "haem"),
    (r"(?<=[b-z])emia\b", "aemia"),  # anemia, leukemia, hypoglycemia, septicemia ...
    (r"(?<=isch|glyc|leuk|urem)emic\b", "aemic"), (r"\banemic\b", "anaemic"),
    (r"(?<!o)edema", "oedema"), (r"(?<!o)esophag", "oesophag"),
    (r"(?<!o)estrogen", "oestrogen"), (r"\bestradiol", "oestradiol"), (r"rrhea\b", "rrhoea"),
    (r"rrheic\b", "rrhoeic"), (r"(?<=[a-z])pnea\b", "pnoea"), (r"\bapnea", "apnoea"),
    (r"tumor", "tumour"), (r"\bceliac", "coeliac"), (r"\bpediatric", "paediatric"),
    (r"orthopedic", "orthopaedic"), (r"\bfetal\b", "foetal"), (r"\bfetus\b", "foetus"),
    (r"\bbehavior", "behaviour"), (r"\blabor\b", "labour"), (r"\bcolor\b", "colour"),
    (r"\bodor\b", "odour"), (r"\bgeneralized\b", "generalised"), (r"\blocalized\b", "localised"),
    (r"\baging\b", "ageing"), (r"\bfiber\b", "fibre"), (r"amebi", "amoebi"), (r"\bameba", "amoeba"),
    (r"gynecolog", "gynaecolog"), (r"\bcesarean", "caesarean"), (r"sulfate\b", "sulphate"),
    (r"\banesthe", "anaesthe"), (r"\bhot flash\b", "hot flush"), (r"ization\b", "isation"),
    (r"\bstabilizer", "stabiliser"), (r"\bdefense", "defence"), (r"\bgray\b", "grey"),
    (r"\bgoiter", "goitre"), (r"\bpapilledema", "papilloedema"), (r"\bcenter\b", "centre"),
]]


def spelling_variants(term: str) -> set[str]:
    """The term and its all-UK spelling (not every US/UK mixture)."""
    uk = term
    for rx, repl in US_UK:
        uk = rx.sub(repl, uk)
    return {term, uk}


# Eponyms whose possessive is also written without "'s" ("bell palsy") or "s" ("bells palsy").
_EPONYM_HEAD = r"(?:disease|syndrome|palsy|sarcoma|lymphoma|chorea|ataxia|encephalopathy|neuroma|" \
    r"contracture|phenomenon|thyroiditis|esophagus|oesophagus|dystrophy|tenosynovitis|" \
    r"ophthalmopathy|cyst|dementia|disease of bone)\b"


def form_variants(term: str) -> set[str]:
    out = spelling_variants(term)
    # eponyms: "alzheimer's disease" -> "alzheimers disease", "alzheimer disease";
    # other possessives ("athlete's foot") only lose the apostrophe
    for t in list(out):
        if re.search(r"[a-z]'s\b", t):
            out.add(re.sub(r"'s\b", "s", t))
            if re.search(r"[a-z]'s " + _EPONYM_HEAD, t):
                out.add(re.sub(r"'s(?= " + _EPONYM_HEAD + ")", "", t))
        if re.search(r"[a-z]s'(\s|$)", t):  # "graves' disease" -> "graves disease"
            out.add(re.sub(r"s'(\s|$)", r"s\1", t))
    for t in list(out):
        if "-" in t:
            out.add(t.replace("-", " "))
    return {re.sub(r"\s+", " ", t).strip() for t in out}


# ---------------------------------------------------------------- build

def _terms_of(value, default_kind: str) -> dict[str, list[str]]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {value: []}  # a kind: use the simplified ICD title
    if isinstance(value, list):
        return {default_kind: [str(v) for v in value]}
    return {str(k): [str(x) for x in v] for k, v in value.items()}


def build(extra: dict) -> tuple[dict, list[tuple[str, str, str]]]:
    import simple_icd_10_cm as cm

    icd = extra.get("icd", {})
    skip = {str(c) for c in icd.get("skip", [])}
    rename = {str(k): v for k, v in (icd.get("rename") or {}).items()}
    add = {str(k): v for k, v in (icd.get("add") or {}).items()}
    exclude = {str(t).lower() for t in extra.get("exclude", [])}
    for code in [*skip, *rename, *add]:
        if not cm.is_valid_item(code):
            raise SystemExit(f"conditions_extra.yaml: {code} is not an ICD-10-CM code")

    found: dict[str, tuple[str, str]] = {}  # term -> (kind, source)
    conflicts: list[str] = []

    def put(term: str, kind: str, source: str) -> None:
        term = term.lower().replace("\u2019", "'").strip()
        if kind not in KINDS:
            raise SystemExit(f"unknown kind {kind!r} for {term!r} ({source})")
        for t in sorted(form_variants(term)):
            if t in exclude:
                continue
            if t in found and found[t][0] != kind:
                # lay/hand decisions win over an ICD chapter default
                if source == "lay" and found[t][1] != "lay":
                    found[t] = (kind, source)
                    continue
                if found[t][1] == "lay" and source != "lay":
                    continue
                conflicts.append(f"{t}: {found[t]} vs {(kind, source)}")
                continue
            found.setdefault(t, (kind, source))

    def from_title(code: str) -> list[str]:
        return [c for c in simplify(cm.get_description(code)) if acceptable(c)]

    categories = sorted(c for c in cm.get_all_codes(False) if cm.is_category(c))
    for code in categories:
        if code in skip or code[0] not in DISEASE_CHAPTERS or code in add:
            continue
        if code in rename:
            for kind, terms in _terms_of(rename[code], "disease").items():
                for t in terms or from_title(code):
                    put(t, kind, code)
            continue
        for t in from_title(code):
            put(t, "disease", code)
    for code in sorted(add):
        for kind, terms in _terms_of(add[code], "disease").items():
            names = terms or from_title(code)
            if not names:
                raise SystemExit(f"icd.add {code}: title {cm.get_description(code)!r} "
                                 "does not simplify; give the terms")
            for t in names:
                put(t, kind, code.replace(".", "") if False else code)
    for kind in KINDS:
        for t in (extra.get("lay") or {}).get(kind, []) or []:
            put(str(t), kind, "lay")
    if conflicts:
        raise SystemExit("kind conflicts:\n  " + "\n  ".join(conflicts))

    # a generated variant that is the regular plural of another term ("alzheimers" of
    # "alzheimer") is left to the loader, which adds +s/+es itself
    for t in [t for t in found if (t.endswith("s") and t[:-1] in found)
              or (t.endswith("es") and t[:-2] in found)]:
        if found[t][0] == found.get(t[:-1], found.get(t[:-2]))[0]:
            del found[t]
    terms = {k: sorted(t for t, (kind, _) in found.items() if kind == k) for k in KINDS}
    prov = sorted((t, kind, src) for t, (kind, src) in found.items())
    return terms, prov


def render(extra: dict, terms: dict) -> str:
    doc = {
        "lexicon": "conditions",
        "purpose": " ".join(extra["purpose"].split()),
        "sources": [s.replace("{version}", metadata.version("simple-icd-10-cm"))
                    for s in extra["sources"]],
        "notes": " ".join(extra["notes"].split()),
        "deficiency_diseases": extra.get("deficiency_diseases") or {},
        "inflect": "noun",
        "terms": terms,
    }
    return lexio.render(doc, "# GENERATED by tools/lexicons/build_conditions.py from ICD-10-CM and\n"
                             "# tools/lexicons/conditions_extra.yaml: edit those, then rebuild.\n",
                        ("deficiency_diseases",))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the outputs are stale")
    args = ap.parse_args(argv)
    extra = yaml.safe_load(EXTRA.read_text(encoding="utf-8"))
    terms, prov = build(extra)
    text = render(extra, terms)
    tsv = "term\tkind\tsource\n" + "".join(f"{t}\t{k}\t{s}\n" for t, k, s in prov)
    if args.check:
        stale = [p for p, body in ((OUT, text), (PROVENANCE, tsv))
                 if not p.exists() or p.read_text(encoding="utf-8") != body]
        for p in stale:
            print(f"stale: {p.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    PROVENANCE.write_text(tsv, encoding="utf-8")
    counts = ", ".join(f"{k} {len(v)}" for k, v in terms.items())
    print(f"wrote {OUT.relative_to(ROOT)}: {sum(map(len, terms.values()))} terms ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
