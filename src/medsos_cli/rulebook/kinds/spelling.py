"""Dictionary rules: spelling, meN-/peN- affixation, di/ke spacing, foreign (English) words.

Every kind here works on the distinct lower-case words of a caption: one set look-up each in
the lexicon (``medsos_cli.lexicon``, loaded on first use); only the misses go through clitics,
morphology and suggestions, and each word's analysis is memoised for the process.

Words are skipped when a term rule already reports them (``Context.term_words``), when they are
accepted (``Context.accept_words``, the rule's own ``accept`` list), or when they look like
proper names or acronyms: ALL CAPS or inner capitals, a capitalised word inside a sentence, a
capitalised word followed by another, a word after a title (``titles``), a place name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medsos_cli import fieldspec as fs
from medsos_cli.rulebook.kinds._words import distinct_lower, remember, sentence_starts
from medsos_cli.rulebook.model import Context, Hit, Rule
from medsos_cli.ydata import YDict

if TYPE_CHECKING:
    from medsos_cli.lexicon import Lexicon
    from medsos_cli.text.document import Document

_REPORTS = ("typo", "unknown")


def _lexicon() -> Lexicon:
    from medsos_cli.lexicon import lexicon

    return lexicon()


class _DictionaryRule(Rule):
    """Shared word selection of the dictionary rules."""

    FIELDS = Rule.FIELDS + fs.Spec(
        fs.strings("accept"),
        fs.strings("titles"),
        fs.integer("min_length", low=1, default=3),
    )

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The rule's accept list, titles and shortest word checked."""
        self.accept = frozenset(w.lower() for w in v["accept"])
        self.titles = frozenset(w.lower().rstrip(".") for w in v["titles"])
        self.min_length: int = v["min_length"]

    def _words(self, doc: Document, ctx: Context):
        """(index, token, lower, capitalised, sentence-initial) of each word worth checking."""
        own = self.accept
        titles = self.titles
        lower = doc.lower_words
        for item in _prose_words(doc, ctx):
            i, _, low, _, _ = item
            if len(low) < self.min_length or low in own:
                continue
            if i and lower[i - 1].rstrip(".") in titles:
                continue
            yield item


def _prose_words(doc: Document, ctx: Context) -> list[tuple]:
    """Words of ``doc`` the dictionary does not know as such, worth a closer look, with their
    case facts. The distinct lower-case words minus those the dictionary knows (one set
    operation once the list is a set); only those misses are looked at word by word."""
    return remember(doc, ("prose", id(ctx)), lambda: _select(doc, ctx))


def _select(doc: Document, ctx: Context) -> list[tuple]:
    distinct = distinct_lower(doc)
    misses = distinct.difference(_lexicon().known_forms(distinct))
    if not misses:
        return []
    misses = misses.difference(ctx.term_words, ctx.accept_words)
    if not misses:
        return []
    words = doc.words
    lower = doc.lower_words
    n = len(words)
    found = []
    for i in [k for k, low in enumerate(lower) if low in misses]:
        text = words[i].text
        if not text.isalpha() and not _hyphenated(text) and not _apostrophe(text):
            continue  # digits: codes and names, not prose words
        if not text[1:].islower() and not text[1:].replace("-", "").islower():
            continue  # ALL CAPS, CamelCase, se-Kabupaten: an acronym or a name
        if text[0].isupper():
            if i not in sentence_starts(doc):
                continue  # capitalised inside a sentence: a proper name
            if i + 1 < n and words[i + 1].text[:1].isupper():
                continue  # a run of capitalised words: a name (Dinas Kesehatan)
            found.append((i, words[i], lower[i], True, True))
        else:
            found.append((i, words[i], lower[i], False, False))
    return found


def _apostrophe(text: str) -> bool:
    """Jum'at, ma'af: an apostrophe inside letters (old spelling of a glottal stop)."""
    return "'" in text or "’" in text and text.replace("’", "").isalpha()


def _hyphenated(text: str) -> bool:
    return all(part.isalpha() for part in text.split("-") if part) and "-" in text


