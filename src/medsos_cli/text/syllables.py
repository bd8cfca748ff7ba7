"""Indonesian syllable counting.

One syllable per vowel nucleus (``a i u e o``; ``y`` is a consonant), with heuristics for the
diphthongs ``ai au ei oi`` (EYD V / KBBI syllable division), letter-by-letter counting for
acronyms, and a small exception list in ``syllable_exceptions.txt`` for the residual misses.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EXCEPTIONS_FILE = "syllable_exceptions.txt"
_CACHE_SIZE = 1 << 16
_MAX_CACHED_LEN = 64

_LETTER_RUN = re.compile(r"[A-Za-z]+")
_CLITICS = ("nya", "lah", "kah", "tah", "pun", "ku", "mu")

# Each match is a vowel pair counted as one syllable (a diphthong), scanned left to right.
_DIPHTHONG = re.compile(
    r"""
    (?=[aeo][iu])(?:                                       # cheap guard, then the cases:
      (?:ai|au|ei|oi)(?=(?:nya|lah|kah|tah|pun|ku|mu)?$)   # final, or final + clitic:
                                                           # pantai, pulaunya, maupun
    | (?:(?<=a[bn])|(?<![bn]))ai                           # ai + suffix -kan: sampaikan,
      (?=kan(?:nya|lah|kah|pun)?$)                         # abaikan; not baik-an, naik-an
    | (?:au|ei|oi)(?=kan(?:nya|lah|kah|pun)?$)
    | (?:au(?![^aeiou]an$)|(?<![ks])ei)                    # before consonant + vowel:
      (?=[^aeiou][aeiou])                                  # saudara, geiser; not laut-an,
                                                           # ke-ikut, se-iring
    | (?:ai|au)(?=[aeiou])                                 # before a vowel: pakaian
    )""",
    re.VERBOSE,
)

# Consonant clusters that can open or close a pronounceable all-caps word.
_ONSETS = frozenset(
    "bl br dr fl fr gl gr kl kr pl pr sk sl sp st sw tr ny ng sy kh str spr skr".split()
)
_CODAS = frozenset("ng nk ks ns rs st rt lm lf rk ps rps".split())
_EDGES = re.compile(r"^([^aeiou]*)[a-z]*?([^aeiou]*)$")

_exceptions: dict[str, int] | None = None


def load_exceptions(text: str | None = None) -> dict[str, int]:
    """Parse ``word<TAB>count`` lines (``#`` comments) from text, by default the bundled file."""
    if text is None:
        from pathlib import Path  # deferred: keep the module import cheap

        text = Path(__file__).with_name(_EXCEPTIONS_FILE).read_text(encoding="utf-8")
    table: dict[str, int] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].isascii() or not parts[0].isalpha():
            raise ValueError(f"{_EXCEPTIONS_FILE}:{lineno}: expected 'word<TAB>count': {raw!r}")
        word, count = parts[0].lower(), parts[1].strip()
        if not count.isdigit():
            raise ValueError(f"{_EXCEPTIONS_FILE}:{lineno}: count is not a number: {raw!r}")
        table[word] = int(count)
    return table


def _exception_table() -> dict[str, int]:
    """Load the bundled exceptions once, adding each entry + clitic (baunya = bau + 1)."""
    global _exceptions
    if _exceptions is None:
        table = load_exceptions()
        expanded = {
            word + clitic: count + 1 for word, count in table.items() for clitic in _CLITICS
        }
        expanded.update(table)
        _exceptions = expanded
    return _exceptions


def _rule_count(low: str) -> int:
    """Count syllables of a lower-case a-z word by the vowel rule alone (no exception list)."""
    vowels = len(low) - len(low.encode("ascii").translate(None, b"aeiou"))
    if vowels == 0:
        return len(low)
    if vowels > 1 and ("ai" in low or "au" in low or "ei" in low or "oi" in low):
        vowels -= len(_DIPHTHONG.findall(low))
    return vowels


def _spelled_out(low: str) -> bool:
    """Tell whether a short all-caps word is unpronounceable as written (BUMN, KPU, OJK)."""
    m = _EDGES.match(low)
    if m is None:
        return False
    onset, coda = m.groups()
    return (len(onset) > 1 and onset not in _ONSETS) or (len(coda) > 1 and coda not in _CODAS)


def _count_run(run: str) -> int:
    """Count syllables of one run of ASCII letters."""
    low = run.lower()
    table = _exceptions if _exceptions is not None else _exception_table()
    hit = table.get(low)
    if hit is not None:
        return hit
    if 1 < len(run) <= 5 and run.isupper() and _spelled_out(low):
        return len(low)
    return _rule_count(low)


def _fold(word: str) -> str:
    """Decompose compatibility characters and drop combining marks (é -> e, ＫＴＰ -> KTP)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _count(word: str) -> int:
    if not word.isascii():
        word = _fold(word)
    if word.isalpha() and word.isascii():
        return _count_run(word)
    return sum(_count_run(run) for run in _LETTER_RUN.findall(word))


_count_cached = lru_cache(maxsize=_CACHE_SIZE)(_count)


def count_syllables(word: str) -> int:
    """Return the number of Indonesian syllables in ``word`` (0 if it has no letters)."""
    if len(word) > _MAX_CACHED_LEN:
        return _count(word)
    return _count_cached(word)
