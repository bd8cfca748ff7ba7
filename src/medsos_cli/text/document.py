"""A caption as the linter sees it: text, tokens, words, sentences and line positions.

Offsets are code points of the text as written; the body may start after a front-matter block,
whose text is kept so that line and column numbers match the file.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from medsos_cli.text import tokens as tk
from medsos_cli.text.syllables import count_syllables

_SENTENCE_END = frozenset(".!?…")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its span and the indexes of its words in ``Document.words``."""

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

    @cached_property
    def tokens(self) -> list[tk.Token]:
        """All tokens of the body, spaces dropped."""
        return tk.tokenize(self.text, self.start)

    @cached_property
    def lower_text(self) -> str:
        """The whole text in lower case (for quick substring pre-checks)."""
        return self.text.lower()

    @cached_property
    def words(self) -> list[tk.Token]:
        """Word tokens only (prose words; entities excluded)."""
        return [t for t in self.tokens if t.kind == tk.WORD]

    @cached_property
    def lower_words(self) -> list[str]:
        """Lower-cased text of each word token, aligned with ``words``."""
        return [t.text.lower() for t in self.words]

    @cached_property
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

    @cached_property
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

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the body.

        A sentence ends at ``.``/``!``/``?``/``…`` (not after an abbreviation such as ``Jl.``),
        at a line break, and before an emoji that opens a line or introduces a new capitalised
        clause (emoji bullets).
        """
        abbrevs, final_abbrevs = tk.abbreviations()
        toks = self.tokens
        result: list[Sentence] = []
        sent_start: int | None = None
        sent_end = 0
        first_word = 0
        n_words = 0
        word_index = 0
        prev: tk.Token | None = None

        def close() -> None:
            nonlocal sent_start, n_words
            if sent_start is not None and n_words:
                result.append(Sentence(sent_start, sent_end, first_word, n_words))
            sent_start = None
            n_words = 0

        for i, tok in enumerate(toks):
            kind = tok.kind
            if kind == tk.NEWLINE:
                close()
                prev = tok
                continue
            if kind == tk.EMOJI and sent_start is not None and n_words:
                nxt = _next_word_like(toks, i + 1)
                if prev is not None and (prev.kind == tk.NEWLINE or (
                        nxt is not None and nxt.text[:1].isupper())):
                    close()
            if sent_start is None:
                sent_start = tok.start
                first_word = word_index
            sent_end = tok.end
            if kind == tk.WORD:
                n_words += 1
                word_index += 1
            elif kind == tk.PUNCT and tok.text in _SENTENCE_END:
                ends = True
                if tok.text == "." and prev is not None and prev.kind == tk.WORD \
                        and prev.end == tok.start:
                    low = prev.text.lower()
                    if low in abbrevs:
                        ends = False
                        if low in final_abbrevs:
                            nxt = _next_word_like(toks, i + 1)
                            ends = nxt is None or nxt.text[:1].isupper()
                if ends:
                    # Keep runs like "?!" or "..." inside the same sentence.
                    nxt_tok = toks[i + 1] if i + 1 < len(toks) else None
                    if not (nxt_tok is not None and nxt_tok.kind == tk.PUNCT
                            and nxt_tok.text in _SENTENCE_END and nxt_tok.start == tok.end):
                        close()
            prev = tok
        close()
        return result

    @cached_property
    def syllables(self) -> list[int]:
        """Syllable count of each word, aligned with ``words``."""
        return [count_syllables(t.text) for t in self.words]

    @cached_property
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
