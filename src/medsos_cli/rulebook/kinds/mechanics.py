"""EYD V mechanics that need words and sentences rather than one regular expression:
repeated words, the capital at the start of a sentence, common nouns capitalised inside a
sentence, and commas around conjunctions and after sentence-opening connectors.

The word lists (connectors, conjunctions, words that are always capitalised) are rule data in
the YAML, not code.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any

from medsos_cli import fieldspec as fs
from medsos_cli.rulebook.kinds._words import distinct_lower, sentence_starts
from medsos_cli.rulebook.model import Context, Hit, Rule
from medsos_cli.ydata import YDict

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

_END = frozenset(".!?")
_TEXT = attrgetter("text")
_PLACE_BEFORE = frozenset({"di", "ke", "dari", "asal", "menuju", "sampai", "hingga"})


def _lower_set(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


class RepeatedWordRule(Rule):
    """The same word twice in a row, not written as a hyphenated reduplication. A function word
    (``single``) is a slip and ``--fix`` drops the copy; any other word gets both readings."""

    kind = "repeated-word"
    FIELDS = Rule.FIELDS + fs.Spec(fs.strings("single"), fs.strings("ignore"))

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The function words and the words never reported."""
        self.single = _lower_set(v["single"])
        self.ignore = _lower_set(v["ignore"])

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """Adjacent equal words separated by spaces only."""
        words = doc.words
        lower = doc.lower_words
        text = doc.text
        hits: list[Hit] = []
        if len(lower) == len(distinct_lower(doc)):
            return hits  # no word occurs twice
        for i in [k for k, (a, b) in enumerate(zip(lower, lower[1:], strict=False), 1)
                  if a == b]:
            low = lower[i]
            if low in self.ignore or not low.isalpha():
                continue
            prev, cur = words[i - 1], words[i]
            if cur.text[:1].isupper() and low not in self.single:
                continue  # a name (Sri Lestari Lestari) or a heading
            gap = text[prev.end:cur.start]
            if not gap or gap.strip(" \t"):
                continue
            span = text[prev.start:cur.end]
            if low in self.single:
                hits.append(Hit(prev.start, cur.end - prev.start, span, (prev.text,),
                                fixable=True))
            else:
                hits.append(Hit(prev.start, cur.end - prev.start, span,
                                (f"{prev.text}-{cur.text}", prev.text)))
        return hits


