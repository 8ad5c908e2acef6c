#!/usr/bin/env python3
"""Check healthlint's lexicon files (src/healthlint/lexicons/*.yaml) and print counts.

Checks: the schema of each file (lexicon, purpose, sources, notes, terms by kind, and the
one mapping a file may carry); every term is lower case, a word or phrase of plain
characters with single spaces (no regex), straight apostrophes only; no term twice in a
kind, in two kinds or in two files (except ALLOWED_OVERLAP, which must be explained in a
file's notes); no term is the regular plural (+s/+es, which the loader adds) of another
term; no term or its plural is an English function word or a known everyday word; each
mapping names terms that exist in the right files; each kind is sorted. Warnings (not
errors): a US spelling without its UK twin, a hyphenated term without its spaced form.

    python tools/lexicons/check.py            # check, print counts; exit 1 on an error
    python tools/lexicons/check.py --sort     # first rewrite products.yaml and drugs.yaml sorted
    python tools/lexicons/check.py -v         # also list every warning
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import lexio  # noqa: E402
from build_conditions import spelling_variants  # noqa: E402

LEXDIR = HERE.parent.parent / "src" / "healthlint" / "lexicons"

SCHEMA = {
    # file: (kinds, optional mapping: (name, key file/kinds, value file/kinds))
    "conditions": (("disease", "symptom", "function", "death"),
                   ("deficiency_diseases", ("conditions", None), ("products", None))),
    "products": (("supplement", "herb", "cannabis", "food", "natural", "form"),
                 ("health_claims", ("products", None), ("conditions", ("disease",)))),
    "drugs": (("prescription", "class", "hormone", "brand"),
              ("approved_uses", ("drugs", ("prescription", "brand")), ("conditions", None))),
}
GENERATED = {"conditions"}  # written by build_conditions.py; --sort leaves it alone

# Terms allowed in more than one place: term -> reason; the term must be quoted in notes.
ALLOWED_OVERLAP: dict[str, str] = {}
# Terms kept although the loader's blind "+es" makes an everyday word of them; each must be
# quoted in its file's notes, which tell the loader what to do.
ALLOWED_PLURAL_CLASH = {"hiv": "hives"}
# Hyphenated chemical and brand names that writers do not space ("l-theanine", "co-codamol").
UNSPACED = re.compile(r"^(?:[0-9]+'?|[a-z]|co|mk|tb|ksm|thc|fo|sam|depo|retin|indole|myo|"
                      r"acetyl|z)-")

# English function words (closed classes) and a few auxiliaries.
FUNCTION_WORDS = set("""
a about above across after against all along also although am among an and another any
anybody anyone anything are around as at be because been before behind being below beside
besides between beyond both but by can cannot could did do does doing done down during each
either else enough even ever every few for from further had has have having he her here hers
herself him himself his how however i if in inside into is it its itself just least less
many may me might mine more most much must my myself neither no nobody none nor not nothing
now of off often on once one only onto or other others otherwise our ours ourselves out over
own per rather same several shall she should since so some such than that the their theirs
them themselves then there these they this those though through thus till to too toward
towards under unless unlike until up upon us very via was we were what whatever when where
whether which while who whom whose why will with within without would yet you your yours
yourself yourselves
""".split())

# Everyday words that would make the linter fire on ordinary prose (see each file's notes).
EVERYDAY = set("""
cold fit fits high low pressure spring strain stroke-of rash shock plague mania hives piles
paralysis confusion overweight corn mole boil ms ed ad add aids std sad gad pots pid ra mi af
pe cad chf as ca uc tia mono nash mash same dim milk drop drops shot serum infusion edible
blend hops weed nr ala cla nad cbc full-spectrum broad-spectrum plan b ella alli sonata bayer
exelon medicine drug adrenaline anti-inflammatory disease illness condition disorder syndrome
deficiency lesion abnormality die dies dying fatal lethal deadly killer attack crisis failure
arrest break block flutter viral secondary cavity spot spots sore growth mass lump
""".split()) | {"plan b"}

TERM = re.compile(r"[0-9a-z\u00e0-\u024f](?:[0-9a-z\u00e0-\u024f'/+-]|[.,]? (?=\S))*")


def plurals(term: str) -> set[str]:
    return {term + "s", term + "es"}


def load(name: str) -> dict:
    path = LEXDIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def sort_file(name: str) -> None:
    doc = load(name)
    text = lexio.render(doc, mapping_keys=(SCHEMA[name][1][0],))
    (LEXDIR / f"{name}.yaml").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sort", action="store_true", help="rewrite hand-curated files sorted")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every warning")
    args = ap.parse_args(argv)
    if args.sort:
        for name in SCHEMA:
            if name not in GENERATED:
                sort_file(name)

    errors: list[str] = []
    warnings: list[str] = []
    docs = {name: load(name) for name in SCHEMA}
    where: dict[str, list[tuple[str, str]]] = {}  # term -> [(file, kind)]
    all_notes = " ".join(str(d.get("notes", "")) for d in docs.values())

    for name, doc in docs.items():
        kinds, (mapping, _, _) = SCHEMA[name]
        if not isinstance(doc, dict):
            errors.append(f"{name}: not a mapping")
            continue
        allowed = {"lexicon", "purpose", "sources", "notes", "terms", "inflect", mapping}
        for key in sorted(set(doc) - allowed):
            errors.append(f"{name}: unexpected top-level key {key!r}")
        if doc.get("lexicon") != name:
            errors.append(f"{name}: lexicon: must be {name!r}")
        for key in ("purpose", "notes"):
            if not isinstance(doc.get(key), str) or len(doc[key].split()) < 10:
                errors.append(f"{name}: {key}: must be a paragraph")
        if not (isinstance(doc.get("sources"), list) and doc["sources"]
                and all(isinstance(s, str) and s.strip() for s in doc["sources"])):
            errors.append(f"{name}: sources: must be a non-empty list of strings")
        terms = doc.get("terms")
        if not isinstance(terms, dict) or tuple(terms) != kinds:
            errors.append(f"{name}: terms: kinds must be exactly {list(kinds)} in that order")
            continue
        for kind, items in terms.items():
            if not isinstance(items, list) or not items:
                errors.append(f"{name}.{kind}: must be a non-empty list")
                continue
            if items != sorted(items):
                errors.append(f"{name}.{kind}: not sorted (run check.py --sort, or rebuild)")
            seen: set[str] = set()
            for t in items:
                label = f"{name}.{kind}: {t!r}"
                if not isinstance(t, str):
                    errors.append(f"{label}: not a string")
                    continue
                if t in seen:
                    errors.append(f"{label}: listed twice")
                seen.add(t)
                where.setdefault(t, []).append((name, kind))
                if t != t.lower():
                    errors.append(f"{label}: not lower case")
                if "\u2019" in t or "\u2018" in t or "`" in t:
                    errors.append(f"{label}: use the straight apostrophe '")
                if not TERM.fullmatch(t):
                    errors.append(f"{label}: only letters, digits, single spaces, ' / + - "
                                  "and an abbreviating '. ' are allowed")
                if t in FUNCTION_WORDS or plurals(t) & FUNCTION_WORDS:
                    errors.append(f"{label}: is (or pluralises to) an English function word")
                if t in EVERYDAY or (plurals(t) & EVERYDAY and not (
                        t in ALLOWED_PLURAL_CLASH and f'"{t}"' in str(doc.get("notes")))):
                    errors.append(f"{label}: an everyday word that would fire on ordinary prose")

    # duplicates between kinds / files
    for t, places in sorted(where.items()):
        if len(places) > 1:
            if t in ALLOWED_OVERLAP and f'"{t}"' in all_notes:
                continue
            errors.append(f"{t!r} is in " + " and ".join(f"{f}.{k}" for f, k in places))
    # a term that the loader would produce from another term
    for t in sorted(where):
        for p in sorted(plurals(t)):
            if p in where:
                errors.append(f"{p!r} ({where[p][0][0]}.{where[p][0][1]}) is the regular plural"
                              f" of {t!r} ({where[t][0][0]}.{where[t][0][1]}): list only {t!r}")

    # mappings name terms that exist
    for name, doc in docs.items():
        mapping, (kf, kkinds), (vf, vkinds) = SCHEMA[name][1]
        for key, values in (doc.get(mapping) or {}).items():
            def ok(term: str, f: str, ks) -> bool:
                return any(pf == f and (ks is None or pk in ks) for pf, pk in where.get(term, ()))
            if not ok(key, kf, kkinds):
                errors.append(f"{name}.{mapping}: key {key!r} is not a {kf} term"
                              + (f" of kind {'/'.join(kkinds)}" if kkinds else ""))
            if not isinstance(values, list):
                errors.append(f"{name}.{mapping}.{key}: must be a list")
                continue
            for v in values:
                if not ok(v, vf, vkinds):
                    errors.append(f"{name}.{mapping}.{key}: {v!r} is not a {vf} term"
                                  + (f" of kind {'/'.join(vkinds)}" if vkinds else ""))

    # warnings: spelling and spacing twins
    for t in sorted(where):
        for twin in sorted(spelling_variants(t) - {t}):
            if twin not in where:
                warnings.append(f"{t!r}: no UK spelling {twin!r}")
        if "-" in t and t.replace("-", " ") not in where and not any(
                UNSPACED.search(w) for w in t.split() if "-" in w):
            warnings.append(f"{t!r}: no spaced form {t.replace('-', ' ')!r}")

    total = 0
    for name, doc in docs.items():
        terms = doc.get("terms") or {}
        n = sum(len(v) for v in terms.values())
        total += n
        counts = ", ".join(f"{k} {len(v)}" for k, v in terms.items())
        mapping = SCHEMA[name][1][0]
        extra = f"; {mapping} {len(doc.get(mapping) or {})}" if doc.get(mapping) else ""
        print(f"{name}.yaml: {n} terms ({counts}{extra})")
    print(f"total: {total} terms; {len(errors)} errors, {len(warnings)} warnings")
    for e in errors:
        print(f"error: {e}")
    if args.verbose:
        for w in warnings:
            print(f"warning: {w}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
