"""``substitution``: a non-standard form and its standard replacement (KBBI, EYD V)."""

from __future__ import annotations

from typing import Any

from medsos_cli import fieldspec as fs
from medsos_cli.rulebook.kinds._terms import compile_exceptions, split_key
from medsos_cli.rulebook.model import Rule, Where
from medsos_cli.rulebook.terms import term
from medsos_cli.text.morphology import affixed_pairs
from medsos_cli.ydata import YDict


class SubstitutionRule(Rule):
    """Swap map of terms to suggestions; unambiguous ones can be applied by ``--fix``."""

    kind = "substitution"
    FIELDS = Rule.FIELDS + fs.Spec(
        fs.flag("affixes", False),
        fs.flag("ignorecase", True),
        fs.flag("fix", True),
        fs.flag("title", False),
        fs.strings("exceptions"),
        fs.mapping("swap", required=True, what="pasangan bentuk → saran"),
    )
    uses_terms = True

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The swap map as terms (with their affixed forms when ``affixes``)."""
        where = self.where
        self.affixes = v["affixes"]
        self.ignorecase = v["ignorecase"]
        self.fix = v["fix"]
        self.title = v["title"]
        self.exceptions = compile_exceptions(v["exceptions"], self.ignorecase)
        swap = v["swap"]
        if not swap:
            raise where.error(f"aturan {self.id}: “swap” wajib berisi pasangan bentuk → saran",
                              data.line_of("swap"))
        self.terms: list[tuple] = []
        self.pairs: list[tuple[str, tuple[str, ...]]] = []
        for key, value in swap.items():
            line = swap.line_of(key) if isinstance(swap, YDict) else where.line
            targets, source, hint = _entry(value, where, self.id, key, line)
            words = split_key(key.lower() if self.ignorecase else key, where, self.id, line)
            shown = targets or ((hint,) if hint else ())
            fixable = self.fix and len(targets) == 1
            self.pairs.append((" ".join(words), targets))
            self.terms.append(term(self.id, words, shown, source, fixable, self.title,
                                   self.ignorecase, hint=not targets))
            # Affixes apply to single words with at most one replacement; phrases match as is.
            if self.affixes and len(words) == 1 and len(targets) <= 1:
                target = targets[0].lower() if targets else ""
                for form, replaced in affixed_pairs(words[0], target):
                    self.pairs.append((form, (replaced,) if targets else ()))
                    self.terms.append(term(self.id, (form,), (replaced,) if targets else shown,
                                           source, fixable, self.title, self.ignorecase,
                                           hint=not targets))


# A swap entry written as a mapping: ``analisa: {to: analisis, source: "KBBI: analisis"}``.
_ENTRY = fs.Spec(fs.strings("to"), fs.string("source"), fs.string("hint"))


def _entry(value: object, where: Where, rule_id: str, key: str,
           line: int) -> tuple[tuple[str, ...], str | None, str | None]:
    """Parse one swap value: a string, a list, or ``{to, source, hint}``."""
    source = hint = None
    if isinstance(value, dict):
        entry = _ENTRY.read(value, lambda message, at: where.error(
            f"aturan {rule_id}: swap “{key}”: {message}", at or line), context=" pada swap")
        source, hint, value = entry["source"], entry["hint"], entry["to"]
    if isinstance(value, str):
        targets: tuple[str, ...] = (value,)
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        targets = tuple(value)
    else:
        raise where.error(f"aturan {rule_id}: saran untuk “{key}” harus teks atau daftar teks",
                          line)
    if not targets and not hint:
        raise where.error(f"aturan {rule_id}: “{key}” tanpa saran perlu “hint”", line)
    return targets, source, hint
