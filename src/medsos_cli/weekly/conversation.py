"""Citizens' comments: class and sentiment of each comment, and the report's "comments" object.

Every comment gets a class (pujian, pertanyaan, aduan, kritik, lainnya) and a sentiment
(positif, netral, negatif) from the bundled linear model (:mod:`medsos_cli.understanding.model`,
trained on the corpus in ``data/understanding/``), with the probability of each decision. A
decision whose probability is under the model's calibrated threshold is counted as *tidak
yakin* (uncertain) besides its best guess, so the report can say how much of a figure is
firm. The model reads the normalised words and lexicon cues of
:mod:`medsos_cli.understanding.rules` (slang normalisation, negation, intensifiers, cue lists);
the hand-written rules alone remain available as :func:`medsos_cli.understanding.rules.classify`.

Besides the week itself, the comments of the week before (from the same exports) are
classified too, for the week-over-week change in criticism and complaints.

Crisis days: a day is flagged when its negative comments reach at least
``max(CRISIS_MIN, CRISIS_FACTOR × baseline)`` where the baseline is the median of the other
days' negative counts (a median, so that one spike does not raise its own bar and two spike
days are both found). The baseline is this week's; a multi-week baseline from the history
database is not used yet.
"""

from __future__ import annotations

import hashlib
import heapq
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from itertools import repeat
from statistics import median
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from medsos_cli import forms
from medsos_cli.exports.model import REPORT_PLATFORMS, Comment
from medsos_cli.understanding.model import Model, load_model
from medsos_cli.understanding.rules import THEME_BREAK, Engine
from medsos_cli.understanding.rules import engine as _engine
from medsos_cli.weekly.model import (
    ClassChange,
    CommentDay,
    CommentsBefore,
    CommentsSection,
    Confidence,
    CountChange,
    CrisisDay,
    SampleComment,
    Theme,
    Uncertain,
)

__all__ = ["CLASSES", "SENTIMENTS", "THEME_BREAK", "Understood", "analyse_comments", "classify",
           "crisis_days", "theme_word", "themes"]

class Understood(NamedTuple):
    """A comment's class and sentiment with their probabilities, and the lexicon score."""

    cls: str
    sentiment: str
    score: float  # the lexicon's sentiment score (the rules' view, one of the model's cues)
    confidence: float  # probability of the class
    sentiment_confidence: float
    uncertain: bool  # the class probability is under the calibrated threshold
    sentiment_uncertain: bool


def _model() -> Model:
    return load_model("komentar")


def _understand(text: str, items: list[str], engine: Engine, model: Model) -> Understood:
    found = engine.cues(items)  # the lexicon's view, also one of the model's inputs
    (cls, pc, uc), (sentiment, ps, us) = model.predict(text, engine, items, found)
    return Understood(cls, sentiment, found[0], round(pc, 3), round(ps, 3), uc, us)


# What the analysis of one distinct text gives, kept between runs (``weekly/history.py``):
# class, sentiment, lexicon score, both confidences, both uncertain flags, the theme stream
# joined by STREAM_SEPARATOR.
Remembered = tuple[str, str, float, float, float, int, int, str]
# The items of a theme stream come from ``str.split()`` chunks, and U+001F is one of the
# characters ``str.split()`` splits at: no item holds it. Joining is ~5x cheaper than JSON for
# the ~100,000 texts of a province's week.
STREAM_SEPARATOR = "\x1f"


def text_digest(text: str) -> bytes:
    """The key of a comment text in the history's cache of understood texts."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def remember(result: Understood, stream: tuple[str, ...]) -> Remembered:
    """A text's analysis as the history keeps it (see :func:`recall`)."""
    return (result.cls, result.sentiment, result.score, result.confidence,
            result.sentiment_confidence, int(result.uncertain),
            int(result.sentiment_uncertain), STREAM_SEPARATOR.join(stream))


def recall(row: Remembered) -> tuple[Understood, tuple[str, ...]]:
    """The analysis :func:`remember` kept, as :func:`analyse_comments` works it out; a
    damaged row raises ValueError."""
    try:
        cls, sentiment, score, confidence, sentiment_confidence, uncertain, unsure, raw = row
        result = Understood(cls, sentiment, float(score), float(confidence),
                            float(sentiment_confidence), bool(uncertain), bool(unsure))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"damaged row: {exc}") from None
    if cls not in CLASSES or sentiment not in SENTIMENTS or type(raw) is not str:
        raise ValueError("damaged row")
    return result, (tuple(raw.split(STREAM_SEPARATOR)) if raw else ())


def classify(text: str) -> Understood:
    """Class and sentiment of one comment, as the weekly report decides them."""
    engine = _engine()
    return _understand(text, engine.items(text), engine, _model())


