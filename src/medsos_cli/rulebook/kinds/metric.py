"""``metric``: readability measures per sentence or per text, against thresholds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from medsos_cli.rulebook.model import COMMON_KEYS, Context, Hit, Rule, Where
from medsos_cli.text.metrics import sentence_metric, text_metric
from medsos_cli.ydata import YDict

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

METRICS = ("words_per_sentence", "syllables_per_word", "long_word_share", "reading_ease",
           "caps_share", "words", "sentences")
_SHARES = frozenset({"long_word_share", "caps_share"})


class MetricRule(Rule):
    """Fires when a metric goes above ``max`` (up to ``upto``) or below ``min``."""

    kind = "metric"
    KEYS = COMMON_KEYS | {"metric", "scope", "max", "min", "upto", "min_words"}

    def __init__(self, data: YDict, where: Where):
        super().__init__(data, where)
        self.metric: str = data.get("metric")  # type: ignore[assignment]  # checked below
        if self.metric not in METRICS:
            raise where.error(f"aturan {self.id}: “metric” harus salah satu dari "
                              f"{', '.join(METRICS)}", data.line_of("metric"))
        self.scope = data.get("scope", "text")
        if self.scope not in ("sentence", "text"):
            raise where.error(f"aturan {self.id}: “scope” harus sentence atau text",
                              data.line_of("scope"))
        self.max = _number(data, "max", where, self.id)
        self.min = _number(data, "min", where, self.id)
        self.upto = _number(data, "upto", where, self.id)
        self.min_words = _number(data, "min_words", where, self.id) or 0
        if self.max is None and self.min is None:
            raise where.error(f"aturan {self.id}: isi “max” atau “min”", data.line)

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """A hit per offending sentence, or one for the whole text."""
        hits: list[Hit] = []
        if self.scope == "sentence":
            for sentence in doc.sentences:
                if sentence.word_count < self.min_words:
                    continue
                value = sentence_metric(doc, sentence, self.metric)
                if self._fires(value):
                    hits.append(Hit(sentence.start, sentence.end - sentence.start,
                                    doc.text[sentence.start:sentence.end],
                                    values=self._values(value)))
            return hits
        if len(doc.words) < self.min_words:
            return hits
        value = text_metric(doc, self.metric)
        if self._fires(value):
            end = doc.start + len(doc.body.rstrip())
            hits.append(Hit(doc.start, max(end - doc.start, 0), doc.text[doc.start:end],
                            values=self._values(value)))
        return hits

    def _fires(self, value: float | int | None) -> bool:
        if value is None:
            return False
        if self.max is not None and value > self.max:
            return self.upto is None or value <= self.upto
        return self.min is not None and value < self.min

    def _values(self, value: float | int | None) -> dict[str, str]:
        return {"value": self._show(value), "max": self._show(self.max),
                "min": self._show(self.min), "count": self._show(value)}

    def _show(self, value: float | int | None) -> str:
        if value is None:
            return ""
        if self.metric in _SHARES:
            return f"{value * 100:.0f}%"
        if isinstance(value, int) or float(value).is_integer():
            return str(int(value))
        from medsos_cli.forms import number

        return number(float(value), 1)


def _number(data: YDict, key: str, where: Where, rule_id: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise where.error(f"aturan {rule_id}: “{key}” harus berupa angka", data.line_of(key))
    return value
