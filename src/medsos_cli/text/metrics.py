"""Readability metrics for Indonesian text, per sentence and per text.

``reading_ease`` is an experimental, uncalibrated Indonesian adaptation of Flesch:
``206.835 - 1.015 * ASL - 84.6 * (0.6 * ASW)``; the 0.6 factor is Harjasujana & Mulyati's
syllable conversion for Fry's graph. Use it to compare drafts, not as a grade.
"""

from __future__ import annotations

from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from medsos_cli.text.document import Document, Sentence

LONG_WORD_SYLLABLES = 5
_AT_LEAST_4 = (4).__le__
_LONG = (LONG_WORD_SYLLABLES).__le__
_TEXT = itemgetter(3)


def reading_ease(words_per_sentence: float, syllables_per_word: float) -> float:
    """Experimental Indonesian reading ease (higher is easier)."""
    return 206.835 - 1.015 * words_per_sentence - 84.6 * (0.6 * syllables_per_word)


_ASCII_UPPER = bytes(range(65, 91))
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def caps_share(words: list[str]) -> float | None:
    """Share of letters that are capitals, counted in words of 4 or more letters."""
    joined = "".join(compress(words, map(_AT_LEAST_4, map(len, words))))
    if joined.isascii():  # counted in C: delete the bytes of one class and compare lengths
        raw = joined.encode("ascii")
        letters = len(raw.translate(None, _ASCII_NON_LETTERS))
        caps = len(raw) - len(raw.translate(None, _ASCII_UPPER))
    else:
        letters = sum(1 for ch in joined if ch.isalpha())
        caps = sum(1 for ch in joined if ch.isupper())
    return caps / letters if letters else None


def sentence_metric(doc: Document, sentence: Sentence, name: str) -> float | int | None:
    """One metric of one sentence (only what a rule asks for is computed)."""
    n = sentence.word_count
    if name in ("words", "words_per_sentence"):
        return n
    if name == "sentences":
        return 1
    if not n:
        return None
    span = slice(sentence.first_word, sentence.first_word + n)
    if name == "caps_share":
        return caps_share(list(map(_TEXT, doc.words[span])))
    syl = doc.syllables[span]
    if name == "long_word_share":
        return sum(map(_LONG, syl)) / n
    spw = sum(syl) / n
    return spw if name == "syllables_per_word" else reading_ease(n, spw)


def sentence_metrics(doc: Document, sentence: Sentence) -> dict[str, float | int | None]:
    """All metrics of one sentence."""
    names = ("words", "words_per_sentence", "syllables_per_word", "long_word_share",
             "reading_ease", "caps_share", "sentences")
    return {name: sentence_metric(doc, sentence, name) for name in names}


TEXT_METRICS = ("words", "sentences", "syllables", "words_per_sentence", "syllables_per_word",
                "long_word_share", "reading_ease", "caps_share")


def text_metric(doc: Document, name: str) -> float | int | None:
    """One metric of the whole body (rules ask only for what they check)."""
    if name == "caps_share":
        return _round(caps_share(list(map(_TEXT, doc.words))))
    if name == "sentences":
        return len(doc.sentences)
    syl = doc.syllables
    n_words = len(syl)
    if name == "words":
        return n_words
    if name == "syllables":
        return sum(syl)
    if name == "long_word_share":
        return (round(sum(map(_LONG, syl)) / n_words, 3)
                if n_words else None)
    n_sent = len(doc.sentences)
    wps = n_words / n_sent if n_sent else None
    spw = sum(syl) / n_words if n_words else None
    if name == "words_per_sentence":
        return round(wps, 2) if wps is not None else None
    if name == "syllables_per_word":
        return round(spw, 3) if spw is not None else None
    if name == "reading_ease":
        return (round(reading_ease(wps, spw), 1)
                if wps is not None and spw is not None else None)
    raise KeyError(name)


def text_metrics(doc: Document) -> dict[str, float | int | None]:
    """All metrics of the whole body (the ``metrics`` of the JSON output)."""
    return {name: text_metric(doc, name) for name in TEXT_METRICS}


def _round(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None