def explain(text: str, limit: int = 3) -> dict[str, tuple[str, ...]]:
    """The cues that weighed most for the class and the sentiment of ``text``."""
    found = _model().decide(text, _engine(), explain=limit)
    return {"class": found["kelas"].cues, "sentiment": found["sentimen"].cues}


CLASSES = ("pujian", "pertanyaan", "aduan", "kritik", "lainnya")
SENTIMENTS = ("positif", "netral", "negatif")
THEMES = 10
CLASS_THEMES = 5  # themes shown per class
WATCHED = ("kritik", "aduan")  # classes whose week-over-week change the report gives
THEME_MIN_COUNT = 2  # a theme must occur in at least two comments
_PRUNE_RANK = 100  # phrases are first counted among words near the top 100 (see themes())
PROGRESS_EVERY = 5000  # comments between two progress reports
CRISIS_MIN = 5  # a crisis day has at least this many negative comments ...
CRISIS_FACTOR = 3.0  # ... and at least this many times the other days' median
HOLDING_COMMAND = "medsos draft holding-statement"



# -- the report's "comments" object --------------------------------------------------------------


def analyse_comments(comments: list[Comment], *, start: date, end: date, tz: str,
                     samples: int = 3, account: str = "",
                     hashtags: Iterable[str] = (),
                     progress: Callable[..., None] | None = None,
                     labels: dict[str, tuple[str, str]] | None = None,
                     remembered: dict[bytes, Remembered] | None = None,
                     learned: list[tuple[bytes, Understood, tuple[str, ...]]] | None = None,
                     ) -> CommentsSection | None:
    """Build the ``comments`` part of the weekly report (docs/weekly-json.md).

    Only comments whose local date (in ``tz``) lies in ``[start, end]`` count; those of the
    same days of the week before (for a running week: Monday to the same weekday) give the
    ``previous_week`` figures and the ``change`` in criticism and
    complaints. ``account`` and ``hashtags`` (the account's own name and tags) are left out
    of the themes. Returns ``None`` when no comment was given at all (no comments log), so
    that an empty log is told apart from a quiet week only by the caller. ``progress`` hears
    ("comments", comments read, comments) every ``PROGRESS_EVERY`` comments, then (comments,
    None) while themes and samples are drawn up (weekly/progress.py). ``labels``, when given,
    gets the (class, sentiment) of every text classified, as :func:`classify` gives them (the
    history stores them with the comments without classifying them again). ``remembered``
    (text digest → :data:`Remembered`, from an earlier run with this installation) spares
    the analysis of the texts it holds; (digest, result, theme stream) of every other text is
    appended to ``learned``, when given (for :func:`remember`).
    """
    if not comments:
        return None
    zone = ZoneInfo(tz)
    engine = _engine()
    model = _model()
    negators = engine.negators
    days = [start + timedelta(days=k) for k in range((end - start).days + 1)]
    totals = dict.fromkeys(days, 0)
    negatives = dict.fromkeys(days, 0)
    platforms: Counter[str] = Counter()
    # A province's week holds ~100,000 distinct texts: each gets an index into flat columns
    # (its result, theme stream, comments this week and the week before), and equal results
    # and streams are kept once.
    memo: dict[str, int] = {}
    results: list[Understood] = []
    streams_of: list[tuple[str, ...]] = []
    week_count = array("l")
    earlier_count = array("l")
    negative: list[bool] = []
    same_result: dict[Understood, Understood] = {}
    same_stream: dict[tuple[str, ...], tuple[str, ...]] = {}
    total = 0
    unanswered = 0
    # Hundreds of thousands of comments: compare POSIX timestamps with the local midnights
    # of the week instead of converting every time to local time.
    edges = _midnights(days, zone) or [0.0]  # no day at all: nothing counts
    first_edge, last_edge = edges[0], edges[-1]
    # The week before: its same weekdays (a running week Monday–Wednesday is compared with
    # Monday–Wednesday); a longer period with as many days just before it.
    before = start - timedelta(days=max(7, len(days)))
    after = before + timedelta(days=len(days))  # exclusive; == start for a whole week
    prev_edge = datetime.combine(before, time(0), tzinfo=zone).timestamp() if days else 0.0
    prev_end = datetime.combine(after, time(0), tzinfo=zone).timestamp() if days else 0.0
    count = len(comments)
    for index, comment in enumerate(comments):
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress("comments", index, count)
        moment = comment.time
        previous = False
        if moment.tzinfo is not None:
            stamp = moment.timestamp()
            if stamp < first_edge or stamp >= last_edge:
                if not prev_edge <= stamp < prev_end:
                    continue
                previous = True
            else:
                day = days[bisect_right(edges, stamp) - 1]
        else:  # the readers give aware times; a naive one is taken as already local
            day = moment.date()
            if day < start or day > end:
                if not before <= day < after:
                    continue
                previous = True
        text = comment.text
        at = memo.get(text)
        if at is None:
            digest = text_digest(text) if remembered is not None else b""
            row = remembered.get(digest) if remembered is not None else None
            if row is not None:
                try:
                    result, stream = recall(row)
                except ValueError:  # a damaged cache only means classifying again
                    row = None
            if row is None:
                items = engine.items(text)
                result = _understand(text, items, engine, model)
                stream = engine.theme_stream(items)
            result = same_result.setdefault(result, result)
            stream = same_stream.setdefault(stream, stream)
            if row is None and learned is not None:
                learned.append((digest or text_digest(text), result, stream))
            at = memo[text] = len(results)
            results.append(result)
            streams_of.append(stream)
            week_count.append(0)
            earlier_count.append(0)
            negative.append(result.sentiment == "negatif")
        if previous:
            earlier_count[at] += 1
            continue
        week_count[at] += 1
        total += 1
        totals[day] += 1
        if negative[at]:
            negatives[day] += 1
        platforms[comment.platform] += 1
        if comment.replied_at is None:
            unanswered += 1
    if progress is not None:  # every comment classified; themes and samples have no count
        progress("comments", count, None, "tema dan contoh")

    by_class = dict.fromkeys(CLASSES, 0)
    by_sentiment = dict.fromkeys(SENTIMENTS, 0)
    prev_class = dict.fromkeys(CLASSES, 0)
    prev_sentiment = dict.fromkeys(SENTIMENTS, 0)
    uncertain_class = dict.fromkeys(CLASSES, 0)
    uncertain_sentiment = dict.fromkeys(SENTIMENTS, 0)
    sure_class = dict.fromkeys(CLASSES, 0.0)
    sure_sentiment = dict.fromkeys(SENTIMENTS, 0.0)
    streams: dict[str, list[tuple[tuple[str, ...], int]]] = {cls: [] for cls in CLASSES}
    del same_result, same_stream, negative
    for result, stream, many, earlier in zip(results, streams_of, week_count, earlier_count,
                                             strict=True):
        if earlier:
            prev_class[result.cls] += earlier
            prev_sentiment[result.sentiment] += earlier
        if not many:
            continue
        by_class[result.cls] += many
        by_sentiment[result.sentiment] += many
        sure_class[result.cls] += result.confidence * many
        sure_sentiment[result.sentiment] += result.sentiment_confidence * many
        if result.uncertain:
            uncertain_class[result.cls] += many
        if result.sentiment_uncertain:
            uncertain_sentiment[result.sentiment] += many
        streams[result.cls].append((stream, many))
    own = _own_words(account, hashtags, engine)
    daily = [CommentDay(date=d.isoformat(), total=totals[d], negative=negatives[d])
             for d in days]
    previous_total = sum(prev_class.values())
    week_themes = _themes(((stream, many) for stream, many in zip(streams_of, week_count,
                                                                   strict=True) if many),
                          own, negators)
    shown = _samples(comments, memo, results, week_count, zone, start, end, samples)
    if labels is not None:
        pairs: dict[tuple[str, str], tuple[str, str]] = {}
        for text, at in memo.items():
            pair = (results[at].cls, results[at].sentiment)
            labels[text] = pairs.setdefault(pair, pair)
    del memo, results, streams_of, week_count, earlier_count  # before the per-class themes
    return CommentsSection(
        total=total,
        by_class=by_class,
        by_sentiment=by_sentiment,
        by_platform=_platform_order(platforms),
        themes=week_themes,
        samples=shown,
        daily=daily,
        crisis_days=_crisis_days([(d, negatives[d]) for d in days]),
        unanswered=unanswered,
        confidence=Confidence(klass=_means(sure_class, by_class),
                              sentiment=_means(sure_sentiment, by_sentiment)),
        uncertain=Uncertain(klass=sum(uncertain_class.values()),
                            sentiment=sum(uncertain_sentiment.values()),
                            by_class=uncertain_class, by_sentiment=uncertain_sentiment),
        themes_by_class={cls: _themes(streams[cls], own, negators, CLASS_THEMES)
                         for cls in CLASSES},
        previous_week=CommentsBefore(start=before.isoformat(),
                                     end=(after - timedelta(days=1)).isoformat(),
                                     total=previous_total, by_class=prev_class,
                                     by_sentiment=prev_sentiment),
        change={cls: _change(by_class[cls], prev_class[cls], total, previous_total)
                for cls in WATCHED},
        # All comments and the negative ones against the week before (same file).
        change_total={
            "total": _count_change(total, previous_total),
            "negatif": _count_change(by_sentiment["negatif"], prev_sentiment["negatif"]),
        },
    )


