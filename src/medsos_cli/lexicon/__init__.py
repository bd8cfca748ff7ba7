"""The Indonesian lexicon behind the spelling, affixation and foreign-word rules.

Data (see ``NOTICE.md``): full forms expanded at build time from hunspell-id, with clitics
(-nya -lah -kah -pun -ku -mu -tah, ku-/kau-) stripped at look-up instead; stems; verb roots;
English words; the words of place names. Everything loads lazily, once per process, on the
first look-up of a word that the spelling rules actually check.

A word is analysed once per process (``analyse`` is memoised): a caption costs one set look-up
per distinct word, and only the misses go through clitics, reduplication and morphology.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from medsos_cli.text.morphology import attach

KNOWN = "known"
UNKNOWN = "unknown"
UNASSIMILATED = "unassimilated"  # mempengaruhi → memengaruhi
PREPOSITION = "preposition"  # dikantor → di kantor
ENGLISH = "english"

# Longest first: -nyalah before -lah and -nya.
_CLITICS = ("nyalah", "nyakah", "nyapun", "nyatah", "kulah", "mulah", "lah", "kah", "pun",
            "tah", "nya", "ku", "mu")
_PROCLITICS = ("kau", "ku")
# Bound forms written solid with the next word (EYD V, bentuk terikat): antarkelurahan,
# semiprofesional, maladistribusi. A word made of one and a known word is a word.
_BOUND = ("antar", "pasca", "pra", "non", "multi", "semi", "sub", "super", "supra", "tuna",
          "kontra", "mikro", "makro", "ultra", "swa", "maha", "mala", "ekstra", "intra",
          "inter", "anti", "eka", "dwi", "tri", "catur", "panca", "sapta", "dasa", "kilo",
          "senti", "mili", "mega", "giga", "tera", "pro", "pan", "neo", "purna", "poli")
_VOWELS = frozenset("aeiou")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_CACHE_LIMIT = 200_000
# Neighbouring keys on a QWERTY keyboard (phone and laptop keyboards in Indonesia).
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEAR = {c: "".join(r[max(0, i - 1):i + 2].replace(c, "") for r in _ROWS if c in r)
         for r in _ROWS for i, c in enumerate(r)}


class Analysis(NamedTuple):
    """What the lexicon says about one lower-case word."""

    status: str
    suggestions: tuple[str, ...] = ()


# A set of the 57,000 forms takes ~20 ms to build, which one caption (~20 distinct words)
# must not pay: until this many look-ups, a word list answers by binary search in its sorted
# lines (~5 ms to read, ~0.3 µs a look-up); a batch run passes the count within its first few
# hundred captions and gets the set (0.05 µs a look-up).
LOOKUPS_BEFORE_SET = 20_000


class WordList:
    """One word list of the lexicon, read on first use: comment lines (``#``) at the top, then
    one word per line in code-point order (tests/test_spelling.py checks the shipped files).
    Membership is exact either way: a line equal to the word."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._set: frozenset[str] | None = None
        self._lines: list[str] | None = None
        self._lookups = 0

    def __contains__(self, word: object) -> bool:
        found = self._set
        if found is not None:
            return word in found
        return self._search(word)

    def _search(self, word: object) -> bool:
        self._lookups += 1
        if self._lookups > LOOKUPS_BEFORE_SET:
            return word in self.as_set()
        lines = self._lines
        if lines is None:
            lines = self._lines = _sorted_lines(self.name)
        if not isinstance(word, str):
            return False
        i = bisect_left(lines, word)
        return i < len(lines) and lines[i] == word

    @property
    def loaded(self) -> bool:
        """Whether the list has been read."""
        return self._set is not None or self._lines is not None

    def as_set(self) -> frozenset[str]:
        """All the words (built once)."""
        if self._set is None:
            self._set = frozenset(self._lines or _sorted_lines(self.name))
            self._lines = None
        return self._set

    def known(self, words: Iterable[str]) -> frozenset[str]:
        """Those of ``words`` that are in the list."""
        if self._set is not None:
            return self._set.intersection(words)
        return frozenset([w for w in words if w in self])

    def __len__(self) -> int:
        return len(self.as_set())

    def __iter__(self) -> Iterator[str]:
        return iter(self.as_set())


def _sorted_lines(name: str) -> list[str]:
    """The words of a list file: its lines without the leading comments and empty lines."""
    lines = Path(__file__).with_name(name).read_text("utf-8").split("\n")
    first = 0
    while first < len(lines) and (not lines[first] or lines[first].startswith("#")):
        first += 1
    end = len(lines)
    while end > first and not lines[end - 1]:
        end -= 1
    return lines[first:end] if first or end < len(lines) else lines


class Lexicon:
    """The word lists, loaded on first use of each.

    Each list is a :class:`WordList` until it has built its set, and that frozenset after:
    the dictionary rules test thousands of forms a caption (clitics, affixes, suggestions),
    and a frozenset answers ``in`` in C where a WordList answers through a Python call."""

    def __init__(self) -> None:
        self._lists = {name: WordList(file) for name, file in (
            ("forms", "id-forms.txt"), ("stems", "id-stems.txt"), ("verbs", "id-verbs.txt"),
            ("english", "en-words.txt"), ("places", "gazetteer.txt"),
            ("unassimilated", "id-unassimilated.txt"))}
        self._memo: dict[str, Analysis] = {}

    def _list(self, name: str) -> Container[str]:
        found = self._lists[name]
        return found._set if found._set is not None else found

    @property
    def forms(self) -> Container[str]:
        """Full forms without clitics (lower case)."""
        return self._list("forms")

    @property
    def stems(self) -> Container[str]:
        """The dictionary's stems (lower case)."""
        return self._list("stems")

    @property
    def verbs(self) -> Container[str]:
        """Stems that take a bare meN-/di- (verb roots)."""
        return self._list("verbs")

    @property
    def english(self) -> Container[str]:
        """English words that are not Indonesian forms."""
        return self._list("english")

    @property
    def places(self) -> Container[str]:
        """Words of province, kabupaten/kota and kecamatan names."""
        return self._list("places")

    @property
    def unassimilated(self) -> Container[str]:
        """Unassimilated meN-/peN- forms the dictionary accepts (reported by morphology)."""
        return self._list("unassimilated")

    def word_list(self, name: str) -> WordList:
        """The list behind ``forms``, ``stems``, … (its size, whether it is read)."""
        return self._lists[name]

    def known_forms(self, words: Iterable[str]) -> frozenset[str]:
        """Those of ``words`` that are full forms."""
        return self._lists["forms"].known(words)

    # -- look-ups ----------------------------------------------------------------------------
    def is_word(self, word: str) -> bool:
        """Whether ``word`` (lower case) is an Indonesian form, clitics and reduplication
        allowed."""
        forms = self.forms
        if word in forms:
            return True
        for clitic in _CLITICS:
            if word.endswith(clitic) and len(word) > len(clitic) + 1:
                base = word[:-len(clitic)]
                if base in forms or _bare_suffixed(base, forms):
                    return True
                for pro in _PROCLITICS:
                    if base.startswith(pro) and base[len(pro):] in forms:
                        return True
        for pro in _PROCLITICS:
            if word.startswith(pro) and len(word) > len(pro) + 2 and word[len(pro):] in forms:
                return True
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            if parts and all(self.is_word(p) for p in parts):
                return True
            # sayur-mayur, bolak-balik: the first part alone carries the meaning
            if parts and self.is_word(parts[0]) and len(parts) == 2:
                return True
        if word.startswith("di") and (_passive_root(word[2:], self.verbs)
                                      or word.endswith("asi") and word[2:] in forms):
            return True  # dicek, didramatisasi
        if (word.startswith("ke") and word.endswith("an") and len(word) > 6
                and word[2:-2] in forms):
            return True  # ke-an nouns the dictionary lacks (kependudukan)
        if word.startswith("ter") and len(word) > 6 and (
                _passive_root(word[3:], self.verbs) or "di" + word[3:] in forms
                or word.endswith("asi") and word[3:] in forms):
            return True  # ter- on a verb root (terealisasi, terdampak)
        for bound in _BOUND:
            if (word.startswith(bound) and len(word) > len(bound) + 3
                    and word[len(bound):] in forms):
                return True
        return _bare_suffixed(word, forms)

    def analyse(self, word: str) -> Analysis:
        """Classify a lower-case word (memoised per process)."""
        found = self._memo.get(word)
        if found is None:
            found = self._analyse(word)
            if len(self._memo) < _CACHE_LIMIT:
                self._memo[word] = found
        return found

    def _analyse(self, word: str) -> Analysis:
        if word in self.unassimilated:
            fixed = _assimilated(word, self)
            # no assimilated form in the dictionary (mempunyai): the form stands
            return Analysis(UNASSIMILATED, fixed) if fixed else Analysis(KNOWN)
        if self.is_word(word):
            return Analysis(KNOWN)
        fixed = _assimilated(word, self)
        if fixed:
            return Analysis(UNASSIMILATED, fixed)
        split = self._preposition(word)
        if split:
            return Analysis(PREPOSITION, (split,))
        if word in self.english:
            return Analysis(ENGLISH)
        return Analysis(UNKNOWN)

    def _preposition(self, word: str) -> str | None:
        """``dikantor`` → ``di kantor``: di/ke attached to a known word that is not a verb
        root (a verb root with di- is a passive, which the dictionary would know)."""
        for prep in ("di", "ke"):
            if word.startswith(prep) and len(word) > len(prep) + 2:
                rest = word[len(prep):]
                if prep == "di" and (rest in self.verbs or rest.endswith("asi")):
                    return None  # a passive: ditulis, dipolitisasi
                if self.is_word(rest) and rest not in self.verbs:
                    return f"{prep} {rest}"
        return None

    def suggest(self, word: str, limit: int = 3, max_cost: int = 4) -> tuple[str, ...]:
        """Forms one edit away (deletion, transposition, substitution, insertion), best first:
        an insertion or transposition (a letter missed or swapped while typing, cost 1), a
        deletion (2), a neighbouring key (3), any other letter (4); ties keep alphabetical
        order so the output is deterministic. ``max_cost`` drops the costlier edits."""
        if len(word) < 4 or len(word) > 30:
            return ()
        key = f"\x00{max_cost}\x00{word}"
        cached = self._memo.get(key)
        if cached is not None:
            return cached.suggestions[:limit]
        forms = self.forms
        scored: dict[str, int] = {}
        for cost, candidate in _edits(word):
            if cost > max_cost or candidate in scored and scored[candidate] <= cost:
                continue
            # plain set look-ups only (a few hundred candidates): a form, or a form + clitic
            if candidate in forms or _clitic_form(candidate, forms):
                scored[candidate] = cost
        ranked = tuple(sorted(scored, key=lambda c: (scored[c], c)))
        if len(self._memo) < _CACHE_LIMIT:
            self._memo[key] = Analysis(UNKNOWN, ranked)
        return ranked[:limit]


def _clitic_form(word: str, forms: Container[str]) -> bool:
    """A form followed by -nya, -lah, -kah, -pun, -ku or -mu."""
    for clitic in ("nya", "lah", "kah", "pun", "ku", "mu"):
        if word.endswith(clitic) and word[:-len(clitic)] in forms:
            return True
    return False


def _passive_root(rest: str, verbs: Container[str]) -> bool:
    """di- + a verb root, with -kan or -i (*diimbau*, *dicek*, *diunggahkan*)."""
    if rest in verbs or (rest.endswith(("i", "kan")) and _active(rest)):
        return True  # dikabari (mengabari); not diawal, whose "mengawal" is from kawal
    for suffix in ("kan", "i"):
        if rest.endswith(suffix) and rest[:-len(suffix)] in verbs:
            return True
    return False


def _bare_suffixed(word: str, forms: Container[str]) -> bool:
    """An imperative or bare suffixed verb (*hubungi*, *sampaikan*, *kabari*): di- or meN- +
    the word is a form."""
    return (word.endswith(("kan", "i", "an")) and len(word) > 4
            and ("di" + word in forms or _active(word)))


def _active(word: str) -> bool:
    """Whether meN- + ``word`` (with the nasal rules) is a dictionary form: *telusuri* →
    *menelusuri*, *kabari* → *mengabari*."""
    return attach("meN", word, "") in lexicon().forms


def _edits(word: str):
    """(cost, candidate) for every string one edit from ``word``."""
    n = len(word)
    for i in range(n + 1):
        for c in _ALPHABET:
            yield 1, word[:i] + c + word[i:]  # insertion: a missed letter
    for i in range(n - 1):
        if word[i] != word[i + 1]:
            yield 1, word[:i] + word[i + 1] + word[i] + word[i + 2:]
    for i in range(n):
        yield 2, word[:i] + word[i + 1:]  # deletion: a doubled or stray letter
        near = _NEAR.get(word[i], "")
        for c in _ALPHABET:
            if c != word[i]:
                # a neighbouring key (nyamam → nyaman) before any other letter
                yield (3 if c in near else 4), word[:i] + c + word[i + 1:]


# meN-/peN- before k, p, t, s + vowel: the consonant melts (EYD V, KBBI). memper- is a prefix
# of its own (memperhatikan), and clusters keep their consonant (memproduksi, mentransfer).
_NASAL = (
    ("meng", "k", "meng"), ("mem", "p", "mem"), ("men", "t", "men"), ("men", "s", "meny"),
    ("peng", "k", "peng"), ("pem", "p", "pem"), ("pen", "t", "pen"), ("pen", "s", "peny"),
)


def _assimilated(word: str, lex: Lexicon) -> tuple[str, ...]:
    """The assimilated form of an unassimilated meN-/peN- word, if the dictionary knows it."""
    if word.startswith(("memper", "pemer")) or not word.startswith(("me", "pe")):
        return ()
    for prefix, consonant, nasal in _NASAL:
        if (word.startswith(prefix + consonant) and len(word) > len(prefix) + 2
                and word[len(prefix) + 1] in _VOWELS):
            if word in lex.stems:
                return ()  # a lemma of its own (mentari, pentas)
            candidate = nasal + word[len(prefix) + 1:]
            if lex.is_word(candidate):
                return (candidate,)
    return ()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The process-wide lexicon (lists load on first use)."""
    return Lexicon()