class SentenceCapitalRule(Rule):
    """A sentence that starts with a lower-case letter after ``.``, ``!`` or ``?``."""

    kind = "sentence-capital"
    FIELDS = Rule.FIELDS + fs.Spec(fs.strings("ignore"))

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The words never reported."""
        self.ignore = _lower_set(v["ignore"])

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """First words in lower case after a sentence end."""
        words = doc.words
        text = doc.text
        hits: list[Hit] = []
        for sentence in doc.sentences:
            if sentence.first_word >= len(words):
                continue
            word = words[sentence.first_word]
            if word.start != sentence.start or not word.text[:1].islower():
                continue
            if not word.text.isalpha() or word.text.lower() in self.ignore:
                continue  # eKTP, iPhone, codes
            # a few characters are enough (never slice from the start: linear, not quadratic)
            before = text[max(doc.start, word.start - 8):word.start].rstrip(" \t")
            if not before or before[-1] not in _END:
                continue  # a caption or a line may open in lower case (lists, tags)
            if before.endswith("..."):
                continue  # an ellipsis inside a sentence
            if before.endswith("!") and _caps_before(text, doc.start, word.start):
                continue  # LAPOR! di lapor.go.id: a name that ends with "!"
            fixed = word.text[:1].upper() + word.text[1:]
            if fixed == word.text:  # a letter with no capital form (ª, ß in some fonts)
                continue
            hits.append(Hit(word.start, word.end - word.start, word.text, (fixed,),
                            fixable=True))
        return hits


def _caps_before(text: str, start: int, end: int) -> bool:
    """Whether the word before the ``!`` that precedes ``end`` is in capitals (LAPOR!)."""
    chunk = text[max(start, end - 40):end].rstrip().rstrip("!").rstrip()
    parts = chunk.split()
    word = parts[-1] if parts else ""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class CommonCapitalRule(Rule):
    """A common word (known to the dictionary) capitalised inside a sentence, alone (no other
    capitalised word among the three before it or right after it: Dinas Pendidikan dan
    Kebudayaan is a name), not after a title."""

    kind = "common-capital"
    FIELDS = Rule.FIELDS + fs.Spec(fs.strings("always"), fs.strings("titles"))

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """Words capitalised anyway, and titles before names."""
        self.always = _lower_set(v["always"])
        self.titles = frozenset(w.rstrip(".") for w in _lower_set(v["titles"]))

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """Isolated capitalised dictionary words inside sentences."""
        words = doc.words
        lower = doc.lower_words
        text = doc.text
        n = len(words)
        if not n:
            return []
        from medsos_cli.lexicon import lexicon

        lex = lexicon()
        # capitalised dictionary words: a word whose lower case differs only in its first
        # letter; the dictionary and ``always`` filter the distinct words first
        # words with a capital letter: the distinct texts minus the distinct lower-case words
        # (two C-level set operations instead of a loop over the word tokens)
        capitals = set(map(_TEXT, words)).difference(distinct_lower(doc))
        if not capitals:
            return []
        known = lex.known_forms({w.lower() for w in capitals
                                 if w[1:].islower()}).difference(self.always)
        if not known:
            return []
        starts = sentence_starts(doc)
        hits: list[Hit] = []
        for i in [k for k, low in enumerate(lower) if low in known]:
            word = words[i].text
            if i in starts or not word[:1].isupper() or not word[1:].islower():
                continue
            low = lower[i]
            if low in ctx.accept_words or len(low) < 3:
                continue
            if i and lower[i - 1].rstrip(".") in self.titles:
                continue
            if any(words[k].text[:1].isupper() for k in range(max(0, i - 3), i)):
                continue  # part of a coordinated name: Dinas Pendidikan dan Kebudayaan
            if i + 1 < n and words[i + 1].text[:1].isupper():
                continue
            before = text[max(doc.start, words[i].start - 4):words[i].start].rstrip(" \t")
            if before and before[-1] in "\"“‘'(:/-–":
                continue  # a quotation, a heading after a colon, a bracket
            if i and lower[i - 1] in _PLACE_BEFORE and low in lex.places:
                continue  # di Kasihan, ke Bulu: a place name that is also a common word
            hits.append(Hit(words[i].start, len(word), word, (low,)))
        return hits


class ConnectorCommaRule(Rule):
    """Commas around conjunctions (EYD V, tanda koma): one after a sentence-opening connector
    (``openers``), one before ``comma_before`` conjunctions, none before ``no_comma_before``."""

    kind = "connector-comma"
    FIELDS = Rule.FIELDS + fs.Spec(
        fs.strings("openers"),
        fs.strings("comma_before"),
        fs.strings("no_comma_before"),
        fs.flag("fix", True),
    )

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The connector lists (openers longest first)."""
        self.openers = sorted((tuple(p.lower().split()) for p in v["openers"]),
                              key=len, reverse=True)
        self.comma_before = _lower_set(v["comma_before"])
        self.no_comma_before = _lower_set(v["no_comma_before"])
        self.fix = v["fix"]
        self._opener_words = {o[0] for o in self.openers}
        self._opener_tail = frozenset(o[-1] for o in self.openers)  # "Namun, karena …" stays
        self._all_words = self._opener_words | self.comma_before | self.no_comma_before

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """Missing or extra commas at connectors."""
        words = doc.words
        lower = doc.lower_words
        text = doc.text
        n = len(words)
        hits: list[Hit] = []
        present = distinct_lower(doc)
        if present.isdisjoint(self._all_words):
            return hits
        starts = sentence_starts(doc)
        for i in sorted(starts):
            if i >= n or lower[i] not in self._opener_words:
                continue
            for opener in self.openers:
                size = len(opener)
                if tuple(lower[i:i + size]) != opener or i + size >= n:
                    continue
                last = words[i + size - 1]
                after = text[last.end:last.end + 1]
                if after in (",", ":", ".", "!", "?", ";", "\n", "\r", "") or \
                        words[i + size].start - last.end != 1 or after != " ":
                    break
                span = text[words[i].start:last.end]
                hits.append(Hit(words[i].start, last.end - words[i].start, span,
                                (span + ",",), fixable=self.fix))
                break
        watched = self.comma_before | self.no_comma_before
        for i in [k for k, low in enumerate(lower) if low in watched and k]:
            low = lower[i]
            if low in self.comma_before and i not in starts:
                prev = words[i - 1]
                gap = text[prev.end:words[i].start]
                if gap == " " and lower[i - 1] not in ("akan", "dan", "atau"):
                    hits.append(Hit(prev.end, words[i].end - prev.end,
                                    text[prev.end:words[i].end], (", " + words[i].text,),
                                    fixable=self.fix))
            elif low in self.no_comma_before and i not in starts:
                prev = words[i - 1]
                gap = text[prev.end:words[i].start]
                if gap == ", " and i - 1 not in starts and lower[i - 1] not in self._opener_tail:
                    hits.append(Hit(prev.end, words[i].end - prev.end,
                                    text[prev.end:words[i].end], (" " + words[i].text,),
                                    fixable=self.fix))
        return hits


class NameCaseRule(Rule):
    """Words always written with a capital (``words``: day and month names) found in lower
    case. The distinct lower-case words are intersected with the list first, so a caption
    without one costs one set operation."""

    kind = "name-case"
    FIELDS = Rule.FIELDS + fs.Spec(fs.strings("words", min_items=1, item="kata"))

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The words by their lower-case form."""
        self.words = {w.lower(): w for w in v["words"]}
        self._keys = frozenset(self.words)

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """Listed words written all in lower case, with the capitalised form."""
        present = distinct_lower(doc).intersection(self._keys)
        if not present:
            return []
        words = doc.words
        return [Hit(t.start, t.end - t.start, t.text, (self.words[t.text],), fixable=True)
                for t in words if t.text in present]
