"""``required``: the text must contain something (e.g. the account's official hashtag)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from medsos_cli.rulebook.model import COMMON_KEYS, Context, Hit, Rule, Where, str_list
from medsos_cli.rulebook.regex_budget import repetition_problem
from medsos_cli.ydata import YDict

if TYPE_CHECKING:
    from medsos_cli.text.document import Document

SOURCES = ("account.hashtags", "account.name")


class RequiredRule(Rule):
    """Reports at the start of the text when none (or not all) of the values is present."""

    kind = "required"
    KEYS = COMMON_KEYS | {"values_from", "example_values", "tokens", "pattern", "match"}

    def __init__(self, data: YDict, where: Where):
        super().__init__(data, where)
        self.values_from = data.get("values_from")
        if self.values_from is not None and self.values_from not in SOURCES:
            raise where.error(f"aturan {self.id}: “values_from” harus salah satu dari "
                              f"{', '.join(SOURCES)}", data.line_of("values_from"))
        self.tokens = str_list(data, "tokens", where, self.id)
        self.example_values = tuple(str_list(data, "example_values", where, self.id))
        self.pattern: regex.Pattern | None = None
        if "pattern" in data:
            problem = repetition_problem(str(data["pattern"]))
            if problem is not None:
                raise where.error(f"aturan {self.id}: ekspresi reguler ditolak: {problem}",
                                  data.line_of("pattern"))
            try:
                self.pattern = regex.compile(str(data["pattern"]), regex.IGNORECASE)
            except regex.error as exc:
                raise where.error(f"aturan {self.id}: ekspresi reguler tidak sah: {exc}",
                                  data.line_of("pattern")) from None
        if sum(x is not None and x != [] for x in (self.values_from, self.tokens or None,
                                                   self.pattern)) != 1:
            raise where.error(f"aturan {self.id}: isi tepat satu dari values_from, tokens, "
                              "atau pattern", data.line)
        self.match = data.get("match", "any")
        if self.match not in ("any", "all"):
            raise where.error(f"aturan {self.id}: “match” harus any atau all",
                              data.line_of("match"))

    def values(self, ctx: Context) -> tuple[str, ...]:
        """The values that must be present (from the rule or from the configuration)."""
        if self.values_from == "account.hashtags":
            return ctx.account.hashtags
        if self.values_from == "account.name":
            return (ctx.account.name,) if ctx.account.name else ()
        return tuple(self.tokens)

    def check(self, doc: Document, ctx: Context) -> list[Hit]:
        """The hits of this rule (see ``_check``)."""
        return list(self._check(doc, ctx))

    def _check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """Yield one zero-length hit at the start when the requirement is not met."""
        body = doc.body
        if self.pattern is not None:
            if self.pattern.search(body, timeout=ctx.regex_timeout) is None:
                yield Hit(doc.start, 0, "", values={"value": self.pattern.pattern})
            return
        wanted = [v for v in self.values(ctx) if v.strip()]
        if not wanted:
            return
        present = [_contains(body, v) for v in wanted]
        ok = all(present) if self.match == "all" else any(present)
        if not ok:
            missing = tuple(v for v, p in zip(wanted, present, strict=True) if not p)
            yield Hit(doc.start, 0, "", suggestions=missing,
                      values={"value": ", ".join(missing)})


def _contains(text: str, value: str) -> bool:
    """Case-insensitive whole-token search (``#Tagar`` does not match ``#TagarLain``)."""
    pattern = rf"(?<![\p{{L}}\p{{N}}_#@]){regex.escape(value)}(?![\p{{L}}\p{{N}}_])"
    return regex.search(pattern, text, regex.IGNORECASE) is not None