class SpellingRule(_DictionaryRule):
    """Words the dictionary does not know: ``report: typo`` reports those with a suggestion
    one edit away (and the ``[lint.vocabulary] reject`` words), ``report: unknown`` those
    without a suggestion."""

    kind = "spelling"
    FIELDS = _DictionaryRule.FIELDS + fs.Spec(fs.choice("report", _REPORTS, default="typo"))

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """What is reported: typos or unknown words."""
        super().setup(v, data)
        self.report: str = v["report"]

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """Unknown words, as typos (with suggestions) or as unknown words."""
        from medsos_cli.lexicon import UNKNOWN

        hits: list[Hit] = []
        lex = None
        reject = ctx.reject_words
        typo = self.report == "typo"
        for _, token, low, capital, _initial in self._words(doc, ctx):
            if reject and low in reject:
                if typo:
                    hits.append(Hit(token.start, token.end - token.start, token.text,
                                    values={"value": "ditolak oleh [lint.vocabulary] reject"}))
                continue
            if lex is None:
                lex = _lexicon()
            if _apostrophe(low):
                plain = low.replace("'", "").replace("’", "")
                if typo and plain.isalpha() and lex.is_word(plain):
                    shown = plain[:1].upper() + plain[1:] if capital else plain
                    hits.append(Hit(token.start, token.end - token.start, token.text,
                                    (shown,), values={"value": "tanpa tanda petik"}))
                continue
            if capital:
                # a sentence-initial capitalised word is a name unless it is one edit from a
                # dictionary word: report it only as a typo (the suggestions come first, so
                # that a name costs no English or place list)
                if not typo or lex.is_word(low):
                    continue
                # only typing slips (missed, swapped, doubled letter, neighbouring key):
                # a name one arbitrary letter from a word (Sugeng, suceng) is left alone
                suggestions = lex.suggest(low, max_cost=3)
                if (not suggestions or low in lex.places
                        or lex.analyse(low).status != UNKNOWN):
                    continue
                suggestions = tuple(s[:1].upper() + s[1:] for s in suggestions)
            else:
                if lex.analyse(low).status != UNKNOWN:
                    continue
                suggestions = lex.suggest(low)
            if typo != bool(suggestions):
                continue
            hits.append(Hit(token.start, token.end - token.start, token.text, suggestions,
                            values={"value": "tidak ada di kamus"}))
        return hits


class AffixRule(_DictionaryRule):
    """meN-/peN- before k, p, t, s + vowel that did not melt (*mempengaruhi* → *memengaruhi*),
    decided by the dictionary: the melted form must be a known word."""

    kind = "affixation"
    FIELDS = _DictionaryRule.FIELDS + fs.Spec(fs.flag("fix", True))

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """Whether ``--fix`` melts the prefix."""
        super().setup(v, data)
        self.fix: bool = v["fix"]

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """Unassimilated nasal prefixes with their melted form."""
        from medsos_cli.lexicon import UNASSIMILATED

        hits: list[Hit] = []
        lex = None
        for _, token, low, capital, _initial in self._words(doc, ctx):
            if not low.startswith(("me", "pe")):
                continue
            if lex is None:
                lex = _lexicon()
            if low in lex.forms:
                continue
            found = lex.analyse(low)
            if found.status != UNASSIMILATED or not found.suggestions:
                continue
            suggestion = found.suggestions[0]
            if capital:
                suggestion = suggestion[:1].upper() + suggestion[1:]
            hits.append(Hit(token.start, token.end - token.start, token.text, (suggestion,),
                            fixable=self.fix))
        return hits


