"""Run rules over documents and turn their hits into positioned findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from medsos_cli.errors import MedsosError, RegexTimeout
from medsos_cli.findings import Exempted, Finding, Level
from medsos_cli.lint.triggers import WARM_UP, PatternTriggers, available
from medsos_cli.rulebook.kinds._terms import overlaps
from medsos_cli.rulebook.model import Context, Hit, Rule
from medsos_cli.rulebook.terms import TermIndex, match_case
from medsos_cli.text.document import Document

if TYPE_CHECKING:
    from medsos_cli.config import Exemption


@dataclass
class FileResult:
    """The outcome of linting one input."""

    path: str
    platform: str | None = None
    kind: str = "caption"
    findings: list[Finding] = field(default_factory=list)
    exempted: list[Exempted] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)
    error: MedsosError | None = None
    notice: str | None = None
    document: Document | None = None
    bom: bool = False
    rendered: str | None = None  # the output of a format, made where the file was linted

    def count(self, level: Level) -> int:
        """Number of findings at exactly ``level``."""
        return sum(1 for f in self.findings if f.level == level)


class Exemptions:
    """Approved exemptions: a rule silenced for a text or for files (never inline)."""

    def __init__(self, items: Iterable[Exemption] = ()):
        self.items = list(items)

    def match(self, finding: Finding, path: str) -> Exemption | None:
        """Return the exemption covering ``finding`` in ``path``, if any."""
        for item in self.items:
            if item.applies(finding.rule, finding.text, path):
                return item
        return None


class Linter:
    """Applies a list of rules; build it once and lint many texts with it."""

    def __init__(self, rules: Iterable[Rule], context: Context | None = None,
                 exemptions: Exemptions | None = None, terms: TermIndex | None = None):
        self.rules = list(rules)
        self.by_id = {r.id: r for r in self.rules}
        self.context = context or Context()
        self.exemptions = exemptions or Exemptions()
        # A prebuilt index (from a cached rulebook) may hold terms of rules not in this run;
        # matches are filtered by the ids of the active rules.
        self.terms = terms if terms is not None else TermIndex(
            t for r in self.rules if r.uses_terms for t in r.terms)  # type: ignore[attr-defined]
        self._scoped: dict[tuple[str | None, str], tuple[list[Rule], set[str]]] = {}
        # Pattern rules skipped by one Hyperscan scan (see lint.triggers), from the
        # WARM_UP-th text of a run on; the same findings either way.
        self._linted = 0
        self._triggers: PatternTriggers | None = None
        self.use_triggers = True

    def _rules_for(self, platform: str | None, kind: str) -> tuple[list[Rule], set[str]]:
        """Rules that run for this context (term rules apart: their ids filter the index)."""
        key = (platform, kind)
        cached = self._scoped.get(key)
        if cached is None:
            active = [r for r in self.rules if r.applies_to(platform, kind) and not r.uses_terms]
            cached = (active, {r.id for r in self.rules
                               if r.uses_terms and r.applies_to(platform, kind)})
            self._scoped[key] = cached
        return cached

    def lint_text(self, text: str, *, path: str = "-", platform: str | None = None,
                  kind: str = "caption", start: int = 0) -> FileResult:
        """Lint ``text`` (its body starts at ``start``) and return the result."""
        doc = Document(text, start, platform, kind, path)
        return self.lint_document(doc)

    def lint_document(self, doc: Document) -> FileResult:
        """Lint an already built document."""
        result = FileResult(doc.path, doc.platform, doc.kind, document=doc)
        active, term_ids = self._rules_for(doc.platform, doc.kind)
        hits: list[tuple[Rule, Hit]] = []
        if self.terms:
            hits.extend(self._term_hits(doc, term_ids))
        context = self.context
        candidates = self._pattern_candidates(doc)
        for rule in active:
            if candidates is not None and rule.kind == "pattern" and rule.id not in candidates:
                continue
            try:
                found = rule.check(doc, context)
                if found:
                    hits.extend((rule, hit) for hit in found)
            except RegexTimeout as exc:
                result.error = exc
        findings = []
        for rule, hit in hits:
            finding = _finding(doc, rule, hit)
            exemption = self.exemptions.match(finding, doc.path)
            if exemption is not None:
                result.exempted.append(Exempted(finding, exemption.reason, exemption.approved_by))
            else:
                findings.append(finding)
        findings.sort(key=lambda f: (f.offset, -f.level, f.rule))
        result.findings = findings
        return result

    def _pattern_candidates(self, doc: Document) -> frozenset[str] | None:
        """Ids of the pattern rules that may match ``doc`` (None: all of them check)."""
        triggers = self._triggers
        if triggers is None:
            self._linted += 1
            if not self.use_triggers or self._linted < WARM_UP:
                return None
            self.use_triggers = False  # one attempt per linter
            if not available():
                return None
            patterns = [r for r in self.rules if r.kind == "pattern"]
            triggers = PatternTriggers(patterns)  # type: ignore[arg-type]
            triggers.build()
            self._triggers = triggers
        return triggers.candidates(doc)

    def _term_hits(self, doc: Document, term_ids: set[str]):
        exception_spans: dict[str, list[tuple[int, int]]] = {}
        for match in self.terms.find(doc, term_ids):
            term = match.term
            rule = self.by_id[term.rule_id]
            exc = rule.exceptions  # type: ignore[attr-defined]
            if exc is not None:
                spans = exception_spans.get(rule.id)
                if spans is None:
                    spans = [m.span() for m in exc.finditer(doc.text, doc.start)]
                    exception_spans[rule.id] = spans
                if overlaps(spans, match.start, match.end):
                    continue
            found = doc.text[match.start:match.end]
            if term.hint:
                suggestions = term.suggestions  # free text, shown as written
            else:
                suggestions = tuple(match_case(found, s, term.title) for s in term.suggestions)
            yield rule, Hit(match.start, match.end - match.start, found, suggestions,
                            fixable=term.fixable, source=term.source)


def _finding(doc: Document, rule: Rule, hit: Hit) -> Finding:
    line, column = doc.position(hit.offset)
    end_line, end_column = doc.position(hit.offset + hit.length)
    return Finding(
        offset=hit.offset,
        length=hit.length,
        rule=rule.id,
        level=rule.level,
        message=rule.format_message(hit, doc.platform),
        text=hit.text,
        suggestions=hit.suggestions,
        source=hit.source or rule.source,
        fixable=hit.fixable,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )
