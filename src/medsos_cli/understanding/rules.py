"""The lexicon rules: tokens, slang normalisation, sentiment score and cue bits of a comment.

This is the hand-written, rule-based engine (word lists in :mod:`medsos_cli.understanding.lexicon`).
It gives the linear model of :mod:`medsos_cli.understanding.model` its normalised words and
its lexicon cues, and stays as the baseline the model is compared with (README, "Model").

1. **Tokens.** The text is lower-cased and split at white space; each chunk is cut into words,
   ``?``, clause-breaking punctuation, emoji and #tagar (links and @mentions are dropped).
   Chunks and words recur across comments, so both are memoised.
2. **Normalisation** (``normalisasi.yaml``): informal spellings to standard words
   (*gak* → tidak, *bgt* → banget, *dmn* → di mana), elongations (*kereeen* → keren),
   reduplication with a digit (*jalan2* → jalan-jalan), -nya/-lah on known words.
3. **Scoring** (``sentimen.yaml``): the longest known phrase at each position wins over its
   words; negators flip or weaken the next weighted word within three words of the clause;
   intensifiers multiply; emoji carry weights; a contrast (*tapi*) halves the score so far.
4. **Class by rule** (``kelas.yaml``): see :func:`decide`.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import NamedTuple

import regex

from medsos_cli.understanding.lexicon import (
    BREAK,
    EMOJI,
    INSTANSI,
    KRITIK,
    MASALAH,
    NEGATOR,
    PERMINTAAN,
    PUJIAN,
    QUESTION,
    SELESAI,
    STOP,
    TANYA,
    TEMPAT,
    TERM,
    Entry,
    Lexicon,
    load_lexicon,
)

_QUESTION = "?"
THEME_BREAK = "|"  # between clauses in a theme stream (never a token: "|" is punctuation)
_STOP = ""  # a clause break: sentence punctuation
_CLAUSE_ENDS = frozenset({_STOP, _QUESTION})
_PIECE = regex.compile(
    r"(?P<url>(?:https?://|www\.)\S+)"
    r"|(?P<tag>\#[\p{L}\p{N}_]+)"
    r"|(?P<mention>@[\p{L}\p{N}_.]+)"
    r"|(?P<word>[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*)"
    r"|(?P<q>\?)"
    r"|(?P<stop>[.,!;:…()\[\]\"“”/|])"
    r"|(?P<emoji>[\U0001F1E6-\U0001F1FF]{2}|\p{Extended_Pictographic})"
)
_REDUP = re.compile(r"([^\W\d_]{2,})2([^\W\d_]*)")
_RUN3 = re.compile(r"([^\W\d_])\1{2,}")
_LAUGH = re.compile(r"(?:w?k?wk)+w?|(?:ha){2,}h?|(?:he){2,}h?|(?:hi){2,}h?|a?(?:wk){2,}")
_CACHE_LIMIT = 1 << 18


class Classified(NamedTuple):
    """A comment's class, sentiment and the sentiment score it came from."""

    cls: str
    sentiment: str
    score: float