def _count_change(now: int, before: int) -> CountChange:
    """A count against the week before; percent is ``None`` when before is 0."""
    return CountChange(count=now, previous=before, delta=now - before,
                       percent=round((now - before) * 100 / before, 1) if before else None)


def _means(sums: dict[str, float], counts: dict[str, int]) -> dict[str, float | None]:
    """Mean probability per label (``None`` for a label no comment got)."""
    return {k: round(sums[k] / counts[k], 3) if counts[k] else None for k in sums}


def _change(now: int, before: int, total: int, previous_total: int) -> ClassChange:
    """This week against the week before: counts, difference, and shares of all comments."""
    return ClassChange(
        count=now,
        previous=before,
        delta=now - before,
        percent=round((now - before) * 100 / before, 1) if before else None,
        share=round(now / total, 3) if total else None,
        previous_share=round(before / previous_total, 3) if previous_total else None,
    )


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
    return [{"term": t.term, "count": t.count} for t in _themes(docs, own, negators, limit)]


def _themes(docs: Iterable[tuple[Sequence[str], int]], own: frozenset[str] = frozenset(),
            negators: frozenset[str] = frozenset(), limit: int = THEMES) -> list[Theme]:
    """:func:`themes` as the report's typed parts."""
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
    for word in [w for w in words if not theme_word(w) or w in own]:
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
    return [Theme(term=term, count=count) for term, count in picked]


