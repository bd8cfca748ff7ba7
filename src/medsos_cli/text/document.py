"""A caption as the linter sees it: text, tokens, words, sentences and line positions.

Offsets are code points of the text as written; the body may start after a front-matter block,
whose text is kept so that line and column numbers match the file.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from operator import itemgetter
from typing import Any, Generic, NamedTuple, TypeVar, overload

from medsos_cli.text import tokens as tk
from medsos_cli.text.syllables import count_syllables

_SENTENCE_END = frozenset(".!?…")
_TEXT = itemgetter(3)
_SYLLABLE_CACHE: dict[str, int] = {}


_T = TypeVar("_T")


class _once(Generic[_T]):  # noqa: N801 - used as a decorator, like cached_property
    """``functools.cached_property`` without the lock Python 3.10 and 3.11 take on every first
    access (a Document is used by one thread, and a caption reads a dozen properties)."""

    def __init__(self, func: Callable[[Any], _T]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _once[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


class Sentence(NamedTuple):
    """A sentence: its span and the indexes of its words in ``Document.words`` (a tuple:
    captions have many and a frozen dataclass costs a call per field to build)."""

    start: int
    end: int
    first_word: int
    word_count: int


class Document:
    """A text to lint, analysed lazily (each property is computed once)."""

    def __init__(self, text: str, start: int = 0, platform: str | None = None,
                 kind: str = "caption", path: str = "-"):
        self.text = text
        self.start = start
        self.platform = platform
        self.kind = kind
        self.path = path

    _ANALYSIS = ("tokens", "words", "lower_words", "entities", "sentences", "syllables",
                 "lower_text", "metrics", "_entity_spans")

    def compact(self) -> None:
        """Drop the analysis (tokens, sentences, …) once findings are made; what remains
        (text, line positions) is enough to show the findings. Properties recompute on use."""
        for name in self._ANALYSIS:
            self.__dict__.pop(name, None)

    @property
    def body(self) -> str:
        """The text after the front matter (what gets published)."""
        return self.text[self.start:]

    @_once
    def tokens(self) -> list[tk.Token]:
        """All tokens of the body, spaces dropped."""
        return tk.tokenize(self.text, self.start)

    @_once
    def lower_text(self) -> str:
        """The whole text in lower case (for quick substring pre-checks)."""
        return self.text.lower()

    @_once
    def words(self) -> list[tk.Token]:
        """Word tokens only (prose words; entities excluded)."""
        return [t for t in self.tokens if t.kind == tk.WORD]

    @_once
    def lower_words(self) -> list[str]:
        """Lower-cased text of each word token, aligned with ``words``."""
        return [t.text.lower() for t in self.words]

    @_once
    def entities(self) -> list[tk.Token]:
        """Tokens that are not prose: URLs, e-mail, hashtags, mentions, emoji, numbers."""
        kinds = tk.ENTITY_KINDS
        return [t for t in self.tokens if t.kind in kinds]

    def entity_spans(self, kinds: frozenset[str]) -> list[tuple[int, int]]:
        """Spans of the entities of the given kinds (cached per set of kinds)."""
        cache = self.__dict__.setdefault("_entity_spans", {})
        spans = cache.get(kinds)
        if spans is None:
            spans = cache[kinds] = [(t.start, t.end) for t in self.entities if t.kind in kinds]
        return spans

    @_once
    def line_starts(self) -> list[int]:
        """Offsets at which each line of the whole text starts."""
        starts = [0]
        text = self.text
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a code-point offset."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, line: int) -> str:
        """Return the text of a 1-based line, without its line break."""
        starts = self.line_starts
        begin = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[begin:end].rstrip("\r\n")

    @_once
    def sentences(self) -> list[Sentence]:
        """Sentences of the body.

        A sentence ends at ``.``/``!``/``?``/``…`` (not after an abbreviation such as ``Jl.``),
        at a line break, and before an emoji that opens a line or introduces a new capitalised
        clause (emoji bullets).
        """
        abbrevs, final_abbrevs = tk.abbreviations()
        toks = self.tokens
        word_kind, punct_kind, newline_kind, emoji_kind = tk.WORD, tk.PUNCT, tk.NEWLINE, tk.EMOJI
        ends_at = _SENTENCE_END
        result: list[Sentence] = []
        sent_start = -1  # -1: no sentence open
        sent_end = first_word = n_words = word_index = 0
        prev_kind = prev_end = None
        prev_text = ""
        last = len(toks) - 1
        for i, (kind, start, end, text) in enumerate(toks):
            if kind == word_kind:
                if sent_start < 0:
                    sent_start, first_word = start, word_index
                sent_end = end
                n_words += 1
                word_index += 1
                prev_kind, prev_end, prev_text = kind, end, text
                continue
            if kind == newline_kind:
                if sent_start >= 0 and n_words:
                    result.append(Sentence(sent_start, sent_end, first_word, n_words))
                sent_start, n_words = -1, 0
                prev_kind, prev_end, prev_text = kind, end, text
                continue
            if kind == emoji_kind and sent_start >= 0 and n_words:
                nxt = _next_word_like(toks, i + 1)
                if prev_kind == newline_kind or (nxt is not None and nxt.text[:1].isupper()):
                    result.append(Sentence(sent_start, sent_end, first_word, n_words))
                    sent_start, n_words = -1, 0
            if sent_start < 0:
                sent_start, first_word = start, word_index
            sent_end = end
            if kind == punct_kind and text in ends_at:
                ends = True
                if text == "." and prev_kind == word_kind and prev_end == start:
                    low = prev_text.lower()
                    if low in abbrevs:
                        ends = False
                        if low in final_abbrevs:
                            nxt = _next_word_like(toks, i + 1)
                            ends = nxt is None or nxt.text[:1].isupper()
                # Keep runs like "?!" or "..." inside the same sentence.
                if ends and not (i < last and toks[i + 1].kind == punct_kind
                                 and toks[i + 1].text in ends_at and toks[i + 1].start == end):
                    if n_words:
                        result.append(Sentence(sent_start, sent_end, first_word, n_words))
                    sent_start, n_words = -1, 0
            prev_kind, prev_end, prev_text = kind, end, text
        if sent_start >= 0 and n_words:
            result.append(Sentence(sent_start, sent_end, first_word, n_words))
        return result

    @_once
    def syllables(self) -> list[int]:
        """Syllable count of each word, aligned with ``words``."""
        # Words recur across captions; a plain dict in front of the counter saves a call each.
        cache = _SYLLABLE_CACHE
        texts = list(map(_TEXT, self.words))
        counts: list = list(map(cache.get, texts))  # None where the cache has no count yet
        if None in counts:
            for i, n in enumerate(counts):
                if n is None:
                    word = texts[i]
                    n = counts[i] = count_syllables(word)
                    if len(cache) < 200_000:
                        cache[word] = n
        return counts

    @_once
    def metrics(self) -> dict[str, float | int | None]:
        """Text-level readability metrics (see ``metrics.text_metrics``)."""
        from medsos_cli.text.metrics import text_metrics

        return text_metrics(self)


def _next_word_like(toks: list[tk.Token], i: int) -> tk.Token | None:
    """Return the next token after ``i`` that is not punctuation or emoji, on the same line."""
    while i < len(toks):
        tok = toks[i]
        if tok.kind == tk.NEWLINE:
            return None
        if tok.kind not in (tk.PUNCT, tk.EMOJI):
            return tok
        i += 1
    return None