class Engine:
    """The classifier's state: the lexicon and the memo tables of chunks and words."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.chunks: dict[str, tuple[str, ...]] = {}
        self.norm_words: dict[str, tuple[str, ...]] = {}
        self.clause_memo: dict[tuple[str, ...], tuple[float, float, int, int]] = {}
        self.negators = frozenset(w for w, e in lexicon.words.items() if e.role == NEGATOR)
        table = dict(lexicon.words)
        for mark, weight in lexicon.emoji.items():
            table[mark] = Entry(weight, 0, EMOJI)
        table[_STOP] = Entry(0.0, 0, STOP)
        table[_QUESTION] = Entry(0.0, 0, QUESTION)
        # word -> (phrases starting with it by second word, its own entry, plain cue bits):
        # one look-up. A plain cue (jalan, kapan, pemkot: no weight, no phrase, nothing that
        # negation changes) only adds its bits, so the loop can skip everything else for it.
        self.lookup = {}
        for word in set(table) | set(lexicon.phrases):
            entry = table.get(word)
            seconds = lexicon.phrases.get(word)
            plain = 0
            if (seconds is None and entry is not None and entry.role == TERM and not entry.weight
                    and not entry.pre and not entry.post
                    and not entry.tags & (PUJIAN | KRITIK | MASALAH)):
                plain = entry.tags
            self.lookup[word] = (seconds, entry, plain)
        theme_map = dict.fromkeys(lexicon.stopwords - self.negators, "")
        theme_map.update(dict.fromkeys(lexicon.emoji, THEME_BREAK))
        theme_map[_STOP] = theme_map[_QUESTION] = THEME_BREAK
        self.theme_map = theme_map

    # -- tokens -------------------------------------------------------------------------------

    def items(self, text: str) -> list[str]:
        """Normalised items of ``text``: words, ``?``, "" (clause break), emoji, #tagar."""
        chunks = self.chunks
        parts = text.lower().split()
        found: list = list(map(chunks.get, parts))  # one C-level pass; chunks recur
        if None in found:
            if len(chunks) >= _CACHE_LIMIT:
                chunks.clear()
            for k, known in enumerate(found):
                if known is None:
                    known = chunks.get(parts[k])
                    if known is None:
                        known = chunks[parts[k]] = self._chunk(parts[k])
                    found[k] = known
        return list(chain.from_iterable(found))

    def theme_stream(self, items: list[str]) -> tuple[str, ...]:
        """The words of ``items`` that may make a theme, :data:`THEME_BREAK` between clauses.

        Stop words are dropped (so *jalan yang rusak* gives *jalan rusak*), negators kept
        (*air tidak mengalir*); punctuation, ``?`` and known emoji become breaks. Other odd
        items (unknown emoji, one letter) stay and are weeded out among the candidates.
        """
        get = self.theme_map.get
        return tuple(filter(None, map(get, items, items)))

    def _chunk(self, chunk: str) -> tuple[str, ...]:
        out: list[str] = []
        for m in _PIECE.finditer(chunk):
            kind = m.lastgroup
            if kind == "word":
                out.extend(self.word(m.group()))
            elif kind == "q":
                out.append(_QUESTION)
            elif kind == "stop":
                out.append(_STOP)
            elif kind == "tag":
                out.append(m.group())
            elif kind == "emoji":
                mark = m.group()
                if not out or out[-1] != mark:  # a run of the same emoji counts once
                    out.append(mark)
        return tuple(out)

    def word(self, word: str) -> tuple[str, ...]:
        """The standard word(s) for one lower-case word (memoised)."""
        found = self.norm_words.get(word)
        if found is None:
            found = self._normalise(word, 0)
            if len(self.norm_words) >= _CACHE_LIMIT:
                self.norm_words.clear()
            self.norm_words[word] = found
        return found

    def _normalise(self, word: str, depth: int) -> tuple[str, ...]:
        lex = self.lex
        normal = lex.normal.get(word)
        if normal is not None:
            return normal
        if word in lex.vocabulary or depth > 2:
            return (word,)
        if word.isdigit():
            return ()
        redup = _REDUP.fullmatch(word)
        if redup is not None:
            base = self._normalise(redup.group(1), depth + 1)
            stem = base[0] if len(base) == 1 else redup.group(1)
            return (f"{stem}-{stem}{redup.group(2)}",)
        if _LAUGH.fullmatch(word):
            return ("wkwk",)
        if _RUN3.search(word):
            single = _RUN3.sub(r"\1", word)
            double = _RUN3.sub(r"\1\1", word)
            for candidate in (single, double):
                if candidate in lex.normal or candidate in lex.vocabulary:
                    return self._normalise(candidate, depth + 1)
            word = single
        if len(word) > 3 and word[-1] == word[-2]:
            shorter = word[:-1]
            if shorter in lex.normal or shorter in lex.vocabulary:
                return self._normalise(shorter, depth + 1)
        for suffix in ("nya", "lah"):
            if word.endswith(suffix):
                stem = word[: -len(suffix)]
                known = stem in lex.normal or stem in lex.vocabulary
                if known or (suffix == "nya" and len(stem) >= 5):
                    return self._normalise(stem, depth + 1)
        return (word,)

    # -- scoring ------------------------------------------------------------------------------

    def classify_items(self, items: list[str]) -> Classified:
        """Class (by rule), sentiment and score of a comment's normalised items."""
        score, bits, problems, question = self.cues(items)
        lex = self.lex
        sentiment = ("positif" if score >= lex.positive
                     else "negatif" if score <= lex.negative else "netral")
        return Classified(decide(bits, problems, question, score, lex), sentiment, score)

    def cues(self, items: list[str]) -> tuple[float, int, int, bool]:
        """Sentiment score, cue bits, problem count and question flag of normalised items.

        Negation, intensifiers and phrases never reach past sentence punctuation, so each
        clause is scored on its own (and memoised: clauses recur far more than comments); a
        clause maps the score so far to ``score × factor + delta`` (a contrast halves it).
        """
        memo = self.clause_memo
        score = 0.0
        bits = 0
        problems = 0
        question = False
        begin = 0
        n = len(items)
        for end in [k for k, t in enumerate(items) if t in _CLAUSE_ENDS] + [n]:
            if end > begin:
                clause = tuple(items[begin:end])
                found = memo.get(clause)
                if found is None:
                    if len(memo) >= _CACHE_LIMIT:
                        memo.clear()
                    found = memo[clause] = self._clause(clause)
                factor, delta, more, found_problems = found
                score = score * factor + delta
                bits |= more
                problems += found_problems
            if end < n and items[end] == _QUESTION:
                question = True
            begin = end + 1
        return round(score, 3), bits, problems, question

    def _clause(self, items: tuple[str, ...]) -> tuple[float, float, int, int]:
        """One clause (no sentence punctuation inside): (factor, delta, cue bits, problems)."""
        lex = self.lex
        lookup = self.lookup
        span_limit = lex.negation_span
        score = 0.0
        factor = 1.0
        bits = 0
        problems = 0
        neg_until = -1  # last position the current negator reaches (-1: none)
        neg_own = 0.0  # the negator's own weight, added when it negates nothing
        neg_tags = 0
        boost = 1.0
        boost_until = -1
        last_at = -9  # position of the last weighted word (for "bagus banget")
        last_w = 0.0
        skip_to = 0
        n = len(items)
        # Only known items matter; positions keep the distances for negation and intensifiers.
        for i in [k for k, t in enumerate(items) if t in lookup]:
            if i < skip_to:
                continue
            seconds, entry, plain = lookup[items[i]]
            if plain:
                bits |= plain
                continue
            if neg_until >= 0 and i > neg_until:
                score += neg_own
                bits |= neg_tags
                neg_until = -1
            span = 1
            if seconds is not None and i + 1 < n:
                candidates = seconds.get(items[i + 1])
                if candidates is not None:
                    for parts, found in candidates:
                        size = len(parts)
                        if size == 2 or tuple(items[i:i + size]) == parts:
                            entry = found
                            span = size
                            break
            if entry is None:
                continue
            role = entry.role
            if role:
                if role == EMOJI:
                    score += entry.weight
                    continue
                if role == NEGATOR:
                    if neg_until >= 0:
                        score += neg_own
                        bits |= neg_tags
                    neg_until = i + span_limit
                    neg_own = entry.weight
                    neg_tags = entry.tags
                    continue
                # a contrast (sentence punctuation never reaches here): the clause part ends
                if neg_until >= 0:
                    score += neg_own
                    bits |= neg_tags
                    neg_until = -1
                if role == BREAK:
                    score *= 0.5  # "bagus, tapi ...": the point comes after the contrast
                    factor *= 0.5
                boost_until = -1
                last_at = -9
                continue
            if entry.post and last_w and i - last_at <= 2:
                score += last_w * (entry.post - 1.0)
                last_w = 0.0
                skip_to = i + span
                continue
            if entry.pre:
                boost = entry.pre
                boost_until = i + 2
                continue
            w = entry.weight
            tags = entry.tags
            negated = False
            if neg_until >= 0 and (w or tags & (PUJIAN | KRITIK | MASALAH)):
                negated = True
                if tags & PUJIAN:
                    tags = (tags & ~PUJIAN) | KRITIK
                elif tags & (MASALAH | KRITIK):
                    tags &= ~(MASALAH | KRITIK)
                if w > 0:  # a negated good word judges: "kurang cepat"
                    w *= lex.flip_positive
                    tags |= KRITIK
                elif w < 0:
                    w *= lex.flip_negative
                neg_until = -1
            elif w and boost_until >= i:
                w *= boost
                boost_until = -1
            score += w
            bits |= tags
            if tags & MASALAH:
                problems += 1
            if w:
                last_at = i + span - 1
                last_w = 0.0 if negated else w
            skip_to = i + span
        if neg_until >= 0:
            score += neg_own
            bits |= neg_tags
        return factor, score, bits, problems