def theme_word(word: str) -> bool:
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
        present: set[tuple[str, ...]] = set(zip(masked, masked[1:], strict=False))
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


def _own_words(account: str, hashtags: Iterable[str], engine: Engine) -> frozenset[str]:
    own: set[str] = set()
    for word in engine.items(account):
        if word and word[0].isalnum():
            own.add(word)
    for tag in hashtags:
        bare = tag.lstrip("#").lower()
        if bare:
            own.update((bare, f"#{bare}"))
    return frozenset(own)


def _samples(comments: list[Comment], memo: dict[str, int], results: list[Understood],
             week_count: Sequence[int], zone: ZoneInfo, start: date, end: date, limit: int,
             ) -> dict[str, list[SampleComment]]:
    """Up to ``limit`` comments per class, shown in time order.

    The surest texts are chosen (highest class probability, then largest lexicon |score|,
    then text), each distinct text once
    (white space and case ignored); a text posted several times is shown at its earliest
    comment.
    """
    by_class: dict[str, list[tuple[float, float, str]]] = {cls: [] for cls in CLASSES}
    for text, at in memo.items():
        if week_count[at]:  # held by a comment of the week
            result = results[at]
            by_class[result.cls].append((-result.confidence, -abs(result.score), text))
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
    out: dict[str, list[SampleComment]] = {cls: [] for cls in CLASSES}
    for local, comment in sorted(first.values(), key=lambda row: _order(*row)):
        result = results[memo[comment.text]]
        out[result.cls].append(SampleComment(
            platform=comment.platform,
            post_ref=comment.post_ref,
            author=comment.author,
            time=local.isoformat(),
            text=comment.text,
            klass=result.cls,
            sentiment=result.sentiment,
            confidence=result.confidence,
            uncertain=result.uncertain,
            cues=list(_model().explain(comment.text, "kelas",
                                       _model().tasks["kelas"].labels.index(result.cls))),
        ))
    return out


def _distinct(ranked: list[tuple[float, float, str]], limit: int) -> list[str]:
    """The first ``limit`` texts that differ in more than case and white space."""
    seen: set[str] = set()
    chosen: list[str] = []
    for *_, text in ranked:
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
    return [{"date": d.date, "negative": d.negative, "baseline": d.baseline,
             "message": d.message} for d in _crisis_days(negatives)]


def _crisis_days(negatives: list[tuple[date, int]]) -> list[CrisisDay]:
    """:func:`crisis_days` as the report's typed parts."""
    flagged: list[CrisisDay] = []
    for k, (day, count) in enumerate(negatives):
        others = [c for j, (_, c) in enumerate(negatives) if j != k]
        baseline = float(median(others)) if others else 0.0
        if count >= max(CRISIS_MIN, CRISIS_FACTOR * baseline):
            flagged.append(CrisisDay(date=day.isoformat(), negative=count,
                                     baseline=round(baseline, 1),
                                     message=_crisis_message(day, count, baseline)))
    return flagged


def _crisis_message(day: date, count: int, baseline: float) -> str:
    when = forms.date_long(day)
    usual = forms.number(float(baseline), 1)
    return (f"Komentar negatif melonjak pada {when}: {count} komentar negatif, padahal pada "
            f"hari lain biasanya {usual} per hari (median). Mungkin ada krisis: periksa "
            f"pemicunya, tentukan tingkat krisis, lalu siapkan pernyataan awal (holding "
            f"statement) sesuai prosedur krisis dengan perintah {HOLDING_COMMAND}.")
