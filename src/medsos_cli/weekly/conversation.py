"""Citizens' comments: a rule-based Indonesian classifier and the report's "comments" object.

Every comment gets a class (pujian, pertanyaan, aduan, kritik, lainnya) and a sentiment
(positif, netral, negatif) from the bundled lexicon (:mod:`medsos_cli.weekly.lexicon`); the
code here holds only the mechanisms:

1. **Tokens.** The text is lower-cased and split at white space; each chunk is cut into words,
   ``?``, clause-breaking punctuation, emoji and #tagar (links and @mentions are dropped).
   Chunks and words recur across comments, so both are memoised. (medsos_cli.text.tokens
   is not used: it keeps offsets and entity kinds that scoring does not need, and took 5 s
   for 200,000 comments here, the whole analysis's budget.)
2. **Normalisation** (``normalisasi.yaml``): informal spellings to standard words
   (*gak* → tidak, *bgt* → banget, *dmn* → di mana), elongations (*kereeen* → keren: runs of
   three or more letters collapse to one, or to two when only that spelling is known),
   reduplication with a digit (*jalan2* → jalan-jalan), -nya/-lah on known words.
3. **Scoring** (``sentimen.yaml``): the longest known phrase at each position wins over its
   words. A negator (*tidak, bukan, belum, jangan, kurang*) acts on the first weighted word
   within the next three words of its clause: a positive weight is flipped (*tidak bagus*,
   *kurang cepat* → negative), a negative one is halved and flipped (*tidak buruk* → mildly
   positive); a negated praise word counts as criticism, a negated problem is not a problem.
   Intensifiers multiply the nearest weighted word (*sangat bagus*, *rusak parah*) unless it
   is negated. Emoji carry weights too. A contrast (*tapi, namun*) halves the score so far.
   Sentiment: score >= 1 positif, <= -1 negatif.
4. **Class**, by the first rule that holds (cue lists in ``kelas.yaml``):
   aduan (a concrete problem with a place/object or a request, two problems, or a request
   with a place and neither a question nor a criticism cue) > kritik (a criticism cue, or
   negative sentiment naming the institution) > pertanyaan (``?`` or a question cue) >
   aduan (a lone problem, score not positive) > pujian (a praise cue with a positive score,
   or a positive score) > kritik (a negative score with no other cue: a judgement without a
   concrete problem) > lainnya.
   A problem reported as solved (*sudah diperbaiki*) counts as neither problem nor request.

Crisis days: a day is flagged when its negative comments reach at least
``max(CRISIS_MIN, CRISIS_FACTOR × baseline)`` where the baseline is the median of the other
days' negative counts (a median, so that one spike does not raise its own bar and two spike
days are both found).
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from itertools import chain, repeat
from statistics import median
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import regex

from medsos_cli.exports.model import REPORT_PLATFORMS, Comment
from medsos_cli.weekly.lexicon import (
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

CLASSES = ("pujian", "pertanyaan", "aduan", "kritik", "lainnya")
SENTIMENTS = ("positif", "netral", "negatif")
THEMES = 10
THEME_MIN_COUNT = 2  # a theme must occur in at least two comments
_PRUNE_RANK = 100  # phrases are first counted among words near the top 100 (see themes())
CRISIS_MIN = 5  # a crisis day has at least this many negative comments ...
CRISIS_FACTOR = 3.0  # ... and at least this many times the other days' median
HOLDING_COMMAND = "medsos draft holding-statement"

_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember")

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


class _Engine:
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
        found = list(map(chunks.get, parts))  # one C-level pass; chunks recur across comments
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
        """Class, sentiment and score of a comment's normalised items.

        Negation, intensifiers and phrases never reach past sentence punctuation, so each
        clause is scored on its own (and memoised: clauses recur far more than comments); a
        clause maps the score so far to ``score × factor + delta`` (a contrast halves it).
        """
        lex = self.lex
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
        score = round(score, 3)
        sentiment = ("positif" if score >= lex.positive
                     else "negatif" if score <= lex.negative else "netral")
        return Classified(_decide(bits, problems, question, score, lex), sentiment, score)

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


def _decide(bits: int, problems: int, question: bool, score: float, lex: Lexicon) -> str:
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


_ENGINE: _Engine | None = None


def _engine() -> _Engine:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = _Engine(load_lexicon())
    return _ENGINE


def classify(text: str) -> Classified:
    """Classify one comment: class, sentiment (positif/netral/negatif) and its score."""
    engine = _engine()
    return engine.classify_items(engine.items(text))


# -- the report's "comments" object --------------------------------------------------------------


def analyse_comments(comments: list[Comment], *, start: date, end: date, tz: str,
                     samples: int = 3, account: str = "",
                     hashtags: Iterable[str] = ()) -> dict[str, Any] | None:
    """Build the ``comments`` object of the weekly JSON report (docs/weekly-json.md).

    Only comments whose local date (in ``tz``) lies in ``[start, end]`` count. ``account``
    and ``hashtags`` (the account's own name and tags) are left out of the themes. Returns
    ``None`` when no comment was given at all (no comments log), so that an empty log is told
    apart from a quiet week only by the caller.
    """
    if not comments:
        return None
    zone = ZoneInfo(tz)
    engine = _engine()
    negators = engine.negators
    days = [start + timedelta(days=k) for k in range((end - start).days + 1)]
    totals = dict.fromkeys(days, 0)
    negatives = dict.fromkeys(days, 0)
    platforms: Counter[str] = Counter()
    # text -> [result, theme runs, comments with this text]: comments repeat a lot
    memo: dict[str, list[Any]] = {}
    total = 0
    unanswered = 0
    # Hundreds of thousands of comments: compare POSIX timestamps with the local midnights
    # of the week instead of converting every time to local time.
    edges = _midnights(days, zone) or [0.0]  # no day at all: nothing counts
    first_edge, last_edge = edges[0], edges[-1]
    for comment in comments:
        moment = comment.time
        if moment.tzinfo is not None:
            stamp = moment.timestamp()
            if stamp < first_edge or stamp >= last_edge:
                continue
            day = days[bisect_right(edges, stamp) - 1]
        else:  # the readers give aware times; a naive one is taken as already local
            day = moment.date()
            if day < start or day > end:
                continue
        text = comment.text
        done = memo.get(text)
        if done is None:
            items = engine.items(text)
            result = engine.classify_items(items)
            done = memo[text] = [result, engine.theme_stream(items), 0,
                                 result.sentiment == "negatif"]
        done[2] += 1
        total += 1
        totals[day] += 1
        if done[3]:
            negatives[day] += 1
        platforms[comment.platform] += 1
        if comment.replied_at is None:
            unanswered += 1

    by_class = dict.fromkeys(CLASSES, 0)
    by_sentiment = dict.fromkeys(SENTIMENTS, 0)
    for result, _, many, _ in memo.values():
        by_class[result.cls] += many
        by_sentiment[result.sentiment] += many
    daily = [{"date": d.isoformat(), "total": totals[d], "negative": negatives[d]} for d in days]
    return {
        "total": total,
        "by_class": by_class,
        "by_sentiment": by_sentiment,
        "by_platform": _platform_order(platforms),
        "themes": themes(((stream, many) for _, stream, many, _ in memo.values()),
                         _own_words(account, hashtags, engine), negators),
        "samples": _samples(comments, memo, zone, start, end, samples),
        "daily": daily,
        "crisis_days": crisis_days([(d, negatives[d]) for d in days]),
        "unanswered": unanswered,
    }


def _midnights(days: list[date], zone: ZoneInfo) -> list[float]:
    """POSIX timestamps of the local start of each of ``days`` and of the day after the last."""
    if not days:
        return []
    return [datetime.combine(d, time(0), tzinfo=zone).timestamp()
            for d in [*days, days[-1] + timedelta(days=1)]]


def _platform_order(counts: Counter[str]) -> dict[str, int]:
    known = [p for p in REPORT_PLATFORMS if counts[p]]
    others = sorted(p for p in counts if p not in REPORT_PLATFORMS)
    return {p: counts[p] for p in known + others}


def themes(docs: Iterable[tuple[Sequence[str], int]], own: frozenset[str] = frozenset(),
           negators: frozenset[str] = frozenset(), limit: int = THEMES) -> list[dict[str, Any]]:
    """The most frequent terms of comments given as ``(theme stream, how many comments)``.

    A term is a word, #tagar or 2–3-word phrase within one clause of a stream (clauses are
    separated by :data:`THEME_BREAK`); its count is the number of comments that hold it (a
    comment repeating a word counts once); at least ``THEME_MIN_COUNT``. Terms with the
    account's own words, single negators, terms ending in a negator, one-letter words and
    phrases with a #tagar or emoji are left out. A phrase subsumes its parts: a word or shorter
    phrase is dropped when more than half of the comments holding it hold a longer candidate
    containing it (*jalan* 12 and *jalan rusak* 9 give only *jalan rusak*; *jalan* 30 would
    stay beside it). Order: count desc, then term.

    Phrases are counted only among words frequent enough to matter (at least half the count of
    the 100th most frequent word); when the result could depend on the phrases left out, the
    floor is lowered and they are counted again.
    """
    words: Counter[str] = Counter()
    # In a stream with no word twice every word and phrase occurs once, so such streams are
    # counted in bulk (one C-level pass) and the counts are still counts of comments.
    bulk: list[str] = []
    others: list[tuple[tuple[str, ...], int]] = []
    for stream, many in docs:
        stream = tuple(stream)
        present = set(stream)
        breaks = stream.count(THEME_BREAK)
        if len(present) + breaks - (breaks > 0) == len(stream):
            bulk.extend((stream + (THEME_BREAK,)) * many)
            continue
        others.append((stream, many))
        for word in present:
            words[word] += many
    words.update(bulk)
    words.pop(THEME_BREAK, None)
    for word in [w for w in words if not _theme_word(w) or w in own]:
        del words[word]
    ranked = sorted((c for w, c in words.items() if w not in negators), reverse=True)
    floor = max(THEME_MIN_COUNT, (ranked[_PRUNE_RANK - 1] + 1) // 2
                if len(ranked) >= _PRUNE_RANK else 0)
    while True:
        picked = _pick(bulk, others, words, negators, floor, limit)
        # A phrase left out holds a word below the floor, so it is held by fewer comments
        # than the floor: it can neither rank among the picked terms nor subsume one held by
        # at least twice the floor. Otherwise count again with a lower floor.
        if floor <= THEME_MIN_COUNT or (len(picked) == limit and picked[-1][1] >= 2 * floor):
            break
        floor = max(THEME_MIN_COUNT, floor // 2)
    return [{"term": term, "count": count} for term, count in picked]


def _theme_word(word: str) -> bool:
    """A word that may stand in a theme: two characters or more, starting with a letter or
    digit, not a bare number (a #tagar is checked by the caller)."""
    return len(word) > 1 and (word[0].isalnum() or word[0] == "#") and not word.isdigit()


def _pick(bulk: list[str], others: list[tuple[tuple[str, ...], int]], words: Counter[str],
          negators: frozenset[str], floor: int, limit: int) -> list[tuple[str, int]]:
    """Candidates at one pruning floor: ``bulk`` holds the streams with no word twice (each
    ended by a break), ``others`` the rest with their comment counts."""
    # Words below the floor become breaks, so every counted phrase has only allowed words;
    # pairs and triples with a break are counted too (in C) and dropped afterwards.
    allowed = {w: w for w, c in words.items() if c >= floor and w[0] != "#"}.get
    grams: Counter[tuple[str, ...]] = Counter()
    bar = repeat(THEME_BREAK)
    for stream, many in others:
        masked = list(map(allowed, stream, bar))
        present = set(zip(masked, masked[1:], strict=False))
        present.update(zip(masked, masked[1:], masked[2:], strict=False))
        if many == 1:
            grams.update(present)
        else:
            for gram in present:
                grams[gram] += many
    masked = list(map(allowed, bulk, bar))
    grams.update(zip(masked, masked[1:], strict=False))
    grams.update(zip(masked, masked[1:], masked[2:], strict=False))
    candidates = {w: c for w, c in words.items() if c >= THEME_MIN_COUNT and w not in negators}
    for gram, count in grams.items():
        if (count >= THEME_MIN_COUNT and THEME_BREAK not in gram
                and gram[-1] not in negators):
            candidates[" ".join(gram)] = count
    covering: dict[str, int] = {}
    for term, count in candidates.items():
        parts = term.split(" ")
        size = len(parts)
        for length in range(1, size):
            for at in range(size - length + 1):
                part = " ".join(parts[at:at + length])
                if covering.get(part, 0) < count:
                    covering[part] = count
    kept = [(term, count) for term, count in candidates.items()
            if covering.get(term, 0) * 2 <= count]
    kept.sort(key=lambda item: (-item[1], item[0]))
    return kept[:limit]


def _own_words(account: str, hashtags: Iterable[str], engine: _Engine) -> frozenset[str]:
    own: set[str] = set()
    for word in engine.items(account):
        if word and word[0].isalnum():
            own.add(word)
    for tag in hashtags:
        bare = tag.lstrip("#").lower()
        if bare:
            own.update((bare, f"#{bare}"))
    return frozenset(own)


def _samples(comments: list[Comment], memo: dict[str, list[Any]], zone: ZoneInfo,
             start: date, end: date, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Up to ``limit`` comments per class, shown in time order.

    The strongest texts are chosen (largest |score|, then text), each distinct text once
    (white space and case ignored); a text posted several times is shown at its earliest
    comment.
    """
    by_class: dict[str, list[tuple[float, str]]] = {cls: [] for cls in CLASSES}
    for text, done in memo.items():
        if done[2]:  # held by a comment of the week
            by_class[done[0].cls].append((-abs(done[0].score), text))
    wanted: dict[str, str] = {}  # chosen text -> class
    for cls, rows in by_class.items():
        # the few strongest first; the full sort only when near-duplicates use them up
        ranked = heapq.nsmallest(limit * 4, rows)
        chosen = _distinct(ranked, limit)
        if len(chosen) < limit < len(rows) and len(ranked) < len(rows):
            chosen = _distinct(sorted(rows), limit)
        wanted.update(dict.fromkeys(chosen, cls))
    first: dict[str, tuple[datetime, Comment]] = {}
    for comment in comments:
        if comment.text not in wanted:
            continue
        moment = comment.time
        local = moment.astimezone(zone) if moment.tzinfo is not None else moment.replace(
            tzinfo=zone)
        if not start <= local.date() <= end:
            continue
        best = first.get(comment.text)
        if best is None or _order(local, comment) < _order(*best):
            first[comment.text] = (local, comment)
    out: dict[str, list[dict[str, Any]]] = {cls: [] for cls in CLASSES}
    for local, comment in sorted(first.values(), key=lambda row: _order(*row)):
        result = memo[comment.text][0]
        out[result.cls].append({
            "platform": comment.platform,
            "post_ref": comment.post_ref,
            "author": comment.author,
            "time": local.isoformat(),
            "text": comment.text,
            "class": result.cls,
            "sentiment": result.sentiment,
        })
    return out


def _distinct(ranked: list[tuple[float, str]], limit: int) -> list[str]:
    """The first ``limit`` texts that differ in more than case and white space."""
    seen: set[str] = set()
    chosen: list[str] = []
    for _, text in ranked:
        if len(chosen) >= limit:
            break
        key = " ".join(text.lower().split())
        if key not in seen:
            seen.add(key)
            chosen.append(text)
    return chosen


def _order(local: datetime, comment: Comment) -> tuple[datetime, str, str, str]:
    return (local, comment.platform, comment.post_ref, comment.author)


def crisis_days(negatives: list[tuple[date, int]]) -> list[dict[str, Any]]:
    """Days whose negative comments jump far above the rest of the week.

    A day is flagged when its count is at least ``max(CRISIS_MIN, CRISIS_FACTOR × baseline)``,
    the baseline being the median of the *other* days' counts.
    """
    flagged: list[dict[str, Any]] = []
    for k, (day, count) in enumerate(negatives):
        others = [c for j, (_, c) in enumerate(negatives) if j != k]
        baseline = float(median(others)) if others else 0.0
        if count >= max(CRISIS_MIN, CRISIS_FACTOR * baseline):
            flagged.append({"date": day.isoformat(), "negative": count,
                            "baseline": round(baseline, 1),
                            "message": _crisis_message(day, count, baseline)})
    return flagged


def _crisis_message(day: date, count: int, baseline: float) -> str:
    when = f"{_DAYS[day.weekday()]}, {day.day} {_MONTHS[day.month - 1]} {day.year}"
    usual = f"{baseline:.1f}".replace(".", ",")
    return (f"Komentar negatif melonjak pada {when}: {count} komentar negatif, padahal pada "
            f"hari lain biasanya {usual} per hari (median). Mungkin ada krisis: periksa "
            f"pemicunya, tentukan tingkat krisis, lalu siapkan pernyataan awal (holding "
            f"statement) sesuai prosedur krisis dengan perintah {HOLDING_COMMAND}.")