class PrepositionRule(_DictionaryRule):
    """``di``/``ke`` as prepositions written solid (*dikantor* → *di kantor*) and the passive
    ``di-`` written apart (*di tulis* → *ditulis*), both decided by the dictionary: a solid
    form the dictionary does not know whose rest is a known non-verb is a preposition; a
    separated pair whose solid form the dictionary generates from a verb root is a passive."""

    kind = "preposition"
    FIELDS = _DictionaryRule.FIELDS + fs.Spec(
        fs.flag("fix", True), fs.strings("places"), fs.strings("apart"))

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """Place words and roots that stay apart after ``di``."""
        super().setup(v, data)
        self.fix: bool = v["fix"]
        # Words after ``di`` that stay apart even if the dictionary has di+word (place and
        # direction words: di tempat, di sana).
        self.places = frozenset(w.lower() for w in v["places"])
        self._glued = frozenset("di" + w for w in self.places)
        # Roots that are nouns as well as verbs: "di pesan berantai" stays apart.
        self.apart = self.places | frozenset(w.lower() for w in v["apart"])

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """Solid prepositions and separated passives."""
        from medsos_cli.lexicon import PREPOSITION

        hits: list[Hit] = []
        lex = None
        words = doc.words
        lower = doc.lower_words
        text = doc.text
        for _, token, low, capital, _initial in self._words(doc, ctx):
            if low.startswith(("di", "ke")):
                if lex is None:
                    lex = _lexicon()
                found = lex.analyse(low)
                if found.status != PREPOSITION and low[2:] in self.places:
                    found = found._replace(status=PREPOSITION,
                                           suggestions=(f"{low[:2]} {low[2:]}",))
                if found.status == PREPOSITION:
                    suggestion = found.suggestions[0]
                    if capital:
                        suggestion = suggestion[:1].upper() + suggestion[1:]
                    hits.append(Hit(token.start, token.end - token.start, token.text,
                                    (suggestion,), fixable=self.fix))
        # di glued to a place word, even where the dictionary's cross products have the
        # solid form (dibagian, from bagi + di- + -an)
        present = distinct_lower(doc)
        glued = present.intersection(self._glued).difference(ctx.term_words,
                                                              ctx.accept_words)
        if glued:
            reported = {h.offset for h in hits}
            for i in [k for k, low in enumerate(lower) if low in glued]:
                token = words[i]
                if token.start in reported or not token.text[1:].islower():
                    continue
                low = lower[i]
                suggestion = f"{token.text[:2]} {low[2:]}"
                hits.append(Hit(token.start, token.end - token.start, token.text,
                                (suggestion,), fixable=self.fix))
            hits.sort(key=lambda h: h.offset)
        if "di" in present:
            lex = _lexicon()
            skip = ctx.term_words
            for i in [k for k, low in enumerate(lower) if low == "di"]:
                if i + 1 >= len(words):
                    continue
                prev, token = words[i], words[i + 1]
                low = lower[i + 1]
                if (token.text[:1].islower() and low not in self.apart and low not in skip
                        and low in lex.verbs and "di" + low in lex.forms
                        and text[prev.end:token.start] == " "):
                    hits.append(Hit(prev.start, token.end - prev.start,
                                    text[prev.start:token.end], (prev.text + token.text,),
                                    fixable=self.fix))
        return hits


class ForeignRule(_DictionaryRule):
    """English words that are not Indonesian (not in the Indonesian dictionary, in the English
    one), with the Badan Bahasa equivalent where ``padanan`` knows it."""

    kind = "foreign"
    FIELDS = _DictionaryRule.FIELDS + fs.Spec(
        fs.mapping("padanan", what="pemetaan kata → padanan"))

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The Badan Bahasa equivalents by lower-case word."""
        super().setup(v, data)
        raw = v["padanan"] or {}
        self.padanan: dict[str, tuple[str, ...]] = {}
        for key, value in raw.items():
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                raise self.where.error(
                    f"aturan {self.id}: padanan “{key}” harus teks atau daftar",
                    raw.line_of(key) if isinstance(raw, YDict) else self.where.line)
            self.padanan[str(key).lower()] = tuple(value)

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """English words, with their Indonesian equivalents when known."""
        from medsos_cli.lexicon import ENGLISH

        hits: list[Hit] = []
        lex = None
        for _, token, low, capital, _initial in self._words(doc, ctx):
            if capital:
                continue  # a capitalised English word is usually a brand or a title
            if lex is None:
                lex = _lexicon()
            if low in lex.forms:
                continue
            if low in self.padanan or lex.analyse(low).status == ENGLISH:
                equivalents = self.padanan.get(low, ())
                shown = (", mis. " + " / ".join(f"“{e}”" for e in equivalents)
                         if equivalents else "")
                hits.append(Hit(token.start, token.end - token.start, token.text,
                                equivalents, values={"value": shown}))
        return hits
