"""``pattern``: regular expressions, run with a time limit so none can hang the linter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from medsos_cli.errors import RegexTimeout
from medsos_cli.rulebook.kinds._terms import compile_exceptions, overlaps
from medsos_cli.rulebook.model import COMMON_KEYS, Context, Hit, Rule, Where, flag, str_list
from medsos_cli.rulebook.regex_budget import repetition_problem
from medsos_cli.text import tokens as tk
from medsos_cli.ydata import YDict

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

DEFAULT_SKIP = (tk.URL, tk.EMAIL, tk.HASHTAG, tk.MENTION)
ENTITY_NAMES = tk.ENTITY_KINDS

# Inputs on which a pattern with catastrophic backtracking shows itself within the probe limit.
_PROBES = (
    "a" * 4000 + "!",
    "aa " * 1500 + "!",
    "1" * 4000 + "x",
    "A" * 4000 + "!",
    "a." * 2000 + "!",
    " " * 4000 + "x",
    "a" * 2000 + "@" + "a" * 2000,
)
# Linear patterns finish the probes in microseconds; catastrophic ones take exponential time,
# so a generous limit separates them even on a busy machine.
PROBE_TIMEOUT = 0.5


class PatternRule(Rule):
    """Flags matches of one or more regular expressions (the ``regex`` engine)."""

    kind = "pattern"
    KEYS = COMMON_KEYS | {"pattern", "patterns", "replace", "fix", "ignorecase", "exceptions",
                          "skip_entities", "requires", "prefilter", "within"}

    def __init__(self, data: YDict, where: Where):
        super().__init__(data, where)
        ignorecase = flag(data, "ignorecase", False, where, self.id)
        sources = str_list(data, "patterns", where, self.id)
        if "pattern" in data:
            sources = str_list(data, "pattern", where, self.id) + sources
        if not sources:
            raise where.error(f"aturan {self.id}: “pattern” wajib diisi", data.line)
        flags = regex.IGNORECASE if ignorecase else 0
        self.patterns: list[regex.Pattern] = []
        line = data.line_of("pattern" if "pattern" in data else "patterns")
        for source in sources:
            compiled = self._compile(source, flags, where, line)
            if compiled.fullmatch("") is not None:
                raise where.error(f"aturan {self.id}: pola “{source}” cocok dengan teks kosong",
                                  line)
            self.patterns.append(compiled)
        self.replace = data.get("replace")
        if self.replace is not None and not isinstance(self.replace, str):
            raise where.error(f"aturan {self.id}: “replace” harus teks", data.line_of("replace"))
        # Opt-in: --fix applies ``replace``; the loader checks on the bad examples that the
        # fixed text no longer matches, so fixing twice changes nothing.
        self.fix = flag(data, "fix", False, where, self.id)
        if self.fix and self.replace is None:
            raise where.error(f"aturan {self.id}: “fix: true” memerlukan “replace”",
                              data.line_of("fix"))
        self.exceptions = compile_exceptions(
            str_list(data, "exceptions", where, self.id), ignorecase)
        # A cheap pre-check: the patterns only run on texts containing one of these strings
        # (case-insensitively when the rule ignores case). The examples prove it is right.
        self.ignorecase = ignorecase
        self.requires = tuple(r.lower() if ignorecase else r
                              for r in str_list(data, "requires", where, self.id))
        if any(not r for r in self.requires):
            raise where.error(f"aturan {self.id}: “requires” tidak boleh berisi teks kosong",
                              data.line_of("requires"))

        # A cheap regular expression that must match before the (costlier) patterns run.
        self.prefilter = (self._compile(str(data["prefilter"]), flags, where,
                                        data.line_of("prefilter"))
                          if "prefilter" in data else None)
        # Search only inside these entities (e.g. e-mail addresses found by the tokenizer),
        # and never report a match overlapping the skipped ones.
        self.within = self._entities(data, "within", [], where)
        self.skip = self._entities(data, "skip_entities", list(DEFAULT_SKIP), where) - self.within

    def _compile(self, source: str, flags: int, where: Where, line: int) -> regex.Pattern:
        """Compile a user pattern; refuse a catastrophic one (the bundled rulebook's patterns
        are probed by its test suite instead)."""
        problem = repetition_problem(source)
        if problem is not None:
            raise where.error(f"aturan {self.id}: ekspresi reguler ditolak: {problem}", line)
        try:
            compiled = regex.compile(source, flags)
        except regex.error as exc:
            raise where.error(f"aturan {self.id}: ekspresi reguler tidak sah: {exc}",
                              line) from None
        if not where.bundled:
            _probe(compiled, source, where, self.id, line)
        return compiled

    def _entities(self, data: YDict, key: str, default: list[str],
                  where: Where) -> frozenset[str]:
        value = data.get(key, default)
        if not isinstance(value, list) or any(s not in ENTITY_NAMES for s in value):
            raise where.error(f"aturan {self.id}: “{key}” hanya boleh berisi "
                              f"{', '.join(ENTITY_NAMES)}", data.line_of(key))
        return frozenset(value)

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """Every match outside skipped entities and exceptions."""
        if self.requires:
            haystack = doc.lower_text if self.ignorecase else doc.text
            for required in self.requires:  # plain `in` tests: a fast substring search each
                if required in haystack:
                    break
            else:
                return []
        text = doc.text
        # Rules of the bundled rulebook are vetted by its tests; every other pattern runs with
        # a time limit (the per-call limit costs a few microseconds, so only where it guards).
        limit = None if self.trusted else ctx.regex_timeout
        if self.prefilter is not None and self.prefilter.search(
                text, doc.start, timeout=limit) is None:
            return []
        ranges = doc.entity_spans(self.within) if self.within else ((doc.start, len(text)),)
        hits: list[Hit] = []
        for pattern in self.patterns:
            try:
                found = [m for begin, stop in ranges
                         for m in pattern.finditer(text, begin, stop, timeout=limit)]
            except TimeoutError:
                raise RegexTimeout(
                    f"aturan {self.id}: pola “{pattern.pattern}” melewati batas waktu "
                    f"{ctx.regex_timeout:g} detik dan dihentikan", doc.path) from None
            if found:
                hits.extend(self._hits(doc, found))
        return hits

    def _hits(self, doc: Document, found: list) -> Iterator[Hit]:
        skip_spans = doc.entity_spans(self.skip) if self.skip else ()
        exc_spans = ([x.span() for x in self.exceptions.finditer(doc.text, doc.start)]
                     if self.exceptions is not None else ())
        for m in found:
            start, end = m.span()
            if start == end or (skip_spans and overlaps(skip_spans, start, end)):
                continue
            if exc_spans and overlaps(exc_spans, start, end):
                continue
            suggestions: tuple[str, ...] = ()
            if self.replace is not None:
                try:
                    suggestions = (m.expand(self.replace),)
                except (regex.error, IndexError):
                    suggestions = ()
            yield Hit(start, end - start, m.group(), suggestions,
                      fixable=self.fix and len(suggestions) == 1)


def _probe(compiled: regex.Pattern, source: str, where: Where, rule_id: str, line: int) -> None:
    """Refuse a pattern that backtracks catastrophically on adversarial input."""
    for probe in _PROBES:
        try:
            for _ in compiled.finditer(probe, timeout=PROBE_TIMEOUT):
                pass
        except TimeoutError:
            raise where.error(
                f"aturan {rule_id}: pola “{source}” terlalu lambat pada masukan uji (lebih dari "
                f"{PROBE_TIMEOUT:g} detik): kemungkinan backtracking katastrofik", line) from None
