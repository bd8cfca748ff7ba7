"""The bundled Indonesian lexicon of the comment classifier, loaded into lookup tables.

The word lists are data (``normalisasi.yaml``, ``sentimen.yaml``, ``kelas.yaml``,
``stopwords.txt``, each with a header naming its sources and licence); this module only turns
them into dictionaries that :mod:`medsos_cli.weekly.conversation` reads with plain look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from medsos_cli.errors import ConfigError

# Class cue bits (an ``Entry.tags`` value is a union of these).
MASALAH = 1  # a concrete problem: rusak, banjir, lampu mati
PERMINTAAN = 2  # a request or report: tolong, mohon ditindak, lapor
TEMPAT = 4  # a place or public object: jalan, gang, RT, PDAM
TANYA = 8  # a question cue: kapan, bagaimana, mau tanya
KRITIK = 16  # a judgement of the institution: kecewa, percuma, pencitraan
PUJIAN = 32  # praise or thanks: terima kasih, mantap, salut
INSTANSI = 64  # the institution or its people: pemkot, dinas, petugas
SELESAI = 128  # a problem reported as solved: sudah diperbaiki

TAG_BITS = {"masalah": MASALAH, "permintaan": PERMINTAAN, "tempat": TEMPAT, "tanya": TANYA,
            "kritik": KRITIK, "pujian": PUJIAN, "instansi": INSTANSI, "selesai": SELESAI}

# Entry roles.
TERM = 0
NEGATOR = 1
BREAK = 2  # a contrast (tapi, namun): ends negation and intensifier scope, halves the score
STOP = 3  # sentence punctuation: ends negation and intensifier scope
QUESTION = 4  # a question mark
EMOJI = 5  # an emoji: its weight counts as it is (never negated nor intensified)


class Entry(NamedTuple):
    """What one word or phrase means to the classifier."""

    weight: float  # sentiment weight (a negator: its own weight when nothing follows it)
    tags: int  # class cue bits
    role: int = TERM
    pre: float = 0.0  # multiplier for the next weighted term (sangat bagus), 0 = none
    post: float = 0.0  # multiplier for the previous weighted term (bagus banget), 0 = none


@dataclass(frozen=True)
class Lexicon:
    """Look-up tables built from the bundled word lists."""

    words: dict[str, Entry]  # single normalised words
    # first word -> second word -> phrases (longest first)
    phrases: dict[str, dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]]
    normal: dict[str, tuple[str, ...]]  # informal spelling -> standard word(s)
    vocabulary: frozenset[str]  # every word the lists know (guides de-elongation)
    stopwords: frozenset[str]
    emoji: dict[str, float]
    positive: float  # score >= positive: positif
    negative: float  # score <= negative: negatif
    negation_span: int
    flip_positive: float
    flip_negative: float


# libyaml's loader parses the bundled word lists several times faster; same results.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(name: str) -> str:
    return Path(__file__).with_name(name).read_text(encoding="utf-8")


def _yaml(name: str) -> dict[str, Any]:
    try:
        data = yaml.load(_read(name), Loader=_LOADER)  # a safe loader either way
    except yaml.YAMLError as exc:  # a broken bundled file is a packaging bug, said plainly
        raise ConfigError(f"leksikon bawaan rusak: {exc}", name) from exc
    if not isinstance(data, dict):
        raise ConfigError("leksikon bawaan harus berupa pemetaan YAML", name)
    return data


def _key(term: Any) -> str:
    return " ".join(str(term).lower().split())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and index the bundled lexicon (once per process)."""
    sentiment = _yaml("sentimen.yaml")
    classes = _yaml("kelas.yaml")
    normal_raw = _yaml("normalisasi.yaml")

    weights: dict[str, float] = {_key(k): float(v) for k, v in sentiment["kata"].items()}
    tags: dict[str, int] = {}
    for name, bit in TAG_BITS.items():
        for term in classes.get(name) or ():
            key = _key(term)
            tags[key] = tags.get(key, 0) | bit
    entries: dict[str, Entry] = {}
    for key in sorted(set(weights) | set(tags)):
        weight = weights.get(key)
        if weight is None:  # a class cue phrase weighs what its words weigh
            weight = sum(weights.get(part, 0.0) for part in key.split(" "))
        entries[key] = Entry(weight, tags.get(key, 0))
    negation = sentiment["negasi"]
    for word, own in negation["kata"].items():
        key = _key(word)
        entries[key] = Entry(float(own), tags.get(key, 0), NEGATOR)
    boosters = sentiment["penguat"]
    for word in set(boosters["sebelum"]) | set(boosters["sesudah"]):
        key = _key(word)
        old = entries.get(key, Entry(0.0, 0))
        entries[key] = old._replace(pre=float(boosters["sebelum"].get(word, 0.0)),
                                    post=float(boosters["sesudah"].get(word, 0.0)))
    for word in classes.get("pemisah") or ():
        entries[_key(word)] = Entry(0.0, 0, BREAK)

    words: dict[str, Entry] = {}
    grouped: dict[str, dict[str, list[tuple[tuple[str, ...], Entry]]]] = {}
    for key, entry in entries.items():
        parts = tuple(key.split(" "))
        if len(parts) == 1:
            words[key] = entry
        else:
            grouped.setdefault(parts[0], {}).setdefault(parts[1], []).append((parts, entry))
    phrases = {first: {second: tuple(sorted(items, key=lambda item: (-len(item[0]), item[0])))
                       for second, items in seconds.items()}
               for first, seconds in grouped.items()}

    normal = {_key(k): tuple(_key(v).split(" ")) for k, v in normal_raw.items()}
    stopwords = frozenset(
        line.strip().lower() for line in _read("stopwords.txt").splitlines()
        if line.strip() and not line.lstrip().startswith("#"))
    vocabulary = set(stopwords)
    for key in entries:
        vocabulary.update(key.split(" "))
    for key, value in normal.items():
        vocabulary.add(key)
        vocabulary.update(value)
    emoji = {str(k).replace("\ufe0f", ""): float(v) for k, v in sentiment["emoji"].items()}
    threshold = sentiment["ambang"]
    return Lexicon(
        words=words, phrases=phrases, normal=normal, vocabulary=frozenset(vocabulary),
        stopwords=stopwords, emoji=emoji, positive=float(threshold["positif"]),
        negative=float(threshold["negatif"]), negation_span=int(negation["jangkauan"]),
        flip_positive=float(negation["balik_positif"]),
        flip_negative=float(negation["balik_negatif"]))
