"""``limit``: a count (characters in a platform's own unit, hashtags, links, …) against a cap."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from medsos_cli import fieldspec as fs
from medsos_cli.platforms import (
    COUNT_MODES,
    THREAD_PLATFORMS,
    measure,
    overflow_offset,
    publishable,
    x_overflow_span,
    x_weighted_span,
)
from medsos_cli.rulebook.model import Context, Hit, Rule
from medsos_cli.text import tokens as tk
from medsos_cli.ydata import YDict

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

COUNTS = ("characters", "hashtags", "mentions", "emoji", "links", "sentences", "words", "lines")
# Counts that X and Threads apply to each post of a thread (hashtags: to the whole thread).
_PER_POST = frozenset({"characters", "links"})
_ITEM_KINDS = {"hashtags": (tk.HASHTAG,), "mentions": (tk.MENTION,), "emoji": (tk.EMOJI,),
               "links": (tk.URL,), "words": (tk.WORD,)}


class LimitRule(Rule):
    """Counts something in the text and reports what goes beyond ``max`` (or below ``min``)."""

    kind = "limit"
    FIELDS = Rule.FIELDS + fs.Spec(
        fs.choice("count", COUNTS, required=True),
        fs.choice("mode", COUNT_MODES, default="chars"),
        fs.integer("max", low=0),
        fs.integer("min", low=0),
    )

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """What is counted, how, and the bounds (at least one)."""
        self.count = v["count"]
        self.mode = v["mode"]
        self.max: int | None = v["max"]
        self.min: int | None = v["min"]
        if self.max is None and self.min is None:
            raise self.where.error(f"aturan {self.id}: isi “max” atau “min”", data.line)

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """The hits of this rule (see ``_check``)."""
        return list(self._check(doc, ctx))

    def _check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """Yield one hit when the count is out of bounds (for a saved X/Threads thread, one
        hit per part over ``max`` for the counts that apply to each post)."""
        parts = (self._thread_parts(doc)
                 if self.max is not None and self.count in _PER_POST else None)
        if self.count == "characters":
            if parts is None:
                yield from self._characters(doc, doc.start, len(doc.text), upper=True)
                return
            for start, end in parts:
                yield from self._characters(doc, start, end, upper=True, lower=False)
            if self.min is not None:
                yield from self._characters(doc, doc.start, len(doc.text), upper=False)
            return
        spans = self._items(doc)
        n = len(spans)
        if parts is not None:
            over = False
            for start, end in parts:
                inside = [s for s in spans if start <= s[0] < end]
                if self.max is not None and len(inside) > self.max:
                    over = True
                    first, last = inside[self.max]
                    yield Hit(first, last - first, doc.text[first:last],
                              values=self._values(len(inside)))
            if not over and self.min is not None and n < self.min:
                yield Hit(doc.start, 0, "", values=self._values(n))
            return
        if self.max is not None and n > self.max:
            start, end = spans[self.max]
            yield Hit(start, end - start, doc.text[start:end], values=self._values(n))
        elif self.min is not None and n < self.min:
            yield Hit(doc.start, 0, "", values=self._values(n))

    @staticmethod
    def _thread_parts(doc: Document) -> list[tuple[int, int]] | None:
        """Spans of the parts of a thread saved in one file (X, Threads), else None."""
        if doc.platform not in THREAD_PLATFORMS or doc.text.find("---", doc.start) == -1:
            return None
        from medsos_cli.text.thread_format import part_spans

        spans = part_spans(doc.text, doc.start)
        return spans if len(spans) > 1 else None

    def _values(self, n: int) -> dict[str, int | str]:
        return {"count": n, "max": self.max if self.max is not None else "",
                "min": self.min if self.min is not None else ""}

    def _items(self, doc: Document) -> list[tuple[int, int]]:
        if self.count in _ITEM_KINDS:
            kinds = _ITEM_KINDS[self.count]
            return [(t.start, t.end) for t in doc.tokens if t.kind in kinds]
        if self.count == "sentences":
            return [(s.start, s.end) for s in doc.sentences]
        # lines: non-blank lines of the body
        spans = []
        pos = doc.start
        for raw in doc.body.split("\n"):
            if raw.strip():
                spans.append((pos, pos + len(raw.rstrip("\r"))))
            pos += len(raw) + 1
        return spans

    def _characters(self, doc: Document, seg_start: int, seg_end: int, *, upper: bool,
                    lower: bool = True) -> Iterator[Hit]:
        """Check the length of ``doc.text[seg_start:seg_end]`` (the body, or one part of a
        thread) against ``max`` (when ``upper``) and ``min`` (when ``lower``)."""
        body = doc.text[seg_start:seg_end]
        start = seg_start + (len(body) - len(body.lstrip()))
        end = seg_start + len(body.rstrip())
        # X: when the body is already what would be pasted (NFC, no CR), count with the
        # document's own tokens instead of tokenizing a copy.
        reuse = (self.mode == "x_weighted" and "\r" not in body
                 and unicodedata.is_normalized("NFC", body))
        if reuse:
            n = x_weighted_span(doc.text, start, end, doc.tokens)
        else:
            text = publishable(body)
            n = measure(text, self.mode)
        if upper and self.max is not None and n > self.max:
            if reuse:
                cut = x_overflow_span(doc.text, start, end, doc.tokens, self.max)
                first = (cut if cut is not None else end) - 1
            else:
                cut = overflow_offset(text, self.mode, self.max) - 1
                first = seg_start + _original_index(body, cut)
            yield Hit(first, max(end - first, 0), doc.text[first:end], values=self._values(n))
        elif lower and self.min is not None and n < self.min:
            yield Hit(doc.start, 0, "", values=self._values(n))


def _original_index(body: str, index: int) -> int:
    """Map an index of ``publishable(body)`` back to an index of ``body``."""
    pos = len(body) - len(body.lstrip())
    seen = 0
    while pos < len(body) and seen < index:
        if body.startswith("\r\n", pos):
            pos += 2
        else:
            pos += 1
        seen += 1
    return pos

