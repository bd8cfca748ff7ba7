"""``existence``: words or phrases that must not appear (campaign words, blaming phrases)."""

from __future__ import annotations

from typing import Any

from medsos_cli import fieldspec as fs
from medsos_cli.rulebook.kinds._terms import compile_exceptions, split_key
from medsos_cli.rulebook.model import Rule
from medsos_cli.rulebook.terms import term
from medsos_cli.text.morphology import affixed_pairs
from medsos_cli.ydata import YDict


class ExistenceRule(Rule):
    """Flags every occurrence of its tokens, except inside its exceptions."""

    kind = "existence"
    FIELDS = Rule.FIELDS + fs.Spec(
        fs.flag("affixes", False),
        fs.flag("ignorecase", True),
        fs.strings("exceptions"),
        fs.strings("tokens", min_items=1, item="istilah"),
    )
    uses_terms = True
    fix = False

    def setup(self, v: dict[str, Any], data: YDict) -> None:
        """The tokens as terms (with their affixed forms when ``affixes``)."""
        where = self.where
        self.affixes = v["affixes"]
        self.ignorecase = v["ignorecase"]
        self.exceptions = compile_exceptions(v["exceptions"], self.ignorecase)
        tokens = v["tokens"]
        lines = fs.item_lines(data, "tokens")
        self.terms: list[tuple] = []
        self.pairs: list[tuple[str, tuple[str, ...]]] = []
        for token, line in zip(tokens, lines, strict=True):
            words = split_key(token.lower() if self.ignorecase else token, where, self.id, line)
            self.terms.append(term(self.id, words, ignorecase=self.ignorecase))
            if self.affixes and len(words) == 1:
                for form, _ in affixed_pairs(words[0], ""):
                    self.terms.append(term(self.id, (form,), ignorecase=self.ignorecase))
