"""Lexicons (YAML term lists shipped in ``healthlint/lexicons``) matched in one pass.

Each lexicon file has ``lexicon`` (its name), ``purpose``, ``sources`` and
``terms``: a mapping from a *kind* to a list of terms. A term is a literal
phrase in lower case; a list of phrases gives every form explicitly. The
file's ``inflect`` (``noun``, ``verb`` or ``none``; per kind under
``inflect_kinds``) adds regular forms once, when the lexicon is loaded: plurals
of a phrase's last word, or the ``-s``/``-ed``/``-ing`` forms of its first word.

All terms of all lexicons go into one Aho-Corasick automaton (pyahocorasick),
which finds every occurrence in a document's lower-cased prose in one scan;
only matches on word boundaries are kept. A match is a :class:`Term`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Iterator, NamedTuple

import ahocorasick
import yaml

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class Term(NamedTuple):
    """A lexicon term found in the text: ``[start, end)`` in the text that was scanned.

    Immutable; a named tuple because a page has hundreds of them (several times cheaper to build
    than a frozen dataclass)."""

    start: int
    end: int
    lexicon: str
    kind: str
    text: str  # the canonical term (the lexicon's first form), lower case


@dataclass(frozen=True, slots=True)
class Lexicon:
    name: str
    purpose: str
    sources: tuple[str, ...]
    terms: dict[str, tuple[tuple[str, ...], ...]]  # kind -> (forms of one term, ...)


# ---- inflection -------------------------------------------------------------------------
_VOWELS = "aeiou"
_IRREGULAR_PLURAL = {"child": "children", "man": "men", "woman": "women", "person": "people", "mouse": "mice",
                     "foot": "feet", "clubfoot": "clubfeet", "tooth": "teeth", "fish": "fish", "sheep": "sheep",
                     "series": "series", "species": "species", "life": "lives", "tomato": "tomatoes", "potato": "potatoes",
                     "stomach": "stomachs", "fungus": "fungi", "bacterium": "bacteria", "lactobacillus": "lactobacilli",
                     "bifidobacterium": "bifidobacteria", "phenomenon": "phenomena", "calculus": "calculi"}
# verbs stressed on the last syllable double their final consonant: admitted, occurred
_DOUBLING = frozenset("admit commit occur prefer refer control permit omit submit transmit regret".split())


def plural(word: str) -> str:
    """Regular English plural of a noun."""
    if word in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[word]
    if word.endswith("sis"):
        return word[:-3] + "ses"  # diagnosis, psychosis, thrombosis
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _doubles(verb: str) -> bool:
    """Does the final consonant double before -ed/-ing ("stop" -> "stopped")?"""
    if len(verb) < 3 or verb[-1] in "wxy" + _VOWELS:
        return False
    return verb[-2] in _VOWELS and verb[-3] not in _VOWELS and sum(c in _VOWELS for c in verb) == 1


def verb_forms(verb: str) -> list[str]:
    """Base, third person, past and -ing forms of a regular English verb."""
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in _VOWELS:
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    if _doubles(verb) or verb in _DOUBLING:
        return [verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def forms(term: str | list[str], how: str) -> tuple[str, ...]:
    """Every form of a lexicon term: listed forms are kept as written, others inflected per ``how``."""
    if isinstance(term, list):
        return tuple(dict.fromkeys(normalise(t) for t in term))
    t = normalise(term)
    if how == "noun":
        head, _, last = t.rpartition(" ")
        return tuple(dict.fromkeys([t, (head + " " if head else "") + plural(last)]))
    if how == "verb":
        first, _, rest = t.partition(" ")
        return tuple(dict.fromkeys(f + (" " + rest if rest else "") for f in verb_forms(first)))
    return (t,)


# ---- text normalisation -----------------------------------------------------------------
# typographic apostrophes, quotes and dashes, and line breaks and non-breaking spaces: each one
# character for one (``str.replace`` per pair: on real pages about ten times faster than ``str.translate``)
_FOLD = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("`", "'"), ("“", '"'), ("”", '"'), ("‐", "-"), ("‑", "-"), ("–", "-"),
         ("\n", " "), ("\t", " "), ("\r", " "), ("\u00a0", " "))


def normalise(text: str) -> str:
    """Lower case with apostrophes, quotes, dashes and spaces folded, the same length as ``text``."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ"): keep it as it is
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for typographic, plain in _FOLD:
        if typographic in low:
            low = low.replace(typographic, plain)
    return low


# ---- loading ----------------------------------------------------------------------------
def _load_file(name: str, text: str) -> Lexicon:
    data = yaml.load(text, Loader=_Loader)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), dict):
        raise ValueError(f"lexicon {name}: expected a mapping with 'terms'")
    default = data.get("inflect", "none")
    per_kind = data.get("inflect_kinds") or {}
    terms: dict[str, tuple[tuple[str, ...], ...]] = {}
    for kind, items in data["terms"].items():
        how = per_kind.get(kind, default)
        for t in items or []:
            if not (isinstance(t, str) or isinstance(t, list) and t and all(isinstance(x, str) for x in t)):
                raise ValueError(f"lexicon {name}, kind {kind}: {t!r} is not a term (a string or a list of strings)")
        terms[str(kind)] = tuple(forms(t, how) for t in items or [])
    return Lexicon(str(data.get("lexicon", name)), str(data.get("purpose", "")).strip(),
                   tuple(data.get("sources") or ()), terms)


@lru_cache(maxsize=None)
def lexicons() -> dict[str, Lexicon]:
    """Every lexicon shipped with healthlint, by name."""
    out: dict[str, Lexicon] = {}
    folder = resources.files("healthlint") / "lexicons"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            lex = _load_file(entry.name, entry.read_text(encoding="utf-8"))
            out[lex.name] = lex
    return out


def lexicon(name: str) -> Lexicon:
    return lexicons()[name]


def words(name: str, *kinds: str) -> frozenset[str]:
    """Every form of the terms of lexicon ``name`` (of ``kinds``, or all)."""
    lex = lexicon(name)
    return frozenset(f for k, items in lex.terms.items() if not kinds or k in kinds for t in items for f in t)


# ---- matching ---------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _automaton() -> ahocorasick.Automaton:
    """One automaton over every form of every term: form -> (its length, ((lexicon, kind, canonical), ...))."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    for lex in lexicons().values():
        for kind, items in lex.terms.items():
            for term_forms in items:
                for f in term_forms:
                    entry = (lex.name, kind, term_forms[0])
                    if entry not in table.setdefault(f, []):
                        table[f].append(entry)
    auto = ahocorasick.Automaton()
    for form, entries in table.items():
        auto.add_word(form, (len(form), tuple(entries)))
    auto.make_automaton()
    return auto


def find_terms(low: str) -> list[Term]:
    """Every whole-word lexicon term in ``low`` (:func:`normalise`-d text), by start (longest first)."""
    out: list[Term] = []
    n = len(low)
    for last, (length, entries) in _automaton().iter(low):
        end = last + 1
        start = end - length
        # whole words only: no letter or digit right before or after (every term starts and ends with one)
        if start and low[start - 1].isalnum() or end < n and low[end].isalnum():
            continue
        for lex, kind, canonical in entries:
            out.append(Term(start, end, lex, kind, canonical))
    out.sort(key=lambda t: (t.start, -t.end))
    return out


def iter_kinds(terms: Iterable[Term], lexicon_name: str, *kinds: str) -> Iterator[Term]:
    """The terms of one lexicon (and kinds) among ``terms``."""
    for t in terms:
        if t.lexicon == lexicon_name and (not kinds or t.kind in kinds):
            yield t
