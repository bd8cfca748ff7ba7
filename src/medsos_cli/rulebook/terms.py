"""Word and phrase matching shared by ``substitution`` and ``existence`` rules.

All term rules of a run go into one index keyed by the first word, so matching hundreds of
terms costs one dictionary look-up per word of the text, not one regular-expression pass per
term. Affixed forms (``dihimbau``, ``menghimbau``, ``himbauan``) are generated at load time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

def match_case(found: str, suggestion: str, title: bool = False) -> str:
    """Give ``suggestion`` the capitalisation of ``found``.

    ALL CAPS stays ALL CAPS; a capitalised word capitalises the suggestion (every word when
    ``title``); a suggestion written with a capital (a proper noun) keeps it.
    """
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return suggestion.upper()
    if letters and letters[0].isupper():
        if title:
            return " ".join(w[:1].upper() + w[1:] for w in suggestion.split(" "))
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class Term(NamedTuple):
    """One term of a rule: the words to find and what to say about them.

    A plain tuple (the rule by id) so that thousands of affixed forms pickle and load fast.
    """

    rule_id: str
    words: tuple[str, ...]
    suggestions: tuple[str, ...] = ()
    source: str | None = None
    fixable: bool = False
    title: bool = False
    ignorecase: bool = True
    hint: bool = False


_RULE_ID, _WORDS, _IGNORECASE = 0, 1, Term._fields.index("ignorecase")


def term(*args, **kwargs) -> tuple:
    """Build a term as a plain tuple in ``Term`` field order (cheap to pickle and load)."""
    return tuple(Term(*args, **kwargs))


@dataclass(frozen=True)
class TermMatch:
    """A term found in a document."""

    term: Term
    start: int
    end: int


class TermIndex:
    """Index of the terms of many rules, keyed by their (case-folded) first word, or by their
    first two words for phrases, so that each word of a text costs two dictionary look-ups.

    Entries are stored as plain tuples (``Term`` field order): a cached rulebook with thousands
    of affixed forms then unpickles in C, without one Python call per term.
    """

    def __init__(self, terms: Iterable[tuple]):
        # (ignorecase, key) -> entries; key is the first word, or "first second" for phrases
        self._tables: dict[bool, dict[str, list[tuple]]] = {True: {}, False: {}}
        # First words of phrases: only after one of these is a word pair looked up.
        self._starters: dict[bool, set[str]] = {True: set(), False: set()}
        for term in terms:
            entry = tuple(term)
            words = entry[_WORDS]
            folded = bool(entry[_IGNORECASE])
            if len(words) == 1:
                key = words[0]
            else:
                key = f"{words[0]} {words[1]}"
                self._starters[folded].add(words[0])
            self._tables[folded].setdefault(key, []).append(entry)
        for table in self._tables.values():
            for bucket in table.values():
                bucket.sort(key=lambda t: -len(t[_WORDS]))
        # Lower-cased words that can begin a term (a single-word key or a phrase's first word,
        # of either table): one C-level set intersection with a text's words finds the few
        # positions worth a look, instead of several dictionary look-ups for every word.
        self._firsts = frozenset(
            key.lower() for folded in (True, False)
            for key in (*self._tables[folded], *self._starters[folded]) if " " not in key)

    def __bool__(self) -> bool:
        return any(self._tables.values())

    def find(self, doc: Document, active: set[str] | None = None) -> list[TermMatch]:
        """Return the matches in ``doc`` of the terms whose rule id is in ``active``."""
        lower = doc.lower_words
        hits = self._firsts.intersection(lower)
        if not hits:
            return []
        return self._scan(doc, [i for i, low in enumerate(lower) if low in hits], active)

    def _scan(self, doc: Document, positions: list[int],
              active: set[str] | None) -> list[TermMatch]:
        """Match the terms that begin at the word ``positions`` (in increasing order)."""
        words = doc.words
        lower = doc.lower_words
        text = doc.text
        folded = self._tables[True]
        exact = self._tables[False]
        starters = self._starters[True]
        exact_starters = self._starters[False]
        matches: list[TermMatch] = []
        taken: dict[str, int] = {}  # rule id -> end of its last match (no overlaps per rule)
        n = len(words)
        for i in positions:
            low = lower[i]
            cands = folded.get(low)
            if low in starters and i + 1 < n:
                pair = folded.get(f"{low} {lower[i + 1]}")
                if pair:
                    cands = pair + cands if cands else pair
            if exact:
                word = words[i].text
                more = exact.get(word)
                if more:
                    cands = more + cands if cands else more
                if word in exact_starters and i + 1 < n:
                    more = exact.get(f"{word} {words[i + 1].text}")
                    if more:
                        cands = more + cands if cands else more
            if not cands:
                continue
            start = words[i].start
            for entry in cands:
                rid = entry[_RULE_ID]
                if active is not None and rid not in active:
                    continue
                if taken.get(rid, -1) > start:
                    continue
                words_key = entry[_WORDS]
                size = len(words_key)
                if size > 1:
                    if i + size > n or not _adjacent(text, words, i, size):
                        continue
                    if size > 2 and not _tail_matches(
                            words_key, words, lower if entry[_IGNORECASE] else None, i):
                        continue
                end = words[i + size - 1].end
                matches.append(TermMatch(Term._make(entry), start, end))
                taken[rid] = end
        return matches


def _adjacent(text: str, words: list, i: int, size: int) -> bool:
    """Whether words i..i+size-1 are separated only by spaces or tabs."""
    for k in range(i, i + size - 1):
        gap = text[words[k].end:words[k + 1].start]
        if not gap or gap.strip(" \t\u00a0"):
            return False
    return True


def _tail_matches(key: tuple[str, ...], words: list, lower: list[str] | None, i: int) -> bool:
    for k in range(1, len(key)):
        actual = lower[i + k] if lower is not None else words[i + k].text
        if actual != key[k]:
            return False
    return True
