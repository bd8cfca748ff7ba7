"""``existence``: words or phrases that must not appear (campaign words, blaming phrases)."""

from __future__ import annotations

from medsos_cli.rulebook.kinds._terms import compile_exceptions, split_key
from medsos_cli.rulebook.model import COMMON_KEYS, Rule, Where, flag, str_list
from medsos_cli.rulebook.terms import term
from medsos_cli.text.morphology import affixed_pairs
from medsos_cli.ydata import YDict, YList


class ExistenceRule(Rule):
    """Flags every occurrence of its tokens, except inside its exceptions."""

    kind = "existence"
    KEYS = COMMON_KEYS | {"tokens", "affixes", "ignorecase", "exceptions"}
    uses_terms = True
    fix = False

    def __init__(self, data: YDict, where: Where):
        super().__init__(data, where)
        self.affixes = flag(data, "affixes", False, where, self.id)
        self.ignorecase = flag(data, "ignorecase", True, where, self.id)
        self.exceptions = compile_exceptions(
            str_list(data, "exceptions", where, self.id), self.ignorecase)
        tokens = str_list(data, "tokens", where, self.id)
        if not tokens:
            raise where.error(f"aturan {self.id}: “tokens” wajib berisi sedikitnya satu istilah",
                              data.line_of("tokens"))
        raw = data.get("tokens")
        lines = raw.item_lines if isinstance(raw, YList) else [data.line_of("tokens")] * len(tokens)
        self.terms: list[tuple] = []
        self.pairs: list[tuple[str, tuple[str, ...]]] = []
        for token, line in zip(tokens, lines, strict=True):
            words = split_key(token.lower() if self.ignorecase else token, where, self.id, line)
            self.terms.append(term(self.id, words, ignorecase=self.ignorecase))
            if self.affixes and len(words) == 1:
                for form, _ in affixed_pairs(words[0], ""):
                    self.terms.append(term(self.id, (form,), ignorecase=self.ignorecase))
