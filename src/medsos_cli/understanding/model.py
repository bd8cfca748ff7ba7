"""The shipped linear models: features of a text and a pure-Python scorer.

Each model is a multinomial logistic regression trained by ``tools/understanding/train.py``
on the corpus in ``data/understanding/`` and exported as JSON next to this module
(``komentar.json``: comment class and sentiment; ``balasan.json``: reply tone;
``kampanye.json``: campaign content). Nothing heavier than the standard library runs here.

Features of a text (the same function builds them for training and for scoring):

- ``w:`` each distinct normalised item (word after slang normalisation, ``?``, emoji, #tagar);
- ``c:`` the character 3–5-grams of each distinct word, between ``<`` and ``>`` (they carry
  typos, affixes and Javanese/Sundanese forms the lexicon does not list);
- ``b:`` each distinct pair of neighbouring items (a clause break is ``|``);
- ``k:`` lexicon cues from :mod:`medsos_cli.understanding.rules`: the cue bits (problem,
  request, place, question, criticism, praise, institution, solved), the sign and size of the
  lexicon's sentiment score, two problems, and the class the hand-written rules decide;
- ``n:`` surface marks the normalisation drops: a number, a @mention, a link, a first item.

A word's features are summed once into one vector per word (memoised), so scoring a comment
costs a few dictionary look-ups per word. Probabilities come from a softmax at the temperature
fitted on the dev split; a decision whose top probability is under the model's threshold is
"tidak yakin" (uncertain).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from math import exp
from operator import add
from pathlib import Path
from typing import Any, NamedTuple

from medsos_cli.errors import ConfigError
from medsos_cli.understanding.lexicon import TAG_BITS
from medsos_cli.understanding.rules import Engine, decide, engine

MODEL_FILES = {"komentar": "komentar.json", "balasan": "balasan.json",
               "kampanye": "kampanye.json"}
_CUE_NAMES = tuple((bit, f"k:{name}") for name, bit in TAG_BITS.items())
_NUMBER = re.compile(r"(?<![\w.])\d{1,2}(?![\w.])")
_LONG_NUMBER = re.compile(r"\d{3,}|\d+[.:]\d+")
_DIGIT = re.compile(r"\d")
_MENTION = re.compile(r"(?<![\w])@\w")
_URL = re.compile(r"https?://|www\.|\.go\.id|\.com\b")
_CACHE_LIMIT = 1 << 18
_CLAUSE_ENDS = frozenset({"", "?"})


def char_grams(word: str) -> list[str]:
    """Character 3–5-grams of ``word`` between boundary marks (with repeats)."""
    padded = f"<{word}>"
    n = len(padded)
    return [f"c:{padded[i:i + k]}" for k in (3, 4, 5) for i in range(n - k + 1)]


def _is_word(item: str) -> bool:
    return item[:1].isalnum()


def text_parts(text: str, rules: Engine | None = None, items: list[str] | None = None,
               found: tuple[float, int, int, bool] | None = None,
               ) -> tuple[list[tuple[str, ...]], list[str]]:
    """The clauses (tuples of items) and the text-level cue features of ``text``.

    ``items`` may be given when the caller already has the normalised items of ``text``, and
    ``found`` when it already has ``rules.cues(items)`` of them.
    """
    rules = rules or engine()
    if items is None:
        items = rules.items(text)
    score, bits, problems, question = found if found is not None else rules.cues(items)
    cues = [name for bit, name in _CUE_NAMES if bits & bit]
    if question:
        cues.append("k:q")
    if score >= 1:
        cues.append("k:s+" if score < 3 else "k:s++")
    elif score <= -1:
        cues.append("k:s-" if score > -3 else "k:s--")
    if problems >= 2:
        cues.append("k:p2")
    cues.append("k:rule=" + decide(bits, problems, question, score, rules.lex))
    if _DIGIT.search(text) is not None:  # most comments have no digit: one quick scan
        if _NUMBER.search(text):
            cues.append("n:num")
        if _LONG_NUMBER.search(text):
            cues.append("n:longnum")
    if "@" in text and _MENTION.search(text):
        cues.append("n:mention")
    if "." in text and _URL.search(text):
        cues.append("n:url")
    cues.append("n:first=" + items[0] if items else "n:empty")
    return clauses(items), cues


def clauses(items: list[str]) -> list[tuple[str, ...]]:
    """``items`` cut at clause breaks (sentence punctuation and ``?``), empty clauses dropped."""
    out = []
    begin = 0
    for end, item in enumerate(items):
        if item in _CLAUSE_ENDS:
            if end > begin:
                out.append(tuple(items[begin:end]))
            begin = end + 1
    if len(items) > begin:
        out.append(tuple(items[begin:]))
    return out


def clause_features(clause: tuple[str, ...]) -> list[str]:
    """Feature names of one clause, with repeats: each item, its char-grams, each pair."""
    out: list[str] = []
    for item in clause:
        out.append("w:" + item)
        if _is_word(item):
            out.extend(char_grams(item))
    out.extend(f"b:{a} {b}" for a, b in zip(clause, clause[1:], strict=False))
    return out


def training_features(text: str, rules: Engine | None = None) -> dict[str, float]:
    """Feature counts of ``text`` as the scorer adds them (for the training script)."""
    parts, cues = text_parts(text, rules)
    out: dict[str, float] = {}
    for clause in parts:
        for name in clause_features(clause):
            out[name] = out.get(name, 0.0) + 1.0
    for name in cues:
        out[name] = out.get(name, 0.0) + 1.0
    return out


class Decision(NamedTuple):
    """One task's outcome: the best label, its probability, whether it is uncertain, and the
    features that pushed it most (the explanation)."""

    label: str
    confidence: float
    uncertain: bool
    cues: tuple[str, ...]
    probabilities: dict[str, float]


@dataclass(frozen=True)
class Task:
    """One output of a model: labels, their slice of the weight vectors, calibration."""

    name: str
    labels: tuple[str, ...]
    offset: int
    temperature: float
    threshold: float


class Model:
    """A linear model read from its JSON file; scores texts with memoised word vectors."""

    def __init__(self, data: dict[str, Any], name: str = "model"):
        try:
            self.name = name
            scale = float(data["scale"])
            tasks = []
            offset = 0
            for item in data["tasks"]:
                labels = tuple(item["labels"])
                tasks.append(Task(item["name"], labels, offset, float(item["temperature"]),
                                  float(item["threshold"])))
                offset += len(labels)
            self.tasks = {task.name: task for task in tasks}
            self._order = tuple(tasks)
            self.size = offset
            self.bias = [float(v) for v in data["bias"]]
            self.weights: dict[str, list[float]] = {
                feature: [v / scale for v in row] for feature, row in data["weights"].items()}
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"model bawaan rusak ({exc})", name) from exc
        if len(self.bias) != self.size or any(len(r) != self.size for r in self.weights.values()):
            raise ConfigError("model bawaan rusak (panjang bobot tidak cocok)", name)
        self._zero = [0.0] * self.size
        self._clauses: dict[tuple[str, ...], list[float]] = {}
        self._words: dict[str, list[float]] = {}

    def _clause(self, clause: tuple[str, ...]) -> list[float]:
        """The summed weights of one clause (memoised: clauses recur across comments)."""
        vec = self._clauses.get(clause)
        if vec is None:
            vec = self._zero
            words = self._words
            for item in clause:
                row = words.get(item)
                if row is None:
                    row = self._word(item)
                vec = list(map(add, vec, row))
            for row in filter(None, map(self.weights.get, [
                    f"b:{a} {b}" for a, b in zip(clause, clause[1:], strict=False)])):
                vec = list(map(add, vec, row))
            if len(self._clauses) >= _CACHE_LIMIT:
                self._clauses.clear()
            self._clauses[clause] = vec
        return vec

    def _word(self, item: str) -> list[float]:
        """The summed weights of one item and its char-grams (memoised)."""
        vec = self._zero
        names = ["w:" + item] + (char_grams(item) if _is_word(item) else [])
        for row in filter(None, map(self.weights.get, names)):
            vec = list(map(add, vec, row))
        if len(self._words) >= _CACHE_LIMIT:
            self._words.clear()
        self._words[item] = vec
        return vec

    def logits(self, text: str, rules: Engine | None = None, items: list[str] | None = None,
               found: tuple[float, int, int, bool] | None = None) -> list[float]:
        """Raw scores of every label of every task for ``text`` (``items`` and their
        ``found`` cues as in :func:`text_parts`)."""
        parts, cues = text_parts(text, rules, items, found)
        total = self.bias
        cached = self._clauses.get
        for clause in parts:
            vec = cached(clause)
            total = list(map(add, total, vec if vec is not None else self._clause(clause)))
        for row in filter(None, map(self.weights.get, cues)):
            total = list(map(add, total, row))
        return total

    def predict(self, text: str, rules: Engine | None = None, items: list[str] | None = None,
                found: tuple[float, int, int, bool] | None = None,
                ) -> list[tuple[str, float, bool]]:
        """(label, probability, uncertain) of each task, in the model's task order: the
        lean path the weekly report uses (no explanation, no full distribution)."""
        scores = self.logits(text, rules, items, found)
        out = []
        for task in self._order:
            part = scores[task.offset:task.offset + len(task.labels)]
            top = max(part)
            inv = 1.0 / task.temperature
            prob = 1.0 / sum([exp((v - top) * inv) for v in part])
            out.append((task.labels[part.index(top)], prob, prob < task.threshold))
        return out

    def decide(self, text: str, rules: Engine | None = None,
               explain: int = 0) -> dict[str, Decision]:
        """Each task's decision for ``text``, with ``explain`` top cues per decision."""
        scores = self.logits(text, rules)
        out: dict[str, Decision] = {}
        for task in self.tasks.values():
            part = scores[task.offset:task.offset + len(task.labels)]
            probs = softmax(part, task.temperature)
            best = max(range(len(probs)), key=probs.__getitem__)
            cues = self.explain(text, task, best, explain, rules) if explain else ()
            out[task.name] = Decision(task.labels[best], probs[best],
                                      probs[best] < task.threshold, cues,
                                      dict(zip(task.labels, probs, strict=True)))
        return out

    def probability(self, text: str, task: str, labels: tuple[str, ...],
                    rules: Engine | None = None) -> float:
        """The summed probability of ``labels`` of ``task`` for ``text``."""
        found = self.tasks[task]
        scores = self.logits(text, rules)
        probs = softmax(scores[found.offset:found.offset + len(found.labels)],
                        found.temperature)
        return sum(p for label, p in zip(found.labels, probs, strict=True) if label in labels)

    def explain(self, text: str, task: Task | str, index: int, limit: int = 3,
                rules: Engine | None = None) -> tuple[str, ...]:
        """The words, pairs and cues that raised label ``index`` of ``task`` most over the
        mean of the other labels (a word's char-grams counted with the word)."""
        task = self.tasks[task] if isinstance(task, str) else task
        parts, cues = text_parts(text, rules)
        lo, k = task.offset, task.offset + index
        n = len(task.labels)
        get = self.weights.get
        margins: dict[str, float] = {}
        named: list[tuple[str, list[str]]] = []
        for clause in parts:
            for item in clause:
                names = ["w:" + item] + (char_grams(item) if _is_word(item) else [])
                named.append((item, names))
            named.extend((f"{a} {b}", [f"b:{a} {b}"]) for a, b in zip(clause, clause[1:],
                                                                         strict=False))
        named.extend((_cue_label(c), [c]) for c in cues)
        for label, names in named:
            margin = 0.0
            for row in filter(None, map(get, names)):
                margin += row[k] - (sum(row[lo:lo + n]) - row[k]) / max(n - 1, 1)
            margins[label] = margins.get(label, 0.0) + margin
        ranked = sorted((-m, label) for label, m in margins.items() if m > 0)
        return tuple(label for _, label in ranked[:limit])


def _cue_label(name: str) -> str:
    """A feature as a reader sees it: the word, the pair, or the cue in Indonesian."""
    if name.startswith("k:rule="):
        return f"aturan leksikon: {name[7:]}"
    if name.startswith("k:"):
        return {"k:q": "tanda tanya", "k:s+": "kata positif", "k:s++": "sangat positif",
                "k:s-": "kata negatif", "k:s--": "sangat negatif",
                "k:p2": "dua masalah"}.get(name, f"penanda {name[2:]}")
    if name.startswith("n:first="):
        return f"diawali “{name[8:]}”"
    if name.startswith("n:"):
        return {"n:num": "angka", "n:longnum": "nomor panjang", "n:mention": "@sebutan",
                "n:url": "tautan", "n:empty": "teks kosong"}.get(name, name[2:])
    return name


def softmax(scores: list[float], temperature: float = 1.0) -> list[float]:
    """Probabilities from raw scores at ``temperature``."""
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def model_bytes(name: str) -> bytes:
    """The bundled model file's bytes (``komentar``, ``balasan`` or ``kampanye``)."""
    return Path(__file__).with_name(MODEL_FILES[name]).read_bytes()


def model_sha256(name: str) -> str:
    """SHA-256 of the bundled model file (pinned by the tests)."""
    return hashlib.sha256(model_bytes(name)).hexdigest()


@cache
def load_model(name: str) -> Model:
    """Load a bundled model once per process (lazily: lint loads only what a rule needs)."""
    try:
        data = json.loads(model_bytes(name).decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"model bawaan tidak terbaca ({exc})", MODEL_FILES[name]) from exc
    return Model(data, MODEL_FILES[name])
