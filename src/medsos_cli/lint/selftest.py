"""The rulebook's self-tests: every rule's examples behave as declared, and ``--fix`` never has
to fix its own result again. A rulebook that fails them refuses to load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from medsos_cli.lint.engine import Linter
from medsos_cli.lint.fix import apply_fixes, fix_text
from medsos_cli.rulebook.model import Account, Context, Rule

if TYPE_CHECKING:
    from medsos_cli.rulebook.load import Rulebook


def check_rule_examples(rule: Rule) -> None:
    """Lint each example with this rule alone; refuse the rule if one misbehaves."""
    values = getattr(rule, "example_values", ())
    ctx = Context(account=Account(name=values[0] if values else "", hashtags=tuple(values)))
    linter = Linter([rule], ctx)
    platform, kind = rule.example_context()
    for expected, items in (("bad", rule.examples.bad), ("good", rule.examples.good)):
        for index, (text, line) in enumerate(items):
            found = linter.lint_text(text, platform=platform, kind=kind).findings
            if expected == "bad" and not found:
                raise rule.where.error(
                    f"aturan {rule.id}: contoh buruk tidak memicu temuan: “{text}”", line)
            if expected == "bad" and any(f.fixable for f in found):
                fixed, _ = apply_fixes(text, found)
                again = linter.lint_text(fixed, platform=platform, kind=kind).findings
                if any(f.fixable for f in again):
                    raise rule.where.error(
                        f"aturan {rule.id}: hasil --fix “{fixed}” masih dapat diperbaiki lagi; "
                        "perbaikan harus tuntas sekali jalan", line)
            want = rule.examples.fixed.get(index) if expected == "bad" else None
            if want is not None:
                got = fix_text(linter, text, platform=platform, kind=kind, findings=found)[0]
                if got != want:
                    raise rule.where.error(
                        f"aturan {rule.id}: --fix membuat “{got}” dari “{text}”, bukan “{want}” "
                        "seperti tertulis di fixed", line)
            if expected == "good" and found:
                raise rule.where.error(
                    f"aturan {rule.id}: contoh baik memicu temuan “{found[0].text}”: “{text}”",
                    line)


def check_fix_idempotence(book: Rulebook) -> None:
    """Refuse substitutions whose replacement is itself a term to replace (``--fix`` loops)."""
    sources: dict[str, str] = {}
    for rule in book:
        if rule.kind == "substitution":
            for key, _ in rule.pairs:  # type: ignore[attr-defined]
                sources.setdefault(key, rule.id)
    for rule in book:
        if rule.kind != "substitution":
            continue
        for key, targets in rule.pairs:  # type: ignore[attr-defined]
            for target in targets:
                words = target.lower().split()
                for size in range(len(words), 0, -1):
                    for i in range(len(words) - size + 1):
                        part = " ".join(words[i:i + size])
                        if part in sources and part != key:
                            raise rule.where.error(
                                f"aturan {rule.id}: saran “{target}” untuk “{key}” memuat "
                                f"“{part}”, yang diganti oleh aturan {sources[part]}; --fix "
                                "tidak boleh mengubah hasilnya lagi")
