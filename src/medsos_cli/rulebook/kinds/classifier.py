"""``classifier``: a bundled model recognises what a text means (a blaming reply, campaigning).

The rule names a model of :mod:`medsos_cli.understanding.model`, one of its tasks, the labels
it flags and a probability threshold. The whole body is scored (``scope: text``, the default,
for short texts such as replies, whose single sentences would read as curt), or the body and
each of its sentences (``scope: sentence``: a campaign call inside a long caption); the span
with the highest probability of the flagged labels is reported when it reaches the threshold
(one finding per rule and text). ``{value}`` in the message is that probability. ``requires``
lists words of which the text must hold one (as a word or the start of a word: *dukung* also
finds *dukungannya*) before the model is asked (the body, and each sentence on its own):
a campaign call always names a choice, a vote, a candidate or a party, and a text without any
such word is never campaign however a model scores its numbers.
The model is loaded on the first check, never at import or rulebook load from the cache, so
``medsos lint`` starts as fast as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from medsos_cli import fieldspec as fs
from medsos_cli.rulebook.model import Context, Hit, Rule, Where
from medsos_cli.ydata import YDict

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

_MIN_CHARS = 3  # a sentence shorter than this says nothing a model can read


class ClassifierRule(Rule):
    """Fires when the model gives the flagged labels at least ``threshold`` probability."""

    kind = "classifier"
    # The model names are the keys of understanding.model.MODEL_FILES; that module is read
    # only when a classifier rule is built (see setup), so the field is a string here.
    FIELDS = Rule.FIELDS + fs.Spec(
        fs.string("model", required=True),
        fs.string("task", required=True),
        fs.strings("labels", min_items=1, item="label"),
        fs.number("threshold", low=0, high=1, low_open=True, high_open=True, required=True),
        fs.strings("requires"),
        fs.choice("scope", ("text", "sentence"), default="text"),
    )

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The model, task, labels and threshold, checked against the model itself."""
        from medsos_cli.understanding.model import MODEL_FILES

        where = self.where
        self.model = v["model"]
        if self.model not in MODEL_FILES:
            from medsos_cli.forms import joined

            raise where.error(f"aturan {self.id}: model “{self.model}” tidak dikenal; pilih "
                              f"{joined(MODEL_FILES, 'atau')}", data.line_of("model"))
        self.task = v["task"]
        self.labels = tuple(v["labels"])
        self.threshold = float(v["threshold"])
        # the text must hold one of these words (or words starting so) for the model to run
        words = [r.lower() for r in v["requires"]]
        self.requires = (re.compile(r"(?<!\w)(?:" + alternation(words) + ")")
                         if words else None)
        self.scope = v["scope"]
        self._validate(data, where)

    def _validate(self, data: YDict, where: Where) -> None:
        """The task and labels must exist in the model (read once, then cached)."""
        model = self._loaded()
        task = model.tasks.get(self.task)
        if task is None:
            raise where.error(f"aturan {self.id}: model {self.model} tidak punya task "
                              f"“{self.task}”; yang ada: {', '.join(model.tasks)}",
                              data.line_of("task"))
        unknown = [label for label in self.labels if label not in task.labels]
        if unknown:
            from medsos_cli.forms import joined

            raise where.error(f"aturan {self.id}: label {joined(unknown)} tidak dikenal; "
                              f"pilih {joined(task.labels, 'atau')}", data.line_of("labels"))

    def _loaded(self):
        from medsos_cli.understanding.model import load_model

        return load_model(self.model)

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """One hit at the most strongly recognised span (the body or one sentence)."""
        body = doc.body
        if len(body.strip()) < _MIN_CHARS:
            return []
        requires = self.requires
        matches: list[tuple[int, int]] = []
        if requires is not None:
            lower = doc.lower_text
            matches = [m.span() for m in requires.finditer(lower, doc.start)]
            if not matches:
                return []
        model = self._loaded()
        end = doc.start + len(body.rstrip())
        spans = [(doc.start, end)]
        if self.scope == "sentence" and len(doc.sentences) > 1:
            spans += [(s.start, s.end) for s in doc.sentences if s.end - s.start >= _MIN_CHARS]
        best, best_span = -1.0, spans[0]
        for start, stop in spans:
            if requires is not None and not _holds(requires, doc.lower_text, matches,
                                                   start, stop):
                continue  # each scored span must hold a required word itself
            p = model.probability(doc.text[start:stop], self.task, self.labels)
            if p > best:
                best, best_span = p, (start, stop)
        if best < self.threshold:
            return []
        start, stop = best_span
        return [Hit(start, stop - start, doc.text[start:stop],
                    values={"value": f"{best * 100:.0f}%"})]


def alternation(words: list[str]) -> str:
    """A regular expression matching any of ``words`` at a position, factored by first
    character (``p(?:ilih|aslon|artai)|c(?:oblos|alon)``): ``re`` then skips, in C, every
    position whose character starts no word, where a flat alternation tries each word. It
    matches at the same positions as the flat alternation (possibly another of the words)."""
    groups: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        groups.setdefault(word[:1], []).append(word[1:])
    parts = []
    for first, rests in groups.items():
        tails = "|".join(re.escape(rest) for rest in sorted(rests, key=len, reverse=True))
        parts.append(re.escape(first) + (f"(?:{tails})" if tails else ""))
    return "|".join(parts)


def _holds(requires: re.Pattern[str], lower: str, matches: list[tuple[int, int]],
           start: int, stop: int) -> bool:
    """Whether ``requires`` matches inside ``lower[start:stop]``, decided from the matches of
    one scan of the whole text: a match inside the span decides; a match that crosses the
    span's edge may hide a shorter one inside, so only then is the span searched itself."""
    for m_start, m_end in matches:
        if m_end <= start:
            continue
        if m_start >= stop:
            return False
        if m_start >= start and m_end <= stop:
            return True
        return requires.search(lower, start, stop) is not None
    return False
