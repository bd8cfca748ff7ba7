"""``pattern``: regular expressions, run with a time limit so none can hang the linter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import regex

from medsos_cli import fieldspec as fs
from medsos_cli.errors import RegexTimeout
from medsos_cli.rulebook.kinds._terms import compile_exceptions, overlaps
from medsos_cli.rulebook.model import Context, Hit, Rule, Where
from medsos_cli.rulebook.regex_budget import probe_problem, regex_field
from medsos_cli.text import tokens as tk
from medsos_cli.ydata import YDict

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

DEFAULT_SKIP = (tk.URL, tk.EMAIL, tk.HASHTAG, tk.MENTION)
ENTITY_NAMES = tk.ENTITY_KINDS


class PatternRule(Rule):
    """Flags matches of one or more regular expressions (the ``regex`` engine)."""

    kind = "pattern"
    FIELDS = Rule.FIELDS + fs.Spec(
        fs.flag("ignorecase", False),
        regex_field("pattern", many=True, ignorecase="ignorecase", nonempty=True),
        regex_field("patterns", many=True, ignorecase="ignorecase", nonempty=True),
        fs.string("replace"),
        fs.flag("fix", False),
        fs.strings("exceptions"),
        fs.strings("requires"),
        regex_field("prefilter", ignorecase="ignorecase"),
        fs.strings("within", choices=ENTITY_NAMES),
        fs.strings("skip_entities", choices=ENTITY_NAMES, default=list(DEFAULT_SKIP)),
    )

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """Patterns (``pattern`` then ``patterns``), fix, pre-checks and entity scopes."""
        ignorecase = v["ignorecase"]
        self.patterns: list[regex.Pattern] = v["pattern"] + v["patterns"]
        if not self.patterns:
            raise self.where.error(f"aturan {self.id}: “pattern” wajib diisi", data.line)
        self.replace = v["replace"]
        # Opt-in: --fix applies ``replace``; the loader checks on the bad examples that the
        # fixed text no longer matches, so fixing twice changes nothing.
        self.fix = v["fix"]
        if self.fix and self.replace is None:
            raise self.where.error(f"aturan {self.id}: “fix: true” memerlukan “replace”",
                                   data.line_of("fix"))
        self.exceptions = compile_exceptions(v["exceptions"], ignorecase)
        # A cheap pre-check: the patterns only run on texts containing one of these strings
        # (case-insensitively when the rule ignores case). The examples prove it is right.
        self.ignorecase = ignorecase
        self.requires = tuple(r.lower() if ignorecase else r for r in v["requires"])
        if any(not r for r in self.requires):
            raise self.where.error(f"aturan {self.id}: “requires” tidak boleh berisi teks "
                                   "kosong", data.line_of("requires"))
        # A cheap regular expression that must match before the (costlier) patterns run.
        self.prefilter = v["prefilter"]
        # Search only inside these entities (e.g. e-mail addresses found by the tokenizer),
        # and never report a match overlapping the skipped ones.
        self.within = frozenset(v["within"])
        self.skip = frozenset(v["skip_entities"]) - self.within

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
    problem = probe_problem(compiled)
    if problem is not None:
        raise where.error(f"aturan {rule_id}: {problem}", line)
