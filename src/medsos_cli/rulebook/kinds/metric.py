"""``metric``: readability measures per sentence or per text, against thresholds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medsos_cli import fieldspec as fs
from medsos_cli.rulebook.model import Context, Hit, Rule
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
    FIELDS = Rule.FIELDS + fs.Spec(
        fs.choice("metric", METRICS, required=True),
        fs.choice("scope", ("sentence", "text"), default="text"),
        fs.number("max"),
        fs.number("min"),
        fs.number("upto"),
        fs.number("min_words", default=0),
    )

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The metric, its scope and thresholds (``max`` or ``min`` at least)."""
        self.metric: str = v["metric"]
        self.scope: str = v["scope"]
        self.max: float | None = v["max"]
        self.min: float | None = v["min"]
        self.upto: float | None = v["upto"]
        self.min_words: float = v["min_words"] or 0
        if self.max is None and self.min is None:
            raise self.where.error(f"aturan {self.id}: isi “max” atau “min”", data.line)

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