def decide(bits: int, problems: int, question: bool, score: float, lex: Lexicon) -> str:
    """The class priority rule (documented in the module docstring and kelas.yaml)."""
    if bits & SELESAI:  # the problem is reported as solved: nothing left to complain about
        problems = 0
        bits &= ~PERMINTAAN
    asks = question or bool(bits & TANYA)
    request = bits & PERMINTAAN
    place = bits & TEMPAT
    if problems and (request or place or problems >= 2):
        return "aduan"
    if request and place and not asks and not bits & KRITIK:
        return "aduan"
    if bits & KRITIK or (score <= lex.negative and bits & INSTANSI):
        return "kritik"
    if asks:
        return "pertanyaan"
    if problems and score < lex.positive:
        return "aduan"
    if (bits & PUJIAN and score > 0) or score >= lex.positive:
        return "pujian"
    if score <= lex.negative:
        return "kritik"
    return "lainnya"


_ENGINE: Engine | None = None


def engine() -> Engine:
    """The shared engine (the lexicon is loaded on first use)."""
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = Engine(load_lexicon())
    return _ENGINE


def classify(text: str) -> Classified:
    """Classify one comment: class, sentiment (positif/netral/negatif) and its score."""
    shared = engine()
    return shared.classify_items(shared.items(text))


